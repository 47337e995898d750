"""The per-chunk work of a batch run, as pure functions of plain tuples (cheap to pickle, the same
in a local worker process and on a Dask worker).

A *document tuple* is ``(id, text, title, source, published, url, story, desk, origin)`` with
``published`` an ISO date string or ``None``.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import signal
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from ..config import Config
from ..inputs import RecordError
from ..model import Document, Finding, Quantity
from .store import finding_json, quantity_from_json, quantity_json
from .toolkit import DEFAULT, resolve

DocTuple = tuple[Any, ...]
# ("doc", input_id, item, DocTuple) or ("err", input_id, item, path, line, message)
Entry = tuple[Any, ...]


def doc_tuple(doc: Document) -> DocTuple:
    return (
        doc.id,
        doc.text,
        doc.title,
        doc.source,
        doc.published.isoformat() if doc.published else None,
        doc.url,
        doc.story,
        doc.desk,
        doc.origin,
    )


def document(t: DocTuple) -> Document:
    return Document(
        id=t[0],
        text=t[1],
        title=t[2],
        source=t[3],
        published=_dt.date.fromisoformat(t[4]) if t[4] else None,
        url=t[5],
        story=t[6],
        desk=t[7],
        origin=t[8],
    )


def entry(input_id: int, ordinal: int, item: Document | RecordError) -> Entry:
    if isinstance(item, RecordError):
        return ("err", input_id, ordinal, item.path, item.line, item.message)
    t = doc_tuple(item)
    for value in t:
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:  # a lone surrogate from a JSON "\ud800" escape
                origin = item.origin or item.id
                line = origin_line(origin)
                path = origin.rsplit(":", 1)[0] if line is not None else origin
                return ("err", input_id, ordinal, path, line,
                        f"invalid Unicode in a field (unpaired surrogate at {exc.start})")
    return ("doc", input_id, ordinal, t)


def quantity_row(idx: int, q: Quantity, key: str) -> tuple[Any, ...]:
    return (
        idx,
        q.field,
        q.start,
        q.end,
        q.text,
        key,
        q.subject.head,
        q.unit,
        q.dimension,
        None if q.interval.low is None else str(q.interval.low),
        None if q.interval.high is None else str(q.interval.high),
        quantity_json(q),
    )


def finding_row(f: Finding) -> tuple[Any, ...]:
    docs = tuple(dict.fromkeys(c.doc for c in f.claims))
    return (f.code, f.kind, f.scope, f.severity, f.confidence, f.message, finding_json(f), docs)


def origin_line(origin: str | None) -> int | None:
    if origin and ":" in origin:
        tail = origin.rsplit(":", 1)[1]
        if tail.isdigit():
            return int(tail)
    return None


DOC_TIMEOUT = 120.0
"""Seconds one document may take (extract + within + features) before it is recorded as a bad
record instead of holding up the run.  Enforced with SIGALRM where that is possible (the main
thread of a worker process); not on Dask worker threads."""


class DocumentTimeout(Exception):
    pass


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    if (seconds <= 0 or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()):
        yield
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise DocumentTimeout(f"gave up after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_chunk(
    entries: Sequence[Entry], config: Config, toolkit: str = DEFAULT, timeout: float = DOC_TIMEOUT
) -> list[tuple[Any, ...]]:
    """Extract, compare within each article and compute story features.  Returns, in order,
    ``("doc", input_id, item, doc_tuple, quantity_rows, finding_rows, features)`` or the
    ``("err", ...)`` entry (also for a document the parser or comparator failed on)."""
    tk = resolve(toolkit)
    out: list[tuple[Any, ...]] = []
    for e in entries:
        if e[0] != "doc":
            out.append(tuple(e))
            continue
        _, input_id, item, t = e
        try:
            doc = document(t)
            with _deadline(timeout):
                qs = tk.extract(doc.text, title=doc.title)
                findings = tk.within(doc, qs, config)
                features = sorted(tk.story_features(doc, qs))
            qrows = [quantity_row(i, q, tk.key(q)) for i, q in enumerate(qs)]
            frows = [finding_row(f) for f in findings]
        except ImportError:
            raise  # a broken installation, not a bad record
        except Exception as exc:  # noqa: BLE001 - a bad record never stops the run
            origin = t[8] or str(t[0])
            path = origin.rsplit(":", 1)[0] if origin_line(origin) is not None else origin
            message = f"figcheck failed on this document ({type(exc).__name__}: {exc})"[:500]
            out.append(("err", input_id, item, path, origin_line(origin), message))
            continue
        out.append(("doc", input_id, item, t, qrows, frows, features))
    return out


def compare_story(
    story_key: str,
    members: Sequence[tuple[int, DocTuple, Sequence[str]]],
    config: Config,
    toolkit: str = DEFAULT,
) -> list[tuple[Any, ...]]:
    """Cross-source comparison of one story: ``members`` are ``(doc_pk, doc_tuple, quantity
    JSONs)``.  Returns finding rows whose document ids are mapped to ``doc_pk``s."""
    tk = resolve(toolkit)
    group = [(document(t), [quantity_from_json(j) for j in qjs]) for _, t, qjs in members]
    pk_by_id: dict[str, int] = {}
    for pk, t, _ in members:
        pk_by_id.setdefault(t[0], pk)
    rows = []
    for f in tk.across(group, config):
        code, kind, scope, severity, confidence, message, js, ids = finding_row(f)
        pks = tuple(dict.fromkeys(pk_by_id[i] for i in ids if i in pk_by_id))
        rows.append((code, kind, "cross", severity, confidence, message, js, pks))
    return rows
