"""Reading input robustly: drafts with front matter, settings per file, bad files among good ones,
other encodings, FIFOs and devices, compression bombs, hostile JSON (issues 12 and 13)."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.inputs import InputError, RecordError, iter_items, read_front_matter

WIRE = """---
title: Ferry sinks off the coast
source: Wire
published: 2026-03-01
story: ferry
url: https://example.invalid/ferry
tags:
  - sea
  - "weather"
---

More than 200 passengers were on board when the ferry sank.
"""
LOCAL = """---
source: Local
published: "2026-03-02"
story: 'ferry'
---
# Ferry disaster

There were 148 passengers on board, the coastguard said.
"""
RADIO = """---
source: Radio  # the station
published: 2026-03-02T08:00:00Z
story: ferry
---
Officials said 150 passengers were on board.
"""


def codes_and_messages(stdout: str) -> list[tuple[str, str]]:
    out = []
    for line in stdout.splitlines():
        code, message = line.split(": ", 1)[1].split(" ", 1)
        out.append((code, message.split(" [“")[0]))
    return sorted(out)


def drafts(folder: Path, unlinked: bool = False) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in (("wire.md", WIRE), ("local.md", LOCAL), ("radio.txt", RADIO)):
        if unlinked:
            text = "\n".join(line for line in text.splitlines() if not line.startswith("story:"))
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


# --- 1. front matter ------------------------------------------------------------------------------

def test_front_matter_is_read_into_the_document(tmp_path: Path) -> None:
    wire, local, radio = drafts(tmp_path)
    [w] = list(iter_items(str(wire)))
    assert (w.title, w.source, str(w.published), w.story, w.url) == (
        "Ferry sinks off the coast", "Wire", "2026-03-01", "ferry", "https://example.invalid/ferry")
    assert "Wire" not in w.text and w.text.strip().startswith("More than 200")
    [lo] = list(iter_items(str(local)))
    assert (lo.title, lo.source, str(lo.published), lo.story) == ("Ferry disaster", "Local", "2026-03-02", "ferry")
    [r] = list(iter_items(str(radio)))  # .txt drafts too; the front matter is blanked, not read as copy
    assert (r.source, str(r.published), r.story) == ("Radio", "2026-03-02", "ferry")
    assert "2026" not in r.text and len(r.text) == len(RADIO)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("---\nstory: ferry\nthis is no yaml\n---\nx\n", "a.md:3: front matter line is not 'key: value'",
                     id="not-key-value"),
        pytest.param("---\npublished: yesterday\n---\nx\n", "a.md:2: front matter 'published' is not an ISO date",
                     id="bad-date"),
        pytest.param("---\nstory: \"ferry\n---\nx\n", "a.md:2: front matter 'story': unclosed",
                     id="unclosed-quote"),
        pytest.param("---\nstory:\n  - a\n  - b\n---\nx\n", "a.md:3: front matter 'story' must be a one-line value",
                     id="list"),
        pytest.param("---\nsource: [a, b]\n---\nx\n", "a.md:2: front matter 'source' must be a one-line value",
                     id="flow-list"),
        pytest.param("---\nstory: a\nstory: b\n---\nx\n", "a.md:3: front matter gives 'story' twice",
                     id="twice"),
    ],
)
def test_malformed_front_matter_is_one_line(text: str, message: str) -> None:
    with pytest.raises(InputError) as err:
        read_front_matter(text, "a.md")
    assert str(err.value).startswith(message) and "\n" not in str(err.value)


def test_front_matter_without_metadata_and_other_keys(tmp_path: Path) -> None:
    assert read_front_matter("no front matter\n", "a.md") is None
    assert read_front_matter("---\nBreaking: news at 10\n---\n", "a.md") is not None  # a key
    assert read_front_matter("---\nBreaking news, 10 dead\n---\nText.\n", "a.txt") is None  # copy
    rules = tmp_path / "rules.txt"
    rules.write_text("---\nBreaking news, 10 dead\n---\nText.\n", encoding="utf-8")
    [doc] = list(iter_items(str(rules)))
    assert doc.text.startswith("---\nBreaking news, 10 dead")
    fm = read_front_matter("---\nlayout: post\nwords: 350\nnotes: |\n  free: text\n---\nBody\n", "a.md")
    assert fm is not None and fm.values == {} and fm.end == len("---\nlayout: post\nwords: 350\nnotes: |\n  free: text\n---\n")


@pytest.mark.usefixtures("hand_weights")  # the draft-and-story plumbing, not the decision: the refit
# weights (2026-12-08) score the ferry drafts' "More than 200" / "148" passengers 0.67, under 0.71
def test_drafts_with_story_front_matter_find_what_the_same_jsonl_finds(run_cli, tmp_path: Path) -> None:
    paths = drafts(tmp_path / "drafts")
    as_md = run_cli("check", *map(str, paths))
    assert as_md.exit_code == 1
    records = []
    for path in paths:
        [doc] = list(iter_items(str(path)))
        records.append({"id": path.name, "title": doc.title, "text": doc.text.strip(), "source": doc.source,
                        "published": str(doc.published), "story": doc.story})
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    as_jsonl = run_cli("check", str(feed))
    assert as_jsonl.exit_code == 1
    found = codes_and_messages(as_md.stdout)
    assert [code for code, _ in found] == ["FC111"] * 3
    assert found == codes_and_messages(as_jsonl.stdout)
    # and in any order of the files
    assert codes_and_messages(run_cli("check", *map(str, reversed(paths))).stdout) == found


@pytest.mark.usefixtures("hand_weights")  # the draft-and-story plumbing, not the decision: the refit
# weights (2026-12-08) score the ferry drafts' "More than 200" / "148" passengers 0.67, under 0.71
def test_unlinked_drafts_get_a_note_and_story_options_link_them(run_cli, tmp_path: Path) -> None:
    paths = [str(p) for p in drafts(tmp_path, unlinked=True)]
    plain = run_cli("check", *paths)
    assert plain.exit_code == 0 and plain.stdout == ""
    note = [line for line in plain.stderr.splitlines() if line.startswith("figcheck: note: ")]
    assert len(note) == 1 and "'story:'" in note[0] and "--story ID" in note[0] and "--stories one" in note[0]
    for option in (["--story", "ferry"], ["--stories", "one"], ["--stories", "none"]):
        linked = run_cli("check", *option, *paths)
        assert linked.exit_code == 1, option
        assert [c for c, _ in codes_and_messages(linked.stdout)] == ["FC111"] * 3, option
        assert "figcheck: note:" not in linked.stderr
    assert run_cli("check", "--stories", "one", "-q", paths[0]).stderr == ""


def test_published_option_fills_in_a_draft_without_a_date(run_cli, tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("More than 200 passengers were on board.\n", encoding="utf-8")
    other = tmp_path / "other.md"
    other.write_text("---\nsource: Local\npublished: 2026-03-02\n---\nThere were 148 passengers on board.\n",
                     encoding="utf-8")
    result = run_cli("check", "--story", "ferry", "--published", "2026-03-01", str(draft), str(other))
    assert "(1 March 2026" in result.stdout and "Local (2 March 2026" in result.stdout
    bad = run_cli("check", "--published", "March", str(draft))
    assert bad.exit_code == 2 and "--published" in bad.stderr


# --- 2. settings per file ------------------------------------------------------------------------

def test_settings_are_per_file_and_order_does_not_matter(run_cli, tmp_path: Path, monkeypatch) -> None:
    from .conftest import ARTICLE

    monkeypatch.chdir(tmp_path)
    for folder, toml in (("a", 'ignore = ["FC2"]\n'), ("b", 'select = ["FC2"]\n[severity]\nFC201 = "error"\n')):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "figcheck.toml").write_text(toml, encoding="utf-8")
        (tmp_path / folder / "x.md").write_text(ARTICLE, encoding="utf-8")
    one = run_cli("check", "--preview", "--stories", "field", "a/x.md", "b/x.md")
    two = run_cli("check", "--preview", "--stories", "field", "b/x.md", "a/x.md")
    lines = sorted(one.stdout.splitlines())
    assert lines == sorted(two.stdout.splitlines())
    assert [line.split()[1] for line in lines if line.startswith("a/")] == ["FC102"]
    assert sorted(line.split()[1] for line in lines if line.startswith("b/")) == ["FC201", "FC205"]
    assert one.exit_code == two.exit_code == 1


@pytest.mark.usefixtures("hand_weights")  # the draft-and-story plumbing, not the decision: the refit
# weights (2026-12-08) score the ferry drafts' "More than 200" / "148" passengers 0.67, under 0.71
def test_cross_findings_follow_every_file_they_involve(run_cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    paths = drafts(tmp_path / "story")
    (tmp_path / "story" / "quiet").mkdir()
    moved = tmp_path / "story" / "quiet" / "radio.txt"
    paths[2].rename(moved)
    (tmp_path / "story" / "quiet" / "figcheck.toml").write_text('ignore = ["FC111"]\n', encoding="utf-8")
    for order in (["story/wire.md", "story/local.md", "story/quiet/radio.txt"],
                  ["story/quiet/radio.txt", "story/local.md", "story/wire.md"]):
        result = run_cli("check", *order)
        assert len(result.stdout.splitlines()) == 1 and "radio" not in result.stdout, order


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        pytest.param("x = " + "[" * 5_000 + "]" * 5_000 + "\n", "invalid TOML (nested too deeply)", id="deep-array"),
        pytest.param("[tool]\nfigcheck = 5\n", "[tool.figcheck] must be a table, not int", id="tool-figcheck-5"),
        pytest.param(b"tolerance = 0.1\n# caf\xe9\n", ":2: not valid UTF-8 (byte 21)", id="not-utf8"),
        pytest.param('exclude = "a"\nextend-exclude = [1]\n', "'extend-exclude' must be a list of glob patterns",
                     id="bad-exclude"),
    ],
)
def test_config_errors_are_one_line_exit_2(run_cli, tmp_path: Path, toml: str | bytes, message: str) -> None:
    config = tmp_path / "figcheck.toml"
    config.write_bytes(toml if isinstance(toml, bytes) else toml.encode())
    (tmp_path / "a.md").write_text("About 5 people.\n", encoding="utf-8")
    for command in (["check"], ["show-config"]):
        result = run_cli(*command, str(tmp_path / "a.md"))
        assert result.exit_code == 2, command
        [line] = result.stderr.strip().splitlines()
        assert line.startswith("figcheck: error: ") and "figcheck.toml" in line and message in line
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text("[tool]\nfigcheck = 5\n", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text("About 5 people.\n", encoding="utf-8")
    result = run_cli("check", "--isolated", str(tmp_path / "sub" / "b.md"))
    assert result.exit_code == 0
    result = run_cli("check", str(tmp_path / "sub" / "b.md"))
    assert result.exit_code == 2 and "[tool.figcheck] must be a table, not int" in result.stderr


def test_exclude_and_extend_exclude_in_a_folder_run(run_cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("copy/a.md", "copy/node_modules/pkg/readme.md", "copy/build/out.md", "copy/drafts/old.md",
                 "copy/drafts/new.md", "copy/notes.txt"):
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text("About 5 people.\n", encoding="utf-8")

    def documents(*args: str) -> list[str]:
        result = run_cli("check", "--format", "json", *args)
        return [d["id"] for d in json.loads(result.stdout)["documents"]]

    assert documents("copy") == ["copy/a.md", "copy/drafts/new.md", "copy/drafts/old.md", "copy/notes.txt"]
    Path("figcheck.toml").write_text('extend-exclude = ["copy/drafts/old.md", "*.txt"]\n', encoding="utf-8")
    assert documents("copy") == ["copy/a.md", "copy/drafts/new.md"]
    assert documents("copy", "copy/notes.txt") == ["copy/a.md", "copy/drafts/new.md", "copy/notes.txt"]
    Path("figcheck.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")  # replaces the defaults
    assert documents("copy") == ["copy/a.md", "copy/build/out.md", "copy/node_modules/pkg/readme.md",
                                 "copy/notes.txt"]


# --- 3. bad files among good ones, encodings --------------------------------------------------------

def test_a_folder_run_reports_bad_files_and_checks_the_others(run_cli, tmp_path: Path, troops: Path) -> None:
    folder = tmp_path / "copy"
    folder.mkdir()
    (folder / "a-bad-utf8.txt").write_bytes(b"caf\x81 12 people")
    (folder / "b-binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (folder / "c-front.md").write_text("---\npublished: soon\n---\nAbout 5 people.\n", encoding="utf-8")
    (folder / "d-troops.md").write_text(troops.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "e-records.jsonl").write_text('{"id": "r", "text": "About 5 people."}\n{"id": "s"}\n',
                                            encoding="utf-8")
    result = run_cli("check", "--preview", str(folder))
    assert result.exit_code == 2
    assert sorted(line.split()[1] for line in result.stdout.splitlines()) == ["FC201", "FC205"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("figcheck: error: ")]
    assert [e.split(": ", 2)[2].split(":")[0].rsplit("/", 1)[-1] for e in errors] == [
        "a-bad-utf8.txt", "b-binary.md", "c-front.md", "e-records.jsonl"]
    assert "Found 2 findings (2 warnings) in 2 documents. 4 input problems" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("data", "notice"),
    [
        pytest.param("Caf\u00e9 prices rose 5% \u2013 \u201cabout 40 people\u201d.".encode("cp1252"),
                     "not valid UTF-8 (line 1, byte 3); read as Windows-1252", id="windows-1252"),
        pytest.param("Caf\u00e9 prices rose 5% \u2013 \u201cabout 40 people\u201d.".encode("utf-16"),
                     "read as UTF-16 (byte-order mark)", id="utf-16-le-bom"),
        pytest.param("Caf\u00e9 prices rose 5% \u2013 \u201cabout 40 people\u201d.".encode("utf-16-be").join(
            [b"\xfe\xff", b""]), "read as UTF-16 (byte-order mark)", id="utf-16-be-bom"),
        pytest.param("Caf\u00e9 prices rose 5% \u2013 \u201cabout 40 people\u201d.".encode("utf-8-sig"), None,
                     id="utf-8-bom"),
    ],
)
def test_other_encodings_are_read_with_a_notice(run_cli, tmp_path: Path, data: bytes, notice: str | None) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(data)
    result = run_cli("extract", "--format", "json", str(path))
    assert result.exit_code == 0, result.stderr
    [doc] = json.loads(result.stdout)["documents"]
    assert [q["text"] for q in doc["quantities"]] == ["5%", "about 40"]
    notes = [line for line in result.stderr.splitlines() if line.startswith("figcheck: note: ")]
    assert notes == ([] if notice is None else [f"figcheck: note: {path}: {notice}"])
    assert run_cli("check", "-q", str(path)).stderr == ""


def test_utf16_jsonl_and_real_binary(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes('{"id": "a", "text": "Caf\u00e9: 5 people"}\n{"id": "b", "text": "7 more"}\n'.encode("utf-16"))
    notices: list[str] = []
    assert [d.id for d in iter_items(str(feed), notices=notices)] == ["a", "b"]
    assert notices == [f"{feed}: read as UTF-16 (byte-order mark)"]
    binary = tmp_path / "photo.md"
    binary.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(InputError, match="looks like a binary file"):
        list(iter_items(str(binary)))
    controls = tmp_path / "controls.txt"  # no NUL, not UTF-8, but mostly control bytes
    controls.write_bytes(bytes([1, 2, 3, 4, 5, 6, 0x81 - 0x70, 0xE9]) * 500)
    with pytest.raises(InputError, match="looks like a binary file"):
        list(iter_items(str(controls)))


# --- 4. FIFOs and devices: never hang ------------------------------------------------------------

def _figcheck(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "figcheck", *args], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("command", ["check", "batch"])
def test_a_fifo_nobody_writes_to_never_hangs(tmp_path: Path, command: str) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    good = tmp_path / "good.jsonl"
    good.write_text('{"id": "g", "text": "About 5 people were hurt.", "story": "s"}\n', encoding="utf-8")
    writer = subprocess.Popen(  # opens the FIFO for writing and never writes
        [sys.executable, "-c", f"import time; f = open({str(fifo)!r}, 'w'); time.sleep(60)"])
    try:
        args = [str(fifo), str(good)] + (["--db", str(tmp_path / "f.db"), "-q"] if command == "batch" else [])
        result = _figcheck(command, *args, env={"FIGCHECK_READ_TIMEOUT": "1"}, timeout=45)
    finally:
        writer.kill()
        writer.wait()
    assert "Traceback" not in result.stderr
    message = "a FIFO that sent nothing for 1 s"
    if command == "check":
        assert result.returncode == 2
        assert f"figcheck: error: {fifo}: {message}" in result.stderr
        assert "in 1 document" in result.stderr  # the good file was checked
    else:  # batch re-reads its inputs to resume: a FIFO is refused before anything starts
        assert result.returncode == 2
        assert result.stderr.strip() == (
            f"figcheck: error: {fifo}: is a FIFO; 'figcheck batch' reads regular files and folders "
            "(it reads them again to resume); copy it to a file first, or use 'figcheck check'")
        assert not (tmp_path / "f.db").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_with_a_writer_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    writer = subprocess.Popen(
        [sys.executable, "-c", f"open({str(fifo)!r}, 'w').write('# T\\n\\nIt rose from 40 to 50, a 40% rise.\\n')"])
    try:
        result = _figcheck("check", "--preview", str(fifo), timeout=45)
    finally:
        writer.wait(timeout=30)
    assert result.returncode == 1 and "FC201" in result.stdout


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_dev_zero_is_one_line_and_bounded(tmp_path: Path) -> None:
    result = _figcheck("check", "/dev/zero")
    assert result.returncode == 2
    assert result.stderr.strip() == "figcheck: error: /dev/zero: is a character device, not a file"
    result = _figcheck("batch", "/dev/zero", "--db", str(tmp_path / "z.db"))
    assert result.returncode == 2 and "/dev/zero: is a character device; 'figcheck batch'" in result.stderr
    for name in ("zero.md", "zero.jsonl"):  # as standard input: the first chunk shows it is binary
        with open("/dev/zero", "rb") as zero:
            run = subprocess.run([sys.executable, "-m", "figcheck", "check", "-", "--stdin-filename", name],
                                 stdin=zero, capture_output=True, text=True, timeout=60)
        assert run.returncode == 2 and "looks like a binary file" in run.stderr, name
        assert len(run.stderr.strip().splitlines()) == 1


# --- 5. sizes are checked while reading and decompressing ---------------------------------------

@pytest.mark.parametrize(("byte", "reason"), [
    pytest.param(b"\x20", "over 2,000,000 bytes, the most figcheck reads from one file "
                 "(split it, or use .jsonl for archives)", id="spaces"),
    pytest.param(b"\x00", "looks like a binary file, not text", id="zeros"),
])
def test_a_gzip_bomb_is_refused_without_being_read(tmp_path: Path, monkeypatch, byte: bytes, reason: str) -> None:
    import figcheck.inputs as inputs

    bomb = tmp_path / "bomb.txt.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as out:
        block = byte * (1 << 20)
        for _ in range(50):  # 50 MB
            out.write(block)
    assert bomb.stat().st_size < 200_000
    monkeypatch.setattr(inputs, "MAX_INPUT_BYTES", 2_000_000)
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as err:
            list(iter_items(str(bomb)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(err.value) == f"{bomb}: {reason}"
    assert peak < 12_000_000  # never the 50 MB: at most the limit and a chunk or two


def test_an_overlong_jsonl_line_is_skipped_in_bounded_memory(tmp_path: Path, monkeypatch) -> None:
    import figcheck.inputs as inputs

    feed = tmp_path / "feed.jsonl.gz"
    with gzip.open(feed, "wb") as out:
        out.write(b'{"id": "a", "text": "About 5 people."}\n')
        out.write(b'{"id": "big", "text": "' + b"x" * 30_000_000 + b'"}\n')
        out.write(b'{"id": "c", "text": "About 7 people."}\n')
    monkeypatch.setattr(inputs, "MAX_INPUT_BYTES", 1_000_000)
    tracemalloc.start()
    try:
        items = list(iter_items(str(feed)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [getattr(i, "id", None) for i in items] == ["a", None, "c"]
    assert isinstance(items[1], RecordError) and items[1].line == 2
    assert items[1].message == "line is over 1,000,000 bytes, the most figcheck reads for one record"
    assert peak < 8_000_000


# --- 6. deeply nested JSON is a recorded bad record ---------------------------------------------

DEEP = '{"id": "deep", "text": "x", "title": ' + "[" * 100_000 + "]" * 100_000 + "}"


def _feed(path: Path) -> Path:
    lines = [json.dumps({"id": f"d{i}", "text": f"About {i + 3} people were hurt in the town.",
                         "story": f"s{i % 20}", "source": f"S{i % 3}"}) for i in range(200)]
    lines.insert(100, DEEP)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_deep_json_line_in_batch_is_a_bad_record_and_the_rest_are_committed(run_cli, tmp_path: Path) -> None:
    import sqlite3

    feed = _feed(tmp_path / "feed.jsonl")
    db = tmp_path / "f.db"
    result = run_cli("batch", str(feed), "--db", str(db), "-q", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert "200 documents processed" in result.stdout and "1 bad records" in result.stdout
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 200
        assert conn.execute("SELECT path, line, message FROM errors").fetchall() == [
            (str(feed), 101, "malformed JSON (nested too deeply)")]
    finally:
        conn.close()


def test_deep_json_in_check_and_in_a_json_list(run_cli, tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl")
    result = run_cli("check", "--format", "json", "--stories", "field", str(feed))
    assert result.exit_code == 2
    assert len(json.loads(result.stdout)["documents"]) == 200
    assert f"figcheck: error: {feed}:101: malformed JSON (nested too deeply)" in result.stderr.splitlines()
    shallow = '{"id": "s", "text": "x", "title": ' + "[" * 500 + "]" * 500 + "}"  # deep enough to be odd
    odd = tmp_path / "odd.jsonl"
    odd.write_text(shallow + "\n", encoding="utf-8")
    [item] = list(iter_items(str(odd)))
    assert isinstance(item, RecordError) and item.message == "'title' is list, expected a string"
    listed = tmp_path / "list.json"
    listed.write_text('[{"id": "a", "text": "About 5 people."},\n' + DEEP + "]", encoding="utf-8")
    items = []
    with pytest.raises(InputError, match=r"list\.json:2: malformed JSON \(nested too deeply\)"):
        for item in iter_items(str(listed)):
            items.append(item)
    assert [i.id for i in items] == ["a"]  # type: ignore[union-attr]


# --- 7. a document that makes the checker raise never loses the others' findings --------------

def test_a_document_that_makes_the_checker_raise_is_a_per_document_error(run_cli, tmp_path: Path,
                                                                         troops: Path, monkeypatch) -> None:
    import figcheck.cli.check as check_module

    real = check_module.compute

    def fails_on_marker(docs, config):  # type: ignore[no-untyped-def]
        if any("BOOM" in d.text for d in docs):
            raise ArithmeticError("boom")
        return real(docs, config)

    monkeypatch.setattr(check_module, "compute", fails_on_marker)
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "ok", "text": "About 5 people."}\n'
                    '{"id": "bad", "text": "<!-- figcheck: ignore[FC101] -->\\nBOOM 12"}\n', encoding="utf-8")
    result = run_cli("check", "--preview", str(feed), str(troops))
    assert result.exit_code == 2
    assert sorted(line.split()[1] for line in result.stdout.splitlines()) == ["FC201", "FC205"]
    assert (f"figcheck: error: {feed}:2: not checked: internal error: ArithmeticError: boom (please report it; "
            "FIGCHECK_DEBUG=1 shows the traceback)") in result.stderr.splitlines()
    assert "in 2 documents. 1 input problem" in result.stderr


def test_the_known_parser_crash_never_loses_other_files(run_cli, tmp_path: Path, troops: Path) -> None:
    """Issue 13 item 4's reproducer: whether or not the parser still raises on it, the other
    file's findings are reported."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "bad", "text": "12345678901234567890123456789:1"}\n', encoding="utf-8")
    result = run_cli("check", "--preview", str(feed), str(troops))
    assert sorted(line.split()[1] for line in result.stdout.splitlines()) == ["FC201", "FC205"]
    assert result.exit_code in (1, 2) and "Traceback" not in result.stderr


