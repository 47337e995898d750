"""Reading documents: every format, and every kind of bad input as a one-line error."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from figcheck.inputs import InputError, RecordError, read_documents


def _read(paths, **kw):
    return list(read_documents([str(p) for p in paths], **kw))


def test_markdown_heading_is_the_title(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("# 12 injured in crash\n\nTwelve people were hurt.\n")
    (doc,) = _read([p])
    assert doc.title == "12 injured in crash"
    assert doc.text == "Twelve people were hurt.\n"
    assert doc.id == str(p)


def test_plain_text_without_heading(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Prices rose 3%.")
    (doc,) = _read([p])
    assert doc.title is None and doc.text == "Prices rose 3%."


def test_empty_file_is_an_empty_document(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("")
    (doc,) = _read([p])
    assert doc.text == ""


def test_jsonl_records_and_fields(tmp_path):
    p = tmp_path / "a.jsonl"
    recs = [
        {"id": "x", "text": "A", "title": "T", "source": "wire", "published": "2024-03-02",
         "story": "s1", "url": "http://e.invalid"},
        {"text": "B"},
    ]
    p.write_text("\n".join(json.dumps(r) for r in recs) + "\n\n")
    a, b = _read([p])
    assert (a.id, a.source, str(a.published), a.story) == ("x", "wire", "2024-03-02", "s1")
    assert b.id == f"{p}:2" and b.origin == f"{p}:2"


def test_gzip_jsonl(tmp_path):
    p = tmp_path / "a.jsonl.gz"
    with gzip.open(p, "wt") as fh:
        fh.write(json.dumps({"id": "g", "text": "Over 10,000 troops."}) + "\n")
    (doc,) = _read([p])
    assert doc.id == "g"


def test_zstd_jsonl(tmp_path):
    zstandard = pytest.importorskip("zstandard")
    p = tmp_path / "a.jsonl.zst"
    p.write_bytes(zstandard.ZstdCompressor().compress(b'{"id": "z", "text": "5 km"}\n'))
    (doc,) = _read([p])
    assert doc.text == "5 km"


def test_json_list(tmp_path):
    p = tmp_path / "a.json"
    p.write_text(json.dumps([{"id": "1", "text": "a"}, {"id": "2", "text": "b"}]))
    assert [d.id for d in _read([p])] == ["1", "2"]


def test_stdin(tmp_path):
    (doc,) = _read(["-"], stdin=io.BytesIO(b"# T\n\nbody"), stdin_filename="draft.md")
    assert doc.id == "draft.md" and doc.title == "T"


@pytest.mark.parametrize(
    "name, content, needle",
    [
        ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("bad.txt", b"caf\xe9 prices", "invalid UTF-8"),
        ("bad.json", b"[{\"id\": 1,", "malformed JSON"),
    ],
)
def test_bad_files_give_one_line_errors(tmp_path, name, content, needle):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(InputError) as err:
        _read([p])
    msg = str(err.value)
    assert needle in msg and str(p) in msg and "\n" not in msg


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        _read([tmp_path / "nope.txt"])


def test_bad_jsonl_lines_raise_or_are_recorded(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_bytes(
        b'{"id": "ok", "text": "fine"}\n'
        b"{not json\n"
        b'{"id": "nt"}\n'
        b'{"text": "caf\xe9"}\n'
        b'{"id": "d", "text": "x", "published": "yesterday"}\n'
        b'["a list"]\n'
        b'{"id": "ok2", "text": "also fine"}\n'
    )
    with pytest.raises(InputError, match=rf"{p}:2: malformed JSON"):
        _read([p])
    items = _read([p], errors="record")
    assert [getattr(i, "id", None) for i in items if not isinstance(i, RecordError)] == ["ok", "ok2"]
    errors = [i for i in items if isinstance(i, RecordError)]
    assert [e.line for e in errors] == [2, 3, 4, 5, 6]
    assert all("\n" not in str(e) and str(p) in str(e) for e in errors)


def test_a_50_mb_article_is_refused_in_one_line_without_parsing(tmp_path):
    p = tmp_path / "huge.txt"
    p.write_text("Over 10,000 troops were deployed. " * 1_500_000)  # 51 MB
    with pytest.raises(InputError) as err:
        _read([p])
    assert "51,000,000 characters" in str(err.value) and str(p) in str(err.value)
