"""Scale benchmark of ``figcheck batch``: throughput, memory and planted-contradiction recovery.

    python bench/scale.py                      # 10k and 100k documents, all cores
    python bench/scale.py 2000 --jobs 2        # a quick run
    python bench/scale.py 100000 --against-only --workdir /tmp/figcheck-scale

For each size: builds (or reuses) a synthetic archive with bench/archive.py, runs the real
command ``python -m figcheck batch ARCHIVE --db DB`` in a subprocess while sampling the resident
memory of its whole process tree, then reads the database:

* documents/s overall and per core (``--jobs``), wall time, peak RSS (largest single process and
  the whole tree), database size;
* planted contradictions (see bench/archive.py): recall = planted changes reported as a
  cross-source finding between the reprint and its original (a claim on the changed figure);
  precision = such findings / all findings between reprints and their originals (an unchanged
  reprint must produce none);
* ``--against`` latency: drafts (the planted reprints' texts, without story, source or date) checked
  with ``figcheck.batch.against`` against the database; first call and warm median / max.

Prints one JSON object per size and a Markdown table for docs/batch.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
try:  # the installed figcheck (compiled or not) when there is one, else this checkout's
    import figcheck  # noqa: F401
except ImportError:
    sys.path.insert(0, str(ROOT))


def _sample_rss(pid: int, stop: threading.Event, out: dict[str, int]) -> None:
    import psutil

    try:
        root = psutil.Process(pid)
    except psutil.Error:
        return
    while not stop.is_set():
        try:
            procs = [root, *root.children(recursive=True)]
            rss = []
            for p in procs:
                try:
                    rss.append(p.memory_info().rss)
                except psutil.Error:
                    pass
            out["tree"] = max(out.get("tree", 0), sum(rss))
            out["single"] = max(out.get("single", 0), max(rss, default=0))
        except psutil.Error:
            pass
        stop.wait(0.25)


def run_batch(archive: Path, db: Path, jobs: int, extra: list[str]) -> dict[str, Any]:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "figcheck", "batch", str(archive), "--db", str(db),
           "--jobs", str(jobs), "-q", *extra]
    start = time.monotonic()
    # Run from the database's folder, so that `-m figcheck` imports the same figcheck as this
    # script (the installed one, not a checkout that happens to be the working directory).
    import figcheck

    env = {**os.environ, "PYTHONPATH": str(Path(figcheck.__file__).resolve().parents[1])}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=db.parent, env=env)
    peaks: dict[str, int] = {}
    stop = threading.Event()
    sampler = threading.Thread(target=_sample_rss, args=(proc.pid, stop, peaks), daemon=True)
    sampler.start()
    out, err = proc.communicate()
    wall = time.monotonic() - start
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"batch failed ({proc.returncode}): {err[-2000:]}")
    return {"wall_s": round(wall, 1), "peak_rss_single_mb": round(peaks.get("single", 0) / 2**20),
            "peak_rss_tree_mb": round(peaks.get("tree", 0) / 2**20), "summary": out.strip()}


def planted_scores(db: Path, truth_path: Path) -> dict[str, Any]:
    from figcheck.batch.store import finding_from_json

    conn = sqlite3.connect(db)
    ids = {r[0] for r in conn.execute("SELECT id FROM documents WHERE id LIKE '%:reprint'")}
    truth = [t for t in map(json.loads, open(truth_path)) if t["reprint"] in ids]
    by_reprint = {t["reprint"]: t for t in truth}
    pairs: dict[tuple[str, str], list[Any]] = {}
    for (js,) in conn.execute(
        "SELECT f.json FROM findings f JOIN finding_docs fd ON fd.finding_pk = f.finding_pk"
        " JOIN documents d ON d.doc_pk = fd.doc_pk WHERE f.scope = 'cross' AND d.id LIKE '%:reprint'"
    ):
        f = finding_from_json(js)
        docs = {c.doc for c in f.claims}
        for rid in docs & by_reprint.keys():
            if by_reprint[rid]["original"] in docs and len(docs) == 2:
                pairs.setdefault((rid, by_reprint[rid]["original"]), []).append(f)
    tp = fp = 0
    recovered = 0
    for t in truth:
        found = pairs.get((t["reprint"], t["original"]), [])
        hit = False
        for f in found:
            on_change = t["planted"] and any(
                c.doc == t["reprint"] and c.field == "text" and c.start < t["end"] and t["start"] < c.end
                for c in f.claims)
            if on_change:
                tp += 1
                hit = True
            else:
                fp += 1
        recovered += hit
    planted = sum(t["planted"] for t in truth)
    conn.close()
    return {
        "reprints": len(truth), "planted": planted, "recovered": recovered,
        "recall": round(recovered / planted, 3) if planted else None,
        "precision": round(tp / (tp + fp), 3) if tp + fp else None,
        "false_positives": fp,
    }


def against_latency(db: Path, archive: Path, n: int = 20) -> dict[str, Any]:
    from figcheck.batch import against
    from figcheck.inputs import read_documents
    from figcheck.model import Document

    truth = [t for t in map(json.loads, open(f"{archive}.truth.jsonl")) if t["planted"]]
    wanted = {t["reprint"] for t in truth[:n]}
    drafts = [Document(id="draft", text=d.text, title=d.title)
              for d in read_documents([str(archive)], errors="record")
              if isinstance(d, Document) and d.id in wanted]
    times, hits = [], 0
    for d in drafts:
        t0 = time.perf_counter()
        found = against(str(db), [d])
        times.append(time.perf_counter() - t0)
        hits += bool(found)
    if not times:
        return {}
    warm = times[1:] or times
    return {"drafts": len(times), "first_s": round(times[0], 3),
            "warm_median_s": round(statistics.median(warm), 3), "warm_max_s": round(max(warm), 3),
            "drafts_with_findings": hits}


def main(argv: list[str] | None = None) -> int:
    import archive as gen

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sizes", type=int, nargs="*", default=[10_000, 100_000])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/figcheck-scale"))
    ap.add_argument("--engine", choices=["local", "dask"], default="local")
    ap.add_argument("--no-story-rate", type=float, default=0.2)
    ap.add_argument("--against-only", action="store_true", help="reuse an existing database")
    a = ap.parse_args(argv)
    a.workdir = a.workdir.resolve()
    a.workdir.mkdir(parents=True, exist_ok=True)
    from figcheck._build import describe

    build = describe()
    rows = []
    for n in a.sizes:
        archive = a.workdir / f"archive-{n}.jsonl.zst"
        if not archive.exists():
            gen.write(n, archive, seed=n, no_story_rate=a.no_story_rate, bad_rate=0.001)
        db = a.workdir / f"batch-{n}-{a.engine}.db"
        result: dict[str, Any] = {"documents": n, "jobs": a.jobs, "engine": a.engine,
                                  "figcheck": build}
        if not a.against_only:
            result.update(run_batch(archive, db, a.jobs, ["--engine", a.engine]))
            result["docs_per_s"] = round(n / result["wall_s"], 1)
            result["docs_per_s_per_core"] = round(n / result["wall_s"] / a.jobs, 1)
            result["db_mb"] = round(db.stat().st_size / 2**20)
            result["hours_per_million"] = round(1_000_000 / (n / result["wall_s"]) / 3600, 2)
            print(json.dumps(result), flush=True)  # kept even if a later step fails
        result["planted"] = planted_scores(db, Path(f"{archive}.truth.jsonl"))
        result["against"] = against_latency(db, archive)
        print(json.dumps(result), flush=True)
        rows.append(result)
    print("\n| docs | wall | docs/s | docs/s/core | peak RSS (largest process / tree) | DB | "
          "planted recall / precision | --against warm median (max) |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        p, g = r["planted"], r["against"]
        print(f"| {r['documents']:,} | {r.get('wall_s', '-')} s | {r.get('docs_per_s', '-')} | "
              f"{r.get('docs_per_s_per_core', '-')} | {r.get('peak_rss_single_mb', '-')} / "
              f"{r.get('peak_rss_tree_mb', '-')} MB | {r.get('db_mb', '-')} MB | "
              f"{p['recall']} / {p['precision']} ({p['recovered']}/{p['planted']}) | "
              f"{g.get('warm_median_s')} s ({g.get('warm_max_s')} s) |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
