"""``figcheck batch`` and ``figcheck report`` through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from figcheck.cli import cli as main

from .conftest import story_records, write_jsonl
from .fake_toolkit import SPEC


@pytest.fixture
def built(tmp_path: Path) -> Path:
    arch = write_jsonl(tmp_path / "a.jsonl", story_records(6), raw_lines={2: b"{bad json"})
    db = tmp_path / "f.db"
    result = CliRunner().invoke(main, ["batch", str(arch), "--db", str(db), "--jobs", "1",
                                       "--toolkit", SPEC])
    assert result.exit_code == 0, result.output
    return db


def test_batch_summary_and_plain_progress_lines(tmp_path: Path) -> None:
    arch = write_jsonl(tmp_path / "a.jsonl", story_records(4), raw_lines={1: b"{bad"})
    runner = CliRunner()
    result = runner.invoke(main, ["batch", str(arch), "--db", str(tmp_path / "f.db"), "-j", "1",
                                  "--toolkit", SPEC])
    assert result.exit_code == 0
    assert "12 documents processed" in result.stdout
    assert "4 within-article" not in result.stdout and "2 within-article" in result.stdout
    assert "malformed JSON" in result.stdout  # bad records summarised at the end
    # not a terminal: plain log lines, no carriage returns or escape codes
    assert "documents: 13/13 (100%)" in result.stderr
    assert "\r" not in result.stderr and "\x1b" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["batch", "missing.jsonl", "--db", "x.db"], "no such file", id="missing-input"),
        pytest.param(["batch", "-", "--db", "x.db"], "not standard input", id="stdin"),
        pytest.param(["batch", ".", "--db", "x.db", "--scheduler", "tcp://h:1"], "--engine dask",
                     id="scheduler-without-dask"),
        pytest.param(["report", "--db", "missing.db"], "no such database", id="report-missing-db"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.dask
@pytest.mark.parametrize("address", ["tcp://127.0.0.1:9", "nonsense://host:1"],
                         ids=["nothing-listening", "bad-address"])
def test_unreachable_scheduler_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, address: str
) -> None:
    pytest.importorskip("distributed")
    from figcheck.batch import dask_engine

    monkeypatch.setattr(dask_engine, "SCHEDULER_TIMEOUT", "2s")
    arch = write_jsonl(tmp_path / "a.jsonl", story_records(1))
    result = CliRunner().invoke(main, ["batch", str(arch), "--db", str(tmp_path / "f.db"),
                                       "--engine", "dask", "--scheduler", address])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"cannot reach the dask scheduler at {address}" in lines[0]
    assert "Traceback" not in result.output


def test_report_text(built: Path) -> None:
    result = CliRunner().invoke(main, ["report", "--db", str(built)])
    assert result.exit_code == 0
    for heading in ("Findings by code", "Findings by source", "Findings by desk", "Findings by month"):
        assert heading in result.stdout
    assert "FC902 (cross, warning)" in result.stdout


def test_report_jsonl_exports_every_finding(built: Path) -> None:
    import sqlite3

    result = CliRunner().invoke(main, ["report", "--db", str(built), "--format", "jsonl"])
    assert result.exit_code == 0
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    n = sqlite3.connect(built).execute("SELECT count(*) FROM findings").fetchone()[0]
    assert len(lines) == n > 0
    assert {"code", "scope", "claims", "message"} <= set(lines[0])
    assert isinstance(lines[0]["claims"][0]["value"]["low"], int)  # numbers as JSON numbers


def test_report_html(built: Path, tmp_path: Path) -> None:
    pytest.importorskip("figcheck.formats.html")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", "--db", str(built), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text()
    assert page.startswith("<!DOCTYPE html>") and "FC902" in page


class _Tty:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, s: str) -> None:
        self.parts.append(s)

    def flush(self) -> None:
        pass


def test_progress_bar_on_a_terminal_shows_done_rate_and_eta() -> None:
    from figcheck.cli.batch import ProgressView

    out = _Tty()
    view = ProgressView(out, tty=True)  # type: ignore[arg-type]
    view("documents", 0, 1000)
    view.last = 0.0  # as if the refresh interval had passed
    view("documents", 250, 1000)
    view("documents", 1000, 1000)
    view.end()
    text = "".join(out.parts)
    assert "\r" in text and text.endswith("\n")
    assert "[######" in text and "250/1,000 (25%)" in text and "ETA" in text
    assert "docs/s" in text and "1,000/1,000 (100%)" in text
