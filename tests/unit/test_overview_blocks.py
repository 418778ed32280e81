"""components.overview: the Overview's headline figures and its two tables, each one HTML block."""

from __future__ import annotations

import pandas as pd

from components import overview
from tests.helpers import PAYLOAD, parse_definitions, parse_html_tables


def test_headlines_are_a_definition_list_with_thousands_separators() -> None:
    markup = overview.headlines_html({"networks": 101, "institutions": 39900, "memberships": 0})
    assert parse_definitions(markup) == [("Networks", "101"), ("Institutions", "39,900"), ("Memberships", "0")]
    assert markup.startswith('<dl class="atlas-figures">')


def test_headline_labels_are_text() -> None:
    assert parse_definitions(overview.headlines_html({PAYLOAD: 1})) == [(PAYLOAD.capitalize(), "1")]


def test_tables_sit_under_their_headings_with_every_row_and_text_escaped() -> None:
    kinds = pd.DataFrame({"kind_label": ["European University alliance", "Declaration"], "networks": [66, 1]})
    top = pd.DataFrame(
        {
            "institution_name": [f"KU {PAYLOAD} Leuven", "Leiden University"],
            "city": ["Leuven", "Leiden"],
            "country_name": ["Belgium", "Netherlands"],
            "network_count": [5, 7],
            "networks": ["CG, LERU", "LERU, UN"],
        }
    )
    markup = overview.tables_html(kinds, top)
    by_kind, connected = parse_html_tables(markup)
    assert (
        markup.index("<h3>Networks by kind</h3>")
        < markup.index("<table")
        < markup.index("<h3>Institutions in the most networks</h3>")
    )
    assert by_kind.headers == ["Kind", "Networks"]
    assert by_kind.rows == [["European University alliance", "66"], ["Declaration", "1"]]
    assert connected.headers == ["Institution", "Place", "Networks", "Which"]
    assert connected.rows == [
        [f"KU {PAYLOAD} Leuven", "Leuven, Belgium", "5", "CG, LERU"],
        ["Leiden University", "Leiden, Netherlands", "7", "LERU, UN"],
    ]
    assert "<script>" not in markup
