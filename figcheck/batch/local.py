"""The local engine: worker processes on this machine, results committed by the calling process
in reading order (so the committed progress is always a prefix of each input)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..config import Config
from . import pipeline
from .store import connect
from .toolkit import DEFAULT, resolve
from .work import DOC_TIMEOUT, origin_line, compare_story, process_chunk


PARENT_POLL: float = 1.0
"""Seconds between a worker's checks that its parent is still alive (the fallback where the
kernel cannot be asked to signal it)."""

_PR_SET_PDEATHSIG: int = 1


def _worker_init(parent: int) -> None:
    """Every worker process: leave Ctrl-C to the parent (which rolls back and stops the pool),
    and die with the parent, however it ends -- a ``SIGKILL`` of the main process must not leave
    the workers running."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)


def die_with_parent(parent: int) -> None:
    """Make this process end when process ``parent`` does: ``prctl(PR_SET_PDEATHSIG, SIGKILL)``
    on Linux, and on every system a daemon thread that polls the parent's pid every
    :data:`PARENT_POLL` seconds (re-parenting changes it)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):  # no libc prctl: the watchdog below still works
            pass
    if os.getppid() != parent:  # the parent died before the request above was in place
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="figcheck-parent-watch",
                     daemon=True).start()


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_POLL)
        if os.getppid() != parent:
            os._exit(1)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class _Runner:
    """``map(fn, args)`` in order: in-process for one job, else on a process pool with a bounded
    number of tasks in flight (so memory does not grow with the archive).  When a worker process
    dies (a crash in native code, the out-of-memory killer), the pool is restarted and the tasks
    that were in flight are handed to ``rescue`` instead of hanging or stopping the run."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.pool: ProcessPoolExecutor | None = None
        if jobs > 1:
            # fork is fast and needs no ``if __name__ == "__main__"`` guard in the caller's script,
            # but is only safe while this process runs a single thread.
            self.method = "fork" if threading.active_count() == 1 and os.name == "posix" else "spawn"
            self.pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.jobs, mp_context=multiprocessing.get_context(self.method),
            initializer=_worker_init, initargs=(os.getpid(),),
        )

    def restart(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._new_pool()

    def call(self, fn: Callable[..., Any], *a: Any) -> Any:
        """``fn(*a)`` in a worker, waiting for it (raises BrokenProcessPool if the worker dies)."""
        assert self.pool is not None
        return self.pool.submit(fn, *a).result()

    def map(
        self,
        fn: Callable[..., Any],
        args: Iterable[tuple[Any, ...]],
        rescue: Callable[[_Runner, tuple[Any, ...]], Any] | None = None,
    ) -> Iterator[Any]:
        if self.pool is None:
            for a in args:
                yield fn(*a)
            return
        pending: deque[tuple[Future[Any], ProcessPoolExecutor, tuple[Any, ...]]] = deque()
        limit = self.jobs * 4

        def result(item: tuple[Future[Any], ProcessPoolExecutor, tuple[Any, ...]]) -> Any:
            fut, pool, a = item
            try:
                return fut.result()
            except BrokenProcessPool:
                if pool is self.pool:
                    self.restart()
                if rescue is None:
                    raise
                return rescue(self, a)

        for a in args:
            assert self.pool is not None
            pending.append((self.pool.submit(fn, *a), self.pool, a))
            while len(pending) >= limit:
                yield result(pending.popleft())
        while pending:
            yield result(pending.popleft())

    def close(self, *, abort: bool) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=not abort, cancel_futures=True)


