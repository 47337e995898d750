"""The HTML report: one self-contained page (inline CSS and JS, nothing fetched from the network).

* :func:`render` shows a :class:`~figcheck.model.CheckRun` the way an editor reads copy: a short
  summary, the findings list, then every article with the figures of each finding marked (in the
  colour of its severity, numbered like the list) and the finding's message beside its paragraph
  like a margin comment (on a narrow screen, below the paragraph).  Figures in no finding stay
  quiet: plain text.  A finding in the list links to its place (the figures are marked and
  scrolled to, the comment is highlighted), and each comment links back to the list.  Hovering or
  focusing a marked figure (they are in the tab order) shows its value, interval, unit and subject
  in a tooltip that is also the figure's ``aria-describedby`` description.
* :func:`render_summary` shows count tables (findings by source, desk, code, month ...) for
  ``figcheck report --db ... --format html``, optionally followed by a run (the documents with
  findings and their findings); a table row may link to a place on the page (``(label, n,
  "#anchor")``).  Tables never show an empty cell: an empty table says "none", a column empty for
  every row is left out.

All document text is HTML-escaped, and a Content-Security-Policy lets only the page's own script
(by hash) run and forbids every network fetch, so a story containing ``<script>`` shows it as text.
Offsets that do not fit the text (a bad record) are skipped, never an error.
"""

from __future__ import annotations

import base64
import bisect
import datetime as _dt
import hashlib
import html as _html
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from importlib import resources

from .. import __version__
from ..model import CheckRun, Claim, Document, Finding, Interval, Quantity, Subject, Value

__all__ = ["render", "render_summary"]

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")

_SURROGATES = re.compile("[\ud800-\udfff]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")

Mark = Quantity | Claim


# ---- assets -------------------------------------------------------------------------------------
@cache
def _asset(name: str) -> str:
    return resources.files("figcheck").joinpath("formats", "assets", name).read_text("utf-8")


@cache
def _script_hash() -> str:
    digest = hashlib.sha256(_asset("report.js").encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _page(title: str, body: str) -> str:
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src '{_script_hash()}'; base-uri 'none'; form-action 'none'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="figcheck {_e(__version__)}">\n'
        f"<title>{_e(title)}</title>\n<style>\n{_asset('report.css')}</style>\n</head>\n"
        f"<body>\n{body}\n<script>{_asset('report.js')}</script>\n</body>\n</html>\n"
    )


# ---- small formatting helpers --------------------------------------------------------------------
def _e(text: object) -> str:
    """Escape for element content and quoted attributes (lone surrogates become U+FFFD, so the
    page always encodes as UTF-8; lengths are unchanged)."""
    return _html.escape(_SURROGATES.sub("\ufffd", str(text)), quote=True)


def _num(value: Decimal | None) -> str:
    if value is None:
        return "—"
    if not value.is_finite():
        return str(value)
    norm = value.normalize()
    if abs(norm.adjusted()) > 40:
        return f"{norm:E}"
    return f"{norm:,f}"


def _value(value: Value) -> str:
    if value.low == value.high:
        return _num(value.low)
    return f"{_num(value.low)} to {_num(value.high)}"


def _interval(interval: Interval | None) -> str:
    if interval is None:
        return "—"
    if interval.low is None and interval.high is None:
        return "any value"
    if interval.low is None:
        return f"at most {_num(interval.high)}"
    if interval.high is None:
        return f"at least {_num(interval.low)}"
    if interval.low == interval.high:
        return f"exactly {_num(interval.low)}"
    return f"{_num(interval.low)} to {_num(interval.high)}"


_BOUND_LABEL = {
    "exact": "as stated (rounded)",
    "approximate": "approximate",
    "lower": "lower bound",
    "upper": "upper bound",
    "range": "range",
}


def _subject(subject: Subject) -> str:
    text = subject.text or subject.head
    if not text:
        return "—"
    if subject.head and subject.text and subject.head.lower() not in subject.text.lower():
        return f"{subject.text} ({subject.head})"
    return text


