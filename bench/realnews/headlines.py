"""Headline numbers extracted: the share of numbers in headlines (found by the independent
reader, :mod:`.numbers`) that ``figcheck.extract`` returns as figures (any span overlap).

A number that is plainly part of a label or a name is no amount and is not counted (a careful
reader agrees, whatever figcheck does): a label noun before it ("Flight 804", "Day 4", "Level 3",
"No. 2", "Chapter 11"), an index or list named with its size ("S&P 500", "FTSE 100", "Fortune
500"), "Big" before it ("the Big Three"), or a time zone after it ("1200 GMT").  These are
counted apart (:attr:`HeadlineShare.names`) and listed with the misses."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import figcheck

from .corpus import Article
from .numbers import Num, numbers


@dataclass
class HeadlineShare:
    numbers: int = 0
    extracted: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    """(article id, headline, missed surface)."""
    names: list[tuple[str, str, str]] = field(default_factory=list)
    """(article id, headline, surface) of numbers in labels and names, not counted."""

    @property
    def share(self) -> float | None:
        return self.extracted / self.numbers if self.numbers else None


LABEL_NOUNS: frozenset[str] = frozenset(
    "flight day level no. number chapter article section round phase stage episode season "
    "part vol vol. volume route gate room platform terminal pier junction exit category grade "
    "page lane ward precinct district week".split())
"""Nouns that make the digits after them a label, not an amount ("Flight 804", "Day 4")."""
NAMED_BY_SIZE: frozenset[str] = frozenset(
    "s&p ftse russell nikkei cac dax asx stoxx fortune forbes".split())
"""Indexes and lists named with a number ("S&P 500", "Fortune 500")."""
_ZONE_AFTER = re.compile(r"\s*(?:GMT|UTC|EST|EDT|BST|CET|CEST|PST|PDT|ET|PT)\b")
_WORD_BEFORE = re.compile(r"([\w&.]+)[\s\u2018\u2019'\"]*$")


def label_or_name(title: str, n: Num) -> bool:
    """The number ``n`` of ``title`` is part of a label or a name, not an amount."""
    w = _WORD_BEFORE.search(title, 0, n.start)
    before = w.group(1).lower() if w else ""
    if n.surface[:1].isdigit() and (before in LABEL_NOUNS or before in NAMED_BY_SIZE):
        return True
    if before == "big" and w is not None and w.group(1)[0] == "B" and (
            n.surface[:1].isupper() or n.surface[:1].isdigit()):
        return True  # "the Big Three", "Big 12"
    return bool(n.surface[:1].isdigit() and _ZONE_AFTER.match(title, n.end))


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
            if label_or_name(a.title, n):
                out.names.append((a.id, a.title, n.surface))
                continue
            out.numbers += 1
            if any(q.start < n.end and n.start < q.end for q in qs):
                out.extracted += 1
            else:
                out.misses.append((a.id, a.title, n.surface))
    return out
