"""Comparisons between chosen networks, as tidy frames: size, reach, spread, overlap, themes, time.

Pure functions over a Dataset and a list of network ids (in the order the user chose them). The
figure builders in components/charts.py plot exactly these frames, and the same frames are the
"data behind the chart" offered as CSV.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pandas as pd

from data.dataset import Dataset
from data.queries import FULL_ROLES, current_memberships, network_table

EARTH_RADIUS_KM = 6371.0088


def _members(ds: Dataset, ids: list[str]) -> pd.DataFrame:
    current = current_memberships(ds)
    return current[current["network_id"].isin(ids) & current["role"].isin(FULL_ROLES)]


def size_table(ds: Dataset, ids: list[str], labels: dict[str, str]) -> pd.DataFrame:
    """Listed current members against the official count, with the coverage status."""
    table = network_table(ds).set_index("id").loc[ids]
    return pd.DataFrame(
        {
            "network": [labels[i] for i in ids],
            "listed_members": table["listed_current"].to_numpy(),
            "official_count": table["member_count_official"].to_numpy(),
            "official_as_of": table["member_count_as_of"].to_numpy(),
            "coverage": table["coverage_status"].to_numpy(),
        }
    )


def country_composition(ds: Dataset, ids: list[str], labels: dict[str, str]) -> pd.DataFrame:
    """Members per network and country (network, country, country_name, members), largest first."""
    members = _members(ds, ids)
    counts = members.groupby(["network_id", "country", "country_name"]).size().rename("members").reset_index()
    counts["network"] = counts["network_id"].map(labels)
    order = {n: i for i, n in enumerate(ids)}
    counts = counts.sort_values(
        ["network_id", "members", "country_name"],
        ascending=[True, False, True],
        key=lambda s: s.map(order) if s.name == "network_id" else s,
    )
    return counts[["network", "country", "country_name", "members"]].reset_index(drop=True)


def _pairwise_km(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Great-circle distances between every pair of points (upper triangle, flattened)."""
    phi, lam = np.radians(lat), np.radians(lon)
    dphi = phi[:, None] - phi[None, :]
    dlam = lam[:, None] - lam[None, :]
    a = np.sin(dphi / 2) ** 2 + np.cos(phi[:, None]) * np.cos(phi[None, :]) * np.sin(dlam / 2) ** 2
    distances = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))
    return distances[np.triu_indices(len(lat), k=1)]


def spread_table(ds: Dataset, ids: list[str], labels: dict[str, str]) -> pd.DataFrame:
    """How far apart the members are: countries, mean and greatest distance between two members (km)."""
    members = _members(ds, ids)
    rows = []
    for network_id in ids:
        mine = members[members["network_id"] == network_id]
        distances = _pairwise_km(mine["lat"].to_numpy(float), mine["lon"].to_numpy(float)) if len(mine) > 1 else []
        rows.append(
            {
                "network": labels[network_id],
                "members": len(mine),
                "countries": mine["country"].nunique(),
                "mean_distance_km": round(float(np.mean(distances))) if len(distances) else None,
                "max_distance_km": round(float(np.max(distances))) if len(distances) else None,
            }
        )
    return pd.DataFrame(rows).astype({"mean_distance_km": "Int64", "max_distance_km": "Int64"})


def overlap_table(ds: Dataset, ids: list[str], labels: dict[str, str]) -> pd.DataFrame:
    """Shared current members between every pair of networks: count and Jaccard index."""
    members = _members(ds, ids)
    sets = {n: set(members.loc[members["network_id"] == n, "institution_id"]) for n in ids}
    rows = []
    for a, b in combinations(ids, 2):
        shared = len(sets[a] & sets[b])
        union = len(sets[a] | sets[b])
        rows.append(
            {
                "network_a": labels[a],
                "network_b": labels[b],
                "shared_members": shared,
                "jaccard": round(shared / union, 3) if union else 0.0,
            }
        )
    return pd.DataFrame(rows, columns=["network_a", "network_b", "shared_members", "jaccard"])


