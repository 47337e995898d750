"""Scoring figcheck against its gold corpora.

* :func:`evaluate_extract` scores :func:`figcheck.extract` on ``corpus/extract`` (articles with
  every figure annotated; see :mod:`figcheck.evaluation.extract`).
* ``figcheck.evaluation.check.evaluate_check`` scores :func:`figcheck.check` on ``corpus/check``.

``python -m figcheck.evaluation extract|check|all`` prints them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .extract import ExtractScores, Extractor

__all__ = ["corpus_dir", "evaluate_extract", "locate"]


def corpus_dir(name: str) -> Path:
    """``corpus/<name>`` of the source checkout this package lives in (else of the cwd, for an
    installed figcheck run from a checkout)."""
    here = Path(__file__).resolve().parents[2] / "corpus" / name
    return here if here.is_dir() else Path.cwd() / "corpus" / name


def locate(source: str, needle: str, occurrence: int) -> tuple[int, int] | None:
    """Span of the ``occurrence``-th (1-based) hit of ``needle`` in ``source``, or None; each
    search starts one character after the previous hit (corpus/README.md)."""
    start = -1
    for _ in range(occurrence):
        start = source.find(needle, start + 1)
        if start < 0:
            return None
    return start, start + len(needle)


def evaluate_extract(
    corpus_dir: str | Path | None = None, *, extractor: Extractor | None = None
) -> ExtractScores:
    """Precision/recall/F1 of :func:`figcheck.extract` on the extraction gold corpus."""
    from .extract import evaluate_extract as _evaluate

    return _evaluate(corpus_dir, extractor=extractor)
