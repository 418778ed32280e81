"""Pure queries over a Dataset: they take frames and plain values and return new frames.

No Streamlit here and no input is changed in place. Pages call these and hand the results to the
builders and render helpers in components/.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import pandas as pd

from data import geo
from data.dataset import Dataset

CURRENT_ROLES = ("member", "coordinator", "associate", "partner")
FULL_ROLES = ("member", "coordinator", "partner")  # partner: a full participant in a project or programme


@dataclass(frozen=True)
class Filters:
    """The global filters: empty tuples mean no restriction."""

    regions: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.regions or self.countries or self.themes or self.kinds)


# Letters that Unicode does not decompose into a base letter and an accent.
_FOLD = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "œ": "oe",
        "Œ": "OE",
    }
)


def normalise_text(text: str) -> str:
    """Lower-case text without accents or punctuation runs, for accent-tolerant matching."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    cleaned = "".join(ch if ch.isalnum() else " " for ch in stripped.casefold())
    return " ".join(cleaned.split())


def coverage_label(
    listed: int, official: object, qualifier: object, members_listed: str, ended: bool = False, former: int = 0
) -> str:
    """How complete a network's member list is, in words: "24 of 24 listed", "17 of 18 listed"."""
    if ended:
        return f"ended; {former} former members listed"
    if members_listed == "none":
        return "members not listed"
    if pd.isna(official):
        return f"{listed} listed (no official count)"
    count = int(official)  # type: ignore[call-overload]
    shown = {"at-least": f"{count}+", "approximately": f"about {count}"}.get(str(qualifier), str(count))
    if members_listed == "known":
        return f"{listed} of {shown} listed (known members only)"
    if listed > count:
        return f"{listed} listed; the network states {shown}"
    return f"{listed} of {shown} listed"


def coverage_status(listed: int, official: object, members_listed: str, ended: bool = False) -> str:
    """complete, partial, count-only (a big association listed only where members are known), unlisted,
    or ended (a project or alliance that has ended: its members are all former members)."""
    if ended:
        return "ended"
    if members_listed == "none":
        return "unlisted"
    if members_listed == "known":
        return "count-only"
    if pd.isna(official) or listed >= int(official):  # type: ignore[call-overload]
        return "complete"
    return "partial"


def current_memberships(ds: Dataset) -> pd.DataFrame:
    """Memberships with no end year, joined to their institution's place columns."""
    current = ds.memberships[ds.memberships["until"].isna()]
    columns = [
        *["id", "name", "short_name", "city", "country", "country_name", "region", "subregion"],
        *["geonames_id", "lat", "lon"],
    ]
    return current.merge(
        ds.institutions[columns].rename(columns={"id": "institution_id", "name": "institution_name"}),
        on="institution_id",
        how="left",
    )


def network_table(ds: Dataset) -> pd.DataFrame:
    """One row per network with its listed counts, coverage, themes and labels, sorted by name."""
    current = current_memberships(ds)
    full = current[current["role"].isin(FULL_ROLES)]
    listed = full.groupby("network_id").size().rename("listed_current")
    associates = current[~current["role"].isin(FULL_ROLES)].groupby("network_id").size().rename("listed_associates")
    former = ds.memberships[ds.memberships["until"].notna()].groupby("network_id").size().rename("listed_former")
    countries = full.groupby("network_id")["country"].nunique().rename("member_countries")
    themes_of = ds.network_themes.groupby("network_id")["theme"].agg(sorted).to_dict()
    table = (
        ds.networks.set_index("id")
        .join([listed, associates, former, countries])
        .reset_index()
        .merge(ds.network_kinds[["id", "label"]].rename(columns={"id": "kind", "label": "kind_label"}), on="kind")
        .merge(
            ds.countries[["country", "country_name"]].rename(
                columns={"country": "hq_country", "country_name": "hq_country_name"}
            ),
            on="hq_country",
            how="left",
        )
    )
    for column in ("listed_current", "listed_associates", "listed_former", "member_countries"):
        table[column] = table[column].fillna(0).astype("int64")
    table["themes"] = [tuple(themes_of.get(network_id, ())) for network_id in table["id"]]
    table["coverage_status"] = [
        coverage_status(row.listed_current, row.member_count_official, row.members_listed) for row in table.itertuples()
    ]
    table["coverage_label"] = [
        coverage_label(row.listed_current, row.member_count_official, row.member_count_qualifier, row.members_listed)
        for row in table.itertuples()
    ]
    table["display_name"] = [
        f"{row.acronym} · {row.name}" if pd.notna(row.acronym) and row.acronym != row.name else row.name
        for row in table.itertuples()
    ]
    return table.sort_values("name", key=lambda s: s.map(normalise_text)).reset_index(drop=True)


