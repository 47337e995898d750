"""Arithmetic inside one sentence (FC2xx): percentage change vs its endpoints, a share vs its
counts, parts vs their total, doubled/tripled/halved vs the numbers, a bracketed unit conversion vs
its figure.

Each check is a function in :data:`CHECKS` (a registry with priorities) that looks at the figures
of one sentence -- the tightly bound context where such arithmetic is stated -- and allows for the
precision every figure is stated with (its interval) plus a documented slack.  When a pattern is
not recognised with certainty nothing is reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from types import MappingProxyType

from ..intervals import normalise, precision_of
from ..model import Document, Finding, Interval, Quantity
from .contradict import to_claim
from .facts import affine, base_interval_of, interval_of, unit_family
from .rules import get as rule
from .text import FieldIndex, Tally, bare, cap, field_index, field_text, phrase, quote, where

SHARE_HEADS = frozenset({"turnout", "share", "proportion", "percentage", "rate", "majority",
                         "participation", "coverage", "uptake", "efficacy", "approval"})
"""A percentage in the next sentence is taken as the share only with one of these heads."""

MAX_SENTENCE_FIGURES = 40
"""Sentences with more figures than this are not checked for arithmetic (keeps work linear)."""

ARITHMETIC_CONFIDENCE = 0.85
ADJACENT_CONFIDENCE = 0.65

PERCENT_SLACK_POINTS = Decimal("1")
"""A stated percentage change or share may be off by this many points (plus 2% of itself) before
it is reported: rounding of published figures."""
PERCENT_SLACK_REL = Decimal("0.02")
FACTOR_SLACK = Decimal("0.1")
""""doubled" accepts a ratio within 10% (or the configured tolerance, if larger) of 2."""
CONVERSION_SLACK = Decimal("0.02")
"""A bracketed conversion may be off by 2% of its value (temperatures: 0.3 degrees)."""

_PERCENT_UNITS = frozenset({"percentage", "percent", "per cent"})
_POINT_UNITS = frozenset({"percentage point", "percentage points"})


@dataclass(frozen=True, slots=True)
class Sentence:
    doc: Document
    text: str
    """The whole field text (offsets index it)."""
    start: int
    end: int
    quantities: tuple[Quantity, ...]
    paragraph: int

    @property
    def body(self) -> str:
        return self.text[self.start:self.end]


@dataclass(frozen=True, slots=True)
class Change:
    """A "from A to B" pair: endpoints as intervals plus the quantities that state them."""

    a: Decimal
    b: Decimal
    a_iv: Interval
    b_iv: Interval
    quantities: tuple[Quantity, ...]
    family: str
    unit: str | None
    start: int
    end: int
    a_text: str
    b_text: str


Check = Callable[[Sentence, list[Sentence], Decimal], list[Finding]]

# -- helpers ---------------------------------------------------------------------------------------

_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_TO_BETWEEN = re.compile(
    r"^\s*(?:(?:in|at|on|by|during)\s+[\w/-]+\s*(?:[\w/-]+\s*)?,?\s*)?(?:to|and)\s*$",
    re.IGNORECASE)
_TO_BEFORE = re.compile(r"\bto\s*$", re.IGNORECASE)
_FROM_BETWEEN = re.compile(r"^\s*,?\s*(?:(?:up|down)\s+)?from\s*$", re.IGNORECASE)
_UP_FROM_BETWEEN = re.compile(r"^[^.;()]{0,40}?,\s*(?:up|down)\s+from\s*$", re.IGNORECASE)
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_CHANGE_WORDS = re.compile(
    r"\b(?:rise|rises|rose|risen|rising|increase[sd]?|increasing|jump(?:ed|s)?|climb(?:ed|s)?|"
    r"grew|grow(?:n|th|s)?|gain(?:ed|s)?|up|fell|fall(?:en|s|ing)?|drop(?:ped|s)?|decline[sd]?|"
    r"declining|decrease[sd]?|slump(?:ed|s)?|down|cut|cuts|plunge[sd]?|soar(?:ed|s)?|surge[sd]?|"
    r"higher|lower|more|less|fewer|shrank|shrunk|boost(?:ed)?|reduction|reduced|hike[sd]?|"
    r"overrun|overspend|premium|markup|discount|cheaper|dearer)\b",
    re.IGNORECASE,
)
_FACTOR_WORDS = re.compile(
    r"\b(?P<hedge>(?:more than|over|nearly|almost|roughly|about|around|just over|"
    r"just under|at least|well over)\s+)?(?:an?\s+)?(?P<word>doubled|doubling|tripled|trebled|"
    r"tripling|quadrupled|halved|halving|twofold|two-fold|threefold|three-fold|fourfold|"
    r"four-fold|fivefold|five-fold|tenfold|ten-fold)\b",
    re.IGNORECASE,
)
_FACTOR_VALUES = MappingProxyType({
    "doubled": Decimal(2), "doubling": Decimal(2), "tripled": Decimal(3), "trebled": Decimal(3),
    "tripling": Decimal(3), "quadrupled": Decimal(4), "halved": Decimal("0.5"),
    "halving": Decimal("0.5"), "twofold": Decimal(2), "two-fold": Decimal(2),
    "threefold": Decimal(3), "three-fold": Decimal(3), "fourfold": Decimal(4),
    "four-fold": Decimal(4), "fivefold": Decimal(5), "five-fold": Decimal(5),
    "tenfold": Decimal(10), "ten-fold": Decimal(10),
})


def _is_percent(q: Quantity) -> bool:
    return (q.unit or "").lower() in _PERCENT_UNITS


def _is_fraction(q: Quantity) -> bool:
    """"a third", "two-thirds", "half": a share written as a fraction."""
    return (q.unit is None and q.dimension == "ratio" and q.kind == "figure"
            and Decimal(0) < q.value.low <= Decimal(1) and q.value.low == q.value.high)


def _pct_interval(q: Quantity, tolerance: Decimal) -> Interval:
    """A percentage's interval, or a fraction's in percent."""
    iv = interval_of(q, tolerance)
    if _is_percent(q):
        return iv
    return Interval(low=None if iv.low is None else iv.low * 100,
                    high=None if iv.high is None else iv.high * 100)


def _is_points(q: Quantity) -> bool:
    return (q.unit or "").lower() in _POINT_UNITS


def _fmt(d: Decimal, places: int = 1) -> str:
    try:
        q = d.quantize(Decimal(1).scaleb(-places))
    except InvalidOperation:
        return f"{d:g}"
    s = f"{q:,f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def _exact_interval(v: Decimal) -> Interval:
    digits = format(v.normalize(), "f") if v == v.to_integral_value() else format(v, "f")
    try:
        p = precision_of(digits)
    except (InvalidOperation, ValueError):
        p = None
    return normalise(v, v, "exact", p)


def _point_quantity(q: Quantity) -> bool:
    return q.bound in ("exact", "approximate") and q.value.low == q.value.high


def _positive(iv: Interval) -> bool:
    return iv.low is not None and iv.high is not None and iv.low > 0


def _ratio(num: Interval, den: Interval) -> Interval | None:
    """``num / den`` for positive closed intervals."""
    if not (_positive(num) and _positive(den)):
        return None
    assert num.low is not None and num.high is not None
    assert den.low is not None and den.high is not None
    return Interval(low=num.low / den.high, high=num.high / den.low)


def _widen(iv: Interval, by: Decimal) -> Interval:
    return Interval(low=None if iv.low is None else iv.low - by,
                    high=None if iv.high is None else iv.high + by)


def _mid(iv: Interval) -> Decimal | None:
    if iv.low is None or iv.high is None:
        return None
    return (iv.low + iv.high) / 2


_LAST_CHANGES: list[tuple[Sentence, list[Change]]] = []


def _changes(s: Sentence) -> list[Change]:
    """Every "from A to B" / "to B from A" in the sentence, with the endpoints in text order of
    the change (A is the starting level).  The checks of one sentence share the result."""
    for prev, got in _LAST_CHANGES:
        if prev is s:
            return got
    got = _find_changes(s)
    _LAST_CHANGES.clear()
    _LAST_CHANGES.append((s, got))
    return got


def _lacks(s: Sentence, *words: str) -> bool:
    """Whether the sentence certainly holds none of ``words`` (lower-case ASCII), in any case: a
    cheap test before the regular expressions that need one of them (only for ASCII text, where
    case folding is just ``lower``)."""
    body = s.text[s.start:s.end]
    if not body.isascii():
        return False
    low = body.lower()
    return not any(w in low for w in words)


def _find_changes(s: Sentence) -> list[Change]:
    out: list[Change] = []
    if _lacks(s, "from"):
        return out  # every pattern below has a "from": "from A to B", "to B from A", "up from"
    qs = s.quantities
    text = s.text
    for q in qs:
        if q.bound == "range" and q.kind == "figure":
            before = text[max(s.start, q.start - 12): q.start]
            if not (q.text.lower().startswith("from") or _FROM_BEFORE.search(before)):
                continue
            nums = _DIGITS.findall(q.text)
            low, high = q.value.low, q.value.high
            a, b = low, high
            if len(nums) == 2:
                try:
                    n1, n2 = (Decimal(n.replace(",", "")) for n in nums)
                except InvalidOperation:
                    continue
                if n1 > n2:
                    a, b = high, low
            out.append(Change(a, b, _exact_interval(a), _exact_interval(b), (q,), unit_family(q),
                              q.unit, q.start, q.end, _fmt(a, 6), _fmt(b, 6)))
    for i, qa in enumerate(qs):
        for qb in qs[i + 1:i + 2]:
            if qa.kind != "figure" or qb.kind != "figure":
                continue
            if not (_point_quantity(qa) and _point_quantity(qb)):
                continue
            if unit_family(qa) != unit_family(qb) and not (qa.unit is None or qb.unit is None):
                continue
            between = text[qa.end:qb.start]
            before = text[max(s.start, qa.start - 12):qa.start]
            if _FROM_BEFORE.search(before) and _TO_BETWEEN.match(between):
                first, second = qa, qb
            elif _TO_BEFORE.search(before) and _FROM_BETWEEN.match(between):
                first, second = qb, qa
            elif _UP_FROM_BETWEEN.match(between) and qa.direction is None and \
                    unit_family(qa) == unit_family(qb):
                first, second = qb, qa  # "sold 40,000 season tickets, up from 20,000"
            else:
                continue
            unit = qa.unit or qb.unit
            fam = unit_family(qa if qa.unit else qb)
            out.append(Change(first.value.low, second.value.low, interval_of(first),
                              interval_of(second), (qa, qb), fam, unit, qa.start, qb.end,
                              first.text.strip(), second.text.strip()))
    return out


def _finding(code: str, s: Sentence, qs: Sequence[Quantity], confidence: float,
             **fields: str) -> Finding:
    r = rule(code)
    ordered = sorted({(q.field, q.start, q.end): q for q in qs}.values(),
                     key=lambda q: (q.field != "title", q.start))
    return Finding(code=code, kind=r.kind, scope=r.scope, severity=r.severity,
                   confidence=confidence, message=r.render(where=cap(where(ordered[0])), **fields),
                   claims=tuple(to_claim(s.doc, q) for q in ordered))


def _near_change_word(s: Sentence, q: Quantity) -> bool:
    lo = max(s.start, q.start - 30)
    hi = min(s.end, q.end + 30)
    return _CHANGE_WORDS.search(s.text, lo, hi) is not None


_OF_AFTER = re.compile(r"^\s*of\b", re.IGNORECASE)
_LEVEL_BEFORE = re.compile(r"\b(?:to|at|from|of|was|is|stood at|reached|hit)\s*$", re.IGNORECASE)


def _states_change(s: Sentence, p: Quantity, ch: Change) -> bool:
    """Whether the percentage ``p`` states the change ``ch`` ("a 25% rise", "up 25%", "rose 25%
    from"), looking only at words outside the change's own span."""
    if _OF_AFTER.match(s.text, p.end, s.end):
        return False  # "40% of shops"
    if _LEVEL_BEFORE.search(s.text, max(s.start, p.start - 8), p.start):
        return False  # "cut rates to 4.25%": a level, not the change
    if p.direction is not None:
        return True
    if p.start >= ch.end:
        lo, hi = max(ch.end, p.start - 25), min(s.end, p.end + 20)
    else:
        lo, hi = max(s.start, p.start - 25), min(ch.start, p.end + 20)
    return _CHANGE_WORDS.search(s.text, lo, hi) is not None


# -- FC201 -----------------------------------------------------------------------------------------


def check_percent_change(s: Sentence, _: list[Sentence], tolerance: Decimal) -> list[Finding]:
    out: list[Finding] = []
    if not any(_is_percent(p) or _is_points(p) for p in s.quantities):
        return out  # no stated change
    for ch in _changes(s):
        used = {(q.start, q.end) for q in ch.quantities}
        cands = [
            p for p in s.quantities
            if (p.start, p.end) not in used and p.kind == "figure"
            and (_is_percent(p) or _is_points(p)) and p.value.low == p.value.high
            and p.bound != "range" and _states_change(s, p, ch)
        ]
        if not cands:
            continue
        p = min(cands, key=lambda p: min(abs(p.start - ch.end), abs(ch.start - p.end)))
        lo, hi = (ch.end, p.start) if p.start >= ch.end else (p.end, ch.start)
        if lo < hi and _SHARE_BREAK.search(s.text, lo, hi):
            continue  # "..., up from 42.6%, while emissions rose by 0.8%": another clause
        stated = interval_of(p, tolerance)
        slack = PERCENT_SLACK_POINTS + abs(p.value.low) * PERCENT_SLACK_REL
        stated_w = _widen(stated, slack)
        endpoints_pct = (ch.unit or "").lower() in _PERCENT_UNITS
        actual_desc: str
        if _is_points(p):
            if not endpoints_pct:
                continue
            diff = _diff(ch)
            # a points change is stated to its own precision: no extra slack beyond 2% of it
            points_w = _widen(stated, abs(p.value.low) * PERCENT_SLACK_REL)
            if diff is None or _abs(diff).overlaps(points_w):
                continue
            points = ch.b - ch.a
            actual_desc = (f"a fall of {_fmt(-points)} points" if points < 0
                           else f"{_fmt(points)} points")
        else:
            rel = _relative(ch)
            if rel is None or _abs(rel).overlaps(stated_w):
                continue
            if endpoints_pct:
                diff = _diff(ch)
                if diff is not None and _abs(diff).overlaps(stated_w):
                    continue  # "from 4% to 5%, up 1%": loose wording, not an arithmetic error
            if not ch.a:
                actual_desc = "?%"
            else:
                pct = (ch.b - ch.a) / ch.a * 100
                actual_desc = f"a {_fmt(-pct)}% fall" if pct < 0 else f"{_fmt(pct)}%"
        out.append(_finding("FC201", s, (*ch.quantities, p), ARITHMETIC_CONFIDENCE,
                            change=p.text.strip(), a=ch.a_text, b=ch.b_text,
                            actual=actual_desc))
    return out


def _diff(ch: Change) -> Interval | None:
    a, b = ch.a_iv, ch.b_iv
    if None in (a.low, a.high, b.low, b.high):
        return None
    assert a.low is not None and a.high is not None and b.low is not None and b.high is not None
    return Interval(low=b.low - a.high, high=b.high - a.low)


def _relative(ch: Change) -> Interval | None:
    """(B - A) / A * 100 as an interval."""
    r = _ratio(ch.b_iv, ch.a_iv)
    if r is None:
        return None
    assert r.low is not None and r.high is not None
    return Interval(low=(r.low - 1) * 100, high=(r.high - 1) * 100)


def _abs(iv: Interval) -> Interval:
    assert iv.low is not None and iv.high is not None
    if iv.low >= 0:
        return iv
    if iv.high <= 0:
        return Interval(low=-iv.high, high=-iv.low)
    return Interval(low=Decimal(0), high=max(-iv.low, iv.high))


# -- FC204 -----------------------------------------------------------------------------------------


def check_factor(s: Sentence, _: list[Sentence], tolerance: Decimal) -> list[Finding]:
    out: list[Finding] = []
    changes = _changes(s)
    if not changes:
        return out
    for m in _FACTOR_WORDS.finditer(s.text, s.start, s.end):
        f = _FACTOR_VALUES[m.group("word").lower()]
        hedge = (m.group("hedge") or "").strip().lower()
        ch = min(changes, key=lambda c: abs(c.start - m.end()))
        if ch.start < m.start() - 60 or ch.start > m.end() + 60:
            continue
        ratio = _ratio(ch.b_iv, ch.a_iv)
        if ratio is None:
            continue
        assert ratio.low is not None and ratio.high is not None
        slack = max(tolerance, FACTOR_SLACK)
        lo, hi = f * (1 - slack), f * (1 + slack)
        if hedge in ("more than", "over", "at least", "well over", "just over"):
            ok = ratio.high >= lo
        elif hedge in ("nearly", "almost", "just under"):
            ok = ratio.high >= f * (1 - 2 * slack) and ratio.low <= hi
        elif hedge:
            ok = ratio.high >= f * (1 - 2 * slack) and ratio.low <= f * (1 + 2 * slack)
        else:
            ok = ratio.high >= lo and ratio.low <= hi
        if ok:
            continue
        qs = list(ch.quantities) + [
            q for q in s.quantities if q.kind == "factor" and q.start <= m.end() and m.start() <= q.end
        ]
        actual = ch.b / ch.a if ch.a else None
        factor = f"{m.group('hedge') or ''}{m.group('word')}".strip()
        out.append(_finding("FC204", s, qs, ARITHMETIC_CONFIDENCE, factor=factor,
                            a=ch.a_text, b=ch.b_text,
                            actual=f"a factor of {_fmt(actual, 2)}" if actual is not None
                            else "a different factor"))
    return out


# -- FC202 -----------------------------------------------------------------------------------------

_OF_BETWEEN = re.compile(
    r"^\s*(?:out\s+)?of\s+(?:(?:the|a|an|total|some|about|around|its|their|[A-Z]?[a-z]+'s?)\s+){0,3}$",
    re.IGNORECASE,
)


def _shares(s: Sentence) -> list[tuple[Quantity, Quantity]]:
    qs = s.quantities
    out = []
    for qa, qb in zip(qs, qs[1:]):
        if qa.kind != "figure" or qb.kind != "figure" or _is_percent(qa) or _is_percent(qb):
            continue
        if qa.dimension != qb.dimension or qa.dimension in ("ratio", "temperature", "duration"):
            continue
        if unit_family(qa) != unit_family(qb):
            continue
        if not _OF_BETWEEN.match(s.text[qa.end:qb.start]):
            continue
        out.append((qa, qb))
    return out


def _share_candidates(s: Sentence, exclude: set[tuple[int, int]]) -> list[Quantity]:
    return [
        p for p in s.quantities
        if _is_percent(p) and p.kind == "figure" and p.direction is None
        and (p.start, p.end) not in exclude and p.value.low == p.value.high
        and not _near_change_word(s, p)
    ]


_SHARE_BREAK = re.compile(r"\b(?:where|which|while|whereas|but|including|although)\b|;",
                          re.IGNORECASE)
_PCT_OF_BETWEEN = re.compile(r"^\s*of\s+(?:(?:the|a|an|its|their|all)\s+)?$", re.IGNORECASE)
_OR_RESTATED = re.compile(r",\s*or\s+(?:about\s+|around\s+|some\s+|roughly\s+)?$",
                          re.IGNORECASE)
_OF_THESE_START = re.compile(r"(?:of|among)\s+(?:these|them|those)\b", re.IGNORECASE)
_OF_TOTAL_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?:total|them|those|all)\b", re.IGNORECASE)
_OPEN_PAREN = re.compile(r"^\s*\(\s*$")
_CLOSE_PAREN = re.compile(r"^\s*\)")


