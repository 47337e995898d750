"""One document's check does linear work (issue 13.8): the comparator's deterministic work count
(:func:`figcheck.compare.work`) grows in proportion to the input on a repeated sentence, a
list-like feed and a feed of articles pasted as one file.  Seconds are measured in
bench/linear.py, never here."""

from __future__ import annotations

import pytest

from figcheck import Document
from figcheck.compare import work


def _repeated(n: int) -> str:
    return "12 people died. " * n


def _list_feed(n: int) -> str:
    names = ("Adams", "Baker", "Clark", "Davis", "Evans", "Foster", "Green", "Hughes")
    return "\n".join(f"{names[i % 8]} {names[(i * 3 + 1) % 8]} {i % 41} points, {i % 13} rebounds"
                     for i in range(n))


_ARTICLE = (
    "Flood kills 12 in river town\n\n"
    "At least 12 people died and 40 were injured when the river burst its banks on Tuesday, "
    "officials said. About 3,000 homes were flooded and 1,200 residents were evacuated.\n\n"
    "The river rose 4.5 metres (15 feet) in six hours. Damage was put at $20m, up from an "
    "initial estimate of $15m, a rise of 33%.\n\n"
    "Of the 40 injured, 15 were children. Emergency crews said 12 people had died.\n\n"
)


def _feed(n: int) -> str:
    return _ARTICLE * n


@pytest.mark.parametrize("make, n", [(_repeated, 400), (_list_feed, 300), (_feed, 40)],
                         ids=["repeated sentence", "list-like feed", "pasted articles"])
def test_work_grows_linearly(make, n):
    small = work(Document(id="d", text=make(n)))
    big = work(Document(id="d", text=make(4 * n)))
    assert small > 0
    # four times the input: about four times the work (quadratic would be sixteen)
    assert big <= 4.6 * small, (small, big)


@pytest.mark.usefixtures("hand_weights")  # the window, not the decision: the refit weights
# (2026-12-08) score this within-article restatement 0.53 (within -2.0), under the threshold 0.71
def test_window_still_finds_a_restatement_far_down_a_feed():
    # a conflicting restatement after hundreds of figures of its fact is still compared with the
    # figures just before it (the window), and reported once
    from figcheck import check

    text = "Twelve people died in the fire on Monday.\n\n" * 300 + (
        "Officials said 19 people died in the fire on Monday.\n\n")
    found = check([Document(id="d", text=text)]).findings
    assert [f.code for f in found] == ["FC101"]
    assert "paragraph 301" in found[0].message
