"""Real figures labelled by readers, scored for figcheck's parser and cross-checked with CQE
(issue 10, "Measured by").

    python bench/realnews_figures.py make-tasks [CORPUS.jsonl...] [--test 100] [--dev 200]
                                     [--seed 10] [--out .data/figures/tasks]
    python bench/realnews_figures.py import-labels ANSWERS.jsonl... [--tasks DIR]
    python bench/realnews_figures.py score [CORPUS.jsonl...] [--cqe /work/cqe-venv]
    python bench/realnews_figures.py score --show-misses   # plus figcheck's dev misses, listed
    python bench/realnews_figures.py disagreements [CORPUS.jsonl...] --cqe /work/cqe-venv
    CQE_VENV/bin/python bench/realnews_figures.py cqe-worker < sentences.jsonl   (internal)

``make-tasks`` samples numbers found by the harness's own number reader (``realnews.numbers``,
never figcheck), stratified by field (headline, body) and kind (money, per cent, count, measure,
range or hedge), ``--test`` of them from ``split: "test"`` articles and ``--dev`` from dev ones, and
writes batches for readers: each figure's sentence with the number marked ``[[like this]]`` and
the headline.  Readers answer as ``bench/realnews/figures/GUIDE.md`` says.  ``import-labels``
validates their answers (one line per bad record, never fatal) and writes
``bench/realnews/figures/{dev,test}.jsonl``: document id, field, offsets, a hash of the marked
surface and the labels; no article text.  ``score`` prints figcheck's value+unit precision and
recall, bound accuracy and frame (measure, holder) accuracy on each split, and CQE's on the same
sentences when a CQE venv is given (``bench/cqe_setup.sh``).  ``disagreements`` writes every
sampled figure where figcheck and CQE read differently to ``.data/figures/disagreements.jsonl``.

This file imports only the standard library and the harness's figcheck-free modules at the top:
the CQE worker runs it under CQE's own interpreter, where figcheck is not installed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for _p in (str(HERE), str(ROOT)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

from realnews.corpus import Article, Corpus, load_present  # noqa: E402
from realnews.numbers import Num, numbers  # noqa: E402

LABELS = HERE / "realnews" / "figures"
TASKS = ROOT / ".data" / "figures" / "tasks"
EXPORT = ROOT / ".data" / "figures"
KINDS: tuple[str, ...] = ("money", "percent", "count", "measure", "range_hedge")
FIELDS: tuple[str, ...] = ("title", "text")
BOUNDS: tuple[str, ...] = ("exact", "approximate", "lower", "upper", "range")

_HEDGE_BEFORE = re.compile(
    r"\b(?:about|around|roughly|approximately|approx\.?|nearly|almost|some|more than|less than|"
    r"fewer than|over|under|up to|at least|at most|as many as|as much as|as few as|estimated|"
    r"close to|closer to|upwards of|below|above|no more than|no fewer than|between|from|"
    r"just over|just under|almost|circa|c\.)\s+$", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"\s*(?:-|\u2013|to|and|or)\s*[$£€]?\d")
_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")


_ABBREV: frozenset[str] = frozenset(
    "mr mrs ms dr st sen rep gov gen col lt sgt capt prof rev jr sr co corp inc ltd no vs "
    "jan feb mar apr aug sept sep oct nov dec u.s u.k u.n a.m p.m e.g i.e".split())
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.[\"'”’)]*$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets, split as the harness's alarms module splits them, except
    after abbreviations and initials ("Mr.", "U.S.", "George W.")."""
    spans = []
    s = 0
    for m in _SENT_END.finditer(text):
        if not m.group().startswith("\n"):
            w = _WORD_BEFORE.search(text, max(s, m.start() - 12), m.start())
            if w and (w.group(1).lower() in _ABBREV or len(w.group(1)) == 1
                      and w.group(1).isupper()):
                continue
        if m.start() > s:
            spans.append((s, m.start()))
        s = m.end()
    if s < len(text):
        spans.append((s, len(text)))
    return spans


def sha(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:12]


# --------------------------------------------------------------------------------------------
# sampling


@dataclass(frozen=True)
class Cand:
    article: Article
    field: str
    num: Num
    sentence: tuple[int, int]

    @property
    def id(self) -> str:
        return sha(json.dumps([self.article.id, self.field, self.num.start, self.num.end]))

    @property
    def kind(self) -> str:
        return kind_of(self.article.field(self.field), self.num)

    @property
    def stratum(self) -> str:
        return f"{self.field}/{self.kind}"


def kind_of(src: str, n: Num) -> str:
    """The sampling stratum's kind: ``range_hedge`` when a hedge word comes just before the
    number or a second number follows it as a range, else the reader's kind."""
    if _HEDGE_BEFORE.search(src, max(0, n.start - 20), n.start):
        return "range_hedge"
    if _RANGE_AFTER.match(src, n.end):
        return "range_hedge"
    return n.kind


def candidates(articles: Iterable[Article]) -> list[Cand]:
    out = []
    for a in articles:
        for fld in FIELDS:
            src = a.field(fld)
            if not src:
                continue
            spans = (sentence_spans(src) if fld == "text" else []) or [(0, len(src))]
            for n in numbers(src):
                sent = next(((s, e) for s, e in spans if s <= n.start < e), (0, len(src)))
                out.append(Cand(a, fld, n, sent))
    return out


def _quotas(total: int, headline_share: float) -> dict[str, int]:
    n_title = round(total * headline_share)
    out = {}
    for fld, n in (("title", n_title), ("text", total - n_title)):
        base, extra = divmod(n, len(KINDS))
        for i, k in enumerate(KINDS):
            out[f"{fld}/{k}"] = base + (1 if i < extra else 0)
    return out


