"""Bad or odd input never gives a traceback: arbitrary quantities over arbitrary text."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.compare import across, within
from figcheck.config import Config
from figcheck.intervals import normalise
from figcheck.model import Document, Quantity, Subject, Value

WORDS = ["from", "to", "(", ")", "of", "and", ",", "doubled", "halved", "rose", "a", "rise",
         "included", "comprising", "the", "victims", ".", "\n\n", "about", "were", "%"]
UNITS = [(None, "count", None), ("percentage", "ratio", None), ("mile", "length", "metre"),
         ("kilometre", "length", "metre"), ("celsius", "temperature", "kelvin"),
         ("fahrenheit", "temperature", "kelvin"), ("dollar", "currency", None)]

decimals = st.one_of(
    st.integers(min_value=-10**6, max_value=10**6).map(Decimal),
    st.decimals(min_value=Decimal("-1e40"), max_value=Decimal("1e40"), allow_nan=False,
                allow_infinity=False, places=3),
    st.sampled_from([Decimal(0), Decimal("1e35"), Decimal("0.0001")]),
)


@st.composite
def quantities(draw: st.DrawFn, text: str) -> Quantity:
    a = draw(st.integers(min_value=0, max_value=max(0, len(text))))
    b = draw(st.integers(min_value=a, max_value=max(a, len(text))))
    lo, hi = sorted((draw(decimals), draw(decimals)))
    bound = draw(st.sampled_from(["exact", "approximate", "lower", "upper", "range"]))
    prec = draw(st.one_of(st.none(), st.sampled_from([Decimal(1), Decimal("0.1"), Decimal(1000)])))
    unit, dim, base_unit = draw(st.sampled_from(UNITS))
    iv = normalise(lo, hi, bound, prec)
    base = iv if base_unit else None
    return Quantity(
        field="text", start=a, end=b, text=text[a:b], kind=draw(st.sampled_from(
            ["figure", "figure", "factor", "score"])), value=Value(low=lo, high=hi), bound=bound,
        precision=prec, interval=iv, unit=unit, dimension=dim, base_unit=base_unit, base=base,
        direction=draw(st.sampled_from([None, "up", "down"])),
        paragraph=draw(st.integers(min_value=0, max_value=3)),
        subject=Subject(head=draw(st.sampled_from([None, "person", "troop"])),
                        event=draw(st.sampled_from([None, "kill", "rise from"])),
                        place=draw(st.sampled_from([None, "Kursk"]))),
    )


@settings(max_examples=150, deadline=None)
@given(data=st.data(), words=st.lists(st.sampled_from(WORDS + ["12", "40", "5"]), max_size=40))
def test_never_raises(data: st.DataObject, words: list[str]) -> None:
    text = " ".join(words)
    qs = data.draw(st.lists(quantities(text), max_size=8))
    d = Document(id="a", text=text)
    for f in within(d, qs, Config()):
        assert 0 <= f.confidence <= 1
    e = Document(id="b", text=text)
    across([(d, qs), (e, qs)], Config())
