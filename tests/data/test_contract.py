"""The real dataset keeps its contract: schema, documentation, sources, coverage, places."""

from __future__ import annotations

import csv
import dataclasses
import json

import pandas as pd
import pytest

from data import quality, queries
from data.dataset import DATA_DIR

PACKAGE = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in PACKAGE["resources"]}

# The networks the project brief names, plus LERU's partner groups abroad.
BRIEF_NETWORKS = [
    "leru",
    "coimbra-group",
    "una-europa",
    "utrecht-network",
    "europaeum",
    "eua",
    "iau",
    "ec2u",
    "euniwell",
    "charm-eu",
    "aau",
    "go8",
    "russell-group",
    "u15-canada",
    "german-u15",
    "ru11",
    "c9-league",
    "aearu",
    "ce7",
    "eaie",
    "earma",
    "euprio",
    "case",
    "lde",
    "euroscholars",
    "algant",
    "erasmus-mundus",
    "magna-charta",
    "european-universities-initiative",
    "foreu4all",
    "ri4c2",
]


def test_real_dataset_passes_the_schema(real) -> None:
    assert len(real.networks) >= len(BRIEF_NETWORKS)


def test_every_csv_in_tables_is_a_described_resource() -> None:
    on_disk = {path.stem for path in (DATA_DIR / "tables").glob("*.csv")}
    assert on_disk == set(RESOURCES)


@pytest.mark.parametrize("name", sorted(RESOURCES))
def test_every_table_and_column_is_documented(name: str) -> None:
    resource = RESOURCES[name]
    assert resource.get("description", "").strip(), f"{name} has no description"
    with (DATA_DIR / resource["path"]).open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    fields = resource["schema"]["fields"]
    assert header == [f["name"] for f in fields]
    undocumented = [f["name"] for f in fields if not f.get("description", "").strip()]
    assert undocumented == []


def test_package_states_licence_and_sources() -> None:
    assert PACKAGE["licenses"][0]["name"]
    assert "sources" in RESOURCES


def test_every_fact_row_cites_a_source(real) -> None:
    for table in (real.networks, real.memberships, real.network_themes, real.partner_regions, real.network_links):
        assert table["source_id"].notna().all()
    counted = real.networks[real.networks["member_count_official"].notna()]
    assert counted["count_source_id"].notna().all()
    assert counted["member_count_as_of"].notna().all()


def test_every_source_is_cited_and_dated(real) -> None:
    cited = set()
    for table in (real.networks, real.memberships, real.network_themes, real.partner_regions, real.network_links):
        cited |= set(table["source_id"].dropna())
    cited |= set(real.networks["count_source_id"].dropna()) | set(real.institutions["coord_source_id"])
    cited |= set(real.ehea_members["source_id"])
    assert set(real.sources["id"]) - cited == set()
    assert real.sources["accessed"].notna().all()


@pytest.mark.parametrize("network_id", BRIEF_NETWORKS)
def test_network_of_the_brief_is_in_the_data_with_a_summary(real, network_id: str) -> None:
    row = real.networks.set_index("id").loc[network_id]
    assert len(row["summary"]) >= 40


def test_networks_with_a_full_list_show_partial_when_short(real) -> None:
    table = queries.network_table(real)
    full = table[table["members_listed"] == "full"]
    short = full[full["member_count_official"].notna() & (full["listed_current"] < full["member_count_official"])]
    assert (short["coverage_status"] == "partial").all()
    assert (table.loc[table["coverage_status"] == "partial", "coverage_label"].str.contains(" of ")).all()


def test_every_alliance_has_a_call_year_and_funding_status(real) -> None:
    alliances = real.networks[real.networks["kind"] == "european-university-alliance"]
    assert alliances["first_call_year"].notna().all()
    assert alliances["funding_status"].notna().all()


def test_no_probable_duplicate_institutions(real) -> None:
    assert quality.probable_duplicates(real.institutions, real.distinct_institutions).to_dict("records") == []


def test_reviewed_distinct_pairs_are_still_flagged_pairs_with_a_reason(real) -> None:
    # Each reviewed pair must still be one the check flags: a stale entry would hide nothing but
    # would also no longer explain anything.
    flagged = quality.probable_duplicates(real.institutions)
    flagged_pairs = {frozenset(pair) for pair in zip(flagged["a"], flagged["b"], strict=True)}
    reviewed = real.distinct_institutions
    for pair in zip(reviewed["institution_id"], reviewed["other_id"], strict=True):
        assert frozenset(pair) in flagged_pairs, pair
    assert (reviewed["reason"].str.len() > 20).all()


def test_coordinates_lie_within_30_km_of_their_city(real) -> None:
    assert quality.coordinate_problems(real).to_dict("records") == []


def _moved(real, institution_id: str, **changes):
    """The real dataset with one institution's row changed."""
    institutions = real.institutions.copy()
    row = institutions["id"] == institution_id
    for column, value in changes.items():
        institutions.loc[row, column] = value
    return dataclasses.replace(real, institutions=institutions)


def test_a_city_name_shared_across_states_needs_its_geonames_place(real) -> None:
    # Hanover, Maryland is 620 km from Dartmouth's Hanover, New Hampshire: a name match alone passed it.
    wrong = _moved(real, "dartmouth-college", lat=39.19289, lon=-76.72414, geonames_id=pd.NA)
    problems = quality.coordinate_problems(wrong).to_dict("records")
    assert problems == [
        {
            "id": "dartmouth-college",
            "city": "Hanover",
            "country": "US",
            "problem": "13 places are named Hanover in US: give geonames_id",
        }
    ]


def test_coordinates_are_measured_from_the_named_geonames_place(real) -> None:
    wrong = _moved(real, "dartmouth-college", lat=39.19289, lon=-76.72414)  # Maryland, id still New Hampshire's
    assert quality.coordinate_problems(wrong)["problem"].tolist() == ["623 km from Hanover"]
    other = _moved(real, "dartmouth-college", geonames_id=5213681)  # State College, Pennsylvania
    assert quality.coordinate_problems(other)["problem"].tolist() == [
        "geonames_id 5213681 is not a place named Hanover in US"
    ]


def test_coordinate_exceptions_name_real_institutions_with_a_reason(real) -> None:
    exceptions = real.coordinate_exceptions
    assert exceptions["institution_id"].isin(real.institutions["id"]).all()
    assert (exceptions["reason"].str.len() > 20).all()


def test_former_members_keep_their_rows_apart_from_current(real) -> None:
    karolinska = real.memberships[
        (real.memberships["network_id"] == "leru") & real.memberships["institution_id"].str.contains("karolinska")
    ]
    assert karolinska["until"].tolist() == [2011]


def test_ehea_has_the_49_member_states_its_own_page_counts(real) -> None:
    # ehea.info: "49 members of the EHEA, out of which two (the Russian Federation and Belarus) are
    # suspended" (the European Commission, also a member, is not a state). San Marino joined in 2020.
    ehea = real.ehea_members
    assert len(ehea) == 49
    assert set(ehea.loc[ehea["status"] == "suspended", "country"]) == {"RU", "BY"}
    assert {"SM", "VA", "KZ", "GB", "TR", "UA"} <= set(ehea["country"])
    assert not {"FO", "MC", "XK", "IL"} & set(ehea["country"])
    countries = real.countries.set_index("country")
    assert countries.loc["DE", "in_ehea"] and countries.loc["DE", "in_eu"]
    assert countries.loc["NO", "in_ehea"] and not countries.loc["NO", "in_eu"]
    assert not countries.loc["US", "in_ehea"] and countries.loc["RU", "ehea_status"] == "suspended"
