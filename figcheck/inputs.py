"""Reading documents from files: .txt/.md/.html (one article), .jsonl (one record a line), .json (a list
of records), their .gz/.zst variants, and ``-`` for standard input.

Every problem is reported in one line naming the file (and line for records).  With
``errors="raise"`` the first problem raises :class:`InputError` (the CLI turns it into exit code 2);
with ``errors="record"`` bad records are yielded as :class:`RecordError` and reading goes on (the
batch job stores them).
"""

from __future__ import annotations

import datetime as _dt
import gzip
import io
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict

from .model import Document

if TYPE_CHECKING:
    from .htmltext import HtmlText

MAX_DOCUMENT_CHARS = 20_000_000
"""Larger texts are refused with a per-record error instead of being parsed."""

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
RECORD_FIELDS = {"id", "text", "title", "source", "published", "url", "story", "desk"}


class InputError(Exception):
    """A one-line, user-facing description of an unreadable input."""


class BrokenStream(InputError):
    """A file that breaks off while being read: a truncated or corrupt compressed stream.  The
    items before ``line`` have been read; ``reason`` is the message without file and line."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}" if line else f"{path}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class RecordError(BaseModel):
    model_config = ConfigDict(frozen=True)
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


Item = Document | RecordError


def _strip_compression(path: str) -> tuple[str, str | None]:
    for suffix, kind in ((".gz", "gz"), (".zst", "zst")):
        if path.endswith(suffix):
            return path[: -len(suffix)], kind
    return path, None


class StreamError(Exception):
    """A compressed stream that is corrupt or ends before its end-of-stream mark (raised while
    reading; :func:`iter_items` turns it into an :class:`InputError` naming the file and line)."""


class _Checked(io.RawIOBase):
    """A decompressing stream whose failures (``EOFError`` for a truncated gzip member,
    ``BadGzipFile``, ``zlib.error``, ``zstandard.ZstdError`` ...) all become :class:`StreamError`."""

    def __init__(self, inner: IO[bytes], kind: str) -> None:
        super().__init__()
        self._inner = inner
        self._kind = kind

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            data = self._inner.read(len(buffer))
        except StreamError:
            raise
        except EOFError:
            raise StreamError(f"truncated: the {self._kind} stream ends before its end mark") from None
        except Exception as exc:  # noqa: BLE001 - every decompressor failure is an input error
            raise StreamError(f"not a valid {self._kind} stream ({exc})") from None
        n = len(data)
        buffer[:n] = data
        return n

    def close(self) -> None:
        try:
            self._inner.close()
        finally:
            super().close()


class _ZstdFrames(io.RawIOBase):
    """Zstandard decompression that notices a truncated stream.

    ``ZstdDecompressor().stream_reader`` returns end-of-file when its input runs out in the middle
    of a frame, so a half-copied archive reads as a shorter, valid one.  Here every frame
    (concatenated and skippable frames included) goes through its own ``decompressobj`` and the end
    of the input must coincide with the end of a frame (its ``eof``)."""

    CHUNK = 1 << 17

    def __init__(self, raw: IO[bytes], zstandard: Any) -> None:
        super().__init__()
        self._raw = raw
        self._zstd = zstandard.ZstdDecompressor()
        self._frame: Any = None
        """The frame being decompressed (None between frames)."""
        self._out = b""
        self._pos = 0
        self._done = False

    def readable(self) -> bool:
        return True

    def _fill(self) -> None:
        data = self._raw.read(self.CHUNK)
        if not data:
            self._done = True
            if self._frame is not None:
                raise StreamError("truncated: the zstd stream ends in the middle of a frame")
            return
        pieces = []
        while data:
            if self._frame is None:
                self._frame = self._zstd.decompressobj()
            pieces.append(self._frame.decompress(data))
            if self._frame.eof:
                data = self._frame.unused_data
                self._frame = None
            else:
                data = b""
        self._out = b"".join(pieces)
        self._pos = 0

    def readinto(self, buffer: Any) -> int:
        while self._pos >= len(self._out) and not self._done:
            self._fill()
        n = min(len(buffer), len(self._out) - self._pos)
        buffer[:n] = self._out[self._pos:self._pos + n]
        self._pos += n
        return n

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()


def _open_binary(path: str, compression: str | None, stdin: IO[bytes] | None) -> IO[bytes]:
    if path == "-":
        raw: IO[bytes] = stdin if stdin is not None else os.fdopen(os.dup(0), "rb")
    else:
        try:
            raw = open(path, "rb")
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except IsADirectoryError:
            raise InputError(f"{path}: is a directory") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if compression == "gz":
        return io.BufferedReader(_Checked(gzip.GzipFile(fileobj=raw), "gzip"), 1 << 16)  # type: ignore[arg-type]
    if compression == "zst":
        try:
            import zstandard
        except ImportError:
            raise InputError(f"{path}: reading .zst needs 'pip install figcheck[zstd]'") from None
        return io.BufferedReader(_Checked(_ZstdFrames(raw, zstandard), "zstd"), 1 << 16)  # type: ignore[arg-type]
    return raw


def _decode(data: bytes, where: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)  # offset in the file
        line = data.count(b"\n", 0, start) + 1
        raise InputError(
            f"{where}:{line}: invalid UTF-8 at byte {start} ({data[start:start + 1]!r})"
        ) from None


@dataclass(frozen=True)
class Heading:
    """Where a text file's title and text are (see :func:`find_title`)."""

    title: str | None
    title_start: int
    """Offset in the file of the title's first character (-1 without a title)."""
    body_start: int
    """Offset in the file where the text begins."""


