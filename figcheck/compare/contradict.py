"""Contradictions: the same fact stated with incompatible figures, within one article (FC101,
FC102) or between the documents of one story (FC111), and updates of cumulative counts between
reports (FC121).

The comparator reads each figure's claim frame (:class:`figcheck.model.Frame`, built by the
parser) and never the text.  Figures are indexed by :func:`fact_key` (the frame's measure and the
unit family), so work grows with the size of each key bucket, bounded per figure: within an
article a body figure meets the :data:`WITHIN_WINDOW` nearest earlier figures of its key, a
headline figure the first :data:`MAX_PER_KEY` body figures; between documents each document
meets the next :data:`MAX_DOC_WINDOW` documents stating the fact.  Whether two figures state one
fact is the scored decision :func:`figcheck.compare.decide.same_fact`; a finding's confidence is
its score and names the slots that matched.  Two figures of one fact *conflict* when their
comparison intervals are disjoint (:mod:`figcheck.intervals`).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from ..model import Claim, Document, Finding, Interval, Quantity
from ..vocabulary import vocabulary
from . import facts
from .decide import Decision, same_fact
from .rules import Rule
from .rules import get as rule
from .text import Tally, cap, change_phrase, phrase, where

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

MAX_UPDATE_RATIO: Decimal = Decimal(4)
"""A running count that grows more than this many times between reports is not taken as an
update of one count (FC121 is said only for plausible growth)."""

CUMULATIVE_MEASURES: frozenset[str] = frozenset(vocabulary().words("class", "cumulative"))
CUMULATIVE_EVENTS: frozenset[str] = frozenset(
    vocabulary().entry("class", "cumulative").words_of("events"))
"""Running counts: a later report may raise them (an update, FC121), an article may tell how they
grew ("initially 30 ... now 52").  The vocabulary's class "cumulative"."""

GENERIC_MEASURES: frozenset[str] = frozenset(vocabulary().words("class", "generic"))
"""Measures that say too little on their own: figures of them meet only with an event.  The
vocabulary's class "generic"."""

_EXCLUDED_DISCOURSE: frozenset[str] = frozenset({"converted", "listed", "endpoints", "history"})


@dataclass(slots=True)  # not frozen (a frozen dataclass is slower to build); never mutated
class Item:
    doc: Document
    q: Quantity
    sentence: tuple[str, int]
    """(field, sentence number): figures in one sentence are never compared."""
    cumulative: bool
    update_cue: bool
    juxtaposed: bool


def to_claim(doc: Document, q: Quantity) -> Claim:
    return Claim(
        doc=doc.id, field=q.field, start=q.start, end=q.end, text=q.text, value=q.value,
        bound=q.bound, interval=q.interval, unit=q.unit, dimension=q.dimension,
        subject=q.subject, paragraph=q.paragraph, sentence=q.sentence, source=doc.source,
        published=doc.published,
    )


def _measure(q: Quantity) -> str | None:
    return facts.norm_head(q.frame.measure)


def fact_key(q: Quantity) -> str:
    """Index key of a figure's fact: its frame's measure + unit family.  Figures without a
    measure get an empty-measure key that the comparator never compares."""
    return f"{_measure(q) or ''}|{facts.unit_family(q)}"


def comparable(q: Quantity) -> bool:
    """Whether a figure can take part in a contradiction at all: a stated, planned or forecast
    total or change of a known measure (a forecast meets a statement through the decision's stance
    slot), not a part, increment, rate, threshold, capacity, comparison,
    bracketed conversion, list member or a change's endpoint."""
    f = q.frame
    if q.kind != "figure" or not f.measure:
        return False
    if f.stance not in ("asserted", "plan", "modal") or f.aggregation not in ("total", "change"):
        return False
    if _EXCLUDED_DISCOURSE.intersection(f.discourse):
        return False
    if _measure(q) in GENERIC_MEASURES and not f.event:
        return False
    return True


def is_cumulative(q: Quantity) -> bool:
    return (_measure(q) or "") in CUMULATIVE_MEASURES or (q.frame.event or "") in CUMULATIVE_EVENTS


