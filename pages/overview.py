"""Overview: not built yet; says what it will show and points to the Networks catalogue."""

from components import frame

frame.ensure_frame()
frame.render_coming_soon(
    "Overview",
    (
        "Headline figures for the current filters, a map of every member institution, networks by kind, the "
        "institutions in the most networks and the data's as-of date."
    ),
)
