"""Candidate figure pairs for human labelling (*same fact* / *different fact*), and scoring
figcheck's same-fact decision on the labelled pairs.

Candidates are chosen by the independent number reader (:mod:`.numbers`), never by figcheck:
pairs of numbers of one kind (both money, both per cent, both counts with the same next word...)
within an article and across a story's articles, in categories that include the hard negatives
(:data:`CATEGORIES`).  Task batches are deterministic for a seed.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .alarms import context, sentence_spans
from .corpus import Article, Corpus
from .numbers import Num, numbers, same_reading

CATEGORIES: tuple[str, ...] = (
    "restatement",   # same value, kind and next word: looks like one fact told twice
    "same_noun",     # same kind and next word, different values: one fact or two?
    "list",          # members of list-like sentences (box scores, results, tallies)
    "part_whole",    # one figure no larger than the other, in a "of/including/total" sentence
    "time_series",   # sentences naming different days or dates
    "same_kind",     # same kind and unit, nothing else in common (context decides)
    "cross_same",    # across a story's articles: same value and next word
    "cross_noun",    # across a story's articles: same kind and next word, different values
)
HERE = Path(__file__).resolve().parent
LABELS = HERE / "pairs"

_DAY = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|"
    r"january|february|march|april|june|july|august|september|october|november|december|"
    r"last (?:week|month|year|quarter)|this (?:week|month|year|quarter))\b", re.IGNORECASE)
_PART = re.compile(r"\b(of (?:them|whom|which|the)|including|included|among|total|in all|"
                   r"out of|altogether|combined)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Fig:
    article: Article
    field: str
    num: Num
    sentence: tuple[int, int]

    def ref(self) -> dict[str, object]:
        return {"doc": self.article.id, "field": self.field, "start": self.num.start,
                "end": self.num.end}


@dataclass(frozen=True)
class Candidate:
    category: str
    a: Fig
    b: Fig

    @property
    def id(self) -> str:
        parts = [self.a.ref(), self.b.ref()]
        return hashlib.sha1(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:14]

    @property
    def split(self) -> str:
        return "test" if "test" in (self.a.article.split, self.b.article.split) else "dev"


def _figs(a: Article) -> list[Fig]:
    out = []
    for fld in ("title", "text"):
        src = a.field(fld)
        if not src:
            continue
        spans = sentence_spans(src) or [(0, len(src))]
        for n in numbers(src):
            if n.kind == "count" and n.noun is None:
                continue
            sent = next(((s, e) for s, e in spans if s <= n.start < e), (0, len(src)))
            out.append(Fig(a, fld, n, sent))
    return out


def _same_kind(x: Num, y: Num) -> bool:
    if x.kind != y.kind:
        return False
    if x.kind == "measure":
        return x.dimension == y.dimension
    if x.kind == "money":
        return x.unit == y.unit
    return True


def _list_like(f: Fig, figs: Sequence[Fig]) -> bool:
    same = [g for g in figs if g.sentence == f.sentence and g.field == f.field
            and _same_kind(g.num, f.num)]
    return len(same) >= 3


def _category(x: Fig, y: Fig, figs: Sequence[Fig]) -> str | None:
    if not _same_kind(x.num, y.num):
        return None
    if x.field == y.field and x.sentence == y.sentence and not _list_like(x, figs):
        return None
    same_noun = x.num.noun is not None and x.num.noun == y.num.noun
    if x.num.kind == "count" and not same_noun:
        return None
    if same_reading(x.num, y.num) and (same_noun or x.num.kind != "count"):
        return "restatement"
    if _list_like(x, figs) and _list_like(y, figs):
        return "list"
    tx = x.article.field(x.field)[x.sentence[0]:x.sentence[1]]
    ty = y.article.field(y.field)[y.sentence[0]:y.sentence[1]]
    dx = {m.group().lower() for m in _DAY.finditer(tx)}
    dy = {m.group().lower() for m in _DAY.finditer(ty)}
    if dx and dy and dx != dy:
        return "time_series"
    if (_PART.search(tx) or _PART.search(ty)) and x.num.value != y.num.value:
        return "part_whole"
    if same_noun:
        return "same_noun"
    return "same_kind"


def _within(a: Article) -> Iterator[Candidate]:
    figs = _figs(a)
    for i, x in enumerate(figs):
        for y in figs[i + 1:]:
            cat = _category(x, y, figs)
            if cat:
                yield Candidate(cat, x, y)


def _across(arts: Sequence[Article]) -> Iterator[Candidate]:
    figs = {a.id: _figs(a) for a in arts}
    for i, a in enumerate(arts):
        for b in arts[i + 1:]:
            for x in figs[a.id]:
                for y in figs[b.id]:
                    if not _same_kind(x.num, y.num):
                        continue
                    same_noun = x.num.noun is not None and x.num.noun == y.num.noun
                    if same_reading(x.num, y.num) and (same_noun or x.num.kind != "count"):
                        yield Candidate("cross_same", x, y)
                    elif same_noun:
                        yield Candidate("cross_noun", x, y)


def candidates(corpora: Sequence[Corpus]) -> dict[str, list[Candidate]]:
    out: dict[str, list[Candidate]] = {c: [] for c in CATEGORIES}
    for corpus in corpora:
        for a in corpus.articles:
            for c in _within(a):
                out[c.category].append(c)
        for _, arts in sorted(corpus.stories().items()):
            for c in _across(arts):
                out[c.category].append(c)
    return out


def propose(corpora: Sequence[Corpus], total: int, seed: int,
            per_article: int = 3) -> list[Candidate]:
    """``total`` candidates spread evenly over the categories (at most ``per_article`` per
    article and category), deterministic for ``seed``, shuffled into reading order."""
    cands = candidates(corpora)
    rng = random.Random(seed)
    quota = max(1, total // len(CATEGORIES))
    chosen: list[Candidate] = []
    leftovers: list[Candidate] = []
    for cat in CATEGORIES:
        pool = list(cands[cat])
        rng.shuffle(pool)
        per: dict[tuple[str, str], int] = {}
        took = 0
        for c in pool:
            k = (c.a.article.id + "|" + c.b.article.id, cat)
            if per.get(k, 0) >= per_article:
                continue
            if took < quota:
                per[k] = per.get(k, 0) + 1
                chosen.append(c)
                took += 1
            else:
                leftovers.append(c)
    rng.shuffle(leftovers)
    ids = {c.id for c in chosen}
    for c in leftovers:
        if len(chosen) >= total:
            break
        if c.id not in ids:
            ids.add(c.id)
            chosen.append(c)
    uniq: dict[str, Candidate] = {}
    for c in chosen:
        uniq.setdefault(c.id, c)
    out = list(uniq.values())
    rng.shuffle(out)
    return out[:total]


def task_record(c: Candidate) -> dict[str, object]:
    def side(f: Fig) -> dict[str, object]:
        src = f.article.field(f.field)
        return {**f.ref(), "surface": f.num.surface, "title": f.article.title,
                "source": f.article.source,
                "published": f.article.published.isoformat() if f.article.published else None,
                "context": context(src, f.num.start, f.num.end)}

    return {"pair": c.id, "split": c.split, "category": c.category, "a": side(c.a),
            "b": side(c.b), "label": None, "reason": None, "note": None}


def write_batches(cands: Sequence[Candidate], out_dir: Path, batch: int = 50) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(0, len(cands), batch):
        p = out_dir / f"batch-{i // batch + 1:03d}.jsonl"
        p.write_text("".join(json.dumps(task_record(c), ensure_ascii=False) + "\n"
                             for c in cands[i:i + batch]), encoding="utf-8")
        paths.append(p)
    return paths


# --------------------------------------------------------------------------------------------
# labels and scoring

LABEL_VALUES: tuple[str, ...] = ("same", "different", "unsure")


def _surface_hash(s: str) -> str:
    return hashlib.sha1(s.encode()).hexdigest()[:12]


def label_records(tasks: Sequence[dict[str, object]], answers: Sequence[dict[str, object]]
                  ) -> list[dict[str, object]]:
    """Readers' answers joined to their tasks: offsets, surface hashes, split, category, label
    and reason (no text), ready for ``bench/realnews/pairs/{dev,test}.jsonl``."""
    by_id = {str(t["pair"]): t for t in tasks}
    out = []
    for r in answers:
        t = by_id.get(str(r.get("pair")))
        if t is None or r.get("label") not in LABEL_VALUES:
            continue
        rec: dict[str, object] = {"pair": t["pair"], "split": t["split"],
                                  "category": t["category"]}
        for side in ("a", "b"):
            s = t[side]
            assert isinstance(s, dict)
            rec[side] = {"doc": s["doc"], "field": s["field"], "start": s["start"],
                         "end": s["end"], "surface_sha1": _surface_hash(str(s["surface"]))}
        rec["label"] = r["label"]
        rec["reason"] = r.get("reason") if isinstance(r.get("reason"), str) else None
        out.append(rec)
    return out


@dataclass
class PairScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    missing: int = 0
    """Labelled pairs whose article is not in the loaded corpora (or whose text changed)."""

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def line(self) -> str:
        def f(x: float | None) -> str:
            return "n/a" if x is None else f"{x:.3f}"

        n = self.tp + self.fp + self.fn + self.tn
        return (f"{n} pairs ({self.tp + self.fn} same): same-fact precision {f(self.precision)}, "
                f"recall {f(self.recall)} (tp {self.tp}, fp {self.fp}, fn {self.fn}, tn {self.tn})"
                + (f"; {self.missing} not found in the corpora" if self.missing else ""))


def score(labels: Sequence[dict[str, object]], articles: dict[str, Article],
          by_category: dict[str, PairScore] | None = None) -> PairScore:
    """figcheck's same-fact decision against the labels (``unsure`` left out); ``by_category``,
    if given, is filled with the same counts per candidate category."""
    from .adapter import Extracted, Figure, same_fact

    cache = Extracted()
    out = PairScore()
    for r in labels:
        cat = by_category.setdefault(str(r.get("category")), PairScore()) if (
            by_category is not None) else PairScore()
        if r.get("label") not in ("same", "different"):
            continue
        figs = []
        for side in ("a", "b"):
            s = r[side]
            assert isinstance(s, dict)
            art = articles.get(str(s["doc"]))
            if art is None:
                break
            src = art.field(str(s["field"]))
            surface = src[int(s["start"]):int(s["end"])]
            if s.get("surface_sha1") and _surface_hash(surface) != s["surface_sha1"]:
                break
            figs.append(Figure(art, str(s["field"]), int(s["start"]), int(s["end"])))
        if len(figs) != 2:
            out.missing += 1
            cat.missing += 1
            continue
        pred = same_fact(figs[0], figs[1], cache)
        gold = r["label"] == "same"
        for sc in (out, cat):
            if pred and gold:
                sc.tp += 1
            elif pred:
                sc.fp += 1
            elif gold:
                sc.fn += 1
            else:
                sc.tn += 1
    return out


def score_lines(split: str, labels: Sequence[dict[str, object]], articles: dict[str, Article]
                ) -> list[str]:
    """The report of one split: its total, then (dev only) one line per category.  The frozen
    test split shows its total only, never a breakdown to tune against."""
    cats: dict[str, PairScore] = {}
    lines = [f"{split}: {score(labels, articles, cats).line()}"]
    if split == "dev":
        lines += [f"  {split} {cat}: {cats[cat].line()}" for cat in sorted(cats)]
    return lines
