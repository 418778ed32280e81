"""Institutions: not built yet; says what it will show and points to the Networks catalogue."""

from components import frame

frame.ensure_frame()
frame.render_coming_soon(
    "Institutions",
    (
        "Find an institution and see every network it belongs to (current and former), its co-members on a "
        "map and the institutions it shares most networks with."
    ),
)