def sample(articles: Sequence[Article], n_test: int = 100, n_dev: int = 200, seed: int = 10,
           headline_share: float = 0.35, per_article: int = 2) -> list[Cand]:
    """``n_test`` figures from test articles and ``n_dev`` from dev ones, each split stratified by
    field and kind (equal shares of the kinds within headlines and within bodies; a stratum with
    too few figures hands its shortfall to the others), at most ``per_article`` figures from one
    article and one from a sentence.  Deterministic for ``seed``; shuffled into reading order."""
    rng = random.Random(seed)
    chosen: list[Cand] = []
    for split, total in (("test", n_test), ("dev", n_dev)):
        pool = candidates(a for a in articles if a.split == split)
        strata: dict[str, list[Cand]] = {}
        for c in sorted(pool, key=lambda c: (c.article.id, c.field, c.num.start)):
            strata.setdefault(c.stratum, []).append(c)
        for v in strata.values():
            rng.shuffle(v)
        quotas = _quotas(total, headline_share)
        per_art: Counter[str] = Counter()
        sentences: set[tuple[str, str, int]] = set()
        got: list[Cand] = []

        def take(key: str, want: int) -> int:
            took = 0
            rest = []
            for c in strata.get(key, []):
                sk = (c.article.id, c.field, c.sentence[0])
                if took >= want or per_art[c.article.id] >= per_article or sk in sentences:
                    rest.append(c)
                    continue
                per_art[c.article.id] += 1
                sentences.add(sk)
                got.append(c)
                took += 1
            strata[key] = rest
            return took

        short = 0
        for key in sorted(quotas):
            short += quotas[key] - take(key, quotas[key])
        # hand the shortfall round the strata, one at a time, headlines first
        order = sorted(quotas, key=lambda k: (not k.startswith("title"), k))
        while short > 0:
            moved = 0
            for key in order:
                if short and take(key, 1):
                    short -= 1
                    moved += 1
            if not moved:
                break
        chosen.extend(got)
    rng.shuffle(chosen)
    return chosen


def task_record(c: Cand) -> dict[str, object]:
    src = c.article.field(c.field)
    s, e = c.sentence
    s, e = min(s, c.num.start), max(e, c.num.end)
    sent = src[s:c.num.start] + "[[" + src[c.num.start:c.num.end] + "]]" + src[c.num.end:e]
    return {"fig": c.id, "split": c.article.split, "stratum": c.stratum, "doc": c.article.id,
            "field": c.field, "start": c.num.start, "end": c.num.end, "number": c.num.surface,
            "sentence_start": s, "headline": c.article.title, "source": c.article.source,
            "published": c.article.published.isoformat() if c.article.published else None,
            "sentence": sent.strip() if c.field == "text" else sent}


def answer_template(fig: str) -> dict[str, object]:
    return {"fig": fig, "is_figure": None, "span": None, "low": None, "high": None, "unit": None,
            "bound": None, "measure": None, "holder": None, "note": None}


def write_batches(cands: Sequence[Cand], out_dir: Path, batch: int = 50) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(0, len(cands), batch):
        n = i // batch + 1
        p = out_dir / f"batch-{n:03d}.jsonl"
        p.write_text("".join(json.dumps(task_record(c), ensure_ascii=False) + "\n"
                             for c in cands[i:i + batch]), encoding="utf-8")
        # what a reader sees: the sentence and the headline, nothing that hints at the answer
        rd = out_dir / f"batch-{n:03d}.reader.jsonl"
        rd.write_text("".join(json.dumps({k: task_record(c)[k] for k in ("fig", "headline",
                                                                        "sentence")},
                                         ensure_ascii=False) + "\n"
                              for c in cands[i:i + batch]), encoding="utf-8")
        a = out_dir / f"batch-{n:03d}.answers.jsonl"
        a.write_text("".join(json.dumps(answer_template(c.id)) + "\n"
                             for c in cands[i:i + batch]), encoding="utf-8")
        paths.append(p)
    return paths


# --------------------------------------------------------------------------------------------
# answers -> labels


def _dec(v: object) -> Decimal | None:
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, (int, float)):
        v = repr(v)
    if not isinstance(v, str):
        return None
    try:
        d = Decimal(v.replace(",", "").replace("_", "").strip())
    except InvalidOperation:
        return None
    return d if d.is_finite() else None


def validate(answer: dict[str, Any], task: dict[str, Any]) -> list[str]:
    """What is wrong with one reader's answer for ``task`` (empty when it follows the guide)."""
    errs = []
    isf = answer.get("is_figure")
    if not isinstance(isf, bool):
        return ["is_figure must be true or false"]
    if not isf:
        return []
    sent = str(task["sentence"]).replace("[[", "").replace("]]", "")
    span = answer.get("span")
    if not isinstance(span, str) or not span.strip():
        errs.append("span must be the figure's text copied from the sentence")
    elif span not in sent:
        errs.append(f"span {span!r} is not in the sentence")
    elif locate_span(task, span) is None:
        errs.append(f"span {span!r} does not cover the marked number")
    low, high = _dec(answer.get("low")), _dec(answer.get("high"))
    if low is None or high is None:
        errs.append("low and high must be numbers (write 3500000000 for $3.5bn)")
    elif low > high:
        errs.append("low is greater than high")
    unit = answer.get("unit")
    if unit is not None and (not isinstance(unit, str) or not unit.strip()):
        errs.append("unit must be a unit name or null for a plain count")
    if answer.get("bound") not in BOUNDS:
        errs.append("bound must be one of " + ", ".join(BOUNDS))
    elif low is not None and high is not None and (answer["bound"] == "range") != (low < high):
        errs.append("bound is range exactly when low < high")
    m = answer.get("measure")
    if not isinstance(m, str) or not m.strip():
        errs.append("measure must be a short noun phrase")
    h = answer.get("holder")
    if h is not None and (not isinstance(h, str) or not h.strip()):
        errs.append("holder must be a short name or null")
    return errs


def locate_span(task: dict[str, Any], span: str) -> tuple[int, int] | None:
    """Field offsets of the reader's span: the occurrence in the sentence that covers the marked
    number."""
    marked = str(task["sentence"])
    i = marked.find("[[")
    j = marked.find("]]")
    plain = marked.replace("[[", "").replace("]]", "")
    # offset of the marked number within the plain sentence and in the field
    num_lo, num_hi = i, j - 2
    field_lo = int(task["start"]) - num_lo
    k = plain.find(span)
    while k >= 0:
        if k <= num_lo and num_hi <= k + len(span):
            return field_lo + k, field_lo + k + len(span)
        k = plain.find(span, k + 1)
    return None


def sentence_anchor(task: dict[str, Any]) -> dict[str, object]:
    """A hash of the figure's sentence and the number's offset in it, so that a label survives a
    rebuild of the corpus that moves the sentence within its article (see :func:`relocate`)."""
    marked = str(task["sentence"])
    plain = marked.replace("[[", "").replace("]]", "")
    return {"sentence_sha1": sha(plain.strip()), "in_sentence": marked.find("[[")
            - (len(plain) - len(plain.lstrip()))}


