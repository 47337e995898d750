"""The CLI with the real parser and comparator: the README example, positions that point at the
figures in the files, and every format's output valid against its schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "corpus" / "examples" / "troops.md"
ARTICLES = sorted((ROOT / "corpus" / "extract").glob("*.md"))[:12]
HERE = Path(__file__).parent


def test_readme_example_exits_1_with_its_planted_contradictions(run_cli) -> None:
    result = run_cli("check", str(EXAMPLE))
    assert result.exit_code == 1
    codes = {line.split(": ", 1)[1].split()[0] for line in result.stdout.splitlines()}
    assert "FC205" in codes  # "5 miles (12 km)"
    preview = run_cli("check", "--preview", str(EXAMPLE))
    codes = {line.split(": ", 1)[1].split()[0] for line in preview.stdout.splitlines()}
    # and the preview rule FC201: "a 40% rise" from 40 to 50 billion
    assert {"FC201", "FC205"} <= codes


def _file_text_at(path: Path, line: int, col: int, length: int) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines[line - 1][col - 1:col - 1 + length]


@pytest.mark.parametrize("path", [EXAMPLE, *ARTICLES], ids=lambda p: p.name)
def test_extract_positions_point_at_the_figures(run_cli, path: Path) -> None:
    import figcheck
    from figcheck.formats.location import locate
    from figcheck.inputs import read_documents
    from figcheck.model import Claim

    [doc] = list(read_documents([str(path)]))
    for q in figcheck.extract(doc.text, title=doc.title):
        c = Claim(doc=doc.id, field=q.field, start=q.start, end=q.end, text=q.text,
                  value=q.value, bound=q.bound, interval=q.interval)
        loc = locate(c, doc)
        first_line = q.text.split("\n", 1)[0]
        assert _file_text_at(path, loc.line, loc.column, len(first_line)) == first_line, (q, loc)


def test_check_positions_point_at_the_figures(run_cli) -> None:
    data = json.loads(run_cli("check", "--format", "sarif", str(EXAMPLE)).stdout)
    results = data["runs"][0]["results"]
    assert results
    for result in results:
        for loc in result["locations"] + result.get("relatedLocations", []):
            region = loc["physicalLocation"]["region"]
            snippet = region["snippet"]["text"].split("\n", 1)[0]
            at = _file_text_at(EXAMPLE, region["startLine"], region["startColumn"], len(snippet))
            assert at == snippet


def test_every_format_is_valid(run_cli, tmp_path: Path) -> None:
    import jsonschema

    from figcheck.cli.schema import schemas

    published = schemas()
    report = json.loads(run_cli("check", "--format", "json", str(EXAMPLE)).stdout)
    jsonschema.validate(report, published["check"])
    extracted = json.loads(run_cli("extract", "--format", "json", str(EXAMPLE)).stdout)
    jsonschema.validate(extracted, published["extract"])
    assert extracted["documents"][0]["quantities"]
    sarif_schema = json.loads((HERE / "data" / "sarif-2.1.0-subset.schema.json").read_text())
    jsonschema.validate(json.loads(run_cli("check", "--format", "sarif", str(EXAMPLE)).stdout),
                        sarif_schema)
    lines = run_cli("check", "--format", "jsonl", str(EXAMPLE)).stdout.splitlines()
    assert [json.loads(x) for x in lines] == report["findings"]
    github = run_cli("check", "--format", "github", str(EXAMPLE)).stdout.splitlines()
    assert len(github) == len(report["findings"])
    assert all(x.startswith(("::error ", "::warning ", "::notice ")) for x in github)
    out = tmp_path / "report.html"
    assert run_cli("check", "--format", "html", "-o", str(out), str(EXAMPLE)).exit_code == 1
    assert out.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_suppressing_a_real_finding(run_cli, tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "Military spending", "<!-- figcheck: ignore[FC201] -->\nMilitary spending")
    draft = tmp_path / "draft.md"
    draft.write_text(text, encoding="utf-8")
    before = run_cli("check", "--preview", "--format", "json", str(EXAMPLE)).stdout
    after = run_cli("check", "--preview", "--format", "json", str(draft)).stdout
    before_codes = sorted(f["code"] for f in json.loads(before)["findings"])
    after_codes = sorted(f["code"] for f in json.loads(after)["findings"])
    assert "FC201" in before_codes and "FC201" not in after_codes
    assert sorted(c for c in before_codes if c != "FC201") == after_codes


def test_story_records_match_the_library(run_cli, tmp_path: Path) -> None:
    """The CLI reports exactly what figcheck.check reports on the same records (sorted), with
    record lines as locations; over the corpus's multi-source stories some are cross-source."""
    import figcheck
    from figcheck.evaluation.check import load_stories
    from figcheck.inputs import read_documents

    stories = [s for s in load_stories() if len(s.documents) > 1][:8]
    assert stories
    cross_total = 0
    for story in stories:
        feed = tmp_path / f"{story.story}.jsonl"
        feed.write_text("".join(
            json.dumps({"id": d.id, "text": d.text, "title": d.title, "source": d.source,
                        "published": d.published.isoformat(), "story": story.story}) + "\n"
            for d in story.documents), encoding="utf-8")
        report = json.loads(run_cli("check", "--format", "json", str(feed)).stdout)
        library = figcheck.check(list(read_documents([str(feed)]))).to_json()

        def key(f: dict) -> str:
            return json.dumps(f, sort_keys=True)

        assert sorted(map(key, report["findings"])) == sorted(map(key, library["findings"]))
        cross_total += sum(f["scope"] == "cross" for f in report["findings"])
        for line in run_cli("check", "--exit-zero", str(feed)).stdout.splitlines():
            assert line.startswith(f"{feed}:")
            assert int(line[len(str(feed)) + 1:].split(":", 1)[0]) <= len(story.documents)
    assert cross_total > 0


@pytest.mark.usefixtures("hand_weights")
def test_against_a_real_batch_database(run_cli, tmp_path: Path) -> None:
    from figcheck.evaluation.check import load_stories

    [story] = [s for s in load_stories() if s.story == "kursk-troops"]
    archive = tmp_path / "archive.jsonl"
    archive.write_text("".join(
        json.dumps({"id": f"{story.story}:{d.id}", "text": d.text, "title": d.title,
                    "source": d.source, "published": d.published.isoformat(),
                    "story": story.story}) + "\n" for d in story.documents), encoding="utf-8")
    db = tmp_path / "archive.db"
    built = run_cli("batch", str(archive), "--db", str(db), "--jobs", "1")
    assert built.exit_code == 0, built.output
    wire = story.document("wire")
    assert "10,000 to 12,000" in wire.text
    draft = tmp_path / "draft.md"
    draft.write_text(wire.text.replace("10,000 to 12,000", "5,000 to 6,000"), encoding="utf-8")
    result = run_cli("check", "--select", "FC111", str(draft), "--against", str(db))
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert any("“5,000 to 6,000”" in line and "(kursk-troops:" in line for line in lines), lines
    clean = tmp_path / "clean.md"
    clean.write_text(wire.text, encoding="utf-8")
    again = run_cli("check", "--select", "FC111", str(clean), "--against", str(db))
    # the restored figure agrees with the archive; the wire's own "about 340" against the
    # broadcaster's "fewer than 300" is one of the story's gold contradictions and may be found
    assert "10,000 to 12,000" not in again.stdout, again.stdout
    assert all("about 340" in line for line in again.stdout.splitlines()), again.stdout
