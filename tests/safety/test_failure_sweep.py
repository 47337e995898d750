"""Every failure of the real ``figcheck`` command is one line on stderr and exit 2 -- never a
traceback, never exit 1 (which CI reads as "findings")."""

from __future__ import annotations

import json
import shlex
import sqlite3
import subprocess
from pathlib import Path

import pytest

from .helpers import ARTICLE, command, env

SURROGATE_RECORD = (
    '{"id": "x\\ud800", "source": "Wire\\udc00", "text": "It rose from 40 to 50, a 40% rise. '
    'Some 12 people died. Later 15 people died in total, up from 12."}\n'
)


def _database(tmp_path: Path, table: str = "findings") -> Path:
    """A real batch database whose ``table`` has a damaged page."""
    archive = tmp_path / "arch.jsonl"
    archive.write_text(
        '{"id": "a", "story": "s1", "text": "It rose from 40 to 50, a 40% rise."}\n'
        '{"id": "b", "story": "s1", "text": "Some 12 people died. Later 15 people died in total, '
        'up from 12."}\n',
        encoding="utf-8")
    db = tmp_path / "damaged.db"
    r = subprocess.run([*command(), "batch", str(archive), "--db", str(db), "-q", "-j", "1"],
                       capture_output=True, text=True, env=env(), timeout=120, check=False)
    assert r.returncode == 0, r.stderr
    conn = sqlite3.connect(db)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name=?", (table,)).fetchone()
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    with open(db, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\x0d\x00\x00\xff\xff" + b"\xff" * 64)
    return db


def _setup(case: str, tmp: Path) -> str:
    """Prepare files in ``tmp`` and return the shell command line for ``case`` (``FC`` stands for
    the figcheck command)."""
    (tmp / "a.md").write_text(ARTICLE, encoding="utf-8")
    if case == "lone-surrogate-json":
        (tmp / "s.jsonl").write_text(SURROGATE_RECORD, encoding="utf-8")
        return "FC check s.jsonl -f json"
    if case == "lone-surrogate-extract-json":
        (tmp / "s.jsonl").write_text(SURROGATE_RECORD, encoding="utf-8")
        return "FC extract s.jsonl -f json"
    if case == "stdin-closed":
        return "FC check - <&-"
    if case == "stdout-closed":
        return "FC check a.md >&-"
    if case == "dev-full":
        return "FC check a.md >/dev/full"
    if case == "dev-full-json":
        return "FC check a.md -f json >/dev/full"
    if case == "filesystem-full-stdout":
        (tmp / "big.md").write_text((ARTICLE + "\n") * 300, encoding="utf-8")
        return "ulimit -f 1; trap '' XFSZ; FC check --preview big.md -f json > out.json"
    if case == "filesystem-full-output-file":
        (tmp / "big.md").write_text((ARTICLE + "\n") * 300, encoding="utf-8")
        return "ulimit -f 1; trap '' XFSZ; FC check --preview big.md -f json -o out.json"
    if case == "dev-zero-input":
        # bounded here so that the test cannot take the machine's memory: whatever stops the
        # read (the reader's size limit, or running out of memory) must be one line, exit 2
        return "ulimit -v 1500000; FC check /dev/zero"
    if case == "tool-figcheck-int-pyproject":
        (tmp / "pyproject.toml").write_text("[tool]\nfigcheck = 5\n")
        return "FC check a.md"
    if case == "tool-figcheck-int-figcheck-toml":
        (tmp / "figcheck.toml").write_text("[tool]\nfigcheck = 5\n")
        return "FC check a.md"
    if case == "config-invalid-utf8":
        (tmp / "figcheck.toml").write_bytes(b'tolerance = 0.1\n# caf\xe9 \xff\xfe\n')
        return "FC check a.md"
    if case == "report-damaged-db":
        _database(tmp)
        return "FC report --db damaged.db"
    if case == "report-damaged-db-jsonl":
        _database(tmp)
        return "FC report --db damaged.db --format jsonl"
    if case == "against-damaged-db":
        _database(tmp, "documents")
        (tmp / "d.jsonl").write_text(
            '{"id": "d", "story": "s1", "text": "Some 12 people died. Later 14 people died in '
            'total, up from 12."}\n', encoding="utf-8")
        return "FC check d.jsonl --against damaged.db"
    if case == "report-not-a-db":
        return "FC report --db a.md"
    raise AssertionError(case)


CASES = [
    "lone-surrogate-json",
    "lone-surrogate-extract-json",
    "stdin-closed",
    "stdout-closed",
    "dev-full",
    "dev-full-json",
    "filesystem-full-stdout",
    "filesystem-full-output-file",
    "dev-zero-input",
    "tool-figcheck-int-pyproject",
    "tool-figcheck-int-figcheck-toml",
    "config-invalid-utf8",
    "report-damaged-db",
    "report-damaged-db-jsonl",
    "against-damaged-db",
    "report-not-a-db",
]


@pytest.mark.parametrize("case", CASES)
def test_failure_is_one_line_exit_2(case: str, tmp_path: Path) -> None:
    line = _setup(case, tmp_path).replace("FC", " ".join(map(shlex.quote, command())))
    r = subprocess.run(["bash", "-c", line], cwd=tmp_path, capture_output=True, text=True,
                       env=env(), timeout=60, check=False)
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr and "Exception ignored" not in r.stderr, r.stderr
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("figcheck: error: "), r.stderr


@pytest.mark.parametrize("line", [
    "FC batch arch.jsonl --db x.db -j 1 2>&-",
    "FC batch arch.jsonl --db x.db -j 1 >&-",
    "FC check a.md -f json -o out.json >&- 2>&-",
], ids=["batch-stderr-closed", "batch-stdout-closed", "check-to-file-both-closed"])
def test_a_closed_stream_nobody_needs_does_not_stop_the_run(tmp_path: Path, line: str) -> None:
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "arch.jsonl").write_text(
        '{"id": "a", "text": "It rose from 40 to 50, a 40% rise."}\n', encoding="utf-8")
    line = line.replace("FC", " ".join(map(shlex.quote, command())))
    r = subprocess.run(["bash", "-c", line], cwd=tmp_path, capture_output=True, text=True,
                       env=env(), timeout=120, check=False)
    assert r.returncode in (0, 1), r.stderr
    if "batch" in line:
        conn = sqlite3.connect(tmp_path / "x.db")
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
        conn.close()
    else:
        assert json.loads((tmp_path / "out.json").read_text())["findings"]