def _share_triples(s: Sentence, neighbours: list[Sentence]
                   ) -> list[tuple[Quantity, Quantity, Quantity, float]]:
    """(part, whole, stated percentage, confidence) for every share the sentence states."""
    out: list[tuple[Quantity, Quantity, Quantity, float]] = []
    qs = s.quantities
    for part, whole in _shares(s):
        cands = _share_candidates(s, {(part.start, part.end), (whole.start, whole.end)})
        conf = ARITHMETIC_CONFIDENCE
        if not cands:
            near = [c for n in neighbours for c in _share_candidates(n, set())
                    if (c.subject.head or "") in SHARE_HEADS]
            if len(near) != 1:
                continue
            cands, conf = near, ADJACENT_CONFIDENCE
        p = min(cands, key=lambda p: abs(p.start - part.start))
        lo, hi = (p.end, part.start) if p.start < part.start else (whole.end, p.start)
        if lo < hi and _SHARE_BREAK.search(s.text, lo, hi):
            continue  # "won 14 of the 17 districts, including the capital, where it took 60%"
        out.append((part, whole, p, conf))
    # "40% of the 80,000 approvals, or 24,000"
    for i, p in enumerate(qs[:-2]):
        whole, part = qs[i + 1], qs[i + 2]
        if not (_is_percent(p) and p.kind == "figure" and p.direction is None):
            continue
        if not (_countish(whole) and _countish(part) and part.value.low <= whole.value.low):
            continue
        between = s.text[whole.end:part.start]
        if _PCT_OF_BETWEEN.match(s.text[p.end:whole.start]) and len(between) <= 80 and \
                _OR_RESTATED.search(between):
            out.append((part, whole, p, ARITHMETIC_CONFIDENCE))
    # "The trial enrolled 8,058 infants. Of these, 4,037 (60%) received the vaccine."
    if _OF_THESE_START.match(s.text, s.start):
        prev = [n for n in neighbours if n.start < s.start]
        wholes = [q for n in prev for q in n.quantities if _countish(q)]
        for part, p in zip(qs, qs[1:]):
            if len(wholes) != 1 or not _countish(part) or not (_is_percent(p) or _is_fraction(p)):
                continue
            if part.value.low > wholes[0].value.low:
                continue
            between = s.text[part.end:p.start]
            bracketed = _OPEN_PAREN.match(between) and _CLOSE_PAREN.match(s.text[p.end:p.end + 3])
            of_total = len(between) <= 40 and _OF_TOTAL_AFTER.match(s.text, p.end, s.end)
            if bracketed or of_total:
                # "Of those evacuated, 1,150 were children, about a third of the total."
                out.append((part, wholes[0], p, ADJACENT_CONFIDENCE))
    return out


