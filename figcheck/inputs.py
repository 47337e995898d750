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
import select
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict

from .model import Document

if TYPE_CHECKING:
    from .htmltext import HtmlText

MAX_DOCUMENT_CHARS: int = 1_500_000
"""Larger texts are refused with a per-record error instead of being parsed."""

MAX_INPUT_BYTES: int = 4 * MAX_DOCUMENT_CHARS
"""The most bytes read (after decompression) for one text/HTML/.json file or one .jsonl line: any
text of :data:`MAX_DOCUMENT_CHARS` characters fits in it as UTF-8.  Sizes are checked while
reading and decompressing, so a compression bomb or ``/dev/zero`` never gets into memory."""

READ_TIMEOUT: float = 30.0
"""Seconds a FIFO (named pipe) given as a path may go without sending data before it is given up
(``FIGCHECK_READ_TIMEOUT`` overrides it).  Standard input (``-``) is read without a time limit."""

_CHUNK: int = 1 << 20

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


def read_timeout() -> float:
    """:data:`READ_TIMEOUT`, or ``FIGCHECK_READ_TIMEOUT`` seconds when that is set."""
    try:
        value = float(os.environ.get("FIGCHECK_READ_TIMEOUT", ""))
    except ValueError:
        return READ_TIMEOUT
    return value if value > 0 else READ_TIMEOUT


FIFO_TOTAL_TIMEOUTS: int = 20
"""A FIFO is given up after this many :func:`read_timeout` periods in all, however it trickles."""


class _Fifo(io.RawIOBase):
    """A FIFO (named pipe) read without ever blocking for longer than ``timeout`` seconds: it is
    opened non-blocking (so that a FIFO nobody opens for writing cannot hang ``open``) and every
    read first waits for data with ``poll``; reading it all may take at most
    :data:`FIFO_TOTAL_TIMEOUTS` times as long.  Giving up is a :class:`StreamError`."""

    def __init__(self, fd: int, timeout: float) -> None:
        import time

        super().__init__()
        self._fd = fd
        self._timeout = timeout
        self._deadline = time.monotonic() + timeout * FIFO_TOTAL_TIMEOUTS
        self._poll = select.poll()
        self._poll.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)

    def readable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def readinto(self, buffer: Any) -> int:
        import time

        left = self._deadline - time.monotonic()
        ready = left > 0 and bool(self._poll.poll(int(min(self._timeout, left) * 1000) + 1))
        if not ready and left < self._timeout:  # the overall deadline, not an idle writer
            raise StreamError(
                f"a FIFO still sending after {self._timeout * FIFO_TOTAL_TIMEOUTS:g} s; gave up "
                "(FIGCHECK_READ_TIMEOUT sets the wait)")
        if not ready:
            raise StreamError(
                f"a FIFO that sent nothing for {self._timeout:g} s; gave up waiting "
                "(FIGCHECK_READ_TIMEOUT sets the wait)")
        try:
            data = os.read(self._fd, len(buffer))
        except BlockingIOError:  # woken up without data: wait again
            return self.readinto(buffer)
        n = len(data)
        buffer[:n] = data
        return n

    def close(self) -> None:
        if not self.closed:
            try:
                os.close(self._fd)
            finally:
                super().close()


_NONBLOCK: int = getattr(os, "O_NONBLOCK", 0)

