"""Exports of the dataset: the published files as a ZIP, tables cut to the global filters as CSV and
Excel, formula neutralisation for spreadsheets, and the data dictionary read from datapackage.json.

No Streamlit here and no input is changed in place: every function returns new frames or bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pandas as pd

from data import queries
from data.dataset import Dataset
from data.schema import PACKAGE_FILE, resources_by_name

# A text cell starting with one of these may run as a formula when a spreadsheet opens the file.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

# The tables a filtered export holds, in the order they are offered.
FILTERED_TABLES = (
    "networks",
    "memberships",
    "institutions",
    "network_themes",
    "partner_regions",
    "network_links",
    "sources",
)

# Characters that an .xlsx file cannot hold (control characters other than tab, newline, return).
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET_NAME_MAX = 31


def _is_text_column(series: pd.Series) -> bool:
    return pd.api.types.is_string_dtype(series) or pd.api.types.is_object_dtype(series)


def _neutralised(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` where every text cell starting with = + - @ (or a tab or carriage return)
    gets a leading single quote, so that a spreadsheet shows it as text instead of running it.

    Only text cells change: numbers (a longitude of -72.9) and missing values keep their type.
    """
    result = frame.copy()
    for column in result.columns:
        series = result[column]
        if not _is_text_column(series):
            continue
        flagged = series.map(lambda value: isinstance(value, str) and value.startswith(FORMULA_PREFIXES))
        flagged = flagged.fillna(False).astype(bool)
        if flagged.any():
            result[column] = series.mask(flagged, series[flagged].map(_neutralised))
    return result


def published_columns(ds: Dataset, table: str) -> list[str]:
    """The columns of ``table`` as datapackage.json describes them (no derived columns)."""
    fields = resources_by_name(ds.package)[table]["schema"]["fields"]
    return [field["name"] for field in fields]


def filtered_tables(ds: Dataset, filters: queries.Filters) -> dict[str, pd.DataFrame]:
    """Every table that belongs to the networks the global filters keep, with its published columns.

    Networks are those of ``queries.filter_networks``; memberships (current and former) and
    institutions are further kept to the countries the geographic filters allow; themes, partner
    regions and links are those of the kept networks (a link counts when either end is kept);
    sources are those that a kept row cites.
    """
    kept = queries.filter_networks(queries.network_table(ds), ds, filters)
    ids = set(kept["id"])
    allowed = queries.countries_for(filters, ds)

    networks = ds.networks[ds.networks["id"].isin(ids)]
    memberships = ds.memberships[ds.memberships["network_id"].isin(ids)]
    if allowed is not None:
        located = set(ds.institutions.loc[ds.institutions["country"].isin(allowed), "id"])
        memberships = memberships[memberships["institution_id"].isin(located)]
    institutions = ds.institutions[ds.institutions["id"].isin(set(memberships["institution_id"]))]
    themes = ds.network_themes[ds.network_themes["network_id"].isin(ids)]
    regions = ds.partner_regions[ds.partner_regions["network_id"].isin(ids)]
    links = ds.network_links[ds.network_links["from_id"].isin(ids) | ds.network_links["to_id"].isin(ids)]
    cited = pd.concat(
        [
            networks["source_id"],
            networks["count_source_id"],
            memberships["source_id"],
            institutions["coord_source_id"],
            themes["source_id"],
            regions["source_id"],
            links["source_id"],
        ]
    ).dropna()
    sources = ds.sources[ds.sources["id"].isin(set(cited))]

    tables = {
        "networks": networks,
        "memberships": memberships,
        "institutions": institutions,
        "network_themes": themes,
        "partner_regions": regions,
        "network_links": links,
        "sources": sources,
    }
    return {name: frame[published_columns(ds, name)].reset_index(drop=True) for name, frame in tables.items()}


