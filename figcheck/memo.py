"""Bounded memo tables for the pure functions on the parser's and comparator's hot paths.

A table is a plain ``dict`` that its module reads inline (``table.get(key)``: the fast path), and
fills through :func:`remember`, which empties it once it holds :data:`MEMO_LIMIT` entries, so memory
stays bounded however much text is checked.  The values are results of pure functions of the key:
a table never changes what figcheck reports, only how often the work is done.
"""

from __future__ import annotations

from typing import Final, TypeVar

K = TypeVar("K")
V = TypeVar("V")

MEMO_LIMIT: Final = 65536


def remember(table: dict[K, V], key: K, value: V) -> V:
    """Store ``value`` under ``key`` (emptying a full table first) and return it."""
    if len(table) >= MEMO_LIMIT:
        table.clear()
    table[key] = value
    return value
