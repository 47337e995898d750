"""Article text out of an HTML page, with every character traceable to its place in the source.

:func:`html_to_text` parses with the standard library's :mod:`html.parser` (a forgiving, linear
tokenizer that needs no extra dependency) and returns an :class:`HtmlText`:

* ``title``: the first ``<h1>`` of the article (taken out of the body text, as a Markdown
  ``# Heading`` is), else the page ``<title>``, else ``None``;
* ``text``: the article text, paragraphs separated by one blank line.  Block elements (``p``,
  ``div``, ``li``, ``h2``, table rows ...) end a paragraph; a block whose text is all links
  ("Read more: ...", related-story lists) or all ``<time>`` (a dateline) is left out; ``<br>`` is a line break, runs of HTML
  whitespace collapse to one space (outside ``<pre>``) and character references are decoded;
* ``position(offset)``: the 1-based ``(line, column)`` in the HTML source of a text offset, so
  findings point at the source file an editor has open.

What counts as the article: when the page has ``<article>`` elements only their content is used,
else ``<main>``, else the whole ``<body>``.  Never text: ``<script>``, ``<style>``, ``<nav>``,
``<aside>``, ``<footer>``, ``<noscript>``, ``<template>``, form controls, embedded SVG/MathML and
elements marked ``hidden`` or ``aria-hidden="true"`` (see :data:`SKIP_ELEMENTS`).

Which of those blocks are the story is then decided by a maintained article-extraction library,
trafilatura (``pip install 'figcheck[html]'``), when it is installed: it is run on the same page,
and a block is kept when the library extracted its words (compared case-folded, word by word, so
whitespace, entities and table pipes do not matter; blocks of fewer than :data:`SHORT_BLOCK` words
only as a whole extracted line).  Cookie banners, newsletter boxes, "Most read" lists, share tools
and footers in plain ``<div>``s go; the text kept is still this module's parse, so every offset
maps back to the source.  When the library is missing, fails, or keeps none of the blocks, these
rules alone decide (:attr:`HtmlText.extractor` says which did).  The library is imported on the
first HTML page, never by reading other inputs, and only once.

A library that is installed but cannot be imported (a broken install: trafilatura 2 with an lxml
that no longer ships ``lxml.html.clean``, say) is not silent: with ``extractor="auto"`` it is one
:class:`ExtractorWarning` per process ("trafilatura is installed but cannot be imported: ...;
using figcheck's own HTML rules"), which the command line prints as one ``figcheck: warning:``
line; with ``extractor="library"`` (the caller asked for it) it is an :class:`ExtractorError`.

HTML comments are kept aside in :attr:`HtmlText.comments` with the text offset where they occur,
for inline suppressions such as ``<!-- figcheck: ignore[FC101] -->``.

Bad markup never raises: unclosed tags, stray ``<`` and unknown entities are read the way the
tokenizer reads them.  The work is linear in the size of the page.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import importlib
import warnings
from collections import Counter
import html as _html
import re
from dataclasses import dataclass, field
from collections.abc import Mapping
from html.parser import HTMLParser
from types import MappingProxyType
from typing import Any, Literal

__all__ = [
    "ExtractorError", "ExtractorWarning", "HtmlComment", "HtmlText", "html_to_text",
    "SKIP_ELEMENTS", "BLOCK_ELEMENTS",
]

LIBRARY = "trafilatura"
"""The article-extraction library (the ``html`` extra)."""


class ExtractorWarning(UserWarning):
    """The article-extraction library is installed but cannot be used: figcheck's rules decide."""


class ExtractorError(RuntimeError):
    """``extractor="library"`` was asked for, and the library is missing or cannot be imported."""

SKIP_ELEMENTS = frozenset(
    {
        "script", "style", "nav", "aside", "footer", "noscript", "template", "head",
        "svg", "math", "iframe", "object", "embed", "canvas", "audio", "video",
        "button", "select", "textarea", "datalist", "dialog", "map",
    }
)
"""Elements whose content is never article text (``<title>`` inside ``<head>`` is still read)."""

