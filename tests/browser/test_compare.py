"""Compare in real Chromium: PNG and SVG exports are valid images with the title inside, the plotly
camera saves a PNG, and the CSV is exactly the data the chart plots."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from PIL import Image

from data import compare, queries
from data.dataset import read_dataset
from tests.browser.harness import wait_ready

pytestmark = pytest.mark.browser
URL = "/compare?compare_networks=LERU&compare_networks=CG&compare_networks=Una+Europa&compare_view=Size"


def _download(page, name: str):
    with page.expect_download(timeout=90_000) as download:
        page.get_by_role("button", name=name).first.click()
    return download.value


def test_png_export_is_a_wide_valid_image(page, server) -> None:
    page.goto(server.url + URL)
    wait_ready(page)
    file = _download(page, "PNG image")
    image = Image.open(io.BytesIO(file.path().read_bytes()))
    assert file.suggested_filename == "listed-members-and-official-count.png"
    assert image.format == "PNG" and image.width >= 1200


def test_svg_export_carries_title_takeaway_and_credit(page, server) -> None:
    page.goto(server.url + URL)
    wait_ready(page)
    text = _download(page, "SVG image").path().read_text(encoding="utf-8")
    assert text.lstrip().startswith("<svg")
    assert "Listed members and official count" in text
    assert "is the largest here" in text
    assert "data as of" in text


def test_plotly_camera_saves_a_png(page, server) -> None:
    page.goto(server.url + URL)
    wait_ready(page)
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    chart.wait_for()
    chart.hover()
    with page.expect_download(timeout=60_000) as download:
        chart.locator(
            '.modebar-btn[data-title="Download plot as a PNG"], .modebar-btn[data-title*="png"]'
        ).first.click()
    assert download.value.suggested_filename == "listed-members-and-official-count.png"
    assert download.value.path().read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_csv_is_the_data_behind_the_chart(page, server) -> None:
    page.goto(server.url + URL.replace("compare_view=Size", "compare_view=Reach+and+spread"))
    wait_ready(page)
    downloaded = pd.read_csv(_download(page, "Data behind this chart (CSV)").path())
    ds = read_dataset()
    labels = queries.network_labels(queries.network_table(ds))
    expected = compare.country_composition(ds, ["leru", "coimbra-group", "una-europa"], labels)
    pd.testing.assert_frame_equal(downloaded, expected, check_dtype=False)
