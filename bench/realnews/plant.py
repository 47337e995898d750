"""Planted errors in real articles: one figure changed per copy, found and changed by the
independent number reader (:mod:`.numbers`), never by figcheck.

Kinds (:data:`KINDS`):

* ``headline``: a headline number that restates exactly one body number (same value, kind and
  unit on its face), changed in the headline;
* ``restated``: a body number stated again later in the body (same value, kind, unit and the next
  content word), changed in one place;
* ``pct_change``: an endpoint of a stated percentage change (two numbers of one kind and a
  percentage in one sentence, where the percentage is the change between them), changed;
* ``part_total``: a part of a stated total (two or more numbers of one kind in a sentence adding
  up exactly to another number there), changed;
* ``conversion``: the converted figure in brackets ("5 miles (8 km)", within 10% of the
  conversion), changed;
* ``cluster``: a number one outlet's report of a clustered event shares with another outlet's
  report (same value, kind, unit and next word), changed in one report.

A plant is *caught* when a finding on the altered copy names the planted figure (a claim whose
span overlaps it).  Findings on the altered copy that do not name it and were not already on the
original count against precision.
"""

from __future__ import annotations

import functools
import hashlib
import json
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

import figcheck

from .alarms import context, sentence_spans
from .corpus import Article, Corpus
from .numbers import Num, alter, same_reading
from .numbers import numbers as _numbers

KINDS: tuple[str, ...] = ("headline", "restated", "pct_change", "part_total", "conversion",
                          "cluster")


@dataclass(frozen=True)
class Plant:
    kind: str
    doc: str
    field: str
    start: int
    end: int
    old: str
    new: str
    partner: tuple[str, str, int, int] | None = None
    """(doc, field, start, end) of the figure that makes the change a contradiction (the body
    figure, the other statement, the other outlet's figure), for readers."""

    @property
    def key(self) -> str:
        parts = [self.kind, self.doc, self.field, self.start, self.end,
                 hashlib.sha1(self.old.encode()).hexdigest()[:12],
                 hashlib.sha1(self.new.encode()).hexdigest()[:12]]
        return hashlib.sha1(json.dumps(parts).encode()).hexdigest()[:20]

    @property
    def delta(self) -> int:
        return len(self.new) - len(self.old)

    def apply(self, a: Article) -> Article:
        src = a.field(self.field)
        assert src[self.start:self.end] == self.old, (a.id, self.start, self.old)
        changed = src[:self.start] + self.new + src[self.end:]
        if self.field == "title":
            return Article(a.id, changed, a.text, a.source, a.published, a.story, a.split,
                           a.collection)
        return Article(a.id, a.title, changed, a.source, a.published, a.story, a.split,
                       a.collection)


@functools.lru_cache(maxsize=8)
def numbers(text: str) -> list[Num]:
    """The reader's numbers, memoised for the few texts in hand (each kind reads the same
    article; callers never change the list)."""
    return _numbers(text)


@functools.lru_cache(maxsize=8)
def _sentences(text: str) -> list[tuple[int, int, list[Num]]]:
    nums = numbers(text)
    out = []
    for s, e in sentence_spans(text):
        out.append((s, e, [n for n in nums if s <= n.start < e]))
    return out


def _changed(a: Article, fld: str, n: Num, rng: random.Random, kind: str,
             partner: tuple[str, str, int, int] | None = None) -> Plant | None:
    new = alter(n, rng)
    if new is None or new == n.surface:
        return None
    return Plant(kind, a.id, fld, n.start, n.end, n.surface, new, partner)


def _figure_like(n: Num) -> bool:
    """Worth planting: not a bare small count without a noun."""
    if n.kind == "count" and n.noun is None:
        return False
    return n.value > 0


def headline(a: Article, rng: random.Random) -> Iterator[Plant]:
    body = numbers(a.text)
    for t in numbers(a.title):
        if not _figure_like(t):
            continue
        same = [b for b in body if same_reading(t, b)]
        if len(same) == 1:
            p = _changed(a, "title", t, rng, "headline", (a.id, "text", same[0].start, same[0].end))
            if p:
                yield p


