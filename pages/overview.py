"""Overview: headline figures for the current filters, a map of every member institution, networks by
kind and the institutions in the most networks."""

import streamlit as st

from components import frame, overview
from data.loader import load_dataset, load_overview

frame.ensure_frame()
ds = load_dataset()
filters = frame.read_filters()
view = load_overview(filters)

st.title("Overview")
st.markdown(
    f"The networks and their members{' for the filters in the sidebar' if filters.active else ''}, "
    f"data as of {ds.as_of}."
)
if not view.networks:
    st.info(
        "No network matches the sidebar filters. Clear a filter to see the overview.", icon=":material/filter_alt_off:"
    )
else:
    overview.render_headlines(view.figures)
    if not view.institutions:
        st.info("The matching networks have no listed members in the chosen places.", icon=":material/location_off:")
    else:
        overview.render_institution_map(view, filters)
    overview.render_tables(view.kinds, view.most_connected)
