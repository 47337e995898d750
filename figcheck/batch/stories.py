"""Grouping an archive's documents into stories, in one streaming pass (no all-pairs comparison).

* A record's own ``story`` value is its story (``config.stories`` ``"auto"`` or ``"field"``).
* ``"auto"`` clusters the other documents: they are swept in publication-date order; each joins the
  open cluster with which it shares the most story features (the comparator's
  :func:`figcheck.compare.story_features`), provided it shares at least :data:`MIN_SHARED` of them
  and at least :data:`MIN_SHARE` of its own; otherwise it opens a new cluster.  Candidates come
  from an inverted index *feature -> open clusters* (blocking), so a document is only scored
  against clusters it shares a feature with.  A cluster is open for ``config.story_window_days``
  after its first document, so no two documents more than the window apart share an auto story.
  Features carried by more than :data:`MAX_DF` of the documents (and over :data:`MIN_DF_CAP`) are
  ignored as uninformative.  Undated documents are clustered among themselves, last.
* ``"none"`` puts every document in one story.

The result is a function of the documents and their features only (not of how the work was
split), so the local and the Dask engines agree.  Memory is bounded by the documents inside one
window.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter, deque
from collections.abc import Iterable, Iterator

from ..config import Config

MIN_SHARED = 2
MIN_SHARE = 0.3
MAX_DF = 0.05
MIN_DF_CAP = 50
POSTINGS_CAP = 64
"""Only the most recently opened clusters per feature are candidates (bounds the work per doc)."""

AUTO_PREFIX = "~auto:"

# (doc_pk, published ISO date or None, record story or None, features)
Row = tuple[int, str | None, str | None, frozenset[str]]


def stop_features(df: Iterable[tuple[str, int]], n_docs: int) -> frozenset[str]:
    limit = max(MIN_DF_CAP, int(n_docs * MAX_DF))
    return frozenset(f for f, n in df if n > limit)


class _Sweep:
    def __init__(self, window_days: int | None) -> None:
        self.window = window_days
        self.index: dict[str, deque[int]] = {}
        self.features: dict[int, set[str]] = {}
        self.opened: deque[tuple[_dt.date, int]] = deque()

    def _expire(self, day: _dt.date | None) -> None:
        if day is None or self.window is None:
            return
        while self.opened and (day - self.opened[0][0]).days > self.window:
            _, cid = self.opened.popleft()
            for f in self.features.pop(cid, ()):
                postings = self.index.get(f)
                if postings is not None:
                    try:
                        postings.remove(cid)
                    except ValueError:
                        pass
                    if not postings:
                        del self.index[f]

    def assign(self, pk: int, day: _dt.date | None, feats: frozenset[str]) -> int:
        self._expire(day)
        scores: Counter[int] = Counter()
        for f in feats:
            for cid in self.index.get(f, ()):
                scores[cid] += 1
        best, best_score = None, 0
        for cid, score in scores.items():
            if score > best_score or (score == best_score and best is not None and cid < best):
                best, best_score = cid, score
        if best is not None and best_score >= MIN_SHARED and best_score >= MIN_SHARE * len(feats):
            cid = best
        else:
            cid = pk
            self.features[cid] = set()
            if day is not None:
                self.opened.append((day, cid))
        known = self.features.get(cid)
        if known is not None:
            for f in feats:
                if f not in known:
                    known.add(f)
                    postings = self.index.setdefault(f, deque(maxlen=POSTINGS_CAP))
                    postings.append(cid)
        return cid


def assign(rows: Iterable[Row], config: Config, stop: frozenset[str] = frozenset()) -> Iterator[tuple[int, str | None]]:
    """``(doc_pk, story_key)`` for each row.  ``rows`` must come sorted by (published, doc_pk)
    with undated documents last; ``story_key`` is None when the document is compared with no other."""
    dated = _Sweep(config.story_window_days)
    undated = _Sweep(None)
    for pk, published, story, feats in rows:
        if config.stories == "none":
            yield pk, "~all"
            continue
        if story:
            yield pk, story
            continue
        if config.stories == "field":
            yield pk, None
            continue
        feats = feats - stop if stop else feats
        day = _dt.date.fromisoformat(published) if published else None
        sweep = dated if day is not None else undated
        yield pk, f"{AUTO_PREFIX}{sweep.assign(pk, day, feats)}"
