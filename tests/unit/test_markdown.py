"""Text and links from the data reach st.markdown as text: nothing in them can format or re-target."""

from __future__ import annotations

from components.networks import escape_markdown, markdown_link


def test_escape_markdown_escapes_formatting_and_html() -> None:
    assert escape_markdown("**bold** <b>x</b> [a](b)") == r"\*\*bold\*\* \<b\>x\</b\> \[a\]\(b\)"


def test_markdown_link_keeps_its_target_whole() -> None:
    link = markdown_link("Sapienza (Rome)", "https://en.wikipedia.org/wiki/Sapienza_(Rome)")
    assert link == r"[Sapienza \(Rome\)](https://en.wikipedia.org/wiki/Sapienza_%28Rome%29)"
    # A URL that tries to close the link and open another stays one target.
    hostile = markdown_link("page", "https://example.org/x)[click](https://evil.example <b>")
    assert hostile == "[page](https://example.org/x%29[click]%28https://evil.example%20%3Cb%3E)"
    assert hostile.count("](") == 1
