"""Text from the input made safe to show on a terminal or in a CI log.

A record's ``source``, a file name or a quoted figure can carry terminal control sequences
(``ESC ]0;title BEL``, ``ESC [31m``), C1 controls, or bidirectional overrides that make a line
read differently from what it says.  Every human-readable output (text findings, ``extract``'s
table, ``report``, GitHub annotations, error messages) passes such text through :func:`visible`,
which writes each of those characters as a visible escape (``\\x1b``, ``\\u202e``).  JSON and SARIF
keep the exact data: their serialisers already escape control characters.
"""

from __future__ import annotations

import re

_UNSAFE: re.Pattern[str] = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""C0 and C1 controls (ESC, BEL, CR, LF, ...), DEL, the bidirectional marks, embeddings,
overrides and isolates, the Unicode line and paragraph separators, and lone surrogates."""

_UNSAFE_BUT_NEWLINE: re.Pattern[str] = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff]"
)


_JSON_RAW: re.Pattern[str] = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
"""What ``json.dumps(..., ensure_ascii=False)`` leaves raw although a terminal showing the file
would obey it (C0 controls it escapes itself)."""


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control, bidi-control and lone-surrogate character written as an
    escape; one line stays one line (a newline becomes ``\\x0a``)."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def visible_lines(text: str) -> str:
    """:func:`visible`, keeping the newlines that separate the lines of a rendered block."""
    return _UNSAFE_BUT_NEWLINE.sub(_escape, text) if _UNSAFE_BUT_NEWLINE.search(text) else text


def json_safe(text: str) -> str:
    """Serialised JSON with DEL, C1 controls and bidi controls written as ``\\uXXXX``: the same
    data for every JSON reader (they only occur inside strings), harmless when the file is shown
    on a terminal."""
    return _JSON_RAW.sub(_json_escape, text) if _JSON_RAW.search(text) else text


def _json_escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


__all__ = ["json_safe", "visible", "visible_lines"]
