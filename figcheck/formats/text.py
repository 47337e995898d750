"""Default output: one line per finding, ``path:line:col: CODE message [figures]`` (``CODE
(preview) message ...`` for a preview rule's finding)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ..model import CheckRun, Claim, Document, Finding
from .location import locate, primary
from .visible import visible

_SEVERITY_STYLE = MappingProxyType(
    {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}
)
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def _quote(text: str) -> str:
    return "“" + " ".join(text.split()) + "”"


def figures(finding: Finding, docs: Mapping[str, Document], here: str) -> str:
    """``“12,000” (1:3) vs “10,000” (9:20)``: each figure quoted, with where it is (the file too
    when it is not ``here``, and source/date for archive claims)."""
    parts = []
    for claim in finding.claims:
        if claim.dimension == "suppression":
            continue
        parts.append(f"{_quote(claim.text)} ({_where(claim, docs, here)})")
    return " vs ".join(parts)


def _where(claim: Claim, docs: Mapping[str, Document], here: str) -> str:
    doc = docs.get(claim.doc)
    if doc is None:
        extra = ", ".join(str(x) for x in (claim.source, claim.published) if x)
        return f"{claim.doc}{', ' + extra if extra else ''}"
    loc = locate(claim, doc)
    pos = f"{loc.line}:{loc.column}"
    return pos if loc.path == here else f"{loc.path}:{pos}"


def format_finding(finding: Finding, docs: Mapping[str, Document], *, color: bool = False) -> str:
    _, loc = primary(finding, docs)
    figs = visible(figures(finding, docs, loc.path))
    tail = f" [{figs}]" if figs else ""
    path, code, message = visible(loc.path), visible(finding.code), visible(finding.message)
    if finding.preview:  # a preview rule's finding (see 'figcheck rules')
        code += " (preview)"
    if not color:
        return f"{path}:{loc.line}:{loc.column}: {code} {message}{tail}"
    style = _SEVERITY_STYLE.get(finding.severity, _BOLD)
    return (
        f"{_BOLD}{path}{_RESET}:{loc.line}:{loc.column}: "
        f"{style}{code}{_RESET} {message}{_DIM}{tail}{_RESET}"
    )


def render(run: CheckRun, *, color: bool = False) -> str:
    docs = {d.id: d for d in run.documents}
    return "".join(format_finding(f, docs, color=color) + "\n" for f in run.report.findings)
