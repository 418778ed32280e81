"""Every page in real Chromium: renders with the full frame and no error element, even when it is
the first URL a freshly started server is asked for."""

from __future__ import annotations

import re

import pytest

from tests.browser.harness import wait_ready

pytestmark = pytest.mark.browser

PAGES = {
    "overview": "Overview",
    "map": "Map",
    "compare": "Compare",
    "networks": "Networks",
    "institutions": "Institutions",
    "data": "Data",
}
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'


def assert_full_frame(tab, title: str) -> None:
    assert tab.locator(ERRORS).count() == 0, tab.locator(ERRORS).all_inner_texts()
    assert tab.locator('[data-testid="stMain"] h1').first.inner_text().startswith(title)
    nav = tab.locator('[data-testid="stSidebarNav"]')
    assert nav.get_by_text("Institutions").count() == 1, "the app's navigation is drawn"
    assert tab.locator('[data-testid="stSidebar"]').get_by_text("World region").count() == 1, "global filters"
    assert tab.get_by_text(re.compile(r"Data as of \d{4}-\d{2}-\d{2}")).count() == 1, "footer"


@pytest.mark.parametrize("path", sorted(PAGES))
def test_page_renders_in_the_frame(page, server, path: str) -> None:
    page.goto(f"{server.url}/{path}")
    wait_ready(page)
    assert_full_frame(page, PAGES[path])
    assert "Traceback" not in server.log()


def test_no_page_fetches_anything_from_another_host(page, server) -> None:
    # Visitors' browsers talk to this app only: no basemap, web font or favicon from a third party.
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for path in sorted(PAGES):
        page.goto(f"{server.url}/{path}")
        wait_ready(page)
        page.wait_for_timeout(500)
    assert len(requests) > 20
    # blob: URLs of this origin are objects the page made itself (the catalogue's drawing code),
    # not fetches from anywhere.
    assert [url for url in requests if not url.startswith((server.url, f"blob:{server.url}/"))] == []
    icon = page.locator('link[rel~="icon"]').first.get_attribute("href")
    assert icon and page.request.get(icon if "://" in icon else f"{server.url}/{icon.lstrip('/')}").ok


def test_overview_tables_fit_their_columns(page, server) -> None:
    """The Overview's tables wrap their text: no column is cut off at the table's edge (a data grid
    here hid the network counts and the list of networks)."""
    page.goto(f"{server.url}/overview")
    wait_ready(page)
    tables = page.locator('[data-testid="stMain"] table')
    assert tables.count() == 2
    for index in range(2):
        overflow = tables.nth(index).evaluate("t => t.scrollWidth - t.parentElement.clientWidth")
        assert overflow <= 1
    headers = page.locator('[data-testid="stMain"] table th').all_inner_texts()
    assert headers == ["Kind", "Networks", "Institution", "Place", "Networks", "Which"]
    assert "LERU" in page.locator('[data-testid="stMain"] table').nth(1).inner_text()


@pytest.mark.parametrize("path", sorted(PAGES))
def test_page_opened_first_on_a_fresh_server_shows_the_frame(page, fresh_server, path: str) -> None:
    server = fresh_server()
    page.goto(f"{server.url}/{path}")
    wait_ready(page)
    assert_full_frame(page, PAGES[path])
    assert page.url.rstrip("/").endswith(f"/{path}")


def test_root_opens_the_networks_catalogue(page, server) -> None:
    page.goto(server.url)
    wait_ready(page)
    assert_full_frame(page, "Networks")
    assert page.get_by_text(re.compile(r"Showing \d+ of \d+ networks")).count() == 1


def test_shared_profile_link_opens_the_profile(page, fresh_server) -> None:
    server = fresh_server()
    page.goto(f"{server.url}/?network=coimbra-group")
    wait_ready(page)
    assert_full_frame(page, "CG · Coimbra Group")
    assert page.get_by_text(re.compile(r"^Members \(\d+\)$")).count() == 1


def test_card_link_opens_profile_and_back_link_returns(page, server) -> None:
    page.goto(f"{server.url}/networks?networks_q=Europaeum")
    wait_ready(page)
    link = page.get_by_role("link", name="Europaeum profile")
    assert link.get_attribute("href") == "?network=europaeum"  # a real link: new tab, copy, share
    page.evaluate("() => { window.__sameDocument = true; }")
    link.click()
    page.wait_for_function("() => location.search === '?network=europaeum'")
    wait_ready(page)
    assert "Europaeum" in page.locator('[data-testid="stMain"] h1').first.inner_text()
    assert page.evaluate("() => window.__sameDocument === true"), "the profile opened by reloading the page"
    page.get_by_role("button", name="All networks").click()
    page.wait_for_function("() => !location.search.includes('network=')")
    wait_ready(page)
    assert page.locator('[data-testid="stMain"] h1').first.inner_text() == "Networks"


def test_card_link_opens_the_profile_from_the_keyboard(page, server) -> None:
    page.goto(f"{server.url}/networks?networks_q=Coimbra")
    wait_ready(page)
    page.get_by_role("link", name="CG profile").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.search === '?network=coimbra-group'")
    wait_ready(page)
    assert page.locator('[data-testid="stMain"] h1').first.inner_text() == "CG · Coimbra Group"


def test_browser_back_from_a_profile_returns_to_the_search(page, server) -> None:
    page.goto(f"{server.url}/networks?networks_q=LERU")
    wait_ready(page)
    page.get_by_role("link", name="LERU profile").click()
    page.wait_for_function("() => location.search === '?network=leru'")
    wait_ready(page)
    page.go_back()
    page.wait_for_function("() => location.search === '?networks_q=LERU'")
    wait_ready(page)
    assert page.locator('[data-testid="stMain"] h1').first.inner_text() == "Networks"
    assert page.get_by_role("link", name="LERU profile").count() == 1


def test_shared_filter_url_restores_the_filter_in_a_new_context(browser, server) -> None:
    counts = []
    for query in ("", "?kind=Research-university+group"):
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(f"{server.url}/networks{query}")
        wait_ready(tab)
        counts.append(int(re.search(r"Showing (\d+)", tab.get_by_text(re.compile("Showing")).inner_text()).group(1)))
        if query:
            chips = tab.locator('[data-testid="stSidebar"] [data-tag]').all_inner_texts()
            assert any("Research-university group" in chip for chip in chips)
        context.close()
    assert 0 < counts[1] < counts[0]


def test_broken_dataset_shows_its_failures_not_a_traceback(page, fresh_server, broken_dir) -> None:
    server = fresh_server({"ATLAS_DATA_DIR": str(broken_dir)})
    page.goto(f"{server.url}/networks")
    wait_ready(page)
    page.wait_for_selector('[data-testid="stDataFrame"]', timeout=30_000)
    assert "could not be loaded" in page.locator('[data-testid="stAlertContentError"]').inner_text()
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stDataFrame"]').count() == 1