def _distinctive(x: Num, y: Num) -> bool:
    """Two equal numbers that read as one figure told twice, not a coincidence: money and
    measures; a percentage or a count followed by the same word (a count of 20 or more)."""
    if x.kind in ("money", "measure"):
        return True
    if x.noun is None or x.noun != y.noun:
        return False
    return x.kind == "percent" or x.value >= 20


def restated(a: Article, rng: random.Random) -> Iterator[Plant]:
    sents = _sentences(a.text)
    where = {n.start: i for i, (_, _, ns) in enumerate(sents) for n in ns}
    body = [n for _, _, ns in sents for n in ns]
    for i, x in enumerate(body):
        if not _figure_like(x):
            continue
        for y in body[i + 1:]:
            if where[y.start] == where[x.start] or not same_reading(x, y):
                continue
            if not _distinctive(x, y):
                continue
            target, other = (y, x) if rng.random() < 0.5 else (x, y)
            p = _changed(a, "text", target, rng, "restated",
                         (a.id, "text", other.start, other.end))
            if p:
                yield p
            break


def _pct_matches(old: Decimal, new: Decimal, pct: Num) -> bool:
    if old == 0:
        return False
    change = abs(new - old) / old * 100
    stated = pct.value
    tol = Decimal("0.6") if "." not in pct.surface else Decimal("0.06")
    return abs(change - stated) <= tol + stated * Decimal("0.02")


_CHANGE_CUE = re.compile(
    r"\b(from|ris(?:e|es|en|ing)|rose|f[ae]ll(?:s|en|ing)?|increas|decreas|up|down|jump|drop|"
    r"gr[eo]w|growth|declin|climb|cut|higher|lower|gain|los[st]|surg|plung|slump|soar|tumbl|"
    r"slid|shr[ai]nk|doubl|boost|rais|reduc)", re.IGNORECASE)
_PART_CUE = re.compile(
    r"(\binclud|\bof (?:them|whom|which|the|its|their)\b|\btotal|\bin all\b|\baltogether\b|\bcombined\b|"
    r"\bcompris|\bmade up of\b|\bbroken down\b|\bconsist|\bamong them\b|\bsplit\b|--|\u2014|:)",
    re.IGNORECASE)


_HEDGE = r"(?:(?:about|around|nearly|almost|roughly|some|an estimated|more than|less than|over|under|just over|just under)\s+)?"
_FROM_BEFORE = re.compile(r"\bfrom\s+" + _HEDGE + r"$", re.IGNORECASE)
_TO_BETWEEN = re.compile(r"\s*(?:a \w+ |a year |per \w+ )?(?:to|and)\s+" + _HEDGE + r"$", re.IGNORECASE)
_FROM_BETWEEN = re.compile(r"[^.;]{0,40}?\b(?:from|compared (?:with|to)|versus|vs\.?)\s+" + _HEDGE + r"$",
                           re.IGNORECASE)


def _endpoints(text: str, x: Num, y: Num) -> tuple[Num, Num] | None:
    """(old, new) when ``x`` ... ``y`` (in text order) read as a change's endpoints: "from X to
    Y", or "Y, up from X" / "to Y from X" / "Y compared with X"."""
    between = text[x.end:y.start]
    if len(between) > 60:
        return None
    if _TO_BETWEEN.fullmatch(between) and _FROM_BEFORE.search(text, max(0, x.start - 30), x.start):
        return x, y
    if _FROM_BETWEEN.fullmatch(between):
        return y, x
    return None


def pct_change(a: Article, rng: random.Random) -> Iterator[Plant]:
    for s, e, ns in _sentences(a.text):
        pcts = [n for n in ns if n.kind == "percent"]
        if not pcts or len(ns) < 3 or not _CHANGE_CUE.search(a.text, s, e):
            continue
        others = [n for n in ns if n.kind != "percent" and n.value > 0]
        for x, y in zip(others, others[1:]):
            if x.kind != y.kind or x.unit != y.unit or x.value == y.value:
                continue
            ends = _endpoints(a.text, x, y)
            if ends is None:
                continue
            old, new = ends
            p = next((p for p in pcts if _pct_matches(old.value, new.value, p)), None)
            if p is None:
                continue
            target, other = (x, y) if rng.random() < 0.5 else (y, x)
            plant = _changed(a, "text", target, rng, "pct_change", (a.id, "text", p.start, p.end))
            if plant is None:
                continue
            nv = _numbers(plant.new)
            if not nv:
                continue
            o2, n2 = (nv[0].value, other.value) if target is old else (other.value, nv[0].value)
            if _pct_matches(o2, n2, p):
                continue
            yield plant
            return


