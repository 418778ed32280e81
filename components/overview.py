"""The Overview page's blocks: headline figures, the map of every member institution, and two tables."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import maps, render
from data.loader import data_dir, load_overview
from data.overview import OverviewView
from data.queries import Filters


def render_headlines(figures: dict[str, int]) -> None:
    columns = st.columns(4)
    for column, (label, value) in zip(columns, figures.items(), strict=True):
        column.metric(label.capitalize(), f"{value:,}")


@st.cache_resource(show_spinner=False, max_entries=64)
def _place_deck(folder: str, filters: Filters, colour: str, map_style: str | None) -> maps.CompactDeck:
    """The Overview's deck for one dataset and filter state, shared by every session: its JSON is
    built once (CompactDeck keeps it) instead of on every rerun."""
    return maps.make_place_deck(load_overview(filters).places, colour, map_style)


def render_institution_map(view: OverviewView, filters: Filters) -> None:
    deck = _place_deck(str(data_dir()), filters, render.palette()[0], render.basemap_style())
    st.pydeck_chart(deck, height=400, key="overview_deck")
    st.caption(
        f"{view.institutions:,} institutions in {len(view.places):,} cities (one dot per city, its size growing "
        f"with the institutions there); {view.in_several_networks:,} institutions are in more than one network."
    )


def render_kind_table(kinds: pd.DataFrame) -> None:
    st.subheader("Networks by kind")
    st.html(
        render.html_table(
            kinds,
            {"kind_label": "Kind", "networks": "Networks"},
            label="Networks by kind",
            bars={"networks": render.palette()[0]},
        )
    )


def render_connected_table(top: pd.DataFrame) -> None:
    st.subheader("Institutions in the most networks")
    st.html(
        render.html_table(
            top.assign(place=top["city"] + ", " + top["country_name"]),
            {
                "institution_name": "Institution",
                "place": "Place",
                "network_count": "Networks",
                "networks": "Which",
            },
            label="Institutions in the most networks",
            bars={"network_count": render.palette()[0]},
        )
    )
