"""Fixtures of the comparator tests."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from figcheck.compare import decide

HAND_WEIGHTS = Path(__file__).with_name("hand_weights.toml")
"""The hand-set weights the decision had before it was fitted on real text (2026-12-07)."""


@pytest.fixture
def hand_weights(monkeypatch: pytest.MonkeyPatch) -> decide.Weights:
    """The decision with the hand-set weights, for tests of what is done with a finding
    (its message, the tolerance, min_confidence), not of whether the pair is one fact: the
    fitted weights (issue 11) no longer call their synthetic within-article pairs one fact
    (see ``helpers.WITHIN_FIT``)."""
    w = decide.parse_weights(tomllib.loads(HAND_WEIGHTS.read_text("utf-8")))
    monkeypatch.setattr(decide, "weights", lambda: w)
    return w
