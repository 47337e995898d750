"""Which files a batch run reads, and the items in each, numbered in reading order.

Archives (``.jsonl``/``.ndjson``/``.json``, optionally ``.gz``/``.zst``) and single articles
(``.txt``/``.md``/``.html``) are read with :func:`figcheck.inputs.read_documents`; folders are walked
recursively (sorted, hidden entries skipped) for those same suffixes.  Every item -- a document or a
bad record -- gets its 0-based ordinal within its file: ``(file, ordinal)`` is what the job's progress
is counted in.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterator
from typing import Any

from ..inputs import BrokenStream, InputError, Item, RecordError, read_documents

ARCHIVE_SUFFIXES = (".jsonl", ".ndjson", ".json")
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".html", ".htm")
COMPRESSION_SUFFIXES = ("", ".gz", ".zst")


def _logical(path: str) -> str:
    for suffix in (".gz", ".zst"):
        if path.endswith(suffix):
            return path[: -len(suffix)]
    return path


def readable(path: str) -> bool:
    return _logical(path).lower().endswith(ARCHIVE_SUFFIXES + ARTICLE_SUFFIXES)


def expand(paths: list[str]) -> list[str]:
    """Files named directly (kept whatever their suffix) plus the readable files under folders.
    Duplicates are dropped, first occurrence kept."""
    out: list[str] = []
    seen: set[str] = set()

    def add(p: str) -> None:
        key = os.path.abspath(p)
        if key not in seen:
            seen.add(key)
            out.append(p)

    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and readable(name):
                        add(os.path.join(root, name))
        else:
            add(path)
    return out


def items(path: str, start: int = 0) -> Iterator[tuple[int, Item]]:
    """``(ordinal, item)`` for the items of ``path`` from ``start`` on.  A problem with the file
    as a whole (missing, not text, a truncated or corrupt ``.gz``/``.zst`` stream) becomes one
    :class:`RecordError` after the items read before it, with line ``None`` so that the next run
    retries the file from there (the line it broke off in is in the message)."""
    ordinal = 0
    try:
        for item in read_documents([path], errors="record"):
            if ordinal >= start:
                yield ordinal, item
            ordinal += 1
    except BrokenStream as exc:  # truncated or corrupt archive: what was read before is kept
        if ordinal >= start:
            where = f" at line {exc.line}" if exc.line and exc.line > 1 else ""
            yield ordinal, RecordError(path=path, line=None, message=f"{exc.reason}{where}")
    except InputError as exc:
        if ordinal >= start:
            message = str(exc)
            prefix = f"{path}: "
            yield ordinal, RecordError(
                path=path, line=None, message=message[len(prefix):] if message.startswith(prefix) else message
            )
    except (OSError, EOFError, ValueError) as exc:  # corrupt compressed stream mid-way
        if ordinal >= start:
            yield ordinal, RecordError(path=path, line=None, message=f"cannot read ({exc})")


def estimate_items(path: str) -> int:
    """Cheap count of the items in ``path`` for the progress bar (lines of JSONL, 1 for an
    article).  Compressed archives are counted by streaming them; errors count as 1."""
    logical = _logical(path).lower()
    if not logical.endswith((".jsonl", ".ndjson")):
        return 1
    try:
        stream: Any
        if path.endswith(".gz"):
            stream = gzip.open(path, "rb")
        elif path.endswith(".zst"):
            import zstandard

            stream = zstandard.ZstdDecompressor().stream_reader(open(path, "rb"))
        else:
            stream = open(path, "rb")
        with stream:
            count, last = 0, b"\n"
            while block := stream.read(1 << 20):
                count += block.count(b"\n")
                last = block[-1:]
            return count + (last != b"\n")
    except Exception:  # noqa: BLE001 - only an estimate
        return 1
