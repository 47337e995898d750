"""Headline numbers extracted: the share of numbers in headlines (found by the independent
reader, :mod:`.numbers`) that ``figcheck.extract`` returns as figures (any span overlap)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import figcheck

from .corpus import Article
from .numbers import numbers


@dataclass
class HeadlineShare:
    numbers: int = 0
    extracted: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    """(article id, headline, missed surface)."""

    @property
    def share(self) -> float | None:
        return self.extracted / self.numbers if self.numbers else None


def headline_share(articles: Iterable[Article]) -> HeadlineShare:
    out = HeadlineShare()
    for a in articles:
        if not a.title:
            continue
        found = numbers(a.title)
        if not found:
            continue
        qs = [q for q in figcheck.extract("", title=a.title) if q.field == "title"]
        for n in found:
            out.numbers += 1
            if any(q.start < n.end and n.start < q.end for q in qs):
                out.extracted += 1
            else:
                out.misses.append((a.id, a.title, n.surface))
    return out
