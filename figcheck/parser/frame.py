"""Claim frames: what each figure claims, slot by slot (:class:`figcheck.model.Frame`).

Built once per figure at extraction, from the figure's subject (:mod:`.subject`), the sentence
around it (a bounded window, so the cost per figure is constant) and the one vocabulary
(``figcheck/data/vocabulary.toml``).  The comparator reads frames and never re-reads the text.

Slots and the syntax they come from:

* *measure*: first the figure's own form, when it names what it measures whatever noun the
  subject reader found (:func:`_own_measure`): an age ("Kevin Johnson, 25", "the 42-year-old
  deputy secretary"), a distance, speed, area or temperature counting no noun of its own ("190
  miles east of Moscow"; the vocabulary's measure ``dimensions``), a size or extent ("a 12-inch
  doll", "400 metres wide"), a share of a group, a vote share or an opinion ("68 percent of
  Democrats", "50.3 percent of the vote", "85 percent disapprove"), a per cent's own noun ("38
  percent approval"), what changed ("rates could rise by 25 percent"), an undertaking's cost ("a
  $68B rail project"), a money amount a verb names ("spent $2m" -> spending; the vocabulary's
  measure ``verbs``), a time between two events ("20 weeks later"); else the subject head
  through the vocabulary's measure nouns ("toll" -> "deaths"; people killed are deaths, people
  injured injuries; "killed or wounded" are casualties; money with a punish event is a fine, a
  duration with one a prison sentence).  A bracketed conversion takes the measure and holder of
  the figure it converts;
* *holder*: the figure's own form (an age's person, a share's group, a distance's place: "Mondoro,
  about 60 km away"), a possessive ("Curry's 29 points", "the bank's €140m fine"), an appositive
  ("Kevin Johnson, 25"), the object of a ditransitive punish verb ("fined the bank €140m"), "for
  X" after the figure, else the nearest name in the figure's clause ("the Conservatives won 191
  seats") that is not a preposition's object ("on Obamacare"), a nationality adjective before a
  noun ("Chinese tourists"), the measure itself, or (in a Title Case headline) any word but the
  headline's subject;
* *event*: the subject's event, else a participle, passive or verb next to the figure, through the
  vocabulary's event classes ("wounded" -> injure, "fined" -> punish);
* *aggregation*: cue phrases just before or after the figure (vocabulary), "Of the N, M ...", a
  change's direction or "from A to B";
* *scope*: place and time from the subject (an "X County" of the sentence as the place), the
  absolute year or month the sentence dates the figure to as a period;
* *stance*: negation, dispute, modal and plan cues in the figure's clause (vocabulary);
* *discourse*: update, history and juxtaposition cues of the sentence, a bracketed conversion, a
  list of figures.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Frame, Quantity
from ..vocabulary import vocabulary
from .subject import singular

_SENTENCE_WINDOW = 400
_MODAL_BEFORE, _MODAL_AFTER = 80, 40

_CLAUSE_END = re.compile(r"[,;:]|\s(?:and|but|while|whereas)\s")
_CLAUSE_START = re.compile(r"(?:[;:]|,[ \t]+(?:while|whereas|but|and|although)\b|"
                           r"[ \t](?:while|whereas|but)[ \t])")
_BRACKET_BEFORE = re.compile(
    r"\(\s*(?:about|around|approximately|roughly|some|nearly|almost|c\.|or|up to)?\s*$",
    re.IGNORECASE)
_OF_THE_START = re.compile(r"(?:of|among)\s+(?:the|those|these|its|their|all)\b", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_ALL_BEFORE = re.compile(r"\ball(?:\s+(?:of\s+)?the|\s+of\s+its)?\s+$", re.IGNORECASE)
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:aged\s+)?$")
_PART_OF_NUMBER = re.compile(r"[ \t]+of[ \t]+(?:the|those|these|its|their)\b(?![ \t]+(?:[\d.,]+|"
                             r"some|about|around|nearly|almost|roughly)\b)", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\w-])(?:19|20)\d\d(?![\w-])")
_SINCE_BEFORE = re.compile(r"\b(?:since|from|as of|starting)\b[^.]{0,14}$", re.IGNORECASE)
_BEAT_BY = re.compile(r"\b(?:beat|beating|beaten|defeat(?:ed|ing)?|led|leading|trail(?:ed|ing)?|"
                      r"won|winning|lost|losing|edged|ahead)\b[^.;]{0,40}\bby[ \t]+$",
                      re.IGNORECASE)
_RUNNING_FROM = re.compile(r"\s*(?:since|from|as of|starting|until|through)\b", re.IGNORECASE)
_OF_FIGURE = re.compile(r"[ \t]+(?:out[ \t]+)?of[ \t]+\d")
_FIGURE_OF = re.compile(r"\d[ \t]+(?:out[ \t]+)?of[ \t]+$")
_WHEN_AFTER = re.compile(r",?[ \t]+when\b")
_MONTHS: tuple[str, ...] = ("january", "february", "march", "april", "may", "june", "july",
                            "august", "september", "october", "november", "december")
_MONTH_BEFORE = re.compile(r"\b(%s)\s+$" % "|".join(m.capitalize() for m in _MONTHS))
_ADMIN_PLACE = re.compile(
    r"\b[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2}[ \t](?:County|Province|Region|District|State|Oblast|"
    r"Prefecture|Borough|Parish|Governorate)\b")
_EVENT_AFTER = re.compile(
    r"(?:[ \t]+(?:people|persons|civilians|others|of\s+them|[a-z]+s))?(?:[ \t]+(?:who|that))?"
    r"(?:[ \t]+(?:were|was|are|have|has|had|been|being|now|reportedly|confirmed))*[ \t]+"
    r"(?P<ev>[a-z]+ed|dead|hurt|missing|sent|lost|won|found|sold)\b", re.IGNORECASE)
_PASSIVE_AFTER = re.compile(
    r"(?:[ \t]+(?:of[ \t]+)?(?:the[ \t]+|its[ \t]+|their[ \t]+)?[a-z]+){0,2}?[ \t]+"
    r"(?:were|was|are|is|had[ \t]+been|have[ \t]+been|has[ \t]+been)[ \t]+"
    r"(?P<v>[a-z]{3,}ed|taken|given|stolen|beaten|broken|chosen|driven|hidden|shaken|thrown|"
    r"written|seen|sent|found|sold|lost|won|hit|cut)\b")
_EVENT_BEFORE = re.compile(
    r"\b(?P<ev>evacuation|deaths?|arrests?|injur(?:y|ies)|rescue|destruction|displacement)"
    r"\s+of\s+$", re.IGNORECASE)
_VERB_BEFORE = re.compile(r"\b(?P<v>[a-z]{3,}(?:ed|ing)|lost|cut|won|sold|paid|sent|took|"
                          r"scored|hit|dead)(?:\s+(?:the\s+)?[a-z]+)?\s+(?:to\s+|for\s+)?$")
_POSSESSIVE = re.compile(
    r"(?P<h>(?:the[ \t]+)?(?:[A-Z][\w&.-]*(?:[ \t][A-Z][\w&.-]*)*|[a-z]+))['\u2019]s?[ \t]+"
    r"(?:(?:[a-z-]+|record|new)[ \t]+)?$")
_APPOSITIVE = re.compile(r"(?P<h>[A-Z][a-z'-]+(?:[ \t][A-Z][a-z'-]+)+),[ \t]*$")
_DITRANSITIVE = re.compile(
    r"\b(?:fined|fines|fine|ordered|awarded|paid|pays|gave|owes|owed|sentenced|jailed|charged)"
    r"[ \t]+(?P<h>(?:the[ \t]+)?(?:[A-Z][\w&.-]*(?:[ \t][A-Z][\w&.-]*)*|[a-z]+))[ \t]+"
    r"(?:to[ \t]+|for[ \t]+)?$")
_DITRANSITIVE_HINT = re.compile(r"fine|order|award|paid|pays|gave|owe|sentenc|jail|charg")
_FOR_AFTER = re.compile(r"^(?:[ \t]+[a-z-]+){0,2}[ \t]+for[ \t]+(?:the[ \t]+)?"
                        r"(?P<h>[A-Z][\w&.-]*(?:[ \t][A-Z][\w&.-]*)*)")
_CAP_NAME = re.compile(r"(?<![\w\u2019-])[A-Z][A-Za-z&'\u2019-]*(?:[ \t][A-Z][A-Za-z&'\u2019-]*)*")
_NAME_STOP: frozenset[str] = frozenset(
    """the a an in on at it its this that these those there he she they we but and after before
    when while however meanwhile of for to from by with as mr mrs ms dr monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august september
    october november december according officials police government said says i since then
    also as if so because although though until despite during including under over about
    among between through without within yet still now just only even more most less some
    many much both each every no not nor or here how what where which why whom whose actually
    earlier later last next first new other another such out up down off""".split())
_PRONOUN_HOLDER: frozenset[str] = frozenset({"its", "their", "his", "her", "our", "my", "your",
                                             "it", "they", "he", "she", "we", "who", "that",
                                             "them", "him", "us", "me", "you", "which", "this",
                                             "these", "those", "one", "each", "all"})
_CASUALTY_EVENTS: frozenset[str] = frozenset({"kill or injure", "injure or kill", "kill and injure",
                                              "injure and kill"})
_PEOPLE_HEADS: frozenset[str] = frozenset(
    {"person", "people", "soldier", "troop", "civilian", "fighter", "casualty", "man", "woman",
     "child", "resident", "worker", "victim", "passenger"})
_CASUALTY_AFTER = re.compile(r"^(?:[ \t]+[a-z]+){0,2}[ \t]+(?:killed|dead)[ \t]+(?:or|and)[ \t]+"
                             r"(?:wounded|injured)\b|^(?:[ \t]+[a-z]+){0,2}[ \t]+(?:wounded|"
                             r"injured)[ \t]+(?:or|and)[ \t]+(?:killed|dead)\b")
DEATHS = "deaths"
"""The measure of people killed ("killing 5", "the death toll rose to 52"): the vocabulary's."""
_AGE_AFTER = re.compile(r"[ \t-]*years?[ \t-]old\b", re.IGNORECASE)
_AGE_APPOS_BEFORE = re.compile(
    r"(?P<h>[A-Z][\w'.\u2019-]*(?:[ \t]+[A-Z][\w'.\u2019-]*)*),[ \t]*(?:(?:a|an)[ \t]+|now[ \t]+|"
    r"aged[ \t]+)?$")
