"""World regions derived from country_converter's table."""

from __future__ import annotations

import pytest

from data import geo
from data.dataset import DATA_DIR

GROUPS = geo.read_region_groups(DATA_DIR / "tables" / "region_groups.csv")


@pytest.mark.parametrize(
    ("country", "region", "subregion", "in_eu"),
    [
        ("GB", "Europe", "Northern Europe", False),
        ("GR", "Europe", "Southern Europe", True),
        ("US", "Americas", "Northern America", False),
        ("CN", "Asia", "Eastern Asia", False),
        ("AU", "Oceania", "Australia and New Zealand", False),
        ("DE", "Europe", "Western Europe", True),
    ],
)
def test_country_table_gives_m49_region_subregion_and_eu(country, region, subregion, in_eu) -> None:
    row = geo.read_country_table().set_index("country").loc[country]
    assert (row["region"], row["subregion"], bool(row["in_eu"])) == (region, subregion, in_eu)


def test_country_codes_are_unique_iso_alpha2() -> None:
    codes = geo.read_country_table()["country"]
    assert codes.is_unique
    assert codes.str.fullmatch(r"[A-Z]{2}").all()
    assert {"GB", "GR", "XK"} <= set(codes)


@pytest.mark.parametrize(
    ("region", "inside", "outside"),
    [
        ("Sub-Saharan Africa", "NG", "EG"),
        ("Latin America and the Caribbean", "BR", "US"),
        ("Europe", "PL", "TR"),
        ("Eastern Asia", "JP", "IN"),
        ("Americas", "CA", "ES"),
    ],
)
def test_countries_in_region(region, inside, outside) -> None:
    countries = geo.countries_in_region(region, GROUPS)
    assert inside in countries
    assert outside not in countries


def test_region_names_put_continents_first_and_include_groupings() -> None:
    names = geo.region_names(GROUPS)
    assert names[:5] == ["Africa", "Americas", "Asia", "Europe", "Oceania"]
    assert "Sub-Saharan Africa" in names and "" not in names