def label_records(tasks: Sequence[dict[str, Any]], answers: Sequence[dict[str, Any]]
                  ) -> tuple[list[dict[str, object]], list[str]]:
    """Readers' answers joined to their tasks: offsets, a hash of the marked surface, split,
    stratum and labels (no article text), plus one error line per answer that breaks the guide."""
    by_id = {str(t["fig"]): t for t in tasks}
    out: list[dict[str, object]] = []
    errors: list[str] = []
    for n, r in enumerate(answers, 1):
        fig = str(r.get("fig"))
        t = by_id.get(fig)
        if t is None:
            errors.append(f"answer {n}: unknown fig {fig!r}")
            continue
        if r.get("is_figure") is None:
            continue  # not answered yet
        errs = validate(r, t)
        if errs:
            errors.append(f"answer {n} ({fig}): " + "; ".join(errs))
            continue
        rec: dict[str, object] = {
            "fig": fig, "split": t["split"], "stratum": t["stratum"], "doc": t["doc"],
            "field": t["field"], "start": t["start"], "end": t["end"],
            "surface_sha1": sha(str(t["number"])), "is_figure": r["is_figure"],
            **sentence_anchor(t)}
        if r["is_figure"]:
            lo, hi = locate_span(t, str(r["span"])) or (None, None)
            low, high = _dec(r["low"]), _dec(r["high"])
            rec.update({"span_start": lo, "span_end": hi, "low": str(low), "high": str(high),
                        "unit": (r.get("unit") or None), "bound": r["bound"],
                        "measure": str(r["measure"]).strip(),
                        "holder": (str(r["holder"]).strip() if r.get("holder") else None)})
        note = r.get("note")
        if isinstance(note, str) and note.strip():
            rec["note"] = note.strip()[:200]
        out.append(rec)
    return out, errors


# --------------------------------------------------------------------------------------------
# normalising units and frames for scoring

_UNIT_ALIASES: dict[str, tuple[str, ...]] = {
    "USD": ("dollar", "$", "us$", "usd", "us dollar", "u.s. dollar", "united states dollar",
            "american dollar", "buck"),
    "AUD": ("australian dollar", "a$", "au$", "aud"),
    "CAD": ("canadian dollar", "c$", "ca$", "cad"),
    "NZD": ("new zealand dollar", "nz$", "nzd"),
    "HKD": ("hong kong dollar", "hk$", "hkd"),
    "SGD": ("singapore dollar", "s$", "sgd"),
    "GBP": ("pound", "pound sterling", "£", "gbp", "sterling", "british pound"),
    "GBX": ("penny", "pence", "p", "gbx"),
    "USC": ("cent", "¢"),
    "EUR": ("euro", "€", "eur"),
    "JPY": ("yen", "japanese yen", "¥", "jpy"),
    "CNY": ("yuan", "chinese yuan", "renminbi", "rmb", "cny"),
    "INR": ("rupee", "indian rupee", "rs", "₹", "inr"),
    "RUB": ("rouble", "ruble", "russian ruble", "russian rouble", "rub"),
    "KRW": ("won", "south korean won", "krw"),
    "CHF": ("swiss franc", "chf"),
    "ZAR": ("rand", "south african rand", "zar"),
    "%": ("%", "percent", "per cent", "percentage", "pct"),
    "pp": ("percentage point", "point percentage", "pp", "ppt"),
    "bp": ("basis point", "bps", "bp"),
    "km": ("kilometre", "kilometer", "km"),
    "m": ("metre", "meter", "m"),
    "cm": ("centimetre", "centimeter", "cm"),
    "mm": ("millimetre", "millimeter", "mm"),
    "mile": ("mile", "mi"),
    "nmi": ("nautical mile",),
    "ft": ("foot", "feet", "ft"),
    "in": ("inch", "in"),
    "yd": ("yard", "yd"),
    "km2": ("square kilometre", "square kilometer", "sq km", "km2", "km²"),
    "m2": ("square metre", "square meter", "sq m", "m2", "m²"),
    "mi2": ("square mile", "sq mile", "sq mi"),
    "ft2": ("square foot", "square feet", "sq ft"),
    "acre": ("acre",),
    "ha": ("hectare", "ha"),
    "l": ("litre", "liter", "l"),
    "gal": ("gallon", "gal"),
    "bbl": ("barrel", "bbl"),
    "kg": ("kilogram", "kilogramme", "kilo", "kg"),
    "g": ("gram", "gramme", "g"),
    "mg": ("milligram", "mg"),
    "t": ("tonne", "metric ton", "t"),
    "ton": ("ton", "short ton"),
    "lb": ("pound-mass", "lb", "lbs", "pound weight"),
    "oz": ("ounce", "oz"),
    "st": ("stone",),
    "degC": ("degree celsius", "celsius", "°c", "c", "degree centigrade"),
    "degF": ("degree fahrenheit", "fahrenheit", "°f", "f"),
    "s": ("second", "sec", "s"),
    "min": ("minute", "min"),
    "h": ("hour", "hr", "h"),
    "day": ("day",),
    "week": ("week", "wk"),
    "month": ("month",),
    "year": ("year", "yr", "year of age", "year old"),
    "decade": ("decade",),
    "century": ("century",),
    "km/h": ("kilometre per hour", "kilometer per hour", "km/h", "kph", "kmh"),
    "mph": ("mile per hour", "mph"),
    "m/s": ("metre per second", "meter per second", "m/s"),
    "kn": ("knot", "kn", "kt"),
    "W": ("watt", "w"),
    "kW": ("kilowatt", "kw"),
    "MW": ("megawatt", "mw"),
    "GW": ("gigawatt", "gw"),
    "kWh": ("kilowatt hour", "kilowatt-hour", "kwh"),
    "MWh": ("megawatt hour", "megawatt-hour", "mwh"),
    "GWh": ("gigawatt hour", "gigawatt-hour", "gwh"),
    "TWh": ("terawatt hour", "terawatt-hour", "twh"),
    "GB": ("gigabyte", "gb"),
    "TB": ("terabyte", "tb"),
    "MB": ("megabyte", "mb"),
    "hp": ("horsepower", "hp"),
    "point": ("point",),
}
_ALIAS: dict[str, str] = {a: k for k, v in _UNIT_ALIASES.items() for a in v}
_CASE_SENSITIVE: dict[str, str] = {"C": "degC", "F": "degF", "M": "m", "W": "W"}


def _singular_word(w: str) -> str:
    if w in ("feet",):
        return "foot"
    if w in ("pence",):
        return "penny"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ches") or w.endswith("shes") or w.endswith("xes"):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3 and w not in ("mph", "kmh",
                                                                              "lbs", "bps"):
        return w[:-1]
    return w


