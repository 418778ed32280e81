"""Places on the map, computed from the Dataset and the shipped country outlines.

Pure functions: member points per selected network, partner regions expanded to countries,
network seats (the seat city, or the centre of the members where no seat is recorded), and
country and region anchors for arcs, taken from the Natural Earth outlines in data/outlines/.
"""

from __future__ import annotations

import json
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import pandas as pd

from data import geo
from data.dataset import DATA_DIR, Dataset
from data.queries import current_memberships

OUTLINES = DATA_DIR / "outlines" / "countries-110m.geojson"


@lru_cache(maxsize=2)
def read_outlines(path: Path = OUTLINES) -> dict[str, Any]:
    """The country outlines as a GeoJSON FeatureCollection (properties iso_a2, name).

    Rings that cross the antimeridian (Russia's Chukotka, Fiji, Antarctica) come shifted east into
    longitudes beyond 180, so that map layers draw them as one shape instead of a band across the
    whole world."""
    outlines = json.loads(path.read_text(encoding="utf-8"))
    for feature in outlines["features"]:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        for polygon in polygons:
            for index, ring in enumerate(polygon):
                polygon[index] = _unwrap(ring)
    return outlines


def _unwrap(ring: list[list[float]]) -> list[list[float]]:
    if max(x for x, _ in ring) - min(x for x, _ in ring) > 180:
        return [[x + 360 if x < 0 else x, y] for x, y in ring]
    return ring


def _ring_area_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Signed area and centroid of a lon/lat ring (shoelace formula on the plane).

    Rings that crossed the antimeridian were shifted east by read_outlines; the centroid is wrapped
    back into [-180, 180]."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        xs, ys = zip(*ring, strict=True)
        return 0.0, _wrap(sum(xs) / len(xs)), sum(ys) / len(ys)
    return area / 2, _wrap(cx / (3 * area)), cy / (3 * area)


def _wrap(lon: float) -> float:
    return (lon + 180) % 360 - 180


def _polygons(geometry: dict[str, Any]) -> list[list[list[list[float]]]]:
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


@lru_cache(maxsize=2)
def country_anchors(path: Path = OUTLINES) -> pd.DataFrame:
    """One row per country code: lon, lat of the centroid of its largest polygon, and its area
    in square degrees."""
    rows = []
    for feature in read_outlines(path)["features"]:
        code = feature["properties"]["iso_a2"]
        if not code:
            continue
        parts = [_ring_area_centroid(polygon[0]) for polygon in _polygons(feature["geometry"])]
        _, lon, lat = max(parts, key=lambda part: abs(part[0]))
        rows.append({"country": code, "lon": lon, "lat": lat, "area": sum(abs(p[0]) for p in parts)})
    return pd.DataFrame(rows)


def region_anchor(region: str, groups: pd.DataFrame) -> tuple[float, float] | None:
    """(lon, lat) of a region or country: the mean of its countries' anchors (unweighted, so that one
    very large country does not pull a region's arcs to its far end)."""
    anchors = country_anchors()
    codes = {region} if len(region) == 2 and region.isupper() else geo.countries_in_region(region, groups)
    inside = anchors[anchors["country"].isin(codes)]
    if inside.empty:
        return None
    return float(inside["lon"].mean()), float(inside["lat"].mean())


def member_points(ds: Dataset, network_ids: list[str], allowed: frozenset[str] | None = None) -> pd.DataFrame:
    """Current memberships of the given networks, one row per institution and network, in the
    order the networks were given (``rank`` = position), within the allowed countries if given."""
    current = current_memberships(ds)
    points = current[current["network_id"].isin(network_ids)].copy()
    if allowed is not None:
        points = points[points["country"].isin(allowed)]
    points["rank"] = points["network_id"].map({nid: i for i, nid in enumerate(network_ids)})
    return points.sort_values(["rank", "institution_name"]).reset_index(drop=True)


