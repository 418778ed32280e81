"""Build ``data/outlines/countries-110m.geojson`` from the world-atlas TopoJSON.

The source is ``countries-110m.json`` from the npm package ``world-atlas`` (Natural Earth
1:110m Admin 0 countries, public domain). See ``data/outlines/README.md`` for the exact version.

Usage::

    python data/build_outlines.py path/to/countries-110m.json

Only the standard library is used to decode the TopoJSON. The ISO 3166-1 numeric -> alpha-2
table comes from the ``country_converter`` package, which is already a project dependency.

TopoJSON decoding, in short:

* ``arcs`` is a list of polylines. Because the topology is quantized (it has a ``transform``),
  each arc's points are delta-encoded integers: the first point is absolute, every later point
  is an offset from the previous one. The real position is ``cumsum * scale + translate``.
* A polygon ring is a list of arc indices. A negative index ``i`` means arc ``~i`` (that is
  ``-i - 1``) traversed in reverse. Consecutive arcs share their joining point, so it is kept
  only once.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from importlib.resources import files
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent / "outlines" / "countries-110m.geojson"
OBJECT_NAME = "countries"
PRECISION = 3

# Features that world-atlas ships without an ISO numeric id. Kosovo has a widely used
# user-assigned alpha-2 code; the others (N. Cyprus, Somaliland) get "" but are kept as land.
NAME_TO_ISO_A2 = {"Kosovo": "XK"}

Point = list[float]
Ring = list[Point]


def load_numeric_to_alpha2() -> dict[int, str]:
    """Map ISO 3166-1 numeric codes to alpha-2 using country_converter's bundled table.

    The ``ISO2`` column is usually a plain code, but for a few countries it is a regex such as
    ``^GB$|^UK$``; the first two-letter code in it is the ISO one.
    """
    table = files("country_converter") / "country_data.tsv"
    mapping: dict[int, str] = {}
    with table.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            numeric = (row.get("ISOnumeric") or "").strip()
            codes = re.findall(r"[A-Z]{2}", row.get("ISO2") or "")
            if numeric.isdigit() and codes:
                mapping.setdefault(int(numeric), codes[0])
    return mapping


def decode_arcs(topology: dict) -> list[Ring]:
    """Return every arc as a list of absolute ``[lon, lat]`` points rounded to PRECISION."""
    transform = topology.get("transform")
    if transform:
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    decoded: list[Ring] = []
    for arc in topology["arcs"]:
        x = y = 0
        points: Ring = []
        for position in arc:
            if transform:
                x += position[0]
                y += position[1]
                lon, lat = x * sx + tx, y * sy + ty
            else:
                lon, lat = position[0], position[1]
            points.append([round(lon, PRECISION), round(lat, PRECISION)])
        decoded.append(points)
    return decoded


def build_ring(indices: list[int], arcs: list[Ring]) -> Ring:
    """Stitch arcs (negative index = reversed arc ``~i``) into one closed ring."""
    ring: Ring = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        if ring:
            ring.pop()  # the joining point is repeated at the start of the next arc
        ring.extend(arc)
    # Rounding can make neighbouring points equal; drop those repeats.
    deduped: Ring = [ring[0]]
    for point in ring[1:]:
        if point != deduped[-1]:
            deduped.append(point)
    if deduped[0] != deduped[-1]:
        deduped.append(list(deduped[0]))
    while len(deduped) < 4:  # GeoJSON linear rings need at least four positions
        deduped.append(list(deduped[0]))
    return deduped


def build_geometry(geometry: dict, arcs: list[Ring]) -> dict:
    kind = geometry["type"]
    if kind == "Polygon":
        coordinates = [build_ring(ring, arcs) for ring in geometry["arcs"]]
    elif kind == "MultiPolygon":
        coordinates = [[build_ring(ring, arcs) for ring in polygon] for polygon in geometry["arcs"]]
    else:
        raise ValueError(f"unexpected geometry type {kind!r}")
    return {"type": kind, "coordinates": coordinates}


def iso_a2_for(geometry: dict, numeric_to_alpha2: dict[int, str]) -> str:
    raw_id = str(geometry.get("id") or "")
    if raw_id.isdigit() and int(raw_id) in numeric_to_alpha2:
        return numeric_to_alpha2[int(raw_id)]
    return NAME_TO_ISO_A2.get(geometry.get("properties", {}).get("name", ""), "")


def topology_to_geojson(topology: dict, numeric_to_alpha2: dict[int, str]) -> dict:
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"][OBJECT_NAME]["geometries"]:
        if geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue  # null geometries carry no land to draw
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "iso_a2": iso_a2_for(geometry, numeric_to_alpha2),
                    "name": geometry.get("properties", {}).get("name", ""),
                },
                "geometry": build_geometry(geometry, arcs),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python data/build_outlines.py path/to/countries-110m.json", file=sys.stderr)
        return 2
    topology = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    collection = topology_to_geojson(topology, load_numeric_to_alpha2())
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(collection, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    unmapped = [f["properties"]["name"] for f in collection["features"] if not f["properties"]["iso_a2"]]
    print(f"wrote {OUTPUT} ({len(collection['features'])} features, {OUTPUT.stat().st_size} bytes)")
    if unmapped:
        print(f"no iso_a2 for: {', '.join(unmapped)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
