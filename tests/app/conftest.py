"""AppTest helpers shared by the page tests: run app.py on a page with query parameters, and a
fresh data cache around every test."""

from __future__ import annotations

import json
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
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


def run_app(page: str | None = None, **params: str | list[str]) -> AppTest:
    """app.py run once on ``page`` (through the frame, as a browser would) with the query parameters."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    if page:
        at.switch_page(page)
    return at.run()


def network_cards(at: AppTest) -> list[dict]:
    """The cards of the Networks catalogue as this run sent them (the component's data), in order."""
    components = [element for element in at.get("bidi_component") if element.key == "networks_cards"]
    return json.loads(components[0].proto.json)["cards"] if components else []


def server_html_blocks(at: AppTest) -> dict[str, str]:
    """The blocks of server-built HTML this run sent (components.overview.show_html), by key."""
    return {
        element.key: json.loads(element.proto.json)["html"]
        for element in at.get("bidi_component")
        if element.proto.component_name == "atlas_server_html"
    }
