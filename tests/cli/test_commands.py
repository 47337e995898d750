"""The figcheck command through click's CliRunner: options, exit codes, errors."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from figcheck._version import __version__

from .conftest import ARTICLE

# --- top level -------------------------------------------------------------------------------


def test_version(run_cli) -> None:
    result = run_cli("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


@pytest.mark.parametrize("command", ["extract", "check", "schema", "rules", "show-config", "eval"])
def test_help_teaches_by_example(run_cli, command: str) -> None:
    result = run_cli(command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert f"figcheck {command}" in result.stdout


def test_top_level_help_lists_commands(run_cli) -> None:
    result = run_cli("--help")
    assert result.exit_code == 0
    for command in ("check", "extract", "schema", "rules", "show-config", "eval"):
        assert f"  {command} " in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["nonsense"], id="unknown-command"),
        pytest.param(["check"], id="no-path"),
        pytest.param(["check", "--format", "xml", "x.md"], id="unknown-format"),
        pytest.param(["check", "--fail-on", "fatal", "x.md"], id="bad-fail-on"),
        pytest.param(["check", "--severity", "FC101", "x.md"], id="severity-without-level"),
        pytest.param(["check", "--select", "FC999", "x.md"], id="unknown-code"),
        pytest.param(["check", "--ignore", "XY", "x.md"], id="unknown-prefix"),
        pytest.param(["check", "--severity", "FC9=error", "x.md"], id="unknown-severity-code"),
    ],
)
def test_usage_errors_exit_2(run_cli, args: list[str]) -> None:
    from figcheck.cli import main

    assert main(args) == 2


# --- input errors: one line naming the file (and line), exit 2, no traceback ---------------------

INPUT_ERRORS = [
    pytest.param("a.txt", b"\x00\x01\x02binary\x00", "looks like a binary file", id="binary"),
    # 0x81, 0x8d, 0x9d: neither UTF-8 nor Windows-1252 (0xe9 would be read as "é", with a notice)
    pytest.param("a.txt", b"caf\x81 12 people", "a.txt:1: invalid UTF-8 at byte 3", id="invalid-utf8"),
    pytest.param("a.md", b"# T\n\nok\ncaf\x8d", "a.md:4: invalid UTF-8 at byte 11",
                 id="invalid-utf8-line-4"),
    pytest.param("a.html", b"<p>\n\x9d</p>", "a.html:2: invalid UTF-8 at byte 4",
                 id="invalid-utf8-html"),
    pytest.param("a.jsonl", b'{"id": "x", "text": "ok 12"}\n{"id": "y"}\n', "a.jsonl:2", id="no-text"),
    pytest.param("a.jsonl", b'{"id": "x", "text": "ok"}\n{"id": \n', "a.jsonl:2", id="malformed-jsonl"),
    pytest.param("a.json", b'[{"id": "x",\n "text": }]', "a.json:2", id="malformed-json"),
    pytest.param("a.jsonl", b'{"text": "x", "published": "yesterday"}\n', "a.jsonl:1", id="bad-date"),
    pytest.param("a.json", b'[{"id": "x"}]', "a.json:1: item 0: record has no 'text'",
                 id="json-item-without-text"),
    pytest.param("a.json", b'[\n  {"id": "x", "text": "ok"},\n  {"id": "y"}\n]',
                 "a.json:3: item 1: record has no 'text'", id="pretty-json-item-without-text"),
    pytest.param("a.txt.gz", b"not gzip at all", "a.txt.gz", id="corrupt-gzip"),
    pytest.param("missing.md", None, "no such file", id="missing"),
]


@pytest.mark.parametrize("command", ["extract", "check"])
@pytest.mark.parametrize(("name", "content", "expected"), INPUT_ERRORS)
def test_input_errors(run_cli, tmp_path: Path, monkeypatch, command: str,
                      name: str, content: bytes | None, expected: str) -> None:
    monkeypatch.chdir(tmp_path)
    if content is not None:
        (tmp_path / name).write_bytes(content)
    result = run_cli(command, name)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    # one error line; the records read before or after it are still checked, and summarised
    errors = [line for line in lines if line.startswith("figcheck: error: ")]
    assert len(errors) == 1, result.stderr
    assert lines[1:] == [] or lines[1].startswith(("No findings in 1 document.", "Found "))
    assert expected in errors[0] and name.split(".")[0] in errors[0]
    assert "Traceback" not in result.stderr


def test_directory_without_inputs_is_an_error(run_cli, tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    result = run_cli("check", str(tmp_path))
    assert result.exit_code == 2
    assert "directory has no .txt, .md" in result.stderr


def test_directory_is_walked(run_cli, tmp_path: Path, troops: Path) -> None:
    copy = tmp_path / "copy"
    (copy / "b" / ".git").mkdir(parents=True)
    (copy / "b" / "z.md").write_text(troops.read_text(encoding="utf-8"), encoding="utf-8")
    (copy / "b" / ".git" / "x.md").write_text(troops.read_text(encoding="utf-8"), encoding="utf-8")
    (copy / "a.txt.gz").write_bytes(gzip.compress(b"Nothing to see."))
    (copy / "image.png").write_bytes(b"\x89PNG")
    result = run_cli("check", "--format", "json", str(copy))
    ids = [d["id"] for d in json.loads(result.stdout)["documents"]]
    assert ids == [str(copy / "a.txt.gz"), str(copy / "b" / "z.md")]


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl"])
def test_empty_file_is_an_empty_result(run_cli, tmp_path: Path, fmt: str) -> None:
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    result = run_cli("check", "--format", fmt, str(empty))
    assert result.exit_code == 0
    if fmt == "json":
        assert json.loads(result.stdout)["findings"] == []
    else:
        assert result.stdout == ""


# --- check: exit codes and selection -------------------------------------------------------------

def codes_in(stdout: str) -> list[str]:
    return [line.split(": ", 1)[1].split()[0] for line in stdout.splitlines() if line]


@pytest.mark.parametrize(
    ("args", "codes", "exit_code"),
    [
        pytest.param([], ["FC102", "FC201", "FC205"], 1, id="default"),
        pytest.param(["--exit-zero"], ["FC102", "FC201", "FC205"], 0, id="exit-zero"),
        pytest.param(["--fail-on", "error"], ["FC102", "FC201", "FC205"], 1, id="fail-on-error"),
        pytest.param(["--fail-on", "error", "--ignore", "FC102"], ["FC201", "FC205"], 0,
                     id="fail-on-error-no-errors"),
        pytest.param(["--select", "FC2"], ["FC201", "FC205"], 1, id="select-prefix"),
        pytest.param(["--select", "FC201,FC102"], ["FC102", "FC201"], 1, id="select-list"),
        pytest.param(["--select", "FC1", "--select", "FC205"], ["FC102", "FC205"], 1,
                     id="select-repeated"),
        pytest.param(["--ignore", "fc2"], ["FC102"], 1, id="ignore-lowercase"),
        pytest.param(["--select", "FC3"], [], 0, id="nothing-selected"),
        pytest.param(["--ignore", "FC1", "--severity", "FC201=info", "--severity", "FC205=info"],
                     ["FC201", "FC205"], 0, id="severity-override-lowers"),
        pytest.param(["--select", "FC2", "--severity", "FC205=error", "--fail-on", "error"],
                     ["FC201", "FC205"], 1, id="severity-override-raises"),
        pytest.param(["--fail-on", "info", "--select", "FC3"], [], 0, id="fail-on-info-clean"),
    ],
)
def test_check_exit_codes(run_cli, article: Path, args: list[str], codes: list[str],
                          exit_code: int) -> None:
    result = run_cli("check", "--preview", *args, str(article))  # FC201 is a preview rule
    assert result.exit_code == exit_code, result.output
    assert codes_in(result.stdout) == codes


def test_severity_override_shows_in_json(run_cli, article: Path) -> None:
    result = run_cli("check", "--preview", "--format", "json", "--severity", "FC201=error",
                     str(article))
    severities = {f["code"]: f["severity"] for f in json.loads(result.stdout)["findings"]}
    assert severities == {"FC102": "error", "FC201": "error", "FC205": "warning"}


def test_text_line_quotes_both_figures_with_positions(run_cli, article: Path) -> None:
    result = run_cli("check", str(article))
    first = result.stdout.splitlines()[0]
    assert first == (f"{article}:1:21: FC102 The headline says 12,000 troops; paragraph 1 says "
                     "10,000 troops. [“12,000” (1:21) vs “10,000” (3:22)]")
    assert "\x1b[" not in result.stdout  # not a terminal: plain


def test_summary_on_stderr_and_quiet(run_cli, article: Path) -> None:
    loud = run_cli("check", "--preview", str(article))
    assert loud.stderr == "Found 3 findings (1 error, 2 warnings) in 1 document.\n"
    quiet = run_cli("check", "--preview", "--quiet", str(article))
    assert quiet.stderr == ""
    assert quiet.stdout == loud.stdout


def test_statistics(run_cli, tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(ARTICLE + "\nA second column covered 30 kilometres (40 miles) on Sunday.\n",
                     encoding="utf-8")
    result = run_cli("check", "--preview", "--statistics", str(draft))
    assert result.stdout.splitlines() == [
        "    2  FC205  conversion-mismatch",
        "    1  FC102  headline-conflict",
        "    1  FC201  percent-change-mismatch (preview)",
    ]
    assert result.exit_code == 1
    as_json = run_cli("check", "--preview", "--statistics", "--format", "json", str(draft))
    assert len(json.loads(as_json.stdout)["findings"]) == 4
    assert "2  FC205" in as_json.stderr


def test_output_file(run_cli, article: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "findings.sarif"
    result = run_cli("check", "--preview", "--format", "sarif", "-o", str(target), str(article))
    assert result.exit_code == 1
    assert result.stdout == ""
    sarif = json.loads(target.read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["FC102", "FC201", "FC205"]
    assert [p.name for p in out.iterdir()] == ["findings.sarif"]  # no temporary left behind


def test_output_file_unwritable(run_cli, article: Path, tmp_path: Path) -> None:
    result = run_cli("check", "-o", str(tmp_path / "no" / "such" / "dir.txt"), str(article))
    assert result.exit_code == 2
    assert "cannot write" in result.stderr


def test_stdin_with_filename(run_cli, article: Path) -> None:
    result = run_cli("check", "-", "--stdin-filename", "draft.md", input=article.read_bytes())
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith("draft.md:1:21: FC102 ")


def test_stdin_without_filename(run_cli, article: Path) -> None:
    result = run_cli("check", "-", input=article.read_bytes())
    assert result.stdout.splitlines()[0].startswith("<stdin>:1:21: FC102 ")


@pytest.mark.usefixtures("hand_weights")
def test_jsonl_records_point_at_their_line(run_cli, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    records = [{"id": "a", "text": "Nothing here."},
               {"id": "b", "text": "Some 12 people were hurt.\n\nThe 15 injured were treated."}]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = run_cli("check", str(feed))
    assert result.stdout.startswith(f"{feed}:2:1: FC101 ")
    assert result.exit_code == 1


def test_gzip_input(run_cli, article: Path, tmp_path: Path) -> None:
    packed = tmp_path / "draft.md.gz"
    packed.write_bytes(gzip.compress(article.read_bytes()))
    result = run_cli("check", "--select", "FC102", str(packed))
    assert result.stdout.startswith(f"{packed}:1:21: FC102 ")


def test_two_inputs_with_one_id_stay_apart(run_cli, troops: Path) -> None:
    # the same file twice is read once (test_duplicate_paths.py); standard input named like it
    # is another input, whose id must not be confused with the file's
    result = run_cli("check", "--format", "json", str(troops), "-", "--stdin-filename", str(troops),
                     input=troops.read_bytes())
    report = json.loads(result.stdout)
    assert [d["id"] for d in report["documents"]] == [str(troops), f"{troops}#2"]
    docs = {c["doc"] for f in report["findings"] for c in f["claims"]}
    assert docs == {str(troops), f"{troops}#2"}


def test_against_missing_database(run_cli, troops: Path, tmp_path: Path) -> None:
    result = run_cli("check", "--against", str(tmp_path / "none.db"), str(troops))
    assert result.exit_code == 2
    assert "no such database" in result.stderr


def test_against_adds_archive_findings(run_cli, troops: Path, tmp_path: Path,
                                       monkeypatch) -> None:
    import datetime as dt
    import types

    from .fakes import claim, finding

    # The archive lookup is a stand-in: what this test checks is how the CLI merges and prints
    # findings against published copy (tests/batch/test_batch_run.py runs the real
    # figcheck.batch.against on a real database).  The draft is checked by the real comparator.
    db = tmp_path / "archive.db"
    db.write_bytes(b"")

    from figcheck.model import ArchiveMatch

    def against_with_matches(db_path, documents, config):
        assert db_path == str(db)
        draft = documents[0]
        mine = claim(draft, "10,000", "text", 1)
        theirs = mine.model_copy(update={"doc": "wire-17", "text": "8,000", "source": "Wire",
                                         "published": dt.date(2024, 11, 2)})
        matched = ArchiveMatch(document=draft.id, database=db_path, stories=("kursk",),
                               archived=3, compared=1, figures=13)
        return [finding("FC111", [mine, theirs], "The draft says 10,000; Wire said 8,000.")], [matched]

    import figcheck

    monkeypatch.setattr(figcheck, "batch",
                        types.SimpleNamespace(against_with_matches=against_with_matches),
                        raising=False)
    result = run_cli("check", "--against", str(db), str(troops))
    assert result.exit_code == 1
    assert "FC111 The draft says 10,000; Wire said 8,000." in result.stdout
    assert "(wire-17, Wire, 2024-11-02)" in result.stdout
    assert (f"figcheck: against: {troops}: matched story 'kursk' in {db}; compared with 1 of 3 "
            "archived documents") in result.stderr


# --- extract ---------------------------------------------------------------------------------

def test_extract_json_layout(run_cli, tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text("# Title\n\nExactly 10,000 troops.\n", encoding="utf-8")
    result = run_cli("extract", "--format", "json", str(doc))
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["schema_version"] == 2
    [d] = data["documents"]
    assert d["id"] == str(doc)
    [q] = d["quantities"]
    assert (q["start"], q["end"], q["text"], q["bound"]) == (8, 14, "10,000", "exact")
    assert q["value"] == {"low": 10000, "high": 10000}
    assert q["interval"] == {"low": 9500, "high": 10500}
    lines = run_cli("extract", "--format", "jsonl", str(doc)).stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [str(doc)]
    table = run_cli("extract", str(doc)).stdout
    assert "3:9" in table and "[9500, 10500]" in table


# --- schema and rules ------------------------------------------------------------------------

def test_schema_versioned(run_cli) -> None:
    both = json.loads(run_cli("schema").stdout)
    assert set(both) == {"extract", "check"}
    for name, schema in both.items():
        assert schema["$id"].endswith(f"/v2/{name}.json")
        assert schema["properties"]["schema_version"]
    check = json.loads(run_cli("schema", "check").stdout)
    assert "findings" in check["properties"]


def test_rules_lists_every_code(run_cli) -> None:
    from figcheck.compare.rules import RULES

    text = run_cli("rules").stdout
    as_json = json.loads(run_cli("rules", "--format", "json").stdout)
    assert [r["code"] for r in as_json] == [r.code for r in RULES]
    for r in RULES:
        assert f"{r.code}  {r.name}  (" in text
        assert r.example in text
    assert [r["code"] for r in json.loads(run_cli("rules", "FC2", "--format", "json").stdout)] == [
        r.code for r in RULES if r.code.startswith("FC2")]
    assert run_cli("rules", "FC9").exit_code == 2


# --- eval --------------------------------------------------------------------------------------

def test_eval_prints_the_evaluations_own_report(run_cli) -> None:
    from figcheck.evaluation import evaluate_extract

    result = run_cli("eval", "extract", "--brief")
    assert result.exit_code == 0
    assert result.stdout.rstrip("\n") == evaluate_extract().format(verbose=False).rstrip("\n")
    assert run_cli("eval", "extract", "--corpus", "/no/such/dir").exit_code == 2
