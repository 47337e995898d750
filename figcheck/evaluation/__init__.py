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

__all__ = ["evaluate_extract"]


def evaluate_extract(
    corpus_dir: str | Path | None = None, *, extractor: Extractor | None = None
) -> ExtractScores:
    """Precision/recall/F1 of :func:`figcheck.extract` on the extraction gold corpus."""
    from .extract import evaluate_extract as _evaluate

    return _evaluate(corpus_dir, extractor=extractor)
