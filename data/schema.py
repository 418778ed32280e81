"""Validation of the raw CSV tables against the Table Schema in ``datapackage.json``.

Every check runs over every table in one pass and all failures are collected, so a maintainer
sees the whole list at once (file, row, column, value, problem) instead of fixing one error per run.
The checks: files and columns present and described, required values, types, enums, patterns,
ranges, unique and primary keys, foreign keys, ISO country codes and region names.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from data import geo

PACKAGE_FILE = "datapackage.json"


@dataclass(frozen=True)
class Failure:
    """One problem found in the data. ``row`` is the line number in the CSV file (header = 1)."""

    table: str
    row: int | None
    column: str | None
    value: str
    problem: str

    @property
    def file(self) -> str:
        return f"{self.table}.csv"


class DatasetError(Exception):
    """The dataset did not pass validation; ``failures`` lists every problem found."""

    def __init__(self, failures: list[Failure]) -> None:
        super().__init__(f"{len(failures)} problem(s) in the dataset")
        self.failures = failures


def failures_frame(failures: Iterable[Failure]) -> pd.DataFrame:
    """Failures as a table for display: file, row, column, value, problem."""
    rows = [
        {"file": f.file, "row": f.row, "column": f.column or "", "value": f.value, "problem": f.problem}
        for f in failures
    ]
    frame = pd.DataFrame(rows, columns=["file", "row", "column", "value", "problem"])
    return frame.astype({"row": "Int64"})


def read_package(folder: Path) -> dict[str, Any]:
    return json.loads((folder / PACKAGE_FILE).read_text(encoding="utf-8"))


def resources_by_name(package: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    return {resource["name"]: resource for resource in package["resources"]}


def read_raw_tables(folder: Path, package: Mapping[str, Any]) -> tuple[dict[str, pd.DataFrame], list[Failure]]:
    """Read every table as text (no type inference), noting files that are missing or unreadable."""
    tables: dict[str, pd.DataFrame] = {}
    failures: list[Failure] = []
    for name, resource in resources_by_name(package).items():
        path = folder / resource["path"]
        if not path.is_file():
            failures.append(Failure(name, None, None, "", f"the file {resource['path']} is missing"))
            continue
        try:
            tables[name] = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        except UnicodeDecodeError:
            failures.append(Failure(name, None, None, "", "the file is not UTF-8 text"))
        except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
            failures.append(Failure(name, None, None, "", f"the file is not a readable CSV table ({error})"))
    return tables, failures


def _row(index: int) -> int:
    return index + 2  # line 1 is the header


def _is_year(text: str) -> bool:
    return bool(re.fullmatch(r"\d{4}", text))


def _is_integer(text: str) -> bool:
    return bool(re.fullmatch(r"-?\d+", text))


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip().lower() not in {"nan", "inf", "-inf", "infinity"}


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", text))


_TYPE_CHECKS: dict[str, tuple[Callable[[str], bool], str]] = {
    "year": (_is_year, "is not a four-digit year"),
    "integer": (_is_integer, "is not a whole number"),
    "number": (_is_number, "is not a number"),
    "date": (_is_date, "is not a date written YYYY-MM-DD"),
}


def _check_field(table: str, frame: pd.DataFrame, field: Mapping[str, Any], regions: frozenset[str]) -> list[Failure]:
    name = field["name"]
    constraints = field.get("constraints", {})
    failures: list[Failure] = []
    type_check = _TYPE_CHECKS.get(field.get("type", "string"))
    pattern = re.compile(constraints["pattern"]) if "pattern" in constraints else None
    enum = constraints.get("enum")
    countries = geo.known_country_codes()
    for index, value in frame[name].items():
        row = _row(int(index))

        def fail(problem: str, value: str = value, row: int = row) -> None:
            failures.append(Failure(table, row, name, value, problem))

        if value != value.strip():
            fail("has spaces at the start or end")
            continue
        if value == "":
            if constraints.get("required"):
                fail("is empty but required")
            continue
        if type_check and not type_check[0](value):
            fail(type_check[1])
            continue
        if enum is not None and value not in enum:
            fail(f"is not one of: {', '.join(enum)}")
        if pattern and not pattern.fullmatch(value):
            fail(f"does not match the expected form {constraints['pattern']}")
        if field.get("type") in ("year", "integer", "number"):
            number = float(value)
            if "minimum" in constraints and number < constraints["minimum"]:
                fail(f"is below the minimum {constraints['minimum']}")
            if "maximum" in constraints and number > constraints["maximum"]:
                fail(f"is above the maximum {constraints['maximum']}")
        if field.get("x-country-code") and value not in countries:
            fail("is not an ISO 3166-1 alpha-2 country code")
        if field.get("x-region") and value not in regions and value not in countries:
            fail("is neither a known world region name nor an ISO country code")
    if constraints.get("unique"):
        failures += _duplicates(table, frame, [name])
    return failures


def _duplicates(table: str, frame: pd.DataFrame, key: list[str]) -> list[Failure]:
    present = frame[key].ne("").all(axis=1)
    dupes = frame[present & frame.duplicated(key, keep="first")]
    label = " + ".join(key)
    return [
        Failure(table, _row(int(index)), label, " / ".join(row[key]), "repeats a value that must be unique")
        for index, row in dupes.iterrows()
    ]


def _check_columns(table: str, frame: pd.DataFrame, fields: list[Mapping[str, Any]]) -> list[Failure]:
    described = [field["name"] for field in fields]
    failures = [
        Failure(table, 1, column, "", "the column is missing") for column in described if column not in frame.columns
    ]
    failures += [
        Failure(table, 1, column, "", "the column is not described in datapackage.json")
        for column in frame.columns
        if column not in described
    ]
    return failures


def _check_foreign_keys(
    table: str, frame: pd.DataFrame, schema: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]
) -> list[Failure]:
    failures: list[Failure] = []
    for key in schema.get("foreignKeys", []):
        (column,) = key["fields"]
        target = key["reference"]["resource"]
        (target_column,) = key["reference"]["fields"]
        if target not in tables or column not in frame.columns or target_column not in tables[target].columns:
            continue  # the missing file or column is reported already
        known = set(tables[target][target_column])
        for index, value in frame[column].items():
            if value and value not in known:
                failures.append(
                    Failure(table, _row(int(index)), column, value, f"does not match any {target}.{target_column}")
                )
    return failures


def validate_tables(tables: Mapping[str, pd.DataFrame], package: Mapping[str, Any]) -> list[Failure]:
    """Check every table against its schema; return every failure found (empty list when valid)."""
    failures: list[Failure] = []
    region_groups = tables.get("region_groups", pd.DataFrame(columns=["group", "subregion"]))
    regions = frozenset(geo.region_names(region_groups)) if "group" in region_groups else frozenset()
    for name, resource in resources_by_name(package).items():
        if name not in tables:
            continue
        frame = tables[name]
        schema = resource["schema"]
        column_failures = _check_columns(name, frame, schema["fields"])
        failures += column_failures
        if column_failures:
            continue  # values of a table with the wrong columns would only repeat the same news
        for field in schema["fields"]:
            failures += _check_field(name, frame, field, regions)
        primary_key = schema.get("primaryKey", [])
        if len(primary_key) > 1:
            failures += _duplicates(name, frame, primary_key)
        failures += _check_foreign_keys(name, frame, schema, tables)
    return failures
