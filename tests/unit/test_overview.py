"""The Overview's figures for one filter state, over the tiny dataset."""

from __future__ import annotations

from data import queries
from data.overview import overview_view
from data.queries import Filters


def test_overview_view_without_filters_counts_every_current_member(tiny) -> None:
    view = overview_view(tiny, queries.network_table(tiny), Filters())
    assert view.networks == 3
    assert view.institutions == 4 == view.figures["institutions"]
    assert view.places["institutions"].sum() == 4
    assert view.in_several_networks == int((view.most_connected["network_count"] > 1).sum())
    assert set(view.kinds["kind_label"]) >= {"Research-university group", "Programme or project"}


def test_overview_view_follows_the_filters(tiny) -> None:
    table = queries.network_table(tiny)
    everything = overview_view(tiny, table, Filters())
    poland = overview_view(tiny, table, Filters(countries=("PL",)))
    assert poland.institutions == 1 and poland.places["country_name"].tolist() == ["Poland"]
    assert poland.networks == 1 < everything.networks  # only beta has a member in Poland (Łódź)
    assert poland.figures == {"networks": 1, "institutions": 1, "countries": 1, "memberships": 1}
    nothing = overview_view(tiny, table, Filters(countries=("JP",)))
    assert nothing.institutions == 0 and nothing.places.empty
