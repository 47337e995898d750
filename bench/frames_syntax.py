"""The issue-10 experiment: claim-frame slots from a dependency parse, beside the rules.

Runs only where spaCy and its English pipeline ``en_core_web_sm`` are installed (this machine:
the CQE venv, ``bash bench/cqe_setup.sh``)::

    PYTHONPATH=$PWD /work/cqe-venv/bin/python bench/frames_dev.py --syntax on    # parse + rules
    PYTHONPATH=$PWD /work/cqe-venv/bin/python bench/frames_dev.py --syntax only  # parse alone

:func:`slots` reads a figure's *measure* and *holder* off the parse of its sentence: the noun
the number counts (``nummod``), the noun an amount is "of" or "in" (``prep``/``pobj``), the verb that governs it and that verb's subject (``nsubj``), a ditransitive
verb's ``dative``, a possessive (``poss``), an appositive (``appos``), an age's noun ("the
42-year-old deputy secretary, Justin Muzinich").  Nothing here is imported by the default
install: :func:`available` only looks for the packages, and the pipeline is loaded once, on first
use (:func:`_nlp`).  Every answer may be ``None``; the rules of ``figcheck.parser.frame`` then
stand.  :func:`install` wraps the frame builder so that extraction uses the parse (the hybrid
policy the experiment measured).

Measured on the 193 labelled DEV figures (2026-12-08, figcheck's rules at commit ef09945;
``bench/frames_dev.py`` counts as ``bench/realnews_figures.py score`` does):

    rules alone (default install)      measure 0.632  holder 0.446
    parse + rules (``--syntax on``)    measure 0.642  holder 0.492
    parse alone (``--syntax only``)    measure 0.430  holder 0.404

and the hybrid run took about 7x the rules' wall time (48-55 s against 7-8 s for the same run,
pipeline load included).  The parse's gain is mostly common-noun subjects as holders ("The
train can hit 155 mph", "The housing department is seeking $400 million"), which a comparator
cannot match against a named holder anyway; it did not win clearly, so the rules were improved
and this stays a bench script, not a figcheck module or extra.
"""

from __future__ import annotations

import functools
import importlib.util
from typing import Any

from figcheck.vocabulary import vocabulary

PIPELINE = "en_core_web_sm"
"""The spaCy pipeline's official package name."""

_PRONOUNS: frozenset[str] = frozenset(
    """i you he she it we they me him her us them who whom which that this these those one
    someone anyone everyone nobody there what""".split())
_PEOPLE: frozenset[str] = frozenset(
    """person people man woman child boy girl student worker soldier troop civilian resident
    passenger victim migrant firefighter officer doctor patient member""".split())
_DIRECTION: frozenset[str] = frozenset(
    """north south east west northeast northwest southeast southwest north-east north-west
    south-east south-west east-southeast east-northeast west-southwest west-northwest
    south-southwest north-northeast south-southeast north-northwest off from away outside
    inland offshore""".split())
_COPULA_LIKE: frozenset[str] = frozenset({"be", "have", "remain", "stand", "total", "reach",
                                          "hit", "top", "exceed", "become"})
_CHANGE_VERBS: frozenset[str] = frozenset(
    """rise fall increase decrease grow climb jump soar surge drop decline edge slip slump plunge
    tumble rebound dip sink slide spike rocket fell rose gain lose shrink""".split())
_PROJECT: frozenset[str] = frozenset(
    """project hunt plan program programme scheme package deal overhaul renovation expansion
    investigation probe war campaign wall""".split())


@functools.lru_cache(maxsize=1)
def available() -> bool:
    """Whether spaCy and ``en_core_web_sm`` are installed (looked up, not imported)."""
    try:
        return (importlib.util.find_spec("spacy") is not None
                and importlib.util.find_spec(PIPELINE) is not None)
    except (ImportError, ValueError):
        return False


@functools.lru_cache(maxsize=1)
def _nlp() -> Any:
    """The English pipeline, loaded once (parser and tagger only)."""
    import spacy

    return spacy.load(PIPELINE, disable=["ner"])


