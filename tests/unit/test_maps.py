"""Map builders: layers and traces with the right data, text never treated as HTML."""

from __future__ import annotations

import json

import pandas as pd
import pydeck as pdk

from components import maps
from data import spatial

COLOURS = {"alpha": "#0072B2", "beta": "#E69F00"}
LABELS = {"alpha": "ALPHA", "beta": "BETA", "prog": "The Programme"}


def _inputs(tiny, networks):
    return (
        spatial.member_points(tiny, networks),
        spatial.partner_countries(tiny, networks),
        spatial.partner_arcs(tiny, networks),
        spatial.network_seats(tiny, networks),
    )


def test_network_deck_has_outlines_regions_arcs_members_and_seats(tiny) -> None:
    points, partners, arcs, seats = _inputs(tiny, ["alpha", "beta"])
    deck = maps.make_network_deck(
        points, partners, arcs, seats, ["alpha", "beta"], LABELS, COLOURS, spatial.read_outlines()
    )
    layers = {layer.id: layer for layer in deck.layers}
    assert list(layers) == ["countries", "partner-regions", "arcs", "members-alpha", "members-beta", "seats"]
    assert len(layers["members-alpha"].data) == 3
    assert len(layers["members-beta"].data) == 3
    assert len(layers["arcs"].data) == 2
    assert deck.map_style == maps.NO_BASEMAP  # readable without tiles: the land layer is the base
    assert deck._tooltip == {"text": "{tooltip}"}  # deck.gl sets tooltip text, never HTML


def test_rings_grow_with_the_network_rank(tiny) -> None:
    points, partners, arcs, seats = _inputs(tiny, ["alpha", "beta"])
    deck = maps.make_network_deck(
        points, partners, arcs, seats, ["alpha", "beta"], LABELS, COLOURS, spatial.read_outlines()
    )
    first, second = (layer for layer in deck.layers if layer.id.startswith("members-"))
    assert first.get_radius < second.get_radius
    assert first.filled and not second.filled


def test_tooltip_text_keeps_markup_as_text(tiny) -> None:
    points, partners, arcs, seats = _inputs(tiny, ["alpha"])
    points = points.assign(institution_name="<img src=x onerror=alert(1)>")
    deck = maps.make_network_deck(points, partners, arcs, seats, ["alpha"], LABELS, COLOURS, spatial.read_outlines())
    spec = json.loads(deck.to_json())
    assert deck._tooltip == {"text": "{tooltip}"}  # a text tooltip: deck.gl never parses it as HTML
    members = next(layer for layer in spec["layers"] if layer["id"] == "members-alpha")
    assert members["data"][0]["tooltip"].startswith("<img src=x")


def test_basemap_is_used_only_when_given(tiny) -> None:
    points, partners, arcs, seats = _inputs(tiny, ["alpha"])
    deck = maps.make_network_deck(
        points,
        partners,
        arcs,
        seats,
        ["alpha"],
        LABELS,
        COLOURS,
        spatial.read_outlines(),
        map_style="https://example.org/style.json",
    )
    assert deck.map_style == "https://example.org/style.json"


def test_without_a_basemap_every_deck_asks_streamlit_for_none(tiny) -> None:
    # Streamlit lays CARTO's Positron style (fetched from the internet, watermarked without a key)
    # under a deck whose mapStyle is missing, None or "": only pydeck's own default means no basemap.
    points, partners, arcs, seats = _inputs(tiny, ["alpha"])
    institutions = spatial.institution_points(points, LABELS)
    decks = [
        maps.make_network_deck(points, partners, arcs, seats, ["alpha"], LABELS, COLOURS, spatial.read_outlines()),
        maps.make_institution_deck(institutions, "#0072B2"),
    ]
    for deck in decks:
        spec = json.loads(deck.to_json())
        assert spec["mapStyle"] == maps.NO_BASEMAP == pdk.bindings.deck._DEFAULT_MAP_STYLE_SENTINEL
        assert "mapProvider" not in spec
    styled = json.loads(maps.make_institution_deck(institutions, "#0072B2", "https://example.org/style.json").to_json())
    assert (styled["mapStyle"], styled["mapProvider"]) == ("https://example.org/style.json", "carto")


def test_fit_view_centres_on_points_and_shows_the_world_without_any() -> None:
    view = maps.fit_view(pd.Series([0.0, 10.0]), pd.Series([40.0, 50.0]))
    assert (view.longitude, view.latitude) == (5.0, 45.0)
    assert view.zoom > 2
    assert maps.fit_view(pd.Series(dtype=float), pd.Series(dtype=float)).zoom < 1


