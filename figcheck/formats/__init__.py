"""Output formats: findings -> text, json, jsonl, github, sarif, html.

A registry with priorities: each entry names a format and the ``"module:attr"`` of a formatter
``render(run: CheckRun) -> str`` (text also takes ``color=``).  Formatters are imported only when
used.  Third-party packages can add formats through the ``figcheck.formats`` entry-point group
(value ``"module:attr"``); when two entries share a name the higher priority wins, and built-ins
win ties.
"""

from __future__ import annotations

import functools
import importlib
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from ..model import CheckRun


class FormatSpec(NamedTuple):
    name: str
    target: str
    """``"module:attr"`` of the formatter."""
    priority: int = 0
    description: str = ""


BUILTIN: tuple[FormatSpec, ...] = (
    FormatSpec("text", "figcheck.formats.text:render", 100, "path:line:col: CODE message (default)"),
    FormatSpec("json", "figcheck.formats.jsonfmt:render", 100, "one JSON object, schema v1"),
    FormatSpec("jsonl", "figcheck.formats.jsonfmt:render_lines", 100, "one finding per line"),
    FormatSpec("github", "figcheck.formats.github:render", 100, "GitHub Actions annotations"),
    FormatSpec("sarif", "figcheck.formats.sarif:render", 100, "SARIF 2.1.0 for code scanning"),
    # Owned by the HTML report (figcheck/formats/html.py):
    FormatSpec("html", "figcheck.formats.html:render", 100, "self-contained HTML report"),
)


@functools.cache
def _plugins() -> tuple[FormatSpec, ...]:
    from importlib.metadata import entry_points

    return tuple(
        FormatSpec(ep.name, ep.value, 0, f"plugin from {ep.value}")
        for ep in entry_points(group="figcheck.formats")
    )


@functools.cache
def registry() -> dict[str, FormatSpec]:
    """name -> winning spec, for every format whose module can be found."""
    chosen: dict[str, FormatSpec] = {}
    for spec in BUILTIN + _plugins():
        if not _importable(spec.target):
            continue
        best = chosen.get(spec.name)
        if best is None or spec.priority > best.priority:
            chosen[spec.name] = spec
    return dict(sorted(chosen.items(), key=lambda kv: (-kv[1].priority, kv[0])))


def names() -> list[str]:
    """Available check-output format names, built-ins first."""
    builtin_order = [s.name for s in BUILTIN]
    avail = registry()
    return [n for n in builtin_order if n in avail] + sorted(set(avail) - set(builtin_order))


def _importable(target: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(target.partition(":")[0]) is not None
    except (ImportError, ValueError):
        return False


def get(name: str) -> Callable[..., str]:
    """The formatter registered as ``name``; KeyError if there is none."""
    spec = registry()[name]
    module, _, attr = spec.target.partition(":")
    fn: Callable[..., str] = getattr(importlib.import_module(module), attr)
    return fn


def render(name: str, run: CheckRun, **options: Any) -> str:
    """Render ``run`` with format ``name``, passing only the options the formatter accepts."""
    fn = get(name)
    params = inspect.signature(fn).parameters
    accepted = {k: v for k, v in options.items() if k in params}
    return fn(run, **accepted)


__all__ = ["BUILTIN", "FormatSpec", "get", "names", "registry", "render"]
