"""Institutions: accent- and alias-tolerant search, one institution's networks and its co-members.

Pure functions over a Dataset. The search index spans each institution's name, short name and every
alias (native-language, former and variant names), all normalised without accents or punctuation.
"""

from __future__ import annotations

import pandas as pd
from rapidfuzz import fuzz, process

from data.dataset import Dataset
from data.queries import FULL_ROLES, current_memberships, normalise_text

FUZZY_CUTOFF = 86


def name_index(ds: Dataset) -> pd.DataFrame:
    """Every searchable name: institution_id, country, text (as written), key (normalised), kind."""
    institutions = ds.institutions
    names = pd.concat(
        [
            pd.DataFrame({"institution_id": institutions["id"], "text": institutions["name"], "kind": "name"}),
            pd.DataFrame(
                {"institution_id": institutions["id"], "text": institutions["short_name"], "kind": "short-name"}
            ),
            ds.institution_aliases.rename(columns={"alias": "text"})[["institution_id", "text", "kind"]],
        ]
    ).dropna(subset=["text"])
    names = names.merge(institutions[["id", "country"]].rename(columns={"id": "institution_id"}), on="institution_id")
    names["key"] = names["text"].map(normalise_text)
    return names.drop_duplicates(["institution_id", "key"]).reset_index(drop=True)


def search_institutions(
    ds: Dataset, query: str, country: str | None = None, limit: int = 20, index: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Institutions whose name, short name or alias matches ``query``: exact first, then names that
    contain it, then close spellings (for misspelt queries). One row per institution, best match first."""
    needle = normalise_text(query)
    columns = ["institution_id", "matched", "match", "score"]
    if not needle:
        return pd.DataFrame(columns=columns)
    names = index if index is not None else name_index(ds)
    if country:
        names = names[names["country"] == country]
    exact = names[names["key"] == needle].assign(match="exact", score=100.0)
    found = [exact]
    if len(needle) >= 3:
        contains = names[names["key"].str.contains(needle, regex=False)].assign(match="contains", score=90.0)
        found.append(contains)
        candidates = names[names["kind"] != "short-name"]
        hits = process.extract(
            needle, candidates["key"].tolist(), scorer=fuzz.WRatio, score_cutoff=FUZZY_CUTOFF, limit=limit * 3
        )
        if hits:
            positions = [position for _, _, position in hits]
            fuzzy = candidates.iloc[positions].assign(
                match="close spelling", score=[min(score, 89.0) for _, score, _ in hits]
            )
            found.append(fuzzy)
    matches = pd.concat(found, ignore_index=True).rename(columns={"text": "matched"})
    if matches.empty:
        return pd.DataFrame(columns=columns)
    best = matches.sort_values("score", ascending=False).drop_duplicates("institution_id")
    return best[columns].head(limit).reset_index(drop=True)


def institution_networks(ds: Dataset, institution_id: str, labels: dict[str, str]) -> pd.DataFrame:
    """Every network of one institution, current first, with role and years."""
    rows = ds.memberships[ds.memberships["institution_id"] == institution_id]
    networks = ds.networks[["id", "name", "kind"]].rename(columns={"id": "network_id", "name": "network_name"})
    table = rows.merge(networks, on="network_id").merge(
        ds.network_kinds[["id", "label"]].rename(columns={"id": "kind", "label": "kind_label"}), on="kind"
    )
    table["network"] = table["network_id"].map(labels)
    table["status"] = table["until"].isna().map({True: "current", False: "former"})
    table["profile"] = "/networks?network=" + table["network_id"]
    columns = ["network", "network_name", "kind_label", "role", "since", "until", "status", "profile", "network_id"]
    return table.sort_values(["status", "network"])[columns].reset_index(drop=True)


def co_members(ds: Dataset, institution_id: str, labels: dict[str, str]) -> pd.DataFrame:
    """Institutions that share a current network with this one, with how many and which."""
    current = current_memberships(ds)
    current = current[current["role"].isin((*FULL_ROLES, "associate"))]
    mine = set(current.loc[current["institution_id"] == institution_id, "network_id"])
    others = current[current["network_id"].isin(mine) & (current["institution_id"] != institution_id)]
    grouped = others.groupby("institution_id")
    table = grouped[["institution_name", "city", "country", "country_name", "lat", "lon"]].first()
    table["shared_networks"] = grouped["network_id"].nunique()
    table["networks"] = grouped["network_id"].agg(lambda ids: ", ".join(sorted(labels[i] for i in set(ids))))
    table = table.reset_index()
    return table.sort_values(["shared_networks", "institution_name"], ascending=[False, True]).reset_index(drop=True)
