"""The harness's own number reader: independent of figcheck, and reads news numbers plainly."""

from __future__ import annotations

import ast
import random
from decimal import Decimal
from pathlib import Path

import synth_realnews  # noqa: F401  (puts bench/ on the path)
from realnews.numbers import alter, numbers, same_reading

BENCH = Path(synth_realnews.ROOT) / "bench" / "realnews"


def read(text: str) -> list[tuple[str, Decimal, str, str | None]]:
    return [(n.surface, n.value, n.kind, n.unit) for n in numbers(text)]


def test_does_not_import_figcheck() -> None:
    tree = ast.parse((BENCH / "numbers.py").read_text())
    names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not [n for n in names if "figcheck" in n or n.startswith(".")]


def test_digits_scales_currency_percent() -> None:
    got = read("Sales rose 4.5% to $1.2bn from £900m, and 3,500 homes lost power.")
    assert got == [
        ("4.5%", Decimal("4.5"), "percent", None),
        ("$1.2bn", Decimal("1.2E+9"), "money", "USD"),
        ("£900m", Decimal("900000000"), "money", "GBP"),
        ("3,500", Decimal(3500), "count", None),
    ]


def test_words_units_and_per_cent() -> None:
    got = read("Three people died. Winds hit 60 mph (97 km/h). Turnout was 62 per cent.")
    assert got == [
        ("Three", Decimal(3), "count", None),
        ("60 mph", Decimal(60), "measure", "mph"),
        ("97 km/h", Decimal(97), "measure", "km/h"),
        ("62 per cent", Decimal(62), "percent", None),
    ]
    assert numbers("Three people died.")[0].noun == "people"


def test_not_figures() -> None:
    text = ("In 2023 the B-52 flew at 10:30 on March 5 and Covid-19 cases fell; he came 1st, "
            "the score was 3-1, call 555-0199.")
    assert read(text) == []


def test_m_scale_units_and_glued_letters() -> None:
    assert read("About 2m people voted.") == [("2m", Decimal(2000000), "count", None)]
    assert read("He won the 100m sprint.") == [("100m", Decimal(100), "measure", "m")]
    assert read("It was 40C (104F).") == [("40C", Decimal(40), "measure", "c"),
                                          ("104F", Decimal(104), "measure", "f")]
    assert read("In the 1990s 4G came; they won 3\u20131.") == []
    assert read("Hide Caption 4 of 19 Photos: Rome") == []


def test_same_reading_compares_face_values() -> None:
    a, b, c = numbers("It cost $5m. Later $5,000,000 was paid. Another £5m went.")
    assert same_reading(a, b)
    assert not same_reading(a, c)
    km, mi = numbers("It is 8 km or 5 miles away.")
    assert not same_reading(km, mi)


def test_alter_keeps_format_and_contradicts() -> None:
    rng = random.Random(3)
    for text in ("3,500 homes", "$1.2bn", "4.5%", "12,000 troops", "Three people", "60 mph"):
        n = numbers(text)[0]
        new = alter(n, rng)
        assert new is not None and new != n.surface
        m = numbers(new + text[n.end:])[0]
        assert m.kind == n.kind and m.unit == n.unit
        assert m.value != n.value
        ratio = max(m.value, n.value) / min(m.value, n.value)
        assert ratio >= Decimal("1.2"), (text, new)
        assert ("," in new) == ("," in n.surface)


def test_alter_is_seeded() -> None:
    n = numbers("about 12,000 troops")[0]
    assert alter(n, random.Random(5)) == alter(n, random.Random(5))