BLOCK_ELEMENTS = frozenset(
    {
        "address", "article", "blockquote", "body", "caption", "center", "dd", "details",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "ol", "p",
        "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    }
)
"""Elements that start and end a paragraph."""

CELL_ELEMENTS = frozenset({"td", "th"})
"""Table cells: separated by a space within their row's paragraph."""

VOID_ELEMENTS = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    }
)

META_KEYS: Mapping[str, str] = MappingProxyType({
    "article:published_time": "published",
    "og:published_time": "published",
    "datepublished": "published",
    "pubdate": "published",
    "publishdate": "published",
    "date": "published",
    "dc.date": "published",
    "dc.date.issued": "published",
    "dcterms.date": "published",
    "dcterms.created": "published",
    "og:site_name": "site",
    "og:url": "url",
})
"""``<meta>`` names (``property``, ``name`` or ``itemprop``, lower case) -> what they state."""

_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_WS = re.compile(r"[ \t\n\r\f]+")
_NOT_WS = re.compile(r"[^ \t\n\r\f]+")
_CHARREF = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")

Scope = Literal["article", "main", "body"]


@dataclass(frozen=True)
class HtmlComment:
    """An HTML comment: its content, the text offset it sits at and its source position."""

    text: str
    offset: int
    """Offset in :attr:`HtmlText.text` where the comment occurs (start of the next paragraph when it
    sits between paragraphs)."""
    line: int
    col: int


@dataclass(frozen=True)
class _Map:
    """Piecewise-linear map from output offsets to source offsets: offset ``o`` with
    ``starts[k] <= o < starts[k + 1]`` maps to ``sources[k] + (o - starts[k])``."""

    starts: tuple[int, ...]
    sources: tuple[int, ...]

    def __call__(self, offset: int) -> int:
        if not self.starts:
            return 0
        k = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        return self.sources[k] + max(offset - self.starts[k], 0)


