"""Small text helpers the comparator needs around a figure: its sentence, nearby words, and the
phrase an editor recognises ("12 people", "more than 10,000 troops").  All scans are bounded
windows with linear regular expressions."""

from __future__ import annotations

import functools
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


_LAST_INDEX: list[FieldIndex] = []


def field_index(text: str) -> FieldIndex:
    """:class:`FieldIndex` of ``text``, shared with the previous callers that indexed the very
    same string object (the comparator indexes each field of a document several times)."""
    for fi in _LAST_INDEX:
        if fi.text is text:
            return fi
    fi = FieldIndex(text)
    if len(_LAST_INDEX) >= 4:
        del _LAST_INDEX[0]
    _LAST_INDEX.append(fi)
    return fi


def _trie(words: list[str]) -> str:
    """A regular expression matching exactly ``words``, factored by common prefixes (the regex
    engine tries alternatives one by one; a trie tries one letter)."""
    if not words:
        return "(?!)"
    groups: dict[str, list[str]] = {}
    empty = False
    for w in words:
        if w:
            groups.setdefault(w[0], []).append(w[1:])
        else:
            empty = True
    alts = [re.escape(c) + _trie(sorted(rest)) if rest != [""] else re.escape(c)
            for c, rest in sorted(groups.items())]
    body = alts[0] if len(alts) == 1 and not empty else "(?:%s)" % "|".join(alts)
    if empty:
        body += "?" if len(alts) == 1 and len(body) == 1 else ""
        if not body.endswith("?"):
            body = "(?:%s)?" % body
    return body


class Tally:
    """A deterministic count of the comparator's work on one input (characters scanned, pairs of
    figures compared), to test that it grows linearly with the input, not to time anything."""

    __slots__ = ("n",)

    def __init__(self) -> None:
        self.n = 0

    def add(self, k: int) -> None:
        self.n += k


class CueSet:
    """Several lists of cue phrases found in one pass of one regular expression over a text:
    :meth:`scan` gives, per list, the offsets of the first words of the phrases that occur (word
    by word, case-insensitively; "may" only in lower case)."""

    __slots__ = ("_first", "_first_low", "_maps")

    def __init__(self, lists: tuple[tuple[str, ...], ...]) -> None:
        firsts = sorted({p.split()[0] for ps in lists for p in ps})
        self._first = re.compile(r"(?<![A-Za-z])%s(?![A-Za-z])" % _trie(firsts),
                                 re.IGNORECASE | re.ASCII)
        # the same over lower-cased ASCII text, without case folding (about twice as fast)
        self._first_low = re.compile(r"(?<![a-z])%s(?![a-z])" % _trie(firsts))
        self._maps: list[dict[str, list[re.Pattern[str] | None]]] = []
        for ps in lists:
            mp: dict[str, list[re.Pattern[str] | None]] = {}
            for p in ps:
                words = p.split()
                rest: re.Pattern[str] | None = None
                if len(words) > 1:
                    rest = re.compile(
                        "".join(r"[^A-Za-z]+" + re.escape(w) for w in words[1:]) + r"(?![A-Za-z])",
                        re.IGNORECASE | re.ASCII)
                mp.setdefault(words[0], []).append(rest)
            self._maps.append(mp)

    def scan(self, text: str, start: int = 0, end: int | None = None,
             low: str | None = None, tally: Tally | None = None) -> list[list[int]]:
        """Per list, the offsets in ``[start, end)`` where one of its phrases starts (the
        phrase may run on past ``end``; the text around the span is seen as it is).  ``low``:
        ``text.lower()`` when ``text`` is ASCII (same offsets), to scan faster."""
        out: list[list[int]] = [[] for _ in self._maps]
        maps = self._maps
        stop = len(text) if end is None else end
        # the regex stops a little past ``end`` (a phrase's first word may straddle it), never
        # at the end of the text: a scan costs its span, not the rest of the document
        lim = min(len(text), stop + 32)
        if tally is not None:
            tally.add(max(0, lim - start))
        if low is not None:
            it = self._first_low.finditer(low, start, lim)
            subject = low
        else:
            it = self._first.finditer(text, start, lim)
            subject = text
        for m in it:
            ms = m.start()
            if ms >= stop:
                break
            me = m.end()
            if me == lim < len(text) and text[me].isascii() and text[me].isalpha():
                continue  # a longer word cut at the scan's end
            w = m.group(0) if low is not None else m.group(0).lower()
            if w == "may" and text[ms:me] != "may":
                continue
            for k in range(len(maps)):
                rests = maps[k].get(w)
                if rests is None:
                    continue
                for r in rests:
                    if r is None or r.match(subject, me):
                        out[k].append(ms)
                        break
        return out


