"""The Data page in real Chromium: the ZIP opens and validates against its own datapackage.json;
filtered CSV and Excel files open, follow the URL's filters and hold no spreadsheet formula."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pandas as pd
import pytest

from data.dataset import read_dataset
from tests.browser.harness import wait_ready

pytestmark = pytest.mark.browser
FORMULA_STARTS = ("=", "+", "-", "@")


def _download(page, name: str):
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name=name, exact=True).click()
    return download.value.path().read_bytes()


def test_zip_opens_and_validates_against_its_datapackage(page, server, tmp_path) -> None:
    page.goto(f"{server.url}/data?data_view=Downloads")
    wait_ready(page)
    data = _download(page, "Dataset (ZIP)")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(tmp_path)
        names = archive.namelist()
    root = tmp_path / names[0].split("/")[0] if "/" in names[0] else tmp_path
    package_dir = next(p.parent for p in root.rglob("datapackage.json"))
    dataset = read_dataset(package_dir)
    assert len(dataset.networks) > 90
    readme = next(package_dir.rglob("README.md")).read_text(encoding="utf-8")
    assert "CC-BY-4.0" in readme or "Creative Commons" in readme


def test_filtered_csv_and_excel_follow_the_url_and_hold_no_formula(page, server) -> None:
    page.goto(f"{server.url}/data?data_view=Downloads&kind=Research-university+group")
    wait_ready(page)
    networks = pd.read_csv(io.BytesIO(_download(page, "networks.csv")), dtype=str, keep_default_na=False)
    assert set(networks["kind"]) == {"research-university-group"}
    assert 0 < len(networks) < 20
    institutions = pd.read_csv(io.BytesIO(_download(page, "institutions.csv")), dtype=str, keep_default_na=False)
    for frame in (networks, institutions):
        cells = frame.stack()
        numbers = pd.to_numeric(cells, errors="coerce").notna()  # -72.9 is a longitude, not a formula
        assert cells[cells.str.startswith(FORMULA_STARTS) & ~numbers].tolist() == []
    workbook = openpyxl.load_workbook(io.BytesIO(_download(page, "memberships.xlsx")))
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    assert "network_id" in header and sheet.max_row > 1
    for row in sheet.iter_rows(min_row=2, values_only=True):
        for value in row:
            assert not (isinstance(value, str) and value.startswith(FORMULA_STARTS)), value