_BLANK_LINES = re.compile(r"(?:[ \t\r]*\n)+")
_FRONT_MATTER_TITLE = re.compile(r"^title:[ \t]*(?P<value>[^\n]*?)[ \t\r]*$", re.MULTILINE)


def _front_matter_title(raw: str, start: int, end: int) -> tuple[str, int] | None:
    """The ``title:`` of YAML front matter in ``raw[start:end]`` and its offset (a one-line plain
    or quoted scalar; quotes are taken off, escapes kept as written)."""
    m = _FRONT_MATTER_TITLE.search(raw, start, end)
    if m is None:
        return None
    value, offset = m.group("value"), m.start("value")
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value, offset = value[1:-1], offset + 1
    elif value[:1] in ("|", ">", "'", '"', "[", "{", "&", "*", "!"):
        return None  # block scalar, unclosed quote, flow collection, anchor: not a one-line title
    value = value.rstrip()
    stripped = value.lstrip()
    return (stripped, offset + len(value) - len(stripped)) if stripped else None


def find_title(raw: str, *, markdown: bool = True) -> Heading:
    """The title of a text file and where its text begins.

    The title is the first ``# Heading`` line, after leading blank lines and (Markdown) YAML front
    matter; the text is what follows it, leading line breaks trimmed.  Without a heading, a
    Markdown file's front matter ``title:`` is the title, and the text is what follows the front
    matter.  Otherwise there is no title and the text is the whole file.  ``title_start`` and
    ``body_start`` are offsets into ``raw``, so positions map back to the file."""
    pos = 0
    front: tuple[str, int] | None = None
    if markdown:
        m = _MD_FRONT_MATTER.match(raw)
        if m is not None:
            pos = m.end()
            front = _front_matter_title(raw, m.start(), m.end())
    blanks = _BLANK_LINES.match(raw, pos)
    first = blanks.end() if blanks else pos
    if raw.startswith("# ", first):
        end = raw.find("\n", first)
        line_end = len(raw) if end < 0 else end
        words = raw[first + 2:line_end]
        title = words.strip()
        body = line_end if end < 0 else end + 1
        while body < len(raw) and raw[body] == "\n":
            body += 1
        return Heading(title, first + 2 + len(words) - len(words.lstrip()), body)
    if front is not None:
        return Heading(front[0], front[1], first)
    return Heading(None, -1, 0)


def split_title(raw: str) -> tuple[str | None, str]:
    """A leading ``# Heading`` line is the title; the rest (blank lines trimmed) is the text.
    Leading blank lines and YAML front matter before the heading are skipped, and front matter's
    ``title:`` is the title when there is no heading (see :func:`find_title`); the text is always
    a suffix of ``raw``."""
    heading = find_title(raw)
    return heading.title, raw[heading.body_start:]


