"""False alarms on real text: figcheck's findings on published articles, keyed so that readers'
verdicts (genuine / false) can be kept in a committed file and matched on every later run.

A finding's key hashes its code and, for every figure it names, the document id, field, offsets
and surface: stable across runs on the same corpus, and free of article text.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import figcheck

from .corpus import Article, Corpus

HERE = Path(__file__).resolve().parent
VERDICTS = HERE / "verdicts.jsonl"
PLANT_VERDICTS = HERE / "planted_verdicts.jsonl"
VERDICT_VALUES: tuple[str, ...] = ("genuine", "false", "unsure")

CONFIG = figcheck.Config(preview=True)
"""The harness measures every code, preview ones too (they graduate on these numbers; see
:mod:`figcheck.compare.rules`)."""

MODES: tuple[str, ...] = ("story", "archive")
"""``story``: records keep their ``story`` (a single article is a story of its own);
``archive``: no ``story`` field, figcheck groups the documents itself."""


def claim_tuple(doc: str, field_: str, start: int, end: int, text: str) -> list[object]:
    return [doc, field_, start, end, hashlib.sha1(text.encode()).hexdigest()[:12]]


def finding_key(f: figcheck.Finding) -> str:
    parts = [f.code] + [claim_tuple(c.doc, c.field, c.start, c.end, c.text) for c in f.claims]
    return hashlib.sha1(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:20]


def to_documents(articles: Iterable[Article], mode: str) -> list[figcheck.Document]:
    out = []
    for a in articles:
        story = None
        if mode == "story":
            story = a.story or f"solo:{a.id}"
        out.append(figcheck.Document(id=a.id, text=a.text, title=a.title or None,
                                     source=a.source, published=a.published, story=story))
    return out


@dataclass
class Run:
    corpus: str
    mode: str
    articles: int
    findings: list[figcheck.Finding]

    def scoped(self, scope: str) -> list[figcheck.Finding]:
        return [f for f in self.findings if f.scope == scope]


def run(corpus: Corpus, mode: str) -> Run:
    """``figcheck.check`` on the corpus in one ``mode`` (preview on: :data:`CONFIG`)."""
    report = figcheck.check(to_documents(corpus.articles, mode), CONFIG)
    return Run(corpus.name, mode, len(corpus.articles), list(report.findings))


def run_modes(corpus: Corpus, modes: Sequence[str] = MODES) -> dict[str, Run]:
    """What ``figcheck.check`` gives in each mode, with every article extracted once: the steps
    of ``figcheck.compare.run`` (extract, ``within`` each document, ``assign_stories``,
    ``across`` each story, ``apply_config``) through figcheck.compare's public functions.
    ``tests/realnews`` asserts it equals :func:`run`."""
    from figcheck.compare import across, apply_config, assign_stories, within

    config = CONFIG
    docs = {m: to_documents(corpus.articles, m) for m in modes}
    first = docs[modes[0]]
    qs = {d.id: tuple(figcheck.extract(d.text, title=d.title)) for d in first}
    inner = {d.id: within(d, qs[d.id], config) for d in first}
    out: dict[str, Run] = {}
    for m in modes:
        pairs = [(d, qs[d.id]) for d in docs[m]]
        found = [f for d in docs[m] for f in inner[d.id]]
        stories = assign_stories(pairs, config)
        groups: dict[str, list[tuple[figcheck.Document, tuple[figcheck.Quantity, ...]]]] = {}
        for d, q in pairs:
            groups.setdefault(stories[d.id], []).append((d, q))
        for key in sorted(groups):
            found.extend(across(groups[key], config))
        out[m] = Run(corpus.name, m, len(corpus.articles), apply_config(found, config))
    return out


# --------------------------------------------------------------------------------------------
# verdicts


def read_jsonl(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.append(json.loads(line))
    return out


def load_verdicts(path: Path = VERDICTS) -> dict[str, dict[str, object]]:
    return {str(r["key"]): r for r in read_jsonl(path)}


def write_verdicts(verdicts: dict[str, dict[str, object]], path: Path) -> None:
    lines = [json.dumps(verdicts[k], sort_keys=True, ensure_ascii=False) for k in sorted(verdicts)]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def merge_verdicts(existing: dict[str, dict[str, object]], incoming: Iterable[dict[str, object]],
                   keep: Sequence[str]) -> tuple[dict[str, dict[str, object]], int]:
    """Readers' records merged into ``existing`` (a later verdict for a key replaces an earlier
    one).  Only ``key``, ``verdict``, ``reason`` and the ``keep`` fields are kept: never text.
    Returns the merged table and the number of records taken."""
    out = dict(existing)
    taken = 0
    for r in incoming:
        key = r.get("key")
        verdict = r.get("verdict")
        if not isinstance(key, str) or verdict not in VERDICT_VALUES:
            continue
        rec: dict[str, object] = {"key": key, "verdict": verdict,
                                  "reason": r.get("reason") if isinstance(r.get("reason"), str)
                                  else None}
        for k in keep:
            if k in r and isinstance(r[k], (str, int)):
                rec[k] = r[k]
        out[key] = rec
        taken += 1
    return out, taken


@dataclass
class Judged:
    genuine: int = 0
    false: int = 0
    unsure: int = 0
    unjudged: int = 0
    reasons: Counter[str] = field(default_factory=Counter)

    @property
    def precision(self) -> float | None:
        n = self.genuine + self.false
        return self.genuine / n if n else None

    def line(self) -> str:
        p = self.precision
        ps = "n/a" if p is None else f"{p:.3f}"
        why = ", ".join(f"{r} {n}" for r, n in self.reasons.most_common(5))
        return (f"judged precision {ps} ({self.genuine} genuine, {self.false} false"
                f"{', ' + str(self.unsure) + ' unsure' if self.unsure else ''}), "
                f"{self.unjudged} unjudged" + (f"; false: {why}" if why else ""))


def judge(findings: Iterable[figcheck.Finding], verdicts: dict[str, dict[str, object]]) -> Judged:
    j = Judged()
    for f in findings:
        v = verdicts.get(finding_key(f))
        if v is None:
            j.unjudged += 1
        elif v["verdict"] == "genuine":
            j.genuine += 1
        elif v["verdict"] == "false":
            j.false += 1
            j.reasons[str(v.get("reason") or "other")] += 1
        else:
            j.unsure += 1
    return j


# --------------------------------------------------------------------------------------------
# context for readers

_SENT_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: ends at ``.``/``!``/``?`` (and closing quotes) before a
    capital or digit, and at line breaks."""
    spans = []
    s = 0
    for m in _SENT_END.finditer(text):
        end = m.start() if text[m.start()] == "\n" else m.start() + len(m.group().rstrip())
        if end > s:
            spans.append((s, end))
        s = m.end()
    if s < len(text):
        spans.append((s, len(text)))
    return spans


