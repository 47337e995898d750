"""Headlines read as headlines, and capitalised names that contain a number word.

In body text a capital letter marks a name: "Boeing 737", "the Three Gorges Dam", "RBS Six
Nations".  In a Title Case headline every word has one, so capitalisation says nothing:
"Train Derails, Killing 5", "Death Toll Hits 10", "Sushi Linked to 9-State Outbreak".  The
grammar asks :func:`name_like` instead of ``str.isupper``: in a headline a capitalised word reads
as a name only when the article's body writes it capitalised mid-sentence (and never in lower
case), or when nothing marks it as an ordinary word (a function word, a verb form, a word the
body writes in lower case).

:class:`Evidence` is what the body says about words: one linear pass over its tokens.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .lexicon import verbs as V
from .lexicon import words as LW
from .tokenize import Token
from .words import TENS_WORDS, UNITS_WORDS

_WORD: re.Pattern[str] = re.compile(r"[^\W\d_]+")
_SENTENCE_OPENERS: frozenset[str] = frozenset('.!?:;"\'\u201c\u2018\u2014\u2013(-[*#|>\u2022')

HEADLINE_PLAIN: frozenset[str] = (
    LW.DETERMINERS | LW.PREPOSITIONS | LW.CONJUNCTIONS | LW.AUXILIARIES | LW.COPULAS | LW.MODAL_VERBS
    | LW.PRONOUNS | LW.ADVERBS | LW.NEGATIONS | LW.WH_WORDS
    | frozenset(
        "as at to of in on for by with from over under than after before about nearly almost up down "
        "off out into amid vs v via per top tops hit hits kill kills dead hurt injured missing wounded "
        "killed aged age ages toll tolls record new another more less fewer least most only just some "
        "all every each nearly almost around roughly below above near past next last first "
        "again now still set due here there why how".split()
    )
)
"""Words that are never (part of) a name before a figure in a headline."""

NUMBER_WORDS: frozenset[str] = frozenset(UNITS_WORDS) | frozenset(TENS_WORDS)


class Evidence(NamedTuple):
    """What a body says about the words of its headline (all lower-cased)."""

    names: frozenset[str]
    """Words written capitalised mid-sentence and never in lower case."""
    common: frozenset[str]
    """Words written in lower case somewhere."""
    name_pairs: frozenset[tuple[str, str]]
    """Adjacent pairs of capitalised words mid-sentence with a number word in them
    (("three", "gorges"), ("rbs", "six")): the names that contain a number word."""


NO_EVIDENCE: Evidence = Evidence(frozenset(), frozenset(), frozenset())


def is_headline(text: str) -> bool:
    """Title Case or all capitals: at least three in four words of four letters or more start with
    a capital (and there are at least two such words)."""
    long = [w for w in _WORD.findall(text, 0, 600) if len(w) > 3]
    if len(long) < 2:
        return False
    return sum(1 for w in long if w[0].isupper()) * 4 >= len(long) * 3


def is_shouting(text: str) -> bool:
    """All capitals ("MAN, 45, CHARGED"): acronyms cannot be told from words."""
    letters = [c for c in text[:600] if c.isalpha()]
    return len(letters) >= 8 and all(c.isupper() for c in letters)


def sentence_initial(toks: list[Token], text: str, k: int) -> bool:
    """Token ``k`` starts a sentence, a line, a quotation or a bracket."""
    if k <= 0:
        return True
    b = toks[k - 1]
    if b.kind == "par" or (b.kind == "sym" and b.text in _SENTENCE_OPENERS):
        return True
    return "\n" in text[b.end : toks[k].start]


def evidence(toks: list[Token], text: str) -> Evidence:
    """One pass over a body's tokens.  Lines of the body that are themselves Title Case (the
    headline repeated, subheads, a byline) say nothing about names and are skipped."""
    caps: set[str] = set()
    common: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    prev_cap = ""
    skip: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if is_headline(line):
            skip.append((pos, pos + len(line)))
        pos += len(line) + 1
    si = 0
    for k, t in enumerate(toks):
        while si < len(skip) and skip[si][1] < t.start:
            si += 1
        if si < len(skip) and skip[si][0] <= t.start:
            prev_cap = ""
            continue
        if t.kind != "word":
            prev_cap = ""
            continue
        first = t.text[:1]
        if first.islower():
            common.add(t.low)
            prev_cap = ""
            continue
        if not first.isupper() or sentence_initial(toks, text, k):
            prev_cap = t.low if first.isupper() else ""
            continue
        caps.add(t.low)
        if (
            prev_cap and (prev_cap in NUMBER_WORDS or t.low in NUMBER_WORDS) and toks[k - 1].kind == "word"
            and prev_cap not in LW.DETERMINERS
        ):
            pairs.add((prev_cap, t.low))
        prev_cap = t.low
    return Evidence(frozenset(caps - common), frozenset(common), frozenset(pairs))


def verb_form(low: str) -> bool:
    """A known inflected or base news verb, or an -ing/-ed word ("Killing", "Arrested")."""
    if low in V.forms() or low in V.BASE_VERBS:
        return True
    # "Killing", "Arrested"; not "Boeing", "Reed" (a stem of at least four letters)
    return (low.endswith("ing") and len(low) >= 7) or (low.endswith("ed") and len(low) >= 6)