def unit_key(unit: str | None) -> str | None:
    """One spelling for a unit, whoever wrote it (a reader, figcheck, CQE): currencies as codes,
    units of measure as symbols, a rate as ``A/B``; None for a plain count."""
    if unit is None:
        return None
    u = unit.strip()
    if not u or u.lower() in ("-", "none", "null", "count", "dimensionless"):
        return None
    if u in _CASE_SENSITIVE and u not in ("W",):
        return _CASE_SENSITIVE[u]
    low = re.sub(r"\s+", " ", u.lower().replace("degrees", "degree"))
    for sep in (" per ", " a ", " an ", " each ", "/"):
        if sep in low and low not in _ALIAS:
            a, b = low.split(sep, 1)
            ka, kb = unit_key(a), unit_key(b)
            if ka and kb:
                return f"{ka}/{kb}"
    if low in _ALIAS:
        return _ALIAS[low]
    s = " ".join(_singular_word(w) for w in low.split(" "))
    if s in _ALIAS:
        return _ALIAS[s]
    return s


_STOP = frozenset("the a an of its their his her our this that these those".split())


def phrase_head(p: str | None) -> str | None:
    """The head word of a short noun phrase: the last word, singular, lower case ("the death
    toll" -> "toll", "Sales" -> "sale").  A phrase with "of" is headed before it ("number of
    deaths" -> "number")."""
    if not p:
        return None
    words = re.findall(r"[a-z0-9][a-z0-9'-]*", p.lower())
    if "of" in words[1:]:
        words = words[:words.index("of", 1)]
    words = [w for w in words if w not in _STOP]
    if not words:
        return None
    return _singular_word(words[-1].removesuffix("'s"))


def measure_match(gold: str | None, pred: str | None) -> bool:
    """A measure is right when its head word is the gold one's head word, or one of the reader's
    alternatives (``death toll|deaths``) heads."""
    if not gold:
        return pred is None
    ph = phrase_head(pred)
    if ph is None:
        return False
    return any(phrase_head(g) == ph for g in gold.split("|"))


def holder_match(gold: str | None, pred: str | None) -> bool:
    """A holder is right when both are empty, or they share a content word ("the bank" /
    "Barclays bank"; "Curry" / "Stephen Curry")."""
    if not gold or not pred:
        return not gold and not pred

    def words(s: str) -> set[str]:
        return {_singular_word(w.removesuffix("'s")) for w in re.findall(r"[a-z0-9][a-z0-9'-]*",
                                                                      s.lower())} - _STOP
    return any(bool(words(g) & words(pred)) for g in gold.split("|"))


# --------------------------------------------------------------------------------------------
# readings: figcheck's and CQE's answers for a marked number


@dataclass(frozen=True)
class Reading:
    """One extractor's reading of the figure at a marked number (None fields: not given)."""

    start: int
    end: int
    low: Decimal
    high: Decimal
    unit: str | None
    bound: str | None
    measure: str | None = None
    holder: str | None = None
    raw: str = ""


def figcheck_readings(article: Article) -> dict[str, list[Reading]]:
    """figcheck's quantities in both fields.  The frame's measure and holder come from a
    ``frame`` attribute when quantities have one, else measure from ``subject.head``."""
    import figcheck

    qs = figcheck.extract(article.text, title=article.title or None)
    out: dict[str, list[Reading]] = {f: [] for f in FIELDS}
    for q in qs:
        out[q.field].extend(score_sides(q) or [reading_of(q)])
    return out


_SIDE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def score_sides(q: Any) -> list[Reading]:
    """A score or tally ("3-1", "a 79 to 20 vote") as its two numbers, each a reading of its own:
    readers mark and label each side as a figure."""
    if getattr(q, "kind", "figure") != "score":
        return []
    sides = list(_SIDE.finditer(q.text))
    if len(sides) != 2:
        return []
    frame = getattr(q, "frame", None)
    measure, holder = (frame.measure, frame.holder) if frame is not None else (None, None)
    out = []
    for m in sides:
        v = Decimal(m.group().replace(",", ""))
        out.append(Reading(q.start + m.start(), q.start + m.end(), v, v, None, "exact", measure,
                           holder, m.group()))
    return out


def reading_of(q: Any) -> Reading:
    """A figcheck quantity as a reading: measure and holder from its ``frame`` when it has one
    (the claim frame of issue 10), else the measure from ``subject.head`` and no holder; a rate's
    unit is its unit per its denominator (``Quantity.per``)."""
    frame = getattr(q, "frame", None)
    if frame is not None:
        measure = getattr(frame, "measure", None)
        holder = getattr(frame, "holder", None)
    else:
        measure, holder = q.subject.head, None
    unit = q.unit
    per = getattr(q, "per", None)
    if unit and per:
        unit = f"{unit} per {per}"  # a rate: "$2.11 per gallon" is dollar per gallon
    return Reading(q.start, q.end, Decimal(q.value.low), Decimal(q.value.high), unit, q.bound,
                   measure, holder, q.text)


_CQE_BOUND: dict[str, str] = {"=": "exact", "~": "approximate", ">": "lower", "<": "upper",
                              "up": "exact", "down": "exact"}


def cqe_worker(lines: Iterable[str], out: Any) -> None:  # pragma: no cover - runs under CQE
    """Run in CQE's venv: read ``{"key", "text"}`` lines, write ``{"key", "quantities": [...]}``
    with character offsets into ``text``.  CQE's unit for a plain count is the counted noun; a
    unit that is not in CQE's unit dictionary is reported as no unit (a count)."""
    import logging
    import warnings

    warnings.simplefilter("ignore")
    logging.disable(logging.WARNING)
    from CQE import CQE

    parser = CQE.CQE(overload=True)
    for line in lines:
        if not line.strip():
            continue
        r = json.loads(line)
        res: list[dict[str, object]] = []
        try:
            qs = parser.parse(r["text"])
        except Exception as exc:  # one sentence CQE cannot read is one recorded error
            out.write(json.dumps({"key": r["key"],
                                  "error": f"{type(exc).__name__}: {exc}"}) + "\n")
            continue
        for q in qs:
            v = q.value
            if hasattr(v, "lower"):
                lo, hi, bound = v.lower, v.upper, "range"
                idx = v.char_indices or []
            else:
                lo = hi = v.value
                bound = _CQE_BOUND.get(str(q.change.change), "exact")
                idx = v.char_indices or []
            if not idx:
                continue
            s = min(a for a, _ in idx)
            e = max(b for _, b in idx)
            unit = q.unit.norm_unit if q.unit.scientific else None
            if unit in ("-", ""):
                unit = None
            rc = q.referred_concepts
            rcs = list(rc) if isinstance(rc, (list, tuple)) else ([rc] if rc else [])
            concepts = [str(c) for c in rcs]
            measure = None
            for c in rcs:
                toks = getattr(c, "noun", None)
                if isinstance(toks, dict):
                    for vals in toks.values():
                        words = [t.text for t in vals if not t.like_num]
                        if words:
                            measure = words[0]  # CQE lists the concept's head noun first
                            break
                if measure:
                    break
            res.append({"start": s, "end": e, "low": str(Decimal(str(lo))),
                        "high": str(Decimal(str(hi))), "unit": unit, "bound": bound,
                        "measure": measure, "raw": str(q), "concepts": concepts})
        out.write(json.dumps({"key": r["key"], "quantities": res}) + "\n")
        out.flush()


