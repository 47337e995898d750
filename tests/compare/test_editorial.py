"""Behaviour an editor relies on: figures for different days are never one fact, breakdowns of a
total are checked whichever way they are phrased, and messages read like an editor's note.

The hand-built cases (:mod:`.helpers`) pin the comparator's logic; the ``run`` cases go through
the real parser."""

from __future__ import annotations

import datetime as _dt

import pytest

from figcheck.compare import across, run, within
from figcheck.config import Config
from figcheck.model import Document

from .helpers import doc, fig

KILLED = {"head": "person", "event": "kill", "text": "people"}


def pair(text_a: str, figs_a: list, text_b: str, figs_b: list, *,
         date_a: str | None = "2025-03-10", date_b: str | None = "2025-03-10") -> list:
    a = doc(text_a, *figs_a, id="wire", source="Wire", published=date_a)
    b = doc(text_b, *figs_b, id="paper", source="Paper", published=date_b)
    return [a, b]


# --- figures for different days, undated reports ----------------------------------------------
MON = ("On Monday 30 people had died in the floods.", [fig("30", time="Monday", **KILLED)])
WED = ("By Wednesday 52 people had died in the floods.",
       [fig("52", time="By Wednesday", **KILLED)])
DAYS = [
    pytest.param(pair(*MON, *WED), [], id="monday-30-wednesday-52-same-date"),
    pytest.param(pair(*WED, *MON), [], id="same-date-either-order"),
    pytest.param(pair(*MON, *WED, date_a=None), [], id="monday-30-undated-wednesday-52"),
    pytest.param(pair(*MON, *WED, date_b="2025-03-12"), ["FC121"],
                 id="later-report-of-a-later-day-is-an-update"),
    pytest.param(pair(*WED, *MON, date_b="2025-03-12"), [],
                 id="later-report-quoting-an-earlier-day"),
    pytest.param(pair("On Monday 300 flights were cancelled.",
                      [fig("300", head="flight", event="cancel", time="Monday")],
                      "On Wednesday 120 flights were cancelled.",
                      [fig("120", head="flight", event="cancel", time="Wednesday")]),
                 [], id="daily-counts-of-two-days"),
    pytest.param(pair("On Monday 30 people had died in the floods.",
                      [fig("30", time="Monday", **KILLED)],
                      "On Monday 52 people had died in the floods.",
                      [fig("52", time="on Monday", **KILLED)]),
                 ["FC111"], id="same-day-still-a-conflict"),
    pytest.param(pair("The jury awarded $4.5 million in damages on Thursday.",
                      [fig("$4.5 million", unit="dollar", head="damage", text="damages",
                           time="Thursday")],
                      "The jury awarded $5.4 million in damages.",
                      [fig("$5.4 million", unit="dollar", head="damage", text="damages")]),
                 ["FC111"], id="one-side-dated-by-a-day-word-still-conflicts"),
    pytest.param(pair("At least 52 people have died in the floods.",
                      [fig("At least 52", **KILLED)],
                      "The floods have killed 30 people.", [fig("30", **KILLED)],
                      date_a=None),
                 ["FC121"], id="undated-draft-is-the-latest-report-an-update"),
    pytest.param(pair("The floods have killed 30 people.", [fig("30", **KILLED)],
                      "At least 52 people have died in the floods.",
                      [fig("At least 52", **KILLED)], date_a=None),
                 ["FC111"], id="undated-draft-behind-the-archive-is-stale"),
    pytest.param(pair("At least 52 people have died in the floods.",
                      [fig("At least 52", **KILLED)],
                      "The floods have killed 30 people.", [fig("30", **KILLED)],
                      date_a=None, date_b=None),
                 [], id="two-undated-reports-of-a-running-count"),
    pytest.param(pair("More than 200 passengers were on the ferry.",
                      [fig("More than 200", head="passenger", text="passengers")],
                      "The ferry had 148 passengers on board.",
                      [fig("148", head="passenger", text="passengers")], date_a=None),
                 ["FC111"], id="undated-report-of-a-fixed-fact-still-conflicts"),
]


