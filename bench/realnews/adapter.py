"""figcheck's same-fact decision for two given figures: the ONE place the harness reaches into
the comparator's internals, so that it can be pointed at a new API when the comparator is
redesigned (issue 11).

:func:`same_fact` answers "would figcheck compare these two figures as one fact?", i.e. the
conditions under which a difference in value would be reported, leaving out the value test
itself (whether the intervals are disjoint).  Today that is: both figures are extracted and
comparable (``items_of``, which also applies the comparator's context rewrites), they share a
``claim_key`` (subject head + unit family), and ``same_keyed_fact`` (via ``_factor`` within an
article, with the cross-document checks of ``_pair_finding`` between articles) gives a confidence
that clears ``Config().min_confidence``.  Two figures of one sentence are never one fact.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import figcheck
from figcheck.compare import contradict, facts

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
    """Per-article extraction and comparator items, computed once."""

    def __init__(self) -> None:
        self._items: dict[str, tuple[figcheck.Document, Sequence[figcheck.Quantity],
                                     list[contradict.Item]]] = {}

    def items(self, a: Article) -> tuple[Sequence[figcheck.Quantity], list[contradict.Item]]:
        got = self._items.get(a.id)
        if got is None:
            doc = _document(a)
            qs = figcheck.extract(a.text, title=a.title or None)
            got = self._items[a.id] = (doc, qs, contradict.items_of(doc, qs))
        return got[1], got[2]


def _item(fig: Figure, cache: Extracted) -> contradict.Item | None:
    qs, items = cache.items(fig.article)
    q = next((q for q in qs if q.field == fig.field and q.start < fig.end and fig.start < q.end),
             None)
    if q is None:
        return None
    return next((it for it in items if it.q.field == q.field and it.q.start == q.start
                 and it.q.end == q.end), None)


def same_fact(x: Figure, y: Figure, cache: Extracted | None = None) -> bool:
    """Whether figcheck (today's comparator) takes ``x`` and ``y`` to state one fact."""
    cache = cache or Extracted()
    a, b = _item(x, cache), _item(y, cache)
    if a is None or b is None or a is b:
        return False
    if facts.claim_key(a.q) != facts.claim_key(b.q):
        return False
    threshold = figcheck.Config().min_confidence
    if x.article.id == y.article.id:
        if a.sentence == b.sentence or a.all_years != b.all_years:
            return False
        if b.q.field == "title":
            a, b = b, a  # the headline figure first, as the comparator pairs them
        f = contradict._factor(a, b)
        return f is not None and contradict.BASE_CONFIDENCE * f >= threshold
    f = facts.same_keyed_fact(a.q, b.q, cross=True)
    if f is None or (a.entities and b.entities and not a.entities & b.entities):
        return False
    if a.years != b.years and (a.years or b.years) and not a.years & b.years:
        return False
    if contradict._different_days(a.q, b.q):
        return False
    r = facts.ratio(a.q, b.q)
    if r is not None and r > facts.MAX_RATIO:
        return False
    return contradict.CROSS_CONFIDENCE * f >= threshold
