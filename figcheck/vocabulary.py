"""The one vocabulary (``figcheck/data/vocabulary.toml``): event classes, measure nouns,
aggregation, stance and discourse cues, read by the parser's frame builder and by the comparator;
the subject finder's event families and modality words; the comparator's classes of measures.

Loaded lazily, once (:func:`vocabulary`); the objects it returns are immutable.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from types import MappingProxyType
from typing import Any

SLOTS: tuple[str, ...] = ("event", "measure", "aggregation", "stance", "discourse", "qualifier")
"""The tables of the file, each named after the frame slot its entries fill (``qualifier``: words
that narrow a measure, which become part of it)."""

TABLES: tuple[str, ...] = SLOTS + ("subject_event", "subject_head", "subject_verb", "modality",
                                   "class")
"""Every table of the file: the frame slots; ``subject_event``, ``subject_head`` and ``modality``
(what the subject finder gives as :attr:`figcheck.model.Subject.event`, ``.head`` and
``.modality``, and the words that give it) and ``subject_verb`` (its classes of verbs); ``class``
(classes of measures and events the comparator treats alike: running counts, measures too
generic to compare alone, measures that change by the hour)."""


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
    lists: MappingProxyType[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({}))
    """The entry's other word lists by key (``lemmas``, ``people``, ``nouns``, ``cues``...)."""
    xfail: str = ""
    """Why the passing examples do not hold yet (the meta-test makes them strict xfails), or ""."""

    def words_of(self, key: str) -> tuple[str, ...]:
        """The entry's list ``key`` (``words``, ``before``, ``after`` or another), or ``()``."""
        if key in ("words", "before", "after"):
            return getattr(self, key)  # type: ignore[no-any-return]
        return self.lists.get(key, ())


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

    def mapping(self, slot: str, key: str = "words") -> MappingProxyType[str, str]:
        """Each word of list ``key`` of the table's entries -> its entry's name (the first entry
        listing a word keeps it)."""
        out: dict[str, str] = {}
        for e in self.of(slot):
            for w in e.words_of(key):
                out.setdefault(w, e.name)
        return MappingProxyType(out)

    def union(self, slot: str, key: str = "words") -> frozenset[str]:
        """Every word of list ``key`` over the table's entries."""
        return frozenset(w for e in self.of(slot) for w in e.words_of(key))


def _strings(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    got = raw.get(key, [])
    if not isinstance(got, list) or not all(isinstance(x, str) for x in got):
        raise ValueError(f"vocabulary: {key} must be a list of strings")
    return tuple(got)


def _text(raw: dict[str, Any], key: str) -> str:
    got = raw.get(key, "")
    if not isinstance(got, str):
        raise ValueError(f"vocabulary: {key} must be a string")
    return " ".join(got.split())


def parse(data: dict[str, Any]) -> Vocabulary:
    """A :class:`Vocabulary` from the parsed TOML (each entry's lists checked)."""
    entries: list[Entry] = []
    fixed = ("words", "before", "after", "pass", "fail", "xfail", "verbs", "dimensions")
    for slot in TABLES:
        for name, raw in data.get(slot, {}).items():
            lists = {k: _strings(raw, k) for k in raw if k not in fixed}
            entries.append(Entry(slot=slot, name=name, words=_strings(raw, "words"),
                                 before=_strings(raw, "before"), after=_strings(raw, "after"),
                                 passing=_strings(raw, "pass"), failing=_strings(raw, "fail"),
                                 verbs=_strings(raw, "verbs"),
                                 dimensions=_strings(raw, "dimensions"),
                                 lists=MappingProxyType(lists), xfail=_text(raw, "xfail")))
    unknown = set(data) - set(TABLES)
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


COMPACT = "data/vocabulary.json"
"""The vocabulary as JSON, with the CRC-32 and size of the TOML it was made from: read instead of
the TOML while it matches it (JSON loads ~30x faster than TOML parses and needs no ``tomllib``,
which keeps the cold start small).  A stale or missing compact file is ignored (the TOML is
parsed), so it can never change what the vocabulary says.  Rewrite it with
``python -m figcheck.vocabulary``; a test checks that it is fresh."""


def _fingerprint(raw: bytes) -> str:
    import zlib

    return f"{zlib.crc32(raw):08x}:{len(raw)}"


def _source() -> bytes:
    return resources.files("figcheck").joinpath("data/vocabulary.toml").read_bytes()


def _parse_toml(raw: bytes) -> dict[str, Any]:
    import tomllib

    return tomllib.loads(raw.decode("utf-8"))


def compact(raw: bytes | None = None) -> str:
    """The compact JSON form of the TOML source ``raw`` (the package's by default)."""
    import json

    raw = _source() if raw is None else raw
    return json.dumps({"source": _fingerprint(raw), "data": _parse_toml(raw)},
                      ensure_ascii=False, separators=(",", ":")) + "\n"


def load() -> dict[str, Any]:
    """The vocabulary's tables as parsed from the TOML: from the compact JSON when it was made from
    the same TOML, else from the TOML itself."""
    import json

    raw = _source()
    try:
        made = json.loads(resources.files("figcheck").joinpath(COMPACT).read_bytes())
    except (OSError, ValueError):
        made = None
    if isinstance(made, dict) and made.get("source") == _fingerprint(raw):
        data = made.get("data")
        if isinstance(data, dict):
            return data
    return _parse_toml(raw)


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The package's vocabulary (read once)."""
    return parse(load())


def main(argv: list[str] | None = None) -> int:
    """``python -m figcheck.vocabulary [--check]``: rewrite ``figcheck/data/vocabulary.json`` from
    the TOML (``--check``: exit 1 if it is out of date instead)."""
    import argparse
    from pathlib import Path

    ap = argparse.ArgumentParser(prog="python -m figcheck.vocabulary", description=main.__doc__)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    parse(_parse_toml(_source()))  # a broken TOML fails here, before anything is written
    path = Path(__file__).with_name("data") / "vocabulary.json"
    text = compact()
    if args.check:
        return 0 if path.exists() and path.read_text(encoding="utf-8") == text else 1
    path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
