"""Property tests: a figure never contradicts itself or its rewording; widening a hedge never
creates a contradiction; the order documents come in never changes the findings."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.compare import across, assign_stories, within
from figcheck.config import Config

from .helpers import doc, fig

CFG = Config()
HEADS = ("troop", "person", "passenger")


def _rewordings(v: int) -> list[str]:
    out = [f"{v:,}", str(v)]
    if v % 1000 == 0 and v >= 1000:
        out.append(f"{v // 1000}k")
        out.append(f"{v // 1000} thousand")
    if v % 1_000_000 == 0 and v >= 1_000_000:
        out.append(f"{v // 1_000_000} million")
    return out


values = st.one_of(
    st.integers(min_value=1, max_value=5000),
    st.integers(min_value=1, max_value=900).map(lambda x: x * 1000),
    st.integers(min_value=1, max_value=50).map(lambda x: x * 1_000_000),
)


@settings(max_examples=60, deadline=None)
@given(v=values, data=st.data())
def test_figure_never_contradicts_its_rewording(v: int, data: st.DataObject) -> None:
    forms = _rewordings(v)
    a = data.draw(st.sampled_from(forms))
    b = data.draw(st.sampled_from(forms))
    hedge_a = data.draw(st.sampled_from(["", "about ", "some ", "more than ", "nearly "]))
    head = data.draw(st.sampled_from(HEADS))
    text = f"Officials said {hedge_a}{a} {head}s were counted.\n\nIn all, {b} {head}s, they said."
    d, qs = doc(text, fig(f"{hedge_a}{a}", head=head), fig(b, occurrence=2 if a == b else 1,
                                                             head=head))
    assert within(d, qs, CFG) == []
    other = doc(f"There were {b} {head}s.", fig(b, head=head), id="d2")
    assert across([(d, qs), other], CFG) == []


@settings(max_examples=80, deadline=None)
@given(
    a=st.integers(min_value=1, max_value=20000),
    b=st.integers(min_value=1, max_value=20000),
    hedge=st.sampled_from(["about", "around", "roughly", "some"]),
)
def test_widening_a_hedge_never_creates_a_contradiction(a: int, b: int, hedge: str) -> None:
    # ("nearly" is not a widening: it caps the figure at its value, see figcheck.intervals)
    def codes(surface_a: str) -> set[tuple[str, str]]:
        text = f"There were {surface_a} people hurt.\n\nDoctors saw {b:,} people hurt."
        d, qs = doc(text, fig(surface_a, head="person", event="injure"),
                    fig(f"{b:,}", head="person", event="injure"))
        return {(f.code, f.claims[0].text) for f in within(d, qs, CFG)}

    exact = codes(f"{a:,}")
    hedged = codes(f"{hedge} {a:,}")
    assert len(hedged) <= len(exact)


@settings(max_examples=40, deadline=None)
@given(
    vals=st.lists(st.integers(min_value=1, max_value=400), min_size=2, max_size=4),
    dates=st.lists(st.integers(min_value=1, max_value=9), min_size=4, max_size=4),
    perm=st.permutations(range(4)),
)
def test_document_order_never_changes_findings(vals: list[int], dates: list[int],
                                               perm: list[int]) -> None:
    group = []
    for i, v in enumerate(vals):
        text = f"Rescuers near Lesbos said {v} passengers were on the Aegean Star."
        group.append(doc(text, fig(str(v), head="passenger"), id=f"d{i}", source=f"S{i % 2}",
                         published=f"2024-03-0{dates[i]}"))
    permuted = [group[i] for i in perm if i < len(group)]
    assert across(permuted, CFG) == across(group, CFG)
    assert assign_stories(permuted, CFG) == assign_stories(group, CFG)


_WORDS = {10_000: "ten thousand", 12: "twelve", 1_000_000: "one million", 200: "two hundred"}


@settings(max_examples=30, deadline=None)
@given(v=st.sampled_from(sorted(_WORDS)), data=st.data())
def test_rewording_through_the_parser(v: int, data: st.DataObject) -> None:
    import figcheck

    forms = [f"{v:,}", _WORDS[v]] + ([f"{v // 1000}k"] if v % 1000 == 0 else [])
    a, b = data.draw(st.sampled_from(forms)), data.draw(st.sampled_from(forms))
    hedge = data.draw(st.sampled_from(["", "about ", "some ", "nearly "]))
    text = (f"Officials said {hedge}{a} troops were deployed to the border.\n\n"
            f"The {b} troops were deployed to the border last week, they said.")
    assert figcheck.check([text]).findings == ()


@settings(max_examples=60, deadline=None)
@given(
    a=st.integers(min_value=1, max_value=20000),
    b=st.integers(min_value=1, max_value=20000),
    t1=st.sampled_from(["0", "0.05", "0.1"]),
    t2=st.sampled_from(["0.1", "0.2", "0.5"]),
)
def test_a_wider_tolerance_never_creates_a_contradiction(a: int, b: int, t1: str,
                                                         t2: str) -> None:
    text = f"There were about {a:,} people hurt.\n\nDoctors saw about {b:,} people hurt."
    d, qs = doc(text, fig(f"about {a:,}", head="person", event="injure"),
                fig(f"about {b:,}", head="person", event="injure"))
    narrow = within(d, qs, Config(tolerance=t1))
    wide = within(d, qs, Config(tolerance=t2))
    assert len(wide) <= len(narrow)
