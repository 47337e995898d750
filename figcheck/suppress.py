"""Inline suppressions: editors silence a finding where it is, in the copy itself.

In Markdown or HTML copy, HTML comments (invisible when published)::

    <!-- figcheck: ignore[FC101] -->        the next paragraph (or, written inside a paragraph,
                                            the paragraph it is in)
    <!-- figcheck: disable[FC2] -->         from here ...
    <!-- figcheck: enable[FC2] -->          ... to here (or to the end: enable is optional)
    <!-- figcheck: ignore-file[FC111] -->   the whole document, title and cross-source findings

In plain text, the same directive alone on a line (a *marker line*)::

    figcheck: ignore[FC101]

Codes are comma-separated full codes or prefixes (``FC1``); without ``[...]`` a directive covers
every code.  A finding is suppressed when any of its figures in this document lies in a covered
range (the title only by ``ignore-file``).  Directives are blanked out (replaced by spaces, offsets
unchanged) before the text is parsed, so their digits are never read as figures.  A directive that
suppressed nothing is reported as FC301 (unused-suppression), and so is every ``figcheck:``
comment that is not a valid directive (malformed, an unknown verb, an unknown code): a misspelt
suppression is never silently ignored.

The regular expression is linear: no nested quantifiers, bounded alternation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Claim, Document, Finding, Interval, Value

DIRECTIVE = re.compile(
    r"<!--(?P<comment>[ \t\r\n]*figcheck:[\s\S]{0,500}?)-->"  # an HTML comment
    r"|(?P<marker>figcheck:[ \t]*[A-Za-z][A-Za-z-]{0,40}(?:\[[^\]\n]{0,500}\])?[ \t]*$)",
    re.MULTILINE,
)
"""Candidate directives: ``<!-- figcheck: ... -->`` whatever follows the colon (a misspelt one is
reported, see :func:`parse`), or a marker line made of one word with an optional ``[...]``
(``figcheck: please ignore this`` is prose, not a directive)."""
_SYNTAX = re.compile(
    r"[ \t\r\n]*figcheck:[ \t]*(?P<verb>[A-Za-z][A-Za-z-]*)"
    r"(?:\[(?P<codes>[^\]]*)\])?[ \t\r\n]*"
)
VERBS = ("ignore", "ignore-file", "disable", "disable-file", "enable")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
UNUSED_CODE = "FC301"


def parse(content: str) -> tuple[str, tuple[str, ...], str | None]:
    """``(verb, codes, problem)`` of a directive's text (``figcheck: ignore[FC101]``); ``problem``
    says what is wrong with a malformed directive, an unknown verb or an unknown code (None when
    nothing is)."""
    from .compare.rules import RULES

    m = _SYNTAX.fullmatch(content)
    if m is None:
        shown = " ".join(content.split())
        return "", (), (f"'{shown}' is not a figcheck directive "
                        "(expected e.g. 'figcheck: ignore[FC101]')")
    verb, codes = m.group("verb").lower(), _codes(m.group("codes"))
    if verb not in VERBS:
        return verb, codes, (f"unknown figcheck directive '{m.group('verb')}' (expected "
                             "ignore, ignore-file, disable or enable)")
    unknown = [c for c in codes if not any(r.code.startswith(c) for r in RULES)]
    if unknown:
        names = ", ".join(unknown)
        plural = "s" if len(unknown) > 1 else ""
        return verb, codes, (f"this figcheck suppression names unknown code{plural} {names} "
                             "(see 'figcheck rules')")
    return verb, codes, None


@dataclass(frozen=True)
class Directive:
    verb: str
    """``ignore``, ``disable``, ``ignore-file`` (``enable`` closes a ``disable``)."""
    codes: tuple[str, ...]
    """Codes or prefixes; empty for every code."""
    start: int
    end: int
    """Span of the directive itself in the text."""
    covers: tuple[int, int] | None
    """Text range covered; None for the whole document."""
    line: int
    """1-based line of the text the directive is on."""
    file_line: int | None = None
    """Its line in the source file, when the text is not the file (HTML)."""
    problem: str | None = None
    """What is wrong with it: a malformed directive, an unknown verb (these cover nothing) or an
    unknown code (the known ones still apply).  Always reported as FC301."""

    def matches(self, code: str) -> bool:
        return not self.codes or any(code.startswith(c) for c in self.codes)

    def covers_claim(self, claim: Claim) -> bool:
        if self.covers is None:
            return True
        return claim.field == "text" and self.covers[0] <= claim.start < self.covers[1]

    @property
    def label(self) -> str:
        return f"{self.verb}[{','.join(self.codes)}]" if self.codes else self.verb


@dataclass(frozen=True)
class Scan:
    directives: tuple[Directive, ...]
    text: str
    """The text with every directive replaced by spaces (same length, same offsets)."""


def _codes(raw: str | None) -> tuple[str, ...]:
    if not raw:
        return ()
    return tuple(c.strip().upper() for c in raw.split(",") if c.strip())


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    return ls, len(text) if le < 0 else le


def _paragraph_at(text: str, pos: int) -> tuple[int, int]:
    """The paragraph (run of non-blank lines) containing ``pos``."""
    before = [m.end() for m in _BLANK_LINE.finditer(text, 0, pos)]
    start = before[-1] if before else 0
    m = _BLANK_LINE.search(text, pos)
    return start, m.start() if m else len(text)


def _next_paragraph(text: str, pos: int) -> tuple[int, int]:
    """The first paragraph that starts after ``pos`` (skipping blank lines)."""
    i = pos
    n = len(text)
    while i < n and text[i] in " \t\r\n":
        i += 1
    if i >= n:
        return n, n
    return i, _paragraph_at(text, i)[1]


@dataclass(frozen=True)
class _Event:
    verb: str
    codes: tuple[str, ...]
    start: int
    end: int
    alone: bool
    """On a line of its own (covers the next paragraph) or inside one (covers that one)."""
    line: int
    file_line: int | None = None
    problem: str | None = None


def _build(text: str, events: Sequence[_Event]) -> tuple[Directive, ...]:
    directives: list[Directive] = []
    open_ranges: list[_Event] = []

    def close(codes: tuple[str, ...], upto: int) -> None:
        keep = []
        for ev in open_ranges:
            if not codes or not ev.codes or set(ev.codes) & set(codes):
                directives.append(Directive("disable", ev.codes, ev.start, ev.end, (ev.end, upto),
                                            ev.line, ev.file_line, ev.problem))
            else:
                keep.append(ev)
        open_ranges[:] = keep

    for ev in events:
        if ev.verb not in VERBS:  # malformed or misspelt: covers nothing, reported
            directives.append(Directive(ev.verb or "?", ev.codes, ev.start, ev.end,
                                        (ev.start, ev.start), ev.line, ev.file_line, ev.problem))
        elif ev.verb in ("ignore-file", "disable-file"):
            directives.append(Directive("ignore-file", ev.codes, ev.start, ev.end, None, ev.line,
                                        ev.file_line, ev.problem))
        elif ev.verb == "ignore":
            covers = (_next_paragraph(text, _line_bounds(text, ev.start, ev.end)[1])
                      if ev.alone else _paragraph_at(text, ev.start))
            directives.append(Directive("ignore", ev.codes, ev.start, ev.end, covers, ev.line,
                                        ev.file_line, ev.problem))
        elif ev.verb == "disable":
            open_ranges.append(ev)
        else:  # enable
            if ev.problem:
                directives.append(Directive("enable", ev.codes, ev.start, ev.end,
                                            (ev.start, ev.start), ev.line, ev.file_line, ev.problem))
            close(ev.codes, ev.start)
    close((), len(text))
    directives.sort(key=lambda d: d.start)
    return tuple(directives)


def scan(text: str) -> Scan:
    """Find the directives in ``text`` and blank them out."""
    events: list[_Event] = []
    for m in DIRECTIVE.finditer(text):
        ls, le = _line_bounds(text, m.start(), m.end())
        alone = not (text[ls:m.start()].strip() or text[m.end():le].strip())
        if m.group("comment") is None and not alone:
            continue  # a bare marker counts only as a line of its own
        verb, codes, problem = parse(m.group("comment") or m.group("marker"))
        events.append(_Event(verb, codes, m.start(), m.end(), alone,
                             text.count("\n", 0, m.start()) + 1, problem=problem))
    if not events:
        return Scan((), text)
    chars = list(text)
    for ev in events:
        for i in range(ev.start, ev.end):
            chars[i] = " "
    return Scan(_build(text, events), "".join(chars))


def from_comments(text: str, comments: Iterable[tuple[str, int, int]]) -> tuple[Directive, ...]:
    """Directives from HTML comments taken out of the text: ``(content, text offset, source
    line)`` each, the offset being where the comment sits (the start of the next paragraph when it
    stands between paragraphs), as :mod:`figcheck.htmltext` reports them."""
    events = []
    for content, offset, line in comments:
        if not content.lstrip().startswith("figcheck:"):
            continue
        verb, codes, problem = parse(content)
        events.append(_Event(verb, codes, offset, offset, alone=False,
                             line=text.count("\n", 0, offset) + 1, file_line=line,
                             problem=problem))
    return _build(text, events)


def prepare(doc: Document) -> tuple[Document, tuple[Directive, ...]]:
    """``doc`` with its directives blanked, and the directives."""
    result = scan(doc.text)
    if not result.directives and result.text == doc.text:
        return doc, ()
    return doc.model_copy(update={"text": result.text}), result.directives


def _pseudo_claim(doc: Document, d: Directive, original: str) -> Claim:
    return Claim(
        doc=doc.id, field="text", start=d.start, end=d.end,
        text=" ".join(original[d.start:d.end].split()) or d.label,
        value=Value(low=0, high=0), bound="exact", interval=Interval(),
        dimension="suppression",
    )


def _where(doc: Document, d: Directive) -> str:
    if d.file_line is not None:
        return f"Line {d.file_line}"
    if doc.text_line is not None:  # a file: its own line numbers
        return f"Line {doc.text_line + d.line - 1}"
    return f"Line {d.line} of the text"


def apply(
    findings: Iterable[Finding],
    directives: dict[str, tuple[Directive, ...]],
    originals: dict[str, Document],
    *,
    selected: Sequence[str] = (),
    ignored: Sequence[str] = (),
) -> list[Finding]:
    """Drop suppressed findings and add one FC301 per directive that suppressed nothing.

    ``directives``: document id -> its directives; ``originals``: document id -> the document as
    read (before blanking), for the FC301 location.  A directive is reported unused only if at
    least one code it names is enabled by ``selected``/``ignored`` (code prefixes)."""
    from .compare.rules import RULES, get, matches

    used: set[tuple[str, int]] = set()  # (document id, index of the directive)
    kept: list[Finding] = []
    for finding in findings:
        hit = None
        for claim in finding.claims:
            for i, d in enumerate(directives.get(claim.doc, ())):
                if d.matches(finding.code) and d.covers_claim(claim):
                    hit = (claim.doc, i)
                    break
            if hit:
                break
        if hit:
            used.add(hit)
        else:
            kept.append(finding)
    rule = get(UNUSED_CODE)

    def enabled(code: str) -> bool:
        return (not selected or matches(code, list(selected))) and not matches(code, list(ignored))

    if not enabled(UNUSED_CODE):
        return kept
    for doc_id, ds in directives.items():
        doc = originals[doc_id]
        for i, d in enumerate(ds):
            if d.problem is not None:  # misspelt or unknown: never silently ignored
                kept.append(Finding(
                    code=UNUSED_CODE, kind=rule.kind, scope=rule.scope, severity=rule.severity,
                    confidence=1.0, message=f"{_where(doc, d)}: {d.problem}.",
                    claims=(_pseudo_claim(doc, d, doc.text),),
                ))
                continue
            if (doc_id, i) in used:
                continue
            if not any(enabled(r.code) and d.matches(r.code) for r in RULES
                       if r.code != UNUSED_CODE):
                continue
            kept.append(Finding(
                code=UNUSED_CODE, kind=rule.kind, scope=rule.scope, severity=rule.severity,
                confidence=1.0,
                message=rule.render(where=_where(doc, d), codes=", ".join(d.codes) or "all codes"),
                claims=(_pseudo_claim(doc, d, doc.text),),
            ))
    return kept
