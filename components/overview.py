"""The Overview page's blocks: headline figures, the map of every member institution, and two tables."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import streamlit as st

from components import dotmap, render
from data.loader import data_dir, load_overview
from data.overview import OverviewView
from data.queries import Filters

# The Overview draws few, larger blocks: each Streamlit element costs the browser about a millisecond
# on every rerun, so four metrics in four columns (nine elements) are one definition list here, and
# the two tables in two columns under two subheaders (seven elements) are one block. The blocks are
# HTML built here with every text escaped, shown by a small component (assets/server_html.js)
# rather than st.html, whose browser-side sanitising of the map and tables cost about 30 ms a rerun.
_HTML = st.components.v2.component(
    "atlas_server_html",
    js=(Path(__file__).resolve().parent / "assets" / "server_html.js").read_text(encoding="utf-8"),
    isolate_styles=False,
)
_FIGURES_STYLE = (
    # The grid rule outweighs the margins Streamlit's global styles give every dl.
    ".atlas-blocks dl.atlas-figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));"
    "gap:1rem;margin:0;padding:0}"
    ".atlas-figures dt{font-size:.875rem;line-height:1.6}"
    ".atlas-figures dd{margin:0;padding-bottom:.25rem;font-size:2.25rem;line-height:normal}"
)
_PAIR_STYLE = (
    ".atlas-pair{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr);gap:3rem}"
    "@media (max-width:640px){.atlas-pair{grid-template-columns:minmax(0,1fr)}}"
    # Streamlit's subheader: 1.75rem, semibold, 1.2 line height, .75rem above and 1rem below.
    ".atlas-pair h3{font-size:1.75rem;font-weight:600;line-height:1.2;margin:0;padding:.75rem 0 1rem}"
)


def headlines_html(figures: dict[str, int]) -> str:
    """The headline figures as one definition list: label, then the count with thousands separators."""
    items = "".join(
        f"<div><dt>{html.escape(label.capitalize())}</dt><dd>{value:,}</dd></div>" for label, value in figures.items()
    )
    return f'<dl class="atlas-figures">{items}</dl><style>{_FIGURES_STYLE}</style>'


def show_html(block: str, key: str) -> None:
    """One block of HTML built by this module (every text from the data escaped), as one element."""
    _HTML(data={"html": block}, key=key)


def render_headlines(figures: dict[str, int]) -> None:
    show_html(headlines_html(figures), "overview_figures")


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
    show_html(_place_map(str(data_dir()), filters, render.palette()[0]), "overview_map")
    st.caption(
        f"{view.institutions:,} institutions in {len(view.places):,} cities (one dot per city, its area growing "
        f"with the institutions there; point at a dot for its institutions); {view.in_several_networks:,} "
        "institutions are in more than one network. The Map page draws each network's members, partner "
        "regions and links, with zoom."
    )


def tables_html(kinds: pd.DataFrame, top: pd.DataFrame) -> str:
    """Networks by kind and the institutions in the most networks, side by side (stacked on a phone),
    each under its heading."""
    colour = render.palette()[0]
    kind_table = render.html_table(
        kinds, {"kind_label": "Kind", "networks": "Networks"}, label="Networks by kind", bars={"networks": colour}
    )
    connected_table = render.html_table(
        top.assign(place=top["city"] + ", " + top["country_name"]),
        {"institution_name": "Institution", "place": "Place", "network_count": "Networks", "networks": "Which"},
        label="Institutions in the most networks",
        bars={"network_count": colour},
    )
    return (
        '<div class="atlas-pair">'
        f"<section><h3>Networks by kind</h3>{kind_table}</section>"
        f"<section><h3>Institutions in the most networks</h3>{connected_table}</section>"
        f"</div><style>{_PAIR_STYLE}</style>"
    )


def render_tables(kinds: pd.DataFrame, top: pd.DataFrame) -> None:
    show_html(tables_html(kinds, top), "overview_tables")