def run_cqe(venv: Path, sentences: dict[str, str]) -> dict[str, list[Reading] | None]:
    """CQE's readings of each sentence, through ``venv``'s interpreter (None: CQE failed on it)."""
    py = venv / "bin" / "python"
    env = dict(os.environ)
    env["LOCPATH"] = str(venv / "locale")
    env.pop("PYTHONPATH", None)
    inp = "".join(json.dumps({"key": k, "text": t}) + "\n" for k, t in sentences.items())
    proc = subprocess.run([str(py), str(Path(__file__).resolve()), "cqe-worker"], input=inp,
                          capture_output=True, text=True, env=env, timeout=3600)
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"CQE worker failed: {tail}")
    out: dict[str, list[Reading] | None] = {}
    for line in proc.stdout.splitlines():
        r = json.loads(line)
        if "error" in r:
            out[r["key"]] = None
            continue
        out[r["key"]] = [Reading(int(q["start"]), int(q["end"]), Decimal(q["low"]),
                                 Decimal(q["high"]), q["unit"], q["bound"], q.get("measure"),
                                 None, q.get("raw", "")) for q in r["quantities"]]
    return out


def pick(readings: Sequence[Reading], start: int, end: int) -> Reading | None:
    """The reading that covers the marked number [start, end) (the widest overlap wins)."""
    best, size = None, 0
    for r in readings:
        ov = min(r.end, end) - max(r.start, start)
        if ov > size:
            best, size = r, ov
    return best


# --------------------------------------------------------------------------------------------
# scoring


@dataclass
class FigScore:
    figures: int = 0        # gold figures
    not_figures: int = 0    # marked numbers readers said are not figures
    extracted: int = 0      # marked numbers the extractor returned something for
    extracted_gold: int = 0  # ... of which gold figures
    value_unit: int = 0     # gold figures read with the right value and unit
    value: int = 0          # ... right value whatever the unit
    bound: int = 0          # right bound, of extracted gold figures
    measure: int = 0        # right measure head, of extracted gold figures
    holder: int = 0         # right holder, of extracted gold figures
    missing: int = 0        # labelled records whose article was not found or changed
    skipped: int = 0        # sentences the extractor failed on
    misses: list[dict[str, object]] = field(default_factory=list)

    @staticmethod
    def _r(a: int, b: int) -> str:
        return "n/a" if not b else f"{a / b:.3f}"

    def line(self, holder: bool = True) -> str:
        s = (f"{self.figures} figures, {self.not_figures} non-figures: value+unit precision "
             f"{self._r(self.value_unit, self.extracted)} ({self.value_unit}/{self.extracted}), "
             f"recall {self._r(self.value_unit, self.figures)} "
             f"({self.value_unit}/{self.figures}); value recall "
             f"{self._r(self.value, self.figures)}; bound {self._r(self.bound, self.extracted_gold)}"
             f", measure {self._r(self.measure, self.extracted_gold)} "
             f"(of all figures {self._r(self.measure, self.figures)})")
        if holder:
            s += (f", holder {self._r(self.holder, self.extracted_gold)} "
                  f"(of all figures {self._r(self.holder, self.figures)})")
        if self.missing:
            s += f"; {self.missing} not found in the corpora"
        if self.skipped:
            s += f"; {self.skipped} sentences the extractor failed on"
        return s


def value_unit_right(label: dict[str, Any], r: Reading) -> tuple[bool, bool]:
    low, high = Decimal(str(label["low"])), Decimal(str(label["high"]))
    v = r.low == low and r.high == high
    return v, v and unit_key(r.unit) == unit_key(label.get("unit"))


def score_one(s: FigScore, label: dict[str, Any], r: Reading | None) -> None:
    gold = bool(label["is_figure"])
    if gold:
        s.figures += 1
    else:
        s.not_figures += 1
    if r is not None:
        s.extracted += 1
    if not gold:
        return
    if r is None:
        s.misses.append({"fig": label["fig"], "why": "not extracted"})
        return
    s.extracted_gold += 1
    v, vu = value_unit_right(label, r)
    s.value += v
    s.value_unit += vu
    if not vu:
        s.misses.append({"fig": label["fig"], "why": "value/unit", "got": [
            str(r.low), str(r.high), r.unit]})
    s.bound += r.bound == label["bound"]
    s.measure += measure_match(label.get("measure"), r.measure)
    s.holder += holder_match(label.get("holder"), r.holder)


def resolve(label: dict[str, Any], articles: dict[str, Article]) -> Article | None:
    a = articles.get(str(label["doc"]))
    if a is None:
        return None
    src = a.field(str(label["field"]))
    if sha(src[int(label["start"]):int(label["end"])]) != label.get("surface_sha1"):
        return None
    return a


def relocate(labels: Sequence[dict[str, Any]], articles: dict[str, Article]
             ) -> tuple[list[dict[str, Any]], int]:
    """The labels whose marked number is still in the corpora (offsets moved when a rebuilt corpus
    moved the figure's sentence: found by its ``sentence_sha1``), and how many are not."""
    out: list[dict[str, Any]] = []
    missing = 0
    for lab in labels:
        if resolve(lab, articles) is not None:
            out.append(lab)
            continue
        a = articles.get(str(lab["doc"]))
        moved = None
        if a is not None and lab.get("sentence_sha1") and lab.get("in_sentence") is not None:
            src = a.field(str(lab["field"]))
            spans = (sentence_spans(src) if lab["field"] == "text" else []) or [(0, len(src))]
            for s, e in spans:
                sent = src[s:e]
                if sha(sent.strip()) != lab["sentence_sha1"]:
                    continue
                delta = s + (len(sent) - len(sent.lstrip())) + int(lab["in_sentence"]) - int(
                    lab["start"])
                cand = {k: (int(v) + delta if k in ("start", "end", "span_start", "span_end")
                            and v is not None else v) for k, v in lab.items()}
                if resolve(cand, articles) is not None:
                    moved = cand
                    break
        if moved is None:
            missing += 1
        else:
            out.append(moved)
    return out, missing


