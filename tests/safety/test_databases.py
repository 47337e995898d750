"""Databases that are not ours are never written; ours are read read-only by ``report`` and
``--against``; a second writer is stopped with one line.  All on real SQLite files."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from figcheck.batch import DatabaseError
from figcheck.batch.store import APPLICATION_ID, connect

from .helpers import command, env, run

ARCHIVE = (
    '{"id": "wire", "story": "ferry", "source": "Harbour Herald", "published": "2025-03-10", '
    '"text": "There were 148 passengers on board the ferry that sank off Crete on Monday. '
    'It rose from 40 to 50, a 40% rise."}\n'
    '{"id": "other", "story": "bus", "source": "Metro Daily", "published": "2025-03-10", '
    '"text": "There were 40 passengers on the bus that crashed in Lyon."}\n'
)
DRAFT = ('{"id": "draft", "published": "2025-03-11", "text": "There were 150 passengers on '
         'board the ferry that sank off Crete on Monday."}\n')


def _snapshot(directory: Path) -> dict[str, tuple[str, int]]:
    """Every file in ``directory``: content hash and modification time."""
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(directory.iterdir())}


def _foreign(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes(body) VALUES ('keep me')")
    conn.commit()
    conn.close()
    return path


def _one_line_error(r: subprocess.CompletedProcess[str], *words: str) -> None:
    assert r.returncode == 2, (r.returncode, r.stderr)
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("figcheck: error: "), r.stderr
    for w in words:
        assert w in lines[0], lines[0]


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """A real figcheck batch database, in a folder of its own."""
    folder = tmp_path / "archive"
    folder.mkdir()
    (tmp_path / "arch.jsonl").write_text(ARCHIVE, encoding="utf-8")
    (tmp_path / "draft.jsonl").write_text(DRAFT, encoding="utf-8")
    db = folder / "figcheck.db"
    r = run("batch", str(tmp_path / "arch.jsonl"), "--db", str(db), "-q", "-j", "1")
    assert r.returncode == 0, r.stderr
    return db


def test_against_an_empty_file_never_writes_to_it(tmp_path: Path) -> None:
    (tmp_path / "draft.jsonl").write_text(DRAFT, encoding="utf-8")
    empty = tmp_path / "db"
    empty.mkdir()
    (empty / "e.db").write_bytes(b"")
    before = _snapshot(empty)
    r = run("check", str(tmp_path / "draft.jsonl"), "--against", str(empty / "e.db"))
    _one_line_error(r, "e.db", "not a figcheck database")
    assert _snapshot(empty) == before  # still 0 bytes, no journal, no -wal/-shm


@pytest.mark.parametrize("command_args", [
    ("check", "{draft}", "--against", "{db}"),
    ("report", "--db", "{db}"),
    ("report", "--db", "{db}", "--format", "jsonl"),
    ("batch", "{archive}", "--db", "{db}", "-q", "-j", "1"),
], ids=["against", "report", "report-jsonl", "batch"])
def test_a_foreign_database_is_refused_and_left_alone(tmp_path: Path,
                                                      command_args: tuple[str, ...]) -> None:
    (tmp_path / "draft.jsonl").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "arch.jsonl").write_text(ARCHIVE, encoding="utf-8")
    folder = tmp_path / "other"
    folder.mkdir()
    db = _foreign(folder / "other.sqlite")
    before = _snapshot(folder)
    args = [a.format(draft=tmp_path / "draft.jsonl", archive=tmp_path / "arch.jsonl", db=db)
            for a in command_args]
    _one_line_error(run(*args), "other.sqlite", "not a figcheck database")
    assert _snapshot(folder) == before
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # never switched to WAL
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["notes"]
    conn.close()


def test_batch_starts_a_new_database_in_an_empty_file(tmp_path: Path) -> None:
    (tmp_path / "arch.jsonl").write_text(ARCHIVE, encoding="utf-8")
    db = tmp_path / "new.db"
    db.write_bytes(b"")
    r = run("batch", str(tmp_path / "arch.jsonl"), "--db", str(db), "-q", "-j", "1")
    assert r.returncode == 0, r.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    conn.close()


def test_a_database_made_before_the_application_id_is_still_ours(built: Path,
                                                                 tmp_path: Path) -> None:
    conn = sqlite3.connect(built)
    conn.execute("PRAGMA application_id=0")
    conn.close()
    r = run("report", "--db", str(built))
    assert r.returncode == 0, r.stderr
    r = run("batch", str(tmp_path / "arch.jsonl"), "--db", str(built), "-q", "-j", "1")
    assert r.returncode == 0, r.stderr
    conn = sqlite3.connect(built)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


def test_report_and_against_never_write(built: Path, tmp_path: Path) -> None:
    # closed cleanly: no -wal/-shm left; a reader must not create any, nor touch the file
    conn = sqlite3.connect(built)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for extra in ("-wal", "-shm"):
        Path(str(built) + extra).unlink(missing_ok=True)
    before = _snapshot(built.parent)
    assert run("report", "--db", str(built)).returncode == 0
    assert run("report", "--db", str(built), "--format", "jsonl").returncode == 0
    r = run("check", str(tmp_path / "draft.jsonl"), "--against", str(built), "-f", "jsonl")
    assert r.returncode == 1 and "draft" in r.stdout, r.stderr
    after = _snapshot(built.parent)
    assert {k: v for k, v in after.items() if not k.endswith(("-wal", "-shm"))} == before
    assert after.get("figcheck.db-wal", ("", 0))[0] in ("", hashlib.sha256(b"").hexdigest())


def _read_only(directory: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run figcheck with ``directory`` truly read-only: a read-only bind mount in a mount
    namespace of its own when running as root (which file modes do not stop), else file modes."""
    if os.geteuid() != 0:
        for p in directory.iterdir():
            p.chmod(0o444)
        directory.chmod(0o555)
        try:
            return subprocess.run([*command(), *args], capture_output=True, text=True, env=env(),
                                  timeout=120, check=False)
        finally:
            directory.chmod(0o755)
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("root without unshare: cannot make a read-only directory")
    probe = subprocess.run([unshare, "-m", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("no mount namespaces here: cannot make a read-only directory as root")
    d = str(directory)
    script = ('mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && '
              'if touch "$1/probe" 2>/dev/null; then echo "not read-only" >&2; exit 99; fi; '
              'shift; exec "$@"')
    return subprocess.run([unshare, "-m", "sh", "-c", script, "sh", d, *command(), *args],
                          capture_output=True, text=True, env=env(), timeout=120, check=False)


def test_a_read_only_database_and_directory_work_for_report_and_against(built: Path,
                                                                         tmp_path: Path) -> None:
    r = _read_only(built.parent, ["report", "--db", str(built)])
    assert r.returncode == 0, r.stderr
    assert "documents" in r.stdout
    r = _read_only(built.parent, ["check", str(tmp_path / "draft.jsonl"), "--against",
                                  str(built), "-f", "jsonl"])
    assert r.returncode == 1, r.stderr
    assert "draft" in r.stdout


def test_a_second_writer_gets_one_line(built: Path, tmp_path: Path) -> None:
    holder = connect(built)  # the first writer, as a running batch holds it
    try:
        r = run("batch", str(tmp_path / "arch.jsonl"), "--db", str(built), "-q", "-j", "1")
        _one_line_error(r, "another 'figcheck batch' is writing to this database")
        with pytest.raises(DatabaseError, match="another 'figcheck batch'"):
            connect(built)
        assert run("report", "--db", str(built)).returncode == 0  # readers are welcome
    finally:
        holder.close()
    second = connect(built)  # released with the first writer
    second.close()


def test_a_writer_lock_dies_with_its_process(built: Path, tmp_path: Path) -> None:
    code = ("import sys, time; from figcheck.batch.store import connect; "
            "c = connect(sys.argv[1]); print('locked', flush=True); time.sleep(60)")
    import sys

    proc = subprocess.Popen([sys.executable, "-c", code, str(built)], stdout=subprocess.PIPE,
                            text=True, env=env())
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        with pytest.raises(DatabaseError):
            connect(built)
    finally:
        proc.kill()
        proc.wait(30)
    connect(built).close()