_SPECIAL = (
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _open_path(path: str) -> IO[bytes]:
    """``path`` opened for reading: a regular file as it is, a FIFO with a time bound; a
    directory, a device (``/dev/zero``) or a socket is refused in one line."""
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError(f"{path}: is a directory")
        for test, what in _SPECIAL:
            if test(mode):
                raise InputError(f"{path}: is {what}, not a file")
        if stat.S_ISFIFO(mode):
            if not _NONBLOCK or not hasattr(select, "poll"):
                raise InputError(f"{path}: is a FIFO, which cannot be read with a time limit here")
            return io.BufferedReader(_Fifo(fd, read_timeout()), 1 << 16)
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _open_binary(path: str, compression: str | None, stdin: IO[bytes] | None) -> IO[bytes]:
    if path == "-":
        raw: IO[bytes] = stdin if stdin is not None else os.fdopen(os.dup(0), "rb")
    else:
        raw = _open_path(path)
    if compression == "gz":
        return io.BufferedReader(_Checked(gzip.GzipFile(fileobj=raw), "gzip"), 1 << 16)  # type: ignore[arg-type]
    if compression == "zst":
        try:
            import zstandard
        except ImportError:
            raw.close()
            raise InputError(f"{path}: reading .zst needs 'pip install figcheck[zstd]'") from None
        return io.BufferedReader(_Checked(_ZstdFrames(raw, zstandard), "zstd"), 1 << 16)  # type: ignore[arg-type]
    return raw


_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _bom(data: bytes | bytearray) -> str | None:
    """The encoding that ``data``'s byte-order mark names, if it starts with one."""
    for mark, encoding in _BOMS:
        if data[:len(mark)] == mark:
            return encoding
    return None


def _looks_binary(head: bytes | bytearray) -> bool:
    return _bom(head) is None and b"\x00" in head[:8192]


def _read_limited(stream: IO[bytes], name: str, limit: int | None = None) -> bytearray:
    """All of ``stream``, refusing (one line, without reading on) more than ``limit`` bytes
    (:data:`MAX_INPUT_BYTES`) and binary data (a NUL byte in the first 8 KB, no BOM)."""
    limit = MAX_INPUT_BYTES if limit is None else limit
    data = bytearray()
    checked = False
    while True:
        try:
            chunk = stream.read(min(_CHUNK, limit + 1 - len(data)))
        except StreamError as exc:
            raise BrokenStream(name, None, str(exc)) from None
        except OSError as exc:
            raise BrokenStream(name, None, f"cannot read ({exc})") from None
        if not chunk:
            return data
        data += chunk
        if not checked and len(data) >= 8192:
            checked = True
            if _looks_binary(data):
                raise InputError(f"{name}: looks like a binary file, not text")
        if len(data) > limit:
            raise InputError(
                f"{name}: over {limit:,} bytes, the most figcheck reads from one file "
                "(split it, or use .jsonl for archives)")


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_HTML_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)


def _html_charset(data: bytes | bytearray) -> str | None:
    m = _HTML_CHARSET.search(bytes(data[:4096]))
    if m is None:
        return None
    import codecs

    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode_text(data: bytes | bytearray, where: str, *, html: bool = False,
                fallback: bool = True) -> tuple[str, str | None]:
    """``data`` as text, and a one-line notice when it was not read as UTF-8.

    A byte-order mark decides (UTF-8, UTF-16, UTF-32); an HTML page may name its charset in a
    ``<meta>`` tag; otherwise UTF-8.  A file that is not valid UTF-8 and says nothing else is read
    as Windows-1252 (with the notice; not with ``fallback=False``, for JSON, which is UTF-8 by
    definition), the usual encoding of such copy; data with a NUL byte and
    no BOM, or with many control characters, is binary and refused."""
    encoding = _bom(data)
    if encoding == "utf-8-sig":
        try:
            return bytes(data[3:]).decode("utf-8"), None
        except UnicodeDecodeError as exc:
            start = exc.start + 3  # offset in the file
            line = data.count(b"\n", 0, start) + 1
            raise InputError(f"{where}:{line}: invalid UTF-8 at byte {start} "
                             f"({bytes(data[start:start + 1])!r})") from None
    if encoding is not None:
        try:
            text = bytes(data).decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(f"{where}: invalid {encoding.upper()} at byte "
                             f"{exc.start} (after its byte-order mark)") from None
        return text, f"{where}: read as {encoding.upper()} (byte-order mark)"
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: looks like a binary file, not text")
    try:
        return bytes(data).decode("utf-8"), None
    except UnicodeDecodeError as exc:
        error = exc
    declared = _html_charset(data) if html else None
    if declared is not None and declared != "utf-8":
        try:
            return bytes(data).decode(declared), None
        except UnicodeDecodeError:
            pass
    start = error.start
    line = data.count(b"\n", 0, start) + 1
    invalid = InputError(f"{where}:{line}: invalid UTF-8 at byte {start} ({bytes(data[start:start + 1])!r})")
    if not fallback:
        raise invalid
    try:
        text = bytes(data).decode("cp1252")
    except UnicodeDecodeError:
        raise invalid from None
    sample = text[:65536]
    if len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise InputError(f"{where}: looks like a binary file, not text")
    return text, (f"{where}: not valid UTF-8 (line {line}, byte {start}); read as Windows-1252")


