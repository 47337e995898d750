"""Scoring :func:`figcheck.extract` against the gold articles in ``corpus/extract/``.

The corpus format and annotation conventions are documented in ``corpus/README.md`` (section
"corpus/extract").  In short: ``<desk>-<slug>.md`` is an article (``# Headline`` line = the title
field, the rest = the text field) and ``<desk>-<slug>.gold.jsonl`` beside it holds one JSON object
a line: a figure (``field``, ``text``, ``occurrence``, ``value``, ``bound``, ``direction``,
``kind``, ``unit``, ``dimension``, ``subject_head``) or a trap (``{"not_figure": ..., "field",
"occurrence"}``) that must never be returned.

Matching: gold surfaces are located by ``text`` + ``occurrence`` (the n-th ``str.find`` hit, each
search starting one character after the previous hit).  A predicted quantity and a gold figure are
paired when they are in the same field and their spans overlap; pairs are made one-to-one, largest
overlap first.  Every predicted quantity that is not paired is a false positive; those that overlap
a trap are also listed as trap hits.  Levels (a paired prediction is *correct* at a level when):

* ``value``: same kind and the same ``value.low``/``value.high`` (exact decimals; for a ``score``
  the two numbers are compared as an unordered pair);
* ``value+unit``: value correct and the same unit (``None`` for a plain count; aliases in
  :data:`UNIT_ALIASES` are folded first);
* ``value+bound/direction``: value correct and the same ``bound`` and ``direction``;
* ``subject head``: accuracy of ``subject.head`` over paired figures whose gold head is not null
  (case-insensitive), reported as an accuracy, not P/R.

Precision = correct / predicted quantities, recall = correct / gold figures.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..inputs import split_title
from ..model import Quantity
from . import corpus_dir, locate

UNITS = MappingProxyType({
    # currency (quantulum3 names)
    "dollar": "currency", "united states dollar": "currency", "australian dollar": "currency",
    "canadian dollar": "currency", "new zealand dollar": "currency", "pound sterling": "currency",
    "penny": "currency", "euro": "currency", "cent": "currency", "japanese yen": "currency",
    "indian rupee": "currency", "swiss franc": "currency", "chinese yuan": "currency",
    "south african rand": "currency", "south korean won": "currency", "mexican peso": "currency",
    # ratio
    "percentage": "ratio", "percentage point": "ratio", "basis point": "ratio",
    # length
    "kilometre": "length", "mile": "length", "metre": "length", "centimetre": "length",
    "millimetre": "length", "foot": "length", "inch": "length", "yard": "length",
    "nautical mile": "length",
    # area
    "square kilometre": "area", "square mile": "area", "hectare": "area", "acre": "area",
    "square metre": "area", "square foot": "area",
    # volume
    "litre": "volume", "cubic kilometre": "volume", "gallon": "volume", "barrel": "volume", "cubic metre": "volume",
    # mass
    "tonne": "mass", "kilogram": "mass", "gram": "mass", "milligram": "mass", "microgram": "mass", "pound-mass": "mass",
    # temperature
    "degree Celsius": "temperature", "degree fahrenheit": "temperature",
    # duration (also ages)
    "year": "duration", "month": "duration", "week": "duration", "day": "duration",
    "hour": "duration", "decade": "duration", "minute": "duration", "second": "duration",
    # speed
    "kilometre per hour": "speed", "mile per hour": "speed", "knot": "speed",
    "metre per second": "speed",
    # power, energy, data
    "megawatt": "power", "gigawatt": "power", "kilowatt hour": "energy",
    "gigawatt hour": "energy", "gigabyte": "data",
})
"""Every unit the gold may use, with its dimension.  A plain count has unit ``None`` and dimension
``count``; a factor ("doubled") has unit ``None`` and dimension ``ratio``."""

DIMENSIONS = frozenset(UNITS.values()) | {"count"}
UNITLESS_DIMENSIONS = frozenset({"count", "ratio"})


UNIT_ALIASES = MappingProxyType({"united states dollar": "dollar"})
"""Unit names the scorer treats as the same unit (prediction or gold side)."""

BOUNDS = ("exact", "approximate", "lower", "upper", "range")
DIRECTIONS = (None, "up", "down")
KINDS = ("figure", "score", "factor")
FIELDS = ("title", "text")
FIGURE_KEYS = frozenset(
    {"field", "text", "occurrence", "value", "bound", "direction", "kind", "unit", "dimension",
     "subject_head"}
)
TRAP_KEYS = frozenset({"not_figure", "field", "occurrence"})

Extractor = Callable[..., Sequence[Quantity]]


class CorpusError(ValueError):
    """A gold file that does not follow the documented format (message names file and line)."""


@dataclass(frozen=True)
class GoldFigure:
    article: str
    field: str
    text: str
    occurrence: int
    start: int
    end: int
    low: Decimal
    high: Decimal
    bound: str
    direction: str | None
    kind: str
    unit: str | None
    dimension: str
    head: str | None
    line: int


@dataclass(frozen=True)
class Trap:
    article: str
    field: str
    text: str
    occurrence: int | None
    spans: tuple[tuple[int, int], ...]
    line: int


@dataclass(frozen=True)
class Article:
    name: str
    desk: str
    path: Path
    title: str
    text: str
    figures: tuple[GoldFigure, ...]
    traps: tuple[Trap, ...]

    def field_text(self, name: str) -> str:
        return self.title if name == "title" else self.text

    @property
    def words(self) -> int:
        return len(self.title.split()) + len(self.text.split())


def default_corpus_dir() -> Path:
    """``corpus/extract`` of the source checkout this package lives in (else of the cwd)."""
    return corpus_dir("extract")


def all_spans(source: str, needle: str) -> tuple[tuple[int, int], ...]:
    out, start = [], source.find(needle)
    while needle and start >= 0:
        out.append((start, start + len(needle)))
        start = source.find(needle, start + 1)
    return tuple(out)


def _dec(raw: Any, where: str) -> Decimal:
    if not isinstance(raw, str):
        raise CorpusError(f"{where}: value ends must be strings (exact decimals), got {raw!r}")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise CorpusError(f"{where}: not a decimal: {raw!r}") from None
    if not value.is_finite():
        raise CorpusError(f"{where}: not a finite decimal: {raw!r}")
    return value


def _figure(article: str, fields: dict[str, str], rec: dict[str, Any], where: str, line: int) -> GoldFigure:
    extra = set(rec) - FIGURE_KEYS
    missing = FIGURE_KEYS - set(rec)
    if extra or missing:
        raise CorpusError(f"{where}: unexpected keys {sorted(extra)} / missing keys {sorted(missing)}")
    fld, text, occ = rec["field"], rec["text"], rec["occurrence"]
    if fld not in FIELDS:
        raise CorpusError(f"{where}: field must be one of {FIELDS}, got {fld!r}")
    if not isinstance(text, str) or not text:
        raise CorpusError(f"{where}: text must be a non-empty string")
    if not isinstance(occ, int) or occ < 1:
        raise CorpusError(f"{where}: occurrence must be a positive integer")
    span = locate(fields[fld], text, occ)
    if span is None:
        raise CorpusError(f"{where}: {text!r} occurrence {occ} not found in the {fld}")
    value = rec["value"]
    if not isinstance(value, dict) or set(value) != {"low", "high"}:
        raise CorpusError(f"{where}: value must be {{\"low\": ..., \"high\": ...}}")
    low, high = _dec(value["low"], where), _dec(value["high"], where)
    if rec["bound"] not in BOUNDS:
        raise CorpusError(f"{where}: bound must be one of {BOUNDS}")
    if rec["direction"] not in DIRECTIONS:
        raise CorpusError(f"{where}: direction must be one of {DIRECTIONS}")
    if rec["kind"] not in KINDS:
        raise CorpusError(f"{where}: kind must be one of {KINDS}")
    if rec["kind"] != "score" and low > high:
        raise CorpusError(f"{where}: low > high")
    unit = rec["unit"]
    if unit is not None and unit not in UNITS:
        raise CorpusError(f"{where}: unit {unit!r} is not in the documented vocabulary")
    dim = rec["dimension"]
    allowed = {UNITS[unit]} if unit is not None else UNITLESS_DIMENSIONS
    if dim not in allowed:
        raise CorpusError(f"{where}: dimension {dim!r} does not fit unit {unit!r}")
    head = rec["subject_head"]
    if head is not None and (not isinstance(head, str) or head != head.strip().lower() or not head):
        raise CorpusError(f"{where}: subject_head must be null or a lower-case string")
    return GoldFigure(
        article=article, field=fld, text=text, occurrence=occ, start=span[0], end=span[1],
        low=low, high=high, bound=rec["bound"], direction=rec["direction"], kind=rec["kind"],
        unit=unit, dimension=dim, head=head, line=line,
    )


def _trap(article: str, fields: dict[str, str], rec: dict[str, Any], where: str, line: int) -> Trap:
    extra = set(rec) - TRAP_KEYS
    if extra:
        raise CorpusError(f"{where}: unexpected keys {sorted(extra)}")
    text, fld, occ = rec["not_figure"], rec.get("field"), rec.get("occurrence")
    if not isinstance(text, str) or not text:
        raise CorpusError(f"{where}: not_figure must be a non-empty string")
    names = FIELDS if fld is None else (fld,)
    if fld is not None and fld not in FIELDS:
        raise CorpusError(f"{where}: field must be one of {FIELDS}")
    spans: list[tuple[int, int]] = []
    for name in names:
        if occ is None:
            spans.extend(all_spans(fields[name], text))
        else:
            span = locate(fields[name], text, occ)
            if span is not None:
                spans.append(span)
    if not spans:
        raise CorpusError(f"{where}: not_figure {text!r} not found")
    if fld is None and len(names) > 1:
        raise CorpusError(f"{where}: a trap needs a field")
    return Trap(article=article, field=names[0], text=text, occurrence=occ, spans=tuple(spans), line=line)


def read_article(md_path: Path) -> Article:
    """Read one article and its gold file; raises :class:`CorpusError` naming file and line."""
    name = md_path.name[: -len(".md")]
    gold_path = md_path.with_name(name + ".gold.jsonl")
    try:
        raw = md_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{md_path}: cannot read ({exc})") from None
    title, text = split_title(raw)
    if title is None:
        raise CorpusError(f"{md_path}: first line must be '# Headline'")
    fields = {"title": title, "text": text}
    if not gold_path.is_file():
        raise CorpusError(f"{gold_path}: missing gold file")
    figures: list[GoldFigure] = []
    traps: list[Trap] = []
    try:
        gold_text = gold_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{gold_path}: cannot read ({exc})") from None
    for lineno, line in enumerate(gold_text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{gold_path}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            from ..inputs import malformed_json

            raise CorpusError(f"{where}: {malformed_json(exc)}") from None
        if not isinstance(rec, dict):
            raise CorpusError(f"{where}: expected a JSON object")
        if "not_figure" in rec:
            traps.append(_trap(name, fields, rec, where, lineno))
        else:
            figures.append(_figure(name, fields, rec, where, lineno))
    return Article(
        name=name, desk=name.split("-", 1)[0], path=md_path, title=title, text=text,
        figures=tuple(figures), traps=tuple(traps),
    )


@cache
def _load_cached(corpus_dir: str) -> tuple[Article, ...]:
    root = Path(corpus_dir)
    if not root.is_dir():
        raise CorpusError(f"{root}: no such corpus directory")
    return tuple(read_article(p) for p in sorted(root.glob("*.md")))


def load_corpus(corpus_dir: str | Path | None = None) -> list[Article]:
    """Every article of the extraction corpus, validated, sorted by name."""
    root = Path(corpus_dir) if corpus_dir is not None else default_corpus_dir()
    return list(_load_cached(str(root.resolve())))


# -- scoring ----------------------------------------------------------------------------------


def _unit(name: str | None) -> str | None:
    return UNIT_ALIASES.get(name, name) if name is not None else None


def value_ok(gold: GoldFigure, q: Quantity) -> bool:
    if q.kind != gold.kind:
        return False
    if gold.kind == "score":
        return sorted((q.value.low, q.value.high)) == sorted((gold.low, gold.high))
    return q.value.low == gold.low and q.value.high == gold.high


def unit_ok(gold: GoldFigure, q: Quantity) -> bool:
    return _unit(q.unit) == _unit(gold.unit)


def bound_ok(gold: GoldFigure, q: Quantity) -> bool:
    return q.bound == gold.bound and q.direction == gold.direction


def head_ok(gold: GoldFigure, q: Quantity) -> bool:
    got = q.subject.head
    return got is not None and got.strip().lower() == gold.head


LEVELS = ("value", "value+unit", "value+bound/direction")


@dataclass
class PRF:
    correct: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.correct += other.correct
        self.predicted += other.predicted
        self.gold += other.gold


@dataclass(frozen=True)
class Mismatch:
    """One difference between prediction and gold, for whoever is improving the parser."""

    article: str
    field: str
    problem: str
    """``missed`` (gold figure with no overlapping prediction), ``spurious`` (prediction with no
    gold figure), ``trap`` (prediction on a not_figure), or the first failing check of a paired
    figure: ``kind``, ``value``, ``unit``, ``bound``, ``direction``, ``head``."""
    gold: str | None
    """Gold surface (or trap surface)."""
    predicted: str | None
    """Predicted surface."""
    expected: str = ""
    got: str = ""
    context: str = ""

    def __str__(self) -> str:
        where = f"{self.article}:{self.field}"
        what = f"gold {self.gold!r}" if self.gold is not None else ""
        pred = f"pred {self.predicted!r}" if self.predicted is not None else ""
        diff = f" expected {self.expected}, got {self.got}" if self.expected or self.got else ""
        ctx = f"  | {self.context}" if self.context else ""
        return f"{where}: {self.problem:<9} {what} {pred}".rstrip() + diff + ctx


@dataclass
class ExtractScores:
    articles: int = 0
    gold: int = 0
    predicted: int = 0
    traps: int = 0
    value: PRF = field(default_factory=PRF)
    value_unit: PRF = field(default_factory=PRF)
    value_bound: PRF = field(default_factory=PRF)
    head_correct: int = 0
    head_total: int = 0
    paired: int = 0
    trap_hits: list[Mismatch] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    per_desk: dict[str, ExtractScores] = field(default_factory=dict)

    @property
    def head_accuracy(self) -> float:
        return self.head_correct / self.head_total if self.head_total else 0.0

    def level(self, name: str) -> PRF:
        return {"value": self.value, "value+unit": self.value_unit,
                "value+bound/direction": self.value_bound}[name]

    def add(self, other: ExtractScores) -> None:
        self.articles += other.articles
        self.gold += other.gold
        self.predicted += other.predicted
        self.traps += other.traps
        self.value.add(other.value)
        self.value_unit.add(other.value_unit)
        self.value_bound.add(other.value_bound)
        self.head_correct += other.head_correct
        self.head_total += other.head_total
        self.paired += other.paired
        self.trap_hits.extend(other.trap_hits)
        self.mismatches.extend(other.mismatches)
        self.errors.extend(other.errors)

    def as_dict(self) -> dict[str, Any]:
        """Plain numbers, e.g. for a JSON dump or a ratchet test."""
        out: dict[str, Any] = {"articles": self.articles, "gold": self.gold,
                               "predicted": self.predicted, "paired": self.paired,
                               "trap_hits": len(self.trap_hits), "errors": len(self.errors)}
        for name in LEVELS:
            prf = self.level(name)
            out[name] = {"precision": prf.precision, "recall": prf.recall, "f1": prf.f1,
                         "correct": prf.correct}
        out["subject_head"] = {"accuracy": self.head_accuracy, "correct": self.head_correct,
                               "scored": self.head_total}
        return out

    def format(self, *, verbose: bool = False) -> str:
        """A readable table; ``verbose`` appends every mismatch."""
        lines = [
            f"figcheck extract on corpus/extract: {self.articles} articles, {self.gold} gold "
            f"figures, {self.predicted} predicted, {self.paired} paired by span, "
            f"{len(self.trap_hits)} trap hits ({self.traps} traps)",
            "",
            f"{'level':<24}{'precision':>10}{'recall':>8}{'F1':>8}{'correct':>9}",
        ]
        for name in LEVELS:
            prf = self.level(name)
            lines.append(f"{name:<24}{prf.precision:>10.3f}{prf.recall:>8.3f}{prf.f1:>8.3f}"
                         f"{prf.correct:>9}")
        lines.append(f"{'subject head (accuracy)':<24}{self.head_accuracy:>10.3f}"
                     f"{'':>16}{self.head_correct:>9}  of {self.head_total} paired with a gold head")
        if self.per_desk:
            lines += ["", f"{'desk':<12}{'articles':>9}{'gold':>6}{'pred':>6}{'value F1':>10}"
                          f"{'+unit F1':>10}{'+bound F1':>10}{'head acc':>10}{'traps':>7}"]
            for desk, s in sorted(self.per_desk.items()):
                lines.append(f"{desk:<12}{s.articles:>9}{s.gold:>6}{s.predicted:>6}"
                             f"{s.value.f1:>10.3f}{s.value_unit.f1:>10.3f}{s.value_bound.f1:>10.3f}"
                             f"{s.head_accuracy:>10.3f}{len(s.trap_hits):>7}")
        if self.trap_hits:
            lines += ["", "trap hits (predictions on text that is not a figure):"]
            lines += [f"  {m}" for m in self.trap_hits]
        if self.errors:
            lines += ["", "errors:"] + [f"  {e}" for e in self.errors]
        if verbose and self.mismatches:
            lines += ["", f"mismatches ({len(self.mismatches)}):"]
            lines += [f"  {m}" for m in self.mismatches]
        return "\n".join(lines)


def _context(source: str, start: int, end: int, width: int = 40) -> str:
    a, b = max(0, start - width), min(len(source), end + width)
    return source[a:start].replace("\n", " ") + "[" + source[start:end] + "]" + source[end:b].replace("\n", " ")


def _fmt_value(low: Decimal, high: Decimal) -> str:
    return str(low) if low == high else f"{low}..{high}"


def pair(golds: Sequence[GoldFigure], preds: Sequence[Quantity]) -> list[tuple[GoldFigure, Quantity]]:
    """One-to-one pairs of overlapping gold and predicted spans, largest overlap first."""
    candidates = []
    for gi, g in enumerate(golds):
        for pi, q in enumerate(preds):
            overlap = min(g.end, q.end) - max(g.start, q.start)
            if overlap > 0:
                candidates.append((-overlap, abs(g.start - q.start), gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((golds[gi], preds[pi]))
    return out


def score_article(article: Article, predicted: Iterable[Quantity]) -> ExtractScores:
    """Score one article's predicted quantities against its gold figures."""
    preds = list(predicted)
    s = ExtractScores(articles=1, gold=len(article.figures), predicted=len(preds),
                      traps=len(article.traps))
    for prf in (s.value, s.value_unit, s.value_bound):
        prf.gold, prf.predicted = s.gold, s.predicted
    for fld in FIELDS:
        source = article.field_text(fld)
        golds = [g for g in article.figures if g.field == fld]
        fpreds = [q for q in preds if q.field == fld]
        pairs = pair(golds, fpreds)
        s.paired += len(pairs)
        paired_g = {id(g) for g, _ in pairs}
        paired_p = {id(q) for _, q in pairs}
        for g, q in pairs:
            ctx = _context(source, g.start, g.end)
            v = value_ok(g, q)
            u = v and unit_ok(g, q)
            b = v and bound_ok(g, q)
            s.value.correct += v
            s.value_unit.correct += u
            s.value_bound.correct += b
            problem, expected, got = "", "", ""
            if q.kind != g.kind:
                problem, expected, got = "kind", g.kind, q.kind
            elif not v:
                problem = "value"
                expected, got = _fmt_value(g.low, g.high), _fmt_value(q.value.low, q.value.high)
            elif not unit_ok(g, q):
                problem, expected, got = "unit", str(g.unit), str(q.unit)
            elif q.bound != g.bound:
                problem, expected, got = "bound", g.bound, q.bound
            elif q.direction != g.direction:
                problem, expected, got = "direction", str(g.direction), str(q.direction)
            if g.head is not None:
                s.head_total += 1
                if head_ok(g, q):
                    s.head_correct += 1
                elif not problem:
                    problem, expected, got = "head", g.head, str(q.subject.head)
            if problem:
                s.mismatches.append(Mismatch(article.name, fld, problem, g.text, q.text,
                                             expected, got, ctx))
        for g in golds:
            if id(g) not in paired_g:
                s.mismatches.append(Mismatch(article.name, fld, "missed", g.text, None,
                                             _fmt_value(g.low, g.high), "",
                                             _context(source, g.start, g.end)))
        traps = [t for t in article.traps if t.field == fld]
        for q in fpreds:
            if id(q) in paired_p:
                continue
            hit = next((t for t in traps for a, b in t.spans if a < q.end and q.start < b), None)
            m = Mismatch(article.name, fld, "trap" if hit else "spurious",
                         hit.text if hit else None, q.text, "",
                         _fmt_value(q.value.low, q.value.high), _context(source, q.start, q.end))
            if hit:
                s.trap_hits.append(m)
            s.mismatches.append(m)
    return s


