"""The Dask engine on a real ``LocalCluster(n_workers=2, processes=True)`` gives the same database
contents as the local engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from figcheck.batch import run_batch
from figcheck.batch.dask_engine import run as run_dask
from figcheck.config import Config

from .conftest import TESTS_DIR, db_rows, findings_of, story_records, write_jsonl
from .fake_toolkit import SPEC

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")


@pytest.mark.dask
def test_dask_and_local_engines_agree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from distributed import Client, LocalCluster

    monkeypatch.setenv("PYTHONPATH", TESTS_DIR)  # the workers import the test toolkit
    recs = story_records(40, with_story=False) + story_records(5)
    for r in recs[-15:]:
        r["id"] = "x" + r["id"]
    a = write_jsonl(tmp_path / "a.jsonl", recs[:70], raw_lines={5: b"{nope"})
    b = write_jsonl(tmp_path / "b.jsonl.gz", recs[70:])
    config = Config()
    run_batch([str(a), str(b)], str(tmp_path / "local.db"), config, jobs=2, toolkit=SPEC)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        stats = run_dask([str(a), str(b)], str(tmp_path / "dask.db"), config, toolkit=SPEC,
                         client=client, partition=16)
        # a second run resumes: nothing is processed twice
        again = run_dask([str(a), str(b)], str(tmp_path / "dask.db"), config, toolkit=SPEC,
                         client=client, partition=16)
    assert stats.documents == len(recs) and stats.errors == 1
    assert again.documents == 0 and again.resumed_from == len(recs) + 1
    assert stats.cross_findings == 45  # one planted per story
    assert findings_of(tmp_path / "dask.db") == findings_of(tmp_path / "local.db")
    q = "SELECT input_id, item, id, n_quantities, story_key FROM documents"
    assert db_rows(tmp_path / "dask.db", q) == db_rows(tmp_path / "local.db", q)
    assert list((tmp_path / "dask.db.parts").rglob("*.parquet"))