def test_static_map_draws_land_regions_arcs_and_one_shape_per_network(tiny) -> None:
    points, partners, arcs, _ = _inputs(tiny, ["alpha", "beta"])
    figure = maps.make_static_map(
        points,
        partners,
        arcs,
        ["alpha", "beta"],
        LABELS,
        COLOURS,
        spatial.read_outlines(),
        "Title here",
        "A takeaway.",
        "Credit line",
    )
    names = [trace.name for trace in figure.data if trace.name]
    assert names == ["ALPHA partner regions", "ALPHA members (3)", "BETA members (3)"]
    members = [t for t in figure.data if t.name and t.name.endswith(")")]
    assert members[0].marker.symbol != members[1].marker.symbol
    arc_traces = [t for t in figure.data if t.line and t.line.dash == "dot"]
    assert len(arc_traces) == 2
    assert "Title here" in figure.layout.title.text and "A takeaway." in figure.layout.title.text
    assert figure.layout.annotations[0].text == "Credit line"
    assert figure.layout.paper_bgcolor == "white"


def test_institution_deck_sizes_dots_by_network_count(tiny) -> None:
    points = spatial.member_points(tiny, ["alpha", "beta"])
    institutions = spatial.institution_points(points, LABELS)
    deck = maps.make_institution_deck(institutions, "#0072B2")
    dots = pd.DataFrame(deck.layers[1].data).set_index("lon")
    leuven = institutions.set_index("institution_id").loc["ku-leuven"]
    assert dots.loc[round(float(leuven["lon"]), 4), "radius"] > dots["radius"].min()
    assert len(dots) == 4


def test_dots_send_positions_to_4_decimals_and_radii_to_a_tenth() -> None:
    institutions = pd.DataFrame(
        {
            "lat": [50.87959012345],
            "lon": [4.70093987654],
            "institution_name": ["KU Leuven"],
            "city": ["Leuven"],
            "country_name": ["Belgium"],
            "network_count": [3],
            "networks": ["ALPHA, BETA, GAMMA"],
        }
    )
    dot = maps.make_institution_deck(institutions, "#0072B2").layers[1].data[0]
    assert (dot["lat"], dot["lon"], dot["radius"]) == (50.8796, 4.7009, 9.0)


def test_deck_json_is_compact_and_equal_to_pydecks(tiny) -> None:
    points, partners, arcs, seats = _inputs(tiny, ["alpha"])
    deck = maps.make_network_deck(points, partners, arcs, seats, ["alpha"], LABELS, COLOURS, spatial.read_outlines())
    compact = deck.to_json()
    assert "\n" not in compact
    assert json.loads(compact) == json.loads(pdk.Deck.to_json(deck))
    assert len(compact) < len(pdk.Deck.to_json(deck)) / 3


def test_co_member_deck_marks_the_institution_and_sizes_co_members(tiny) -> None:
    from data import institutions

    place = tiny.institutions.set_index("id").loc["ku-leuven"]
    co_members = institutions.co_members(tiny, "ku-leuven", {"alpha": "ALPHA", "beta": "BETA"})
    deck = maps.make_co_member_deck(place, co_members, ("#0072B2", "#E69F00"))
    assert [layer.id for layer in deck.layers] == ["countries", "co-members", "institution"]
    others = pd.DataFrame(deck.layers[1].data)
    assert len(others) == 3
    assert others["radius"].max() > others["radius"].min()  # Heidelberg shares two networks
    assert deck.layers[2].data[0]["tooltip"].startswith("KU Leuven")


def test_base_layer_is_the_served_land_file_without_antarctica(tiny) -> None:
    institutions = spatial.institution_points(spatial.member_points(tiny, ["alpha"]), LABELS)
    layer = maps.make_institution_deck(institutions, "#0072B2").layers[0]
    # The deck names the file (a relative URL, fetched once and cached by the browser), not its data.
    assert layer.data == maps.LAND_URL == f"app/static/{maps.LAND_FILE}"
    served = json.loads((maps.STATIC_DIR / maps.LAND_FILE).read_text(encoding="utf-8"))
    codes = {f["properties"]["iso_a2"] for f in served["features"]}
    assert "AQ" not in codes and {"FR", "US", "AU"} <= codes


def test_served_land_file_is_built_from_the_shipped_outlines() -> None:
    # Rebuild with `python -m components.maps` after changing data/outlines/.
    shipped = (maps.STATIC_DIR / maps.LAND_FILE).read_text(encoding="utf-8")
    assert shipped == maps.land_json(spatial.read_outlines())


def test_deck_json_stays_small_without_the_outlines(tiny) -> None:
    points, partners, arcs, seats = _inputs(tiny, ["alpha", "beta"])
    deck = maps.make_network_deck(
        points, partners, arcs, seats, ["alpha", "beta"], LABELS, COLOURS, spatial.read_outlines()
    )
    assert len(deck.to_json()) < 20_000
