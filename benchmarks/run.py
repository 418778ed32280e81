"""Time every page of Alliance Atlas in real headless Chromium against a bare Streamlit page.

    python benchmarks/run.py [--runs 5] [--pages overview map ...] [--skip-synthetic] [--quick]

For the real dataset, and then for a synthetic one 50 times larger (``make_synthetic.py``), this
starts the servers itself on free loopback ports (the bare page's first, then the app's) and measures:

* cold start: from spawning ``streamlit run`` to the first page (``/``) ready in the browser;
* server memory: RSS of the server process (children included) after 20 sequential sessions, each a
  fresh browser context that loads a page until ready and closes;
* page ready: for every page, one warm-up load, then ``--runs`` loads, each in a fresh browser
  context, timed from navigation start to ready (``performance.now()`` at the moment the ready
  predicate first holds, polled every animation frame); the median is reported;
* filter change: on every page, pick "European University alliance" in the sidebar filter "Kind of
  network" (type it into the combobox, press Enter) and time from the Enter key until the rerun has
  finished and every chart has re-rendered; warm-up, then ``--runs`` changes, median.

The bare page (``bare_app.py``: a title, a line, one selectbox in the sidebar) is served and timed the
same way in the same run, and every time is also given as a ratio to it. Cold start and memory are
taken while no other server is busy; the timed loads then alternate (bare page, a page, bare page,
the next page, ...; repeat) so that both are timed under the same machine load and the bare page gets
as many samples as all pages together; only one page ever loads at a time. Results
are printed as Markdown and written to ``benchmarks/results/latest.md`` (git-ignored).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

import psutil
from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent  # the app served; --ref replaces it with a clean export of a git revision
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
import make_synthetic  # noqa: E402  (beside this file)

from tests.browser.harness import CHROMIUM_ARGS, StreamlitServer, chromium_path  # noqa: E402

RESULTS = HERE / "results"
VIEWPORT = {"width": 1400, "height": 1000}
PAGES = ("overview", "map", "compare", "networks", "institutions", "data")
FILTER_LABEL = "Kind of network"
FILTER_OPTION = "European University alliance"
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'

# Ready: the script has finished, nothing is loading or stale, the page has its title, every chart
# and table present has mounted, the Networks cards and Overview blocks are drawn and every image
# in the page has loaded. During a filter change it also waits until the rerun has started (the
# script state left notRunning after the Enter key). Returns performance.now() when ready.
READY_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (window.__benchArmed && !window.__benchSawRun) {
    const last = window.__benchLastMessage || 0;
    if (!(last > window.__benchT0 && performance.now() - last > 50)) return false;
  }
  if (document.querySelector('[data-testid="stSkeleton"], [data-testid="stSpinner"]')) return false;
  if (document.querySelector('[data-testid="stElementContainer"][data-stale="true"]')) return false;
  const main = document.querySelector('[data-testid="stMain"]');
  if (!main || !main.querySelector('h1')) return false;
  for (const el of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    if (!el.querySelector('.js-plotly-plot .main-svg')) return false;
  }
  for (const el of document.querySelectorAll('[data-testid="stDeckGlJsonChart"]')) {
    if (!el.querySelector('canvas')) return false;
  }
  for (const el of document.querySelectorAll('[data-testid="stDataFrame"]')) {
    if (!el.querySelector('canvas, [role="grid"]')) return false;
  }
  for (const el of document.querySelectorAll('[data-testid="stBidiComponentIsolated"]')) {
    if (!el.shadowRoot || !el.shadowRoot.querySelector('ul.cards > li')) return false;  // the Networks cards
  }
  for (const el of document.querySelectorAll('[data-testid="stBidiComponentRegular"]')) {
    if (!el.querySelector('.atlas-blocks > *')) return false;  // the Overview's blocks
  }
  for (const img of main.querySelectorAll('img')) {
    if (!img.complete) return false;
  }
  return performance.now();
}"""

# Before every page: note when the last WebSocket message from the server arrived. A quick rerun can
# go from notRunning to running and back within one React render, so the state change alone may be
# missed; then a message received after the Enter key, followed by 50 ms of quiet in the notRunning
# state, counts as the rerun having finished (that fallback can overstate a change by about 50 ms).
WATCH_SOCKET_JS = """(() => {
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => { window.__benchLastMessage = performance.now(); });
    }
  };
})();"""

