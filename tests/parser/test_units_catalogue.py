"""The unit table is generated from quantulum3's catalogue plus figcheck's news layer, and in sync."""

from __future__ import annotations

from decimal import Decimal

import pytest

import figcheck
from figcheck.parser.units import table


def test_units_json_is_in_sync_with_its_generator() -> None:
    pytest.importorskip("quantulum3")
    from figcheck.data import units_generate

    assert units_generate.main(["--check"]) == 0, "run: python -m figcheck.data.units_generate"


def test_catalogue_units_are_in_the_table() -> None:
    names = table().by_name
    for name in ("kilowatt", "gigahertz", "micrometre", "newton metre", "parts-per-billion", "horsepower"):
        assert name in names, name
    # a prefixed catalogue unit takes its conversion from its stem and the prefix
    assert names["gigawatt"].base == "watt" and names["gigawatt"].factor == Decimal("1e9")


@pytest.mark.parametrize(
    "text, unit, dimension",
    [
        ("The engine makes 310 hp at full throttle.", "horsepower", "power"),
        ("The hatchback's motor is rated at 95 PS.", "metric horsepower", "power"),
        ("The heater draws 3 kW when on.", "kilowatt", "power"),
        ("It delivers 420 Nm of torque.", "newton metre", "torque"),
        ("The grid runs at 50 Hz.", "hertz", "frequency"),
        ("Tests found 7 ppb of lead.", "parts-per-billion", "ratio"),
        ("The filter stops particles of 3 µm.", "micrometre", "length"),
        ("The alloy is rated at 80 ksi.", "kilopound per square inch", "pressure"),
        ("Tickets cost 450 kroner each.", "norwegian krone", "currency"),
        ("The fine was 900 shekels.", "israeli new shekel", "currency"),
        ("Bread costs 18 rand now.", "south african rand", "currency"),
        ("It bought a 15\u2033 laptop.", "inch", "length"),
    ],
)
def test_news_units(text: str, unit: str, dimension: str) -> None:
    qs = figcheck.extract(text)
    assert [(q.unit, q.dimension) for q in qs] == [(unit, dimension)], [q.text for q in qs]


def test_yen_written_y_equals() -> None:
    (q,) = figcheck.extract("Exports fell to Y=412 billion in May.")
    assert (q.value.low, q.unit) == (412_000_000_000, "japanese yen")


def test_horsepower_converts_to_watts() -> None:
    (q,) = figcheck.extract("The engine makes 100 hp.")
    assert q.base_unit == "watt" and q.base is not None
    assert q.base.low is not None and q.base.high is not None
    assert q.base.low <= Decimal("74569.987") <= q.base.high


@pytest.mark.parametrize(
    "text, unit, per",
    [
        ("The field pumps 650,000 barrels a day.", "barrel", "day"),
        ("The board declared C$4 per share.", "canadian dollar", "share"),
        ("Diesel averaged $3.05 per gallon.", "dollar", "gallon"),
        ("Cleaners earn $710 a week.", "dollar", "week"),
        ("The plan costs 7.49 dollars per month.", "dollar", "month"),
        ("Brent traded at $81 a barrel.", "dollar", "barrel"),
        ("Tickets are \u00a312/head.", "pound sterling", "head"),
    ],
)
def test_rates_name_their_denominator(text: str, unit: str, per: str) -> None:
    (q,) = figcheck.extract(text)
    assert (q.unit, q.per) == (unit, per)


@pytest.mark.parametrize(
    "text",
    ["Prices rose 4% a year.", "The firm paid $9m to settle.", "He ran 40 km in a day and a half."],
)
def test_amounts_are_not_rates(text: str) -> None:
    assert all(q.per is None for q in figcheck.extract(text))