def part_total(a: Article, rng: random.Random) -> Iterator[Plant]:
    for s, e, ns in _sentences(a.text):
        if len(ns) < 3 or len(ns) > 8 or not _PART_CUE.search(a.text, s, e):
            continue  # a total and two parts; not a table
        # "41 of 43 photos" is a position, not a part
        cands = [n for n in ns if n.kind in ("count", "money") and n.value > 0
                 and not re.match(r"\s+of\s+\d", a.text[n.end:n.end + 8])]
        for t in cands:
            if t.value < 10:
                continue
            rest = [n for n in cands if n is not t and n.kind == t.kind and n.unit == t.unit
                    and n.value < t.value]
            found = None
            for i in range(len(rest)):
                total = Decimal(0)
                for j in range(i, len(rest)):
                    total += rest[j].value
                    if total == t.value and j > i:
                        found = rest[i:j + 1]
                        break
                    if total > t.value:
                        break
                if found:
                    break
            if found:
                part = rng.choice(found)
                plant = _changed(a, "text", part, rng, "part_total", (a.id, "text", t.start, t.end))
                if plant:
                    yield plant
                    return


_BRACKET = re.compile(
    r"\s*\(\s*(?:about|around|approximately|approx\.?|roughly|some|nearly|almost|~|c\.)?\s*$",
    re.IGNORECASE)


def _converts(x: Num, y: Num) -> bool:
    if x.kind != "measure" or y.kind != "measure" or x.dimension != y.dimension:
        return False
    if x.unit == y.unit:
        return False
    if x.dimension == "temperature":
        xu, yu = (x.unit or "")[-1:], (y.unit or "")[-1:]
        if {xu, yu} != {"c", "f"}:
            return False
        c, f = (x.value, y.value) if xu == "c" else (y.value, x.value)
        return abs(c * 9 / 5 + 32 - f) <= 2
    xb, yb = x.base, y.base
    if xb is None or yb is None or yb == 0:
        return False
    return abs(xb - yb) / yb <= Decimal("0.1")


def conversion(a: Article, rng: random.Random) -> Iterator[Plant]:
    nums = numbers(a.text)
    for x, y in zip(nums, nums[1:]):
        gap = a.text[x.end:y.start]
        if len(gap) > 16 or not _BRACKET.fullmatch(gap) or not _converts(x, y):
            continue
        plant = _changed(a, "text", y, rng, "conversion", (a.id, "text", x.start, x.end))
        if plant:
            yield plant


def cluster(articles: Sequence[Article], rng: random.Random) -> Iterator[Plant]:
    """Candidates in one story's articles (two different outlets stating one figure)."""
    nums = {a.id: [n for n in numbers(a.text) if _figure_like(n)] for a in articles}
    done: set[str] = set()
    for i, a in enumerate(articles):
        for b in articles[i + 1:]:
            if a.source and a.source == b.source:
                continue
            for x in nums[a.id]:
                y = next((y for y in nums[b.id] if same_reading(x, y) and x.noun == y.noun), None)
                if y is None or (x.kind == "count" and x.value < 10):
                    continue
                (t_doc, t), (o_doc, o) = ((a, x), (b, y)) if rng.random() < 0.5 else ((b, y), (a, x))
                if t_doc.id in done:
                    continue
                plant = _changed(t_doc, "text", t, rng, "cluster", (o_doc.id, "text", o.start, o.end))
                if plant:
                    done.add(t_doc.id)
                    yield plant


