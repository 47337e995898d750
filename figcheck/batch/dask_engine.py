"""The Dask engine (``figcheck[dask]``): the same job as :mod:`.local`, on a Dask cluster.

1. **Extract** -- the client reads the inputs (from where the last run stopped) in partitions of
   :data:`PARTITION` items; each partition is a task that extracts, compares within articles and
   computes story features (:func:`.work.process_chunk`) and writes its results as Parquet
   (``docs``/``quantities``/``findings`` files under the work directory).  The client loads finished
   partitions into the SQLite database in reading order, with the same transactional progress
   as the local engine, so killing either one and rerunning loses nothing.
2. **Stories** -- assigned on the client from the database (:func:`.pipeline.prepare_stories`, a
   streaming sweep), written as ``stories.parquet`` with a bucket number per story.
3. **Cross-source** -- a shuffle through Parquet: one *map* task per partition tags its claims
   with their story and writes them to ``shuffle/<bucket>/``; one *reduce* task per bucket groups
   the claims by story (and, for large stories, by claim key) across all partitions and runs the
   comparator's ``across``.  The client commits each story's findings to SQLite.

The work directory (default ``<db>.parts``) must be visible at the same path to the client and
every worker: automatically true for a ``LocalCluster``; on a real cluster use shared storage
(``work_dir=``).  The results equal the local engine's (a test runs both).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections import deque
from typing import Any

from ..config import Config
from . import pipeline
from .store import EngineError, connect
from .toolkit import DEFAULT, resolve
from .work import DOC_TIMEOUT, compare_story, process_chunk

PARTITION = 256
BUCKET_STORIES = 256
"""About this many stories per reduce task."""


def _bucket(story_key: str, n: int) -> int:
    return int.from_bytes(hashlib.blake2b(story_key.encode(), digest_size=8).digest(), "big") % n


# --- tasks (run on workers) ---------------------------------------------------------------


def extract_partition(entries: list[tuple[Any, ...]], config: Config, toolkit: str, out: str,
                      timeout: float = DOC_TIMEOUT) -> str:
    """Process one partition and write it as ``<out>.{docs,quantities,findings}.parquet``."""
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    results = process_chunk(entries, config, toolkit, timeout)
    docs: dict[str, list[Any]] = {k: [] for k in (
        "kind", "input_id", "item", "id", "text", "title", "source", "published", "url", "story",
        "desk", "origin", "features", "err_path", "err_line", "err_message")}
    qcols: dict[str, list[Any]] = {k: [] for k in (
        "input_id", "item", "idx", "field", "start", "end", "text", "claim_key", "head", "unit",
        "dimension", "low", "high", "json")}
    fcols: dict[str, list[Any]] = {k: [] for k in (
        "input_id", "item", "code", "kind", "scope", "severity", "confidence", "message", "json",
        "docs")}
    for r in results:
        row: dict[str, Any] = dict.fromkeys(docs)
        row["kind"], row["input_id"], row["item"] = r[0], r[1], r[2]
        if r[0] == "doc":
            t = r[3]
            for name, value in zip(("id", "text", "title", "source", "published", "url", "story",
                                    "desk", "origin"), t):
                row[name] = value
            row["features"] = list(r[6])
            for q in r[4]:
                for name, value in zip(list(qcols)[2:], q):
                    qcols[name].append(value)
                qcols["input_id"].append(r[1])
                qcols["item"].append(r[2])
            for f in r[5]:
                for name, value in zip(list(fcols)[2:], f):
                    fcols[name].append(list(value) if name == "docs" else value)
                fcols["input_id"].append(r[1])
                fcols["item"].append(r[2])
        elif r[0] == "err":
            row["err_path"], row["err_line"], row["err_message"] = r[3], r[4], r[5]
        else:  # ("end", input_id, n_items): n_items travels in "item"
            pass
        for k, v in row.items():
            docs[k].append(v)
    schemas = {
        "docs": pa.schema([("kind", pa.string()), ("input_id", pa.int64()), ("item", pa.int64()),
                           *[(k, pa.string()) for k in ("id", "text", "title", "source", "published",
                                                         "url", "story", "desk", "origin")],
                           ("features", pa.list_(pa.string())), ("err_path", pa.string()),
                           ("err_line", pa.int64()), ("err_message", pa.string())]),
        "quantities": pa.schema([("input_id", pa.int64()), ("item", pa.int64()), ("idx", pa.int64()),
                                 ("field", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                                 *[(k, pa.string()) for k in ("text", "claim_key", "head", "unit",
                                                               "dimension", "low", "high", "json")]]),
        "findings": pa.schema([("input_id", pa.int64()), ("item", pa.int64()),
                               *[(k, pa.string()) for k in ("code", "kind", "scope", "severity")],
                               ("confidence", pa.float64()), ("message", pa.string()),
                               ("json", pa.string()), ("docs", pa.list_(pa.string()))]),
    }
    for name, cols in (("docs", docs), ("quantities", qcols), ("findings", fcols)):
        table = pa.table(cols, schema=schemas[name])
        tmp = f"{out}.{name}.parquet.tmp"
        pq.write_table(table, tmp)
        os.replace(tmp, f"{out}.{name}.parquet")
    return out


def shuffle_partition(part: str, stories_path: str, n_buckets: int, shuffle_dir: str) -> int:
    """Map side: this partition's documents and claims, tagged with story and bucket, written to
    ``shuffle_dir/<bucket>/``.  Returns the number of documents in a compared story."""
    import pyarrow.compute as pc  # type: ignore[import-untyped]
    import pyarrow.parquet as pq

    docs = pq.read_table(f"{part}.docs.parquet").filter(pc.field("kind") == "doc")
    if docs.num_rows == 0:
        return 0
    docs = docs.drop_columns(["features", "err_path", "err_line", "err_message"])
    ids = sorted(set(docs.column("input_id").to_pylist()))
    lo, hi = pc.min(docs.column("item")).as_py(), pc.max(docs.column("item")).as_py()
    stories = pq.read_table(stories_path, filters=[("input_id", "in", ids),
                                                   ("item", ">=", lo), ("item", "<=", hi)])
    docs = docs.join(stories, keys=["input_id", "item"], join_type="inner")
    if docs.num_rows == 0:
        return 0
    quants = pq.read_table(f"{part}.quantities.parquet")
    quants = quants.join(docs.select(["input_id", "item", "doc_pk", "story_key", "bucket"]),
                         keys=["input_id", "item"], join_type="inner")
    name = os.path.basename(part)
    for b in sorted(set(docs.column("bucket").to_pylist())):
        d = os.path.join(shuffle_dir, str(b))
        os.makedirs(d, exist_ok=True)
        for kind, table in (("docs", docs), ("quantities", quants)):
            sub = table.filter(pc.field("bucket") == b)
            tmp = os.path.join(d, f"{name}.{kind}.parquet.tmp")
            pq.write_table(sub, tmp)
            os.replace(tmp, os.path.join(d, f"{name}.{kind}.parquet"))
    return int(docs.num_rows)


def reduce_bucket(bucket_dir: str, config: Config, toolkit: str) -> list[tuple[str, list[Any]]]:
    """Reduce side: every story in the bucket, compared as the local engine compares it."""
    import pyarrow.parquet as pq

    if not os.path.isdir(bucket_dir):
        return []
    docs: dict[str, dict[int, tuple[Any, ...]]] = {}
    claims: dict[str, dict[int, dict[int, tuple[str, str]]]] = {}
    for name in sorted(os.listdir(bucket_dir)):
        path = os.path.join(bucket_dir, name)
        if name.endswith(".docs.parquet"):
            for r in pq.read_table(path).to_pylist():
                docs.setdefault(r["story_key"], {})[r["doc_pk"]] = tuple(
                    r[k] for k in ("id", "text", "title", "source", "published", "url", "story",
                                   "desk", "origin"))
        elif name.endswith(".quantities.parquet"):
            t = pq.read_table(path, columns=["story_key", "doc_pk", "idx", "claim_key", "json"])
            for r in t.to_pylist():
                # keyed by idx: a partition rewritten after a kill never doubles a claim
                claims.setdefault(r["story_key"], {}).setdefault(r["doc_pk"], {})[r["idx"]] = (
                    r["claim_key"], r["json"])
    out = []
    for key in sorted(docs):
        members = docs[key]
        qs = {pk: [(i, *v[i]) for i in sorted(v)] for pk, v in claims.get(key, {}).items()}
        rows: list[Any] = []
        if len(members) <= pipeline.LARGE_STORY:
            group = [(pk, members[pk], [j for _, _, j in qs.get(pk, [])]) for pk in sorted(members)]
            rows.extend(compare_story(key, group, config, toolkit))
        else:
            by_key: dict[str, dict[int, list[str]]] = {}
            for pk in sorted(qs):
                for _, ck, js in qs[pk]:
                    by_key.setdefault(ck, {}).setdefault(pk, []).append(js)
            for ck in sorted(by_key):
                if len(by_key[ck]) < 2:
                    continue
                group = [(pk, members[pk], by_key[ck][pk]) for pk in sorted(by_key[ck])]
                rows.extend(compare_story(key, group, config, toolkit))
        out.append((key, rows))
    return out


# --- the client ---------------------------------------------------------------------------


def _load_partition(out: str) -> list[tuple[Any, ...]]:
    """A partition's Parquet files back into :func:`.work.process_chunk` result tuples."""
    import pyarrow.parquet as pq

    qs: dict[tuple[int, int], list[tuple[Any, ...]]] = {}
    for r in pq.read_table(f"{out}.quantities.parquet").to_pylist():
        qs.setdefault((r["input_id"], r["item"]), []).append(tuple(
            r[k] for k in ("idx", "field", "start", "end", "text", "claim_key", "head", "unit",
                           "dimension", "low", "high", "json")))
    fs: dict[tuple[int, int], list[tuple[Any, ...]]] = {}
    for r in pq.read_table(f"{out}.findings.parquet").to_pylist():
        fs.setdefault((r["input_id"], r["item"]), []).append(tuple(
            r[k] for k in ("code", "kind", "scope", "severity", "confidence", "message", "json")
        ) + (tuple(r["docs"]),))
    results: list[tuple[Any, ...]] = []
    for r in pq.read_table(f"{out}.docs.parquet").to_pylist():
        key = (r["input_id"], r["item"])
        if r["kind"] == "doc":
            t = tuple(r[k] for k in ("id", "text", "title", "source", "published", "url", "story",
                                     "desk", "origin"))
            results.append(("doc", r["input_id"], r["item"], t, qs.get(key, []), fs.get(key, []),
                            r["features"]))
        elif r["kind"] == "err":
            results.append(("err", r["input_id"], r["item"], r["err_path"], r["err_line"],
                            r["err_message"]))
        else:
            results.append(("end", r["input_id"], r["item"]))
    return results


