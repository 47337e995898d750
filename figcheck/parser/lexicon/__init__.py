"""Compact word lists for the subject finder (:mod:`figcheck.parser.subject`).

Everything here is an immutable constant (``frozenset`` / ``Mapping`` proxies) built at import
time from short literal strings, so importing costs well under a millisecond and nothing is
downloaded or filled in at run time.  Derived tables (inflected verb forms) are built lazily
and cached in :mod:`figcheck.parser.lexicon.verbs`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType


def wordset(text: str) -> frozenset[str]:
    """A frozenset of the whitespace-separated words in ``text``."""
    return frozenset(text.split())


def pairs(text: str) -> Mapping[str, str]:
    """A read-only mapping from ``"key=value"`` items separated by whitespace or ``;``.

    Underscores in keys and values stand for spaces (``death_toll=death_toll``)."""
    out: dict[str, str] = {}
    for item in text.replace(";", " ").split():
        key, _, value = item.partition("=")
        out[key.replace("_", " ")] = value.replace("_", " ")
    return MappingProxyType(out)
