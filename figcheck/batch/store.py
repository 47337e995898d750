"""The batch database: one SQLite file (WAL mode), schema version :data:`DB_VERSION`, identified
by ``PRAGMA application_id`` :data:`APPLICATION_ID` and its tables.

Tables (see docs/batch.md for the full description):

``inputs``        one row per input file; ``items_done`` counts the items (documents and bad
                  records, in reading order) already committed; it is updated in the same
                  transaction as their results, which is what makes the job resumable and loss-free.
``documents``     one row per document; ``(input_id, item)`` is unique; ``story_key`` is the story the
                  cross-source stage compared it in (the record's ``story`` or ``~auto:<doc_pk>``).
``quantities``    one row per extracted figure, with the comparator's ``claim_key`` and the full
                  :class:`~figcheck.model.Quantity` as JSON (decimals as exact strings).
``features``      the comparator's story features per document (for story clustering and --against).
``findings``      within-article (``scope='within'``) and cross-source (``'cross'``) findings, the full
                  :class:`~figcheck.model.Finding` as JSON; ``finding_docs`` links each to its documents.
``errors``        bad records and unreadable files with path and 1-based line.
``stories_done``  stories whose cross-source comparison is committed (resuming the cross stage).
``meta``          key/value: ``db_version``, ``cross_state`` (``dirty`` / ``stories`` / ``clean``).

"All claims about this subject in this story" is
``SELECT ... FROM documents d JOIN quantities q USING (doc_pk) WHERE d.story_key=? AND q.claim_key=?``,
served by ``documents_story`` and the ``quantities`` primary key; ``quantities_key`` serves the
subject-only lookup.
"""

from __future__ import annotations

import os
import sqlite3
import urllib.parse
from typing import Any

from pydantic_core import to_json

from ..model import Finding, Quantity

