"""The Data page in AppTest on the real data: each view renders, coverage, dictionary, sources and downloads."""

from __future__ import annotations

import pytest

from data import export
from data.dataset import read_dataset
from tests.app.conftest import run_app

PAGE = "pages/data.py"
VIEWS = ["Coverage", "Dictionary", "Sources", "Downloads"]


@pytest.mark.parametrize("view", VIEWS)
def test_each_view_renders_without_exception(view: str) -> None:
    at = run_app(PAGE, data_view=view)
    assert not at.exception
    assert at.title[0].value == "Data"
    assert at.segmented_control(key="data_view").value == view
    assert not at.error


def test_coverage_is_the_default_view_and_lists_every_network() -> None:
    at = run_app(PAGE)
    assert at.segmented_control(key="data_view").value == "Coverage"
    coverage = at.dataframe[0].value
    ds = read_dataset()
    assert len(coverage) == len(ds.networks)
    assert coverage["profile"].str.startswith("/networks?network=").all()
    assert {"listed_current", "member_count_official", "member_count_as_of", "coverage_status", "sources"} <= set(
        coverage.columns
    )
    assert [m.label for m in at.metric][:3] == ["Networks", "Complete lists", "Partial lists"]


def test_coverage_follows_the_global_filters() -> None:
    at = run_app(PAGE)
    before = len(at.dataframe[0].value)
    at.sidebar.multiselect(key="kind").select("research-university-group").run()
    after = at.dataframe[0].value
    assert not at.exception
    assert 0 < len(after) < before


def test_dictionary_lists_every_resource_of_the_package() -> None:
    at = run_app(PAGE, data_view="Dictionary")
    package = read_dataset().package
    labels = [expander.label for expander in at.expander]
    for resource in package["resources"]:
        assert any(label.startswith(f"{resource['name']} (") for label in labels), resource["name"]
    fields = {len(frame.value) for frame in at.dataframe}
    assert fields <= {len(r["schema"]["fields"]) for r in package["resources"]}


def test_sources_view_shows_every_source_and_the_counts_by_kind() -> None:
    at = run_app(PAGE, data_view="Sources")
    ds = read_dataset()
    sources = at.dataframe[1].value
    assert len(sources) == len(ds.sources)
    counts = at.dataframe[0].value
    assert counts["sources"].sum() == len(ds.sources)


def test_downloads_offer_the_zip_and_every_filtered_table() -> None:
    at = run_app(PAGE, data_view="Downloads")
    assert not at.exception
    assert any("No filter is set" in block.value for block in at.markdown)
    assert any("single quote" in caption.value for caption in at.caption)
    text = "\n".join(block.value for block in at.markdown)
    for name in export.FILTERED_TABLES:
        assert name.replace("_", "\\_") in text or name in text
