"""Text -> :class:`~figcheck.model.Quantity`: tokens, grammar, intervals, conversion, subject."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from decimal import Decimal
from typing import Any

from ..intervals import normalise, scale_interval
from ..model import Interval, Quantity, Subject, Value
from .grammar import Ctx, Draft, figures, numbers
from .headline import NO_EVIDENCE, Evidence, evidence, is_headline, is_shouting
from .segment import Sentence, segment
from .tokenize import Token, tokenize


_NEIGHBOURS = 8
_REACH = 150
_MAX_FIGURES = 40


def _find_subject() -> Any:
    from .subject import find_subject  # imported on first use: keeps `import figcheck.parser` light

    return find_subject


def _field_tokens(text: str) -> Any:
    """The field's token table for :func:`~figcheck.parser.subject.find_subject`: made once per
    field and call, shared by the field's figures (no cache between calls or documents)."""
    from .subject import field_tokens

    return field_tokens(text)


def analyse(
    text: str, *, headline: bool = False, body: Evidence = NO_EVIDENCE, toks: list[Token] | None = None
) -> tuple[Ctx, list[Draft]]:
    """Run both grammar passes; returns the context (with its ``work`` counter) and the drafts.

    ``headline``: read ``text`` as a headline when it is Title Case or all capitals (see
    :mod:`figcheck.parser.headline`), with ``body`` saying which of its words are names."""
    ctx = Ctx(text, tokenize(text) if toks is None else toks)
    ctx.title = headline
    if headline and is_headline(text):
        ctx.headline = True
        ctx.shouting = is_shouting(text)
        ctx.evidence = body
    numbers(ctx)
    drafts = figures(ctx)
    return ctx, drafts


def work(text: str) -> int:
    """Deterministic work count (rule attempts and window steps) for extracting ``text``."""
    return analyse(text)[0].work


def _interval(d: Draft) -> Interval:
    if d.kind == "score":
        lo, hi = min(d.low, d.high), max(d.low, d.high)
        return Interval(low=lo, high=hi)
    if d.range:
        bound = "approximate" if d.lean == "approx" else "exact"
        if d.bound in ("lower", "upper"):
            bound = d.bound
        lo_i = normalise(d.low, d.low, bound, d.p_low)  # type: ignore[arg-type]
        hi_i = normalise(d.high, d.high, bound, d.p_high)  # type: ignore[arg-type]
        return Interval(low=lo_i.low, high=hi_i.high)
    lean = d.lean if d.lean in ("both", "below", "above") else "both"
    return normalise(d.low, d.high, d.bound, d.p_low, lean=lean)  # type: ignore[arg-type]


_TIDY_DIGITS: int = 24
"""Whole numbers with more digits than this keep their exponent (``quantize`` to units would need
more than the context's 28 digits and raise)."""


def _tidy(v: Decimal) -> Decimal:
    """``1.3 * 10**9`` is ``Decimal('1300000000.0')``: drop the trailing ``.0`` of whole numbers."""
    if v.is_finite() and v.adjusted() < _TIDY_DIGITS and v == v.to_integral_value() and v.as_tuple().exponent != 0:
        return v.quantize(Decimal(1))
    return v


def _precision(d: Draft) -> Decimal | None:
    ps = [p for p in (d.p_low, d.p_high) if p is not None]
    return max(ps) if ps else None