def _default_extractor() -> Extractor:
    from .. import extract

    return extract


def evaluate_extract(
    corpus_dir: str | Path | None = None, *, extractor: Extractor | None = None
) -> ExtractScores:
    """Run ``extractor`` (default :func:`figcheck.extract`) over every gold article and score it.

    An article on which the extractor raises is recorded in ``errors`` and scored as if nothing had
    been predicted (all its figures missed)."""
    run = extractor if extractor is not None else _default_extractor()
    total = ExtractScores()
    for article in load_corpus(corpus_dir):
        error: str | None = None
        try:
            preds = list(run(article.text, title=article.title))
        except Exception as exc:  # noqa: BLE001 - a crashing extractor is scored, not fatal
            preds = []
            error = f"{article.name}: extractor raised {type(exc).__name__}: {exc}"
        s = score_article(article, preds)
        if error:
            s.errors.append(error)
        desk = total.per_desk.setdefault(article.desk, ExtractScores())
        desk.add(s)
        total.add(s)
    return total


def mismatches(
    corpus_dir: str | Path | None = None, *, extractor: Extractor | None = None,
    problems: Iterable[str] | None = None,
) -> list[Mismatch]:
    """Every mismatch (optionally only those whose ``problem`` is in ``problems``)."""
    found = evaluate_extract(corpus_dir, extractor=extractor).mismatches
    if problems is None:
        return found
    wanted = set(problems)
    return [m for m in found if m.problem in wanted]


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m figcheck.evaluation extract [--corpus DIR] [--verbose] [--only PROBLEM] [--json]``."""
    parser = argparse.ArgumentParser(
        prog="python -m figcheck.evaluation extract",
        description="Score figcheck.extract on the gold article corpus (corpus/extract).",
    )
    parser.add_argument("--corpus", default=None, help="article directory (default corpus/extract)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every mismatch")
    parser.add_argument("--only", action="append", metavar="PROBLEM",
                        help="with --verbose: only these problems (missed, spurious, trap, kind, "
                             "value, unit, bound, direction, head); repeatable")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    try:
        scores = evaluate_extract(args.corpus)
    except CorpusError as exc:
        print(f"error: {exc}")
        return 2
    if args.json:
        print(json.dumps(scores.as_dict(), indent=2))
        return 0
    if args.only:
        scores.mismatches = [m for m in scores.mismatches if m.problem in set(args.only)]
    print(scores.format(verbose=args.verbose or bool(args.only)))
    return 0