def check_share(s: Sentence, neighbours: list[Sentence], tolerance: Decimal) -> list[Finding]:
    out: list[Finding] = []
    if _lacks(s, "of", "among"):
        return out  # "40 of 80", "40% of the 80", "Of these" / "Among them"
    for part, whole, p, conf in _share_triples(s, neighbours):
        pi, wi = interval_of(part, tolerance), interval_of(whole, tolerance)
        r = _ratio(pi, wi)
        if r is None or p.value.low != p.value.high or None in (p.interval.low, p.interval.high):
            continue
        assert r.low is not None and r.high is not None
        actual = Interval(low=r.low * 100, high=r.high * 100)
        pct = _pct_interval(p, tolerance)
        stated = _widen(pct, PERCENT_SLACK_POINTS + abs(_mid(pct) or Decimal(0)) * PERCENT_SLACK_REL)
        if stated.overlaps(actual):
            continue
        point = part.value.low / whole.value.low * 100 if whole.value.low else None
        out.append(_finding("FC202", s, (part, whole, p), conf, share=phrase(p, s.doc),
                            part=quote(part), whole=quote(whole),
                            actual=f"{_fmt(point)}%" if point is not None else "different"))
    return out


# -- FC203 -----------------------------------------------------------------------------------------

_PARTS_CUE = re.compile(
    r"\b(?P<cue>included|including|includes|include|among them|among whom|of whom|of which|"
    r"comprising|comprised|comprises|made up of|consisting of|consisted of|consists of|"
    r"split into|split between|divided into|broken down into|were|are)\b",
    re.IGNORECASE,
)
_EXHAUSTIVE = frozenset({"comprising", "comprised", "comprises", "made up of", "consisting of",
                         "consisted of", "consists of", "split into", "split between",
                         "divided into", "broken down into"})