def sentence_of(a: Article, fld: str, start: int) -> tuple[int, int]:
    src = a.field(fld)
    spans = (sentence_spans(src) if fld == "text" else []) or [(0, len(src))]
    return next(((s, e) for s, e in spans if s <= start < e), (0, len(src)))


def score_figcheck(labels: Sequence[dict[str, Any]], articles: dict[str, Article]) -> FigScore:
    s = FigScore()
    cache: dict[str, dict[str, list[Reading]]] = {}
    for lab in labels:
        a = resolve(lab, articles)
        if a is None:
            s.missing += 1
            continue
        if a.id not in cache:
            cache[a.id] = figcheck_readings(a)
        score_one(s, lab, pick(cache[a.id][str(lab["field"])], int(lab["start"]),
                               int(lab["end"])))
    return s


def miss_rows(labels: Sequence[dict[str, Any]], articles: dict[str, Article]
              ) -> list[tuple[str, str, str, str]]:
    """figcheck's misses on ``labels``: (kind, gold, got, sentence with the number marked), kind
    ``not extracted`` (a gold figure nothing covers), ``value/unit`` (read wrong: costs recall and
    precision) or ``non-figure`` (a number readers say is no figure, returned as one)."""
    out: list[tuple[str, str, str, str]] = []
    cache: dict[str, dict[str, list[Reading]]] = {}
    for lab in labels:
        a = resolve(lab, articles)
        if a is None:
            continue
        if a.id not in cache:
            cache[a.id] = figcheck_readings(a)
        fld, st, en = str(lab["field"]), int(lab["start"]), int(lab["end"])
        r = pick(cache[a.id][fld], st, en)
        gold = bool(lab["is_figure"])
        if gold and r is not None and value_unit_right(lab, r)[1]:
            continue
        if not gold and r is None:
            continue
        src = a.field(fld)
        s0, s1 = sentence_of(a, fld, st)
        sent = (src[s0:st] + "[[" + src[st:en] + "]]" + src[en:s1]).replace("\n", " ")
        want = (f"{lab['low']}" + (f"..{lab['high']}" if lab["high"] != lab["low"] else "")
                + f" {lab.get('unit')}") if gold else f"not a figure ({lab.get('note', '')})"
        got = "-" if r is None else (f"{r.low}" + (f"..{r.high}" if r.high != r.low else "")
                                     + f" {r.unit} {r.raw!r}")
        kind = "non-figure" if not gold else ("not extracted" if r is None else "value/unit")
        out.append((kind, want, got, sent))
    return out


def show_misses(labels: Sequence[dict[str, Any]], articles: dict[str, Article]) -> None:
    rows = miss_rows(labels, articles)
    print(f"  dev misses: {len(rows)} (" + ", ".join(
        f"{k} {v}" for k, v in sorted(Counter(r[0] for r in rows).items())) + ")")
    for kind, want, got, sent in sorted(rows):
        print(f"    {kind}: gold {want}; figcheck {got}\n      {sent[:400]}")


def _key(doc: str, fld: str, sent: tuple[int, int]) -> str:
    return f"{doc}\t{fld}\t{sent[0]}\t{sent[1]}"


def cqe_sentences(items: Sequence[dict[str, Any]], articles: dict[str, Article]
                  ) -> dict[str, str]:
    out = {}
    for it in items:
        a = resolve(it, articles) if "surface_sha1" in it else articles.get(str(it["doc"]))
        if a is None:
            continue
        sent = sentence_of(a, str(it["field"]), int(it["start"]))
        out[_key(a.id, str(it["field"]), sent)] = a.field(str(it["field"]))[sent[0]:sent[1]]
    return out


def cqe_pick(it: dict[str, Any], a: Article, cqe: dict[str, list[Reading] | None]
             ) -> tuple[bool, Reading | None]:
    """(CQE read the sentence, its reading at the marked number in field offsets)."""
    sent = sentence_of(a, str(it["field"]), int(it["start"]))
    got = cqe.get(_key(a.id, str(it["field"]), sent))
    if got is None:
        return False, None
    shifted = [Reading(r.start + sent[0], r.end + sent[0], r.low, r.high, r.unit, r.bound,
                       r.measure, r.holder, r.raw) for r in got]
    return True, pick(shifted, int(it["start"]), int(it["end"]))


def score_cqe(labels: Sequence[dict[str, Any]], articles: dict[str, Article],
              cqe: dict[str, list[Reading] | None]) -> FigScore:
    s = FigScore()
    for lab in labels:
        a = resolve(lab, articles)
        if a is None:
            s.missing += 1
            continue
        ok, r = cqe_pick(lab, a, cqe)
        if not ok:
            s.skipped += 1
            continue
        score_one(s, lab, r)
    return s


def disagree(f: Reading | None, c: Reading | None) -> str | None:
    """How figcheck's and CQE's readings of one number differ (None when they agree on
    extraction, value, unit and bound)."""
    if f is None and c is None:
        return None
    if f is None or c is None:
        return "only CQE extracts it" if f is None else "only figcheck extracts it"
    if (f.low, f.high) != (c.low, c.high):
        return "value"
    if unit_key(f.unit) != unit_key(c.unit):
        return "unit"
    if f.bound != c.bound:
        return "bound"
    return None


def _reading_json(r: Reading | None) -> dict[str, object] | None:
    if r is None:
        return None
    return {"start": r.start, "end": r.end, "low": str(r.low), "high": str(r.high),
            "unit": r.unit, "unit_key": unit_key(r.unit), "bound": r.bound,
            "measure": r.measure, "text": r.raw}


def disagreements(items: Sequence[dict[str, Any]], articles: dict[str, Article],
                  cqe: dict[str, list[Reading] | None],
                  tally: Counter[tuple[str, str]] | None = None) -> list[dict[str, object]]:
    """Every item (a task or a label) where figcheck and CQE read the marked number differently,
    with the sentence for a reader to judge (article text: export under .data only).  ``tally``
    counts, by field, the items read (``n``) and those each extractor returns something for."""
    cache: dict[str, dict[str, list[Reading]]] = {}
    out: list[dict[str, object]] = []
    for it in items:
        a = articles.get(str(it["doc"]))
        if a is None:
            continue
        if a.id not in cache:
            cache[a.id] = figcheck_readings(a)
        fld, st, en = str(it["field"]), int(it["start"]), int(it["end"])
        f = pick(cache[a.id][fld], st, en)
        ok, c = cqe_pick(it, a, cqe)
        if not ok:
            if tally is not None:
                tally[(fld, "CQE failed")] += 1
            continue
        if tally is not None:
            tally[(fld, "n")] += 1
            tally[(fld, "figcheck")] += f is not None
            tally[(fld, "CQE")] += c is not None
        why = disagree(f, c)
        if why is None:
            continue
        s, e = sentence_of(a, fld, st)
        src = a.field(fld)
        out.append({"fig": it["fig"], "split": it["split"], "stratum": it.get("stratum"),
                    "doc": a.id, "field": fld, "start": st, "end": en, "disagreement": why,
                    "sentence": src[s:st] + "[[" + src[st:en] + "]]" + src[en:e],
                    "headline": a.title, "figcheck": _reading_json(f), "cqe": _reading_json(c),
                    "verdict": None})
    return out


