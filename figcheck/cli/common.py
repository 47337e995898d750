"""Helpers shared by the commands: reading inputs, opening the output, failing cleanly."""

from __future__ import annotations

import contextlib
import io
import os
import secrets
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, NoReturn, TypeVar

import click

if TYPE_CHECKING:
    from ..inputs import Source
    from ..model import Document

F = TypeVar("F", bound=Callable[..., Any])

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def internal_error(stage: str, exc: BaseException) -> NoReturn:
    """A bug in figcheck itself: one line (exit 2), or the traceback with FIGCHECK_DEBUG=1."""
    if os.environ.get("FIGCHECK_DEBUG"):
        raise exc
    fail(f"internal error while {stage}: {type(exc).__name__}: {exc} "
         "(please report it; FIGCHECK_DEBUG=1 shows the traceback)")


def fail(message: str) -> NoReturn:
    """Print ``figcheck: error: message`` on stderr (control characters from file names or
    input shown as escapes, so it stays one harmless line) and exit with code 2."""
    from ..formats.visible import visible

    click.echo(f"figcheck: error: {visible(message)}", err=True)
    raise click.exceptions.Exit(EXIT_ERROR)


INPUT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".jsonl", ".ndjson",
                  ".json")
"""What a directory given as PATH contributes (also gzip/zstd-compressed)."""


def expand(paths: tuple[str, ...], excluded: Callable[[str], bool] | None = None) -> tuple[str, ...]:
    """Directories become the input files under them (recursively, sorted, hidden ones skipped,
    and those for which ``excluded(path)`` is true: the ``exclude`` settings); other paths stay as
    given.  A file named twice (``t.md t.md``, ``./t.md``, a file inside a directory also given, a
    symbolic link to it) is read once, where it first appears."""
    out: list[str] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = path if path == "-" else os.path.realpath(path)
        if key not in seen or path == "-":
            seen.add(key)
            out.append(path)

    for path in paths:
        if path == "-" or not os.path.isdir(path):
            add(path)
            continue
        found = []
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (
                excluded is not None and excluded(os.path.join(root, d))))
            for name in files:
                logical = name.removesuffix(".gz").removesuffix(".zst").lower()
                if not name.startswith(".") and logical.endswith(INPUT_SUFFIXES) and not (
                        excluded is not None and excluded(os.path.join(root, name))):
                    found.append(os.path.join(root, name))
        if not found:
            fail(f"{path}: directory has no .txt, .md, .html, .jsonl or .json files")
        for name in sorted(found):
            add(name)
    return tuple(out)


def read_all(paths: tuple[str, ...], stdin_filename: str | None) -> list[Document]:
    """Every document in ``paths`` (``-`` is stdin); any input problem exits 2 with one line."""
    return read_inputs(paths, stdin_filename)[0]


def read_inputs(
    paths: tuple[str, ...], stdin_filename: str | None
) -> tuple[list[Document], dict[str, Source]]:
    """Every document in ``paths`` (``-`` is stdin), and what each was read with (document id ->
    :data:`figcheck.inputs.Source`) for locating findings with
    :func:`figcheck.formats.location.sources`.  Any input problem exits 2 with one line."""
    from ..inputs import InputError, read_sourced

    paths = expand(paths)
    stdin = None
    if "-" in paths:
        if sys.stdin is None:
            fail("standard input is closed; nothing to read for '-'")
        stdin = sys.stdin.buffer
    if list(paths).count("-") > 1:
        fail("'-' (standard input) can be given only once")
    try:
        read = list(read_sourced(list(paths), stdin=stdin, stdin_filename=stdin_filename))
    except InputError as exc:
        fail(str(exc))
    except (OSError, EOFError, ValueError) as exc:  # e.g. a corrupt .gz stream
        fail(f"{', '.join(paths)}: cannot read ({exc})")
    seen: dict[str, int] = {}
    unique = []
    sources: dict[str, Source] = {}
    for doc, source in read:  # two inputs with one id would make findings ambiguous
        n = seen.get(doc.id, 0)
        seen[doc.id] = n + 1
        if n:
            doc = doc.model_copy(update={"id": f"{doc.id}#{n + 1}"})
        unique.append(doc)
        if source is not None:
            sources[doc.id] = source
    return unique, sources


@dataclass
class Inputs:
    """What :func:`read_each` read: the documents (ids made unique), how each was read, the input
    path each came from, and one line per problem (a bad file or record) and per notice."""

    documents: list[Document] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)
    """Document id -> the input path (as given or found in a folder) it was read from."""
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def show(self, quiet: bool = False) -> None:
        """Print the problems (``figcheck: error: ...``) and, unless ``quiet``, the notices
        (control characters from file names or records shown as escapes)."""
        from ..formats.visible import visible

        for line in self.errors:
            click.echo(f"figcheck: error: {visible(line)}", err=True)
        if not quiet:
            for line in self.notices:
                click.echo(f"figcheck: note: {visible(line)}", err=True)


