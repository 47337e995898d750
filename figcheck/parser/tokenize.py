"""One-pass tokenizer: a single alternation regex run with ``finditer``.

Token kinds: ``url`` (web addresses, never read for figures), ``num`` (ASCII digits with optional ``,``/thin-space/no-break-space thousands
groups, an optional plain-space thousands group form such as ``10 000``, and an optional decimal
part; or a leading-decimal figure such as ``.5`` that follows no letter, digit or dot and is no
version part like ``.5.1``), ``word`` (a run of letters, with one optional inner apostrophe), ``par`` (a paragraph
break: a blank line) and ``sym`` (any other single non-space character).  Plain whitespace is
skipped; adjacency is read from offsets (``prev.end == tok.start``).

Every quantifier applies to a fixed-width or single-class atom and each alternative either
matches or fails within a bounded look-ahead after its greedy run, so the scan is linear.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(
    r"(?P<url>(?:https?://|www\.)[^\s<>\"]+)"
    r"|(?P<num>[0-9]{1,3}(?:[ \u00a0\u2009\u202f][0-9]{3}(?![0-9]))+(?:\.[0-9]+)?(?![0-9])"
    r"|[0-9]+(?:[,\u2009\u202f\u00a0][0-9]{3}(?![0-9]))*(?:\.[0-9]+)?"
    r"|(?<![\w.])\.[0-9]+(?!\.[0-9]))"
    r"|(?P<word>[^\W\d_]+(?:['\u2019][^\W\d_]+)?)"
    r"|(?P<par>\n[ \t\r\f\v]*\n)"
    r"|(?P<sym>\S)"
)


class Token(NamedTuple):
    kind: str
    text: str
    start: int
    end: int
    low: str
    """Lower-cased text (identical to ``text`` for numbers and symbols)."""


_KINDS: tuple[str, ...] = ("sym", "url", "num", "word", "par", "sym")
"""Token kind by the index of ``_TOKEN``'s matching group (``lastindex``; the groups nest none)."""


def tokenize(text: str) -> list[Token]:
    """All tokens of ``text`` in order (linear time)."""
    make = tuple.__new__
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        kind = _KINDS[m.lastindex or 0]
        s: str = m[0]
        out.append(make(Token, (kind, s, m.start(), m.end(), s.lower() if kind == "word" else s)))
    return out


def digits_of(num_text: str) -> str:
    """The digits of a ``num`` token without group separators (keeps the decimal point)."""
    if num_text.isdigit():
        return num_text
    return (
        num_text.replace(",", "")
        .replace(" ", "")
        .replace("\u00a0", "")
        .replace("\u2009", "")
        .replace("\u202f", "")
    )
