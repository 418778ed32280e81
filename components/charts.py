"""Comparison charts: pure plotly builders over the frames of data/compare.py.

Each make_* takes the frame it plots and the networks' colours and returns a new Figure with axis
titles and no chart title (the page shows the title; ``for_export`` puts title, takeaway and credit
inside an exported image). Marks carry text labels so that colour is never the only cue.
"""

from __future__ import annotations

import copy

import pandas as pd
import plotly.graph_objects as go

FONT = {"family": "Source Sans Pro, Arial, sans-serif", "size": 13}
GREY = "#8c8c8c"


def _base(figure: go.Figure, height: int = 380) -> go.Figure:
    figure.update_layout(
        template="plotly_white",
        font=FONT,
        height=height,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
    )
    return figure


def make_size_chart(size: pd.DataFrame, colours: dict[str, str]) -> go.Figure:
    """Listed members (bars) against the official count (diamonds); partial lists are named as such."""
    figure = go.Figure()
    labels = [
        f"{n} (partial list)" if c == "partial" else n for n, c in zip(size["network"], size["coverage"], strict=True)
    ]
    figure.add_trace(
        go.Bar(
            y=labels,
            x=size["listed_members"],
            orientation="h",
            name="Listed members",
            marker={
                "color": [colours[n] for n in size["network"]],
                "pattern": {"shape": ["/" if c == "partial" else "" for c in size["coverage"]]},
            },
            text=size["listed_members"],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x} listed<extra></extra>",
        )
    )
    figure.add_trace(
        go.Scatter(
            y=labels,
            x=size["official_count"],
            mode="markers",
            name="Official count",
            marker={"symbol": "diamond", "size": 12, "color": "white", "line": {"color": "#222", "width": 2}},
            hovertemplate="%{y}: the network states %{x}<extra></extra>",
        )
    )
    figure.update_yaxes(autorange="reversed", title=None)
    figure.update_xaxes(title="Members", rangemode="tozero")
    return _base(figure, 120 + 42 * len(size))


def make_country_chart(composition: pd.DataFrame, networks: list[str], top: int = 8) -> go.Figure:
    """Members per country, stacked per network: the largest countries by name, the rest as Other."""
    totals = composition.groupby("country_name")["members"].sum().sort_values(ascending=False)
    named = list(totals.index[:top])
    data = composition.assign(
        country_name=composition["country_name"].where(composition["country_name"].isin(named), "Other countries")
    )
    data = data.groupby(["network", "country_name"], as_index=False)["members"].sum()
    palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
    figure = go.Figure()
    codes = dict(zip(composition["country_name"], composition["country"], strict=False)) | {"Other countries": "other"}
    for index, country in enumerate([*named, "Other countries"]):
        code = codes[country]
        rows = data[data["country_name"] == country].set_index("network").reindex(networks)
        if rows["members"].isna().all():
            continue
        figure.add_trace(
            go.Bar(
                y=networks,
                x=rows["members"],
                orientation="h",
                name=country,
                marker={
                    "color": GREY if country == "Other countries" else palette[index % len(palette)],
                    "line": {"color": "white", "width": 1},
                },
                text=[f"{code} {int(v)}" if pd.notna(v) and v >= 2 else "" for v in rows["members"]],
                textposition="inside",
                insidetextanchor="middle",
                hovertemplate=f"%{{y}} · {country}: %{{x}}<extra></extra>",
            )
        )
    figure.update_layout(barmode="stack")
    figure.update_yaxes(autorange="reversed", title=None)
    figure.update_xaxes(title="Members")
    return _base(figure, 160 + 42 * len(networks))


def make_spread_chart(spread: pd.DataFrame, colours: dict[str, str]) -> go.Figure:
    """Mean (dot) and greatest (end of the line) distance between two members of each network."""
    figure = go.Figure()
    for row in spread.itertuples():
        if pd.isna(row.mean_distance_km):
            continue
        colour = colours[row.network]
        figure.add_trace(
            go.Scatter(
                x=[row.mean_distance_km, row.max_distance_km],
                y=[row.network, row.network],
                mode="lines+markers+text",
                line={"color": colour, "width": 3},
                marker={
                    "symbol": ["circle", "line-ns"],
                    "size": [14, 16],
                    "color": colour,
                    "line": {"color": colour, "width": 2},
                },
                text=[f"mean {row.mean_distance_km:,} km", f"max {row.max_distance_km:,} km"],
                textposition=["bottom center", "top center"],
                showlegend=False,
                hovertemplate="%{y}: %{x:,} km<extra></extra>",
            )
        )
    figure.update_yaxes(autorange="reversed", title=None)
    figure.update_xaxes(title="Distance between two members (km)", rangemode="tozero")
    return _base(figure, 120 + 48 * len(spread))