def items_of(doc: Document, quantities: Sequence[Quantity]) -> list[Item]:
    """The document's comparable figures, each with what its frame says about the telling."""
    out: list[Item] = []
    for q in quantities:
        if not comparable(q):
            continue
        disc = q.frame.discourse
        out.append(Item(doc, q, (q.field, q.sentence), is_cumulative(q), "update" in disc,
                        "juxtaposed" in disc))
    return out


def _decide(a: Item, b: Item) -> Decision:
    return same_fact(a.q, b.q, a.doc, b.doc)


# -- headline rounding -----------------------------------------------------------------------


def _last_digit_place(v: Decimal) -> Decimal:
    v = abs(v)
    if v == v.to_integral_value():
        n = int(v)
        place = 1
        while n and n % 10 == 0:
            n //= 10
            place *= 10
        return Decimal(place)
    return Decimal(1).scaleb(v.normalize().as_tuple().exponent)  # type: ignore[arg-type]


def rounded_form(q: Quantity) -> bool:
    """Whether a headline figure is in a rounded form that may stand for a truncated value:
    trailing zeros ("2,300", "$2.3bn", "40%") or a duration in whole units ("six years" for six
    years and eight months).  A small exact count ("Two sailors", "29 points") never is."""
    if q.bound != "exact" or q.value.low != q.value.high:
        return False
    if q.dimension == "duration":
        return True
    v = q.value.low
    if v != v.to_integral_value():
        return True  # "2.3bn", "4.1%": a figure with decimals is rounded to its last digit
    return _last_digit_place(v) >= 10


def headline_figure(q: Quantity) -> Quantity:
    """A headline figure as headlines mean it: a rounded form may be truncated, so its interval
    runs from half a place below to a whole place above the value; any other form as stated."""
    if not rounded_form(q):
        return q
    v = q.value.low
    place = _last_digit_place(v)
    lo, hi = v - place / 2, v + place
    iv = Interval(low=min(lo, q.interval.low) if q.interval.low is not None else lo,
                  high=max(hi, q.interval.high) if q.interval.high is not None else hi)
    base = q.base
    aff = facts.affine(q)
    if base is not None and aff is not None:
        assert iv.low is not None and iv.high is not None
        ends = sorted((iv.low * aff[0] + aff[1], iv.high * aff[0] + aff[1]))
        base = Interval(low=ends[0], high=ends[1])
    return q.model_copy(update={"interval": iv, "base": base})


# -- within one document -----------------------------------------------------------------------


def _near(a: Quantity, b: Quantity) -> bool:
    return a.field == b.field and abs(a.paragraph - b.paragraph) <= 1


def _within_same(a: Item, b: Item) -> Decision | None:
    """The decision for two figures of one article, or None when they are not one fact."""
    d = _decide(a, b)
    if not d.same:
        return None
    if a.q.field == b.q.field == "text" and a.q.paragraph == b.q.paragraph \
            and d.slots.get("event") != "same":
        return None  # one paragraph naming two figures for one noun: usually two measures
    if _near(a.q, b.q):
        if a.juxtaposed or b.juxtaposed:
            return None  # "30 killed, far more than the official toll of 15": set side by side
        if d.slots.get("attribution") == "different":
            return None  # "police said 5,000 ... organisers said 20,000": a reported dispute
    return d


def contradictions_within(
    doc: Document, quantities: Sequence[Quantity], tolerance: Decimal,
    tally: Tally | None = None,
) -> list[Finding]:
    buckets: dict[str, list[Item]] = defaultdict(list)
    for it in items_of(doc, quantities):
        buckets[fact_key(it.q)].append(it)
    if tally is not None:
        tally.add(len(quantities))
    restated = _restated_title_figures(doc, quantities)
    findings: list[Finding] = []
    for bucket in buckets.values():
        if len(bucket) < 2:
            continue
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
            best: tuple[Item, Decision] | None = None
            agrees = False
            seen = body[max(0, n - WITHIN_WINDOW):n]
            if tally is not None:
                tally.add(len(seen) + 1)
            for prev in seen:
                if prev.sentence == it.sentence:
                    continue
                ivs = facts.comparison_intervals(prev.q, it.q, tolerance)
                if ivs is None:
                    continue  # neither compatible nor conflicting
                d = _within_same(prev, it)
                if d is None:
                    continue
                if ivs[0].overlaps(ivs[1]):  # compatible
                    agrees = True
                    break
                if (prev.cumulative or it.cumulative) and (prev.update_cue or it.update_cue):
                    continue  # "initially 30 ... now 52": an update told inside the article
                if best is None:
                    best = (prev, d)
            if agrees or best is None:
                continue
            findings.append(_within_finding(doc, best[0], it, best[1]))
    return findings