def _decode(data: bytes, where: str) -> str:
    return decode_text(data, where)[0]


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
        if value is None:
            return None
        if not isinstance(value, str | int | float | bool):  # never str() a nested structure
            raise InputError(f"{where}: '{key}' is {type(value).__name__}, expected a string")
        return str(value)

    return Document(
        id=opt("id") or default_id,
        text=text,
        title=opt("title"),
        source=opt("source"),
        published=pub,
        url=opt("url"),
        story=opt("story"),
        desk=opt("desk"),
        origin=where,
    )


class LineTooLong(Exception):
    """A .jsonl line over :data:`MAX_INPUT_BYTES` (skipped, never held in memory)."""


def _read_line(stream: IO[bytes], path: str, lineno: int, limit: int) -> bytes | LineTooLong:
    """One line, read 1 MB at a time: never more than ``limit`` bytes are kept, the rest of a
    longer line is skipped.  A NUL byte means the file is binary, not JSON Lines (a file-level
    :class:`InputError`: ``/dev/zero`` as input stops at once)."""
    parts: list[bytes] = []
    size = 0
    too_long = False
    while True:
        piece = stream.readline(_CHUNK)
        if b"\x00" in piece:
            raise InputError(f"{path}:{lineno}: looks like a binary file, not JSON Lines")
        size += len(piece)
        if not too_long:
            if size > limit:
                too_long, parts = True, []
            else:
                parts.append(piece)
        if not piece or piece.endswith(b"\n"):
            break
    if too_long:
        return LineTooLong(f"line is over {limit:,} bytes, the most figcheck reads for one record")
    return b"".join(parts)


def _lines(stream: IO[bytes], path: str) -> Iterator[tuple[int, bytes | LineTooLong]]:
    """``(1-based line number, line)``; a stream that breaks off is an :class:`InputError` naming
    the line it broke off in (the lines before it have been yielded).  A line over
    :data:`MAX_INPUT_BYTES` is a :class:`LineTooLong` in its place."""
    lineno = 0
    while True:
        try:
            line = _read_line(stream, path, lineno + 1, MAX_INPUT_BYTES)
        except StreamError as exc:
            raise BrokenStream(path, lineno + 1, str(exc)) from None
        except OSError as exc:
            raise BrokenStream(path, lineno + 1, f"cannot read ({exc})") from None
        if not line:
            return
        lineno += 1
        yield lineno, line


def _loads(text: str) -> Any:
    """``json.loads``, with nesting too deep for Python a :class:`json.JSONDecodeError`."""
    try:
        return json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", text, 0) from None


def _records_from_lines(stream: IO[bytes], path: str) -> Iterator[Item]:
    for lineno, line in _lines(stream, path):
        where = f"{path}:{lineno}"
        if isinstance(line, LineTooLong):
            yield RecordError(path=path, line=lineno, message=str(line))
            continue
        if not line.strip():
            continue
        if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]  # a UTF-8 byte-order mark
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield RecordError(path=path, line=lineno, message=f"invalid UTF-8 at byte {exc.start}")
            continue
        try:
            rec = _loads(text)
        except json.JSONDecodeError as exc:
            yield RecordError(path=path, line=lineno, message=malformed_json(exc))
            continue
        try:
            yield document_from_record(rec, where, default_id=where)
        except InputError as exc:
            yield RecordError(path=path, line=lineno, message=str(exc).split(": ", 1)[1])
        except RecursionError:
            yield RecordError(path=path, line=lineno, message="record nested too deeply")


def malformed_json(exc: json.JSONDecodeError) -> str:
    """``malformed JSON (...)`` with the decoder's reason as a whole phrase: two of them are cut
    off where it appends the position, which is left out (the line is reported anyway, and bad
    records are summarised by message)."""
    reason = exc.msg
    if reason == "Invalid control character at":
        reason = "Invalid control character in a string"
    elif reason == "Unterminated string starting at":
        reason = "Unterminated string"
    else:
        reason = reason.removesuffix(" at")
    return f"malformed JSON ({reason})"


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
        return BrokenStream(path, exc.lineno, malformed_json(exc))

    i = _JSON_SPACE.match(text).end()  # type: ignore[union-attr]
    if not text.startswith("[", i):
        try:
            rec = _loads(text)
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
            except RecursionError:
                raise malformed(json.JSONDecodeError("nested too deeply", text, i)) from None
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