_PART_STOP = re.compile(
    r"\b(?:while|but|whereas|compared|from|to|than|versus|vs|since|after|before|against|"
    r"per|each|a|an|up|down|out)\b|[;:()]",
    re.IGNORECASE,
)
_PART_JOIN = re.compile(r",|\band\b|\bplus\b|\bas well as\b", re.IGNORECASE)
_COLON_GAP = re.compile(r"^[^,;:()\d]{0,60}:\s*(?:the\s+)?$")
"""Between a total and its first part: the rest of the total's clause, then a colon ("55
supporters: the 52 Republicans and 3 Democrats")."""
_DASH_GAP = re.compile(
    r"^[^,;:()\d\u2014\u2013]{0,40}(?:--|\u2014|\s\u2013|\()\s*(?:the\s+)?$")
"""Between a total and its first part: the rest of the total's clause, then a dash or a bracket
("433 members -- 240 Republicans and 193 Democrats"; "437 delegates (269 officeholders plus 168
committee members)").  A dash may open a partial breakdown ("30 points -- 12 in
the first half and 10 in the third"): only parts that exceed the total are reported."""
_IN_ALL_GAP = re.compile(
    r"^[^,;:()\d]{0,40}?\b(?:in all|in total|altogether|all told)\s*(?:,|:|--|\u2014|\u2013)\s*"
    r"(?:the\s+)?$",
    re.IGNORECASE)
