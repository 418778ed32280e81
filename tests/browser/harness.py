"""Real Chromium and a served app: the one place that knows how to start both.

Used by the browser tests (``tests/browser/conftest.py``), the benchmark (``benchmarks/run.py``)
and the loopback proof (``deploy/prove_loopback.py``); the two scripts run from the repository root
and put it on ``sys.path`` to import this module. It imports nothing beyond the standard library, so
that importing it costs nothing where Playwright is not wanted.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"

# Headless Chromium on a container or CI machine: no sandbox (root), no GPU, nothing phoning home,
# and /tmp instead of a small /dev/shm for shared memory.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]

# A page is ready when its script has finished, no loading placeholder is left and the main area
# shows a title (every page has one) or an alert (the dataset-error view). The benchmark times a
# stricter predicate of its own: every chart mounted and nothing stale.
READY = (
    "() => { const app = document.querySelector('[data-testid=\"stApp\"]');"
    " return !!app && app.getAttribute('data-test-script-state') === 'notRunning'"
    " && !document.querySelector('[data-testid=\"stSkeleton\"]')"
    ' && !!document.querySelector(\'[data-testid="stMain"] h1, [data-testid="stMain"] [data-testid="stAlert"]\'); }'
)


def chromium_path() -> str | None:
    """Debian's ``chromium`` (or another Chrome) on PATH; None lets Playwright use its own browser."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def wait_ready(page, timeout: float = 30_000) -> None:
    """Wait (``timeout`` in ms) until the page's script has finished and its title or alert shows."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    page.wait_for_function(READY, timeout=timeout)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


class StreamlitServer:
    """``streamlit run <script>`` on a free loopback port, its output in ``log_path``.

    It runs in ``cwd`` (the repository root unless given), whose ``.streamlit/config.toml`` applies.

    The constructor returns once ``/_stcore/health`` answers; it raises RuntimeError with the end of
    the log if the server exits or does not answer within ``start_timeout`` seconds. ``spawned`` is the
    ``time.perf_counter()`` of the spawn (the benchmark's cold start counts from it).
    """

    def __init__(
        self,
        script: Path,
        log_path: Path,
        env: dict[str, str] | None = None,
        start_timeout: float = 60,
        cwd: Path = ROOT,
    ) -> None:
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.log_path = log_path
        log_path.parent.mkdir(parents=True, exist_ok=True)
        command = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script),
            "--server.port",
            str(self.port),
            "--server.address",
            HOST,
            "--server.headless",
            "true",
            "--server.fileWatcherType",
            "none",
            "--browser.gatherUsageStats",
            "false",
        ]
        self._log = log_path.open("w")
        self.spawned = time.perf_counter()
        self.process = subprocess.Popen(
            command, cwd=cwd, env={**os.environ, **(env or {})}, stdout=self._log, stderr=subprocess.STDOUT
        )
        deadline = self.spawned + start_timeout
        while time.perf_counter() < deadline and self.process.poll() is None:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"streamlit did not start: {self.log()[-2000:]}")

    def log(self) -> str:
        return self.log_path.read_text()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log.close()