class CueIndex:
    """Where cue phrases occur in a text, to ask whether a span contains one."""

    __slots__ = ("_starts",)

    def __init__(self, starts: list[int]) -> None:
        self._starts = starts  # sorted, as :meth:`CueSet.scan` gives them

    def within(self, lo: int, hi: int) -> bool:
        i = bisect_left(self._starts, lo)
        return i < len(self._starts) and self._starts[i] < hi


def sentence_of(doc: Document, q: Quantity) -> str:
    text = field_text(doc, q)
    s, e = sentence_span(text, q.start, q.end)
    return text[s:e]


_SPACES = re.compile(r"\s+")

MEASURE_HEADS: frozenset[str] = frozenset(
    """toll turnout crowd attendance audience total majority population rate inflation share
    growth unemployment level price cost budget deficit surplus revenue sale profit loss income
    spending wage salary fee fine damage bill debt value output production index margin
    temperature speed height depth distance length weight capacity number tally turnover
    valuation pay payout fare premium bonus grant fund funding investment subsidy award
    settlement compensation dividend average median target limit rent""".split())
"""Heads that name an amount rather than the things counted: "turnout of 62%", "a death toll
of 30", "sales of $7.6bn" (not "62% turnout", "30 death toll")."""
MASS_HEADS: frozenset[str] = frozenset(
    """turnout inflation growth unemployment output production spending revenue income pay
    funding investment compensation attendance""".split())
"""Measure heads that take no article ("turnout of 62%", not "a turnout of 62%")."""
_IRREGULAR_PLURALS: frozenset[tuple[str, str]] = frozenset({
    ("people", "person"), ("children", "child"), ("men", "man"), ("women", "woman"),
    ("police", "police")})
