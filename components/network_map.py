"""The Map page's blocks: the network picker, the deck with its legend, and the static twin's downloads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import maps, render
from data import spatial
from data.dataset import Dataset

MAX_NETWORKS = 8  # one colour of the palette and one marker shape each


def render_network_picker(options: list[str], labels: dict[str, str], default: list[str]) -> list[str]:
    """The networks to map, bound to ?map_networks= so the view is a shareable link."""
    by_label = {labels[n]: n for n in options}
    chosen = st.multiselect(
        "Networks on the map",
        list(by_label),
        default=[labels[n] for n in default if n in options],
        key="map_networks",
        bind="query-params",
        max_selections=MAX_NETWORKS,
        placeholder="Pick up to eight networks",
        help="Networks that pass the sidebar filters. Each gets a colour and a ring size (a shape in the image).",
    )
    return [by_label[label] for label in chosen]


def render_network_map(
    ds: Dataset, selected: list[str], allowed: frozenset[str] | None, labels: dict[str, str], credit: str
) -> pd.DataFrame:
    """Deck and legend side by side, a takeaway, and image downloads of the static twin; returns the points."""
    colours = dict(zip(selected, render.palette(), strict=False))
    points = spatial.member_points(ds, selected, allowed)
    partners = spatial.partner_countries(ds, selected)
    arcs = spatial.partner_arcs(ds, selected)
    seats = spatial.network_seats(ds, selected)
    outlines = spatial.read_outlines()
    left, right = st.columns([4, 1], gap="medium")
    with left:
        deck = maps.make_network_deck(
            points, partners, arcs, seats, selected, labels, colours, outlines, render.basemap_style()
        )
        st.pydeck_chart(deck, height=560, key="map_deck")
    with right:
        items = []
        for rank, network_id in enumerate(selected):
            count = int((points["network_id"] == network_id).sum())
            regions = partners.loc[partners["network_id"] == network_id, "region"].nunique()
            items.append(
                (
                    labels[network_id],
                    colours[network_id],
                    f"{maps.RING_NAMES[rank]}: {count} members shown; {regions} partner regions (shaded)",
                )
            )
        render.render_legend(items, "Networks")
        st.caption("Arcs run from each network's seat (or the centre of its members) to its partner regions.")
    st.caption(takeaway(points, partners, selected, labels))
    title = "Members and partner regions of " + ", ".join(labels[n] for n in selected)
    render.render_image_downloads(
        lambda: maps.make_static_map(
            points,
            partners,
            arcs,
            selected,
            labels,
            colours,
            outlines,
            title,
            takeaway(points, partners, selected, labels),
            credit,
        ),
        title,
        key="map_image",
    )
    return points


def takeaway(points: pd.DataFrame, partners: pd.DataFrame, selected: list[str], labels: dict[str, str]) -> str:
    """One sentence computed from what the map shows."""
    institutions = points["institution_id"].nunique()
    countries = points["country"].nunique()
    regions = partners["region"].nunique()
    shared = int((points.groupby("institution_id")["network_id"].nunique() > 1).sum()) if len(selected) > 1 else 0
    sentence = (
        f"{institutions} member institution{'s' if institutions != 1 else ''} in {countries} "
        f"countr{'ies' if countries != 1 else 'y'}"
        f"{f', {shared} of them in more than one of these networks' if shared else ''}"
    )
    if regions:
        sentence += f"; the networks also work with {regions} partner region{'s' if regions != 1 else ''} beyond them"
    return sentence + "."
