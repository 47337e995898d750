"""Scoring ``figcheck.check`` against the gold story corpus in ``corpus/check/``.

Each story is one JSON file (format documented in ``corpus/README.md``, section "corpus/check")::

    {"story": "<id>", "desk": "...",
     "documents": [{"id", "source", "published", "title", "text"}],
     "findings": [{"kind", "scope", "claims": [{"doc", "field", "text", "occurrence"}], "note"}]}

Two measurements:

1. **Findings.**  Each story's documents are checked together (with their ``story`` field) and
   the predicted findings are matched one-to-one against the gold findings.  A prediction matches a
   gold finding when ``scope`` and ``kind`` agree (a ``FC121`` prediction counts as kind ``update``
   whatever it says) and every gold claim overlaps the span of some predicted claim in the same
   document and field.  Precision and recall are given overall, per scope and per kind.  Meta
   findings (``FC301``, emitted by the CLI) are not scored.
2. **Cross-story isolation.**  All documents of all stories are checked in ONE run without their
   ``story`` field; every finding whose claims come from more than one gold story is counted
   (target: 0).

Scores are also broken down by finding code (gold contradictions are ``FC102`` when a claim is in
a title, ``FC111`` across documents, else ``FC101``), and false positives that land on a
documented trap (``traps`` in the story file) are labelled.

Document ids are made unique across the corpus as ``<story>:<doc id>``.

Besides the team's own stories (``corpus/check/*.json``), stories written blind (by writers who
saw neither the code nor this corpus) live in ``corpus/check/blind/dev/*.json`` and, frozen and
never used to tune, ``corpus/check/blind/heldout/*.json`` (same format).  They are scored as
separate sets (:data:`SETS`, :func:`evaluate_sets`), never mixed into the team's score; the
held-out set is reported by its scores alone (no false-positive or miss lists).
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..config import Config
from ..model import Document, Finding, Report
from . import corpus_dir, locate

GoldKind = Literal[
    "contradiction", "update", "percent-change", "share", "parts-total", "factor", "conversion"
]
GoldScope = Literal["within", "cross"]
GOLD_KINDS: tuple[str, ...] = GoldKind.__args__  # type: ignore[attr-defined]
GOLD_SCOPES: tuple[str, ...] = GoldScope.__args__  # type: ignore[attr-defined]

CODE_KIND: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "FC101": ("contradiction", "within"),
        "FC102": ("contradiction", "within"),
        "FC111": ("contradiction", "cross"),
        "FC121": ("update", "cross"),
        "FC201": ("percent-change", "within"),
        "FC202": ("share", "within"),
        "FC203": ("parts-total", "within"),
        "FC204": ("factor", "within"),
        "FC205": ("conversion", "within"),
    }
)
"""The lead's fixed table: finding code -> (gold kind, scope).  ``FC301`` (meta) is not scored."""

UNSCORED_KINDS = frozenset({"meta"})


