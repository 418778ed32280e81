"""Countries and world regions, derived from the country_converter package's maintained table.

Nothing here is typed by hand: the UN M49 region and sub-region and EU membership of a country come
from country_converter's ``country_data.tsv``. The only composition rules are the two M49
groupings that the table does not carry as a column ("Sub-Saharan Africa", "Latin America and the
Caribbean"); they are read from ``region_groups.csv`` beside the other tables. EHEA membership,
which no maintained library carries, comes from the dataset's cited ``ehea_members`` table.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

_CONTINENT_TO_M49 = {"America": "Americas"}  # coco names the M49 region "Americas" "America"
_ISO2 = re.compile(r"[A-Z]{2}")


@lru_cache(maxsize=1)
def read_country_table() -> pd.DataFrame:
    """One row per ISO 3166-1 alpha-2 code: country, country_name, region, subregion, in_eu."""
    path = resources.files("country_converter") / "country_data.tsv"
    with resources.as_file(path) as tsv:
        raw = pd.read_csv(tsv, sep="\t", dtype=str, keep_default_na=False)
    rows = []
    for record in raw.itertuples(index=False):
        # The ISO2 column holds a regex for a few countries ("^GB$|^UK$"): the first code is ISO.
        codes = _ISO2.findall(record.ISO2)
        if not codes or record.continent in ("", "Antarctica") or not record.UNregion:
            continue
        rows.append(
            {
                "country": codes[0],
                "country_name": record.name_short,
                "region": _CONTINENT_TO_M49.get(record.continent, record.continent),
                "subregion": record.UNregion,
                "in_eu": record.EU27 == "EU27",
            }
        )
    table = pd.DataFrame(rows).drop_duplicates("country")
    table = table.astype(
        {"country": "string", "country_name": "string", "region": "string", "subregion": "string", "in_eu": "bool"}
    )
    return table.sort_values("country_name").reset_index(drop=True)


# Political groups offered beside the UN regions in the region filter (and accepted as region names).
EU = "European Union"
EHEA = "European Higher Education Area"
POLITICAL_GROUPS = (EU, EHEA)


def with_ehea(countries: pd.DataFrame, ehea_members: pd.DataFrame) -> pd.DataFrame:
    """The country table with in_ehea (member, suspended included) and ehea_status (member,
    suspended or empty) from the dataset's ehea_members table."""
    status = dict(zip(ehea_members["country"], ehea_members["status"], strict=True))
    return countries.assign(
        in_ehea=countries["country"].isin(status.keys()),
        ehea_status=countries["country"].map(status).astype("string"),
    )


def countries_in_group(group: str, countries: pd.DataFrame) -> frozenset[str]:
    """ISO codes of the EU's or the EHEA's members (``countries`` as with_ehea returns it)."""
    column = {EU: "in_eu", EHEA: "in_ehea"}[group]
    return frozenset(countries.loc[countries[column], "country"])


def group_label(in_eu: bool, in_ehea: bool, ehea_status: object) -> str:
    """How a country stands in the EU and the EHEA, in words for a profile."""
    suspended = ehea_status == "suspended"
    if in_eu and in_ehea:
        return "EU and EHEA member state"
    if in_ehea:
        return "EHEA member state (membership suspended)" if suspended else "EHEA member state, outside the EU"
    return "outside the EU and the EHEA"


def known_country_codes() -> frozenset[str]:
    return frozenset(read_country_table()["country"])


def read_region_groups(path: Path) -> pd.DataFrame:
    """M49 groupings of sub-regions (group, subregion) from a small data file."""
    return pd.read_csv(path, dtype="string")


def region_names(groups: pd.DataFrame) -> list[str]:
    """Every region name a filter or a partner-region row may use, continents first."""
    table = read_country_table()
    continents = sorted(table["region"].unique())
    subregions = sorted((set(table["subregion"]) - {""}) | set(groups["group"]))
    return continents + [name for name in subregions if name not in continents]


def countries_in_region(region: str, groups: pd.DataFrame) -> frozenset[str]:
    """ISO codes of the countries inside a region, sub-region or M49 grouping."""
    table = read_country_table()
    subregions = set(groups.loc[groups["group"] == region, "subregion"]) | {region}
    mask = table["region"].eq(region) | table["subregion"].isin(subregions)
    return frozenset(table.loc[mask, "country"])
