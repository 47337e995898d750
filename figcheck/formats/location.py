"""Where a claim is in its input file: ``path``, 1-based ``line`` and ``column``."""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from ..model import Claim, Document, Finding

if TYPE_CHECKING:
    from ..htmltext import HtmlText

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


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


def html_page(origin: str) -> HtmlText | None:
    """The parsed HTML file ``origin`` (for mapping text offsets back to source lines), or None
    when ``origin`` is not a readable .html file.  Cached per file version."""
    logical = origin.removesuffix(".gz")
    if not logical.lower().endswith(HTML_SUFFIXES):
        return None
    try:
        st = os.stat(origin)
    except OSError:
        return None
    return _parse_html(origin, st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=64)
def _parse_html(path: str, mtime_ns: int, size: int) -> HtmlText | None:
    import gzip

    from ..htmltext import html_to_text

    try:
        with open(path, "rb") as fh:
            data = fh.read()
        if path.endswith(".gz"):
            data = gzip.decompress(data)
        return html_to_text(data.decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, EOFError):
        return None


def locate(claim: Claim, doc: Document | None) -> Location:
    """Map a claim's offsets back to its file.

    Text files (``doc.text_line`` set): the title is line 1 after ``# ``, the body starts at
    ``text_line``.  Records (a .jsonl line or .json item): the record's line and column 1.
    Unknown documents (e.g. an archive's, with ``--against``): the document id, line 1.
    """
    if doc is None:
        return Location(claim.doc, 1, 1, 1, 1)
    origin = doc.origin or doc.id
    if doc.text_line is None and (page := html_page(origin)) is not None:
        l0, c0 = page.position(claim.start, claim.field)
        l1, c1 = page.position(max(claim.end - 1, claim.start), claim.field)
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
