"""Output of ``figcheck extract``: every figure of every document, as text, json or jsonl."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..model import SCHEMA_VERSION, Document, Quantity
from .location import locate
from .visible import json_safe, visible_lines

EXTRACT_FORMATS = ("text", "json", "jsonl")


class ExtractedDocument(BaseModel):
    """One document's figures (an element of ``documents`` in ``figcheck extract --format json``;
    one line of ``--format jsonl``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    quantities: tuple[Quantity, ...] = ()


class ExtractOutput(BaseModel):
    """``figcheck extract --format json``."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    schema_version: Literal[2] = SCHEMA_VERSION  # type: ignore[assignment]
    documents: tuple[ExtractedDocument, ...] = ()


def render(
    results: Sequence[tuple[Document, Sequence[Quantity]]],
    fmt: Literal["text", "json", "jsonl"] = "text",
) -> str:
    docs = tuple(ExtractedDocument(id=d.id, quantities=tuple(qs)) for d, qs in results)
    if fmt == "json":
        out = ExtractOutput(documents=docs).model_dump(mode="json")
        return json_safe(json.dumps(out, ensure_ascii=False, indent=2)) + "\n"
    if fmt == "jsonl":
        return json_safe("".join(
            json.dumps(d.model_dump(mode="json"), ensure_ascii=False) + "\n" for d in docs
        ))
    return visible_lines("".join(_table(d, qs) for d, qs in results))


def _fmt(x: object) -> str:
    if x is None:
        return "·"
    s = str(x)
    return s


def _number(x: object) -> str:
    """Decimals without exponent or trailing-zero noise: 8500.00 -> 8500, 1E+4 -> 10000."""
    from decimal import Decimal

    if isinstance(x, Decimal):
        return format(x.normalize(), "f")
    return _fmt(x)


def _table(doc: Document, quantities: Sequence[Quantity]) -> str:
    from ..model import Claim  # a Quantity located like a Claim

    head = f"{doc.origin or doc.id}: {len(quantities)} figure{'s' if len(quantities) != 1 else ''}\n"
    if not quantities:
        return head + "\n"
    rows = [("where", "figure", "value", "bound", "interval", "unit", "subject")]
    for q in quantities:
        claim = Claim(doc=doc.id, field=q.field, start=q.start, end=q.end, text=q.text,
                      value=q.value, bound=q.bound, interval=q.interval)
        loc = locate(claim, doc)
        value = (_number(q.value.low) if q.value.low == q.value.high
                 else f"{_number(q.value.low)}–{_number(q.value.high)}")
        if q.direction:
            value += " ↑" if q.direction == "up" else " ↓"
        lo = "-∞" if q.interval.low is None else _number(q.interval.low)
        hi = "∞" if q.interval.high is None else _number(q.interval.high)
        subject = " ".join((q.subject.head or q.subject.text or "").split())
        quals = [f"{k}={' '.join(v.split())}" for k, v in (("place", q.subject.place), ("time", q.subject.time),
                                           ("by", q.subject.attribution),
                                           ("modality", q.subject.modality)) if v]
        if q.subject.negated:
            quals.append("negated")
        if quals:
            subject += f" ({', '.join(quals)})"
        rows.append((
            f"{loc.line}:{loc.column}" + (" title" if q.field == "title" else ""),
            " ".join(q.text.split()),
            value,
            q.bound,
            f"[{lo}, {hi}]",
            q.unit or q.dimension,
            subject,
        ))
    widths = [min(max(len(r[i]) for r in rows), 40) for i in range(len(rows[0]) - 1)]
    lines = [
        "  " + "  ".join(c.ljust(w) for c, w in zip(r[:-1], widths)) + "  " + r[-1]
        for r in rows
    ]
    return head + "\n".join(line.rstrip() for line in lines) + "\n\n"
