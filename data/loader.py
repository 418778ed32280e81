"""The app's one cached loader: the only place in data/ that imports Streamlit.

The data folder is ``data/`` beside this file; the environment variable ATLAS_DATA_DIR points the
app at another folder (tests use it to serve a deliberately broken dataset).
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from data.dataset import DATA_DIR, Dataset, read_dataset
from data.queries import network_table


def data_dir() -> Path:
    return Path(os.environ.get("ATLAS_DATA_DIR", DATA_DIR))


@st.cache_data(show_spinner="Loading the dataset…", max_entries=4)
def _load(folder: str) -> Dataset:
    return read_dataset(Path(folder))


def load_dataset() -> Dataset:
    """The validated dataset (cached per folder); raises DatasetError when the data is broken."""
    return _load(str(data_dir()))


@st.cache_data(show_spinner=False, max_entries=4)
def _network_table(folder: str) -> pd.DataFrame:
    return network_table(_load(folder))


def load_network_table() -> pd.DataFrame:
    """``queries.network_table`` of the loaded dataset, computed once per dataset instead of per run."""
    return _network_table(str(data_dir()))
