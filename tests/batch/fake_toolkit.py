"""A small deterministic stand-in for figcheck's parser and comparator, so the batch pipeline's
own behaviour (resuming, storing, grouping, engines agreeing) is tested independently of them.

Figures are ``<digits> <word>``; the word is the claim key; two different figures for the same
word contradict (within one document, or across documents of one story); story features are the
capitalised words of the text.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Sequence
from decimal import Decimal

from figcheck.batch.toolkit import Toolkit
from figcheck.config import Config
from figcheck.model import Claim, Document, Finding, Interval, Quantity, Subject, Value

FIGURE = re.compile(r"\b(\d{1,9}) ([a-z]{3,20})\b")
NAME = re.compile(r"\b[A-Z][a-z]{2,20}\b")


def extract(text: str, *, title: str | None = None) -> list[Quantity]:
    out = []
    for field, source in (("title", title or ""), ("text", text)):
        if "EXPLODE" in source:
            raise RuntimeError("planted parser failure")
        if "CRASH" in source:
            os._exit(3)  # a crash in native code, or the out-of-memory killer
        if "HANG" in source:
            time.sleep(30)  # a parser stuck on adversarial input
        for m in FIGURE.finditer(source):
            v = Decimal(m.group(1))
            out.append(
                Quantity(
                    field=field,
                    start=m.start(),
                    end=m.end(),
                    text=m.group(0),
                    value=Value(low=v, high=v),
                    interval=Interval(low=v, high=v),
                    subject=Subject(text=m.group(2), head=m.group(2)),
                )
            )
    return out


def _claim(doc: Document, q: Quantity) -> Claim:
    return Claim(
        doc=doc.id, field=q.field, start=q.start, end=q.end, text=q.text, value=q.value,
        bound=q.bound, interval=q.interval, subject=q.subject, source=doc.source,
        published=doc.published,
    )


def within(doc: Document, qs: Sequence[Quantity], config: Config) -> list[Finding]:
    out = []
    first: dict[str, Quantity] = {}
    for q in qs:
        head = q.subject.head or ""
        p = first.setdefault(head, q)
        if p is not q and p.value != q.value:
            out.append(Finding(
                code="FC901", kind="contradiction", scope="within", severity="warning",
                confidence=0.9, message=f"{p.text} vs {q.text}", claims=(_claim(doc, p), _claim(doc, q)),
            ))
    return out


def across(group: Sequence[tuple[Document, Sequence[Quantity]]], config: Config) -> list[Finding]:
    out = []
    firsts: dict[str, tuple[Document, Quantity]] = {}
    for doc, qs in sorted(group, key=lambda g: g[0].id):
        seen = set()
        for q in qs:
            head = q.subject.head or ""
            if head in seen:
                continue
            seen.add(head)
            if head not in firsts:
                firsts[head] = (doc, q)
                continue
            d0, q0 = firsts[head]
            if d0.id != doc.id and q0.value != q.value:
                out.append(Finding(
                    code="FC902", kind="contradiction", scope="cross", severity="warning",
                    confidence=0.9, message=f"{d0.id}: {q0.text} vs {doc.id}: {q.text}",
                    claims=(_claim(d0, q0), _claim(doc, q)),
                ))
    return out


def story_features(doc: Document, qs: Sequence[Quantity]) -> frozenset[str]:
    return frozenset("ent:" + w.lower() for w in NAME.findall((doc.title or "") + " " + doc.text))


def claim_key(q: Quantity) -> str:
    return q.subject.head or ""


def slow_extract(text: str, *, title: str | None = None) -> list[Quantity]:
    time.sleep(0.004)  # so a subprocess run lasts long enough to be killed midway
    return extract(text, title=title)


TOOLKIT = Toolkit(
    extract=extract, within=within, across=across, story_features=story_features, claim_key=claim_key
)
SLOW = Toolkit(
    extract=slow_extract, within=within, across=across, story_features=story_features,
    claim_key=claim_key,
)
SPEC = f"{__name__}:TOOLKIT"
SLOW_SPEC = f"{__name__}:SLOW"
