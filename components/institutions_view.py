"""The Institutions page's blocks: search results, one institution's profile, and the partner-list check."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import maps, render
from components.networks import escape_markdown, markdown_link
from data import geo
from data import partners as partner_data
from data.dataset import Dataset

PAGE = "pages/institutions.py"
TEMPLATE = "institution,country,city\nUniversity of Barcelona,ES,Barcelona\nUniversität Heidelberg,Germany,Heidelberg\n"


def render_results(results: pd.DataFrame, ds: Dataset) -> None:
    places = ds.institutions.set_index("id")
    st.caption(f"{len(results)} institution{'s' if len(results) != 1 else ''} found.")
    for row in results.itertuples():
        place = places.loc[row.institution_id]
        note = "" if row.match == "exact" and row.matched == place["name"] else f" (matched “{row.matched}”)"
        st.page_link(
            PAGE,
            label=f"{place['name']} · {place['city']}, {place['country_name']}{note}",
            query_params={"institution": row.institution_id},
            icon=":material/account_balance:",
        )


def _close_profile() -> None:
    del st.query_params["institution"]


def render_profile(ds: Dataset, institution_id: str, networks: pd.DataFrame, co_members: pd.DataFrame) -> None:
    place = ds.institutions.set_index("id").loc[institution_id]
    st.button(
        "Search institutions",
        icon=":material/arrow_back:",
        on_click=_close_profile,
        key="institutions_back",
        type="tertiary",
    )
    st.title(str(place["name"]))
    aliases = ds.institution_aliases.loc[ds.institution_aliases["institution_id"] == institution_id, "alias"]
    standing = geo.group_label(bool(place["in_eu"]), bool(place["in_ehea"]), place["ehea_status"])
    st.markdown(
        escape_markdown(
            f"{place['city']}, {place['country_name']} ({standing}) · {place['region']}, {place['subregion']}"
        )
    )
    if place["coord_precision"] == "campus":
        source = ds.sources.set_index("id").loc[place["coord_source_id"]]
        # Markdown, not a caption: a link in the caption's lighter grey fails the WCAG AA contrast (axe).
        st.markdown(f"On the maps at its main campus, from {markdown_link(source['title'], source['url'])}.")
    else:
        st.markdown("On the maps at the centre of its city (GeoNames): no campus position has been sourced yet.")
    if len(aliases):
        st.caption("Also known as: " + escape_markdown(", ".join(sorted(set(aliases)))))
    current = networks[networks["status"] == "current"]
    columns = st.columns(3)
    columns[0].metric("Current networks", len(current))
    columns[1].metric("Former networks", len(networks) - len(current))
    columns[2].metric("Co-members", len(co_members))
    st.subheader("Networks")
    st.dataframe(
        networks.drop(columns=["network_id"]),
        hide_index=True,
        width="stretch",
        key="institutions_networks",
        column_config={
            "network": "Network",
            "network_name": st.column_config.TextColumn("Full name", width="medium"),
            "kind_label": "Kind",
            "role": "Role",
            "since": st.column_config.NumberColumn("Since", format="%d"),
            "until": st.column_config.NumberColumn("Until", format="%d"),
            "status": "Status",
            "profile": st.column_config.LinkColumn("Profile", display_text="open profile"),
        },
    )
    if co_members.empty:
        st.info("This institution shares no current network with another institution in the dataset.")
        return
    st.subheader("Co-members on the map")
    colours = render.palette()
    deck = maps.make_co_member_deck(place, co_members, (colours[0], colours[1]), render.basemap_style())
    st.pydeck_chart(deck, height=420, key="institutions_deck")
    st.caption(
        f"{place['name']} (large dot with a black outline) and its {len(co_members)} co-members; "
        "dot size grows with the number of networks they share."
    )
    st.subheader("Shares most networks with")
    top = co_members.head(15).assign(profile=lambda f: "/institutions?institution=" + f["institution_id"])
    st.dataframe(
        top[["institution_name", "city", "country_name", "shared_networks", "networks", "profile"]],
        hide_index=True,
        width="stretch",
        key="institutions_top",
        column_config={
            "institution_name": "Institution",
            "city": "City",
            "country_name": "Country",
            "shared_networks": st.column_config.NumberColumn("Shared networks"),
            "networks": st.column_config.TextColumn("Which", width="large"),
            "profile": st.column_config.LinkColumn("Profile", display_text="open profile"),
        },
    )


def render_partner_check(ds: Dataset, labels: dict[str, str]) -> None:
    """Upload a partner list, see which rows match, where they are and which networks they are in."""
    st.markdown(
        "Upload your institution's partner list (CSV or Excel) to see which partners are in which "
        "networks. The file stays in your browser session; nothing is stored on the server."
    )
    st.download_button(
        "Template (CSV)",
        TEMPLATE.encode("utf-8"),
        file_name="partner-list-template.csv",
        mime="text/csv",
        icon=":material/description:",
        key="institutions_template",
        on_click="ignore",
    )
    upload = st.file_uploader(
        "Partner list",
        type=["csv", "xlsx"],
        key="institutions_upload",
        help="Columns: institution name and country (name or ISO code); optional city, "
        "latitude, longitude. Up to 5,000 rows.",
    )
    if upload is None:
        return
    try:
        partner_list = partner_data.read_partner_file(upload.name, upload.getvalue())
    except partner_data.PartnerFileError as error:
        st.error(f"{upload.name} cannot be used: {error}", icon=":material/error:")
        return
    for note in partner_list.notes:
        st.warning(note, icon=":material/warning:")
    if partner_list.problems:
        st.warning(f"{len(partner_list.problems)} row(s) were left out:", icon=":material/rule:")
        st.dataframe(
            pd.DataFrame(partner_list.problems, columns=["row", "problem"]),
            hide_index=True,
            key="institutions_problems",
        )
    if partner_list.rows.empty:
        st.error("No usable partner rows remain in the file.", icon=":material/error:")
        return
    matched = partner_data.match_partners(ds, partner_list.rows)
    found = matched["institution_id"].notna()
    st.subheader(f"{int(found.sum())} of {len(matched)} partners matched")
    if (~found).any():
        with st.expander(f"{int((~found).sum())} partner(s) not found in the dataset"):
            st.dataframe(
                matched.loc[~found, ["row", "name", "country", "city"]], hide_index=True, key="institutions_unmatched"
            )
    located = matched.dropna(subset=["lat", "lon"])
    if not located.empty:
        points = located.assign(
            institution_name=located["name"],
            city=located["city"].fillna(""),
            country_name=located["country"],
            network_count=1,
            networks=located["match"],
        )
        st.pydeck_chart(
            maps.make_institution_deck(points, render.palette()[0], render.basemap_style()),
            height=380,
            key="institutions_partner_deck",
        )
    by_network = partner_data.partners_by_network(ds, matched, labels)
    st.subheader("Your partners in the networks")
    if by_network.empty:
        st.info("None of the matched partners is a current member of a network in the dataset.")
    else:
        st.dataframe(
            by_network.drop(columns=["network_id"]),
            hide_index=True,
            width="stretch",
            key="institutions_by_network",
            column_config={
                "partners": st.column_config.ProgressColumn(
                    "Partners", format="%d", min_value=0, max_value=int(by_network["partners"].max())
                ),
                "which": st.column_config.TextColumn("Which", width="large"),
                "profile": st.column_config.LinkColumn("Profile", display_text="open profile"),
            },
        )
    render.render_data_download(
        matched, "partner-list-matched", key="institutions_matched_csv", label="Matched list (CSV)"
    )