def to_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV without the index."""
    return frame.to_csv(index=False).encode("utf-8")


def to_excel(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    """An .xlsx workbook with ``frame`` on one sheet; numbers stay numbers, missing values are empty cells.

    Characters that .xlsx cannot hold are dropped from text cells. Neutralise formulas first
    (``neutralise_formulas``) when the text comes from the data.
    """
    cleaned = frame.copy()
    for column in cleaned.columns:
        if _is_text_column(cleaned[column]):
            cleaned[column] = cleaned[column].map(
                lambda value: _ILLEGAL_XLSX.sub("", value) if isinstance(value, str) else value
            )
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        cleaned.to_excel(writer, sheet_name=sheet[:_SHEET_NAME_MAX] or "data", index=False)
    return buffer.getvalue()


def citation(package: Mapping[str, Any], as_of: str) -> str:
    """How to cite the dataset: authors, date, title, version, licence."""
    authors = ", ".join(c["title"] for c in package.get("contributors", [])) or "Alliance Atlas contributors"
    licence = package["licenses"][0]
    return (
        f"{authors}, {as_of}, {package['title']}, version {package.get('version', '')}. "
        f"Licence {licence.get('title', licence['name'])} ({licence.get('path', '')})."
    )


def readme_text(package: Mapping[str, Any], as_of: str, rows: Mapping[str, int]) -> str:
    """The README.md placed inside the dataset ZIP."""
    licence = package["licenses"][0]
    tables = "\n".join(
        f"- `{resource['path']}` ({rows.get(resource['name'], 0):,} rows): {resource.get('description', '')}"
        for resource in package["resources"]
    )
    return (
        f"# {package['title']}\n\n"
        f"{package.get('description', '')}\n\n"
        f"Data as of {as_of} (the newest access date among the sources).\n\n"
        f"## Licence\n\n"
        f"{licence.get('title', licence['name'])} ({licence['name']}): {licence.get('path', '')}\n\n"
        f"## How to cite\n\n"
        f"{citation(package, as_of)}\n\n"
        f"## Tables\n\n"
        f"Every table is a UTF-8 CSV file described by `{PACKAGE_FILE}` (Frictionless Table Schema: "
        f"fields, types, constraints, keys and foreign keys). The files are exactly as published.\n\n"
        f"{tables}\n"
    )


def zip_folder_name(ds: Dataset) -> str:
    return f"{ds.package.get('name', 'dataset')}-{ds.as_of}"


def dataset_zip(folder: Path, ds: Dataset) -> bytes:
    """The dataset as published: datapackage.json, every CSV under tables/ byte for byte, and a
    README.md (title, description, licence, citation, tables), all in one top folder."""
    top = zip_folder_name(ds)
    rows: dict[str, int] = {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.write(folder / PACKAGE_FILE, f"{top}/{PACKAGE_FILE}")
        for path in sorted((folder / "tables").glob("*.csv")):
            archive.write(path, f"{top}/tables/{path.name}")
        for resource in ds.package["resources"]:
            frame = getattr(ds, resource["name"], None)
            rows[resource["name"]] = len(frame) if isinstance(frame, pd.DataFrame) else 0
        archive.writestr(f"{top}/README.md", readme_text(ds.package, ds.as_of, rows))
    return buffer.getvalue()


def _constraint_text(field: Mapping[str, Any], primary_key: list[str]) -> str:
    constraints = field.get("constraints", {})
    parts = []
    if field["name"] in primary_key:
        parts.append("primary key" if len(primary_key) == 1 else f"part of the key ({', '.join(primary_key)})")
    if constraints.get("required"):
        parts.append("required")
    if constraints.get("unique"):
        parts.append("unique")
    if "enum" in constraints:
        parts.append("one of: " + ", ".join(str(value) for value in constraints["enum"]))
    if "pattern" in constraints:
        parts.append(f"pattern {constraints['pattern']}")
    if "minimum" in constraints:
        parts.append(f"min {constraints['minimum']}")
    if "maximum" in constraints:
        parts.append(f"max {constraints['maximum']}")
    if field.get("format") and field["format"] != "default":
        parts.append(f"format {field['format']}")
    if field.get("x-country-code"):
        parts.append("ISO 3166-1 alpha-2 country code")
    if field.get("x-region"):
        parts.append("UN M49 region or sub-region name, or a country code")
    return "; ".join(parts)


def data_dictionary(package: Mapping[str, Any]) -> list[tuple[str, str, pd.DataFrame]]:
    """Per table of the package: its name, its description and a frame of its fields
    (field, type, description, constraints, references)."""
    dictionary = []
    for resource in package["resources"]:
        schema = resource["schema"]
        primary_key = schema.get("primaryKey", [])
        primary_key = [primary_key] if isinstance(primary_key, str) else list(primary_key)
        references: dict[str, list[str]] = {}
        for key in schema.get("foreignKeys", []):
            fields = [key["fields"]] if isinstance(key["fields"], str) else key["fields"]
            target = key["reference"]
            target_fields = [target["fields"]] if isinstance(target["fields"], str) else target["fields"]
            table = target.get("resource") or resource["name"]
            for own, other in zip(fields, target_fields, strict=True):
                references.setdefault(own, []).append(f"{table}.{other}")
        rows = [
            {
                "field": field["name"],
                "type": field.get("type", "string"),
                "description": field.get("description", ""),
                "constraints": _constraint_text(field, primary_key),
                "references": ", ".join(references.get(field["name"], [])),
            }
            for field in schema["fields"]
        ]
        frame = pd.DataFrame(rows, columns=["field", "type", "description", "constraints", "references"])
        dictionary.append((resource["name"], resource.get("description", ""), frame))
    return dictionary


def coverage_table(networks: pd.DataFrame, sources: pd.Series, at_campus: pd.Series) -> pd.DataFrame:
    """Coverage per network from ``queries.network_table``: listed vs official count, as-of date,
    status, former and associate members, number of sources (``sources_per_network``), listed members
    placed at their campus (``campus_positions``) and a link to the network's profile."""
    columns = [
        "profile",
        "kind_label",
        "listed_current",
        "at_campus",
        "member_count_official",
        "member_count_qualifier",
        "member_count_as_of",
        "coverage_status",
        "coverage_label",
        "listed_former",
        "listed_associates",
        "sources",
    ]
    table = networks.assign(
        profile=[profile_url(row.id, row.display_name) for row in networks.itertuples()],
        sources=networks["id"].map(sources).fillna(0).astype("int64"),
        at_campus=networks["id"].map(at_campus).fillna(0).astype("int64"),
    )
    return table[columns].reset_index(drop=True)


