"""The batch pipeline on small archives, with a deterministic stand-in toolkit (see
fake_toolkit.py): inputs, bad records, resuming, stories, jobs, --against."""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path

import pytest

from figcheck.batch import DatabaseError, against, run_batch
from figcheck.batch.store import connect
from figcheck.config import Config
from figcheck.model import Document

from .conftest import db_rows, findings_of, story_records, write_jsonl
from .fake_toolkit import SPEC


def run(paths: list[Path], db: Path, **kw: object) -> object:
    return run_batch([str(p) for p in paths], str(db), toolkit=SPEC, **kw)  # type: ignore[arg-type]


# --- inputs -----------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz", ".jsonl.zst"])
def test_archive_formats(tmp_path: Path, suffix: str) -> None:
    recs = story_records(4)
    arch = write_jsonl(tmp_path / f"a{suffix}", recs)
    stats = run([arch], tmp_path / "f.db", jobs=1)
    assert stats.documents == len(recs)
    assert stats.cross_findings == 4  # one planted cross-source contradiction per story
    assert stats.within_findings == 2  # stories 0 and 3 carry a within-article one


def test_folder_of_articles(tmp_path: Path) -> None:
    folder = tmp_path / "copy"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.md").write_text("# 12 troops\n\nofficials said 15 troops.\n")
    (folder / "sub" / "b.txt").write_text("about 40 ships\n")
    (folder / "sub" / "c.html").write_text("<html><body><p>we saw 7 birds</p></body></html>")
    (folder / "notes.bin").write_bytes(b"\x00\x01")  # not an article: skipped when walking
    (folder / ".hidden.md").write_text("3 cats")
    stats = run([folder], tmp_path / "f.db", jobs=1)
    ids = [r[0] for r in db_rows(tmp_path / "f.db", "SELECT id FROM documents")]
    assert sorted(Path(i).name for i in ids) == ["a.md", "b.txt", "c.html"]
    assert stats.within_findings == 1  # headline 12 troops vs body 15 troops


# --- bad records ------------------------------------------------------------------------------

BAD_LINES = [
    pytest.param(b"{not json", "malformed JSON", id="malformed-json"),
    pytest.param(json.dumps({"id": "x", "title": "no text"}).encode(), "no 'text'", id="no-text"),
    pytest.param(b'{"id": "u", "text": "caf\xe9"}', "invalid UTF-8", id="invalid-utf8"),
    pytest.param(json.dumps({"id": "p", "text": "1 a", "published": "yesterday"}).encode(),
                 "ISO date", id="bad-date"),
    pytest.param(json.dumps([1, 2]).encode(), "expected an object", id="not-an-object"),
    pytest.param(b'{"id": "s", "text": "5 cats \\ud800 here"}', "unpaired surrogate", id="lone-surrogate"),
    pytest.param(json.dumps({"id": "e", "text": "EXPLODE 3 cats"}).encode(),
                 "figcheck failed on this document", id="parser-failure"),
]


@pytest.mark.parametrize(("raw", "message"), BAD_LINES)
def test_bad_record_is_recorded_with_file_and_line(tmp_path: Path, raw: bytes, message: str) -> None:
    recs = story_records(2)
    arch = write_jsonl(tmp_path / "a.jsonl", recs, raw_lines={3: raw})
    stats = run([arch], tmp_path / "f.db", jobs=1)
    assert stats.documents == len(recs)
    errors = db_rows(tmp_path / "f.db", "SELECT path, line, message FROM errors")
    assert len(errors) == 1
    path, line, msg = errors[0]
    assert path == str(arch) and line == 4 and message in msg