@dataclass(frozen=True)
class HtmlText:
    title: str | None
    text: str
    comments: tuple[HtmlComment, ...] = ()
    published: _dt.date | None = None
    """Publication date from ``<meta property="article:published_time">`` (or ``og:``/Dublin Core/
    ``date`` variants), else the first ``<time datetime>`` in the article."""
    site: str | None = None
    """``<meta property="og:site_name">``: the publication, for ``Document.source``."""
    url: str | None = None
    """``<link rel="canonical">``, else ``<meta property="og:url">``."""
    extractor: Literal["library", "rules"] = "rules"
    """Who decided which blocks are article text: the article-extraction library (trafilatura)
    or this module's rules (the library is not installed, or found nothing in the blocks)."""
    _text_map: _Map = field(default=_Map((), ()), repr=False)
    _title_map: _Map = field(default=_Map((), ()), repr=False)
    _line_starts: tuple[int, ...] = field(default=(0,), repr=False)

    def source_offset(self, offset: int, field: Literal["title", "text"] = "text") -> int:
        """Offset in the HTML source of character ``offset`` of ``text`` (or ``title``)."""
        return (self._title_map if field == "title" else self._text_map)(offset)

    def position(self, offset: int, field: Literal["title", "text"] = "text") -> tuple[int, int]:
        """1-based ``(line, column)`` in the HTML source of character ``offset`` of the field."""
        return self.source_position(self.source_offset(offset, field))

    def source_position(self, source_offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of an offset in the HTML source."""
        line = bisect.bisect_right(self._line_starts, source_offset)
        return line, source_offset - self._line_starts[line - 1] + 1


@dataclass
class _Para:
    """A paragraph being collected: text pieces with their source offsets."""

    scope: int
    """Bit set: 1 inside <article>, 2 inside <main>."""
    h1: bool = False
    chars: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    sources: list[int] = field(default_factory=list)
    length: int = 0
    space_src: int = -1
    """Source offset of a pending collapsed space (-1: none)."""
    source: int = 0
    """Source offset of the tag that opened the paragraph."""
    unlinked: bool = False
    """Whether any visible character lies outside links and ``<time>`` elements: blocks of only
    links are navigation, blocks of only timestamps are datelines."""

    def add(self, piece: str, src: int) -> None:
        if not piece:
            return
        if self.space_src >= 0:
            if self.length:
                self._put(" ", self.space_src)
            self.space_src = -1
        self._put(piece, src)

    def _put(self, piece: str, src: int) -> None:
        if not (self.starts and self.sources[-1] - self.starts[-1] == src - self.length):
            self.starts.append(self.length)
            self.sources.append(src)
        self.chars.append(piece)
        self.length += len(piece)

    def space(self, src: int) -> None:
        if self.space_src < 0:
            self.space_src = src

    def newline(self, src: int) -> None:
        self.space_src = -1
        if self.length and not "".join(self.chars[-2:]).endswith("\n\n"):  # <br><br><br>: one break
            self._put("\n", src)


class _Extractor(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.src = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.stack: list[str] = []
        self.open: Counter[str] = Counter()
        """How many elements of each name are open (skipped ones prefixed with NUL), so no step
        scans the stack: deep or broken nesting stays linear."""
        self.skip = 0
        self.pre = 0
        self.in_title = False
        self.title_para = _Para(scope=0)
        self.paras: list[_Para] = []
        self.cur: _Para | None = None
        self.comments: list[tuple[str, int, int]] = []
        """(content, index of the paragraph it belongs to or precedes, source offset)."""
        self.pending: tuple[int, str] | None = None
        self.meta: dict[str, str] = {}
        """First value of each metadata key this page states (see :data:`META_KEYS`)."""

    # -- positions ---------------------------------------------------------------------------
    def _here(self) -> int:
        line, col = self.getpos()
        if line - 1 < len(self.line_starts):
            return min(self.line_starts[line - 1] + col, len(self.src))
        return len(self.src)

    def _flush(self, end: int) -> None:
        """Emit pending character data, re-deriving offsets from the raw source slice."""
        if self.pending is None:
            return
        start, decoded = self.pending
        self.pending = None
        para = self._target(start)
        if para is None:
            return
        raw = self.src[start:end] if start <= end else ""
        if _html.unescape(raw) == decoded:
            self._emit_raw(para, raw, start)
        else:  # the tokenizer's positions disagree with the data: map all of it to its start
            self._emit_piece(para, decoded, start)

    # -- text --------------------------------------------------------------------------------
    def _target(self, src: int) -> _Para | None:
        if self.in_title:
            return self.title_para
        if self.skip:
            return None
        if self.cur is None:
            scope = (1 if self.open["article"] else 0) | (2 if self.open["main"] else 0)
            self.cur = _Para(scope=scope, h1=self.open["h1"] > 0, source=src)
            self.paras.append(self.cur)
        return self.cur

    def _emit_raw(self, para: _Para, raw: str, start: int) -> None:
        pos = 0
        for m in _CHARREF.finditer(raw):
            self._emit_plain(para, raw[pos : m.start()], start + pos)
            self._emit_piece(para, _html.unescape(m.group()), start + m.start())
            pos = m.end()
        self._emit_plain(para, raw[pos:], start + pos)

    def _emit_plain(self, para: _Para, chunk: str, start: int) -> None:
        """Literal source text: collapse whitespace runs (outside <pre>), map 1:1 otherwise."""
        if not chunk:
            return
        if not (self.open["a"] or self.open["time"]) and not chunk.isspace():
            para.unlinked = True
        if self.pre and para is not self.title_para:
            if not para.length:  # a paragraph never starts with a line break
                stripped = chunk.lstrip("\r\n")
                start += len(chunk) - len(stripped)
                chunk = stripped
            para.add(chunk, start)
            return
        for m in _NOT_WS.finditer(chunk):
            if m.start() > 0:
                para.space(start + m.start() - 1)
            para.add(m.group(), start + m.start())
        if chunk[-1] in " \t\n\r\f":
            para.space(start + len(chunk) - 1)

    def _emit_piece(self, para: _Para, text: str, src: int) -> None:
        """Decoded text (a character reference): all of it maps to ``src``."""
        if not (self.open["a"] or self.open["time"]) and not text.isspace():
            para.unlinked = True
        for ch in text:
            if ch in " \t\n\r\f" and not (self.pre and para is not self.title_para):
                para.space(src)
            else:
                para.add(ch, src)

    def _break(self) -> None:
        self.cur = None

    @staticmethod
    def _hidden(attrs: list[tuple[str, str | None]]) -> bool:
        for name, value in attrs:
            if name == "hidden":
                return True
            if name == "aria-hidden" and (value or "").strip().lower() == "true":
                return True
            if name == "style" and _DISPLAY_NONE.search(value or ""):
                return True
        return False

    def _metadata(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "").strip() for k, v in attrs}
        if tag == "meta":
            key = META_KEYS.get((a.get("property") or a.get("name") or a.get("itemprop") or "").lower())
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"])
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split() and a.get("href"):
            self.meta.setdefault("canonical", a["href"])
        elif tag == "time" and a.get("datetime") and not self.skip and self.open["article"]:
            self.meta.setdefault("time", a["datetime"])

    # -- tokenizer callbacks -------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        here = self._here()
        self._flush(here)
        if self.cdata_elem in ("script", "style"):  # raw text, never article text
            return
        self.pending = (here, data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        here = self._here()
        self._flush(here)
        self.in_title = False  # a title holds text only: any tag ends an unclosed one
        if tag in ("meta", "link", "time"):
            self._metadata(tag, attrs)
        if tag in VOID_ELEMENTS:
            self._void(tag, here)
            return
        if tag == "title" and not self.title_para.length:
            self.in_title = self.skip == self.open["\x00head"]  # skipped for <head> only
        if self.skip or tag in SKIP_ELEMENTS or self._hidden(attrs):
            self.skip += 1
            self.stack.append("\x00" + tag)  # an element inside (or opening) skipped content
            self.open["\x00" + tag] += 1
            return
        self.stack.append(tag)
        self.open[tag] += 1
        if tag == "pre":
            self.pre += 1
        if tag in BLOCK_ELEMENTS:
            self._break()
        elif tag in CELL_ELEMENTS and self.cur is not None:
            self.cur.space(here)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        here = self._here()
        self._flush(here)
        self.in_title = False
        if tag in ("meta", "link"):
            self._metadata(tag, attrs)
        if tag in VOID_ELEMENTS:
            self._void(tag, here)
        elif tag in BLOCK_ELEMENTS and not self.skip:
            self._break()

    def _void(self, tag: str, here: int) -> None:
        if self.skip:
            return
        if tag == "br":
            if self.cur is not None:
                self.cur.newline(here)
        elif tag == "hr":
            self._break()
        elif tag in ("img", "input") and self.cur is not None:
            self.cur.space(here)

    def handle_endtag(self, tag: str) -> None:
        here = self._here()
        self._flush(here)
        if tag == "title":
            self.in_title = False
        if tag in VOID_ELEMENTS:
            if tag == "br":  # browsers read "</br>" as <br>
                self._void(tag, here)
            return
        if not (self.open[tag] or self.open["\x00" + tag]):
            return  # a stray end tag: ignored, as browsers do
        i = len(self.stack) - 1  # the innermost matching open element (popping pays for the walk)
        while self.stack[i].lstrip("\x00") != tag:
            i -= 1
        for name in reversed(self.stack[i:]):
            self.open[name] -= 1
            if name.startswith("\x00"):
                self.skip -= 1
            elif not self.skip:
                if name == "pre":
                    self.pre -= 1
                if name in BLOCK_ELEMENTS:
                    self._break()
        del self.stack[i:]

    def handle_comment(self, data: str) -> None:
        here = self._here()
        self._flush(here)
        # inside the open paragraph, or before its first visible character: that paragraph
        self.comments.append((data, len(self.paras) - 1 if self.cur is not None else len(self.paras),
                              here))

    def handle_decl(self, decl: str) -> None:
        self._flush(self._here())

    def handle_pi(self, data: str) -> None:
        self._flush(self._here())

    def unknown_decl(self, data: str) -> None:
        self._flush(self._here())

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """``<![...`` that is not a known marked section: read as a bogus comment up to ``>``
        (as browsers do) instead of the stdlib's AssertionError."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            j = self.rawdata.find(">", i + 3)
            return -1 if j < 0 else j + 1

    def close(self) -> None:
        super().close()
        self._flush(len(self.src))


def _trim(para: _Para) -> tuple[str, list[int], list[int]]:
    """The paragraph's text without trailing line breaks, and its map."""
    text = "".join(para.chars)
    stripped = text.rstrip("\n")
    return stripped, para.starts, para.sources


def _date(value: str | None) -> _dt.date | None:
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


_UNCLOSABLE = re.compile(r"<[A-Za-z/!?]")
_COMMENT_OR_RAW = re.compile(r"<!--|<(script|style)(?=[\s/>])", re.IGNORECASE)
_END_SCRIPT = re.compile(r"</script", re.IGNORECASE)
_END_STYLE = re.compile(r"</style", re.IGNORECASE)


def _readable_prefix(html: str) -> str:
    """The page up to its first construct that can never be closed: a tag with no ``>`` anywhere
    after it, or a comment with no ``-->`` after it.  Browsers show nothing from there on (the
    rest is inside the unfinished tag or comment), and cutting it off keeps the tokenizer linear:
    older :mod:`html.parser` versions rescan the whole rest of the page for each such ``<``."""
    limit = len(html)
    m = _UNCLOSABLE.search(html, html.rfind(">") + 1)
    if m:
        limit = m.start()
    # the first comment that never closes, skipping script/style text (where "<!--" is just text)
    pos = 0
    while True:
        m = _COMMENT_OR_RAW.search(html, pos, limit)
        if m is None:
            break
        if m.group(1) is None:  # a comment
            end = html.find("-->", m.end())
            if end < 0:
                limit = m.start()
                break
            pos = end + 3
        else:  # script or style text runs to its end tag
            close = (_END_SCRIPT if m.group(1).lower() == "script" else _END_STYLE).search(html, m.end())
            if close is None:
                break
            pos = close.start() + 2
    return html[:limit]


_TOKEN = re.compile(r"\w+")
SHORT_BLOCK = 4
"""Blocks of fewer words than this are article text only when the library extracted a block with
exactly their words; longer ones also when their words run inside the extracted text (the library
may join or split blocks differently)."""


def _words(text: str) -> str:
    """The block's words, case-folded, one space apart: what is compared with the library's
    output (which differs in whitespace, entities, table pipes and quotes)."""
    return " ".join(_TOKEN.findall(text.casefold()))


def _library() -> tuple[Any, str | None]:
    """The library module, or ``None`` and why not (``None`` too when it is simply not installed).
    A successful import is kept by Python; a broken install warns once per distinct problem."""
    try:
        return importlib.import_module(LIBRARY), None
    except ModuleNotFoundError as exc:
        if exc.name == LIBRARY:
            return None, None
        problem = f"{type(exc).__name__}: {exc}"
    except Exception as exc:  # noqa: BLE001 - any failure to import is a broken install
        problem = f"{type(exc).__name__}: {exc}"
    return None, _broken(" ".join(problem.split()))


@functools.cache
def _broken(problem: str) -> str:
    """Say once (per process and problem) that the library is installed but cannot be imported."""
    warnings.warn(
        f"{LIBRARY} is installed but cannot be imported ({problem}); using figcheck's own HTML "
        f"rules (repair it with: pip install 'figcheck[html]')",
        ExtractorWarning, stacklevel=4,
    )
    return problem


def library_blocks(html: str, required: bool = False) -> list[str] | None:
    """The article text of ``html`` as the article-extraction library (trafilatura) finds it, one
    block a line, each as :func:`_words`; None when the library is not installed, fails, or finds
    nothing.  The library is imported here, on the first HTML page read, never before.  With
    ``required`` a missing or broken library raises :class:`ExtractorError`."""
    if required:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ExtractorWarning)
            trafilatura, problem = _library()
        if trafilatura is None:
            raise ExtractorError(
                f"{LIBRARY} is installed but cannot be imported ({problem}); "
                "repair it with: pip install 'figcheck[html]'" if problem else
                f"{LIBRARY} is not installed: pip install 'figcheck[html]'")
    else:
        trafilatura, _ = _library()
        if trafilatura is None:
            return None
    try:
        found = trafilatura.extract(html, output_format="txt", include_comments=False,
                                    include_tables=True, include_images=False, include_links=False,
                                    deduplicate=False, with_metadata=False)
    except Exception:  # noqa: BLE001 - a library failure falls back to the rules, never fails
        return None
    if not found:
        return None
    blocks = [w for w in (_words(line) for line in found.splitlines()) if w]
    return blocks or None


def _in_article(para: _Para, blocks: set[str], joined: str) -> bool:
    words = _words("".join(para.chars))
    if not words or words in blocks:
        return bool(words)
    lines = [_words(line) for line in "".join(para.chars).split("\n")]
    if all(line in blocks for line in lines if line):
        return True
    return words.count(" ") + 1 >= SHORT_BLOCK and f" {words} " in joined


Extractor = Literal["auto", "library", "rules"]


def html_to_text(html: str, extractor: Extractor = "auto") -> HtmlText:
    """Title, article text and source mapping of an HTML page (see the module docstring).

    ``extractor="auto"`` lets the article-extraction library decide which blocks are article text
    when it is installed (``pip install 'figcheck[html]'``) and finds any; ``"library"`` too, but
    raises :class:`ExtractorError` when the library is missing or broken; ``"rules"`` uses this
    module's own rules only."""
    html = _readable_prefix(html)
    parser = _Extractor(html)
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - the stdlib tokenizer's rare internal errors on broken
        parser._flush(len(html))  # markup: keep what was read so far rather than fail

    # blocks made only of links ("Read more: ...", related stories) or timestamps are not article text
    paras = [
        p for p in parser.paras if p.length and (p.unlinked or p.h1) and "".join(p.chars).strip()
    ]
    scope_bit = 1 if any(p.scope & 1 for p in paras) else 2 if any(p.scope & 2 for p in paras) else 0
    chosen = [p for p in paras if not scope_bit or p.scope & scope_bit]

    used: Literal["library", "rules"] = "rules"
    blocks = (library_blocks(html, required=extractor == "library")
              if extractor != "rules" and chosen else None)
    kept = chosen
    if blocks is not None:
        block_set, joined = set(blocks), f" {' '.join(blocks)} "
        kept = [p for p in chosen if _in_article(p, block_set, joined)]
        if any(not p.h1 for p in kept):
            used = "library"
        else:  # nothing of the library's text found among the blocks: the rules decide
            kept = chosen

    title_para: _Para | None = None
    heads = [p for p in kept if p.h1] or [p for p in chosen if p.h1]
    if heads:
        title_para = heads[0]
    elif parser.title_para.length:
        title_para = parser.title_para
    chosen = [p for p in (kept if used == "library" else chosen) if p is not title_para]

    title: str | None = None
    title_map = _Map((), ())
    if title_para is not None:
        t, t_starts, t_sources = _trim(title_para)
        t = t.replace("\n", " ")
        if t.strip():
            title = t
            title_map = _Map(tuple(t_starts), tuple(t_sources))

    out: list[str] = []
    starts: list[int] = []
    sources: list[int] = []
    pos = 0
    para_offset: dict[int, int] = {}
    index_of = {id(p): i for i, p in enumerate(parser.paras)}
    for para in chosen:
        text, p_starts, p_sources = _trim(para)
        if out:
            starts.append(pos)
            sources.append(para.source)
            out.append("\n\n")
            pos += 2
        para_offset[index_of[id(para)]] = pos
        for s, src in zip(p_starts, p_sources):
            if s < len(text):
                starts.append(pos + s)
                sources.append(src)
        out.append(text)
        pos += len(text)

    # comments: offset of the paragraph they belong to or precede
    ordered = sorted(para_offset.items())
    keys = [k for k, _ in ordered]
    comments = []
    for data, para_index, src in parser.comments:
        k = bisect.bisect_left(keys, para_index)
        offset = ordered[k][1] if k < len(ordered) else pos
        line = bisect.bisect_right(parser.line_starts, src)
        comments.append(HtmlComment(data, offset, line, src - parser.line_starts[line - 1] + 1))

    meta = parser.meta
    return HtmlText(
        published=_date(meta.get("published") or meta.get("time")),
        site=meta.get("site") or None,
        url=meta.get("canonical") or meta.get("url") or None,
        title=title,
        text="".join(out),
        comments=tuple(comments),
        _text_map=_Map(tuple(starts), tuple(sources)),
        extractor=used,
        _title_map=title_map,
        _line_starts=tuple(parser.line_starts),
    )
