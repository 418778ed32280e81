"""Prove, on loopback, that Alliance Atlas runs as several replicas behind nginx with sticky sessions.

    python deploy/prove_loopback.py [--replicas K] [--port P]

1. Starts K replicas (default 2) and nginx with deploy/run_replicas.sh (everything on 127.0.0.1,
   state in a fresh temp directory).
2. Opens browser contexts (real Chromium through Playwright) on nginx until every replica serves at
   least one. Each context loads the app, fetches /_stcore/health in-page, searches the catalogue
   (a rerun over its websocket) and reloads. nginx's X-Upstream header on every HTTP response, and
   its access log (which also records each websocket), must name one replica per context.
3. Kills the last replica with SIGKILL. Contexts pinned to the survivors must keep their open
   session (same websocket: a new search reruns without reconnecting) and reload on the same
   replica. Contexts pinned to the dead replica must get a working page on a survivor after reload.
4. Prints a report, stops everything it started and exits non-zero on any failure.

Bounded: a watchdog ends the run after 170 seconds. Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.browser.harness import CHROMIUM_ARGS, chromium_path, wait_ready  # noqa: E402

SCRIPT = ROOT / "deploy" / "run_replicas.sh"
HOST = "127.0.0.1"
DEADLINE_SECONDS = 170
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'
SHOWING = re.compile(r"Showing (\d+) of (\d+) networks")
LOG_LINE = re.compile(
    r'"(?P<method>\S+) (?P<path>\S+) [^"]*" (?P<status>\d{3}) route=(?P<route>\S*) upstream=(?P<up>.*)$'
)


class ProofTimeout(BaseException):
    """The watchdog fired (a BaseException, so that no per-user handler swallows it)."""


@dataclass
class Visitor:
    """One browser context (one user) and what it saw."""

    name: str
    context: object
    page: object
    route: str = ""
    upstreams: list[str] = field(default_factory=list)  # X-Upstream of every HTTP response, in order
    sockets: list[dict] = field(default_factory=list)  # {"url", "closed"} per websocket the page opened
    pinned: str = ""
    after: str = ""
    notes: list[str] = field(default_factory=list)


def served_by(header: str | None) -> str:
    """The replica that finally answered: the last address of nginx's $upstream_addr."""
    return (header or "").split(",")[-1].strip()


def port_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # TIME_WAIT leftovers do not block a server
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


def choose_port(first: int, replicas: int) -> int:
    for base in range(first, first + 200, 10):
        if all(port_free(port) for port in range(base, base + replicas + 1)):
            return base
    raise SystemExit(f"no free block of {replicas + 1} loopback ports from {first}")


def heading(page) -> str:
    return page.locator('[data-testid="stMain"] h1').first.inner_text().strip()


def showing(page) -> str:
    text = page.get_by_text(SHOWING).first.inner_text(timeout=15_000)
    match = SHOWING.search(text)
    return match.group(0) if match else text


def health_in_page(page) -> tuple[int, str]:
    status, upstream = page.evaluate(
        "async () => { const r = await fetch('/_stcore/health', {cache: 'no-store', credentials: 'same-origin'});"
        " return [r.status, r.headers.get('x-upstream')]; }"
    )
    return int(status), served_by(upstream)


def search(page, term: str) -> str:
    """Type into the catalogue's search box and wait for the rerun (over the websocket) to show it."""
    before = showing(page)
    box = page.get_by_label("Search networks")
    box.fill(term)
    box.press("Enter")
    page.wait_for_function(
        "(before) => { const m = document.body.innerText.match(/Showing \\d+ of \\d+ networks/);"
        " return m && m[0] !== before; }",
        arg=before,
        timeout=20_000,
    )
    page.wait_for_function(
        "(term) => (new URLSearchParams(location.search).get('networks_q') || '') === term", arg=term, timeout=20_000
    )
    wait_ready(page)
    return showing(page)


def check_page(visitor: Visitor, title: str = "Networks") -> None:
    page = visitor.page
    wait_ready(page)
    errors = page.locator(ERRORS).all_inner_texts()
    if errors:
        raise AssertionError(f"{visitor.name}: error element on the page: {errors}")
    if heading(page) != title:
        raise AssertionError(f"{visitor.name}: h1 is {heading(page)!r}, expected {title!r}")


def open_visitor(browser, index: int, lb_url: str) -> Visitor:
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    visitor = Visitor(name=f"user{index}", context=context, page=page)

    def on_response(response) -> None:
        if response.url.startswith(lb_url):
            upstream = response.headers.get("x-upstream")
            if upstream is not None:
                visitor.upstreams.append(upstream)

    def on_websocket(ws) -> None:
        record = {"url": ws.url, "closed": False}
        visitor.sockets.append(record)
        ws.on("close", lambda _ws: record.update(closed=True))

    page.on("response", on_response)
    page.on("websocket", on_websocket)
    return visitor


