"""The engine-independent parts of a batch run: registering inputs, cutting them into chunks from
where the last run stopped, committing results transactionally, and the story/cross stages' reads
and writes.  The engines (:mod:`.local`, :mod:`.dask_engine`) only decide where chunks are
processed."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..config import Config
from . import sources, stories
from .store import ensure_indexes, get_meta, set_meta, transaction
from .toolkit import DEFAULT, resolve

ProgressFn = Callable[[str, int, int | None], None]
"""``progress(stage, done, total)``: stage is ``"documents"`` or ``"stories"``."""

CHUNK = 32
ERROR_EXAMPLES = 3
"""Bad records named (file and line) per message in the end-of-run summary."""
LARGE_STORY = 400
"""Stories with more documents than this are compared claim key by claim key."""


@dataclass
class BatchStats:
    documents: int = 0
    errors: int = 0
    quantities: int = 0
    within_findings: int = 0
    cross_findings: int = 0
    stories: int = 0
    resumed_from: int = 0
    """Items (documents and bad records) already committed by an earlier run."""
    elapsed: float = 0.0
    error_summary: list[tuple[str, int]] = field(default_factory=list)
    """Most frequent error messages (path and line stripped) with counts."""
    error_examples: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """For each message of :attr:`error_summary`, where its first bad records are
    (``path:line``, or ``path`` for a whole file), at most :data:`ERROR_EXAMPLES`."""
    total_documents: int = 0
    total_errors: int = 0
    total_findings: int = 0


def register_inputs(conn: sqlite3.Connection, paths: Sequence[str]) -> list[tuple[int, str, int, int]]:
    """``(input_id, path, items_done, complete)`` for each expanded input path."""
    out = []
    with transaction(conn):
        for path in sources.expand(list(paths)):
            try:
                st = os.stat(path)
                size, mtime = st.st_size, st.st_mtime
            except OSError:
                size, mtime = None, None
            conn.execute(
                "INSERT OR IGNORE INTO inputs(path, size, mtime) VALUES (?, ?, ?)", (path, size, mtime)
            )
            row = conn.execute(
                "SELECT input_id, items_done, complete, size FROM inputs WHERE path=?", (path,)
            ).fetchone()
            input_id, done, complete, old_size = row
            if size is not None and old_size is not None and size > old_size:
                complete = 0  # appended to since it was read: continue after the last item
                conn.execute("UPDATE inputs SET complete=0 WHERE input_id=?", (input_id,))
            if size != old_size:
                conn.execute(
                    "UPDATE inputs SET size=?, mtime=? WHERE input_id=?", (size, mtime, input_id)
                )
            # a file that could not be read (to the end) is retried by the next run: its
            # trailing whole-file error is dropped and reading resumes before it
            failed = conn.execute(
                "SELECT error_pk, item FROM errors WHERE input_id=? AND line IS NULL"
                " AND item=? - 1",
                (input_id, done),
            ).fetchone()
            if failed is not None:
                conn.execute("DELETE FROM errors WHERE error_pk=?", (failed[0],))
                conn.execute(
                    "UPDATE inputs SET items_done=?, complete=0 WHERE input_id=?", (failed[1], input_id)
                )
                done, complete = failed[1], 0
            out.append((input_id, path, done, complete))
    return out


def chunks(inputs: Sequence[tuple[int, str, int, int]], size: int = CHUNK) -> Iterator[list[tuple[Any, ...]]]:
    """Entries not yet committed, in reading order, ``size`` documents at a time.  Each file's
    last chunk carries an ``("end", input_id, n_items)`` marker."""
    from .work import entry

    batch: list[tuple[Any, ...]] = []
    for input_id, path, done, complete in inputs:
        if complete:
            continue
        n = done
        for ordinal, item in sources.items(path, start=done):
            batch.append(entry(input_id, ordinal, item))
            n = ordinal + 1
            if len(batch) >= size:
                yield batch
                batch = []
        batch.append(("end", input_id, n))
    if batch:
        yield batch


def commit_chunk(conn: sqlite3.Connection, results: Sequence[tuple[Any, ...]], stats: BatchStats) -> int:
    """Write one processed chunk and advance the inputs' progress, in one transaction.
    Returns the number of items (documents and errors) written."""
    progress: dict[int, int] = {}
    ended: list[tuple[int, int]] = []
    n = 0
    with transaction(conn):
        for r in results:
            kind = r[0]
            if kind == "end":
                ended.append((r[1], r[2]))
                continue
            n += 1
            progress[r[1]] = max(progress.get(r[1], 0), r[2] + 1)
            if kind == "err":
                _, input_id, item, path, line, message = r
                conn.execute(
                    "INSERT INTO errors(input_id, item, path, line, message) VALUES (?,?,?,?,?)",
                    (input_id, item, path, line, message),
                )
                stats.errors += 1
                continue
            _, input_id, item, t, qrows, frows, feats = r
            cur = conn.execute(
                "INSERT INTO documents(input_id, item, id, text, title, source, published, url,"
                " story, desk, origin, n_quantities) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (input_id, item, t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], len(qrows)),
            )
            pk = int(cur.lastrowid or 0)
            conn.executemany(
                'INSERT INTO quantities(doc_pk, idx, field, start, "end", text, claim_key, head, unit,'
                " dimension, low, high, json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(pk, *q) for q in qrows],
            )
            conn.executemany(
                "INSERT OR IGNORE INTO features(doc_pk, feature) VALUES (?, ?)", [(pk, f) for f in feats]
            )
            for f in frows:
                _insert_finding(conn, f, story_key=None, doc=(pk, t[3], t[7], t[4]), doc_pks=(pk,))
            stats.documents += 1
            stats.quantities += len(qrows)
            stats.within_findings += len(frows)
        for input_id, items_done in progress.items():
            conn.execute(
                "UPDATE inputs SET items_done=? WHERE input_id=? AND items_done<?",
                (items_done, input_id, items_done),
            )
        for input_id, n_items in ended:
            conn.execute(
                "UPDATE inputs SET complete=1, items_done=max(items_done, ?) WHERE input_id=?",
                (n_items, input_id),
            )
        if n:
            set_meta(conn, "cross_state", "dirty")
    return n


def _insert_finding(
    conn: sqlite3.Connection,
    f: tuple[Any, ...],
    *,
    story_key: str | None,
    doc: tuple[Any, ...] | None,
    doc_pks: Sequence[int],
) -> None:
    code, kind, scope, severity, confidence, message, js, _ids = f
    pk, source, desk, published = doc if doc is not None else (None, None, None, None)
    cur = conn.execute(
        "INSERT INTO findings(scope, code, kind, severity, confidence, message, story_key, doc_pk,"
        " source, desk, published, json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (scope, code, kind, severity, confidence, message, story_key, pk, source, desk, published, js),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO finding_docs(finding_pk, doc_pk) VALUES (?, ?)",
        [(cur.lastrowid, d) for d in doc_pks],
    )


# --- stories and the cross-source stage ----------------------------------------------------


def prepare_stories(conn: sqlite3.Connection, config: Config, toolkit: str = DEFAULT) -> None:
    """(Re)assign every document's story unless that is already committed for the current
    documents; clears cross-source findings that belong to an earlier assignment.  First builds
    the indexes that loading leaves out (:data:`.store.LATE_INDEXES`)."""
    ensure_indexes(conn)
    state = get_meta(conn, "cross_state", "dirty")
    if state in ("stories", "clean") and get_meta(conn, "stories_config") == _story_config(config):
        return
    n_docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    weights = stories.Weights(
        dict(conn.execute("SELECT feature, count(*) FROM features GROUP BY feature HAVING count(*) > 1")),
        n_docs,
    )
    linkable = resolve(toolkit).linkable
    read = conn.cursor()
    feat_cur = conn.cursor()

    def rows() -> Iterator[stories.Row]:
        for pk, published, story in read:
            feats = frozenset(
                r[0] for r in feat_cur.execute("SELECT feature FROM features WHERE doc_pk=?", (pk,))
            )
            yield pk, published, story, feats

    with transaction(conn):
        conn.execute("DELETE FROM findings WHERE scope='cross'")
        conn.execute(
            "DELETE FROM finding_docs WHERE finding_pk NOT IN (SELECT finding_pk FROM findings)"
        )
        conn.execute("DELETE FROM stories_done")
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS story_assign(doc_pk INTEGER PRIMARY KEY, story_key TEXT)")
        conn.execute("DELETE FROM temp.story_assign")
        read.execute(
            "SELECT doc_pk, published, story FROM documents"
            " ORDER BY published IS NULL, published, doc_pk"
        )
        conn.executemany(
            "INSERT INTO temp.story_assign(doc_pk, story_key) VALUES (?, ?)",
            stories.assign(rows(), config, weights, linkable),
        )
        conn.execute(
            "UPDATE documents SET story_key=a.story_key FROM temp.story_assign AS a"
            " WHERE a.doc_pk=documents.doc_pk"
        )
        conn.execute("DELETE FROM temp.story_assign")
        set_meta(conn, "cross_state", "stories")
        set_meta(conn, "stories_config", _story_config(config))


def _story_config(config: Config) -> str:
    return f"{config.stories}:{config.story_window_days}:{config.model_dump_json()}"


def pending_stories(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Stories with at least two documents whose cross comparison is not yet committed."""
    return [
        (r[0], r[1])
        for r in conn.execute(
            "SELECT story_key, count(*) FROM documents WHERE story_key IS NOT NULL"
            " AND story_key NOT IN (SELECT story_key FROM stories_done)"
            " GROUP BY story_key HAVING count(*) > 1 ORDER BY story_key"
        )
    ]