def _label(doc: Document | None, doc_id: str) -> str:
    if doc is None:
        return doc_id
    return doc.title or doc.id


def _where(field_: str, paragraph: int) -> str:
    return "headline" if field_ == "title" else f"paragraph {paragraph + 1}"


# ---- figures -----------------------------------------------------------------------------------
def _fig_id(doc_index: int, field_: str, start: int, end: int) -> str:
    return f"fig-{doc_index}-{'t' if field_ == 'title' else 'b'}-{start}-{end}"


@dataclass
class _Marks:
    """The figures of one document field to highlight, keyed by span."""

    spans: dict[tuple[int, int], Mark] = field(default_factory=dict)
    _placed: list[tuple[int, int, Mark]] | None = None
    _by_start: dict[int, int] = field(default_factory=dict)

    def add(self, start: int, end: int, mark: Mark, text: str, *, replace: bool) -> None:
        if not (0 <= start < end <= len(text)):
            return  # offsets that do not fit the text: skipped
        if replace or (start, end) not in self.spans:
            self.spans[(start, end)] = mark
            self._placed = None

    def placed(self) -> list[tuple[int, int, Mark]]:
        """Non-overlapping spans in order (an overlapping later span is left out)."""
        if self._placed is None:
            out: list[tuple[int, int, Mark]] = []
            last_end = -1
            for (start, end), mark in sorted(self.spans.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
                if start >= last_end:
                    out.append((start, end, mark))
                    last_end = end
            self._placed = out
            self._by_start = {start: end for start, end, _ in out}
        return self._placed

    def end_of(self, start: int) -> int | None:
        """End of the placed span starting at ``start``, if there is one."""
        self.placed()
        return self._by_start.get(start)


def _tooltip(tip_id: str, mark: Mark, findings: list[tuple[int, Finding]]) -> str:
    rows: list[tuple[str, str]] = [
        ("Figure", f"“{mark.text}”"),
        ("Value", _value(mark.value)),
        ("Reads as", _BOUND_LABEL.get(mark.bound, mark.bound)),
        ("Interval", _interval(mark.interval)),
        ("Unit", mark.unit or ("none (a count)" if mark.dimension == "count" else "—")),
        ("Dimension", mark.dimension),
    ]
    direction = getattr(mark, "direction", None)
    if direction:
        rows.append(("Change", "rise" if direction == "up" else "fall"))
    base = getattr(mark, "base", None)
    base_unit = getattr(mark, "base_unit", None)
    if base is not None and base_unit and base_unit != mark.unit:
        rows.append(("In " + base_unit, _interval(base)))
    subject = mark.subject
    rows.append(("Subject", _subject(subject)))
    for label, value in (
        ("Event", subject.event),
        ("Place", subject.place),
        ("Time", subject.time),
        ("Attributed to", subject.attribution),
        ("Modality", subject.modality),
    ):
        if value:
            rows.append((label, value))
    if subject.negated:
        rows.append(("Negated", "yes"))
    if findings:
        rows.append(("Findings", ", ".join(f"#{k + 1} {f.code}" for k, f in findings)))
    # phrasing content only: a block element here would end the enclosing paragraph
    body = "".join(
        f'<span class="fc-row"><span class="fc-k">{_e(k)}:</span> <span class="fc-v">{_e(v)}</span></span>'
        for k, v in rows
    )
    return f'<span class="fc-tip" role="tooltip" id="{tip_id}">{body}</span>'


def _paragraph_starts(text: str, field_: str) -> list[int]:
    """Offsets where the field's paragraphs start (the headline is one)."""
    if field_ == "title":
        return [0]
    return [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]


def _worst(found: list[tuple[int, Finding]]) -> str:
    sevs = {f.severity for _, f in found}
    return next((s for s in SEVERITIES if s in sevs), "info")


def _render_text(
    text: str,
    marks: list[tuple[int, int, Mark]],
    doc_index: int,
    field_: str,
    flagged: dict[tuple[str, int], list[tuple[int, Finding]]],
) -> list[tuple[int, str]]:
    """The field's non-empty paragraphs as ``(paragraph number, HTML)``, the figures of findings
    wrapped in focusable marks, each followed by the numbers of its findings (links to their
    comments).  ``marks`` holds only figures named by a finding: the others stay plain text."""
    starts = _paragraph_starts(text, field_)
    paragraphs: list[list[str]] = [[] for _ in starts]
    cursor = [s for s in starts]  # next unrendered offset of each paragraph
    ends = starts[1:] + [len(text)]

    def flush(k: int, upto: int, strip: bool = False) -> None:
        chunk = text[cursor[k] : upto]
        if strip:
            chunk = chunk.rstrip()
        if chunk:
            paragraphs[k].append(_e(chunk))
        cursor[k] = max(cursor[k], upto)

    for start, end, mark in marks:
        k = bisect.bisect_right(starts, start) - 1
        shown_end = min(end, ends[k])  # a figure never spans paragraphs; if one does, cut it
        flush(k, start)
        fid = _fig_id(doc_index, field_, start, end)
        found = flagged.get((field_, start), [])
        numbers = sorted({n for n, _ in found})
        refs = "".join(
            f'<a class="fc-ref" href="#note-{n + 1}-{doc_index}" '
            f'aria-label="finding {n + 1}">{n + 1}</a>' for n in numbers
        )
        paragraphs[k].append(
            f'<span class="fc-wrap"><mark class="fc-fig fc-flag-{_worst(found)}" id="{fid}" '
            f'tabindex="0" data-field="{field_}" data-start="{start}" data-end="{end}" '
            f'data-findings="{" ".join(str(n + 1) for n in numbers)}" '
            f'aria-describedby="{fid}-tip">{_e(text[start:shown_end])}</mark>'
            f"{_tooltip(fid + '-tip', mark, found)}"
            + (f'<sup class="fc-refs">{refs}</sup>' if refs else "")
            + "</span>"
        )
        cursor[k] = shown_end
    for k in range(len(starts)):
        flush(k, ends[k], strip=True)
    return [(k, "".join(p)) for k, p in enumerate(paragraphs) if p]


# ---- documents, findings and their cross references ------------------------------------------------
@dataclass
class _Index:
    docs: list[Document]
    index_of: dict[str, int]
    marks: dict[tuple[int, str], _Marks]
    """The figures named by findings, per (doc index, field): the only ones marked."""
    flagged: dict[int, dict[tuple[str, int], list[tuple[int, Finding]]]]
    """doc index -> (field, start of a figure) -> the findings naming it."""
    findings_of_doc: dict[int, list[int]]
    figures_of_doc: dict[int, int]
    """Every figure of the document (extracted or named by a finding), marked or not."""
    figures: int
    findings: tuple[Finding, ...]


def _index(run: CheckRun) -> _Index:
    docs: list[Document] = []
    index_of: dict[str, int] = {}
    for doc in run.documents:
        if doc.id not in index_of:
            index_of[doc.id] = len(docs)
            docs.append(doc)

    def field_text(di: int, field_: str) -> str:
        return (docs[di].title or "") if field_ == "title" else docs[di].text

    spans: dict[int, set[tuple[str, int, int]]] = defaultdict(set)
    quantity_at: dict[tuple[int, str, int, int], Quantity] = {}
    for doc_id, quantities in run.quantities.items():
        di = index_of.get(doc_id)
        if di is None:
            continue
        for q in quantities:
            if 0 <= q.start < q.end <= len(field_text(di, q.field)):
                quantity_at[(di, q.field, q.start, q.end)] = q
                spans[di].add((q.field, q.start, q.end))
    marks: dict[tuple[int, str], _Marks] = defaultdict(_Marks)
    flagged: dict[int, dict[tuple[str, int], list[tuple[int, Finding]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    findings_of_doc: dict[int, list[int]] = defaultdict(list)
    for k, finding in enumerate(run.report.findings):
        for claim in finding.claims:
            di = index_of.get(claim.doc)
            if di is None:
                continue
            text = field_text(di, claim.field)
            if not 0 <= claim.start < claim.end <= len(text):
                continue
            # the extracted quantity at the same place tells more (direction, base unit); a claim
            # whose figure is not among the quantities is still shown
            mark: Mark = quantity_at.get((di, claim.field, claim.start, claim.end), claim)
            marks[(di, claim.field)].add(claim.start, claim.end, mark, text, replace=False)
            spans[di].add((claim.field, claim.start, claim.end))
            flagged[di][(claim.field, claim.start)].append((k, finding))
            if k not in findings_of_doc[di]:
                findings_of_doc[di].append(k)
    figures_of_doc = {di: len(s) for di, s in spans.items()}
    return _Index(docs, index_of, marks, flagged, findings_of_doc, figures_of_doc,
                  sum(figures_of_doc.values()), run.report.findings)


def _claim_target(ix: _Index, claim: Claim) -> str | None:
    di = ix.index_of.get(claim.doc)
    spans = ix.marks.get((di, claim.field)) if di is not None else None
    end = spans.end_of(claim.start) if spans is not None else None
    if di is None or end is None:
        return None
    return _fig_id(di, claim.field, claim.start, end)


def _notes_of(ix: _Index, k: int) -> list[str]:
    """Ids of finding ``k``'s comments, one in each document it names (first document first)."""
    finding_docs: list[int] = []
    for c in ix.findings[k].claims:
        di = ix.index_of.get(c.doc)
        if di is not None and di not in finding_docs and _claim_target(ix, c):
            finding_docs.append(di)
    return [f"note-{k + 1}-{di}" for di in finding_docs]


def _finding_html(ix: _Index, k: int, finding: Finding) -> str:
    targets = [_claim_target(ix, c) for c in finding.claims]
    all_ids = " ".join(t for t in targets if t)
    notes = " ".join(_notes_of(ix, k))
    sev = finding.severity if finding.severity in SEVERITIES else "info"
    head = (
        f'<span class="fc-num">{k + 1}</span> '
        f'<span class="fc-sev fc-sev-{sev}">{_e(finding.severity)}</span> '
        f'<span class="fc-code">{_e(finding.code)}</span> {_e(finding.message)}'
    )
    first = next((t for t in targets if t), None)
    if first:
        head = (f'<a class="fc-finding-link" href="#{first}" data-figs="{all_ids}" '
                f'data-notes="{notes}">{head}</a>')
    many_docs = len({c.doc for c in finding.claims}) > 1
    items = []
    for claim, target in zip(finding.claims, targets):
        di = ix.index_of.get(claim.doc)
        doc = ix.docs[di] if di is not None else None
        where = _where(claim.field, claim.paragraph)
        if many_docs or len(ix.docs) > 1:
            extra = [x for x in (claim.source or (doc.source if doc else None),) if x]
            published = claim.published or (doc.published if doc else None)
            if published:
                extra.append(published.isoformat())
            where = f"{_label(doc, claim.doc)}" + (f" ({', '.join(extra)})" if extra else "") + f", {where}"
        text = f"“{_e(claim.text)}” — {_e(where)}"
        if target:
            items.append(f'<li><a href="#{target}" data-figs="{all_ids}" data-notes="{notes}">'
                         f"{text}</a></li>")
        else:
            why = "document not in this report" if doc is None else "figure not found in the text"
            items.append(f'<li>{text} <span class="fc-muted">({why})</span></li>')
    meta = f"{_e(finding.kind)} · {_e(finding.scope)} · confidence {finding.confidence:.2f}"
    if finding.preview:
        meta += " · preview rule"
    return (
        f'<li class="fc-finding fc-severity-{sev}" id="finding-{k + 1}" data-code="{_e(finding.code)}" '
        f'data-severity="{_e(finding.severity)}">'
        f'{head} <span class="fc-muted">{meta}</span><ul class="fc-claims">{"".join(items)}</ul></li>'
    )


def _note_html(ix: _Index, k: int, finding: Finding, di: int) -> str:
    """Finding ``k``'s margin comment in document ``di``: its message, links to its figures in
    the other documents it names, and back to the findings list."""
    sev = finding.severity if finding.severity in SEVERITIES else "info"
    here = [t for c in finding.claims if ix.index_of.get(c.doc) == di
            for t in [_claim_target(ix, c)] if t]
    targets = [t for t in (_claim_target(ix, c) for c in finding.claims) if t]
    notes = " ".join(_notes_of(ix, k))
    elsewhere = []
    for c in finding.claims:
        odi = ix.index_of.get(c.doc)
        target = _claim_target(ix, c)
        if odi is None or odi == di or target is None:
            continue
        label = c.source or ix.docs[odi].source or _label(ix.docs[odi], c.doc)
        elsewhere.append(f'<a href="#{target}" data-figs="{" ".join(targets)}" '
                         f'data-notes="{notes}">{_e(label)}: “{_e(c.text)}”</a>')
    other = (f'<span class="fc-note-also">Also in {", ".join(elsewhere)}</span>'
             if elsewhere else "")
    return (
        f'<aside class="fc-note fc-note-{sev}" id="note-{k + 1}-{di}" data-finding="{k + 1}" '
        f'data-figs="{" ".join(here)}" aria-label="Finding {k + 1}">'
        f'<span class="fc-note-head"><a class="fc-back" href="#finding-{k + 1}" '
        f'title="Back to finding {k + 1} in the list">{k + 1}</a> '
        f'<span class="fc-sev fc-sev-{sev}">{_e(finding.severity)}</span> '
        f'<span class="fc-code">{_e(finding.code)}</span></span>'
        f'<span class="fc-note-msg">{_e(finding.message)}</span>{other}'
        f'<a class="fc-back-text" href="#finding-{k + 1}">Back to the list</a></aside>'
    )


def _doc_html(ix: _Index, di: int, run: CheckRun, level: int = 3) -> str:
    doc = ix.docs[di]
    flagged = ix.flagged.get(di, {})
    findings = run.report.findings
    # each finding's comment sits beside the first of its figures in this document
    notes: dict[tuple[str, int], list[str]] = defaultdict(list)
    for k in ix.findings_of_doc.get(di, []):
        first = min(
            ((c.field, c.start) for c in findings[k].claims
             if ix.index_of.get(c.doc) == di and _claim_target(ix, c)),
            key=lambda fs: (fs[0] != "title", fs[1]), default=None,
        )
        if first is None:
            continue
        field_, start = first
        text = (doc.title or "") if field_ == "title" else doc.text
        starts = _paragraph_starts(text, field_)
        notes[(field_, bisect.bisect_right(starts, start) - 1)].append(
            _note_html(ix, k, findings[k], di))
    commented = bool(notes)

    def block(inner: str, where: tuple[str, int]) -> str:
        here = notes.get(where)
        if not commented:
            return inner
        aside = f'<div class="fc-notes">{"".join(here)}</div>' if here else ""
        return f'<div class="fc-para{" fc-commented" if here else ""}">{inner}{aside}</div>'

    parts = [f'<article class="fc-doc{" fc-has-notes" if commented else ""}" id="doc-{di}" '
             f'data-doc-id="{_e(doc.id)}">']
    title_marks = ix.marks[(di, "title")].placed() if (di, "title") in ix.marks else []
    if doc.title:
        title_html = "".join(h for _, h in _render_text(doc.title, title_marks, di, "title", flagged))
    else:
        title_html = f'<span class="fc-muted">{_e(doc.id)}</span>'
    parts.append(block(f"<h{level}>{title_html}</h{level}>", ("title", 0)))
    meta = [f"id {doc.id}"]
    for label, value in (("source", doc.source), ("desk", doc.desk), ("story", doc.story)):
        if value:
            meta.append(f"{label} {value}")
    if doc.published:
        meta.append(doc.published.isoformat())
    n_figs = ix.figures_of_doc.get(di, 0)
    meta.append(f"{n_figs} figure{'s' if n_figs != 1 else ''}")
    meta_html = " · ".join(_e(m) for m in meta)
    if doc.url and re.match(r"https?://", doc.url):
        meta_html += f' · <a href="{_e(doc.url)}" rel="noreferrer noopener">original</a>'
    parts.append(f'<p class="fc-meta">{meta_html}</p>')
    ks = ix.findings_of_doc.get(di, [])
    if ks:
        links = ", ".join(
            f'<a href="#finding-{k + 1}">{k + 1} {_e(findings[k].code)}</a>' for k in ks
        )
        parts.append(f'<p class="fc-meta">Findings: {links}</p>')
    else:
        parts.append('<p class="fc-meta">No findings in this document.</p>')
    body_marks = ix.marks[(di, "text")].placed() if (di, "text") in ix.marks else []
    paragraphs = _render_text(doc.text, body_marks, di, "text", flagged)
    if paragraphs:
        parts.append('<div class="fc-text">'
                     + "".join(block(f"<p>{p}</p>", ("text", k)) for k, p in paragraphs)
                     + "</div>")
    else:
        parts.append('<p class="fc-empty">(no text)</p>')
    parts.append("</article>")
    return "\n".join(parts)


# ---- tables ------------------------------------------------------------------------------------
Row = tuple[str, int] | tuple[str, int, str]
"""A table row: label and count, and optionally the ``#anchor`` on this page the label links to."""


def _table(caption: str, rows: Sequence[Row], headers: tuple[str, str]) -> str:
    """A count table; an empty one says "none", a zero count says "none" (never an empty cell)."""
    if not rows:
        return (
            f'<table class="fc-table"><caption>{_e(caption)}</caption>'
            f'<tbody><tr><td class="fc-empty">none</td></tr></tbody></table>'
        )
    top = max((row[1] for row in rows), default=0) or 1
    body = []
    for row in rows:
        label, n = _e(row[0]), row[1]
        href = row[2] if len(row) > 2 else ""
        if href.startswith("#"):
            label = f'<a href="{_e(href)}">{label}</a>'
        count = (f'{n:,} <meter min="0" max="{top}" value="{n}" aria-hidden="true"></meter>'
                 if n else '<span class="fc-empty">none</span>')
        body.append(f'<tr><th scope="row">{label}</th><td class="fc-n">{count}</td></tr>')
    return (
        f'<table class="fc-table"><caption>{_e(caption)}</caption>'
        f'<thead><tr><th scope="col">{_e(headers[0])}</th><th scope="col">{_e(headers[1])}</th>'
        f'</tr></thead><tbody>{"".join(body)}</tbody></table>'
    )


def _stats(run: CheckRun, ix: _Index) -> str:
    findings = run.report.findings
    by_sev: Counter[str] = Counter(f.severity for f in findings)
    n_docs = max(len(ix.docs), len(run.report.documents))
    items = [
        f'<li data-stat="documents"><b>{n_docs:,}</b> document{"s" if n_docs != 1 else ""}</li>',
        f'<li data-stat="figures"><b>{ix.figures:,}</b> figure{"s" if ix.figures != 1 else ""}</li>',
        f'<li data-stat="findings"><b>{len(findings):,}</b> finding{"s" if len(findings) != 1 else ""}</li>',
    ]
    for sev in SEVERITIES:
        items.append(
            f'<li data-stat="{sev}"><span class="fc-sev fc-sev-{sev}">{sev}</span> <b>{by_sev.get(sev, 0):,}</b></li>'
        )
    return f'<ul class="fc-stats" aria-label="Summary">{"".join(items)}</ul>'


def _first_of(findings: Sequence[Finding], attr: str, value: str) -> str:
    """``#finding-N`` of the first finding whose ``attr`` is ``value``."""
    k = next((k for k, f in enumerate(findings) if getattr(f, attr) == value), None)
    return f"#finding-{k + 1}" if k is not None else ""


def _summary_tables(run: CheckRun, ix: _Index) -> str:
    findings = run.report.findings
    if not findings:
        return ""
    tables = []
    by_code = Counter((f.code, f.kind) for f in findings)
    tables.append(
        _table(
            "Findings by code",
            [(f"{code} {kind}", n, _first_of(findings, "code", code))
             for (code, kind), n in sorted(by_code.items())],
            ("code", "findings"),
        )
    )
    by_sev: Counter[str] = Counter(f.severity for f in findings)
    tables.append(
        _table("Findings by severity",
               [(s, by_sev[s], _first_of(findings, "severity", s))
                for s in SEVERITIES if by_sev[s]],
               ("severity", "findings"))
    )
    sources = {d.source for d in ix.docs if d.source}
    if len(sources) > 1:
        per_source: Counter[str] = Counter()
        for f in findings:
            for src in {c.source or _doc_source(ix, c.doc) for c in f.claims}:
                per_source[src or "(unknown)"] += 1
        tables.append(_table("Findings by source", sorted(per_source.items()), ("source", "findings")))
    return f'<div class="fc-tables">{"".join(tables)}</div>'


def _doc_source(ix: _Index, doc_id: str) -> str | None:
    di = ix.index_of.get(doc_id)
    return ix.docs[di].source if di is not None else None


def _documents_table(ix: _Index, caption: str = "Documents") -> str:
    """Every document, linked to its article, with links to its findings.  A column no document
    fills (source, published, story) is left out; a gap in one that some fill shows a dash."""
    columns: list[tuple[str, Callable[[Document], str]]] = [
        ("source", lambda d: d.source or ""),
        ("published", lambda d: d.published.isoformat() if d.published else ""),
        ("story", lambda d: d.story or ""),
    ]
    columns = [(name, get) for name, get in columns if any(get(d) for d in ix.docs)]
    rows = []
    for di, doc in enumerate(ix.docs):
        cells = "".join(f'<td data-label="{name}">{_e(get(doc) or "—")}</td>'
                        for name, get in columns)
        ks = ix.findings_of_doc.get(di, [])
        found = (", ".join(f'<a href="#finding-{k + 1}">{k + 1} {_e(ix.findings[k].code)}</a>'
                           for k in ks) if ks else '<span class="fc-empty">none</span>')
        rows.append(
            f'<tr><th scope="row"><a href="#doc-{di}">{_e(_label(doc, doc.id))}</a></th>{cells}'
            f'<td class="fc-n" data-label="figures">{ix.figures_of_doc.get(di, 0):,}</td>'
            f'<td data-label="findings">{found}</td></tr>'
        )
    heads = "".join(f'<th scope="col">{name}</th>' for name, _ in columns)
    return (
        f'<table class="fc-table fc-documents" id="documents"><caption>{_e(caption)}</caption>'
        f'<thead><tr><th scope="col">document</th>{heads}<th scope="col">figures</th>'
        f'<th scope="col">findings</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _order(ix: _Index) -> list[tuple[str | None, list[int]]]:
    """Documents grouped by story (first appearance order), by date within a story."""
    if not any(d.story for d in ix.docs):
        return [(None, list(range(len(ix.docs))))]
    groups: dict[str, list[int]] = {}
    for di, doc in enumerate(ix.docs):
        groups.setdefault(doc.story or "", []).append(di)
    out: list[tuple[str | None, list[int]]] = []
    for story, members in groups.items():
        members.sort(key=lambda di: (ix.docs[di].published or _dt.date.min, di))
        out.append((story, members))
    return out


def _filter_bar(findings: Sequence[Finding]) -> str:
    """Checkboxes that show or hide findings by severity and code (shown only when JS runs)."""
    by_sev: Counter[str] = Counter(f.severity for f in findings)
    by_code: Counter[str] = Counter(f.code for f in findings)
    boxes = [
        f'<label><input type="checkbox" checked data-filter="severity" value="{_e(sev)}"> '
        f"{_e(sev)} ({by_sev[sev]:,})</label>"
        for sev in SEVERITIES
        if by_sev[sev]
    ]
    boxes += [
        f'<label><input type="checkbox" checked data-filter="code" value="{_e(code)}"> '
        f"{_e(code)} ({n:,})</label>"
        for code, n in sorted(by_code.items())
    ]
    return (
        '<fieldset class="fc-filter" hidden><legend>Show findings</legend>'
        f'{" ".join(boxes)} <span class="fc-muted" aria-live="polite" data-shown></span></fieldset>'
    )


def _run_sections(run: CheckRun, with_stats: bool = True, documents: str = "") -> list[str]:
    """Summary (``with_stats``), findings and articles; ``documents``: a caption for a documents
    table at the top instead of the summary (the batch report's)."""
    ix = _index(run)
    parts = []
    if with_stats:
        parts.append('<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>')
        parts.append(_stats(run, ix))
        parts.append(_summary_tables(run, ix))
        if len(ix.docs) > 1:
            parts.append(_documents_table(ix))
        parts.append("</section>")
    elif documents and ix.docs:
        parts.append(_documents_table(ix, documents))
    parts.append('<section id="findings" aria-labelledby="findings-h"><h2 id="findings-h">Findings</h2>')
    if run.report.findings:
        parts.append(_filter_bar(run.report.findings))
        parts.append('<ol class="fc-findings">')
        parts.extend(_finding_html(ix, k, f) for k, f in enumerate(run.report.findings))
        parts.append("</ol>")
    else:
        parts.append('<p class="fc-empty">No findings: the figures agree.</p>')
    parts.append("</section>")
    parts.append('<section id="articles" aria-labelledby="articles-h"><h2 id="articles-h">Articles</h2>')
    if run.report.findings:
        parts.append(
            '<p class="fc-muted">The figures of each finding are marked and numbered as in the '
            "list, with the finding next to them; other figures are left as written. Hover over a "
            "marked figure or move to it with the Tab key to see how it was read.</p>"
        )
    if not ix.docs:
        parts.append('<p class="fc-empty">No documents.</p>')
    for story, members in _order(ix):
        if story is None:
            parts.extend(_doc_html(ix, di, run) for di in members)
            continue
        parts.append(f'<section class="fc-story"><h3>Story: {_e(story or "(no story)")}</h3>')
        parts.extend(_doc_html(ix, di, run, level=4) for di in members)
        parts.append("</section>")
    parts.append("</section>")
    return parts


def _header(title: str, subtitle: str) -> str:
    return (
        f'<header class="fc-top"><h1>{_e(title)}</h1>'
        f'<p class="fc-muted">{_e(subtitle)}</p></header>'
    )


# ---- public API ----------------------------------------------------------------------------------
def render(run: CheckRun, *, title: str = "figcheck report") -> str:
    """The whole report for one run as a self-contained HTML page."""
    body = [_header(title, f"figcheck {__version__}"), "<main>"]
    body.extend(_run_sections(run))
    body.append("</main>")
    return _page(title, "\n".join(body))


def render_summary(
    sections: Iterable[tuple[str, Sequence[Row]]],
    run: CheckRun | None = None,
    *,
    title: str = "figcheck summary",
    documents: str = "Documents with findings",
    note: str = "",
) -> str:
    """Count tables (e.g. ``[("Findings by source", [("Reuters", 12), ...]), ...]``) as a
    self-contained page; a row's optional third item is the ``#anchor`` its label links to.  With
    ``run``, a table of its documents (captioned ``documents``, each linked to its article and its
    findings), its findings and its articles follow the tables; ``note`` is said above them."""
    body = [_header(title, f"figcheck {__version__}"), "<main>"]
    tables = [_table(heading, list(rows), ("item", "count")) for heading, rows in sections]
    body.append('<section id="tables" aria-labelledby="tables-h"><h2 id="tables-h">Overview</h2>')
    body.append(f'<div class="fc-tables">{"".join(tables)}</div>' if tables else '<p class="fc-empty">No data.</p>')
    if note:
        body.append(f'<p class="fc-muted">{_e(note)}</p>')
    body.append("</section>")
    if run is not None:
        body.extend(_run_sections(run, with_stats=False, documents=documents))
    body.append("</main>")
    return _page(title, "\n".join(body))
