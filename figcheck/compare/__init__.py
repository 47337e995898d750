"""Quantities -> claims -> findings.

Public API::

    check(documents, config=None) -> Report          # figcheck.check
    run(documents, config=None) -> CheckRun          # report + documents + quantities
    within(doc, quantities, config) -> list[Finding]  # one article (FC101, FC102, FC2xx)
    across(group, config) -> list[Finding]            # the documents of ONE story (FC111, FC121)
    story_features(doc, quantities) -> frozenset[str]
    assign_stories(items, config) -> dict[str, str]   # doc id -> story key
    fact_key(q) -> str                                # index key: frame measure + unit family
    same_fact(a, b, doc_a, doc_b) -> Decision         # scored: .score, .same, .slots
    apply_config(findings, config) -> list[Finding]   # select/ignore/severity/min_confidence + order

``within`` and ``across`` already apply ``config`` (applying it again changes nothing).  The rule
table is :data:`figcheck.compare.rules.RULES`.  Everything here is a pure function of its inputs.

How figures are compared (precision first: when unsure, say nothing):

* **Same fact** (:mod:`.decide`): each figure carries a claim frame from the parser (measure,
  holder, event class, aggregation, place, time, stance, attribution).  Figures are indexed by
  measure and unit family (:func:`fact_key`), so work is never all pairs of a document's figures;
  a pair is then scored slot by slot (same / compatible / different / unknown, log-odds weights
  in ``figcheck/data/weights.toml``), with hard constraints only for what excludes one fact:
  different currencies, a plan against an outcome, disjoint absolute periods, a part against its
  whole, two figures of one sentence or list.  Only stated totals and changes take part (not
  modal, negated or disputed figures, parts, increments, rates, thresholds, capacities,
  bracketed conversions).  A finding's confidence is the score, and it names the slots that
  matched (``Finding.matched``).
* **Conflict**: the comparison intervals (stated precision, hedges widened by
  ``config.tolerance``, open bounds; :mod:`figcheck.intervals`) are disjoint.  The ratio of the
  values is only a weak feature of the score.  Headline figures in a rounded form round and
  truncate ("2,300" for 2,317; "six years" for six years and eight months); small exact counts
  ("Two sailors") do not.
* **Within an article** (:mod:`.contradict`): figures of one sentence are never compared; a figure
  is reported once, against the first earlier figure it contradicts, and only if it agrees with no
  earlier one.  A headline figure is reported (FC102) only when no body figure of the fact agrees.
* **Between documents of one story**: one finding per fact and pair of documents, none when both
  figures agree with the other document, none between documents that name nothing in common
  (unless their records share a ``story``); a running count (a toll, cases, arrests) that grows
  between reports published on different days is an update (FC121, info), never a contradiction
  -- unless the earlier report capped it ("fewer than 300" then 340).  Figures for different
  days named relatively ("on Monday" / "by Wednesday") are never one fact, and a running count in
  a report with no publication date (an undated draft) never conflicts: its order is unknown.
* **Messages** (:func:`.text.phrase`): figures are quoted as an editor writes them ("turnout of
  62%", "a death toll of 30", "tickets at $5-$7"; updates "the death toll was 30, later 52").
* **Arithmetic** (:mod:`.arithmetic`): one sentence (or "Of these, ..." after the sentence that
  gives the whole), with slack for rounding documented there.
* **Stories** (:mod:`.stories`): records' ``story`` when present, else clusters by shared named
  entities within ``config.story_window_days``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..config import Config
from ..model import CheckRun, Document, DocumentSummary, Finding, Quantity, Report
from . import rules
from .contradict import fact_key
from .decide import Decision, same_fact
from .stories import StoryItem, assign_stories, story_features

__all__ = [
    "Decision",
    "StoryItem",
    "across",
    "apply_config",
    "assign_stories",
    "check",
    "fact_key",
    "rules",
    "run",
    "same_fact",
    "story_features",
    "within",
    "work",
]


def _field_rank(field: str) -> int:
    return 0 if field == "title" else 1


def finding_sort_key(f: Finding) -> tuple[object, ...]:
    claims = tuple((c.doc, _field_rank(c.field), c.start, c.end) for c in f.claims)
    return (claims[:1], f.code, claims)


def apply_config(findings: Iterable[Finding], config: Config | None = None) -> list[Finding]:
    """Keep the findings ``config`` selects (``select``/``ignore`` by code or prefix,
    ``min_confidence``; preview codes only with ``preview``, marked ``Finding.preview``), apply
    severity overrides, drop duplicates, and order them deterministically (by first claim's
    document, field and offset, then code)."""
    config = config or Config()
    out: dict[tuple[object, ...], Finding] = {}
    for f in findings:
        f = rules.mark(f)
        if f.preview and not config.preview:
            continue
        if config.select and not rules.matches(f.code, config.select):
            continue
        if config.ignore and rules.matches(f.code, config.ignore):
            continue
        if f.confidence < config.min_confidence:
            continue
        sev = config.severity.get(f.code)
        if sev is not None and sev != f.severity:
            f = f.model_copy(update={"severity": sev})
        key = (f.code, tuple((c.doc, c.field, c.start, c.end) for c in f.claims))
        out.setdefault(key, f)
    return sorted(out.values(), key=finding_sort_key)


def within(doc: Document, quantities: Sequence[Quantity], config: Config | None = None
           ) -> list[Finding]:
    """Contradictions (FC101/FC102) and arithmetic (FC2xx) inside one document."""
    from .arithmetic import arithmetic_within
    from .contradict import contradictions_within

    config = config or Config()
    found = contradictions_within(doc, quantities, config.tolerance)
    found += arithmetic_within(doc, quantities, config.tolerance)
    return apply_config(found, config)


def work(doc: Document, quantities: Sequence[Quantity] | None = None,
         config: Config | None = None) -> int:
    """Deterministic count of the work :func:`within` does on ``doc`` (characters scanned for
    cues, pairs of figures compared, arithmetic checks tried): linear in the document's size on
    any input (issue 13.8).  ``quantities`` default to the document's extracted figures."""
    from ..parser import extract
    from .arithmetic import arithmetic_within
    from .contradict import contradictions_within
    from .text import Tally

    config = config or Config()
    qs = quantities if quantities is not None else extract(doc.text, title=doc.title)
    tally = Tally()
    tally.add(len(qs))
    contradictions_within(doc, qs, config.tolerance, tally)
    arithmetic_within(doc, qs, config.tolerance, tally)
    return tally.n


