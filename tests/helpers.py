"""Build small datasets on disk for tests: the real datapackage.json with tiny inline tables."""

from __future__ import annotations

import csv
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from data.dataset import DATA_DIR

TINY: dict[str, list[dict[str, str]]] = {
    "sources": [
        {
            "id": "s-official",
            "url": "https://example.org/members",
            "title": "Members",
            "publisher": "Alpha",
            "source_type": "official-page",
            "accessed": "2026-11-01",
        },
        {
            "id": "s-news",
            "url": "https://example.org/news",
            "title": "News",
            "publisher": "Daily",
            "source_type": "news",
            "accessed": "2026-11-20",
        },
    ],
    "network_kinds": [
        {"id": "research-university-group", "label": "Research-university group", "description": "Groups."},
        {"id": "european-university-alliance", "label": "European University alliance", "description": "EUI."},
        {"id": "programme", "label": "Programme or project", "description": "Programmes."},
    ],
    "themes": [
        {"id": "research-policy", "label": "Research policy & advocacy", "description": "Policy."},
        {"id": "sustainability", "label": "Sustainability & climate", "description": "Climate."},
    ],
    "networks": [
        {
            "id": "alpha",
            "acronym": "ALPHA",
            "name": "Alpha League",
            "kind": "research-university-group",
            "founded": "2002",
            "first_call_year": "",
            "funding_status": "",
            "hq_city": "Leuven",
            "hq_lat": "50.87959",
            "hq_lon": "4.70093",
            "hq_country": "BE",
            "website": "https://alpha.example.org",
            "summary": "A league of research universities.",
            "member_count_official": "3",
            "member_count_qualifier": "exact",
            "member_count_as_of": "2025-01",
            "count_source_id": "s-official",
            "members_listed": "full",
            "parent": "",
            "source_id": "s-official",
        },
        {
            "id": "beta",
            "acronym": "BETA",
            "name": "Béta Alliance",
            "kind": "european-university-alliance",
            "founded": "2019",
            "first_call_year": "2019",
            "funding_status": "funded",
            "hq_city": "",
            "hq_country": "",
            "website": "",
            "summary": "An alliance.",
            "member_count_official": "3",
            "member_count_qualifier": "exact",
            "member_count_as_of": "2024",
            "count_source_id": "s-news",
            "members_listed": "full",
            "parent": "prog",
            "source_id": "s-news",
        },
        {
            "id": "prog",
            "acronym": "",
            "name": "The Programme",
            "kind": "programme",
            "founded": "2017",
            "first_call_year": "",
            "funding_status": "",
            "hq_city": "Brussels",
            "hq_country": "BE",
            "website": "",
            "summary": "A programme.",
            "member_count_official": "",
            "member_count_qualifier": "",
            "member_count_as_of": "",
            "count_source_id": "",
            "members_listed": "none",
            "parent": "",
            "source_id": "s-official",
        },
    ],
    "institutions": [
        {
            "id": "ku-leuven",
            "name": "KU Leuven",
            "short_name": "",
            "city": "Leuven",
            "country": "BE",
            "lat": "50.87959",
            "lon": "4.70093",
            "coord_precision": "city",
            "coord_source_id": "s-official",
            "ror": "",
            "wikidata": "",
        },
        {
            "id": "heidelberg",
            "name": "Heidelberg University",
            "short_name": "",
            "city": "Heidelberg",
            "country": "DE",
            "lat": "49.40768",
            "lon": "8.69079",
            "coord_precision": "city",
            "coord_source_id": "s-official",
            "ror": "",
            "wikidata": "",
        },
        {
            "id": "lodz",
            "name": "University of Łódź",
            "short_name": "UŁ",
            "city": "Łódź",
            "country": "PL",
            "lat": "51.75",
            "lon": "19.46667",
            "coord_precision": "city",
            "coord_source_id": "s-official",
            "ror": "",
            "wikidata": "",
        },
        {
            "id": "yale",
            "name": "Yale University",
            "short_name": "",
            "city": "New Haven",
            "country": "US",
            "lat": "41.30815",
            "lon": "-72.92816",
            "coord_precision": "city",
            "coord_source_id": "s-official",
            "ror": "",
            "wikidata": "",
        },
    ],
    "institution_aliases": [
        {"institution_id": "heidelberg", "alias": "Universität Heidelberg", "kind": "local-name"},
    ],
    "memberships": [
        {
            "network_id": "alpha",
            "institution_id": "ku-leuven",
            "role": "member",
            "since": "2002",
            "until": "",
            "note": "",
            "source_id": "s-official",
        },
        {
            "network_id": "alpha",
            "institution_id": "heidelberg",
            "role": "member",
            "since": "2002",
            "until": "",
            "note": "",
            "source_id": "s-official",
        },
        {
            "network_id": "alpha",
            "institution_id": "yale",
            "role": "member",
            "since": "",
            "until": "",
            "note": "",
            "source_id": "s-official",
        },
        {
            "network_id": "alpha",
            "institution_id": "lodz",
            "role": "member",
            "since": "2002",
            "until": "2011",
            "note": "",
            "source_id": "s-official",
        },
        {
            "network_id": "beta",
            "institution_id": "ku-leuven",
            "role": "coordinator",
            "since": "2019",
            "until": "",
            "note": "",
            "source_id": "s-news",
        },
        {
            "network_id": "beta",
            "institution_id": "lodz",
            "role": "member",
            "since": "2019",
            "until": "",
            "note": "",
            "source_id": "s-news",
        },
        {
            "network_id": "beta",
            "institution_id": "heidelberg",
            "role": "associate",
            "since": "",
            "until": "",
            "note": "",
            "source_id": "s-news",
        },
    ],
    "network_themes": [
        {"network_id": "alpha", "theme": "research-policy", "source_id": "s-official"},
        {"network_id": "beta", "theme": "sustainability", "source_id": "s-news"},
    ],
    "partner_regions": [
        {
            "network_id": "alpha",
            "region": "Eastern Asia",
            "relation": "partnership",
            "note": "",
            "source_id": "s-official",
        },
        {"network_id": "alpha", "region": "US", "relation": "partnership", "note": "AAU", "source_id": "s-official"},
    ],
    "network_links": [
        {"from_id": "beta", "to_id": "prog", "relation": "part-of", "note": "", "source_id": "s-news"},
    ],
    "coordinate_exceptions": [],
    "distinct_institutions": [],
    "ehea_members": [
        {"country": "BE", "status": "member", "source_id": "s-official", "note": ""},
        {"country": "DE", "status": "member", "source_id": "s-official", "note": ""},
        {"country": "PL", "status": "member", "source_id": "s-official", "note": ""},
    ],
}


