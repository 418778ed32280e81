"""Production settings: users never see tracebacks, XSRF protection is on, uploads are small."""

from __future__ import annotations

import tomllib
from pathlib import Path

CONFIG = tomllib.loads((Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml").read_text())


def test_error_details_are_hidden_from_users() -> None:
    assert CONFIG["client"]["showErrorDetails"] == "none"


def test_xsrf_protection_is_on_and_uploads_are_limited() -> None:
    assert CONFIG["server"]["enableXsrfProtection"] is True
    assert 0 < CONFIG["server"]["maxUploadSize"] <= 10


def test_no_magic_no_telemetry_and_a_colour_blind_safe_palette() -> None:
    assert CONFIG["runner"]["magicEnabled"] is False
    assert CONFIG["browser"]["gatherUsageStats"] is False
    assert CONFIG["theme"]["chartCategoricalColors"][:3] == ["#0072B2", "#E69F00", "#009E73"]


def test_no_secrets_are_committed() -> None:
    assert not (Path(__file__).resolve().parents[2] / ".streamlit" / "secrets.toml").exists()


def test_sources_are_not_watched_in_production() -> None:
    # Watching makes each new session's first run walk every loaded module on the event loop.
    assert CONFIG["server"]["fileWatcherType"] == "none"
    assert CONFIG["server"]["runOnSave"] is False
