"""Units, qualifiers and intervals: when two figures of one fact cannot both be true.

Whether two figures state one fact is decided from their claim frames by
:func:`figcheck.compare.decide.same_fact`; this module keeps what the comparator needs around it:
the unit family two figures must share (:func:`unit_family`), normalised heads and qualifiers,
and the comparison intervals.  Two figures of the same fact *conflict* when their comparison
intervals are disjoint (:func:`conflicts`); the intervals come from :mod:`figcheck.intervals` and
respect the configured tolerance.
"""

from __future__ import annotations

import re
from decimal import Decimal
from types import MappingProxyType

from ..intervals import DEFAULT_TOLERANCE, normalise
from ..memo import remember
from ..model import Interval, Quantity

# -- vocabularies (rules as data) -----------------------------------------------------------------




_QUAL_LEAD = re.compile(
    r"^(?:(?:in|at|on|across|from|of|near|within|for|during|inside|throughout|the|a|an)\s+)+",
    re.IGNORECASE,
)
_QUAL_PUNCT = re.compile(r"[^\w\s-]+")
_WS = re.compile(r"\s+")



# Memo tables below are filled through figcheck.memo.remember (bounded memory).

_QUAL_MEMO: dict[str, str | None] = {}


def norm_qualifier(s: str | None) -> str | None:
    if not s:
        return None
    memo = _QUAL_MEMO
    if s in memo:
        return memo[s]
    n = _QUAL_PUNCT.sub(" ", s.lower())
    n = _WS.sub(" ", n).strip()
    n = _QUAL_LEAD.sub("", n).strip()
    out = n or None
    remember(memo, s, out)
    return out




HEAD_SYNONYMS: MappingProxyType[str, str] = MappingProxyType(
    {
        "hen": "bird", "chicken": "bird", "poultry": "bird", "fowl": "bird",
        "kid": "child", "youngster": "child", "fatality": "death", "dead": "death",
        "house": "home", "household": "home", "dwelling": "home",
        "post": "job", "role": "job", "position": "job",
        "automobile": "car", "motorist": "driver", "cut": "saving",
        "pupil": "student", "schoolchild": "student",
    }
)
"""Heads that name the same thing, so rewordings meet ("laying hens" / "birds")."""


_HEAD_MEMO: dict[str, str | None] = {}


def norm_head(h: str | None) -> str | None:
    if not h:
        return None
    memo = _HEAD_MEMO
    if h in memo:
        return memo[h]
    n = _WS.sub(" ", h.strip().lower())
    out = HEAD_SYNONYMS.get(n, n) or None
    remember(memo, h, out)
    return out


def unit_family(q: Quantity) -> str:
    """What must agree for two figures to be compared: one currency, or one dimension with a base
    unit (so miles and kilometres meet), or else the unit itself."""
    if q.dimension == "currency":
        return f"currency:{q.unit or '?'}"
    if q.base is not None and q.base_unit:
        return f"{q.dimension}:{q.base_unit}"
    return f"{q.dimension}:{q.unit or ''}"




















_QUAL_STOP: frozenset[str] = frozenset({"since", "by", "until", "from", "to", "in", "on", "at", "of", "the",
                        "region", "area", "province", "county", "district", "city", "state"})


def qualifier_factor(a: str | None, b: str | None, missing: float) -> float | None:
    """How two place or time qualifiers meet: 1.0 the same (or one narrows the other: "Kursk" /
    "Kursk region"), ``missing`` given on one side only, None different."""
    return _qual_factor(a, b, missing)


def _qual_factor(a: str | None, b: str | None, missing: float) -> float | None:
    na, nb = norm_qualifier(a), norm_qualifier(b)
    if na is None and nb is None:
        return 1.0
    if na is None or nb is None:
        return missing
    if na == nb:
        return 1.0
    ta, tb = set(na.split()) - _QUAL_STOP, set(nb.split()) - _QUAL_STOP
    if ta and tb and (ta <= tb or tb <= ta):
        return 1.0  # "October 2024" / "since October"; "Kursk" / "Kursk region"
    return None




