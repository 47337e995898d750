"""The extraction gold corpus (corpus/extract) is well formed, and its scorer works end to end.

No accuracy targets here: the lead ratchets those separately.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import pytest

from figcheck.evaluation import evaluate_extract
from figcheck.evaluation.__main__ import main as eval_main
from figcheck.evaluation.extract import (
    DIMENSIONS,
    UNITS,
    Article,
    CorpusError,
    GoldFigure,
    default_corpus_dir,
    load_corpus,
    locate,
    read_article,
)
from figcheck.model import Interval, Quantity, Subject, Value

CORPUS = default_corpus_dir()
ARTICLES = load_corpus(CORPUS)
MD_FILES = sorted(CORPUS.glob("*.md"))
REQUIRED_DESKS = ("conflict", "disasters", "economy", "elections", "health", "science", "sport",
                  "courts")


# -- the corpus itself ------------------------------------------------------------------------


def test_corpus_is_big_enough() -> None:
    assert len(ARTICLES) >= 40
    assert sum(len(a.figures) for a in ARTICLES) >= 600


def test_required_desks_present() -> None:
    desks = Counter(a.desk for a in ARTICLES)
    missing = [d for d in REQUIRED_DESKS if desks[d] == 0]
    assert not missing, f"no article for desks {missing}"
    assert len(desks) > len(REQUIRED_DESKS), "a few other desks too"


def test_every_article_has_a_gold_file_and_nothing_is_orphaned() -> None:
    golds = sorted(CORPUS.glob("*.gold.jsonl"))
    assert [g.name[: -len(".gold.jsonl")] for g in golds] == [m.name[: -len(".md")] for m in MD_FILES]


@pytest.mark.parametrize("md", MD_FILES, ids=lambda p: p.stem)
def test_article_shape(md: Path) -> None:
    raw = md.read_text(encoding="utf-8")
    assert raw.startswith("# "), "first line must be '# Headline'"
    article = read_article(md)  # raises CorpusError on any bad gold line
    assert re.fullmatch(r"[a-z]+-[a-z0-9-]+", article.name)
    assert 150 <= article.words <= 450, f"{article.words} words"
    assert "\n\n" in article.text, "blank-line-separated paragraphs"
    assert len(article.figures) >= 10


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.name)
def test_gold_figures_are_located_typed_and_disjoint(article: Article) -> None:
    for g in article.figures:
        source = article.field_text(g.field)
        assert locate(source, g.text, g.occurrence) == (g.start, g.end)
        assert source[g.start : g.end] == g.text
        assert re.search(r"\d|[a-z]", g.text)
        assert g.unit is None or g.unit in UNITS
        assert g.dimension in DIMENSIONS
        if g.unit is not None:
            assert g.dimension == UNITS[g.unit]
        if g.kind != "score":
            assert g.low <= g.high
        if g.bound == "range":
            assert g.low < g.high, f"{g.text!r}: a range needs two different ends"
        if g.kind == "factor":
            assert g.unit is None
        assert isinstance(g.low, Decimal) and g.low.is_finite()
    for fld in ("title", "text"):
        spans = sorted((g.start, g.end, g.text) for g in article.figures if g.field == fld)
        for (a0, a1, at), (b0, _, bt) in zip(spans, spans[1:]):
            assert a1 <= b0, f"gold figures overlap: {at!r} / {bt!r}"
        figure_spans = [(g.start, g.end) for g in article.figures if g.field == fld]
        for trap in (t for t in article.traps if t.field == fld):
            for t0, t1 in trap.spans:
                clash = [s for s in figure_spans if s[0] < t1 and t0 < s[1]]
                assert not clash, f"trap {trap.text!r} overlaps a gold figure"


def test_gold_lines_follow_the_documented_format() -> None:
    figure_keys = {"field", "text", "occurrence", "value", "bound", "direction", "kind", "unit",
                   "dimension", "subject_head"}
    for gold in sorted(CORPUS.glob("*.gold.jsonl")):
        for lineno, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
            rec = json.loads(line)
            if "not_figure" in rec:
                assert set(rec) <= {"not_figure", "field", "occurrence"}, f"{gold.name}:{lineno}"
                continue
            assert set(rec) == figure_keys, f"{gold.name}:{lineno}"
            assert all(isinstance(v, str) for v in rec["value"].values()), f"{gold.name}:{lineno}"


TRAP_KINDS = {
    "year": r"^(1[89]|20)\d\d$",
    "date": r"^\d{1,2} (January|February|March|April|May|June|July|August|September|October|"
            r"November|December)$",
    "clock time": r"^\d{1,2}([.:]\d\d)?(am|pm)$|^\d\d:\d\d$",
    "ordinal": r"(?i)\b(first|second|third|fourth|fifth|sixth|\d+(st|nd|rd|th))\b",
    "model or product name": r"^(B-52|F-16|Covid-19|G7|5G|Boeing 737.*|iPhone 15|F-35)$",
    "phone number": r"^0\d{3} \d{3} \d{3,4}$",
    "street address": r"^\d+ [A-Z][a-z]+ (Street|Road|Avenue|Lane|View|Wall)$",
    "page/section/table number": r"(?i)^(page|section|table|ward|court|platform|question) \S+$",
}


@pytest.mark.parametrize("kind", TRAP_KINDS)
def test_corpus_has_every_kind_of_trap(kind: str) -> None:
    surfaces = [t.text for a in ARTICLES for t in a.traps]
    assert any(re.search(TRAP_KINDS[kind], s) for s in surfaces), f"no {kind} trap"


def test_named_product_traps_present() -> None:
    surfaces = " | ".join(t.text for a in ARTICLES for t in a.traps)
    for name in ("B-52", "F-16", "Covid-19", "G7", "5G", "Boeing 737", "iPhone 15"):
        assert name in surfaces


FORMS = {
    "money with scale word": r"^[$£€][\d.]+(bn|m)$",
    "ISO currency code": r"^USD \d",
    "US$": r"US\$\d",
    "A$": r"A\$\d",
    "pence": r"^\d+(\.\d+)?p$",
    "cents": r"\bcents?\b",
    "yen": r"\byen\b|¥",
    "per cent spelled out": r"per cent|percent",
    "percentage points": r"percentage points?",
    "basis points": r"basis points",
    "number word": r"(?i)\b(two|three|four|five|six|seven|eight|nine|Thirty-eight)\b",
    "range with to": r"\d to [$£€]?\d",
    "range with dash": r"\d-\d+km/h",
    "between..and": r"^between .+ and ",
    "approximate hedge": r"^(about|around|roughly|some|nearly|almost|an estimated) ",
    "lower hedge": r"^(more than|over|at least) ",
    "upper hedge": r"^(up to|under|fewer than|less than|as many as) ",
    "age": r"-year-old",
    "temperature": r"\d+(\.\d+)?[CF]$",
    "speed": r"mph|km/h|knots",
    "area": r"hectares|acres|square kilometres|sq km",
    "mass": r"tonnes|kg",
}


@pytest.mark.parametrize("form", FORMS)
def test_corpus_covers_surface_form(form: str) -> None:
    surfaces = [g.text for a in ARTICLES for g in a.figures]
    assert any(re.search(FORMS[form], s) for s in surfaces), f"no gold figure written as {form}"


@pytest.mark.parametrize(
    "attr,value",
    [("bound", b) for b in ("exact", "approximate", "lower", "upper", "range")]
    + [("direction", d) for d in ("up", "down")]
    + [("kind", k) for k in ("figure", "score", "factor")]
    + [("unit", u) for u in ("percentage", "percentage point", "basis point", "pound sterling",
                             "dollar", "euro", "penny", "kilometre", "mile", "degree Celsius",
                             "degree fahrenheit", "tonne", "hectare", "year")],
)
def test_corpus_covers_annotation_value(attr: str, value: str) -> None:
    assert any(getattr(g, attr) == value for a in ARTICLES for g in a.figures)


def test_bad_gold_is_reported_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "misc-bad.md").write_text("# Ten dead\n\nTen people died.\n", encoding="utf-8")
    good = {"field": "text", "text": "Ten", "occurrence": 1, "value": {"low": "10", "high": "10"},
            "bound": "exact", "direction": None, "kind": "figure", "unit": None,
            "dimension": "count", "subject_head": "person"}
    cases = [
        ({**good, "occurrence": 2}, "not found"),
        ({**good, "value": {"low": 10, "high": 10}}, "strings"),
        ({**good, "unit": "furlong"}, "vocabulary"),
        ({**good, "dimension": "length"}, "dimension"),
        ({**good, "bound": "vague"}, "bound"),
        ({**good, "subject_head": "People"}, "lower-case"),
    ]
    for rec, message in cases:
        (tmp_path / "misc-bad.gold.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
        with pytest.raises(CorpusError, match=message) as info:
            read_article(tmp_path / "misc-bad.md")
        assert "misc-bad.gold.jsonl:1" in str(info.value)
    (tmp_path / "misc-bad.gold.jsonl").write_text("{not json\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="malformed JSON"):
        read_article(tmp_path / "misc-bad.md")
    (tmp_path / "misc-bad.gold.jsonl").write_bytes(b"\xff\xfe{}\n")
    with pytest.raises(CorpusError, match="cannot read"):
        read_article(tmp_path / "misc-bad.md")
    (tmp_path / "misc-bad.gold.jsonl").unlink()
    with pytest.raises(CorpusError, match="missing gold file"):
        read_article(tmp_path / "misc-bad.md")


# -- the scorer -------------------------------------------------------------------------------


def _quantity(g: GoldFigure, **change: object) -> Quantity:
    fields: dict[str, object] = dict(
        field=g.field, start=g.start, end=g.end, text=g.text, kind=g.kind,
        value=Value(low=g.low, high=g.high), bound=g.bound, direction=g.direction,
        interval=Interval(low=min(g.low, g.high), high=max(g.low, g.high)), unit=g.unit,
        dimension=g.dimension, subject=Subject(head=g.head),
    )
    fields.update(change)
    return Quantity(**fields)  # type: ignore[arg-type]


def _by_article() -> dict[tuple[str, str], Article]:
    return {(a.title, a.text): a for a in ARTICLES}


def oracle(*, mutate: object = None):  # type: ignore[no-untyped-def]
    """An extractor that answers with the gold itself (optionally changed by ``mutate``)."""
    table = _by_article()

    def run(text: str, *, title: str | None = None) -> Sequence[Quantity]:
        article = table[(title or "", text)]
        out = []
        for g in article.figures:
            q = _quantity(g)
            out.append(mutate(g, q) if callable(mutate) else q)
        return [q for q in out if q is not None]

    return run


def test_perfect_extractor_scores_one() -> None:
    s = evaluate_extract(CORPUS, extractor=oracle())
    n = sum(len(a.figures) for a in ARTICLES)
    assert (s.articles, s.gold, s.predicted, s.paired) == (len(ARTICLES), n, n, n)
    for level in ("value", "value+unit", "value+bound/direction"):
        prf = s.level(level)
        assert (prf.precision, prf.recall, prf.f1) == (1.0, 1.0, 1.0)
    assert s.head_accuracy == 1.0
    assert s.head_total == sum(1 for a in ARTICLES for g in a.figures if g.head is not None)
    assert not s.mismatches and not s.trap_hits and not s.errors
    assert set(s.per_desk) == {a.desk for a in ARTICLES}


def test_empty_extractor_misses_everything() -> None:
    s = evaluate_extract(CORPUS, extractor=lambda text, title=None: [])
    assert s.predicted == 0 and s.value.recall == 0.0 and s.value.precision == 0.0
    assert Counter(m.problem for m in s.mismatches) == Counter({"missed": s.gold})


def test_crashing_extractor_is_recorded_not_raised() -> None:
    def boom(text: str, *, title: str | None = None) -> list[Quantity]:
        raise RuntimeError("parser bug")

    s = evaluate_extract(CORPUS, extractor=boom)
    assert len(s.errors) == len(ARTICLES) and "parser bug" in s.errors[0]
    assert s.value.recall == 0.0


def test_levels_are_scored_separately() -> None:
    def wrong_unit_or_bound(g: GoldFigure, q: Quantity) -> Quantity:
        if g.unit == "percentage":
            return q.model_copy(update={"unit": "percentage point"})
        if g.bound == "approximate":
            return q.model_copy(update={"bound": "exact"})
        if g.head == "person":
            return q.model_copy(update={"subject": Subject(head="people")})
        return q

    s = evaluate_extract(CORPUS, extractor=oracle(mutate=wrong_unit_or_bound))
    figures = [g for a in ARTICLES for g in a.figures]
    pct = sum(g.unit == "percentage" for g in figures)
    approx = sum(g.bound == "approximate" and g.unit != "percentage" for g in figures)
    assert s.value.correct == len(figures)
    assert s.value_unit.correct == len(figures) - pct
    assert s.value_bound.correct == len(figures) - approx
    problems = Counter(m.problem for m in s.mismatches)
    assert problems["unit"] == pct and problems["bound"] == approx
    assert problems["head"] > 0 and s.head_accuracy < 1.0


def test_score_values_compare_as_unordered_pairs_and_kind_matters() -> None:
    def flip(g: GoldFigure, q: Quantity) -> Quantity:
        if g.kind == "score":
            return q.model_copy(update={"value": Value(low=g.high, high=g.low)})
        if g.kind == "factor":
            return q.model_copy(update={"kind": "figure"})
        return q

    s = evaluate_extract(CORPUS, extractor=oracle(mutate=flip))
    factors = sum(g.kind == "factor" for a in ARTICLES for g in a.figures)
    assert s.value.correct == s.gold - factors
    assert Counter(m.problem for m in s.mismatches)["kind"] == factors


def test_predictions_on_traps_are_false_positives_listed_separately() -> None:
    table = _by_article()

    def trap_happy(text: str, *, title: str | None = None) -> list[Quantity]:
        article = table[(title or "", text)]
        out = [_quantity(g) for g in article.figures]
        for t in article.traps:
            a, b = t.spans[0]
            out.append(Quantity(field=t.field, start=a, end=b, text=t.text,
                                value=Value(low=Decimal(1), high=Decimal(1)),
                                interval=Interval(low=Decimal(1), high=Decimal(1))))
        return out

    s = evaluate_extract(CORPUS, extractor=trap_happy)
    traps = sum(len(a.traps) for a in ARTICLES)
    assert len(s.trap_hits) == traps
    assert s.value.recall == 1.0
    assert s.value.precision == pytest.approx(s.gold / (s.gold + traps))
    assert "trap hits" in s.format()


def test_shifted_spans_still_pair_by_overlap() -> None:
    def widen(g: GoldFigure, q: Quantity) -> Quantity:
        return q.model_copy(update={"start": max(0, g.start - 2), "end": g.end - 1 if g.end - g.start > 1 else g.end})

    s = evaluate_extract(CORPUS, extractor=oracle(mutate=widen))
    assert s.paired == s.gold


# -- end to end with figcheck.extract ----------------------------------------------------------


@pytest.fixture(scope="module")
def real_scores():  # type: ignore[no-untyped-def]
    return evaluate_extract()


def test_real_extractor_end_to_end(real_scores) -> None:  # type: ignore[no-untyped-def]
    s = real_scores
    assert s.articles == len(ARTICLES)
    assert s.gold == sum(len(a.figures) for a in ARTICLES)
    for level in ("value", "value+unit", "value+bound/direction"):
        prf = s.level(level)
        assert 0.0 <= prf.precision <= 1.0 and 0.0 <= prf.recall <= 1.0
        assert prf.correct <= s.paired <= min(s.gold, s.predicted)
    assert s.value_unit.correct <= s.value.correct and s.value_bound.correct <= s.value.correct
    table = s.format(verbose=True)
    for heading in ("value+unit", "value+bound/direction", "subject head", "desk"):
        assert heading in table
    data = s.as_dict()
    assert data["gold"] == s.gold and set(data) >= {"value", "value+unit", "subject_head"}


def test_python_m_figcheck_evaluation_extract(capsys: pytest.CaptureFixture[str]) -> None:
    assert eval_main(["extract", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"] == len(ARTICLES)
    assert eval_main(["extract", "--corpus", "/nonexistent/corpus"]) == 2
    assert "no such corpus directory" in capsys.readouterr().out
    assert eval_main(["bogus"]) == 2
