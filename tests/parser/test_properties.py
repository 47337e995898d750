"""Hypothesis properties: round trips through many surface forms, never raising, linear work."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import figcheck
from figcheck.parser import work

_ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words_below_1000(n: int) -> str:
    parts = []
    h, r = divmod(n, 100)
    if h:
        parts.append(f"{_ONES[h]} hundred")
    if r:
        if h:
            parts.append("and")
        if r < 10:
            parts.append(_ONES[r])
        elif r < 20:
            parts.append(_TEENS[r - 10])
        else:
            t, o = divmod(r, 10)
            parts.append(_TENS[t] + (f"-{_ONES[o]}" if o else ""))
    return " ".join(parts)


def spell(n: int) -> str:
    """English words for 1 <= n < 10**9."""
    parts = []
    for scale, name in ((10**6, "million"), (10**3, "thousand")):
        q, n = divmod(n, scale)
        if q:
            parts.append(f"{_words_below_1000(q)} {name}")
    if n:
        parts.append(_words_below_1000(n))
    return " ".join(parts)


def grouped(n: int, sep: str) -> str:
    s = str(n)
    out = []
    while len(s) > 3:
        out.append(s[-3:])
        s = s[:-3]
    out.append(s)
    return sep.join(reversed(out))


def only(text: str):
    qs = figcheck.extract(text)
    assert len(qs) == 1, [q.text for q in qs]
    return qs[0]


counts = st.integers(min_value=2, max_value=999_999_999)


@settings(deadline=None)  # a property, not a timing: speed is measured in bench/
@given(counts, st.sampled_from([",", "\u2009", "\u202f"]))
def test_round_trip_digits_with_separators(n: int, sep: str) -> None:
    q = only(f"Officials said {grouped(n, sep)} people were affected.")
    assert q.value.low == q.value.high == n


@settings(deadline=None)  # a property, not a timing: speed is measured in bench/
@given(counts)
def test_round_trip_words(n: int) -> None:
    q = only(f"Officials said {spell(n)} people were affected.")
    assert q.value.low == n, spell(n)


@settings(deadline=None)  # a property, not a timing: speed is measured in bench/
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9),
       st.sampled_from([("bn", 10**9), ("m", 10**6), ("k", 10**3), (" billion", 10**9),
                        (" million", 10**6), ("tn", 10**12), (" trillion", 10**12)]))
def test_round_trip_scaled_money(whole: int, tenth: int, scale: tuple[str, int]) -> None:
    word, factor = scale
    for sym, unit in (("$", "dollar"), ("\u00a3", "pound sterling"), ("\u20ac", "euro")):
        q = only(f"The deal is worth {sym}{whole}.{tenth}{word}, the firm said.")
        assert q.value.low == Decimal(f"{whole}.{tenth}") * factor
        assert q.unit == unit


@settings(deadline=None)  # a property, not a timing: speed is measured in bench/
@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=9))
def test_round_trip_decimal_percent(a: int, b: int) -> None:
    for form in ("%", " per cent", " percent"):
        q = only(f"The rate was {a}.{b}{form} last month.")
        assert q.value.low == Decimal(f"{a}.{b}")
        assert q.unit == "percentage"


@settings(deadline=None)  # a property, not a timing: speed is measured in bench/
@given(st.integers(min_value=2, max_value=50_000), st.integers(min_value=1, max_value=50_000))
def test_round_trip_ranges(a: int, d: int) -> None:
    b = a + d
    for form in ("{a} to {b}", "{a}-{b}", "between {a} and {b}", "{a}\u2013{b}"):
        text = "Officials counted " + form.format(a=grouped(a, ","), b=grouped(b, ",")) + " tents."
        q = only(text)
        assert (q.value.low, q.value.high, q.bound) == (a, b, "range"), text


@settings(deadline=None)  # a property, not a timing: speed is measured in bench/
@given(st.integers(min_value=25, max_value=6000), st.sampled_from(["$", "", "about "]))
def test_overlong_digit_runs_are_not_figures(n: int, prefix: str) -> None:
    """A 5,000-digit "figure" would break JSON output (int-to-str limit); it is junk, not news."""
    import json

    qs = figcheck.extract(f"It cost {prefix}{'7' * n} in total, and 12 people came.")
    assert [q.text for q in qs] == ["12"]
    json.dumps([q.model_dump(mode="json") for q in qs])


@settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_never_raises_on_any_string(text: str) -> None:
    import json

    qs = figcheck.extract(text, title=text[:40])
    for q in qs:
        src = text if q.field == "text" else text[:40]
        assert src[q.start : q.end] == q.text
    json.dumps([q.model_dump(mode="json") for q in qs])


_ALPHABET = st.sampled_from(
    list("0123456789,.-/ %$\u00a3\u20ac\u00bd\n")
    + ["between ", "and ", "to ", "million ", "two ", "hundred ", "a ", "dozen ", "of ", "more than ",
       "km", "C", "bn", "aged ", "-year-old", "rose ", "by "]
)


@settings(deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=200).map("".join))
def test_work_is_linear_on_grammar_soup(text: str) -> None:
    assert work(text) <= 40 * len(text) + 40


@settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_quantities_are_well_formed_on_grammar_soup(text: str) -> None:
    for q in figcheck.extract(text):
        assert text[q.start : q.end] == q.text and q.start < q.end
        if q.kind != "score":
            assert q.value.low <= q.value.high
        if q.interval.low is not None and q.interval.high is not None:
            assert q.interval.low <= q.interval.high
        if q.base is not None and q.base.low is not None and q.base.high is not None:
            assert q.base.low <= q.base.high


ADVERSARIAL = {
    "commas": "1,1" * 20000,
    "between": "between " * 10000,
    "digits": "7" * 100000,
    "no_spaces": "1,000to2,000bn$" * 5000,
    "words": "two hundred and " * 5000,
    "hyphens": "1-2-3-4-" * 10000,
    "slashes": "1/2/" * 20000,
    "hedges": "more than about nearly " * 3000,
    "grouped": "1,000,000," * 10000,
    "spaced_groups": "1 000 000 " * 8000,
    "dotted": "1.1." * 20000,
    "hyphenated_words": "ab-cd-" * 15000,
    "urls": "http://x/1%20" * 5000,
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_work_is_linear_on_adversarial_input(name: str) -> None:
    text = ADVERSARIAL[name]
    assert work(text) <= 40 * len(text)
    figcheck.extract(text[:20000])  # and it completes


def test_work_grows_linearly() -> None:
    base = "Over 10,000 troops, about $3.5bn and 40C between 5 and 7 km. " * 50
    w1, w4 = work(base), work(base * 4)
    assert w4 <= 4 * w1 + w1 // 20