"""Between a total and its first part: "90 in all, 71 from Thailand and 19 from overseas"."""
_TOTAL_BEFORE = re.compile(
    r"(?:,|--|\u2014|\u2013)\s*(?:for\s+)?(?:a\s+)?(?:combined\s+|grand\s+)?total\s+of\s+$",
    re.IGNORECASE)
"""Between the last part and a total stated after its parts: "2,352 delegates and 548
superdelegates, for a total of 2,900"."""
_VERBISH = re.compile(r"\b(?:were|was|are|is|had|have|has|been|being|[a-z]+ed)\b",
                      re.IGNORECASE)
_REST_BEFORE = re.compile(r"\b(?:the\s+)?(?:other|remaining|rest)\s*,?\s*$", re.IGNORECASE)
"""Before the last part of a breakdown: "... and the other 30", "and the remaining 12"."""
_SUBSET_AFTER = re.compile(r"^\s*,?\s*(?:of|among)\s+(?:them|whom|those|these|which)\b",
                           re.IGNORECASE)
_OF_THE_BEFORE = re.compile(r"(?:^|[.;,]\s*|\bthat\s+)of\s+(?:the|those|these|all)?\s*$",
                            re.IGNORECASE)
"""Before a total that opens its breakdown: "Of the 42,387 wells, ...", "said that of the ..."."""
_MORE_BEFORE = re.compile(r"\b(?:an(?:other)?\s+(?:additional|extra)|a\s+further|another)\s*$",
                          re.IGNORECASE)
"""Before a later part: "$350,000 in 2010 and an additional $200,000 in 2011"."""


def _part_phrase(q: Quantity, doc: Document) -> str:
    """A part of a total named with its noun when that is a short noun phrase ("50 adults"),
    else as written ("about 3,800")."""
    return phrase(q, doc) if len((q.subject.text or "").split()) <= 2 else quote(q)


