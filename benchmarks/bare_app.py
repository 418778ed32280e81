"""The bare Streamlit page that every page of Alliance Atlas is timed against.

A title, one line of text and one selectbox. The selectbox sits in the sidebar, like the app's
"Kind of network" filter, under the same label and bound to the same query parameter (``kind``), so
that a filter change here and in the app go through the same steps: open the box, type, press Enter,
rerun. The page config matches the app's (wide layout) so both lay out the same viewport.

Served by ``benchmarks/run.py``; it can also be run alone: ``streamlit run benchmarks/bare_app.py``.
"""

import streamlit as st

KINDS = [
    "Research-university group",
    "University association",
    "European University alliance",
    "Programme or project",
]

st.set_page_config(page_title="Bare page", layout="wide")

with st.sidebar:
    kind = st.selectbox("Kind of network", KINDS, index=None, key="kind", bind="query-params", placeholder="All kinds")

st.title("Bare page")
st.write(f"One line of text: the kind chosen is {kind or 'any kind'}.")
