"""Every page runs in AppTest on the real data, and the error path stops on a broken dataset."""

from __future__ import annotations

import json

import pytest

from tests.app.conftest import PAGES, network_cards, run_app, server_html_blocks
from tests.helpers import parse_definitions, parse_html_tables


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_exception(page: str) -> None:
    at = run_app(page)
    assert not at.exception
    assert at.title, "every page has a title"
    assert any("Data as of" in caption.value for caption in at.caption), "the footer is drawn"
    assert at.sidebar.multiselect(key="region") is not None


def test_networks_catalogue_lists_every_network_and_searches() -> None:
    at = run_app("pages/networks.py")
    assert at.title[0].value == "Networks"
    total = at.caption[0].value
    assert total.startswith("Showing ") and " of " in total
    at.text_input(key="networks_q").input("coimbra").run()
    assert not at.exception
    assert at.caption[0].value.startswith("Showing 1 of ")
    assert [card["name"] for card in network_cards(at)] == ["Coimbra Group"]


def test_kind_filter_narrows_the_catalogue() -> None:
    at = run_app("pages/networks.py")
    before = at.caption[0].value
    at.sidebar.multiselect(key="kind").select("research-university-group").run()
    after = at.caption[0].value
    assert before != after
    assert int(after.split()[1]) < int(before.split()[1])


def test_clear_filters_is_always_there_and_works_once_a_filter_is_set() -> None:
    at = run_app("pages/networks.py")
    everything = at.caption[0].value
    assert at.sidebar.button(key="clear_filters").disabled, "nothing to clear yet"
    at.sidebar.multiselect(key="kind").select("research-university-group").run()
    at.sidebar.multiselect(key="region").select("Europe").run()
    assert at.caption[0].value != everything
    clear = at.sidebar.button(key="clear_filters")
    assert not clear.disabled
    clear.click().run()
    assert at.sidebar.multiselect(key="kind").value == [] and at.sidebar.multiselect(key="region").value == []
    assert at.caption[0].value == everything
    assert at.sidebar.button(key="clear_filters").disabled


def test_profile_shows_facts_members_and_sources() -> None:
    at = run_app("pages/networks.py", network="leru")
    assert not at.exception
    assert "League of European Research Universities" in at.title[0].value
    headers = [h.value for h in at.subheader]
    assert any(h.startswith("Members (24)") for h in headers)
    assert any(h.startswith("Former members") for h in headers)
    assert "Sources" in headers
    assert at.metric[0].label == "Members listed"


def test_partial_list_is_flagged_on_the_profile() -> None:
    at = run_app("pages/networks.py", network="aearu")
    assert any("Partial list" in w.value for w in at.warning)


def test_unknown_network_gets_a_plain_message_and_the_catalogue() -> None:
    at = run_app("pages/networks.py", network="<script>alert(1)</script>")
    assert not at.exception
    assert any("no network with that name" in w.value for w in at.warning)
    assert at.title[0].value == "Networks"


def test_broken_dataset_stops_with_a_table_of_failures(broken_dir, monkeypatch) -> None:
    monkeypatch.setenv("ATLAS_DATA_DIR", str(broken_dir))
    at = run_app("pages/networks.py")
    assert not at.exception
    assert "could not be loaded" in at.error[0].value
    table = at.dataframe[0].value
    assert {"networks.csv", "institutions.csv", "memberships.csv"} <= set(table["file"])
    assert at.caption.len == 0 or not any("Data as of" in c.value for c in at.caption)


def overview_blocks(at) -> tuple[str, str, str]:
    """The Overview's three HTML blocks: headline figures, map, and the two tables."""
    blocks = server_html_blocks(at)
    assert list(blocks) == ["overview_figures", "overview_map", "overview_tables"]
    return blocks["overview_figures"], blocks["overview_map"], blocks["overview_tables"]


def test_overview_shows_headlines_that_follow_the_filters() -> None:
    at = run_app("pages/overview.py")
    before = dict(parse_definitions(overview_blocks(at)[0]))
    assert list(before) == ["Networks", "Institutions", "Countries", "Memberships"]
    at.sidebar.multiselect(key="country").select("PL").run()
    after = dict(parse_definitions(overview_blocks(at)[0]))
    assert not at.exception
    assert int(after["Institutions"].replace(",", "")) < int(before["Institutions"].replace(",", ""))
    assert after["Countries"] == "1"
    assert at.metric.len == 0, "one block of figures, not four metric elements"


