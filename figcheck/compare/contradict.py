"""Contradictions: the same fact stated with incompatible figures, within one article (FC101,
FC102) or between the documents of one story (FC111), and updates of cumulative counts between
reports (FC121).

Figures are indexed by :func:`~figcheck.compare.facts.claim_key` first, so work grows with the
size of each key bucket, never with all pairs of a document's figures.  Within a bucket a figure is
reported at most once: against the first earlier figure it contradicts, and only when it agrees
with no earlier figure of the same fact (the conflict has then been reported already).
"""

from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from types import MappingProxyType

from ..memo import remember
from ..model import Claim, Document, Finding, Quantity
from . import facts
from .rules import Rule
from .rules import get as rule
from .text import (CueIndex, CueSet, FieldIndex, Tally, cap, change_phrase, field_index,
                   field_text, phrase, where)

MAX_PER_KEY = 64
"""Between documents, at most this many figures of one fact key per document are compared (the
first ones): a real article never states one fact this often, and it keeps big input linear.
Within one document a headline figure meets the first this-many body figures of its key."""

WITHIN_WINDOW = 16
"""Within one document, a body figure is compared with at most this many earlier figures of its
fact key (the nearest ones): every pair in a real article, linear work on a feed of thousands of
articles pasted as one file or on a repeated sentence (issue 13.8)."""

MAX_DOC_WINDOW = 32
"""Within one story, each document is compared, fact by fact, with the next this-many documents
(in publication order) that state the fact: every pair for ordinary stories, linear work for huge
groups (``stories = "none"`` over an archive)."""

BASE_CONFIDENCE = 0.9
CROSS_CONFIDENCE = 0.85
UPDATE_CONFIDENCE = 0.8
# Headlines compress: a qualifier missing on the headline side costs this instead.
HEADLINE_MISSING = 0.95
_SENTENCE_WINDOW = 400
# How far around a figure modal cues ("expected to reach") are looked for.
_MODAL_BEFORE, _MODAL_AFTER = 80, 40


_NOT_A_TOTAL_BEFORE = re.compile(
    r"\b(?:another|additional|further|extra|new|average|averaging|median|per|every|each)"
    r"\s+(?:of\s+)?$",
    re.IGNORECASE,
)
_NOT_A_TOTAL_AFTER = re.compile(
    r"[ \t]+(?:new|more|additional|extra|further|other|apiece|each)\b"
    r"|(?:[ \t]+[\w-]+){0,2}?[ \t]+(?:per|a\s+(?:day|week|month|year|head|person)|an\s+hour|"
    r"on\s+average)\b"
    r"|(?:[ \t]+[\w-]+)?[ \t]+(?:above|below|higher\s+than|lower\s+than|more\s+than|"
    r"less\s+than|fewer\s+than|up\s+from|down\s+from)\b"
    r"|\s*,?\s*(?:of|among)\s+(?:them|whom|those|these|which)\b"
    r"|[ \t]+of[ \t]+(?:the|those|these|its|their)\b(?![ \t]+(?:[\d.,]+|some|about|around|"
    r"nearly|almost|roughly)\b)"
    r"|(?:[ \t]+[\w-]+)?[ \t]+(?:needed|required|necessary|short\s+of)\b",
    re.IGNORECASE,
)
_EVENT_AFTER = re.compile(
    r"(?:[ \t]+(?:people|persons|civilians|others|of\s+them))?(?:[ \t]+(?:who|that))?"
    r"(?:[ \t]+(?:were|was|are|have|"
    r"has|had|been|being|now|reportedly|confirmed))*[ \t]+(?P<ev>dead|killed|died|injured|"
    r"wounded|hurt|missing|arrested|evacuated|hospitali[sz]ed|rescued|displaced|destroyed)\b",
    re.IGNORECASE,
)
_EVENT_BEFORE = re.compile(
    r"\b(?P<ev>evacuation|deaths?|arrests?|injur(?:y|ies)|rescue|destruction|displacement)"
    r"\s+of\s+$",
    re.IGNORECASE,
)
_CASUALTY_EVENTS = frozenset({"kill or injure", "injure or kill", "kill and injure",
                              "injure and kill"})
_PEOPLE_HEADS = frozenset({"person", "people", "soldier", "troop", "civilian", "fighter",
                           "casualty", "man", "woman", "child", "resident", "worker"})
_ADMIN_PLACE = re.compile(  # "\b[A-Z]", the boundary tested after the capital (faster)
    r"[A-Z](?<!\w.)[a-z]+(?:[ \t][A-Z][a-z]+){0,2}[ \t](?:County|Province|Region|District|State|Oblast|"
    r"Prefecture|Borough|Parish|Governorate)\b")
_PASSIVE_AFTER = re.compile(
    r"(?:[ \t]+(?:of[ \t]+)?(?:the[ \t]+|its[ \t]+|their[ \t]+)?[a-z]+){0,2}?[ \t]+"
    r"(?:were|was|are|is|had[ \t]+been|have[ \t]+been|has[ \t]+been)[ \t]+"
    r"(?P<v>[a-z]{3,}(?:ed|en)|told|seen|held|sent|taken|paid|sold|lost|hit|cut|put|left|"
    r"found|kept|made|built|shown|brought|caught|won|struck)\b")
