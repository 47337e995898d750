"""Shared helpers for the table-driven parser tests."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import figcheck
from figcheck.model import Quantity


@dataclass(frozen=True)
class Example:
    """``text`` must yield a figure whose surface is ``surface`` with these fields."""

    text: str
    surface: str
    low: str
    high: str | None = None
    unit: str | None = None
    bound: str = "exact"
    direction: str | None = None
    kind: str = "figure"
    dimension: str | None = None

    def __str__(self) -> str:  # readable test ids
        return self.text[:60]


@dataclass(frozen=True)
class NotFigure:
    """No figure returned from ``text`` may overlap ``surface``."""

    text: str
    surface: str

    def __str__(self) -> str:
        return self.text[:60]


def find(text: str, surface: str) -> Quantity:
    qs = figcheck.extract(text)
    a = text.index(surface)
    b = a + len(surface)
    hits = [q for q in qs if q.start < b and a < q.end]
    assert hits, f"no figure at {surface!r} in {text!r}; got {[q.text for q in qs]}"
    exact = [q for q in hits if q.text == surface]
    assert exact, f"surface {surface!r} not found; overlapping: {[q.text for q in hits]}"
    return exact[0]


def check(ex: Example) -> None:
    q = find(ex.text, ex.surface)
    high = ex.high if ex.high is not None else ex.low
    got = (q.value.low, q.value.high, q.unit, q.bound, q.direction, q.kind)
    want = (Decimal(ex.low), Decimal(high), ex.unit, ex.bound, ex.direction, ex.kind)
    assert got == want, f"{ex.text!r}: got {got}, want {want}"
    if ex.dimension is not None:
        assert q.dimension == ex.dimension


def check_not(nf: NotFigure) -> None:
    qs = figcheck.extract(nf.text)
    a = nf.text.index(nf.surface)
    b = a + len(nf.surface)
    hits = [q.text for q in qs if q.start < b and a < q.end]
    assert not hits, f"{nf.surface!r} in {nf.text!r} returned as {hits}"
