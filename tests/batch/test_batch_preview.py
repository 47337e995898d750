"""``figcheck batch --preview`` (and ``preview = true``): the findings of preview rules go into
the SQLite file only with preview on, marked as preview.  Real parser and comparator, a real
database file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from figcheck.batch.store import finding_from_json
from figcheck.cli import cli as main
from figcheck.compare import rules

from .conftest import db_rows, write_jsonl

pytest.importorskip("figcheck.parser")

DRAFTS = {
    "FC201": "Sales rose from 40 million to 50 million, a 40% rise.",
    "FC202": "Turnout was 62%, with 3.1 million of the 4 million registered voters casting a ballot.",
    "FC203": "The 120 victims included 80 adults and 55 children.",
    "FC204": "The number of students doubled from 40 to 60 last year.",
    "FC205": "The storm moved 5 miles (12 km) inland.",
}


def _archive(tmp_path: Path) -> Path:
    recs = [{"id": code, "text": text, "source": "Wire", "published": "2024-03-0" + str(i + 1)}
            for i, (code, text) in enumerate(DRAFTS.items())]
    return write_jsonl(tmp_path / "a.jsonl", recs)


def _stored(db: Path) -> dict[str, bool]:
    out = {}
    for (js,) in db_rows(db, "SELECT json FROM findings"):
        f = finding_from_json(js)
        out[f.code] = f.preview
    return out


def _batch(*args: str) -> None:
    result = CliRunner().invoke(main, ["batch", *args, "--jobs", "1", "-q"])
    assert result.exit_code == 0, result.output


def test_batch_stores_preview_findings_only_with_preview(tmp_path: Path) -> None:
    arch = _archive(tmp_path)
    off, on = tmp_path / "off.db", tmp_path / "on.db"
    _batch(str(arch), "--db", str(off), "--isolated")
    _batch(str(arch), "--db", str(on), "--isolated", "--preview")
    stable = {c for c in DRAFTS if not rules.is_preview(c)}
    assert _stored(off) == {c: False for c in stable}
    assert _stored(on) == {c: rules.is_preview(c) for c in DRAFTS}
    assert set(_stored(on)) - set(_stored(off)) == {c for c in DRAFTS if rules.is_preview(c)} != set()
    # the stored JSON says "preview" only for preview findings
    for (js,) in db_rows(on, "SELECT json FROM findings"):
        assert ('"preview"' in js) == rules.is_preview(json.loads(js)["code"])


def test_batch_reads_preview_from_the_config_file(tmp_path: Path) -> None:
    arch = _archive(tmp_path)
    cfg = tmp_path / "ci.toml"
    cfg.write_text("preview = true\n", encoding="utf-8")
    db = tmp_path / "c.db"
    _batch(str(arch), "--db", str(db), "--config", str(cfg))
    assert set(_stored(db)) == set(DRAFTS)


def test_batch_warns_about_a_preview_selection(tmp_path: Path) -> None:
    arch = _archive(tmp_path)
    code = rules.PREVIEW_CODES[0]
    cfg = tmp_path / "ci.toml"
    cfg.write_text(f'select = ["{code}"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(arch), "--db", str(tmp_path / "w.db"),
                                       "--config", str(cfg), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert f"figcheck: warning: selecting {code} has no effect" in result.stderr
