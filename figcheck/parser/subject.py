"""What a figure counts or measures, and the qualifiers its sentence gives it.

:func:`find_subject` is rule based: one linear tokenizer pass over a bounded window of the
sentence around the figure, then a few look-ups left and right of the figure with word lists
from :mod:`figcheck.parser.lexicon`.  No statistical model, nothing downloaded, no state.

Conventions (the comparator keys on ``(head, event, unit/dimension, place, time)``):

``text``
    The noun phrase counted or measured, without determiners or the figure itself:
    "approximately 10,000 to 12,000 North Korean troops" -> "North Korean troops";
    "the death toll rose to 52" -> "death toll"; "the 15 injured" -> "injured".
``head``
    Lower case, singular, adjectives and nationalities dropped; the last noun of the phrase, as
    in ``corpus/README.md``: "North Korean troops" -> "troop", "people" -> "person", "children"
    -> "child".  Generic measure words (rate, level, price, toll, total, use, time, spending,
    money, weight, index, production, income, margin, fee) keep a noun modifier ("food price",
    "mortgage rate", "sea level", "coal use", "journey time") but not an adjective ("average
    price" -> "price"); lexicalised compounds are kept whole ("minimum wage", "trade surplus",
    "heat pump", "member state"...: ``lexicon.words.COMPOUNDS``), with a few aliases so
    rewordings meet ("toll" -> "death toll", "base rate" -> "interest rate", "voter turnout" ->
    "turnout", "vote share"/"market share" -> "share").  "X of Y" partitives count Y ("11 of 15
    drones" -> "drone", "3,000 of the troops" -> "troop"), unless X is a measure ("a crowd of
    82,314" -> "crowd", "a cost of $1.2bn" -> "cost").  A prepositional phrase after the noun is
    skipped ("food prices in Veresk had risen 35%" -> "food price").
    People: "people" -> "person"; a figure standing for people through an adjective or
    participle ("the 15 injured", "12 dead", "30 missing") gets head ``"person"`` and the
    implied event, so "12 people were injured" and "the 15 injured" both give
    ``head="person", event="injure"``.  A bare number as the object of a verb whose object is
    people ("the blast killed 12", "police arrested 40") is ``"person"`` too.  A bare count with
    no noun ("the 12,000 first reported", "3,000 of them") borrows the noun of the nearest
    earlier figure in the sentence; a bracketed conversion ("-15C (5F)") shares the subject of
    the figure it converts.  A measurement with no noun of its own takes the thing measured from
    the sentence ("temperatures hit 40C" -> "temperature", "an asteroid 340 metres wide" ->
    "asteroid") or its dimension's noun ("heat" -> "temperature") else None.
``event``
    The lemma of the verb tying figure and subject ("10,000 troops deployed" -> "deploy").
    Families are merged so rewordings meet: die/dead/killed/perish -> ``"kill"``;
    injure/wound/hurt -> ``"injure"``; coordinated verbs are joined ("killed or wounded" ->
    ``"kill or injure"``).  For a figure that is the complement of a change verb: the change
    itself ("rose 6.5%", "fell by 300") -> ``"rise"`` / ``"fall"`` (all rise/fall verbs merged);
    the new level ("rose to 52", "fell to 4.1%") -> None, like any level statement ("was",
    "hit", "reached", "stood at", "totalled"); the old level ("rose from 40") -> ``"rise from"``.
    Neutral verbs (have, record, suffer, carry, include, account for, expect, plan...) give no
    event; an event noun before "of" gives one ("the evacuation of 2,300 people" -> "evacuate").
``place``
    The place name after in/at/near/across/to..., determiner and preposition dropped ("8,000 in
    Kursk" -> "Kursk"; "to Russia's Kursk region" -> "Russia's Kursk region"); scope adverbs
    "nationwide"/"worldwide"/"globally" are kept as the place.  "Officials in Seoul" is a source,
    not a place; "to X" is a place only after a verb of motion ("deployed to Kursk", not "lost
    to Rovers"); owners ("Hurst's") and demonym modifiers ("English literature") are not places.
    The candidate in the figure's own clause wins, then the nearest one that is not behind
    another figure.
``time``
    The time phrase, without a leading "in"/"on"/"at"/"during"/"the" ("in 2023" -> "2023",
    "on Tuesday" -> "Tuesday") but keeping prepositions that change the meaning ("by 2030",
    "since October", "until March"); deictic phrases kept whole ("last month", "this year").
``attribution``
    The source, determiner dropped: "according to the Pentagon" -> "Pentagon"; "officials
    said" -> "officials"; "Officials in Seoul said" -> "Officials in Seoul"; "the group
    claimed" -> "group"; "said the ministry" -> "ministry"; "the Pentagon's estimate" ->
    "Pentagon".  The candidate nearest the figure in its sentence.
``modality``
    None for a plain statement of fact, else one of: the modal verb itself ("may", "might",
    "could", "would", "should", "will", "can", "must"); ``"expected"`` (expected/expects/set
    to/due to/poised to); ``"forecast"`` (forecast/predicted); ``"projected"``; ``"likely"``;
    ``"planned"`` (plans/planned/budgeted); ``"target"`` (target/aims/goal); ``"hoped"``;
    ``"proposed"``; ``"pledged"`` (pledged/promised/vowed); ``"claimed"`` (claimed/alleged,
    anywhere in the sentence); ``"disputed"`` (a claimed figure that the sentence rejects,
    denies or disputes: "the group claimed 500 casualties, a figure officials rejected");
    ``"unverified"`` ("could not be verified").  A headline (a sentence without a final stop)
    with a bare infinitive states the future: "Bus fares to rise by 15%" -> ``"will"``.
    "Estimated" is NOT a modality: "an estimated 10,000" is a hedge on a fact, handled by the
    parser's ``bound``.  Modal words are taken from the figure's clause; claim/dispute words
    from the whole sentence.
``negated``
    True when the figure's verb is negated ("did not rise 5%", "were not injured"); "no fewer
    than", "not more than", "not less than" are hedges, not negations.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Final, TypeAlias

from ..memo import remember
from ..model import Subject
from ..vocabulary import vocabulary as _vocabulary
from .lexicon import verbs as _verbs
from .lexicon import words as _w

__all__ = ["FieldTokens", "field_tokens", "find_subject", "singular"]

# The lexicon's tables as this module's constants (one global look-up each, typed for mypyc).
_W_ADVERBS: Final[frozenset[str]] = _w.ADVERBS
_W_ANAPHORS: Final[frozenset[str]] = _w.ANAPHORS
_W_ATTRIBUTION_VERBS: Final[frozenset[str]] = _w.ATTRIBUTION_VERBS
_W_AUXILIARIES: Final[frozenset[str]] = _w.AUXILIARIES
_W_COPULAS: Final[frozenset[str]] = _w.COPULAS
_W_DETERMINERS: Final[frozenset[str]] = _w.DETERMINERS
_W_DIMENSION_NOUNS: Final[dict[str, str]] = dict(_w.DIMENSION_NOUNS)
_W_HEDGE_AFTER_NEGATION: Final[frozenset[str]] = _w.HEDGE_AFTER_NEGATION
_W_INVARIANT_NOUNS: Final[frozenset[str]] = _w.INVARIANT_NOUNS
_W_IRREGULAR_PLURALS: Final[dict[str, str]] = dict(_w.IRREGULAR_PLURALS)
_W_MEASURE_WORDS: Final[frozenset[str]] = _w.MEASURE_WORDS
_W_MODAL_VERBS: Final[frozenset[str]] = _w.MODAL_VERBS
_W_MODIFIER_ADJECTIVES: Final[frozenset[str]] = _w.MODIFIER_ADJECTIVES
_W_MODIFIER_PLURALS: Final[frozenset[str]] = _w.MODIFIER_PLURALS
_W_MONTHS: Final[frozenset[str]] = _w.MONTHS
_W_NEGATIONS: Final[frozenset[str]] = _w.NEGATIONS
_W_NON_HEAD_NOUNS: Final[frozenset[str]] = _w.NON_HEAD_NOUNS
_W_NP_STOP: Final[frozenset[str]] = _w.NP_STOP
_W_PLACE_NOUNS: Final[frozenset[str]] = _w.PLACE_NOUNS
_W_PLACE_PREPOSITIONS: Final[frozenset[str]] = _w.PLACE_PREPOSITIONS
_W_PREPOSITIONS: Final[frozenset[str]] = _w.PREPOSITIONS
_W_SEASONS: Final[frozenset[str]] = _w.SEASONS
_W_SOURCE_NOUNS: Final[frozenset[str]] = _w.SOURCE_NOUNS
_W_TIME_ADVERBS: Final[frozenset[str]] = _w.TIME_ADVERBS
_W_TIME_DEICTICS: Final[frozenset[str]] = _w.TIME_DEICTICS
_W_TIME_KEPT_PREPOSITIONS: Final[frozenset[str]] = _w.TIME_KEPT_PREPOSITIONS
_W_TIME_LEADERS: Final[frozenset[str]] = _w.TIME_LEADERS
_W_TIME_NOUNS: Final[frozenset[str]] = _w.TIME_NOUNS
_W_TIME_PREPOSITIONS: Final[frozenset[str]] = _w.TIME_PREPOSITIONS
_W_WEEKDAYS: Final[frozenset[str]] = _w.WEEKDAYS
_W_WH_WORDS: Final[frozenset[str]] = _w.WH_WORDS
_V_ALWAYS_VERBS: Final[frozenset[str]] = _verbs.ALWAYS_VERBS
_V_BASE_VERBS: Final[frozenset[str]] = _verbs.BASE_VERBS
_V_NOT_VERBS: Final[frozenset[str]] = _verbs.NOT_VERBS
_MONTHS_WEEKDAYS: Final = _W_MONTHS | _W_WEEKDAYS

# The families of the one vocabulary (figcheck/data/vocabulary.toml, tables "subject_event",
# "subject_head", "subject_verb" and "modality"), read once when this module is first imported (on the first
# extraction).
_VOCAB: Final = _vocabulary()
_W_EVENT_FAMILIES: Final[dict[str, str]] = dict(_VOCAB.mapping("subject_event", "lemmas"))
"""Event families: several verbs, one event, so rewordings meet ("died" -> "kill")."""
_W_PEOPLE_ADJECTIVES: Final[dict[str, str]] = dict(_VOCAB.mapping("subject_event", "people"))
"""Participles and adjectives that stand for people as nouns ("the 15 injured") -> event."""
_EVENT_NOUNS: Final[dict[str, str]] = dict(_VOCAB.mapping("subject_event", "nouns"))
"""Event nouns before "of" + figure ("the evacuation of 2,300 people") -> event."""
_W_CHANGE_NOUNS: Final[dict[str, str]] = dict(_VOCAB.mapping("subject_event", "change_nouns"))
"""Change nouns after a figure ("a 40% rise") -> "rise" / "fall"."""
_W_COMPOUNDS: Final[dict[str, str]] = dict(_VOCAB.mapping("subject_head", "compounds"))
"""Lexicalised compounds kept as one head, and aliases ("toll" -> "death toll")."""
_W_LEVEL_VERBS: Final[frozenset[str]] = frozenset(_VOCAB.words("subject_verb", "level"))
"""Verbs that state a level rather than an event (no event)."""
_W_NEUTRAL_VERBS: Final[frozenset[str]] = frozenset(_VOCAB.words("subject_verb", "neutral"))
"""Verbs that tie a figure to its noun without saying what happened to it (no event)."""
_W_HUMAN_OBJECT_VERBS: Final[frozenset[str]] = frozenset(
    _VOCAB.words("subject_verb", "human_object"))
"""Verbs whose direct object, when it is a bare number, counts people ("the blast killed 12")."""
_W_CHANGE_FAMILIES: Final[frozenset[str]] = frozenset(
    e.name for e in _VOCAB.of("subject_event") if e.words_of("change_nouns"))
_W_MODALITY_WORDS: Final[dict[str, str]] = dict(_VOCAB.mapping("modality", "words"))
"""Modality markers (surface word -> modality)."""
_W_MODAL_BEFORE_TO: Final[frozenset[str]] = _VOCAB.union("modality", "before_to")
"""Before "to" and a verb they mean "expected" ("set to", "due to")."""
_W_CLAIM_WORDS: Final[frozenset[str]] = frozenset(
    _VOCAB.entry("modality", "claimed").words_of("cues"))
_W_DISPUTE_WORDS: Final[frozenset[str]] = frozenset(
    _VOCAB.entry("modality", "disputed").words_of("cues"))

# Characters of context looked at either side of the figure: keeps the work per figure bounded
# (and the whole parse linear) however long the sentence is.
WINDOW = 400

# Words, numbers (separators only between digits), single other characters.  No nested
# quantifiers: linear on any input.
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,]\d+)*|\S")

_CLAUSE_PUNCT = frozenset(',;:—–()[]"“”')
_CLAUSE_WORDS = frozenset(["and", "but", "while", "whereas", "although", "though", "because"])
_ADVERB_LY_NOUNS = frozenset(
    [
        "family",
        "supply",
        "assembly",
        "monopoly",
        "anomaly",
        "reply",
        "rally",
        "ally",
        "bully",
        "jelly",
        "belly",
        "holly",
        "lily",
        "italy",
        "july",
        "fly",
        "ply",
        "emily",
        "early",
        "daily",
        "weekly",
        "monthly",
        "yearly",
        "quarterly",
        "hourly",
        "nightly",
        "elderly",
        "likely",
        "unlikely",
        "friendly",
        "costly",
        "deadly",
        "lonely",
        "orderly",
    ]
)
_NP_SKIP_START = frozenset(
    ["more", "fewer", "less", "other", "additional", "extra", "further", "new"]
)
_UNIT_LEFTOVERS = frozenset(["%", "percent", "per", "cent", "percentage", "point", "points"])
_SCOPE_WORDS = {"nationwide": "nationwide", "worldwide": "worldwide", "globally": "worldwide"}
_ATTR_OWNED = frozenset(
    [
        "estimate",
        "estimates",
        "figure",
        "figures",
        "count",
        "tally",
        "data",
        "forecast",
        "forecasts",
        "projection",
        "projections",
        "report",
        "survey",
        "census",
        "statistics",
        "toll",
    ]
)
_DISPUTE_OBJECTS = frozenset(
    [
        "figure",
        "figures",
        "number",
        "numbers",
        "claim",
        "claims",
        "estimate",
        "estimates",
        "tally",
        "count",
        "which",
        "toll",
        "report",
        "reports",
        "that",
    ]
)
_UNVERIFIED = frozenset(["verified", "confirmed"])


class Tok:
    """One token of the window: its surface, lower case, offsets, kind and :func:`_bits`."""

    __slots__ = ("text", "low", "start", "end", "kind", "bits")

    def __init__(self, text: str, low: str, start: int, end: int, kind: str, bits: int) -> None:
        self.text = text
        self.low = low
        self.start = start
        self.end = end
        self.kind = kind
        """``w`` word, ``n`` number, ``p`` other character, ``T`` the figure, ``F`` another figure."""
        self.bits = bits
        """Precomputed tests of the token (the ``_B_*`` flags): a function of text and kind."""


# Token flags, computed once per distinct (text, kind) by :func:`_bits` (memoised).
_B_W: Final = 1
_B_N: Final = 2
_B_P: Final = 4
_B_T: Final = 8
_B_F: Final = 16
_B_BOUNDARY: Final = 1 << 5  # _is_boundary
_B_NOUN: Final = 1 << 6  # _noun_candidate_raw
_B_ADVERB: Final = 1 << 7  # _is_adverb_raw
_B_CAP: Final = 1 << 8  # a word starting with a capital
_B_PAST: Final = 1 << 9  # _is_past_form(low)
_B_PAST_AMB: Final = 1 << 10  # _is_past_form(low, ambiguous=True)
_B_PLURAL: Final = 1 << 11  # _is_plural(low)
_B_VFORM: Final = 1 << 12  # _verbs.is_verb_form(low)
_B_VKNOWN: Final = 1 << 13  # low in _verbs.forms()
_B_VERBISH: Final = 1 << 14  # _is_verbish(low)
_B_TIME_WORD: Final = 1 << 15  # _time_word_raw
_B_YEAR: Final = 1 << 16  # _is_year_raw
_B_TIME_START: Final = 1 << 17  # may start a time phrase in _times
_B_PLACE_START: Final = 1 << 18  # a scope word or place preposition (word)
_B_ATTR_START: Final = 1 << 19  # may start an attribution in _attributions
_B_MOD_SCAN: Final = 1 << 20  # a claim, dispute or verification word (word)
_B_MODAL: Final = 1 << 21  # a modality word or a modal-before-"to" word (word)
_B_VNOUNY: Final = 1 << 22  # low in _verbs.forms() and its base in _NOUNY_VERBS
_B_NEG: Final = 1 << 23  # a word: not, never, n't, cannot, nor, or ending in n't
_B_VGROUP: Final = 1 << 24  # auxiliary, modal, negation, ...n't, adverb or "little"
_B_TIME_ADVERB: Final = 1 << 25  # a word in TIME_ADVERBS
_B_TIME_END: Final = _B_TIME_WORD | _B_TIME_ADVERB
_B_FT: Final = _B_F | _B_T
_KIND_BITS: Final[dict[str, int]] = {"w": _B_W, "n": _B_N, "p": _B_P, "T": _B_T, "F": _B_F}


# --------------------------------------------------------------------------- words


def singular(word: str) -> str:
    """Singular of a lower-case noun: "people" -> "person", "casualties" -> "casualty"."""
    if word in _W_IRREGULAR_PLURALS:
        return _W_IRREGULAR_PLURALS[word]
    if word in _W_INVARIANT_NOUNS or len(word) <= 3:
        return word
    if "-" in word:
        left, _, right = word.rpartition("-")
        return f"{left}-{singular(right)}"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return word[:-2]
    if word.endswith("oes") and len(word) > 4:
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s")):
        return word[:-1]
    return word


_ADJ_SUFFIXES = (
    "al",
    "ary",
    "ous",
    "ive",
    "ic",
    "ful",
    "less",
    "ern",
    "ish",
    "ese",
    "able",
    "ible",
    "ed",
    "ing",
    "est",
    "er",
)


def _is_noun_modifier(tok: Tok, common: bool = True) -> bool:
    """A common noun before a measure word ("food" price, not "average" price); ``common`` is
    False when the word is capitalised mid-sentence (a name)."""
    low = tok.low
    if not (tok.text[0].islower() or common) or low in _W_MODIFIER_ADJECTIVES or low in _W_NP_STOP:
        return False
    if low.endswith(("'s", "’s")) or "-" in low:
        return False
    if (
        any(low.endswith(x) and len(low) - len(x) >= 3 for x in _ADJ_SUFFIXES)
        and low not in _NOUNISH_ADJ_ENDINGS
    ):
        return False
    return True


# Nouns that happen to end like adjectives.
_NOUNISH_ADJ_ENDINGS = frozenset(
    [
        "rental",
        "fuel",
        "petrol",
        "diesel",
        "mortgage",
        "tuition",
        "interest",
        "water",
        "oil",
        "gas",
        "power",
        "transfer",
        "energy",
        "trading",
        "shipping",
        "housing",
        "building",
        "spending",
        "parking",
        "funding",
        "borrowing",
        "lending",
        "polling",
        "voting",
        "pass",
        "rainfall",
        "computer",
        "fertiliser",
        "fertilizer",
        "timber",
        "paper",
        "sugar",
        "rubber",
        "copper",
        "silver",
        "steel",
        "hospital",
        "dental",
        "medical",
        "rail",
    ]
)


def _is_plural(low: str) -> bool:
    if low in _W_IRREGULAR_PLURALS:
        return low not in _W_INVARIANT_NOUNS
    if low in _W_INVARIANT_NOUNS or low in ("police", "personnel", "staff", "cattle"):
        return low in ("police", "personnel", "staff", "cattle")
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s"))


def _is_adverb_raw(text: str, low: str) -> bool:
    if low in _W_ADVERBS:
        return True
    return (
        low.endswith("ly")
        and len(low) > 4
        and low not in _ADVERB_LY_NOUNS
        and text[0].islower()
    )


def _is_verbish(low: str) -> bool:
    """A known inflected verb form, or an unknown -ed word (a participle)."""
    if low in _V_NOT_VERBS:
        return False
    if _verbs.is_verb_form(low):
        return True
    return low.endswith("ed") and len(low) > 4


def _event_family(lemma: str) -> str | None:
    if lemma in _W_NEUTRAL_VERBS:
        return None
    fam = _W_EVENT_FAMILIES.get(lemma, lemma)
    return fam if fam in ("kill", "injure") else lemma


def _change_family(lemma: str) -> str | None:
    fam = _W_EVENT_FAMILIES.get(lemma)
    return fam if fam in _W_CHANGE_FAMILIES else None


def _noun_candidate_raw(text: str, low: str, kind: str) -> bool:
    if kind != "w":
        return False
    if len(text) >= 2 and text.isupper():
        return True  # acronyms: "US", "NHS", "ONS"
    if low in _W_NP_STOP or _is_adverb_raw(text, low) or low.endswith("n't"):
        return False
    return True


# --------------------------------------------------------------------------- tokens


_MEMO: Final[dict[str, tuple[str, str, int]]] = {}
"""Token surface (prefixed with "T\0" / "F\0" for figures) -> (lower case, kind, bits)."""


def _info(s: str) -> tuple[str, str, int]:
    """(lower case, kind, bits) of a :data:`_TOKEN` match ``s``."""
    got = _MEMO.get(s)
    if got is None:
        low = s.lower()
        kind = "w" if s[0].isalpha() else ("n" if s[0].isdigit() else "p")
        got = (low, kind, _bits(s, low, kind))
        remember(_MEMO, s, got)
    return got


def _figure_tok(text: str, a: int, b: int, kind: str) -> Tok:
    s = text[a:b]
    key = kind + "\0" + s
    got = _MEMO.get(key)
    if got is None:
        low = s.lower()
        got = (low, kind, _bits(s, low, kind))
        remember(_MEMO, key, got)
    return Tok(s, got[0], a, b, kind, got[2])


def _bits(text: str, low: str, kind: str) -> int:
    """The ``_B_*`` flags of a token (every test here reads only its text, lower case and kind)."""
    b = _KIND_BITS[kind]
    w = kind == "w"
    if (kind == "p" and text in _CLAUSE_PUNCT) or (w and low in _CLAUSE_WORDS):
        b |= _B_BOUNDARY
    if _noun_candidate_raw(text, low, kind):
        b |= _B_NOUN
    if _is_adverb_raw(text, low):
        b |= _B_ADVERB
    if w and text[0].isupper():
        b |= _B_CAP
    if _is_past_form(low):
        b |= _B_PAST
    if _is_past_form(low, ambiguous=True):
        b |= _B_PAST_AMB
    if _is_plural(low):
        b |= _B_PLURAL
    if _verbs.is_verb_form(low):
        b |= _B_VFORM
    base = _verbs.forms().get(low)
    if base is not None:
        b |= _B_VKNOWN
        if base in _NOUNY_VERBS:
            b |= _B_VNOUNY
    if _is_verbish(low):
        b |= _B_VERBISH
    time_word = _time_word_raw(text, low, kind)
    if time_word:
        b |= _B_TIME_WORD
    if _is_year_raw(text, kind):
        b |= _B_YEAR
    if (
        time_word
        or low == "the"
        or w
        and (
            low in _W_TIME_ADVERBS
            or low in _W_TIME_PREPOSITIONS
            or low in _W_TIME_LEADERS
            or low in _W_TIME_DEICTICS
        )
    ):
        b |= _B_TIME_START
    if w and low in _W_TIME_ADVERBS:
        b |= _B_TIME_ADVERB
    if w and (low in _SCOPE_WORDS or low in _W_PLACE_PREPOSITIONS):
        b |= _B_PLACE_START
    if w and (
        low == "according"
        or low == "by"
        or low.endswith(("'s", "’s"))
        or low in _W_ATTRIBUTION_VERBS
    ):
        b |= _B_ATTR_START
    if w and (low in _W_CLAIM_WORDS or low in _W_DISPUTE_WORDS or low in _UNVERIFIED):
        b |= _B_MOD_SCAN
    if w and (low in _W_MODALITY_WORDS or low in _W_MODAL_BEFORE_TO):
        b |= _B_MODAL
    if w and (low in ("not", "never", "n't", "cannot", "nor") or low.endswith("n't")):
        b |= _B_NEG
    if (
        low in _W_AUXILIARIES
        or low in _W_MODAL_VERBS
        or low in _W_NEGATIONS
        or low.endswith("n't")
        or b & _B_ADVERB
        or low == "little"
    ):
        b |= _B_VGROUP
    return b


def _tok(m: re.Match[str]) -> Tok:
    s = m.group()
    low, kind, bits = _info(s)
    return Tok(s, low, m.start(), m.end(), kind, bits)


_FIELD_TOKENS_MAX = 200_000
"""Fields longer than this are not tokenized whole (and not cached): each window is scanned."""


class _Field:
    """Every :data:`_TOKEN` of a field once, with their starts and ends (shared by its figures),
    and the figure tokens and windows made so far (by span and kind).  One per field and per
    call of the parser (:func:`field_tokens`): never shared between documents or threads."""

    __slots__ = ("toks", "starts", "ends", "figs", "windows")

    def __init__(self, toks: tuple[Tok, ...]) -> None:
        self.toks = toks
        self.starts: tuple[int, ...] = tuple([t.start for t in toks])
        self.ends: tuple[int, ...] = tuple([t.end for t in toks])
        self.figs: dict[tuple[int, int, str], Tok] = {}
        self.windows: dict[tuple[int, int, tuple[tuple[int, int], ...]], _Window] = {}


FieldTokens: TypeAlias = _Field
"""The per-field token table (:func:`field_tokens`)."""

_Quals: TypeAlias = tuple[
    list[tuple[int, int, str]],
    list[tuple[int, int, str]],
    list[tuple[int, int, str]],
    tuple[bool, list[int], bool],
]


class _Window:
    """The tokens of a window whose figures neither overlap nor cross its edges, every figure as
    an ``F`` token, shared by the figures of that window (its sentence, usually): each differs
    only in which figure token is the ``T``.  Places, times and attributions read no difference
    between a ``T`` and an ``F`` token, so their candidates are kept here once computed."""

    __slots__ = ("toks", "index", "quals")

    def __init__(self, toks: list[Tok], index: dict[tuple[int, int], int]) -> None:
        self.toks = toks
        self.index = index
        self.quals: _Quals | None = None
        """Place, time and attribution candidates and the modality scan (set once, whole)."""


def field_tokens(text: str) -> FieldTokens | None:
    """The token table of one field (a document's title or body), built once by the caller and
    passed to :func:`find_subject` for each of its figures; ``None`` for a field longer than
    :data:`_FIELD_TOKENS_MAX` (then each figure's window is scanned on its own)."""
    return _field_tokens(text) if len(text) <= _FIELD_TOKENS_MAX else None


def _field_tokens(text: str) -> _Field:
    """Every :data:`_TOKEN` of ``text`` once (shared by its figures)."""
    memo = _MEMO
    out: list[Tok] = []
    for m in _TOKEN.finditer(text):
        s = m.group()
        got = memo.get(s)
        if got is None:
            got = _info(s)
        out.append(Tok(s, got[0], m.start(), m.end(), got[1], got[2]))
    return _Field(tuple(out))


def _scan(field: _Field | None, text: str, p: int, e: int, out: list[Tok]) -> None:
    """Append the tokens of ``_TOKEN.finditer(text, p, e)`` to ``out``, read from the field's
    tokens where they agree.

    A token never spans white space, so a scan started at a token boundary of the whole field
    meets the field's own tokens; the first ones are re-read only if ``p`` cuts a token, and the
    last one only if ``e`` does (the regex has no look-around, so a truncated end changes only the
    token it cuts).
    """
    if e <= p:
        return
    if field is None:  # a huge field: scan the window only (bounded memory)
        out.extend([_tok(m) for m in _TOKEN.finditer(text, p, e)])
        return
    starts = field.starts
    ends = field.ends
    n0 = len(out)
    k = bisect_left(starts, p)
    if k > 0 and ends[k - 1] > p:  # p is inside a token: re-scan until back on a boundary
        synced = False
        for m in _TOKEN.finditer(text, p, e):
            out.append(_tok(m))
            x = m.end()
            j = bisect_left(ends, x)
            if j < len(ends) and ends[j] == x:
                k = j + 1
                synced = True
                break
        if not synced:
            return
    q = bisect_right(ends, e, k)  # the first token from k that ends after e
    if q > k:
        out.extend(field.toks[k:q])
    if q < len(starts) and starts[q] < e:  # the last token is cut by e
        start = max(starts[q], out[-1].end if len(out) > n0 else p)
        out.extend([_tok(m) for m in _TOKEN.finditer(text, start, e)])


def _window(
    text: str, w0: int, w1: int, span: tuple[int, int], others: list[tuple[int, int]],
    field: _Field | None,
) -> tuple[list[Tok], int, _Window | None]:
    """:func:`_tokens`, and the shared :class:`_Window` where there is one."""
    if field is None:
        toks, t = _tokens(text, w0, w1, span, others, None)
        return toks, t, None
    a0, b0 = span
    clean = w0 <= a0 < b0 <= w1
    spans = [span]
    for a, b in others:
        if b <= w0 or a >= w1 or (a < b0 and b > a0):
            continue
        if a < w0 or b > w1:
            clean = False  # an F token clipped by the window
        spans.append((a, b))
    if clean and len(spans) > 1:
        spans.sort()
        pos = w0
        for a, b in spans:
            if a < pos or b <= a:
                clean = False  # overlapping (or empty) figures: the T and F rules differ
                break
            pos = b
    if not clean:
        toks, t = _tokens(text, w0, w1, span, others, field)
        return toks, t, None
    key = (w0, w1, tuple(spans))
    win = field.windows.get(key)
    if win is None:
        toks, t = _tokens(text, w0, w1, span, others, field)
        template = list(toks)
        ftok = field.figs.get((a0, b0, "F"))
        if ftok is None:
            ftok = _figure_tok(text, a0, b0, "F")
            field.figs[(a0, b0, "F")] = ftok
        template[t] = ftok
        index: dict[tuple[int, int], int] = {}
        for q, tok in enumerate(template):
            if tok.bits & _B_F:
                index[(tok.start, tok.end)] = q
        win = _Window(template, index)
        field.windows[key] = win
        return toks, t, win
    t = win.index[span]
    toks = list(win.toks)
    ttok = field.figs.get((a0, b0, "T"))
    if ttok is None:
        ttok = _figure_tok(text, a0, b0, "T")
        field.figs[(a0, b0, "T")] = ttok
    toks[t] = ttok
    return toks, t, win


def _tokens(
    text: str,
    w0: int,
    w1: int,
    span: tuple[int, int],
    others: list[tuple[int, int]],
    field: _Field | None,
) -> tuple[list[Tok], int]:
    """The window's tokens, the figure at ``span`` as one ``T`` token and the ``others`` as
    ``F`` tokens; and the index of the ``T`` token."""
    marks = [(span[0], span[1], "T")]
    for a, b in others:
        if b <= w0 or a >= w1 or (a < span[1] and b > span[0]):
            continue
        marks.append((max(a, w0), min(b, w1), "F"))
    if len(marks) > 1:
        marks.sort()
    out: list[Tok] = []
    t = -1
    pos = w0
    for a, b, kind in marks:
        if a < pos:  # overlapping figures: keep the first
            if kind == "T":
                while out and out[-1].end > a:
                    out.pop()
            else:
                continue
        _scan(field, text, pos, max(pos, a), out)
        if kind == "T":
            t = len(out)  # nothing is popped after the figure's token
        if field is None:
            out.append(_figure_tok(text, a, b, kind))
        else:
            key = (a, b, kind)
            ftok = field.figs.get(key)
            if ftok is None:
                ftok = _figure_tok(text, a, b, kind)
                field.figs[key] = ftok
            out.append(ftok)
        pos = max(pos, b)
    _scan(field, text, pos, max(pos, w1), out)
    return out, t


def _is_boundary(tok: Tok) -> bool:
    return (tok.bits & _B_BOUNDARY) != 0


def _clause(toks: list[Tok], t: int) -> tuple[int, int]:
    c0 = t
    while c0 > 0 and not (toks[c0 - 1].bits & _B_BOUNDARY):
        c0 -= 1
    c1 = t + 1
    n = len(toks)
    while c1 < n and not (toks[c1].bits & _B_BOUNDARY):
        c1 += 1
    return c0, c1


# --------------------------------------------------------------------------- analysis


class _Core:
    """The subject noun phrase's text and head, the event, and the token indices of the verb
    group(s) tied to the figure."""

    __slots__ = ("text", "head", "event", "verb_toks")

    def __init__(
        self, text: str | None, head: str | None, event: str | None, verb_toks: tuple[int, ...]
    ) -> None:
        self.text = text
        self.head = head
        self.event = event
        self.verb_toks = verb_toks


_NO_CORE = _Core(None, None, None, ())


def _np_text(toks: list[Tok], i: int, j: int, field_text: str) -> str:
    return field_text[toks[i].start : toks[j - 1].end]


_LEMMAS: Final[dict[str, str]] = {}


def _lemma(word: str) -> str:
    """:func:`figcheck.parser.lexicon.verbs.lemma`, memoised."""
    got = _LEMMAS.get(word)
    if got is None:
        got = _verbs.lemma(word)
        remember(_LEMMAS, word, got)
    return got


_SINGULAR: Final[dict[str, str]] = {}


def _singular(word: str) -> str:
    """:func:`singular`, memoised."""
    got = _SINGULAR.get(word)
    if got is None:
        got = singular(word)
        remember(_SINGULAR, word, got)
    return got


def _np_head(toks: list[Tok], i: int, j: int) -> str | None:
    last = toks[j - 1].low
    for suffix in ("'s", "’s"):
        last = last.removesuffix(suffix)
    one = _singular(last)
    if j - 1 > i:
        prev = _singular(toks[j - 2].low)
        both = f"{prev} {one}"
        if both in _W_COMPOUNDS:
            return _W_COMPOUNDS[both]
        ptok = toks[j - 2]
        if (
            one in _W_MEASURE_WORDS
            and (ptok.bits & _B_W)
            and _is_noun_modifier(ptok, j - 2 == 0 or not _proper(toks, j - 2))
        ):
            return both
    if one in _W_COMPOUNDS:
        return _W_COMPOUNDS[one]
    if one in _W_NON_HEAD_NOUNS:
        return None
    return one


def _is_past_form(low: str, *, ambiguous: bool = False) -> bool:
    """A past tense / past participle (not an -s or -ing form, which are often nouns).  Forms
    equal to their base ("hit", "cost", "cut") count only when ``ambiguous`` is set."""
    if low in _V_NOT_VERBS:
        return False
    base = _verbs.forms().get(low)
    if base is not None:
        if low == base:
            return ambiguous and low in _V_ALWAYS_VERBS
        return not low.endswith(("s", "ing")) or low in _V_ALWAYS_VERBS
    return low.endswith("ed") and len(low) > 4


def _scan_right_np(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """Noun phrase starting at token ``i``: [i, j) or None.  The head is its last token."""
    n = len(toks)
    while i < n and (toks[i].bits & _B_W) and toks[i].low in _NP_SKIP_START:
        i += 1
    if i + 1 < n and toks[i].low in _W_TIME_DEICTICS and toks[i + 1].low in _W_TIME_NOUNS:
        return None  # "£12m next year"
    k = i
    last_word = -1
    while k < n and k - i < 8:
        tok = toks[k]
        if (
            (tok.bits & (_B_N | _B_P))
            and k > i
            and ((tok.bits & _B_N) or tok.text == "-")
            and ((toks[k - 1].bits & _B_CAP) or (toks[k - 1].bits & _B_N) or toks[k - 1].text == "-")
        ):
            k += 1  # model names inside the phrase: "Boeing 737 MAX jets", "CL-415 planes"
            continue
        if not (tok.bits & _B_NOUN) and not (
            k > i
            and tok.text[:1].isupper()
            and ((toks[k - 1].bits & _B_CAP) or (toks[k - 1].bits & _B_N))
        ):
            break
        low = tok.low
        if low in _NOT_NP_WORDS or (k > i and low in _V_ALWAYS_VERBS):
            break
        if k > i and low in _W_TIME_DEICTICS and k + 1 < n and toks[k + 1].low in _W_TIME_NOUNS:
            break  # "a 0.2% rise next month"
        if low in _COMPARATIVES and (
            k + 1 >= n or not (toks[k + 1].bits & _B_NOUN) or toks[k + 1].low in _COMPARATIVES
        ):
            break
        if (
            k > i
            and low.endswith("s")
            and (tok.bits & _B_VFORM)
            and not (tok.bits & _B_VNOUNY)
            and not (toks[k - 1].bits & _B_PLURAL)
            and (toks[k - 1].bits & _B_W)
            and not toks[k - 1].text[:1].isupper()
        ):
            break  # "laptop starts", "route carries"
        if (tok.bits & _B_PAST) or (
            low.endswith("ing")
            and tok.text[0].islower()
            and low not in _V_NOT_VERBS
            and len(low) > 5
        ):
            nxt = toks[k + 1] if k + 1 < n else None
            if nxt is None or not (nxt.bits & _B_NOUN) or (nxt.bits & _B_PAST):
                if low.endswith("ing") and i >= 1 and toks[i - 1].low in ("of", "in", "for"):
                    return i, k + 1
                break
        if (
            k > i
            and tok.text[0].isupper()
            and (toks[k - 1].bits & _B_W)
            and toks[k - 1].text[0].islower()
        ):
            break  # "troops Russia" - a new name starts
        k += 1
        last_word = k
        if (tok.bits & _B_PLURAL) and low not in _W_MODIFIER_PLURALS:
            break
    # "three Porsche 911s": a plural "s" glued to a model number is not the head
    while (
        last_word - 2 > i
        and toks[last_word - 1].low == "s"
        and (toks[last_word - 2].bits & _B_N)
        and toks[last_word - 2].end == toks[last_word - 1].start
    ):
        last_word -= 2
        while last_word - 1 > i and not (toks[last_word - 1].bits & _B_W):
            last_word -= 1
    if last_word < 0:
        return None
    return i, last_word


_HOP_PREPS = frozenset(["of", "for", "from", "on", "among", "near", "with", "by"])
# These only hop over a place: "food prices in Veresk", "cases in the northern region".
_PLACE_HOP_PREPS = frozenset(
    [
        "in",
        "at",
        "to",
        "across",
        "along",
        "off",
        "inside",
        "outside",
        "throughout",
        "around",
        "above",
        "below",
        "beyond",
    ]
)
_NOT_NP_WORDS = frozenset(
    [
        "short",
        "worth",
        "due",
        "able",
        "likely",
        "close",
        "similar",
        "equal",
        "alive",
        "ashore",
        "aboard",
        "overall",
        "apiece",
        "each",
        "respectively",
        "aside",
        "away",
        "tall",
        "wide",
        "long",
        "high",
        "deep",
    ]
)
# Verbs whose -s form is more often a plural noun ("libel damages", "member states").
_NOUNY_VERBS = frozenset(
    [
        "damage",
        "cost",
        "vote",
        "count",
        "house",
        "export",
        "import",
        "fund",
        "claim",
        "charge",
        "fine",
        "report",
        "record",
        "test",
        "ship",
        "rise",
        "fall",
        "drop",
        "cut",
        "increase",
        "decrease",
        "gain",
        "loss",
        "jump",
        "surge",
        "plan",
        "target",
        "aim",
        "hope",
        "pay",
        "offer",
        "order",
        "return",
        "supply",
        "attack",
        "strike",
        "march",
        "visit",
        "protest",
        "shelter",
        "rally",
        "watch",
        "deal",
        "total",
        "number",
        "amount",
        "average",
        "peak",
        "top",
        "level",
        "estimate",
        "forecast",
        "project",
        "budget",
        "score",
        "win",
        "run",
        "trade",
        "release",
        "state",
        "need",
        "sale",
        "saving",
        "earning",
        "bond",
        "share",
        "stock",
        "rate",
        "price",
    ]
)
_QUANTITY_NOUNS = frozenset(
    [
        "number",
        "numbers",
        "total",
        "amount",
        "amounts",
        "level",
        "levels",
        "proportion",
        "percentage",
        "majority",
        "half",
        "third",
        "quarter",
        "fifth",
        "rest",
        "group",
        "groups",
        "lot",
        "lots",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "tens",
    ]
)
_RELATIVE = frozenset(["which", "who", "that", "whose"])
_RELATIVE_WHO: Final = _RELATIVE | {"who"}


def _collect_left(toks: list[Tok], j: int, *, allow_verbish: bool = False) -> int:
    """Start index of the noun words ending just before ``j`` (possessives included)."""
    i = j
    while i - 1 >= 0 and j - i < 6:
        tok = toks[i - 1]
        if not (tok.bits & _B_W) or not (tok.bits & _B_NOUN) or tok.low in _NOT_NP_WORDS:
            break
        if (
            i < j
            and (tok.bits & _B_VKNOWN)
            and i - 2 >= 0
            and (toks[i - 2].low == "to" or toks[i - 2].low in _W_MODAL_VERBS)
        ):
            break  # "to cut journey times": the verb before its object
        if (
            i < j
            and tok.low.endswith("s")
            and (tok.bits & _B_VFORM)
            and not (tok.bits & _B_VNOUNY)
        ):
            break  # "The Statement includes savings": the verb ends the phrase
        if (
            i == j
            and tok.low.endswith("ing")
            and (tok.bits & _B_VFORM)
            and i - 2 >= 0
            and toks[i - 2].text == ","
        ):
            break  # ", raising about £25bn": a participle, not a noun
        if not allow_verbish and (tok.bits & _B_PAST) and i == j:
            if not (j - 2 >= 0 and toks[j - 2].low in ("of", "the", "a", "an")):
                break
        if i < j and (tok.bits & _B_PAST) and not allow_verbish:
            break
        i -= 1
    return i


def _left_np(toks: list[Tok], j: int, max_hops: int = 5) -> tuple[int, int] | None:
    """The subject noun phrase ending before token ``j``, hopping back over prepositional
    phrases ("food prices in Veresk", "the price of a litre of unleaded"), "aged 21" and
    parenthetical clauses (", which strips out energy and food,")."""
    # ", which ... ," / ", watched closely by the central bank," parenthetical
    if j - 1 >= 0 and toks[j - 1].text == ",":
        q = j - 2
        while q >= 0 and j - q < 20 and toks[q].text not in ",.;:":
            q -= 1
        if q >= 0 and toks[q].text == ",":
            j = q
        else:
            return None
    # "the Dart spacecraft, which cost": the noun before the relative pronoun
    if j - 1 >= 0 and toks[j - 1].low in _RELATIVE and (toks[j - 1].bits & _B_W):
        j -= 1
        if j - 1 >= 0 and toks[j - 1].text == ",":
            j -= 1
    if j - 2 >= 0 and toks[j - 2].low in _W_TIME_DEICTICS and toks[j - 1].low in _W_TIME_NOUNS:
        j -= 2
    if j - 1 >= 1 and toks[j - 1].low in (
        "there",
        "here",
        "alone",
        "too",
        "also",
        "themselves",
        "itself",
    ):
        j -= 1  # "prices there fell 2.4%"
    if j - 2 >= 0 and (toks[j - 1].bits & _B_F) and toks[j - 2].low == "aged":
        j -= 2  # "The minimum wage for workers aged 21 and over will rise 6.7%"
    elif (
        j - 2 >= 0
        and (toks[j - 1].bits & _B_F)
        and toks[j - 1].low.startswith(("under ", "over ", "aged "))
    ):
        j -= 1  # "malnutrition among children under five had doubled"
    i = _collect_left(toks, j)
    best: tuple[int, int] | None = (i, j)
    if i == j:
        if j - 2 >= 0 and (toks[j - 1].bits & _B_F) and toks[j - 2].low in _ALL_HOP_PREPS:
            i, best = j - 1, None  # "uptake ... among five-year-olds has fallen": hop the figure
        else:
            return None
    hops = 0
    while hops < max_hops:
        hops += 1
        q = i - 1
        # skip "aged 21 and over" between a noun and the verb group
        if q >= 0 and (toks[q].bits & _B_F) and q - 1 >= 0 and toks[q - 1].low == "aged":
            i2 = _collect_left(toks, q - 1)
            if i2 < q - 1:
                return i2, q - 1
            break
        if (
            q >= 1
            and toks[q].low in ("and", ",")
            and _proper(toks, q - 1)
            and best is not None
            and _proper(toks, i)
        ):
            i = _collect_left(toks, q)  # "in Bristol and Bath"
            best = (i, best[1])
            continue
        if q >= 0 and (toks[q].bits & _B_W) and toks[q].low in _W_DETERMINERS:
            q -= 1
        if q >= 0 and (toks[q].bits & _B_F):
            q -= 1
        if q >= 0 and (toks[q].bits & _B_W) and toks[q].low in _W_DETERMINERS:
            q -= 1
        if q < 1 or not (toks[q].bits & _B_W):
            break
        if (
            (toks[q].bits & _B_PAST)
            and q >= 1
            and (toks[q - 1].bits & _B_NOUN)
            and not (toks[q - 1].bits & _B_PAST)
            and toks[q + 1].low in _W_PREPOSITIONS
        ):
            # reduced relative: "the number of people killed in Monday's earthquake"
            i2 = _collect_left(toks, q)
            if i2 < q:
                best = (i2, q)
                i, j = i2, q
                continue
            break
        prep = toks[q].low
        if prep in _PLACE_HOP_PREPS:
            if not (
                best is None
                or _proper(toks, i)
                or toks[j - 1].low.endswith("ing")
                or toks[j - 1].low in _W_PLACE_NOUNS
                or toks[j - 1].low in _PLACEISH
            ):
                break
        elif prep not in _HOP_PREPS:
            break
        j2 = q
        i2 = _collect_left(toks, j2)
        if i2 == j2:
            if (
                j2 - 1 >= 0 and (toks[j2 - 1].bits & _B_F)
            ):  # "the death toll from six weeks of fighting"
                i = j2 - 1
                continue
            if j2 - 2 >= 0 and (toks[j2 - 1].bits & _B_PAST) and (toks[j2 - 2].bits & _B_NOUN):
                # reduced relative: "the number of people killed in Monday's earthquake"
                i3 = _collect_left(toks, j2 - 1)
                if i3 < j2 - 1:
                    best = (i3, j2 - 1)
                    i, j = i3, j2 - 1
                    continue
            break
        if _proper(toks, j2 - 1) and not _proper(toks, i):
            break  # "values Northair at a premium": a name is not the subject
        if prep == "of" and _np_core_head(toks, i2, j2) in _QUANTITY_NOUNS:
            i = i2
            continue  # "the number of patients": keep the counted noun
        best = (i2, j2)
        i, j = i2, j2
    return best


_ALL_HOP_PREPS = _HOP_PREPS | _PLACE_HOP_PREPS
_PLACEISH = frozenset(
    [
        "country",
        "world",
        "city",
        "capital",
        "alliance",
        "nation",
        "ocean",
        "sea",
        "coast",
        "line",
        "route",
        "area",
        "zone",
        "site",
        "court",
        "championship",
        "championships",
        "scene",
        "front",
        "plant",
        "factory",
        "school",
        "hospital",
        "station",
        "airport",
        "road",
        "roads",
        "street",
        "hill",
        "hills",
        "mountains",
        "valley",
    ]
)


def _np_core_head(toks: list[Tok], i: int, j: int) -> str:
    return _singular(toks[j - 1].low)


def _trim_possessive(toks: list[Tok], i: int, j: int) -> int:
    """Drop possessive owners from the front: "the country's unemployment rate"."""
    for q in range(j - 2, i - 1, -1):
        if toks[q].low.endswith(("'s", "’s")):
            return q + 1
    return i


def _verb_after(toks: list[Tok], k: int, end: int) -> tuple[str | None, list[int]]:
    """Event of the verb group starting at token ``k`` (after a subject NP)."""
    group: list[int] = []
    lemmas: list[str] = []
    while k < end and (toks[k].bits & _B_W):
        tok = toks[k]
        low = tok.low
        if (
            low in _W_AUXILIARIES
            or low in _W_MODAL_VERBS
            or low in _W_NEGATIONS
            or low.endswith("n't")
            or (tok.bits & _B_ADVERB)
            or low in _W_COPULAS
        ):
            group.append(k)
            k += 1
            continue
        if group and low in _W_PEOPLE_ADJECTIVES and not (tok.bits & _B_PAST):
            group.append(k)
            return _W_PEOPLE_ADJECTIVES[low], group  # "30 remain missing", "12 were dead"
        prev = toks[k - 1].low if k >= 1 else ""
        if (
            (tok.bits & _B_PAST)
            or ((tok.bits & _B_VFORM) and not low.endswith("ing"))
            or (
                group
                and (tok.bits & _B_VKNOWN)
                and (
                    prev in _W_MODAL_VERBS
                    or prev in ("do", "does", "did", "to")
                    or prev in _W_NEGATIONS
                    or prev.endswith("n't")
                )
            )
        ):
            if low in _W_ATTRIBUTION_VERBS:
                break
            group.append(k)
            lemmas.append(_lemma(low))
            k += 1
            # coordination: "killed or wounded"
            if (
                k + 1 < end
                and toks[k].low in ("or", "and")
                and (toks[k + 1].bits & _B_W)
                and (toks[k + 1].bits & _B_VERBISH)
            ):
                group.append(k + 1)
                lemmas.append(_lemma(toks[k + 1].low))
            break
        break
    if not lemmas:
        return None, group
    if lemmas[0] in _W_LEVEL_VERBS or lemmas[0] in _W_COPULAS:
        return None, group
    if (
        k < end
        and (toks[k].bits & _B_W)
        and toks[k].low in _W_PEOPLE_ADJECTIVES
        and lemmas[-1] in ("fall", "become", "get", "go", "turn", "be")
    ):
        group.append(k)
        return _W_PEOPLE_ADJECTIVES[toks[k].low], group  # "42 people have fallen ill"
    fams: list[str] = []
    for lem in lemmas:
        fam = _event_family(lem)
        if fam is not None and fam not in fams:
            fams.append(fam)
    return (" or ".join(fams) or None), group


# "fell by an average of 20%": the average is the change itself.
_TRANSPARENT = frozenset(["average", "median"])
_PRE_FIGURE_SKIP = frozenset(["a", "an", "extra", "additional", "further", "another"])
_LEFT_PREPS = frozenset(
    [
        "to",
        "at",
        "of",
        "by",
        "from",
        "around",
        "above",
        "below",
        "past",
        "near",
        "than",
        "over",
        "under",
        "on",
        "worth",
        "aged",
        "for",
    ]
)
_PARTICLES = frozenset(["up", "down", "back", "out", "off"])
_INFINITIVE_GOVERNORS = _W_MODAL_BEFORE_TO | frozenset(
    [
        "expected",
        "forecast",
        "projected",
        "predicted",
        "likely",
        "unlikely",
        "planned",
        "plans",
        "plan",
        "aims",
        "aim",
        "hopes",
        "hoped",
        "hope",
        "want",
        "wants",
        "wanted",
        "needs",
        "need",
        "seeks",
        "sought",
        "intends",
        "intended",
        "due",
        "set",
        "going",
        "able",
    ]
)


def _base_ok(left: Tok | None) -> bool:
    """May a bare verb base after ``left`` be a verb ("will reach", "prices rise")?"""
    if left is None or not (left.bits & _B_W):
        return False
    low = left.low
    return (
        low == "to"
        or low in _W_MODAL_VERBS
        or low in ("do", "does", "did")
        or low in _W_NEGATIONS
        or low.endswith("n't")
        or (left.bits & _B_ADVERB) != 0
        or (left.bits & (_B_NOUN | _B_PLURAL)) == _B_NOUN | _B_PLURAL
    )


def _left_analysis(
    toks: list[Tok], t: int, dimension: str, field_text: str
) -> tuple[_Core, str | None, str | None]:
    """Subject from the left of the figure.  Returns the core, the preposition and the verb lemma."""
    k = t - 1
    if (
        k >= 1
        and (toks[k].bits & _B_W)
        and toks[k].low in ("the", "a", "an")
        and toks[k - 1].low == "than"
    ):
        k -= 1
    # "receive an extra £12m": determiners and "extra" words before the figure
    while k >= 1 and (toks[k].bits & _B_W) and toks[k].low in _PRE_FIGURE_SKIP and t - k < 3:
        k -= 1
    prep: str | None = None
    if k >= 0 and (toks[k].bits & _B_W) and toks[k].low == "between":
        k -= 1  # the parser left "between" out of the range's surface
        if k >= 0 and not ((toks[k].bits & _B_W) and toks[k].low in _LEFT_PREPS):
            prep = "at"
    if prep is None and k >= 0 and (toks[k].bits & _B_W) and toks[k].low in _LEFT_PREPS:
        prep = toks[k].low
        k -= 1
        if (
            prep == "of"
            and k >= 2
            and toks[k].low in _TRANSPARENT
            and toks[k - 1].low in ("a", "an", "the")
            and toks[k - 2].low == "by"
        ):
            # "fell by an average of 20%": the average is the figure itself
            k -= 2
            prep = None
            if (toks[k].bits & _B_W) and toks[k].low in _LEFT_PREPS:
                prep = toks[k].low
                k -= 1
        # "rose 0.2% to $34.75", "from 40 to 50", "by 9p to 138.4p", "up to 3.9% from 3.8%"
        if prep == "than" and k >= 0 and toks[k].low in _COMPARATIVES:
            k -= 1  # "objects larger than 140 metres"
            prep = "than-adj"
            if k >= 0 and (toks[k].low in _W_AUXILIARIES or toks[k].low in _W_COPULAS):
                return _NO_CORE, "than", None  # "the estimate is lower than the 12,000"
        if prep in ("to", "from") and k >= 0 and (toks[k].bits & _B_F):
            k -= 1
            if k >= 0 and toks[k].low in ("from", "to", "by"):
                k -= 1
        if k >= 0 and toks[k].text == ",":
            k -= 1
    group: list[int] = []
    main: str | None = None
    if prep not in ("of", "aged"):
        while k >= 0 and (toks[k].bits & _B_W):
            tok = toks[k]
            low = tok.low
            left = toks[k - 1] if k >= 1 else None
            if (
                (tok.bits & _B_VGROUP)
                or low in _W_COPULAS
                and (main is not None or group)
                or low == "to"
                and group
                or low in _INFINITIVE_GOVERNORS
                and group
                and toks[k + 1].low == "to"
                or low in _PARTICLES
                and main is None
                and not group
                and left is not None
                and ((left.bits & _B_VKNOWN) or (left.bits & _B_PAST))
            ):
                group.append(k)
            elif (
                main is None
                and prep != "worth"
                and (
                    (tok.bits & _B_PAST_AMB)
                    or (
                        (tok.bits & _B_VFORM)
                        and low.endswith("s")
                        and left is not None
                        and ((left.bits & _B_NOUN) or left.low in _RELATIVE)
                    )
                    or (
                        low.endswith("ing")
                        and (tok.bits & _B_VFORM)
                        and left is not None
                        and (
                            ((left.bits & _B_NOUN) and not (left.bits & _B_PAST))
                            or left.low in _W_AUXILIARIES
                        )
                    )
                    or ((tok.bits & _B_VKNOWN) and _base_ok(left))
                )
            ):
                if low in _W_ATTRIBUTION_VERBS and low not in (
                    "estimated",
                    "reported",
                    "recorded",
                    "registered",
                    "added",
                ):
                    return _NO_CORE, prep, None  # "officials said 52": no subject on the left
                group.append(k)
                main = _lemma(low)
                if k + 1 < t and (k + 1) in group and toks[k + 1].low in ("up", "down"):
                    # phrasal changes: "go up by 12%", "edged down to 3.8%"
                    if _change_family(main) is None:
                        main = "rise" if toks[k + 1].low == "up" else "fall"
            else:
                break
            k -= 1
    verb_idx = tuple(sorted(group))
    if main is not None and main in _W_HUMAN_OBJECT_VERBS and prep is None and dimension == "count":
        return _Core(None, "person", _event_family(main), verb_idx), prep, main
    np = _left_np(toks, k + 1, 0 if prep == "than-adj" or (prep is None and not group) else 5)
    if np is None:
        return _Core(None, None, _left_event(main, prep), verb_idx), prep, main
    i, j = np
    i = _trim_possessive(toks, i, j)
    head = _np_head(toks, i, j)
    text = _np_text(toks, i, j, field_text)
    if main is None and prep == "by" and i >= 1 and (toks[i - 1].bits & _B_W):
        # "cut journey times by 20 minutes", "lifts NHS budget by 3.8%": a change of the object
        obj_verb = _lemma(toks[i - 1].low)
        fam = _change_family(obj_verb)
        if fam is not None:
            return _Core(text, head, fam, (i - 1,)), prep, obj_verb
    if not group and prep is None:
        # adjacent noun ("Unemployment 4.1%", "an asteroid about 340 metres wide"): measures only
        if dimension == "count":
            return _Core(None, None, None, verb_idx), prep, main
    elif main is not None and prep is None and dimension == "count":
        fam = _change_family(main)
        if main not in _W_LEVEL_VERBS and main not in _W_COPULAS and fam is None:
            # "the ministry reported 52": the left noun is the agent, not the thing counted
            return _Core(None, None, _left_event(main, prep), verb_idx), prep, main
    elif (
        prep in ("than", "over", "under", "above", "below", "past", "near", "around", "on")
        and not group
    ):
        return _Core(None, None, None, verb_idx), prep, main
    return _Core(text, head, _left_event(main, prep), verb_idx), prep, main


def _left_event(main: str | None, prep: str | None) -> str | None:
    if main is None or main in _W_COPULAS or main == "have":
        return None
    fam = _change_family(main)
    if fam is not None and prep != "object":
        if prep == "to":
            return None
        if prep == "from":
            return f"{fam} from"
        return fam
    if main in _W_LEVEL_VERBS:
        return None
    if main in _W_ATTRIBUTION_VERBS:
        return None
    return _event_family(main)  # None for neutral verbs ("suffered", "recorded")


_NUMBER_WORDS = frozenset(
    [
        "dozen",
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "half",
        "third",
        "quarter",
        "fifth",
        "double",
        "times",
        "twice",
        "treble",
        "triple",
        "tenth",
    ]
)
_NUMBER_WORDS_ALL = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "trillion",
        "dozen",
        "dozens",
        "half",
        "halves",
        "third",
        "thirds",
        "quarter",
        "quarters",
        "fifth",
        "fifths",
        "tenth",
        "tenths",
        "bn",
        "m",
        "k",
        "per",
        "cent",
        "percent",
        "over",
        "under",
        "more",
        "than",
        "less",
        "fewer",
        "about",
        "around",
        "nearly",
        "almost",
        "some",
        "least",
        "most",
        "up",
        "to",
        "and",
        "or",
    ]
)
_COMPARATIVES = frozenset(
    [
        "higher",
        "lower",
        "more",
        "less",
        "bigger",
        "smaller",
        "larger",
        "greater",
        "warmer",
        "colder",
        "hotter",
        "cooler",
        "longer",
        "shorter",
        "older",
        "younger",
        "faster",
        "slower",
        "cheaper",
        "dearer",
        "fewer",
        "worse",
        "better",
        "above",
        "below",
        "ahead",
        "behind",
        "up",
        "down",
    ]
)
_SENTENCE_VERBS = frozenset(["jail", "imprison", "sentence", "detain"])
_PEOPLE_EVENTS = frozenset(_W_PEOPLE_ADJECTIVES.values()) | {"kill or injure"}
_MEASURE_ADJECTIVES = _COMPARATIVES | frozenset(
    [
        "wide",
        "long",
        "high",
        "deep",
        "tall",
        "thick",
        "across",
        "away",
        "deep",
        "broad",
        "old",
        "tall",
        "in_diameter",
    ]
)


_OWN_NOUNS: Final[dict[str, tuple[str, str] | None]] = {}


def _own_noun(surface: str) -> tuple[str, str] | None:
    """(text, head) of the noun a count's own surface ends in ("160 pages"), memoised."""
    if surface in _OWN_NOUNS:
        return _OWN_NOUNS[surface]
    got: tuple[str, str] | None = None
    parts = surface.split()
    tail = parts[-1].rpartition("-")[2] if parts else ""
    if (
        tail.isalpha()
        and (len(parts) > 1 or "-" in parts[-1])
        and tail.lower() not in _NUMBER_WORDS_ALL
    ):
        last = tail.lower()
        if last not in _W_NP_STOP and len(last) > 2 and last not in _W_PEOPLE_ADJECTIVES:
            own = singular(last)
            if own not in _NUMBER_WORDS:
                got = (tail, own)
    remember(_OWN_NOUNS, surface, got)
    return got


def _core(
    toks: list[Tok],
    t: int,
    dimension: str,
    field_text: str,
    depth: int = 0,
    clause: tuple[int, int] | None = None,
) -> _Core:
    n = len(toks)
    r = t + 1
    # leftovers of the figure's own unit that the span did not cover
    if dimension == "ratio":
        while (
            r < n
            and toks[r].low in _UNIT_LEFTOVERS
            and not (toks[r].low == "per" and (r + 1 >= n or toks[r + 1].low != "cent"))
        ):
            r += 1
    if (
        r + 1 < n
        and toks[r].text == "-"
        and (toks[r + 1].bits & _B_W)
        and (toks[r + 1].low.startswith(("year", "old")) or toks[r + 1].low in _MEASURE_ADJECTIVES)
    ):
        r += 2
    if r < n and toks[r].text in '"“‘' and r + 1 < n and (toks[r + 1].bits & _B_W):
        r += 1
    # a bracketed conversion right after the figure: "$4.6bn (£3.6bn) merger", "42.2km (26.2-mile) route"
    if r + 2 < n and toks[r].text == "(" and (toks[r + 1].bits & _B_FT) and toks[r + 2].text == ")":
        r += 3
    # bracketed conversion "-15C (5F)": the subject of the figure it converts
    if t >= 2 and toks[t - 1].text == "(" and (toks[t - 2].bits & _B_F) and depth < 2:
        return _core(toks, t - 2, dimension, field_text, depth + 1)
    c0, c1 = _clause(toks, t) if clause is None else clause

    # the figure's own surface ends in its noun: "160 pages"
    if dimension == "count":
        own_noun = _own_noun(toks[t].text)
        if own_noun is not None:
            event, group = _verb_after(toks, r, c1)
            return _Core(own_noun[0], own_noun[1], event, tuple(group))

    # "His deputy, aged 38", "workers aged 21 and over": the noun before "aged"
    q = t - 1
    if toks[t].low.startswith("aged") or (q >= 0 and toks[q].low == "aged"):
        if not toks[t].low.startswith("aged"):
            q -= 1
        while q >= 0 and (toks[q].low in ("all", "both", "each", "those", ",")):
            q -= 1
        lnp = _left_np(toks, q + 1, 0) if q >= 0 else None
        if lnp is not None:
            i, j = lnp
            i = _trim_possessive(toks, i, j)
            head = _np_head(toks, i, j)
            if head is not None:
                return _Core(_np_text(toks, i, j, field_text), head, None, ())

    # people adjective: "the 15 injured", "12 dead"
    if r < n and (toks[r].bits & _B_W) and toks[r].low in _W_PEOPLE_ADJECTIVES:
        nxt = toks[r + 1] if r + 1 < n else None
        if (
            nxt is None
            or not (nxt.bits & _B_NOUN)
            or (nxt.bits & _B_PAST)
            or nxt.low in _W_PREPOSITIONS
        ):
            event = _W_PEOPLE_ADJECTIVES[toks[r].low]
            group = [r]
            if (
                r + 2 < n
                and toks[r + 1].low in ("or", "and")
                and toks[r + 2].low in _W_PEOPLE_ADJECTIVES
            ):
                other = _W_PEOPLE_ADJECTIVES[toks[r + 2].low]
                if other != event:
                    event = f"{event} or {other}"
                group.append(r + 2)
            # "15 soldiers killed and 23 wounded": the noun of the figure just before
            if (
                t >= 2
                and depth == 0
                and any((toks[q].bits & _B_F) for q in range(max(0, t - 6), t))
                and toks[t - 1].low in ("and", ",", "with", "while")
            ):
                ante = _antecedent(toks, t, dimension, field_text, depth)
                if ante.head is not None:
                    return _Core(ante.text, ante.head, event, tuple(group))
            return _Core(toks[r].text, "person", event, tuple(group))

    # "1,150 were children": a predicate noun after a copula
    if r + 1 < n and toks[r].low in ("were", "are") and dimension == "count":
        pred = _scan_right_np(toks, r + 1)
        if pred is not None and _is_plural(toks[pred[1] - 1].low):
            head = _np_head(toks, pred[0], pred[1])
            if head is not None:
                return _Core(_np_text(toks, pred[0], pred[1], field_text), head, None, (r,))

    # a measurement followed by its adjective: "340 metres wide", "1.5 metres deep"
    if (
        r < n
        and (toks[r].bits & _B_W)
        and (
            toks[r].low in _COMPARATIVES
            or (dimension != "count" and toks[r].low in _MEASURE_ADJECTIVES)
        )
        and not (
            r + 1 < n and (toks[r + 1].bits & _B_NOUN) and toks[r + 1].low not in _COMPARATIVES
        )
    ):
        left, _, _ = _left_analysis(toks, t, dimension, field_text)
        if left.head is not None or dimension != "count":
            return left

    # "a crowd of 82,314", "mortgage rates of more than 5% deterred buyers", "the age of four":
    # the noun before "of" unless it is a quantity noun ("a total of 52 people")
    if t >= 2 and toks[t - 1].low == "of" and (toks[t - 2].bits & _B_W):
        first = toks[r] if r < n else None
        if (
            first is None
            or not (first.bits & _B_W)
            or not (first.bits & _B_NOUN)
            or (first.bits & _B_PAST)
            or (first.low in _COMPARATIVES and not (r + 1 < n and (toks[r + 1].bits & _B_NOUN)))
        ):
            lnp = _left_np(toks, t - 1, 0)
            if lnp is not None:
                i, j = lnp
                i = _trim_possessive(toks, i, j)
                head = _np_head(toks, i, j)
                if (
                    head is not None
                    and head not in _QUANTITY_NOUNS
                    and not (head in _TRANSPARENT and i >= 2 and toks[i - 2].low == "by")
                ):
                    left, _, _ = _left_analysis(toks, i, dimension, field_text)
                    return _Core(_np_text(toks, i, j, field_text), head, left.event, left.verb_toks)
    np_range: tuple[int, int] | None = None
    if r < n and toks[r].low == "of":
        # "of the troops", "of them", "11 of 15 drones", "23 of the 32 members"
        q = r + 1
        while q < n and toks[q].low in (
            "the",
            "these",
            "those",
            "its",
            "their",
            "our",
            "all",
            "his",
            "her",
        ):
            q += 1
        if q < n and (toks[q].bits & _B_F):
            q += 1
            while q < n and toks[q].low in ("the", "these", "those", "its", "their", "our"):
                q += 1
        if (
            q < n
            and (toks[q].bits & _B_W)
            and toks[q].low in _W_PEOPLE_ADJECTIVES
            and (q + 1 >= n or not (toks[q + 1].bits & _B_NOUN) or (toks[q + 1].bits & _B_PAST))
        ):
            event = _W_PEOPLE_ADJECTIVES[toks[q].low]
            if q + 2 < n and toks[q + 1].low in ("were", "are", "was", "is"):
                pred = _scan_right_np(toks, q + 2)  # "347 of the dead were children"
                if pred is not None and _is_plural(toks[pred[1] - 1].low):
                    return _Core(
                        _np_text(toks, pred[0], pred[1], field_text),
                        _np_head(toks, pred[0], pred[1]),
                        event,
                        (q,),
                    )
            return _Core(toks[q].text, "person", event, (q,))
        if q < n and toks[q].low in _W_ANAPHORS and (toks[q].bits & _B_W):
            ante = _antecedent(toks, t, dimension, field_text, depth)
            event, group = _verb_after(toks, q + 1, c1)
            if ante.head is not None:
                return _Core(ante.text, ante.head, event or ante.event, tuple(group))
            return _Core(None, None, event, tuple(group))
        np_range = _scan_right_np(toks, q)
    elif (
        r + 1 < n
        and toks[r].low == "in"
        and dimension == "currency"
        and (toks[r + 1].bits & _B_W)
        and not (toks[r + 1].bits & _B_CAP)
    ):
        # "$12.5m in funding", "£40bn in taxes"
        if not (toks[r + 1].bits & _B_TIME_WORD) and toks[r + 1].low not in _W_DETERMINERS:
            np_range = _scan_right_np(toks, r + 1)
            if np_range is not None and (
                toks[np_range[0]].low
                in ("early", "late", "morning", "afternoon", "evening", "overnight")
                or toks[np_range[1] - 1].low == "trading"
            ):
                np_range = None
    elif r < n:
        np_range = _scan_right_np(toks, r)
        if np_range is not None and dimension not in ("count", "currency") and t >= 1:
            q = t - 1
            while (
                q > 0
                and t - q < 4
                and (
                    (
                        (toks[q].bits & _B_NOUN)
                        and not (toks[q].bits & _B_PAST)
                        and not (toks[q].bits & _B_VFORM)
                    )
                    or toks[q].low in _NP_SKIP_START
                )
            ):
                q -= 1
            prev = toks[q]
            attributive = (prev.bits & _B_W) and (
                prev.low in _W_DETERMINERS
                or prev.low.endswith(("'s", "’s"))
                or prev.low in ("of", "with", "and", "by", "one")
            )
            if not attributive and not _is_plural(toks[np_range[1] - 1].low):
                np_range = None

    if np_range is not None:
        i, j = np_range
        head = _np_head(toks, i, j)
        change = _W_CHANGE_NOUNS.get(_singular(toks[j - 1].low)) if j - i == 1 and i == r else None
        if head is not None and change is None:
            text = _np_text(toks, i, j, field_text)
            event, group = _verb_after(toks, j, c1)
            for q in range(i, j - 1):
                if toks[q].low in _W_PEOPLE_ADJECTIVES:
                    event, group = _W_PEOPLE_ADJECTIVES[toks[q].low], [q]  # "32 wounded soldiers"
                    break
            if event is None and not group:
                left, prep, main = _left_analysis(toks, t, "measure", field_text)
                if (
                    prep is None
                    and main is not None
                    and dimension == "ratio"
                    and _change_family(main)
                ):
                    event = _change_family(main)  # "has lost about 34% of its volume"
                elif prep is None and main is not None:
                    # the figure is the object: "will cut 500 jobs" -> "cut", not a fall
                    event = _left_event(main, "object")
                else:
                    event = left.event if left.event not in ("rise from", "fall from") else None
                group = list(left.verb_toks)
            if (
                event is None
                and t >= 2
                and toks[t - 1].low == "of"
                and toks[t - 2].low in _EVENT_NOUNS
            ):
                event = _EVENT_NOUNS[toks[t - 2].low]  # "the evacuation of 2,300 people"
            return _Core(text, head, event, tuple(group))
        if (
            change is not None
            and j + 1 < n
            and toks[j].low in ("in", "of")
            and (toks[j + 1].bits & _B_W)
        ):
            # "a 22% drop in coal use"
            inner = _scan_right_np(toks, j + 1)
            if inner is not None:
                ii, jj = inner
                head2 = _np_head(toks, ii, jj)
                if head2 is not None:
                    return _Core(_np_text(toks, ii, jj, field_text), head2, change, ())
        if change is not None:
            # "a 40% rise": the thing that rose is on the left if anywhere
            left, _, lmain = _left_analysis(toks, t, dimension, field_text)
            if left.head is not None and (
                lmain is None
                or lmain in _W_COPULAS
                or lmain in _W_LEVEL_VERBS
                or _change_family(lmain)
            ):
                return _Core(left.text, left.head, change, left.verb_toks)
            return _Core(toks[i].text, head, change, ())

    left, prep, main = _left_analysis(toks, t, dimension, field_text)
    if dimension == "duration" and prep == "for" and main in _SENTENCE_VERBS:
        return _Core(None, "sentence", _event_family(main), left.verb_toks)  # "jailed for 10 years"
    if left.head is not None:
        return left
    # right side verb with no noun: "52 died" is handled above; "12 were killed"
    event = left.event
    group = list(left.verb_toks)
    if event is None:
        ev, grp = _verb_after(toks, r, c1)
        if ev is not None:
            event, group = ev, grp
            if ev in _PEOPLE_EVENTS:
                return _Core(None, "person", event, tuple(group))
    ante = _antecedent(toks, t, dimension, field_text, depth)
    if ante.head is not None:
        return _Core(ante.text, ante.head, event or ante.event, tuple(group))
    if dimension not in ("count", "currency", "ratio"):
        for q in range(max(0, t - 30), min(n, t + 30)):
            noun = _W_DIMENSION_NOUNS.get(toks[q].low)
            if noun is not None:
                return _Core(toks[q].text, noun, event, tuple(group))
    return _Core(None, None, event, tuple(group))


_CURRENCY_MARKS = (
    "$",
    "£",
    "€",
    "¥",
    "₹",
    "dollar",
    "euro",
    "pound",
    "pence",
    "cent",
    "yen",
    "usd",
    "eur",
    "gbp",
)


_FIGURE_KINDS: Final[dict[str, str]] = {}


def _figure_kind(surface: str) -> str:
    """:func:`_figure_kind_of`, memoised."""
    got = _FIGURE_KINDS.get(surface)
    if got is None:
        got = _figure_kind_of(surface)
        remember(_FIGURE_KINDS, surface, got)
    return got


def _figure_kind_of(surface: str) -> str:
    """A rough class of another figure from its surface alone: currency, ratio, count or
    measure (any other unit), so a count never lends its noun to a sum of money."""
    low = surface.lower()
    if any(m in low for m in _CURRENCY_MARKS) or (low[-1:] == "p" and low[-2:-1].isdigit()):
        return "currency"
    if "%" in low or "per cent" in low or "percent" in low or "point" in low:
        return "ratio"
    last = low.split()[-1] if low.split() else ""
    if last[-1:].isalpha() and last.rstrip("abcdefghijklmnopqrstuvwxyz/²³")[-1:].isdigit():
        return "measure"  # "40C", "5km", "12mph"
    words = low.split()
    if len(words) > 1 and words[-1].isalpha() and words[-1] not in _NUMBER_WORDS_ALL:
        return "measure"  # "5 miles", "10 tonnes"
    return "count"


def _antecedent(toks: list[Tok], t: int, dimension: str, field_text: str, depth: int) -> _Core:
    """The noun of the nearest earlier figure of the same kind in the window ("3,000 of them",
    "$40, up from $25")."""
    if depth >= 1:
        return _NO_CORE
    kind = (
        _figure_kind(toks[t].text) if dimension not in ("count", "currency", "ratio") else dimension
    )
    for q in range(t - 1, max(-1, t - 40), -1):
        tok = toks[q]
        if (tok.bits & _B_P) and tok.text in ".;":
            break
        if (tok.bits & _B_F) and _figure_kind(tok.text) == kind:
            prev = _core(toks, q, dimension, field_text, depth + 1)
            if prev.head is not None:
                return prev
    return _NO_CORE


# --------------------------------------------------------------------------- qualifiers


def _pick(
    cands: list[tuple[int, int, str]],
    toks: list[Tok],
    t: int,
    clause: tuple[int, int],
    fidx: list[int] | None = None,
) -> str | None:
    """Best candidate (first token, last token, value): same clause, then not behind another
    figure, then nearest (right side first on ties).  ``fidx``: the indices of the F tokens."""
    if not cands:
        return None
    if fidx is None:
        fidx = _f_indices(toks)
    nf = len(fidx)
    best: tuple[int, int, int, str] | None = None
    for a, b, value in cands:
        same = 0 if clause[0] <= a and b < clause[1] else 1
        lo, hi = (b, t) if b < t else (t, a)
        x = bisect_right(fidx, lo)  # an F token in (lo, hi)?
        crossed = x < nf and fidx[x] < hi
        dist = (t - b) * 2 + 1 if b < t else (a - t) * 2
        if same == 1:
            o0, o1 = _clause(toks, a)
            x = bisect_left(fidx, o0)
            if x < nf and fidx[x] < o1:
                continue  # another clause with a figure of its own: not this figure's
        key = (same, int(crossed), dist, value)
        if best is None or key[:3] < best[:3]:
            best = key
    return best[3] if best else None


def _f_indices(toks: list[Tok]) -> list[int]:
    return [q for q, tok in enumerate(toks) if tok.bits & _B_F]


def _proper(toks: list[Tok], q: int) -> bool:
    """Capitalised and not merely the first word of the sentence."""
    if not (toks[q].bits & _B_CAP):
        return False
    return q > 0 and toks[q - 1].text not in ".!?\"“‘'("


def _places(toks: list[Tok], field_text: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    n = len(toks)
    for k, tok in enumerate(toks):
        if not (tok.bits & _B_PLACE_START):
            continue
        if tok.low in _SCOPE_WORDS:
            out.append((k, k, _SCOPE_WORDS[tok.low]))
            continue
        if tok.low not in _W_PLACE_PREPOSITIONS:
            continue
        if k >= 1 and toks[k - 1].low in _W_SOURCE_NOUNS:
            continue  # "officials in Seoul": a source
        if tok.low == "to" and k >= 1 and toks[k - 1].low == "according":
            continue
        if tok.low in ("to", "into") and not (
            k >= 1 and _lemma(toks[k - 1].low) in _MOTION_VERBS
        ):
            continue  # "lost 2-0 to Rovers", "sold to Northair": not a place
        q = k + 1
        if q < n and toks[q].low == "the":
            q += 1
        elif tok.low == "on":
            continue  # "on Tuesday", "on Twitter"; "on the Driffield farm" is a place
        p0 = q
        while (
            q < n
            and q - p0 < 6
            and (toks[q].bits & _B_CAP)
            and _bare(toks[q].low) not in _W_MONTHS
            and _bare(toks[q].low) not in _W_WEEKDAYS
        ):
            if q + 1 < n and (toks[q + 1].bits & _B_N) and toks[q + 1].start == toks[q].end:
                break  # "B1249", "A38": a road number, not a name
            q += 1
            if q + 1 < n and toks[q].low == "of" and (toks[q + 1].bits & _B_CAP):
                q += 1  # "Port of Southampton", "Gulf of Mexico"
        if q > p0 and toks[q - 1].low == "of":
            q -= 1
        if q == p0:
            continue
        if q - p0 == 1 and (len(toks[p0].text) == 1 or toks[p0].low in _NOT_PLACES):
            continue  # "A", "Easter"
        if toks[q - 1].low.endswith(("'s", "’s")) and not (q < n and toks[q].low in _W_PLACE_NOUNS):
            continue  # "Hurst's", "Coalition's": an owner, not a place
        if (
            q < n
            and (toks[q].bits & _B_W)
            and toks[q].text[0].islower()
            and (toks[q].bits & _B_NOUN)
            and toks[q].low not in _W_PLACE_NOUNS
            and not (toks[q].bits & _B_VERBISH)
            and not (q + 1 < n and toks[q + 1].low in _W_PLACE_NOUNS)
            and toks[q].low not in _PLACE_FOLLOWERS
        ):
            continue  # "in English literature", "at the European Central Bank's meeting"
        if (
            q + 1 < n
            and (toks[q].bits & _B_W)
            and toks[q].text[0].islower()
            and toks[q + 1].low in _W_PLACE_NOUNS
            and toks[q].low not in _W_NP_STOP
        ):
            q += 1
        while q < n and toks[q].low in _W_PLACE_NOUNS:
            q += 1
        if q < n and (toks[q].bits & _B_W) and toks[q].low in _W_ATTRIBUTION_VERBS:
            continue
        name = field_text[toks[p0].start : toks[q - 1].end]
        out.append((k, q - 1, name))
    return out


_MOTION_VERBS = frozenset(
    "deploy send move travel flee return evacuate bring fly sail drive transfer relocate"
    " migrate head arrive deport ship export import take carry march walk swim".split()
)
# Words that may follow a place name without making it a modifier ("In England alone").
_PLACE_FOLLOWERS = frozenset(
    "alone too also only itself overall altogether combined together respectively".split()
)
_NOT_PLACES = frozenset(
    "easter christmas ramadan diwali eid hanukkah thanksgiving home room terminal mall city"
    " parliament congress court".split()
)


def _bare(low: str) -> str:
    """Without a possessive ending."""
    return low[:-2] if low.endswith(("'s", "’s")) else low


def _is_year_raw(text: str, kind: str) -> bool:
    return kind == "n" and len(text) == 4 and text[:2] in ("18", "19", "20")


def _time_word_raw(text: str, low: str, kind: str) -> bool:
    if kind == "n":
        return _is_year_raw(text, kind)
    if kind != "w":
        return False
    if low in _W_MONTHS or low in _W_WEEKDAYS:
        return text[0].isupper() and len(low) > 3 or low in ("may",) and text == "May"
    return low in _W_TIME_NOUNS or low in _W_SEASONS


def _times(toks: list[Tok], field_text: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    n = len(toks)
    k = 0
    # every time phrase ends in a time word or is a time adverb: none starts after the last one
    last = n - 1
    while last >= 0 and not (toks[last].bits & _B_TIME_END):
        last -= 1
    while k <= last:
        tok = toks[k]
        if not (tok.bits & _B_TIME_START):
            k += 1  # no time phrase can start here
            continue
        start = k
        q = k
        if (tok.bits & _B_W) and tok.low in _W_TIME_ADVERBS:
            out.append((k, k, tok.text))
            k += 1
            continue
        if (tok.bits & _B_W) and tok.low in _W_TIME_PREPOSITIONS:
            q += 1
        keep_from = start if (q > start and tok.low in _W_TIME_KEPT_PREPOSITIONS) else q
        if q < n and toks[q].low == "the":
            q += 1
            if keep_from == q - 1:
                keep_from = q
        while (
            q < n
            and (toks[q].bits & _B_W)
            and (toks[q].low in _W_TIME_LEADERS or toks[q].low in _W_TIME_DEICTICS)
        ):
            q += 1
        deictic = q > k and toks[q - 1].low in _W_TIME_DEICTICS
        if (
            q < n
            and (toks[q].bits & _B_TIME_WORD)
            and (
                q > start
                or (toks[q].bits & _B_YEAR)
                or ((toks[q].bits & _B_W) and toks[q].low in _MONTHS_WEEKDAYS)
            )
        ):
            generic = (toks[q].bits & _B_W) and toks[q].low in _W_TIME_NOUNS
            to_month = (
                q + 2 < n
                and toks[q + 1].low in ("to", "ending", "ended")
                and (toks[q + 2].bits & _B_TIME_WORD)
                and q > start
                and toks[q - 1].low == "the"
            )
            if (
                generic
                and not deictic
                and not to_month
                and not (q > start and toks[q - 1].low in _W_TIME_LEADERS)
            ):
                k += 1
                continue
            e = q
            # "March 2024", "the year to March", "first quarter of 2023"
            while (
                e + 1 < n
                and e - q < 4
                and (
                    (toks[e + 1].bits & _B_TIME_WORD)
                    or ((toks[e + 1].bits & _B_N) and len(toks[e + 1].text) <= 2 and e == q)
                    or (toks[e + 1].low in ("to", "of") and e + 2 < n and (toks[e + 2].bits & _B_TIME_WORD))
                )
            ):
                e += 1 if (toks[e + 1].bits & _B_TIME_WORD) or (toks[e + 1].bits & _B_N) else 2
            # "a year ago", "a year earlier"
            if e + 1 < n and toks[e + 1].low in ("ago", "earlier", "later", "before"):
                e += 1
            # "1961-1990", "2023-24"
            if (
                (toks[e].bits & _B_YEAR)
                and e + 2 < n
                and toks[e + 1].text in "-–"
                and (toks[e + 2].bits & _B_N)
                and toks[e + 1].start == toks[e].end
            ):
                e += 2
            if keep_from == start and q > start and start + 1 < n and toks[start + 1].low == "the":
                keep_from = start
            first = min(keep_from, q)
            out.append((start, e, field_text[toks[first].start : toks[e].end]))
            k = e + 1
            continue
        k += 1
    return out


_STRONG_ATTRIBUTION = frozenset(
    "say says said tell tells told claim claims claimed announce announces announced warn warns"
    " warned insist insists insisted allege alleges alleged according".split()
)
_NOT_SOURCES = frozenset(
    "early fall find damage delay delays offer side strike revenue member members negotiation"
    " negotiations people preliminary weekly daily price prices cost costs rise increase drop"
    " total number level rate share".split()
)


def _plausible_source(toks: list[Tok], q: int, k_src: int, verb: str) -> bool:
    """Is toks[q:k_src] a source for ``verb``?  Any noun for "said"/"told"/"claimed"; for
    weaker verbs ("reported", "estimated", "showed") a name or a source noun."""
    last = toks[k_src - 1]
    if (last.bits & _B_TIME_WORD) or last.low in _W_TIME_ADVERBS or last.low in _NOT_SOURCES:
        return False
    if verb in _STRONG_ATTRIBUTION:
        return True
    return any(_proper(toks, x) or toks[x].low in _W_SOURCE_NOUNS for x in range(q, k_src)) or (
        last.low in ("figures", "data", "statistics", "survey", "study", "report", "results")
    )


def _attributions(toks: list[Tok], field_text: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    n = len(toks)

    def np_after(q: int) -> tuple[int, int] | None:
        while q < n and toks[q].low in _W_DETERMINERS:
            q += 1
        p0 = q
        while (
            q < n
            and q - p0 < 6
            and (
                (toks[q].bits & _B_NOUN)
                and not (toks[q].bits & _B_VERBISH)
                or (
                    toks[q].low in ("of", "for", "in")
                    and q + 1 < n
                    and (toks[q + 1].bits & _B_CAP)
                    and q > p0
                )
            )
        ):
            q += 1
        return (p0, q) if q > p0 else None

    for k, tok in enumerate(toks):
        if not (tok.bits & _B_ATTR_START):
            continue
        low = tok.low
        if low == "according" and k + 1 < n and toks[k + 1].low == "to":
            rng = np_after(k + 2)
            if rng:
                out.append((k, rng[1] - 1, field_text[toks[rng[0]].start : toks[rng[1] - 1].end]))
            continue
        if (
            low.endswith(("'s", "’s"))
            and k + 1 < n
            and toks[k + 1].low in _ATTR_OWNED
            and (tok.bits & _B_CAP)
            and _bare(low) not in _W_MONTHS
            and _bare(low) not in _W_WEEKDAYS
        ):
            out.append((k, k + 1, tok.text[:-2]))
            continue
        if (
            low in ("by",)
            and k >= 1
            and toks[k - 1].low
            in (
                "reported",
                "claimed",
                "estimated",
                "cited",
                "given",
                "released",
                "published",
                "compiled",
            )
        ):
            rng = np_after(k + 1)
            if rng:
                out.append(
                    (k - 1, rng[1] - 1, field_text[toks[rng[0]].start : toks[rng[1] - 1].end])
                )
            continue
        if low not in _W_ATTRIBUTION_VERBS or low == "according":
            continue
        if (
            low in ("estimated", "estimate", "estimates")
            and k + 1 < n
            and (toks[k + 1].bits & (_B_FT | _B_N))
        ):
            pass
        # source before the verb: "officials said", "Officials in Seoul said", "the group claimed"
        q = k
        # skip a time phrase between source and verb: "Reeves on Wednesday announced"
        if q - 2 >= 0 and (toks[q - 1].bits & _B_TIME_WORD) and toks[q - 2].low in _W_TIME_PREPOSITIONS:
            q -= 2
        if q - 1 >= 0 and (toks[q - 1].bits & _B_W) and toks[q - 1].low in _W_TIME_ADVERBS:
            q -= 1
        if q - 1 >= 0 and toks[q - 1].text == ",":
            # "Apple, which reports on 2 November, said": skip the parenthetical
            c = q - 2
            while c >= 0 and q - c < 16 and toks[c].text not in ",.;:":
                c -= 1
            if c >= 1 and toks[c].text == "," and toks[c + 1].low in _RELATIVE_WHO:
                q = c
        k_src = q
        while q - 1 >= 0 and k_src - q < 6:
            prev = toks[q - 1]
            if (
                (prev.bits & _B_W)
                and (prev.bits & _B_NOUN)
                and not (prev.bits & _B_VERBISH)
                and not prev.low.endswith(("'s", "’s"))
                or (prev.bits & _B_W)
                and prev.low in ("in", "of", "for", "at")
                and q < k_src
                and (toks[q].bits & _B_CAP)
                and q - 2 >= 0
                and (toks[q - 2].bits & _B_NOUN)
            ):
                q -= 1
            else:
                break
        if q < k_src:
            if _plausible_source(toks, q, k_src, low):
                out.append((q, k, field_text[toks[q].start : toks[k_src - 1].end]))
            continue
        if (
            q - 1 >= 0
            and (toks[q - 1].bits & _B_W)
            and toks[q - 1].low in ("he", "she", "they", "we", "it")
        ):
            out.append((q - 1, k, toks[q - 1].text))
            continue
        # inverted: ", said the ministry"
        if k >= 1 and (toks[k - 1].bits & _B_P) or k == 0:
            rng = np_after(k + 1)
            # the source ends the clause: ", said the ministry." (not ", said revenue would")
            if rng and (rng[1] >= n or toks[rng[1]].kind == "p"):
                out.append((k, rng[1] - 1, field_text[toks[rng[0]].start : toks[rng[1] - 1].end]))
    return out


def _modality_scan(toks: list[Tok]) -> tuple[bool, list[int], bool]:
    """Claim words anywhere, the dispute words' indices, "could not be verified" anywhere: the
    same for every figure of the window (a T and an F token read alike)."""
    claimed = False
    disputes: list[int] = []
    unverified = False
    for k, tok in enumerate(toks):
        if not (tok.bits & _B_MOD_SCAN):
            continue
        if tok.low in _W_CLAIM_WORDS:
            claimed = True
        if tok.low in _W_DISPUTE_WORDS:
            disputes.append(k)
        if tok.low in _UNVERIFIED and k >= 2:
            back = [toks[q].low for q in range(max(0, k - 4), k)]
            if ("be" in back or "been" in back) and any(
                b in _W_NEGATIONS or b.endswith("n't") for b in back
            ):
                unverified = True
    return claimed, disputes, unverified


def _modality(
    toks: list[Tok],
    t: int,
    clause: tuple[int, int],
    headline: bool = False,
    scan: tuple[bool, list[int], bool] | None = None,
) -> str | None:
    n = len(toks)
    claimed, disputes, unverified = _modality_scan(toks) if scan is None else scan
    if disputes:
        if claimed:
            return "disputed"
        for d in disputes:
            if toks[d].low in ("unverified", "unconfirmed"):
                return "unverified"
            lo, hi = (t, d) if d > t else (d, t)
            between = {toks[q].low for q in range(lo + 1, hi)}
            if d > t and between & _DISPUTE_OBJECTS:
                return "disputed"
            if (
                d < t
                and toks[d].low
                in (
                    "denied",
                    "denies",
                    "disputed",
                    "disputes",
                    "rejected",
                    "rejects",
                    "refuted",
                    "questioned",
                    "dismissed",
                )
                and between & _DISPUTE_OBJECTS
            ):
                return "disputed"
    if unverified:
        return "unverified"
    best: tuple[int, str] | None = None
    c0, c1 = clause
    for k in range(c0, c1):
        tok = toks[k]
        if not (tok.bits & _B_MODAL) or k == t:
            continue
        mod = _W_MODALITY_WORDS.get(tok.low)
        if (
            tok.low in _W_MODAL_BEFORE_TO
            and k + 1 < n
            and toks[k + 1].low == "to"
            and (k == 0 or toks[k - 1].low in _W_AUXILIARIES)
        ):
            mod = "expected"
        if mod is None:
            continue
        if tok.text == "May" and k > 0:
            continue  # the month
        if (
            tok.low in ("can", "will", "target", "hope", "plan", "aim", "goal", "projects")
            and k >= 1
            and toks[k - 1].low in _W_DETERMINERS
        ):
            if tok.low in ("can", "will", "hope", "projects"):
                continue
        if (
            tok.low in _W_MODAL_VERBS
            and k + 1 < n
            and toks[k + 1].low in ("not", "n't")
            and k + 3 < n
            and toks[k + 3].low in _UNVERIFIED
        ):
            continue
        dist = (t - k) * 2 + 1 if k < t else (k - t) * 2
        if best is None or dist < best[0]:
            best = (dist, mod)
    if best is not None:
        return best[1]
    if claimed:
        return "claimed"
    # headline future: "Bus fares in Bristol to rise by 15%", "Rail upgrade to cut journey times"
    for k in range(c0, t if headline else 0):
        if (
            toks[k].low == "to"
            and k + 1 < t
            and (toks[k + 1].bits & _B_W)
            and toks[k + 1].low in _V_BASE_VERBS
        ):
            if (
                k >= 1
                and (toks[k - 1].bits & _B_NOUN)
                and toks[k - 1].low not in _INFINITIVE_GOVERNORS
                and not any(
                    (toks[q].bits & _B_W)
                    and ((toks[q].bits & _B_VFORM) or toks[q].low in _W_AUXILIARIES)
                    for q in range(c0, k)
                )
            ):
                return "will"
    return None


def _negated(toks: list[Tok], verb_toks: Sequence[int], t: int) -> bool:
    # the negation words among the verb group and the few words right before the figure ("did
    # not rise 5%")
    n = len(toks)
    near: list[int] = [q for q in verb_toks if q < n and (toks[q].bits & _B_NEG)]
    for q in range(max(0, t - 4), t):
        if toks[q].bits & _B_NEG:
            near.append(q)
    if not near:
        return False
    for q in sorted(set(near)):
        nxt = toks[q + 1] if q + 1 < len(toks) else None
        if nxt is not None and nxt.low in _W_HEDGE_AFTER_NEGATION:
            continue
        if nxt is not None and nxt.low in ("only", "just", "quite", "all", "yet") and q + 1 < t:
            continue
        if q < t and any((toks[x].bits & _B_FT) for x in range(q + 1, t)):
            continue
        if q < t and any(
            _is_boundary(toks[x])
            or toks[x].low in _W_WH_WORDS
            or toks[x].low in _W_ATTRIBUTION_VERBS
            for x in range(q + 1, t)
        ):
            continue
        return True
    return False


# --------------------------------------------------------------------------- entry point


def _first(f: tuple[int, int]) -> int:
    return f[0]


def find_subject(
    field_text: str,
    *,
    sentence: tuple[int, int],
    span: tuple[int, int],
    unit: str | None,
    dimension: str,
    figures: Sequence[tuple[int, int]] = (),
    tokens: FieldTokens | None = None,
) -> Subject:
    """The subject and qualifiers of the figure at ``span`` in ``field_text``.

    ``sentence`` is the sentence containing the figure, ``span`` the figure's surface (hedge and
    unit included), ``figures`` the spans of the other figures (in text order), so that another
    figure's noun is not taken.  Only a window of :data:`WINDOW` characters either side of the
    figure is read, so the cost per figure is bounded.

    ``tokens``: the field's token table from :func:`field_tokens`, built once per field by the
    caller and shared by the field's figures (the parser does this).  Left out, a table is built
    for this call alone (linear in the field: fine for one figure, not for every figure of a long
    field; a field too long for a table is read window by window either way).
    """
    if tokens is None:
        tokens = field_tokens(field_text)
    size = len(field_text)
    s0 = sentence[0]
    s1 = sentence[1]
    a = span[0]
    b = span[1]
    if not 0 <= s0 <= a <= b <= s1 <= size:  # (as the parser calls it, nothing to clamp)
        s0 = min(max(0, s0), size)
        s1 = min(max(s0, s1), size)
        a = min(max(0, a), size)
        b = min(max(a, b), size)
        s0, s1 = min(s0, a), max(s1, b)
    w0 = max(s0, a - WINDOW)
    w1 = min(s1, b + WINDOW)
    # never start or end the window inside a word ("...nce minister"), even where the caller
    # clipped the sentence there
    while 0 < w0 < a and field_text[w0 - 1].isalnum() and field_text[w0].isalnum():
        w0 += 1
    while b < w1 < size and field_text[w1 - 1].isalnum() and field_text[w1].isalnum():
        w1 -= 1
    others: list[tuple[int, int]] = []
    if figures:
        seq = figures if isinstance(figures, (list, tuple)) else tuple(figures)
        lim = w0 - 4 * WINDOW
        # (in text order: none is skipped when the first is not)
        lo = bisect_left(seq, lim, key=_first) if seq and seq[0][0] < lim else 0
        for q in range(lo, len(seq)):
            f = seq[q]
            f0 = f[0]
            if f0 >= w1:
                break
            f1 = f[1]
            if f1 > w0 and (f0 != a or f1 != b):
                others.append((f0, f1))
    toks, t, win = _window(field_text, w0, w1, (a, b), others, tokens)
    if t < 0:
        return Subject()
    clause = _clause(toks, t)
    core = _core(toks, t, dimension, field_text, 0, clause)
    scan: tuple[bool, list[int], bool] | None = None
    if win is None:
        places = _places(toks, field_text)
        times = _times(toks, field_text)
        attributions = _attributions(toks, field_text)
    else:  # computed once for the window's figures
        quals = win.quals
        if quals is None:
            quals = (
                _places(toks, field_text),
                _times(toks, field_text),
                _attributions(toks, field_text),
                _modality_scan(toks),
            )
            win.quals = quals
        places, times, attributions, scan = quals
    fidx: list[int] | None = None
    if places or times or attributions:
        if win is None:
            fidx = _f_indices(toks)
        else:  # the window's figure tokens but this one
            fidx = [q for q in win.index.values() if q != t]
    place = _pick(places, toks, t, clause, fidx)
    time = _pick(times, toks, t, clause, fidx)
    attribution = _pick(attributions, toks, t, clause, fidx)
    if attribution is not None:
        attribution = _strip_det(attribution)
    return Subject(
        text=_squash(core.text),
        head=core.head,
        place=_squash(place),
        time=_squash(time),
        attribution=_squash(attribution),
        modality=_modality(toks, t, clause, _headline(field_text, s0, s1), scan),
        negated=_negated(toks, core.verb_toks, t),
        event=core.event,
    )


_DET_RE = re.compile(r"^(?:the|a|an|its|their)\s+", re.IGNORECASE)


def _headline(field_text: str, s0: int, s1: int) -> bool:
    """A sentence without final punctuation reads as a headline ("Bus fares to rise by 15%")."""
    tail = field_text[max(s0, s1 - 4) : s1].rstrip()
    return not tail or tail[-1] not in ".!?…\"'”’)"


def _squash(text: str | None) -> str | None:
    """Collapse runs of whitespace (line breaks in hard-wrapped copy) to single spaces."""
    return None if text is None else " ".join(text.split())


def _strip_det(text: str) -> str:
    return _DET_RE.sub("", text, count=1)