_CLAUSE_START = re.compile(r"(?:[;:]|,[ \t]+(?:while|whereas|but|and|although)\b|"
                           r"[ \t](?:while|whereas|but)[ \t])")
_NAME_STOP = frozenset(
    """the a an in on at it its this that these those there he she they we but and after before
    when while however meanwhile of for to from by with as mr mrs ms dr monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august september
    october november december according officials police government said says""".split()
)


_CAP_NAME = re.compile(r"[a-z&'\u2019-]*+[A-Z][A-Za-z&'\u2019-]*")
"""A name candidate: a run of letters (and ``&'-``) with a capital in it.  From any start offset
``finditer`` finds exactly the capitalised runs, since a run's match starts at the run's start."""

_DROP_MEMO: dict[tuple[str | None, str | None, str | None], frozenset[str]] = {}


def _dropped_names(attribution: str | None, place: str | None, source: str | None
                   ) -> frozenset[str]:
    key = (attribution, place, source)
    got = _DROP_MEMO.get(key)
    if got is None:
        drop = set((facts.norm_qualifier(attribution) or "").split())
        # places are compared as places (Ojai lies in Ventura County), not as names
        drop |= {w.removesuffix("'s") for w in (facts.norm_qualifier(place) or "").split()}
        drop |= set((source or "").lower().split())
        got = frozenset(drop)
        remember(_DROP_MEMO, key, got)
    return got


def _clause_entities(text: str, s: int, q: Quantity, doc: Document) -> frozenset[str]:
    """Capitalised names in the figure's clause before it (sentence-initial common words, months,
    days and the attribution left out)."""
    lo = max(s, q.start - 90)
    end = q.start
    if (text.find(",", lo, end) >= 0 or text.find(";", lo, end) >= 0
            or text.find(":", lo, end) >= 0 or text.find("while", lo, end) >= 0
            or text.find("whereas", lo, end) >= 0
            or text.find("but", lo, end) >= 0):  # one of these is in every clause start
        for m in _CLAUSE_START.finditer(text, lo, end):
            lo = m.end()
    out: set[str] = set()
    drop: frozenset[str] | None = None
    for m in _CAP_NAME.finditer(text, lo, q.start):
        raw = m.group(0)
        w = raw.lower().replace("\u2019", "'").removesuffix("'s").strip("'-")
        if len(w) < 2 or w in _NAME_STOP:
            continue
        if drop is None:
            drop = _dropped_names(q.subject.attribution, q.subject.place, doc.source)
        if w in drop:
            continue
        if m.start() == s and not (
                raw.endswith(("'s", "\u2019s")) or any(c.isupper() for c in raw[1:])
                or text[m.end() + 1:m.end() + 2].isupper()):
            continue  # a sentence-initial word is a name only as "Japan's", "iPhone", "North Korean"
        out.add(w)
    return frozenset(out)


_ALL_BEFORE = re.compile(r"\ball(?:\s+(?:of\s+)?the|\s+of\s+its)?\s+$", re.IGNORECASE)
_VERB_BEFORE = re.compile(r"\b(?P<verb>[a-z]{3,}(?:ed|ing)|lost|cut|shed|won|sold|made|built|"
                          r"paid|spent|hit)\s+$")
_NEUTRAL_VERBS = frozenset(
    """reported reporting recorded recording confirmed confirming registered counted counting
    estimated estimating totalled totaled totalling reached reaching hit stood standing said
    numbered numbering listed including included exceeded exceeding topped topping surpassed
    passed nearly approximately roughly involved involving affected affecting using used
    during according accounting following being having""".split()
)
_IRREGULAR = MappingProxyType({
    "lost": "lose", "cut": "cut", "shed": "shed", "won": "win", "sold": "sell", "made": "make",
    "built": "build", "paid": "pay", "spent": "spend", "hit": "hit"})


