"""Institutions in real Chromium: search (misspelt and accented), profile links, and uploads of good
and bad partner lists, each bad one answered with a plain message while the app stays up."""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest

from tests.browser.harness import wait_ready

pytestmark = pytest.mark.browser
ERRORS = '[data-testid="stException"]'


def test_misspelt_search_leads_to_the_profile(page, server) -> None:
    page.goto(f"{server.url}/institutions?institutions_q=Univeristy+of+Barselona")
    wait_ready(page)
    page.get_by_role("link", name=re.compile("^University of Barcelona")).click()
    page.wait_for_function("() => location.search.includes('institution=university-of-barcelona')")
    wait_ready(page)
    assert page.locator('[data-testid="stMain"] h1').first.inner_text() == "University of Barcelona"
    assert page.locator('[data-testid="stDeckGlJsonChart"]').count() == 1


def test_accented_native_name_is_found(page, server) -> None:
    page.goto(f"{server.url}/institutions?institutions_q=Universit%C3%A4t+Z%C3%BCrich")
    wait_ready(page)
    assert page.get_by_role("link", name=re.compile("^University of Zurich")).count() == 1


def _upload(page, server, name: str, data: bytes, mime: str = "text/csv") -> None:
    page.goto(f"{server.url}/institutions?institutions_view=Check+a+partner+list")
    wait_ready(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        {"name": name, "mimeType": mime, "buffer": data}
    )
    page.wait_for_timeout(500)
    wait_ready(page)


def test_good_partner_list_is_matched_mapped_and_set_against_networks(page, server) -> None:
    data = "institution,country\nUniversitat de Barcelona,ES\nLeiden University,Netherlands\nNowhere U,FR\n"
    _upload(page, server, "partners.csv", data.encode())
    assert page.get_by_text("2 of 3 partners matched").count() == 1
    assert page.locator('[data-testid="stDeckGlJsonChart"]').count() == 1
    assert page.get_by_text("Your partners in the networks").count() == 1
    assert page.locator(ERRORS).count() == 0


def test_excel_partner_list_is_read(page, server) -> None:
    buffer = io.BytesIO()
    pd.DataFrame({"Institution": ["KU Leuven"], "Country": ["BE"]}).to_excel(buffer, index=False)
    _upload(
        page,
        server,
        "partners.xlsx",
        buffer.getvalue(),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    assert page.get_by_text("1 of 1 partners matched").count() == 1


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("wrong-columns.csv", b"partner,town\nYale,New Haven\n", "missing: country"),
        ("empty.csv", b"", "The file is empty."),
        ("broken.xlsx", b"not a workbook at all", "The Excel file cannot be read"),
        ("binary.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0d", "binary data"),
    ],
)
def test_bad_partner_file_gets_a_plain_message(page, server, name: str, data: bytes, message: str) -> None:
    _upload(page, server, name, data)
    alert = page.locator('[data-testid="stAlertContentError"]')
    assert message in alert.inner_text()
    assert page.locator(ERRORS).count() == 0
    assert "Traceback" not in page.content()


def test_wrong_encoding_and_malformed_rows_are_named(page, server) -> None:
    data = "name,country\nUniversität Wien,AT\n,DE\nSomewhere,Atlantis\n".encode("cp1252")
    _upload(page, server, "latin1.csv", data)
    warnings = " ".join(page.locator('[data-testid="stAlertContentWarning"]').all_inner_texts())
    assert "not UTF-8" in warnings and "2 row(s) were left out" in warnings
    assert page.get_by_text("1 of 1 partners matched").count() == 1


def test_file_over_the_upload_limit_is_refused_and_the_app_stays_up(page, server) -> None:
    big = b"name,country\n" + b"Some University,BE\n" * 320_000  # about 6 MB, over the 5 MB limit
    _upload(page, server, "huge.csv", big)
    assert page.get_by_text(re.compile(r"File must be 5(\.0)?\s?MB or smaller", re.I)).count() >= 1
    assert page.locator(ERRORS).count() == 0
    page.goto(f"{server.url}/institutions?institutions_q=Leiden")
    wait_ready(page)
    assert page.get_by_role("link", name=re.compile("^Leiden University")).count() == 1
