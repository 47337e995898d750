"""figcheck's PEP 517 build backend: setuptools, with mypy only when compiling.

A default ``pip install .`` builds pure Python: nothing to compile, so the build environment needs
only setuptools and the install takes seconds.  ``FIGCHECK_COMPILE=1`` compiles the hot modules
with mypyc (setup.py); only then does the build environment also get mypy (which ships mypyc) and
pydantic (for the mypy plugin that types the models those modules use).  Everything else is
setuptools' own backend, unchanged.
"""

from __future__ import annotations

import os

from setuptools.build_meta import *  # noqa: F403 - the rest of the PEP 517/660 hooks as they are

COMPILE_REQUIRES: tuple[str, ...] = ("mypy==2.4.1", "pydantic>=2.6,<3")
"""What compiling needs on top of ``[build-system] requires`` (the mypy the compiled build is
tested with)."""


def compiling() -> bool:
    """``FIGCHECK_COMPILE`` is set to a true value (``1``, ``yes``, ``true``, ``on``)."""
    return os.environ.get("FIGCHECK_COMPILE", "").strip().lower() in ("1", "yes", "true", "on")


def _extra() -> list[str]:
    return list(COMPILE_REQUIRES) if compiling() else []


# setuptools' own hooks would run setup.py to collect setup_requires (there are none), and that
# run would already need mypyc when compiling: answer without it.
def get_requires_for_build_wheel(config_settings=None):  # type: ignore[no-untyped-def]
    return _extra()


def get_requires_for_build_editable(config_settings=None):  # type: ignore[no-untyped-def]
    return _extra()
