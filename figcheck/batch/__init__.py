"""Archive-scale checking: ``figcheck batch`` on an embedded SQLite file, locally or on Dask.

Library use::

    from figcheck.batch import run_batch, against
    stats = run_batch(["archive.jsonl.gz"], "figcheck.db")
    findings = against("figcheck.db", [Document(id="draft", text=draft)])
    findings, matches = against_with_matches("figcheck.db", [Document(id="draft", text=draft)])

See docs/batch.md for the database schema and the engines.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from ..config import Config
from ..model import ArchiveMatch, Document, Finding
from .pipeline import BatchStats, ProgressFn
from .store import DatabaseError, EngineError
from .toolkit import DEFAULT
from .work import DOC_TIMEOUT

__all__ = [
    "BatchStats", "DatabaseError", "EngineError", "against", "against_with_matches", "run_batch",
]


def run_batch(
    paths: Sequence[str],
    db_path: str,
    config: Config | None = None,
    *,
    jobs: int | None = None,
    engine: Literal["local", "dask"] = "local",
    scheduler: str | None = None,
    progress: ProgressFn | None = None,
    toolkit: str = DEFAULT,
    doc_timeout: float = DOC_TIMEOUT,
) -> BatchStats:
    """Read ``paths`` into the database at ``db_path`` (created if missing), continuing where an
    earlier run on the same database stopped, then compare across sources by story.
    A document taking longer than ``doc_timeout`` seconds is recorded as a bad record (local
    engine; the Dask engine's worker threads cannot be interrupted)."""
    config = config or Config()
    if engine == "dask":
        from .dask_engine import run as run_dask

        return run_dask(list(paths), db_path, config, jobs=jobs, scheduler=scheduler,
                        progress=progress, toolkit=toolkit, doc_timeout=doc_timeout)
    from .local import run as run_local

    return run_local(list(paths), db_path, config, jobs=jobs, progress=progress, toolkit=toolkit,
                     doc_timeout=doc_timeout)


def against(
    db_path: str,
    documents: Sequence[Document],
    config: Config | None = None,
    *,
    toolkit: str = DEFAULT,
) -> list[Finding]:
    """Findings between each draft in ``documents`` and the published figures in the database
    on the same story (or, for a draft without ``story``, the stories it shares most features with)."""
    from .lookup import against as _against

    return _against(db_path, documents, config or Config(), toolkit=toolkit)


def against_with_matches(
    db_path: str,
    documents: Sequence[Document],
    config: Config | None = None,
    *,
    toolkit: str = DEFAULT,
) -> tuple[list[Finding], list[ArchiveMatch]]:
    """:func:`against`, and for each draft what it was compared with: the stories it was matched
    to (none: "no story matched"), how many archived documents those hold and how many were
    compared (:class:`~figcheck.model.ArchiveMatch`)."""
    from .lookup import compare

    return compare(db_path, documents, config or Config(), toolkit=toolkit)
