"""Every finding code in the registry has a failing example (a gold finding it must report) and a
passing example (a documented trap where it must stay quiet) in the gold story corpus, and figcheck
gets at least one of each right.  FC301 (emitted by the CLI, not the comparator) has its examples
in tests/cli/test_suppress.py.  A code that lacks an example is listed in KNOWN_GAPS as a strict
xfail, so adding the example turns the test red until the entry is removed."""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest

from figcheck.compare.rules import RULES

CLI_CODES = {"FC301"}
KNOWN_GAPS: dict[str, str] = {}
"""code -> reason, for codes whose corpus examples are missing or all missed."""
MISSED: dict[str, str] = {
    code: ("the same-fact weights fitted on real text (issue 11; within one article -2.1, shared "
           "words +1.7) call none of the corpus's " + what + " one fact: on the dev pairs 17 of 360 "
           "within-article pairs are one fact, and a paraphrase sharing few words scores low")
    for code, what in (("FC101", "within-article restatements"), ("FC121", "updated counts"))}
"""code -> reason, for codes whose corpus examples exist but figcheck misses them all."""


def _param(code: str, gaps: dict[str, str]):  # type: ignore[no-untyped-def]
    if code in gaps:
        return pytest.param(code, marks=pytest.mark.xfail(strict=True, reason=gaps[code]))
    return code


CODES = [_param(r.code, KNOWN_GAPS) for r in RULES if r.code not in CLI_CODES]
CAUGHT = [_param(r.code, {**KNOWN_GAPS, **MISSED}) for r in RULES if r.code not in CLI_CODES]


@cache
def _corpus() -> tuple[Counter[str], Counter[str]]:
    from figcheck.evaluation.check import gold_code, load_stories

    failing: Counter[str] = Counter()
    passing: Counter[str] = Counter()
    for story in load_stories():
        failing.update(gold_code(f) for f in story.findings)
        passing.update(t.code for t in story.traps)
    return failing, passing


@cache
def _scores():  # type: ignore[no-untyped-def]
    from figcheck.evaluation.check import evaluate_check

    return evaluate_check()


@pytest.mark.parametrize("code", CODES)
def test_corpus_has_a_failing_and_a_passing_example(code: str) -> None:
    failing, passing = _corpus()
    assert failing[code] >= 1, f"no gold finding for {code} in corpus/check"
    assert passing[code] >= 1, f"no trap for {code} in corpus/check"


@pytest.mark.parametrize("code", CAUGHT)
def test_figcheck_catches_a_failing_and_passes_a_passing_example(code: str) -> None:
    scores = _scores()
    assert scores.by_code[code].tp_gold >= 1, f"figcheck reports none of the {code} examples"
    _, passing = _corpus()
    hits = Counter(p.code for p in scores.trap_hits)
    assert passing[code] - hits[code] >= 1, f"figcheck fires {code} on every {code} trap"


def test_cli_codes_have_examples() -> None:
    from pathlib import Path

    source = (Path(__file__).parent / "test_suppress.py").read_text(encoding="utf-8")
    assert "neither-figure-covered" in source  # FC301 reported
    assert "second-figure-in-ignored-paragraph" in source  # suppression used: no FC301


def test_every_registry_code_is_scored_or_emitted_by_the_cli() -> None:
    from figcheck.evaluation.check import CODE_KIND

    assert {r.code for r in RULES} == set(CODE_KIND) | CLI_CODES