def read_each(paths: tuple[str, ...], stdin_filename: str | None,
              excluded: Callable[[str], bool] | None = None) -> Inputs:
    """Every document in ``paths`` (``-`` is stdin), reading on past bad files and records: each
    problem is one line in :attr:`Inputs.errors` (``path: reason`` or ``path:line: reason``) and
    the other files are read as usual."""
    from ..inputs import InputError, RecordError, iter_sourced

    expanded = expand(paths, excluded)
    if list(expanded).count("-") > 1:
        fail("'-' (standard input) can be given only once")
    stdin = None
    if "-" in expanded:
        if sys.stdin is None:
            fail("standard input is closed; nothing to read for '-'")
        stdin = sys.stdin.buffer
    out = Inputs()
    seen: dict[str, int] = {}
    for path in expanded:
        shown = (stdin_filename or "<stdin>") if path == "-" else path
        try:
            for item, source in iter_sourced(path, stdin=stdin, stdin_filename=stdin_filename,
                                             notices=out.notices):
                if isinstance(item, RecordError):
                    out.errors.append(str(item))
                    continue
                n = seen.get(item.id, 0)  # two inputs with one id would make findings ambiguous
                seen[item.id] = n + 1
                if n:
                    item = item.model_copy(update={"id": f"{item.id}#{n + 1}"})
                out.documents.append(item)
                out.paths[item.id] = path
                if source is not None:
                    out.sources[item.id] = source
        except InputError as exc:
            out.errors.append(str(exc))
        except (OSError, EOFError, ValueError) as exc:  # e.g. a corrupt .gz stream
            out.errors.append(f"{shown}: cannot read ({exc})")
        except (RecursionError, MemoryError) as exc:
            out.errors.append(f"{shown}: cannot read ({type(exc).__name__})")
    return out


def standard_output() -> IO[str]:
    """``sys.stdout``, or a one-line error (exit 2) when the process was started without one
    (``>&-``)."""
    if sys.stdout is None:
        fail("standard output is closed; give -o PATH to write somewhere else")
    return sys.stdout


def _cannot_write(path: str, exc: OSError) -> NoReturn:
    fail(f"{path}: cannot write ({exc.strerror or exc})")


@contextlib.contextmanager
def output_stream(path: str | None) -> Iterator[IO[str]]:
    """``-o PATH`` or stdout (``None`` or ``-``).

    A regular file (or a new one) is written all or nothing: into a new temporary file in the
    same directory (a random name, created with ``O_EXCL | O_NOFOLLOW``, so nothing planted there
    is followed or reused), then renamed over PATH.  A symbolic link to a regular file is written
    through (its target is replaced; the link stays).  Anything else -- a device, a FIFO, a
    socket -- is opened and written directly, never replaced.  A write error (a full disk) is a
    one-line error (exit 2) and leaves PATH as it was."""
    if path is None or path == "-":
        yield from _stdout()
        return
    try:
        st: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        _cannot_write(path, exc)
    if st is not None and stat.S_ISDIR(st.st_mode):
        fail(f"{path}: is a directory")
    if st is not None and not stat.S_ISREG(st.st_mode):
        yield from _direct(path)
        return
    target = os.path.realpath(path) if st is not None else path
    handle, tmp = _temporary(target, path, None if st is None else st.st_mode)
    done = False
    try:
        try:
            with handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
            done = True
        except OSError as exc:
            _cannot_write(path, exc)
    finally:
        if not done:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _stdout() -> Iterator[IO[str]]:
    """Standard output.  Unbuffered (``PYTHONUNBUFFERED=1``, common in CI containers), Python's
    text layer drops what a short write to a nearly full disk left over, without an error; so
    write through a buffered layer of our own, which retries the rest and reports the failure."""
    out = standard_output()
    raw = getattr(out, "buffer", None)
    if not isinstance(raw, io.RawIOBase):
        yield out
        return
    out.flush()
    wrapper = io.TextIOWrapper(io.BufferedWriter(raw), encoding=getattr(out, "encoding", None),
                               errors=getattr(out, "errors", None),
                               newline="\n" if os.linesep == "\n" else None)
    try:
        yield wrapper
        wrapper.flush()
    finally:
        with contextlib.suppress(Exception):
            wrapper.detach().detach()  # leave sys.stdout's own file open


def _direct(path: str) -> Iterator[IO[str]]:
    """Write straight into a device or FIFO (no temporary file, no rename)."""
    try:
        handle = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed below
    except OSError as exc:
        _cannot_write(path, exc)
    try:
        with handle:
            yield handle
    except OSError as exc:
        _cannot_write(path, exc)


def _temporary(target: str, shown: str, mode: int | None) -> tuple[IO[str], str]:
    """A new file next to ``target`` that nobody else created: ``O_CREAT | O_EXCL | O_NOFOLLOW``
    under a random name, with the permissions ``target`` has (or the umask's for a new file)."""
    directory, name = os.path.split(target)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(
        os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = os.path.join(directory, f".{name}.{secrets.token_hex(8)}.figcheck-tmp")
        try:
            fd = os.open(tmp, flags, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            _cannot_write(shown, exc)
        try:
            if mode is not None:
                os.fchmod(fd, stat.S_IMODE(mode))
        except OSError:
            pass  # not ours to change: the new file keeps the umask's permissions
        return os.fdopen(fd, "w", encoding="utf-8", newline="\n"), tmp
    fail(f"{shown}: cannot create a temporary file next to it")


def use_colour(stream: IO[str], no_color: bool = False) -> bool:
    """Colour only on a terminal, and never with ``NO_COLOR`` set (https://no-color.org)."""
    if no_color or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def input_options(f: F) -> F:
    """``PATH...`` and ``--stdin-filename``, shared by extract and check."""
    f = click.option(
        "--stdin-filename",
        metavar="NAME",
        help="Name to use for '-' (standard input) in messages; its suffix picks the format "
        "(e.g. draft.md, feed.jsonl).",
    )(f)
    f = click.argument("paths", nargs=-1, required=True, metavar="PATH...")(f)
    return f
