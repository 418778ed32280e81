"""Image export logs no traceback when kaleido closes Chromium.

choreographer stops its pipe reader by writing a ``{bye}`` sentinel into Chromium's pipe; when the
sentinel shares a read with Chromium's last message it logs a JSON error with a traceback into the
server log (seen in CI after the Compare page's PNG export). These tests feed choreographer's real
pipe reader the bytes of that race and of a genuinely broken message.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from choreographer.channels.pipe import Pipe

from components import render


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


PIPE_LOGGER = "choreographer.channels.pipe"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def records():
    render.quiet_chromium_shutdown()
    logger = logging.getLogger(PIPE_LOGGER)
    handler = Records()
    handler.setLevel(logging.ERROR)
    logger.addHandler(handler)
    yield handler.records
    logger.removeHandler(handler)


def _read(raw: bytes) -> list:
    pipe = Pipe()
    pipe.open()
    try:
        os.write(pipe.from_external_to_choreo, raw)
        messages, _ = pipe.read_jsons(blocking=False)
        return list(messages)
    finally:
        pipe.close()


def test_the_shutdown_sentinel_beside_a_message_is_not_logged(records) -> None:
    # Chromium's last message and the sentinel in one read (Chromium ends each message with NUL).
    assert _read(b'{"id": 7, "result": {}}\0{bye}\n\0') == [{"id": 7, "result": {}}]
    assert records == []


def test_a_broken_message_from_chromium_is_still_logged(records) -> None:
    assert _read(b'{"id": 7, "result": \0{"id": 8, "result": {}}\0') == [{"id": 8, "result": {}}]
    assert [record.getMessage() for record in records] == ["JSONError decoding message. Ignoring"]


def test_the_filter_is_installed_once() -> None:
    render.quiet_chromium_shutdown()
    render.quiet_chromium_shutdown()
    logger = logging.getLogger(PIPE_LOGGER)
    assert sum(isinstance(f, render.ChromiumShutdownNoise) for f in logger.filters) == 1


def test_installing_the_filter_first_leaves_choreographer_its_own_logger() -> None:
    """In the app, the filter is installed before kaleido has imported choreographer; a plain logger
    created under choreographer's name would lack the debug2 method its pipe reader calls."""
    code = (
        "from components import render\n"
        "render.quiet_chromium_shutdown()\n"
        "from choreographer.channels import pipe\n"
        "assert hasattr(pipe._logger, 'debug2'), type(pipe._logger)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