def institution_points(memberships: pd.DataFrame, labels: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per institution of ``memberships`` with the number of its networks and, when labels are
    given, their labels (leave them out for large maps: naming is the slow part)."""
    grouped = memberships.groupby("institution_id", sort=False)
    points = grouped[["institution_name", "city", "country", "country_name", "geonames_id", "lat", "lon"]].first()
    points["network_count"] = grouped["network_id"].nunique()
    if labels is not None:
        points["networks"] = network_names(memberships, labels)
    return points.reset_index().sort_values(["network_count", "institution_name"], ascending=[False, True])


def network_names(memberships: pd.DataFrame, labels: dict[str, str]) -> pd.Series:
    """Per institution, the labels of its networks joined in one sorted string."""
    named = memberships[["institution_id", "network_id"]].drop_duplicates()
    named = named.assign(label=named["network_id"].map(labels).fillna(named["network_id"])).sort_values("label")
    return named.groupby("institution_id", sort=False)["label"].agg(", ".join)


def partner_countries(ds: Dataset, network_ids: list[str]) -> pd.DataFrame:
    """Partner regions of the networks expanded to ISO country codes (network_id, region, relation, country)."""
    rows = ds.partner_regions[ds.partner_regions["network_id"].isin(network_ids)]
    expanded = []
    for row in rows.itertuples():
        region = str(row.region)
        codes = {region} if len(region) == 2 and region.isupper() else geo.countries_in_region(region, ds.region_groups)
        expanded += [
            {"network_id": row.network_id, "region": region, "relation": row.relation, "note": row.note, "country": c}
            for c in sorted(codes)
        ]
    return pd.DataFrame(expanded, columns=["network_id", "region", "relation", "note", "country"])


def network_seats(ds: Dataset, network_ids: list[str]) -> pd.DataFrame:
    """Where each network's arcs start: its seat city, or the centre of its current members."""
    networks = ds.networks.set_index("id")
    current = current_memberships(ds)
    rows = []
    for network_id in network_ids:
        row = networks.loc[network_id]
        if pd.notna(row["hq_lat"]):
            rows.append(
                {
                    "network_id": network_id,
                    "lat": float(row["hq_lat"]),
                    "lon": float(row["hq_lon"]),
                    "anchor": f"seat: {row['hq_city']}",
                }
            )
            continue
        members = current[current["network_id"] == network_id]
        if not members.empty:
            rows.append(
                {
                    "network_id": network_id,
                    "lat": float(members["lat"].mean()),
                    "lon": float(members["lon"].mean()),
                    "anchor": "centre of the members",
                }
            )
    return pd.DataFrame(rows, columns=["network_id", "lat", "lon", "anchor"])


def partner_arcs(ds: Dataset, network_ids: list[str]) -> pd.DataFrame:
    """One arc per network and partner region, from the network's seat to the region's anchor."""
    seats = network_seats(ds, network_ids).set_index("network_id")
    rows = []
    regions = ds.partner_regions[ds.partner_regions["network_id"].isin(network_ids)]
    for row in regions.itertuples():
        anchor = region_anchor(str(row.region), ds.region_groups)
        if anchor is None or row.network_id not in seats.index:
            continue
        seat = seats.loc[row.network_id]
        rows.append(
            {
                "network_id": row.network_id,
                "region": row.region,
                "relation": row.relation,
                "from_lon": seat["lon"],
                "from_lat": seat["lat"],
                "to_lon": anchor[0],
                "to_lat": anchor[1],
            }
        )
    return pd.DataFrame(rows, columns=["network_id", "region", "relation", "from_lon", "from_lat", "to_lon", "to_lat"])


def place_points(institutions: pd.DataFrame, shown: int = 4) -> pd.DataFrame:
    """One point per city at the mean position of its institutions: how many, the most connected few
    by name, and the largest number of networks among them. A city is its name and country, and its
    GeoNames place where places of that name lie far apart (``geonames_id``, see data.quality), so
    institutions placed at their campuses across one city still make one dot."""
    ordered = institutions.sort_values(["network_count", "institution_name"], ascending=[False, True])
    cells = ordered.assign(place=ordered["geonames_id"].fillna(0))
    keys = [cells["country"], cells["city"], cells["place"]]
    grouped = cells.groupby(keys, sort=False)
    places = grouped.agg(
        lat=("lat", "mean"),
        lon=("lon", "mean"),
        city=("city", "first"),
        country_name=("country_name", "first"),
        institutions=("institution_id", "size"),
        most_networks=("network_count", "max"),
    ).reset_index(drop=True)
    first_names = (
        grouped["institution_name"].head(shown).groupby(keys, sort=False).agg("; ".join).reset_index(drop=True)
    )
    places["listed"] = [
        names + (f"; and {count - shown} more" if count > shown else "")
        for names, count in zip(first_names, places["institutions"], strict=True)
    ]
    return places
