"""How a stated figure becomes the interval figcheck compares.

The rule (documented in README "How figures are compared"):

1. **Stated precision.**  A figure stands for every value that rounds to it at the precision it
   was written with.  The precision ``p`` is the place value of the last stated digit, except that
   for a whole number ending in ``k >= 1`` zeros the last zero is taken as significant but the rest
   as rounding: ``10,437`` -> ``p = 1``; ``12,000`` -> ``p = 100``; ``10,000`` -> ``p = 1000``;
   ``50`` -> ``p = 1``; ``4.1`` -> ``p = 0.1``; ``1.2 million`` -> ``p = 100,000``.
   The exact interval is ``[v - p/2, v + p/2]``.  Fractions and number words ("a dozen",
   "two-thirds") have no rounding (``p = None``, half-width 0).
2. **Approximate hedges** ("about", "around", "some", "an estimated", "~") widen that interval by
   the tolerance ``t`` (default 10%) of the value on both sides.  "nearly"/"almost"/"just under"
   widen it downwards only, and cap it at the value; "just over" widens upwards only.
3. **Bounds** are open-ended: lower ("over", "at least") -> ``[v - p/2, None]``; upper ("under",
   "up to", "fewer than") -> ``[None, v + p/2]``.
4. **Ranges** ("10,000 to 12,000", "dozens of") run from the low end's interval low to the
   high end's interval high.

Two figures are compatible when their intervals overlap.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from .model import Bound, Interval

DEFAULT_TOLERANCE = Decimal("0.10")

Lean = Literal["both", "below", "above"]


def precision_of(digits: str, scale: Decimal = Decimal(1)) -> Decimal:
    """Precision of a figure written as ``digits`` (no separators, optional '.') times ``scale``.

    >>> precision_of("10000"), precision_of("12000"), precision_of("10437"), precision_of("4.1")
    (Decimal('1000'), Decimal('100'), Decimal('1'), Decimal('0.1'))
    >>> precision_of("1.2", Decimal(1000000))
    Decimal('100000')
    """
    digits = digits.lstrip("+-")
    if "." in digits:
        decimals = len(digits.split(".", 1)[1])
        return _plain(Decimal(1).scaleb(-decimals) * scale)
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped)
    if not stripped:  # "0"
        return _plain(scale)
    return _plain(Decimal(1).scaleb(max(zeros - 1, 0)) * scale)


def _plain(d: Decimal) -> Decimal:
    """``1E+3`` -> ``1000``, ``0.10`` -> ``0.1``: one spelling per value."""
    if d == d.to_integral_value():
        return Decimal(int(d))
    return d.normalize()


def normalise(
    low: Decimal,
    high: Decimal,
    bound: Bound,
    precision: Decimal | None = None,
    *,
    tolerance: Decimal = DEFAULT_TOLERANCE,
    lean: Lean = "both",
) -> Interval:
    """The comparison interval for a figure stated as ``[low, high]`` with ``bound``.

    ``lean`` refines approximate hedges: "nearly 2 million" leans ``below``, "just over" ``above``.
    """
    half = (precision / 2) if precision is not None else Decimal(0)
    lo, hi = low - half, high + half
    if bound == "lower":
        return Interval(low=lo, high=None)
    if bound == "upper":
        return Interval(low=None, high=hi)
    if bound == "approximate":
        widen_lo = abs(low) * tolerance
        widen_hi = abs(high) * tolerance
        if lean == "below":
            return Interval(low=lo - widen_lo, high=high)
        if lean == "above":
            return Interval(low=low, high=hi + widen_hi)
        return Interval(low=lo - widen_lo, high=hi + widen_hi)
    return Interval(low=lo, high=hi)


def scale_interval(interval: Interval, factor: Decimal, offset: Decimal = Decimal(0)) -> Interval:
    """``interval * factor + offset`` (for unit conversion); factor must be positive."""
    return Interval(
        low=None if interval.low is None else interval.low * factor + offset,
        high=None if interval.high is None else interval.high * factor + offset,
    )