class CorpusError(ValueError):
    """A story file that does not follow the documented format (names the file)."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Mention(_Frozen):
    """Another place in the same document that states the same figure (a restatement)."""

    field: Literal["title", "text"] = "text"
    text: str = Field(min_length=1)
    occurrence: int = Field(default=1, ge=1)


class GoldClaim(_Frozen):
    doc: str
    field: Literal["title", "text"] = "text"
    text: str = Field(min_length=1)
    occurrence: int = Field(default=1, ge=1)
    alternatives: tuple[Mention, ...] = ()
    """Restatements of the same figure in the same document ("rose to 52" ... "the 52 dead"); a
    predicted claim on any of them satisfies this gold claim."""


class GoldFinding(_Frozen):
    kind: GoldKind
    scope: GoldScope
    claims: tuple[GoldClaim, ...] = Field(min_length=1)
    note: str = ""


class Trap(_Frozen):
    """A place where a finding code must NOT fire (a documented negative example)."""

    code: str = Field(pattern=r"^FC[0-9]{3}$")
    claims: tuple[GoldClaim, ...] = Field(min_length=1)
    note: str = ""


class StoryDocument(_Frozen):
    id: str = Field(min_length=1)
    source: str
    published: _dt.date
    title: str | None = None
    text: str = Field(min_length=1)


class Story(_Frozen):
    story: str = Field(min_length=1)
    desk: str
    documents: tuple[StoryDocument, ...] = Field(min_length=1)
    findings: tuple[GoldFinding, ...] = ()
    traps: tuple[Trap, ...] = ()
    """Optional negative examples: figures that look like a finding of ``code`` but are not one."""
    path: str | None = None
    """The file the story was read from (not part of the file format)."""

    def global_id(self, doc_id: str) -> str:
        return f"{self.story}:{doc_id}"

    def document(self, doc_id: str) -> StoryDocument:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)

    def to_documents(self, *, include_story: bool = True) -> list[Document]:
        return [
            Document(
                id=self.global_id(d.id),
                text=d.text,
                title=d.title,
                source=d.source,
                published=d.published,
                story=self.story if include_story else None,
                desk=self.desk,
            )
            for d in self.documents
        ]


@dataclass(frozen=True)
class Span:
    doc: str
    """Global document id (``story:doc``)."""
    field: str
    start: int
    end: int
    text: str

    def overlaps(self, other: Span) -> bool:
        return (
            self.doc == other.doc
            and self.field == other.field
            and self.start < other.end
            and other.start < self.end
        )

    def __str__(self) -> str:
        return f"{self.doc}[{self.field}]@{self.start}:{self.text!r}"


@dataclass(frozen=True)
class GoldItem:
    story: str
    kind: str
    scope: str
    spans: tuple[Span, ...]
    note: str
    options: tuple[tuple[Span, ...], ...] = ()
    """Per gold claim, every acceptable span (the claim itself first, then its alternatives)."""
    code: str = ""
    """The finding code the gold finding corresponds to (see :func:`gold_code`)."""

    def describe(self) -> str:
        claims = " / ".join(str(s) for s in self.spans)
        return f"{self.kind}/{self.scope}: {claims} -- {self.note}"


@dataclass(frozen=True)
class PredItem:
    story: str
    code: str
    kind: str
    scope: str
    spans: tuple[Span, ...]
    message: str

    def describe(self) -> str:
        claims = " / ".join(str(s) for s in self.spans)
        return f"{self.code} {self.kind}/{self.scope}: {claims} -- {self.message}"


def gold_code(finding: GoldFinding) -> str:
    """The code of the lead's table a gold finding stands for: a contradiction is ``FC111``
    across documents, ``FC102`` when one claim is in a title, else ``FC101``."""
    if finding.kind == "contradiction":
        if finding.scope == "cross":
            return "FC111"
        return "FC102" if any(c.field == "title" for c in finding.claims) else "FC101"
    return next(code for code, (kind, _) in CODE_KIND.items() if kind == finding.kind)


def default_corpus_dir() -> Path:
    """``corpus/check`` of the source checkout this package lives in (else of the cwd)."""
    return corpus_dir("check")


def _resolve(story: Story, doc_id: str, mention: GoldClaim | Mention) -> Span:
    try:
        doc = story.document(doc_id)
    except KeyError:
        raise CorpusError(f"{story.path}: claim names unknown document {doc_id!r}") from None
    source = (doc.title or "") if mention.field == "title" else doc.text
    found = locate(source, mention.text, mention.occurrence)
    if found is None:
        raise CorpusError(
            f"{story.path}: {mention.text!r} occurrence {mention.occurrence} not found in "
            f"{doc_id} {mention.field}"
        )
    return Span(story.global_id(doc_id), mention.field, found[0], found[1], mention.text)


def claim_options(story: Story, finding: GoldFinding | Trap) -> tuple[tuple[Span, ...], ...]:
    """Per claim, its span followed by the spans of its alternatives."""
    return tuple(
        (_resolve(story, c.doc, c), *(_resolve(story, c.doc, m) for m in c.alternatives))
        for c in finding.claims
    )


def gold_spans(story: Story, finding: GoldFinding | Trap) -> tuple[Span, ...]:
    """Resolve a gold finding's claims to offsets; raises :class:`CorpusError` if one is missing."""
    return tuple(options[0] for options in claim_options(story, finding))


def read_story(path: Path) -> Story:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(f"{path}: {exc}") from None
    if not isinstance(data, dict):
        raise CorpusError(f"{path}: a story file holds one JSON object")
    try:
        story = Story.model_validate({**data, "path": str(path)})
    except ValidationError as exc:
        raise CorpusError(f"{path}: {exc}") from None
    if story.story != path.stem:
        raise CorpusError(f"{path}: story id {story.story!r} differs from the file name")
    ids = [d.id for d in story.documents]
    if len(set(ids)) != len(ids):
        raise CorpusError(f"{path}: duplicate document ids")
    items: list[GoldFinding | Trap] = [*story.findings, *story.traps]
    for item in items:
        claim_options(story, item)
    return story


