"""The app's one cached loader: the only place in data/ that imports Streamlit.

The data folder is ``data/`` beside this file; the environment variable ATLAS_DATA_DIR points the
app at another folder (tests use it to serve a deliberately broken dataset).
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from data import export
from data.compare import summary_table
from data.dataset import DATA_DIR, Dataset, read_dataset
from data.overview import OverviewView, overview_view
from data.queries import Filters, filter_options, network_labels, network_table


def data_dir() -> Path:
    return Path(os.environ.get("ATLAS_DATA_DIR", DATA_DIR))


# The dataset and the network table are cache resources: one object per data folder, shared by every
# session and run and never changed (pandas' copy-on-write keeps every frame derived from them a copy;
# tests/app/test_pages.py checks that no page changes them). A data cache would unpickle a fresh copy
# on every rerun: 10 ms with the real data, 25 MB and more than 50 ms with 50 times as much.
@st.cache_resource(show_spinner="Loading the dataset…", max_entries=4)
def _load(folder: str) -> Dataset:
    return read_dataset(Path(folder))


def load_dataset() -> Dataset:
    """The validated dataset (cached per folder, shared and read-only); raises DatasetError when the
    data is broken."""
    return _load(str(data_dir()))


@st.cache_resource(show_spinner=False, max_entries=4)
def _network_table(folder: str) -> pd.DataFrame:
    return network_table(_load(folder))


def load_network_table() -> pd.DataFrame:
    """``queries.network_table`` of the loaded dataset, computed once per dataset instead of per run."""
    return _network_table(str(data_dir()))


@st.cache_resource(show_spinner=False, max_entries=4)
def _filter_options(folder: str) -> dict[str, list[str]]:
    return filter_options(_load(folder))


def load_filter_options() -> dict[str, list[str]]:
    """``queries.filter_options`` of the loaded dataset, once per dataset: the sidebar draws them on
    every run, and with 50 times the data finding them took 26 ms a run."""
    return _filter_options(str(data_dir()))


@st.cache_resource(show_spinner=False, max_entries=64)
def _overview(folder: str, filters: Filters) -> OverviewView:
    return overview_view(_load(folder), _network_table(folder), filters)


def load_overview(filters: Filters) -> OverviewView:
    """The Overview's figures for ``filters``, computed once per dataset and filter state and shared
    by every session (read-only: a cache resource is not copied per caller)."""
    return _overview(str(data_dir()), filters)


@st.cache_data(show_spinner=False, max_entries=64)
def _compare_summary(folder: str, ids: tuple[str, ...]) -> pd.DataFrame:
    return summary_table(_load(folder), list(ids), network_labels(_network_table(folder)))


def load_compare_summary(ids: list[str]) -> pd.DataFrame:
    """``compare.summary_table`` for the networks ``ids`` (labelled by ``queries.network_labels``),
    computed once per dataset and choice of networks; Compare opens on it."""
    return _compare_summary(str(data_dir()), tuple(ids))


@st.cache_resource(show_spinner=False, max_entries=4)
def _coverage(folder: str) -> pd.DataFrame:
    ds = _load(folder)
    return export.coverage_table(_network_table(folder), export.sources_per_network(ds), export.campus_positions(ds))


def load_coverage(network_ids: pd.Series) -> pd.DataFrame:
    """``export.coverage_table`` of the networks ``network_ids``, in the network table's order: cut from
    one table built per dataset instead of counting sources and campus positions on every run."""
    folder = str(data_dir())
    keep = _network_table(folder)["id"].isin(set(network_ids)).to_numpy()
    return _coverage(folder)[keep].reset_index(drop=True)
