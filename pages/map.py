"""Map: not built yet; says what it will show and points to the Networks catalogue."""

from components import frame

frame.ensure_frame()
frame.render_coming_soon(
    "Map",
    (
        "The world regions each network works with: members as points, partner regions as filled areas and "
        "arcs from each network's seat, with a downloadable image of the view."
    ),
)
