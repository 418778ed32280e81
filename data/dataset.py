"""Read the dataset from ``data/`` (or another folder), validate it and return one immutable Dataset.

This module knows nothing of Streamlit: ``data.loader`` wraps ``read_dataset`` in the app's one
cached loader. Frames in a Dataset are typed from the Table Schema and enriched with the region
columns derived in ``data.geo``; pandas' copy-on-write keeps callers from changing them in place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from data import geo, schema

DATA_DIR = Path(__file__).resolve().parent

_PANDAS_TYPES = {"string": "string", "date": "string", "year": "Int64", "integer": "Int64", "number": "Float64"}


@dataclass(frozen=True)
class Dataset:
    """Every table of the dataset, typed; institutions carry country_name, region, subregion, in_eu,
    in_ehea and ehea_status."""

    networks: pd.DataFrame
    institutions: pd.DataFrame
    institution_aliases: pd.DataFrame
    memberships: pd.DataFrame
    network_themes: pd.DataFrame
    partner_regions: pd.DataFrame
    network_links: pd.DataFrame
    sources: pd.DataFrame
    themes: pd.DataFrame
    network_kinds: pd.DataFrame
    region_groups: pd.DataFrame
    ehea_members: pd.DataFrame
    coordinate_exceptions: pd.DataFrame
    distinct_institutions: pd.DataFrame
    countries: pd.DataFrame
    package: dict[str, Any]

    @property
    def as_of(self) -> str:
        """The newest access date among the sources (YYYY-MM-DD): the date the data speaks for."""
        return str(self.sources["accessed"].max())

    @property
    def licence(self) -> str:
        return str(self.package["licenses"][0]["name"])

    @property
    def kind_labels(self) -> dict[str, str]:
        """Network kind id to its label, as people read it."""
        return dict(zip(self.network_kinds["id"], self.network_kinds["label"], strict=True))

    @property
    def theme_labels(self) -> dict[str, str]:
        """Theme id to its label."""
        return dict(zip(self.themes["id"], self.themes["label"], strict=True))


def _typed(frame: pd.DataFrame, fields: list[dict[str, Any]]) -> pd.DataFrame:
    typed = frame.replace("", pd.NA)
    return typed.astype({f["name"]: _PANDAS_TYPES.get(f.get("type", "string"), "string") for f in fields})


def _rule_failures(tables: dict[str, pd.DataFrame]) -> list[schema.Failure]:
    """Rules across columns that a Table Schema cannot state."""
    failures: list[schema.Failure] = []
    members = tables["memberships"]
    both = members["since"].notna() & members["until"].notna()
    for index, row in members[both & (members["since"] > members["until"])].iterrows():
        failures.append(
            schema.Failure(
                "memberships", int(index) + 2, "until", str(row["until"]), "is before the year the member joined"
            )
        )
    networks = tables["networks"]
    counted = networks["member_count_official"].notna()
    for index in networks.index[counted & networks["member_count_qualifier"].isna()]:
        failures.append(
            schema.Failure(
                "networks", int(index) + 2, "member_count_qualifier", "", "is empty although a count is given"
            )
        )
    for index in networks.index[counted & networks["member_count_as_of"].isna()]:
        failures.append(
            schema.Failure("networks", int(index) + 2, "member_count_as_of", "", "is empty although a count is given")
        )
    return failures


def read_dataset(folder: Path = DATA_DIR) -> Dataset:
    """Read, validate and type every table in ``folder``; raise DatasetError listing every problem."""
    try:
        package = schema.read_package(folder)
    except (OSError, ValueError) as error:
        raise schema.DatasetError(
            [schema.Failure("datapackage", None, None, "", f"datapackage.json cannot be read ({error})")]
        ) from error
    raw, failures = schema.read_raw_tables(folder, package)
    failures += schema.validate_tables(raw, package)
    if failures:
        raise schema.DatasetError(failures)
    resources = schema.resources_by_name(package)
    tables = {name: _typed(frame, resources[name]["schema"]["fields"]) for name, frame in raw.items()}
    failures = _rule_failures(tables)
    if failures:
        raise schema.DatasetError(failures)
    countries = geo.with_ehea(geo.read_country_table(), tables["ehea_members"])
    institutions = tables["institutions"].merge(countries, on="country", how="left", validate="many_to_one")
    return Dataset(
        networks=tables["networks"],
        institutions=institutions,
        institution_aliases=tables["institution_aliases"],
        memberships=tables["memberships"],
        network_themes=tables["network_themes"],
        partner_regions=tables["partner_regions"],
        network_links=tables["network_links"],
        sources=tables["sources"],
        themes=tables["themes"],
        network_kinds=tables["network_kinds"],
        region_groups=tables["region_groups"],
        ehea_members=tables["ehea_members"],
        coordinate_exceptions=tables["coordinate_exceptions"],
        distinct_institutions=tables["distinct_institutions"],
        countries=countries,
        package=package,
    )