_MD_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\r?\n(?:[^\n]*\n){0,200}?(?P<close>---[ \t]*\r?(?:\n|\Z))")
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


FRONT_MATTER_KEYS: tuple[str, ...] = ("title", "source", "published", "story", "url")
"""The YAML front matter keys read into a document; other keys are allowed and left alone."""

_FM_KEY = re.compile(r"(?P<key>[A-Za-z_][A-Za-z0-9_.-]*)[ \t]*:(?:[ \t]+(?P<value>.*)|[ \t]*)\Z")


@dataclass(frozen=True)
class FrontMatter:
    """The metadata of a draft's YAML front matter: ``values`` (key -> value) for the keys in
    :data:`FRONT_MATTER_KEYS` it sets, and ``end``, the offset where the front matter ends."""

    end: int
    values: dict[str, str]


def _fm_scalar(value: str, key: str, where: str) -> str | None:
    """A one-line YAML scalar: plain (a `` #`` comment taken off), 'single' or "double" quoted."""
    value = value.strip()
    if not value or value in ("~", "null", "Null", "NULL"):
        return None
    if value[0] == '"':
        end = value.rfind('"')
        rest = value[end + 1:].strip() if end > 0 else "x"
        if end <= 0 or (rest and not rest.startswith("#")):
            raise InputError(f"{where}: front matter '{key}': unclosed or malformed \"quoted\" value")
        try:
            out = json.loads(value[:end + 1])
        except ValueError:
            raise InputError(f"{where}: front matter '{key}': malformed \"quoted\" value") from None
        return str(out)
    if value[0] == "'":
        end = value.rfind("'")
        rest = value[end + 1:].strip() if end > 0 else "x"
        if end <= 0 or (rest and not rest.startswith("#")):
            raise InputError(f"{where}: front matter '{key}': unclosed 'quoted' value")
        return value[1:end].replace("''", "'")
    if value[0] in "|>[{&*!%@`":
        raise InputError(f"{where}: front matter '{key}' must be a one-line value, not {value[:12]!r}")
    comment = re.search(r"[ \t]#", value)
    return (value[:comment.start()] if comment else value).strip() or None


def read_front_matter(raw: str, where: str) -> FrontMatter | None:
    """The YAML front matter at the start of ``raw`` (``---`` lines around ``key: value`` lines),
    or None without one.  This is a small strict reader, not a YAML parser: the keys of
    :data:`FRONT_MATTER_KEYS` must be one-line values (a block or multi-line ``title`` is left for
    the heading to give); other keys may hold anything indented under them.  A block whose first
    line is no ``key:`` is not front matter (None); after one, a malformed line is an
    :class:`InputError` naming the file and line."""
    m = _MD_FRONT_MATTER.match(raw)
    if m is None:
        return None
    values: dict[str, str] = {}
    seen: set[str] = set()
    pos = raw.index("\n") + 1
    lineno = 1
    current: str | None = None
    while pos < m.start("close"):
        nl = raw.find("\n", pos)
        line = raw[pos:nl].rstrip("\r")
        pos = nl + 1
        lineno += 1
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] in " \t" or line.startswith("- ") or line == "-":
            if current in FRONT_MATTER_KEYS and current != "title":
                raise InputError(f"{where}:{lineno}: front matter '{current}' must be a one-line value")
            continue
        km = _FM_KEY.match(line)
        if km is None:
            if current is None:  # "---" lines around copy, not front matter
                return None
            raise InputError(f"{where}:{lineno}: front matter line is not 'key: value': {line[:60]!r}")
        current = km.group("key")
        if current not in FRONT_MATTER_KEYS:
            continue
        if current in seen:
            raise InputError(f"{where}:{lineno}: front matter gives '{current}' twice")
        seen.add(current)
        raw_value = km.group("value") or ""
        if current == "title" and (not raw_value.strip() or raw_value.strip()[0] in "|>"):
            continue  # a block title: left to find_title (no title from it)
        value = _fm_scalar(raw_value, current, f"{where}:{lineno}")
        if value is None:
            continue
        if current == "published":
            try:
                _dt.date.fromisoformat(value[:10])
            except ValueError:
                raise InputError(
                    f"{where}:{lineno}: front matter 'published' is not an ISO date: {value!r}") from None
        values[current] = value
    return FrontMatter(m.end(), values)


