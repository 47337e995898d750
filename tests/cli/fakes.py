"""Hand-made claims and findings, for unit tests of what consumes findings (the output formats'
golden files, suppress.apply) on cases the comparator is not asked to judge, e.g. an archived
claim from another run, or a code on figures no real finding would pair.  Tests of the command
line run the real comparator on real copy (tests/cli/conftest.py's ``article``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from figcheck.compare.rules import get
from figcheck.model import (
    Claim,
    Document,
    Finding,
    Interval,
    Value,
)


@dataclass(frozen=True)
class Spec:
    """Emit ``code`` for every document containing all ``needles`` (``(text, field, nth)``)."""

    code: str
    needles: tuple[tuple[str, str, int], ...]
    message: str = ""
    confidence: float = 0.9


def claim(doc: Document, needle: str, field: str = "text", nth: int = 1) -> Claim | None:
    src = (doc.title or "") if field == "title" else doc.text
    i = -1
    for _ in range(nth):
        i = src.find(needle, i + 1)
        if i < 0:
            return None
    digits = "".join(ch for ch in needle if ch.isdigit() or ch == ".") or "0"
    v = Decimal(digits)
    return Claim(doc=doc.id, field=field, start=i, end=i + len(needle), text=needle,  # type: ignore[arg-type]
                 value=Value(low=v, high=v), bound="exact", interval=Interval(low=v, high=v),
                 source=doc.source, published=doc.published)


def finding(code: str, claims: Sequence[Claim], message: str = "", confidence: float = 0.9) -> Finding:
    rule = get(code)
    text = message or " vs ".join(c.text for c in claims)
    return Finding(code=code, kind=rule.kind, scope=rule.scope, severity=rule.severity,
                   confidence=confidence, message=text, claims=tuple(claims))