# How much a qualifier given on one side only lowers confidence (1.0 = not at all).
# Between documents each reporter words a fact differently: qualifiers missing on one side say
# less, and relative times ("on Tuesday", "yesterday") are not compared at all.










































def ratio(a: Quantity, b: Quantity) -> Decimal | None:
    """How many times apart two figures' values are (>= 1), or None when not comparable."""
    x = a.base.low if a.unit != b.unit and a.base and b.base else a.value.low
    y = b.base.low if a.unit != b.unit and a.base and b.base else b.value.low
    if x is None or y is None or x <= 0 or y <= 0:
        return None
    return max(x, y) / min(x, y)


# -- intervals -------------------------------------------------------------------------------------


def interval_of(q: Quantity, tolerance: Decimal = DEFAULT_TOLERANCE) -> Interval:
    """The figure's comparison interval under ``tolerance`` (the stored one when it is the
    default)."""
    if tolerance == DEFAULT_TOLERANCE or q.bound != "approximate":
        return q.interval
    lean = "both"
    if q.interval.high is not None and q.interval.high == q.value.high and q.precision:
        lean = "below"
    elif q.interval.low is not None and q.interval.low == q.value.low and q.precision:
        lean = "above"
    return normalise(q.value.low, q.value.high, q.bound, q.precision, tolerance=tolerance,
                     lean=lean)  # type: ignore[arg-type]


def base_interval_of(q: Quantity, tolerance: Decimal = DEFAULT_TOLERANCE) -> Interval | None:
    """The interval in the dimension's base unit, following :func:`interval_of`'s tolerance by the
    affine map the stored interval/base pair defines."""
    if q.base is None:
        return None
    if tolerance == DEFAULT_TOLERANCE or q.bound != "approximate":
        return q.base
    iv, b = q.interval, q.base
    if None in (iv.low, iv.high, b.low, b.high) or iv.low == iv.high:
        return q.base
    assert iv.low is not None and iv.high is not None and b.low is not None and b.high is not None
    scale = (b.high - b.low) / (iv.high - iv.low)
    offset = b.low - iv.low * scale
    new = interval_of(q, tolerance)
    return Interval(
        low=None if new.low is None else new.low * scale + offset,
        high=None if new.high is None else new.high * scale + offset,
    )


def comparison_intervals(
    a: Quantity, b: Quantity, tolerance: Decimal = DEFAULT_TOLERANCE
) -> tuple[Interval, Interval] | None:
    """The pair of intervals to compare: own units when they agree, base units otherwise;
    ``None`` when the figures cannot be compared (different currencies, no conversion)."""
    if a.unit == b.unit:
        return interval_of(a, tolerance), interval_of(b, tolerance)
    if a.dimension == "currency" or b.dimension == "currency":
        return None
    if a.base_unit and a.base_unit == b.base_unit:
        ba, bb = base_interval_of(a, tolerance), base_interval_of(b, tolerance)
        if ba is not None and bb is not None:
            return ba, bb
    return None


def conflicts(a: Quantity, b: Quantity, tolerance: Decimal = DEFAULT_TOLERANCE) -> bool:
    pair = comparison_intervals(a, b, tolerance)
    return pair is not None and not pair[0].overlaps(pair[1])


def compatible(a: Quantity, b: Quantity, tolerance: Decimal = DEFAULT_TOLERANCE) -> bool:
    pair = comparison_intervals(a, b, tolerance)
    return pair is not None and pair[0].overlaps(pair[1])


def affine(q: Quantity) -> tuple[Decimal, Decimal] | None:
    """(factor, offset) with ``base = own * factor + offset``, from the stored interval/base pair;
    from one end when the other is open (units without an offset only)."""
    iv, b = q.interval, q.base
    if b is None:
        return None
    if None not in (iv.low, iv.high, b.low, b.high) and iv.low != iv.high:
        assert iv.low is not None and iv.high is not None
        assert b.low is not None and b.high is not None
        factor = (b.high - b.low) / (iv.high - iv.low)
        return factor, b.low - iv.low * factor
    if q.dimension == "temperature":
        return None
    for x, y in ((iv.low, b.low), (iv.high, b.high)):
        if x is not None and y is not None and x != 0:
            return y / x, Decimal(0)
    return None