def _lemma(verb: str) -> str:
    """A crude lemma, good enough to compare two verbs of one text ("added" / "adding")."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    for suf in ("ing", "ed"):
        if verb.endswith(suf):
            stem = verb[: -len(suf)]
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
                stem = stem[:-1]  # "stopped" -> "stop"
            return stem
    return verb


_EVENT_WORDS = MappingProxyType({
    "dead": "kill", "killed": "kill", "died": "kill", "deaths": "kill", "death": "kill",
    "injured": "injure", "wounded": "injure", "hurt": "injure", "injury": "injure",
    "injuries": "injure", "missing": "miss", "arrested": "arrest", "arrest": "arrest",
    "arrests": "arrest", "evacuated": "evacuate", "evacuation": "evacuate",
    "hospitalised": "hospitalise", "hospitalized": "hospitalise", "rescued": "rescue",
    "rescue": "rescue", "displaced": "displace", "displacement": "displace",
    "destroyed": "destroy", "destruction": "destroy",
})
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:aged\s+)?$")
_YEAR = re.compile(r"(?:19|20)(?<!\w..)\d\d\b")
"""A year, ``\\b(?:19|20)\\d\\d\\b`` (the leading ``\\b`` as a look-behind after the first two
digits, so the engine skips to candidate digits instead of testing a boundary at every offset)."""
_SINCE_BEFORE = re.compile(r"\b(?:since|from|as of|starting)\b[^.]{0,14}$", re.IGNORECASE)


def _dating_years(sentence: str) -> frozenset[str]:
    """Years that date a sentence's figures ("in 2007"), not the start of a running count
    ("since 1 October 2024")."""
    return _years(sentence)[0]


def _years(sentence: str) -> tuple[frozenset[str], frozenset[str]]:
    """(:func:`_dating_years`, all years) of a sentence."""
    dating: set[str] = set()
    every: set[str] = set()
    for m in _YEAR.finditer(sentence):
        y = m.group(0)
        every.add(y)
        if not _SINCE_BEFORE.search(sentence, max(0, m.start() - 24), m.start()):
            dating.add(y)
    return frozenset(dating), frozenset(every)
_CLAUSE_END = re.compile(r"[,;:]|\s(?:and|but|while|whereas)\s")
_BRACKET_BEFORE = re.compile(
    r"\(\s*(?:about|around|approximately|roughly|some|nearly|almost|c\.|or|up to)?\s*$",
    re.IGNORECASE)
_OF_THE_START = re.compile(r"(?:of|among)\s+(?:the|those|these|its|their|all)\b", re.IGNORECASE)


@dataclass(slots=True)  # not frozen (a frozen dataclass is slower to build); never mutated
class Item:
    doc: Document
    q: Quantity
    sentence: tuple[str, int]
    """(field, sentence start offset): figures in one sentence are never compared."""
    years: frozenset[str]
    """Years that date the sentence ("in 2007 ... killed 500"), not counting the start of a
    running count ("since 1 October 2024 there have been 18 cases")."""
    all_years: frozenset[str]
    context: str
    cumulative: bool
    update_cue: bool
    juxtaposed: bool = False
    """The sentence sets its figure against another source's ("far more than the army's")."""
    history: bool = False
    """The sentence puts its figure in an earlier event ("two weeks after an ambush")."""
    names: list[frozenset[str]] = field(default_factory=list)
    """:attr:`entities` once computed (they are read only for figures that meet)."""

    @property
    def entities(self) -> frozenset[str]:
        """Names in the figure's clause ("Social Democrats", "iPhone"): whose figure it is."""
        got = self.names
        if not got:
            got.append(_clause_entities(field_text(self.doc, self.q), self.sentence[1], self.q,
                                        self.doc))
        return got[0]


def to_claim(doc: Document, q: Quantity) -> Claim:
    return Claim(
        doc=doc.id, field=q.field, start=q.start, end=q.end, text=q.text, value=q.value,
        bound=q.bound, interval=q.interval, unit=q.unit, dimension=q.dimension,
        subject=q.subject, paragraph=q.paragraph, sentence=q.sentence, source=doc.source,
        published=doc.published,
    )


class _SentenceContext:
    """What :func:`items_of` reads off the (windowed) sentence of a figure, once per sentence:
    the cue phrases in it at once (only the text of sentences with figures is scanned), the
    rest when a figure of it is kept (:meth:`details`)."""

    __slots__ = ("text", "s", "e", "disputed", "modals", "plans", "sentence", "years",
                 "all_years", "_admin", "update_cue", "juxtaposed", "history")

    def __init__(self, text: str, s: int, e: int, low: str | None,
                 tally: Tally | None = None) -> None:
        self.text = text
        self.s = s
        self.e = e
        cues = _CUES.scan(text, s, e, low, tally)
        self.disputed = bool(cues[0])
        self.modals = CueIndex(cues[1])
        self.plans = CueIndex(cues[2])
        self.history = bool(cues[5])
        self.update_cue = bool(cues[3]) or self.history
        self.juxtaposed = bool(cues[4])
        self.sentence: str | None = None
        self.years: frozenset[str] = frozenset()
        self.all_years: frozenset[str] = frozenset()
        self._admin: list[str | None] = []

    def details(self) -> str:
        """The sentence text; fills in its years."""
        sent = self.sentence
        if sent is None:
            sent = self.sentence = self.text[self.s:self.e]
            if "19" in sent or "20" in sent:  # every year starts so
                self.years, self.all_years = _years(sent)
        return sent

    def admin_place(self) -> str | None:
        """The first "X County" (Province, Region...) of the sentence."""
        if not self._admin:
            pm = _ADMIN_PLACE.search(self.text, self.s, self.e)
            self._admin.append(pm.group(0) if pm else None)
        return self._admin[0]


_OWN_VOICE_MEMO: dict[tuple[str, str], bool] = {}


def _own_voice(attribution: str, source: str) -> bool:
    """Whether the attribution names the document's own source ("the agency said" in the
    agency's release)."""
    key = (attribution, source)
    got = _OWN_VOICE_MEMO.get(key)
    if got is None:
        att = facts.norm_qualifier(attribution)
        got = bool(att) and set((att or "").split()) <= set(
            (facts.norm_qualifier(source.lower()) or "").split())
        remember(_OWN_VOICE_MEMO, key, got)
    return got


