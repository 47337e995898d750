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


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("The probe measured 2.5\u00d710\u22127 kg of dust.", Decimal("2.5E-7"), "kilogram"),
        ("There are about 6 x 10^23 atoms here.", Decimal("6E+23"), None),
        ("Light travels at 3\u00d710\u2078 m/s.", Decimal(300_000_000), "metre per second"),
        ("The fund holds 4.2e6 shares.", Decimal(4_200_000), None),
        ("He was sacked for minus-7 yards.", Decimal(-7), "yard"),
        ("Regulators imposed a 220m-euro fine.", Decimal(220_000_000), "euro"),
    ],
)
def test_number_forms(text: str, value: Decimal, unit: str | None) -> None:
    q = one(text)
    assert (q.value.low, q.unit) == (value, unit)


@pytest.mark.parametrize(
    "text, value",
    [
        ("The Dow was up 212 points in early trade.", 212),
        ("The Nikkei closed at 31,450 on Friday.", 31450),
    ],
)
def test_stock_index_points(text: str, value: int) -> None:
    q = one(text)
    assert (q.value.low, q.unit, q.dimension) == (value, "index point", "index")


def test_sports_points_stay_counts() -> None:
    assert one("The guard scored 31 points.").unit is None


def test_huge_exponents_are_not_read() -> None:
    assert all(abs(q.value.low) < Decimal("1e30") for q in figcheck.extract("It is 5x10^999 kg."))


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("Shares traded between $14 and 15 on Monday.", 14, 15),
        ("Crude sold for between $70 and 75 a barrel.", 70, 75),
        ("Tickets cost 6 or $7 at the door.", 6, 7),
    ],
)
def test_money_ranges_with_one_sign(text: str, low: int, high: int) -> None:
    q = one(text)
    assert (q.value.low, q.value.high, q.unit, q.bound) == (low, high, "dollar", "range")


def test_spoken_cents_still_join() -> None:
    assert one("It cost 15 dollars and 15.").value.low == Decimal("15.15")


@pytest.mark.parametrize(
    "text, first, second",
    [
        ("Revenue rose from 18.5 to 21-23 billion euros.", (Decimal("18.5E9"), Decimal("18.5E9"), "euro"),
         (Decimal("21E9"), Decimal("23E9"), "euro")),
        ("Subscribers rose from 4 to 6 million.", (Decimal("4E6"), Decimal("4E6"), None), (Decimal("6E6"), Decimal("6E6"), None)),
        ("Profit rose from $3 to $5 billion.", (Decimal("3E9"), Decimal("3E9"), "dollar"),
         (Decimal("5E9"), Decimal("5E9"), "dollar")),
    ],
)
def test_a_change_from_a_bare_start_takes_the_end_scale(text: str, first: tuple, second: tuple) -> None:
    qs = figcheck.extract(text)
    assert [(q.value.low, q.value.high, q.unit) for q in qs] == [first, second]


def test_a_bare_start_bigger_than_the_end_keeps_its_value() -> None:
    qs = figcheck.extract("It fell from 300 to 2 million.")
    assert [q.value.low for q in qs] == [300, 2_000_000]