@functools.lru_cache(maxsize=1)
def _verb_measures() -> dict[str, str]:
    """A verb lemma -> the measure an amount it governs is ("spend" -> "spending"): the
    vocabulary's measure entries' ``verbs``."""
    out: dict[str, str] = {}
    for e in vocabulary().of("measure"):
        for v in e.verbs:
            out.setdefault(v, e.name)
    return out


def parse(sentence: str) -> Any:
    """The parsed sentence (a spaCy ``Doc``)."""
    return _nlp()(sentence)


def _lemma(t: Any) -> str:
    return str(t.lemma_ or t.text).lower()


def _phrase(t: Any, with_compounds: bool = True) -> str:
    """A noun with its compound and adjectival modifiers ("unemployment rate", "clothing
    stores"), determiners and possessives left out."""
    if not with_compounds:
        return str(t.text)
    left = [c for c in t.lefts if c.dep_ in ("compound", "amod") and c.i == t.i - 1
            or c.dep_ == "compound"]
    words = [c.text for c in sorted(left, key=lambda c: c.i)] + [t.text]
    return " ".join(words)


def _antecedent(t: Any) -> Any:
    """A relative pronoun's antecedent ("the town of Bulomarer, which is ..." -> Bulomarer)."""
    if _lemma(t) in ("who", "that", "which") and t.head.dep_ == "relcl":
        t = t.head.head
        got = _pobj(t, ("of",))  # "the town of Bulomarer"
        if got is not None and got.pos_ == "PROPN":
            return got
    return t


def _name(t: Any) -> str | None:
    """A holder's name: a proper noun with its compounds ("Brian Kemp"), a common noun with its
    compound and adjective ("the housing department"), an appositive's name, a relative
    pronoun's antecedent; None for a pronoun."""
    if t is None:
        return None
    t = _antecedent(t)
    if _lemma(t) in _PRONOUNS or t.pos_ in ("PRON", "NUM", "DET", "VERB", "AUX"):
        return None
    for c in t.children:  # "the deputy secretary, Justin Muzinich"
        if c.dep_ == "appos" and c.pos_ == "PROPN":
            t = c
            break
    if t.pos_ == "PROPN":
        words = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        # "Mayor Mike Bloomberg": the name's own words, not a title before it
        words = words[-2:]
    else:
        words = [c for c in t.lefts if c.dep_ in ("compound", "amod") and c.i >= t.i - 2
                 and c.is_alpha and c.lower_ not in ("old", "year")]
    toks = sorted(words, key=lambda c: c.i) + [t]
    text = " ".join(w.text for w in toks)
    return text if any(ch.isalpha() for ch in text) else None


def _figure_head(doc: Any, a: int, b: int) -> Any | None:
    """The figure's token whose head lies outside the figure (its syntactic head)."""
    toks = [t for t in doc if t.idx < b and t.idx + len(t.text) > a]
    if not toks:
        return None
    inside = {t.i for t in toks}
    for t in toks:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return toks[-1]


def _verb_of(t: Any) -> Any | None:
    """The nearest verb (or copula's head) above ``t``."""
    cur = t
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT":
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _subject(v: Any) -> Any | None:
    for c in v.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    if v.dep_ in ("xcomp", "conj", "advcl", "acl") and v.head.i != v.i:
        return _subject(v.head) if v.dep_ != "acl" else (v.head if v.head.pos_ in (
            "NOUN", "PROPN") else None)
    return None


def _child(t: Any, deps: tuple[str, ...], words: tuple[str, ...] = ()) -> Any | None:
    for c in t.children:
        if c.dep_ in deps and (not words or c.lower_ in words):
            return c
    return None


def _pobj(t: Any, preps: tuple[str, ...]) -> Any | None:
    p = _child(t, ("prep",), preps)
    return _child(p, ("pobj",)) if p is not None else None


