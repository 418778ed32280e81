"""The cached loaders give exactly what the pure functions they cache give, and share results."""

from __future__ import annotations

import pandas as pd

from data import compare, loader, queries
from data.dataset import read_dataset
from data.overview import overview_view
from data.queries import Filters

IDS = ["una-europa", "ec2u", "charm-eu"]


def test_compare_summary_is_the_pure_summary_table() -> None:
    ds = read_dataset()
    expected = compare.summary_table(ds, IDS, queries.network_labels(queries.network_table(ds)))
    pd.testing.assert_frame_equal(loader.load_compare_summary(IDS), expected)


def test_overview_is_the_pure_view_and_shared_per_filter_state() -> None:
    ds = read_dataset()
    filters = Filters(kinds=("european-university-alliance",))
    cached = loader.load_overview(filters)
    assert cached is loader.load_overview(Filters(kinds=("european-university-alliance",)))  # one shared object
    pure = overview_view(ds, queries.network_table(ds), filters)
    assert cached.figures == pure.figures and cached.institutions == pure.institutions
    pd.testing.assert_frame_equal(cached.places, pure.places)
    assert loader.load_overview(Filters()).networks > cached.networks


def test_dataset_network_table_and_filter_options_are_shared_and_equal_to_fresh_ones() -> None:
    ds = read_dataset()
    assert loader.load_dataset() is loader.load_dataset()  # a cache resource: no copy per run
    assert loader.load_network_table() is loader.load_network_table()
    pd.testing.assert_frame_equal(loader.load_network_table(), queries.network_table(ds))
    assert loader.load_filter_options() is loader.load_filter_options()
    assert loader.load_filter_options() == queries.filter_options(ds)


def test_coverage_is_the_pure_coverage_table_of_the_filtered_networks() -> None:
    from data import export

    ds = read_dataset()
    for filters in (
        Filters(),
        Filters(regions=("Europe",), kinds=("european-university-alliance",)),
        Filters(kinds=("x",)),
    ):
        networks = queries.filter_networks(queries.network_table(ds), ds, filters)
        expected = export.coverage_table(networks, export.sources_per_network(ds), export.campus_positions(ds))
        cached = loader.load_coverage(networks["id"])
        if expected.empty:  # nothing passes: the same columns, no rows (an empty column has no string type)
            assert cached.empty and list(cached.columns) == list(expected.columns)
        else:
            pd.testing.assert_frame_equal(cached, expected)
