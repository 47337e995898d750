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


INVISIBLE: re.Pattern[str] = re.compile(
    "(?:[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]"
    "|\x1b\\[[0-?]{0,32}[ -/]{0,8}[@-~]"  # a terminal control sequence: ESC [ 31 m
    "|\x1b\\][^\x07\x1b]{0,512}(?:\x07|\x1b\\\\)?"  # a terminal command: ESC ] 0;title BEL
    "|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f])+"
)
"""Invisible characters: format characters (zero-width space and joiners, soft hyphen, direction
marks, BOM), terminal escape sequences and other control characters ("\x1b]0;title\x07" is no
figure 0)."""


def tokenize(text: str) -> list[Token]:
    """All tokens of ``text`` in order (linear time).

    Invisible format characters (:data:`INVISIBLE`) are read as if absent: "1\u200b234" is the
    one number 1234 and "inter\u00adnational" one word.  Tokens keep offsets into ``text`` (their
    ``text`` is the visible characters only), so a run of digits strewn with zero-width characters
    is one long digit run, not thousands of figures.
    """
    if INVISIBLE.search(text) is not None:
        return _tokenize_visible(text)
    make = tuple.__new__
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        kind = _KINDS[m.lastindex or 0]
        s: str = m[0]
        out.append(make(Token, (kind, s, m.start(), m.end(), s.lower() if kind == "word" else s)))
    return out


def _tokenize_visible(text: str) -> list[Token]:
    """:func:`tokenize` on ``text`` without its invisible characters, offsets mapped back."""
    pieces: list[str] = []
    starts: list[int] = []  # offset in the visible text where each piece begins
    origins: list[int] = []  # offset in ``text`` of the same character
    pos = vis = 0
    for m in INVISIBLE.finditer(text):
        if m.start() > pos:
            pieces.append(text[pos : m.start()])
            starts.append(vis)
            origins.append(pos)
            vis += m.start() - pos
        pos = m.end()
    if pos < len(text):
        pieces.append(text[pos:])
        starts.append(vis)
        origins.append(pos)
    visible = "".join(pieces)
    make = tuple.__new__
    out: list[Token] = []
    p = 0  # the piece holding the current token's first character (tokens come in order)
    for m in _TOKEN.finditer(visible):
        a, b = m.start(), m.end()
        while p + 1 < len(starts) and starts[p + 1] <= a:
            p += 1
        q = p
        while q + 1 < len(starts) and starts[q + 1] < b:
            q += 1
        kind = _KINDS[m.lastindex or 0]
        s: str = m[0]
        start = origins[p] + a - starts[p]
        end = origins[q] + b - starts[q]
        out.append(make(Token, (kind, s, start, end, s.lower() if kind == "word" else s)))
    return out


def first_token(text: str) -> str:
    """The text of ``text``'s first token ("" if none): what :func:`tokenize` would give first."""
    if INVISIBLE.search(text) is not None:
        toks = _tokenize_visible(text)
        return toks[0].text if toks else ""
    for m in _TOKEN.finditer(text):
        return m[0]
    return ""


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
