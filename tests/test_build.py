"""The mypyc build (setup.py): which modules are compiled, and no stale compiled module."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from figcheck import _build

ROOT = Path(__file__).resolve().parents[1]


def test_setup_compiles_the_modules_build_lists() -> None:
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    listed = next(
        ast.literal_eval(node.value) for node in tree.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "COMPILED"
    )
    assert [p.removeprefix("figcheck/").removesuffix(".py") for p in listed] == list(_build.COMPILABLE)
    for path in listed:
        assert (ROOT / path).is_file(), path


def test_no_compiled_module_is_older_than_its_source() -> None:
    # In an editable install built with FIGCHECK_COMPILE=1 the extension shadows the .py file:
    # an edit after the install would silently not run.
    stale = []
    for module in _build.compiled_modules():
        so = _build.compiled_path(module)
        source = _build.PACKAGE / f"{module}.py"
        assert so is not None
        if source.is_file() and source.stat().st_mtime > so.stat().st_mtime + 1:
            stale.append(module)
    assert not stale, (
        f"compiled modules older than their source: {stale}; run `pip install -e .` again "
        "(or FIGCHECK_COMPILE=0 pip install -e . for pure Python)"
    )


@pytest.mark.skipif(os.environ.get("FIGCHECK_REQUIRE_COMPILED") != "1",
                    reason="FIGCHECK_REQUIRE_COMPILED=1 (set by .ci/run) requires the mypyc build")
def test_compiled_build_is_what_runs() -> None:
    assert _build.describe() == "compiled", _build.compiled_modules()
    code = "import figcheck.parser.grammar as g, figcheck.compare.contradict as c; print(g.__file__, c.__file__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout.split()
    assert all(not p.endswith(".py") for p in out), out


def test_version_says_how_it_was_built() -> None:
    from click.testing import CliRunner

    from figcheck.cli import cli

    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert f"({_build.describe()})" in result.output


def _backend(monkeypatch: pytest.MonkeyPatch, setting: str | None):  # type: ignore[no-untyped-def]
    import importlib.util

    if setting is None:
        monkeypatch.delenv("FIGCHECK_COMPILE", raising=False)
    else:
        monkeypatch.setenv("FIGCHECK_COMPILE", setting)
    spec = importlib.util.spec_from_file_location("figcheck_backend",
                                                  ROOT / "backend" / "figcheck_backend.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("setting", [None, "0", "off"])
def test_default_build_needs_no_mypy(monkeypatch: pytest.MonkeyPatch, setting: str | None) -> None:
    backend = _backend(monkeypatch, setting)
    assert backend.get_requires_for_build_wheel() == []
    assert backend.get_requires_for_build_editable() == []


def test_compiled_build_asks_for_mypy(monkeypatch: pytest.MonkeyPatch) -> None:
    backend = _backend(monkeypatch, "1")
    wheel = backend.get_requires_for_build_wheel()
    assert wheel == backend.get_requires_for_build_editable()
    assert any(r.startswith("mypy==") for r in wheel) and any(r.startswith("pydantic") for r in wheel)
    # the rest of the hooks are setuptools' own
    from setuptools import build_meta

    assert backend.build_wheel is build_meta.build_wheel
    assert backend.build_editable is build_meta.build_editable


def test_pyproject_uses_the_backend() -> None:
    import tomllib

    system = tomllib.loads((ROOT / "pyproject.toml").read_text())["build-system"]
    assert system["build-backend"] == "figcheck_backend"
    assert system["backend-path"] == ["backend"]
    assert not any(r.startswith(("mypy", "pydantic")) for r in system["requires"])
    assert "backend/figcheck_backend.py" in (ROOT / "MANIFEST.in").read_text()
