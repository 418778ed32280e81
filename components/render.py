"""Render helpers shared by pages: legends, image and data downloads, empty states."""

from __future__ import annotations

import html
import logging
import os
import re
import shutil
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

EXPORT_WIDTH, EXPORT_HEIGHT = 1600, 900


class ChromiumShutdownNoise(logging.Filter):
    """Drops one record: choreographer failing to parse its own ``{bye}`` shutdown sentinel.

    To stop the thread reading Chromium's pipe, choreographer writes ``{bye}`` into that pipe. When the
    sentinel arrives in the same read as Chromium's last message, choreographer parses it as a
    message, fails, and logs the failure with a traceback ("JSONError decoding message. Ignoring").
    The export itself succeeded. Every other record, including any other JSON error, passes.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        document = getattr(getattr(error, "__cause__", None), "doc", None)
        return not (type(error).__name__ == "JSONError" and isinstance(document, str) and document.startswith("{bye}"))


def quiet_chromium_shutdown() -> None:
    """Install ChromiumShutdownNoise on choreographer's pipe logger, once.

    Called just before an export. choreographer's module is imported first: it creates its logger as a
    logistro logger, and a plain logger created earlier under the same name would lack the methods
    choreographer calls on it.
    """
    from choreographer.channels import pipe  # kaleido imports it for the export anyway

    logger = logging.getLogger(pipe.__name__)
    if not any(isinstance(existing, ChromiumShutdownNoise) for existing in logger.filters):
        logger.addFilter(ChromiumShutdownNoise())


def palette() -> list[str]:
    """The colour-blind-safe categorical palette from .streamlit/config.toml."""
    colours = st.get_option("theme.chartCategoricalColors")
    return list(colours) if colours else ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "chart"


def render_legend(items: list[tuple[str, str, str]], title: str = "Legend") -> None:
    """A legend beside a map: (label, colour, what the mark looks like). All text is escaped."""
    rows = "".join(
        f'<li style="margin:0 0 .45rem 0;list-style:none"><span aria-hidden="true" style="display:inline-block;'
        f"width:.9rem;height:.9rem;border-radius:50%;background:{html.escape(colour)};margin-right:.45rem;"
        f'vertical-align:-.1rem"></span><strong>{html.escape(label)}</strong><br>'
        f'<span style="font-size:.85rem;color:#555">{html.escape(mark)}</span></li>'
        for label, colour, mark in items
    )
    st.markdown(f"**{html.escape(title)}**")
    st.markdown(f'<ul style="padding:0;margin:0">{rows}</ul>', unsafe_allow_html=True)


# A light HTML table for short read-only lists: real table markup (headers a screen reader announces,
# text that wraps instead of being cut at the column edge) and one cheap element instead of a data grid.
_TABLE = 'style="width:100%;border-collapse:collapse;font-size:.92rem;line-height:1.35"'
_TH = 'style="text-align:left;font-weight:600;padding:.4rem .5rem;border-bottom:1px solid rgba(49,51,63,.25)"'
_TD = 'style="padding:.4rem .5rem;border-bottom:1px solid rgba(49,51,63,.1);vertical-align:top"'


def bar_cell(value: int, maximum: int, colour: str) -> str:
    """A count with a bar whose length is the count's share of ``maximum`` (the number is the text)."""
    share = 0 if maximum <= 0 else max(0.0, min(1.0, value / maximum))
    return (
        '<span style="display:inline-flex;align-items:center;gap:.45rem;min-width:7rem">'
        f'<span aria-hidden="true" style="display:inline-block;height:.5rem;width:5rem;border-radius:.25rem;'
        f'background:linear-gradient(to right,{html.escape(colour)} {share * 100:.1f}%,rgba(49,51,63,.1) 0)"></span>'
        f'<span style="font-variant-numeric:tabular-nums">{value:,}</span></span>'
    )


def html_table(frame: pd.DataFrame, columns: dict[str, str], label: str, bars: dict[str, str] | None = None) -> str:
    """``frame``'s ``columns`` (name to header) as an HTML table named ``label`` for assistive technology.
    Every value is escaped; a column in ``bars`` (name to colour) shows its counts as bar_cell."""
    bars = bars or {}
    maxima = {name: int(frame[name].max()) if len(frame) else 0 for name in bars}
    head = "".join(f'<th scope="col" {_TH}>{html.escape(header)}</th>' for header in columns.values())
    rows = []
    for record in frame[list(columns)].itertuples(index=False):
        cells = []
        for name, value in zip(columns, record, strict=True):
            text = bar_cell(int(value), maxima[name], bars[name]) if name in bars else html.escape(str(value))
            cells.append(f"<td {_TD}>{text}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'<table aria-label="{html.escape(label)}" {_TABLE}><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def chromium_available() -> bool:
    return any(shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome", "chrome"))


def render_image_downloads(
    make_figure: Callable[[], go.Figure], name: str, key: str, csv: pd.DataFrame | None = None
) -> None:
    """PNG and SVG download buttons (the image is exported with kaleido only when a button is clicked),
    and the CSV of the data behind the chart when given, in one row."""
    left, middle, right, _ = st.columns([1, 1, 2, 2], vertical_alignment="center")
    if csv is not None:
        with right:
            render_data_download(csv, name, key=f"{key}_csv", label="Data behind this chart (CSV)")
    if not chromium_available():
        st.caption(
            "Image export on the server needs Chromium, which this server lacks. Use the camera icon in the "
            "chart's toolbar to save a PNG instead."
        )
        return

    def export(fmt: str) -> Callable[[], bytes]:
        def image() -> bytes:
            quiet_chromium_shutdown()
            return make_figure().to_image(format=fmt, width=EXPORT_WIDTH, height=EXPORT_HEIGHT, scale=1)

        return image

    left.download_button(
        "PNG image",
        export("png"),
        file_name=f"{slug(name)}.png",
        mime="image/png",
        icon=":material/image:",
        key=f"{key}_png",
        on_click="ignore",
    )
    middle.download_button(
        "SVG image",
        export("svg"),
        file_name=f"{slug(name)}.svg",
        mime="image/svg+xml",
        icon=":material/draw:",
        key=f"{key}_svg",
        on_click="ignore",
    )


def render_data_download(frame: pd.DataFrame, name: str, key: str, label: str = "Data (CSV)") -> None:
    st.download_button(
        label,
        lambda: frame.to_csv(index=False).encode("utf-8"),
        file_name=f"{slug(name)}.csv",
        mime="text/csv",
        icon=":material/download:",
        key=key,
        on_click="ignore",
    )


def plotly_config(name: str) -> dict[str, object]:
    """The plotly toolbar: a camera button that saves a PNG named after the chart, at twice the size."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": slug(name), "scale": 2},
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    }


def basemap_style() -> str | None:
    """An optional basemap style URL (for example a CARTO style with its API key) from secrets
    (``[basemap] style_url``) or the environment (ATLAS_BASEMAP_STYLE). Without one, maps draw the
    shipped country outlines only, which needs no network."""
    try:
        style = st.secrets.get("basemap", {}).get("style_url")
    except StreamlitSecretNotFoundError:
        style = None
    return style or os.environ.get("ATLAS_BASEMAP_STYLE") or None
