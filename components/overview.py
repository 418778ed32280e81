"""The Overview page's blocks: headline figures, the map of every member institution, and two tables."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import maps, render
from data import spatial


def render_headlines(figures: dict[str, int]) -> None:
    columns = st.columns(4)
    for column, (label, value) in zip(columns, figures.items(), strict=True):
        column.metric(label.capitalize(), f"{value:,}")


def render_institution_map(memberships: pd.DataFrame, labels: dict[str, str]) -> None:
    institutions = spatial.institution_points(memberships)
    places = spatial.place_points(institutions)
    deck = maps.make_place_deck(places, render.palette()[0], render.basemap_style())
    st.pydeck_chart(deck, height=480, key="overview_deck")
    several = int((institutions["network_count"] > 1).sum())
    st.caption(
        f"{len(institutions):,} institutions in {len(places):,} places (one dot per city, its size growing with "
        f"the institutions there); {several:,} institutions are in more than one network."
    )


def render_kind_table(kinds: pd.DataFrame) -> None:
    st.subheader("Networks by kind")
    st.dataframe(
        kinds,
        hide_index=True,
        width="stretch",
        key="overview_kinds",
        column_config={
            "kind_label": st.column_config.TextColumn("Kind"),
            "networks": st.column_config.ProgressColumn(
                "Networks", format="%d", min_value=0, max_value=int(kinds["networks"].max() or 1)
            ),
        },
    )


def render_connected_table(top: pd.DataFrame) -> None:
    st.subheader("Institutions in the most networks")
    st.dataframe(
        top,
        hide_index=True,
        width="stretch",
        key="overview_top",
        column_config={
            "institution_id": None,
            "institution_name": st.column_config.TextColumn("Institution", width="medium"),
            "city": "City",
            "country_name": "Country",
            "network_count": st.column_config.ProgressColumn(
                "Networks", format="%d", min_value=0, max_value=int(top["network_count"].max() or 1)
            ),
            "networks": st.column_config.TextColumn("Which", width="large"),
        },
    )