def test_overview_tables_show_every_kind_and_the_most_connected_institutions_in_full() -> None:
    from data.loader import load_overview
    from data.queries import Filters

    at = run_app("pages/overview.py")
    _, map_html, tables_html = overview_blocks(at)
    kinds, connected = parse_html_tables(tables_html)
    assert "<h3>Networks by kind</h3>" in tables_html and "<h3>Institutions in the most networks</h3>" in tables_html
    view = load_overview(Filters())
    # The map: one dot per city, each titled with its city and count.
    assert map_html.count("<span ") == len(view.places) > 0
    place = view.places.iloc[0]
    assert f'title="{place["city"]}, {place["country_name"]}: {place["institutions"]} institution' in map_html
    assert kinds.headers == ["Kind", "Networks"]
    assert kinds.rows == [[row.kind_label, str(row.networks)] for row in view.kinds.itertuples()]
    assert connected.headers == ["Institution", "Place", "Networks", "Which"]
    assert len(connected.rows) == len(view.most_connected) > 0
    first = view.most_connected.iloc[0]
    # Every network the institution is in is listed, not cut at a column's edge.
    assert connected.rows[0] == [
        first["institution_name"],
        f"{first['city']}, {first['country_name']}",
        str(first["network_count"]),
        first["networks"],
    ]
    assert len(first["networks"].split(", ")) == first["network_count"]


def test_overview_says_so_when_filters_leave_nothing() -> None:
    at = run_app("pages/overview.py")
    at.sidebar.multiselect(key="kind").select("declaration").run()
    at.sidebar.multiselect(key="country").select("AU").run()
    assert not at.exception
    assert any("No network matches" in i.value or "no listed members" in i.value for i in at.info)


def test_map_defaults_to_leru_and_reports_what_it_shows() -> None:
    at = run_app("pages/map.py")
    assert not at.exception
    assert at.multiselect(key="map_networks").value == ["LERU"]
    assert any(c.value.startswith("24 member institutions in 12 countries") for c in at.caption)


def test_map_picker_and_country_filter_change_the_points() -> None:
    at = run_app("pages/map.py")
    at.multiselect(key="map_networks").select("CG").run()
    assert any("in more than one of these networks" in c.value for c in at.caption)
    at.sidebar.multiselect(key="country").select("DE").run()
    assert not at.exception
    takeaway = next(c.value for c in at.caption if "member institution" in c.value)
    assert takeaway.split(" member")[0].isdigit() and " in 1 country" in takeaway


def test_map_with_no_network_chosen_asks_for_one() -> None:
    at = run_app("pages/map.py")
    at.multiselect(key="map_networks").set_value([]).run()
    assert any("Pick one or more networks" in i.value for i in at.info)


@pytest.mark.parametrize("view", ["Size", "Reach and spread", "Overlap", "Themes and time", "Summary"])
def test_compare_renders_each_view(view: str) -> None:
    at = run_app("pages/compare.py", compare_view=view)
    assert not at.exception
    assert at.multiselect(key="compare_networks").value == ["Una Europa", "EC2U", "CHARM-EU", "EUniWell"]
    assert at.segmented_control(key="compare_view").value == view
    assert at.subheader, "a chart title is drawn"


def test_compare_summary_reads_as_words_and_its_csv_keeps_the_data_names() -> None:
    at = run_app("pages/compare.py")
    table = at.dataframe[0]
    assert set(table.value["kind"]) == {"European University alliance"}  # not the id european-university-alliance
    columns = json.loads(table.proto.columns)
    labels = {name: column.get("label") for name, column in columns.items() if name != "_index"}
    assert labels["listed_members"] == "Members listed" and labels["kind"] == "Kind"
    assert all(label and "_" not in label for label in labels.values())
    assert set(labels) == set(table.value.columns)


def test_compare_needs_two_networks() -> None:
    at = run_app("pages/compare.py")
    at.multiselect(key="compare_networks").set_value(["LERU"]).run()
    assert any("at least two" in i.value for i in at.info)


def test_compare_takeaway_follows_the_data() -> None:
    at = run_app("pages/compare.py", compare_view="Overlap")
    at.multiselect(key="compare_networks").set_value(["LERU", "CG"]).run()
    takeaway = next(c.value for c in at.caption if "share" in c.value)
    assert takeaway.startswith("LERU and CG share the most members")