@dataclass(frozen=True)
class TextSource:
    """Where the fields of a document read from a .txt/.md file are in that file: the text begins
    on line ``text_line``; the title's first character is at ``title_position`` (1-based line and
    column; a ``# Heading`` on line 1 is at ``(1, 3)``)."""

    text: str
    text_line: int
    title_position: tuple[int, int] = (1, 3)

    def position(self, offset: int, field: Literal["title", "text"] = "text") -> tuple[int, int]:
        """1-based ``(line, column)`` in the file of character ``offset`` of the field."""
        if field == "title":
            return self.title_position[0], self.title_position[1] + offset
        offset = max(0, min(offset, len(self.text)))
        line = self.text.count("\n", 0, offset)
        return self.text_line + line, offset - (self.text.rfind("\n", 0, offset) + 1) + 1


def document_from_record(rec: Any, where: str, default_id: str) -> Document:
    """Validate one JSON record into a Document, or raise InputError naming ``where``."""
    if not isinstance(rec, dict):
        raise InputError(f"{where}: record is {type(rec).__name__}, expected an object")
    text = rec.get("text")
    if not isinstance(text, str):
        raise InputError(f"{where}: record has no 'text' string")
    if len(text) > MAX_DOCUMENT_CHARS:
        raise InputError(f"{where}: text is {len(text):,} characters, over {MAX_DOCUMENT_CHARS:,}")
    published = rec.get("published")
    pub: _dt.date | None = None
    if published not in (None, ""):
        try:
            pub = _dt.date.fromisoformat(str(published)[:10])
        except ValueError:
            raise InputError(f"{where}: 'published' is not an ISO date: {published!r}") from None

    def opt(key: str) -> str | None:
        value = rec.get(key)
        return None if value is None else str(value)

    return Document(
        id=str(rec["id"]) if rec.get("id") is not None else default_id,
        text=text,
        title=opt("title"),
        source=opt("source"),
        published=pub,
        url=opt("url"),
        story=opt("story"),
        desk=opt("desk"),
        origin=where,
    )


def _lines(stream: IO[bytes], path: str) -> Iterator[tuple[int, bytes]]:
    """``(1-based line number, line)``; a stream that breaks off is an :class:`InputError` naming
    the line it broke off in (the lines before it have been yielded)."""
    lineno = 0
    while True:
        try:
            line = stream.readline()
        except StreamError as exc:
            raise BrokenStream(path, lineno + 1, str(exc)) from None
        except OSError as exc:
            raise BrokenStream(path, lineno + 1, f"cannot read ({exc})") from None
        if not line:
            return
        lineno += 1
        yield lineno, line


def _records_from_lines(stream: IO[bytes], path: str) -> Iterator[Item]:
    for lineno, line in _lines(stream, path):
        where = f"{path}:{lineno}"
        if not line.strip():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield RecordError(path=path, line=lineno, message=f"invalid UTF-8 at byte {exc.start}")
            continue
        try:
            rec = json.loads(text)
        except json.JSONDecodeError as exc:
            yield RecordError(path=path, line=lineno, message=f"malformed JSON ({exc.msg})")
            continue
        try:
            yield document_from_record(rec, where, default_id=where)
        except InputError as exc:
            yield RecordError(path=path, line=lineno, message=str(exc).split(": ", 1)[1])


