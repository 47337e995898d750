"""A sentence two documents of one story print word for word but for one figure (FC111 via
:mod:`figcheck.compare.verbatim`): the wording fixes the fact, so figures with no subject head,
a modality or a part are compared too."""

from __future__ import annotations

import pytest

from figcheck.compare import across
from figcheck.config import Config

from .helpers import doc, fig

FRINGE = "The festival, the largest arts festival in the world, ended on Monday after {} days."
JOBS = "It estimated that the measures would leave about {} people better off next year."
PARTS = "Of the 1,200 flights cancelled, {} were domestic and {} were international, it said."


def pair(text_a: str, figs_a: list, text_b: str, figs_b: list, *, date_b: str = "2024-03-03"
         ) -> list:
    return [doc(text_a, *figs_a, id="wire", source="Wire", published="2024-03-03"),
            doc(text_b, *figs_b, id="paper", source="Paper", published=date_b)]


# --- origin: planted contradictions of bench/archive.py missed by the fact-by-fact comparison -----
CASES = [
    pytest.param(pair(FRINGE.format(25), [fig("25 days", unit="day")],
                      FRINGE.format(38), [fig("38 days", unit="day")]),
                 [("25 days", "38 days")], id="no-subject-head"),
    pytest.param(pair(JOBS.format(600_000), [fig("about 600000", head="person", modality="would")],
                      JOBS.format(900_000), [fig("about 900000", head="person", modality="would")]),
                 [("about 600000", "about 900000")], id="modal-figure"),
    pytest.param(pair(PARTS.format(700, 500), [fig("1,200"), fig("700"), fig("500")],
                      PARTS.format(700, 750), [fig("1,200"), fig("700"), fig("750")]),
                 [("500", "750")], id="a-part"),
    # --- must stay silent ---------------------------------------------------------------------
    pytest.param(pair(FRINGE.format(25), [fig("25 days", unit="day")],
                      FRINGE.format(25), [fig("25 days", unit="day")]),
                 [], id="same-figure"),
    pytest.param(pair(JOBS.format(600_000), [fig("about 600000", head="person", modality="would")],
                      JOBS.format(620_000), [fig("about 620000", head="person", modality="would")]),
                 [], id="within-about"),
    pytest.param(pair(PARTS.format(700, 500), [fig("1,200"), fig("700"), fig("500")],
                      PARTS.format(800, 400), [fig("1,200"), fig("800"), fig("400")]),
                 [], id="two-figures-differ"),
    pytest.param(pair(FRINGE.format(25), [fig("25 days", unit="day")],
                      FRINGE.format(38), [fig("38 days", unit="day")], date_b="2024-03-04"),
                 [], id="another-day"),
    pytest.param(pair("It ended after 25 days.", [fig("25 days", unit="day")],
                      "It ended after 38 days.", [fig("38 days", unit="day")]),
                 [], id="too-little-wording"),
    pytest.param(pair(FRINGE.format(25), [fig("25 days", unit="day")],
                      FRINGE.format(250), [fig("250 days", unit="day")]),
                 [], id="too-far-apart"),
]


@pytest.mark.parametrize(("group", "expected"), CASES)
def test_verbatim(group: list, expected: list[tuple[str, str]]) -> None:
    found = across(group, Config())
    assert [(f.code, {c.text for c in f.claims}) for f in found] == [
        ("FC111", {a, b}) for a, b in expected]
    assert across(list(reversed(group)), Config()) == found
