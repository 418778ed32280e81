"""Odd query parameters on every page and hostile text in the data: a plain message or the default
view, never an exception."""

from __future__ import annotations

import html

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP, PAGES, server_html_blocks
from tests.helpers import PAYLOAD, write_hostile_dataset

BAD_PARAMS = [
    {"network": PAYLOAD},
    {"institution": "x" * 20_000},
    {"network": ["leru", "coimbra-group", "<b>"]},
    {"region": PAYLOAD, "country": "ZZ", "theme": "nope", "kind": "'; DROP TABLE networks; --"},
    {"map_networks": ["nope", "LERU", "LERU"], "compare_networks": "x" * 5000},
    {"compare_view": PAYLOAD, "institutions_view": "nope", "data_view": "nope", "networks_page": "-4"},
    {"networks_q": "%00%ff" + PAYLOAD, "institutions_q": "\u0000\u202e" + "a" * 3000},
]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("params", BAD_PARAMS, ids=[f"params{i}" for i in range(len(BAD_PARAMS))])
def test_bad_query_parameters_never_raise(page: str, params: dict) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(page)
    at.run()
    assert not at.exception
    assert at.title, "the page still draws its title"


@pytest.mark.parametrize("page", PAGES)
def test_hostile_text_in_the_data_never_raises(page: str, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("ATLAS_DATA_DIR", str(write_hostile_dataset(tmp_path / "hostile")))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["network"] = "alpha"
    at.switch_page(page)
    at.run()
    assert not at.exception


def test_overview_html_blocks_carry_hostile_text_escaped(tmp_path, monkeypatch) -> None:
    # The Overview's blocks are shown without st.html's sanitiser, so the escaping on the server is
    # the whole defence: no tag from the data may reach them, and the text must still be there.
    monkeypatch.setenv("ATLAS_DATA_DIR", str(write_hostile_dataset(tmp_path / "hostile")))
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/overview.py")
    at.run()
    blocks = server_html_blocks(at)
    assert set(blocks) == {"overview_figures", "overview_map", "overview_tables"}
    for block in blocks.values():
        for tag in ("<script", "<img src=x", "<svg", "<b>"):
            assert tag not in block.lower()
    assert html.escape(f"KU {PAYLOAD} Leuven") in blocks["overview_tables"]
    assert "KU &lt;script&gt;" in blocks["overview_map"]  # a dot's title