# Before a filter change: note when Enter is pressed and when the script state leaves notRunning.
ARM_JS = """() => {
  window.__benchArmed = false;
  window.__benchSawRun = false;
  window.__benchT0 = null;
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && window.__benchT0 === null) {
      window.__benchT0 = performance.now();
      window.__benchArmed = true;
    }
  }, true);
  const app = document.querySelector('[data-testid="stApp"]');
  new MutationObserver(() => {
    if (window.__benchArmed && app.getAttribute('data-test-script-state') !== 'notRunning') {
      window.__benchSawRun = true;
    }
  }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


class Server(StreamlitServer):
    """One ``streamlit run`` of ``script`` (logged to results/logs/<name>.log), with its memory. It runs
    in ROOT, the app served (which --ref replaces), so that the app's .streamlit/config.toml applies to
    the bare page too."""

    def __init__(self, script: Path, name: str, env: dict[str, str] | None = None) -> None:
        super().__init__(script, RESULTS / "logs" / f"{name}.log", env, start_timeout=120, cwd=ROOT)

    def rss(self) -> int:
        """Resident memory of the server and its children, in bytes."""
        process = psutil.Process(self.process.pid)
        total = process.memory_info().rss
        for child in process.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                total += child.memory_info().rss
        return total


@contextlib.contextmanager
def tab(browser: Browser) -> Iterator[Page]:
    """A page in a fresh browser context (no cache, no cookies, no session)."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(WATCH_SOCKET_JS)
    try:
        yield context.new_page()
    finally:
        context.close()


class ServerGone(RuntimeError):
    """The server process ended while a page waited for it."""


def wait_ready(page: Page, server: Server, timeout_s: float) -> float:
    """Wait for the ready predicate; return performance.now() (ms) at the moment it first held.

    Waits in slices of a few seconds so that a server that dies meanwhile ends the wait at once."""
    deadline = time.monotonic() + timeout_s
    while True:
        slice_ms = max(100.0, min(5.0, deadline - time.monotonic()) * 1000)
        try:
            handle = page.wait_for_function(READY_JS, polling="raf", timeout=slice_ms)
            return float(handle.json_value())
        except PlaywrightTimeout:
            if server.process.poll() is not None:
                raise ServerGone(f"the server stopped (exit code {server.process.returncode})") from None
            if time.monotonic() >= deadline:
                raise


def load(browser: Browser, server: Server, path: str, timeout_s: float) -> tuple[float, int]:
    """Seconds from navigation start to ready for one load in a fresh context, and error elements seen."""
    with tab(browser) as page:
        page.goto(f"{server.url}/{path}", wait_until="commit", timeout=timeout_s * 1000)
        ready_ms = wait_ready(page, server, timeout_s)
        return ready_ms / 1000, page.locator(ERRORS).count()


def filter_change(browser: Browser, server: Server, path: str, timeout_s: float) -> tuple[float, int]:
    """Seconds from pressing Enter on the filter option until the rerun is ready, and error elements."""
    with tab(browser) as page:
        page.goto(f"{server.url}/{path}", wait_until="commit", timeout=timeout_s * 1000)
        wait_ready(page, server, timeout_s)
        page.evaluate(ARM_JS)
        box = page.get_by_role("combobox", name=FILTER_LABEL)
        box.click()
        box.fill(FILTER_OPTION)
        page.get_by_role("option", name=FILTER_OPTION, exact=True).wait_for(timeout=timeout_s * 1000)
        page.keyboard.press("Enter")
        ready_ms = wait_ready(page, server, timeout_s)
        started = page.evaluate("() => window.__benchT0")
        if started is None or "kind=" not in page.url:
            raise RuntimeError(f"the filter did not change on /{path} (address now {page.url})")
        return (ready_ms - float(started)) / 1000, page.locator(ERRORS).count()


@dataclass
class Timing:
    samples: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    errors_seen: int = 0

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None


@dataclass
class ServerResult:
    name: str
    cold_start: float | None = None
    rss_first: int | None = None
    rss_after: int | None = None
    sessions: int = 0
    ready: dict[str, Timing] = field(default_factory=dict)
    change: dict[str, Timing] = field(default_factory=dict)
    restarts: int = 0
    load_before: float = 0.0
    load_after: float = 0.0


