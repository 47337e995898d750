"""The unit table (``figcheck/data/units.json``), loaded once and cached.

The table is generated (``python -m figcheck.data.units_generate``) from quantulum3's unit
catalogue with figcheck's news layer (``figcheck/data/units_news.json``: conversions and news
spellings) on top; quantulum3 itself is never imported at run time.

Each entry: ``name`` (quantulum3's unit name where quantulum3 has the unit, plus
"percentage point", "basis point" and "index point"), ``dim`` (dimension, see :mod:`figcheck.parser`),
``base`` (the dimension's base unit, or null when no conversion exists), ``factor`` and
``offset`` (``base = value * factor + offset``), ``words`` (lower-case surfaces, plurals
included, matched case-insensitively), ``symbols`` (case-sensitive, may follow the number after a
space) and ``tight`` (case-sensitive single letters such as ``C`` or ``p`` that only count when
written directly after the digits: "40C", "50p").
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import NamedTuple


class Unit(NamedTuple):
    name: str
    dim: str
    base: str | None
    factor: Decimal
    offset: Decimal


class UnitTable(NamedTuple):
    words: MappingProxyType[str, Unit]
    symbols: MappingProxyType[str, Unit]
    tight: MappingProxyType[str, Unit]
    by_name: MappingProxyType[str, Unit]
    max_tokens: int
    starts: frozenset[str]
    """First token (as written and lower-cased) of every surface: a cheap pre-check."""


@cache
def table() -> UnitTable:
    raw = json.loads(resources.files("figcheck").joinpath("data/units.json").read_text("utf-8"))
    words: dict[str, Unit] = {}
    symbols: dict[str, Unit] = {}
    tight: dict[str, Unit] = {}
    by_name: dict[str, Unit] = {}
    for e in raw["units"]:
        u = Unit(e["name"], e["dim"], e["base"], Decimal(e["factor"]), Decimal(e["offset"]))
        by_name[u.name] = u
        for w in e["words"]:
            words.setdefault(w, u)
        for s in e["symbols"]:
            symbols.setdefault(s, u)
        for s in e["tight"]:
            tight.setdefault(s, u)
    from .tokenize import first_token

    starts: set[str] = set()
    for surface in (*words, *symbols, *tight):
        first = first_token(surface)
        if first:
            starts.add(first)
            starts.add(first.lower())
    return UnitTable(
        MappingProxyType(words),
        MappingProxyType(symbols),
        MappingProxyType(tight),
        MappingProxyType(by_name),
        6,
        frozenset(starts),
    )


def unit(name: str) -> Unit:
    return table().by_name[name]