def _and_list(items: list[str]) -> str:
    """"a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _countish(q: Quantity) -> bool:
    return q.kind == "figure" and q.dimension == "count" and not _is_percent(q) and q.unit is None


def _money(q: Quantity) -> bool:
    return q.kind == "figure" and q.dimension == "currency" and q.unit is not None


def _addable(q: Quantity) -> bool:
    """A figure that can be a part or a total of a breakdown: a bare count or a sum of money (not
    a rate: "$2.25 per American")."""
    return (_countish(q) or _money(q)) and not q.direction and q.frame.aggregation != "rate"


def _whole_of_share(s: Sentence, total: Quantity) -> bool:
    """Whether the total is the whole of a share stated just before it ("Nine out of the court's
    15 judges -- five ... and four ...": the breakdown is of the nine)."""
    prev = [q for q in s.quantities if q.end <= total.start]
    return bool(prev) and _OF_BETWEEN.match(s.text[prev[-1].end:total.start]) is not None


def _adds_to(part: Quantity, total: Quantity) -> bool:
    """Whether ``part`` can be a part of ``total``: both counts, or money in one currency."""
    if _countish(total):
        return _countish(part)
    return _money(part) and unit_family(part) == unit_family(total)


def check_parts_total(s: Sentence, _: list[Sentence], tolerance: Decimal) -> list[Finding]:
    out: list[Finding] = []
    qs = s.quantities
    if sum(1 for q in qs if _addable(q)) < 3:
        return out  # a total and at least two parts
    out.extend(_parts_then_total(s, tolerance))
    for i, total in enumerate(qs):
        if not _addable(total) or total.bound in ("lower", "upper"):
            continue
        after = qs[i + 1:]
        if not after:
            continue
        gap = s.text[total.end:after[0].start]
        cues = list(_PARTS_CUE.finditer(gap))
        # "the 120 victims were made up of ...": the breakdown's own cue, not "were"
        m = next((c for c in cues if c.group("cue").lower() in _EXHAUSTIVE),
                 cues[0] if cues else None)
        exhaustive = False
        colon = dash = False
        if m and len(gap) <= 60:
            cue = m.group("cue").lower()
            if cue in ("were", "are"):
                lead = s.text[max(s.start, total.start - 14):total.start]
                if not _OF_THE_BEFORE.search(lead):
                    continue
            exhaustive = cue in _EXHAUSTIVE
            if _PART_STOP.search(s.text, total.end + m.end(), after[0].start):
                continue
        elif _COLON_GAP.match(gap) or _IN_ALL_GAP.match(gap):
            colon = exhaustive = True  # "A total of 120 people died: 50 adults and 30 children"
        elif _DASH_GAP.match(gap):
            colon = dash = True  # "433 members -- 380 Republicans and 194 Democrats"
        else:
            lead = s.text[max(s.start, total.start - 14):total.start]
            if not (_OF_THE_BEFORE.search(lead) and len(gap) <= 60 and "," in gap):
                continue
        if colon and _whole_of_share(s, total):
            continue
        parts: list[Quantity] = []
        prev_end = None
        rest = False
        broken = False
        for q in after:
            if prev_end is not None:
                between = s.text[prev_end:q.start]
                more = _MORE_BEFORE.search(between)
                if more:
                    between = between[:more.start()]
                if len(between) > 50 or not _PART_JOIN.search(between) or _PART_STOP.search(
                        between):
                    break
                if not _adds_to(q, total) or q.direction:
                    # the list goes on with another kind of figure ("three -- 12, 25 and 33
                    # percent"): not a breakdown of the total
                    broken = True
                    break
                if colon and _VERBISH.search(between):
                    break  # "120 arrested: 50 were charged and 30 released" is no breakdown
                rest = _REST_BEFORE.search(between) is not None
            elif not _adds_to(q, total) or q.direction:
                break
            if _SUBSET_AFTER.match(s.text[q.end:q.end + 20]):
                break
            parts.append(q)
            prev_end = q.end
            if rest:
                break  # "... and the other 30": the last part
        if len(parts) < 2 or broken:
            continue
        if colon and _VERBISH.search(s.text, parts[0].end, parts[-1].start):
            continue
        if rest:
            exhaustive = True  # "50 were adults and the other 30 were children"
        if dash and all(_own_noun(s, q) for q in parts):
            exhaustive = True  # "157 people -- 149 passengers and 8 crew": each part named
        f = _breakdown_finding(s, total, parts, exhaustive, tolerance)
        if f is not None:
            out.append(f)
    return out


def _own_noun(s: Sentence, q: Quantity) -> bool:
    """Whether a part is followed directly by a noun of its own ("79 passengers"), not by a
    qualifier of the total's noun ("12 in the first half")."""
    m = re.match(r"\s*([A-Za-z][\w-]*)", s.text[q.end:min(s.end, q.end + 40)])
    return m is not None and m.group(1).lower() not in _QUALIFIER_WORDS


_QUALIFIER_WORDS: frozenset[str] = frozenset(
    """in on at from of for by to during with each apiece more less were was are is and or
    percent per cent points""".split())


_LIST_GOES_ON = re.compile(
    r"[^;:.()\d]{0,40}?(?:,|\band\b)\s*(?:another\s+|the\s+other\s+|a\s+further\s+)?"
    r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen)\b)",
    re.IGNORECASE)
"""After the last part found: the list goes on with a number the parser did not take as a figure
("three in Jamaica, three in Haiti and one in the Dominican Republic")."""


def _list_goes_on(s: Sentence, last: Quantity) -> bool:
    """Whether the breakdown continues past its last recognised part: then parts that fall short
    of the total prove nothing."""
    return _LIST_GOES_ON.match(s.text, last.end, s.end) is not None


def _addend_interval(q: Quantity, tolerance: Decimal) -> Interval:
    """A figure's interval in a sum: an exact count that is no round number ("31 escaped", "7
    died") is that many things, not 30.5-31.5 (a count is not rounded to units); any other figure
    stands for its stated precision (:func:`interval_of`)."""
    v = q.value.low
    if _countish(q) and q.bound == "exact" and v == q.value.high and v == v.to_integral_value() \
            and v % 10 != 0:
        return Interval(low=v, high=v)
    return interval_of(q, tolerance)


def _breakdown_finding(s: Sentence, total: Quantity, parts: list[Quantity], exhaustive: bool,
                       tolerance: Decimal) -> Finding | None:
    """FC203 when the parts exceed the total, or (an exhaustive breakdown) fall short of it."""
    ivs = [_addend_interval(q, tolerance) for q in parts]
    if any(iv.low is None or iv.high is None for iv in ivs):
        return None
    lo = sum((iv.low for iv in ivs if iv.low is not None), Decimal(0))
    hi = sum((iv.high for iv in ivs if iv.high is not None), Decimal(0))
    tiv = _addend_interval(total, tolerance)
    exceeds = tiv.high is not None and lo > tiv.high
    short = exhaustive and tiv.low is not None and hi < tiv.low and not _list_goes_on(s, parts[-1])
    if not (exceeds or short):
        return None
    total_sum = sum((q.value.low for q in parts), Decimal(0))
    return _finding("FC203", s, (total, *parts), ARITHMETIC_CONFIDENCE,
                    parts=_and_list([_part_phrase(q, s.doc) for q in parts]),
                    total=phrase(total, s.doc), actual=_sum_text(total, total_sum))


