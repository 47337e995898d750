"""Which of figcheck's modules this installation runs compiled (see setup.py), found without
importing them."""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

COMPILABLE = (
    "intervals",
    "memo",
    "parser/tokenize",
    "parser/segment",
    "parser/words",
    "parser/units",
    "parser/grammar",
    "parser/headline",
    "parser/subject",
    "parser/extract",
    "parser/frame",
    "compare/text",
    "compare/facts",
    "compare/contradict",
    "compare/arithmetic",
    "compare/verbatim",
    "compare/decide",
    "compare/stories",
)
"""The modules setup.py compiles with mypyc, as paths under the package without ``.py``."""

PACKAGE = Path(__file__).resolve().parent


def compiled_path(module: str) -> Path | None:
    """The native extension file of ``module`` (e.g. ``"parser/grammar"``), if there is one."""
    folder, _, name = (PACKAGE / module).as_posix().rpartition("/")
    for suffix in EXTENSION_SUFFIXES:
        path = Path(folder) / f"{name}{suffix}"
        if path.is_file():
            return path
    return None


def compiled_modules() -> list[str]:
    return [m for m in COMPILABLE if compiled_path(m) is not None]


def describe() -> str:
    """``"compiled"``, ``"pure Python"`` or ``"partly compiled (n of m modules)"``."""
    n = len(compiled_modules())
    if n == len(COMPILABLE):
        return "compiled"
    if n == 0:
        return "pure Python"
    return f"partly compiled ({n} of {len(COMPILABLE)} modules)"
