"""Number-shaped fuzzing: the parser never raises on any ``str`` and its work stays linear.

Bounded profile: ``FIGCHECK_FUZZ_EXAMPLES`` (default 300 per property) keeps the suite quick; a
longer run is the same test with a bigger number.
"""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import figcheck
from figcheck.parser import work

_EXAMPLES = int(os.environ.get("FIGCHECK_FUZZ_EXAMPLES", "300"))
_PROFILE = settings(
    max_examples=_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

_ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u202e"]
_SEPARATORS = [",", ".", " ", "\u2009", "\u202f", "\u00a0", ":", "/", "-", "\u2013", "\u2212", "x", "\u00d7",
               "e", "E", "^", "'", "_", "+", "%", "\n", "\n\n"]
_AFFIXES = ["$", "\u00a3", "\u20ac", "\u00a5", "C$", "Y=", "US$", "bn", "m", "k", "K", "M", "B", "million ",
            " billion", " per cent", "%", " km", " kg", "C", "F", " mph", " a day", " per share", "10", "10-",
            "minus-", "-", "about ", "at least ", "between ", " and ", " to ", " or ", "1/2", "\u00bd",
            "one in ", "x10", "\u00d710\u2212", "e-", "e+", " points", " hp", " yards"]

digit_runs = st.integers(min_value=1, max_value=60).flatmap(
    lambda n: st.text(alphabet="0123456789", min_size=n, max_size=n)
)
atoms = st.one_of(
    digit_runs,
    digit_runs,
    st.sampled_from(_SEPARATORS),
    st.sampled_from(_ZERO_WIDTH),
    st.sampled_from(_AFFIXES),
    st.text(alphabet="0123456789" + "".join(_ZERO_WIDTH), min_size=1, max_size=40),
)
number_soup = st.lists(atoms, max_size=40).map("".join)


def _check(text: str) -> None:
    qs = figcheck.extract(text, title=text[:60])
    for q in qs:
        src = text if q.field == "text" else text[:60]
        assert src[q.start : q.end] == q.text
        assert q.start < q.end
    json.dumps([q.model_dump(mode="json") for q in qs])


def test_long_ratio_does_not_raise() -> None:
    """The reproducer of issue 13 item 4: a ratio wider than Decimal's 28 digits."""
    _check("12345678901234567890123456789:1")
    _check("Odds of 12345678901234567890123456789:1, they said.")
    _check("99999999999999999999999/1 and 1/99999999999999999999999")


@_PROFILE
@given(number_soup)
def test_number_shaped_text_never_raises(text: str) -> None:
    _check(text)


@_PROFILE
@given(st.lists(st.tuples(digit_runs, st.sampled_from(_SEPARATORS + _ZERO_WIDTH)), min_size=1, max_size=30))
def test_separated_digit_runs_never_raise(parts: list[tuple[str, str]]) -> None:
    _check("".join(a + b for a, b in parts))
    _check("It was " + "".join(a + b for a, b in parts) + " people.")


@_PROFILE
@given(number_soup)
def test_work_is_linear_on_number_soup(text: str) -> None:
    assert work(text) <= 40 * len(text) + 40


def _zero_width_digits(n: int) -> str:
    import random

    rng = random.Random(7)
    return "".join(rng.choice("0123456789" + "".join(_ZERO_WIDTH[:4])) for _ in range(n))


def test_digits_strewn_with_zero_width_characters_are_one_run_not_thousands_of_figures() -> None:
    """1 MB of this took 3.1 GB when every zero-width character split off a new figure."""
    text = _zero_width_digits(50_000)
    assert figcheck.extract(text) == []
    assert work(text) <= 40


def test_work_stays_linear_on_zero_width_soups() -> None:
    for unit in ("12\u200b people, 3\u200b.5% ", "1\u200b2\u200b3 ", "\u200b1,\u00ad"):
        w1, w4 = work(unit * 500), work(unit * 2000)
        assert w4 <= 4 * w1 + w1 // 20, unit
        assert w4 <= 40 * len(unit * 2000)


def test_invisible_characters_are_read_as_absent_with_offsets_kept() -> None:
    text = "Prices rose 12\u200b% to \u20ac3.5\u00adbn, and 4\u200b0C heat hit 12\u200b345 homes."
    got = [(q.text, q.value.low, q.unit) for q in figcheck.extract(text)]
    assert got == [
        ("12\u200b%", 12, "percentage"),
        ("\u20ac3.5\u00adbn", 3_500_000_000, "euro"),
        ("4\u200b0C", 40, "degree Celsius"),
        ("12\u200b345", 12345, None),
    ]


def test_terminal_escapes_and_control_characters_are_no_figures() -> None:
    """Issue 13 item 2: the "0" of ESC ] 0 ; title BEL was read as a figure."""
    text = "\u001b]0;pwned\u0007\u001b[31mEVIL\u001b[0m and 12 people\u0000 came."
    assert [q.text for q in figcheck.extract(text)] == ["12"]
    assert work(("\u001b]" + "9" * 600) * 50) <= 40 * 600 * 50