_CUES: CueSet = CueSet((facts.DISPUTE_PHRASES, facts.MODAL_PHRASES, facts.PLAN_PHRASES,
                        facts.UPDATE_PHRASES, facts.JUXTAPOSE_PHRASES, facts.HISTORY_PHRASES))
"""The cue lists :func:`items_of` looks for, in this order, found in one pass per field."""


_KEYS_MEMO: dict[tuple[object, ...], tuple[str, ...] | None] = {}


def _comparable_keys(q: Quantity) -> tuple[str, ...] | None:
    """:func:`potential_keys` of a comparable figure, None for one that is not comparable
    (memoised on what both read)."""
    subj = q.subject
    key = (q.kind, subj.head, subj.event, subj.negated, subj.modality, q.dimension, q.unit,
           q.base is None, q.base_unit)
    if key in _KEYS_MEMO:
        return _KEYS_MEMO[key]
    got = potential_keys(q) if facts.comparable(q) else None
    remember(_KEYS_MEMO, key, got)
    return got


def potential_keys(q: Quantity) -> tuple[str, ...]:
    """Every fact key the figure can have once :func:`items_of` has read its context (a
    comparable figure's subject only changes there by the casualty rewrite, or by an event that
    makes people killed the death toll or takes that away)."""
    fam = facts.unit_family(q)
    subj = q.subject
    nh = facts.norm_head(subj.head)
    if (facts.norm_event(subj.event) or "") in _CASUALTY_EVENTS and nh in _PEOPLE_HEADS:
        return (f"casualty|{fam}",)
    if nh in facts.DEATH_HEADS:
        return (f"death toll|{fam}", f"{nh}|{fam}")
    return (facts.claim_key(q),)


def _shared_keys(groups: Sequence[Sequence[Quantity | None]]) -> tuple[list[list[bool]], bool]:
    """For each group (a document's figures, or each figure alone), which comparable figures
    have a potential key that another group has too: only those can ever be compared.  Also
    whether any has.  ``None`` stands for a figure left out."""
    keys: list[list[tuple[str, ...] | None]] = []
    count: dict[str, int] = {}
    for qs in groups:
        ks: list[tuple[str, ...] | None] = []
        seen: set[str] = set()
        for q in qs:
            pk = None if q is None else _comparable_keys(q)
            ks.append(pk)
            if pk is None:
                continue
            for k in pk:
                if k not in seen:
                    seen.add(k)
                    count[k] = count.get(k, 0) + 1
        keys.append(ks)
    anywhere = False
    out: list[list[bool]] = []
    for ks in keys:
        row = [pk is not None and any(count[k] >= 2 for k in pk) for pk in ks]
        anywhere = anywhere or any(row)
        out.append(row)
    return out, anywhere


