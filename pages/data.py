"""Data: not built yet; says what it will show and points to the Networks catalogue."""

from components import frame

frame.ensure_frame()
frame.render_coming_soon(
    "Data",
    ("Coverage per network, the data dictionary, every source, and downloads of the full and the filtered dataset."),
)
