"""Running the real ``figcheck`` command as a process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]

ARTICLE = (
    "# North Korea sends 12,000 troops to Russia\n\n"
    "North Korea has sent 10,000 troops to Russia, officials said.\n\n"
    "Military spending rose from 40 billion dollars to 50 billion dollars, a 40% rise.\n"
)
"""Synthetic copy with findings (a headline conflict and a wrong percentage change)."""


def command() -> list[str]:
    """The installed console script next to this interpreter, else ``python -m figcheck``."""
    exe = Path(sys.executable).with_name("figcheck")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("figcheck")
    return [found] if found else [sys.executable, "-m", "figcheck"]


def env(**extra: str) -> dict[str, str]:
    e = {k: v for k, v in os.environ.items()
         if k not in ("NO_COLOR", "FORCE_COLOR", "FIGCHECK_DEBUG")}
    e["PYTHONPATH"] = os.pathsep.join([str(ROOT), e.get("PYTHONPATH", "")])
    e.update(extra)
    return e


def run(*args: str, cwd: Path | None = None, timeout: float = 120, **kw) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run([*command(), *args], check=False, capture_output=True, text=True,
                          env=env(), timeout=timeout, cwd=cwd, **kw)
