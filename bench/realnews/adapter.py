"""figcheck's same-fact decision for two given figures: the ONE place the harness reaches into
the comparator, now through its public API (issue 11): :func:`figcheck.compare.same_fact`, the
scored decision over the two figures' claim frames, at its operating threshold.

:func:`same_fact` answers "would figcheck compare these two figures as one fact?", i.e. the
conditions under which a difference in value would be reported, leaving out the value test
itself (whether the intervals are disjoint): both figures are extracted and comparable
(:func:`figcheck.compare.contradict.comparable`: a stated total or change of a known measure) and
the decision says they state one fact.  Two figures of one sentence are never one fact (a hard
constraint of the decision).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import figcheck
from figcheck.compare import contradict
from figcheck.compare import same_fact as decide

from .corpus import Article


@dataclass(frozen=True)
class Figure:
    article: Article
    field: str
    start: int
    end: int


def _document(a: Article) -> figcheck.Document:
    return figcheck.Document(id=a.id, text=a.text, title=a.title or None, source=a.source,
                             published=a.published)


class Extracted:
    """Per-article extraction, computed once."""

    def __init__(self) -> None:
        self._docs: dict[str, tuple[figcheck.Document, Sequence[figcheck.Quantity]]] = {}

    def get(self, a: Article) -> tuple[figcheck.Document, Sequence[figcheck.Quantity]]:
        got = self._docs.get(a.id)
        if got is None:
            doc = _document(a)
            got = self._docs[a.id] = (doc, figcheck.extract(a.text, title=a.title or None))
        return got


def _quantity(fig: Figure, cache: Extracted) -> tuple[figcheck.Document,
                                                      figcheck.Quantity | None]:
    doc, qs = cache.get(fig.article)
    q = next((q for q in qs if q.field == fig.field and q.start < fig.end and fig.start < q.end),
             None)
    return doc, q


def same_fact(x: Figure, y: Figure, cache: Extracted | None = None) -> bool:
    """Whether figcheck takes ``x`` and ``y`` to state one fact."""
    cache = cache or Extracted()
    da, a = _quantity(x, cache)
    db, b = _quantity(y, cache)
    if a is None or b is None or (da.id == db.id and a == b):
        return False
    if not (contradict.comparable(a) and contradict.comparable(b)):
        return False
    return decide(a, b, da, db).same
