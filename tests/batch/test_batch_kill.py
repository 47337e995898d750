"""Kill a real ``figcheck batch`` subprocess midway (SIGKILL of the whole process group, like a
power loss; SIGINT to the group, like Ctrl-C; SIGTERM), rerun the same command, and check that
every record ends up processed exactly once with the same results as an uninterrupted run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from figcheck.batch import run_batch

from .conftest import db_rows, findings_of, story_records, subprocess_env, write_jsonl
from .fake_toolkit import SLOW_SPEC, SPEC

N_STORIES = 150  # 450 documents; at ~4 ms each on 2 workers the run lasts about a second


def _command(arch: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "figcheck", "batch", str(arch), "--db", str(db), "--jobs", "2",
            "--toolkit", SLOW_SPEC]


def _committed(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db, timeout=5)
        try:
            row = conn.execute("SELECT sum(items_done) FROM inputs").fetchone()
        finally:
            conn.close()
    except sqlite3.OperationalError:  # schema not created yet
        return 0
    return int(row[0] or 0)


@pytest.mark.parametrize(
    ("sig", "codes"),
    [
        pytest.param(signal.SIGKILL, {-signal.SIGKILL}, id="sigkill-group"),
        pytest.param(signal.SIGINT, {130}, id="sigint-group"),
        pytest.param(signal.SIGTERM, {143}, id="sigterm"),
    ],
)
def test_killed_run_resumes_without_loss_or_duplicates(tmp_path: Path, sig: int, codes: set[int]) -> None:
    recs = story_records(N_STORIES)
    arch = write_jsonl(tmp_path / "a.jsonl", recs, raw_lines={40: b"{broken", 200: b"[]"})
    n_items = len(recs) + 2
    db = tmp_path / "k.db"
    proc = subprocess.Popen(_command(arch, db), env=subprocess_env(), start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while _committed(db) < 40 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert proc.poll() is None, "the run finished before it could be interrupted"
    if sig == signal.SIGTERM:
        proc.send_signal(sig)
    else:
        os.killpg(proc.pid, sig)
    proc.communicate(timeout=30)
    assert proc.returncode in codes
    midway = _committed(db)
    assert 0 < midway < n_items

    rerun = subprocess.run(_command(arch, db), env=subprocess_env(), capture_output=True,
                           text=True, timeout=60)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{midway:,} items were already done" in rerun.stdout

    docs = db_rows(db, "SELECT input_id, item FROM documents")
    errors = db_rows(db, "SELECT input_id, item FROM errors")
    assert len(docs) == len(set(docs)) == len(recs)
    assert len(errors) == len(set(errors)) == 2
    assert sorted(i for _, i in docs + errors) == list(range(n_items))

    reference = tmp_path / "ref.db"
    run_batch([str(arch)], str(reference), jobs=1, toolkit=SPEC)
    assert findings_of(db) == findings_of(reference)
    q = "SELECT item, id, n_quantities, story_key FROM documents"
    assert db_rows(db, q) == db_rows(reference, q)
