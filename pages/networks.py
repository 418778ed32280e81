"""Networks: a filterable catalogue of every network, and one profile per network (?network=<id>)."""

import streamlit as st

from components import frame, networks
from data import queries
from data.loader import load_dataset, load_network_table

frame.ensure_frame()
ds = load_dataset()
table = load_network_table()
requested = st.query_params.get("network")
this_page = "pages/networks.py"

if requested and requested in set(table["id"]):
    # Re-set the parameter so the address bar shows it after an in-app link (a shareable URL).
    st.query_params["network"] = requested
    row = table[table["id"] == requested].iloc[0]
    networks.render_profile(
        row,
        members=queries.network_members(ds, requested),
        themes=queries.network_themes(ds, requested),
        regions=queries.network_partner_regions(ds, requested),
        related=queries.related_networks(ds, requested),
        sources=queries.network_sources(ds, requested),
        ds=ds,
        profile_page=this_page,
    )
else:
    st.title("Networks")
    st.markdown("University networks, alliances and associations: who they are, what they work on and who is in them.")
    if requested:
        st.warning(
            "There is no network with that name in the dataset. Here is the catalogue of all networks.",
            icon=":material/search_off:",
        )
    left, right = st.columns([3, 1])
    search = left.text_input(
        "Search networks", key="networks_q", bind="query-params", placeholder="Name or acronym, e.g. LERU or Coimbra"
    )
    order = right.selectbox("Sort by", list(queries.SORT_ORDERS), key="networks_sort", bind="query-params")
    filtered = queries.sort_networks(queries.filter_networks(table, ds, frame.read_filters(), search), order)
    theme_labels = ds.theme_labels
    networks.render_catalogue(filtered, len(table), theme_labels, this_page)