def story_tasks(conn: sqlite3.Connection, story_key: str, n_docs: int) -> Iterator[list[tuple[int, tuple[Any, ...], list[str]]]]:
    """The member lists to compare for one story: the whole story, or for a large story one
    list per claim key (documents restricted to that key's quantities)."""
    docs = {
        r[0]: tuple(r[1:])
        for r in conn.execute(
            "SELECT doc_pk, id, text, title, source, published, url, story, desk, origin"
            " FROM documents WHERE story_key=? ORDER BY doc_pk",
            (story_key,),
        )
    }
    if n_docs <= LARGE_STORY:
        qjs: dict[int, list[str]] = {pk: [] for pk in docs}
        for pk, js in conn.execute(
            "SELECT q.doc_pk, q.json FROM documents d JOIN quantities q ON q.doc_pk=d.doc_pk"
            " WHERE d.story_key=? ORDER BY q.doc_pk, q.idx",
            (story_key,),
        ):
            qjs[pk].append(js)
        yield [(pk, docs[pk], qjs[pk]) for pk in docs]
        return
    keys = [
        r[0]
        for r in conn.execute(
            "SELECT q.claim_key FROM documents d JOIN quantities q ON q.doc_pk=d.doc_pk"
            " WHERE d.story_key=? GROUP BY q.claim_key HAVING count(DISTINCT q.doc_pk) > 1"
            " ORDER BY q.claim_key",
            (story_key,),
        )
    ]
    for key in keys:
        by_doc: dict[int, list[str]] = {}
        for pk, js in conn.execute(
            "SELECT q.doc_pk, q.json FROM documents d JOIN quantities q ON q.doc_pk=d.doc_pk"
            " WHERE d.story_key=? AND q.claim_key=? ORDER BY q.doc_pk, q.idx",
            (story_key, key),
        ):
            by_doc.setdefault(pk, []).append(js)
        yield [(pk, docs[pk], by_doc[pk]) for pk in sorted(by_doc)]


