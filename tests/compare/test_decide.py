"""The scored "same fact" decision (figcheck.compare.same_fact), tested from text through the
parser and its frames, never from hand-made subjects.  The metamorphic properties: a paraphrase
keeps the verdict (active/passive, digits/words, headline case), a conflicting value keeps
"same fact" (the value is not what makes a fact), the order of the pair does not matter, and a
different holder or event class removes it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck import Document, extract
from figcheck.compare import same_fact
from figcheck.compare.decide import SLOT_NAMES, STATES, parse_weights, weights

from .helpers import PARAPHRASE_FIT, SLOT_FIT


def _fig(text: str, n: int = 0, **doc: object) -> tuple[Document, object]:
    d = Document(id=str(doc.pop("id", text)), text=text, **doc)  # type: ignore[arg-type]
    qs = [q for q in extract(text) if q.kind == "figure"]
    return d, qs[n]


def decide(ta: str, tb: str, na: int = 0, nb: int = 0, **kw: object):
    da, qa = _fig(ta, na, id="a", published=kw.get("pa"))
    db, qb = _fig(tb, nb, id="b", published=kw.get("pb"))
    return same_fact(qa, qb, da, db)  # type: ignore[arg-type]


# -- decisions from text ---------------------------------------------------------------------

SAME = [
    ("Regulators fined the bank 140m euros.", "The bank was fined 410m euros."),
    ("The fire destroyed 85 homes.", "240 homes had been destroyed by the fire."),
    pytest.param("At least 30 people were killed.", "The death toll rose to 52.",
                 marks=pytest.mark.xfail(strict=True, reason=PARAPHRASE_FIT)),
    ("Two sailors were killed.", "Three sailors were killed in the collision."),
    ("About 10,000 North Korean troops were deployed.", "The army deployed 12,000 troops."),
]
DIFFERENT = [
    pytest.param("Curry scored 29 points.", "Durant scored 26 points.",
                 marks=pytest.mark.xfail(strict=True, reason=SLOT_FIT)),
    ("The fire destroyed 85 homes.", "The storm damaged 240 homes."),
    ("Regulators fined the bank 140m euros.", "The bank was fined $410m."),
    ("Fares will rise by 12% next year.", "Fares rose by 15%."),
    ("In 2022, 500 people died in floods.", "In 2023, 145 people died in floods."),
    ("16 of them were children.", "43 children were injured."),
    ("Kevin Johnson, 25, was arrested.", "Mark Smith, 31, was arrested."),
    ("40 people were injured in the crash.", "12 people were killed in the crash."),
]


@pytest.mark.parametrize("ta, tb", SAME)
def test_same_fact(ta, tb):
    d = decide(ta, tb)
    assert d.same, (d.score, dict(d.slots), d.vetoes)
    assert 0.5 <= d.score <= 1.0
    assert "measure" in d.matched()


@pytest.mark.parametrize("ta, tb", DIFFERENT)
def test_different_fact(ta, tb):
    d = decide(ta, tb)
    assert not d.same, (d.score, dict(d.slots), d.vetoes)


def test_hard_constraints_name_themselves():
    assert decide("The bank was fined 140m euros.", "The bank was fined $410m.").vetoes == (
        "currency",)
    assert "plan" in decide("Fares will rise by 12%.", "Fares rose by 15%.").vetoes
    assert "period" in decide("In 2022, 500 people died.", "In 2023, 145 people died.").vetoes
    assert "part" in decide("16 of them were children.", "43 children were injured.").vetoes


def test_a_forecast_against_a_statement_is_scored_not_excluded():
    # issue 11: hard constraints only for what logically excludes one fact; a modal against an
    # assertion is the stance slot's (on the dev pairs 35 such pairs are labelled same)
    d = decide("Inflation could reach 5% next year.", "Inflation reached 4% last year.")
    assert d.vetoes == () and d.slots["stance"] == "different" and d.score > 0
    assert "plan" in decide("Fares will rise by 12%.", "Fares rose by 15%.").vetoes


def test_deaths_are_the_death_toll():
    # the frames call killed people "deaths"; the death toll is the same measure
    from figcheck.compare.decide import _cmp_measure

    assert _cmp_measure("deaths", "death toll") == "same"
    assert _cmp_measure("fatalities", "deaths") == "same"
    assert _cmp_measure("deaths", "injury") == "different"


def test_a_common_noun_holder_against_a_named_one_is_compatible():
    from figcheck.compare.decide import _cmp_holder
    from figcheck.model import Frame

    ferry = Frame(holder="the ferry", context=("ferry", "carry", "passenger"))
    estonia = Frame(holder="estonia", context=("Estonia", "carry", "passenger"))
    apple = Frame(holder="apple", context=("Apple", "sell", "phone"))
    google = Frame(holder="google", context=("Google", "sell", "phone"))
    bus = Frame(holder="the bus", context=("bus", "carry", "passenger"))
    assert _cmp_holder(ferry, estonia) == _cmp_holder(estonia, ferry) == "compatible"
    assert _cmp_holder(apple, google) == "different"  # two names
    assert _cmp_holder(ferry, bus) == "different"  # two common nouns


def test_relative_days_are_resolved_against_publication_dates():
    # Monday's count in a Tuesday report and Wednesday's in a Thursday report: two days
    d = decide("On Monday 30 people had died.", "By Wednesday 52 people had died.",
               pa=dt.date(2024, 5, 7), pb=dt.date(2024, 5, 9))
    assert "period" in d.vetoes
    # the same weekday in two reports of the same week: one day
    d = decide("On Monday 30 people had died.", "On Monday 52 people had died.",
               pa=dt.date(2024, 5, 7), pb=dt.date(2024, 5, 8))
    assert d.same and d.slots["time"] == "same"


def test_figures_of_one_sentence_are_siblings():
    text = "The Conservatives won 191 seats and the Social Democrats won 118 seats."
    d0 = Document(id="d", text=text)
    q = [q for q in extract(text) if q.kind == "figure"]
    got = same_fact(q[0], q[1], d0, d0)
    assert not got.same and "siblings" in got.vetoes


def test_weights_file_has_every_slot_and_state():
    w = weights()
    assert 0 < w.threshold < 1
    for slot in SLOT_NAMES:
        assert set(w.slots[slot]) == set(STATES)
    # round trip through the file format bench/calibrate.py writes
    import tomllib

    again = parse_weights(tomllib.loads(w.to_toml()))
    assert again.slots == w.slots and again.threshold == w.threshold


# -- metamorphic properties ------------------------------------------------------------------

NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
                9: "nine", 12: "12", 30: "30", 52: "52", 140: "140"}
EVENTS = [("killed", "kill"), ("injured", "injure"), ("arrested", "arrest"),
          ("evacuated", "evacuate"), ("rescued", "rescue")]
NOUNS = ["people", "sailors", "miners", "residents", "passengers", "workers"]
values = st.sampled_from(sorted(NUMBER_WORDS))


def _passive(n: str, noun: str, verb: str) -> str:
    return f"{n} {noun} were {verb} on Tuesday."


def _capital(s: str) -> str:
    return s[:1].upper() + s[1:]


@settings(max_examples=40, deadline=None)
@given(a=values, b=values, noun=st.sampled_from(NOUNS), ev=st.sampled_from(EVENTS),
       words=st.booleans(), headline=st.booleans())
def test_paraphrase_keeps_the_verdict(a, b, noun, ev, words, headline):
    verb = ev[0]
    na = NUMBER_WORDS[a] if words else str(a)
    base = decide(_capital(_passive(str(a), noun, verb)), _passive(str(b), noun, verb))
    # digits/words, and headline case on the first
    ta = _capital(_passive(na, noun, verb))
    if headline:
        ta = " ".join(w[:1].upper() + w[1:] for w in ta.rstrip(".").split())
    para = decide(ta, _passive(str(b), noun, verb))
    assert para.same == base.same, (ta, dict(para.slots), dict(base.slots))
    assert base.same  # the same noun, event and day: one fact whatever the values


@settings(max_examples=30, deadline=None)
@given(a=values, b=values, noun=st.sampled_from(NOUNS), ev=st.sampled_from(EVENTS))
def test_order_does_not_matter(a, b, noun, ev):
    ta, tb = _capital(_passive(str(a), noun, ev[0])), _passive(str(b), noun, ev[0])
    x, y = decide(ta, tb), decide(tb, ta)
    assert (x.same, x.score, dict(x.slots)) == (y.same, y.score, dict(y.slots))


@settings(max_examples=30, deadline=None)
@given(a=values, b=values, noun=st.sampled_from(NOUNS), evs=st.permutations(EVENTS))
@pytest.mark.xfail(strict=True, reason=SLOT_FIT)
def test_another_event_class_is_another_fact(a, b, noun, evs):
    ta = _capital(_passive(str(a), noun, evs[0][0]))
    tb = _passive(str(b), noun, evs[1][0])
    assert not decide(ta, tb).same


@settings(max_examples=30, deadline=None)
@given(a=st.integers(10, 40), b=st.integers(10, 40),
       names=st.permutations(["Curry", "Durant", "Thompson", "Green", "Booker"]))
@pytest.mark.xfail(strict=True, reason=SLOT_FIT)
def test_renaming_the_holder_removes_the_same_fact(a, b, names):
    same = decide(f"{names[0]} scored {a} points.", f"{names[0]} scored {b} points.")
    other = decide(f"{names[0]} scored {a} points.", f"{names[1]} scored {b} points.")
    assert same.same and not other.same, (dict(same.slots), dict(other.slots))


def test_active_and_passive_meet():
    d = decide("Police arrested 30 protesters on Friday.",
               "On Friday 45 protesters were arrested by police.")
    assert d.same and d.slots["event"] == "same"