def _db_uuid(conn: Any) -> str:
    import uuid

    from .store import get_meta, set_meta, transaction

    with transaction(conn):
        value = get_meta(conn, "db_uuid")
        if value is None:
            value = uuid.uuid4().hex
            set_meta(conn, "db_uuid", value)
    return value


SCHEDULER_TIMEOUT = "20s"
"""How long to try to connect to ``--scheduler`` before giving up with a one-line error."""


def _client(scheduler: str | None, jobs: int | None) -> tuple[Any, Any]:
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout=SCHEDULER_TIMEOUT), None  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError, ValueError) as exc:  # refused, timed out, bad address
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise EngineError(f"cannot reach the dask scheduler at {scheduler} ({reason})") from None
    from .local import default_jobs

    cluster = local_cluster(jobs or default_jobs())
    return Client(cluster), cluster  # type: ignore[no-untyped-call]


def _quiet_http() -> dict[str, Any]:
    """Dask settings for no HTTP routes (``/info``, ``/sitemap.json``, ``/health``, ``/metrics``)
    on our own cluster (new lists each time: Dask may append to them)."""
    return {"distributed.scheduler.http.routes": [], "distributed.worker.http.routes": []}


def local_cluster(n_workers: int) -> Any:
    """A ``LocalCluster`` of ``n_workers`` single-threaded processes that listens only where the
    cluster's own processes talk to each other.  Distributed always starts an HTTP server on the
    scheduler (127.0.0.1:8787 by default, even without a dashboard) and on each worker: here they
    get no routes, a random loopback port instead of 8787 while they start, and are then
    stopped."""
    import dask
    from distributed import LocalCluster

    with dask.config.set(_quiet_http()):
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=n_workers, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address=None,
            scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"})
    try:
        cluster.sync(_stop_http_servers, cluster.scheduler, [])  # type: ignore[no-untyped-call]
        from distributed import Client

        with Client(cluster) as client:  # type: ignore[no-untyped-call]
            client.run(_stop_worker_http)
    except BaseException:
        cluster.close()
        raise
    return cluster


