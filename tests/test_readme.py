"""The README stays true: its set-up commands, its library example and its quick-start output."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S)


def test_readme_opens_with_the_two_setup_commands_and_ci_runs_the_second():
    first = _blocks("sh")[0].strip().splitlines()
    assert first == [
        "pip install . && figcheck check corpus/examples/troops.md",
        "pip install -e '.[test]' && pytest",
    ]
    assert README.index("```sh") < README.index("\n## ")
    assert first[1] in (ROOT / ".ci" / "run").read_text()


def test_library_example_prints_what_it_says():
    code = _blocks("python")[0]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    printed = out.getvalue()
    assert "Approximately 10,000 to 12,000 10000 12000 range troop" in printed
    assert printed.splitlines()[1].startswith("FC111 ")
    assert "148" in printed and "more than 200" in printed


def test_quick_start_output_matches_the_readme():
    from figcheck.cli import cli

    shown = [
        line for line in _blocks("text")[0].splitlines() if line.startswith("corpus/examples/")
    ]
    result = CliRunner().invoke(cli, ["check", "corpus/examples/troops.md"], catch_exceptions=False)
    assert result.exit_code == 1
    assert [ln for ln in result.stdout.splitlines() if ln.strip()] == shown
