"""Arithmetic within one sentence (FC201-FC205), each with the traps that must stay quiet."""

from __future__ import annotations

import pytest

from figcheck.compare import within
from figcheck.config import Config

from .helpers import doc, fig

PCT = "percentage"

# --- origin: issue 3 examples --------------------------------------------------------------------
ISSUE = [
    pytest.param("Sales rose from 40 to 50, a 40% rise.",
                 [fig("40"), fig("50"), fig("40%", unit=PCT)], ["FC201"], id="pct-change-40"),
    pytest.param("Turnout was 62%, with 3.1 million of 4 million voters casting ballots.",
                 [fig("62%", unit=PCT, head="turnout"), fig("3.1 million", head="voter"),
                  fig("4 million", head="voter")], ["FC202"], id="share-turnout"),
    pytest.param("The 120 victims included 80 adults and 55 children.",
                 [fig("120", head="victim"), fig("80", head="adult"), fig("55", head="child")],
                 ["FC203"], id="parts-exceed-total"),
    pytest.param("Sales doubled from 40 to 60 last year.", [fig("40"), fig("60")], ["FC204"],
                 id="doubled-40-60"),
    pytest.param("The trail runs 5 miles (12 km) along the coast.",
                 [fig("5 miles", unit="mile"), fig("12 km", unit="kilometre")], ["FC205"],
                 id="miles-km"),
    pytest.param("Temperatures hit 40C (140F) on Sunday.",
                 [fig("40C", unit="celsius"), fig("140F", unit="fahrenheit")], ["FC205"],
                 id="celsius-fahrenheit"),
]

# --- origin: check corpus phrasings ---------------------------------------------------------------
CORPUS = [
    pytest.param("Buyers made up 40% of the 80,000 approvals, or 24,000 buyers, it said.",
                 [fig("40%", unit=PCT), fig("80,000"), fig("24,000")], ["FC202"],
                 id="share-or-restated"),
    pytest.param("Buyers made up 30% of the 80,000 approvals, or 24,000 buyers, it said.",
                 [fig("30%", unit=PCT), fig("80,000"), fig("24,000")], [],
                 id="share-or-restated-right"),
    pytest.param("The trial enrolled 8,058 infants. Of these, 4,037 (60%) received the vaccine.",
                 [fig("8,058"), fig("4,037"), fig("60%", unit=PCT)], ["FC202"],
                 id="share-of-these-previous-sentence"),
    pytest.param("The trial enrolled 8,058 infants. Of these, 4,037 (50%) received the vaccine.",
                 [fig("8,058"), fig("4,037"), fig("50%", unit=PCT)], [],
                 id="share-of-these-right"),
]

CORPUS += [
    pytest.param("The 88,000 prisoners include 84,000 men and 5,200 women.",
                 [fig("88,000"), fig("84,000"), fig("5,200")], ["FC203"],
                 id="parts-exceed-after-long-sentence-start"),
    pytest.param("Admissions have halved in ten years, from 42,000 in 2014-15 to 26,000 in "
                 "2023-24.", [fig("42,000"), fig("26,000")], ["FC204"],
                 id="halved-with-years-between"),
    pytest.param("Admissions have halved in ten years, from 42,000 in 2014-15 to 21,000 in "
                 "2023-24.", [fig("42,000"), fig("21,000")], [],
                 id="halved-with-years-between-right"),
    pytest.param("The club sold 40,000 season tickets, up from 20,000 last year, a threefold "
                 "increase.", [fig("40,000"), fig("20,000")], ["FC204"], id="up-from-threefold"),
    pytest.param("The club sold 60,000 season tickets, up from 20,000 last year, a threefold "
                 "increase.", [fig("60,000"), fig("20,000")], [], id="up-from-threefold-right"),
    pytest.param("Wind farms generated 47.3% of power, up from 42.6%, while emissions from "
                 "transport rose by 0.8%.", [fig("47.3%", unit=PCT), fig("42.6%", unit=PCT),
                                             fig("0.8%", unit=PCT)], [],
                 id="change-of-another-clause"),
    pytest.param("Recruits made up 40% of the 52,000 joiners, or 26,000 people, down from 48%.",
                 [fig("40%", unit=PCT), fig("52,000"), fig("26,000"), fig("48%", unit=PCT)],
                 ["FC202"], id="down-from-needs-one-unit-share-still-checked"),
    pytest.param("Nearly 2,000 people were evacuated. Of those evacuated, 1,150 were children, "
                 "about a third of the total.",
                 [fig("Nearly 2,000"), fig("1,150"),
                  fig("about a third", value=("0.3333", "0.3333"), dimension="ratio")],
                 ["FC202"],
                 id="fraction-of-the-total"),
    pytest.param("Nearly 2,000 people were evacuated. Of those evacuated, 1,150 were children, "
                 "three-fifths of the total.",
                 [fig("Nearly 2,000"), fig("1,150"),
                  fig("three-fifths", value=("0.6", "0.6"), dimension="ratio")], [],
                 id="fraction-of-the-total-right"),
    pytest.param("Unemployment rose from 3.6% to 4.1%, up 0.9 points.",
                 [fig("3.6%", unit=PCT), fig("4.1%", unit=PCT),
                  fig("0.9 points", unit="percentage point")], ["FC201"], id="points-wrong"),
    pytest.param("The asteroid came within 1.5 million km (600,000 miles) of Earth.",
                 [fig("within 1.5 million km", unit="kilometre", value=("1500000", "1500000")),
                  fig("600,000 miles", unit="mile")], ["FC205"], id="conversion-with-within"),
    pytest.param("The Yes side won in 14 of the 17 districts, including the capital, where it "
                 "took almost 60%.", [fig("14"), fig("17"), fig("almost 60%", unit=PCT)], [],
                 id="share-of-another-clause"),
    pytest.param("The budget has risen from \u20ac6.6bn to \u20ac8.8bn, a 25% overrun.",
                 [fig("\u20ac6.6bn", unit="euro"), fig("\u20ac8.8bn", unit="euro"),
                  fig("25%", unit=PCT)], ["FC201"], id="overrun-is-a-change"),
]

