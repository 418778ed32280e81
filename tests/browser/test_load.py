"""Load on loopback: 30 concurrent browser-like sessions open pages and change filters for a bounded
time, while two real Chromium tabs measure page-ready under that load. No session may see an error;
the p95 times are reported (and written to .pytest_cache/load-report.txt).

The 30 sessions speak Streamlit's browser protocol over the websocket (a rerun request carrying the
page and its query string, as the browser sends on navigation; then every message until the script
has finished), which loads the server as browsers do without 30 renderers on a 2-core machine.
Each waits one to three seconds between actions, as a reader does.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.browser.harness import CHROMIUM_ARGS, READY, chromium_path

pytestmark = pytest.mark.browser
SESSIONS = 30
SECONDS = 40
FINISHED_EARLY_FOR_RERUN = 2
THINK_SECONDS = (1.0, 3.0)
VISITS = [
    ("overview", ""),
    ("overview", "region=Eastern+Asia"),
    ("networks", ""),
    ("networks", "kind=European+University+alliance"),
    ("networks", "network=leru"),
    ("map", ""),
    ("map", "map_networks=LERU&map_networks=CG"),
    ("compare", ""),
    ("compare", "compare_view=Overlap"),
    ("institutions", "institutions_q=Leiden"),
    ("institutions", "institution=leiden-university"),
    ("data", ""),
]
REPORT = Path(__file__).resolve().parents[2] / ".pytest_cache" / "load-report.txt"


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values, default=0.0)


async def _protocol_session(port: int, deadline: float, seed: int, timings: list[float], errors: list[str]) -> None:
    rng = random.Random(seed)
    url = f"ws://127.0.0.1:{port}/_stcore/stream"
    async with websockets.connect(
        url, subprotocols=["streamlit"], origin=f"http://127.0.0.1:{port}", max_size=None, open_timeout=60
    ) as socket:
        while time.monotonic() < deadline:
            page, query = rng.choice(VISITS)
            message = BackMsg()
            message.rerun_script.page_name = page
            message.rerun_script.query_string = query
            start = time.monotonic()
            await socket.send(message.SerializeToString())
            while True:
                forward = ForwardMsg()
                forward.ParseFromString(await asyncio.wait_for(socket.recv(), timeout=90))
                kind = forward.WhichOneof("type")
                if (
                    kind == "delta"
                    and forward.delta.WhichOneof("type") == "new_element"
                    and (forward.delta.new_element.WhichOneof("type") == "exception")
                ):
                    errors.append(f"{page}?{query}: exception element")
                if kind == "script_finished" and forward.script_finished != FINISHED_EARLY_FOR_RERUN:
                    break
            timings.append(time.monotonic() - start)
            await asyncio.sleep(rng.uniform(*THINK_SECONDS))  # a user reads before the next click


async def _browser_session(
    browser, base: str, deadline: float, seed: int, timings: list[float], errors: list[str]
) -> None:
    rng = random.Random(1000 + seed)
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    while time.monotonic() < deadline:
        path, query = rng.choice(VISITS)
        start = time.monotonic()
        await page.goto(f"{base}/{path}?{query}", timeout=90_000)
        await page.wait_for_function(READY, timeout=90_000)
        timings.append(time.monotonic() - start)
        if await page.locator('[data-testid="stException"]').count():
            errors.append(f"{path}?{query}: exception element in the browser")
    await context.close()


async def _run(base: str, port: int) -> tuple[list[float], list[float], list[str]]:
    from playwright.async_api import async_playwright

    protocol: list[float] = []
    pages: list[float] = []
    errors: list[str] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        deadline = time.monotonic() + SECONDS
        await asyncio.gather(
            *(_protocol_session(port, deadline, seed, protocol, errors) for seed in range(SESSIONS)),
            *(_browser_session(browser, base, deadline, seed, pages, errors) for seed in range(2)),
        )
        await browser.close()
    return protocol, pages, errors


def test_thirty_concurrent_sessions_see_no_error(server, capsys) -> None:
    # A thread of its own: the session's sync Playwright browser already runs an event loop here.
    with ThreadPoolExecutor(max_workers=1) as pool:
        protocol, pages, errors = pool.submit(asyncio.run, _run(server.url, server.port)).result()
    report = (
        f"load test: {SESSIONS} concurrent protocol sessions + 2 Chromium tabs for {SECONDS}s on loopback: "
        f"{len(protocol)} script runs (median {statistics.median(protocol):.2f}s, p95 {_p95(protocol):.2f}s to "
        f"script finished); {len(pages)} browser page loads (median {statistics.median(pages):.2f}s, p95 "
        f"{_p95(pages):.2f}s to page ready); {len(errors)} errors"
    )
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(report + "\n")
    with capsys.disabled():
        print("\n" + report)
    assert errors == []
    assert len(protocol) >= SESSIONS and len(pages) >= 2
    assert "Traceback" not in server.log()
