"""Preview rules (ruff's pattern, issue 11): a code whose worth real text has not shown yet runs
only with preview on -- ``figcheck check --preview``, ``preview = true`` in the configuration
file, ``figcheck.check(..., preview=True)`` -- and its findings say so.  Everything here runs the
real parser and comparator on one-sentence drafts that fire each arithmetic code."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

import figcheck
from figcheck.compare import rules

FIRES: dict[str, str] = {
    "FC201": "Sales rose from 40 million to 50 million, a 40% rise.",
    "FC202": "Turnout was 62%, with 3.1 million of the 4 million registered voters casting a ballot.",
    "FC203": "The 120 victims included 80 adults and 55 children.",
    "FC204": "The number of students doubled from 40 to 60 last year.",
    "FC205": "The storm moved 5 miles (12 km) inland.",
}
"""A draft in which the comparator reports exactly this code (checked below, preview on)."""

PREVIEW = [c for c in FIRES if rules.is_preview(c)]
STABLE = [c for c in FIRES if not rules.is_preview(c)]

RunCli = Callable[..., Result]


def _draft(tmp_path: Path, code: str, name: str = "draft.md") -> Path:
    path = tmp_path / name
    path.write_text(FIRES[code] + "\n", encoding="utf-8")
    return path


def _codes(result: Result) -> list[str]:
    return [f["code"] for f in json.loads(result.stdout)["findings"]]


# --- the registry ------------------------------------------------------------------------------

def test_every_rule_has_a_status_and_evidence() -> None:
    for r in rules.RULES:
        assert r.status in rules.STATUSES, r.code
        assert len(r.evidence) > 20 and "TBD" not in r.evidence, r.code
        assert r.preview == (r.status == "preview")
    assert rules.PREVIEW_CODES == tuple(r.code for r in rules.RULES if r.status == "preview")


def test_the_core_codes_are_stable() -> None:
    """Contradictions and updates stay stable while their precision is worked on (the registry's
    docstring); their evidence gives their real numbers."""
    for code in ("FC101", "FC102", "FC111", "FC121", "FC301"):
        assert not rules.is_preview(code)


def test_graduation_rule_is_written_down() -> None:
    doc = rules.__doc__ or ""
    assert "Graduation" in doc and "bench/realnews.py --split dev" in doc
    assert 0 < rules.MIN_PLANTED_RECALL <= 1 and 0 < rules.MIN_PRECISION <= 1
    assert rules.MIN_EXAMPLES >= 10


@pytest.mark.parametrize("code", list(FIRES))
def test_each_draft_fires_its_code_with_preview_on(code: str) -> None:
    report = figcheck.check([FIRES[code]], preview=True)
    assert [f.code for f in report.findings] == [code]
    assert report.findings[0].preview == rules.is_preview(code)


def test_there_is_a_preview_and_a_stable_arithmetic_code() -> None:
    assert PREVIEW and STABLE  # what the tests below exercise


# --- the library ------------------------------------------------------------------------------

@pytest.mark.parametrize("code", PREVIEW)
def test_library_drops_preview_codes_by_default(code: str) -> None:
    assert figcheck.check([FIRES[code]]).findings == ()
    assert figcheck.check([FIRES[code]], figcheck.Config()).findings == ()
    on = figcheck.check([FIRES[code]], figcheck.Config(preview=True)).findings
    assert [(f.code, f.preview) for f in on] == [(code, True)]
    assert figcheck.check([FIRES[code]], preview=True).findings == on
    # either switch turns it on; preview=False does not turn a config's preview off
    assert figcheck.check([FIRES[code]], figcheck.Config(preview=True), preview=False).findings == on


@pytest.mark.parametrize("code", STABLE)
def test_library_reports_stable_codes_unmarked(code: str) -> None:
    found = figcheck.check([FIRES[code]]).findings
    assert [(f.code, f.preview) for f in found] == [(code, False)]
    assert "preview" not in found[0].model_dump(mode="json")  # JSON as before for stable codes


def test_preview_flag_round_trips_through_json() -> None:
    f = figcheck.check([FIRES[PREVIEW[0]]], preview=True).findings[0]
    data = f.model_dump(mode="json")
    assert data["preview"] is True
    assert figcheck.Finding.model_validate(data) == f


def test_config_preview_is_a_strict_bool() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        figcheck.Config(preview="yes")  # type: ignore[arg-type]


# --- figcheck check -----------------------------------------------------------------------------

@pytest.mark.parametrize("code", PREVIEW)
def test_check_reports_preview_codes_only_with_preview(run_cli: RunCli, tmp_path: Path,
                                                       code: str) -> None:
    draft = _draft(tmp_path, code)
    off = run_cli("check", "--isolated", str(draft))
    assert off.exit_code == 0 and off.stdout == ""
    assert "No findings in 1 document." in off.stderr
    on = run_cli("check", "--isolated", "--preview", str(draft))
    assert on.exit_code == 1
    assert f": {code} (preview) " in on.stdout  # text output marks it
    js = run_cli("check", "--isolated", "--preview", "-f", "json", str(draft))
    assert [(f["code"], f["preview"]) for f in json.loads(js.stdout)["findings"]] == [(code, True)]
    lines = run_cli("check", "--isolated", "--preview", "-f", "jsonl", str(draft))
    assert json.loads(lines.stdout)["preview"] is True
    gh = run_cli("check", "--isolated", "--preview", "-f", "github", str(draft))
    assert f"title=figcheck {code} (preview)" in gh.stdout
    sarif = json.loads(run_cli("check", "--isolated", "--preview", "-f", "sarif",
                               str(draft)).stdout)
    result = sarif["runs"][0]["results"][0]
    assert result["properties"]["preview"] is True
    rule = sarif["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]]
    assert "preview" in rule["properties"]["tags"]
    page = run_cli("check", "--isolated", "--preview", "-f", "html", str(draft)).stdout
    assert "confidence" in page and page.count("· preview rule") == 1
    assert "preview rule" not in run_cli("check", "--isolated", "-f", "html", str(draft)).stdout
    stats = run_cli("check", "--isolated", "--preview", "--statistics", str(draft))
    assert f"{code}  {rules.get(code).name} (preview)" in stats.stdout


@pytest.mark.parametrize("code", STABLE)
def test_check_stable_code_output_unchanged_by_preview(run_cli: RunCli, tmp_path: Path,
                                                       code: str) -> None:
    draft = _draft(tmp_path, code)
    off = run_cli("check", "--isolated", "-f", "json", str(draft))
    on = run_cli("check", "--isolated", "--preview", "-f", "json", str(draft))
    assert _codes(off) == [code] and off.stdout == on.stdout
    assert '"preview"' not in off.stdout
    text = run_cli("check", "--isolated", str(draft))
    assert f": {code} " in text.stdout and "(preview)" not in text.stdout


def test_selecting_a_preview_code_without_preview_warns_once(run_cli: RunCli,
                                                             tmp_path: Path) -> None:
    code = PREVIEW[0]
    draft = _draft(tmp_path, code)
    result = run_cli("check", "--isolated", "--select", code, str(draft))
    assert result.exit_code == 0 and result.stdout == ""
    warnings = [ln for ln in result.stderr.splitlines() if ln.startswith("figcheck: warning:")]
    assert warnings == [
        f"figcheck: warning: selecting {code} has no effect because preview is not enabled "
        f"({code} is a preview rule; turn preview on with --preview or 'preview = true', see "
        "'figcheck rules')"]
    on = run_cli("check", "--isolated", "--select", code, "--preview", str(draft))
    assert on.exit_code == 1 and "figcheck: warning" not in on.stderr
    assert f": {code} (preview) " in on.stdout
    quiet = run_cli("check", "--isolated", "--select", code, "-q", str(draft))
    assert quiet.stderr == ""


def test_a_prefix_with_stable_codes_selects_them_silently(run_cli: RunCli, tmp_path: Path) -> None:
    stable, preview = STABLE[0], PREVIEW[0]
    draft = tmp_path / "both.md"
    draft.write_text(f"{FIRES[stable]}\n\n{FIRES[preview]}\n", encoding="utf-8")
    off = run_cli("check", "--isolated", "--select", "FC2", "-f", "json", str(draft))
    assert _codes(off) == [stable] and "figcheck: warning" not in off.stderr
    on = run_cli("check", "--isolated", "--select", "FC2", "--preview", "-f", "json", str(draft))
    assert sorted(_codes(on)) == sorted([stable, preview])


def test_config_file_turns_preview_on_and_the_command_line_wins(run_cli: RunCli,
                                                                tmp_path: Path) -> None:
    code = PREVIEW[0]
    draft = _draft(tmp_path, code)
    (tmp_path / "figcheck.toml").write_text("preview = true\n", encoding="utf-8")
    on = run_cli("check", "-f", "json", str(draft))
    assert _codes(on) == [code]
    off = run_cli("check", "--no-preview", "-f", "json", str(draft))
    assert _codes(off) == []
    shown = json.loads(run_cli("show-config", str(draft), "-f", "json").stdout)
    assert shown["settings"]["preview"]["value"] is True
    assert shown["settings"]["preview"]["source"] == "figcheck.toml" or shown["settings"][
        "preview"]["source"].endswith("figcheck.toml")


def test_pyproject_preview_and_a_bad_value(run_cli: RunCli, tmp_path: Path) -> None:
    code = PREVIEW[0]
    draft = _draft(tmp_path, code)
    (tmp_path / "pyproject.toml").write_text("[tool.figcheck]\npreview = true\n",
                                             encoding="utf-8")
    assert _codes(run_cli("check", "-f", "json", str(draft))) == [code]
    (tmp_path / "pyproject.toml").write_text('[tool.figcheck]\npreview = "yes"\n',
                                             encoding="utf-8")
    bad = run_cli("check", str(draft))
    assert bad.exit_code == 2
    assert "bad value for 'preview'" in bad.stderr and bad.stderr.count("\n") == 1


def test_config_select_of_a_preview_code_warns(run_cli: RunCli, tmp_path: Path) -> None:
    code = PREVIEW[0]
    draft = _draft(tmp_path, code)
    (tmp_path / "figcheck.toml").write_text(f'select = ["{code}"]\n', encoding="utf-8")
    result = run_cli("check", str(draft))
    assert f"warning: selecting {code} has no effect" in result.stderr
    (tmp_path / "figcheck.toml").write_text(f'select = ["{code}"]\npreview = true\n',
                                            encoding="utf-8")
    result = run_cli("check", str(draft))
    assert "figcheck: warning" not in result.stderr and result.exit_code == 1


def test_per_file_settings_decide_preview_per_file(run_cli: RunCli, tmp_path: Path) -> None:
    code = PREVIEW[0]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, b = _draft(tmp_path / "a", code), _draft(tmp_path / "b", code)
    (tmp_path / "a" / "figcheck.toml").write_text("preview = true\n", encoding="utf-8")
    for args in ((str(a), str(b)), (str(b), str(a))):
        found = json.loads(run_cli("check", "--stories", "field", "-f", "json", *args).stdout)
        assert [f["claims"][0]["doc"] for f in found["findings"]] == [str(a)]


def test_suppressing_a_preview_code_is_not_unused_while_preview_is_off(run_cli: RunCli,
                                                                       tmp_path: Path) -> None:
    code = PREVIEW[0]
    draft = tmp_path / "s.md"
    draft.write_text(f"<!-- figcheck: ignore[{code}] -->\n{FIRES[code]}\n", encoding="utf-8")
    off = run_cli("check", "--isolated", "-f", "json", str(draft))
    assert _codes(off) == []  # the rule did not run: no FC301 for its suppression
    on = run_cli("check", "--isolated", "--preview", "-f", "json", str(draft))
    assert _codes(on) == []  # it ran and the comment suppressed it


def test_check_help_teaches_preview(run_cli: RunCli) -> None:
    out = run_cli("check", "--help").stdout
    assert "--preview / --no-preview" in out and "figcheck check --preview" in out


# --- figcheck rules -----------------------------------------------------------------------------

def test_rules_lists_status_and_evidence(run_cli: RunCli) -> None:
    text = run_cli("rules").stdout
    for r in rules.RULES:
        assert f"{r.code}  {r.name}  ({r.kind}, {r.scope}, default {r.severity}, {r.status})" in text
        assert f"    evidence: {r.evidence}" in text
    as_json = json.loads(run_cli("rules", "-f", "json").stdout)
    assert {(r["code"], r["status"], r["evidence"]) for r in as_json} == {
        (r.code, r.status, r.evidence) for r in rules.RULES}
    only = json.loads(run_cli("rules", "--status", "preview", "-f", "json").stdout)
    assert [r["code"] for r in only] == list(rules.PREVIEW_CODES)
    stable = run_cli("rules", "FC2", "--status", "stable").stdout
    assert all(f"{c}  " in stable for c in STABLE) and not any(f"{c}  " in stable for c in PREVIEW)


def test_rules_status_matching_nothing_is_an_error(run_cli: RunCli) -> None:
    result = run_cli("rules", "FC301", "--status", "preview")  # FC301 is stable (above)
    assert result.exit_code == 2
    assert result.stderr == ("figcheck: error: no finding code matches FC301 with status "
                             "preview (see 'figcheck rules')\n")
