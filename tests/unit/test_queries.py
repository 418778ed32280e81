"""Queries over the tiny dataset: counts, coverage, filters, links and sources."""

from __future__ import annotations

import pytest

from data import queries
from data.queries import Filters


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Universität Zürich", "universitat zurich"),
        ("University of Łódź", "university of lodz"),
        ("  KU   Leuven ", "ku leuven"),
        ("Paris 1 Panthéon-Sorbonne", "paris 1 pantheon sorbonne"),
        ("Københavns Universitet", "kobenhavns universitet"),
    ],
)
def test_normalise_text_drops_accents_case_and_punctuation(text: str, expected: str) -> None:
    assert queries.normalise_text(text) == expected


@pytest.mark.parametrize(
    ("listed", "official", "qualifier", "members_listed", "label", "status"),
    [
        (24, 24, "exact", "full", "24 of 24 listed", "complete"),
        (17, 18, "exact", "full", "17 of 18 listed", "partial"),
        (4, 800, "at-least", "known", "4 of 800+ listed (known members only)", "count-only"),
        (2, 750, "approximately", "known", "2 of about 750 listed (known members only)", "count-only"),
        (10, 8, "exact", "full", "10 listed; the network states 8", "complete"),
        (5, None, None, "full", "5 listed (no official count)", "complete"),
        (0, None, None, "none", "members not listed", "unlisted"),
    ],
)
def test_coverage_label_and_status(listed, official, qualifier, members_listed, label, status) -> None:
    assert queries.coverage_label(listed, official, qualifier, members_listed) == label
    assert queries.coverage_status(listed, official, members_listed) == status


def test_network_table_counts_current_full_members_and_former_apart(tiny) -> None:
    table = queries.network_table(tiny).set_index("id")
    assert table.loc["alpha", "listed_current"] == 3
    assert table.loc["alpha", "listed_former"] == 1
    assert table.loc["alpha", "coverage_status"] == "complete"
    # the associate does not count towards the alliance's full members
    assert table.loc["beta", "listed_current"] == 2
    assert table.loc["beta", "listed_associates"] == 1
    assert table.loc["beta", "coverage_label"] == "2 of 3 listed"
    assert table.loc["beta", "coverage_status"] == "partial"
    assert table.loc["alpha", "member_countries"] == 3
    assert table.loc["prog", "coverage_status"] == "unlisted"


def test_network_table_sorts_by_name_ignoring_accents(tiny) -> None:
    assert queries.network_table(tiny)["id"].tolist() == ["alpha", "beta", "prog"]


def test_filter_by_kind_and_theme(tiny) -> None:
    table = queries.network_table(tiny)
    by_kind = queries.filter_networks(table, tiny, Filters(kinds=("programme",)))
    assert by_kind["id"].tolist() == ["prog"]
    by_theme = queries.filter_networks(table, tiny, Filters(themes=("sustainability", "research-policy")))
    assert by_theme["id"].tolist() == ["alpha", "beta"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(regions=("Northern America",)), ["alpha"]),
        (Filters(regions=("Eastern Europe",)), ["beta"]),  # alpha's Polish member left in 2011
        (Filters(countries=("BE",)), ["alpha", "beta", "prog"]),  # prog has no members: matched by its seat
        (Filters(regions=("Africa",)), []),
    ],
)
def test_filter_by_place_uses_current_members(tiny, filters, expected) -> None:
    table = queries.network_table(tiny)
    assert queries.filter_networks(table, tiny, filters)["id"].tolist() == expected


@pytest.mark.parametrize(
    ("search", "expected"),
    [("beta", ["beta"]), ("BÉTA", ["beta"]), ("league", ["alpha"]), ("", ["alpha", "beta", "prog"]), ("zzz", [])],
)
def test_search_matches_name_or_acronym_without_accents(tiny, search, expected) -> None:
    table = queries.network_table(tiny)
    assert queries.filter_networks(table, tiny, Filters(), search)["id"].tolist() == expected


def test_network_members_include_former_with_their_end_year(tiny) -> None:
    members = queries.network_members(tiny, "alpha")
    assert len(members) == 4
    former = members[members["until"].notna()]
    assert former["institution_name"].tolist() == ["University of Łódź"]
    assert former["until"].tolist() == [2011]
    assert set(members["source_url"]) == {"https://example.org/members"}


