"""Compare: two to eight networks side by side (size, reach, spread, overlap, themes, time and a
summary), each chart with a takeaway, PNG/SVG export and the data behind it."""

import streamlit as st

from components import charts, compare_text, compare_view, frame, render
from data import compare, queries
from data.loader import load_compare_summary, load_dataset, load_network_table

frame.ensure_frame()
ds = load_dataset()
table = load_network_table()
labels = queries.network_labels(table)
listed = queries.filter_networks(table, ds, frame.read_filters())
options = listed.loc[listed["listed_current"] > 1, "id"].tolist()
credit = f"Alliance Atlas · data as of {ds.as_of} · sources: the networks' own pages"

st.title("Compare")
st.markdown("How networks compare in size, reach, overlap, themes and time.")
ids = compare_view.render_picker(options, labels, default=["una-europa", "ec2u", "charm-eu", "euniwell"])
if len(ids) < 2:
    st.info("Pick at least two networks to compare.", icon=":material/compare_arrows:")
else:
    colours = dict(zip((labels[i] for i in ids), render.palette(), strict=False))
    names = [labels[i] for i in ids]
    view = compare_view.render_view_switch()
    if view == "Size":
        size = compare.size_table(ds, ids, labels)
        compare_view.render_chart(
            charts.make_size_chart(size, colours),
            "Listed members and official count",
            compare_text.size_takeaway(size),
            size,
            "compare_size",
            credit,
        )
    elif view == "Reach and spread":
        composition = compare.country_composition(ds, ids, labels)
        compare_view.render_chart(
            charts.make_country_chart(composition, names),
            "Members per country",
            compare_text.reach_takeaway(composition),
            composition,
            "compare_reach",
            credit,
        )
        spread = compare.spread_table(ds, ids, labels)
        compare_view.render_chart(
            charts.make_spread_chart(spread, colours),
            "Distance between members",
            compare_text.spread_takeaway(spread),
            spread,
            "compare_spread",
            credit,
        )
    elif view == "Overlap":
        overlap = compare.overlap_table(ds, ids, labels)
        shared = compare.shared_institutions(ds, ids, labels)
        compare_view.render_chart(
            charts.make_overlap_heatmap(overlap, names),
            "Shared members",
            compare_text.overlap_takeaway(overlap, shared),
            overlap,
            "compare_overlap",
            credit,
        )
        st.subheader(f"Institutions in more than one of these networks ({len(shared)})")
        st.dataframe(
            shared,
            hide_index=True,
            width="stretch",
            key="compare_shared_table",
            column_config={
                "institution_name": "Institution",
                "city": "City",
                "country_name": "Country",
                "networks": "Networks",
                "count": st.column_config.NumberColumn("How many"),
            },
        )
    elif view == "Themes and time":
        themes = compare.themes_matrix(ds, ids, labels)
        compare_view.render_chart(
            charts.make_themes_matrix(themes, names),
            "Themes",
            compare_text.themes_takeaway(themes),
            themes,
            "compare_themes",
            credit,
        )
        growth = compare.growth_table(ds, ids, labels)
        compare_view.render_chart(
            charts.make_growth_chart(growth, colours),
            "Founding and growth",
            compare_text.growth_takeaway(growth),
            growth,
            "compare_growth",
            credit,
        )
    else:
        kind_labels = ds.kind_labels
        compare_view.render_summary(load_compare_summary(ids), kind_labels)