def candidates(corpora: Sequence[Corpus], seed: int) -> dict[str, list[Plant]]:
    """Every candidate plant of each kind, deterministic for ``seed``."""
    out: dict[str, list[Plant]] = {k: [] for k in KINDS}
    for corpus in corpora:
        for a in corpus.articles:
            rng = random.Random(f"{seed}:{a.id}")
            for kind, fn in (("headline", headline), ("restated", restated),
                             ("pct_change", pct_change), ("part_total", part_total),
                             ("conversion", conversion)):
                out[kind].extend(fn(a, rng))
        for story, arts in sorted(corpus.stories().items()):
            rng = random.Random(f"{seed}:story:{story}")
            out["cluster"].extend(cluster(arts, rng))
    return out


def choose(cands: dict[str, list[Plant]], per_kind: int, seed: int) -> dict[str, list[Plant]]:
    """At most ``per_kind`` plants of each kind, at most one per article and kind."""
    out: dict[str, list[Plant]] = {}
    for kind in KINDS:
        rng = random.Random(f"{seed}:{kind}")
        seen: set[str] = set()
        uniq = []
        for p in cands.get(kind, []):
            if p.doc not in seen:
                seen.add(p.doc)
                uniq.append(p)
        out[kind] = uniq if len(uniq) <= per_kind else sorted(
            rng.sample(uniq, per_kind), key=lambda p: (p.doc, p.start))
    return out


# --------------------------------------------------------------------------------------------
# scoring


def _loc_key(f: figcheck.Finding, plant: Plant | None) -> tuple[object, ...]:
    """The finding's code and figure locations, mapped back to the original text's offsets."""
    locs = []
    for c in f.claims:
        s, e = c.start, c.end
        if plant and c.doc == plant.doc and c.field == plant.field and s >= plant.start + len(
                plant.new):
            s, e = s - plant.delta, e - plant.delta
        locs.append((c.doc, c.field, s, e))
    return (f.code, tuple(locs))


def names_plant(f: figcheck.Finding, plant: Plant) -> bool:
    s, e = plant.start, plant.start + len(plant.new)
    return any(c.doc == plant.doc and c.field == plant.field and c.start < e and s < c.end
               for c in f.claims)


@dataclass
class Outcome:
    plant: Plant
    caught: bool
    true_findings: int
    false_findings: int
    true_codes: tuple[str, ...] = ()
    """The code of each finding naming the plant."""
    false_codes: tuple[str, ...] = ()
    """The code of each new finding on the altered copy that does not name it."""


def evaluate(plant: Plant, group: Sequence[Article],
             original: Sequence[figcheck.Finding]) -> Outcome:
    """Check ``group`` (the planted article, or the story's articles) with the plant applied.
    ``original``: the findings figcheck gave on the unaltered group."""
    from .alarms import CONFIG, to_documents

    changed = [plant.apply(a) if a.id == plant.doc else a for a in group]
    report = figcheck.check(to_documents(changed, "story"), CONFIG)
    before = {_loc_key(f, None) for f in original}
    caught: list[str] = []
    false: list[str] = []
    for f in report.findings:
        if names_plant(f, plant):
            caught.append(f.code)
        elif _loc_key(f, plant) not in before:
            false.append(f.code)
    return Outcome(plant, bool(caught), len(caught), len(false), tuple(caught), tuple(false))


def export_record(plant: Plant, a: Article, by_id: dict[str, Article]) -> dict[str, object]:
    altered = plant.apply(a)
    src_new = altered.field(plant.field)
    rec: dict[str, object] = {
        "type": "plant", "key": plant.key, "kind": plant.kind, "doc": plant.doc,
        "field": plant.field, "start": plant.start, "end": plant.end, "old": plant.old,
        "new": plant.new, "title": altered.title, "source": a.source,
        "context_original": context(a.field(plant.field), plant.start, plant.end),
        "context_altered": context(src_new, plant.start, plant.start + len(plant.new)),
        "verdict": None, "reason": None, "note": None,
    }
    if plant.partner:
        d, fld, s, e = plant.partner
        other = by_id.get(d)
        if other is not None:
            ptext = (altered if d == plant.doc else other).field(fld)
            if d == plant.doc and fld == plant.field and s >= plant.end:
                s, e = s + plant.delta, e + plant.delta
            rec["partner"] = {"doc": d, "field": fld, "source": other.source,
                              "title": other.title, "context": context(ptext, s, e)}
    return rec