def test_stdin_is_still_read(run_cli) -> None:
    result = run_cli("check", "--preview", "-", "--stdin-filename", "d.md", "-q",
                     input=io.BytesIO(b"It rose from 40 to 50, a 40% rise.\n").read())
    assert result.exit_code == 1 and "FC201" in result.stdout


def test_batch_applies_exclude_to_folders_and_takes_stories_one(run_cli, tmp_path: Path, monkeypatch) -> None:
    import sqlite3

    monkeypatch.chdir(tmp_path)
    for name in ("arch/2024/a.jsonl", "arch/node_modules/x.jsonl", "arch/old/b.jsonl"):
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(json.dumps({"id": name, "text": "About 5 people were hurt."}) + "\n",
                              encoding="utf-8")
    Path("figcheck.toml").write_text('extend-exclude = ["arch/old"]\n', encoding="utf-8")
    result = run_cli("batch", "arch", "--db", "f.db", "-q", "--jobs", "1", "--stories", "one")
    assert result.exit_code == 0, result.stderr
    conn = sqlite3.connect("f.db")
    try:
        assert [r[0] for r in conn.execute("SELECT path FROM inputs")] == [os.path.join("arch", "2024", "a.jsonl")]
    finally:
        conn.close()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_batch_skips_a_fifo_inside_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "arch"
    folder.mkdir()
    os.mkfifo(folder / "pipe.jsonl")
    (folder / "a.jsonl").write_text('{"id": "a", "text": "About 5 people."}\n', encoding="utf-8")
    result = _figcheck("batch", str(folder), "--db", str(tmp_path / "f.db"), "-q", "--jobs", "1", timeout=60)
    assert result.returncode == 0, result.stderr
    assert "1 documents processed" in result.stdout
    assert f"figcheck: note: {folder / 'pipe.jsonl'}: not a regular file; skipped" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_trickling_fifo_is_given_up_in_bounded_time(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    writer = subprocess.Popen(  # a byte every 0.1 s, for a minute: never idle, never done
        ["sh", "-c", 'exec 3>"$1"; i=0; while [ $i -lt 600 ]; do printf a >&3; sleep 0.1; i=$((i+1)); done',
         "sh", str(fifo)], stderr=subprocess.DEVNULL)
    try:
        result = _figcheck("check", str(fifo), env={"FIGCHECK_READ_TIMEOUT": "0.5"}, timeout=45)
    finally:
        writer.kill()
        writer.wait()
    assert result.returncode == 2
    assert f"figcheck: error: {fifo}: a FIFO still sending after 10 s; gave up" in result.stderr


@given(st.lists(st.sampled_from(["---\n", "title: ", "story: ", "published: ", "2026-03-01", "x", ":", " ", "\n",
                                 "  - a\n", "'", '"', "#", "|", "[", "\r\n", "source:", "\\"]), max_size=40)
       .map("".join))
@settings(max_examples=300, deadline=None)
def test_front_matter_reader_only_raises_input_errors(text: str) -> None:
    try:
        fm = read_front_matter(text, "a.md")
    except InputError as exc:
        assert str(exc).startswith("a.md:") and "\n" not in str(exc)
    else:
        assert fm is None or (0 < fm.end <= len(text) and set(fm.values) <= {"title", "source", "published",
                                                                             "story", "url"})


@pytest.mark.usefixtures("hand_weights")  # the draft-and-story plumbing, not the decision: the refit
# weights (2026-12-08) score the ferry drafts' "More than 200" / "148" passengers 0.67, under 0.71
def test_html_charset_json_stays_utf8_and_stories_one_in_a_file(run_cli, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes('<html><head><meta charset="iso-8859-15"><title>T</title></head><body><article>'
                     '<p>Caf\u00e9 prices rose 5%, \u20ac 40 more.</p></article></body></html>'.encode("iso-8859-15"))
    notices: list[str] = []
    [doc] = list(iter_items(str(page), notices=notices))
    assert "Caf\u00e9" in doc.text and "\u20ac" in doc.text and notices == []  # declared: no guess, no notice
    records = tmp_path / "records.json"
    records.write_bytes('[{"id": "a", "text": "caf\u00e9"}]'.encode("cp1252"))
    with pytest.raises(InputError, match=r"records\.json:1: invalid UTF-8 at byte 25"):
        list(iter_items(str(records)))
    paths = [str(p) for p in drafts(tmp_path / "d", unlinked=True)]
    (tmp_path / "d" / "figcheck.toml").write_text('stories = "one"\n', encoding="utf-8")
    linked = run_cli("check", *paths)
    assert [c for c, _ in codes_and_messages(linked.stdout)] == ["FC111"] * 3


@pytest.mark.usefixtures("hand_weights")
def test_a_files_own_tolerance_applies_to_its_within_findings(run_cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = ("About 5,000 people marched in the city on Sunday.\n\n"
            "Police said 4,870 people marched in the city on Sunday.\n")
    for folder in ("strict", "loose"):
        Path(folder).mkdir()
        Path(folder, "x.md").write_text(text, encoding="utf-8")
    Path("strict", "figcheck.toml").write_text("tolerance = 0.0\n", encoding="utf-8")
    for order in (["strict/x.md", "loose/x.md"], ["loose/x.md", "strict/x.md"]):
        result = run_cli("check", "--stories", "field", *order)
        assert [line.split(":")[0] + " " + line.split()[1] for line in result.stdout.splitlines()] == [
            "strict/x.md FC101"], order


# --- 9. the document size limit is a one-line error ----------------------------------------------

@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_a_document_over_the_size_limit_is_a_one_line_error(tmp_path: Path, suffix: str) -> None:
    from figcheck.inputs import MAX_DOCUMENT_CHARS

    assert MAX_DOCUMENT_CHARS == 1_500_000  # what docs/cli.md states (bench/memory.py --news-sizes)
    sentence = "About 5 people were hurt. "
    body = (sentence * (MAX_DOCUMENT_CHARS // len(sentence) + 1))[:MAX_DOCUMENT_CHARS + 1]
    big = tmp_path / f"big{suffix}"
    big.write_text(body if suffix == ".txt" else json.dumps({"id": "big", "text": body}) + "\n",
                   encoding="utf-8")
    good = tmp_path / "good.md"
    good.write_text("About 7 people were hurt.\n", encoding="utf-8")
    result = _figcheck("check", str(big), str(good), "-f", "json", timeout=120)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if "over 1,500,000" in line]
    assert len(lines) == 1, result.stderr
    assert f"{MAX_DOCUMENT_CHARS + 1:,} characters, over {MAX_DOCUMENT_CHARS:,}" in lines[0]
    assert str(big) in lines[0]
    report = json.loads(result.stdout)  # the good file is still checked
    assert [d["id"] for d in report["documents"]] == [str(good)]