def items_of(doc: Document, quantities: Sequence[Quantity],
             only: Sequence[bool] | None = None, tally: Tally | None = None) -> list[Item]:
    """The document's figures that can take part in a contradiction, with their context
    (``only``: the figures to consider, by position, all of them comparable
    (:func:`_shared_keys`); default every comparable figure)."""
    out: list[Item] = []
    starts: dict[str, list[int]] = {}
    for q in quantities:
        starts.setdefault(q.field, []).append(q.start)
    for field_starts in starts.values():
        field_starts.sort()
    sentences: dict[tuple[str, int, int], _SentenceContext] = {}
    indexes: dict[str, FieldIndex] = {}
    lows: dict[str, str | None] = {}
    for n, q in enumerate(quantities):
        if only is not None:
            if not only[n]:
                continue  # (``only`` holds comparable figures alone)
        elif not facts.comparable(q):
            continue
        text = field_text(doc, q)
        qs, qe = q.start, q.end
        if not (0 <= qs <= qe <= len(text)):
            continue
        fidx = indexes.get(q.field)
        if fidx is None:
            fidx = indexes[q.field] = field_index(text)
            lows[q.field] = text.lower() if text.isascii() else None
        s, e = fidx.sentence(qs, qe)
        # a bounded window of the sentence: keeps the work per figure constant on text with no
        # sentence ends (adversarial input, tables)
        if s < qs - _SENTENCE_WINDOW:
            s = qs - _SENTENCE_WINDOW
        if e > qe + _SENTENCE_WINDOW:
            e = qe + _SENTENCE_WINDOW
        ckey = (q.field, s, e)
        ctx = sentences.get(ckey)
        if ctx is None:
            ctx = sentences[ckey] = _SentenceContext(text, s, e, lows[q.field], tally)
        if ctx.disputed:
            continue
        clause_end = min(e, qe + _MODAL_AFTER)
        stop = _CLAUSE_END.search(text, qe, clause_end)
        lo, hi = max(s, qs - _MODAL_BEFORE), stop.start() if stop else clause_end
        if ctx.modals.within(lo, hi):
            continue
        if ctx.plans.within(lo, hi) and not facts.is_plan(q):
            # "fares will go up by 12%": an announced plan, compared only with other plans
            q = q.model_copy(update={"subject": q.subject.model_copy(
                update={"modality": "will"})})
        if _NOT_A_TOTAL_BEFORE.search(text, max(s, q.start - 12), q.start) or \
                _NOT_A_TOTAL_AFTER.match(text, q.end, min(e, q.end + 40)):
            continue  # "28 new cases", "16 of them", "$200,000 per plaintiff", "3.5C above"
        if _BRACKET_BEFORE.search(text, max(s, q.start - 16), q.start):
            continue  # "30 inches (76 cm)": the conversion is checked by FC205, not here
        if _OF_THE_START.match(text, s, q.start) and _figure_before(starts, q.field, s, q.start):
            continue  # "Of the 1,200 flights cancelled, 700 were domestic": a part
        if q.bound == "range" and (q.text.lower().startswith("from")
                                   or _FROM_BEFORE.search(text, max(s, q.start - 8), q.start)):
            continue  # "from 2,000 to 5,800": a change's endpoints, not a level
        if q.subject.attribution and doc.source and _own_voice(q.subject.attribution,
                                                               doc.source):
            # "the agency said" in the agency's own release: the document's own voice
            q = q.model_copy(update={"subject": q.subject.model_copy(
                update={"attribution": None})})
        ev0 = facts.norm_event(q.subject.event) or ""
        casualties = ev0 in _CASUALTY_EVENTS and facts.norm_head(q.subject.head) in _PEOPLE_HEADS
        if casualties:
            # "340 soldiers killed or wounded" are casualties
            q = q.model_copy(update={"subject": q.subject.model_copy(
                update={"head": "casualty", "event": None, "text": "casualties"})})
        sent = ctx.details()
        if not q.subject.place:
            admin = ctx.admin_place()
            if admin:  # "Gaines County accounts for 57 cases": the place the parser left out
                q = q.model_copy(update={"subject": q.subject.model_copy(
                    update={"place": admin})})
        if _ALL_BEFORE.search(text, max(s, q.start - 16), q.start):
            # "All 168 passengers were evacuated": the whole set, whatever happened to it
            q = q.model_copy(update={"subject": q.subject.model_copy(update={"event": None})})
        elif facts.event_of(q) is None and not casualties:
            m = _EVENT_AFTER.match(text, q.end, min(e, q.end + 50)) or _EVENT_BEFORE.search(
                text, max(s, q.start - 20), q.start)
            ev = _EVENT_WORDS.get(m.group("ev").lower()) if m else None
            if ev is None:
                pv = _PASSIVE_AFTER.match(text, q.end, min(e, q.end + 60))
                if pv and pv.group("v").lower() not in _NEUTRAL_VERBS:
                    ev = facts.norm_event(_lemma(pv.group("v").lower()))
            if ev is None:
                v = _VERB_BEFORE.search(text, max(s, q.start - 20), q.start)
                if v and v.group("verb").lower() not in _NEUTRAL_VERBS:
                    ev = facts.norm_event(_lemma(v.group("verb").lower()))
            if ev:
                q = q.model_copy(update={"subject": q.subject.model_copy(update={"event": ev})})
        out.append(
            Item(doc, q, (q.field, s), ctx.years, ctx.all_years, sent,
                 facts.is_cumulative(q), ctx.update_cue, ctx.juxtaposed, ctx.history)
        )
    return out


def _figure_before(starts: dict[str, list[int]], field: str, lo: int, hi: int) -> bool:
    """Whether a figure of ``field`` starts in ``[lo, hi)``."""
    got = starts.get(field)
    if not got:
        return False
    i = bisect_left(got, lo)
    return i < len(got) and got[i] < hi


def _factor(a: Item, b: Item) -> float | None:
    r = facts.ratio(a.q, b.q)
    if r is not None and r > facts.MAX_RATIO:
        return None
    if a.entities and b.entities and not a.entities & b.entities:
        return None  # "Conservatives won 191 seats" / "the Social Democrats ... 118 seats"
    near = a.q.field == b.q.field and abs(a.q.paragraph - b.q.paragraph) <= 1
    juxtaposed = near and (a.juxtaposed or b.juxtaposed)
    if a.q.field == "title" or b.q.field == "title":
        # Rescore with the lenient headline factors by comparing qualifiers ourselves.
        f = facts.same_keyed_fact(a.q, b.q, near=False)
        if f is None:
            return None
        return min(1.0, f / _missing_product(a.q, b.q) * _headline_product(a.q, b.q))
    if a.q.field == b.q.field and a.q.paragraph == b.q.paragraph:
        ea, eb = facts.event_of(a.q), facts.event_of(b.q)
        if not (ea and ea == eb):
            return None  # one paragraph naming two figures for one noun: usually two measures
    return facts.same_keyed_fact(a.q, b.q, near=near, juxtaposed=juxtaposed)


