"""Map: members of the chosen networks as points and their partner regions as shaded countries, with
arcs from each network's seat, a legend beside the map and the view as a downloadable image."""

import streamlit as st

from components import frame, network_map
from data import queries
from data.loader import load_dataset, load_network_table

frame.ensure_frame()
ds = load_dataset()
filters = frame.read_filters()
table = load_network_table()
labels = queries.network_labels(table)
available = queries.filter_networks(table, ds, filters)

st.title("Map")
st.markdown("Where each network's members are, and which world regions it works with beyond them.")
options = [n for n in available["id"] if n in labels]
selected = network_map.render_network_picker(options, labels, default=["leru"] if "leru" in options else options[:1])
if not options:
    st.info(
        "No network matches the sidebar filters. Clear a filter to see networks on the map.",
        icon=":material/filter_alt_off:",
    )
elif not selected:
    st.info("Pick one or more networks above to map their members and partner regions.", icon=":material/public:")
else:
    points = network_map.render_network_map(
        ds,
        selected,
        queries.countries_for(filters, ds),
        labels,
        credit=f"Alliance Atlas · data as of {ds.as_of} · sources: the networks' own pages · outlines: Natural Earth",
    )
    if points.empty:
        st.warning(
            "None of the chosen networks has listed members within the sidebar's regions or countries.",
            icon=":material/location_off:",
        )
