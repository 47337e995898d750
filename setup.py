"""Build hook: compile figcheck's hot modules (parser and comparator) to C with mypyc.

Everything else about the package is in pyproject.toml.  The compiled modules are the same Python
source, type-checked and translated by mypyc (the compiler mypy and black ship with); they run
about twice as fast as the interpreted ones and give byte-identical output
(``python bench/fingerprint.py``).

``FIGCHECK_COMPILE`` decides:

* unset or ``0``: never compile: pure Python everywhere, no C compiler and no mypy needed, so a
  first ``pip install .`` takes seconds, and in an editable install (``pip install -e .``) an edit
  to a module takes effect at once;
* ``1``: compile, for a normal and an editable install (batch users want it; CI does, so the suite
  tests the compiled build; in an editable install a compiled module then shadows its ``.py`` file
  until the next ``pip install -e .``, and ``tests/test_build.py`` fails on a stale one).

The build backend (``backend/figcheck_backend.py``) puts mypy into the build environment only
when compiling.
"""

from __future__ import annotations

import os
import sys

from setuptools import setup

COMPILED = [
    "figcheck/intervals.py",
    "figcheck/memo.py",
    "figcheck/parser/tokenize.py",
    "figcheck/parser/segment.py",
    "figcheck/parser/words.py",
    "figcheck/parser/units.py",
    "figcheck/parser/grammar.py",
    "figcheck/parser/headline.py",
    "figcheck/parser/subject.py",
    "figcheck/parser/extract.py",
    "figcheck/parser/frame.py",
    "figcheck/compare/text.py",
    "figcheck/compare/facts.py",
    "figcheck/compare/contradict.py",
    "figcheck/compare/arithmetic.py",
    "figcheck/compare/verbatim.py",
    "figcheck/compare/decide.py",
    "figcheck/compare/stories.py",
]
"""Modules compiled with mypyc: the per-document hot path (``figcheck/_build.py`` lists the same,
``tests/test_build.py`` checks that).  Not the pydantic models, the CLI or
the batch engine (monkeypatched in tests, and not where the time goes)."""


METADATA_ONLY = ("egg_info", "dist_info", "sdist")
"""setuptools commands that only write metadata or an sdist: no need to run mypyc for them."""


def wanted() -> bool:
    setting = os.environ.get("FIGCHECK_COMPILE", "").strip().lower()
    if setting not in ("1", "yes", "true", "on"):
        return False
    return not any(cmd in sys.argv for cmd in METADATA_ONLY)


def ext_modules() -> list[object]:
    if not wanted():
        return []
    try:
        from mypyc.build import mypycify
    except ImportError as exc:
        raise SystemExit(
            f"FIGCHECK_COMPILE=1 needs mypy (which ships mypyc) in the build environment: {exc}. "
            "Install with build isolation (the default), or 'pip install mypy==2.4.1' first."
        ) from None

    # pyproject.toml's [tool.mypy] config applies (pydantic plugin included); its overrides for
    # modules not compiled here are expected to go unused
    return list(mypycify(["--no-warn-unused-configs", *COMPILED], opt_level="3"))


setup(
    ext_modules=ext_modules(),
    # the C files compile independently: use every core
    options={"build_ext": {"parallel": os.cpu_count() or 1}},
)