_AGE_APPOS_AFTER = re.compile(r"[ \t]*(?:[,;)]|\.(?:\s|$)|$)")
_NP_WORD = re.compile(r"[ \t]+(?P<w>[A-Za-z][\w.'\u2019-]*)")
_NP_STOP: frozenset[str] = frozenset(
    """who which that was is were are has had have and or but from of in at on with near to by
    for said says told after before when while as than""".split())
_APPOS_NAME = re.compile(r",[ \t]+(?P<h>[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*)+)")
_OF_AFTER = re.compile(
    r"[ \t]*(?:\([^()]{0,30}\)[ \t]*)?(?:of[ \t]|in[ \t]+(?!(?:the|a|an|this|that|its|his|her|"
    r"their|each|every|all|total|[A-Z][a-z]+)\b|\d))")
_SIZE_FORM = re.compile(r"-(?:inch|in|foot|ft|centimetre|centimeter|cm|millimetre|millimeter|"
                        r"mm)\b|\d(?:in|cm|mm)[ \t]*\(", re.IGNORECASE)
_WIND = re.compile(r"\bwinds?\b", re.IGNORECASE)
_VOTE_AFTER = re.compile(r"[ \t]+of[ \t]+(?:the|their|his|her|its)[ \t]+(?:popular[ \t]+)?"
                         r"(?:vote|ballots?)\b", re.IGNORECASE)
_GROUP_AFTER = re.compile(
    r"[ \t]+of[ \t]+(?:the[ \t]+|all[ \t]+)?(?P<g>(?:[A-Z][a-z]+[ \t]+)?[A-Z][a-z]+s|"
    r"(?:[a-z]+[ \t]+)?[a-z]+(?:ers|ans|ents|ists|ees|people|adults|women|men|voters))\b")
_OPINION_AFTER = re.compile(
    r"\)?[ \t]+(?:now[ \t]+|also[ \t]+|still[ \t]+)?(?P<v>say|said|says|describe[sd]?|believe[sd]?|"
    r"think|thought|support(?:ed)?|oppose[sd]?|approve[sd]?|disapprove[sd]?|want(?:ed)?|"
    r"favou?r(?:ed)?|back(?:ed)?|report(?:ed)?|agree[sd]?|disagree[sd]?)\b", re.IGNORECASE)
_OPINION_MEASURE: dict[str, str] = {"approve": "approval", "disapprove": "disapproval",
                                    "oppose": "opposition", "support": "support"}
_AWAY_AFTER = re.compile(
    r"\)?[ \t]*(?:\([^()]{0,30}\)[ \t]*)?(?:(?:further|farther|due)[ \t]+)?"
    r"(?:(?:north|south|east|west)(?:[ -]?(?:north|south|east|west))*"
    r"(?:[ -]?(?:north|south|east|west)ward)?|from|off|away|"
    r"outside|inland|offshore|upstream|downstream|across)\b", re.IGNORECASE)
