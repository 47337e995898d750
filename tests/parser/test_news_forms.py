"""Hedges and number forms met in real news (synthetic sentences)."""

from __future__ import annotations

from decimal import Decimal

import pytest

import figcheck


def one(text: str):
    qs = figcheck.extract(text)
    assert len(qs) == 1, [q.text for q in qs]
    return qs[0]


@pytest.mark.parametrize(
    "text, bound",
    [
        ("Turnout was closer to 40% than expected.", "approximate"),
        ("The swing was nearer to 6%.", "approximate"),
        ("At least an estimated two million viewers tuned in.", "lower"),
        ("More than an estimated 900 homes flooded.", "lower"),
    ],
)
def test_hedges(text: str, bound: str) -> None:
    assert one(text).bound == bound


@pytest.mark.parametrize(
    "text, value",
    [
        ("The fly-half slotted over three penalties.", 3),
        ("Officials handed over 40 files to the court.", 40),
    ],
)
def test_over_as_a_particle_is_no_hedge(text: str, value: int) -> None:
    q = one(text)
    assert (q.value.low, q.bound) == (value, "exact")


def test_over_before_a_count_stays_a_hedge() -> None:
    assert one("The storm killed over 70 people.").bound == "lower"