@cache
def _load_cached(corpus_dir: str) -> tuple[Story, ...]:
    return tuple(read_story(p) for p in sorted(Path(corpus_dir).glob("*.json")))


def load_stories(corpus_dir: str | Path | None = None) -> list[Story]:
    """Every story in ``corpus_dir`` (default ``corpus/check``), sorted by file name."""
    directory = Path(corpus_dir) if corpus_dir is not None else default_corpus_dir()
    return list(_load_cached(str(directory.resolve())))


def corpus_records(
    include_story: bool = True, corpus_dir: str | Path | None = None
) -> list[dict[str, Any]]:
    """All documents of all stories as JSONL-ready records (``id, text, title, source, published,
    story, desk``); ``story`` is left out when ``include_story`` is false."""
    records: list[dict[str, Any]] = []
    for story in load_stories(corpus_dir):
        for doc in story.documents:
            record: dict[str, Any] = {
                "id": story.global_id(doc.id),
                "text": doc.text,
                "title": doc.title,
                "source": doc.source,
                "published": doc.published.isoformat(),
            }
            if include_story:
                record["story"] = story.story
            record["desk"] = story.desk
            records.append(record)
    return records


def write_records(
    path: str | Path, include_story: bool = True, corpus_dir: str | Path | None = None
) -> int:
    """Write :func:`corpus_records` as JSONL to ``path``; returns the number of records."""
    records = corpus_records(include_story, corpus_dir)
    with open(path, "w", encoding="utf-8") as out:
        out.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    return len(records)


def _pred_kind_scope(finding: Finding) -> tuple[str, str]:
    if finding.code == "FC121":
        return "update", "cross"
    return finding.kind, finding.scope


def _pred_item(story: str, finding: Finding) -> PredItem:
    kind, scope = _pred_kind_scope(finding)
    spans = tuple(Span(c.doc, c.field, c.start, c.end, c.text) for c in finding.claims)
    return PredItem(story, finding.code, kind, scope, spans, finding.message)


def matches(pred: PredItem, gold: GoldItem) -> bool:
    if pred.kind != gold.kind or pred.scope != gold.scope:
        return False
    options = gold.options or tuple((span,) for span in gold.spans)
    return all(any(g.overlaps(p) for g in spans for p in pred.spans) for spans in options)


@dataclass
class PR:
    """Counts for one slice (overall, a scope or a kind)."""

    tp_pred: int = 0
    predicted: int = 0
    tp_gold: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 1.0

    def line(self, label: str) -> str:
        precision = f"{self.precision:6.3f}" if self.predicted else "   n/a"
        recall = f"{self.recall:6.3f}" if self.gold else "   n/a"
        return (
            f"{label:<20} precision {precision} ({self.tp_pred}/{self.predicted})"
            f"  recall {recall} ({self.tp_gold}/{self.gold})"
        )


@dataclass
class CheckScores:
    stories: int = 0
    documents: int = 0
    overall: PR = field(default_factory=PR)
    by_scope: dict[str, PR] = field(default_factory=dict)
    by_kind: dict[str, PR] = field(default_factory=dict)
    by_code: dict[str, PR] = field(default_factory=dict)
    """Gold findings by :func:`gold_code`, predictions by their own code."""
    false_positives: list[PredItem] = field(default_factory=list)
    misses: list[GoldItem] = field(default_factory=list)
    trap_hits: list[PredItem] = field(default_factory=list)
    """False positives that land on a documented trap (a subset of ``false_positives``)."""
    cross_story: list[PredItem] = field(default_factory=list)
    """Findings of the all-in-one run whose claims span more than one gold story."""
    all_in_one_findings: int = 0

    @property
    def precision(self) -> float:
        return self.overall.precision

    @property
    def recall(self) -> float:
        return self.overall.recall

    @property
    def cross_story_findings(self) -> int:
        return len(self.cross_story)

    def format(self, *, details: bool = True) -> str:
        lines = [
            (
                f"check corpus: {self.stories} stories, {self.documents} documents, "
                f"{self.overall.gold} gold findings, {self.overall.predicted} predicted"
            ),
            self.overall.line("overall"),
        ]
        lines += [self.by_scope[k].line(f"scope {k}") for k in sorted(self.by_scope)]
        lines += [self.by_kind[k].line(f"kind {k}") for k in sorted(self.by_kind)]
        lines += [self.by_code[k].line(f"code {k}") for k in sorted(self.by_code)]
        lines.append(
            f"false positives on documented traps: {len(self.trap_hits)} of "
            f"{len(self.false_positives)}"
        )
        lines.append(
            f"cross-story findings (all {self.documents} documents in one run, no story field): "
            f"{self.cross_story_findings} of {self.all_in_one_findings} findings (target 0)"
        )
        if details:
            for title, items in (
                ("false positives", self.false_positives),
                ("misses", self.misses),
                ("cross-story findings", self.cross_story),
            ):
                if items:
                    lines.append(f"{title} ({len(items)}):")
                    lines += [
                        f"  {item.story}: {'[trap] ' if item in self.trap_hits else ''}"
                        f"{item.describe()}"
                        for item in items
                    ]
        return "\n".join(lines)


