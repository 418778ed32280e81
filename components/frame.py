"""The frame around every page: the legacy-pages guard, the global filters, the dataset error view,
and the footer. app.py calls these; pages call ``ensure_frame`` and ``read_filters``.
"""

from __future__ import annotations

import gc
import sys

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from data.dataset import Dataset
from data.loader import load_filter_options
from data.queries import Filters
from data.schema import DatasetError, failures_frame

# Query-parameter names of the global filters (the widget keys): a filtered view is a shareable URL.
FILTER_KEYS = ("region", "country", "theme", "kind")


def ensure_frame() -> None:
    """Rerun through app.py when Streamlit ran this page on its own.

    On a freshly started server, the first visit to a URL such as /compare makes Streamlit's legacy
    ``pages/`` discovery run pages/compare.py alone, without app.py's frame, until some session has
    run app.py (st.navigation switches that mode off). A page that finds the mode still on switches
    it off and reruns: the rerun goes through app.py and lands on the same page (same URL path).
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def open_page(page: st.Page) -> None:
    """Send the visitor to ``page`` with every query parameter of the current URL kept."""
    params = [(key, value) for key in st.query_params for value in st.query_params.get_all(key)]
    st.switch_page(page, query_params=params)


def render_global_filters(ds: Dataset) -> Filters:
    """The sidebar filters, each bound to its query parameter; returns the chosen Filters."""
    options = load_filter_options()
    kind_labels = ds.kind_labels
    theme_labels = ds.theme_labels
    country_names = dict(zip(ds.countries["country"], ds.countries["country_name"], strict=True))
    with st.sidebar:
        st.subheader("Filters")
        regions = st.multiselect(
            "World region",
            options["regions"],
            key="region",
            bind="query-params",
            placeholder="All regions",
            help="UN M49 regions and sub-regions of the members' countries, and the European Union and the "
            "European Higher Education Area (its 49 member states, Russia and Belarus suspended).",
        )
        countries = st.multiselect(
            "Country",
            options["countries"],
            format_func=country_names.__getitem__,
            key="country",
            bind="query-params",
            placeholder="All countries",
        )
        themes = st.multiselect(
            "Theme",
            options["themes"],
            format_func=theme_labels.__getitem__,
            key="theme",
            bind="query-params",
            placeholder="All themes",
        )
        kinds = st.multiselect(
            "Kind of network",
            options["kinds"],
            format_func=kind_labels.__getitem__,
            key="kind",
            bind="query-params",
            placeholder="All kinds",
        )
        filters = Filters(tuple(regions), tuple(countries), tuple(themes), tuple(kinds))
        # Always drawn, disabled while no filter is set: the sidebar does not jump when the first filter
        # is chosen, and the button's code is loaded with the page instead of at that moment (while it
        # loads, a first-time button is a grey placeholder: about 40 ms of every first filter change).
        st.button(
            "Clear filters",
            on_click=clear_filters,
            key="clear_filters",
            icon=":material/filter_alt_off:",
            disabled=not filters.active,
        )
    return filters


# How many modules were loaded when long-lived objects were last frozen (see freeze_long_lived).
_frozen_at_modules = 0


def freeze_long_lived() -> None:
    """Keep the garbage collector off what lives as long as the server: modules and cached data.

    Streamlit collects garbage in full after every script run (``runner.postScriptGC``). With
    pandas, plotly and pydeck loaded that walks some 120,000 objects and holds the interpreter lock
    for about 70 ms, while the rerun's messages wait to be sent. ``gc.freeze`` moves every object
    alive now into a permanent generation that collections skip (reference counting still frees
    them), so the collection after a run walks only that run's objects. Garbage is collected first
    so that none of it is frozen, and this runs again only after new modules were imported: a few
    times in the life of a server.
    """
    global _frozen_at_modules
    if len(sys.modules) > _frozen_at_modules:
        _frozen_at_modules = len(sys.modules)
        gc.collect()
        gc.freeze()


def clear_filters() -> None:
    for key in FILTER_KEYS:
        st.session_state[key] = []


def read_filters() -> Filters:
    """The global filters as app.py's sidebar set them in this run."""
    state = st.session_state
    return Filters(*(tuple(state.get(key, ())) for key in FILTER_KEYS))


def render_dataset_error(error: DatasetError) -> None:
    """Show every problem of a broken dataset as a table, in plain words."""
    st.title("Alliance Atlas")
    st.error(
        f"The dataset could not be loaded: {len(error.failures)} problem(s) were found. "
        "Nothing is shown until the data is fixed, so that no page shows half of it.",
        icon=":material/database_off:",
    )
    st.markdown("Each row names the file, the line in that file, the column and what is wrong.")
    st.dataframe(failures_frame(error.failures), hide_index=True, width="stretch")


def render_footer(ds: Dataset) -> None:
    st.divider()
    st.caption(
        f"Data as of {ds.as_of} · {len(ds.sources)} public sources cited · "
        f"licence {ds.licence} · every membership links to the page it comes from (see Data)."
    )