def _headline_conflict(t: Item, body: list[Item], tolerance: Decimal
                       ) -> tuple[Item, Decision] | None:
    """A headline figure against the body: silent when any body figure of the fact agrees,
    else one finding against the first body figure of the fact (the lead it summarises).
    Headlines round and truncate rounded forms only (:func:`headline_figure`)."""
    first: tuple[Item, Decision] | None = None
    loose = replace(t, q=headline_figure(t.q))
    for it in body:
        d = _decide(t, it)
        if not d.same:
            continue
        if facts.compatible(loose.q, it.q, tolerance):
            return None
        if first is None:
            if not facts.conflicts(loose.q, it.q, tolerance):
                return None
            if it.cumulative and it.update_cue:
                return None
            first = (it, d)
    return first


def _second_where(a: Quantity, b: Quantity) -> str:
    """Where the second figure of a finding is, told apart from the first when both are in one
    paragraph."""
    wb = where(b)
    if wb == where(a):
        return "the same paragraph later" if b.field == "text" else "the headline also"
    return wb


def _within_finding(doc: Document, a: Item, b: Item, d: Decision) -> Finding:
    code = "FC102" if a.q.field == "title" or b.q.field == "title" else "FC101"
    r = rule(code)
    return Finding(
        code=code, kind=r.kind, scope=r.scope, severity=r.severity,
        confidence=round(d.score, 3),
        message=r.render(a_where=cap(where(a.q)), a=phrase(a.q, doc),
                         b_where=_second_where(a.q, b.q), b=phrase(b.q, doc)),
        claims=(to_claim(doc, a.q), to_claim(doc, b.q)),
        matched=d.matched(),
    )


def _restated_title_figures(doc: Document, quantities: Sequence[Quantity]
                            ) -> set[tuple[int, int]]:
    """Headline figures whose value the body states too (any subject, same unit family)."""
    body = {(q.value.low, q.value.high, facts.unit_family(q)) for q in quantities
            if q.field == "text"}
    return {(q.start, q.end) for q in quantities if q.field == "title"
            and (q.value.low, q.value.high, facts.unit_family(q)) in body}


# -- between the documents of one story --------------------------------------------------------


def _fmt_date(d: _dt.date | None) -> str:
    return f"{d.day} {d:%B %Y}" if d else ""


def _doc_where(doc: Document, q: Quantity) -> str:
    name = doc.source or doc.id
    bits = [b for b in (_fmt_date(doc.published), where(q)) if b]
    return f"{name} ({', '.join(bits)})"


def _doc_order(doc: Document) -> tuple[_dt.date, str, str]:
    return (doc.published or _dt.date.min, doc.source or "", doc.id)


def contradictions_across(
    group: Sequence[tuple[Document, Sequence[Quantity]]], tolerance: Decimal
) -> list[Finding]:
    """Conflicts (FC111) and updates (FC121) between the documents of one story.  Each pair of
    documents yields at most one finding per fact key, and none when any of their figures for the
    fact agree.  Documents that both name things but nothing in common (no shared named entity)
    are not compared unless their records share a ``story``."""
    docs = sorted(group, key=lambda pair: _doc_order(pair[0]))
    index: dict[str, dict[int, list[Item]]] = defaultdict(lambda: defaultdict(list))
    for i, (doc, qs) in enumerate(docs):
        restated = _restated_title_figures(doc, qs)
        kept = [q for q in qs if not (q.field == "title" and (q.start, q.end) in restated)]
        for it in items_of(doc, kept):
            bucket = index[fact_key(it.q)][i]
            if len(bucket) < MAX_PER_KEY:
                bucket.append(it)
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
            confidence=VERBATIM_CONFIDENCE,
            message=rl.render(a_where=_doc_where(da, qa), a=phrase(qa, da),
                             b_where=_doc_where(db, qb), b=phrase(qb, db)),
            claims=(to_claim(da, qa), to_claim(db, qb))))
    return out


