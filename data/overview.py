"""The Overview page's figures for one set of filters, computed in one pure function so that the
app can cache them per filter state (data.loader.load_overview): a filter combination that any
visitor chose before is served without recomputing."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from data import queries, spatial
from data.dataset import Dataset
from data.queries import Filters


@dataclass(frozen=True)
class OverviewView:
    """What the Overview shows: the headline figures, the map's places, the two tables."""

    networks: int
    figures: dict[str, int]
    places: pd.DataFrame
    institutions: int
    in_several_networks: int
    kinds: pd.DataFrame
    most_connected: pd.DataFrame


def overview_view(ds: Dataset, table: pd.DataFrame, filters: Filters) -> OverviewView:
    """Everything the Overview draws for ``filters`` (``table`` is ``queries.network_table(ds)``)."""
    networks = queries.filter_networks(table, ds, filters)
    memberships = queries.filtered_memberships(ds, networks, filters)
    labels = queries.network_labels(table)
    institutions = spatial.institution_points(memberships)
    return OverviewView(
        networks=len(networks),
        figures=queries.overview_figures(memberships, networks),
        places=spatial.place_points(institutions),
        institutions=len(institutions),
        in_several_networks=int((institutions["network_count"] > 1).sum()),
        kinds=queries.networks_by_kind(networks),
        most_connected=queries.most_connected_institutions(memberships, labels),
    )