# --- origin: traps that must not fire -------------------------------------------------------------
QUIET = [
    pytest.param("Sales rose from 40 to 50, a 25% rise.",
                 [fig("40"), fig("50"), fig("25%", unit=PCT)], [], id="pct-change-right"),
    pytest.param("Sales fell from 50 to 40, a 20% drop.",
                 [fig("50"), fig("40"), fig("20%", unit=PCT)], [], id="pct-fall-right"),
    pytest.param("Sales rose to 50 from 40, up 25%.",
                 [fig("50"), fig("40"), fig("25%", unit=PCT)], [], id="to-from-order"),
    pytest.param("Revenue rose from 1.2 million to 1.5 million, a 25% increase.",
                 [fig("1.2 million"), fig("1.5 million"), fig("25%", unit=PCT)], [],
                 id="pct-rounded-endpoints"),
    pytest.param("Unemployment rose from 3.6% to 4.1%, up 0.5 points.",
                 [fig("3.6%", unit=PCT), fig("4.1%", unit=PCT),
                  fig("0.5 points", unit="percentage point")], [], id="points-right"),
    pytest.param("Prices rose from 40 to 50; 40% of shops raised prices.",
                 [fig("40"), fig("50"), fig("40%", unit=PCT)], [],
                 id="percent-not-a-change"),
    pytest.param("Turnout was 77%, with 3.1 million of 4 million voters casting ballots.",
                 [fig("77%", unit=PCT), fig("3.1 million"), fig("4 million")], [],
                 id="share-right"),
    pytest.param("The 120 victims included 80 adults and 35 children.",
                 [fig("120"), fig("80"), fig("35")], [], id="parts-within-total"),
    pytest.param("The 120 victims included 80 adults, 30 of them women.",
                 [fig("120"), fig("80"), fig("30")], [], id="nested-subset"),
    pytest.param("The 120 victims comprised 80 adults and 40 children.",
                 [fig("120"), fig("80"), fig("40")], [], id="exhaustive-right"),
    pytest.param("Sales doubled from 40 to 80 last year.", [fig("40"), fig("80")], [],
                 id="doubled-right"),
    pytest.param("Sales more than doubled from 40 to 95.", [fig("40"), fig("95")], [],
                 id="more-than-doubled"),
    pytest.param("The cost halved from 2% to 1%.", [fig("2%", unit=PCT), fig("1%", unit=PCT)],
                 [], id="halved-right"),
    pytest.param("The trail runs 5 miles (8 km) along the coast.",
                 [fig("5 miles", unit="mile"), fig("8 km", unit="kilometre")], [],
                 id="miles-km-right"),
    pytest.param("A radius of 2 miles (3.2 km) was closed.",
                 [fig("2 miles", unit="mile"), fig("3.2 km", unit="kilometre")], [],
                 id="miles-km-precise"),
    pytest.param("Temperatures hit 40C (104F) on Sunday.",
                 [fig("40C", unit="celsius"), fig("104F", unit="fahrenheit")], [],
                 id="celsius-right"),
    pytest.param("Warming of 1.5C (2.7F) is the limit.",
                 [fig("1.5C", unit="celsius"), fig("2.7F", unit="fahrenheit")], [],
                 id="temperature-difference"),
    pytest.param("The deal was worth \u00a32.5m ($9m) in all.",
                 [fig("\u00a32.5m", unit="pound sterling"), fig("$9m", unit="dollar")], [],
                 id="currencies-not-converted"),
]


