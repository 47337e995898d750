"""Every finding code in the registry has a failing example (a gold finding it must report) and a
passing example (a trap where it must stay quiet) in the gold corpus.  FC301 (emitted by the CLI,
not the comparator) has its examples in tests/cli/test_suppress.py."""

from __future__ import annotations

import pytest

from figcheck.compare.rules import RULES

CLI_CODES = {"FC301"}


def _examples(code: str) -> tuple[int, int]:
    from figcheck.evaluation.check import CODE_KIND, load_stories

    kind, scope = CODE_KIND[code]
    failing = passing = 0
    for story in load_stories():
        for f in story.findings:
            if (f.kind, f.scope) != (kind, scope):
                continue
            in_title = any(c.field == "title" for c in f.claims)
            if code == "FC102" and not in_title or code == "FC101" and in_title:
                continue
            failing += 1
        passing += sum(1 for t in story.traps if t.code == code)
    return failing, passing


@pytest.mark.parametrize("code", [r.code for r in RULES if r.code not in CLI_CODES])
def test_corpus_has_a_failing_and_a_passing_example(code: str) -> None:
    failing, passing = _examples(code)
    assert failing >= 1, f"no gold finding for {code} in corpus/check"
    assert passing >= 1, f"no trap for {code} in corpus/check"


def test_cli_codes_have_examples() -> None:
    from pathlib import Path

    source = (Path(__file__).parent / "test_suppress.py").read_text(encoding="utf-8")
    for code in CLI_CODES:
        assert f'"{code}"' in source and "neither-figure-covered" in source  # reported
        assert "second-figure-in-ignored-paragraph" in source  # used: not reported


def test_every_registry_code_is_scored_or_cli() -> None:
    from figcheck.evaluation.check import CODE_KIND

    assert {r.code for r in RULES} == set(CODE_KIND) | CLI_CODES