def test_enormous_document_is_refused_not_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import figcheck.inputs

    monkeypatch.setattr(figcheck.inputs, "MAX_DOCUMENT_CHARS", 1000)
    arch = write_jsonl(tmp_path / "a.jsonl", [{"id": "big", "text": "9 cats " * 500},
                                               {"id": "ok", "text": "3 dogs"}])
    stats = run([arch], tmp_path / "f.db", jobs=1)
    assert (stats.documents, stats.errors) == (1, 1)
    assert "over 1,000" in db_rows(tmp_path / "f.db", "SELECT message FROM errors")[0][0]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_that_hangs_the_parser_is_recorded_and_skipped(tmp_path: Path, jobs: int) -> None:
    import time

    arch = write_jsonl(tmp_path / "a.jsonl", [{"id": "h", "text": "HANG 3 cats"}, *story_records(2)])
    start = time.monotonic()
    stats = run([arch], tmp_path / "f.db", jobs=jobs, doc_timeout=0.5)
    assert time.monotonic() - start < 20
    assert (stats.documents, stats.errors) == (6, 1)
    ((line, message),) = db_rows(tmp_path / "f.db", "SELECT line, message FROM errors")
    assert line == 1 and "gave up after 0.5 s" in message


def test_a_document_that_kills_its_worker_is_recorded_and_skipped(tmp_path: Path) -> None:
    recs = story_records(8)
    recs.insert(10, {"id": "boom", "text": "CRASH 3 cats"})
    arch = write_jsonl(tmp_path / "a.jsonl", recs)
    stats = run([arch], tmp_path / "f.db", jobs=2)
    assert (stats.documents, stats.errors) == (len(recs) - 1, 1)
    ((line, message),) = db_rows(tmp_path / "f.db", "SELECT line, message FROM errors")
    assert line == 11 and "worker process died" in message
    reference = tmp_path / "ref.db"
    run([write_jsonl(tmp_path / "b.jsonl", [r for r in recs if r["id"] != "boom"])], reference, jobs=1)
    assert findings_of(tmp_path / "f.db") == findings_of(reference)


def test_unreadable_files_do_not_stop_the_run(tmp_path: Path) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", story_records(1))
    corrupt = tmp_path / "corrupt.jsonl.gz"
    corrupt.write_bytes(gzip.compress(b'{"id": "a", "text": "1 cat"}\n' * 50)[:40])
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02")
    stats = run([corrupt, binary, good], tmp_path / "f.db", jobs=1)
    assert stats.documents == 3
    paths = {r[0] for r in db_rows(tmp_path / "f.db", "SELECT path FROM errors")}
    assert paths == {str(corrupt), str(binary)}