def _sum_text(total: Quantity, value: Decimal) -> str:
    """The parts' sum written as the total is ("$710,000", "$13.6 billion"; a count bare)."""
    m = _DIGITS.search(total.text)
    if not _money(total) or m is None:
        return _fmt(value, 6)
    try:
        shown = Decimal(m.group().replace(",", ""))
    except InvalidOperation:
        return _fmt(value, 6)
    if not shown or not total.value.low:
        return _fmt(value, 6)
    scale = total.value.low / shown
    return f"{total.text[:m.start()]}{_fmt(value / scale, 6)}{total.text[m.end():]}".strip()


def _parts_then_total(s: Sentence, tolerance: Decimal) -> list[Finding]:
    """A total stated after its parts ("2,352 delegates and 548 superdelegates, for a total of
    2,900"): the parts run back from the total, joined by commas and a last "and"."""
    out: list[Finding] = []
    qs = s.quantities
    for i, total in enumerate(qs):
        if i < 2 or not _addable(total) or total.bound in ("lower", "upper"):
            continue
        if not _TOTAL_BEFORE.search(s.text, max(s.start, total.start - 40), total.start):
            continue
        parts: list[Quantity] = []
        nxt = total
        joined_by_and = False
        for q in reversed(qs[:i]):
            if not _adds_to(q, total) or q.bound not in ("exact", "approximate"):
                break
            between = s.text[q.end:nxt.start]
            if nxt is not total:
                if len(between) > 50 or not _PART_JOIN.search(between) or \
                        _PART_STOP.search(between) or _VERBISH.search(between):
                    break
                joined_by_and = joined_by_and or re.search(r"\band\b", between) is not None
            else:
                lead = _TOTAL_BEFORE.search(s.text, max(s.start, total.start - 40), total.start)
                if len(between) > 60 or lead is None or _PART_STOP.search(
                        s.text, q.end, lead.start()):
                    break
            parts.append(q)
            nxt = q
        parts.reverse()
        if len(parts) < 2 or not joined_by_and:
            continue
        f = _breakdown_finding(s, total, parts, True, tolerance)
        if f is not None:
            out.append(f)
    return out


# -- FC205 -----------------------------------------------------------------------------------------

_OPEN = re.compile(
    r"^\s*\(\s*(?:about|around|approximately|roughly|some|nearly|almost|c\.|or|ie|i\.e\.,?|"
    r"equivalent to|or about)?\s*$",
    re.IGNORECASE,
)
_CLOSE = re.compile(r"^\s*(?:\)|,|;|or\b)", re.IGNORECASE)


def check_conversion(s: Sentence, _: list[Sentence], tolerance: Decimal) -> list[Finding]:
    out: list[Finding] = []
    if s.text.find("(", s.start, s.end) < 0:
        return out  # a conversion is bracketed
    qs = s.quantities
    for qa, qb in zip(qs, qs[1:]):
        if qa.kind != "figure" or qb.kind != "figure":
            continue
        if qa.dimension == "currency" or qa.dimension != qb.dimension:
            continue
        if not qa.base_unit or qa.base_unit != qb.base_unit or qa.unit == qb.unit:
            continue
        if not (_OPEN.match(s.text[qa.end:qb.start]) and _CLOSE.match(s.text[qb.end:qb.end + 5])):
            continue
        ba, bb = _stated_base(qa), _stated_base(qb)
        if ba is None or bb is None:
            continue
        if _conversion_ok(qa, qb, ba, bb):
            continue
        if qa.dimension == "temperature" and _delta_ok(qa, qb):
            continue  # "rose 1.5C (2.7F)": a temperature difference, converted without offset
        mid_b = _mid(bb)
        actual = _convert_into(qa, qb)
        out.append(_finding("FC205", s, (qa, qb), ARITHMETIC_CONFIDENCE, a=bare(qa),
                            b=bare(qb),
                            actual=actual if actual else ("different" if mid_b is None else "")))
    return out


def _affine(q: Quantity) -> tuple[Decimal, Decimal] | None:
    return affine(q)


HEDGED_FRACTION_SLACK: Decimal = Decimal("0.2")
"""A hedged fraction word is coarse: "almost a quarter (21%)", "about a third (38%)" are
consistent, so its bracketed percentage may lie this share of its value beyond its interval."""


def _stated_base(q: Quantity) -> Interval | None:
    """The figure's own value (its stated precision, but not its hedge: in "within 1.5 million
    km (600,000 miles)" the bracket converts 1.5 million) in base units.  A hedged fraction word
    ("almost a quarter", "more than half") keeps its hedge: the bracket gives the exact share it
    rounds."""
    aff = _affine(q)
    if aff is None:
        return None
    if q.unit is None and q.dimension == "ratio" and q.bound in ("lower", "upper") and \
            q.base is not None:
        return q.base  # "more than half (55%)": the bound, open on its side
    if q.unit is None and q.dimension == "ratio" and q.bound == "approximate" and \
            q.base is not None:
        slack = abs(q.value.low) * aff[0] * HEDGED_FRACTION_SLACK
        return Interval(low=None if q.base.low is None else q.base.low - slack,
                        high=None if q.base.high is None else q.base.high + slack)
    iv = normalise(q.value.low, q.value.high,
                   "range" if q.value.low != q.value.high else "exact", q.precision)
    assert iv.low is not None and iv.high is not None
    return Interval(low=iv.low * aff[0] + aff[1], high=iv.high * aff[0] + aff[1])


