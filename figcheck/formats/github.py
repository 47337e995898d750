"""``github``: GitHub Actions workflow commands, shown as annotations on the pull request.

https://docs.github.com/actions/reference/workflow-commands-for-github-actions
"""

from __future__ import annotations

from types import MappingProxyType

from ..model import CheckRun
from .location import primary
from .text import figures
from .visible import visible_lines

_LEVEL = MappingProxyType({"error": "error", "warning": "warning", "info": "notice"})


def _escape_data(s: str) -> str:
    s = visible_lines(s)  # control characters (a terminal escape, a bidi override) shown, not obeyed
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(run: CheckRun) -> str:
    docs = {d.id: d for d in run.documents}
    out = []
    for f in run.report.findings:
        _, loc = primary(f, docs)
        props = (
            f"file={_escape_property(loc.path)},line={loc.line},col={loc.column},"
            f"endLine={loc.end_line},endColumn={loc.end_column},"
            f"title={_escape_property(f'figcheck {f.code}' + (' (preview)' if f.preview else ''))}"
        )
        figs = figures(f, docs, loc.path)
        message = f"{f.message} [{figs}]" if figs else f.message
        out.append(f"::{_LEVEL.get(f.severity, 'warning')} {props}::{_escape_data(message)}\n")
    return "".join(out)
