"""The one vocabulary (``figcheck/data/vocabulary.toml``): event classes, measure nouns,
aggregation, stance and discourse cues, read by the parser's frame builder and by the comparator.

Loaded lazily, once (:func:`vocabulary`); the objects it returns are immutable.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

SLOTS: tuple[str, ...] = ("event", "measure", "aggregation", "stance", "discourse", "qualifier")
"""The tables of the file, each named after the frame slot its entries fill (``qualifier``: words
that narrow a measure, which become part of it)."""


@dataclass(frozen=True)
class Entry:
    slot: str
    name: str
    words: tuple[str, ...]
    before: tuple[str, ...]
    after: tuple[str, ...]
    passing: tuple[str, ...]
    failing: tuple[str, ...]
    verbs: tuple[str, ...] = ()
    """Measure entries: verb lemmas whose amount is this measure ("spend" -> "spending")."""
    dimensions: tuple[str, ...] = ()
    """Measure entries: dimensions whose figure, counting no noun, is this measure ("length"
    -> "distance")."""


@dataclass(frozen=True)
class Vocabulary:
    entries: tuple[Entry, ...]
    event_of_word: MappingProxyType[str, str]
    """A verb, participle or noun -> its event class ("fined" -> "punish")."""
    measure_of_head: MappingProxyType[str, str]
    """A subject head -> its measure ("toll" -> "death toll")."""

    def entry(self, slot: str, name: str) -> Entry:
        for e in self.entries:
            if e.slot == slot and e.name == name:
                return e
        raise KeyError((slot, name))

    def words(self, slot: str, name: str) -> tuple[str, ...]:
        return self.entry(slot, name).words

    def of(self, slot: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.slot == slot)


def _strings(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    got = raw.get(key, [])
    if not isinstance(got, list) or not all(isinstance(x, str) for x in got):
        raise ValueError(f"vocabulary: {key} must be a list of strings")
    return tuple(got)


def parse(data: dict[str, Any]) -> Vocabulary:
    """A :class:`Vocabulary` from the parsed TOML (each entry's lists checked)."""
    entries: list[Entry] = []
    for slot in SLOTS:
        for name, raw in data.get(slot, {}).items():
            entries.append(Entry(slot=slot, name=name, words=_strings(raw, "words"),
                                 before=_strings(raw, "before"), after=_strings(raw, "after"),
                                 passing=_strings(raw, "pass"), failing=_strings(raw, "fail"),
                                 verbs=_strings(raw, "verbs"),
                                 dimensions=_strings(raw, "dimensions")))
    unknown = set(data) - set(SLOTS)
    if unknown:
        raise ValueError(f"vocabulary: unknown tables {sorted(unknown)}")
    events: dict[str, str] = {}
    measures: dict[str, str] = {}
    for e in entries:
        if e.slot == "event":
            for w in e.words:
                events.setdefault(w, e.name)
            events.setdefault(e.name, e.name)
        elif e.slot == "measure":
            for w in e.words:
                measures.setdefault(w, e.name)
    return Vocabulary(entries=tuple(entries), event_of_word=MappingProxyType(events),
                      measure_of_head=MappingProxyType(measures))


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The package's vocabulary (read once)."""
    raw = resources.files("figcheck").joinpath("data/vocabulary.toml").read_bytes()
    return parse(tomllib.loads(raw.decode("utf-8")))
