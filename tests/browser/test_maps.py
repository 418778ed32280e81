"""Overview and Map in real Chromium: filters change what is drawn, a shared URL restores the view,
and the map's static twin downloads as valid PNG and SVG images."""

from __future__ import annotations

import io
import re
import time

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser.harness import wait_ready

pytestmark = pytest.mark.browser
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'


def takeaway(tab) -> str:
    return tab.get_by_text(re.compile(r"^\d+ member institutions? in \d+ countr")).inner_text()


def choose(tab, label: str, option: str, param: str) -> None:
    """Pick an option in a multiselect the way a user does (open it, type, click the option), then
    wait until the URL carries it and the rerun it causes has finished."""
    box = tab.get_by_role("combobox", name=label)
    box.click()
    box.fill(option)
    tab.get_by_role("option", name=option, exact=True).click()
    tab.keyboard.press("Escape")
    wanted = f"{param}={option.replace(' ', '+')}"
    tab.wait_for_function(f"() => location.search.includes({wanted!r})")
    wait_ready(tab)


def wait_until_changed(read, before, timeout: float = 20.0):
    """Poll ``read()`` until it differs from ``before`` (a rerun may still be drawing)."""
    deadline = time.monotonic() + timeout
    value = read()
    while value == before and time.monotonic() < deadline:
        time.sleep(0.2)
        value = read()
    return value


def test_overview_renders_map_and_tables(page, server) -> None:
    page.goto(f"{server.url}/overview")
    wait_ready(page)
    assert page.locator(ERRORS).count() == 0
    # The headline figures: one definition list, each count a definition under its term.
    assert page.get_by_role("term").all_inner_texts() == ["Networks", "Institutions", "Countries", "Memberships"]
    assert page.get_by_role("definition").count() == 4
    # The HTML map is drawn whole: the frame, the land image (loaded) and one
    # dot per city, as many as the caption counts, every dot inside the frame.
    frame = page.get_by_role("img", name=re.compile(r"^Map of the [\d,]+ member institutions"))
    expect(frame).to_have_count(1)
    land = frame.locator("img")
    expect(land).to_have_count(1)
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=land.element_handle())
    cities = int(
        re.search(r"in ([\d,]+) cities", page.locator('[data-testid="stCaptionContainer"]').first.inner_text())
        .group(1)
        .replace(",", "")
    )
    dots = frame.locator("span[title]")
    assert dots.count() == cities > 100
    box = frame.bounding_box()
    assert 2.9 < box["width"] / box["height"] < 3.1
    inside = dots.evaluate_all(
        """(dots, f) => dots.filter(d => { const r = d.getBoundingClientRect();
             const x = r.left + r.width / 2, y = r.top + r.height / 2;
             return x >= f.x && x <= f.x + f.width && y >= f.y && y <= f.y + f.height; }).length""",
        box,
    )
    assert inside == cities
    assert page.locator('[data-testid="stDeckGlJsonChart"]').count() == 0


def test_maps_without_a_basemap_fetch_nothing_from_a_map_host(page, server) -> None:
    # No basemap is configured in tests: the maps draw the shipped land only (the Map page's deck
    # its land layer, the Overview its land image), with no request for a style or tiles (Streamlit
    # would otherwise fetch CARTO's) and no second map canvas.
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for path in ("overview", "map"):
        page.goto(f"{server.url}/{path}")
        wait_ready(page)
        page.wait_for_timeout(1000)
        assert page.locator(".mapboxgl-canvas, .maplibregl-canvas").count() == 0, path
    assert page.locator('[data-testid="stDeckGlJsonChart"] canvas').count() == 1
    assert any(url.endswith("/app/static/land-equal-earth.svg") for url in requests)
    assert any(url.endswith("/app/static/land-110m.json") for url in requests)
    assert not [url for url in requests if re.search(r"cartocdn|mapbox|maptiler|\.pbf|/tiles?/", url)]


def test_country_filter_changes_the_overview_counts(page, server) -> None:
    page.goto(f"{server.url}/overview")
    wait_ready(page)
    before = page.get_by_role("definition").all_inner_texts()
    choose(page, "Country", "Poland", "country")
    after = wait_until_changed(lambda: page.get_by_role("definition").all_inner_texts(), before)
    assert after != before and after[2] == "1"
    assert "country=Poland" in page.url


def test_map_filter_changes_the_point_count_and_url_restores_it(browser, server) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.goto(f"{server.url}/map")
    wait_ready(tab)
    assert tab.locator('[data-testid="stDeckGlJsonChart"]').count() == 1
    first = takeaway(tab)
    choose(tab, "Networks on the map", "CG", "map_networks")
    second = wait_until_changed(lambda: takeaway(tab), first)
    assert int(second.split()[0]) > int(first.split()[0])
    shared = tab.url
    assert "map_networks=LERU" in shared and "map_networks=CG" in shared
    context.close()

    fresh = browser.new_context(viewport={"width": 1400, "height": 1000})
    again = fresh.new_page()
    again.goto(shared)
    wait_ready(again)
    assert takeaway(again) == second
    fresh.close()


@pytest.mark.parametrize(("button", "kind"), [("PNG image", "png"), ("SVG image", "svg")])
def test_map_twin_downloads_as_a_valid_image(page, server, button: str, kind: str) -> None:
    page.goto(f"{server.url}/map?map_networks=LERU&map_networks=Una+Europa")
    wait_ready(page)
    with page.expect_download(timeout=90_000) as download:
        page.get_by_role("button", name=button).click()
    path = download.value.path()
    data = path.read_bytes()
    assert download.value.suggested_filename.endswith(f".{kind}")
    if kind == "png":
        image = Image.open(io.BytesIO(data))
        assert image.format == "PNG" and image.size == (1600, 900)
    else:
        text = data.decode("utf-8")
        assert text.lstrip().startswith("<svg") and text.rstrip().endswith("</svg>")
        assert "Members and partner regions of LERU, Una Europa" in text
        assert "data as of" in text