def test_related_networks_are_phrased_from_each_side(tiny) -> None:
    assert queries.related_networks(tiny, "beta")[["other_id", "phrase"]].values.tolist() == [["prog", "part of"]]
    assert queries.related_networks(tiny, "prog")[["other_id", "phrase"]].values.tolist() == [["beta", "includes"]]


def test_partner_regions_label_country_codes_with_names(tiny) -> None:
    labels = queries.network_partner_regions(tiny, "alpha")["label"].tolist()
    assert labels == ["Eastern Asia", "United States"]


def test_network_sources_count_every_fact_that_cites_them(tiny) -> None:
    sources = queries.network_sources(tiny, "beta").set_index("id")["facts"].to_dict()
    # network row + count + 3 memberships + 1 theme + 1 link all cite the news page
    assert sources == {"s-news": 7}


def test_filter_options_offer_only_places_in_the_data(tiny) -> None:
    options = queries.filter_options(tiny)
    assert options["countries"] == ["BE", "DE", "PL", "US"] or set(options["countries"]) == {"BE", "DE", "PL", "US"}
    assert "Europe" in options["regions"] and "Northern America" in options["regions"]
    assert "Africa" not in options["regions"]
    assert options["kinds"] == ["research-university-group", "european-university-alliance", "programme"]


def test_region_filter_offers_and_applies_the_eu_and_the_ehea(tiny) -> None:
    regions = queries.filter_options(tiny)["regions"]
    assert regions[-2:] == ["European Union", "European Higher Education Area"]
    assert queries.countries_for(Filters(regions=("European Higher Education Area",)), tiny) == {"BE", "DE", "PL"}
    assert queries.countries_for(Filters(regions=("European Union", "Northern America")), tiny) >= {"BE", "US"}
    in_eu = queries.filter_networks(queries.network_table(tiny), tiny, Filters(regions=("European Union",)))
    assert set(in_eu["id"]) == {"alpha", "beta", "prog"}  # prog has no members listed: its seat is in Belgium
    in_america = queries.filter_networks(queries.network_table(tiny), tiny, Filters(regions=("Northern America",)))
    assert set(in_america["id"]) < set(in_eu["id"])


def test_queries_do_not_change_the_dataset(tiny) -> None:
    before = tiny.memberships.copy()
    queries.network_table(tiny)
    queries.network_members(tiny, "alpha")
    assert tiny.memberships.equals(before)


def test_ended_project_is_labelled_ended_with_its_former_members() -> None:
    assert queries.coverage_status(0, 7, "full", ended=True) == "ended"
    assert queries.coverage_label(0, 7, "exact", "full", ended=True, former=7) == "ended; 7 former members listed"


def test_overview_queries_follow_the_filters(tiny) -> None:
    table = queries.network_table(tiny)
    filters = Filters(countries=("BE", "PL"))
    networks = queries.filter_networks(table, tiny, filters)
    memberships = queries.filtered_memberships(tiny, networks, filters)
    assert set(memberships["country"]) == {"BE", "PL"}
    assert queries.overview_figures(memberships, networks) == {
        "networks": 3,
        "institutions": 2,
        "countries": 2,
        "memberships": 3,
    }
    kinds = queries.networks_by_kind(networks)
    assert kinds["networks"].sum() == 3
    top = queries.most_connected_institutions(memberships, {"alpha": "ALPHA", "beta": "BETA"})
    assert top.iloc[0].to_dict() | {} == {
        **top.iloc[0].to_dict(),
        "institution_name": "KU Leuven",
        "network_count": 2,
        "networks": "ALPHA, BETA",
    }


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("Name", ["alpha", "beta", "prog"]),
        ("Most members listed", ["alpha", "beta", "prog"]),
        ("Oldest first", ["alpha", "prog", "beta"]),
        ("Newest first", ["beta", "prog", "alpha"]),
        ("no such order", ["alpha", "beta", "prog"]),
    ],
)
def test_sort_networks(tiny, order, expected) -> None:
    assert queries.sort_networks(queries.network_table(tiny), order)["id"].tolist() == expected


def test_dataset_names_kinds_and_themes_by_their_labels(tiny) -> None:
    assert tiny.kind_labels == {
        "research-university-group": "Research-university group",
        "european-university-alliance": "European University alliance",
        "programme": "Programme or project",
    }
    assert tiny.theme_labels == {
        "research-policy": "Research policy & advocacy",
        "sustainability": "Sustainability & climate",
    }
