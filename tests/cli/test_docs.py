"""docs/cli.md's examples run, and the pre-commit hook definition is well formed."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def test_library_example_runs_and_underlines() -> None:
    [code] = re.findall(r"```python\n(.*?)```", DOC, re.DOTALL)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        namespace: dict[str, object] = {}
        exec(compile(code, "docs/cli.md", "exec"), namespace)  # noqa: S102 - the documented example
    printed = out.getvalue()
    report = namespace["report"]
    assert report.findings  # type: ignore[attr-defined]
    for finding in report.findings:  # type: ignore[attr-defined]
        assert f"{finding.code} ({finding.severity}): {finding.message}" in printed
    carets = [line for line in printed.splitlines() if set(line.strip()) == {"^"}]
    texts = [c.text for f in report.findings for c in f.claims]  # type: ignore[attr-defined]
    assert [len(line.strip()) for line in carets] == [len(t) for t in texts]
    assert namespace["sarif"]["version"] == "2.1.0"  # type: ignore[index]


def test_documented_output_has_the_documented_shape(run_cli, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    [block] = re.findall(r"```text\n(.*?)```", DOC, re.DOTALL)
    documented = {line.split(": ", 1)[1].split()[0] for line in block.splitlines()}
    actual = run_cli("check", "corpus/examples/troops.md").stdout.splitlines()
    assert documented <= {line.split(": ", 1)[1].split()[0] for line in actual}
    for line in block.splitlines() + actual:
        assert re.match(r"^corpus/examples/troops\.md:\d+:\d+: FC\d{3} .+ \[“.+\)\]$", line)


def test_documented_settings_are_the_real_ones(tmp_path: Path) -> None:
    from figcheck.cli.configfile import resolve

    [toml] = re.findall(r"```toml\n(.*?)```", DOC, re.DOTALL)
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    config = resolve(tmp_path).config
    assert config.fail_on == "error" and config.severity == {"FC201": "error"}


def test_documented_options_exist() -> None:
    from figcheck.cli.check import check

    names = {opt for p in check.params for opt in getattr(p, "opts", [])}
    for option in re.findall(r"`(--[a-z-]+)", DOC):
        if option in ("--format", "--output-file", "--select", "--ignore", "--severity",
                      "--fail-on", "--exit-zero", "--statistics", "--stdin-filename", "--against",
                      "--tolerance", "--stories", "--config", "--isolated", "--quiet"):
            assert option in names, option


def test_pre_commit_hook() -> None:
    yaml = pytest.importorskip("yaml")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [hook] = hooks
    assert hook["id"] == "figcheck" and hook["language"] == "python"
    assert hook["entry"].split() == ["figcheck", "check"]
    files = re.compile(hook["files"])
    for name in ("copy/draft.md", "a.txt", "page.html", "story.htm", "notes.markdown"):
        assert files.search(name)
    for name in ("photo.png", "script.py", "package.json", "tsconfig.json", "feed.jsonl"):
        assert not files.search(name)  # JSON in a repository is rarely article records


def test_pre_commit_json_opt_in_documented(run_cli, tmp_path: Path, monkeypatch) -> None:
    """Why JSON is opt-in (a package.json fails the check), and the documented override works."""
    yaml = pytest.importorskip("yaml")
    monkeypatch.chdir(tmp_path)
    Path("package.json").write_text('{"name": "site", "version": "1.0.0"}', encoding="utf-8")
    result = run_cli("check", "package.json")
    assert result.exit_code == 2 and "no 'text'" in result.stderr
    snippet = DOC.split("add them with `files:`")[1].split("```yaml")[1].split("```")[0]
    [hook] = yaml.safe_load(snippet)
    files = re.compile(hook["files"])
    for name in ("copy/a.md", "records/2024/feed.jsonl", "records/list.json"):
        assert files.search(name), name
    for name in ("package.json", "web/tsconfig.json", "copy/a.py"):
        assert not files.search(name), name
