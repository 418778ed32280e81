"""Comparison frames over the tiny dataset."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from data import compare

LABELS = {"alpha": "ALPHA", "beta": "BETA", "prog": "PROG"}


def test_size_table_sets_listed_against_official(tiny) -> None:
    size = compare.size_table(tiny, ["alpha", "beta"], LABELS)
    assert size[["network", "listed_members", "official_count", "coverage"]].values.tolist() == [
        ["ALPHA", 3, 3, "complete"],
        ["BETA", 2, 3, "partial"],
    ]


def test_country_composition_counts_full_current_members(tiny) -> None:
    composition = compare.country_composition(tiny, ["alpha", "beta"], LABELS)
    assert composition[["network", "country", "members"]].values.tolist() == [
        ["ALPHA", "BE", 1],
        ["ALPHA", "DE", 1],
        ["ALPHA", "US", 1],
        ["BETA", "BE", 1],
        ["BETA", "PL", 1],
    ]


def test_spread_measures_distances_between_members(tiny) -> None:
    spread = compare.spread_table(tiny, ["alpha", "beta"], LABELS).set_index("network")
    # Leuven-Lodz is about 1,080 km; with one pair the mean equals the maximum
    assert spread.loc["BETA", "mean_distance_km"] == spread.loc["BETA", "max_distance_km"]
    assert 1000 < spread.loc["BETA", "max_distance_km"] < 1150
    assert spread.loc["ALPHA", "max_distance_km"] > 6000  # Heidelberg to New Haven
    assert spread.loc["ALPHA", "countries"] == 3


def test_spread_of_a_single_member_is_empty(tiny) -> None:
    one = dataclasses.replace(tiny, memberships=tiny.memberships[tiny.memberships["institution_id"] != "lodz"])
    row = compare.spread_table(one, ["beta"], LABELS).iloc[0]
    assert row["members"] == 1
    assert pd.isna(row["mean_distance_km"]) and pd.isna(row["max_distance_km"])


def test_overlap_counts_shared_members_and_jaccard(tiny) -> None:
    overlap = compare.overlap_table(tiny, ["alpha", "beta"], LABELS)
    assert overlap.to_dict("records") == [
        {"network_a": "ALPHA", "network_b": "BETA", "shared_members": 1, "jaccard": pytest.approx(0.25)}
    ]
    shared = compare.shared_institutions(tiny, ["alpha", "beta"], LABELS)
    assert shared[["institution_name", "networks", "count"]].values.tolist() == [["KU Leuven", "ALPHA, BETA", 2]]


def test_themes_matrix_has_one_cell_per_network_and_theme(tiny) -> None:
    themes = compare.themes_matrix(tiny, ["alpha", "beta"], LABELS)
    assert len(themes) == 4
    assert themes[themes["has_theme"] == 1][["network", "theme"]].values.tolist() == [
        ["ALPHA", "Research policy & advocacy"],
        ["BETA", "Sustainability & climate"],
    ]


def test_growth_counts_members_by_year_with_leavers_removed(tiny) -> None:
    growth = compare.growth_table(tiny, ["alpha"], LABELS)
    by_year = dict(zip(growth["year"].astype(int), growth["members"].astype(int), strict=True))
    assert by_year == {2002: 3, 2011: 2}  # 3 joined in 2002 (Yale's year unknown), Lodz left in 2011
    assert growth["join_years_known"].iloc[0] == "3 of 4"
    assert growth["founded"].iloc[0] == 2002


def test_summary_has_one_row_per_network_with_every_measure(tiny) -> None:
    summary = compare.summary_table(tiny, ["alpha", "beta"], LABELS)
    assert summary["network"].tolist() == ["ALPHA", "BETA"]
    assert {
        "listed_members",
        "official_count",
        "countries",
        "mean_distance_km",
        "shared_with_others",
        "themes",
        "founded",
    } <= set(summary.columns)
    assert summary["shared_with_others"].tolist() == [1, 1]