def _missing(a: Quantity, b: Quantity) -> list[float]:
    out = []
    pairs = (
        (facts.norm_event(a.subject.event), facts.norm_event(b.subject.event), facts.MISSING_EVENT),
        (facts.norm_qualifier(a.subject.place), facts.norm_qualifier(b.subject.place),
         facts.MISSING_PLACE),
        (facts.norm_qualifier(a.subject.time), facts.norm_qualifier(b.subject.time),
         facts.MISSING_TIME),
        (facts.norm_qualifier(a.subject.attribution), facts.norm_qualifier(b.subject.attribution),
         facts.MISSING_ATTRIBUTION),
        (bool(facts.modifiers(a)) or None, bool(facts.modifiers(b)) or None,
         facts.MISSING_MODIFIER),
    )
    for x, y, m in pairs:
        if (x is None) != (y is None):
            out.append(m)
    return out


def _missing_product(a: Quantity, b: Quantity) -> float:
    p = 1.0
    for m in _missing(a, b):
        p *= m
    return p


def _headline_product(a: Quantity, b: Quantity) -> float:
    return HEADLINE_MISSING ** len(_missing(a, b))


def _fmt_date(d: _dt.date | None) -> str:
    return f"{d.day} {d:%B %Y}" if d else ""


def _doc_where(doc: Document, q: Quantity) -> str:
    name = doc.source or doc.id
    bits = [b for b in (_fmt_date(doc.published), where(q)) if b]
    return f"{name} ({', '.join(bits)})"


def contradictions_within(
    doc: Document, quantities: Sequence[Quantity], tolerance: Decimal,
    tally: Tally | None = None,
) -> list[Finding]:
    buckets: dict[str, list[Item]] = defaultdict(list)
    # a figure whose fact no other figure of the document can share is compared with nothing
    rows, anywhere = _shared_keys([(q,) for q in quantities])
    if not anywhere:
        return []
    only = [r[0] for r in rows]
    for it in items_of(doc, quantities, only, tally):
        buckets[facts.claim_key(it.q)].append(it)
    restated = _restated_title_figures(doc, quantities)
    findings: list[Finding] = []
    for bucket in buckets.values():
        bucket.sort(key=lambda it: (it.q.field != "title", it.q.start))
        body = [it for it in bucket if it.q.field != "title"]
        lead = body[:MAX_PER_KEY]
        for t in bucket[:MAX_PER_KEY]:
            if t.q.field == "title" and (t.q.start, t.q.end) not in restated:
                if tally is not None:
                    tally.add(len(lead))
                pair = _headline_conflict(t, lead, tolerance)
                if pair is not None:
                    findings.append(_within_finding(doc, t, *pair))
        for n, it in enumerate(body):
            best: tuple[Item, float] | None = None
            agrees = False
            seen = body[max(0, n - WITHIN_WINDOW):n]
            if tally is not None:
                tally.add(len(seen) + 1)
            for prev in seen:
                if prev.sentence == it.sentence:
                    continue
                if prev.all_years != it.all_years:
                    continue  # "since 2022, when five people were killed": another event
                f = _factor(prev, it)
                if f is None:
                    continue
                ivs = facts.comparison_intervals(prev.q, it.q, tolerance)
                if ivs is None:
                    continue  # neither compatible nor conflicting
                if ivs[0].overlaps(ivs[1]):  # compatible
                    agrees = True
                    break
                if (prev.cumulative or it.cumulative) and (prev.update_cue or it.update_cue):
                    continue  # "initially 30 ... now 52": an update told inside the article
                if best is None:
                    best = (prev, f)
            if agrees or best is None:
                continue
            findings.append(_within_finding(doc, best[0], it, best[1]))
    return findings


def _headline_conflict(t: Item, body: list[Item], tolerance: Decimal
                       ) -> tuple[Item, float] | None:
    """A headline figure against the body: silent when any body figure of the fact agrees,
    else one finding against the first body figure of the fact (the lead it summarises).
    Headlines round and truncate (:func:`~figcheck.compare.facts.headline_figure`)."""
    first: tuple[Item, float] | None = None
    loose = replace(t, q=facts.headline_figure(t.q))
    for it in body:
        if facts.modifiers(it.q) and not facts.modifiers(t.q):
            continue  # "core inflation" in the body is not the headline's inflation
        f = _factor(t, it)
        if f is None:
            continue
        if facts.compatible(loose.q, it.q, tolerance):
            return None
        if first is None:
            if not facts.conflicts(loose.q, it.q, tolerance):
                return None
            if it.cumulative and it.update_cue:
                return None
            first = (it, f)
    return first


def _second_where(a: Quantity, b: Quantity) -> str:
    """Where the second figure of a finding is, told apart from the first when both are in one
    paragraph ("aged 31, 38 and 52" read as one list by nobody but the parser)."""
    wb = where(b)
    if wb == where(a):
        return "the same paragraph later" if b.field == "text" else "the headline also"
    return wb


def _within_finding(doc: Document, a: Item, b: Item, f: float) -> Finding:
    code = "FC102" if a.q.field == "title" or b.q.field == "title" else "FC101"
    r = rule(code)
    return Finding(
        code=code, kind=r.kind, scope=r.scope, severity=r.severity,
        confidence=round(BASE_CONFIDENCE * f, 3),
        message=r.render(a_where=cap(where(a.q)), a=phrase(a.q, doc),
                         b_where=_second_where(a.q, b.q), b=phrase(b.q, doc)),
        claims=(to_claim(doc, a.q), to_claim(doc, b.q)),
    )