def test_an_unreadable_file_is_retried_by_the_next_run(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    arch = tmp_path / "late.jsonl.gz"
    good = gzip.compress(b"".join(json.dumps(r).encode() + b"\n" for r in story_records(2)))
    arch.write_bytes(good[: len(good) // 2])  # truncated copy: some records, then an error
    first = run([arch], db, jobs=1)
    assert first.errors == 1
    arch.write_bytes(good)  # the copy completes
    second = run([arch], db, jobs=1)
    assert second.errors == 0
    assert db_rows(db, "SELECT count(*) FROM errors") == [(0,)]
    docs = db_rows(db, "SELECT item, id FROM documents")
    assert [i for i, _ in docs] == list(range(6)) and len({d for _, d in docs}) == 6


def _zst_streamed(data: bytes) -> bytes:
    import io

    import zstandard

    buf = io.BytesIO()
    with zstandard.ZstdCompressor(level=3).stream_writer(buf, closefd=False) as writer:
        writer.write(data)
    return buf.getvalue()


@pytest.mark.parametrize(
    "compress",
    [pytest.param(gzip.compress, id="gz"), pytest.param(_zst_streamed, id="zst")],
)
def test_a_truncated_or_fake_compressed_archive_is_recorded_kept_and_retried(
    tmp_path: Path, compress: object
) -> None:
    pytest.importorskip("zstandard")
    recs = story_records(800)  # over 300 kB: several zstd blocks, so some decompress before the cut
    data = b"".join(json.dumps(r).encode() + b"\n" for r in recs)
    whole = compress(data)  # type: ignore[operator]
    suffix = ".gz" if whole[:2] == b"\x1f\x8b" else ".zst"
    trunc = tmp_path / f"trunc.jsonl{suffix}"
    trunc.write_bytes(whole[: len(whole) // 2])
    fake = tmp_path / f"fake.jsonl{suffix}"
    fake.write_bytes(b"this is not a compressed archive\n" * 20)
    good = write_jsonl(tmp_path / "good.jsonl", story_records(1))
    db = tmp_path / "f.db"

    first = run([trunc, fake, good], db, jobs=1)  # the run carries on past both
    kept = db_rows(db, "SELECT item, id FROM documents WHERE input_id=1")
    assert 0 < len(kept) < len(recs)  # the records before the truncation point are kept
    assert sorted(kept) == sorted(enumerate(r["id"] for r in recs[: len(kept)]))
    assert first.documents == len(kept) + 3 and first.errors == 2
    errors = dict((p, m) for p, _, m in db_rows(db, "SELECT path, line, message FROM errors"))
    assert set(errors) == {str(trunc), str(fake)}
    assert "truncated" in errors[str(trunc)] and f"at line {len(kept) + 1}" in errors[str(trunc)]
    assert "not a valid" in errors[str(fake)]

    trunc.write_bytes(whole)  # the copy completes: the next run resumes where it broke off
    second = run([trunc, fake, good], db, jobs=1)
    assert second.documents == len(recs) - len(kept) and second.errors == 1  # fake still fails
    docs = db_rows(db, "SELECT item, id FROM documents WHERE input_id=1")
    assert sorted(i for i, _ in docs) == list(range(len(recs)))
    assert sorted(d for _, d in docs) == sorted(r["id"] for r in recs)
    assert db_rows(db, "SELECT path FROM errors") == [(str(fake),)]
    assert db_rows(db, "SELECT complete FROM inputs WHERE path=" + repr(str(trunc))) == [(1,)]


def test_figcheck_batch_command_carries_on_past_bad_archives(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from figcheck.cli import cli

    pytest.importorskip("zstandard")
    data = b"".join(json.dumps(r).encode() + b"\n" for r in story_records(800))
    whole = _zst_streamed(data)
    (tmp_path / "trunc.jsonl.zst").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "fake.jsonl.zst").write_bytes(b"not zstd at all\n" * 20)
    db = tmp_path / "tz.db"
    result = CliRunner().invoke(
        cli, ["batch", str(tmp_path / "trunc.jsonl.zst"), str(tmp_path / "fake.jsonl.zst"),
              "--db", str(db), "-j", "1", "-q", "--toolkit", SPEC])
    assert result.exit_code == 0 and result.exception is None, result.output
    assert "Traceback" not in result.output
    assert "truncated: the zstd stream ends in the middle of a frame" in result.stdout
    assert "not a valid zstd stream" in result.stdout
    assert db_rows(db, "SELECT count(*) FROM errors") == [(2,)]
    assert db_rows(db, "SELECT count(*) > 0 FROM documents") == [(1,)]


def test_bad_records_of_a_json_list_are_recorded_with_their_line(tmp_path: Path) -> None:
    recs = story_records(2)
    lines = ["["] + [json.dumps(r) + "," for r in recs[:2]] + ['  {"id": "x", "title": "no text"},']
    lines += [json.dumps(r) + "," for r in recs[2:-1]] + [json.dumps(recs[-1]), "]"]
    arch = tmp_path / "list.json"
    arch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    stats = run([arch], tmp_path / "f.db", jobs=1)
    assert stats.documents == len(recs)
    assert db_rows(tmp_path / "f.db", "SELECT path, line, message FROM errors") == [
        (str(arch), 4, "item 2: record has no 'text' string")]
    origins = db_rows(tmp_path / "f.db", "SELECT origin FROM documents")
    assert origins == sorted([(f"{arch}:{n}",) for n in (2, 3, 5, 6, 7, 8)], key=repr)


def test_a_malformed_json_list_keeps_the_items_before_and_is_retried(tmp_path: Path) -> None:
    recs = story_records(2)
    good = "[\n" + ",\n".join(json.dumps(r) for r in recs) + "\n]\n"
    arch = tmp_path / "list.json"
    arch.write_text(good.replace("},\n", "}\n", 3).replace("}\n", "},\n", 2), encoding="utf-8")
    db = tmp_path / "f.db"
    first = run([arch], db, jobs=1)
    assert (first.documents, first.errors) == (3, 1)
    [(line, message)] = db_rows(db, "SELECT line, message FROM errors")
    assert line is None and message == "malformed JSON (Expecting ',' delimiter) at line 5"
    arch.write_text(good, encoding="utf-8")  # fixed: the next run reads on from item 3
    second = run([arch], db, jobs=1)
    assert (second.documents, second.errors) == (3, 0)
    assert sorted(i for (i,) in db_rows(db, "SELECT item FROM documents")) == list(range(6))


# --- resuming ---------------------------------------------------------------------------------


def test_rerun_processes_nothing_twice(tmp_path: Path) -> None:
    arch = write_jsonl(tmp_path / "a.jsonl", story_records(5), raw_lines={2: b"oops"})
    db = tmp_path / "f.db"
    first = run([arch], db, jobs=1)
    before = findings_of(db)
    again = run([arch], db, jobs=1)
    assert (again.documents, again.errors, again.resumed_from) == (0, 0, first.documents + first.errors)
    assert findings_of(db) == before


def test_appended_archive_continues_and_recompares_stories(tmp_path: Path) -> None:
    recs = story_records(6)
    db = tmp_path / "f.db"
    a = write_jsonl(tmp_path / "a.jsonl", recs[:7])
    run([a], db, jobs=1)
    b = write_jsonl(tmp_path / "b.jsonl", recs[7:])
    stats = run([a, b], db, jobs=1)
    assert stats.documents == len(recs) - 7
    whole = tmp_path / "whole.db"
    run([write_jsonl(tmp_path / "w.jsonl", recs)], whole, jobs=1)
    assert findings_of(db) == findings_of(whole)


def test_records_appended_to_an_archive_are_read_by_the_next_run(tmp_path: Path) -> None:
    recs = story_records(4)
    arch = write_jsonl(tmp_path / "a.jsonl", recs[:5])
    db = tmp_path / "f.db"
    run([arch], db, jobs=1)
    with open(arch, "ab") as f:
        f.write(b"".join(json.dumps(r).encode() + b"\n" for r in recs[5:]))
    stats = run([arch], db, jobs=1)
    assert stats.documents == len(recs) - 5
    whole = tmp_path / "w.db"
    run([write_jsonl(tmp_path / "w.jsonl", recs)], whole, jobs=1)
    assert findings_of(db) == findings_of(whole)


def test_jobs_do_not_change_results(tmp_path: Path) -> None:
    arch = write_jsonl(tmp_path / "a.jsonl", story_records(30), raw_lines={10: b"{bad"})
    run([arch], tmp_path / "one.db", jobs=1)
    run([arch], tmp_path / "two.db", jobs=2)
    assert findings_of(tmp_path / "one.db") == findings_of(tmp_path / "two.db")
    q = "SELECT input_id, item, id FROM documents"
    assert db_rows(tmp_path / "one.db", q) == db_rows(tmp_path / "two.db", q)


def test_not_a_database(tmp_path: Path) -> None:
    bogus = tmp_path / "x.db"
    bogus.write_text("hello, this is not sqlite" * 100)
    with pytest.raises(DatabaseError):
        run([write_jsonl(tmp_path / "a.jsonl", story_records(1))], bogus, jobs=1)


# --- stories ----------------------------------------------------------------------------------


def test_auto_stories_never_compare_unrelated_articles(tmp_path: Path) -> None:
    recs = story_records(12, with_story=False)
    db = tmp_path / "f.db"
    stats = run([write_jsonl(tmp_path / "a.jsonl", recs)], db, jobs=1)
    assert stats.cross_findings == 12  # exactly the planted one per story, none across stories
    groups = db_rows(db, "SELECT count(DISTINCT story_key) FROM documents")
    assert groups == [(12,)]


def test_field_stories_leave_storyless_documents_alone(tmp_path: Path) -> None:
    recs = story_records(3, with_story=False)
    stats = run([write_jsonl(tmp_path / "a.jsonl", recs)], tmp_path / "f.db", jobs=1,
                config=Config(stories="field"))
    assert stats.cross_findings == 0


def test_story_window_splits_distant_dates(tmp_path: Path) -> None:
    recs = story_records(1, per_story=2, with_story=False)
    recs[1]["published"] = "2024-03-01"  # weeks after the first
    db = tmp_path / "f.db"
    stats = run([write_jsonl(tmp_path / "a.jsonl", recs)], db, jobs=1)
    assert stats.cross_findings == 0
    stats = run([write_jsonl(tmp_path / "b.jsonl", recs)], tmp_path / "g.db", jobs=1,
                config=Config(story_window_days=60))
    assert stats.cross_findings == 1


# --- against ----------------------------------------------------------------------------------


def test_against_finds_the_published_figure_a_draft_contradicts(tmp_path: Path) -> None:
    recs = story_records(20, with_story=False)
    db = tmp_path / "f.db"
    run([write_jsonl(tmp_path / "a.jsonl", recs)], db, jobs=1)
    text = recs[3 * 7]["text"].replace("1007 troops", "9999 troops")  # story 7, first source
    found = against(str(db), [Document(id="draft", text=text)], toolkit=SPEC)
    assert found, "the changed troop count must be flagged"
    for f in found:
        docs = {c.doc for c in f.claims}
        assert "draft" in docs
        assert all(d == "draft" or d.startswith("s7-") for d in docs)
        other = next(c for c in f.claims if c.doc != "draft")
        assert other.source is not None and other.published is not None


def test_against_is_quiet_for_a_consistent_or_unrelated_draft(tmp_path: Path) -> None:
    recs = story_records(5, with_story=False)
    db = tmp_path / "f.db"
    run([write_jsonl(tmp_path / "a.jsonl", recs)], db, jobs=1)
    consistent = recs[3]["text"].replace("later", "")  # story 1 as published by source 0
    unrelated = "officials in Nowhere and Nobody said 5 troops arrived."
    found = against(str(db), [Document(id="d1", text=consistent)], toolkit=SPEC)
    # the draft agrees with sources 0 and 2; only source 1's different count is reported
    assert found and all({c.doc for c in f.claims} == {"d1", "s1-d1"} for f in found)
    assert against(str(db), [Document(id="d2", text=unrelated)], toolkit=SPEC) == []


def test_against_missing_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError):
        against(str(tmp_path / "none.db"), [Document(id="d", text="1 cat")], toolkit=SPEC)
    assert not (tmp_path / "none.db").exists()


def test_story_subject_lookup_uses_indexes(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    run([write_jsonl(tmp_path / "a.jsonl", story_records(2))], db, jobs=1)
    conn = sqlite3.connect(db)
    plan = " ".join(r[-1] for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT q.json FROM documents d JOIN quantities q ON q.doc_pk=d.doc_pk"
        " WHERE d.story_key=? AND q.claim_key=?", ("story-1", "troops")))
    conn.close()
    assert "SCAN" not in plan.replace("SCAN CONSTANT", ""), plan


def test_late_indexes_are_built_once_the_documents_are_loaded(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    conn = connect(db)  # a new database: the per-figure and per-feature indexes wait for loading
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    conn.close()
    assert not {"quantities_key", "features_feature"} & names
    run([write_jsonl(tmp_path / "a.jsonl", story_records(2))], db, jobs=1)
    conn = sqlite3.connect(db)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    plan = " ".join(r[-1] for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT doc_pk FROM features WHERE feature IN (?, ?)", ("a", "b")))
    conn.close()
    assert {"quantities_key", "features_feature"} <= names
    assert "features_feature" in plan, plan


def test_large_stories_are_compared_claim_key_by_claim_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import figcheck.batch.pipeline as pipeline

    arch = write_jsonl(tmp_path / "a.jsonl", story_records(6))
    run([arch], tmp_path / "whole.db", jobs=1)
    monkeypatch.setattr(pipeline, "LARGE_STORY", 2)
    run([arch], tmp_path / "split.db", jobs=1)
    assert findings_of(tmp_path / "split.db") == findings_of(tmp_path / "whole.db")


def test_against_stays_a_function_after_use(tmp_path: Path) -> None:
    import figcheck.batch

    db = tmp_path / "f.db"
    run([write_jsonl(tmp_path / "a.jsonl", story_records(2))], db, jobs=1)
    for _ in range(2):  # the implementation module must not shadow the public function
        assert callable(figcheck.batch.against)
        figcheck.batch.against(str(db), [Document(id="d", text="3 cats")], toolkit=SPEC)
