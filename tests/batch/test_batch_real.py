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


def test_against_finds_what_checking_with_the_story_finds(tmp_path: Path, records: list[dict]) -> None:
    """For each corpus document that the comparator finds contradicted by another source of its
    story: leave it out of an archive built WITHOUT story fields, check it as a draft with
    ``against``, and expect exactly the draft-vs-archive findings of checking it with its story."""
    import figcheck
    from figcheck.inputs import document_from_record

    docs = {r["id"]: document_from_record(r, r["id"], r["id"]) for r in records}
    by_story: dict[str, list[Document]] = defaultdict(list)
    for d in docs.values():
        by_story[d.story or ""].append(d)
    cases = []
    for story_docs in by_story.values():
        for f in figcheck.check(story_docs).findings:
            if f.scope == "cross":
                cases.append(f.claims[0].doc)
    if not cases:
        pytest.skip("the comparator finds no cross-source contradiction in the corpus yet")
    for drafted in sorted(set(cases))[:3]:
        archive = [{k: v for k, v in r.items() if k != "story"} for r in records if r["id"] != drafted]
        db = tmp_path / f"{len(drafted)}-{abs(hash(drafted))}.db"
        run_batch([str(_write(tmp_path / "a.jsonl", archive))], str(db), jobs=1)
        draft = docs[drafted].model_copy(update={"story": None, "source": None, "published": None})
        story = docs[drafted].story
        direct = [f for f in figcheck.check([draft.model_copy(update={"story": story}),
                                             *[d for d in by_story[story] if d.id != drafted]]).findings
                  if drafted in {c.doc for c in f.claims} and len({c.doc for c in f.claims}) > 1]
        found = against(str(db), [draft])
        assert sorted(map(_key, found)) == sorted(map(_key, direct)), drafted
        for f in found:
            assert all(c.source and c.published for c in f.claims if c.doc != drafted)
