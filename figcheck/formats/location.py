"""Where a claim is in its input file: ``path``, 1-based ``line`` and ``column``."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from ..model import Claim, Document, Finding

if TYPE_CHECKING:
    from ..inputs import Source

_SOURCES: ContextVar[Mapping[str, Source]] = ContextVar(
    "figcheck_sources", default=MappingProxyType({}))


@contextlib.contextmanager
def sources(mapping: Mapping[str, Source]) -> Iterator[None]:
    """Within the block, documents are located with ``mapping`` (document id -> the
    :data:`figcheck.inputs.Source` it was read with: the parsed HTML page, the title position of a
    text file).  The CLI keeps what it read for the whole run; nothing is read again from disk, so
    standard input and files changed meanwhile are located in the text that was checked."""
    token = _SOURCES.set(mapping)
    try:
        yield
    finally:
        _SOURCES.reset(token)


def source_of(doc: Document) -> Source | None:
    """The source ``doc`` was read with, if the current :func:`sources` block has it."""
    return _SOURCES.get().get(doc.id)


class Location(NamedTuple):
    path: str
    line: int
    column: int
    end_line: int
    end_column: int


def _line_col(text: str, offset: int) -> tuple[int, int]:
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset)
    col = offset - (text.rfind("\n", 0, offset) + 1)
    return line, col + 1


def split_origin(origin: str) -> tuple[str, int | None]:
    """``"feed.jsonl:17"`` -> ``("feed.jsonl", 17)``; ``"a.md"`` -> ``("a.md", None)``."""
    head, sep, tail = origin.rpartition(":")
    if sep and tail.isdigit() and head:
        return head, int(tail)
    return origin, None


def locate(claim: Claim, doc: Document | None) -> Location:
    """Map a claim's offsets back to its file.

    A document read in this run (see :func:`sources`): where its source says (the HTML source
    line and column, a title after front matter ...).  Otherwise, text files (``doc.text_line``
    set): the title is line 1 after ``# ``, the body starts at ``text_line``.  Records (a .jsonl
    line or .json item): the record's line and column 1.
    Unknown documents (e.g. an archive's, with ``--against``): the document id, line 1.
    """
    if doc is None:
        return Location(claim.doc, 1, 1, 1, 1)
    origin = doc.origin or doc.id
    source = source_of(doc)
    if source is not None and (doc.text_line is None or claim.field == "title"):
        # positions in the text that was read: the HTML source, a title after front matter
        l0, c0 = source.position(claim.start, claim.field)
        l1, c1 = source.position(max(claim.end - 1, claim.start), claim.field)
        return Location(origin, l0, c0, l1, c1 + (1 if claim.end > claim.start else 0))
    if doc.text_line is None:
        path, line = split_origin(origin)
        line = line or 1
        return Location(path, line, 1, line, 1)
    if claim.field == "title":
        title = doc.title or ""
        return Location(origin, 1, 3 + claim.start, 1, 3 + min(claim.end, len(title)))
    l0, c0 = _line_col(doc.text, claim.start)
    l1, c1 = _line_col(doc.text, claim.end)
    return Location(origin, doc.text_line + l0, c0, doc.text_line + l1, c1)


def primary(finding: Finding, docs: Mapping[str, Document]) -> tuple[Claim | None, Location]:
    """The claim a one-line format points at: the first one in a document of this run (the
    later figure for a within-document conflict is in ``claims[1]``; the first is usually the one
    stated first)."""
    for claim in finding.claims:
        if claim.doc in docs:
            return claim, locate(claim, docs[claim.doc])
    if finding.claims:
        return finding.claims[0], locate(finding.claims[0], None)
    return None, Location("-", 1, 1, 1, 1)
