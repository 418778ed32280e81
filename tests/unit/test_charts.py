"""Comparison chart builders: the right traces, axis titles and labels; exports carry title and credit."""

from __future__ import annotations

from components import charts
from data import compare

LABELS = {"alpha": "ALPHA", "beta": "BETA"}
COLOURS = {"ALPHA": "#0072B2", "BETA": "#E69F00"}
IDS = ["alpha", "beta"]


def test_size_chart_marks_partial_lists(tiny) -> None:
    figure = charts.make_size_chart(compare.size_table(tiny, IDS, LABELS), COLOURS)
    bars, official = figure.data
    assert list(bars.y) == ["ALPHA", "BETA (partial list)"]
    assert list(bars.x) == [3, 2] and list(official.x) == [3, 3]
    assert list(bars.marker.pattern.shape) == ["", "/"]
    assert figure.layout.xaxis.title.text == "Members"


def test_country_chart_stacks_countries_with_code_labels(tiny) -> None:
    figure = charts.make_country_chart(compare.country_composition(tiny, IDS, LABELS), ["ALPHA", "BETA"])
    assert figure.layout.barmode == "stack"
    assert {trace.name for trace in figure.data} == {"Belgium", "Germany", "Poland", "United States"}
    assert figure.layout.xaxis.title.text == "Members"


def test_country_chart_groups_small_countries_as_other(real) -> None:
    ids = ["coimbra-group", "leru"]
    labels = {"coimbra-group": "CG", "leru": "LERU"}
    figure = charts.make_country_chart(compare.country_composition(real, ids, labels), ["CG", "LERU"], top=3)
    assert [trace.name for trace in figure.data][-1] == "Other countries"
    assert len(figure.data) == 4


def test_spread_chart_draws_one_line_per_network(tiny) -> None:
    figure = charts.make_spread_chart(compare.spread_table(tiny, IDS, LABELS), COLOURS)
    assert len(figure.data) == 2
    assert figure.data[0].text[0].startswith("mean ")
    assert figure.layout.xaxis.title.text == "Distance between two members (km)"


def test_overlap_heatmap_writes_numbers_and_leaves_the_diagonal_empty(tiny) -> None:
    overlap = compare.overlap_table(tiny, IDS, LABELS)
    figure = charts.make_overlap_heatmap(overlap, ["ALPHA", "BETA"])
    assert [list(row) for row in figure.data[0].z] == [[None, 1], [1, None]]
    jaccard = charts.make_overlap_heatmap(overlap, ["ALPHA", "BETA"], measure="jaccard")
    assert jaccard.data[0].text[0][1] == "0.25"


def test_themes_matrix_checks_the_themes_each_network_has(tiny) -> None:
    figure = charts.make_themes_matrix(compare.themes_matrix(tiny, IDS, LABELS), ["ALPHA", "BETA"])
    assert list(figure.data[0].x) == ["ALPHA", "BETA"]
    assert [list(row) for row in figure.data[0].text] == [["✓", ""], ["", "✓"]]


def test_growth_chart_has_a_line_and_a_founding_star_per_network(tiny) -> None:
    figure = charts.make_growth_chart(compare.growth_table(tiny, IDS, LABELS), COLOURS)
    lines = [t for t in figure.data if t.mode == "lines+markers"]
    stars = [t for t in figure.data if t.marker.symbol == "star"]
    assert len(lines) == 2 and len(stars) == 2
    assert lines[0].name == "ALPHA (3 of 4 join years known)"


def test_export_copy_has_title_takeaway_credit_and_leaves_the_original(tiny) -> None:
    figure = charts.make_size_chart(compare.size_table(tiny, IDS, LABELS), COLOURS)
    exported = charts.for_export(figure, "Size", "ALPHA is larger.", "Alliance Atlas · data as of 2026-11-21")
    assert "Size" in exported.layout.title.text and "ALPHA is larger." in exported.layout.title.text
    assert exported.layout.annotations[-1].text.endswith("2026-11-21")
    assert exported.layout.paper_bgcolor == "white"
    assert figure.layout.title.text is None
