"""Bring-your-own partner lists: every kind of bad file gets a plain message; good rows are matched."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from data import partners


def test_good_csv_is_read_and_matched(tiny) -> None:
    data = "Institution,Country,City\nUniversität Heidelberg,Germany,Heidelberg\nYale University,US,\nNowhere U,FR,\n"
    partner_list = partners.read_partner_file("partners.csv", data.encode("utf-8"))
    assert partner_list.problems == [] and partner_list.notes == []
    matched = partners.match_partners(tiny, partner_list.rows)
    assert matched["institution_id"].tolist()[:2] == ["heidelberg", "yale"]
    assert pd.isna(matched.loc[2, "institution_id"])
    assert matched["match"].tolist() == ["exact", "exact", "no match"]
    assert matched.loc[0, "lat"] == pytest.approx(49.40768)  # coordinates taken from the dataset
    table = partners.partners_by_network(tiny, matched, {"alpha": "ALPHA", "beta": "BETA"})
    assert table[["network", "partners"]].values.tolist() == [["ALPHA", 2], ["BETA", 1]]


def test_semicolon_csv_and_header_variants_are_understood(tiny) -> None:
    data = "University;ISO;Latitude;Longitude\nKU Leuven;BE;50.88;4.70\n"
    rows = partners.read_partner_file("p.csv", data.encode("utf-8")).rows
    assert rows[["name", "country", "lat", "lon"]].values.tolist() == [["KU Leuven", "BE", 50.88, 4.70]]


def test_excel_file_is_read(tiny) -> None:
    buffer = io.BytesIO()
    pd.DataFrame({"Institution": ["Yale University"], "Country": ["United States"]}).to_excel(buffer, index=False)
    rows = partners.read_partner_file("p.xlsx", buffer.getvalue()).rows
    assert rows[["name", "country"]].values.tolist() == [["Yale University", "US"]]


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        ("p.csv", b"", "The file is empty."),
        ("p.csv", b"   \n  ", "The file is empty."),
        ("p.csv", b"partner,town\nYale,New Haven\n", "missing: country"),
        ("p.csv", b"name,country\n", "no partners in it"),
        ("p.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary data"),
        ("p.xlsx", b"this is not a workbook", "The Excel file cannot be read"),
        ("p.pdf", b"%PDF-1.4", "Upload a .csv or .xlsx file."),
        ("p.csv", b'name,country\n"unclosed,BE\n', "not a readable CSV table"),
    ],
)
def test_bad_files_get_a_plain_message(filename: str, data: bytes, message: str) -> None:
    with pytest.raises(partners.PartnerFileError) as error:
        partners.read_partner_file(filename, data)
    assert message in str(error.value)


def test_too_many_rows_are_refused() -> None:
    data = "name,country\n" + "".join(f"U{i},BE\n" for i in range(11))
    with pytest.raises(partners.PartnerFileError, match="at most 10 partners"):
        partners.read_partner_file("p.csv", data.encode(), max_rows=10)


def test_wrong_encoding_is_read_with_a_warning() -> None:
    partner_list = partners.read_partner_file("p.csv", "name,country\nUniversität Wien,AT\n".encode("cp1252"))
    assert partner_list.rows["name"].tolist() == ["Universität Wien"]
    assert "not UTF-8" in partner_list.notes[0]


def test_malformed_rows_are_named_and_left_out() -> None:
    data = "name,country,lat,lon\nGood U,BE,50,4\n,DE,,\nBad Country U,Atlantis,,\nFar U,FR,95,2\n"
    partner_list = partners.read_partner_file("p.csv", data.encode())
    assert partner_list.problems == [
        (3, "no institution name"),
        (4, "'Atlantis' is not a country name or ISO code"),
        (5, "coordinates out of range; the row is kept without them"),
    ]
    assert partner_list.rows["name"].tolist() == ["Good U", "Far U"]
