"""The interval rule of figcheck.intervals, case by case."""

from __future__ import annotations

import doctest
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from figcheck import intervals
from figcheck.intervals import normalise, precision_of


def test_doctests():
    assert doctest.testmod(intervals).failed == 0


@pytest.mark.parametrize(
    "digits, scale, expected",
    [
        ("10000", 1, D(1000)),
        ("12000", 1, D(100)),
        ("10437", 1, D(1)),
        ("50", 1, D(1)),
        ("5", 1, D(1)),
        ("0", 1, D(1)),
        ("4.1", 1, D("0.1")),
        ("4.10", 1, D("0.01")),
        ("1.2", 1_000_000, D(100_000)),
        ("3.5", 1_000_000_000, D(100_000_000)),
        ("-15", 1, D(1)),
    ],
)
def test_precision_of(digits, scale, expected):
    assert precision_of(digits, D(scale)) == expected


def _iv(low, high, bound, p=None, **kw):
    i = normalise(D(low), D(high), bound, None if p is None else D(p), **kw)
    return (i.low, i.high)


@pytest.mark.parametrize(
    "args, expected",
    [
        # exact figures stand for what rounds to them
        (("10000", "10000", "exact", "1000"), (D(9500), D(10500))),
        (("12000", "12000", "exact", "100"), (D(11950), D(12050))),
        (("10437", "10437", "exact", "1"), (D("10436.5"), D("10437.5"))),
        (("12", "12", "exact", None), (D(12), D(12))),
        # approximate hedges widen by the tolerance on both sides
        (("5000", "5000", "approximate", "100"), (D(4450), D(5550))),
        # lower / upper bounds are open-ended
        (("10000", "10000", "lower", "1000"), (D(9500), None)),
        (("300", "300", "upper", "1"), (None, D("300.5"))),
        # ranges run from the low end to the high end
        (("10000", "12000", "range", "1000"), (D(9500), D(12500))),
    ],
)
def test_normalise(args, expected):
    assert _iv(*args) == expected


def test_lean_below_caps_at_the_value():
    # "nearly 2 million": at most 2 million, down to 10% below
    assert _iv("2000000", "2000000", "approximate", "1000000", lean="below") == (
        D(1_300_000),
        D(2_000_000),
    )


def test_compatibility_examples_from_the_issue():
    over = normalise(D(10000), D(10000), "lower", D(1000))
    rng = normalise(D(10000), D(12000), "range", D(1000))
    assert over.overlaps(rng)
    about = normalise(D(5000), D(5000), "approximate", D(100))
    assert about.contains(D(4870))
    fewer = normalise(D(300), D(300), "upper", D(1))
    about340 = normalise(D(340), D(340), "approximate", D(1))
    assert not fewer.overlaps(about340)
    twelve = normalise(D(12000), D(12000), "exact", D(100))
    ten = normalise(D(10000), D(10000), "exact", D(1000))
    assert not twelve.overlaps(ten)


values = st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False)


@given(values, st.sampled_from(["exact", "approximate", "lower", "upper"]))
def test_interval_contains_the_stated_value(v, bound):
    assert normalise(v, v, bound, D("0.01")).contains(v)


@given(values, st.decimals(min_value=0, max_value=1, places=2))
def test_wider_tolerance_never_narrows(v, t):
    narrow = normalise(v, v, "approximate", D(1), tolerance=t / 2)
    wide = normalise(v, v, "approximate", D(1), tolerance=t)
    assert wide.low <= narrow.low and narrow.high <= wide.high