def shared_institutions(ds: Dataset, ids: list[str], labels: dict[str, str]) -> pd.DataFrame:
    """Institutions in two or more of the chosen networks, with which ones."""
    members = _members(ds, ids)
    grouped = members.groupby("institution_id")
    table = grouped[["institution_name", "city", "country_name"]].first()
    table["networks"] = grouped["network_id"].agg(lambda s: ", ".join(labels[n] for n in ids if n in set(s)))
    table["count"] = grouped["network_id"].nunique()
    table = table[table["count"] > 1].reset_index(drop=True)
    return table.sort_values(["count", "institution_name"], ascending=[False, True]).reset_index(drop=True)


def themes_matrix(ds: Dataset, ids: list[str], labels: dict[str, str]) -> pd.DataFrame:
    """One row per network and theme of any chosen network: has (1) or has not (0) the theme."""
    rows = ds.network_themes[ds.network_themes["network_id"].isin(ids)]
    theme_labels = ds.theme_labels
    themes = sorted(set(rows["theme"]), key=lambda t: theme_labels[t])
    pairs = set(zip(rows["network_id"], rows["theme"], strict=True))
    return pd.DataFrame(
        [
            {"network": labels[n], "theme": theme_labels[t], "has_theme": int((n, t) in pairs)}
            for n in ids
            for t in themes
        ],
        columns=["network", "theme", "has_theme"],
    )


def growth_table(ds: Dataset, ids: list[str], labels: dict[str, str]) -> pd.DataFrame:
    """Founding year and, where join years are known, members by year (cumulative, current and former)."""
    networks = ds.networks.set_index("id")
    rows = []
    for network_id in ids:
        founded = networks.loc[network_id, "founded"]
        mine = ds.memberships[(ds.memberships["network_id"] == network_id) & ds.memberships["role"].isin(FULL_ROLES)]
        joined = mine.dropna(subset=["since"])
        years = sorted(set(joined["since"].astype(int)) | set(mine["until"].dropna().astype(int)))
        for year in years:
            members = int(((joined["since"] <= year) & (joined["until"].isna() | (joined["until"] > year))).sum())
            rows.append(
                {
                    "network": labels[network_id],
                    "year": year,
                    "members": members,
                    "founded": None if pd.isna(founded) else int(founded),
                    "join_years_known": f"{len(joined)} of {len(mine)}",
                }
            )
        if not years:
            rows.append(
                {
                    "network": labels[network_id],
                    "year": None,
                    "members": None,
                    "founded": None if pd.isna(founded) else int(founded),
                    "join_years_known": f"0 of {len(mine)}",
                }
            )
    return pd.DataFrame(rows).astype({"year": "Int64", "members": "Int64", "founded": "Int64"})


def summary_table(ds: Dataset, ids: list[str], labels: dict[str, str]) -> pd.DataFrame:
    """All of the comparison in one row per network."""
    size = size_table(ds, ids, labels).set_index("network")
    spread = spread_table(ds, ids, labels).set_index("network")
    overlap = overlap_table(ds, ids, labels)
    themes = themes_matrix(ds, ids, labels)
    networks = ds.networks.set_index("id")
    summary = size.join(spread[["countries", "mean_distance_km", "max_distance_km"]])
    summary["founded"] = [networks.loc[n, "founded"] for n in ids]
    summary["kind"] = [networks.loc[n, "kind"] for n in ids]
    shared = {
        labels[n]: int(
            overlap.loc[
                (overlap["network_a"] == labels[n]) | (overlap["network_b"] == labels[n]), "shared_members"
            ].sum()
        )
        for n in ids
    }
    summary["shared_with_others"] = summary.index.map(shared)
    summary["themes"] = summary.index.map(themes[themes["has_theme"] == 1].groupby("network")["theme"].agg(", ".join))
    return summary.reset_index()