def _rescue_chunk(runner: _Runner, args: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    """A chunk whose worker died: each document again in a worker of its own, so the one that
    kills its process is recorded as a bad record and the others are processed."""
    entries, config, toolkit, timeout = args
    out: list[tuple[Any, ...]] = []
    for e in entries:
        if e[0] != "doc":
            out.append(tuple(e))
            continue
        try:
            out.extend(runner.call(process_chunk, [e], config, toolkit, timeout))
        except BrokenProcessPool:
            runner.restart()
            t = e[3]
            origin = t[8] or str(t[0])
            line = origin_line(origin)
            path = origin.rsplit(":", 1)[0] if line is not None else origin
            out.append(("err", e[1], e[2], path, line,
                        "figcheck's worker process died on this document"))
    return out


def run(
    paths: list[str],
    db_path: str,
    config: Config,
    *,
    jobs: int | None = None,
    progress: pipeline.ProgressFn | None = None,
    toolkit: str = DEFAULT,
    chunk_size: int = pipeline.CHUNK,
    doc_timeout: float = DOC_TIMEOUT,
) -> pipeline.BatchStats:
    started = time.monotonic()
    resolve(toolkit)  # fail before touching the database if the parser/comparator is missing
    conn = connect(db_path)
    stats = pipeline.BatchStats()
    runner = _Runner(jobs or default_jobs())
    aborted = True
    try:
        inputs = pipeline.register_inputs(conn, paths)
        stats.resumed_from = sum(i[2] for i in inputs)
        total = None
        if progress is not None:
            from .sources import estimate_items

            total = sum(max(estimate_items(p) - done, 0) for _, p, done, complete in inputs if not complete)
            progress("documents", 0, total)
        done = 0
        tasks = ((c, config, toolkit, doc_timeout) for c in pipeline.chunks(inputs, chunk_size))
        for results in runner.map(process_chunk, tasks, rescue=_rescue_chunk):
            done += pipeline.commit_chunk(conn, results, stats)
            if progress is not None:
                progress("documents", done, total)
        pipeline.prepare_stories(conn, config, toolkit)
        pending = pipeline.pending_stories(conn)
        if progress is not None:
            progress("stories", 0, len(pending))

        rows: dict[str, list[Any]] = {}
        n_done = 0
        for results in runner.map(_compare_stories, _story_batches(conn, pending, config, toolkit)):
            finished = []
            for key, found, last in results:
                rows.setdefault(key, []).extend(found)
                if last:
                    finished.append((key, rows.pop(key)))
            pipeline.commit_stories(conn, finished, stats)
            n_done += len(finished)
            if progress is not None and finished:
                progress("stories", n_done, len(pending))
        aborted = False
        return pipeline.finish(conn, stats, started)
    finally:
        runner.close(abort=aborted)
        conn.close()


STORY_BATCH = 48
"""Documents of small stories handed to a worker in one task (one task per story would spend
more time passing messages than comparing)."""


def _story_batches(
    conn: Any, pending: list[tuple[str, int]], config: Config, toolkit: str
) -> Iterator[tuple[Any, ...]]:
    """``(pieces, config, toolkit)`` tasks; a piece is ``(story_key, members, last)``.  Small stories
    are packed together up to :data:`STORY_BATCH` documents; a large one is split into one piece per
    claim key (``last`` marks its final piece)."""
    batch: list[tuple[str, Any, bool]] = []
    size = 0
    for key, n in pending:
        pieces = list(pipeline.story_tasks(conn, key, n)) if n <= pipeline.LARGE_STORY else None
        if pieces is None:  # streamed piece by piece: a large story's claims need not fit in memory
            if batch:
                yield (batch, config, toolkit)
                batch, size = [], 0
            last_piece: Any = None
            for members in pipeline.story_tasks(conn, key, n):
                if last_piece is not None:
                    yield ([(key, last_piece, False)], config, toolkit)
                last_piece = members
            yield ([(key, last_piece or [], True)], config, toolkit)
            continue
        for i, members in enumerate(pieces):
            batch.append((key, members, i == len(pieces) - 1))
        size += n
        if size >= STORY_BATCH:
            yield (batch, config, toolkit)
            batch, size = [], 0
    if batch:
        yield (batch, config, toolkit)


def _compare_stories(
    pieces: list[tuple[str, Any, bool]], config: Config, toolkit: str
) -> list[tuple[str, list[tuple[Any, ...]], bool]]:
    return [
        (key, compare_story(key, members, config, toolkit) if members else [], last)
        for key, members, last in pieces
    ]
