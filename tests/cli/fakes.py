"""A stand-in comparator for testing the CLI's wiring (formats, exit codes, suppressions) without
depending on the real comparator's judgement.  End-to-end tests use the real one."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from figcheck.compare.rules import get
from figcheck.model import (
    CheckRun,
    Claim,
    Document,
    DocumentSummary,
    Finding,
    Interval,
    Report,
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


def make_compute(specs: Sequence[Spec]):  # type: ignore[no-untyped-def]
    def compute(docs: list[Document], config: object) -> CheckRun:
        found = []
        for doc in docs:
            for spec in specs:
                claims = [claim(doc, n, f, k) for n, f, k in spec.needles]
                if all(c is not None for c in claims):
                    found.append(finding(spec.code, claims, spec.message, spec.confidence))  # type: ignore[arg-type]
        summaries = tuple(DocumentSummary(id=d.id, title=d.title, source=d.source,
                                          published=d.published, story=d.story) for d in docs)
        return CheckRun(report=Report(documents=summaries, findings=tuple(found)),
                        documents=tuple(docs))

    return compute


def specs_from_json(raw: str) -> list[Spec]:
    return [Spec(s["code"], tuple(tuple(n) for n in s["needles"]), s.get("message", ""),
                 s.get("confidence", 0.9)) for s in json.loads(raw)]


if __name__ == "__main__":  # a real process: figcheck with the stand-in comparator
    import figcheck.cli.check as check_module
    from figcheck.cli import main

    check_module.compute = make_compute(specs_from_json(os.environ.get("FAKE_SPECS", "[]")))
    sys.argv[0] = "figcheck"
    main()
