"""A file named twice on the command line is read once: its findings are not reported twice."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest


@pytest.fixture
def copy(tmp_path: Path, troops: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "copy"
    folder.mkdir()
    troops.rename(folder / "t.md")
    (folder / "other.md").write_text("# Calm\n\nNothing 1 to see.\n", encoding="utf-8")
    os.symlink("t.md", folder / "link.md")
    return folder


@pytest.mark.parametrize(
    ("args", "documents"),
    [
        pytest.param(["copy/t.md"], ["copy/t.md"], id="once"),
        pytest.param(["copy/t.md", "copy/t.md"], ["copy/t.md"], id="twice"),
        pytest.param(["copy/t.md", "./copy/t.md", "copy/../copy/t.md"], ["copy/t.md"],
                     id="spelt-differently"),
        pytest.param(["copy/link.md", "copy/t.md"], ["copy/link.md"], id="symbolic-link-first"),
        pytest.param(["copy/t.md", "copy"], ["copy/t.md", "copy/other.md"], id="file-then-folder"),
        pytest.param(["copy", "copy/t.md", "copy"], ["copy/link.md", "copy/other.md"],
                     id="folder-then-file"),
    ],
)
def test_a_file_given_twice_is_read_once(run_cli, copy: Path, args: list[str],
                                         documents: list[str]) -> None:
    result = run_cli("check", "--preview", "--format", "json", *args)
    report = json.loads(result.stdout)
    assert [d["id"] for d in report["documents"]] == documents
    codes = sorted(f["code"] for f in report["findings"])
    assert codes == ["FC201", "FC205"]  # troops.md's two findings (FC201 preview), once
    assert result.exit_code == 1


def test_text_output_lists_each_finding_once(run_cli, copy: Path) -> None:
    once = run_cli("check", "--preview", "copy/t.md")  # troops.md: FC201 (preview) and FC205
    twice = run_cli("check", "--preview", "copy/t.md", "copy/t.md")
    assert twice.stdout == once.stdout and len(once.stdout.splitlines()) == 2
    assert twice.stderr == once.stderr == "Found 2 findings (2 warnings) in 1 document.\n"