def _slack(q: Quantity, iv: Interval) -> Decimal:
    if q.dimension == "temperature":
        return Decimal("0.3")
    m = _mid(iv)
    return abs(m) * CONVERSION_SLACK if m is not None else Decimal(0)


def _conversion_ok(qa: Quantity, qb: Quantity, ba: Interval, bb: Interval) -> bool:
    return _widen(ba, _slack(qa, ba)).overlaps(_widen(bb, _slack(qb, bb)))


def _scale(q: Quantity) -> tuple[Decimal, Decimal] | None:
    """(factor, offset) with base = own * factor + offset, from the stored interval pair."""
    iv, b = q.interval, q.base
    if b is None or None in (iv.low, iv.high, b.low, b.high):
        return None
    assert iv.low is not None and iv.high is not None and b.low is not None and b.high is not None
    if iv.high == iv.low:
        return None
    factor = (b.high - b.low) / (iv.high - iv.low)
    return factor, b.low - iv.low * factor


def _delta_ok(qa: Quantity, qb: Quantity) -> bool:
    sa, sb = _scale(qa), _scale(qb)
    if sa is None or sb is None:
        return False
    ia, ib = qa.interval, qb.interval
    assert ia.low is not None and ia.high is not None and ib.low is not None and ib.high is not None
    da = Interval(low=ia.low * sa[0] - Decimal("0.3"), high=ia.high * sa[0] + Decimal("0.3"))
    db = Interval(low=ib.low * sb[0], high=ib.high * sb[0])
    return da.overlaps(db)


def _significant(v: Decimal, digits: int) -> Decimal:
    """``v`` rounded to ``digits`` significant figures (932,057 -> 932,000)."""
    if v == 0:
        return v
    exp = v.adjusted() - digits + 1
    try:
        return v.quantize(Decimal(1).scaleb(exp)) if exp > 0 else v
    except InvalidOperation:
        return v


def _convert_into(qa: Quantity, qb: Quantity) -> str:
    sa, sb = _affine(qa), _affine(qb)
    if sa is None or sb is None or sb[0] == 0:
        return ""
    v = _significant((qa.value.low * sa[0] + sa[1] - sb[1]) / sb[0], 3)
    places = 0 if abs(v) >= 20 else 1
    m = _DIGITS.search(qb.text)
    if m is None:
        return f"about {_fmt(v, places)} {qb.unit or ''}".rstrip()
    start = m.start() - (1 if m.start() > 0 and qb.text[m.start() - 1] == "-" else 0)
    return f"about {qb.text[:start]}{_fmt(v, places)}{qb.text[m.end():]}".strip()


# -- registry --------------------------------------------------------------------------------------

CHECKS: tuple[tuple[int, str, Check], ...] = tuple(sorted(
    (
        (10, "FC205", check_conversion),
        (20, "FC201", check_percent_change),
        (30, "FC204", check_factor),
        (40, "FC202", check_share),
        (50, "FC203", check_parts_total),
    ),
    key=lambda c: c[0],
))
"""(priority, code, check): run in priority order; a figure already in an arithmetic finding is not
used by a later check of the same sentence."""


def sentences(doc: Document, quantities: Sequence[Quantity]) -> list[Sentence]:
    by_key: dict[tuple[str, int], list[Quantity]] = {}
    spans: dict[tuple[str, int], tuple[int, int]] = {}
    indexes: dict[str, FieldIndex] = {}
    title = doc.title or ""
    body = doc.text
    for q in quantities:
        field = q.field
        text = title if field == "title" else body
        if not (0 <= q.start <= q.end <= len(text)):
            continue
        fi = indexes.get(field)
        if fi is None:
            fi = indexes[field] = field_index(text)
        s, e = fi.sentence(q.start, q.end)
        key: tuple[str, int] = (field, s)
        got = by_key.get(key)
        if got is None:
            by_key[key] = [q]
        else:
            got.append(q)
        spans[key] = (s, e)
    out = []
    for fkey in sorted(by_key, key=lambda k: (k[0] != "title", k[1])):
        qs = tuple(sorted(by_key[fkey], key=lambda q: q.start))
        s, e = spans[fkey]
        text = title if fkey[0] == "title" else body
        out.append(Sentence(doc, text, s, e, qs, qs[0].paragraph))
    return out


def _adjacent(a: Sentence, b: Sentence) -> bool:
    first, second = (a, b) if a.start < b.start else (b, a)
    return not first.text[first.end:second.start].strip()


def arithmetic_within(
    doc: Document, quantities: Sequence[Quantity], tolerance: Decimal,
    tally: Tally | None = None,
) -> list[Finding]:
    sents = sentences(doc, quantities)
    findings: list[Finding] = []
    for idx, s in enumerate(sents):
        n_qs = len(s.quantities)
        if tally is not None:
            # the checks look at pairs of a sentence's figures (at most MAX_SENTENCE_FIGURES)
            tally.add(1 + min(n_qs, MAX_SENTENCE_FIGURES) ** 2)
        if n_qs > MAX_SENTENCE_FIGURES:
            continue  # not prose (a table or adversarial input): nothing here is stated arithmetic
        if n_qs == 1 and s.quantities[0].bound != "range":
            # every check needs two figures of the sentence, or a "from A to B" range (FC204's
            # "doubled from 40 to 80")
            continue
        neighbours = [
            n for n in (sents[idx - 1] if idx else None, sents[idx + 1] if idx + 1 < len(sents)
                        else None)
            if n is not None and n.text is s.text and n.paragraph == s.paragraph
            and _adjacent(s, n)
        ]
        used: set[tuple[str, int, int]] = set()
        for _, _code, check in CHECKS:
            for f in check(s, neighbours, tolerance):
                keys = {(c.field, c.start, c.end) for c in f.claims}
                if keys & used:
                    continue
                used |= keys
                findings.append(f)
    return findings


__all__ = ["CHECKS", "arithmetic_within", "field_text"]
