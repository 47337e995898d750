"""Finding, reading and merging figcheck settings.

Sources, lowest to highest precedence: built-in defaults, one configuration file, command-line
options.  The file is ``--config PATH`` when given; otherwise the nearest ``figcheck.toml`` or
``.figcheck.toml``, or ``pyproject.toml`` with a ``[tool.figcheck]`` table, found by walking up
from each checked file's directory (the current directory for standard input): see
:class:`PerFile`.  In one directory ``figcheck.toml`` wins over ``.figcheck.toml`` over
``pyproject.toml``.  ``--isolated`` skips files altogether.

Keys are :class:`figcheck.config.Config`'s fields, with ``-`` or ``_``::

    [tool.figcheck]            # in figcheck.toml: top level, no table header
    tolerance = 0.1
    select = ["FC1", "FC2"]
    ignore = ["FC121"]
    fail-on = "error"
    stories = "field"
    story-window-days = 7
    min-confidence = 0.5
    preview = true             # also report preview rules (see 'figcheck rules')
    extend-exclude = ["copy/archive"]   # exclude = [...] replaces the defaults

    [tool.figcheck.severity]
    FC201 = "error"

Unknown keys, unknown codes and bad values are errors that name them (:class:`ConfigError`).
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Config

FILE_NAMES = ("figcheck.toml", ".figcheck.toml", "pyproject.toml")
DEFAULT_SOURCE = "default"


class ConfigError(Exception):
    """A one-line description of a bad setting, naming the file and the key."""


@dataclass(frozen=True)
class Resolved:
    config: Config
    sources: Mapping[str, str] = field(default_factory=dict)
    """Config field -> where its value came from (``default``, a file, or ``--option``)."""
    file: Path | None = None


def known_codes() -> tuple[str, ...]:
    from ..compare.rules import RULES

    return tuple(r.code for r in RULES)


def _field_names() -> set[str]:
    return set(Config.model_fields)


MAX_CONFIG_BYTES: int = 1 << 20
"""A configuration file larger than this is refused (no real one comes near it)."""


def _table_from(path: Path) -> dict[str, Any] | None:
    """The figcheck settings in ``path``, or None when it is a pyproject.toml without them.
    Every problem (unreadable, too big, not UTF-8, invalid or too deeply nested TOML, a
    ``figcheck`` that is not a table) is a one-line :class:`ConfigError`."""
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path}: over {MAX_CONFIG_BYTES:,} bytes; not a configuration file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ConfigError(f"{path}:{line}: not valid UTF-8 (byte {exc.start}); TOML files are UTF-8") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML (nested too deeply)") from None
    tool = data.get("tool")
    if path.name == "pyproject.toml":
        table = tool.get("figcheck") if isinstance(tool, dict) else None
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.figcheck] must be a table, not {type(table).__name__}")
        return table
    if isinstance(tool, dict) and "figcheck" in tool and len(data) == 1:
        data = tool["figcheck"]  # tolerate a [tool.figcheck] header in figcheck.toml
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.figcheck] must be a table, not {type(data).__name__}")
    return data


def discover(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest configuration file at or above ``start`` and its settings."""
    here = start.resolve()
    for directory in (here, *here.parents):
        for name in FILE_NAMES:
            candidate = directory / name
            if candidate.is_file():
                table = _table_from(candidate)
                if table is not None:
                    return candidate, table
    return None


def _label(path: Path) -> str:
    try:
        shown = os.path.relpath(path)
    except ValueError:
        shown = str(path)
    if shown.startswith(".."):
        shown = str(path)
    return f"{shown} [tool.figcheck]" if path.name == "pyproject.toml" else shown


def _check_codes(values: Any, key: str, where: str, *, prefixes: bool) -> None:
    codes = known_codes()
    for value in values:
        v = str(value).strip().upper()
        ok = any(c.startswith(v) for c in codes) if prefixes else v in codes
        if not v or not ok:
            kind = "code or prefix" if prefixes else "code"
            raise ConfigError(
                f"{where}: unknown finding {kind} {value!r} in '{key}' "
                f"(see 'figcheck rules'; known: {', '.join(codes)})"
            )


def normalise(table: Mapping[str, Any], where: str) -> dict[str, Any]:
    """Settings from a file or the command line, keys as Config fields, codes checked."""
    names = _field_names()
    out: dict[str, Any] = {}
    unknown = []
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key not in names:
            unknown.append(raw_key)
            continue
        out[key] = value
    if unknown:
        raise ConfigError(
            f"{where}: unknown setting{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(repr(u) for u in unknown)} (known: "
            f"{', '.join(sorted(n.replace('_', '-') for n in names))})"
        )
    for key in ("select", "ignore"):
        if key in out:
            if isinstance(out[key], str):
                out[key] = [out[key]]
            if not isinstance(out[key], list | tuple):
                raise ConfigError(f"{where}: '{key}' must be a list of codes")
            _check_codes(out[key], key, where, prefixes=True)
            out[key] = tuple(str(v).strip().upper() for v in out[key])
    for key in ("exclude", "extend_exclude"):
        if key in out:
            if isinstance(out[key], str):
                out[key] = [out[key]]
            if not isinstance(out[key], list | tuple) or not all(
                    isinstance(v, str) and v.strip() for v in out[key]):
                raise ConfigError(f"{where}: '{key.replace('_', '-')}' must be a list of glob patterns")
            out[key] = tuple(v.strip() for v in out[key])
    if out.get("stories") == "one":
        out["stories"] = "none"  # "one story": every document compared with every other
    if "severity" in out:
        if not isinstance(out["severity"], Mapping):
            raise ConfigError(f"{where}: 'severity' must be a table of CODE = \"error\"|...")
        _check_codes(list(out["severity"]), "severity", where, prefixes=False)
        out["severity"] = {str(k).upper(): v for k, v in out["severity"].items()}
    return out


