"""One-sentence takeaways for the comparison charts, computed from the plotted frames."""

from __future__ import annotations

import pandas as pd


def size_takeaway(size: pd.DataFrame) -> str:
    largest = size.loc[size["listed_members"].idxmax()]
    partial = size[size["coverage"] == "partial"]["network"].tolist()
    text = f"{largest['network']} is the largest here with {largest['listed_members']} listed members"
    if partial:
        return text + f"; the lists of {', '.join(partial)} are partial (fewer listed than the network states)."
    return text + "; every list shown matches the network's own count or exceeds it."


def reach_takeaway(composition: pd.DataFrame) -> str:
    countries = composition.groupby("network")["country"].nunique()
    top = composition.groupby("country_name")["members"].sum().idxmax()
    return (
        f"{countries.idxmax()} reaches the most countries ({countries.max()}); "
        f"{top} has the most members across the networks shown."
    )


def spread_takeaway(spread: pd.DataFrame) -> str:
    known = spread.dropna(subset=["mean_distance_km"])
    if known.empty:
        return "Too few members are listed to measure distances."
    wide = known.loc[known["mean_distance_km"].idxmax()]
    tight = known.loc[known["mean_distance_km"].idxmin()]
    return (
        f"Members of {wide['network']} lie furthest apart (mean {wide['mean_distance_km']:,} km); "
        f"those of {tight['network']} lie closest (mean {tight['mean_distance_km']:,} km)."
    )


def overlap_takeaway(overlap: pd.DataFrame, shared: pd.DataFrame) -> str:
    if overlap.empty or overlap["shared_members"].max() == 0:
        return "The networks shown share no member."
    top = overlap.loc[overlap["shared_members"].idxmax()]
    return (
        f"{top['network_a']} and {top['network_b']} share the most members ({top['shared_members']}, "
        f"Jaccard {top['jaccard']:.2f}); {len(shared)} institutions sit in more than one of these networks."
    )


def themes_takeaway(themes: pd.DataFrame) -> str:
    per_theme = themes.groupby("theme")["has_theme"].sum()
    networks = themes["network"].nunique()
    common = per_theme[per_theme == networks].index.tolist()
    if common:
        return f"All {networks} networks work on {', '.join(common)}."
    return f"The most shared theme is {per_theme.idxmax()} ({per_theme.max()} of {networks} networks)."


def growth_takeaway(growth: pd.DataFrame) -> str:
    founded = growth.dropna(subset=["founded"]).drop_duplicates("network")
    if founded.empty:
        return "No founding years are recorded for these networks."
    oldest = founded.loc[founded["founded"].idxmin()]
    return (
        f"{oldest['network']} is the oldest here (founded {oldest['founded']}); lines show members by year "
        "where join years are known."
    )