def write_dataset(folder: Path, tables: dict[str, list[dict[str, str]]] | None = None) -> Path:
    """Write the real datapackage.json and region groups plus ``tables`` (default: TINY) into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA_DIR / "datapackage.json", folder / "datapackage.json")
    (folder / "tables").mkdir(exist_ok=True)
    shutil.copy(DATA_DIR / "tables" / "region_groups.csv", folder / "tables" / "region_groups.csv")
    header_source = DATA_DIR / "tables"
    for name, rows in (tables or TINY).items():
        with (header_source / f"{name}.csv").open(encoding="utf-8") as real:
            header = next(csv.reader(real))
        with (folder / "tables" / f"{name}.csv").open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=header)
            writer.writeheader()
            writer.writerows(rows)
    return folder


def break_dataset(folder: Path) -> Path:
    """A tiny dataset with one deliberate error of several kinds, in several files."""
    write_dataset(folder)
    tables = folder / "tables"
    networks = (tables / "networks.csv").read_text(encoding="utf-8")
    (tables / "networks.csv").write_text(
        networks.replace(",2002,", ",20x2,").replace(",BE,", ",XX,", 1), encoding="utf-8"
    )
    members = (tables / "memberships.csv").read_text(encoding="utf-8")
    (tables / "memberships.csv").write_text(members.replace("alpha,yale", "alpha,nowhere-university"), encoding="utf-8")
    institutions = (tables / "institutions.csv").read_text(encoding="utf-8")
    (tables / "institutions.csv").write_text(institutions.replace("50.87959", "95.1"), encoding="utf-8")
    return folder


PAYLOAD = "<script>alert('x')</script><img src=x onerror=alert('y')>"


def write_hostile_dataset(folder: Path) -> Path:
    """The tiny dataset with HTML and script in every kind of free text the app shows."""
    tables = {name: [dict(row) for row in rows] for name, rows in TINY.items()}
    tables["networks"][0]["name"] = f"Alpha {PAYLOAD} League"
    tables["networks"][0]["summary"] = f"A summary with {PAYLOAD} inside."
    tables["networks"][0]["acronym"] = "AL<b>PHA</b>"
    tables["institutions"][0]["name"] = f"KU {PAYLOAD} Leuven"
    tables["institutions"][0]["city"] = "Leuven<svg onload=alert('c')>"
    tables["partner_regions"][0]["note"] = PAYLOAD
    tables["sources"][0]["title"] = f"Members {PAYLOAD}"
    tables["memberships"][0]["note"] = PAYLOAD
    tables["themes"][0]["label"] = f"Policy {PAYLOAD}"
    return write_dataset(folder, tables)


class Cells(HTMLParser):
    """The table's header texts, its rows' cell texts, and every tag seen."""

    def __init__(self) -> None:
        super().__init__()
        self.headers: list[str] = []
        self.rows: list[list[str]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._cell: list[str] | None = None
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "tr":
            self.rows.append([])
        if tag in ("th", "td"):
            self._cell, self._in = [], tag

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell is not None:
            text = "".join(self._cell).strip()
            (self.headers if tag == "th" else self.rows[-1]).append(text)
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def parse_html_table(markup: str) -> Cells:
    cells = Cells()
    cells.feed(markup)
    cells.rows = [row for row in cells.rows if row]
    return cells


class Definitions(HTMLParser):
    """A definition list's terms and their definitions, as text, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.pairs: list[tuple[str, str]] = []
        self._term: list[str] | None = None
        self._text: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in ("dt", "dd"):
            self._text = []

    def handle_endtag(self, tag):
        if tag == "dt" and self._text is not None:
            self._term, self._text = self._text, None
        elif tag == "dd" and self._text is not None and self._term is not None:
            self.pairs.append(("".join(self._term).strip(), "".join(self._text).strip()))
            self._term = self._text = None

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)


def parse_definitions(markup: str) -> list[tuple[str, str]]:
    definitions = Definitions()
    definitions.feed(markup)
    return definitions.pairs


def parse_html_tables(markup: str) -> list[Cells]:
    """Every table in ``markup`` (tables side by side, not nested), parsed in order."""
    return [parse_html_table(table) for table in re.findall(r"<table\b.*?</table>", markup, flags=re.DOTALL)]
