"""render.html_table: the Overview's light tables (real table markup, every value escaped, count bars)."""

from __future__ import annotations

import re

import pandas as pd

from components import render
from tests.helpers import PAYLOAD
from tests.helpers import parse_html_table as parse

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
