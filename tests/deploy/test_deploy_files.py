"""Fast checks of deploy/: the Dockerfile, the nginx template and the loopback scripts.

The real proof is ``python deploy/prove_loopback.py`` (nginx, replicas and Chromium); these only
read files, render the template the way run_replicas.sh does, and ask nginx to parse the result
when nginx is installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
DOCKERFILE = DEPLOY / "Dockerfile"
TEMPLATE = DEPLOY / "nginx.conf.template"
RUN_SCRIPT = DEPLOY / "run_replicas.sh"
PROVE = DEPLOY / "prove_loopback.py"
HARNESS = ROOT / "tests" / "browser" / "harness.py"


def instructions(text: str) -> list[str]:
    """Dockerfile instructions with continuation lines joined and comments dropped."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    return [part.strip() for part in re.sub(r"\\\n", " ", "\n".join(lines)).splitlines() if part.strip()]


def nginx_directives(text: str) -> str:
    """The template without comments, whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"#[^\n]*", "", text))


def render(prefix: Path, listen: str = "127.0.0.1:8610", ports: tuple[int, ...] = (8611, 8612)) -> str:
    servers = "\n".join(f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;" for port in ports)
    text = TEMPLATE.read_text()
    return text.replace("{{PREFIX}}", str(prefix)).replace("{{LISTEN}}", listen).replace("{{SERVERS}}", servers)


def test_dockerfile_base_user_port_and_command() -> None:
    steps = instructions(DOCKERFILE.read_text())
    assert steps[0] == "FROM python:3.11-slim"
    assert "EXPOSE 8501" in steps
    users = [step for step in steps if step.startswith("USER ")]
    assert users and users[-1] not in ("USER root", "USER 0"), "the app runs as a non-root user"
    cmd = next(step for step in steps if step.startswith("CMD "))
    for part in ('"streamlit"', '"run"', '"app.py"', '"--server.port", "8501"', '"--server.address", "0.0.0.0"'):
        assert part in cmd


def test_dockerfile_installs_chromium_and_requirements() -> None:
    steps = instructions(DOCKERFILE.read_text())
    assert any("apt-get install" in step and re.search(r"\bchromium\b", step) for step in steps)
    assert any(step.startswith("COPY") and "requirements.txt" in step for step in steps)
    assert any(step.startswith("RUN") and "pip install -r requirements.txt" in step for step in steps)
    copied = " ".join(step for step in steps if step.startswith("COPY"))
    for needed in ("app.py", "components", "data", "pages", "static", ".streamlit/config.toml"):
        assert needed in copied, f"the image lacks {needed}"
        assert (ROOT / needed).exists(), f"the Dockerfile copies {needed}, which the repository lacks"


def test_dockerfile_healthcheck_uses_python_on_stcore_health() -> None:
    steps = instructions(DOCKERFILE.read_text())
    health = [step for step in steps if step.startswith("HEALTHCHECK")]
    assert len(health) == 1
    assert "http://127.0.0.1:8501/_stcore/health" in health[0]
    assert "urllib" in health[0] and "python" in health[0]
    assert "curl" not in health[0] and "wget" not in health[0]


def test_dockerignore_next_to_dockerfile_keeps_secrets_and_git_out() -> None:
    ignored = (DEPLOY / "Dockerfile.dockerignore").read_text().splitlines()
    for entry in (".git", ".streamlit/secrets.toml", "tests"):
        assert entry in ignored


def test_packages_txt_for_community_cloud_lists_chromium() -> None:
    assert (DEPLOY / "packages.txt").read_text().split() == ["chromium"]


def test_nginx_template_sticky_cookie_hash() -> None:
    conf = nginx_directives(TEMPLATE.read_text())
    assert "hash $atlas_route consistent;" in conf
    assert "map $cookie_atlas_route $atlas_route {" in conf
    assert "add_header Set-Cookie $atlas_route_cookie always;" in conf
    assert '"atlas_route=$request_id; Path=/; HttpOnly; SameSite=Lax"' in conf
    assert "ip_hash" not in conf
    assert "{{SERVERS}}" in conf and "{{LISTEN}}" in conf


def test_nginx_template_websocket_upgrade_for_stream() -> None:
    conf = nginx_directives(TEMPLATE.read_text())
    stream = re.search(r"location = /_stcore/stream \{(.*?)\}", conf)
    assert stream, "a location for Streamlit's websocket"
    body = stream.group(1)
    assert "proxy_set_header Upgrade $http_upgrade;" in body
    assert "proxy_set_header Connection $connection_upgrade;" in body
    assert "proxy_set_header Host $http_host;" in body, "location-level proxy_set_header replaces the server's"
    timeout = re.search(r"proxy_read_timeout (\d+)s;", body)
    assert timeout and int(timeout.group(1)) >= 3600
    assert "proxy_http_version 1.1;" in conf
    assert "map $http_upgrade $connection_upgrade {" in conf


def test_nginx_template_fails_over_and_passes_health_through() -> None:
    conf = nginx_directives(TEMPLATE.read_text())
    assert re.search(r"proxy_next_upstream error timeout[^;]*http_502", conf)
    assert "location = /_stcore/health { proxy_pass http://atlas; }" in conf
    assert "add_header X-Upstream $upstream_addr always;" in conf


def test_rendered_template_has_no_placeholders_and_stays_on_loopback(tmp_path: Path) -> None:
    conf = render(tmp_path)
    assert "{{" not in conf
    assert re.findall(r"^\s*listen (\S+);", conf, flags=re.M) == ["127.0.0.1:8610"]
    assert re.findall(r"^\s*server (\S+) ", conf, flags=re.M) == ["127.0.0.1:8611", "127.0.0.1:8612"]


def test_rendered_template_parses_with_nginx(tmp_path: Path) -> None:
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)
    if not nginx:
        pytest.skip("nginx is not installed (apt-get install -y nginx); deploy/run_replicas.sh installs it")
    (tmp_path / "nginx.conf").write_text(render(tmp_path))
    result = subprocess.run(
        [nginx, "-t", "-q", "-p", str(tmp_path), "-e", str(tmp_path / "error.log"), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_run_script_is_executable_and_uses_only_loopback() -> None:
    assert os.access(RUN_SCRIPT, os.X_OK), "deploy/run_replicas.sh must be executable"
    text = RUN_SCRIPT.read_text()
    assert text.startswith("#!/usr/bin/env bash")
    assert "HOST=127.0.0.1" in text
    addresses = set(re.findall(r"\b\d{1,3}(?:\.\d{1,3}){3}\b", text))
    assert addresses == {"127.0.0.1"}, f"addresses other than loopback: {addresses}"
    assert "0.0.0.0" not in text and "localhost" not in text
    assert '--server.address "$HOST"' in text
    assert "STREAMLIT_SERVER_COOKIE_SECRET" in text and "--server.headless true" in text
    for command in ("start)", "stop)", "status)", "kill-replica)"):
        assert command in text


def test_run_script_parses_and_shows_help() -> None:
    assert subprocess.run(["bash", "-n", str(RUN_SCRIPT)], check=False, timeout=30).returncode == 0
    result = subprocess.run([str(RUN_SCRIPT), "--help"], capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 0 and "kill-replica" in result.stdout
    bad = subprocess.run([str(RUN_SCRIPT), "bogus"], capture_output=True, text=True, timeout=30, check=False)
    assert bad.returncode != 0


def test_prove_script_targets_only_loopback() -> None:
    # The script launches Chromium and waits for pages with the shared harness of the browser tests.
    text = PROVE.read_text()
    assert "from tests.browser.harness import CHROMIUM_ARGS, chromium_path, wait_ready" in text
    harness = HARNESS.read_text()
    for source in (text, harness):
        assert set(re.findall(r"\b\d{1,3}(?:\.\d{1,3}){3}\b", source)) == {"127.0.0.1"}
    for arg in ("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"):
        assert arg in harness
    assert "data-test-script-state" in harness and "notRunning" in harness
