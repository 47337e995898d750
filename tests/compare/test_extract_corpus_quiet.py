"""The 40 single-article gold texts of corpus/extract carry no planted contradiction: checking them
must report nothing.  Each article is a case, so a false positive names its article."""

from __future__ import annotations

from pathlib import Path

import pytest

import figcheck
from figcheck.inputs import read_documents

ARTICLES = sorted((Path(__file__).resolve().parents[2] / "corpus" / "extract").glob("*.md"))
KNOWN_FALSE_POSITIVES: dict[str, str] = {}


def _param(path: Path):
    reason = KNOWN_FALSE_POSITIVES.get(path.stem)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(path, id=path.stem, marks=marks)


def test_there_are_articles():
    assert len(ARTICLES) >= 40


@pytest.mark.parametrize("path", [_param(p) for p in ARTICLES])
def test_article_checks_clean(path):
    docs = list(read_documents([str(path)]))
    report = figcheck.check(docs)
    assert [f.message for f in report.findings] == []


def test_a_part_change_is_not_the_whole_change():
    text = (
        "Japan's exports rose 7.3% in September from a year earlier, the ministry said.\n\n"
        "Imports fell 2.2%.\n\n"
        "Exports to China, Japan's biggest market, rose by 3.1% after falling for 11 months."
    )
    assert figcheck.check([figcheck.Document(id="a", text=text)]).findings == ()
