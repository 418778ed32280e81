"""Compare: not built yet; says what it will show and points to the Networks catalogue."""

from components import frame

frame.ensure_frame()
frame.render_coming_soon(
    "Compare",
    (
        "Networks side by side: size against official counts, countries covered, geographic spread, shared "
        "members, themes and founding years, each chart with image and data downloads."
    ),
)
