"""End to end through the real parser: ``figcheck.check`` / ``figcheck.compare.run`` on short
texts.  These depend on the parser's subjects; the hand-built tests next to this file pin the
comparator's own logic."""

from __future__ import annotations

import datetime as _dt

import pytest

import figcheck
from figcheck.compare import run
from figcheck.config import Config
from figcheck.model import CheckRun, Document

from .helpers import WITHIN_FIT

# --- origin: issue 3 examples ----------------------------------------------------------------------
WITHIN = [
    pytest.param("Officials said 12 people were injured in the blast.\n\n"
                 "Doctors were treating the 15 injured at two hospitals.", ["FC101"],
                 id="injured-12-vs-15",
                 marks=pytest.mark.xfail(strict=True, reason=WITHIN_FIT)),
    pytest.param("A fire swept through a market in Lagos on Tuesday, killing 14 people, "
                 "emergency officials said.\n\nThe blaze started in a shop.\n\n"
                 "The 17 people who died included three children, the state emergency agency "
                 "said.", ["FC101"], id="killed-14-vs-17-who-died",
                 marks=pytest.mark.xfail(strict=True, reason=WITHIN_FIT)),
    pytest.param("Sales rose from 40 to 50, a 40% rise.", ["FC201"], id="percent-change"),
    pytest.param("Turnout was 62%, with 3.1 million of 4 million voters casting ballots.",
                 ["FC202"], id="share"),
    pytest.param("The 120 victims included 80 adults and 55 children.", ["FC203"],
                 id="parts-total"),
    pytest.param("Sales doubled from 40 to 60 last year.", ["FC204"], id="factor"),
    pytest.param("The trail runs 5 miles (12 km) along the coast.", ["FC205"], id="miles-km"),
    pytest.param("Temperatures hit 40C (140F) on Sunday.", ["FC205"], id="celsius"),
    pytest.param("Temperatures fell to -15C (5F) overnight.", [], id="negative-conversion-right"),
    pytest.param("More than 10,000 troops were deployed.\n\n"
                 "Analysts put the number at 10,000 to 12,000 troops.", [], id="over-vs-range"),
    pytest.param("Nearly 2 million people fled.\n\n"
                 "The UN later counted 1.96 million people who fled.", [], id="nearly-2m"),
    pytest.param("Some 10,000 troops were deployed in the region.\n\n"
                 "At least 3,000 troops were killed.", [], id="deployed-vs-killed"),
    pytest.param("Unemployment rose 0.5 points to 4.1%.\n\nUnemployment is 4.1%.", [],
                 id="change-vs-level"),
    pytest.param("Inflation came in at 2.4% in March.\n\nIt had been expected to reach 3%.", [],
                 id="forecast-vs-outcome"),
    pytest.param("The group claimed 500 casualties, a figure officials rejected.\n\n"
                 "The army said there were 40 casualties.", [], id="disputed"),
]


@pytest.mark.parametrize(("text", "codes"), WITHIN)
def test_check_text(text: str, codes: list[str]) -> None:
    report = figcheck.check([text], preview=True)  # the arithmetic cases include preview rules
    assert [f.code for f in report.findings] == codes
    assert report.documents[0].id == "doc1"


def _story(*docs: tuple[str, str, str]) -> list[Document]:
    return [Document(id=i, text=t, source=i.title(), published=_dt.date.fromisoformat(p),
                     story="s1") for i, t, p in docs]


def test_cross_source_conflict() -> None:
    docs = _story(("wire", "More than 200 passengers were on board the ferry.", "2024-03-03"),
                  ("paper", "The ferry had 148 passengers on board.", "2024-03-03"))
    report = figcheck.check(docs)
    assert [(f.code, f.scope) for f in report.findings] == [("FC111", "cross")]
    assert figcheck.check(list(reversed(docs))).findings == report.findings


def test_update_over_time_is_info() -> None:
    docs = _story(("wire", "The death toll from the earthquake reached 30.", "2024-03-03"),
                  ("paper", "The death toll from the earthquake has climbed to 52.", "2024-03-05"))
    (f,) = figcheck.check(docs).findings
    assert (f.code, f.severity) == ("FC121", "info")
    assert [c.doc for c in f.claims] == ["wire", "paper"]


def test_unrelated_documents_are_not_compared() -> None:
    docs = [Document(id="a", text="The ferry had 148 passengers on board off Lesbos."),
            Document(id="b", text="The train had more than 200 passengers on board in Bavaria.")]
    assert figcheck.check(docs).findings == ()


def test_run_returns_documents_and_quantities() -> None:
    result = run(["Sales rose from 40 to 50, a 40% rise."], Config(preview=True))
    assert isinstance(result, CheckRun)
    assert result.documents[0].id == "doc1"
    assert len(result.quantities["doc1"]) == result.report.documents[0].quantities == 3
    assert result.report.to_json()["findings"][0]["code"] == "FC201"


def test_empty_input() -> None:
    assert figcheck.check([]).findings == ()
    assert figcheck.check([""]).findings == ()


COPIES = [
    "Voters back independence 54% to 46%\n\nThe Yes side won 54.3% of the vote.",
    "Sales rose from 40 to 50, a 25% rise.\n\nIn London, sales fell 3% to 12,000 units, "
    "while 4,000 units were sold abroad.",
    "Three men, aged 31, 38 and 52, were arrested.\n\nPolice said 12 people were injured and "
    "the 15 injured were in hospital.",
]


@pytest.mark.parametrize("text", COPIES)
def test_a_document_never_contradicts_its_copy(text: str) -> None:
    title, _, body = text.partition("\n\n")
    docs = [Document(id=i, title=title, text=body, story="s") for i in ("a", "b")]
    assert [f for f in figcheck.check(docs).findings if f.scope == "cross"] == []
