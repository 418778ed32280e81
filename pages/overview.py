"""Overview: headline figures for the current filters, a map of every member institution, networks by
kind and the institutions in the most networks."""

import streamlit as st

from components import frame, overview
from data import queries
from data.loader import load_dataset, load_network_table

frame.ensure_frame()
ds = load_dataset()
filters = frame.read_filters()
table = load_network_table()
networks = queries.filter_networks(table, ds, filters)
memberships = queries.filtered_memberships(ds, networks, filters)
labels = queries.network_labels(table)

st.title("Overview")
st.markdown(
    f"The networks and their members{' for the filters in the sidebar' if filters.active else ''}, "
    f"data as of {ds.as_of}."
)
if networks.empty:
    st.info(
        "No network matches the sidebar filters. Clear a filter to see the overview.", icon=":material/filter_alt_off:"
    )
else:
    overview.render_headlines(queries.overview_figures(memberships, networks))
    if memberships.empty:
        st.info("The matching networks have no listed members in the chosen places.", icon=":material/location_off:")
    else:
        overview.render_institution_map(memberships, labels)
    left, right = st.columns([2, 3], gap="large")
    with left:
        overview.render_kind_table(queries.networks_by_kind(networks))
    with right:
        overview.render_connected_table(queries.most_connected_institutions(memberships, labels))