def _slice(table: dict[str, PR], key: str) -> PR:
    return table.setdefault(key, PR())


def score_story(story: Story, predicted: Iterable[Finding], scores: CheckScores) -> None:
    """Match one story's predictions against its gold findings and add to ``scores``."""
    gold: list[GoldItem] = []
    for finding in story.findings:
        options = claim_options(story, finding)
        spans = tuple(o[0] for o in options)
        gold.append(
            GoldItem(
                story.story,
                finding.kind,
                finding.scope,
                spans,
                finding.note,
                options,
                gold_code(finding),
            )
        )
    preds = [_pred_item(story.story, f) for f in predicted if f.kind not in UNSCORED_KINDS]
    traps = [(*CODE_KIND[t.code], gold_spans(story, t)) for t in story.traps if t.code in CODE_KIND]
    candidates = [[j for j, p in enumerate(preds) if matches(p, g)] for g in gold]
    pairing = _max_matching(candidates)
    used = set(pairing.values())
    matched_gold = set(pairing)
    for i, g in enumerate(gold):
        hit = i in matched_gold
        for pr in (
            scores.overall,
            _slice(scores.by_scope, g.scope),
            _slice(scores.by_kind, g.kind),
            _slice(scores.by_code, g.code),
        ):
            pr.gold += 1
            pr.tp_gold += hit
        if not hit:
            scores.misses.append(g)
    for j, p in enumerate(preds):
        hit = j in used
        for pr in (
            scores.overall,
            _slice(scores.by_scope, p.scope),
            _slice(scores.by_kind, p.kind),
            _slice(scores.by_code, p.code),
        ):
            pr.predicted += 1
            pr.tp_pred += hit
        if not hit:
            scores.false_positives.append(p)
            if any(_hits_trap(p, trap) for trap in traps):
                scores.trap_hits.append(p)


def _max_matching(candidates: list[list[int]]) -> dict[int, int]:
    """Maximum one-to-one matching of gold index -> prediction index (augmenting paths; the
    per-story graphs are tiny)."""
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(candidates)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def _hits_trap(pred: PredItem, trap: tuple[str, str, tuple[Span, ...]]) -> bool:
    kind, scope, spans = trap
    return (pred.kind, pred.scope) == (kind, scope) and all(
        any(s.overlaps(p) for p in pred.spans) for s in spans
    )


def cross_story_findings(stories: Sequence[Story], findings: Iterable[Finding]) -> list[PredItem]:
    """Findings (of a run over all stories' documents) whose claims come from different stories."""
    owner = {s.global_id(d.id): s.story for s in stories for d in s.documents}
    out = []
    for finding in findings:
        involved = {owner.get(c.doc, c.doc) for c in finding.claims}
        if len(involved) > 1:
            out.append(_pred_item("+".join(sorted(involved)), finding))
    return out


Checker = Callable[[list[Document], Config | None], Report]


def _default_checker(documents: list[Document], config: Config | None) -> Report:
    from .. import check

    return check(documents, config=config)


