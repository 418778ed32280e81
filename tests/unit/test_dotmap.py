"""The Overview's HTML dot map: the projection, the frame around the dots, the markup (escaped, one dot
per city, placed inside the frame) and the served land image."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import numpy as np
import pandas as pd
import pytest

from components import dotmap, maps
from data import spatial
from tests.helpers import PAYLOAD

COLUMNS = ["lon", "lat", "city", "country_name", "institutions", "listed"]


def _places(rows: list[tuple[float, float, str, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "lon": lon,
                "lat": lat,
                "city": city,
                "country_name": "Country",
                "institutions": n,
                "listed": f"U of {city}",
            }
            for lon, lat, city, n in rows
        ],
        columns=COLUMNS,
    )


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(markup: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(markup)
    return parser.tags


def _percent(style: str, name: str) -> float:
    return float(re.search(rf"(?:^|;){name}:(-?[\d.]+)%", style).group(1))


def test_equal_earth_matches_its_published_extent() -> None:
    # Šavrič et al. (2018): the unit Equal Earth map is about 2 x 2.707 wide and 2 x 1.317 high.
    assert dotmap.project(0.0, 0.0)[0] == pytest.approx(0.0)
    assert round(dotmap.X_EDGE / dotmap.SCALE, 3) == 2.707
    assert round(dotmap.Y_EDGE / dotmap.SCALE, 3) == 1.317
    x, y = dotmap.project([10.0, -10.0], [50.0, -50.0])
    assert x[0] == pytest.approx(-x[1]) and y[0] == pytest.approx(-y[1])
    assert y[0] < 0  # north is up on screen
    # Equal area: a degree of latitude is shorter near the pole than at the equator.
    _, ys = dotmap.project([0.0, 0.0, 0.0, 0.0], [0.0, 1.0, 79.0, 80.0])
    assert abs(ys[3] - ys[2]) < abs(ys[1] - ys[0])


def test_frame_holds_every_dot_at_the_maps_aspect() -> None:
    xs, ys = dotmap.project([-8.6, 24.9, 4.4], [41.1, 60.2, 50.8])
    left, top, width, height = dotmap.frame(xs, ys)
    assert width / height == pytest.approx(dotmap.ASPECT)
    margin = dotmap.PAD - 1e-9
    assert left + margin <= xs.min() and xs.max() <= left + width - margin
    assert top + margin <= ys.min() and ys.max() <= top + height - margin
    world = dotmap.frame(np.array([]), np.array([]))
    assert world[2] >= 2 * dotmap.X_EDGE and world[3] >= 2 * dotmap.Y_EDGE


def test_one_city_gets_a_frame_no_tighter_than_the_minimum() -> None:
    xs, ys = dotmap.project([4.4], [50.8])
    left, top, width, height = dotmap.frame(xs, ys)
    # The margin above and below the dot sets the height, and the aspect the width (about 33 degrees).
    assert width == pytest.approx(max(dotmap.MIN_WIDTH, 2 * dotmap.PAD * dotmap.ASPECT))
    assert height == pytest.approx(width / dotmap.ASPECT)
    assert left + width / 2 == pytest.approx(xs[0]) and top + height / 2 == pytest.approx(ys[0])


def test_map_has_one_dot_per_city_placed_inside_the_frame() -> None:
    places = _places([(4.4, 50.8, "Leuven", 4), (-8.6, 41.1, "Porto", 1), (139.7, 35.7, "Tokyo", 70)])
    markup = dotmap.place_map_html(places, "#0072B2", "Map of three cities")
    tags = _tags(markup)
    dots = [attrs for tag, attrs in tags if tag == "span"]
    assert len(dots) == 3
    assert [attrs["class"] for attrs in dots] == ["s2", "s1", "s8"]  # area grows with the count, capped
    for attrs in dots:
        assert 0 < _percent(attrs["style"], "left") < 100 and 0 < _percent(attrs["style"], "top") < 100
    # West to east and north to south as on the globe.
    lefts = [_percent(attrs["style"], "left") for attrs in dots]
    tops = [_percent(attrs["style"], "top") for attrs in dots]
    assert lefts[1] < lefts[0] < lefts[2] and tops[0] < tops[1]
    assert dots[0]["title"] == "Leuven, Country: 4 institutions\nU of Leuven"
    assert dots[1]["title"].startswith("Porto, Country: 1 institution\n")
    frame = next(attrs for tag, attrs in tags if tag == "div" and attrs.get("role") == "img")
    assert frame["aria-label"] == "Map of three cities"


def test_land_image_is_placed_where_the_world_is() -> None:
    places = _places([(0.0, 0.0, "Null Island", 1)])
    markup = dotmap.place_map_html(places, "#0072B2", "Map")
    land = next(attrs for tag, attrs in _tags(markup) if tag == "img")
    dot = next(attrs for tag, attrs in _tags(markup) if tag == "span")
    assert land["src"] == dotmap.LAND_URL == f"app/static/{dotmap.LAND_FILE}" and land["alt"] == ""
    # The image's centre (0, 0 in projected units) is where the dot at 0, 0 is.
    style = land["style"]
    centre_left = _percent(style, "left") + _percent(style, "width") / 2
    centre_top = _percent(style, "top") + _percent(style, "height") / 2
    assert centre_left == pytest.approx(_percent(dot["style"], "left"), abs=0.02)
    assert centre_top == pytest.approx(_percent(dot["style"], "top"), abs=0.02)


def test_text_from_the_data_is_escaped() -> None:
    places = _places([(4.4, 50.8, PAYLOAD, 2)])
    markup = dotmap.place_map_html(places, "#0072B2", f"Map of {PAYLOAD}")
    assert "<script" not in markup and "<img src" not in markup.replace(f'<img alt="" src="{dotmap.LAND_URL}"', "")
    tags = _tags(markup)
    assert [tag for tag, _ in tags] == ["div", "img", "div", "span", "style"]
    title = next(attrs for tag, attrs in tags if tag == "span")["title"]
    assert title.startswith(f"{PAYLOAD}, Country: 2")
    assert next(attrs for tag, attrs in tags if tag == "div")["aria-label"] == f"Map of {PAYLOAD}"


def test_titles_read_exactly_as_the_data_says() -> None:
    # Nothing sanitises the markup in the browser, so no text is altered to survive a sanitiser.
    place = _places([(4.4, 50.8, "A</script> B--> C]> E<b>", 1)]).iloc[0]
    label = dotmap.place_label(place)
    assert label == "A</script> B--> C]> E<b>, Country: 1 institution\nU of A</script> B--> C]> E<b>"
    markup = dotmap.place_map_html(_places([(4.4, 50.8, "A</script> B", 1)]), "#0072B2", "Map")
    assert "</script>" not in markup and "A&lt;/script&gt; B" in markup


def test_no_places_draw_the_whole_world_without_dots() -> None:
    markup = dotmap.place_map_html(_places([]), "#0072B2", "Map")
    assert "<span" not in markup and dotmap.LAND_URL in markup


def test_land_image_clips_antimeridian_rings_and_leaves_out_antarctica() -> None:
    def feature(code: str, ring: list[list[float]]) -> dict:
        return {"properties": {"iso_a2": code}, "geometry": {"type": "Polygon", "coordinates": [ring]}}

    outlines = {
        "features": [
            feature("FJ", [[178.0, -17.0], [182.0, -17.0], [182.0, -18.0], [178.0, -17.0]]),
            feature("BE", [[3.0, 51.0], [6.0, 51.0], [6.0, 50.0], [3.0, 51.0]]),
            feature("AQ", [[-60.0, -70.0], [60.0, -70.0], [0.0, -80.0], [-60.0, -70.0]]),
        ]
    }
    svg = dotmap.land_svg(outlines)
    land = re.search(r'clip-path="url\(#world\)" fill="#ecece8" d="([^"]+)"', svg).group(1)
    assert land.count("M") == 3  # Fiji twice (at each edge) and Belgium; no Antarctica
    assert "<script" not in svg and svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')


def test_served_land_image_is_built_from_the_shipped_outlines() -> None:
    # Rebuild with `python -m components.maps` after changing data/outlines/.
    shipped = (maps.STATIC_DIR / dotmap.LAND_FILE).read_text(encoding="utf-8")
    assert shipped == dotmap.land_svg(spatial.read_outlines())
