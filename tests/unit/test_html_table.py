"""render.html_table: the Overview's light tables (real table markup, every value escaped, count bars)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd

from components import render
from tests.helpers import PAYLOAD


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


def parse(markup: str) -> Cells:
    cells = Cells()
    cells.feed(markup)
    cells.rows = [row for row in cells.rows if row]
    return cells


FRAME = pd.DataFrame(
    {
        "name": [f"KU {PAYLOAD} Leuven", "Leiden University", "Small & Co"],
        "place": ["Leuven<svg onload=alert('c')>", "Leiden, Netherlands", "Nowhere"],
        "count": [7, 3, 0],
    }
)


def test_every_value_is_text_and_every_row_and_header_is_there() -> None:
    table = parse(render.html_table(FRAME, {"name": "Institution", "place": "Place"}, label="Top <institutions>"))
    assert table.headers == ["Institution", "Place"]
    assert table.rows == [
        [f"KU {PAYLOAD} Leuven", "Leuven<svg onload=alert('c')>"],
        ["Leiden University", "Leiden, Netherlands"],
        ["Small & Co", "Nowhere"],
    ]
    assert {tag for tag, _ in table.tags} == {"table", "thead", "tbody", "tr", "th", "td"}
    (outer,) = [attrs for tag, attrs in table.tags if tag == "table"]
    assert outer["aria-label"] == "Top <institutions>"
    assert all(attrs.get("scope") == "col" for tag, attrs in table.tags if tag == "th")


def test_bars_are_the_counts_share_of_the_largest_and_the_count_is_the_text() -> None:
    columns = {"name": "Institution", "count": "Networks"}
    markup = render.html_table(FRAME, columns, label="t", bars={"count": "#0072B2"})
    table = parse(markup)
    assert [row[1] for row in table.rows] == ["7", "3", "0"]
    shares = [float(share) for share in re.findall(r"#0072B2 ([0-9.]+)%", markup)]
    assert shares == [100.0, round(300 / 7, 1), 0.0]
    bars = [attrs for tag, attrs in table.tags if tag == "span" and attrs.get("aria-hidden") == "true"]
    assert len(bars) == 3, "the bar itself is hidden from assistive technology; the number is read"


def test_an_empty_frame_or_a_zero_maximum_draws_no_bar_and_no_error() -> None:
    empty = render.html_table(FRAME.iloc[:0], {"name": "Institution"}, label="t", bars={"count": "red"})
    assert parse(empty).rows == []
    assert "red 0.0%" in render.bar_cell(0, 0, "red")
    assert "red 100.0%" in render.bar_cell(9, 3, "red")  # never longer than the cell
