"""The registry of finding codes: one table, stable codes, never reused.

Each :class:`Rule` carries the code's name, kind and scope (the vocabulary gold annotations use),
its default severity, the message template the comparator fills in, a one-line description and an
example.  ``figcheck rules`` lists :data:`RULES`.  Retired codes stay in :data:`RETIRED` so that
they are never handed out again.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..model import Scope, Severity


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    kind: str
    scope: Scope
    severity: Severity
    message: str
    """``str.format`` template; the fields each code fills are listed in its ``description``."""
    description: str
    example: str

    def render(self, **fields: Any) -> str:
        return self.message.format(**fields)


RULES: tuple[Rule, ...] = (
    Rule(
        "FC101", "figure-conflict", "contradiction", "within", "warning",
        "{a_where} says {a}; {b_where} says {b}.",
        "The same fact (same subject, event, unit, place and time) is stated with figures that "
        "cannot both be true, in one article body.",
        '"12 people were injured" ... "the 15 injured"',
    ),
    Rule(
        "FC102", "headline-conflict", "contradiction", "within", "error",
        "{a_where} says {a}; {b_where} says {b}.",
        "The headline states a figure for a fact that the body states incompatibly.",
        'headline "12,000 troops" vs body "fewer than 10,000 troops"',
    ),
    Rule(
        "FC111", "source-conflict", "contradiction", "cross", "warning",
        "{a_where} says {a}; {b_where} says {b}.",
        "Two documents of one story disagree on the same fact.",
        '"more than 200 passengers" (wire) vs "148 passengers on board" (local paper)',
    ),
    Rule(
        "FC121", "figure-update", "update", "cross", "info",
        "{b_where} updates {a_where}: {change}.",
        "A later report of the same story changes a cumulative count (a death toll, cases, "
        "arrests).  Information only, never a contradiction.",
        'death toll "30" on 3 March, "52" on 5 March',
    ),
    Rule(
        "FC201", "percent-change-mismatch", "percent-change", "within", "warning",
        "{where} gives {change} for the change from {a} to {b}; it is {actual}.",
        "A stated percentage (or percentage-point) change does not match its endpoints, allowing "
        "for the precision each figure is stated with.",
        '"rose from 40 to 50, a 40% rise" (it is 25%)',
    ),
    Rule(
        "FC202", "share-mismatch", "share", "within", "warning",
        "{where} says {share}, but {part} of {whole} is {actual}.",
        "A stated share or percentage contradicts the counts it is computed from.",
        '"turnout was 62%" with "3.1 million of 4 million" voting (77.5%)',
    ),
    Rule(
        "FC203", "parts-total-mismatch", "parts-total", "within", "warning",
        "{where} says {parts} make up {total}, but they add up to {actual}.",
        "Parts exceed a stated total, or an exhaustive breakdown fails to make it.",
        '"the 120 victims included 80 adults and 55 children" (135)',
    ),
    Rule(
        "FC204", "factor-mismatch", "factor", "within", "warning",
        "{where} says {factor} from {a} to {b}; that is {actual}.",
        '"doubled", "tripled", "halved" (or "n-fold") do not match the figures given.',
        '"doubled from 40 to 60" (x1.5)',
    ),
    Rule(
        "FC205", "conversion-mismatch", "conversion", "within", "warning",
        "{where} converts {a} to {b}; {a} is {actual}.",
        "A bracketed unit conversion disagrees with the figure it converts.",
        '"5 miles (12 km)" (8 km); "40C (140F)" (104F)',
    ),
    Rule(
        "FC301", "unused-suppression", "meta", "within", "info",
        "{where}: this figcheck suppression ({codes}) suppressed nothing.",
        "An inline `figcheck: ignore[...]` comment that suppressed no finding (emitted by the CLI).",
        "<!-- figcheck: ignore[FC101] --> above a paragraph with no FC101 finding",
    ),
)

RETIRED: frozenset[str] = frozenset()
"""Codes that once existed and must never be reused."""

BY_CODE: MappingProxyType[str, Rule] = MappingProxyType({r.code: r for r in RULES})


def get(code: str) -> Rule:
    """The rule for ``code`` (KeyError for an unknown code)."""
    return BY_CODE[code]


def matches(code: str, patterns: tuple[str, ...] | list[str]) -> bool:
    """Whether ``code`` is selected by any of ``patterns`` (a full code or a prefix: ``FC1``)."""
    return any(code.startswith(p.strip().upper()) for p in patterns if p.strip())
