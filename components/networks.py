"""What the Networks page draws: the catalogue of cards and the profile of one network.

Render helpers take frames from data.queries and draw them with st.*; all text from the data is
shown through Streamlit's text and markdown elements with markdown and HTML escaped, except the
cards, which are plain data for a small component that sets every text as text.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from data.dataset import Dataset

# Nine cards (three rows of three) fill about a screen and a half.
CARDS_PER_PAGE = 9
CARDS_KEY = "networks_cards"
_ASSETS = Path(__file__).resolve().parent / "assets"
# A page of cards is one element, a v2 component drawn by plain DOM code (assets/network_cards.js),
# instead of 36 Streamlit elements (a bordered container, a markdown block and a page link per card,
# in rows of columns): a filter change on Networks went from 234 to 175 ms (median of 15 alternating
# changes; the bare page 173 ms). Each card's link is a real link to ``?network=<id>``; a plain
# click comes back as the trigger value ``open`` and opens the profile in the same session.
_CARDS = st.components.v2.component(
    "atlas_network_cards",
    css=(_ASSETS / "network_cards.css").read_text(encoding="utf-8"),
    js=(_ASSETS / "network_cards.js").read_text(encoding="utf-8"),
)
_STATUS_BADGE = {
    "complete": ("complete list", "green"),
    "partial": ("partial list", "orange"),
    "count-only": ("count only", "gray"),
    "unlisted": ("no member list", "gray"),
    "ended": ("ended", "gray"),
}


def escape_markdown(text: str) -> str:
    """Text from the data, safe inside st.markdown: markdown and HTML characters are escaped."""
    specials = "\\`*_{}[]()<>#+-.!|~$"
    return "".join(f"\\{ch}" if ch in specials else ch for ch in str(text))


def markdown_link(text: str, url: str) -> str:
    """A markdown link to ``url`` labelled ``text``, both from the data: the label is escaped and the
    characters that would end or break the link target are percent-encoded."""
    target = str(url)
    for char, code in (("(", "%28"), (")", "%29"), (" ", "%20"), ("<", "%3C"), (">", "%3E")):
        target = target.replace(char, code)
    return f"[{escape_markdown(text)}]({target})"


def fact_line(row: pd.Series) -> str:
    """The one-line facts of a network: kind · founded · seat · members."""
    parts = [row["kind_label"]]
    if pd.notna(row["founded"]):
        parts.append(f"founded {row['founded']}")
    seat = ", ".join(str(v) for v in (row["hq_city"], row["hq_country_name"]) if pd.notna(v))
    if seat:
        parts.append(seat)
    parts.append(row["coverage_label"])
    return " · ".join(parts)


def render_catalogue(table: pd.DataFrame, total: int, theme_labels: dict[str, str], profile_page: str) -> None:
    """The filtered networks as a grid of cards, a page of cards at a time."""
    st.caption(f"Showing {len(table)} of {total} networks.")
    if table.empty:
        st.info(
            "No network matches the search and filters. Clear a filter in the sidebar or change the search.",
            icon=":material/filter_alt_off:",
        )
        return
    pages = max(1, -(-len(table) // CARDS_PER_PAGE))
    current = st.pagination(pages, key="networks_page", max_visible_pages=7) if pages > 1 else 1
    shown = table.iloc[(current - 1) * CARDS_PER_PAGE : current * CARDS_PER_PAGE]
    cards = [card_data(row, theme_labels) for row in shown.to_dict("records")]
    _CARDS(
        data={"cards": cards, "label": f"Networks, page {current} of {pages}"},
        key=CARDS_KEY,
        on_open_change=_open_profile,
    )


def card_data(row: dict, theme_labels: dict[str, str]) -> dict[str, str | None]:
    """One card's texts, plain (the component sets them as text): heading (the acronym, or the name),
    full name when it differs, coverage badge, one-line facts, summary cut to 140 characters, themes."""
    acronym = row["acronym"] if pd.notna(row["acronym"]) else None
    summary = str(row["summary"])
    summary = summary if len(summary) <= 140 else summary[:137].rsplit(" ", 1)[0] + "…"
    return {
        "id": str(row["id"]),
        "heading": acronym or str(row["name"]),
        "name": str(row["name"]) if acronym and acronym != row["name"] else None,
        "status": str(row["coverage_status"]),
        "status_label": _STATUS_BADGE[row["coverage_status"]][0],
        "facts": fact_line(row),
        "summary": summary,
        "themes": " · ".join(theme_labels[t] for t in row["themes"]) or None,
    }


def _open_profile() -> None:
    """A card's link was clicked: open that network's profile in this run, at the address its link
    names (``?network=<id>``, as a new history entry: the browser's Back returns to the catalogue)."""
    network = st.session_state[CARDS_KEY].open
    if network:
        st.query_params.from_dict({"network": network})


def _close_profile() -> None:
    del st.query_params["network"]


def render_profile(
    row: pd.Series,
    members: pd.DataFrame,
    themes: pd.DataFrame,
    regions: pd.DataFrame,
    related: pd.DataFrame,
    sources: pd.DataFrame,
    ds: Dataset,
    profile_page: str,
) -> None:
    """The profile of one network: facts, summary, themes, partner regions, members, links, sources."""
    st.button(
        "All networks", icon=":material/arrow_back:", on_click=_close_profile, key="networks_back", type="tertiary"
    )
    st.title(str(row["display_name"]))
    label, colour = _STATUS_BADGE[row["coverage_status"]]
    st.badge(label, color=colour)
    st.markdown(escape_markdown(row["summary"]))
    _render_facts(row)
    if row["coverage_status"] == "partial":
        st.warning(
            f"Partial list: this dataset lists {row['coverage_label']} members that the network states "
            f"(as of {row['member_count_as_of']}). The members below are the ones a public source confirms.",
            icon=":material/rule:",
        )
    elif row["coverage_status"] == "count-only":
        st.info(
            "This association does not publish a reusable member list. Its official count is shown; "
            "members are listed only where a public source confirms an institution of this dataset.",
            icon=":material/info:",
        )
    left, right = st.columns(2, gap="large")
    with left:
        st.subheader("Themes")
        if themes.empty:
            st.caption("No themes recorded.")
        else:
            st.markdown("\n".join(f"- {escape_markdown(label)}" for label in themes["label"]))
    with right:
        st.subheader("Partner regions")
        if regions.empty:
            st.caption("No partner regions beyond the members recorded.")
        else:
            st.markdown(
                "\n".join(
                    f"- **{escape_markdown(r.label)}** ({r.relation.replace('-', ' ')})"
                    + (f": {escape_markdown(r.note)}" if pd.notna(r.note) else "")
                    for r in regions.itertuples()
                )
            )
    _render_members(members)
    st.subheader("Related networks")
    if related.empty:
        st.caption("No related networks recorded.")
    for link in related.itertuples():
        st.page_link(
            profile_page,
            label=f"{link.phrase.capitalize()} {link.name}",
            query_params={"network": link.other_id},
            icon=":material/link:",
        )
    _render_sources(sources)


def _render_facts(row: pd.Series) -> None:
    official = row["member_count_official"]
    qualifier = {"at-least": "+", "approximately": " (approx.)"}.get(str(row["member_count_qualifier"]), "")
    columns = st.columns(4)
    columns[0].metric("Members listed", f"{row['listed_current']}")
    columns[1].metric(
        "Official count",
        "—" if pd.isna(official) else f"{int(official)}{qualifier}",
        help=None if pd.isna(official) else f"As stated by the network, as of {row['member_count_as_of']}.",
    )
    columns[2].metric("Member countries", f"{row['member_countries']}")
    columns[3].metric("Founded", "—" if pd.isna(row["founded"]) else str(row["founded"]))
    details = [("Kind", row["kind_label"])]
    seat = ", ".join(str(v) for v in (row["hq_city"], row["hq_country_name"]) if pd.notna(v))
    if seat:
        details.append(("Seat", seat))
    if pd.notna(row["first_call_year"]):
        details.append(("First funded", f"Erasmus+ call {row['first_call_year']}"))
    if pd.notna(row["funding_status"]):
        details.append(("Funding", str(row["funding_status"]).replace("-", " ")))
    if pd.notna(row["website"]):
        details.append(("Website", markdown_link(row["website"], row["website"])))
    st.markdown(
        "  \n".join(f"**{name}:** {value if name == 'Website' else escape_markdown(value)}" for name, value in details)
    )


def _render_members(members: pd.DataFrame) -> None:
    current = members[members["until"].isna()]
    full = current[current["role"] != "associate"]
    associates = current[current["role"] == "associate"]
    former = members[members["until"].notna()]
    st.subheader(f"Members ({len(full)})")
    if full.empty:
        st.caption("No members listed in this dataset.")
    else:
        _members_table(full, "current")
    if not associates.empty:
        st.subheader(f"Associated partners ({len(associates)})")
        if st.toggle("Show associated partners", value=True, key="networks_show_associates"):
            _members_table(associates, "associates")
    if not former.empty:
        st.subheader(f"Former members ({len(former)})")
        _members_table(former, "former")


def _members_table(members: pd.DataFrame, which: str) -> None:
    columns = ["institution_name", "city", "country_name", "role", "since", "until", "note", "source_url"]
    if which != "former":
        columns.remove("until")
    shown = members[columns].astype({"note": "string"}).fillna({"note": ""})
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * len(shown), 640),
        column_config={
            "institution_name": st.column_config.TextColumn("Institution", width="large"),
            "city": "City",
            "country_name": "Country",
            "role": "Role",
            "since": st.column_config.NumberColumn("Since", format="%d"),
            "until": st.column_config.NumberColumn("Until", format="%d"),
            "note": "Note",
            "source_url": st.column_config.LinkColumn("Source", display_text="source"),
        },
        key=f"networks_members_{which}",
    )


def _render_sources(sources: pd.DataFrame) -> None:
    st.subheader("Sources")
    st.markdown(
        "\n".join(
            f"- {markdown_link(s.title, s.url)}, {escape_markdown(s.publisher)}, accessed {s.accessed}"
            f" ({s.facts} fact{'s' if s.facts != 1 else ''})"
            for s in sources.itertuples()
        )
    )
