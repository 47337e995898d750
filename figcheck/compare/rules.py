"""The registry of finding codes: one table, stable codes, never reused.

Each :class:`Rule` carries the code's name, kind and scope (the vocabulary gold annotations use),
its default severity, the message template the comparator fills in, a one-line description, an
example, its :attr:`Rule.status` and the :attr:`Rule.evidence` for that status.  ``figcheck
rules`` lists :data:`RULES`.  Retired codes stay in :data:`RETIRED` so that they are never handed
out again.

Stable and preview (ruff's pattern)
-----------------------------------
A finding type or rule added without examples from real text starts as **preview**: it runs, but
its findings are dropped unless preview is on (``figcheck check --preview``, ``preview = true``
in the configuration file, ``figcheck.check(..., preview=True)``).  A preview finding is marked
(``Finding.preview``; ``(preview)`` after the code in text output).  Selecting a preview code
explicitly without preview on selects nothing, and the CLI says so in one warning line; a prefix
(``FC2``) selects only the stable codes it covers.

**Graduation** (preview -> stable) is decided on real text, the dev split of the real-news
harness, which runs with preview on so that preview codes keep being measured::

    python bench/realnews.py --split dev --skip headlines --skip pairs

A code graduates when, on dev, both hold:

1. *real-text examples*: at least :data:`MIN_EXAMPLES` planted errors of the kind it is meant to
   catch, or at least :data:`MIN_EXAMPLES` of its findings on the unaltered articles judged by a
   reader (``bench/realnews/verdicts.jsonl``);
2. *it pays*: it catches at least :data:`MIN_PLANTED_RECALL` of those planted errors with
   planted precision (findings naming the plant / all new findings on the planted copies) at
   least :data:`MIN_PRECISION`, or its judged precision on real findings is at least
   :data:`MIN_PRECISION`.

The change of status is an edit to this table whose ``evidence`` quotes the dev numbers and the
command.  The contradiction and update codes (FC101, FC102, FC111, FC121) are figcheck's core and
were stable before preview existed (as ruff's rules were): they stay stable while their precision
is being worked on (issue 11), and their ``evidence`` says what their real numbers are, bars met
or not.  A stable code is demoted only by an edit here that gives its reason.  FC301 reports the
user's own suppression comments, not a reading of the text: stable, tested by the CLI's tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal

from ..model import Finding, Scope, Severity

Status = Literal["stable", "preview"]
STATUSES: tuple[Status, ...] = ("stable", "preview")

MIN_EXAMPLES = 20
"""Real-text examples (planted errors of its kind, or judged findings) a code needs on dev."""
MIN_PLANTED_RECALL = 0.5
"""Share of its kind's planted errors a code must catch on dev to graduate."""
MIN_PRECISION = 0.8
"""Planted precision, or judged precision of real findings, a code needs on dev to graduate."""


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
    status: Status
    """``stable`` (reported by default) or ``preview`` (only with preview on)."""
    evidence: str
    """The real-text measurement (dev split) behind :attr:`status`, or why it is preview."""

    @property
    def preview(self) -> bool:
        return self.status == "preview"

    def render(self, **fields: Any) -> str:
        return self.message.format(**fields)


