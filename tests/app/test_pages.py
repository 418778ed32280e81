"""Every page runs in AppTest on the real data, and the error path stops on a broken dataset."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGES = [
    "pages/overview.py",
    "pages/map.py",
    "pages/compare.py",
    "pages/networks.py",
    "pages/institutions.py",
    "pages/data.py",
]


@pytest.fixture(autouse=True)
def _fresh_cache():
    st.cache_data.clear()
    yield
    st.cache_data.clear()


def run_app(page: str | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    if page:
        at.switch_page(page)
    return at.run()


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_exception(page: str) -> None:
    at = run_app(page)
    assert not at.exception
    assert at.title, "every page has a title"
    assert any("Data as of" in caption.value for caption in at.caption), "the footer is drawn"
    assert at.sidebar.multiselect(key="region") is not None


def test_networks_catalogue_lists_every_network_and_searches() -> None:
    at = run_app("pages/networks.py")
    assert at.title[0].value == "Networks"
    total = at.caption[0].value
    assert total.startswith("Showing ") and " of " in total
    at.text_input(key="networks_q").input("coimbra").run()
    assert not at.exception
    assert at.caption[0].value.startswith("Showing 1 of ")
    assert any("Coimbra Group" in c.value for c in at.caption)


def test_kind_filter_narrows_the_catalogue() -> None:
    at = run_app("pages/networks.py")
    before = at.caption[0].value
    at.sidebar.multiselect(key="kind").select("research-university-group").run()
    after = at.caption[0].value
    assert before != after
    assert int(after.split()[1]) < int(before.split()[1])


def test_profile_shows_facts_members_and_sources() -> None:
    at = run_app("pages/networks.py", network="leru")
    assert not at.exception
    assert "League of European Research Universities" in at.title[0].value
    headers = [h.value for h in at.subheader]
    assert any(h.startswith("Members (24)") for h in headers)
    assert any(h.startswith("Former members") for h in headers)
    assert "Sources" in headers
    assert at.metric[0].label == "Members listed"


def test_partial_list_is_flagged_on_the_profile() -> None:
    at = run_app("pages/networks.py", network="aearu")
    assert any("Partial list" in w.value for w in at.warning)


def test_unknown_network_gets_a_plain_message_and_the_catalogue() -> None:
    at = run_app("pages/networks.py", network="<script>alert(1)</script>")
    assert not at.exception
    assert any("no network with that name" in w.value for w in at.warning)
    assert at.title[0].value == "Networks"


def test_broken_dataset_stops_with_a_table_of_failures(broken_dir, monkeypatch) -> None:
    monkeypatch.setenv("ATLAS_DATA_DIR", str(broken_dir))
    at = run_app("pages/networks.py")
    assert not at.exception
    assert "could not be loaded" in at.error[0].value
    table = at.dataframe[0].value
    assert {"networks.csv", "institutions.csv", "memberships.csv"} <= set(table["file"])
    assert at.caption.len == 0 or not any("Data as of" in c.value for c in at.caption)
