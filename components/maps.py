"""Map figures: pydeck decks for the browser and a static plotly twin for image export.

Builders (make_*) are pure: they take frames, the outlines and plain values and return a new
pydeck Deck or plotly Figure. Networks are told apart by colour and, never by colour alone, by
ring size on the deck and marker shape on the static map; a legend is drawn beside the deck.
"""

from __future__ import annotations

import json
import math
import weakref
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

LAND = [236, 236, 232]
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "triangle-down", "star", "hexagon", "cross"]
RING_NAMES = [
    "filled dot",
    "small ring",
    "medium ring",
    "large ring",
    "larger ring",
    "wide ring",
    "wider ring",
    "widest ring",
]


class CompactDeck(pdk.Deck):
    """A pydeck Deck whose JSON has no indentation.

    pydeck indents its JSON by two spaces, which puts every coordinate of the country outlines on a
    line of its own: about six times the bytes sent to the browser on every rerun."""

    def to_json(self) -> str:
        # Built once: a deck shared from a cache (components.overview) is serialised on first use only.
        # The text is kept outside the instance, whose every attribute pydeck would serialise.
        key = id(self)
        if key not in _JSON_TEXT:
            _JSON_TEXT[key] = json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))
            weakref.finalize(self, _JSON_TEXT.pop, key, None)
        return _JSON_TEXT[key]


_JSON_TEXT: dict[int, str] = {}


# pydeck's own default for map_style. Streamlit draws no basemap only for this value: given None or
# "", it fetches CARTO's Positron style from the internet and draws it under the layers.
NO_BASEMAP = "__MAP_STYLE__"


def basemap(map_style: str | None) -> dict[str, str | None]:
    """The Deck arguments for a basemap style URL, or for no basemap at all (the shipped land layer
    alone, with no request leaving the app) when there is none."""
    if map_style:
        return {"map_style": map_style, "map_provider": "carto"}
    return {"map_style": NO_BASEMAP, "map_provider": None}


def hex_to_rgb(colour: str) -> list[int]:
    colour = colour.lstrip("#")
    return [int(colour[i : i + 2], 16) for i in (0, 2, 4)]


def fit_view(lons: pd.Series, lats: pd.Series) -> pdk.ViewState:
    """A view centred on the points, zoomed so that they all show (whole world when there are none)."""
    if lons.empty:
        return pdk.ViewState(latitude=25, longitude=10, zoom=0.8)
    west, east, south, north = lons.min(), lons.max(), lats.min(), lats.max()
    span = max(east - west, (north - south) * 1.6, 8)
    zoom = max(0.3, min(6.0, math.log2(360 / span) - 0.1))
    return pdk.ViewState(latitude=(north + south) / 2, longitude=(east + west) / 2, zoom=zoom)


# The land layer is a file the app serves (server.enableStaticServing), not data inside the deck: the
# browser fetches it once and caches it, while every rerun's deck JSON stays a few kilobytes instead
# of carrying 0.2 MB of outlines. The path is relative so that it also works under a baseUrlPath.
STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
LAND_FILE = "land-110m.json"
LAND_URL = f"app/static/{LAND_FILE}"


def land_collection(outlines: dict[str, Any]) -> dict[str, Any]:
    """The base layer's land: every outline but Antarctica (no member is there, and its unwrapped
    ring would draw as a band along the bottom of a world view)."""
    return {
        "type": "FeatureCollection",
        "features": [f for f in outlines["features"] if f["properties"]["iso_a2"] != "AQ"],
    }


def land_json(outlines: dict[str, Any]) -> str:
    """The served land file's exact text (compact JSON); tests check the shipped file matches it."""
    return json.dumps(land_collection(outlines), separators=(",", ":"), sort_keys=True) + "\n"


def _outline_layer() -> pdk.Layer:
    """Land as the base layer, drawn from the served land file (see LAND_URL). No country borders:
    in software-rendered Chromium (no GPU) they tripled the redraw time of a filter change on the
    Overview (1.05 s against 0.55 s); partner regions keep theirs."""
    return pdk.Layer(
        "GeoJsonLayer",
        data=LAND_URL,
        id="countries",
        stroked=False,
        filled=True,
        get_fill_color=LAND,
        pickable=False,
    )