RULES: tuple[Rule, ...] = (
    Rule(
        "FC101", "figure-conflict", "contradiction", "within", "warning",
        "{a_where} says {a}; {b_where} says {b}.",
        "The same fact (same subject, event, unit, place and time) is stated with figures that "
        "cannot both be true, in one article body.",
        '"12 people were injured" ... "the 15 injured"',
        "stable",
        "Core code, stable before preview existed.  Real text (dev 2026-12-08, 4,759 articles, "
        "seed 9): 156 findings (3.28 per 100 articles), judged precision 0.006 (1 genuine, 154 "
        "false); planted restatements caught 9 of 250 (recall 0.036), precision 1.000.  Misses "
        "both bars; its precision is being worked on (issue 11).",
    ),
    Rule(
        "FC102", "headline-conflict", "contradiction", "within", "error",
        "{a_where} says {a}; {b_where} says {b}.",
        "The headline states a figure for a fact that the body states incompatibly.",
        'headline "12,000 troops" vs body "fewer than 10,000 troops"',
        "stable",
        "Core code, stable before preview existed.  Real text (dev 2026-12-08, 4,759 articles, "
        "seed 9): 6 findings, judged precision 0.167 (1 genuine, 5 false); planted headline "
        "errors caught 42 of 234 (recall 0.179), precision 1.000.  Misses the recall bar (issue "
        "11).",
    ),
    Rule(
        "FC111", "source-conflict", "contradiction", "cross", "warning",
        "{a_where} says {a}; {b_where} says {b}.",
        "Two documents of one story disagree on the same fact.",
        '"more than 200 passengers" (wire) vs "148 passengers on board" (local paper)',
        "stable",
        "Core code, stable before preview existed.  Real text (dev 2026-12-08, 4,759 articles, "
        "seed 9): 109 cross-source findings (2.29 per 100 articles), judged precision 0.089 (4 "
        "genuine, 41 false, 64 unjudged); planted cluster errors caught 35 of 189 (recall 0.185), "
        "precision 0.979.  Misses both bars (issue 11).",
    ),
    Rule(
        "FC121", "figure-update", "update", "cross", "info",
        "{b_where} updates {a_where}: {change}.",
        "A later report of the same story changes a cumulative count (a death toll, cases, "
        "arrests).  Information only, never a contradiction.",
        'death toll "30" on 3 March, "52" on 5 March',
        "stable",
        "Core code (information only), stable before preview existed.  Real text (dev 2026-12-08, "
        "4,759 articles, seed 9): 10 findings, 1 judged (genuine), 9 unjudged; no planted kind.",
    ),
    Rule(
        "FC201", "percent-change-mismatch", "percent-change", "within", "warning",
        "{where} gives {change} for the change from {a} to {b}; it is {actual}.",
        "A stated percentage (or percentage-point) change does not match its endpoints, allowing "
        "for the precision each figure is stated with.",
        '"rose from 40 to 50, a 40% rise" (it is 25%)',
        "preview",
        "Too few real examples.  Real text (dev 2026-12-08, 4,759 articles, seed 9): 3 planted "
        "percentage-change errors (1 caught); its 6 real findings are all judged false (precision "
        "0.000).",
    ),
    Rule(
        "FC202", "share-mismatch", "share", "within", "warning",
        "{where} says {share}, but {part} of {whole} is {actual}.",
        "A stated share or percentage contradicts the counts it is computed from.",
        '"turnout was 62%" with "3.1 million of 4 million" voting (77.5%)',
        "preview",
        "No real examples.  Real text (dev 2026-12-08, 4,759 articles, seed 9): no planted kind; "
        "its 4 real findings are all judged false (precision 0.000).",
    ),
    Rule(
        "FC203", "parts-total-mismatch", "parts-total", "within", "warning",
        "{where} says {parts} make up {total}, but they add up to {actual}.",
        "Parts exceed a stated total, or an exhaustive breakdown fails to make it.",
        '"the 120 victims included 80 adults and 55 children" (135)',
        "preview",
        "Does not pay yet.  Real text (dev 2026-12-08, 4,759 articles, seed 9): planted "
        "part-total errors caught 3 of 52 (recall 0.058, under 0.5; precision 1.000); its 4 real "
        "findings are all judged false.",
    ),
    Rule(
        "FC204", "factor-mismatch", "factor", "within", "warning",
        "{where} says {factor} from {a} to {b}; that is {actual}.",
        '"doubled", "tripled", "halved" (or "n-fold") do not match the figures given.',
        '"doubled from 40 to 60" (x1.5)',
        "preview",
        "No real examples.  Real text (dev 2026-12-08, 4,759 articles, seed 9): no planted kind; "
        "its one real finding is judged false.",
    ),
    Rule(
        "FC205", "conversion-mismatch", "conversion", "within", "warning",
        "{where} converts {a} to {b}; {a} is {actual}.",
        "A bracketed unit conversion disagrees with the figure it converts.",
        '"5 miles (12 km)" (8 km); "40C (140F)" (104F)',
        "stable",
        "Graduated.  Real text (dev 2026-12-08, 4,759 articles, seed 9): planted conversion "
        "errors caught 49 of 51 (recall 0.961), precision 1.000; 2 real findings, 1 judged "
        "genuine, 1 false.",
    ),
    Rule(
        "FC301", "unused-suppression", "meta", "within", "info",
        "{where}: this figcheck suppression ({codes}) suppressed nothing.",
        "An inline `figcheck: ignore[...]` comment that suppressed no finding (emitted by the CLI).",
        "<!-- figcheck: ignore[FC101] --> above a paragraph with no FC101 finding",
        "stable",
        "Meta: reports the user's own suppression comments, not a reading of the text; needs no "
        "real-text evidence (tests/cli/test_suppress.py).",
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


def is_preview(code: str) -> bool:
    """Whether ``code`` is a preview rule (an unknown code is not)."""
    rule = BY_CODE.get(code)
    return rule is not None and rule.preview


def enabled(code: str, preview: bool) -> bool:
    """Whether findings of ``code`` are reported when preview is ``preview``."""
    return preview or not is_preview(code)


PREVIEW_CODES: tuple[str, ...] = tuple(r.code for r in RULES if r.preview)
"""Every preview code, in registry order."""


def mark(finding: Finding) -> Finding:
    """``finding`` with ``preview`` set as its code's status says."""
    flag = is_preview(finding.code)
    return finding if finding.preview == flag else finding.model_copy(update={"preview": flag})


def inert_selectors(select: tuple[str, ...] | list[str], preview: bool) -> list[str]:
    """The entries of ``select`` that name only preview rules and so select nothing while
    preview is off (ruff warns about these the same way); empty when ``preview`` is on."""
    if preview:
        return []
    out = []
    for p in select:
        hit = [r for r in RULES if matches(r.code, [p])]
        if hit and all(r.preview for r in hit):
            out.append(p.strip().upper())
    return out


def inert_warning(selector: str) -> str:
    """The one-line warning for a selector that :func:`inert_selectors` found."""
    codes = [r.code for r in RULES if matches(r.code, [selector])]
    what = (f"{codes[0]} is a preview rule" if codes == [selector]
            else f"{selector} covers only preview rules ({', '.join(codes)})")
    return (f"selecting {selector} has no effect because preview is not enabled ({what}; "
            "turn preview on with --preview or 'preview = true', see 'figcheck rules')")
