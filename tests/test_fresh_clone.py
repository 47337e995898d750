"""The README's two set-up commands, run as a newcomer runs them: a fresh ``git clone`` of this
repository's HEAD into an empty temporary folder (no ``../shared`` beside it, so no peer suites),
a fresh venv, default settings (no ``FIGCHECK_*`` variables), command 1 verbatim.

Command 2 (``pip install -e '.[test]' && pytest``) runs its install verbatim, then a reduced
``pytest`` selection inside the clone (the README check, the peer suites, which must skip there,
the HTML reader with the real trafilatura, and the build checks), to keep this test bounded.  The
inner run cannot come back here: it does not select this file, and this test skips itself when
``FIGCHECK_FRESH_CLONE_INNER`` is set, which the inner run's environment has.

It takes a few minutes (two pip installs), so it runs when ``FIGCHECK_TEST_FRESH_CLONE=1`` is set
(``.ci/run`` sets it) and skips otherwise.  Only committed work is cloned.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")

INNER_SELECTION = (
    "tests/test_readme.py", "tests/peers", "tests/test_htmltext.py", "tests/test_build.py",
)
"""What command 2's ``pytest`` runs inside the clone (never this file)."""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("FIGCHECK_FRESH_CLONE_INNER") == "1",
                       reason="inside the fresh clone's own test run: no recursion"),
    pytest.mark.skipif(os.environ.get("FIGCHECK_TEST_FRESH_CLONE") != "1",
                       reason="slow (two pip installs in a fresh clone): set "
                              "FIGCHECK_TEST_FRESH_CLONE=1 to run it (.ci/run does)"),
]


def _commands() -> list[str]:
    block = re.findall(r"```sh\n(.*?)```", README, flags=re.S)[0]
    return block.strip().splitlines()


def _run(command: str, cwd: Path, env: dict[str, str], timeout: int) -> tuple[subprocess.CompletedProcess[str], float]:
    start = time.monotonic()
    proc = subprocess.run(["bash", "-c", f". .venv/bin/activate && {command}"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)
    return proc, time.monotonic() - start


def test_readme_commands_on_a_fresh_clone(tmp_path: Path) -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: nothing to clone")
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()
    clone = tmp_path / "figcheck"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, timeout=300)
    subprocess.run(["git", "-c", "advice.detachedHead=false", "checkout", "-q", head], cwd=clone,
                   check=True)
    assert not (tmp_path / "shared").exists()
    # a newcomer's environment: none of figcheck's settings, nothing from this venv
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("FIGCHECK_", "PYTEST_", "VIRTUAL_ENV", "PYTHON"))}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                  if not p.startswith(sys.prefix))
    subprocess.run([sys.executable, "-m", "venv", str(clone / ".venv")], check=True, timeout=300)
    # the venv's own python3 from the base interpreter, as `python3 -m venv .venv` makes it

    first, second = _commands()
    proc, seconds = _run(first, clone, env, timeout=900)
    out = proc.stdout
    assert proc.returncode == 1, proc.stdout + proc.stderr[-3000:]
    findings = [ln for ln in out.splitlines() if ln.startswith("corpus/examples/troops.md:")]
    # the bad conversion (FC205, stable); the bad percentage is FC201, a preview rule (README)
    assert len(findings) == 1, out
    assert " FC205 " in findings[0]
    assert "Found 1 finding (1 warning) in 1 document." in proc.stderr
    version = subprocess.run(["bash", "-c", ". .venv/bin/activate && figcheck --version"],
                             cwd=clone, env=env, capture_output=True, text=True, check=True)
    assert "(pure Python)" in version.stdout, version.stdout
    print(f"README command 1 in a fresh clone and venv: {seconds:.1f} s")

    install, _, test = second.partition(" && ")
    assert install == "pip install -e '.[test]'" and test == "pytest"
    inner = dict(env, FIGCHECK_FRESH_CLONE_INNER="1")
    command = f"{install} && pytest -q -rs -p no:cacheprovider {' '.join(INNER_SELECTION)}"
    proc, seconds = _run(command, clone, inner, timeout=1500)
    out = proc.stdout + proc.stderr[-3000:]
    assert proc.returncode == 0, out
    assert "no peer suites under" in out  # skipped with the reason, not failed
    assert re.search(r"\d+ passed", out), out
    assert " failed" not in out and " error" not in out, out
    print(f"README command 2 (reduced pytest) in the same clone: {seconds:.1f} s")
