"""Paragraph and sentence segmentation.

Paragraphs are separated by blank lines.  Sentences end at ``.``, ``!`` or ``?`` (plus any
closing quotes/brackets) followed by whitespace and an upper-case letter, digit, quote or bullet,
unless the full stop ends a known abbreviation ("Mr.", "No.", "Gen.", "Jan.") or an initialism
("U.S.", "a.m.").  Decimals ("3.5") never split because no whitespace follows the point.  A
single line break also ends a sentence when the line ends in punctuation other than a comma or
the next line starts a list item or heading (hard-wrapped prose keeps its sentences).
"""

from __future__ import annotations

import re
from typing import NamedTuple

_ABBREV = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt cpl adm cmdr gov sen rep rev st sr jr no nos nr "
    "vs v etc inc ltd co corp plc bros dept est approx fig figs vol pp p para sec art cl ch "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun "
    "ave rd blvd mt ft pres supt insp det hon messrs mme mlle univ assn ca c cf al e g i"
    .split()
)

_NUMBER_ABBREV = frozenset("no nos nr p pp art sec para ch fig figs vol cl".split())

# one bounded candidate per match: terminal punctuation, closers, whitespace
_BREAK = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s)|\n[ \t\r\f\v]*\n|\n")
_BULLET = frozenset("-*\u2022#>0123456789")


class Sentence(NamedTuple):
    start: int
    end: int
    paragraph: int
    """0-based paragraph index."""
    number: int
    """0-based sentence index within the field."""


def _prev_word(text: str, i: int) -> str:
    """The letters (and inner dots) just before offset ``i`` (bounded look-back)."""
    j = i
    lo = max(0, i - 12)
    while j > lo and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    return text[j:i]


def _next_char(text: str, i: int) -> str:
    n = len(text)
    j = i
    hi = min(n, i + 8)
    while j < hi and text[j] in " \t\r":
        j += 1
    return text[j] if j < n else ""


def segment(text: str) -> list[Sentence]:
    """Sentences of ``text`` with their paragraph index; spans exclude surrounding whitespace."""
    out: list[Sentence] = []
    para = 0
    start = 0
    n = len(text)

    def emit(end: int, new_para: bool) -> None:
        nonlocal start, para
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(s, e, para, len(out)))
        if new_para and out and out[-1].paragraph == para:
            para += 1

    for m in _BREAK.finditer(text):
        tok = m.group()
        if tok.startswith("\n"):
            if "\n" in tok[1:]:  # blank line: paragraph break
                emit(m.start(), True)
                start = m.end()
                continue
            # single line break
            k = m.start()
            while k > start and text[k - 1] in " \t\r":
                k -= 1
            last = text[k - 1] if k > start else ""
            nxt = _next_char(text, m.end())
            if k > start and (last in ".!?:;\"'\u201d)" or last.isdigit() or nxt in _BULLET):
                emit(m.start(), False)
                start = m.end()
            continue
        end = m.end()
        nxt = _next_char(text, end)
        if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "\"'\u201c\u2018(-\u2022*#"):
            continue
        if tok[0] == ".":
            word = _prev_word(text, m.start())
            core = word.rstrip(".").lower()
            quoted = len(tok.rstrip("\"'\u201d\u2019)]")) < len(tok)
            if not quoted and (
                (core in _ABBREV and (core not in _NUMBER_ABBREV or nxt.isdigit()))
                or ("." in word and len(core.replace(".", "")) <= 3)
            ):
                continue
            if len(word) == 1 and word.isupper():  # initial: "John F. Kennedy"
                continue
        emit(end, False)
        start = end
    if start < n:
        emit(n, False)
    return out
