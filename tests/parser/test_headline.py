"""Headlines read as headlines; names that contain a number word are not figures.

All headlines and bodies here are synthetic (written for these tests)."""

from __future__ import annotations

from decimal import Decimal

import pytest

import figcheck
from figcheck.parser.headline import evidence, is_headline
from figcheck.parser.tokenize import tokenize

BODY = "Officials said the cause was not yet known. The company declined to comment."


def title_figures(title: str, body: str = BODY) -> list[tuple[str, Decimal, str | None]]:
    return [(q.text, q.value.low, q.unit) for q in figcheck.extract(body, title=title) if q.field == "title"]


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Ferry Carrying Tourists to Capri Capsizes, Killing 7", [("7", 7, None)]),
        ("Flood Warnings Issued as River Level Hits 12", [("12", 12, None)]),
        ("Cheese Recall Spreads to 6-State Listeria Cluster", [("6", 6, None)]),
        ("Jazz Pianist Dead at 71", [("71", 71, None)]),
        ("Chipmaker Buys Rival for $415M", [("$415M", 415_000_000, "dollar")]),
        ("Petition Passes 3K Signatures", [("3K", 3000, None)]),
        ("Firm Plans $12B 'Sky Harbour'", [("$12B", 12_000_000_000, "dollar")]),
        ("Four Hikers Rescued as Storm Cuts Off Pass", [("Four", 4, None)]),
        ("Blast at Depot Injures 14, Kills 3", [("14", 14, None), ("3", 3, None)]),
        ("PORT STRIKE ENTERS SECOND WEEK AS 400 SHIPS WAIT", [("400", 400, None)]),
        ("Report: new rules leave 41M renters exposed", [("41M", 41_000_000, None)]),
        ("Claims rise by 2.7M as plants close", [("2.7M", 2_700_000, None)]),
        ("Thousands March Against Pension Cuts", [("Thousands", 2000, None)]),
        ("Senators Urge 14 Lenders to Drop Coal Projects", [("14", 14, None)]),
        ("Mayor opens 6-point lead in city race", [("6", 6, None)]),
        ("Relief deal to benefit millions", [("millions", 2_000_000, None)]),
        ("Kim's Three Rivals Regroup", [("Three", 3, None)]),
        ("Here Is How Four Towns Cut Their Waste", [("Four", 4, None)]),
    ],
)
def test_headline_numbers_are_read(title: str, expected: list[tuple[str, int, str | None]]) -> None:
    assert title_figures(title) == [(t, Decimal(v), u) for t, v, u in expected]


@pytest.mark.parametrize(
    "title, body",
    [
        ("Visitors Flock to Seven Sisters Cliffs", "Crowds walked to the Seven Sisters cliffs on Sunday."),
        ("Norway Win the Nordic Five Trophy", "Norway took the Nordic Five trophy for a third time."),
        ("Ticket Sales Open for Magnificent Seven Tour", BODY),
        ("Croatia Book Place in Last Eight", BODY),
        ("Diner on Highway 61 Closes Its Doors", BODY),
        ("Gemini 9 Capsule Goes on Display", "The Gemini 9 capsule was restored by volunteers."),
    ],
)
def test_names_with_numbers_in_headlines_are_not_figures(title: str, body: str) -> None:
    assert title_figures(title, body) == []


@pytest.mark.parametrize(
    "text",
    [
        "Crowds walked to the Seven Sisters cliffs on Sunday.",
        "He presented a show on Radio Nine Live for a decade.",
        "The Famous Five books were reprinted.",
        "Croatia reached the last eight in 2018.",
        "Croatia were knocked out in the round of 16.",
    ],
)
def test_names_with_number_words_in_body_text_are_not_figures(text: str) -> None:
    assert figcheck.extract(text) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("Seven people were rescued from the cliffs.", 7),
        ("He has lived there for the last eight years.", 8),
        ("Only the final four teams were left standing on Friday.", 4),
        ('"Three of them are still missing," she said.', 3),
    ],
)
def test_ordinary_number_words_stay_figures(text: str, value: int) -> None:
    assert [q.value.low for q in figcheck.extract(text)] == [value]


def test_headline_label_is_a_name_when_the_body_says_so() -> None:
    assert title_figures("Gemini 9 Crew Honoured", "The Gemini 9 crew met the mayor.") == []
    assert title_figures("Senators Urge 14 Lenders to Drop Coal", "The senators urge lenders to act.") == [
        ("14", Decimal(14), None)
    ]


def test_body_text_keeps_capitalised_labels_as_names() -> None:
    """Outside a headline a capital still marks a name: "Gemini 9" is not nine of anything."""
    assert figcheck.extract("The Gemini 9 capsule was restored.") == []


def test_headline_detection() -> None:
    assert is_headline("Ferry Carrying Tourists Capsizes, Killing 7")
    assert is_headline("PORT STRIKE ENTERS DAY 9")
    assert not is_headline("Ferry carrying tourists capsizes, killing seven")
    assert not is_headline("Killing 7")


def test_title_case_lines_of_the_body_are_no_evidence() -> None:
    body = "Three Hikers Rescued From Ridge\n\nRescuers reached the hikers at dawn."
    assert title_figures("Three Hikers Rescued From Ridge", body) == [("Three", Decimal(3), None)]


def test_body_evidence_finds_names_and_common_words() -> None:
    body = "The Seven Sisters cliffs drew seven thousand walkers. Walkers praised Radio Nine."
    ev = evidence(tokenize(body), body)
    assert ("seven", "sisters") in ev.name_pairs and ("radio", "nine") in ev.name_pairs
    assert "seven" in ev.common and "walkers" in ev.common
    assert "sisters" in ev.names
