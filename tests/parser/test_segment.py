"""Sentence and paragraph segmentation (figcheck.parser.segment)."""

from __future__ import annotations

import pytest

from figcheck.parser import segment

CASES = [
    ("Mr. Smith said 3.5% of U.S. voters agreed. No. 10 said so.",
     ["Mr. Smith said 3.5% of U.S. voters agreed.", "No. 10 said so."]),
    ("It rose 3.5%. Then it fell!", ["It rose 3.5%.", "Then it fell!"]),
    ("Gen. Jones spoke. Dr. Lee replied.", ["Gen. Jones spoke.", "Dr. Lee replied."]),
    ('He said "no." Then left.', ['He said "no."', "Then left."]),
    ("John F. Kennedy was there. So was I.", ["John F. Kennedy was there.", "So was I."]),
    ("The 9 a.m. train. It was late.", ["The 9 a.m. train.", "It was late."]),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_sentences(text: str, want: list[str]) -> None:
    assert [text[s.start : s.end] for s in segment(text)] == want


def test_paragraphs_split_on_blank_lines() -> None:
    text = "One. Two.\n\nThree.\n  \n\nFour."
    got = [(text[s.start : s.end], s.paragraph, s.number) for s in segment(text)]
    assert got == [("One.", 0, 0), ("Two.", 0, 1), ("Three.", 1, 2), ("Four.", 2, 3)]


def test_windows_line_endings() -> None:
    text = "One.\r\n\r\nTwo.\r\nThree."
    assert [(text[s.start : s.end], s.paragraph) for s in segment(text)] == [
        ("One.", 0), ("Two.", 1), ("Three.", 1)
    ]


def test_hard_wrapped_lines_stay_one_sentence() -> None:
    text = "The army said that\nmore than 300 were hurt."
    assert len(segment(text)) == 1


def test_list_items_are_sentences() -> None:
    text = "Totals:\n- 12 dead\n- 30 injured"
    assert [text[s.start : s.end] for s in segment(text)] == ["Totals:", "- 12 dead", "- 30 injured"]


def test_quantities_carry_sentence_and_paragraph() -> None:
    import figcheck

    qs = figcheck.extract("It cost $5m. It took 3 years.\n\nAbout 40 staff left.")
    assert [(q.text, q.sentence, q.paragraph) for q in qs] == [
        ("$5m", 0, 0), ("3 years", 1, 0), ("About 40", 2, 1)
    ]
