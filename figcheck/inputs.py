"""Reading documents from files: .txt/.md (one article), .jsonl (one record a line), .json (a list
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
from collections.abc import Iterator
from typing import IO, Any, Literal

from pydantic import BaseModel, ConfigDict

from .model import Document

MAX_DOCUMENT_CHARS = 20_000_000
"""Larger texts are refused with a per-record error instead of being parsed."""

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
RECORD_FIELDS = {"id", "text", "title", "source", "published", "url", "story", "desk"}


class InputError(Exception):
    """A one-line, user-facing description of an unreadable input."""


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
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    if compression == "zst":
        try:
            import zstandard
        except ImportError:
            raise InputError(f"{path}: reading .zst needs 'pip install figcheck[zstd]'") from None
        return zstandard.ZstdDecompressor().stream_reader(raw)  # type: ignore[no-any-return]
    return raw


def _decode(data: bytes, where: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where}: invalid UTF-8 at byte {exc.start} ({data[exc.start:exc.start + 1]!r})"
        ) from None


def split_title(raw: str) -> tuple[str | None, str]:
    """A leading ``# Heading`` line is the title; the rest (blank lines trimmed) is the text."""
    if raw.startswith("# "):
        line, _, rest = raw.partition("\n")
        return line[2:].strip(), rest.lstrip("\n")
    return None, raw


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


def _records_from_lines(stream: IO[bytes], path: str) -> Iterator[Item]:
    for lineno, line in enumerate(stream, 1):
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


def iter_items(path: str, *, stdin: IO[bytes] | None = None, stdin_filename: str | None = None) -> Iterator[Item]:
    """Yield every document (or per-record error) in ``path``.

    Raises :class:`InputError` for problems with the file as a whole.
    """
    name = (stdin_filename or "<stdin>") if path == "-" else path
    logical, compression = _strip_compression(name)
    suffix = os.path.splitext(logical)[1].lower()
    stream = _open_binary(path, compression, stdin)
    try:
        if suffix == ".jsonl" or suffix == ".ndjson":
            yield from _records_from_lines(io.BufferedReader(stream) if compression else stream, name)  # type: ignore[arg-type]
            return
        try:
            data = stream.read()
        except (OSError, EOFError) as exc:
            raise InputError(f"{name}: cannot decompress ({exc})") from None
        text = _decode(data, name)
        if suffix == ".json":
            try:
                recs = json.loads(text)
            except json.JSONDecodeError as exc:
                raise InputError(f"{name}:{exc.lineno}: malformed JSON ({exc.msg})") from None
            if not isinstance(recs, list):
                recs = [recs]
            for i, rec in enumerate(recs):
                try:
                    yield document_from_record(rec, f"{name}[{i}]", default_id=f"{name}[{i}]")
                except InputError as exc:
                    yield RecordError(path=name, line=None, message=str(exc))
            return
        if len(text) > MAX_DOCUMENT_CHARS:
            raise InputError(f"{name}: {len(text):,} characters, over {MAX_DOCUMENT_CHARS:,}")
        title, body = split_title(text)
        text_line = 1 + text[: len(text) - len(body)].count("\n")  # body is a suffix of text
        yield Document(id=name, text=body, title=title, origin=name, text_line=text_line)
    finally:
        if path != "-":
            stream.close()


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