def profile_url(network_id: str, name: str) -> str:
    """The network's profile link; the name rides in the fragment so a link column can show it."""
    return f"/networks?network={quote(str(network_id), safe='')}#{quote(str(name), safe='')}"


def source_counts(sources: pd.DataFrame) -> pd.DataFrame:
    """How many sources of each kind, most first."""
    counts = sources.groupby("source_type").size().rename("sources").reset_index()
    return counts.sort_values(["sources", "source_type"], ascending=[False, True]).reset_index(drop=True)


def campus_positions(ds: Dataset) -> pd.Series:
    """How many of each network's current members sit on the maps at their main campus (the others
    at their city's centre), indexed by network id."""
    current = ds.memberships[ds.memberships["until"].isna()]
    campus = set(ds.institutions.loc[ds.institutions["coord_precision"] == "campus", "id"])
    return current[current["institution_id"].isin(campus)].groupby("network_id")["institution_id"].nunique()


def sources_per_network(ds: Dataset) -> pd.Series:
    """How many distinct sources the facts about each network cite (indexed by network id)."""
    networks = ds.networks
    cited = pd.concat(
        [
            networks[["id", "source_id"]].rename(columns={"id": "network_id"}),
            networks[["id", "count_source_id"]].rename(columns={"id": "network_id", "count_source_id": "source_id"}),
            ds.memberships[["network_id", "source_id"]],
            ds.network_themes[["network_id", "source_id"]],
            ds.partner_regions[["network_id", "source_id"]],
            ds.network_links[["from_id", "source_id"]].rename(columns={"from_id": "network_id"}),
            ds.network_links[["to_id", "source_id"]].rename(columns={"to_id": "network_id"}),
        ]
    ).dropna()
    counts = cited.drop_duplicates().groupby("network_id").size()
    return counts.reindex(networks["id"], fill_value=0).rename("sources")


def filter_summary(ds: Dataset, filters: queries.Filters) -> str:
    """The global filters in words, for the filtered downloads."""
    if not filters.active:
        return "No filter is set: the tables hold every row of the dataset."
    kinds = ds.kind_labels
    themes = ds.theme_labels
    countries = dict(zip(ds.countries["country"], ds.countries["country_name"], strict=True))
    parts = [
        (label, [names.get(value, value) for value in values])
        for label, values, names in (
            ("world region", filters.regions, {}),
            ("country", filters.countries, countries),
            ("theme", filters.themes, themes),
            ("kind", filters.kinds, kinds),
        )
        if values
    ]
    return "Filtered by " + "; ".join(f"{label}: {', '.join(values)}" for label, values in parts) + "."