@pytest.mark.parametrize("query", ["Universitat de Barcelona", "University of Barcelona", "Univeristy of Barselona"])
def test_institution_search_finds_barcelona(query: str) -> None:
    at = run_app("pages/institutions.py", institutions_q=query)
    assert not at.exception
    assert any("institution" in c.value and "found" in c.value for c in at.caption)


def test_institution_profile_lists_networks_and_co_members() -> None:
    at = run_app("pages/institutions.py", institution="leiden-university")
    assert not at.exception
    assert at.title[0].value == "Leiden University"
    assert [m.label for m in at.metric] == ["Current networks", "Former networks", "Co-members"]
    networks = at.dataframe[0].value
    assert {"LERU", "CG", "Una Europa"} <= set(networks["network"])
    assert "former" in set(networks["status"])


@pytest.mark.parametrize(
    ("institution", "standing", "position"),
    [
        ("leiden-university", "Leiden, Netherlands (EU and EHEA member state)", "at its main campus, from [Leiden"),
        ("university-of-oslo", "Oslo, Norway (EHEA member state, outside the EU)", "at the centre of its city"),
        ("university-of-tokyo", "Tokyo, Japan (outside the EU and the EHEA)", None),
    ],
)
def test_institution_profile_says_eu_and_ehea_standing_and_where_its_dot_is(
    institution: str, standing: str, position: str | None
) -> None:
    at = run_app("pages/institutions.py", institution=institution)
    assert not at.exception
    assert any(m.value.replace("\\", "").startswith(standing) for m in at.markdown)  # markdown-escaped
    on_maps = [m.value for m in at.markdown if m.value.startswith("On the maps")]
    assert len(on_maps) == 1
    if position:
        assert position in on_maps[0]


def test_region_filter_on_the_ehea_keeps_norway_and_drops_japan() -> None:
    at = run_app("pages/overview.py", region="European Higher Education Area")
    assert not at.exception
    _, map_html, tables_html = overview_blocks(at)
    places = [row[1] for row in parse_html_tables(tables_html)[1].rows]
    assert places and not any(place.endswith(", Japan") for place in places)
    assert ", Norway: " in map_html and ", Japan: " not in map_html
    assert at.multiselect(key="region").value == ["European Higher Education Area"]


def test_unknown_institution_gets_a_plain_message() -> None:
    at = run_app("pages/institutions.py", institution="x" * 5000)
    assert not at.exception
    assert any("no institution with that id" in w.value for w in at.warning)


def test_partner_list_view_offers_an_upload() -> None:
    at = run_app("pages/institutions.py", institutions_view="Check a partner list")
    assert not at.exception
    assert any("nothing is stored on the server" in m.value for m in at.markdown)


def test_catalogue_sorts_by_members() -> None:
    at = run_app("pages/networks.py", networks_sort="Most members listed")
    assert not at.exception
    assert at.selectbox(key="networks_sort").value == "Most members listed"
    assert network_cards(at)[0]["heading"] == "AAU"  # 71 listed members, the most of any network


def test_profile_shows_associated_partners_apart() -> None:
    at = run_app("pages/networks.py", network="civis")
    headers = [h.value for h in at.subheader]
    assert any(h.startswith("Associated partners (") for h in headers)
    assert at.toggle(key="networks_show_associates").value is True


def test_no_page_changes_the_shared_dataset() -> None:
    # The dataset and network table are cache resources shared by every session: a page that changed
    # them in place would change them for everyone. Run every page and view, filtered and not, with
    # profiles open, then compare what the cache holds with a fresh read of the files.
    import pandas as pd

    from data.dataset import read_dataset
    from data.loader import data_dir, load_dataset, load_network_table
    from data.queries import network_table

    visits = [(page, {}) for page in PAGES] + [
        (page, {"region": "Europe", "kind": "European University alliance"}) for page in PAGES
    ]
    visits += [
        ("pages/compare.py", {"compare_view": view})
        for view in ("Size", "Reach and spread", "Overlap", "Themes and time")
    ]
    visits += [
        ("pages/networks.py", {"network": "leru"}),
        ("pages/institutions.py", {"institution": "leiden-university"}),
    ]
    for page, params in visits:
        assert not run_app(page, **params).exception, (page, params)
    shared, fresh = load_dataset(), read_dataset(data_dir())
    for name in fresh.__dataclass_fields__:
        if isinstance(getattr(fresh, name), pd.DataFrame):
            pd.testing.assert_frame_equal(getattr(shared, name), getattr(fresh, name), obj=name)
    pd.testing.assert_frame_equal(load_network_table(), network_table(fresh))
