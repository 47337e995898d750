"""Grouping an archive's documents into stories, in one streaming pass (no all-pairs comparison).

* A record's own ``story`` value is its story (``config.stories`` ``"auto"`` or ``"field"``).
* ``"auto"`` clusters the other documents: they are swept in publication-date order; each joins
  the open cluster of the earlier document it links to best, by the comparator's rule for a pair
  of documents: at least :data:`MIN_SHARED` shared story features
  (:func:`figcheck.compare.story_features`) carrying at least :data:`MIN_OVERLAP` of the smaller
  document's feature weight (inverse document frequency over the archive); otherwise it opens a
  new cluster.  Candidates come from an inverted index *feature -> members of open clusters*
  (blocking, capped at :data:`POSTINGS_CAP` per feature), so a document is only scored against
  documents it shares a feature with.  A cluster is open for ``config.story_window_days`` after
  its first document, so no two documents more than the window apart share an auto story.
  Features carried by more than :data:`MAX_DF` of the documents (and over :data:`MIN_DF_CAP`) are
  ignored as uninformative; which features may link at all is the toolkit's choice
  (figcheck's comparator links on named entities, not on subject heads).  Undated documents are
  clustered among themselves, last.
* ``"none"`` puts every document in one story.

The result is a function of the documents and their features only (not of how the work was
split), so the local and the Dask engines agree.  Memory is bounded by the documents inside one
window.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping

from ..config import Config

MIN_SHARED = 2
MIN_OVERLAP = 0.3
"""A document joins a cluster when they share at least MIN_SHARED linking features carrying at
least MIN_OVERLAP of the document's feature weight (inverse document frequency)."""
MAX_DF = 0.05
MIN_DF_CAP = 50
POSTINGS_CAP = 64
"""Only the most recently opened clusters per feature are candidates (bounds the work per doc)."""

AUTO_PREFIX = "~auto:"

# (doc_pk, published ISO date or None, record story or None, features)
Row = tuple[int, str | None, str | None, frozenset[str]]


def df_limit(n_docs: int) -> int:
    """Features carried by more documents than this are ignored as uninformative."""
    return max(MIN_DF_CAP, int(n_docs * MAX_DF))


class Weights:
    """Inverse document frequencies from the archive's feature counts (only counts >= 2 are
    kept in memory: a feature seen once links nothing and weighs ``log(n + 1) + 0.1``)."""

    def __init__(self, df: Mapping[str, int], n_docs: int) -> None:
        self.df = df
        self.n = n_docs
        self.limit = df_limit(n_docs)

    def usable(self, f: str) -> bool:
        return self.df.get(f, 1) <= self.limit

    def idf(self, f: str) -> float:
        return math.log((self.n + 1) / self.df.get(f, 1)) + 0.1


class _Sweep:
    """Open clusters of one sweep.  Postings point at cluster *members*, so a document is linked
    like a pair of documents (the comparator's rule) and joins the cluster of its best link."""

    def __init__(self, window_days: int | None, weights: Weights) -> None:
        self.window = window_days
        self.weights = weights
        self.index: dict[str, deque[tuple[int, int]]] = {}
        self.members: dict[int, list[tuple[int, frozenset[str]]]] = {}
        self.weight: dict[int, float] = {}
        self.opened: deque[tuple[_dt.date, int]] = deque()

    def _expire(self, day: _dt.date | None) -> None:
        if day is None or self.window is None:
            return
        while self.opened and (day - self.opened[0][0]).days > self.window:
            _, cid = self.opened.popleft()
            for pk, feats in self.members.pop(cid, ()):
                self.weight.pop(pk, None)
                for f in feats:
                    postings = self.index.get(f)
                    if postings is None:
                        continue
                    kept = [p for p in postings if p[1] != cid]
                    if kept:
                        self.index[f] = deque(kept, maxlen=POSTINGS_CAP)
                    else:
                        del self.index[f]

    def assign(self, pk: int, day: _dt.date | None, feats: frozenset[str]) -> int:
        self._expire(day)
        idf = {f: self.weights.idf(f) for f in feats}
        own = sum(idf.values())
        counts: Counter[tuple[int, int]] = Counter()
        mass: dict[tuple[int, int], float] = {}
        for f in feats:
            for link in self.index.get(f, ()):
                counts[link] += 1
                mass[link] = mass.get(link, 0.0) + idf[f]
        best: tuple[int, int] | None = None
        best_score = 0.0
        for link, n in counts.items():
            smaller = min(own, self.weight.get(link[0], 0.0))
            if n < MIN_SHARED or smaller <= 0:
                continue
            score = mass[link] / smaller
            if score < MIN_OVERLAP:
                continue
            if score > best_score or (score == best_score and best is not None and link < best):
                best, best_score = link, score
        if best is not None:
            cid = best[1]
        else:
            cid = pk
            self.members[cid] = []
            if day is not None:
                self.opened.append((day, cid))
        indexed = frozenset(f for f in feats if self.weights.df.get(f, 1) > 1)
        members = self.members.get(cid)
        if members is not None and indexed:
            members.append((pk, indexed))
            self.weight[pk] = own
            for f in indexed:
                self.index.setdefault(f, deque(maxlen=POSTINGS_CAP)).append((pk, cid))
        return cid


def assign(
    rows: Iterable[Row],
    config: Config,
    weights: Weights | None = None,
    linkable: Callable[[str], bool] = lambda f: True,
) -> Iterator[tuple[int, str | None]]:
    """``(doc_pk, story_key)`` for each row.  ``rows`` must come sorted by (published, doc_pk)
    with undated documents last; ``story_key`` is None when the document is compared with no other."""
    weights = weights or Weights({}, 0)
    dated = _Sweep(config.story_window_days, weights)
    undated = _Sweep(None, weights)
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
        feats = frozenset(f for f in feats if linkable(f) and weights.usable(f))
        day = _dt.date.fromisoformat(published) if published else None
        sweep = dated if day is not None else undated
        yield pk, f"{AUTO_PREFIX}{sweep.assign(pk, day, feats)}"