@pytest.mark.parametrize(("group", "codes"), DAYS)
def test_days_and_undated(group: list, codes: list[str]) -> None:
    found = across(group, Config())
    assert [f.code for f in found] == codes
    assert across(list(reversed(group)), Config()) == found


def _story(*docs: Document) -> list[Document]:
    return [d.model_copy(update={"story": "s"}) for d in docs]


def test_end_to_end_days_and_undated_md() -> None:
    wire = Document(id="wire", source="Wire", published=_dt.date(2025, 3, 10),
                    text="On Monday 30 people had died in the Severn floods, officials said.")
    local = Document(id="local", source="Local", published=_dt.date(2025, 3, 10),
                     text="By Wednesday 52 people had died in the Severn floods, officials said.")
    draft = Document(id="draft.md",
                     text="At least 52 people have died in the Severn floods, officials said.")
    assert run(_story(wire, local)).report.findings == ()
    (f,) = run(_story(wire, draft)).report.findings  # the undated draft is the latest report
    assert f.code == "FC121" and [c.doc for c in f.claims] == ["wire", "draft.md"]
    later = local.model_copy(update={"published": _dt.date(2025, 3, 12)})
    assert [f.code for f in run(_story(wire, later)).report.findings] == ["FC121"]


# --- parts and their total ----------------------------------------------------------------------
V = {"head": "victim", "text": "victims"}
A = {"head": "adult", "text": "adults"}
C = {"head": "child", "text": "children"}
P = {"head": "person", "text": "people"}
PARTS = [
    pytest.param("Of the 120 victims, 50 were adults and the other 30 were children.",
                 [fig("120", **V), fig("50", **A), fig("30", **C)], ["FC203"],
                 id="of-the-total-and-the-other"),
    pytest.param("Of the 120 victims, 90 were adults and the other 30 were children.",
                 [fig("120", **V), fig("90", **A), fig("30", **C)], [],
                 id="of-the-total-and-the-other-right"),
    pytest.param("Of the 120 victims, 50 were adults and 30 were children.",
                 [fig("120", **V), fig("50", **A), fig("30", **C)], [],
                 id="of-the-total-not-said-to-be-all"),
    pytest.param("A total of 120 people died: 50 adults and 30 children.",
                 [fig("120", **P), fig("50", **A), fig("30", **C)], ["FC203"],
                 id="colon-breakdown"),
    pytest.param("A total of 120 people died: 90 adults and 30 children.",
                 [fig("120", **P), fig("90", **A), fig("30", **C)], [],
                 id="colon-breakdown-right"),
    pytest.param("Police arrested 120 people: 50 were charged and 30 released.",
                 [fig("120", **P), fig("50"), fig("30")], [],
                 id="colon-then-clauses-is-no-breakdown"),
    pytest.param("The 120 victims were made up of 50 adults and 30 children.",
                 [fig("120", **V), fig("50", **A), fig("30", **C)], ["FC203"],
                 id="were-made-up-of"),
    pytest.param("The 120 victims were made up of 90 adults and 30 children.",
                 [fig("120", **V), fig("90", **A), fig("30", **C)], [],
                 id="were-made-up-of-right"),
    pytest.param("The 120 victims included 50 adults and 30 children.",
                 [fig("120", **V), fig("50", **A), fig("30", **C)], [],
                 id="included-need-not-be-all"),
]


@pytest.mark.parametrize(("text", "figs", "codes"), PARTS)
def test_parts_and_total(text: str, figs: list, codes: list[str]) -> None:
    d, qs = doc(text, *figs)
    assert [f.code for f in within(d, qs, Config(preview=True))] == codes  # FC203: preview


@pytest.mark.parametrize("text", [
    "Of the 120 victims, 50 were adults and the other 30 were children.",
    "A total of 120 people died: 50 adults and 30 children.",
    "The 120 victims were made up of 50 adults and 30 children.",
])
def test_parts_and_total_end_to_end(text: str) -> None:
    (f,) = run([text], Config(preview=True)).report.findings  # FC203 is a preview rule
    assert f.code == "FC203"
    assert "50 adults and 30 children" in f.message and "add up to 80" in f.message
    right = text.replace("50", "90")
    assert run([right], Config(preview=True)).report.findings == ()


