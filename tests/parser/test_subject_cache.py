"""The subject finder's caches (field tokens, token flags, shared windows) change no result.

Each figure's subject is computed as the parser computes it (after the other figures of its
field, caches warm) and again alone (caches cleared): both must agree, and agree in any order.
"""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from figcheck.parser import subject as subject_mod

_extract = importlib.import_module("figcheck.parser.extract")

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
    # overlapping and bracketed figures, a figure cut by the sentence window
    "A 42.2km (26.2-mile) route, 1,000 of 2,000 runners, 5-6 hours, 3 times, 7 of 8 and "
    + "more words " * 30
    + "finally 99 balloons.",
]


def _calls(text: str, title: str | None = None) -> list[tuple[str, dict[str, Any], Any]]:
    seen: list[tuple[str, dict[str, Any], Any]] = []
    real = subject_mod.find_subject

    def record(field_text: str, **kw: Any) -> Any:
        out = real(field_text, **kw)
        seen.append((field_text, kw, out))
        return out

    original = _extract._find_subject
    _extract._find_subject = lambda: record
    try:
        _extract.extract(text, title=title)
    finally:
        _extract._find_subject = original
    return seen


def _cold(field_text: str, kw: dict[str, Any]) -> Any:
    subject_mod._field_tokens.cache_clear()
    subject_mod._MEMO.clear()
    subject_mod._SINGULAR.clear()
    return subject_mod.find_subject(field_text, **kw)


@pytest.mark.parametrize("text", TEXTS, ids=lambda t: t[:30])
def test_warm_equals_cold(text: str) -> None:
    calls = _calls(text, title="Fares to rise 15% as 2,000 jobs go")
    assert len(calls) >= 2
    for field_text, kw, warm in calls:
        assert _cold(field_text, kw) == warm, kw
    # in reverse order, each window's cache now filled by a later figure first
    subject_mod._field_tokens.cache_clear()
    for field_text, kw, warm in reversed(calls):
        assert subject_mod.find_subject(field_text, **kw) == warm, kw
