"""The Overview's map as plain HTML: one dot per city over a served land image, in the Equal Earth
projection, framed to the dots.

Why not a deck: in a browser without a GPU (many office desktops and remote sessions, and headless
Chromium here) every pydeck redraw is software-rendered, and Streamlit draws a changed deck twice (new
layers at the old view, then the new view), so a filter change on the Overview cost about 0.1 s in
drawing alone. This map is a few hundred positioned elements: the browser lays them out in a few
milliseconds, and a hover on a dot shows its city, count and first institutions (the element's
title). The Map page keeps the interactive deck, with pan, zoom, partner regions and arcs.

The markup is plain HTML (the land is an ``img`` of a static SVG file the app serves, the dots are
``span`` elements placed in percent of the frame, so the map scales with the page width), shown by
``components.overview.show_html``. Every text from the data is escaped here: nothing in the browser
sanitises it again.
"""

from __future__ import annotations

import html
import math
from typing import Any

import numpy as np
import pandas as pd

from components import maps

# Equal Earth (Šavrič, Patterson and Jenny 2018): an equal-area world projection whose meridians
# curve gently, so Europe keeps its shape and dots of the same area stand for the same count.
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2
SCALE = 180.0  # projected units per unit of the unit-sphere formulas: the world is about 974 wide

LAND_FILE = "land-equal-earth.svg"
LAND_URL = f"app/static/{LAND_FILE}"  # relative, like maps.LAND_URL, so a baseUrlPath works too
ASPECT = 3.0  # the frame's width to height
PAD = 15.0  # projected units kept around the outermost dots
MIN_WIDTH = 60.0  # the tightest frame, in projected units (about 11 degrees of longitude)
SPHERE_FILL = "#f6f8fa"


def project(lon: Any, lat: Any) -> tuple[np.ndarray, np.ndarray]:
    """Equal Earth x and y for longitudes and latitudes in degrees; y grows southwards (screen axes)."""
    lam = np.radians(np.asarray(lon, dtype=float))
    theta = np.arcsin(_M * np.sin(np.radians(np.asarray(lat, dtype=float))))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * lam * np.cos(theta) / (3 * (9 * _A4 * t6 * t2 + 7 * _A3 * t6 + 3 * _A2 * t2 + _A1))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x * SCALE, -y * SCALE


X_EDGE = float(project(180.0, 0.0)[0])  # half the world's width
Y_EDGE = float(project(0.0, 90.0)[1]) * -1  # half its height


def _path(xs: np.ndarray, ys: np.ndarray) -> str:
    return "M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in zip(xs, ys, strict=True)) + "Z"


def _sphere() -> str:
    """The world's outline: the meridian at 180 degrees east, then back up the one at 180 west."""
    lats = np.linspace(-90.0, 90.0, 61)
    east = project(np.full_like(lats, 180.0), lats)
    west = project(np.full_like(lats, -180.0), lats[::-1])
    return _path(np.concatenate([east[0], west[0]]), np.concatenate([east[1], west[1]]))


def land_svg(outlines: dict[str, Any]) -> str:
    """The served land image: the world's outline, lightly filled, and the land (every country but
    Antarctica, as on the decks) in one path. A ring that crosses the antimeridian comes unwrapped
    east of 180 degrees (``spatial.read_outlines``); it is drawn twice, as is and 360 degrees west,
    and both are clipped to the world's outline, so each half shows at its own edge."""
    rings = []
    for feature in maps.land_collection(outlines)["features"]:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        for ring in (ring for polygon in polygons for ring in polygon):
            lons = np.array([point[0] for point in ring], dtype=float)
            lats = np.array([point[1] for point in ring], dtype=float)
            for shift in (0.0, -360.0) if lons.max() > 180 else (0.0,):
                rings.append(_path(*project(lons + shift, lats)))
    sphere = _sphere()
    fill = "#{:02x}{:02x}{:02x}".format(*maps.LAND)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{-X_EDGE:.1f} {-Y_EDGE:.1f} {2 * X_EDGE:.1f} '
        f'{2 * Y_EDGE:.1f}"><defs><clipPath id="world"><path d="{sphere}"/></clipPath></defs>'
        f'<path d="{sphere}" fill="{SPHERE_FILL}"/>'
        f'<path clip-path="url(#world)" fill="{fill}" d="{"".join(rings)}"/></svg>\n'
    )


