"""The Overview page's blocks: headline figures, the map of every member institution, and two tables."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import dotmap, render
from data.loader import data_dir, load_overview
from data.overview import OverviewView
from data.queries import Filters


def render_headlines(figures: dict[str, int]) -> None:
    columns = st.columns(4)
    for column, (label, value) in zip(columns, figures.items(), strict=True):
        column.metric(label.capitalize(), f"{value:,}")


@st.cache_resource(show_spinner=False, max_entries=64)
def _place_map(folder: str, filters: Filters, colour: str) -> str:
    """The Overview map's HTML for one dataset and filter state, shared by every session (a string:
    nothing to copy per session)."""
    view = load_overview(filters)
    label = (
        f"Map of the {view.institutions:,} member institutions in {len(view.places):,} cities, one dot per "
        "city; the table of institutions in the most networks is below."
    )
    return dotmap.place_map_html(view.places, colour, label)


def render_institution_map(view: OverviewView, filters: Filters) -> None:
    st.html(_place_map(str(data_dir()), filters, render.palette()[0]))
    st.caption(
        f"{view.institutions:,} institutions in {len(view.places):,} cities (one dot per city, its area growing "
        f"with the institutions there; point at a dot for its institutions); {view.in_several_networks:,} "
        "institutions are in more than one network. The Map page draws each network's members, partner "
        "regions and links, with zoom."
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