def _validate(merged: dict[str, Any], sources: Mapping[str, str]) -> Config:
    from pydantic import ValidationError

    try:
        return Config(**merged)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = str(err["loc"][0]) if err["loc"] else "?"
        where = sources.get(key, "settings")
        shown = key.replace("_", "-")
        detail = ".".join(str(p) for p in err["loc"][1:])
        raise ConfigError(
            f"{where}: bad value for '{shown}{'.' + detail if detail else ''}': {err['msg']}"
        ) from None


def resolve(
    start: Path | None = None,
    *,
    config_path: str | None = None,
    isolated: bool = False,
    overrides: Mapping[str, tuple[Any, str]] | None = None,
) -> Resolved:
    """Merge defaults, the configuration file and ``overrides`` (field -> (value, source label),
    e.g. ``{"fail_on": ("error", "--fail-on")}``)."""
    merged: dict[str, Any] = {}
    sources: dict[str, str] = {name: DEFAULT_SOURCE for name in _field_names()}
    found: Path | None = None
    if config_path is not None and not isolated:
        path = Path(config_path)
        if not path.is_file():
            raise ConfigError(f"{config_path}: no such configuration file")
        table = _table_from(path)
        if table is None:
            raise ConfigError(f"{config_path}: has no [tool.figcheck] table")
        found = path
    elif not isolated:
        hit = discover(start or Path.cwd())
        table = None
        if hit is not None:
            found, table = hit
    else:
        table = None
    if table is not None and found is not None:
        label = _label(found)
        for key, value in normalise(table, label).items():
            merged[key] = value
            sources[key] = label
    for key, (value, label) in (overrides or {}).items():
        if key == "severity":
            merged["severity"] = {**merged.get("severity", {}), **value}
            sources[key] = label if sources[key] == DEFAULT_SOURCE else f"{sources[key]} + {label}"
        else:
            merged[key] = value
            sources[key] = label
    overrides_norm = {k: v for k, v in merged.items()}
    return Resolved(_validate(overrides_norm, sources), sources, found)


def start_dir(paths: tuple[str, ...]) -> Path:
    """Where discovery starts: the first real path's directory, else the current directory."""
    for p in paths:
        if p != "-":
            path = Path(p)
            return path if path.is_dir() else (path.parent if str(path.parent) else Path("."))
    return Path.cwd()


class PerFile:
    """Settings for each input file, the nearest configuration file winning (as ruff does):
    discovery starts in the file's own folder, so ``check a/x.md b/x.md`` reads ``a/``'s and
    ``b/``'s settings whatever the order.  ``--config`` and ``--isolated`` apply to every file.
    Results are cached per folder."""

    def __init__(self, *, config_path: str | None = None, isolated: bool = False,
                 overrides: Mapping[str, tuple[Any, str]] | None = None) -> None:
        self._config_path = config_path
        self._isolated = isolated
        self._overrides = dict(overrides or {})
        self._cache: dict[Path, Resolved] = {}

    def for_dir(self, directory: Path) -> Resolved:
        key = directory.resolve()
        hit = self._cache.get(key)
        if hit is None:
            hit = resolve(key, config_path=self._config_path, isolated=self._isolated,
                          overrides=self._overrides)
            self._cache[key] = hit
        return hit

    def for_path(self, path: str) -> Resolved:
        """The settings for an input file (``-``: the current directory's)."""
        if path == "-":
            return self.for_dir(Path.cwd())
        p = Path(path)
        return self.for_dir(p if p.is_dir() else (p.parent if str(p.parent) else Path(".")))

    def for_run(self, paths: tuple[str, ...] | list[str]) -> Resolved:
        """The settings of the folder all ``paths`` share (the current directory for ``-``), for
        what one run can have only one of (how stories are grouped): independent of order."""
        dirs = []
        for p in paths:
            if p == "-":
                dirs.append(str(Path.cwd().resolve()))
            else:
                path = Path(p).resolve()
                dirs.append(str(path if path.is_dir() else path.parent))
        if not dirs:
            return self.for_dir(Path.cwd())
        try:
            common = Path(os.path.commonpath(dirs))
        except ValueError:  # different drives
            common = Path(dirs[0])
        return self.for_dir(common)

    def excluded(self, path: str) -> bool:
        """Whether a file or folder met in a folder walk matches its settings' ``exclude`` or
        ``extend-exclude`` (relative to the configuration file's folder, or the current one)."""
        p = Path(path)
        resolved = self.for_path(str(p.parent) if str(p.parent) else ".")
        patterns = resolved.config.exclude + resolved.config.extend_exclude
        if not patterns:
            return False
        base = resolved.file.parent.resolve() if resolved.file else Path.cwd().resolve()
        absolute = p.resolve()
        try:
            rel = absolute.relative_to(base).as_posix()
        except ValueError:
            rel = absolute.as_posix()
        return any(matches_pattern(rel, p.name, pattern) for pattern in patterns)


def matches_pattern(rel: str, name: str, pattern: str) -> bool:
    """A pattern without ``/`` matches the name; with ``/``, the path relative to the base folder
    (a leading ``/`` or ``./`` anchors it there; ``**`` is any depth)."""
    pattern = pattern.rstrip("/")
    if "/" not in pattern:
        return fnmatch.fnmatchcase(name, pattern)
    pattern = pattern.removeprefix("./").removeprefix("/")
    if fnmatch.fnmatchcase(rel, pattern):
        return True
    return pattern.startswith("**/") and fnmatch.fnmatchcase(rel, pattern[3:])