def _quantities(
    text: str, field: str, find_subject: Any, body: Evidence | None = None, toks: list[Token] | None = None
) -> list[Quantity]:
    if not text:
        return []
    ctx, drafts = analyse(text, headline=body is not None, body=body or NO_EVIDENCE, toks=toks)
    sents = segment(text)
    starts = [s.start for s in sents]
    toks = ctx.toks
    spans = [(toks[d.i].start, toks[d.j - 1].end) for d in drafts]
    span_starts = [sp[0] for sp in spans]
    idx = {sp[0]: k for k, sp in enumerate(spans)}

    def sentence_of(pos: int) -> Sentence:
        k = bisect_right(starts, pos) - 1
        if k < 0:
            return sents[0] if sents else Sentence(0, len(text), 0, 0)
        return sents[k]

    out: list[Quantity] = []
    bounds: list[tuple[int, int]] = []
    table: Any = None  # the field's token table, made for its first subject
    for d, (a, b) in zip(drafts, spans):
        d.low, d.high = _tidy(d.low), _tidy(d.high)
        sent = sentence_of(a)
        interval = _interval(d)
        u = d.unit
        base_unit = None
        base = None
        if d.dimension == "age":
            base_unit, base = "year", interval
        elif u is not None and u.base is not None:
            offset = Decimal(0) if (d.difference and u.dim == "temperature") else u.offset
            base_unit = u.base
            base = scale_interval(interval, u.factor, offset)
        elif d.dimension == "ratio" and d.kind != "factor":
            base_unit, base = "ratio", interval
        subject = Subject()
        n_in_sentence = bisect_left(span_starts, sent.end) - bisect_left(span_starts, sent.start)
        # a "sentence" with more than _MAX_FIGURES figures is a table or junk, not prose: no subject
        if find_subject is not None and n_in_sentence <= _MAX_FIGURES:
            # the other figures of the sentence, nearest first, at most _NEIGHBOURS each side;
            # and the sentence clipped to _REACH characters around the figure (linear time)
            k = idx[a]
            lo_k = max(bisect_left(span_starts, sent.start), k - _NEIGHBOURS)
            hi_k = min(bisect_left(span_starts, sent.end), k + _NEIGHBOURS + 1)
            others = [spans[x] for x in range(lo_k, hi_k) if x != k]
            s0, s1 = max(sent.start, a - _REACH), min(sent.end, b + _REACH)
            try:
                if table is None:
                    table = _field_tokens(text)
                subject = find_subject(
                    text, sentence=(s0, s1), span=(a, b),
                    unit=u.name if u else None, dimension=d.dimension or "count", figures=others,
                    tokens=table,
                )
            except Exception:  # noqa: BLE001 - a subject bug must not lose the figure
                subject = Subject()
        out.append(
            Quantity(
                field=field,
                start=a,
                end=b,
                text=text[a:b],
                sentence=sent.number,
                paragraph=sent.paragraph,
                kind=d.kind,
                value=Value(low=d.low, high=d.high),
                bound=d.bound,
                precision=_precision(d),
                interval=interval,
                direction=d.direction,
                unit=u.name if u else ("year" if d.dimension == "age" else None),
                per=d.per,
                dimension=d.dimension or "count",
                base_unit=base_unit,
                base=base,
                subject=subject,
            )
        )
        bounds.append((sent.start, sent.end))
    if find_subject is None:
        return out
    from .frame import with_context, with_frames  # (not compiled: reads the vocabulary data file)

    return with_context(text, with_frames(text, out, bounds), bounds)


def extract(text: str, *, title: str | None = None) -> list[Quantity]:
    """Every figure in ``title`` (field "title") then ``text`` (field "text"), each in order."""
    fs = _find_subject()
    out: list[Quantity] = []
    toks = None
    if title:
        body = NO_EVIDENCE
        if text and is_headline(title):
            toks = tokenize(text)  # tokenized once, for the evidence and for the body's figures
            cut = bisect_left([t.start for t in toks[: _EVIDENCE_TOKENS]], _EVIDENCE_CHARS)
            body = evidence(toks[:cut], text[: toks[cut - 1].end if cut else 0])
        out.extend(_quantities(title, "title", fs, body))
    out.extend(_quantities(text or "", "text", fs, toks=toks))
    return out


_EVIDENCE_CHARS: int = 20_000
_EVIDENCE_TOKENS: int = 10_000
"""How much of the body is read for what it says about the headline's words."""
