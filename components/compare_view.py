"""The Compare page's blocks: the network picker, the chart-group switch, and one chart with its
takeaway, image downloads and the data behind it."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components import charts, render

# The summary table comes first: it opens without the charting library, and every chart is one click away.
VIEWS = ["Summary", "Size", "Reach and spread", "Overlap", "Themes and time"]


def render_picker(options: list[str], labels: dict[str, str], default: list[str]) -> list[str]:
    """Two or more networks to compare, bound to ?compare_networks= for a shareable view."""
    by_label = {labels[n]: n for n in options}
    chosen = st.multiselect(
        "Networks to compare",
        list(by_label),
        default=[labels[n] for n in default if n in options],
        key="compare_networks",
        bind="query-params",
        max_selections=8,
        placeholder="Pick two to eight networks",
        help="Networks with listed members that pass the sidebar filters.",
    )
    return [by_label[label] for label in chosen]


def render_view_switch() -> str:
    """Which group of charts to draw; only that group renders, to keep the page quick."""
    view = st.segmented_control(
        "Compare by", VIEWS, default=VIEWS[0], required=True, key="compare_view", bind="query-params"
    )
    return view or VIEWS[0]


def render_chart(figure: go.Figure, title: str, takeaway: str, data: pd.DataFrame, key: str, credit: str) -> None:
    """A chart with its title and takeaway, PNG/SVG export with both inside, and its data as a table and CSV."""
    st.subheader(title)
    st.caption(takeaway)
    st.plotly_chart(figure, config=render.plotly_config(title), key=f"{key}_chart", alt=f"{title}. {takeaway}")
    export: Callable[[], go.Figure] = lambda: charts.for_export(figure, title, takeaway, credit)  # noqa: E731
    render.render_image_downloads(export, title, key, csv=data)
    if st.toggle("Show the data behind this chart", key=f"{key}_table"):
        st.dataframe(data, hide_index=True, width="stretch")


# The summary's columns as people read them; the CSV download keeps the data's own column names.
SUMMARY_COLUMNS = {
    "network": st.column_config.TextColumn("Network", pinned=True),
    "listed_members": st.column_config.NumberColumn("Members listed", format="%d"),
    "official_count": st.column_config.NumberColumn("Members (official count)", format="%d"),
    "official_as_of": st.column_config.TextColumn("Count as of"),
    "coverage": st.column_config.TextColumn("List coverage"),
    "countries": st.column_config.NumberColumn("Countries", format="%d"),
    "mean_distance_km": st.column_config.NumberColumn("Mean distance (km)", format="%d"),
    "max_distance_km": st.column_config.NumberColumn("Widest distance (km)", format="%d"),
    "founded": st.column_config.NumberColumn("Founded", format="%d"),
    "kind": st.column_config.TextColumn("Kind"),
    "shared_with_others": st.column_config.NumberColumn("Members shared with the others", format="%d"),
    "themes": st.column_config.TextColumn("Themes", width="large"),
}


def render_summary(summary: pd.DataFrame, kind_labels: dict[str, str]) -> None:
    """The comparison in one row per network, with readable headers and kinds, and its CSV."""
    st.subheader("Summary")
    shown = summary.assign(kind=summary["kind"].map(kind_labels).fillna(summary["kind"]))
    st.dataframe(shown, hide_index=True, width="stretch", column_config=SUMMARY_COLUMNS, key="compare_summary_table")
    render.render_data_download(summary, "Comparison summary", key="compare_summary_csv")