_CHANGE_SUBJECT = re.compile(
    r"\b(?P<np>(?:[a-z][\w-]*[ \t]+){0,1}[a-z][\w-]*s)[ \t]+(?:(?:could|would|will|may|might|has|"
    r"have|had|also|is|are|was|were|been|to)[ \t]+)*(?:rise|rose|risen|rising|fall|fell|fallen|"
    r"falling|drop|dropped|dropping|jump|jumped|climb|climbed|grow|grew|grown|increase|increased|"
    r"decrease|decreased|decline|declined|dip|dipped|surge|surged|soar|soared|plunge|plunged|"
    r"spike|spiked|slump|slumped|tumble|tumbled)(?:[ \t]+(?:by|to))?(?:[ \t]+(?:an?[ \t]+)?"
    r"(?:whopping|average[ \t]+of|estimated|further|another|additional))*[ \t]+$")
"""A plural subject right before a change verb and the figure: what changed ("premiums would
rise by an average of")."""
_BRACKET_NOUN_BEFORE = re.compile(r"\([ \t]*(?P<n>[a-z]{4,})[ \t:]*$")
_AHEAD_AFTER = re.compile(r",?[ \t]+ahead\b")
_LASTED_BEFORE = re.compile(r"\b(?:lasted|lasting|lasts|last)[ \t]+(?:(?:for|more[ \t]+than|"
                            r"nearly|almost|about|over|just)[ \t]+)*$")
_IN_NOUNS_AFTER = re.compile(
    r"[ \t]+in[ \t]+(?!(?:the|a|an|this|that|these|those|its|their|his|her|our|each|every|all|"
    r"total|fiscal|cash|full|part|return|exchange)\b)"
    r"(?P<np>(?:U\.S\.|[A-Z]{2,4}|[a-z][a-z-]+)(?:[ \t]+[a-z][a-z-]+){0,3}?)"
    r"(?=[ \t]*(?:[,.;:)]|$|[ \t]+(?:from|to|for|over|since|each|every|a|an|the|in|on|at|by|"
    r"with|and|or|last|this|that|which|who|as)\b))")