_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def _json_items(text: str, path: str) -> Iterator[tuple[int, Any]]:
    """``(1-based line, record)`` for each item of a ``.json`` list (a single object is one
    record).  Items are decoded one by one with ``raw_decode``, so each is known by the line it
    starts on; malformed JSON is a :class:`BrokenStream` at its line, after the items before it."""
    decoder = json.JSONDecoder()
    line, counted = 1, 0

    def line_at(pos: int) -> int:
        nonlocal line, counted
        line += text.count("\n", counted, pos)
        counted = pos
        return line

    def malformed(exc: json.JSONDecodeError) -> BrokenStream:
        return BrokenStream(path, exc.lineno, f"malformed JSON ({exc.msg})")

    i = _JSON_SPACE.match(text).end()  # type: ignore[union-attr]
    if not text.startswith("[", i):
        try:
            rec = json.loads(text)
        except json.JSONDecodeError as exc:
            raise malformed(exc) from None
        yield line_at(i), rec
        return
    i = _JSON_SPACE.match(text, i + 1).end()  # type: ignore[union-attr]
    if text.startswith("]", i):
        i += 1
    else:
        while True:
            try:
                rec, end = decoder.raw_decode(text, i)
            except json.JSONDecodeError as exc:
                raise malformed(exc) from None
            yield line_at(i), rec
            i = _JSON_SPACE.match(text, end).end()  # type: ignore[union-attr]
            if text.startswith(",", i):
                i = _JSON_SPACE.match(text, i + 1).end()  # type: ignore[union-attr]
                continue
            if text.startswith("]", i):
                i += 1
                break
            raise malformed(json.JSONDecodeError("Expecting ',' delimiter", text, i))
    i = _JSON_SPACE.match(text, i).end()  # type: ignore[union-attr]
    if i < len(text):
        raise malformed(json.JSONDecodeError("Extra data", text, i))


HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown")

_MD_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:[^\n]*\n){0,200}?---[ \t]*\r?(?:\n|\Z)")
_MD_BLOCK = re.compile(
    r"^(?P<fence>[ \t]{0,3}(?:`{3,}|~{3,})[^\n]*\r?$)"  # code fence lines (the content stays)
    r"|^(?P<rule>[ \t]{0,3}(?:[-*_][ \t]*){3,}\r?$)"  # horizontal rules
    r"|^(?P<table>[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{1,}:?[ \t]*)*\|?[ \t]*\r?$)"
    r"|^(?P<refdef>[ \t]{0,3}\[(?!\^)[^\]\n]{1,200}\]:[ \t]*\S[^\n]*\r?$)"  # [id]: https://...
    r"|^(?P<lead>[ \t]{0,3}(?:>[ \t]?){0,8}(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+)?)",
    re.MULTILINE,
)
_MD_INLINE = re.compile(
    r"(?P<image>!\[[^\]\n]{0,300}+\]\([^)\n]{0,500}+\))"  # images: alt text is no copy
    r"|(?P<url>\]\([^)\n]{0,500}+\))"  # the "(url)" of a link (its text stays)
    r"|(?P<footnote>\[\^[^\]\n]{1,50}\])"  # [^1]
    r"|(?P<autolink><(?:https?|mailto|ftp):[^>\s]{1,2000}>)"
    r"|(?P<bare>\b(?:https?|ftp)://[^\s<>()\[\]]{1,2000})"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]{0,30}(?:[ \t][^<>\n]{0,500})?/?>)"
    r"|(?P<marks>\*{1,3}|_{2,3}|`+|~~|\\(?=[!-/:-@\[-`{-~])|\[|\]|\|)"
)

_MD_MARKER_LINE = re.compile(r"^[ \t]*figcheck:[^\n]*$", re.MULTILINE)


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def markdown_plain(text: str) -> str:
    """``text`` with Markdown markup replaced by spaces: the same length and line breaks, so every
    offset still points into the file, but list numbers ("1."), link targets, image references,
    footnote marks, HTML tags, YAML front matter and emphasis marks are no longer read as copy.
    HTML comments stay (inline suppressions live there).  Linear time."""
    chars = list(text)
    m = _MD_FRONT_MATTER.match(text)
    if m:
        _blank(chars, 0, m.end())
    for m in _MD_BLOCK.finditer(text):
        _blank(chars, m.start(), m.end())
    for m in _MD_INLINE.finditer(text):
        _blank(chars, m.start(), m.end())
    pos = 0
    while True:  # HTML comments are no copy, but figcheck directives stay for suppress.py
        start = text.find("<!--", pos)
        if start < 0:
            break
        end = text.find("-->", start + 4)
        end = len(text) if end < 0 else end + 3
        if text[start + 4:end].lstrip().startswith("figcheck:"):
            chars[start:end] = text[start:end]
        else:
            _blank(chars, start, end)
        pos = end
    for m in _MD_MARKER_LINE.finditer(text):  # plain-text suppression markers stay too
        chars[m.start():m.end()] = text[m.start():m.end()]
    return "".join(chars)