def countries_for(filters: Filters, ds: Dataset) -> frozenset[str] | None:
    """ISO codes the geographic filters allow, or None when no geographic filter is set."""
    if not filters.regions and not filters.countries:
        return None
    codes = set(filters.countries)
    for region in filters.regions:
        if region in geo.POLITICAL_GROUPS:
            codes |= geo.countries_in_group(region, ds.countries)
        else:
            codes |= geo.countries_in_region(region, ds.region_groups)
    return frozenset(codes)


def filter_networks(table: pd.DataFrame, ds: Dataset, filters: Filters, search: str = "") -> pd.DataFrame:
    """Networks of ``network_table`` that match the filters and the search text.

    A network matches the places chosen when one of its current members is there; a network with
    no listed members matches by the country of its seat.
    """
    keep = pd.Series(True, index=table.index)
    if filters.kinds:
        keep &= table["kind"].isin(filters.kinds)
    if filters.themes:
        wanted = set(filters.themes)
        keep &= table["themes"].apply(lambda themes: bool(wanted.intersection(themes)))
    allowed = countries_for(filters, ds)
    if allowed is not None:
        current = current_memberships(ds)
        with_members = set(current.loc[current["country"].isin(allowed), "network_id"])
        unlisted = table["listed_current"].eq(0)
        keep &= table["id"].isin(with_members) | (unlisted & table["hq_country"].isin(allowed))
    needle = normalise_text(search)
    if needle:
        haystack = (table["acronym"].fillna("") + " " + table["name"]).map(normalise_text)
        keep &= haystack.str.contains(needle, regex=False)
    return table[keep].reset_index(drop=True)


def network_members(ds: Dataset, network_id: str) -> pd.DataFrame:
    """Every membership row of one network (current and former) with institution details."""
    rows = ds.memberships[ds.memberships["network_id"] == network_id]
    institutions = ds.institutions.rename(columns={"id": "institution_id", "name": "institution_name"})
    members = rows.merge(institutions, on="institution_id", how="left")
    members = members.merge(
        ds.sources[["id", "url"]].rename(columns={"id": "source_id", "url": "source_url"}), on="source_id", how="left"
    )
    return members.sort_values(["country_name", "institution_name"]).reset_index(drop=True)


def network_themes(ds: Dataset, network_id: str) -> pd.DataFrame:
    rows = ds.network_themes[ds.network_themes["network_id"] == network_id]
    return rows.merge(ds.themes.rename(columns={"id": "theme"}), on="theme").sort_values("label")


def network_partner_regions(ds: Dataset, network_id: str) -> pd.DataFrame:
    """Partner regions of one network; country codes are given their country name as label."""
    rows = ds.partner_regions[ds.partner_regions["network_id"] == network_id].copy()
    names = dict(zip(ds.countries["country"], ds.countries["country_name"], strict=True))
    rows["label"] = rows["region"].map(lambda region: names.get(region, region))
    return rows.sort_values("label").reset_index(drop=True)


_RELATION_PHRASES = {
    "partner-network": ("partner network of", "partner network of"),
    "part-of": ("part of", "includes"),
    "grew-out-of": ("grew out of", "gave rise to"),
    "project-of": ("project of", "runs the project"),
    "member-of": ("member of", "has as member"),
}


def related_networks(ds: Dataset, network_id: str) -> pd.DataFrame:
    """Links of one network in both directions, phrased from its point of view."""
    links = ds.network_links
    outgoing = links[links["from_id"] == network_id].assign(
        other_id=lambda f: f["to_id"], phrase=lambda f: f["relation"].map(lambda r: _RELATION_PHRASES[r][0])
    )
    incoming = links[links["to_id"] == network_id].assign(
        other_id=lambda f: f["from_id"], phrase=lambda f: f["relation"].map(lambda r: _RELATION_PHRASES[r][1])
    )
    both = pd.concat([outgoing, incoming], ignore_index=True)
    names = ds.networks[["id", "acronym", "name"]].rename(columns={"id": "other_id"})
    return both.merge(names, on="other_id", how="left").sort_values(["phrase", "name"]).reset_index(drop=True)


def network_sources(ds: Dataset, network_id: str) -> pd.DataFrame:
    """Every source cited by a fact about one network, with how many facts cite it."""
    network = ds.networks[ds.networks["id"] == network_id]
    cited = pd.concat(
        [
            network["source_id"],
            network["count_source_id"],
            ds.memberships.loc[ds.memberships["network_id"] == network_id, "source_id"],
            ds.network_themes.loc[ds.network_themes["network_id"] == network_id, "source_id"],
            ds.partner_regions.loc[ds.partner_regions["network_id"] == network_id, "source_id"],
            ds.network_links.loc[
                (ds.network_links["from_id"] == network_id) | (ds.network_links["to_id"] == network_id), "source_id"
            ],
        ]
    ).dropna()
    counts = cited.value_counts().rename("facts").rename_axis("id").reset_index()
    return counts.merge(ds.sources, on="id").sort_values(["facts", "title"], ascending=[False, True])


