"""Build hook: compile figcheck's hot modules (parser and comparator) to C with mypyc.

Everything else about the package is in pyproject.toml.  The compiled modules are the same Python
source, type-checked and translated by mypyc (the compiler mypy and black ship with); they run
about twice as fast as the interpreted ones and give byte-identical output
(``python bench/fingerprint.py``).

``FIGCHECK_COMPILE`` decides:

* unset: compile for a normal install (``pip install .``, wheels); install pure Python for an
  editable one (``pip install -e .``), so that an edit to a module takes effect at once;
* ``1``: compile in both cases (CI does, so the suite tests what users install; in an editable
  install a compiled module then shadows its ``.py`` file until the next ``pip install -e .``, and
  ``tests/test_build.py`` fails on a stale one);
* ``0``: never compile (pure Python everywhere, no C compiler needed).
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
    "figcheck/parser/subject.py",
    "figcheck/parser/extract.py",
    "figcheck/compare/text.py",
    "figcheck/compare/facts.py",
    "figcheck/compare/contradict.py",
    "figcheck/compare/arithmetic.py",
    "figcheck/compare/verbatim.py",
    "figcheck/compare/stories.py",
]
"""Modules compiled with mypyc: the per-document hot path (``figcheck/_build.py`` lists the same,
``tests/test_build.py`` checks that).  Not the pydantic models, the CLI or
the batch engine (monkeypatched in tests, and not where the time goes)."""


def wanted() -> bool:
    setting = os.environ.get("FIGCHECK_COMPILE", "").strip().lower()
    if setting in ("0", "no", "false", "off"):
        return False
    if setting in ("1", "yes", "true", "on"):
        return True
    return "editable_wheel" not in sys.argv  # setuptools' PEP 660 editable build


def ext_modules() -> list[object]:
    if not wanted():
        return []
    from mypyc.build import mypycify

    # pyproject.toml's [tool.mypy] config applies (pydantic plugin included); its overrides for
    # modules not compiled here are expected to go unused
    return list(mypycify(["--no-warn-unused-configs", *COMPILED], opt_level="3"))


setup(
    ext_modules=ext_modules(),
    # the C files compile independently: use every core
    options={"build_ext": {"parallel": os.cpu_count() or 1}},
)
