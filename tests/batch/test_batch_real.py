"""The batch job with figcheck's own parser and comparator on the gold story corpus
(corpus/check): it must report exactly what ``figcheck.check`` reports story by story, and never
compare unrelated stories when the records carry no ``story``."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from figcheck.batch import against, run_batch
from figcheck.batch.store import finding_from_json
from figcheck.model import Document

from .conftest import db_rows

check_corpus = pytest.importorskip("figcheck.evaluation.check")
pytest.importorskip("figcheck.parser")


def _key(f: object) -> str:
    return json.dumps(f.model_dump(mode="json"), sort_keys=True)  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return check_corpus.corpus_records(include_story=True)


def _write(path: Path, recs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in recs))
    return path


def test_batch_equals_check_story_by_story(tmp_path: Path, records: list[dict]) -> None:
    import figcheck
    from figcheck.inputs import document_from_record

    db = tmp_path / "s.db"
    run_batch([str(_write(tmp_path / "s.jsonl", records))], str(db), jobs=2)
    by_story: dict[str, list[Document]] = defaultdict(list)
    for i, r in enumerate(records):
        by_story[r["story"]].append(document_from_record(r, f"s.jsonl:{i + 1}", r["id"]))
    expected = sorted(_key(f) for docs in by_story.values() for f in figcheck.check(docs).findings)
    got = sorted(_key(finding_from_json(j)) for (j,) in db_rows(db, "SELECT json FROM findings"))
    assert got == expected


def test_no_cross_story_findings_without_story_field(tmp_path: Path) -> None:
    recs = check_corpus.corpus_records(include_story=False)
    db = tmp_path / "n.db"
    run_batch([str(_write(tmp_path / "n.jsonl", recs))], str(db), jobs=2)
    for (js,) in db_rows(db, "SELECT json FROM findings WHERE scope='cross'"):
        stories = {c.doc.split(":")[0] for c in finding_from_json(js).claims}
        assert len(stories) == 1, stories


def _contradicted(records: list[dict]) -> tuple[dict[str, Document], dict[str, list[Document]], list[str]]:
    import figcheck
    from figcheck.inputs import document_from_record

    docs = {r["id"]: document_from_record(r, r["id"], r["id"]) for r in records}
    by_story: dict[str, list[Document]] = defaultdict(list)
    for d in docs.values():
        by_story[d.story or ""].append(d)
    cases = sorted({f.claims[0].doc for story_docs in by_story.values()
                    for f in figcheck.check(story_docs).findings if f.scope == "cross"})
    if not cases:
        pytest.skip("the comparator finds no cross-source contradiction in the corpus yet")
    return docs, by_story, cases[:2]


def _involving(findings: list, doc_id: str) -> list:
    return [f for f in findings
            if doc_id in {c.doc for c in f.claims} and len({c.doc for c in f.claims}) > 1]


def test_against_with_a_story_finds_what_checking_the_story_finds(tmp_path: Path, records: list[dict]) -> None:
    """A draft carrying its story's id, against an archive with story fields: exactly the
    draft-vs-archive findings of ``figcheck.check`` on the draft and its story's documents."""
    import figcheck

    docs, by_story, cases = _contradicted(records)
    for n, drafted in enumerate(cases):
        story = docs[drafted].story
        db = tmp_path / f"s{n}.db"
        run_batch([str(_write(tmp_path / f"s{n}.jsonl", [r for r in records if r["id"] != drafted]))],
                  str(db), jobs=1)
        draft = docs[drafted].model_copy(update={"source": None, "published": None})
        others = [d for d in by_story[story or ""] if d.id != drafted]
        direct = _involving(figcheck.check([draft, *others]).findings, drafted)
        found = against(str(db), [draft])
        assert direct, drafted
        assert sorted(map(_key, found)) == sorted(map(_key, direct)), drafted
        for f in found:
            assert all(c.source and c.published for c in f.claims if c.doc != drafted)