_DETERMINER = re.compile(r"^(?:the|a|an|its|their|his|her|our|this|that|these|those)\b|'s\b|"
                         r"\u2019s\b", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'\u201d\u2019)]*\s+|\n\s*|[\"\u201c(]\s*)$")


def _titlecase(w: str) -> bool:
    return w[:1].isupper() and (len(w) == 1 or w[1:].islower())


def _names_head(word: str, head: str) -> bool:
    """Whether a word of the subject is its head noun, in any number ("Tickets" / "ticket")."""
    w = word.lower().strip(".,;:'\u2019\"")
    for h in head.split():
        if w in (h, h + "s", h + "es") or (h.endswith("y") and w == h[:-1] + "ies") \
                or (w, h) in _IRREGULAR_PLURALS:
            return True
    return False


def _starts_sentence(text: str, subj: str, q: Quantity) -> bool:
    """Whether the subject, found in the figure's neighbourhood, opens a sentence (so a capital
    on its first word says nothing)."""
    lo, hi = max(0, q.start - 300), min(len(text), q.end + 300)
    i = text.find(subj, lo, hi)
    while i >= 0:
        if _SENTENCE_START.search(text, max(0, i - 4), i):
            return True
        i = text.find(subj, i + 1, hi)
    return False


def _lower_somewhere(word: str, texts: tuple[str, ...]) -> bool:
    """Whether the document also writes the word in lower case (so it is a common noun)."""
    w = word.lower()
    pat = re.compile(r"(?<![A-Za-z])%s(?![A-Za-z])" % re.escape(w))
    return any(pat.search(t) for t in texts)


def subject_words(q: Quantity, doc: Document | None = None) -> str:
    """The figure's subject as an editor writes it mid-sentence: a capital that only opens a
    sentence or comes from headline case is lowered when the word is a common noun (the document
    writes it in lower case elsewhere, or it names an amount: "Turnout" -> "turnout", "Bus
    fares" -> "bus fares"); names, nationalities and acronyms are kept ("UK inflation", "Malian
    soldiers", "Zak Crawley", "Australia")."""
    subj = _SPACES.sub(" ", (q.subject.text or "").strip())
    if not subj or doc is None:
        return subj
    head = (q.subject.head or "").lower()
    last = head.split()[-1] if head else ""
    field = field_text(doc, q)
    if not (q.field == "title" or _starts_sentence(field, subj, q)):
        return subj
    texts = (doc.title or "", doc.text)
    out = []
    for w in subj.split(" "):
        if _titlecase(w) and ((last in MEASURE_HEADS and _names_head(w, head))
                              or _lower_somewhere(w, texts)):
            w = w.lower()
        out.append(w)
    return " ".join(out)


def _article(subj: str, head: str) -> str:
    """"a "/"an " before a singular measure noun ("a death toll of 30"), else nothing."""
    last = head.split()[-1] if head else ""
    if not subj or last in MASS_HEADS or _DETERMINER.search(subj):
        return ""
    if subj.split()[-1].lower() != last:  # plural ("sales", "damages") or another word
        return ""
    return "an " if subj[:1].lower() in "aeiou" else "a "


_OF_DIMENSIONS: frozenset[str] = frozenset({"mass", "volume"})
"""Dimensions whose figure measures an amount of its subject ("1.2 tonnes of cocaine")."""


def phrase(q: Quantity, doc: Document | None = None) -> str:
    """The figure as an editor would quote it: "12 people", "more than 200 passengers",
    "turnout of 62%", "a death toll of 30", "1.2 tonnes of cocaine", "tickets at $5-$7",
    "bus fares up 15%", "35 days (trial)" (``doc``: the figure's document, to tell a capital
    that opens a sentence from a name's)."""
    surface = quote(q)
    subj = subject_words(q, doc)
    if not subj or subj.lower() in surface.lower():
        return surface
    head = (q.subject.head or "").lower()
    last = head.split()[-1] if head else ""
    if q.direction is not None:
        return f"{subj} {'up' if q.direction == 'up' else 'down'} {surface}"
    if last in MEASURE_HEADS:
        return f"{_article(subj, head)}{subj} of {surface}"
    if q.unit is None and q.dimension == "count":
        return f"{surface} {subj}"
    if q.dimension == "currency":
        return f"{subj} at {surface}"
    if q.dimension in _OF_DIMENSIONS or (q.unit or "").lower() in ("percentage", "percent"):
        return f"{surface} of {subj}"
    return f"{surface} ({subj})"


def same_subject(a: Quantity, b: Quantity) -> bool:
    """Whether two figures name their subject alike (then a message names it once)."""
    return (_SPACES.sub(" ", (a.subject.text or "").strip()).lower()
            == _SPACES.sub(" ", (b.subject.text or "").strip()).lower() != ""
            and a.unit == b.unit and a.direction == b.direction)


def change_phrase(a: Quantity, b: Quantity, doc_a: Document | None = None,
                  doc_b: Document | None = None) -> str:
    """An earlier and a later figure of one fact: "the death toll was 30, later 52", "30
    people, later 52", "turnout of 62%, later 58%"."""
    if not same_subject(a, b):
        return f"{phrase(a, doc_a)}, later {phrase(b, doc_b)}"
    subj = subject_words(a, doc_a)
    head = (a.subject.head or "").lower()
    last = head.split()[-1] if head else ""
    if subj and subj.lower() not in quote(a).lower() and last in MEASURE_HEADS \
            and a.direction is None:
        lead = "the " if not _DETERMINER.search(subj) and last not in MASS_HEADS else ""
        verb = "were" if _article(subj, head) == "" and subj.split()[-1].lower() != last \
            else "was"
        return f"{lead}{subj} {verb} {quote(a)}, later {quote(b)}"
    return f"{phrase(a, doc_a)}, later {quote(b)}"


def quote(q: Quantity) -> str:
    """The figure's surface as written, first letter lowered mid-sentence ("at least 30")."""
    surface = _SPACES.sub(" ", q.text.strip())
    if surface[:1].isupper() and surface[1:2].islower():
        surface = surface[0].lower() + surface[1:]
    return surface


@functools.cache
def _hedge_prefixes() -> tuple[str, ...]:
    """The parser's hedge phrases that start with a letter, longest first."""
    from ..parser.words import HEDGES

    return tuple(sorted((k for k in HEDGES if k[:1].isalpha()), key=len, reverse=True))


def bare(q: Quantity) -> str:
    """:func:`quote` without a leading hedge ("within 1.5 million km" -> "1.5 million km"), for
    messages about the stated figure itself, such as a unit conversion."""
    surface = quote(q)
    if q.bound in ("exact", "range"):
        return surface
    low = surface.lower()
    for hedge in _hedge_prefixes():
        if low.startswith(hedge) and low[len(hedge):len(hedge) + 1] == " ":
            rest = surface[len(hedge) + 1:].lstrip()
            return rest or surface
    return surface


def where(q: Quantity) -> str:
    """"the headline" or "paragraph 3" (1-based)."""
    if q.field == "title":
        return "the headline"
    return f"paragraph {q.paragraph + 1}"


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]