DB_VERSION = "1"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS inputs (
    input_id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    items_done INTEGER NOT NULL DEFAULT 0,
    complete INTEGER NOT NULL DEFAULT 0,
    size INTEGER,
    mtime REAL
);
CREATE TABLE IF NOT EXISTS documents (
    doc_pk INTEGER PRIMARY KEY,
    input_id INTEGER NOT NULL REFERENCES inputs(input_id),
    item INTEGER NOT NULL,
    id TEXT NOT NULL,
    title TEXT,
    source TEXT,
    published TEXT,
    url TEXT,
    story TEXT,
    desk TEXT,
    origin TEXT,
    text TEXT NOT NULL,
    n_quantities INTEGER NOT NULL DEFAULT 0,
    story_key TEXT,
    UNIQUE (input_id, item)
);
CREATE INDEX IF NOT EXISTS documents_id ON documents(id);
CREATE INDEX IF NOT EXISTS documents_story ON documents(story_key, published);
CREATE INDEX IF NOT EXISTS documents_source ON documents(source, published);
CREATE TABLE IF NOT EXISTS quantities (
    doc_pk INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    field TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    claim_key TEXT NOT NULL,
    head TEXT,
    unit TEXT,
    dimension TEXT,
    low TEXT,
    high TEXT,
    json TEXT NOT NULL,
    PRIMARY KEY (doc_pk, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS features (
    doc_pk INTEGER NOT NULL,
    feature TEXT NOT NULL,
    PRIMARY KEY (doc_pk, feature)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS findings (
    finding_pk INTEGER PRIMARY KEY,
    scope TEXT NOT NULL,
    code TEXT NOT NULL,
    kind TEXT NOT NULL,
    severity TEXT NOT NULL,
    confidence REAL NOT NULL,
    message TEXT NOT NULL,
    story_key TEXT,
    doc_pk INTEGER,
    source TEXT,
    desk TEXT,
    published TEXT,
    json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS findings_code ON findings(code);
CREATE INDEX IF NOT EXISTS findings_doc ON findings(doc_pk);
CREATE INDEX IF NOT EXISTS findings_scope ON findings(scope, story_key);
CREATE TABLE IF NOT EXISTS finding_docs (
    finding_pk INTEGER NOT NULL,
    doc_pk INTEGER NOT NULL,
    PRIMARY KEY (finding_pk, doc_pk)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS finding_docs_doc ON finding_docs(doc_pk);
CREATE TABLE IF NOT EXISTS errors (
    error_pk INTEGER PRIMARY KEY,
    input_id INTEGER,
    item INTEGER,
    path TEXT NOT NULL,
    line INTEGER,
    message TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS stories_done (story_key TEXT PRIMARY KEY) WITHOUT ROWID;
"""

LATE_INDEXES = """
CREATE INDEX IF NOT EXISTS quantities_key ON quantities(claim_key, doc_pk);
CREATE INDEX IF NOT EXISTS features_feature ON features(feature, doc_pk);
"""
"""Indexes over the per-figure and per-feature rows, built in one sorted pass when a batch run has
loaded its documents (:func:`ensure_indexes`) instead of updated row by row while it loads: on a
large archive, keeping a random-order index current costs more than building it once.  A database
whose run was stopped before that point answers every query without them, only more slowly."""


class DatabaseError(Exception):
    """A one-line, user-facing description of an unusable database file."""


class EngineError(Exception):
    """A one-line, user-facing description of an engine that cannot run (a Dask scheduler that
    cannot be reached)."""


APPLICATION_ID: int = 0x46434442
"""``PRAGMA application_id`` of a figcheck batch database ("FCDB"), stamped when it is created
(and on the first batch run over a database made before it was)."""

TABLES: frozenset[str] = frozenset(
    {"meta", "inputs", "documents", "quantities", "features", "findings", "finding_docs",
     "errors", "stories_done"}
)
"""The tables every figcheck batch database has."""


class LockedConnection(sqlite3.Connection):
    """A writer's connection: it holds an exclusive ``flock`` on the database file from opening
    to :meth:`close`, so that a second ``figcheck batch`` on the same file stops at once with a
    clear message instead of racing the first one.  The lock is released by the kernel when the
    process ends, however it ends."""

    lock_fd: int | None = None

    def close(self) -> None:
        try:
            super().close()
        finally:
            fd, self.lock_fd = self.lock_fd, None
            if fd is not None:  # after SQLite closed the file: closing it first would drop
                os.close(fd)     # SQLite's own POSIX locks on it


def connect(path: str | os.PathLike[str], *, create: bool = True) -> sqlite3.Connection:
    """The batch database: with ``create`` (``figcheck batch``) opened for writing, created when
    missing or empty, and locked against a second writer; without it (``report``,
    ``--against``) opened read-only, so a read-only file or directory works and nothing is ever
    written.  Either way the file is identified as a figcheck database (application id, version
    and tables) before anything is changed; another application's database is refused with a
    :class:`DatabaseError` and left exactly as it was.  Autocommit mode: callers use
    ``with transaction(conn):`` for every write."""
    path = os.fspath(path)
    if not create:
        return _open_readonly(path)
    if os.path.isdir(path):
        raise DatabaseError(f"{path}: is a directory, not a database file")
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=30.0,
                               check_same_thread=False, factory=LockedConnection)
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path}: cannot open the database ({exc})") from None
    try:
        _lock(conn, path)
        fresh = _identify(conn, path, allow_empty=True)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("PRAGMA cache_size=-32000")
        if fresh or conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.executescript(SCHEMA)
        conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('db_version', ?)",
                     (DB_VERSION,))
    except DatabaseError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise DatabaseError(f"{path}: not a usable figcheck database ({exc})") from None
    return conn


def _lock(conn: LockedConnection, path: str) -> None:
    """Take the writer's lock (see :class:`LockedConnection`), or say who holds it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: SQLite's own locking only
        return
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise DatabaseError(
            f"{path}: another 'figcheck batch' is writing to this database; wait for it to "
            "finish (or stop it) and run again") from None
    except OSError:
        os.close(fd)  # a file system without flock: SQLite's own locking only
        return
    conn.lock_fd = fd


def _open_readonly(path: str) -> sqlite3.Connection:
    if not os.path.exists(path):
        raise DatabaseError(f"{path}: no such database")
    if os.path.isdir(path):
        raise DatabaseError(f"{path}: is a directory, not a database file")
    uri = "file:" + urllib.parse.quote(os.path.abspath(path)) + "?mode=ro"
    try:
        return _open_identified(uri, path)
    except sqlite3.OperationalError as exc:
        wal = path + "-wal"
        if os.path.exists(wal) and os.path.getsize(wal) > 0:
            raise DatabaseError(f"{path}: cannot read the database ({exc})") from None
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path}: not a figcheck database ({exc})") from None
    # a WAL database in a read-only directory: SQLite cannot create the shared-memory file it
    # wants, and nobody can be writing there (no -wal file either), so read the file as it is
    try:
        return _open_identified(uri + "&immutable=1", path)
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path}: cannot read the database ({exc})") from None


def _open_identified(uri: str, path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30.0,
                           check_same_thread=False)
    try:
        conn.execute("PRAGMA cache_size=-32000")
        _identify(conn, path, allow_empty=False)
    except BaseException:
        conn.close()
        raise
    return conn


def _identify(conn: sqlite3.Connection, path: str, *, allow_empty: bool) -> bool:
    """Whether the file is empty (no schema at all: a new database, if ``allow_empty``); raises
    :class:`DatabaseError` unless it is a figcheck batch database of this version.  Reads only."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not names and app_id == 0:
        if allow_empty:
            return True
        raise DatabaseError(f"{path}: not a figcheck database (it is empty)")
    if app_id not in (0, APPLICATION_ID) or not TABLES <= tables:
        raise DatabaseError(
            f"{path}: not a figcheck database (it belongs to another application); "
            "give a new file or a figcheck batch database")
    row = conn.execute("SELECT value FROM meta WHERE key='db_version'").fetchone()
    if row is None or row[0] != DB_VERSION:
        version = "none" if row is None else row[0]
        raise DatabaseError(f"{path}: not a figcheck batch database of version {DB_VERSION} "
                            f"(version {version})")
    return False


def ensure_indexes(conn: sqlite3.Connection) -> None:
    """Create the :data:`LATE_INDEXES` that do not exist yet (quick when they all do)."""
    conn.executescript(LATE_INDEXES)


class transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any exception (KeyboardInterrupt too)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None:
            self.conn.execute("COMMIT")
        else:
            self.conn.execute("ROLLBACK")


def get_meta(conn: sqlite3.Connection, key: str, default: str | None = None) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
    return default if row is None else str(row[0])


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))


# --- exact JSON for models (decimals as strings, so nothing is rounded through floats) ---------


def quantity_json(q: Quantity) -> str:
    # pydantic-core writes the Decimals of a python-mode dump as exact strings ("8500.00"), dates
    # as ISO dates, and does it faster than json.dumps with a default hook
    return to_json(q.model_dump(exclude_defaults=True)).decode()


def quantity_from_json(text: str) -> Quantity:
    return Quantity.model_validate_json(text)  # parsed by pydantic-core: no dict in between


def finding_json(f: Finding) -> str:
    return to_json(f.model_dump(exclude_defaults=True)).decode()


def finding_from_json(text: str) -> Finding:
    return Finding.model_validate_json(text)
