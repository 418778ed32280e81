"""Shared fixtures: tiny datasets on disk and the real dataset."""

from __future__ import annotations

from pathlib import Path

import pytest

from data.dataset import Dataset, read_dataset
from tests.helpers import break_dataset, write_dataset


@pytest.fixture
def tiny_dir(tmp_path: Path) -> Path:
    return write_dataset(tmp_path / "tiny")


@pytest.fixture
def tiny(tiny_dir: Path) -> Dataset:
    return read_dataset(tiny_dir)


@pytest.fixture
def broken_dir(tmp_path: Path) -> Path:
    return break_dataset(tmp_path / "broken")


@pytest.fixture(scope="session")
def real() -> Dataset:
    return read_dataset()
