"""Validation collects every failure in one pass, with file, row, column and a plain problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from data.dataset import read_dataset
from data.schema import DatasetError, failures_frame


def _failures(folder: Path) -> list[tuple[str, int | None, str | None, str]]:
    with pytest.raises(DatasetError) as caught:
        read_dataset(folder)
    return [(f.file, f.row, f.column, f.problem) for f in caught.value.failures]


def test_tiny_dataset_is_valid(tiny) -> None:
    assert len(tiny.networks) == 3


def test_broken_dataset_reports_every_problem_at_once(broken_dir: Path) -> None:
    found = _failures(broken_dir)
    assert ("networks.csv", 2, "founded", "is not a four-digit year") in found
    assert ("networks.csv", 2, "hq_country", "is not an ISO 3166-1 alpha-2 country code") in found
    assert ("institutions.csv", 2, "lat", "is above the maximum 90") in found
    assert ("memberships.csv", 4, "institution_id", "does not match any institutions.id") in found
    assert {file for file, *_ in found} == {"networks.csv", "institutions.csv", "memberships.csv"}


def _edit(folder: Path, table: str, old: str, new: str) -> None:
    path = folder / "tables" / f"{table}.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {table}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("table", "old", "new", "expected"),
    [
        (
            "memberships",
            ",member,2002,,",
            ",chair,2002,,",
            ("memberships.csv", 2, "role", "is not one of: member, coordinator, associate, partner"),
        ),
        (
            "institutions",
            "ku-leuven,KU Leuven",
            "heidelberg,KU Leuven",
            ("institutions.csv", 3, "id", "repeats a value that must be unique"),
        ),
        ("networks", "A league of research universities.", "", ("networks.csv", 2, "summary", "is empty but required")),
        ("sources", "2026-11-01", "1 Nov 2026", ("sources.csv", 2, "accessed", "is not a date written YYYY-MM-DD")),
        (
            "partner_regions",
            "Eastern Asia",
            "Atlantis",
            ("partner_regions.csv", 2, "region", "is neither a known world region name nor an ISO country code"),
        ),
        (
            "networks",
            "beta,BETA",
            "Beta,BETA",
            ("networks.csv", 3, "id", "does not match the expected form ^[a-z0-9][a-z0-9-]*$"),
        ),
        (
            "memberships",
            "alpha,ku-leuven,member,2002",
            "alpha,ku-leuven,member, 2002",
            ("memberships.csv", 2, "since", "has spaces at the start or end"),
        ),
    ],
)
def test_single_problems_are_named(tiny_dir: Path, table, old, new, expected) -> None:
    _edit(tiny_dir, table, old, new)
    assert expected in _failures(tiny_dir)


def test_missing_file_and_columns_are_reported(tiny_dir: Path) -> None:
    (tiny_dir / "tables" / "themes.csv").unlink()
    _edit(tiny_dir, "network_links", "from_id,to_id", "from,to_id")
    found = _failures(tiny_dir)
    assert ("themes.csv", None, None, "the file tables/themes.csv is missing") in found
    assert ("network_links.csv", 1, "from_id", "the column is missing") in found
    assert ("network_links.csv", 1, "from", "the column is not described in datapackage.json") in found


def test_file_that_is_not_utf8_is_reported(tiny_dir: Path) -> None:
    (tiny_dir / "tables" / "sources.csv").write_bytes("id,url\nsé,x\n".encode("latin-1"))
    assert ("sources.csv", None, None, "the file is not UTF-8 text") in _failures(tiny_dir)


def test_member_that_left_before_joining_is_reported(tiny_dir: Path) -> None:
    _edit(tiny_dir, "memberships", ",2002,2011,", ",2012,2011,")
    assert ("memberships.csv", 5, "until", "is before the year the member joined") in _failures(tiny_dir)


def test_failures_frame_has_one_row_per_failure(broken_dir: Path) -> None:
    with pytest.raises(DatasetError) as caught:
        read_dataset(broken_dir)
    frame = failures_frame(caught.value.failures)
    assert list(frame.columns) == ["file", "row", "column", "value", "problem"]
    assert len(frame) == len(caught.value.failures) >= 4
