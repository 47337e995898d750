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
        ("bad.txt", b"caf\x81 prices", "invalid UTF-8"),  # 0x81: not Windows-1252 either
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


@pytest.mark.parametrize(("copies", "reason"), [
    (150_000, "5,100,000 characters, over 1,500,000"),  # 5.1 MB: over the character limit
    (1_500_000, "over 6,000,000 bytes, the most figcheck reads"),  # 51 MB: over the byte limit
])
def test_a_huge_article_is_refused_in_one_line_without_parsing(tmp_path, copies, reason):
    p = tmp_path / "huge.txt"
    p.write_text("Over 10,000 troops were deployed. " * copies)
    with pytest.raises(InputError) as err:
        _read([p])
    assert reason in str(err.value) and str(p) in str(err.value) and "\n" not in str(err.value)


# --- titles: front matter and leading blank lines ------------------------------------------------

from figcheck.inputs import TextSource, find_title, split_title  # noqa: E402

HEADLINE = "North Korea sends 12,000 troops"
FRONT = "---\ntitle: Troops story\ndate: 2024-11-04\nwords: 350\n---\n"


@pytest.mark.parametrize(
    ("raw", "markdown", "title", "body"),
    [
        pytest.param(f"# {HEADLINE}\n\nBody 10,000.\n", True, HEADLINE, "Body 10,000.\n",
                     id="heading"),
        pytest.param(f"\n\n  \n# {HEADLINE}\n\nBody.\n", True, HEADLINE, "Body.\n",
                     id="blank-lines-first"),
        pytest.param(f"{FRONT}# {HEADLINE}\n\nBody.\n", True, HEADLINE, "Body.\n",
                     id="front-matter-then-heading"),
        pytest.param(f"{FRONT}\n\n# {HEADLINE}\nBody.\n", True, HEADLINE, "Body.\n",
                     id="front-matter-blank-lines-heading"),
        pytest.param(f"---\ntitle: {HEADLINE}\n---\n\nBody.\n", True, HEADLINE, "Body.\n",
                     id="front-matter-title"),
        pytest.param(f'---\ntitle: "{HEADLINE}"\n---\nBody.\n', True, HEADLINE, "Body.\n",
                     id="front-matter-double-quoted"),
        pytest.param(f"---\r\ntitle:   '{HEADLINE}'  \r\n---\r\nBody.\r\n", True, HEADLINE,
                     "Body.\r\n", id="front-matter-single-quoted-crlf"),
        pytest.param(f"---\ntitle: >\n  {HEADLINE}\n---\nBody.\n", True, None, None,
                     id="front-matter-block-scalar-is-no-title"),
        pytest.param("---\ndate: 2024-11-04\n---\nBody.\n", True, None, None,
                     id="front-matter-without-title"),
        pytest.param(f"---\ntitle: {HEADLINE}\n---\n# \n", True, "", "", id="empty-heading-wins"),
        pytest.param(f"---\ntitle: {HEADLINE}\n---\nBody.\n", False, None, None,
                     id="no-front-matter-in-plain-text"),
        pytest.param(f"\n# {HEADLINE}\nBody.", False, HEADLINE, "Body.", id="plain-text-blank-line"),
        pytest.param("#hashtag 5 people\n", True, None, None, id="hashtag-is-no-heading"),
        pytest.param("Some text.\n# Later heading\n", True, None, None, id="heading-not-first"),
        pytest.param("", True, None, None, id="empty"),
    ],
)
def test_find_title(raw: str, markdown: bool, title: str | None, body: str | None) -> None:
    heading = find_title(raw, markdown=markdown)
    assert heading.title == title
    assert raw[heading.body_start:] == (raw if body is None else body)
    if title:  # the title's offsets point into the file
        assert raw[heading.title_start:heading.title_start + len(title)] == title


def _split_title_before(raw: str) -> tuple[str | None, str]:
    """split_title as corpus/README.md documents it for plain files (before front matter)."""
    if raw.startswith("# "):
        line, _, rest = raw.partition("\n")
        return line[2:].strip(), rest.lstrip("\n")
    return None, raw


def test_split_title_contract_unchanged_for_the_corpus() -> None:
    from pathlib import Path

    files = sorted((Path(__file__).parents[1] / "corpus").rglob("*.md"))
    assert len(files) > 40
    for path in files:
        raw = path.read_text(encoding="utf-8")
        if raw.startswith("# ") or not raw.startswith(("\n", "---")):
            assert split_title(raw) == _split_title_before(raw), path


