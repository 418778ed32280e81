"""The Networks catalogue's cards: the texts Python sends, and the drawing code that shows them."""

from __future__ import annotations

import re

from components import networks
from data import queries

ASSETS = networks._ASSETS


def _cards(ds, **changes: str) -> dict[str, dict]:
    table = queries.network_table(ds)
    for column, value in changes.items():
        table.loc[table["id"] == "alpha", column] = value
    return {row["id"]: networks.card_data(row, ds.theme_labels) for row in table.to_dict("records")}


def test_card_names_the_acronym_then_the_full_name(tiny) -> None:
    alpha = _cards(tiny)["alpha"]
    assert (alpha["heading"], alpha["name"]) == ("ALPHA", "Alpha League")
    assert alpha["facts"] == networks.fact_line(queries.network_table(tiny).set_index("id").loc["alpha"])
    assert alpha["themes"] == "Research policy & advocacy"
    assert (alpha["status"], alpha["status_label"]) == ("complete", "complete list")


def test_card_without_acronym_is_headed_by_its_name(tiny) -> None:
    programme = _cards(tiny)["prog"]
    assert (programme["heading"], programme["name"]) == ("The Programme", None)
    assert programme["themes"] is None  # no themes recorded: no empty line on the card


def test_long_summary_is_cut_at_a_word_within_140_characters(tiny) -> None:
    summary = "Universities working together on " + "research and teaching " * 10
    alpha = _cards(tiny, summary=summary)["alpha"]
    assert len(alpha["summary"]) <= 140 and alpha["summary"].endswith("…")
    assert summary.startswith(alpha["summary"][:-1]) and alpha["summary"][-2] != " "


def test_card_texts_are_sent_as_they_are(tiny) -> None:
    # No escaping in Python: the drawing code sets every text as text (see the next test).
    alpha = _cards(tiny, name="Alpha <b>League</b>", acronym="A&B")["alpha"]
    assert (alpha["heading"], alpha["name"]) == ("A&B", "Alpha <b>League</b>")


def test_drawing_code_sets_text_never_html() -> None:
    code = (ASSETS / "network_cards.js").read_text(encoding="utf-8")
    assert "textContent" in code
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in code
    # Links carry the id percent-encoded, so an id cannot leave the query string.
    assert "encodeURIComponent(item.id)" in code


def test_every_coverage_status_has_a_badge_style() -> None:
    css = (ASSETS / "network_cards.css").read_text(encoding="utf-8")
    styled = set(re.findall(r"\.badge-([a-z-]+)", css))
    assert set(networks._STATUS_BADGE) <= styled