class Bench:
    """One served script under test: cold start and memory on a fresh server, then timed loads.

    If something outside stops the server mid-run, it is restarted (and warmed up) and the restart noted.
    """

    def __init__(
        self, browser: Browser, name: str, script: Path, paths: dict[str, str], env: dict[str, str] | None
    ) -> None:
        self.browser, self.name, self.script, self.paths, self.env = browser, name, script, paths, env
        self.result = ServerResult(name)
        self.server: Server | None = None

    def _slug(self) -> str:
        return self.name.replace(" ", "-").replace("×", "x")

    def start(self, sessions: int, timeout_s: float) -> None:
        """Spawn the server; time spawn to first page ready (``/``); RSS after 1 and ``sessions`` sessions."""
        result = self.result
        result.load_before = os.getloadavg()[0]
        print(f"  {self.name}: starting the server (load average {result.load_before:.2f})", flush=True)
        server = self.server = Server(self.script, self._slug(), self.env)
        with tab(self.browser) as page:
            page.goto(f"{server.url}/", wait_until="commit", timeout=timeout_s * 1000)
            wait_ready(page, server, timeout_s)
            result.cold_start = time.perf_counter() - server.spawned
        result.rss_first = server.rss()
        print(f"    cold start {result.cold_start:.2f} s; RSS after 1 session {result.rss_first / 2**20:.0f} MiB")
        cycle = list(self.paths.values())
        for number in range(1, sessions):
            load(self.browser, server, cycle[number % len(cycle)], timeout_s)
        result.sessions = sessions
        time.sleep(2)
        result.rss_after = server.rss()
        print(f"    RSS after {sessions} sessions {result.rss_after / 2**20:.0f} MiB", flush=True)

    def alive_server(self) -> Server:
        assert self.server is not None
        if self.server.process.poll() is not None:
            self.result.restarts += 1
            code = self.server.process.returncode
            print(f"    {self.name}: the server had stopped (exit code {code}); restarting", flush=True)
            self.server.stop()
            self.server = Server(self.script, f"{self._slug()}-restart{self.result.restarts}", self.env)
            for path in self.paths.values():  # warm the new server up
                with contextlib.suppress(PlaywrightError, RuntimeError):
                    load(self.browser, self.server, path, 120)
        return self.server

    def measure(self, kind: str, label: str, timeout_s: float, record: bool) -> None:
        """One page load (kind "ready") or filter change (kind "change") of ``label``; kept if ``record``."""
        timings = self.result.ready if kind == "ready" else self.result.change
        timing = timings.setdefault(label, Timing())
        action = load if kind == "ready" else filter_change
        try:
            seconds, errors = action(self.browser, self.alive_server(), self.paths[label], timeout_s)
        except (PlaywrightError, RuntimeError) as error:
            message = ("warm-up: " if not record else "") + str(error).splitlines()[0][:160]
            timing.failures.append(message)
            print(f"    {label} {kind}: failed ({message})", flush=True)
            return
        timing.errors_seen += errors
        if record:
            timing.samples.append(seconds)
            print(f"    {label} {kind}: {seconds:.3f}", flush=True)

    def stop(self) -> None:
        self.result.load_after = os.getloadavg()[0]
        if self.server is not None:
            self.server.stop()
            if "Traceback" in self.server.log_path.read_text():
                print(f"    note: the server log {self.server.log_path} has a traceback", flush=True)


@dataclass
class DatasetRun:
    title: str
    sizes: dict[str, int]
    bare: ServerResult
    app: ServerResult


def dataset_sizes(folder: Path) -> dict[str, int]:
    tables = folder / "tables"
    return {
        name: sum(1 for _ in (tables / f"{name}.csv").open(encoding="utf-8")) - 1
        for name in ("networks", "institutions", "memberships")
    }


def run_dataset(
    browser: Browser, title: str, folder: Path | None, pages: list[str], runs: int, sessions: int, timeout_s: float
) -> DatasetRun:
    """Bare page and app for one dataset: each server's cold start and memory with no other server up,
    then the timed loads and filter changes, interleaved (bare page, first page, bare page, second
    page, ...; repeat) so that the bare page and the app are timed under the same conditions and the
    bare page, the denominator of every ratio, gets as many samples as all pages together. Only one
    page loads at any moment."""
    print(f"\n== {title}", flush=True)
    env = {"ATLAS_DATA_DIR": str(folder)} if folder else None
    bare = Bench(browser, f"bare {title}", ROOT / "benchmarks" / "bare_app.py", {"bare": ""}, None)
    app = Bench(browser, f"app {title}", ROOT / "app.py", {page: page for page in pages}, env)
    try:
        bare.start(sessions, timeout_s)
        app.start(sessions, timeout_s)  # the bare server stays up, idle, for the interleaved timings below
        for kind in ("ready", "change"):
            print(f"  {kind}: one warm-up, then {runs} rounds of bare page + page, for every page", flush=True)
            for attempt in range(runs + 1):
                for label in app.paths:
                    bare.measure(kind, "bare", timeout_s, record=attempt > 0)
                    app.measure(kind, label, timeout_s, record=attempt > 0)
    finally:
        app.stop()
        bare.stop()
    return DatasetRun(title, dataset_sizes(folder or ROOT / "data"), bare.result, app.result)


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _git_commit(ref: str | None) -> str:
    repo = HERE.parent
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        head = subprocess.run(
            ["git", "rev-parse", "--short", ref or "HEAD"], cwd=repo, capture_output=True, text=True, check=True
        ).stdout.strip()
        if ref:
            return f"{head} (served from a clean export of {ref})"
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], cwd=repo, capture_output=True, text=True
        ).stdout.strip()
        return head + (" (working tree, with uncommitted changes)" if dirty else "")
    return "unknown"


