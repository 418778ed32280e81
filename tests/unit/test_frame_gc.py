"""components.frame.freeze_long_lived: what lives as long as the server leaves the collector's
walks, garbage is collected rather than frozen, and nothing is frozen again until modules change."""

from __future__ import annotations

import gc
import sys
import types
import weakref

import pytest

from components import frame


class Node:
    """A weak-referenceable object that can sit in a reference cycle."""

    other: Node | None = None


@pytest.fixture
def unfrozen(monkeypatch):
    gc.unfreeze()
    monkeypatch.setattr(frame, "_frozen_at_modules", 0)
    yield
    gc.unfreeze()


def cycle() -> weakref.ref:
    """A two-node reference cycle nothing else holds: only the cycle collector can free it."""
    first, second = Node(), Node()
    first.other, second.other = second, first
    return weakref.ref(first)


def test_freezing_moves_live_objects_out_of_collections(unfrozen) -> None:
    kept = Node()
    frame.freeze_long_lived()
    assert gc.get_freeze_count() > 10_000  # the interpreter, pandas, Streamlit: all frozen
    assert not any(obj is kept for obj in gc.get_objects())  # a full collection no longer walks it


def test_garbage_is_collected_before_the_freeze_not_kept_forever(unfrozen) -> None:
    gc.disable()  # no automatic collection between building the cycle and the call
    try:
        garbage = cycle()
        assert garbage() is not None
        frame.freeze_long_lived()
    finally:
        gc.enable()
    assert garbage() is None


def test_nothing_is_frozen_again_until_new_modules_are_imported(unfrozen, monkeypatch) -> None:
    frame.freeze_long_lived()
    frozen = gc.get_freeze_count()
    later = [Node() for _ in range(100)]
    frame.freeze_long_lived()
    assert gc.get_freeze_count() == frozen  # same modules: no collection, no freeze
    monkeypatch.setitem(sys.modules, "atlas_test_module", types.ModuleType("atlas_test_module"))
    frame.freeze_long_lived()
    assert gc.get_freeze_count() >= frozen + len(later)
