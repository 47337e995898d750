"""figcheck's own Dask ``LocalCluster`` listens only where its processes talk to each other: no
dashboard, no HTTP server on 127.0.0.1:8787 (``/info``, ``/sitemap.json``) or anywhere else."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import TESTS_DIR, story_records, write_jsonl
from .fake_toolkit import SPEC

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")


def _tree(pid: int) -> set[int]:
    """``pid`` and all its descendants."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        parents.setdefault(ppid, []).append(int(entry))
    out, todo = set(), [pid]
    while todo:
        p = todo.pop()
        out.add(p)
        todo.extend(parents.get(p, []))
    return out


def _listening_ports(pids: set[int]) -> set[int]:
    """TCP ports that sockets owned by ``pids`` listen on (/proc/net/tcp{,6} by inode)."""
    inodes = set()
    for pid in pids:
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                link = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if link.startswith("socket:["):
                inodes.add(link[len("socket:["):-1])
    ports = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        with open(table) as fh:
            for line in fh.read().splitlines()[1:]:
                cols = line.split()
                if cols[3] == "0A" and cols[9] in inodes:  # 0A = LISTEN
                    ports.add(int(cols[1].rsplit(":", 1)[1], 16))
    return ports


def _port(address: str) -> int:
    return int(address.rsplit(":", 1)[1])


@pytest.mark.dask
@pytest.mark.skipif(not os.path.exists("/proc/net/tcp"), reason="needs /proc/net/tcp (Linux)")
def test_local_cluster_binds_only_what_the_cluster_needs(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from distributed import Client

    from figcheck.batch.dask_engine import local_cluster
    from figcheck.batch.dask_engine import run as run_dask
    from figcheck.config import Config

    monkeypatch.setenv("PYTHONPATH", TESTS_DIR)  # the workers import the test toolkit
    cluster = local_cluster(2)
    try:
        scheduler = cluster.scheduler
        assert "dashboard" not in scheduler.services
        needed = {_port(scheduler.address)}
        for worker in cluster.workers.values():  # each worker and the nanny that watches it
            needed |= {_port(worker.worker_address), _port(worker.address)}
        listening = _listening_ports(_tree(os.getpid()))
        assert 8787 not in listening
        assert listening == needed, f"unexpected listeners: {sorted(listening - needed)}"

        # and the cluster still does the work
        arch = write_jsonl(tmp_path / "a.jsonl", story_records(4))
        with Client(cluster) as client:
            stats = run_dask([str(arch)], str(tmp_path / "d.db"), Config(), toolkit=SPEC,
                             client=client, partition=4)
        assert stats.documents == 12 and stats.cross_findings == 4
    finally:
        cluster.close()
