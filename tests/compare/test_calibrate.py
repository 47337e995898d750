"""bench/calibrate.py fits the decision's weights on labelled pairs (synthetic here: the real
labelled pairs live outside the repository) and writes a weights file the decision reads."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tomllib
from pathlib import Path

from figcheck.compare.decide import parse_weights

ROOT = Path(__file__).resolve().parents[2]

NOUNS = ["people", "miners", "residents", "passengers", "workers", "sailors"]
VERBS = ["killed", "injured", "arrested", "evacuated", "rescued"]
NAMES = ["Curry", "Durant", "Booker", "Green"]


def _docs_and_pairs(tmp: Path) -> tuple[Path, Path]:
    rnd = random.Random(5)
    docs, pairs = [], []
    for i in range(60):
        noun = rnd.choice(NOUNS)
        v1 = rnd.choice(VERBS)
        same = i % 2 == 0
        v2 = v1 if same else rnd.choice([v for v in VERBS if v != v1])
        a = f"{rnd.randint(2, 90)} {noun} were {v1} on Tuesday."
        b = f"{rnd.randint(2, 90)} {noun} were {v2} on Tuesday."
        if i % 3 == 0:  # box scores: one noun, two holders
            n1, n2 = rnd.sample(NAMES, 2)
            a = f"{n1} scored {rnd.randint(10, 40)} points."
            b = f"{n1 if same else n2} scored {rnd.randint(10, 40)} points."
        for k, text in (("a", a), ("b", b)):
            docs.append({"id": f"d{i}{k}", "text": text, "split": "dev",
                         "published": "2024-05-07"})
        end_a, end_b = a.index(" "), b.index(" ")
        if i % 3 == 0:
            end_a = a.index(" points")
            end_b = b.index(" points")
        pairs.append({"pair": i, "label": "same" if same else "different", "reason": "",
                      "a": {"doc": f"d{i}a", "field": "text", "start": end_a - 2, "end": end_a,
                            "text": a[end_a - 2:end_a]},
                      "b": {"doc": f"d{i}b", "field": "text", "start": end_b - 2, "end": end_b,
                            "text": b[end_b - 2:end_b]}})
    data = tmp / "data"
    data.mkdir()
    (data / "synthetic.jsonl").write_text("\n".join(json.dumps(d) for d in docs), "utf-8")
    p = tmp / "dev.jsonl"
    p.write_text("\n".join(json.dumps(x) for x in pairs), "utf-8")
    return p, data


def test_calibrate_fits_and_writes_weights(tmp_path):
    pairs, data = _docs_and_pairs(tmp_path)
    out = tmp_path / "weights.toml"
    run = subprocess.run([sys.executable, str(ROOT / "bench/calibrate.py"), "--pairs", str(pairs),
                          "--data", str(data), "--out", str(out)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "dev 5-fold CV: precision" in run.stdout
    w = parse_weights(tomllib.loads(out.read_text("utf-8")))
    # the labels say: another event class or another holder is another fact
    assert w.slots["event"]["different"] < w.slots["event"]["same"]
    assert w.slots["holder"]["different"] < w.slots["holder"]["same"]
    assert "fitted by bench/calibrate.py" in w.source


def test_calibrate_refuses_the_test_split(tmp_path):
    p = tmp_path / "test.jsonl"
    p.write_text("", "utf-8")
    run = subprocess.run([sys.executable, str(ROOT / "bench/calibrate.py"), "--pairs", str(p),
                          "--dry-run"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
