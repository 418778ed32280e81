"""Exports: formula neutralisation, tables cut to the filters, the dataset ZIP and the Excel workbook."""

from __future__ import annotations

import dataclasses
import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from data import export, queries
from data.dataset import Dataset, read_dataset


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"),
        ("-cmd", "'-cmd"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain text", "plain text"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_text_cells_that_could_run_as_formulas_get_a_quote(value: str, expected: str) -> None:
    frame = pd.DataFrame({"text": pd.array([value], dtype="string"), "loose": pd.Series([value], dtype=object)})
    result = export.neutralise_formulas(frame)
    assert result.loc[0, "text"] == expected
    assert result.loc[0, "loose"] == expected


def test_numbers_and_missing_values_are_untouched() -> None:
    frame = pd.DataFrame(
        {
            "lon": pd.array([-72.9, None], dtype="Float64"),
            "year": pd.array([-5, None], dtype="Int64"),
            "plain": [-1.5, 2.0],
            "text": pd.array(["-x", None], dtype="string"),
            "mixed": pd.Series([-3, None], dtype=object),
        }
    )
    result = export.neutralise_formulas(frame)
    assert result["lon"].tolist()[0] == -72.9 and pd.isna(result["lon"].iloc[1])
    assert result["year"].iloc[0] == -5 and pd.isna(result["year"].iloc[1])
    assert result["plain"].tolist() == [-1.5, 2.0]
    assert result["mixed"].iloc[0] == -3 and pd.isna(result["mixed"].iloc[1])
    assert result["text"].iloc[0] == "'-x" and pd.isna(result["text"].iloc[1])
    assert result.dtypes.equals(frame.dtypes)


def test_neutralisation_does_not_mutate_its_input() -> None:
    frame = pd.DataFrame({"text": ["=1+1", "ok"], "n": [-1, 2]})
    before = frame.copy()
    export.neutralise_formulas(frame)
    pd.testing.assert_frame_equal(frame, before)


def test_unfiltered_tables_are_whole(tiny: Dataset) -> None:
    tables = export.filtered_tables(tiny, queries.Filters())
    assert list(tables) == list(export.FILTERED_TABLES)
    for name, frame in tables.items():
        assert len(frame) == len(getattr(tiny, name)), name
    assert list(tables["institutions"].columns) == export.published_columns(tiny, "institutions")


def test_kind_filter_keeps_the_rows_of_those_networks(tiny: Dataset) -> None:
    tables = export.filtered_tables(tiny, queries.Filters(kinds=("research-university-group",)))
    assert tables["networks"]["id"].tolist() == ["alpha"]
    assert set(tables["memberships"]["network_id"]) == {"alpha"}
    assert len(tables["memberships"]) == 4, "former members are kept"
    assert set(tables["institutions"]["id"]) == {"ku-leuven", "heidelberg", "yale", "lodz"}
    assert tables["network_themes"]["theme"].tolist() == ["research-policy"]
    assert len(tables["partner_regions"]) == 2
    assert tables["network_links"].empty
    assert tables["sources"]["id"].tolist() == ["s-official"]


def test_country_filter_keeps_members_and_institutions_in_those_countries(tiny: Dataset) -> None:
    tables = export.filtered_tables(tiny, queries.Filters(countries=("PL",)))
    assert tables["networks"]["id"].tolist() == ["beta"], "alpha's Polish member is a former one"
    assert tables["memberships"][["network_id", "institution_id"]].values.tolist() == [["beta", "lodz"]]
    assert tables["institutions"]["id"].tolist() == ["lodz"]
    assert tables["network_links"][["from_id", "to_id"]].values.tolist() == [["beta", "prog"]]
    assert tables["sources"]["id"].tolist() == ["s-official", "s-news"], "s-official places Łódź"


def test_country_and_kind_filters_combine(tiny: Dataset) -> None:
    tables = export.filtered_tables(tiny, queries.Filters(countries=("DE",), kinds=("research-university-group",)))
    assert tables["networks"]["id"].tolist() == ["alpha"]
    assert tables["memberships"]["institution_id"].tolist() == ["heidelberg"]
    assert tables["institutions"]["id"].tolist() == ["heidelberg"]
    assert tables["sources"]["id"].tolist() == ["s-official"]


def test_filtered_tables_leave_the_dataset_alone(tiny: Dataset) -> None:
    before = tiny.memberships.copy()
    export.filtered_tables(tiny, queries.Filters(countries=("BE",)))
    pd.testing.assert_frame_equal(tiny.memberships, before)


def test_dataset_zip_holds_the_published_files_and_validates(tiny_dir: Path, tiny: Dataset, tmp_path: Path) -> None:
    data = export.dataset_zip(tiny_dir, tiny)
    out = tmp_path / "unzipped"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        archive.extractall(out)
    top = out / export.zip_folder_name(tiny)
    assert f"{top.name}/datapackage.json" in names and f"{top.name}/README.md" in names
    for csv in (tiny_dir / "tables").glob("*.csv"):
        assert (top / "tables" / csv.name).read_bytes() == csv.read_bytes(), "tables are shipped byte for byte"
    assert (top / "datapackage.json").read_bytes() == (tiny_dir / "datapackage.json").read_bytes()
    extracted = read_dataset(top)
    assert len(extracted.memberships) == len(tiny.memberships)
    readme = (top / "README.md").read_text(encoding="utf-8")
    package = json.loads((tiny_dir / "datapackage.json").read_text(encoding="utf-8"))
    assert package["title"] in readme
    assert "CC-BY-4.0" in readme and "Creative Commons Attribution 4.0" in readme
    assert f"Alliance Atlas contributors, {tiny.as_of}" in readme
    for resource in package["resources"]:
        assert resource["path"] in readme


def test_excel_round_trips_with_numbers_as_numbers(tiny: Dataset) -> None:
    frame = export.neutralise_formulas(
        export.filtered_tables(tiny, queries.Filters())["institutions"].assign(note=["=cmd()", "ok", "-x", "@y"])
    )
    data = export.to_excel(frame, sheet="institutions")
    back = pd.read_excel(io.BytesIO(data), sheet_name="institutions", dtype={"lat": float, "lon": float})
    assert back["id"].tolist() == frame["id"].tolist()
    assert back.loc[back["id"] == "yale", "lon"].iloc[0] == pytest.approx(-72.92816)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    header = [cell.value for cell in sheet[1]]
    lon = header.index("lon")
    for row in sheet.iter_rows(min_row=2):
        assert isinstance(row[lon].value, float)
        for cell in row:
            assert cell.data_type != "f", "no cell is a formula"
            if isinstance(cell.value, str):
                assert not cell.value.startswith(export.FORMULA_PREFIXES), cell.value


def test_dictionary_lists_every_table_and_field(real: Dataset) -> None:
    dictionary = export.data_dictionary(real.package)
    assert [name for name, _, _ in dictionary] == [r["name"] for r in real.package["resources"]]
    by_name = {name: fields for name, _, fields in dictionary}
    memberships = by_name["memberships"].set_index("field")
    assert memberships.loc["network_id", "references"] == "networks.id"
    assert "part of the key" in memberships.loc["network_id", "constraints"]
    sources = by_name["sources"].set_index("field")
    assert "one of: official-page" in sources.loc["source_type", "constraints"]
    assert "pattern" in sources.loc["url", "constraints"]
    institutions = by_name["institutions"].set_index("field")
    assert "min -180" in institutions.loc["lon", "constraints"]


def test_coverage_table_links_each_network_to_its_profile(tiny: Dataset) -> None:
    table = queries.network_table(tiny)
    coverage = export.coverage_table(table, export.sources_per_network(tiny), export.campus_positions(tiny))
    alpha = coverage[coverage["profile"].str.startswith("/networks?network=alpha#")].iloc[0]
    assert alpha["profile"].endswith("#ALPHA%20%C2%B7%20Alpha%20League")
    assert alpha["listed_current"] == 3 and alpha["listed_former"] == 1
    assert alpha["sources"] == 1
    beta = coverage[coverage["profile"].str.contains("network=beta")].iloc[0]
    assert beta["listed_associates"] == 1 and beta["sources"] == 1


def test_coverage_counts_members_placed_at_their_campus(tiny: Dataset) -> None:
    institutions = tiny.institutions.assign(
        coord_precision=tiny.institutions["id"].map({"ku-leuven": "campus", "lodz": "campus"}).fillna("city")
    )
    ds = dataclasses.replace(tiny, institutions=institutions)
    at_campus = export.campus_positions(ds)
    coverage = export.coverage_table(queries.network_table(ds), export.sources_per_network(ds), at_campus)
    by_network = dict(zip(coverage["profile"].str.extract(r"network=(\w+)")[0], coverage["at_campus"], strict=True))
    current = ds.memberships[ds.memberships["until"].isna()]
    for network, count in by_network.items():
        members = set(current.loc[current["network_id"] == network, "institution_id"])
        assert count == len(members & {"ku-leuven", "lodz"}), network
    assert sum(by_network.values()) > 0


def test_source_counts_and_filter_summary(tiny: Dataset) -> None:
    counts = export.source_counts(tiny.sources)
    assert counts["sources"].sum() == len(tiny.sources)
    assert export.filter_summary(tiny, queries.Filters()).startswith("No filter")
    summary = export.filter_summary(tiny, queries.Filters(countries=("PL",), kinds=("programme",)))
    assert "country: Poland" in summary and "kind: Programme or project" in summary
