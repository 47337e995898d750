"""The package type-checks with mypy: strict on the public API and the CLI (see pyproject.toml)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_is_clean(tmp_path):
    api = pytest.importorskip("mypy.api")
    out, err, status = api.run(
        ["--cache-dir", str(tmp_path / "cache"), "--config-file", str(ROOT / "pyproject.toml"),
         str(ROOT / "figcheck")]
    )
    assert status == 0, out + err