def _restated_title_figures(doc: Document, quantities: Sequence[Quantity]
                            ) -> set[tuple[int, int]]:
    """Headline figures whose value the body states too (any subject, same unit family)."""
    body = {(q.value.low, q.value.high, facts.unit_family(q)) for q in quantities
            if q.field == "text"}
    return {(q.start, q.end) for q in quantities if q.field == "title"
            and (q.value.low, q.value.high, facts.unit_family(q)) in body}


def _doc_order(doc: Document) -> tuple[_dt.date, str, str]:
    return (doc.published or _dt.date.min, doc.source or "", doc.id)


def contradictions_across(
    group: Sequence[tuple[Document, Sequence[Quantity]]], tolerance: Decimal
) -> list[Finding]:
    """Conflicts (FC111) and updates (FC121) between the documents of one story.  Each pair of
    documents yields at most one finding per fact key, and none when any of their figures for the
    fact agree.  Documents that both name things but nothing in common (no shared named entity)
    are not compared unless their records share a ``story``: whatever else grouped them, they
    are not reports of one event."""
    docs = sorted(group, key=lambda pair: _doc_order(pair[0]))
    index: dict[str, dict[int, list[Item]]] = defaultdict(lambda: defaultdict(list))
    # a headline figure the body restates is left out (the body's own statement of the figure
    # stands for it), and a figure whose fact no other document can state is compared with
    # nothing
    kept: list[list[Quantity | None]] = []
    for doc, qs in docs:
        restated = _restated_title_figures(doc, qs)
        kept.append([None if q.field == "title" and (q.start, q.end) in restated else q
                     for q in qs])
    wanted, _ = _shared_keys(kept)
    for i, (doc, qs) in enumerate(docs):
        if not any(wanted[i]):
            continue
        for it in items_of(doc, qs, wanted[i]):
            bucket = index[facts.claim_key(it.q)][i]
            if len(bucket) < MAX_PER_KEY:
                bucket.append(it)
    for per_doc in index.values():
        for i, items in per_doc.items():
            # "aged 31, 38 and 52": a list names several members, not versions of one figure
            listed: set[int] = set()
            ordered = sorted(items, key=lambda it: (it.q.field, it.q.start))
            for u, v in zip(ordered, ordered[1:]):
                if u.sentence == v.sentence and u.q.end <= v.q.start and _LIST_JOIN.match(
                        field_text(u.doc, u.q), u.q.end, v.q.start):
                    listed.update((id(u), id(v)))
            if listed:
                per_doc[i] = [it for it in items if id(it) not in listed]
    cache: dict[int, frozenset[str]] = {}

    def names(i: int) -> frozenset[str]:
        if i not in cache:
            from .stories import story_features

            cache[i] = frozenset(f for f in story_features(docs[i][0]) if f.startswith("e:"))
        return cache[i]

    findings: list[Finding] = []
    for per_doc in index.values():
        if len(per_doc) < 2:
            continue
        doc_ids = sorted(per_doc)
        for x, i in enumerate(doc_ids):
            for j in doc_ids[x + 1:x + 1 + MAX_DOC_WINDOW]:
                if docs[i][0].id == docs[j][0].id:
                    continue
                di, dj = docs[i][0], docs[j][0]
                if not (di.story and di.story == dj.story) and names(i) and names(j) \
                        and not names(i) & names(j):
                    continue  # two reports of one story name something in common
                f = _pair_finding(per_doc[i], per_doc[j], tolerance)
                if f is not None:
                    findings.append(f)
    return findings + _verbatim_findings(docs, findings, tolerance)


def _verbatim_findings(docs: Sequence[tuple[Document, Sequence[Quantity]]],
                       found: list[Finding], tolerance: Decimal) -> list[Finding]:
    """FC111 for a sentence two documents print alike but for one figure
    (:mod:`.verbatim`), unless a finding between the two documents already names the figure."""
    from .verbatim import verbatim_conflicts

    named = {(frozenset(d.doc for d in f.claims), c.doc, c.start) for f in found for c in f.claims}
    out: list[Finding] = []
    rl = rule("FC111")
    for da, qa, db, qb in verbatim_conflicts(docs, tolerance):
        pair = frozenset((da.id, db.id))
        if (pair, da.id, qa.start) in named or (pair, db.id, qb.start) in named:
            continue
        out.append(Finding(
            code=rl.code, kind=rl.kind, scope=rl.scope, severity=rl.severity,
            confidence=CROSS_CONFIDENCE,
            message=rl.render(a_where=_doc_where(da, qa), a=phrase(qa, da),
                             b_where=_doc_where(db, qb), b=phrase(qb, db)),
            claims=(to_claim(da, qa), to_claim(db, qb))))
    return out


_DAY_WORD = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|"
                       r"today|tonight)\b")


def _later(x: Document, y: Document) -> bool:
    """Whether report ``x`` comes after ``y`` (an undated one after every dated one)."""
    if x.published is None or y.published is None:
        return x.published is None and y.published is not None
    return x.published > y.published