def run_script(*args: str, env: dict[str, str], timeout: float = 120) -> str:
    result = subprocess.run(
        [str(SCRIPT), *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        raise RuntimeError(f"run_replicas.sh {' '.join(args)} failed ({result.returncode}):\n{output}")
    return output


def access_log(state: Path) -> list[dict[str, str]]:
    path = state / "access.log"
    rows = []
    for line in path.read_text().splitlines() if path.exists() else []:
        match = LOG_LINE.search(line)
        if match:
            rows.append(match.groupdict())
    return rows


def replicas_lost(state: Path, killed: set[int]) -> list[str]:
    """Replicas that died although the proof did not kill them (for example an outside pkill)."""
    lost = []
    for pid_file in sorted(state.glob("replica-*.pid")):
        index = int(pid_file.stem.split("-")[1])
        pid = int(pid_file.read_text().strip())
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            cmdline = b""
        if index not in killed and b"streamlit" not in cmdline:
            log = state / f"replica-{index}.log"
            last = log.read_text(errors="replace").strip().splitlines()[-1:] if log.exists() else []
            lost.append(
                f"replica {index} (pid {pid}) died during the proof without being killed by it; its log ends with "
                f"{last}: 'Stopping...' means a signal from outside (another process stopping streamlit servers?)"
            )
    return lost


def prove(browser, lb_url: str, replicas: list[str], state: Path, env: dict[str, str], killed: set[int]) -> list[str]:
    failures: list[str] = []
    visitors: list[Visitor] = []

    def fail(message: str) -> None:
        failures.append(message)
        print(f"  FAIL {message}")

    # Phase 1: users arrive until every replica has at least one; each stays on its replica.
    print(f"Phase 1: users arrive through nginx at {lb_url}")
    max_visitors = 4 * len(replicas) + 2
    while len(visitors) < max_visitors:
        visitor = open_visitor(browser, len(visitors) + 1, lb_url)
        visitors.append(visitor)
        page = visitor.page
        response = page.goto(f"{lb_url}/")
        check_page(visitor)
        visitor.pinned = served_by(response.headers.get("x-upstream"))
        visitor.route = next((c["value"] for c in visitor.context.cookies() if c["name"] == "atlas_route"), "")
        status, health_upstream = health_in_page(page)
        term = ["LERU", "Coimbra", "Utrecht", "Europaeum"][len(visitors) % 4]
        result = search(page, term)
        response = page.reload()
        check_page(visitor)
        reload_upstream = served_by(response.headers.get("x-upstream"))
        seen = sorted({served_by(u) for u in visitor.upstreams})
        print(
            f"  {visitor.name}: cookie atlas_route={visitor.route[:8]}… document from {visitor.pinned}, "
            f"health {status} from {health_upstream}, search {term!r} -> {result!r}, reload from {reload_upstream}; "
            f"{len(visitor.upstreams)} responses, replicas seen {seen}"
        )
        if not visitor.route:
            fail(f"{visitor.name}: nginx set no atlas_route cookie")
        if status != 200 or {health_upstream, reload_upstream, *seen} != {visitor.pinned}:
            fail(f"{visitor.name}: requests reached more than one replica: {seen}, health {health_upstream}")
        if visitor.pinned not in replicas:
            fail(f"{visitor.name}: served by unknown upstream {visitor.pinned!r}")
        pinned = {v.pinned for v in visitors}
        if len(visitors) >= len(replicas) + 2 and pinned >= set(replicas):
            break
    by_replica = {r: [v.name for v in visitors if v.pinned == r] for r in replicas}
    print(f"  spread: {by_replica}")
    if not all(by_replica.values()):
        fail(f"some replica served no user after {len(visitors)} users: {by_replica}")
        return failures

    # Phase 2: lose the last replica.
    victim_index = len(replicas)
    victim = replicas[-1]
    survivors = replicas[:-1]
    log_rows_before_kill = len(access_log(state))
    sockets_before = {v.name: len(v.sockets) for v in visitors}
    print(f"Phase 2: kill replica {victim_index} ({victim}) with SIGKILL")
    print("  " + run_script("kill-replica", str(victim_index), env=env, timeout=30))
    killed.add(victim_index)
    time.sleep(1.0)

    # Phase 3: users on the survivors keep their live session; users of the dead replica are rerouted.
    print("Phase 3: every user carries on")
    for visitor in visitors:
        page = visitor.page
        try:
            if visitor.pinned in survivors:
                open_before = [s for s in visitor.sockets if not s["closed"]]
                result = search(page, "")  # clear the search: a rerun on the open session
                check_page(visitor)
                still_open = (
                    all(not s["closed"] for s in open_before) and len(visitor.sockets) == sockets_before[visitor.name]
                )
                response = page.reload()
                check_page(visitor)
                visitor.after = served_by(response.headers.get("x-upstream"))
                status, health_upstream = health_in_page(page)
                print(
                    f"  {visitor.name} (on survivor {visitor.pinned}): search on the open session -> {result!r}, "
                    f"websocket kept: {still_open}; reload from {visitor.after}, health {status} from {health_upstream}"
                )
                if not open_before or not still_open:
                    fail(f"{visitor.name}: its websocket to a surviving replica was closed or replaced")
                if visitor.after != visitor.pinned or health_upstream != visitor.pinned:
                    fail(f"{visitor.name}: moved from {visitor.pinned} to {visitor.after}/{health_upstream}")
            else:
                response = page.reload()
                header = response.headers.get("x-upstream") or ""
                check_page(visitor)
                visitor.after = served_by(header)
                q = page.evaluate("() => new URLSearchParams(location.search).get('networks_q')")
                result = search(page, "")
                response = page.reload()
                check_page(visitor)
                again = served_by(response.headers.get("x-upstream"))
                status, health_upstream = health_in_page(page)
                print(
                    f"  {visitor.name} (was on dead {visitor.pinned}): reload tried {header!r} -> page from "
                    f"{visitor.after} with search {q!r} kept from the URL, h1 {heading(page)!r}; cleared search -> "
                    f"{result!r}; next reload from {again}, health {status} from {health_upstream}"
                )
                if visitor.after not in survivors or again != visitor.after or health_upstream != visitor.after:
                    fail(f"{visitor.name}: not rerouted to one survivor ({visitor.after}, {again}, {health_upstream})")
        except Exception as error:  # a timeout or assertion for one user: report it, carry on with the others
            fail(f"{visitor.name}: {type(error).__name__}: {str(error).splitlines()[0]}")

    # Close the browsers so that nginx logs every websocket, then read its access log.
    for visitor in visitors:
        visitor.context.close()
    time.sleep(0.5)
    rows = access_log(state)
    print("Phase 4: nginx's access log (one line per request, websockets logged when they close)")
    for visitor in visitors:
        mine = [row for row in rows if row["route"] == visitor.route]
        before = [row for row in rows[:log_rows_before_kill] if row["route"] == visitor.route]
        streams = [row for row in mine if row["path"].startswith("/_stcore/stream")]
        upstreams_before = {served_by(row["up"]) for row in before}
        upstreams_all = {served_by(row["up"]) for row in mine}
        print(
            f"  {visitor.name}: {len(mine)} requests ({len(streams)} websockets), before the kill served by "
            f"{sorted(upstreams_before)}, overall by {sorted(upstreams_all)}"
        )
        if upstreams_before != {visitor.pinned}:
            fail(f"{visitor.name}: before the kill nginx sent it to {sorted(upstreams_before)}")
        if visitor.pinned in survivors and upstreams_all != {visitor.pinned}:
            fail(f"{visitor.name}: nginx sent a survivor's user elsewhere: {sorted(upstreams_all)}")
        if visitor.pinned == victim and upstreams_all != {victim, visitor.after}:
            fail(f"{visitor.name}: expected {victim} then {visitor.after}, got {sorted(upstreams_all)}")
        if not streams:
            fail(f"{visitor.name}: no websocket (/_stcore/stream) went through nginx")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2, help="number of Streamlit replicas (2..4)")
    parser.add_argument("--port", type=int, default=8610, help="first loopback port to try for nginx")
    args = parser.parse_args()
    if not 2 <= args.replicas <= 4:
        parser.error("--replicas must be 2..4 (one is killed, at least one must survive)")

    from playwright.sync_api import sync_playwright

    def on_alarm(_signum, _frame) -> None:
        raise ProofTimeout(f"the proof took longer than {DEADLINE_SECONDS}s")

    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(DEADLINE_SECONDS)
    started = time.monotonic()

    base = choose_port(args.port, args.replicas)
    state = Path(tempfile.mkdtemp(prefix="atlas-lb-proof-"))
    env = {**os.environ, "ATLAS_LB_DIR": str(state), "ATLAS_LB_PORT": str(base), "PYTHON": sys.executable}
    env.pop("STREAMLIT_SERVER_COOKIE_SECRET", None)  # the script generates one shared secret
    lb_url = f"http://{HOST}:{base}"
    replicas = [f"{HOST}:{base + i}" for i in range(1, args.replicas + 1)]
    failures: list[str] = []
    killed: set[int] = set()
    try:
        print(f"Starting {args.replicas} replicas and nginx (state in {state})")
        print("  " + run_script("start", str(args.replicas), env=env).replace("\n", "\n  "))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            try:
                failures = prove(browser, lb_url, replicas, state, env, killed)
            finally:
                browser.close()
    except (Exception, ProofTimeout) as error:
        failures.append(f"{type(error).__name__}: {error}")
    finally:
        signal.alarm(0)
        failures.extend(replicas_lost(state, killed))
        try:
            run_script("stop", env=env, timeout=60)
        except Exception as error:
            failures.append(f"stop failed: {error}")
        tracebacks = [log.name for log in state.glob("replica-*.log") if "Traceback" in log.read_text(errors="replace")]
        if tracebacks:
            failures.append(f"tracebacks in the replica logs: {tracebacks} (see {state})")
    elapsed = time.monotonic() - started
    print()
    if failures:
        print(f"FAILED in {elapsed:.0f}s ({len(failures)} problem(s)); logs in {state}:")
        for failure in failures:
            print(f"  - {failure}")
        return 1
    print(
        f"PASSED in {elapsed:.0f}s: sessions stay on their replica, and losing one replica leaves the others' "
        "sessions working and reroutes its users."
    )
    shutil.rmtree(state, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