Source: TypeAlias = "HtmlText | TextSource"
"""How a document's offsets map back to its file: the parsed page of an HTML file, the title and
text positions of a .txt/.md file."""


def iter_items(path: str, *, stdin: IO[bytes] | None = None, stdin_filename: str | None = None) -> Iterator[Item]:
    """Yield every document (or per-record error) in ``path``.

    Raises :class:`InputError` for problems with the file as a whole.
    """
    for item, _ in iter_sourced(path, stdin=stdin, stdin_filename=stdin_filename):
        yield item


def iter_sourced(
    path: str, *, stdin: IO[bytes] | None = None, stdin_filename: str | None = None
) -> Iterator[tuple[Item, Source | None]]:
    """:func:`iter_items`, each item with its :data:`Source` (None for records): positions come
    from the bytes actually read (standard input included), never from re-reading a file."""
    name = (stdin_filename or "<stdin>") if path == "-" else path
    logical, compression = _strip_compression(name)
    suffix = os.path.splitext(logical)[1].lower()
    stream = _open_binary(path, compression, stdin)
    try:
        if suffix == ".jsonl" or suffix == ".ndjson":
            for item in _records_from_lines(stream, name):
                yield item, None
            return
        try:
            data = stream.read()
        except StreamError as exc:
            raise BrokenStream(name, None, str(exc)) from None
        except OSError as exc:
            raise BrokenStream(name, None, f"cannot read ({exc})") from None
        text = _decode(data, name)
        if suffix == ".json":
            for i, (line, rec) in enumerate(_json_items(text, name)):
                where = f"{name}:{line}"
                try:
                    yield document_from_record(rec, where, default_id=f"{name}[{i}]"), None
                except InputError as exc:
                    reason = str(exc).split(": ", 1)[-1]  # without the repeated file name
                    yield RecordError(path=name, line=line, message=f"item {i}: {reason}"), None
            return
        if len(text) > MAX_DOCUMENT_CHARS:
            raise InputError(f"{name}: {len(text):,} characters, over {MAX_DOCUMENT_CHARS:,}")
        if suffix in HTML_SUFFIXES:
            from .htmltext import html_to_text

            page = html_to_text(text)
            yield Document(
                id=name, text=page.text, title=page.title, origin=name,
                source=page.site, published=page.published, url=page.url,
            ), page
            return
        heading = find_title(text, markdown=suffix in MARKDOWN_SUFFIXES)
        body = text[heading.body_start:]
        text_line = 1 + text.count("\n", 0, heading.body_start)
        if suffix in MARKDOWN_SUFFIXES:
            body = markdown_plain(body)
        title_position = (1, 3)
        if heading.title_start >= 0:
            line_start = text.rfind("\n", 0, heading.title_start) + 1
            title_position = (1 + text.count("\n", 0, line_start), heading.title_start - line_start + 1)
        yield Document(id=name, text=body, title=heading.title, origin=name, text_line=text_line), \
            TextSource(body, text_line, title_position)
    finally:
        if path != "-":
            stream.close()


def read_sourced(
    paths: list[str], *, stdin: IO[bytes] | None = None, stdin_filename: str | None = None
) -> Iterator[tuple[Document, Source | None]]:
    """Every document in ``paths`` with its :data:`Source`; the first bad record raises."""
    for path in paths:
        for item, source in iter_sourced(path, stdin=stdin, stdin_filename=stdin_filename):
            if isinstance(item, RecordError):
                raise InputError(str(item))
            yield item, source


def read_documents(
    paths: list[str],
    *,
    errors: Literal["raise", "record"] = "raise",
    stdin: IO[bytes] | None = None,
    stdin_filename: str | None = None,
) -> Iterator[Item]:
    """All documents in ``paths`` in order.  With ``errors="raise"`` the first bad record raises."""
    for path in paths:
        for item in iter_items(path, stdin=stdin, stdin_filename=stdin_filename):
            if isinstance(item, RecordError) and errors == "raise":
                raise InputError(str(item))
            yield item