def across(group: Sequence[tuple[Document, Sequence[Quantity]]], config: Config | None = None
           ) -> list[Finding]:
    """Conflicts (FC111) and updates (FC121) between the documents of one story."""
    from .contradict import contradictions_across

    config = config or Config()
    if len(group) < 2:
        return []
    return apply_config(contradictions_across(group, config.tolerance), config)


def _documents(documents: Iterable[Document | str]) -> list[Document]:
    out: list[Document] = []
    for i, d in enumerate(documents, 1):
        out.append(d if isinstance(d, Document) else Document(id=f"doc{i}", text=str(d)))
    return out


def run(documents: Iterable[Document | str], config: Config | None = None) -> CheckRun:
    """Extract every document's figures, check each document within itself and the documents of
    each story against each other."""
    from ..parser import extract

    config = config or Config()
    docs = _documents(documents)
    pairs: list[tuple[Document, tuple[Quantity, ...]]] = [
        (d, tuple(extract(d.text, title=d.title))) for d in docs
    ]
    findings: list[Finding] = []
    for d, qs in pairs:
        findings.extend(within(d, qs, config))
    stories = assign_stories(pairs, config)
    groups: dict[str, list[tuple[Document, tuple[Quantity, ...]]]] = {}
    for d, qs in pairs:
        groups.setdefault(stories[d.id], []).append((d, qs))
    for key in sorted(groups):
        findings.extend(across(groups[key], config))
    report = Report(
        documents=tuple(
            DocumentSummary(id=d.id, title=d.title, source=d.source, published=d.published,
                            story=d.story, quantities=len(qs))
            for d, qs in pairs
        ),
        findings=tuple(apply_config(findings, config)),
    )
    return CheckRun(report=report, documents=tuple(docs),
                    quantities={d.id: qs for d, qs in pairs})


def check(documents: Iterable[Document | str], config: Config | None = None) -> Report:
    """:func:`run`'s report."""
    return run(documents, config).report