Source: TypeAlias = "HtmlText | TextSource"
"""How a document's offsets map back to its file: the parsed page of an HTML file, the title and
text positions of a .txt/.md file."""


def iter_items(path: str, *, stdin: IO[bytes] | None = None, stdin_filename: str | None = None,
               notices: list[str] | None = None) -> Iterator[Item]:
    """Yield every document (or per-record error) in ``path``.

    Raises :class:`InputError` for problems with the file as a whole.  One-line notices (a file
    read as Windows-1252 or UTF-16) are appended to ``notices`` when it is given.
    """
    for item, _ in iter_sourced(path, stdin=stdin, stdin_filename=stdin_filename, notices=notices):
        yield item


def _blank_range(text: str, start: int, end: int) -> str:
    """``text`` with ``[start, end)`` replaced by spaces, line breaks kept (offsets unchanged)."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def iter_sourced(
    path: str, *, stdin: IO[bytes] | None = None, stdin_filename: str | None = None,
    notices: list[str] | None = None,
) -> Iterator[tuple[Item, Source | None]]:
    """:func:`iter_items`, each item with its :data:`Source` (None for records): positions come
    from the bytes actually read (standard input included), never from re-reading a file."""
    name = (stdin_filename or "<stdin>") if path == "-" else path
    logical, compression = _strip_compression(name)
    suffix = os.path.splitext(logical)[1].lower()
    stream = _open_binary(path, compression, stdin)
    try:
        if suffix == ".jsonl" or suffix == ".ndjson":
            try:
                head = stream.peek(4)[:4] if isinstance(stream, io.BufferedReader) else b""
            except StreamError as exc:
                raise BrokenStream(name, 1, str(exc)) from None
            except OSError as exc:
                raise BrokenStream(name, 1, f"cannot read ({exc})") from None
            encoding = _bom(head)
            if encoding is not None and encoding != "utf-8-sig":  # UTF-16/32 JSON Lines
                import codecs

                stream = codecs.EncodedFile(stream, "utf-8", encoding)
                if notices is not None:
                    notices.append(f"{name}: read as {encoding.upper()} (byte-order mark)")
            for item in _records_from_lines(stream, name):
                yield item, None
            return
        data = _read_limited(stream, name)
        text, notice = decode_text(data, name, html=suffix in HTML_SUFFIXES, fallback=suffix != ".json")
        del data
        if notice is not None and notices is not None:
            notices.append(notice)
        if suffix == ".json":
            for i, (line, rec) in enumerate(_json_items(text, name)):
                where = f"{name}:{line}"
                try:
                    yield document_from_record(rec, where, default_id=f"{name}[{i}]"), None
                except InputError as exc:
                    reason = str(exc).split(": ", 1)[-1]  # without the repeated file name
                    yield RecordError(path=name, line=line, message=f"item {i}: {reason}"), None
                except RecursionError:
                    yield RecordError(path=name, line=line, message=f"item {i}: nested too deeply"), None
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
        front = read_front_matter(text, name)
        markdown = suffix in MARKDOWN_SUFFIXES
        heading = find_title(text, markdown=markdown or front is not None)
        body = text[heading.body_start:]
        text_line = 1 + text.count("\n", 0, heading.body_start)
        if markdown:
            body = markdown_plain(body)
        elif front is not None and heading.body_start < front.end:
            body = _blank_range(body, 0, front.end - heading.body_start)
        title_position = (1, 3)
        if heading.title_start >= 0:
            line_start = text.rfind("\n", 0, heading.title_start) + 1
            title_position = (1 + text.count("\n", 0, line_start), heading.title_start - line_start + 1)
        meta = front.values if front is not None else {}
        published = meta.get("published")
        yield Document(
            id=name, text=body, title=heading.title, origin=name, text_line=text_line,
            source=meta.get("source"), story=meta.get("story"), url=meta.get("url"),
            published=_dt.date.fromisoformat(published[:10]) if published else None,
        ), TextSource(body, text_line, title_position)
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
    notices: list[str] | None = None,
) -> Iterator[Item]:
    """All documents in ``paths`` in order.  With ``errors="raise"`` the first bad record raises."""
    for path in paths:
        for item in iter_items(path, stdin=stdin, stdin_filename=stdin_filename, notices=notices):
            if isinstance(item, RecordError) and errors == "raise":
                raise InputError(str(item))
            yield item