def _holder_of_noun(n: Any) -> Any | None:
    """Whose a noun is: its possessor, a proper-noun compound, "of X"/"at X"/"for X"."""
    poss = _child(n, ("poss",))
    if poss is not None and _lemma(poss) not in _PRONOUNS:
        return poss
    for c in n.lefts:
        if c.dep_ == "compound" and c.pos_ == "PROPN":
            return c
    got = _pobj(n, ("at", "of", "for"))
    if got is not None and (got.pos_ == "PROPN" or got.tag_ in ("NNS",)):
        return got
    return None


def slots(sentence: str, a: int, b: int, dimension: str, unit: str | None,
          doc: Any | None = None) -> tuple[str | None, str | None]:
    """(measure, holder) of the figure at ``sentence[a:b]`` from the sentence's parse; either
    may be None (not found)."""
    doc = parse(sentence) if doc is None else doc
    h = _figure_head(doc, a, b)
    if h is None:
        return None, None
    measure: str | None = None
    holder: Any | None = None
    dep, gov = h.dep_, h.head
    verbs = _verb_measures()
    tail = sentence[b:b + 24].lower()
    # an age: "a 35-year-old Republican", "Kevin Johnson, 25,", "Sciorra, now 59"
    if "-year-old" in sentence[a:b + 10].lower() or "year-old" in tail[:10] or (
            dimension == "duration" and "old" in tail[:12].split()):
        n = gov
        while n.pos_ not in ("NOUN", "PROPN") and n.head.i != n.i and n.i < n.head.i + 6:
            n = n.head
        if n.dep_ == "appos" and n.head.pos_ == "PROPN":  # "Amash, a 35-year-old Republican"
            n = n.head
        return "age", _name(n)
    if dep == "appos" and gov.pos_ == "PROPN" and dimension in ("count", "duration"):
        return "age", _name(gov)
    if dep in ("nummod", "amod", "compound", "nmod", "quantmod") and gov.pos_ in ("NOUN",
                                                                                  "PROPN"):
        n = gov
        if dimension == "count" and unit is None:
            measure = _lemma(n)
            v = _verb_of(n)
            if v is not None and n.dep_ in ("dobj", "nsubjpass", "nsubj") and (
                    _lemma(v) in ("kill", "die") or any(
                        c.lower_ == "dead" for c in v.children)) and _lemma(n) in _PEOPLE:
                measure = "deaths"
            holder = _holder_of_noun(n)
            if holder is None and v is not None and n.dep_ in ("dobj", "attr", "pobj"):
                holder = _subject(v)
            return measure, _name(holder) if holder is not None else None
        if dimension == "length" and unit in ("inch", "foot", "centimetre", "millimetre"):
            return "size", _name(n)
        if dimension == "currency":
            comp = [c for c in n.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
            if _lemma(n) in _PROJECT or _lemma(n) in ("bill", "measure") and not comp:
                measure = "cost"
            else:
                measure = _phrase(n)
            holder = _holder_of_noun(n)
            if holder is None:
                v = _verb_of(n)
                if v is not None and n.dep_ in ("dobj", "pobj", "attr"):
                    holder = _subject(v)
            return measure, _name(holder) if holder is not None else None
    # "X of Y", "$X in Y": the amount's own noun
    of = _pobj(h, ("of", "in")) if dimension != "count" or unit else None
    v = _verb_of(h)
    vl = _lemma(v) if v is not None else ""
    if dimension == "ratio" and unit in ("percentage", "percent", "%"):
        if of is not None and _lemma(of) in ("vote", "ballot"):
            measure = "vote share"
            holder = _child(v, ("dative",)) if v is not None else None
            holder = holder or (_subject(v) if v is not None else None)
        elif of is not None and (of.pos_ == "PROPN" or of.tag_ == "NNPS" or of.text[:1].isupper()
                                 or _lemma(of) in _PEOPLE or of.lower_.endswith(
                                     ("ers", "ans", "ents", "ists"))):
            measure, holder = "share", of
        elif dep in ("nsubj",) and v is not None:
            measure = {"approve": "approval", "disapprove": "disapproval",
                       "support": "support", "oppose": "opposition"}.get(vl, "share")
        elif v is not None and (vl in _CHANGE_VERBS or any(
                c.lower_ in ("by", "to") and c.i < h.i for c in v.children)):
            subj = _subject(v)
            if subj is not None and subj.pos_ not in ("PRON", "NUM") and not subj.like_num \
                    and _lemma(subj) not in ("percent", "%", "percentage"):
                measure = _phrase(subj)
                holder = _holder_of_noun(subj)
        elif dep in ("dobj", "attr") and v is not None:
            measure = verbs.get(vl)
            holder = _subject(v)
        return measure, _name(holder) if holder is not None else None
    if dimension == "currency":
        if of is not None:
            measure = _phrase(of)
        elif v is not None and dep == "dobj" and h.head.i == v.i:
            measure = verbs.get(vl)
        if v is not None and dep in ("dobj", "pobj", "attr", "npadvmod", "appos", "conj",
                                     "nmod", "ROOT", "advmod"):
            holder = _child(v, ("dative",)) if vl in ("fine", "pay", "award", "give") else None
            holder = holder or _subject(v)
            if holder is not None and measure is not None and holder.i in (
                    t.i for t in doc if measure.endswith(t.text)):
                holder = None
        return measure, _name(holder) if holder is not None else None
    if dimension in ("length", "speed", "area", "volume", "mass", "temperature"):
        if of is not None and dimension in ("area", "volume", "mass", "length"):
            measure = _phrase(of)
        elif dimension == "length":
            nxt = [t for t in doc if t.idx >= b][:2]
            measure = "distance"
            if not any(t.lower_ in _DIRECTION for t in nxt) and vl in ("run", "stretch",
                                                                      "extend"):
                measure = "length"
        else:
            measure = {"speed": "speed", "area": "area", "volume": "volume", "mass": "weight",
                       "temperature": "temperature"}[dimension]
            if dimension == "speed" and "wind" in sentence[max(0, a - 30):a].lower():
                measure = "wind speed"
        if v is not None:
            holder = _subject(v)
        if holder is None and gov.pos_ in ("NOUN", "PROPN") and dep in ("npadvmod", "appos",
                                                                       "nmod"):
            holder = gov
        return measure, _name(holder) if holder is not None else None
    return None, None


def install(mode: str = "on") -> None:
    """Wrap ``figcheck.parser.frame.build``: ``on`` takes the parse's measure where the rules'
    own forms (an age, a distance, a share, a verb's amount) and the vocabulary's measures did not
    fire and, in headlines, only where the rules found none, and the parse's holder unless the
    rules' own form gave one or it names the measure itself; ``only`` takes the parse alone."""
    from figcheck.parser import frame as F

    rules_build = F.build
    docs: dict[tuple[int, str], Any] = {}

    def build(text: str, sentence: tuple[int, int], q: Any, figures: Any = (),
              cache: Any = None) -> Any:
        fr = rules_build(text, sentence, q, figures, cache)
        s, e = sentence
        if not (0 <= s <= q.start <= q.end <= e <= len(text)):
            return fr
        key = (hash(text), f"{s}:{e}")
        doc = docs.get(key)
        if doc is None:
            doc = docs[key] = parse(text[s:e])
        m, h = slots(text[s:e], q.start - s, q.end - s, q.dimension, q.unit, doc)
        h = (F._norm_name(h) or h.lower()) if h else None
        if mode == "only":
            return fr.model_copy(update={"measure": m, "holder": h})
        own = F._own_measure(text, s, q.start, q.end, e, q, fr.measure)
        measure, holder = fr.measure, fr.holder
        if own is None and measure not in vocabulary().measure_of_head.values() and m and (
                q.field != "title" or measure is None):
            measure = m
        if h is not None and not (own is not None and own[1]) and not (
                measure and {F.singular(w) for w in h.split()}
                & {F.singular(w) for w in measure.split()}):
            holder = h
        return fr.model_copy(update={"measure": measure, "holder": holder})

    F.build = build  # type: ignore[assignment]