def _region_features(
    outlines: dict[str, Any], partners: pd.DataFrame, labels: dict[str, str], colours: dict[str, str]
) -> list[dict[str, Any]]:
    by_code = {f["properties"]["iso_a2"]: f for f in outlines["features"] if f["properties"]["iso_a2"]}
    features = []
    for row in partners.itertuples():
        base = by_code.get(row.country)
        if base is None:
            continue
        rgb = hex_to_rgb(colours[row.network_id])
        tooltip = (
            f"{base['properties']['name']}: partner region of {labels[row.network_id]} ({row.region}, {row.relation})"
        )
        features.append(
            {
                "type": "Feature",
                "geometry": base["geometry"],
                "properties": {"fill": [*rgb, 70], "line": [*rgb, 160], "tooltip": tooltip},
            }
        )
    return features


def make_network_deck(
    points: pd.DataFrame,
    partners: pd.DataFrame,
    arcs: pd.DataFrame,
    seats: pd.DataFrame,
    network_ids: list[str],
    labels: dict[str, str],
    colours: dict[str, str],
    outlines: dict[str, Any],
    map_style: str | None = None,
) -> pdk.Deck:
    """Members as dots and rings (one size per network), partner regions as filled countries,
    arcs from each network's seat to its partner regions, and seat labels."""
    layers = [_outline_layer()]
    regions = _region_features(outlines, partners, labels, colours)
    if regions:
        layers.append(
            pdk.Layer(
                "GeoJsonLayer",
                data={"type": "FeatureCollection", "features": regions},
                id="partner-regions",
                filled=True,
                stroked=True,
                get_fill_color="properties.fill",
                get_line_color="properties.line",
                line_width_min_pixels=0.8,
                pickable=True,
            )
        )
    if not arcs.empty:
        arc_data = arcs.assign(
            colour=arcs["network_id"].map(lambda n: [*hex_to_rgb(colours[n]), 200]),
            tooltip=[
                f"{labels[n]} works with {r} ({rel})"
                for n, r, rel in zip(arcs["network_id"], arcs["region"], arcs["relation"], strict=True)
            ],
        )
        layers.append(
            pdk.Layer(
                "ArcLayer",
                data=arc_data,
                id="arcs",
                get_source_position=["from_lon", "from_lat"],
                get_target_position=["to_lon", "to_lat"],
                get_source_color="colour",
                get_target_color="colour",
                get_width=2,
                pickable=True,
            )
        )
    for rank, network_id in enumerate(network_ids):
        mine = points[points["network_id"] == network_id]
        if mine.empty:
            continue
        rgb = hex_to_rgb(colours[network_id])
        data = mine.assign(tooltip=[_point_tooltip(r, labels[network_id]) for r in mine.itertuples()])
        layers.append(
            pdk.Layer(
                "ScatterplotLayer",
                data=data[["lon", "lat", "tooltip"]],
                id=f"members-{network_id}",
                get_position=["lon", "lat"],
                radius_units="pixels",
                get_radius=4 + 2.5 * rank,
                filled=rank == 0,
                stroked=True,
                get_fill_color=[*rgb, 230],
                get_line_color=[*rgb, 255] if rank else [255, 255, 255, 255],
                line_width_units="pixels",
                get_line_width=2 if rank else 1,
                pickable=True,
            )
        )
    if not seats.empty:
        seat_data = seats.assign(
            label=seats["network_id"].map(labels),
            tooltip=[f"{labels[n]}: {a}" for n, a in zip(seats["network_id"], seats["anchor"], strict=True)],
        )
        layers.append(
            pdk.Layer(
                "TextLayer",
                data=seat_data,
                id="seats",
                get_position=["lon", "lat"],
                get_text="label",
                get_size=13,
                get_color=[30, 30, 30, 255],
                get_alignment_baseline="'bottom'",
                background=True,
                get_background_color=[255, 255, 255, 210],
                pickable=True,
            )
        )
    lons = pd.concat([points["lon"], arcs.get("to_lon", pd.Series(dtype=float))])
    lats = pd.concat([points["lat"], arcs.get("to_lat", pd.Series(dtype=float))])
    return _deck(layers, lons, lats, map_style)


def _point_tooltip(row: Any, label: str) -> str:
    role = "" if row.role in ("member", "partner") else f" ({row.role})"
    return f"{row.institution_name}\n{row.city}, {row.country_name}\n{label}{role}"


def _dots(data: pd.DataFrame, layer_id: str, rgba: list[int], outline: list[int], outline_px: float) -> pdk.Layer:
    """Dots in pixels sized by the frame's ``radius`` column, with a text tooltip. Positions are sent
    to 4 decimals (about 10 m) and radii to 0.1 pixel: the full floats were a sixth of the deck JSON."""
    sent = data[["lon", "lat", "radius", "tooltip"]].astype({"lon": float, "lat": float, "radius": float})
    return pdk.Layer(
        "ScatterplotLayer",
        data=sent.round({"lon": 4, "lat": 4, "radius": 1}),
        id=layer_id,
        get_position=["lon", "lat"],
        radius_units="pixels",
        get_radius="radius",
        get_fill_color=rgba,
        stroked=True,
        get_line_color=outline,
        line_width_units="pixels",
        get_line_width=outline_px,
        pickable=True,
    )


