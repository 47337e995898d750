"""Claim frames' measure and holder from the figure's own form and its sentence (issue 10): each
case is a mechanism (an age, a distance, a share of a group, a verb's money amount, a bracketed
conversion...), written for this file, not taken from any publication."""

from __future__ import annotations

import pytest

from figcheck import extract


def frame_of(sentence: str, figure: str, title: str | None = None):
    qs = extract("Body." if title else sentence, title=title)
    for q in qs:
        if figure in q.text and (title is None or q.field == "title"):
            return q.frame
    raise AssertionError(f"{figure!r} not extracted from {sentence!r}: {[q.text for q in qs]}")


@pytest.mark.parametrize("sentence, figure, measure, holder", [
    # ages: an appositive, "N-year-old" before its noun or name
    ("Kevin Johnson, 25, was arrested on Friday.", "25", "age", "kevin johnson"),
    ("Sciorra, now 59, told jurors what happened.", "59", "age", "sciorra"),
    ("Amash, a 35-year-old Republican, spoke first.", "35", "age", "amash"),
    ("An 8-year-old girl was hurt.", "8", "age", "girl"),
    ("The post went to the 42-year-old deputy secretary, Justin Muzinich.", "42", "age",
     "justin muzinich"),
    # a distance, with the place it is the distance of
    ("Mondoro, about 60 km away, has the only clinic.", "60 km", "distance", "mondoro"),
    ("The town lies about 70 miles south of the capital.", "70 miles", "distance", None),
    # a length tied to its own noun keeps the noun
    ("A 10km surveillance zone was set up.", "10km", "surveillance zone", None),
    ("A zone with a radius of 3km was set up.", "3km", "radius", None),
    # extent adjectives and sizes
    ("The avalanche, about 400 metres wide, swept down.", "400 metres", "width", None),
    ("A 12-inch doll was on display.", "12", "size", None),
    # speed
    ("The storm had sustained winds of 110 mph.", "110 mph", "wind speed", None),
    # shares, vote shares, opinions
    ("The poll found 68 percent of Democrats agree.", "68 percent", "share", "democrats"),
    ("Kemp has 50.3 percent of the vote.", "50.3 percent", "vote share", "kemp"),
    ("Some 85 percent disapprove of the deal.", "85 percent", "disapproval", None),
    ("Trump slumps to only 38 percent approval among independents.", "38 percent", "approval",
     "trump"),
    # a money amount a verb names
    ("The group makes around $1 million a day.", "$1 million", "income", None),
    ("The campaign raised $4 million in March.", "$4 million", "fundraising", None),
    ("The Fed is buying $85 billion in bonds each month.", "$85 billion", "bond", "fed"),
    # what an undertaking costs
    ("The state's $68 billion rail project will hire felons.", "$68 billion", "cost", "state"),
    ("The House cleared the $1.1 trillion spending bill.", "$1.1 trillion", "spending", "house"),
    # people killed are deaths, whoever they were
    # (a nationality is kept as the holder: it tells Malian from French soldiers)
    ("A guard shot dead 3 American doctors.", "3", "deaths", "american"),
    ("Nineteen firefighters were killed battling the wildfire.", "Nineteen", "deaths", None),
    # money "in" what it is, a bracketed noun, a lead, how long something lasted
    ("The tariffs hit $60 billion in U.S. imports.", "$60 billion", "import", None),
    ("Montreal (population 1.75m) was studied.", "1.75m", "population", None),
    ("She was 40,000 votes, or nearly 2 percentage points, ahead.", "2", "lead", None),
    ("The union led a strike that lasted more than six years.", "six years", "duration", None),
    # a time between two events
    ("The election, 20 weeks later, changed everything.", "20 weeks", "interval", None),
])
def test_measure_and_holder(sentence, figure, measure, holder):
    f = frame_of(sentence, figure)
    assert (f.measure, f.holder) == (measure, holder)


def test_bracketed_conversion_inherits_measure_and_holder():
    s = "The avalanche broke away at an altitude of about 2,850 metres (9,350 feet) on Saturday."
    a, b = frame_of(s, "2,850"), frame_of(s, "9,350")
    assert "converted" in b.discourse
    assert (b.measure, b.holder) == (a.measure, a.holder) == ("altitude", None)


@pytest.mark.parametrize("sentence, figure", [
    ("The order was explained by two experts on Obamacare.", "two"),
    ("The vote on Brexit drew 18 complaints.", "18"),
])
def test_no_holder_from_a_prepositional_object(sentence, figure):
    assert frame_of(sentence, figure).holder is None


def test_headline_holder_is_its_subject_not_any_title_case_word():
    assert frame_of("", "$60 billion",
                    title="China slaps tariffs on $60 billion in imports").holder == "china"
    assert frame_of("", "5", title="Search for suspect in Facebook video widens to 5 states"
                    ).holder is None


def test_holder_is_not_the_measure_itself():
    f = frame_of("Borrowing is forecast to be £137 billion this year.", "£137 billion")
    assert f.holder is None