def _different_days(a: Quantity, b: Quantity) -> bool:
    """Whether two figures are stated for different days named relatively ("on Monday" / "by
    Wednesday", "yesterday" / "today"), as reports published the same day (or undated) may well
    be.  Absolute times ("2022") are compared as the fact's time (:func:`facts.same_fact`)."""
    ta, tb = facts.norm_qualifier(a.subject.time), facts.norm_qualifier(b.subject.time)
    if ta is None or tb is None or facts.qualifier_factor(ta, tb, 1.0) is not None:
        return False  # a time missing, or the same (or overlapping) time
    return bool(_DAY_WORD.search(ta)) and bool(_DAY_WORD.search(tb))


def _pair_finding(left: list[Item], right: list[Item], tolerance: Decimal) -> Finding | None:
    """``left`` is from the earlier (or first in canonical order) document.  A figure that agrees
    with some figure of the other document is not reported; among the remaining conflicting
    pairs the closest in value is (two versions of one figure)."""
    conflicts: list[tuple[Decimal, float, Item, Item]] = []
    agreeing: set[int] = set()
    update: tuple[float, Item, Item] | None = None
    repeated = False
    for a in left:
        for b in right:
            f = facts.same_keyed_fact(a.q, b.q, cross=True)
            if f is None or (a.entities and b.entities and not a.entities & b.entities):
                continue
            if a.years != b.years and (a.years or b.years) and not a.years & b.years:
                continue  # dated figures: "in 2007 ... killed 500" vs "in 2001 ... 145"
            r = facts.ratio(a.q, b.q)
            cumulative = a.cumulative or b.cumulative
            da, db = a.doc.published, b.doc.published
            # Which report is the later one: by publication date, and a document without one
            # (a draft being written, an undated .md file) comes after every dated report.
            ordered = (da is None) != (db is None) or (da is not None and db is not None
                                                       and da != db)
            # "on Monday 30 had died" / "by Wednesday 52 had died": figures for two days are
            # never one fact; only reports in a known order can show a count that grew
            days = _different_days(a.q, b.q)
            if days and not (cumulative and ordered):
                continue
            if cumulative and ordered:
                if r is not None and r > facts.MAX_UPDATE_RATIO or a.years or b.years:
                    continue
                later, earlier = (b, a) if _later(b.doc, a.doc) else (a, b)
                if a.history or b.history:
                    continue  # "two weeks after an ambush in which 12 died": another event
                if a.q.value == b.q.value:
                    repeated = True
                    continue
                if later.q.value.low > earlier.q.value.high and earlier.q.bound != "upper":
                    # ("fewer than 300" then 340 is a contradiction of the cap, not an update)
                    if update is None or f > update[0]:
                        update = (f, earlier, later)
                    continue
                if days:
                    continue  # a later report quoting an earlier day's figure
                # a later report lower than an earlier one is no update: compare as a conflict
            qa = facts.headline_figure(a.q) if a.q.field == "title" else a.q
            qb = facts.headline_figure(b.q) if b.q.field == "title" else b.q
            ivs = facts.comparison_intervals(qa, qb, tolerance)
            if ivs is None:
                continue  # neither compatible nor conflicting
            if ivs[0].overlaps(ivs[1]):  # compatible
                agreeing.update((id(a), id(b)))
                continue
            if cumulative and da is None and db is None:
                continue  # a running count in two undated reports: either may be the later
            if r is not None and r > facts.MAX_RATIO:
                continue
            conflicts.append((r or Decimal(1), f, a, b))  # conflicting
    # A conflict is hidden only when both figures agree with something in the other document
    # (a headline that disagrees on its own is reported even when its body agrees).
    live = [c for c in conflicts if id(c[2]) not in agreeing or id(c[3]) not in agreeing]
    conflict = None
    if live:
        # The pair the two documents disagree on: first figures that agree with nothing in the
        # other document (a figure the other states too is shared, and pairing it with a third
        # figure reports a disagreement each document already has with itself: "169 seats ...
        # the Liberals' 172 seats" in both), then body figures before headline figures (which
        # round), then the closest values.
        _, f, a, b = min(live, key=lambda c: (
            (id(c[2]) in agreeing) + (id(c[3]) in agreeing),
            (c[2].q.field == "title") + (c[3].q.field == "title"),
            c[0], -c[1], c[2].q.start, c[3].q.start))
        conflict = (f, a, b)
    rl: Rule
    if conflict is not None:
        f, a, b = conflict
        rl = rule("FC111")
        conf = CROSS_CONFIDENCE * f
    elif update is not None and not repeated:
        f, a, b = update
        rl = rule("FC121")
        conf = UPDATE_CONFIDENCE * f
    else:
        return None
    return Finding(
        code=rl.code, kind=rl.kind, scope=rl.scope, severity=rl.severity,
        confidence=round(conf, 3),
        message=rl.render(a_where=_doc_where(a.doc, a.q),
                         a=phrase(a.q, a.doc),
                         b_where=_doc_where(b.doc, b.q),
                         b=phrase(b.q, b.doc),
                         change=change_phrase(a.q, b.q, a.doc, b.doc)),
        claims=(to_claim(a.doc, a.q), to_claim(b.doc, b.q)),
    )