def evaluate_check(
    corpus_dir: str | Path | None = None,
    config: Config | None = None,
    *,
    checker: Checker | None = None,
) -> CheckScores:
    """Score :func:`figcheck.check` (or ``checker``, called as ``checker(documents, config)``)
    on the gold stories (see the module docstring).  The default ``config`` has preview on: every
    code is scored, preview ones too."""
    check = checker or _default_checker
    config = config or Config(preview=True)
    stories = load_stories(corpus_dir)
    scores = CheckScores(stories=len(stories), documents=sum(len(s.documents) for s in stories))
    for story in stories:
        report = check(story.to_documents(include_story=True), config)
        score_story(story, report.findings, scores)
    everything = [d for s in stories for d in s.to_documents(include_story=False)]
    report = check(everything, config)
    scores.all_in_one_findings = len(report.findings)
    scores.cross_story = cross_story_findings(stories, report.findings)
    return scores


SETS: tuple[tuple[str, str], ...] = (
    ("team", ""),
    ("blind dev", "blind/dev"),
    ("blind held-out", "blind/heldout"),
)
"""The scored story sets: (row label, folder under ``corpus/check``)."""


def set_dirs(corpus_dir: str | Path | None = None) -> list[tuple[str, Path]]:
    """(label, folder) of every set in :data:`SETS` under ``corpus_dir`` (default
    ``corpus/check``), whether or not the folder exists yet."""
    base = Path(corpus_dir) if corpus_dir is not None else default_corpus_dir()
    return [(label, base / sub if sub else base) for label, sub in SETS]


def evaluate_sets(
    corpus_dir: str | Path | None = None,
    config: Config | None = None,
    *,
    checker: Checker | None = None,
) -> list[tuple[str, CheckScores | None]]:
    """:func:`evaluate_check` on each set of :data:`SETS` separately; ``None`` for a set with no
    stories (its folder missing or empty)."""
    out: list[tuple[str, CheckScores | None]] = []
    for label, directory in set_dirs(corpus_dir):
        if not directory.is_dir() or not any(directory.glob("*.json")):
            out.append((label, None))
            continue
        out.append((label, evaluate_check(directory, config, checker=checker)))
    return out


def format_sets(rows: Sequence[tuple[str, CheckScores | None]]) -> str:
    """One row per set: stories, documents, gold, predicted, precision, recall, cross-story."""
    lines = [f"{'set':<16} {'stories':>7} {'docs':>5} {'gold':>5} {'pred':>5} "
             f"{'precision':>15} {'recall':>15} {'cross-story':>11}"]
    for label, sc in rows:
        if sc is None:
            lines.append(f"{label:<16} {'no stories yet':>40}")
            continue
        o = sc.overall
        prec = f"{o.precision:.3f} ({o.tp_pred}/{o.predicted})" if o.predicted else "n/a"
        rec = f"{o.recall:.3f} ({o.tp_gold}/{o.gold})" if o.gold else "n/a"
        lines.append(f"{label:<16} {sc.stories:>7} {sc.documents:>5} {o.gold:>5} "
                     f"{o.predicted:>5} {prec:>15} {rec:>15} {sc.cross_story_findings:>11}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m figcheck.evaluation check [--corpus DIR] [--brief] [--export-jsonl PATH
    [--no-story]]``.  Without ``--corpus``: the team's stories in full, then one row per set
    (team, blind dev, blind held-out)."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m figcheck.evaluation check",
        description="Score figcheck.check on the gold story corpus (corpus/check).",
    )
    parser.add_argument("--corpus", default=None, help="story directory (default corpus/check)")
    parser.add_argument("--brief", action="store_true", help="scores only, no FP/miss lists")
    parser.add_argument("--export-jsonl", metavar="PATH", help="write all documents as JSONL")
    parser.add_argument("--no-story", action="store_true", help="omit `story` when exporting")
    args = parser.parse_args(argv)
    try:
        if args.export_jsonl:
            count = write_records(args.export_jsonl, not args.no_story, args.corpus)
            print(f"wrote {count} records to {args.export_jsonl}")
            return 0
        if args.corpus:
            scores = evaluate_check(args.corpus)
            print(scores.format(details=not args.brief))
            return 0
        rows = evaluate_sets()
    except (CorpusError, OSError) as exc:
        print(f"error: {exc}")
        return 2
    team = rows[0][1]
    if team is not None:
        print(team.format(details=not args.brief))
    blind_dev = rows[1][1]
    if blind_dev is not None and not args.brief:
        print("\nblind dev stories:")
        print(blind_dev.format(details=True))
    print("\nby set (blind stories are never mixed into the team's score; held-out: scores only)")
    print(format_sets(rows))
    return 0