def frame(xs: np.ndarray, ys: np.ndarray) -> tuple[float, float, float, float]:
    """The frame (left, top, width, height in projected units) that holds every dot with a margin,
    widened or heightened to the map's aspect; the whole world when there are no dots."""
    if len(xs) == 0:
        left, right, top, bottom = -X_EDGE, X_EDGE, -Y_EDGE, Y_EDGE
    else:
        left, right = float(np.min(xs)) - PAD, float(np.max(xs)) + PAD
        top, bottom = float(np.min(ys)) - PAD, float(np.max(ys)) + PAD
    width = max(right - left, MIN_WIDTH)
    height = bottom - top
    width, height = max(width, height * ASPECT), max(height, width / ASPECT)
    centre_x, centre_y = (left + right) / 2, (top + bottom) / 2
    return centre_x - width / 2, centre_y - height / 2, width, height


def size_class(institutions: pd.Series) -> np.ndarray:
    """Dot size classes 1 to 8: the square root of the institutions in the city, rounded, so that a
    dot's area grows with the count (capped at 64 institutions and more)."""
    return np.clip(np.rint(np.sqrt(institutions.to_numpy(dtype=float))), 1, 8).astype(int)


def diameter(size: int) -> int:
    """A size class's dot diameter in pixels: a radius of 3 px plus 2.2 px per class."""
    return round(2 * (3 + 2.2 * size))


def place_label(place: Any) -> str:
    """A dot's title: city, country, count and the first institutions, as plain text."""
    count = place.institutions
    return f"{place.city}, {place.country_name}: {count} institution{'s' if count != 1 else ''}\n{place.listed}"


def place_map_html(places: pd.DataFrame, colour: str, label: str) -> str:
    """The map as one HTML fragment: the frame (role img, named by ``label``), the land image placed
    for the frame, and one dot per row of ``places`` (columns lon, lat, city, country_name,
    institutions, listed) with its label as the title."""
    xs, ys = project(places["lon"], places["lat"])
    left, top, width, height = frame(xs, ys)
    sizes = size_class(places["institutions"])
    dots = "".join(
        f'<span class="s{size}" title="{html.escape(place_label(place))}" '
        f'style="left:{(x - left) / width * 100:.2f}%;top:{(y - top) / height * 100:.2f}%"></span>'
        for x, y, size, place in zip(xs, ys, sizes, places.itertuples(), strict=True)
    )
    land = (
        f'<img alt="" src="{LAND_URL}" style="position:absolute;max-width:none;'
        f"left:{(-X_EDGE - left) / width * 100:.2f}%;top:{(-Y_EDGE - top) / height * 100:.2f}%;"
        f'width:{2 * X_EDGE / width * 100:.2f}%;height:{2 * Y_EDGE / height * 100:.2f}%">'
    )
    size_rules = "".join(f".atlas-dots .s{k}{{width:{diameter(k)}px;height:{diameter(k)}px}}" for k in range(1, 9))
    style = (
        ".atlas-map{position:relative;width:100%;aspect-ratio:"
        + f"{ASPECT:g}"
        + ";overflow:hidden;contain:strict;border-radius:.5rem;background:#fff}"
        ".atlas-dots>span{position:absolute;transform:translate(-50%,-50%);border-radius:50%;"
        f"background:{colour}ab;border:1px solid #fff}}"
        ".atlas-dots>span:hover{border-color:#000;z-index:1}" + size_rules
    )
    return (
        f'<div class="atlas-map" role="img" aria-label="{html.escape(label)}">{land}'
        f'<div class="atlas-dots">{dots}</div></div><style>{style}</style>'
    )