def _reading_from_json(j: dict[str, Any] | None) -> Reading | None:
    if j is None:
        return None
    return Reading(int(j["start"]), int(j["end"]), Decimal(str(j["low"])),
                   Decimal(str(j["high"])), j.get("unit"), j.get("bound"), j.get("measure"))


def reading_right(label: dict[str, Any], r: Reading | None) -> bool:
    """Whether one reading of a labelled number is right: nothing for a non-figure; for a figure,
    the right value, unit and bound."""
    if not label["is_figure"]:
        return r is None
    return r is not None and value_unit_right(label, r)[1] and r.bound == label["bound"]


def judge(rows: Sequence[dict[str, Any]], labels: Sequence[dict[str, Any]]) -> Counter[str]:
    """The readers' labels as verdicts on figcheck/CQE disagreements: which one was right."""
    by_fig = {str(lab["fig"]): lab for lab in labels}
    out: Counter[str] = Counter()
    for r in rows:
        lab = by_fig.get(str(r["fig"]))
        if lab is None:
            continue
        f = reading_right(lab, _reading_from_json(r["figcheck"]))
        c = reading_right(lab, _reading_from_json(r["cqe"]))
        out["both right" if f and c else "figcheck right" if f else "CQE right" if c
            else "neither right"] += 1
    return out


# --------------------------------------------------------------------------------------------
# command line


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            raise ValueError(f"{path}:{n}: not JSON ({e.msg})") from None
        if isinstance(r, dict):
            out.append(r)
    return out


