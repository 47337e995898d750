from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from figcheck.cli import cli

DATA = Path(__file__).parent / "data"

ARTICLE = (
    "# North Korea sends 12,000 troops to Russia\n"
    "\n"
    "North Korea has sent 10,000 troops to Russia, officials said.\n"
    "\n"
    "Military spending rose from 40 billion dollars to 50 billion dollars, a 40% rise, the ministry"
    " said.\n"
    "\n"
    "Temperatures near the front fell to -15C (5F) overnight, and the convoy travelled 5 miles"
    " (12 km)\nbefore stopping.\n"
)
"""Real copy in which the real comparator finds a headline conflict (FC102, an error), a wrong
percentage change (FC201) and a wrong conversion (FC205, both warnings): what CLI tests of exit
codes, selection, formats and outputs run on.  FC201 is a preview rule (figcheck/compare/rules.py),
so the tests that count on it run with ``--preview``."""


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "draft.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)

    def invoke(*args: str, input: str | bytes | None = None) -> Result:
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def troops(tmp_path: Path) -> Path:
    src = Path(__file__).parents[2] / "corpus" / "examples" / "troops.md"
    dst = tmp_path / "troops.md"
    dst.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    return dst