def make_overlap_heatmap(overlap: pd.DataFrame, networks: list[str], measure: str = "shared_members") -> go.Figure:
    """Shared members (or Jaccard index) between every pair of networks, numbers written in the cells."""
    values = {(r.network_a, r.network_b): getattr(r, measure) for r in overlap.itertuples()}
    matrix = [[None if a == b else values.get((a, b), values.get((b, a))) for b in networks] for a in networks]
    text = [["" if v is None else (f"{v:.2f}" if measure == "jaccard" else str(v)) for v in row] for row in matrix]
    figure = go.Figure(
        go.Heatmap(
            z=matrix,
            x=networks,
            y=networks,
            text=text,
            texttemplate="%{text}",
            colorscale="Blues",
            zmin=0,
            hoverongaps=False,
            colorbar={"title": "Jaccard" if measure == "jaccard" else "Shared"},
            hovertemplate="%{y} and %{x}: %{text}<extra></extra>",
        )
    )
    figure.update_yaxes(autorange="reversed")
    return _base(figure, 140 + 46 * len(networks))


def make_themes_matrix(themes: pd.DataFrame, networks: list[str]) -> go.Figure:
    """Network by theme: a filled cell with a check mark where the network works on the theme."""
    pivot = themes.pivot(index="theme", columns="network", values="has_theme").reindex(columns=networks)
    figure = go.Figure(
        go.Heatmap(
            z=pivot.to_numpy(),
            x=list(pivot.columns),
            y=list(pivot.index),
            colorscale=[[0, "#f4f4f4"], [1, "#0072B2"]],
            zmin=0,
            zmax=1,
            showscale=False,
            text=[["✓" if v else "" for v in row] for row in pivot.to_numpy()],
            texttemplate="%{text}",
            textfont={"color": "white", "size": 16},
            xgap=3,
            ygap=3,
            hovertemplate="%{x} · %{y}: %{z}<extra></extra>",
        )
    )
    figure.update_yaxes(autorange="reversed", title=None)
    figure.update_xaxes(side="top", title=None)
    return _base(figure, 120 + 28 * len(pivot))


def make_growth_chart(growth: pd.DataFrame, colours: dict[str, str]) -> go.Figure:
    """Members over the years where join years are known, with each network's founding year marked."""
    figure = go.Figure()
    for index, (network, rows) in enumerate(growth.groupby("network", sort=False)):
        colour = colours[str(network)]
        known = rows.dropna(subset=["year"])
        if not known.empty:
            figure.add_trace(
                go.Scatter(
                    x=known["year"],
                    y=known["members"],
                    mode="lines+markers",
                    line={"shape": "hv", "color": colour},
                    name=f"{network} ({rows['join_years_known'].iloc[0]} join years known)",
                    hovertemplate=f"{network} %{{x}}: %{{y}} members<extra></extra>",
                )
            )
        founded = rows["founded"].dropna()
        if not founded.empty:
            figure.add_trace(
                go.Scatter(
                    x=[founded.iloc[0]],
                    y=[0],
                    mode="markers+text",
                    marker={"symbol": "star", "size": 13, "color": colour},
                    text=[f"{network} founded"],
                    textposition="top center" if index % 2 == 0 else "bottom center",
                    showlegend=False,
                    hovertemplate=f"{network} founded %{{x}}<extra></extra>",
                )
            )
    figure.update_xaxes(title="Year", dtick=1 if growth["year"].dropna().nunique() < 15 else None)
    figure.update_yaxes(title="Members", rangemode="tozero")
    return _base(figure, 420)


def for_export(figure: go.Figure, title: str, takeaway: str, credit: str) -> go.Figure:
    """A copy of the figure for a PNG or SVG file: title and takeaway on top, credit below, white
    background, room for all of it."""
    exported = go.Figure(copy.deepcopy(figure.to_dict()))
    exported.update_layout(
        title={"text": f"{title}<br><sup>{takeaway}</sup>", "x": 0.01, "xanchor": "left"},
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin={"l": 30, "r": 30, "t": 110, "b": 70},
        annotations=[
            *exported.layout.annotations,
            {
                "text": credit,
                "showarrow": False,
                "xref": "paper",
                "yref": "paper",
                "x": 1,
                "y": -0.12,
                "xanchor": "right",
                "font": {"size": 11, "color": "#555"},
            },
        ],
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
    )
    return exported