VERBATIM_CONFIDENCE = 0.85
"""Two documents printing one sentence but for one figure: the wording fixes the fact."""

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
    be."""
    ta, tb = facts.norm_qualifier(a.frame.time), facts.norm_qualifier(b.frame.time)
    if ta is None or tb is None or facts.qualifier_factor(ta, tb, 1.0) is not None:
        return False
    return bool(_DAY_WORD.search(ta)) and bool(_DAY_WORD.search(tb))


def _pair_finding(left: list[Item], right: list[Item], tolerance: Decimal) -> Finding | None:
    """``left`` is from the earlier (or first in canonical order) document.  A figure that agrees
    with some figure of the other document is not reported; among the remaining conflicting
    pairs the closest in value is (two versions of one figure)."""
    conflicts: list[tuple[Decimal, float, Item, Item, Decision]] = []
    agreeing: set[int] = set()
    update: tuple[float, Item, Item, Decision] | None = None
    repeated = False
    for a in left:
        for b in right:
            cumulative = a.cumulative or b.cumulative
            da, db = a.doc.published, b.doc.published
            ordered = (da is None) != (db is None) or (da is not None and db is not None
                                                       and da != db)
            # a running count in reports of different days: one count over time
            d = same_fact(a.q, b.q, a.doc, b.doc, over_time=cumulative and ordered)
            if not d.same:
                continue
            r = facts.ratio(a.q, b.q)
            days = _different_days(a.q, b.q)
            if days and not (cumulative and ordered):
                continue
            if cumulative and ordered:
                dated = a.q.frame.period_start is not None or b.q.frame.period_start is not None
                if r is not None and r > MAX_UPDATE_RATIO or dated:
                    continue
                later, earlier = (b, a) if _later(b.doc, a.doc) else (a, b)
                if a.q.value == b.q.value:
                    repeated = True
                    continue
                if later.q.value.low > earlier.q.value.high and earlier.q.bound != "upper":
                    # ("fewer than 300" then 340 is a contradiction of the cap, not an update)
                    if update is None or d.score > update[0]:
                        update = (d.score, earlier, later, d)
                    continue
                if days:
                    continue  # a later report quoting an earlier day's figure
            qa = headline_figure(a.q) if a.q.field == "title" else a.q
            qb = headline_figure(b.q) if b.q.field == "title" else b.q
            ivs = facts.comparison_intervals(qa, qb, tolerance)
            if ivs is None:
                continue
            if ivs[0].overlaps(ivs[1]):
                agreeing.update((id(a), id(b)))
                continue
            if cumulative and da is None and db is None:
                continue  # a running count in two undated reports: either may be the later
            conflicts.append((r or Decimal(1), d.score, a, b, d))
    live = [c for c in conflicts if id(c[2]) not in agreeing or id(c[3]) not in agreeing]
    rl: Rule
    if live:
        _, score, a, b, d = min(live, key=lambda c: (
            (id(c[2]) in agreeing) + (id(c[3]) in agreeing),
            (c[2].q.field == "title") + (c[3].q.field == "title"),
            c[0], -c[1], c[2].q.start, c[3].q.start))
        rl = rule("FC111")
    elif update is not None and not repeated:
        score, a, b, d = update
        rl = rule("FC121")
    else:
        return None
    return Finding(
        code=rl.code, kind=rl.kind, scope=rl.scope, severity=rl.severity,
        confidence=round(score, 3),
        message=rl.render(a_where=_doc_where(a.doc, a.q), a=phrase(a.q, a.doc),
                         b_where=_doc_where(b.doc, b.q), b=phrase(b.q, b.doc),
                         change=change_phrase(a.q, b.q, a.doc, b.doc)),
        claims=(to_claim(a.doc, a.q), to_claim(b.doc, b.q)),
        matched=d.matched(),
    )
