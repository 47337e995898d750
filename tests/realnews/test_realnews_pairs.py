"""Candidate figure pairs for labelling, and scoring figcheck's same-fact decision on labels."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import synth_realnews as S
from realnews import pairs
from realnews.adapter import Figure, same_fact
from realnews.corpus import load


def _corpora(tmp_path: Path) -> list:
    return [load(S.write(tmp_path / "a.jsonl", S.ARTICLES)),
            load(S.write(tmp_path / "c.jsonl", S.CLUSTER))]


def test_tasks_are_seeded_and_split(tmp_path: Path) -> None:
    cs = _corpora(tmp_path)
    first = [c.id for c in pairs.propose(cs, 30, seed=2)]
    assert first == [c.id for c in pairs.propose(cs, 30, seed=2)]
    got = pairs.propose(cs, 30, seed=2)
    cats = {c.category for c in got}
    assert {"restatement", "cross_same", "list"} <= cats
    for c in got:
        assert c.a.num.kind == c.b.num.kind
        assert c.split == ("test" if "test" in (c.a.article.split, c.b.article.split) else "dev")
        if c.category.startswith("cross"):
            assert c.a.article.story == c.b.article.story and c.a.article.id != c.b.article.id
    rec = pairs.task_record(got[0])
    assert "[[" in str(rec["a"]["context"]) and rec["label"] is None  # type: ignore[index]


def test_adapter_and_score(tmp_path: Path) -> None:
    cs = _corpora(tmp_path)
    arts = {a.id: a for c in cs for a in c.articles}
    c1, c2 = arts["c1"], arts["c2"]
    k1 = c1.text.index("14 people")
    k2 = c2.text.index("14 people")
    h1 = c1.text.index("600 homes")
    r1 = c1.text.index("35 people")
    assert same_fact(Figure(c1, "text", k1, k1 + 2), Figure(c2, "text", k2, k2 + 2))
    assert not same_fact(Figure(c1, "text", k1, k1 + 2), Figure(c1, "text", h1, h1 + 3))
    labels = [
        {"pair": "p1", "split": "dev", "label": "same",
         "a": {"doc": "c1", "field": "text", "start": k1, "end": k1 + 2},
         "b": {"doc": "c2", "field": "text", "start": k2, "end": k2 + 2}},
        {"pair": "p2", "split": "dev", "label": "different",
         "a": {"doc": "c1", "field": "text", "start": k1, "end": k1 + 2},
         "b": {"doc": "c1", "field": "text", "start": r1, "end": r1 + 2}},
        {"pair": "p3", "split": "dev", "label": "same",
         "a": {"doc": "gone", "field": "text", "start": 0, "end": 2},
         "b": {"doc": "c1", "field": "text", "start": r1, "end": r1 + 2}},
    ]
    s = pairs.score(labels, arts)
    assert (s.tp, s.fp, s.fn, s.tn, s.missing) == (1, 0, 0, 1, 1)


def test_make_import_score_commands(tmp_path: Path) -> None:
    a = S.write(tmp_path / "a.jsonl", S.ARTICLES)
    c = S.write(tmp_path / "c.jsonl", S.CLUSTER)
    script = str(S.ROOT / "bench" / "realnews_pairs.py")
    tasks = tmp_path / "tasks"
    run = subprocess.run([sys.executable, script, "make-tasks", str(a), str(c), "--total", "20",
                          "--out", str(tasks)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    recs = [json.loads(x) for p in sorted(tasks.glob("*.jsonl")) for x in p.read_text().splitlines()]
    assert recs
    answers = tmp_path / "answers.jsonl"
    answers.write_text("".join(json.dumps({"pair": r["pair"], "label": "different",
                                           "reason": "measure", "note": None}) + "\n"
                               for r in recs))
    labels = tmp_path / "labels"
    run = subprocess.run([sys.executable, script, "import-labels", str(answers), "--tasks",
                          str(tasks), "--labels", str(labels)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    stored = (labels / "dev.jsonl").read_text() + (labels / "test.jsonl").read_text()
    for line in stored.splitlines():
        rec = json.loads(line)
        assert set(rec) == {"pair", "split", "category", "a", "b", "label", "reason"}
        assert set(rec["a"]) == {"doc", "field", "start", "end", "surface_sha1"}
    assert len(stored.splitlines()) == len(recs)
    run = subprocess.run([sys.executable, script, "score", str(a), str(c), "--labels",
                          str(labels)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and "dev:" in run.stdout and "test:" in run.stdout
    missing = subprocess.run([sys.executable, script, "score", str(tmp_path / "none.jsonl")],
                             capture_output=True, text=True)
    assert missing.returncode == 0 and "skipped:" in missing.stdout
