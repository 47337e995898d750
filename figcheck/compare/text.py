"""Small text helpers the comparator needs around a figure: its sentence, nearby words, and the
phrase an editor recognises ("12 people", "more than 10,000 troops").  All scans are bounded
windows with linear regular expressions."""

from __future__ import annotations

import re

from ..model import Document, Quantity

_WINDOW = 600
_SENT_END = re.compile(r"[.!?][\"'\u201d\u2019)]*(?=\s)|\n\s*\n")


def field_text(doc: Document, q: Quantity) -> str:
    if q.field == "title":
        return doc.title or ""
    return doc.text


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence around ``text[start:end]`` (a bounded window, never the whole
    document)."""
    lo = max(0, start - _WINDOW)
    left = text[lo:start]
    s = lo
    for m in _SENT_END.finditer(left):
        s = lo + m.end()
    hi = min(len(text), end + _WINDOW)
    m2 = _SENT_END.search(text, end, hi)
    e = m2.end() if m2 else hi
    while s < e and text[s].isspace():
        s += 1
    return s, e


def sentence_of(doc: Document, q: Quantity) -> str:
    text = field_text(doc, q)
    s, e = sentence_span(text, q.start, q.end)
    return text[s:e]


_SPACES = re.compile(r"\s+")


def phrase(q: Quantity) -> str:
    """The figure as an editor would quote it: its surface plus its subject noun when the surface
    does not already name it."""
    surface = _SPACES.sub(" ", q.text.strip())
    subj = q.subject.text
    if subj:
        subj = _SPACES.sub(" ", subj.strip())
        if subj and subj.lower() not in surface.lower():
            return f"{surface} {subj}"
    return surface


def where(q: Quantity) -> str:
    """"the headline" or "paragraph 3" (1-based)."""
    if q.field == "title":
        return "the headline"
    return f"paragraph {q.paragraph + 1}"


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]
