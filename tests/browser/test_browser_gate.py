"""Without Chromium the browser tests skip with a reason, except under FIGCHECK_REQUIRE_BROWSER=1
(what CI sets), where they must fail: checked by running pytest in a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent


@pytest.mark.parametrize(
    "require, outcome",
    [
        pytest.param("0", "skipped", id="skip-when-optional"),
        pytest.param("1", "error", id="fail-when-required"),
    ],
)
def test_missing_chromium(tmp_path: Path, require: str, outcome: str) -> None:
    env = dict(os.environ, FIGCHECK_CHROMIUM=str(tmp_path / "no-such-chromium"),
               FIGCHECK_REQUIRE_BROWSER=require)
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
         "-k", "summary_tables", str(HERE / "test_html_report.py")],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    out = proc.stdout + proc.stderr
    if outcome == "skipped":
        assert proc.returncode == 0, out
        assert "1 skipped" in out and "no Chromium executable at" in out
    else:
        assert proc.returncode != 0, out
        assert "1 error" in out and "FIGCHECK_REQUIRE_BROWSER=1 but no Chromium executable" in out
