"""Data: coverage per network, the data dictionary, every source, and downloads of the full dataset
(exactly as published) and of each table cut to the global filters (CSV and Excel)."""

import streamlit as st

from components import data_page, frame
from data import export, queries
from data.loader import data_dir, load_coverage, load_dataset, load_network_table

frame.ensure_frame()
ds = load_dataset()
filters = frame.read_filters()
table = load_network_table()
networks = queries.filter_networks(table, ds, filters)

st.title("Data")
st.markdown("What the dashboard holds and how complete it is: coverage, the data dictionary, sources and downloads.")
view = data_page.render_view_switch()
if view == "Coverage":
    data_page.render_coverage(load_coverage(networks["id"]), len(table))
elif view == "Dictionary":
    data_page.render_dictionary(export.data_dictionary(ds.package))
elif view == "Sources":
    sources = export.filtered_tables(ds, filters)["sources"] if filters.active else ds.sources
    data_page.render_sources(sources, export.source_counts(sources), len(ds.sources))
else:
    tables = export.filtered_tables(ds, filters)
    data_page.render_downloads(ds, data_dir(), tables, export.filter_summary(ds, filters))
