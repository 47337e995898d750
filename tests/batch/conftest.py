from __future__ import annotations

import gzip
import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

TESTS_DIR = str(Path(__file__).resolve().parent.parent)


def subprocess_env() -> dict[str, str]:
    """Environment for a real ``python -m figcheck`` run that can import the test toolkit."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([TESTS_DIR, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.pop("FORCE_COLOR", None)
    return env


def story_records(n_stories: int, per_story: int = 3, *, with_story: bool = True) -> list[dict[str, Any]]:
    """Records for ``n_stories`` unrelated stories; in each, the second source disagrees on the
    troop count (one planted cross-source contradiction per story) and every third story has a
    within-article contradiction."""
    recs = []
    for s in range(n_stories):
        place, person = _name("Kur", s), _name("Mar", s)
        for k in range(per_story):
            troops = 1000 + s if k != 1 else 2000 + s
            extra = f" later 300 ships and {400 + s} ships." if (k == 0 and s % 3 == 0) else ""
            text = (f"officials in {place} and {person} said {troops} troops arrived."
                    f" another 50 tanks moved.{extra}")
            rec: dict[str, Any] = {"id": f"s{s}-d{k}", "text": text, "source": f"Source{k}",
                                   "published": f"2024-{1 + s % 12:02d}-{1 + k:02d}", "desk": "world"}
            if with_story:
                rec["story"] = f"story-{s}"
            recs.append(rec)
    return recs


def _name(prefix: str, n: int) -> str:
    letters = ""
    while True:
        n, r = divmod(n, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[r]
        if n == 0:
            return prefix + letters


def write_jsonl(path: Path, records: list[Any], *, raw_lines: dict[int, bytes] | None = None) -> Path:
    """Write records one a line; ``raw_lines`` inserts literal bad lines before index i."""
    lines = []
    for i, rec in enumerate(records):
        if raw_lines and i in raw_lines:
            lines.append(raw_lines[i])
        lines.append(json.dumps(rec).encode())
    data = b"\n".join(lines) + b"\n"
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(data))
    elif path.suffix == ".zst":
        import zstandard

        path.write_bytes(zstandard.ZstdCompressor().compress(data))
    else:
        path.write_bytes(data)
    return path


def db_rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return sorted(conn.execute(sql).fetchall(), key=repr)
    finally:
        conn.close()


def findings_of(db: Path) -> list[tuple[Any, ...]]:
    return db_rows(db, "SELECT scope, code, json FROM findings")


@pytest.fixture
def python() -> str:
    return sys.executable
