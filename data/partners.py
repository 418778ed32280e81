"""Bring your own partner list: read an uploaded CSV or Excel file, check it, match its rows to the
dataset's institutions, and set the matched partners against the networks.

Pure functions over bytes and frames: nothing is written to disk, so an upload lives only in the
user's session. Every problem is reported in plain words, naming the rows concerned.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import pandas as pd

from data import geo
from data.dataset import Dataset
from data.institutions import name_index, search_institutions
from data.queries import FULL_ROLES, current_memberships, normalise_text

MAX_ROWS = 5000
COLUMN_NAMES = {
    "name": (
        "institution",
        "institution name",
        "institution_name",
        "name",
        "university",
        "partner",
        "organisation",
        "organization",
    ),
    "country": ("country", "country code", "country_code", "iso", "iso2", "iso code"),
    "city": ("city", "town", "place"),
    "lat": ("lat", "latitude"),
    "lon": ("lon", "lng", "long", "longitude"),
}


class PartnerFileError(ValueError):
    """The whole file cannot be used; the message says why in plain words."""


@dataclass
class PartnerList:
    """The usable rows (name, country, city, lat, lon, row) and the rows left out, with why."""

    rows: pd.DataFrame
    problems: list[tuple[int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _decode(data: bytes) -> tuple[str, list[str]]:
    if b"\x00" in data[:4096]:
        raise PartnerFileError(
            "The file is not a text CSV file (it contains binary data). Upload a .csv or .xlsx file."
        )
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), [
            "The file is not UTF-8 text; it was read as Windows-1252. Check that accented names look right, or save "
            "the file as 'CSV UTF-8'."
        ]


def _read_table(filename: str, data: bytes) -> tuple[pd.DataFrame, list[str]]:
    if not data.strip():
        raise PartnerFileError("The file is empty.")
    if filename.lower().endswith((".xlsx", ".xlsm")):
        try:
            return pd.read_excel(io.BytesIO(data), dtype=str, engine="openpyxl").fillna(""), []
        except Exception as error:  # openpyxl raises many types for a damaged workbook
            raise PartnerFileError(
                f"The Excel file cannot be read ({type(error).__name__}). Save it again as .xlsx or as CSV UTF-8."
            ) from error
    if not filename.lower().endswith((".csv", ".txt")):
        raise PartnerFileError("Upload a .csv or .xlsx file.")
    text, notes = _decode(data)
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, sep=None, engine="python")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeError) as error:
        raise PartnerFileError(f"The file is not a readable CSV table: {str(error).splitlines()[0]}.") from error
    return frame, notes


def _columns(frame: pd.DataFrame) -> dict[str, str]:
    found = {}
    headers = {normalise_text(str(c)): c for c in frame.columns}
    for role, names in COLUMN_NAMES.items():
        for name in names:
            if normalise_text(name) in headers:
                found[role] = headers[normalise_text(name)]
                break
    return found


def _country_code(value: str, names: dict[str, str], codes: frozenset[str]) -> str | None:
    text = value.strip()
    if text.upper() in codes:
        return text.upper()
    return names.get(normalise_text(text))


def read_partner_file(filename: str, data: bytes, max_rows: int = MAX_ROWS) -> PartnerList:
    """Read and check an uploaded partner list; raise PartnerFileError when the file cannot be used."""
    frame, notes = _read_table(filename, data)
    columns = _columns(frame)
    missing = [role for role in ("name", "country") if role not in columns]
    if missing:
        shown = ", ".join(str(c) for c in frame.columns[:8]) or "none"
        raise PartnerFileError(
            f"The file needs a column for the institution's name and one for its country; missing: "
            f"{' and '.join(missing)}. Columns found: {shown}."
        )
    if frame.empty:
        raise PartnerFileError("The file has a header row but no partners in it.")
    if len(frame) > max_rows:
        raise PartnerFileError(
            f"The file has {len(frame):,} rows; at most {max_rows:,} partners can be checked at once."
        )
    table = geo.read_country_table()
    names = {normalise_text(n): c for n, c in zip(table["country_name"], table["country"], strict=True)}
    codes = frozenset(table["country"])
    rows, problems = [], []
    for position, record in enumerate(frame.to_dict("records"), start=2):  # line 1 is the header
        name = str(record[columns["name"]]).strip()
        country = _country_code(str(record[columns["country"]]), names, codes)
        if not name:
            problems.append((position, "no institution name"))
            continue
        if country is None:
            problems.append((position, f"'{record[columns['country']]}' is not a country name or ISO code"))
            continue
        row = {
            "row": position,
            "name": name,
            "country": country,
            "city": str(record.get(columns.get("city", ""), "")).strip(),
        }
        for role in ("lat", "lon"):
            raw = str(record.get(columns.get(role, ""), "")).strip()
            row[role] = float(raw) if re.fullmatch(r"-?\d+(\.\d+)?", raw) else None
        if (row["lat"] is not None and not -90 <= row["lat"] <= 90) or (
            row["lon"] is not None and not -180 <= row["lon"] <= 180
        ):
            problems.append((position, "coordinates out of range; the row is kept without them"))
            row["lat"] = row["lon"] = None
        rows.append(row)
    return PartnerList(pd.DataFrame(rows, columns=["row", "name", "country", "city", "lat", "lon"]), problems, notes)


def match_partners(ds: Dataset, partners: pd.DataFrame) -> pd.DataFrame:
    """Each partner row with the institution it matches in its country (exact, alias or close spelling),
    or none. Matched rows take the institution's coordinates when the file gave none."""
    index = name_index(ds)
    places = ds.institutions.set_index("id")
    matched = []
    for row in partners.itertuples():
        found = search_institutions(ds, row.name, country=row.country, limit=1, index=index)
        record = row._asdict()
        record.pop("Index")
        if found.empty or found.iloc[0]["score"] < 86:
            record.update(institution_id=None, matched_name=None, match="no match")
        else:
            best = found.iloc[0]
            institution = places.loc[best["institution_id"]]
            record.update(institution_id=best["institution_id"], matched_name=institution["name"], match=best["match"])
            if record["lat"] is None or pd.isna(record["lat"]):
                record["lat"], record["lon"] = float(institution["lat"]), float(institution["lon"])
        matched.append(record)
    return pd.DataFrame(matched)


def partners_by_network(ds: Dataset, matched: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """For every network with at least one of the partners as a current member: how many and which."""
    current = current_memberships(ds)
    current = current[current["role"].isin((*FULL_ROLES, "associate"))]
    mine = current[current["institution_id"].isin(matched["institution_id"].dropna())]
    grouped = mine.groupby("network_id")
    table = pd.DataFrame(
        {
            "partners": grouped["institution_id"].nunique(),
            "which": grouped["institution_name"].agg(lambda names: ", ".join(sorted(set(names)))),
        }
    ).reset_index()
    table["network"] = table["network_id"].map(labels)
    table["profile"] = "/networks?network=" + table["network_id"]
    table = table.sort_values(["partners", "network"], ascending=[False, True])
    return table[["network", "partners", "which", "profile", "network_id"]].reset_index(drop=True)