@pytest.mark.parametrize(
    ("raw", "title_at"),
    [
        pytest.param(f"# {HEADLINE}\n\nSome 10,000 were sent.\n", (1, 3), id="heading"),
        pytest.param(f"{FRONT}\n#   {HEADLINE}\n\nSome 10,000 were sent.\n", (7, 5),
                     id="front-matter-then-heading"),
        pytest.param(f'---\ndate: 2024-11-04\ntitle: "{HEADLINE}"\n---\n\nSome 10,000 were sent.\n',
                     (3, 9), id="front-matter-title"),
    ],
)
def test_markdown_title_and_text_positions_point_into_the_file(
    tmp_path, raw: str, title_at: tuple[int, int]
) -> None:
    from figcheck.inputs import read_sourced

    p = tmp_path / "a.md"
    p.write_text(raw, encoding="utf-8")
    [(doc, source)] = list(read_sourced([str(p)]))
    assert doc.title == HEADLINE and isinstance(source, TextSource)
    lines = raw.splitlines()
    assert source.position(0, "title") == title_at
    for offset, ch in enumerate(doc.title):
        line, col = source.position(offset, "title")
        assert lines[line - 1][col - 1] == ch
    for offset, ch in enumerate(doc.text):
        if ch.strip():
            line, col = source.position(offset, "text")
            assert lines[line - 1][col - 1] == ch
    assert "2024" not in doc.text and "350" not in doc.text


# --- every input error names its line ------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
@pytest.mark.parametrize(
    ("content", "line", "byte"),
    [
        # 0x81, 0x8d, 0x9d are neither UTF-8 nor Windows-1252: no fallback reads them
        pytest.param(b"caf\x81 prices", 1, 3, id="first-line"),
        pytest.param(b"Line one.\nLine two caf\x8d.\n", 2, 22, id="second-line"),
        pytest.param(b"\xef\xbb\xbfa\n\nb\n\xff", 4, 8, id="after-a-byte-order-mark"),
        pytest.param(b"ok\r\nok\r\n\x9d(", 3, 8, id="crlf"),
    ],
)
def test_invalid_utf8_names_the_line(tmp_path, suffix: str, content: bytes, line: int, byte: int) -> None:
    p = tmp_path / f"bad{suffix}"
    p.write_bytes(content)
    with pytest.raises(InputError) as err:
        _read([p])
    assert str(err.value) == f"{p}:{line}: invalid UTF-8 at byte {byte} ({content[byte:byte + 1]!r})"


PRETTY = """[
  {"id": "a", "text": "About 5 people."},
  {"id": "b", "title": "no text"},
  {
    "id": "c",
    "text": "A second\\nline in a string"
  },
  {"id": "d", "text": "x", "published": "yesterday"},
  "not an object"
]
"""


@pytest.mark.parametrize(
    ("text", "items"),
    [
        pytest.param(PRETTY, [("a", 2), (1, 3), ("c", 4), (3, 8), (4, 9)], id="pretty-printed"),
        pytest.param('[{"id": "a", "text": "x"}, {"id": "b"}]', [("a", 1), (1, 1)], id="one-line"),
        pytest.param('\n\n  {"id": "a", "text": "x"}\n', [("a", 3)], id="single-object"),
        pytest.param("\n[\n\n]\n", [], id="empty-list"),
    ],
)
def test_json_list_items_are_known_by_their_line(tmp_path, text: str, items: list) -> None:
    p = tmp_path / "list.json"
    p.write_text(text, encoding="utf-8")
    got = _read([p], errors="record")
    expected = []
    for key, line in items:
        if isinstance(key, str):  # a document read from that line
            expected.append(("doc", key, f"{p}:{line}"))
        else:  # a bad record: item index and line
            expected.append(("err", f"item {key}:", line))
    assert [("doc", i.id, i.origin) if not isinstance(i, RecordError)
            else ("err", i.message.split(" ", 2)[0] + " " + i.message.split(" ", 2)[1], i.line)
            for i in got] == expected
    if any(not isinstance(k, str) for k, _ in items):
        first_bad = next(line for k, line in items if not isinstance(k, str))
        with pytest.raises(InputError, match=rf"^{p}:{first_bad}: item "):
            _read([p])


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        pytest.param('[{"text": "a"},\n{"text": "b"} {"text": "c"}]', 2, "Expecting ',' delimiter",
                     id="missing-comma"),
        pytest.param('[{"text": "a"},\n\n{"text": "b"},]', 3, "Expecting value", id="trailing-comma"),
        pytest.param('[{"text": "a"}]\nextra', 2, "Extra data", id="extra-data"),
        pytest.param('[{"text": "a"},\n{"text": "b', 2, "Unterminated string", id="cut-off"),
        pytest.param('{"text": "a"', 1, "Expecting ',' delimiter", id="single-object-cut-off"),
    ],
)
def test_malformed_json_names_the_line_after_the_items_before_it(tmp_path, text: str, line: int,
                                                                 message: str) -> None:
    from figcheck.inputs import BrokenStream

    p = tmp_path / "m.json"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(BrokenStream) as err:
        _read([p])
    assert err.value.line == line and str(err.value).startswith(f"{p}:{line}: malformed JSON")
    assert message in str(err.value)
