"""The shipped Natural Earth 110m country outlines (data/outlines/countries-110m.geojson)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

OUTLINES = Path(__file__).resolve().parents[2] / "data" / "outlines" / "countries-110m.geojson"


@pytest.fixture(scope="module")
def collection() -> dict:
    return json.loads(OUTLINES.read_text(encoding="utf-8"))


def _polygons(geometry: dict) -> list:
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def _by_code(collection: dict) -> dict[str, dict]:
    return {f["properties"]["iso_a2"]: f for f in collection["features"] if f["properties"]["iso_a2"]}


def test_is_a_feature_collection_with_enough_countries(collection) -> None:
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) >= 170
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert set(feature["properties"]) >= {"iso_a2", "name"}
        assert feature["properties"]["name"]


def test_geometries_are_closed_polygons_within_lon_lat_bounds(collection) -> None:
    for feature in collection["features"]:
        geometry = feature["geometry"]
        name = feature["properties"]["name"]
        assert geometry["type"] in ("Polygon", "MultiPolygon"), name
        polygons = _polygons(geometry)
        assert polygons, name
        for polygon in polygons:
            assert polygon, name
            for ring in polygon:
                assert len(ring) >= 4, name
                assert ring[0] == ring[-1], name
                for lon, lat in ring:
                    assert -180 <= lon <= 180, name
                    assert -90 <= lat <= 90, name


def test_iso_a2_codes_are_unique_where_present(collection) -> None:
    codes = Counter(f["properties"]["iso_a2"] for f in collection["features"] if f["properties"]["iso_a2"])
    assert [code for code, count in codes.items() if count > 1] == []
    assert all(len(code) == 2 and code.isupper() for code in codes)


@pytest.mark.parametrize("code", ["DE", "FR", "US", "BR", "CN", "AU", "ZA", "GB", "NO", "JP"])
def test_known_countries_present(collection, code) -> None:
    assert code in _by_code(collection)


def test_france_is_a_multipolygon(collection) -> None:
    assert _by_code(collection)["FR"]["geometry"]["type"] == "MultiPolygon"


def test_file_is_small() -> None:
    assert OUTLINES.stat().st_size < 400 * 1024
