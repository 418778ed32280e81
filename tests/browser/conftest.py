"""Real Chromium (Playwright) against the app served by ``streamlit run`` on loopback.

The browser is Debian's ``chromium`` on PATH, or Playwright's own browser on a developer laptop.
Where neither exists the browser tests skip with that reason, unless CI=true: CI must run them.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator

import pytest

from tests.browser.harness import CHROMIUM_ARGS, ROOT, StreamlitServer, chromium_path

_numbers = itertools.count(1)


class Server(StreamlitServer):
    """The app (``app.py``) served on a free loopback port; the n-th server of a test run logs to
    .pytest_cache/streamlit-<n>.log."""

    def __init__(self, env: dict[str, str] | None = None) -> None:
        super().__init__(ROOT / "app.py", ROOT / ".pytest_cache" / f"streamlit-{next(_numbers)}.log", env)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import Error, sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Error as error:
            if os.environ.get("CI", "").lower() == "true":
                raise
            pytest.skip(f"no Chromium on PATH and no Playwright browser installed ({error.message.splitlines()[0]})")
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    running = Server()
    yield running
    running.stop()


@pytest.fixture
def fresh_server() -> Iterator[Callable[..., Server]]:
    """Start servers that no session has visited yet (for first-visit behaviour)."""
    started: list[Server] = []

    def start(env: dict[str, str] | None = None) -> Server:
        started.append(Server(env))
        return started[-1]

    yield start
    for running in started:
        running.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    tab = context.new_page()
    yield tab
    context.close()