@pytest.mark.parametrize(("text", "figs", "codes"), ISSUE + CORPUS + QUIET)
def test_arithmetic(text: str, figs: list, codes: list[str]) -> None:
    d, qs = doc(text, *figs)
    found = within(d, qs, Config(preview=True))
    assert [f.code for f in found] == codes
    for f in found:
        assert f.scope == "within" and len(f.claims) >= 2
        for c in f.claims:
            assert d.text[c.start:c.end] == c.text


def test_messages_name_the_arithmetic() -> None:
    d, qs = doc("Sales rose from 40 to 50, a 40% rise.", fig("40"), fig("50"),
                fig("40%", unit=PCT))
    (f,) = within(d, qs, Config(preview=True))
    assert f.message == "Paragraph 1 gives 40% for the change from 40 to 50; it is 25%."
    d, qs = doc("Sales fell from 40 to 30, a 10% fall.", fig("40"), fig("30"),
                fig("10%", unit=PCT))
    (f,) = within(d, qs, Config(preview=True))
    assert f.message == "Paragraph 1 gives 10% for the change from 40 to 30; it is a 25% fall."
    d, qs = doc("Unemployment fell from 4.1% to 3.6%, down 0.9 points.", fig("4.1%", unit=PCT),
                fig("3.6%", unit=PCT), fig("0.9 points", unit="percentage point"))
    (f,) = within(d, qs, Config(preview=True))
    assert f.message.endswith("; it is a fall of 0.5 points.")
    d, qs = doc("The 120 victims included 80 adults and 55 children.", fig("120", head="victim",
                text="victims"), fig("80"), fig("55"))
    (f,) = within(d, qs, Config(preview=True))
    assert "add up to 135" in f.message and "120 victims" in f.message
    d, qs = doc("The trail runs 5 miles (12 km).", fig("5 miles", unit="mile"),
                fig("12 km", unit="kilometre"))
    (f,) = within(d, qs, Config(preview=True))
    assert f.message == "Paragraph 1 converts 5 miles to 12 km; 5 miles is about 8 km."
    d, qs = doc("It hit 40C (140F).", fig("40C", unit="celsius"), fig("140F", unit="fahrenheit"))
    (f,) = within(d, qs, Config(preview=True))
    assert f.message.endswith("40C is about 104F.")
    d, qs = doc("Sales doubled from 40 to 60.", fig("40"), fig("60"))
    (f,) = within(d, qs, Config(preview=True))
    assert f.message == "Paragraph 1 says doubled from 40 to 60; that is a factor of 1.5."


def test_select_and_ignore_apply() -> None:
    d, qs = doc("Sales rose from 40 to 50, a 40% rise.", fig("40"), fig("50"),
                fig("40%", unit=PCT))
    assert within(d, qs, Config(ignore=("FC2",), preview=True)) == []
    assert within(d, qs, Config(select=("FC1",), preview=True)) == []
    (f,) = within(d, qs, Config(severity={"FC201": "error"}, preview=True))
    assert f.severity == "error"


@pytest.mark.parametrize("text, codes", [
    ("Almost a quarter (21%) of voters backed the plan.", []),
    ("More than half (55%) of the residents left.", []),
    ("About a third (38%) of the staff quit.", []),
    ("Nearly a quarter (12%) of staff quit.", ["FC205"]),
    ("More than half (45%) of the residents left.", ["FC205"]),
])
def test_hedged_fraction_in_brackets(text, codes):
    # issue 11, "What to build" 5: arithmetic respects the hedge of a fraction word
    import figcheck

    assert [f.code for f in figcheck.check([text], preview=True).findings] == codes
