"""The replicas-behind-nginx proof runs on loopback in CI (where .ci/run installs nginx): sessions
stay on their replica, and losing one replica breaks no session on the others."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.browser
def test_sticky_sessions_survive_losing_a_replica() -> None:
    if shutil.which("nginx") is None and shutil.which("nginx", path="/usr/sbin") is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI must have nginx (.ci/run installs it) to run the loopback proof")
        pytest.skip("nginx is not installed here (apt-get install -y nginx); the proof needs it")
    result = subprocess.run(
        [sys.executable, str(ROOT / "deploy" / "prove_loopback.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    print(result.stdout[-4000:])
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "PASSED" in result.stdout