# --- messages -------------------------------------------------------------------------------------

@pytest.mark.usefixtures("hand_weights")
def test_message_measure_subject_and_lower_case() -> None:
    d, qs = doc("Turnout was 62% in the city on Sunday.\n\nThe count showed turnout was 48% in "
                "the city on Sunday.",
                fig("62%", unit="percentage", head="turnout", text="Turnout", time="on Sunday"),
                fig("48%", unit="percentage", head="turnout", text="turnout", time="on Sunday"))
    (f,) = within(d, qs, Config())
    assert f.message == "Paragraph 1 says turnout of 62%; paragraph 2 says turnout of 48%."


@pytest.mark.usefixtures("hand_weights")
def test_message_price_subject() -> None:
    d, qs = doc("Tickets cost $5-$7 at the gate on Friday.\n\nOrganisers said tickets cost "
                "$12-$15 at the gate on Friday.",
                fig("$5-$7", unit="dollar", head="ticket", text="Tickets", time="on Friday",
                    event="cost"),
                fig("$12-$15", unit="dollar", head="ticket", text="tickets", time="on Friday",
                    event="cost"))
    (f,) = within(d, qs, Config())
    assert f.message == ("Paragraph 1 says tickets at $5-$7; paragraph 2 says tickets at "
                         "$12-$15.")


@pytest.mark.usefixtures("hand_weights")
def test_message_names_kept() -> None:
    d, qs = doc("Malian soldiers numbered 300 in the town.\n\nThe army said 500 Malian soldiers "
                "were in the town.",
                fig("300", head="soldier", text="Malian soldiers"),
                fig("500", head="soldier", text="Malian soldiers"))
    (f,) = within(d, qs, Config())
    assert "300 Malian soldiers" in f.message and "500 Malian soldiers" in f.message


def test_message_update_of_a_toll() -> None:
    group = pair("The death toll reached 30.", [fig("30", head="death toll", text="death toll")],
                 "The death toll has climbed to 52.",
                 [fig("52", head="death toll", text="death toll")], date_b="2025-03-12")
    (f,) = across(group, Config())
    assert f.message == ("Paper (12 March 2025, paragraph 1) updates Wire (10 March 2025, "
                         "paragraph 1): the death toll was 30, later 52.")


@pytest.mark.usefixtures("hand_weights")
def test_message_two_figures_of_one_paragraph() -> None:
    d, qs = doc("Storms forced airlines to cancel 1,800 flights. By the evening the airport said "
                "it had cancelled 1,200 flights.",
                fig("1,800", head="flight", text="flights", event="cancel"),
                fig("1,200", head="flight", text="flights", event="cancel"))
    (f,) = within(d, qs, Config())
    assert f.message == ("Paragraph 1 says 1,800 flights; the same paragraph later says 1,200 "
                         "flights.")


def test_message_parts_name_their_nouns() -> None:
    d, qs = doc("The 120 victims included 80 adults and 55 children.",
                fig("120", **V), fig("80", **A), fig("55", **C))
    (f,) = within(d, qs, Config(preview=True))  # FC203 is a preview rule
    assert f.message == ("Paragraph 1 says 80 adults and 55 children make up 120 victims, but "
                         "they add up to 135.")


@pytest.mark.parametrize(("text", "message"), [
    pytest.param("The asteroid passed within 1.5 million km (600,000 miles) of Earth.",
                 "Paragraph 1 converts 1.5 million km to 600,000 miles; 1.5 million km is about "
                 "932,000 miles.", id="hedge-left-out"),
    pytest.param("The road is 5 miles (12 km) long.",
                 "Paragraph 1 converts 5 miles to 12 km; 5 miles is about 8 km.", id="plain"),
])
def test_message_conversion_names_the_figure_without_its_hedge(text: str, message: str) -> None:
    # the conversion check compares the stated figure, not its hedge, and the message says so
    (f,) = [f for f in run([Document(id="d", text=text)]).report.findings if f.code == "FC205"]
    assert f.message == message
