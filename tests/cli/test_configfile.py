"""Configuration discovery, precedence, errors, and show-config."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from figcheck.cli.configfile import ConfigError, resolve


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("files", "start", "expected_file", "fail_on"),
    [
        pytest.param({"pyproject.toml": '[tool.figcheck]\nfail-on = "error"\n'}, "a/b",
                     "pyproject.toml", "error", id="pyproject-two-levels-up"),
        pytest.param({"pyproject.toml": '[project]\nname = "x"\n'}, ".", None, "warning",
                     id="pyproject-without-table-ignored"),
        pytest.param({"figcheck.toml": 'fail-on = "info"\n',
                      "pyproject.toml": '[tool.figcheck]\nfail-on = "error"\n'}, ".",
                     "figcheck.toml", "info", id="figcheck-toml-wins-same-dir"),
        pytest.param({"figcheck.toml": 'fail-on = "info"\n',
                      "a/pyproject.toml": '[tool.figcheck]\nfail_on = "error"\n'}, "a",
                     "a/pyproject.toml", "error", id="nearest-wins"),
        pytest.param({".figcheck.toml": 'fail-on = "error"\n'}, "a", ".figcheck.toml", "error",
                     id="hidden-file"),
    ],
)
def test_discovery(tmp_path: Path, files: dict[str, str], start: str,
                   expected_file: str | None, fail_on: str) -> None:
    for name, text in files.items():
        write(tmp_path / name, text)
    (tmp_path / start).mkdir(parents=True, exist_ok=True)
    resolved = resolve(tmp_path / start)
    assert resolved.config.fail_on == fail_on
    if expected_file is None:
        assert resolved.file is None or not str(resolved.file).startswith(str(tmp_path))
    else:
        assert resolved.file == tmp_path / expected_file


def test_precedence_and_sources(tmp_path: Path) -> None:
    write(tmp_path / "figcheck.toml",
          'tolerance = 0.2\nselect = ["FC1"]\n[severity]\nFC101 = "error"\n')
    resolved = resolve(tmp_path, overrides={"select": (("FC2",), "--select"),
                                            "severity": ({"FC201": "info"}, "--severity")})
    c = resolved.config
    assert str(c.tolerance) == "0.2" and c.select == ("FC2",)
    assert c.severity == {"FC101": "error", "FC201": "info"}
    assert resolved.sources["tolerance"].endswith("figcheck.toml")
    assert resolved.sources["select"] == "--select"
    assert resolved.sources["severity"].endswith("figcheck.toml + --severity")
    assert resolved.sources["stories"] == "default"


def test_isolated_and_explicit(tmp_path: Path) -> None:
    write(tmp_path / "figcheck.toml", 'fail-on = "info"\n')
    other = write(tmp_path / "elsewhere" / "ci.toml", 'fail-on = "error"\n')
    assert resolve(tmp_path, isolated=True).config.fail_on == "warning"
    assert resolve(tmp_path, config_path=str(other)).config.fail_on == "error"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("bogus = 1\n", "unknown setting 'bogus'", id="unknown-key"),
        pytest.param("bogus = 1\nother = 2\n", "unknown settings 'bogus', 'other'", id="two-keys"),
        pytest.param('select = ["FC999"]\n', "unknown finding code or prefix 'FC999' in 'select'",
                     id="unknown-code"),
        pytest.param('ignore = ["ZZ"]\n', "'ZZ' in 'ignore'", id="unknown-prefix"),
        pytest.param('[severity]\nFC1 = "error"\n', "unknown finding code 'FC1' in 'severity'",
                     id="severity-needs-full-code"),
        pytest.param('[severity]\nFC101 = "fatal"\n', "bad value for 'severity.FC101'",
                     id="bad-severity"),
        pytest.param("tolerance = 2\n", "bad value for 'tolerance'", id="tolerance-range"),
        pytest.param('stories = "sometimes"\n', "bad value for 'stories'", id="bad-stories"),
        pytest.param("fail-on = \n", "invalid TOML", id="bad-toml"),
    ],
)
def test_errors_name_the_problem(tmp_path: Path, text: str, message: str) -> None:
    write(tmp_path / "figcheck.toml", text)
    with pytest.raises(ConfigError) as err:
        resolve(tmp_path)
    assert message in str(err.value)
    assert "figcheck.toml" in str(err.value)


def test_config_errors_exit_2_in_check(run_cli, article: Path) -> None:
    write(article.parent / "pyproject.toml", "[tool.figcheck]\nselct = ['FC1']\n")
    result = run_cli("check", str(article))
    assert result.exit_code == 2
    assert "unknown setting 'selct'" in result.stderr
    assert run_cli("check", "--isolated", str(article)).exit_code == 1
    missing = run_cli("check", "--config", str(article.parent / "nope.toml"), str(article))
    assert missing.exit_code == 2 and "no such configuration file" in missing.stderr


def test_config_file_drives_check(run_cli, article: Path) -> None:
    write(article.parent / "figcheck.toml", 'ignore = ["FC2"]\nfail-on = "error"\n')
    result = run_cli("check", str(article))
    assert [line.split()[1] for line in result.stdout.splitlines()] == ["FC102"]
    assert result.exit_code == 1  # FC102 is an error
    override = run_cli("check", "--preview", "--fail-on", "warning", "--ignore", "FC1",
                       str(article))
    # command-line options replace the file's value (they do not add to it)
    assert [line.split()[1] for line in override.stdout.splitlines()] == ["FC201", "FC205"]
    assert override.exit_code == 1
    only_warnings = run_cli("check", "--ignore", "FC1", str(article))  # the file's fail-on: error
    assert only_warnings.exit_code == 0 and len(only_warnings.stdout.splitlines()) == 1  # FC205


def test_show_config(run_cli, tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.figcheck]\nstories = "field"\n')
    text = run_cli("show-config", str(tmp_path)).stdout
    assert f"# configuration file: {tmp_path / 'pyproject.toml'}" in text
    assert any(line.startswith("stories ") and '"field"' in line and "[tool.figcheck]" in line
               for line in text.splitlines())
    data = json.loads(run_cli("show-config", str(tmp_path), "--format", "json").stdout)
    assert data["settings"]["stories"]["value"] == "field"
    assert data["settings"]["fail-on"] == {"value": "warning", "source": "default"}
    assert run_cli("show-config", "--isolated", str(tmp_path), "--format", "json").exit_code == 0
