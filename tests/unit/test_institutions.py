"""Institution search and profile queries."""

from __future__ import annotations

import pandas as pd
import pytest

from data import institutions


@pytest.mark.parametrize(
    ("query", "expected", "match"),
    [
        ("Heidelberg University", "heidelberg", "exact"),
        ("Universität Heidelberg", "heidelberg", "exact"),  # native name, from the aliases
        ("universitat heidelberg", "heidelberg", "exact"),  # accents and case do not matter
        ("UŁ", "lodz", "exact"),  # short name
        ("Łódź", "lodz", "contains"),
        ("Heidelburg Universty", "heidelberg", "close spelling"),  # misspelt
    ],
)
def test_search_is_accent_alias_and_typo_tolerant(tiny, query, expected, match) -> None:
    found = institutions.search_institutions(tiny, query)
    assert found.iloc[0]["institution_id"] == expected
    assert found.iloc[0]["match"] == match


def test_search_ranks_exact_before_contains_and_can_keep_to_a_country(tiny) -> None:
    assert institutions.search_institutions(tiny, "").empty
    assert institutions.search_institutions(tiny, "zzzz qqq").empty
    assert institutions.search_institutions(tiny, "University", country="US")["institution_id"].tolist() == ["yale"]


def test_search_in_the_real_data_finds_barcelona_under_every_name(real) -> None:
    index = institutions.name_index(real)
    for query in ("Universitat de Barcelona", "University of Barcelona", "UB", "Univeristy of Barselona"):
        found = institutions.search_institutions(real, query, index=index)
        assert "university-of-barcelona" in found["institution_id"].head(3).tolist(), query


def test_institution_networks_list_current_then_former(tiny) -> None:
    table = institutions.institution_networks(tiny, "lodz", {"alpha": "ALPHA", "beta": "BETA"})
    assert table[["network", "status"]].values.tolist() == [["BETA", "current"], ["ALPHA", "former"]]
    assert table["since"].tolist() == [2019, 2002]
    assert pd.isna(table.loc[0, "until"]) and table.loc[1, "until"] == 2011
    assert table["profile"].tolist() == ["/networks?network=beta", "/networks?network=alpha"]


def test_co_members_count_shared_current_networks(tiny) -> None:
    table = institutions.co_members(tiny, "ku-leuven", {"alpha": "ALPHA", "beta": "BETA"}).set_index("institution_id")
    assert table.loc["heidelberg", "shared_networks"] == 2  # member of alpha, associate of beta
    assert table.loc["heidelberg", "networks"] == "ALPHA, BETA"
    assert set(table.index) == {"heidelberg", "lodz", "yale"}
