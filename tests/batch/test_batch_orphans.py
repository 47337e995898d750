"""After a ``SIGKILL`` of the main ``figcheck batch`` process alone (not its process group),
its worker processes end too instead of living on."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import story_records, subprocess_env, write_jsonl
from .fake_toolkit import SLOW_SPEC


def _children(pid: int) -> set[int]:
    """Live child processes of ``pid`` (from /proc)."""
    out = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                stat = fh.read()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            out.add(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc (Linux)")
@pytest.mark.parametrize("jobs", ["2", "3"])
def test_workers_die_with_a_killed_main_process(tmp_path: Path, jobs: str) -> None:
    arch = write_jsonl(tmp_path / "a.jsonl", story_records(400))
    db = tmp_path / "k.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "figcheck", "batch", str(arch), "--db", str(db), "--jobs", jobs,
         "--toolkit", SLOW_SPEC, "-q"],
        env=subprocess_env(), start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while len(workers) < int(jobs) and time.monotonic() < deadline and proc.poll() is None:
            workers = _children(proc.pid)
            time.sleep(0.05)
        assert len(workers) >= int(jobs), "the workers did not start"
        os.kill(proc.pid, signal.SIGKILL)  # the main process only, as the OOM killer does
        proc.wait(10)
        deadline = time.monotonic() + 5
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [w for w in workers if _alive(w)], "worker processes outlived their parent"
    finally:
        with_group = proc.poll() is None
        for w in workers:  # never leave anything behind, even when the test fails
            if _alive(w):
                os.kill(w, signal.SIGKILL)
        if with_group:
            proc.kill()
        proc.wait(10)


CHILD = """
import os, sys, threading, time
from figcheck.batch import local
threading.Thread(target=local._watch_parent, args=(os.getppid(),), daemon=True).start()
print(os.getpid(), flush=True)
time.sleep(60)
"""
PARENT = """
import subprocess, sys
child = subprocess.Popen([sys.executable, "-c", sys.argv[1]], stdout=subprocess.PIPE, text=True)
print(child.stdout.readline().strip(), flush=True)
child.wait()
"""


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc (Linux)")
def test_the_watchdog_alone_ends_an_orphaned_worker() -> None:
    """The fallback where prctl is unavailable: the parent-pid watchdog thread."""
    proc = subprocess.Popen([sys.executable, "-c", PARENT, CHILD], env=subprocess_env(),
                            stdout=subprocess.PIPE, text=True, start_new_session=True)
    child = 0
    try:
        assert proc.stdout is not None
        child = int(proc.stdout.readline())
        assert _alive(child)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 5
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(child)
    finally:
        if child and _alive(child):
            os.kill(child, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