def make_institution_deck(institutions: pd.DataFrame, colour: str, map_style: str | None = None) -> pdk.Deck:
    """Every institution as one dot, its size growing with the number of networks it is in."""
    data = institutions.assign(
        radius=3 + 2 * institutions["network_count"].clip(upper=8),
        tooltip=[
            f"{r.institution_name}\n{r.city}, {r.country_name}\n{r.network_count} network"
            f"{'s' if r.network_count != 1 else ''}: {r.networks}"
            for r in institutions.itertuples()
        ],
    )
    layers = [_outline_layer(), _dots(data, "institutions", [*hex_to_rgb(colour), 170], [255, 255, 255], 1)]
    return _deck(layers, data["lon"], data["lat"], map_style)


def make_co_member_deck(
    institution: pd.Series,
    co_members: pd.DataFrame,
    colours: tuple[str, str],
    map_style: str | None = None,
) -> pdk.Deck:
    """One institution (large dot, black outline) and its co-members (sized by networks shared)."""
    own = pd.DataFrame(
        [
            {
                "lon": float(institution["lon"]),
                "lat": float(institution["lat"]),
                "radius": 11,
                "tooltip": f"{institution['name']}\n{institution['city']}, {institution['country_name']}",
            }
        ]
    )
    others = co_members.assign(
        radius=3 + 2 * co_members["shared_networks"].clip(upper=6),
        tooltip=[
            f"{r.institution_name}\n{r.city}, {r.country_name}\nshares {r.networks}" for r in co_members.itertuples()
        ],
    )
    layers = [
        _outline_layer(),
        _dots(others, "co-members", [*hex_to_rgb(colours[1]), 170], [255, 255, 255], 1),
        _dots(own, "institution", [*hex_to_rgb(colours[0]), 255], [0, 0, 0], 2),
    ]
    return _deck(layers, pd.concat([others["lon"], own["lon"]]), pd.concat([others["lat"], own["lat"]]), map_style)


def _deck(layers: list[pdk.Layer], lons: pd.Series, lats: pd.Series, map_style: str | None) -> pdk.Deck:
    return CompactDeck(
        layers=layers,
        initial_view_state=fit_view(lons.astype(float), lats.astype(float)),
        tooltip={"text": "{tooltip}"},
        **basemap(map_style),
    )


def _rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [polygon[0] for polygon in polygons]


def _path(rings: list[list[list[float]]]) -> tuple[list[float | None], list[float | None]]:
    xs: list[float | None] = []
    ys: list[float | None] = []
    for ring in rings:
        xs += [p[0] for p in ring] + [None]
        ys += [p[1] for p in ring] + [None]
    return xs, ys


