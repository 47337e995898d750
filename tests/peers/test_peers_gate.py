"""Without the peer suites the peer tests skip with a reason, except under
FIGCHECK_REQUIRE_PEERS=1 (what CI sets), where they fail: checked by running pytest in a real
subprocess."""

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
        pytest.param("1", "failed", id="fail-when-required"),
    ],
)
def test_missing_peer_suites(tmp_path: Path, require: str, outcome: str) -> None:
    missing = tmp_path / "no-such-peers"
    env = dict(os.environ, FIGCHECK_PEERS=str(missing), FIGCHECK_REQUIRE_PEERS=require)
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
         str(HERE / "test_peer_suites.py")],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    out = proc.stdout + proc.stderr
    if outcome == "skipped":
        # 5 is pytest's "no tests collected": the only module ran skipped as a whole
        assert proc.returncode == 5, out
        assert "1 skipped" in out and f"no peer suites under {missing}" in out
        assert "FIGCHECK_REQUIRE_PEERS=1" in out
    else:
        assert proc.returncode == 1, out
        assert "failed" in out
        assert f"FIGCHECK_REQUIRE_PEERS=1 but no peer cases found under {missing}" in out
