"""The end-of-run summary of bad records names the file and line of each kind, and the
messages are whole sentences."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import subprocess_env


def test_bad_record_summary_names_file_and_line(tmp_path: Path) -> None:
    arch = tmp_path / "a.jsonl"
    arch.write_bytes(
        b'{"id": "ok", "text": "Officials said 5 ships arrived."}\n'
        b'{"id": "ctl", "text": "raw \x01 control"}\n'
        b'{broken\n'
        b'{"id": "ok2", "text": "Officials said 6 ships arrived."}\n'
        b'{broken again\n'
        b'[]\n'
    )
    r = subprocess.run([sys.executable, "-m", "figcheck", "batch", str(arch), "--db",
                        str(tmp_path / "f.db"), "-q", "-j", "1"], capture_output=True, text=True,
                       env=subprocess_env(), timeout=120, check=False)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    summary = lines[lines.index(next(x for x in lines if x.startswith("bad records by"))) + 1:]
    by_message = {x.split("  at ")[0].split(None, 1)[1]: x.split("  at ")[1] for x in summary if x}
    assert by_message == {
        "malformed JSON (Expecting property name enclosed in double quotes)":
            f"{arch}:3, {arch}:5",
        "malformed JSON (Invalid control character in a string)": f"{arch}:2",
        "record is list, expected an object": f"{arch}:6",
    }, r.stdout


def test_many_bad_records_name_the_first_ones(tmp_path: Path) -> None:
    arch = tmp_path / "a.jsonl"
    arch.write_text("".join("{x\n" for _ in range(7)), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "figcheck", "batch", str(arch), "--db",
                        str(tmp_path / "f.db"), "-q", "-j", "1"], capture_output=True, text=True,
                       env=subprocess_env(), timeout=120, check=False)
    assert r.returncode == 0, r.stderr
    assert f"  at {arch}:1, {arch}:2, {arch}:3 and 4 more" in r.stdout, r.stdout


def test_report_names_the_first_bad_record_of_each_message(tmp_path: Path) -> None:
    arch = tmp_path / "a.jsonl"
    arch.write_text('{"id": "ok", "text": "Officials said 5 ships arrived."}\n{x\n[]\n{y\n',
                    encoding="utf-8")
    db = tmp_path / "f.db"
    for args in (["batch", str(arch), "--db", str(db), "-q", "-j", "1"], ["report", "--db", str(db)]):
        r = subprocess.run([sys.executable, "-m", "figcheck", *args], capture_output=True,
                           text=True, env=subprocess_env(), timeout=120, check=False)
        assert r.returncode == 0, r.stderr
    assert (f"2  malformed JSON (Expecting property name enclosed in double quotes) "
            f"(first at {arch}:2)") in r.stdout, r.stdout
    assert f"1  record is list, expected an object (first at {arch}:3)" in r.stdout


def test_malformed_json_reasons_are_whole() -> None:
    import json

    import pytest

    from figcheck.inputs import malformed_json

    for text, reason in [('{"a": "x\x01"}', "Invalid control character in a string"),
                         ('{"a": "x', "Unterminated string"),
                         ('{a', "Expecting property name enclosed in double quotes"),
                         ('{"a": 1} x', "Extra data")]:
        with pytest.raises(json.JSONDecodeError) as info:
            json.loads(text)
        assert malformed_json(info.value) == f"malformed JSON ({reason})"