_INTERVAL_AFTER = re.compile(r",?[ \t]+(?:later|after|afterwards|before|earlier)\b")
_FIRST_FOR_BEFORE = re.compile(r"\b(?:first|last|longest|highest|lowest|biggest)[ \t]+"
                               r"(?:time[ \t]+)?(?:in|for)[ \t]+$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"[ \t]+[A-Za-z]")
_NOUN_AFTER = re.compile(r"[ \t]+(?P<n>[a-z][a-z-]{2,})\b(?![ \t]+of\b)")
_NOT_MEASURE_NOUN: frozenset[str] = frozenset(
    """more less fewer higher lower increase decrease rise drop jump fall gain last next this
    that the and or but than from since over under below above among between say says said
    were was are is have has had will would could may might can should each every per a an
    in on at to by for with of off up down after before later earlier year month week day
    annually already still also only just""".split())
_UNDERTAKING: frozenset[str] = frozenset(
    """project hunt plan program programme scheme package bill measure stimulus overhaul
    renovation expansion investigation probe""".split())
"""Nouns an amount of money before which is what the undertaking costs."""
_VERB_JUST_BEFORE = re.compile(
    r"\b(?P<v>[A-Za-z]+)(?:[ \t]+(?:out|up|back|in|north[ \t]+of|of|for))?[ \t]+$")
_SOFT_MODALITIES: frozenset[str] = frozenset({"estimated", "estimate", "reported", "reportedly",
                                              "approximately"})
_PLAN_MODALITIES: frozenset[str] = frozenset({"will", "planned", "set to", "due to", "plan"})
_IRREGULAR: dict[str, str] = {"lost": "lose", "won": "win", "sold": "sell", "paid": "pay",
                              "sent": "send", "took": "take", "found": "find", "hit": "hit",
                              "cut": "cut", "dead": "dead", "hurt": "hurt", "missing": "missing"}
_NEUTRAL_VERBS: frozenset[str] = frozenset(
    """reported reporting recorded recording confirmed confirming registered counted counting
    estimated estimating totalled totaled totalling reached reaching hit stood standing said
    numbered numbering listed including included exceeded exceeding topped topping surpassed
    passed nearly approximately roughly involved involving affected affecting using used
    during according accounting following being having put""".split())


_CHANGE_LEMMAS: frozenset[str] = frozenset(
    """rise fall increase decrease grow climb jump soar surge drop decline edge slip slump plunge
    tumble rebound reach hit top exceed""".split())
_NEUTRAL_LEMMAS: frozenset[str] = frozenset(
    """confirm report record register count estimate total stand say number list include
    involve affect put bring leave make have take get carry hold contain host house see
    remain""".split())


def _word_re(phrases: Sequence[str]) -> re.Pattern[str]:
    alts = sorted({r"[^A-Za-z]+".join(re.escape(w) for w in p.split()) for p in phrases},
                  key=len, reverse=True)
    return re.compile(r"(?<![A-Za-z])(?:%s)(?![A-Za-z])" % ("|".join(alts) or "(?!)"),
                      re.IGNORECASE)


@dataclass(frozen=True)
class _Cues:
    before: re.Pattern[str]
    """Every aggregation's "before" phrases, one named group (``g<i>``) per aggregation."""
    after: re.Pattern[str]
    names: tuple[str, ...]
    """Aggregation name of group ``g<i>``."""
    stance: tuple[tuple[str, re.Pattern[str]], ...]
    discourse: tuple[tuple[str, re.Pattern[str]], ...]


def _alts(phrases: Sequence[str]) -> str:
    alts = sorted({r"[ \t]+".join(re.escape(w) for w in p.split()) for p in phrases},
                  key=len, reverse=True)
    return "|".join(alts) or "(?!)"


@functools.lru_cache(maxsize=1)
def _cues() -> _Cues:
    """The vocabulary's cues compiled: the aggregations' phrases as one expression each way (one
    search per figure, not one per aggregation)."""
    v = vocabulary()
    aggs = v.of("aggregation")
    names = tuple(e.name for e in aggs)
    before = "|".join(f"(?P<g{i}>{_alts(e.before)})" for i, e in enumerate(aggs) if e.before)
    after = "|".join(f"(?P<g{i}>{_alts(e.after)})" for i, e in enumerate(aggs) if e.after)
    stance = tuple((e.name, _word_re(e.words)) for e in v.of("stance") if e.words)
    discourse = tuple((e.name, _word_re(e.words)) for e in v.of("discourse") if e.words)
    return _Cues(
        re.compile(r"(?<![\w-])(?:%s)[ \t]+(?:of[ \t]+)?$" % (before or "(?!)"), re.IGNORECASE),
        re.compile(r"(?:[ \t]+[\w-]+){0,2}?(?:[ \t]+|(?=-))(?:%s)(?![\w])" % (after or "(?!)"),
                   re.IGNORECASE),
        names, stance, discourse)


def _group_name(m: re.Match[str], names: tuple[str, ...]) -> str:
    for k, v in m.groupdict().items():
        if v is not None:
            return names[int(k[1:])]
    return "total"


@dataclass
class _Sentence:
    """What the frames of one sentence's figures share, read once per sentence window."""

    cues: tuple[str, ...]
    """Dispute and discourse cue names of the sentence."""
    stance_at: list[tuple[int, str]]
    """(offset, stance name) of each modal and plan cue ("may" only in lower case)."""
    admin: str | None
    """The first "X County" (Province, Region...) of the sentence."""


def _lemma(verb: str) -> str:
    v = verb.lower()
    if v in _IRREGULAR:
        return _IRREGULAR[v]
    if v.endswith("ied") and len(v) > 4:
        return v[:-3] + "y"  # "carried" -> "carry"
    for suf in ("ing", "ed"):
        if v.endswith(suf):
            stem = v[: -len(suf)]
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
                stem = stem[:-1]
            return stem
    return v


def event_class(word: str | None) -> str | None:
    """The vocabulary's event class of a verb, participle or noun ("fined" -> "punish"), else
    its lemma; None for none."""
    if not word:
        return None
    w = " ".join(word.lower().split())
    ev = vocabulary().event_of_word
    for cand in (w, _lemma(w), w + "e", _lemma(w) + "e", w[:-1] if w.endswith("s") else w):
        got = ev.get(cand)
        if got is not None:
            return got
    return _lemma(w)


def _norm_head(head: str | None) -> str | None:
    if not head:
        return None
    return " ".join(head.lower().split()) or None


def _norm_name(raw: str) -> str | None:
    words = [w for w in re.split(r"[ \t]+", raw.replace("\u2019", "'").strip()) if w]
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
        return words[0].lower().removesuffix("'s")  # "US", "UK", "EU": not the pronoun "us"
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    name = " ".join(words).lower().removesuffix("'s").strip("'-. ")
    if not name or name in _PRONOUN_HOLDER or name in _NAME_STOP or len(name) < 2 or any(
            c.isdigit() for c in name):
        return None
    return name


def _clause_start(text: str, s: int, a: int) -> int:
    lo = max(s, a - 90)
    for m in _CLAUSE_START.finditer(text, lo, a):
        lo = m.end()
    return lo


def _holder(text: str, s: int, a: int, b: int, e: int, q: Quantity,
            measure: str | None = None) -> str | None:
    lo = max(s, a - 80)
    before = text[lo:a]
    near = before[-40:]
    pats: list[re.Pattern[str]] = []
    if "'" in near or "\u2019" in near:
        pats.append(_POSSESSIVE)
    if near.rstrip().endswith(","):
        pats.append(_APPOSITIVE)
    if _DITRANSITIVE_HINT.search(near):
        pats.append(_DITRANSITIVE)
    for pat in pats:
        m = pat.search(before)
        if m:
            got = _norm_name(m.group("h"))
            if got:
                return got
    m = _FOR_AFTER.match(text[b:min(e, b + 60)])
    if m:
        got = _norm_name(m.group("h"))
        if got:
            return got
    # a name inside the subject ("Coastal shares", "UK consumer price inflation")
    head_words = set((q.subject.head or "").lower().split())
    names = [w for w in (q.subject.text or "").split()
             if w[:1].isupper() and w.lower().strip("'\u2019") not in _NAME_STOP and "-" not in w
             and (q.field != "title" or any(c.isupper() for c in w[1:]))

             and w.lower().rstrip("s") not in head_words and w.lower() not in head_words]
    if names and (q.subject.text or "").split()[-1] not in names:
        got = _norm_name(" ".join(names))
        if got:
            return got
    # the nearest name in the figure's clause before it (not the attribution, place or time)
    c0 = _clause_start(text, s, a)
    drop = set()
    for qual in (q.subject.attribution, q.subject.place, q.subject.time):
        drop |= set((qual or "").lower().replace("'s", "").split())
    best: str | None = None
    title = q.field == "title"
    own_words = {singular(w) for w in (measure or '').lower().split()}
    for m in _CAP_NAME.finditer(text, c0, a):
        if title and m.start() > c0:
            break  # in Title Case every word is capitalised: only the headline's subject
        possessive = m.group(0).endswith(("'s", "\u2019s"))
        if not possessive and _PREP_BEFORE.search(text, max(c0, m.start() - 12), m.start()):
            continue  # "on Obamacare", "by ISIS": not whose the figure is
        words = [w for w in m.group(0).split() if w.lower().strip("'\u2019") not in _NAME_STOP]
        if m.start() == s and words and words[0] == m.group(0).split()[0]:
            first = words[0]
            nxt = _NEXT_WORD.match(text, m.end())
            if not (first.endswith(("'s", "\u2019s")) or any(c.isupper() for c in first[1:])
                    or len(words) > 1 or (nxt and (not first.endswith("s")
                                                   or first.endswith(("ans", "ats"))) and (
                        nxt.group(1).endswith(("ed", "es")) or nxt.group(1) in vocab_words()
                        or nxt.group(1) in _FINITE or nxt.group(1).endswith("s")
                        and len(nxt.group(1)) > 3 and not nxt.group(1).endswith("ss")))):
                # a sentence-initial word is a name as "Japan's", "BBC", "Curry scored"
                words = words[1:]
        words = [w for w in words if w.lower().removesuffix("'s").strip("'\u2019") not in drop
                 and singular(w.lower()) not in own_words]
        if words:
            best = _norm_name(" ".join(words))
    return best


_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")
_FINITE: frozenset[str] = frozenset(
    """paid made spent won lost sold hit set cut put got took gave ran has had have is are was
    were will would can could may might must should did does do""".split())
"""Finite verbs after a sentence-initial word that make it the clause's subject ("IRS paid")."""
_PREP_BEFORE = re.compile(r"\b(?:on|in|by|at|from|to|for|with|of|into|about|over|against|"
                          r"under|via|through|across|than|like|near)[ \t]+(?:the[ \t]+)?$",
                          re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def vocab_words() -> frozenset[str]:
    """Every word of the vocabulary's event classes."""
    return frozenset(vocabulary().event_of_word)


@functools.lru_cache(maxsize=1)
def _qualifier_words() -> tuple[frozenset[str], frozenset[str]]:
    v = vocabulary()
    return (frozenset(v.words("qualifier", "narrowing")),
            frozenset(v.words("qualifier", "not_narrowing")))


_MOD_STOP: frozenset[str] = frozenset(
    """a an the this that these those its their his her our some about around nearly almost
    more than over under fewer less least most up to as many much of and or per each every
    other such all both only just roughly approximately estimated total overall some another
    people person""".split())
"""Subject words that never narrow what is counted."""
_SUBJECT_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _narrowing(text: str | None, head: str | None, event: str | None) -> tuple[str, ...]:
    """The words of the subject besides its head that narrow what is counted, in order
    ("core", "uninjured"): the vocabulary's narrowing words and participles in -ed (not the
    figure's own event: "the 15 hospitalised children" are what was hospitalised).  Capitalised
    words (names) are left out, except a sentence-initial one ("Core inflation")."""
    if not text:
        return ()
    narrowing, neutral = _qualifier_words()
    head_words = set((head or "").split())
    out: list[str] = []
    for i, m in enumerate(_SUBJECT_WORD.finditer(text)):
        raw = m.group(0)
        if raw[:1].isupper() and i > 0:
            continue
        w = raw.lower()
        if w in head_words or w.rstrip("s") in head_words or w in out or \
                singular(w) in head_words:
            continue
        if w in narrowing or ("-" in w and not raw[:1].isupper() or i == 0 and "-" in w) or (
                w.endswith("ed") and len(w) > 4 and w not in neutral
                and event_class(w) != event) or (
                not raw[:1].isupper() and w not in _MOD_STOP and not w.endswith(("ing", "ly"))
                and w not in neutral and len(w) > 2):
            out.append(w)
    return tuple(out)


_SET_EVENTS: frozenset[str] = frozenset(
    {"kill", "injure", "arrest", "hospitalise", "infect", "displace", "rescue", "evacuate",
     "destroy", "damage"})


@functools.lru_cache(maxsize=1)
def _event_classes() -> frozenset[str]:
    return frozenset(e.name for e in vocabulary().of("event"))


def _participle_event(text: str | None, head: str | None) -> str | None:
    """The event class of a lower-case participle in the subject ("wounded soldiers")."""
    if not text:
        return None
    classes = _event_classes()
    for m in _SUBJECT_WORD.finditer(text):
        w = m.group(0)
        if w[:1].isupper() or not w.endswith(("ed", "en")) or w.lower() in (head or ""):
            continue
        got = vocabulary().event_of_word.get(w.lower())
        if got in classes:
            return got
    return None


def _period(text: str, s: int, e: int, a: int, time: str | None
            ) -> tuple[_dt.date | None, _dt.date | None]:
    """The absolute period a figure's sentence dates it to: one year (or a month of it) named in
    the subject's time or, failing that, the only dating year of the sentence."""
    cands: list[tuple[int, int]] = []  # (year, month or 0)
    src = time or ""
    if _RUNNING_FROM.match(src):
        return None, None  # "since 1 October 2024": the start of a running count
    for m in _YEAR.finditer(src):
        mm = _MONTH_BEFORE.search(src, 0, m.start())
        cands.append((int(m.group(0)), _MONTHS.index(mm.group(1).lower()) + 1 if mm else 0))
    if not cands:
        years = set()
        for m in _YEAR.finditer(text, s, e):
            if m.start() <= a <= m.end():
                continue
            if _SINCE_BEFORE.search(text, max(s, m.start() - 24), m.start()) and not \
                    _WHEN_AFTER.match(text, m.end()):
                return None, None  # "since 2022": the start of a running count, not a period
            years.add(int(m.group(0)))
        if len(years) == 1:
            cands.append((years.pop(), 0))
    if len(cands) != 1:
        return None, None
    y, mo = cands[0]
    if mo:
        end = _dt.date(y + (mo == 12), mo % 12 + 1, 1) - _dt.timedelta(days=1)
        return _dt.date(y, mo, 1), end
    return _dt.date(y, 1, 1), _dt.date(y, 12, 31)


def _verb_measure(word: str) -> str | None:
    """The vocabulary's measure of an amount a verb governs ("spent" -> "spending"), trying the
    word and its lemma."""
    table = _verb_measures()
    w = word.lower()
    for cand in (w, _lemma(w), _lemma(w) + "e", w[:-1] if w.endswith("s") else w,
                 w[:-2] if w.endswith("es") else w):
        got = table.get(cand)
        if got is not None:
            return got
    return None


@functools.lru_cache(maxsize=1)
def _verb_measures() -> dict[str, str]:
    out: dict[str, str] = {}
    for entry in vocabulary().of("measure"):
        for v in entry.verbs:
            out.setdefault(v, entry.name)
    return out


@functools.lru_cache(maxsize=1)
def _dimension_measures() -> dict[str, str]:
    out: dict[str, str] = {}
    for entry in vocabulary().of("measure"):
        for d in entry.dimensions:
            out.setdefault(d, entry.name)
    return out


def _noun_phrase_after(text: str, i: int, e: int) -> str | None:
    """The noun phrase that starts at ``i`` ("girl", "deputy secretary, Justin Muzinich", "former
    New York City Mayor Mike Bloomberg"): its proper name if it ends in one (or an appositive
    name follows it), else its last word."""
    words: list[str] = []
    end = i
    while len(words) < 7:
        m = _NP_WORD.match(text, end, e)
        if m is None:
            break
        w = m.group("w")
        lw = w.lower()
        if lw in _NP_STOP or (words and not w[:1].isupper() and (lw.endswith(("ly", "ed"))
                                                                 or lw in vocab_words())):
            break
        words.append(w.rstrip(".'\u2019"))
        end = m.end()
    if not words:
        return None
    ap = _APPOS_NAME.match(text, end, e)
    if ap is not None:
        return ap.group("h")
    caps: list[str] = []
    for w in reversed(words):
        if not w[:1].isupper():
            break
        caps.insert(0, w)
    return " ".join(caps) if caps else words[-1]


_PERSON_SUFFIX: tuple[str, ...] = ("er", "or", "ist", "ian", "ant", "ent", "ee", "man", "woman",
                                  "child", "boy", "girl", "grant")


def _counts_people(q: Quantity, head: str | None) -> bool:
    """Whether a plain count counts people: a people noun ("passengers", "firefighters",
    "migrants", "doctors") or no noun at all ("kills at least 9")."""
    if q.dimension != "count" or q.unit is not None:
        return False
    if head is None:
        return True
    last = head.split()[-1]
    return last in _PEOPLE_HEADS or last.endswith(_PERSON_SUFFIX)


_EXTENT: dict[str, str] = {"wide": "width", "long": "length", "high": "height", "tall": "height",
                           "deep": "depth", "thick": "thickness", "across": "width"}
_EXTENT_AFTER = re.compile(r"[ \t]*(?:\([^()]{0,30}\)[ \t]*)?(?P<a>wide|long|high|tall|deep|thick|"
                           r"across)\b", re.IGNORECASE)
_PLACE_APPOS_BEFORE = re.compile(
    r"(?P<h>[A-Z][\w'\u2019-]*(?:[ \t]+[A-Z][\w'\u2019-]*){0,3}),[ \t]*(?:(?:which|that)[ \t]+"
    r"(?:is|was|lies|sits)[ \t]+|(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+){0,4}?)?$")
_WORDS_AFTER = re.compile(r"[ \t]*(?:\([^()]{0,30}\))?(?P<w>(?:[ \t]+[a-z][a-z-]*){1,3})")
def _own_measure(text: str, s: int, a: int, b: int, e: int, q: Quantity, measure: str | None
                 ) -> tuple[str, str | None] | None:
    """(measure, holder) when the figure's own form names what it measures, whatever noun the
    subject reader found: an age ("Kevin Johnson, 25", "the 42-year-old deputy secretary"), a
    distance, speed or area counting no noun ("190 miles east of Moscow"), a share of a group
    ("68 percent of Democrats", "36 percent describe themselves"), a vote share, an amount a
    verb names ("spent $2m" -> spending).  The holder is None when the frame's own rules should
    find it, "" when there is none."""
    lead = text[max(s, a - 60):a]
    dim = q.dimension
    # -- an age -------------------------------------------------------------------------
    if dim in ("duration", "count") and (q.unit in (None, "year")) and q.per is None:
        after_age = None
        if q.text.lower().rstrip().endswith("old") and "year" in q.text.lower():
            after_age = b
        else:
            m = _AGE_AFTER.match(text, b, e)
            if m is not None:
                after_age = m.end()
        ap = _AGE_APPOS_BEFORE.search(lead)
        whole = q.value.low == q.value.high and q.value.low == q.value.low.to_integral_value()
        if after_age is not None:
            if ap is not None and lead.rstrip().endswith((" a", " an")):
                return "age", _norm_name(ap.group("h")) or ""
            got = _noun_phrase_after(text, after_age, e)
            return "age", (_norm_name(got) if got and got[:1].isupper() else
                           (got or "").lower()) or ""
        if ap is not None and whole and 0 < q.value.low <= 120 and q.text.strip().isdigit() \
                and not lead.rstrip().endswith((" a", " an")) \
                and _AGE_APPOS_AFTER.match(text, b, e):
            return "age", _norm_name(ap.group("h")) or ""
    # -- a distance, a speed, an area ------------------------------------------------------
    dm = _dimension_measures().get(dim)
    if dim == "length" and q.per is None and _SIZE_FORM.search(text, a, min(e, b + 6)):
        return "size", None  # "a 12-inch doll", "an 8in (200 mm) disk"
    if dim == "length" and q.per is None:
        adj = _EXTENT_AFTER.match(text, b, e) if not measure else None
        if adj is not None:  # "400 metres wide", "a mile long", "30 feet deep"
            return _EXTENT[adj.group("a").lower()], None
    if dm is not None and q.per is None and not _OF_AFTER.match(text, b, e) and (
            dim != "length" or not measure or _AWAY_AFTER.match(text, b, e)):
        if dim == "length":
            ap = _PLACE_APPOS_BEFORE.search(lead)  # "Mondoro, about 60 km away"
            if ap is not None:
                return dm, _norm_name(ap.group("h")) or None
        if dim == "speed" and _WIND.search(text, max(s, a - 40), min(e, b + 30)):
            return "wind speed", None
        return dm, None
    if dim == "speed" and q.unit is not None:
        return (("wind speed" if _WIND.search(text, max(s, a - 40), min(e, b + 30)) else
                 _dimension_measures().get("speed", "speed")), None)
    # -- a noun naming the figure in brackets ("(population 1.75m)") -----------------------
    br = _BRACKET_NOUN_BEFORE.search(lead)
    if br is not None and br.group("n").lower() not in _NOT_MEASURE_NOUN:
        return singular(br.group("n").lower()), None
    # -- a lead ("40,000 votes, or 2 percentage points, ahead") -----------------------------
    if _AHEAD_AFTER.match(text, b, e):
        return "lead", None
    # -- how long something lasted ("a strike that lasted six years") ----------------------
    if dim == "duration" and _LASTED_BEFORE.search(lead):
        return "duration", None
    # -- a time between two events ("20 weeks later", "first for four years") ---------------
    if dim == "duration" and _INTERVAL_AFTER.match(text, b, e) or dim == "duration" and \
            _FIRST_FOR_BEFORE.search(lead):
        return "interval", None
    # -- a share of a group, a vote share, an opinion --------------------------------------
    if dim == "ratio" and q.unit in ("percentage", "percent"):
        if _VOTE_AFTER.match(text, b, e):
            return "vote share", None
        g = _GROUP_AFTER.match(text, b, e)
        if g is not None:
            return "share", _norm_name(g.group("g")) or g.group("g").lower()
        op = _OPINION_AFTER.match(text, b, e)
        if op is not None and q.direction is None:
            v = op.group("v").lower()
            return next((m for k, m in _OPINION_MEASURE.items() if v.startswith(k[:-1])),
                        "share"), ""
        nn = _NOUN_AFTER.match(text, b, e)
        if nn is not None and nn.group("n").lower() not in _NOT_MEASURE_NOUN and \
                q.direction is None and not nn.group("n").lower().endswith(("ly", "ed")):
            return singular(nn.group("n").lower()), None  # "38 percent approval", "a 20% cut"
    # -- what an undertaking costs ("a $68B rail project", "the $1.1 trillion spending bill")
    if dim == "currency" and measure and measure.split()[-1] in _UNDERTAKING and \
            _WORD_AFTER.match(text, b, e):
        after = _WORDS_AFTER.match(text.lower(), b, e)
        said = set(measure.split()) | set(after.group("w").lower().split() if after else ())
        return ("spending" if "spending" in said else "cost"), None
    # -- money "in" what it is ("$85 billion in bonds", "$60 billion in U.S. imports") -------
    if dim == "currency":
        inn = _IN_NOUNS_AFTER.match(text, b, e)
        if inn is not None:
            nouns = [w for w in inn.group("np").lower().split() if w not in _NOT_MEASURE_NOUN]
            if nouns and (not measure or not set(measure.split()) & {singular(w) for w in nouns}):
                return singular(nouns[-1]), None
    # -- what changed ("rates could rise by a whopping 25 percent") -------------------------
    if dim in ("ratio", "currency") and q.per is None:
        ch = _CHANGE_SUBJECT.search(lead)
        if ch is not None:
            np = [w for w in ch.group("np").lower().split() if w not in _MOD_STOP]
            if np and (not measure or not set(measure.split()) & set(np)):
                return singular(np[-1]), None
    # -- an amount a verb names ------------------------------------------------------------
    if dim == "currency" and not _OF_AFTER.match(text, b, e):
        vb = _VERB_JUST_BEFORE.search(lead)
        if vb is not None:
            got = _verb_measure(vb.group("v"))
            if got is not None:
                return got, None
    return None


def _sentence(text: str, s: int, e: int, cache: dict[tuple[int, int], _Sentence] | None
              ) -> _Sentence:
    """:class:`_Sentence` of ``text[s:e]``, once per sentence window."""
    key = (s, e)
    if cache is not None:
        got = cache.get(key)
        if got is not None:
            return got
    cues = _cues()
    found = tuple(name for name, pat in cues.stance if name == "disputed" and pat.search(text, s, e)
                  ) + tuple(name for name, pat in cues.discourse if pat.search(text, s, e))
    at: list[tuple[int, str]] = []
    for name, pat in cues.stance:
        if name not in ("modal", "plan"):
            continue
        for m in pat.finditer(text, s, min(len(text), e + _MODAL_AFTER)):
            if m.group(0).lower() == "may" and m.group(0) != "may":
                continue  # "in May" is a month
            at.append((m.start(), name))
    at.sort()
    pm = _ADMIN_PLACE.search(text, s, e)
    out = _Sentence(found, at, pm.group(0) if pm else None)
    if cache is not None:
        cache[key] = out
    return out


def build(text: str, sentence: tuple[int, int], q: Quantity,
          figures: Sequence[tuple[int, int]] = (),
          cache: dict[tuple[int, int], _Sentence] | None = None) -> Frame:
    """The frame of figure ``q`` in ``text`` (its field), ``sentence`` the sentence's bounds and
    ``figures`` the spans of the sentence's other figures in text order (nearest ones suffice)."""
    a, b = q.start, q.end
    s, e = sentence
    if not (0 <= s <= a <= b <= e <= len(text)):
        s, e = min(max(0, s), a), max(min(e, len(text)), b)
    if e - s > 2 * _SENTENCE_WINDOW:
        # a long "sentence" (a table, text without full stops) is read in a window around the
        # figure (constant work per figure); an ordinary one is read once for all its figures
        s, e = max(s, a - _SENTENCE_WINDOW), min(e, b + _SENTENCE_WINDOW)
    cues = _cues()
    subj = q.subject
    head = _norm_head(subj.head)
    vocab = vocabulary()

    # -- event -----------------------------------------------------------------------------
    raw_event = subj.event
    ev: str | None = event_class(raw_event) if raw_event else None
    if raw_event and " or " in raw_event or raw_event and " and " in raw_event:
        ev = " ".join(event_class(w) or w for w in raw_event.split())
    casualties = (ev in _CASUALTY_EVENTS and head in _PEOPLE_HEADS) or bool(
        head in _PEOPLE_HEADS and _CASUALTY_AFTER.match(text, b, min(e, b + 60)))
    if casualties:
        ev = None
    whole = bool(_ALL_BEFORE.search(text, max(s, a - 16), a))
    if whole:
        ev = None  # "All 168 passengers were evacuated": the whole set, whatever happened to it
    elif ev in _CHANGE_LEMMAS and q.direction is None:
        ev = None  # "rose to 4.1%", "has climbed to 90": a level, no event
    if ev is None and not casualties and not whole:
        m = _EVENT_AFTER.match(text, b, min(e, b + 50)) or _EVENT_BEFORE.search(
            text, max(s, a - 20), a)
        word = m.group("ev") if m else None
        if word is None or word.lower() in _NEUTRAL_VERBS:
            pv = _PASSIVE_AFTER.match(text, b, min(e, b + 60))
            word = pv.group("v") if pv and pv.group("v").lower() not in _NEUTRAL_VERBS else None
        if word is None:
            vb = _VERB_BEFORE.search(text, max(s, a - 30), a)
            word = vb.group("v") if vb and vb.group("v").lower() not in _NEUTRAL_VERBS else None
        if word is not None and word.lower() not in _NEUTRAL_VERBS:
            ev = event_class(word)
            if ev in _CHANGE_LEMMAS and q.direction is None:
                ev = None
    if ev in _NEUTRAL_LEMMAS:
        ev = None  # "48 confirmed cases", "reported 30": the telling, not an event

    # a participle naming what happened to the set counted ("the 32 wounded soldiers
    # evacuated"): the set is the wounded, so that is the event
    set_event = _participle_event(subj.text, head)
    if set_event is not None and (ev is None or set_event in _SET_EVENTS) and not (
            casualties or whole):
        ev = set_event

    # -- measure ---------------------------------------------------------------------------
    measure = vocab.measure_of_head.get(head or "", head)
    narrowing = tuple(w for w in _narrowing(subj.text, head, ev) if event_class(w) != ev)
    if measure and narrowing:
        measure = " ".join((*narrowing, measure))  # "core inflation", "uninjured passenger"
    holder_override: str | None = None
    own = _own_measure(text, s, a, b, e, q, measure)
    if own is not None:
        measure, holder_override = own
    if casualties:
        measure = "casualty"
    elif _counts_people(q, head) and ev == "kill" or measure == DEATHS:
        measure = DEATHS
    elif _counts_people(q, head) and ev == "injure":
        measure = "injuries"
    elif ev == "punish" and q.dimension == "currency":
        measure = "fine"  # "fined the bank 140m euros": the head the parser found is the payer
    elif ev == "punish" and q.dimension == "duration":
        measure = "prison sentence"
    if measure == DEATHS:
        ev = "kill"  # the deaths carry their event in their name
    elif measure == "casualty":
        ev = None  # casualties are the killed and the wounded, whatever the verb

    # -- aggregation -----------------------------------------------------------------------
    discourse: list[str] = []
    agg = "total"
    lead = text[max(s, a - 24):a]
    tail = text[b:min(e, b + 40)]
    if q.direction is not None:
        agg = "change"
    elif q.bound == "range" and (q.text.lower().startswith("from")
                                 or _FROM_BEFORE.search(text, max(s, a - 8), a)):
        agg = "change"
        discourse.append("endpoints")  # "from 2,000 to 5,800": a change's two levels
    else:
        cue = cues.after.match(tail) or cues.before.search(lead)
        if cue is not None:
            agg = _group_name(cue, cues.names)
        elif " by" in text[max(s, a - 8):a] and _BEAT_BY.search(text, max(s, a - 60), a):
            agg = "comparison"  # "beating the incumbent by fewer than 4,000 votes"
        elif _PART_OF_NUMBER.match(tail) or _OF_FIGURE.match(tail):
            agg = "part"  # "16 of the 43 passengers", "Caption 17 of 33"
        elif _OF_THE_START.match(text, s, a) and any(s <= f0 < a for f0, _ in figures):
            agg = "part"  # "Of the 1,200 flights cancelled, 700 were domestic"
    if _BRACKET_BEFORE.search(text, max(s, a - 16), a):
        discourse.append("converted")
    if _FIGURE_OF.search(lead):
        discourse.append("listed")  # the 33 of "17 of 33 photos": a count of its own list
    for f0, f1 in figures:
        if (f1 <= a and a - f1 <= 12 and _LIST_JOIN.match(text, f1, a)) or (
                f0 >= b and f0 - b <= 12 and _LIST_JOIN.match(text, b, f0)):
            discourse.append("listed")
            break

    # -- stance ----------------------------------------------------------------------------
    stop = _CLAUSE_END.search(text, b, min(e, b + _MODAL_AFTER))
    lo, hi = max(s, a - _MODAL_BEFORE), stop.start() if stop else min(e, b + _MODAL_AFTER)
    stance = "asserted"
    info = _sentence(text, s, e, cache)
    sent_cues = info.cues
    mod = (subj.modality or "").strip().lower()
    found = {name for pos, name in info.stance_at if lo <= pos < hi}
    if subj.negated:
        stance = "negated"
    elif "disputed" in sent_cues:
        stance = "disputed"
    elif "modal" in found or (mod and mod not in _SOFT_MODALITIES and mod not in _PLAN_MODALITIES):
        stance = "modal"
    elif "plan" in found or mod in _PLAN_MODALITIES:
        stance = "plan"

    discourse.extend(c for c in sent_cues if c != "disputed")

    place = subj.place or info.admin
    p0, p1 = _period(text, s, e, a, subj.time)
    return Frame(
        measure=measure, holder=(holder_override if holder_override is not None
                                 else _holder(text, s, a, b, e, q, measure)) or None, event=ev,
        aggregation=agg,
        place=place, time=subj.time, period_start=p0, period_end=p1,
        stance=stance,
        attribution=subj.attribution, discourse=tuple(sorted(set(discourse))),
    )


def with_frames(text: str, quantities: Sequence[Quantity],
                sentences: Sequence[tuple[int, int]]) -> list[Quantity]:
    """``quantities`` (one field's, in text order) with their frames; ``sentences[i]`` is the
    sentence of ``quantities[i]``."""
    out: list[Quantity] = []
    n = len(quantities)
    cache: dict[tuple[int, int], _Sentence] = {}
    for i, q in enumerate(quantities):
        sent = sentences[i]
        figs = [(p.start, p.end) for p in quantities[max(0, i - 4):min(n, i + 5)]
                if p is not q and sent[0] <= p.start < sent[1] and p.kind == q.kind
                and p.dimension == q.dimension]
        try:
            frame = build(text, sent, q, figs, cache)
        except Exception:  # noqa: BLE001 - a frame bug must not lose the figure
            frame = Frame()
        if "converted" in frame.discourse and out and out[-1].end <= q.start and \
                sent[0] <= out[-1].start and out[-1].dimension == q.dimension:
            # "an altitude of about 2,850 metres (9,350 feet)": the conversion states the same
            # figure, so it has the same measure and holder
            prev = out[-1].frame
            frame = frame.model_copy(update={"measure": prev.measure or frame.measure,
                                             "holder": prev.holder or frame.holder})
        out.append(q.model_copy(update={"frame": frame}))
    return out


# -- context: the content words of a figure's sentence, for the comparator's lexical features --

CONTEXT_WORDS: int = 24
"""How many content words of its sentence a figure's frame keeps (the nearest ones)."""
_CONTEXT_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*[A-Za-z]|[A-Za-z]")
_CONTEXT_STOP: frozenset[str] = frozenset(
    """a an the this that these those there here it its it's they them their theirs he him his
    she her hers we us our you your i me my mine who whom whose which what when where why how
    and or but nor so yet if then than as at by for from in into of off on onto out over to up
    upon with within without about above across after against along among around before behind
    below beneath beside between beyond during except inside near since through throughout till
    toward towards under until via per be is are was were been being am have has had having do
    does did doing done will would shall should can could may might must not no yes also just
    only even still more most less least much many some any all each every both either neither
    other another such same own very too quite rather about almost nearly roughly around
    approximately some said says say saying told tell according added adding reported mr mrs ms
    dr one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands million millions billion billions trillion percent per
    cent dozen dozens half quarter third first second last new least least however while
    whereas although though because whether which year years""".split())
"""Function words, reporting verbs and number words: what every figure's sentence has."""
_TITLE_CASE_SHARE = 0.85
"""A sentence whose content words are nearly all capitalised is in title case (a headline): its
capitals mark no names."""


@functools.lru_cache(maxsize=8192)
def _context_stem(word: str) -> str:
    """A crude, consistent stem of a lower-case word ("killed", "kills" -> "kill";
    "injured", "injures" -> "injur")."""
    w = singular(word)
    if w.endswith("ing") and len(w) > 5:
        w = _lemma(w)
    elif w.endswith("ed") and len(w) > 4:
        w = _lemma(w)
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


def _context_tokens(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    """(start, end, word) of the content words of ``text[s:e]``: names keep their capital."""
    raw = [(m.start(), m.end(), m.group(0).replace("\u2019", "'")) for m in
           _CONTEXT_WORD.finditer(text, s, e)]
    words = [w for _, _, w in raw if w.lower() not in _CONTEXT_STOP]
    title_case = bool(words) and sum(w[:1].isupper() for w in words) > _TITLE_CASE_SHARE * len(
        words) and len(words) > 2
    out: list[tuple[int, int, str]] = []
    for i, (a, b, w) in enumerate(raw):
        low = w.lower().removesuffix("'s").strip("'-")
        if not low or low in _CONTEXT_STOP or len(low) < 2:
            continue
        if w[:1].isupper() and i > 0 and not title_case and low not in _NAME_STOP:
            out.append((a, b, low[:1].upper() + low[1:]))  # a name
        else:
            out.append((a, b, _context_stem(low)))
    return out


def with_context(text: str, quantities: Sequence[Quantity],
                 sentences: Sequence[tuple[int, int]]) -> list[Quantity]:
    """``quantities`` (one field's, in text order, with their frames) with their frames'
    ``context``: the content words of each figure's sentence (a window of a long one), nearest
    first; ``sentences[i]`` is the sentence of ``quantities[i]``."""
    out: list[Quantity] = []
    cache: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    for q, (s, e) in zip(quantities, sentences):
        a, b = q.start, q.end
        if e - s > 2 * _SENTENCE_WINDOW:
            s, e = max(s, a - _SENTENCE_WINDOW), min(e, b + _SENTENCE_WINDOW)
        toks = cache.get((s, e))
        if toks is None:
            toks = cache[(s, e)] = _context_tokens(text, s, e)
        near = sorted((a - t1 if t1 <= a else t0 - b, w) for t0, t1, w in toks
                      if t1 <= a or t0 >= b)
        seen: dict[str, None] = {}
        for _, w in near:
            seen.setdefault(w, None)
            if len(seen) >= CONTEXT_WORDS:
                break
        out.append(q.model_copy(update={"frame": q.frame.model_copy(
            update={"context": tuple(seen)})}))
    return out
