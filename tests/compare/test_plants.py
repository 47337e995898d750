"""Planted errors of the real-text harness (issue 11), from text through the parser: parts of a
stated total (FC203) in the phrasings real articles use, and the metamorphic properties of
findings -- a paraphrase keeps the verdict, a conflicting value swapped in flips it, a headline
and its body are symmetric, renaming the holder of one figure removes the finding."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import figcheck
from figcheck import Document


def codes(text: str, title: str | None = None) -> list[str]:
    doc = Document(id="a", text=text, title=title)
    return [f.code for f in figcheck.check([doc], preview=True).findings]


# -- parts of a total, as real articles state them -----------------------------------------

BREAKDOWNS = [
    # a dash opens the breakdown; parts that name their own noun make it the whole breakdown
    pytest.param("The House now has 433 members -- 380 Republicans and 194 Democrats.",
                 ["FC203"], id="dash-parts-exceed"),
    pytest.param("The House now has 433 members -- 239 Republicans and 194 Democrats.", [],
                 id="dash-parts-add-up"),
    pytest.param("The airline said 157 people \u2014 79 passengers and 8 crew \u2014 were aboard.",
                 ["FC203"], id="dash-named-parts-short"),
    pytest.param("The airline said 157 people \u2014 149 passengers and 8 crew \u2014 were aboard.",
                 [], id="dash-named-parts-add-up"),
    pytest.param("He scored 30 points \u2014 12 in the first half and 10 in the third quarter.", [],
                 id="dash-partial-breakdown-is-silent"),
    # a colon, with the parts' article
    pytest.param("Gorsuch now counts 55 supporters in the Senate: the 52 Republicans, along with "
                 "thirteen moderate Democrats.", ["FC203"], id="colon-the-parts-exceed"),
    pytest.param("Gorsuch now counts 55 supporters in the Senate: the 52 Republicans, along with "
                 "three moderate Democrats.", [], id="colon-the-parts-add-up"),
    # money in one currency
    pytest.param("The deal is worth $8.6 billion, including $10 billion for border security and "
                 "$3.6 billion for the military.", ["FC203"], id="money-including-exceeds"),
    pytest.param("The deal is worth $8.6 billion, including $5 billion for border security and "
                 "$3.6 billion for the military.", [], id="money-including-adds-up"),
    pytest.param("The deal is worth $8.6 billion, including $5 billion for border security and "
                 "$1.6 billion for the military.", [], id="money-including-may-be-partial"),
    pytest.param("The fund is worth \u00a320m, including $12m for victims and $10m for lawyers.",
                 [], id="money-other-currency-is-no-part"),
    pytest.param("The group took in $550,000 that year: $350,000 in the spring and an additional "
                 "$360,000 in the autumn.", ["FC203"], id="money-colon-an-additional"),
    # a bracket opens the breakdown; a colon some way after the total
    pytest.param("The party's 437 pledged delegates (194 officeholders past and present, plus 168 "
                 "committee members) could bail out.", ["FC203"], id="bracket-named-parts-short"),
    pytest.param("The party's 437 pledged delegates (269 officeholders past and present, plus 168 "
                 "committee members) could bail out.", [], id="bracket-named-parts-add-up"),
    pytest.param("The 120 people (including 80 adults and 30 children) were rescued.", [],
                 id="bracket-including-may-be-partial"),
    pytest.param("IRS records show the group took in $550,000 from the Poarch Creek tribe during "
                 "that period: $350,000 during the campaign and an additional $360,000 in 2011.",
                 ["FC203"], id="colon-after-a-long-clause"),
    # the total after its parts
    pytest.param("Clinton holds 2,352 delegates and 548 superdelegates, for a total of 2,357.",
                 ["FC203"], id="total-after-parts-exceeds"),
    pytest.param("Clinton holds 1,809 delegates and 548 superdelegates, for a total of 2,900.",
                 ["FC203"], id="total-after-parts-short"),
    pytest.param("Clinton holds 1,809 delegates and 548 superdelegates, for a total of 2,357.", [],
                 id="total-after-parts-adds-up"),
    # "in all"; "said that of the ..."
    pytest.param("The team has 90 divers in all, 71 Thai divers and 50 foreign divers.",
                 ["FC203"], id="in-all-exceeds"),
    pytest.param("API said that of the 42,387 wells completed last year, a total of 32,573 were "
                 "oil wells, 8,645 were gas wells and 14,001 were dry holes.", ["FC203"],
                 id="that-of-the-exceeds"),
    pytest.param("API said that of the 42,387 wells completed last year, a total of 19,741 were "
                 "oil wells, 8,645 were gas wells and 14,001 were dry holes.", [],
                 id="that-of-the-adds-up"),
    # false alarms seen on unplanted dev articles: a list going on with another kind of figure,
    # a breakdown of the share's part, a rate as the "total"
    pytest.param("He wants to cut the number of tax brackets from seven to three -- 12, 25 and 33 "
                 "percent.", [], id="list-continues-with-percentages"),
    pytest.param("Nine out of the court's 15 judges \u2014 five Democratic appointees and four "
                 "Republican appointees \u2014 backed the decision.", [],
                 id="breakdown-of-the-share-not-the-whole"),
    pytest.param("He might suggest $1 billion for AIDS and $1 billion for tuberculosis, for a "
                 "total of $2.25 per American.", [], id="rate-is-no-total"),
    # an exact count is that many things: 31 + 8 + 7 + 1 is not 46 (blind dev story phrasing)
    pytest.param("Of the 46 miners who were underground, 31 escaped unhurt, 8 were injured and "
                 "are in hospital, 7 died and 1 is still missing, the company said.", ["FC203"],
                 id="exact-counts-off-by-one"),
    pytest.param("Of the 47 miners who were underground, 31 escaped unhurt, 8 were injured and "
                 "are in hospital, 7 died and 1 is still missing, the company said.", [],
                 id="exact-counts-add-up"),
    # a list that goes on past the figures read ("one" is no figure to the parser) proves
    # nothing short (team corpus phrasing)
    pytest.param("The storm had been blamed for nine deaths as it moved through the Caribbean: "
                 "three in Jamaica, three in Haiti and one in the Dominican Republic.", [],
                 id="list-goes-on-past-the-figures"),
    # a lower bound is no total to exceed
    pytest.param("At least 145 people -- 185 children and 10 teachers -- were killed.", [],
                 id="lower-bound-total"),
]


@pytest.mark.parametrize(("text", "expected"), BREAKDOWNS)
def test_breakdowns(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


def test_money_breakdown_message_names_the_sum_in_the_total_s_units() -> None:
    (f,) = figcheck.check(["The deal is worth $8.6 billion, including $10 billion for border "
                           "security and $3.6 billion for the military."], preview=True).findings
    assert f.message.endswith("but they add up to $13.6 billion.")


# -- metamorphic: breakdowns ---------------------------------------------------------------

_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
          9: "nine"}
def _unround(lo: int, hi: int) -> st.SearchStrategy[int]:
    """Figures with no trailing zero: exact as stated (a round "20" may stand for 15-25)."""
    return st.integers(lo, hi).filter(lambda v: v % 10 != 0)


_FORMS = (
    "The ferry carried {t} people -- {a} passengers and {b} crew.",
    "The ferry carried {t} people: {a} passengers and {b} crew.",
    "The ferry carried {a} passengers and {b} crew, for a total of {t}.",
)


@settings(max_examples=40, deadline=None)
@given(a=_unround(10, 400), b=st.integers(2, 9), form=st.sampled_from(_FORMS),
       words=st.booleans(), off=st.integers(-9, 9))
def test_an_exhaustive_breakdown_is_reported_exactly_when_it_does_not_add_up(
        a: int, b: int, form: str, words: bool, off: int) -> None:
    assume((a + b) % 10 and (a + b + off) % 10)  # a round figure ("20") may stand for 15-25
    crew = _WORDS[b] if words else str(b)  # digits / words: the same verdict
    right = form.format(t=a + b, a=a, b=crew)
    assert codes(right) == []
    # a conflicting total swapped in flips the verdict
    wrong = form.format(t=a + b + off, a=a, b=crew)
    assert codes(wrong) == ([] if off == 0 else ["FC203"])


@settings(max_examples=30, deadline=None)
@given(a=_unround(2, 40), b=_unround(2, 40), total=_unround(10, 90),
       unit=st.sampled_from(["$", "\u00a3"]))
def test_an_including_breakdown_is_reported_only_when_the_parts_exceed(
        a: int, b: int, total: int, unit: str) -> None:
    text = (f"The deal is worth {unit}{total} million, including {unit}{a} million for roads "
            f"and {unit}{b} million for schools.")
    # each figure stands for its stated precision ("$11 million": 10.5-11.5), so the parts
    # exceed the total when their least sum is above its greatest value
    assert codes(text) == (["FC203"] if a + b - 1 > total + 0.5 else [])


# -- metamorphic: headline and body --------------------------------------------------------

_COUNTS = {2: "Two", 3: "Three", 4: "Four", 5: "Five", 6: "Six", 7: "Seven", 8: "Eight",
           9: "Nine"}
_NOUNS = ("sailors", "miners", "climbers", "workers")


@settings(max_examples=30, deadline=None)
@given(pair=st.permutations(sorted(_COUNTS)), noun=st.sampled_from(_NOUNS))
def test_a_small_exact_count_in_a_headline_is_symmetric(pair: list[int], noun: str) -> None:
    # issue 11: "Two sailors killed" against "Three sailors were killed" is flagged as surely
    # as the other way round: a small exact count is no rounded form, so the verdict does not
    # depend on which side is the headline (whether a far-apart pair such as 2 and 9 reaches the
    # threshold is the fitted weights' call: the value ratio is a weak feature)
    a, b = pair[0], pair[1]
    body = "{n} {noun} were killed when the ships collided on Tuesday, officials said."
    assert codes(body.format(n=_COUNTS[b], noun=noun), f"{_COUNTS[a]} {noun} killed in "
                 "collision") == codes(body.format(n=_COUNTS[a], noun=noun),
                                       f"{_COUNTS[b]} {noun} killed in collision")
    # the same count in headline and body: nothing
    assert codes(body.format(n=_COUNTS[a], noun=noun), f"{_COUNTS[a]} {noun} killed in "
                 "collision") == []


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("Two sailors killed in collision", "Three sailors were killed on Tuesday.", ["FC102"]),
    ("Three sailors killed in collision", "Two sailors were killed on Tuesday.", ["FC102"]),
    ("Fire destroys 2,300 homes", "The fire destroyed 2,317 homes on Tuesday.", []),
    ("Fire destroys 2,317 homes", "The fire destroyed 2,300 homes on Tuesday.", ["FC102"]),
    ("Fire destroys 2,400 homes", "The fire destroyed 2,317 homes on Tuesday.", ["FC102"]),
    ("Fraudster jailed for six years",
     "The fraudster was jailed for six years and eight months on Tuesday.", []),
    ("Fraudster jailed for five years",
     "The fraudster was jailed for six years and eight months on Tuesday.", ["FC102"]),
])
def test_headline_rounding_only_for_rounded_forms(title: str, body: str,
                                                  expected: list[str]) -> None:
    assert codes(body, title) == expected


# -- metamorphic: within one article -------------------------------------------------------

@settings(max_examples=30, deadline=None)
@given(a=_unround(11, 49), b=_unround(11, 49),
       names=st.permutations(["Curry", "Durant", "Thompson", "Green"]))
def test_renaming_the_holder_of_one_figure_removes_the_finding(a: int, b: int,
                                                               names: list[str]) -> None:
    assume(a == b or abs(a - b) >= 2)  # "11" and "12" meet at 11.5 (stated precision)
    text = ("{x} scored {a} points on Tuesday.  The crowd cheered.  "
            "{y} scored {b} points on Tuesday.")
    same = codes(text.format(x=names[0], y=names[0], a=a, b=b))
    assert same == ([] if a == b else ["FC101"])
    assert codes(text.format(x=names[0], y=names[1], a=a, b=b)) == []


# -- known misses: where the planted-error harness loses most headline and restatement plants ---
# (issue 11; the first stage that loses each is named, and it is not the comparator's candidate
# generation or its hard constraints: see the s15-plants report)

KNOWN_MISSES = [
    pytest.param("Wells Fargo fined $333 million",
                 "Regulators fined Wells Fargo $185 million on Thursday for opening fake accounts.",
                 marks=pytest.mark.xfail(strict=True, reason="frame: the ditransitive body figure "
                                         "gets measure 'fargo' (not 'fine'), so the pair is never "
                                         "a candidate (fact key differs)"),
                 id="ditransitive-measure"),
    pytest.param("Federal workers: 1.3 million back at work",
                 "Nearly 800,000 federal workers returned to work on Monday after the shutdown.",
                 marks=pytest.mark.xfail(strict=True, reason="frame: the headline figure after a "
                                         "colon gets measure 'back' (not 'federal worker')"),
                 id="colon-headline-measure"),
    pytest.param(None,
                 "Wells Fargo agreed to pay a $185 million fine on Thursday.  The bank has "
                 "apologised.  The $333 million fine is the largest the bureau has imposed.",
                 marks=pytest.mark.xfail(strict=True, reason="score: measure same, but holder/"
                                         "event/time 'compatible' on the anaphoric restatement "
                                         "plus the within-article and distance features sink it "
                                         "to 0.26 (threshold 0.7): weights, not a constraint"),
                 id="anaphoric-restatement-score"),
]


@pytest.mark.parametrize(("title", "body"), KNOWN_MISSES)
def test_known_misses_of_real_phrasing(title: str | None, body: str) -> None:
    assert codes(body, title) in (["FC101"], ["FC102"])