def _curve(x0: float, y0: float, x1: float, y1: float, steps: int = 24) -> tuple[list[float], list[float]]:
    """A gentle quadratic curve between two points, bulging to one side like the deck's arcs."""
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    bulge = 0.18 * math.hypot(x1 - x0, y1 - y0)
    cx, cy = (
        mx - (y1 - y0) / (math.hypot(x1 - x0, y1 - y0) or 1) * bulge,
        my + (x1 - x0) / (math.hypot(x1 - x0, y1 - y0) or 1) * bulge,
    )
    ts = [i / steps for i in range(steps + 1)]
    return (
        [(1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t**2 * x1 for t in ts],
        [(1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t**2 * y1 for t in ts],
    )


def make_static_map(
    points: pd.DataFrame,
    partners: pd.DataFrame,
    arcs: pd.DataFrame,
    network_ids: list[str],
    labels: dict[str, str],
    colours: dict[str, str],
    outlines: dict[str, Any],
    title: str,
    caption: str,
    credit: str,
) -> go.Figure:
    """The deck's view as a plotly figure drawn from the shipped outlines (no CDN): land, partner
    regions, arcs and members with one marker shape per network, title and credit inside the image."""
    figure = go.Figure()
    land = land_collection(outlines)["features"]
    xs, ys = _path([ring for f in land for ring in _rings(f["geometry"])])
    figure.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            fill="toself",
            mode="lines",
            fillcolor="rgb(236,236,232)",
            line={"color": "white", "width": 0.5},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    by_code = {f["properties"]["iso_a2"]: f for f in land if f["properties"]["iso_a2"]}
    for network_id in network_ids:
        codes = partners.loc[partners["network_id"] == network_id, "country"]
        rings = [ring for code in codes if code in by_code for ring in _rings(by_code[code]["geometry"])]
        if rings:
            xs, ys = _path(rings)
            r, g, b = hex_to_rgb(colours[network_id])
            figure.add_trace(
                go.Scatter(
                    x=xs,
                    y=ys,
                    fill="toself",
                    mode="lines",
                    fillcolor=f"rgba({r},{g},{b},0.25)",
                    line={"color": f"rgba({r},{g},{b},0.6)", "width": 0.6},
                    hoverinfo="skip",
                    name=f"{labels[network_id]} partner regions",
                    legendgroup=network_id,
                )
            )
    for row in arcs.itertuples():
        cx, cy = _curve(row.from_lon, row.from_lat, row.to_lon, row.to_lat)
        figure.add_trace(
            go.Scatter(
                x=cx,
                y=cy,
                mode="lines",
                line={"color": colours[row.network_id], "width": 1.5, "dash": "dot"},
                hoverinfo="skip",
                showlegend=False,
                legendgroup=row.network_id,
            )
        )
    for rank, network_id in enumerate(network_ids):
        mine = points[points["network_id"] == network_id]
        figure.add_trace(
            go.Scatter(
                x=mine["lon"],
                y=mine["lat"],
                mode="markers",
                name=f"{labels[network_id]} members ({len(mine)})",
                legendgroup=network_id,
                text=mine["institution_name"],
                hovertemplate="%{text}<extra></extra>",
                marker={
                    "symbol": SYMBOLS[rank % len(SYMBOLS)],
                    "size": 9,
                    "color": colours[network_id],
                    "line": {"color": "white", "width": 1},
                },
            )
        )
    lons = pd.concat(
        [points["lon"], arcs.get("to_lon", pd.Series(dtype=float)), arcs.get("from_lon", pd.Series(dtype=float))]
    ).astype(float)
    lats = pd.concat(
        [points["lat"], arcs.get("to_lat", pd.Series(dtype=float)), arcs.get("from_lat", pd.Series(dtype=float))]
    ).astype(float)
    x_range, y_range = _extent(lons, lats)
    figure.update_layout(
        title={"text": f"{title}<br><sup>{caption}</sup>", "x": 0.01, "xanchor": "left"},
        paper_bgcolor="white",
        plot_bgcolor="rgb(214,228,240)",
        margin={"l": 10, "r": 10, "t": 80, "b": 50},
        xaxis={"range": x_range, "visible": False},
        yaxis={"range": y_range, "visible": False, "scaleanchor": "x", "scaleratio": 1.25},
        legend={"orientation": "h", "yanchor": "top", "y": -0.02, "x": 0.01, "bgcolor": "rgba(255,255,255,0.8)"},
        annotations=[
            {
                "text": credit,
                "showarrow": False,
                "xref": "paper",
                "yref": "paper",
                "x": 0.99,
                "y": -0.07,
                "xanchor": "right",
                "font": {"size": 10, "color": "#555"},
            }
        ],
        font={"family": "Source Sans Pro, Arial, sans-serif"},
    )
    return figure


def _extent(lons: pd.Series, lats: pd.Series) -> tuple[list[float], list[float]]:
    if lons.empty:
        return [-170.0, 190.0], [-58.0, 84.0]
    pad = 6.0
    west, east = lons.min() - pad, lons.max() + pad
    south, north = max(lats.min() - pad, -60.0), min(lats.max() + pad, 85.0)
    if east - west < 40:
        centre = (east + west) / 2
        west, east = centre - 20, centre + 20
    if north - south < 25:
        centre = (north + south) / 2
        south, north = centre - 12.5, centre + 12.5
    return [float(west), float(east)], [float(south), float(north)]


def write_static_file(name: str, text: str, folder: Path = STATIC_DIR) -> Path:
    """Write one of the files the app serves from static/."""
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


if __name__ == "__main__":
    # Rebuild the served land files after changing data/outlines/: the decks' land layer and the
    # Overview map's land image.
    from components import dotmap
    from data import spatial

    outlines = spatial.read_outlines()
    print(f"wrote {write_static_file(LAND_FILE, land_json(outlines))}")
    print(f"wrote {write_static_file(dotmap.LAND_FILE, dotmap.land_svg(outlines))}")
