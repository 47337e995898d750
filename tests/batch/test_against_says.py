"""``figcheck check DRAFT --against DB`` says what it compared each draft with: the stories it was
matched to, how many archived documents those hold and how many were compared, or "no story
matched"; on stderr for people and as data in the json and sarif formats.  On a real SQLite
database built by the real ``figcheck batch`` command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

pytest.importorskip("figcheck.parser")

ARCHIVE = [
    {"id": "wire", "story": "ferry", "source": "Harbour Herald", "published": "2025-03-10",
     "text": "There were 148 passengers on board the ferry that sank off Crete on Monday. "
             "Rescuers searched the sea near Heraklion."},
    {"id": "local", "story": "ferry", "source": "Crete Daily", "published": "2025-03-10",
     "text": "The ferry that sank off Crete carried 148 passengers, the coastguard in Heraklion "
             "said. Divers joined the search."},
    {"id": "bus", "story": "bus", "source": "Metro Daily", "published": "2025-03-10",
     "text": "There were 40 passengers on the bus that crashed in Lyon."},
]


def _figcheck(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "figcheck", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("against")
    (work / "archive.jsonl").write_text("".join(json.dumps(r) + "\n" for r in ARCHIVE))
    built = _figcheck("batch", "archive.jsonl", "--db", "news.db", cwd=work)
    assert built.returncode == 0, built.stderr
    (work / "ferry.md").write_text(
        "There were 90 passengers on board the ferry that sank off Crete on Monday.\n")
    (work / "library.md").write_text("The library in Oslo lent 5,000 books in May.\n")
    (work / "empty.md").write_text("Nothing is counted in this sentence.\n")
    (work / "drafts.jsonl").write_text(json.dumps(
        {"id": "bus-draft", "story": "bus", "text": "The bus that crashed in Lyon had 40 passengers."}
    ) + "\n")
    return work


@pytest.mark.usefixtures("hand_weights")  # what --against says, not the decision: the refit weights
# (2026-12-08) no longer call one of the archived ferry counts the draft's fact
def test_stderr_names_the_story_and_the_documents_compared(workdir: Path) -> None:
    result = _figcheck("check", "ferry.md", "library.md", "empty.md", "--against", "news.db",
                       cwd=workdir)
    assert result.returncode == 1, result.stderr
    said = [ln for ln in result.stderr.splitlines() if ln.startswith("figcheck: against:")]
    assert said == [
        "figcheck: against: ferry.md: matched story 'ferry' in news.db; compared with 2 of 2 "
        "archived documents (those with figures on the draft's facts)",
        "figcheck: against: library.md: no story matched in news.db; nothing was compared "
        "(give the draft a story, or check it against a database with its story)",
        "figcheck: against: empty.md: no figures to compare with news.db",
    ]
    assert result.stdout.count("FC111") == 2 and "148" in result.stdout
    quiet = _figcheck("check", "-q", "library.md", "--against", "news.db", cwd=workdir)
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_a_draft_with_its_own_story_is_matched_to_it(workdir: Path) -> None:
    result = _figcheck("check", "drafts.jsonl", "--against", "news.db", "-f", "json", cwd=workdir)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["against"] == [{
        "document": "bus-draft", "database": "news.db", "stories": ["bus"], "unlinked": [],
        "archived": 1, "compared": 1, "figures": 1,
    }]
    assert "matched story 'bus' in news.db; compared with 1 of 1 archived document " in result.stderr


def test_machine_formats_carry_it_as_data(workdir: Path) -> None:
    from figcheck.cli.schema import schemas

    result = _figcheck("check", "ferry.md", "library.md", "--against", "news.db", "-f", "json",
                       cwd=workdir)
    report = json.loads(result.stdout)
    jsonschema.validate(report, schemas()["check"])
    by_doc = {m["document"]: m for m in report["against"]}
    assert by_doc["ferry.md"]["stories"] == ["ferry"] and by_doc["ferry.md"]["compared"] == 2
    assert by_doc["library.md"]["stories"] == [] and by_doc["library.md"]["compared"] == 0
    sarif = json.loads(_figcheck("check", "ferry.md", "library.md", "--against", "news.db", "-f",
                                 "sarif", cwd=workdir).stdout)
    assert sarif["runs"][0]["properties"]["against"] == report["against"]
    # without --against nothing changes in the JSON
    plain = json.loads(_figcheck("check", "ferry.md", "-f", "json", cwd=workdir).stdout)
    assert "against" not in plain
