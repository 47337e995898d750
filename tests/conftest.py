"""Fixtures shared by the test packages."""

from __future__ import annotations

from pathlib import Path

import pytest

HAND_WEIGHTS = Path(__file__).parent / "compare" / "hand_weights.toml"
"""The hand-set weights the same-fact decision had before it was fitted on real text
(2026-12-07)."""


@pytest.fixture
def hand_weights(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The same-fact decision with the hand-set weights (``$FIGCHECK_WEIGHTS``, so a figcheck
    subprocess and a compiled build see them too), for tests of what is done with a finding (its
    message, location, suppression, the tolerance, min_confidence), not of whether the pair is one
    fact: the weights fitted on real text (issue 11) no longer call their synthetic within-article
    pairs one fact (see ``tests/compare/helpers.WITHIN_FIT``)."""
    monkeypatch.setenv("FIGCHECK_WEIGHTS", str(HAND_WEIGHTS))
    return HAND_WEIGHTS
