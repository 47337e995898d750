"""Small text helpers the comparator needs around a figure: its sentence, nearby words, and the
phrase an editor recognises ("12 people", "more than 10,000 troops").  All scans are bounded
windows with linear regular expressions."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

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


class FieldIndex:
    """Sentence bounds of one field, found in one linear pass, looked up by bisection."""

    __slots__ = ("text", "_starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts = [0] + [m.end() for m in _SENT_END.finditer(text)]

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        i = bisect_right(self._starts, start) - 1
        s = self._starts[max(i, 0)]
        j = bisect_left(self._starts, end)
        e = self._starts[j] if j < len(self._starts) else len(self.text)
        while s < e and self.text[s].isspace():
            s += 1
        return s, e


_TOKEN = re.compile(r"[A-Za-z]+")


class CueScan:
    """The words of a text found in one linear pass; :meth:`starts` gives where any of a set of
    cue phrases occurs (word by word, so long phrase lists cost a dictionary look-up per word)."""

    __slots__ = ("_pos", "_low", "_raw", "_at")

    def __init__(self, text: str) -> None:
        self._pos: list[int] = [m.start() for m in _TOKEN.finditer(text)]
        self._raw: list[str] = _TOKEN.findall(text)
        self._low: list[str] = [w.lower() for w in self._raw]
        self._at: dict[str, list[int]] = {}
        at = self._at
        for i, lw in enumerate(self._low):
            hits = at.get(lw)
            if hits is None:
                at[lw] = [i]
            else:
                hits.append(i)

    def starts(self, phrases: tuple[str, ...]) -> list[int]:
        first: dict[str, list[list[str]]] = {}
        for p in phrases:
            words = p.split()
            first.setdefault(words[0], []).append(words[1:])
        at = self._at
        cands: list[int] = []
        for w in first:
            hits = at.get(w)
            if hits:
                cands.extend(hits)
        cands.sort()
        out = []
        low = self._low
        for i in cands:
            w = low[i]
            if w == "may" and self._raw[i] != "may":
                continue
            for rest in first[w]:
                if low[i + 1:i + 1 + len(rest)] == rest:
                    out.append(self._pos[i])
                    break
        return out

    def any(self, phrases: tuple[str, ...]) -> bool:
        return bool(self.starts(phrases))


class CueIndex:
    """Where cue phrases occur in a text, to ask whether a span contains one."""

    __slots__ = ("_starts",)

    def __init__(self, scan: CueScan, phrases: tuple[str, ...]) -> None:
        self._starts = scan.starts(phrases)

    def within(self, lo: int, hi: int) -> bool:
        i = bisect_left(self._starts, lo)
        return i < len(self._starts) and self._starts[i] < hi


def sentence_of(doc: Document, q: Quantity) -> str:
    text = field_text(doc, q)
    s, e = sentence_span(text, q.start, q.end)
    return text[s:e]


_SPACES = re.compile(r"\s+")


def phrase(q: Quantity) -> str:
    """The figure as an editor would quote it: its surface plus its subject noun when the surface
    does not already name it."""
    surface = _SPACES.sub(" ", q.text.strip())
    if surface[:1].isupper() and surface[1:2].islower():
        surface = surface[0].lower() + surface[1:]  # "Twelve", "At least" start a sentence
    subj = q.subject.text
    if subj:
        subj = _SPACES.sub(" ", subj.strip())
        if subj and subj.lower() not in surface.lower():
            return f"{surface} {subj}"
    return surface


def quote(q: Quantity) -> str:
    """The figure's surface as written, first letter lowered mid-sentence ("at least 30")."""
    surface = _SPACES.sub(" ", q.text.strip())
    if surface[:1].isupper() and surface[1:2].islower():
        surface = surface[0].lower() + surface[1:]
    return surface


def where(q: Quantity) -> str:
    """"the headline" or "paragraph 3" (1-based)."""
    if q.field == "title":
        return "the headline"
    return f"paragraph {q.paragraph + 1}"


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]