def filter_options(ds: Dataset) -> dict[str, list[str]]:
    """Choices for the global filters: region names, country codes present in the data, theme and kind ids."""
    present = set(ds.institutions["country"]) | set(ds.networks["hq_country"].dropna())
    countries = ds.countries[ds.countries["country"].isin(present)]
    present_regions = set(countries["region"]) | set(countries["subregion"])
    for group, members in ds.region_groups.groupby("group"):
        if present_regions.intersection(members["subregion"]):
            present_regions.add(str(group))
    regions = [name for name in geo.region_names(ds.region_groups) if name in present_regions]
    regions += [group for group in geo.POLITICAL_GROUPS if present & geo.countries_in_group(group, ds.countries)]
    return {
        "regions": regions,
        "countries": countries["country"].tolist(),
        "themes": ds.themes.sort_values("label")["id"].tolist(),
        "kinds": ds.network_kinds["id"].tolist(),
    }


def network_labels(table: pd.DataFrame) -> dict[str, str]:
    """A short unique label per network for legends and pickers: the acronym, or the acronym and
    seat country where two networks share one (U15 Canada, U15 Germany), or the name."""
    acronyms = table["acronym"]
    shared = acronyms[acronyms.duplicated(keep=False)].dropna()
    labels = {}
    for row in table.itertuples():
        if pd.isna(row.acronym):
            labels[row.id] = str(row.name)
        elif row.acronym in set(shared) and pd.notna(row.hq_country_name):
            labels[row.id] = f"{row.acronym} {row.hq_country_name}"
        else:
            labels[row.id] = str(row.acronym)
    return labels


def overview_figures(memberships: pd.DataFrame, networks: pd.DataFrame) -> dict[str, int]:
    """Headline counts for the current filters."""
    return {
        "networks": len(networks),
        "institutions": memberships["institution_id"].nunique(),
        "countries": memberships["country"].nunique(),
        "memberships": len(memberships),
    }


def filtered_memberships(ds: Dataset, networks: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Current memberships of the given networks whose institution lies where the filters allow."""
    current = current_memberships(ds)
    rows = current[current["network_id"].isin(networks["id"])]
    allowed = countries_for(filters, ds)
    if allowed is not None:
        rows = rows[rows["country"].isin(allowed)]
    return rows.reset_index(drop=True)


def networks_by_kind(networks: pd.DataFrame) -> pd.DataFrame:
    """How many networks of each kind, most first."""
    counts = networks.groupby("kind_label").size().rename("networks").reset_index()
    return counts.sort_values(["networks", "kind_label"], ascending=[False, True]).reset_index(drop=True)


def most_connected_institutions(memberships: pd.DataFrame, labels: dict[str, str], top: int = 15) -> pd.DataFrame:
    """The institutions in the most networks (among ``memberships``), with the networks named."""
    grouped = memberships.groupby("institution_id")
    table = grouped[["institution_name", "city", "country_name"]].first()
    table["network_count"] = grouped["network_id"].nunique()
    table = table.reset_index().sort_values(["network_count", "institution_name"], ascending=[False, True]).head(top)
    mine = memberships[memberships["institution_id"].isin(table["institution_id"])]
    names = {
        i: ", ".join(sorted({labels.get(n, n) for n in group}))
        for i, group in mine.groupby("institution_id")["network_id"]
    }
    return table.assign(networks=table["institution_id"].map(names)).reset_index(drop=True)


SORT_ORDERS = {
    "Name": (["name"], [True]),
    "Most members listed": (["listed_current", "name"], [False, True]),
    "Most countries": (["member_countries", "name"], [False, True]),
    "Oldest first": (["founded", "name"], [True, True]),
    "Newest first": (["founded", "name"], [False, True]),
}


def sort_networks(table: pd.DataFrame, order: str) -> pd.DataFrame:
    """The catalogue in one of SORT_ORDERS (unknown orders fall back to Name); names sort without accents."""
    columns, ascending = SORT_ORDERS.get(order, SORT_ORDERS["Name"])
    return table.sort_values(
        columns,
        ascending=ascending,
        na_position="last",
        key=lambda s: s.map(normalise_text) if s.name == "name" else s,
    ).reset_index(drop=True)
