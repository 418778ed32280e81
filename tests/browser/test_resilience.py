"""Resilience in real Chromium: hostile text in the data stays text, odd URLs get a plain page, a
missing data file is reported, and axe-core finds no serious or critical accessibility problem."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.harness import wait_ready
from tests.helpers import PAYLOAD, write_dataset, write_hostile_dataset

pytestmark = pytest.mark.browser
ERRORS = '[data-testid="stException"]'
PATHS = [
    "/overview",
    "/map?map_networks=AL%3Cb%3EPHA%3C%2Fb%3E",
    "/compare",
    "/networks",
    "/networks?network=alpha",
    "/institutions?institution=ku-leuven",
    "/institutions?institutions_q=Leuven",
    "/data",
]


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    from tests.browser.conftest import Server

    running = Server({"ATLAS_DATA_DIR": str(write_hostile_dataset(tmp_path_factory.mktemp("hostile")))})
    yield running
    running.stop()


@pytest.mark.parametrize("path", PATHS)
def test_html_and_script_in_the_data_render_as_text(page, hostile_server, path: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_server.url + path)
    wait_ready(page)
    page.wait_for_timeout(500)
    assert dialogs == [], "a script from the data ran"
    main = page.locator('[data-testid="stMain"]')
    assert main.locator("img[src='x'], svg[onload], b[onmouseover]").count() == 0
    assert page.locator(ERRORS).count() == 0


def test_hostile_text_is_shown_literally_in_the_overview_tables_and_map(page, hostile_server) -> None:
    page.goto(hostile_server.url + "/overview")
    wait_ready(page)
    cells = page.locator('[data-testid="stMain"] table td').all_inner_texts()
    assert f"KU {PAYLOAD} Leuven" in cells
    # The map's dot titles carry the names as text too, exactly as the data has them.
    titles = page.locator('[data-testid="stMain"] .atlas-dots span').evaluate_all("dots => dots.map(d => d.title)")
    assert len(titles) == 4
    assert any(f"KU {PAYLOAD} Leuven" in title for title in titles)


def test_hostile_text_is_shown_literally_on_the_catalogue_cards(page, hostile_server) -> None:
    page.goto(hostile_server.url + "/networks")
    wait_ready(page)
    card = page.get_by_role("article", name="AL<b>PHA</b>")
    assert card.get_by_role("heading").inner_text() == "AL<b>PHA</b>"
    text = card.inner_text()
    assert f"Alpha {PAYLOAD} League" in text and f"A summary with {PAYLOAD} inside." in text
    assert f"Policy {PAYLOAD}" in text
    assert card.get_by_role("link").get_attribute("href") == "?network=alpha"


def test_hostile_text_is_shown_literally_on_the_profile(page, hostile_server) -> None:
    page.goto(hostile_server.url + "/networks?network=alpha")
    wait_ready(page)
    assert "<script>alert('x')</script>" in page.locator('[data-testid="stMain"] h1').first.inner_text()


@pytest.mark.parametrize(
    "query",
    [
        "?network=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "?network=" + "x" * 8000,
        "?network=leru&network=aau",
        "?kind=%22%3E%3Cimg%20src%3Dx%3E&region=Atlantis&country=ZZ",
        "?map_networks=nope&compare_view=%00",
    ],
)
def test_odd_urls_get_a_plain_page(page, server, query: str) -> None:
    for path in ("/networks", "/map", "/compare"):
        page.goto(server.url + path + query)
        wait_ready(page)
        assert page.locator(ERRORS).count() == 0
        assert page.locator('[data-testid="stMain"] h1').count() >= 1


def test_missing_data_file_is_reported(page, fresh_server, tmp_path) -> None:
    folder = write_dataset(tmp_path / "missing")
    (folder / "tables" / "memberships.csv").unlink()
    server = fresh_server({"ATLAS_DATA_DIR": str(folder)})
    page.goto(server.url + "/overview")
    wait_ready(page)
    assert "could not be loaded" in page.locator('[data-testid="stAlertContentError"]').inner_text()
    page.wait_for_selector('[data-testid="stDataFrame"]')
    assert page.locator(ERRORS).count() == 0


@pytest.mark.parametrize(
    "path",
    [
        "/overview",
        "/map",
        "/compare",
        "/compare?compare_view=Themes+and+time",
        "/networks",
        "/networks?network=leru",
        "/institutions?institution=leiden-university",
        "/institutions?institutions_view=Check+a+partner+list",
        "/data",
    ],
)
def test_axe_finds_no_serious_accessibility_violation(page, server, path: str) -> None:
    page.goto(server.url + path)
    wait_ready(page)
    page.wait_for_timeout(800)
    results = Axe().run(page)
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
