"""What the Data page draws: the view switch, coverage per network, the data dictionary, the sources
and the downloads. Frames come from data.queries and data.export; text from the data is shown in
st.dataframe cells or escaped before it reaches markdown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from components.networks import escape_markdown
from data import export
from data.dataset import Dataset

VIEWS = ["Coverage", "Dictionary", "Sources", "Downloads"]
_STATUS_HELP = (
    "complete: every member the network counts is listed · partial: fewer listed than the official count · "
    "count-only: a large association, members listed only where a page confirms one · "
    "unlisted: no member list published"
)
_TABLE_HELP = {
    "networks": "one row per network",
    "memberships": "institution in a network, current and former",
    "institutions": "member institutions in the allowed countries",
    "network_themes": "themes of the networks",
    "partner_regions": "world regions and countries the networks work with",
    "network_links": "relations with other networks (either end kept)",
    "sources": "public pages the rows above cite",
}


def render_view_switch() -> str:
    """Which section to draw, bound to ?data_view= so a section is a link; only that one renders."""
    view = st.segmented_control(
        "Show",
        VIEWS,
        default=VIEWS[0],
        required=True,
        key="data_view",
        bind="query-params",
        label_visibility="collapsed",
    )
    return view or VIEWS[0]


def render_coverage(coverage: pd.DataFrame, total: int) -> None:
    """Listed vs official member counts per network, with status, as-of date and number of sources."""
    st.subheader("Coverage per network")
    st.markdown(
        "How complete each network's member list is here: the members listed against the network's own "
        "count and the date of that count, so you can judge what the other pages show."
    )
    if coverage.empty:
        st.info("No network matches the filters. Clear a filter in the sidebar.", icon=":material/filter_alt_off:")
        return
    statuses = coverage["coverage_status"].value_counts()
    columns = st.columns(4)
    columns[0].metric("Networks", f"{len(coverage)}", help=f"{len(coverage)} of {total} networks pass the filters.")
    columns[1].metric("Complete lists", f"{statuses.get('complete', 0)}")
    columns[2].metric("Partial lists", f"{statuses.get('partial', 0)}")
    columns[3].metric(
        "Count only or unlisted", f"{statuses.get('count-only', 0) + statuses.get('unlisted', 0)}", help=_STATUS_HELP
    )
    st.caption(f"Showing {len(coverage)} of {total} networks. Click a network to open its profile.")
    st.dataframe(
        coverage,
        hide_index=True,
        width="stretch",
        key="data_coverage_table",
        column_config={
            "profile": st.column_config.LinkColumn(
                "Network", display_text=r"#(.*)$", pinned=True, width="large", alignment="left"
            ),
            "kind_label": st.column_config.TextColumn("Kind"),
            "listed_current": st.column_config.NumberColumn("Listed", help="Current full members listed here."),
            "at_campus": st.column_config.NumberColumn(
                "At campus",
                help="Listed current members placed on the maps at their main campus (from their Wikipedia "
                "article); the others are at their city's centre.",
            ),
            "member_count_official": st.column_config.NumberColumn("Official count", help="The network's own count."),
            "member_count_qualifier": st.column_config.TextColumn("Count is", help="exact, at-least or approximately"),
            "member_count_as_of": st.column_config.TextColumn("Count as of"),
            "coverage_status": st.column_config.TextColumn("Status", help=_STATUS_HELP),
            "coverage_label": st.column_config.TextColumn("Coverage", width="medium"),
            "listed_former": st.column_config.NumberColumn("Former", help="Former members listed."),
            "listed_associates": st.column_config.NumberColumn("Associates", help="Associate members listed."),
            "sources": st.column_config.NumberColumn("Sources", help="Distinct public pages cited for this network."),
        },
    )


def render_dictionary(dictionary: list[tuple[str, str, pd.DataFrame]]) -> None:
    """Every table of datapackage.json with its description and its fields."""
    st.subheader("Data dictionary")
    st.markdown(
        "Generated from `datapackage.json` (Frictionless Table Schema): every table, every field, its type, "
        "constraints and the table it refers to."
    )
    st.caption("Tables: " + " · ".join(escape_markdown(name) for name, _, _ in dictionary))
    for name, description, fields in dictionary:
        with st.expander(f"{name} ({len(fields)} fields)", expanded=True):
            st.markdown(escape_markdown(description))
            st.dataframe(
                fields,
                hide_index=True,
                width="stretch",
                key=f"data_dict_{name}_table",
                column_config={
                    "field": st.column_config.TextColumn("Field", pinned=True),
                    "type": st.column_config.TextColumn("Type", width="small"),
                    "description": st.column_config.TextColumn("Description", width="large"),
                    "constraints": st.column_config.TextColumn("Constraints", width="large"),
                    "references": st.column_config.TextColumn("Refers to", width="small"),
                },
            )


def render_sources(sources: pd.DataFrame, counts: pd.DataFrame, total: int) -> None:
    """The public pages behind the data, with clickable addresses, and how many of each kind."""
    st.subheader("Sources")
    st.markdown(
        "Every fact cites one of these public pages with the date it was read. The kind of page tells how much "
        "weight it carries: the network's own page first, then a member's page, news, other pages and "
        "Wikipedia copies."
    )
    left, right = st.columns([1, 2], gap="large")
    with left:
        st.dataframe(
            counts,
            hide_index=True,
            width="stretch",
            key="data_source_counts",
            column_config={
                "source_type": st.column_config.TextColumn("Kind of page"),
                "sources": st.column_config.ProgressColumn(
                    "Sources", format="%d", min_value=0, max_value=int(counts["sources"].max() if len(counts) else 1)
                ),
            },
        )
    with right:
        st.markdown(
            "**official-page**: the network's own page · **university-page**: a member's own page · "
            "**news** · **other-page**: a third party such as a ministry or an agency · "
            "**wikipedia-copy**: Wikipedia or a copy of it · **dataset**: a published dataset"
        )
        st.caption(
            f"Showing {len(sources)} of {total} sources"
            + (" (those cited by the networks that pass the filters)." if len(sources) < total else ".")
            + " Click an address to open the page."
        )
    st.dataframe(
        sources,
        hide_index=True,
        width="stretch",
        key="data_sources_table",
        column_config={
            "id": None,
            "title": st.column_config.TextColumn("Title", width="large"),
            "url": st.column_config.LinkColumn("Address", width="large"),
            "publisher": st.column_config.TextColumn("Publisher", width="medium"),
            "source_type": st.column_config.TextColumn("Kind of page"),
            "accessed": st.column_config.TextColumn("Accessed"),
        },
        column_order=["title", "url", "publisher", "source_type", "accessed"],
    )


def render_downloads(
    ds: Dataset,
    folder: Path,
    tables: dict[str, pd.DataFrame],
    filter_summary: str,
) -> None:
    """The full dataset as a ZIP, and each table cut to the filters as CSV and Excel (built on click)."""
    st.subheader("Full dataset")
    st.markdown(
        f"Every table exactly as published, with `datapackage.json` and a README (licence "
        f"{escape_markdown(ds.licence)}, how to cite). It validates against its own schema."
    )
    st.download_button(
        "Dataset (ZIP)",
        lambda: export.dataset_zip(folder, ds),
        file_name=f"{export.zip_folder_name(ds)}.zip",
        mime="application/zip",
        icon=":material/folder_zip:",
        key="data_zip",
        on_click="ignore",
        type="primary",
    )
    st.caption("How to cite (copy with the icon at the right):")
    st.code(export.citation(ds.package, ds.as_of), language=None, wrap_lines=True)

    st.subheader("Tables for the current filters")
    st.markdown(f"{escape_markdown(filter_summary)} Each table as CSV or as an Excel workbook (one sheet).")
    st.caption(
        "For spreadsheets, a text cell that starts with =, +, -, @, a tab or a carriage return gets a leading "
        "single quote (') so it is never run as a formula; numbers stay numbers. The ZIP above is not changed "
        "this way: it holds the data exactly as published."
    )
    for name, frame in tables.items():
        _render_table_row(name, frame)


def _render_table_row(name: str, frame: pd.DataFrame) -> None:
    label, csv_column, xlsx_column = st.columns([3, 1, 1], vertical_alignment="center")
    label.markdown(f"**{escape_markdown(name)}** · {len(frame):,} rows · {escape_markdown(_TABLE_HELP.get(name, ''))}")
    safe: Callable[[], pd.DataFrame] = lambda: export.neutralise_formulas(frame)  # noqa: E731
    csv_column.download_button(
        f"{name}.csv",
        lambda: export.to_csv(safe()),
        file_name=f"alliance-atlas-{name}-filtered.csv",
        mime="text/csv",
        icon=":material/download:",
        key=f"data_{name}_csv",
        on_click="ignore",
        disabled=frame.empty,
        width="stretch",
    )
    xlsx_column.download_button(
        f"{name}.xlsx",
        lambda: export.to_excel(safe(), sheet=name),
        file_name=f"alliance-atlas-{name}-filtered.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/table_view:",
        key=f"data_{name}_xlsx",
        on_click="ignore",
        disabled=frame.empty,
        width="stretch",
    )
