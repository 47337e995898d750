"""The subject finder's caches (field tokens, token flags, shared windows) change no result.

Each figure's subject is computed after the other figures of its field (caches warm) and again
alone (caches cleared): both must agree, and agree in any order.  The calls are made here (not
by patching the parser, which may be compiled), with the figures the parser finds.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from figcheck.parser import extract
from figcheck.parser import subject as subject_mod

TEXTS = [
    "Officials in Seoul said 10,000 to 12,000 North Korean troops were deployed to Kursk in "
    "October, and 3,000 of them were killed or wounded by December, according to the Pentagon.",
    "Food prices in Veresk had risen 35% since March, while fuel rose 12% and bread 8%; the "
    "ministry expects a further 5% rise next year.",
    "The blast killed 12 and injured 40, police said. The 15 injured were taken to hospital, "
    "and 3 of the dead were children.",
    "Temperatures hit 40C (104F) in Seville on Tuesday, 2C above the record of 38C set in 2017.",
    "Bus fares in Bristol to rise by 15% from £2 to £2.30",
    "Unemployment fell to 4.1% from 4.3%, the lowest since 2008, the ONS said; 30,000 jobs were "
    "added in May and 12,000 in June.",
    # bracketed figures, windows cut by the window size
    "A 42.2km (26.2-mile) route, 1,000 of 2,000 runners, 5-6 hours, 3 times, 7 of 8 and "
    + "more words " * 50
    + "finally 99 balloons and 7 clowns.",
]


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds = [0] + [m.end() for m in re.finditer(r"[.;] ", text)] + [len(text)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def _calls(text: str, whole: bool) -> list[dict[str, Any]]:
    qs = extract(text)
    spans = [(q.start, q.end) for q in qs]
    sents = [(0, len(text))] if whole else _sentences(text)
    out: list[dict[str, Any]] = []
    for q in qs:
        sent = next((s for s in sents if s[0] <= q.start < s[1]), (0, len(text)))
        out.append(
            {
                "sentence": sent,
                "span": (q.start, q.end),
                "unit": q.unit,
                "dimension": q.dimension,
                "figures": [sp for sp in spans if sp != (q.start, q.end)],
            }
        )
    return out


def _cold(text: str, kw: dict[str, Any]) -> Any:
    subject_mod._MEMO.clear()
    subject_mod._SINGULAR.clear()
    return subject_mod.find_subject(text, **kw)  # a token table of its own


@pytest.mark.parametrize("whole", [False, True], ids=["sentences", "whole"])
@pytest.mark.parametrize("text", TEXTS, ids=lambda t: t[:30])
def test_warm_equals_cold(text: str, whole: bool) -> None:
    calls = _calls(text, whole)
    assert len(calls) >= 2
    table = subject_mod.field_tokens(text)
    warm = [subject_mod.find_subject(text, **kw, tokens=table) for kw in calls]
    for kw, got in zip(calls, warm):
        assert _cold(text, kw) == got, kw
    # in reverse order: each window's cache now filled by a later figure first
    table = subject_mod.field_tokens(text)
    for kw, got in zip(reversed(calls), reversed(warm)):
        assert subject_mod.find_subject(text, **kw, tokens=table) == got, kw


def test_no_token_table_outlives_a_call() -> None:
    """The token table is per field and per call (passed along), not a module-level cache."""
    assert not hasattr(subject_mod._field_tokens, "cache_clear")
    text = TEXTS[0]
    assert subject_mod.field_tokens(text) is not subject_mod.field_tokens(text)
    assert subject_mod.field_tokens("x " * subject_mod._FIELD_TOKENS_MAX) is None