def machine_info(browser_version: str, ref: str | None) -> list[str]:
    return [
        f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; commit {_git_commit(ref)}",
        f"- CPU: {os.cpu_count()} × {_cpu_model()}; RAM {psutil.virtual_memory().total / 2**30:.1f} GiB",
        f"- Python {platform.python_version()}, Streamlit {version('streamlit')}, pandas {version('pandas')}, "
        f"Playwright {version('playwright')}, Chromium {browser_version} (headless)",
    ]


def _s(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _ratio(value: float | None, base: float | None) -> str:
    return "–" if value is None or not base else f"{value / base:.2f}×"


def _cell(timing: Timing) -> str:
    text = _s(timing.median)
    if timing.failures:
        text += f" ({len(timing.failures)} failed)"
    return text


def report(results: list[DatasetRun], runs: int, info: list[str]) -> str:
    lines = ["# Alliance Atlas benchmark", "", *info, ""]
    lines.append(
        f"Medians of {runs} loads per page (each in a fresh browser context) after one warm-up; ratios are to "
        f"the bare Streamlit page served and timed in the same run, once before each page ({runs} × the number "
        "of pages loads). Goals: pages ≤ 2× (aim 1.5×), filter changes ≤ 1.5×, "
        "the 50× dataset ≤ 3×."
    )
    real = results[0] if results else None
    for run in results:
        sizes = ", ".join(f"{count:,} {name}" for name, count in run.sizes.items())
        bare_ready = run.bare.ready["bare"].median
        bare_change = run.bare.change["bare"].median
        grows = run is not real and real is not None
        lines += ["", f"## {run.title} ({sizes})", ""]
        header = "| page | ready s | ratio to bare | filter change s | ratio |"
        rule = "| --- | ---: | ---: | ---: | ---: |"
        if grows:
            header += " ready vs real data | filter change vs real data |"
            rule += " ---: | ---: |"
        lines += [header, rule]
        rows = [("bare page", run.bare.ready["bare"], run.bare.change["bare"])]
        rows += [(page, run.app.ready[page], run.app.change[page]) for page in run.app.ready]
        for page, ready, change in rows:
            row = (
                f"| {page} | {_cell(ready)} | {_ratio(ready.median, bare_ready)} | {_cell(change)} | "
                f"{_ratio(change.median, bare_change)} |"
            )
            if grows and real is not None:
                base_ready = real.bare.ready["bare"] if page == "bare page" else real.app.ready.get(page)
                base_change = real.bare.change["bare"] if page == "bare page" else real.app.change.get(page)
                row += (
                    f" {_ratio(ready.median, base_ready.median if base_ready else None)} |"
                    f" {_ratio(change.median, base_change.median if base_change else None)} |"
                )
            lines.append(row)
        lines.append("")
        for result in (run.bare, run.app):
            label = "bare page" if result is run.bare else "app"
            lines.append(
                f"- {label}: cold start {_s(result.cold_start)} s (spawn to first page ready); "
                f"server RSS {_mib(result.rss_first)} after 1 session, {_mib(result.rss_after)} "
                f"after {result.sessions} sessions; load average {result.load_before:.2f} before, "
                f"{result.load_after:.2f} after"
                + (f"; the server was stopped from outside and restarted {result.restarts}×" if result.restarts else "")
            )
        lines.append(
            f"- cold start ratio {_ratio(run.app.cold_start, run.bare.cold_start)}, "
            f"RSS ratio after {run.app.sessions} sessions {_ratio(run.app.rss_after, run.bare.rss_after)}"
        )
        notes = [
            f"{page} showed an error element in {timing.errors_seen} {what}"
            for what, timings in (("loads", run.app.ready), ("filter changes", run.app.change))
            for page, timing in timings.items()
            if timing.errors_seen
        ]
        lines += [f"- note: {note}" for note in notes]
    lines += ["", "## Goals", ""]
    lines += goal_lines(results) or ["- every page meets every goal"]
    lines += ["", "## Every sample (seconds)", ""]
    for run in results:
        for result in (run.bare, run.app):
            for kind, timings in (("ready", result.ready), ("filter change", result.change)):
                for page, timing in timings.items():
                    samples = ", ".join(f"{s:.3f}" for s in timing.samples)
                    failed = f"; failed: {'; '.join(timing.failures)}" if timing.failures else ""
                    lines.append(f"- {run.title} · {page} · {kind}: {samples}{failed}")
    return "\n".join(lines) + "\n"


def _mib(value: int | None) -> str:
    return "–" if value is None else f"{value / 2**20:.0f} MiB"


def goal_lines(results: list[DatasetRun]) -> list[str]:
    """Each page and measure that misses its goal, with the ratio it reached."""
    misses = []
    for index, run in enumerate(results):
        ready_goal, change_goal = (2.0, 1.5) if index == 0 else (3.0, 3.0)
        bare_ready = run.bare.ready["bare"].median
        bare_change = run.bare.change["bare"].median
        for page in run.app.ready:
            ready = run.app.ready[page].median
            change = run.app.change[page].median
            if ready is None or change is None:
                misses.append(f"- {run.title} · {page}: not measured (failed loads or changes)")
                continue
            if bare_ready and ready / bare_ready > ready_goal:
                misses.append(
                    f"- {run.title} · {page}: ready {ready / bare_ready:.2f}× the bare page (goal {ready_goal}×)"
                )
            elif index == 0 and bare_ready and ready / bare_ready > 1.5:
                misses.append(f"- {run.title} · {page}: ready {ready / bare_ready:.2f}× meets 2× but not the 1.5× aim")
            if bare_change and change / bare_change > change_goal:
                misses.append(
                    f"- {run.title} · {page}: filter change {change / bare_change:.2f}× the bare page "
                    f"(goal {change_goal}×)"
                )
    return misses


def export_revision(ref: str, into: Path) -> Path:
    """A clean copy of the repository at ``ref`` (``git archive``), so that edits made in the working
    tree while the benchmark runs cannot change what is measured; the bare page is served from it too."""
    into.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "archive", "--format=tar", ref], cwd=HERE.parent, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    (into / "benchmarks").mkdir(exist_ok=True)
    (into / "benchmarks" / "bare_app.py").write_bytes((HERE / "bare_app.py").read_bytes())
    return into


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="measured loads per page after the warm-up (default 5)")
    parser.add_argument("--pages", nargs="+", choices=PAGES, default=list(PAGES), help="a subset of the pages")
    parser.add_argument("--skip-synthetic", action="store_true", help="only the real dataset")
    parser.add_argument("--quick", action="store_true", help="smoke run: --runs 2")
    parser.add_argument("--factor", type=int, default=50, help="size of the synthetic dataset (default 50×)")
    parser.add_argument("--sessions", type=int, default=20, help="sessions before the RSS reading (default 20)")
    parser.add_argument("--timeout", type=float, default=180, help="seconds a page may take to be ready")
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.md")
    parser.add_argument(
        "--ref",
        help="serve a clean export of this git revision (e.g. HEAD) instead of the working tree, so that "
        "edits made while the benchmark runs do not change what is measured",
    )
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the finally blocks: stop the servers
    runs = 2 if args.quick else args.runs
    if runs < 1 or args.sessions < 1:
        parser.error("--runs and --sessions must be at least 1")
    pages = [page for page in PAGES if page in args.pages]
    RESULTS.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    results: list[DatasetRun] = []
    global ROOT
    with sync_playwright() as playwright, tempfile.TemporaryDirectory(prefix="atlas-bench-") as scratch:
        if args.ref:
            ROOT = export_revision(args.ref, Path(scratch) / "app")
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        info = machine_info(browser.version, args.ref)
        print("\n".join(info), flush=True)
        try:
            results.append(run_dataset(browser, "Real dataset", None, pages, runs, args.sessions, args.timeout))
            if not args.skip_synthetic:
                folder = Path(scratch) / f"x{args.factor}"
                counts = make_synthetic.make(folder, factor=args.factor, source=ROOT / "data")
                make_synthetic.check(folder)
                print(f"\nsynthetic dataset ×{args.factor}: {counts['institutions']:,} institutions", flush=True)
                results.append(
                    run_dataset(browser, f"Synthetic ×{args.factor}", folder, pages, runs, args.sessions, args.timeout)
                )
        finally:
            browser.close()
    info.append(f"- the whole run took {(time.perf_counter() - started) / 60:.1f} min")
    text = report(results, runs, info)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print("\n" + text)
    print(f"written to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
