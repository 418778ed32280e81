"""Institutions: find an institution (accent- and alias-tolerant) and see its networks, co-members and
map (?institution=<id>), or check an uploaded partner list against the networks."""

import streamlit as st

from components import frame, institutions_view
from data import institutions, queries
from data.loader import load_dataset, load_network_table

frame.ensure_frame()
ds = load_dataset()
labels = queries.network_labels(load_network_table())
requested = st.query_params.get("institution")

if requested and requested in set(ds.institutions["id"]):
    st.query_params["institution"] = requested  # keep the address bar shareable after an in-app link
    institutions_view.render_profile(
        ds,
        requested,
        institutions.institution_networks(ds, requested, labels),
        institutions.co_members(ds, requested, labels),
    )
else:
    st.title("Institutions")
    if requested:
        st.warning(
            "There is no institution with that id in the dataset. Search for it by name below.",
            icon=":material/search_off:",
        )
    view = st.segmented_control(
        "Show",
        ["Find an institution", "Check a partner list"],
        default="Find an institution",
        required=True,
        key="institutions_view",
        bind="query-params",
    )
    if view == "Check a partner list":
        institutions_view.render_partner_check(ds, labels)
    else:
        query = st.text_input(
            "Institution",
            key="institutions_q",
            bind="query-params",
            placeholder="Name, native name or acronym, e.g. Universitat de Barcelona or UB",
        )
        if query:
            results = institutions.search_institutions(ds, query)
            if results.empty:
                st.info(
                    "No institution matches that name. Try the native name, an acronym or fewer words.",
                    icon=":material/search_off:",
                )
            else:
                institutions_view.render_results(results, ds)