def write_jsonl(path: Path, records: Iterable[dict[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n"
                            for r in records), encoding="utf-8")


def _articles(corpora: Sequence[Corpus]) -> dict[str, Article]:
    return {a.id: a for c in corpora for a in c.articles}


def _under_data(path: Path) -> bool:
    p = path.resolve()
    return not p.is_relative_to(ROOT.resolve()) or p.is_relative_to((ROOT / ".data").resolve())


def _cqe_venv(arg: str | None) -> Path | None:
    if not arg:
        return None
    v = Path(arg)
    if not (v / "bin" / "python").exists():
        print(f"CQE: skipped: no venv at {v}; set one up with bash bench/cqe_setup.sh")
        return None
    return v


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python bench/realnews_figures.py",
                                 description="Real figures labelled by readers; figcheck and CQE "
                                             "scored on them.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    mk = sub.add_parser("make-tasks", help="sample figures and write task batches for readers")
    mk.add_argument("corpora", nargs="*")
    mk.add_argument("--test", type=int, default=100)
    mk.add_argument("--dev", type=int, default=200)
    mk.add_argument("--seed", type=int, default=10)
    mk.add_argument("--batch", type=int, default=50)
    mk.add_argument("--out", default=str(TASKS))
    im = sub.add_parser("import-labels", help="validate readers' answers and store the labels")
    im.add_argument("answers", nargs="+")
    im.add_argument("--tasks", default=str(TASKS))
    im.add_argument("--labels", default=str(LABELS))
    sc = sub.add_parser("score", help="figcheck (and CQE) on the labelled figures")
    sc.add_argument("corpora", nargs="*")
    sc.add_argument("--labels", default=str(LABELS))
    sc.add_argument("--cqe", default=None, help="CQE venv (bench/cqe_setup.sh)")
    sc.add_argument("--misses", default=None, help="write figcheck's misses here (under .data)")
    sc.add_argument("--show-misses", action="store_true",
                    help="print figcheck's dev misses (recall and precision) with their sentence; "
                         "dev only: test figures are never listed")
    dg = sub.add_parser("disagreements", help="figures figcheck and CQE read differently")
    dg.add_argument("corpora", nargs="*")
    dg.add_argument("--tasks", default=str(TASKS))
    dg.add_argument("--cqe", default=os.environ.get("CQE_VENV", "/work/cqe-venv"))
    dg.add_argument("--out", default=str(EXPORT / "disagreements.jsonl"))
    ag = sub.add_parser("agreement", help="a second reader's answers against the labels: the "
                                          "human ceiling of each score")
    ag.add_argument("answers", nargs="+", help="the second reader's answer files")
    ag.add_argument("--labels", default=str(LABELS))
    sub.add_parser("cqe-worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.cmd == "cqe-worker":  # pragma: no cover - runs under CQE's interpreter
        cqe_worker(sys.stdin, sys.stdout)
        return 0
    if args.cmd == "make-tasks":
        return _make_tasks(args)
    if args.cmd == "import-labels":
        return _import_labels(args)
    if args.cmd == "disagreements":
        return _disagreements(args)
    if args.cmd == "agreement":
        return _agreement(args)
    return _score(args)


def _any_match(match: Any, gold: str | None, second: str | None) -> bool:
    """``match`` of the labels against any of the second reader's alternatives (``a|b``)."""
    alts = [a for a in (second or "").split("|") if a.strip()] or [None]
    return any(match(gold, a) for a in alts)


def agreement(labels: Sequence[dict[str, Any]], second: Sequence[dict[str, Any]]
              ) -> dict[str, tuple[int, int]]:
    """How often a second reader, given the same tasks and guide, agrees with the stored labels:
    is-a-figure, value, value+unit, and (on figures both call figures) measure and holder by
    the same :func:`measure_match` / :func:`holder_match` figcheck is scored with."""
    by_fig = {r["fig"]: r for r in labels}
    out = {k: [0, 0] for k in ("is_figure", "value", "value+unit", "measure", "holder")}
    for a in second:
        g = by_fig.get(a.get("fig"))
        if g is None or a.get("is_figure") is None:
            continue
        out["is_figure"][1] += 1
        out["is_figure"][0] += bool(a["is_figure"]) == bool(g["is_figure"])
        if not (a["is_figure"] and g["is_figure"]):
            continue
        try:
            same_value = (Decimal(str(a["low"])), Decimal(str(a["high"]))) == (
                Decimal(str(g["low"])), Decimal(str(g["high"])))
        except (ArithmeticError, ValueError, TypeError):
            same_value = False
        out["value"][1] += 1
        out["value"][0] += same_value
        out["value+unit"][1] += 1
        out["value+unit"][0] += same_value and unit_key(a.get("unit")) == unit_key(g.get("unit"))
        out["measure"][1] += 1
        out["measure"][0] += _any_match(measure_match, g.get("measure"), a.get("measure"))
        out["holder"][1] += 1
        out["holder"][0] += _any_match(holder_match, g.get("holder"), a.get("holder"))
    return {k: (v[0], v[1]) for k, v in out.items()}


def _agreement(args: argparse.Namespace) -> int:
    labels = [r for split in ("dev", "test") for r in read_jsonl(Path(args.labels) / f"{split}.jsonl")]
    second = [r for p in args.answers for r in read_jsonl(Path(p))]
    res = agreement(labels, second)
    n = res["is_figure"][1]
    print(f"second reader on {n} labelled tasks: " + "; ".join(
        f"{k} {a}/{t} ({a / t:.3f})" if t else f"{k} n/a" for k, (a, t) in res.items()))
    return 0


def _make_tasks(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if not _under_data(out):
        print(f"error: {args.out}: tasks hold article text; write them under .data/")
        return 2
    corpora = load_present(args.corpora, "figure tasks")
    if not corpora:
        return 0
    arts = list(_articles(corpora).values())
    cands = sample(arts, args.test, args.dev, args.seed)
    for old in out.glob("batch-*.jsonl"):  # a new sample replaces the old one whole
        old.unlink()
    paths = write_batches(cands, out, args.batch)
    # which corpus version the tasks were made on (the manifest the corpus build writes)
    versions = {str(c.path): hashlib.sha1(c.path.read_bytes()).hexdigest()[:16] for c in corpora}
    manifest = corpora[0].path.parent / "manifest.json"
    (out / "corpus-version.json").write_text(json.dumps(
        {"corpora_sha1": versions, "seed": args.seed,
         "manifest": json.loads(manifest.read_text()) if manifest.exists() else None},
        indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(cands)} figures in {len(paths)} batches to {out}: give readers "
          f"GUIDE.md, batch-NNN.reader.jsonl and batch-NNN.answers.jsonl to fill in")
    for split in ("dev", "test"):
        c = Counter(x.stratum for x in cands if x.article.split == split)
        print(f"  {split}: {sum(c.values())}: " + ", ".join(f"{k} {v}"
                                                        for k, v in sorted(c.items())))
    return 0


def _import_labels(args: argparse.Namespace) -> int:
    tasks = [r for p in sorted(Path(args.tasks).glob("batch-[0-9][0-9][0-9].jsonl"))
             for r in read_jsonl(p)]
    try:
        answers = [r for a in args.answers for r in read_jsonl(Path(a))]
    except ValueError as exc:
        print(f"error: {exc}")
        return 2
    recs, errors = label_records(tasks, answers)
    for err in errors:
        print(err)
    labels = Path(args.labels)
    for split in ("dev", "test"):
        path = labels / f"{split}.jsonl"
        old = {str(r["fig"]): r for r in read_jsonl(path)}
        for r in recs:
            if r["split"] == split:
                old[str(r["fig"])] = r
        write_jsonl(path, [old[k] for k in sorted(old)])
        print(f"{path}: {len(old)} labelled figures")
    print(f"{len(recs)} answers stored, {len(errors)} rejected")
    return 1 if errors and not recs else 0


def _disagreements(args: argparse.Namespace) -> int:
    venv = _cqe_venv(args.cqe)
    corpora = load_present(args.corpora, "figcheck/CQE disagreements")
    tasks = [r for p in sorted(Path(args.tasks).glob("batch-[0-9][0-9][0-9].jsonl"))
             for r in read_jsonl(p)]
    if venv is None or not corpora:
        return 0
    if not tasks:
        print(f"skipped: no tasks in {args.tasks}; run make-tasks first")
        return 0
    arts = _articles(corpora)
    cqe = run_cqe(venv, cqe_sentences(tasks, arts))
    tally: Counter[tuple[str, str]] = Counter()
    rows = disagreements(tasks, arts, cqe, tally)
    out = Path(args.out)
    if not _under_data(out):
        print(f"error: {args.out}: the export holds article text; write it under .data/")
        return 2
    write_jsonl(out, rows)
    why = Counter(str(r["disagreement"]) for r in rows)
    print(f"{len(rows)} of {len(tasks)} sampled figures read differently by figcheck and "
          f"CQE -> {out}")
    print("  " + ", ".join(f"{k} {v}" for k, v in sorted(why.items())))
    for fld, name in (("title", "headline"), ("text", "body")):
        n = tally[(fld, "n")]
        print(f"  {name} numbers returned (unlabelled: figures and non-figures alike): "
              f"figcheck {tally[(fld, 'figcheck')]}/{n}, CQE {tally[(fld, 'CQE')]}/{n}"
              + (f"; {tally[(fld, 'CQE failed')]} more that CQE failed on"
                 if tally[(fld, "CQE failed")] else ""))
    return 0


def _score(args: argparse.Namespace) -> int:
    corpora = load_present(args.corpora, "labelled figures")
    if not corpora:
        return 0
    arts = _articles(corpora)
    venv = _cqe_venv(args.cqe)
    all_misses = []
    for split in ("dev", "test"):
        path = Path(args.labels) / f"{split}.jsonl"
        labels = read_jsonl(path)
        if not labels:
            print(f"{split}: skipped: {path} has no labels yet")
            continue
        labels, gone = relocate(labels, arts)
        fs = score_figcheck(labels, arts)
        fs.missing += gone
        print(f"{split} figcheck: {fs.line()}")
        if args.show_misses and split == "dev":
            show_misses(labels, arts)
        all_misses += [{**m, "split": split} for m in fs.misses]
        if venv is not None:
            cqe = run_cqe(venv, cqe_sentences(labels, arts))
            cs = score_cqe(labels, arts, cqe)
            cs.missing += gone
            print(f"{split} CQE:      {cs.line(holder=False)} (CQE gives no holder)")
            rows = disagreements(labels, arts, cqe)
            j = judge(rows, labels)
            print(f"{split} disagreements: {len(rows)} figures read differently; judged by the "
                  "labels (value, unit, bound): " + ", ".join(f"{k} {v}"
                                                           for k, v in sorted(j.items())))
    if args.misses:
        out = Path(args.misses)
        if not _under_data(out):
            print(f"error: {args.misses}: write it under .data/")
            return 2
        write_jsonl(out, all_misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