def commit_story(
    conn: sqlite3.Connection, story_key: str, rows: Sequence[tuple[Any, ...]], stats: BatchStats
) -> None:
    commit_stories(conn, [(story_key, rows)], stats)


def commit_stories(
    conn: sqlite3.Connection,
    done: Sequence[tuple[str, Sequence[tuple[Any, ...]]]],
    stats: BatchStats,
) -> None:
    """Each story's cross-source findings and its ``stories_done`` row, all in one transaction."""
    if not done:
        return
    with transaction(conn):
        for story_key, rows in done:
            for f in rows:
                pks = f[7]
                doc = None
                if pks:
                    r = conn.execute(
                        "SELECT doc_pk, source, desk, published FROM documents WHERE doc_pk=?",
                        (pks[0],),
                    ).fetchone()
                    doc = tuple(r)
                _insert_finding(conn, f, story_key=story_key, doc=doc, doc_pks=pks)
            conn.execute("INSERT OR IGNORE INTO stories_done(story_key) VALUES (?)", (story_key,))
    for _, rows in done:
        stats.cross_findings += len(rows)
        stats.stories += 1


def finish(conn: sqlite3.Connection, stats: BatchStats, started: float) -> BatchStats:
    with transaction(conn):
        set_meta(conn, "cross_state", "clean")
    stats.elapsed = time.monotonic() - started
    stats.total_documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    stats.total_errors = conn.execute("SELECT count(*) FROM errors").fetchone()[0]
    stats.total_findings = conn.execute("SELECT count(*) FROM findings").fetchone()[0]
    stats.error_summary = [
        (r[0], r[1])
        for r in conn.execute(
            "SELECT message, count(*) AS n FROM errors GROUP BY message ORDER BY n DESC, message LIMIT 10"
        )
    ]
    stats.error_examples = {
        message: tuple(
            path if line is None else f"{path}:{line}"
            for path, line in conn.execute(
                "SELECT path, line FROM errors WHERE message=? ORDER BY input_id, item, error_pk"
                " LIMIT ?", (message, ERROR_EXAMPLES))
        )
        for message, _ in stats.error_summary
    }
    return stats
