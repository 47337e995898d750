"""Settings that change what the comparator reports.  File discovery and merging live in
:mod:`figcheck.cli.configfile`; this module only defines the validated model."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .intervals import DEFAULT_TOLERANCE
from .model import Severity


DEFAULT_EXCLUDE: tuple[str, ...] = (
    ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "__pycache__",
    "site-packages", "build", "dist", "_build", "*.egg-info",
)
"""What a folder run leaves out by default (``exclude``): version control, virtual environments,
dependencies and build output."""


class Config(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    tolerance: Decimal = Field(default=DEFAULT_TOLERANCE, ge=0, le=1)
    """How far an approximate hedge ("about", "some") widens a figure, as a fraction of its value."""
    select: tuple[str, ...] = ()
    """Codes or prefixes to report (empty: all)."""
    ignore: tuple[str, ...] = ()
    """Codes or prefixes never to report."""
    severity: dict[str, Severity] = Field(default_factory=dict)
    """Per-code severity overrides, e.g. ``{"FC201": "error"}``."""
    fail_on: Severity = "warning"
    """Lowest severity that makes ``figcheck check`` exit 1."""
    stories: Literal["auto", "field", "none"] = "auto"
    """How documents are grouped for cross-source comparison: ``field`` uses only the records'
    ``story`` values, ``auto`` also clusters records without one, ``none`` compares all together."""
    story_window_days: int = Field(default=7, ge=0)
    """Documents further apart than this are never put in one story by ``auto`` grouping."""
    min_confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    """Findings below this confidence are dropped."""
    preview: bool = Field(default=False, strict=True)
    """Also report the preview codes: rules not yet shown to pay on real text (``figcheck
    rules`` gives each code's status and evidence).  Off by default."""
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    """Glob patterns of files and folders a folder run leaves out (replaces the defaults).  A
    pattern without ``/`` matches any file or folder name; one with ``/`` matches the path from
    the configuration file's folder.  Files named on the command line are always read."""
    extend_exclude: tuple[str, ...] = ()
    """More patterns, added to ``exclude``."""