def _stop_http(node: Any) -> None:
    """Stop a scheduler's or worker's HTTP server and forget it as the dashboard service."""
    http = getattr(node, "http_server", None)
    if http is not None:
        http.stop()
        services = getattr(node, "services", {})
        if services.get("dashboard") is http:
            del services["dashboard"]


async def _stop_http_servers(server: Any, _: Any) -> None:
    _stop_http(server)


def _stop_worker_http(dask_worker: Any) -> None:
    _stop_http(dask_worker)  # client.run passes the worker by this parameter name


def run(
    paths: list[str],
    db_path: str,
    config: Config,
    *,
    jobs: int | None = None,
    scheduler: str | None = None,
    progress: pipeline.ProgressFn | None = None,
    toolkit: str = DEFAULT,
    work_dir: str | None = None,
    partition: int = PARTITION,
    client: Any = None,
    doc_timeout: float = DOC_TIMEOUT,
) -> pipeline.BatchStats:
    import pyarrow as pa
    import pyarrow.parquet as pq

    started = time.monotonic()
    resolve(toolkit)
    conn = connect(db_path)
    # partitions belong to one database: a new database never picks up stale ones
    work = os.path.join(os.path.abspath(work_dir or f"{db_path}.parts"), _db_uuid(conn))
    os.makedirs(work, exist_ok=True)
    own = client is None
    cluster = None
    if own:
        client, cluster = _client(scheduler, jobs)
    stats = pipeline.BatchStats()
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or 1)
        inputs = pipeline.register_inputs(conn, paths)
        stats.resumed_from = sum(i[2] for i in inputs)
        total = None
        if progress is not None:
            from .sources import estimate_items

            total = sum(max(estimate_items(p) - d, 0) for _, p, d, c in inputs if not c)
            progress("documents", 0, total)
        pending: deque[Any] = deque()
        done = 0
        parts: list[str] = []

        def drain(limit: int) -> None:
            nonlocal done
            while len(pending) > limit:
                out = pending.popleft().result()
                done += pipeline.commit_chunk(conn, _load_partition(out), stats)
                if progress is not None:
                    progress("documents", done, total)

        for entries in pipeline.chunks(inputs, partition):
            first = next((e for e in entries), None)
            name = f"part-{first[1]:06d}-{first[2]:012d}" if first else "part-empty"
            pending.append(client.submit(extract_partition, entries, config, toolkit,
                                         os.path.join(work, name), doc_timeout, pure=False))
            drain(n_workers * 2)
        drain(0)

        pipeline.prepare_stories(conn, config, toolkit)
        todo = pipeline.pending_stories(conn)
        if progress is not None:
            progress("stories", 0, len(todo))
        if todo:
            n_buckets = max(n_workers, -(-len(todo) // BUCKET_STORIES))
            keys = {k for k, _ in todo}
            cols: dict[str, list[Any]] = {"input_id": [], "item": [], "doc_pk": [], "story_key": [],
                                          "bucket": []}
            for input_id, item, pk, key in conn.execute(
                "SELECT input_id, item, doc_pk, story_key FROM documents WHERE story_key IS NOT NULL"
                " ORDER BY input_id, item"
            ):
                if key in keys:
                    for c, v in zip(cols, (input_id, item, pk, key, _bucket(key, n_buckets))):
                        cols[c].append(v)
            stories_path = os.path.join(work, "stories.parquet")
            pq.write_table(pa.table(cols), stories_path, row_group_size=8192)
            shuffle_dir = os.path.join(work, "shuffle")
            shutil.rmtree(shuffle_dir, ignore_errors=True)
            # every partition ever written for this database (earlier runs' too)
            parts = sorted(
                os.path.join(work, n[: -len(".docs.parquet")])
                for n in os.listdir(work) if n.endswith(".docs.parquet")
            )
            maps = [client.submit(shuffle_partition, p, stories_path, n_buckets, shuffle_dir,
                                  pure=False) for p in parts]
            client.gather(maps)
            reduces = [client.submit(reduce_bucket, os.path.join(shuffle_dir, str(b)), config,
                                     toolkit, pure=False) for b in range(n_buckets)]
            from distributed import as_completed

            left = dict(todo)
            n = 0
            for fut in as_completed(reduces):  # type: ignore[no-untyped-call]  # bucket by bucket: bounded memory
                for key, rows in fut.result():
                    if left.pop(key, None) is not None:
                        pipeline.commit_story(conn, key, rows, stats)
                        n += 1
                        if progress is not None:
                            progress("stories", n, len(todo))
                fut.release()
            for key in sorted(left):  # no claims reached a bucket: nothing to compare
                pipeline.commit_story(conn, key, [], stats)
        return pipeline.finish(conn, stats, started)
    finally:
        conn.close()
        if own:
            client.close()
            if cluster is not None:
                cluster.close()