def context(text: str, start: int, end: int, around: int = 1, mark: bool = True) -> str:
    """The sentence holding ``text[start:end]`` and ``around`` sentences either side, the figure
    marked ``[[like this]]``."""
    spans = sentence_spans(text) or [(0, len(text))]
    i = next((k for k, (s, e) in enumerate(spans) if s <= start < e or start < s),
             len(spans) - 1)
    lo = spans[max(0, i - around)][0]
    hi = spans[min(len(spans) - 1, i + around)][1]
    hi = max(hi, end)
    lo = min(lo, start)
    if not mark:
        return text[lo:hi]
    return text[lo:start] + "[[" + text[start:end] + "]]" + text[end:hi]


def export_record(f: figcheck.Finding, by_id: dict[str, Article], mode: str) -> dict[str, object]:
    claims = []
    for c in f.claims:
        a = by_id.get(c.doc)
        src = a.field(c.field) if a else ""
        claims.append({
            "doc": c.doc, "field": c.field, "start": c.start, "end": c.end, "text": c.text,
            "source": a.source if a else None,
            "published": a.published.isoformat() if a and a.published else None,
            "title": a.title if a else None,
            "context": context(src, c.start, c.end) if src else c.text,
        })
    return {"type": "finding", "key": finding_key(f), "code": f.code, "scope": f.scope,
            "mode": mode, "message": f.message, "claims": claims,
            "verdict": None, "reason": None, "note": None}


def write_jsonl(path: Path, records: Iterable[dict[str, object]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