def test_against_without_a_story_never_says_more_than_check(tmp_path: Path, records: list[dict]) -> None:
    """A draft without story against an archive without story fields: every finding is one that
    ``figcheck.check`` on the draft plus the whole archive also makes (the story is found from
    shared features; recall is measured by bench/scale.py)."""
    import figcheck

    docs, _, cases = _contradicted(records)
    for n, drafted in enumerate(cases):
        archive = [d.model_copy(update={"story": None}) for i, d in docs.items() if i != drafted]
        db = tmp_path / f"n{n}.db"
        recs = [{k: v for k, v in r.items() if k != "story"} for r in records if r["id"] != drafted]
        run_batch([str(_write(tmp_path / f"n{n}.jsonl", recs))], str(db), jobs=1)
        draft = docs[drafted].model_copy(update={"story": None, "source": None, "published": None})
        direct = {_key(f) for f in _involving(figcheck.check([draft, *archive]).findings, drafted)}
        found = {_key(f) for f in against(str(db), [draft])}
        assert found <= direct, drafted


def test_check_against_on_the_command_line(tmp_path: Path, records: list[dict]) -> None:
    """``figcheck check DRAFT --against DB`` (the CLI's check calls figcheck.batch.against)."""
    import subprocess
    import sys

    import figcheck

    docs = {r["id"]: r for r in records}
    by_story: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        by_story[r["story"]].append(r)
    from figcheck.inputs import document_from_record

    drafted = None
    for story, recs in sorted(by_story.items()):
        found = figcheck.check([document_from_record(r, r["id"], r["id"]) for r in recs]).findings
        cross = [f for f in found if f.code == "FC111"]
        if cross:
            drafted = cross[0].claims[0].doc
            break
    if drafted is None:
        pytest.skip("the comparator finds no cross-source contradiction in the corpus yet")
    archive = [r for r in records if r["id"] != drafted]
    db = tmp_path / "a.db"
    run_batch([str(_write(tmp_path / "a.jsonl", archive))], str(db), jobs=1)
    draft = tmp_path / "draft.md"
    # the draft keeps its record's date and outlet (front matter): whether a changed count is an
    # update or a contradiction depends on them
    meta = "".join(f"{k}: {docs[drafted][k]}\n" for k in ("source", "published")
                   if docs[drafted].get(k))
    draft.write_text(f"---\n{meta}---\n# {docs[drafted]['title']}\n\n{docs[drafted]['text']}\n")
    result = subprocess.run([sys.executable, "-m", "figcheck", "check", str(draft), "--against", str(db),
                             "--format", "jsonl"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert any(f["scope"] == "cross" and any(c["doc"] != str(draft) and c["source"] for c in f["claims"])
               for f in lines)


@pytest.mark.parametrize(
    ("draft", "expected"),
    [
        pytest.param("There were 90 passengers on board the ferry that sank off Crete on Monday.",
                     ["wire: 148"], id="same-subject-contradicts"),
        pytest.param("There were 148 passengers on board the ferry that sank off Crete on Monday.",
                     [], id="same-subject-agrees"),
        pytest.param("There were 90 passengers on board the ferry that sank off Sicily on Monday.",
                     [], id="other-place-is-another-subject"),
    ],
)
def test_against_matches_a_one_sentence_draft_on_its_subject(
    tmp_path: Path, draft: str, expected: list[str]
) -> None:
    """A draft too short to share the two story features clustering needs is compared with the
    archived documents sharing all of its own (same place, same claim key)."""
    recs = [
        {"id": "wire", "story": "ferry", "source": "Harbour Herald", "published": "2025-03-10",
         "text": "There were 148 passengers on board the ferry that sank off Crete on Monday."},
        {"id": "other", "story": "bus", "source": "Metro Daily", "published": "2025-03-10",
         "text": "There were 40 passengers on the bus that crashed in Lyon."},
    ]
    db = tmp_path / "a.db"
    run_batch([str(_write(tmp_path / "a.jsonl", recs))], str(db), jobs=1)
    found = against(str(db), [Document(id="draft", text=draft, published="2025-03-11")])
    archived = [f"{c.doc}: {c.text}" for f in found for c in f.claims if c.doc != "draft"]
    assert archived == expected
    assert all(f.code == "FC111" and f.claims[0].subject.head == "passenger" for f in found)
