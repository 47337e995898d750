"""Fit the weights of the "same fact" decision on the DEV split of the labelled real pairs.

    python bench/calibrate.py                              # fit, report, write the weights file
    python bench/calibrate.py --dry-run                    # fit and report only
    python bench/calibrate.py --pairs bench/realnews/pairs/dev.jsonl --data /work/data/realnews

Reads ``bench/realnews/pairs/dev.jsonl`` (one pair a line: ``{"pair", "a": {"doc", "field",
"start", "end", "text"}, "b": {...}, "label": "same"|"different", "reason"}``) and the documents
they point at (``*.jsonl`` records under ``--data``; only records with ``"split": "dev"`` are
read).  Each side is matched to the figure figcheck extracts at that span; the pair's features are
:func:`figcheck.compare.decide.features` (slot states and the log value ratio).  Pairs a hard
constraint excludes are not fitted (they are reported: a "same" pair vetoed is a veto error).

The fit is an L2-regularised logistic regression by Newton's method (no dependency).  Each pair's
cross-validated score is the mean of its held-out scores over ``--repeats`` shuffles of a 5-fold
split.  The operating threshold is the lowest whose cross-validated dev precision is at least
``--precision`` (default 0.9) on the pairs of two comparable figures (``--choose-on``: the pairs
the decision is asked about when figcheck checks a text), else the one with the best F1.
Reported: in-sample and cross-validated precision/recall on dev, a reliability table (CV score
bins against the share labelled same) for all pairs and for comparable ones, and the fitted
weights.  Never point this at the test split; pairs that touch a document of the corpus's test
split are not read.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from figcheck import Document, extract  # noqa: E402
from figcheck.compare.decide import (NUMERIC, SLOT_NAMES, STATES, Weights,  # noqa: E402
                                     features, parse_weights, score_of)
from figcheck.compare.contradict import comparable, fact_key  # noqa: E402
from figcheck.model import Quantity  # noqa: E402

FEATURES: tuple[str, ...] = tuple(f"{s}={st}" for s in SLOT_NAMES for st in STATES) + tuple(
    n for n in NUMERIC if n != "ratio")
"""Fitted features.  The value ratio is NOT fitted: labelled same-fact pairs of published text
almost always agree in value, so a fit learns "different value, different fact" and would
silence every contradiction.  It stays a weak, fixed feature (``--ratio``, default -1 per power
of ten; issue 11: "the ratio is at most a weak feature")."""


def _date(v: Any) -> Any:
    import datetime as dt

    if not v:
        return None
    try:
        return dt.date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def load_docs(data: Path, wanted: set[str]) -> dict[str, Document]:
    out: dict[str, Document] = {}
    for p in sorted(data.glob("*.jsonl")):
        with p.open(encoding="utf-8") as fh:
            for line in fh:
                try:
                    r = json.loads(line)
                except ValueError:
                    continue
                if r.get("split") != "dev":
                    continue
                rid = str(r.get("id", ""))
                if rid not in wanted:
                    continue
                out[rid] = Document(id=rid, text=r.get("text") or "", title=r.get("title"),
                                    source=r.get("source"), published=_date(r.get("published")),
                                    story=r.get("story"))
    return out


def _match(qs: list[Quantity], side: dict[str, Any]) -> Quantity | None:
    field = side.get("field", "text")
    s, e = int(side["start"]), int(side["end"])
    best, best_overlap = None, 0
    for q in qs:
        if q.field != field:
            continue
        ov = min(e, q.end) - max(s, q.start)
        if ov > best_overlap:
            best, best_overlap = q, ov
    return best


def examples(pairs_path: Path, data: Path) -> tuple[list[tuple[dict[str, float], int]],
                                                     dict[str, int], list[bool], list[bool]]:
    """(rows, stats, comparable, paired): each unvetoed pair's features and label, counts of
    what was left out, whether both its figures are comparable
    (:func:`figcheck.compare.contradict.comparable`) and whether they are also paired as
    candidates (one :func:`figcheck.compare.contradict.fact_key`: the pairs the decision is
    asked about when figcheck checks a text)."""
    pairs = [json.loads(line) for line in pairs_path.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    docs = load_docs(data, {p["a"]["doc"] for p in pairs} | {p["b"]["doc"] for p in pairs})
    cache: dict[str, list[Quantity]] = {}
    rows: list[tuple[dict[str, float], int]] = []
    usable: list[bool] = []
    paired: list[bool] = []
    stats = {"pairs": len(pairs), "no document": 0, "no figure": 0, "vetoed same": 0,
             "vetoed different": 0}
    for p in pairs:
        da, db = docs.get(p["a"]["doc"]), docs.get(p["b"]["doc"])
        if da is None or db is None:
            stats["no document"] += 1
            continue
        for d in (da, db):
            if d.id not in cache:
                cache[d.id] = extract(d.text, title=d.title)
        qa, qb = _match(cache[da.id], p["a"]), _match(cache[db.id], p["b"])
        if qa is None or qb is None:
            stats["no figure"] += 1
            continue
        label = 1 if p["label"] == "same" else 0
        feats, vetoes, _ = features(qa, qb, da, db)
        if vetoes:
            stats["vetoed same" if label else "vetoed different"] += 1
            continue
        rows.append((feats, label))
        usable.append(comparable(qa) and comparable(qb))
        paired.append(usable[-1] and fact_key(qa) == fact_key(qb))
    stats["same"] = sum(1 for p in pairs if p["label"] == "same" and p["a"]["doc"] in docs
                        and p["b"]["doc"] in docs)
    return rows, stats, usable, paired


def fit(rows: list[tuple[dict[str, float], int]], l2: float = 1.0, iters: int = 25
        ) -> list[float]:
    """Weights [bias, *FEATURES] by Newton's method on the L2-penalised log-likelihood."""
    k = len(FEATURES) + 1
    # the fixed ratio weight enters as an offset of each pair's log-odds
    offs = [RATIO * r.get("ratio", 0.0) for r, _ in rows]
    xs = [[1.0] + [r.get(f, 0.0) for f in FEATURES] for r, _ in rows]
    ys = [y for _, y in rows]
    w = [0.0] * k
    for _ in range(iters):
        grad = [0.0] * k
        hess = [[0.0] * k for _ in range(k)]
        for x, y, off in zip(xs, ys, offs):
            z = off + sum(wi * xi for wi, xi in zip(w, x))
            p = 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))
            for i in range(k):
                if x[i]:
                    grad[i] += (p - y) * x[i]
                    for j in range(k):
                        if x[j]:
                            hess[i][j] += p * (1 - p) * x[i] * x[j]
        for i in range(1, k):
            grad[i] += l2 * w[i]
            hess[i][i] += l2
        hess[0][0] += 1e-6
        step = _solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        piv = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[piv] = m[piv], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c and m[r][c]:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


RATIO: float = -1.0


def to_weights(w: list[float], threshold: float, source: str) -> Weights:
    slots: dict[str, dict[str, float]] = {s: {} for s in SLOT_NAMES}
    numeric: dict[str, float] = {"ratio": RATIO}
    for f, v in zip(FEATURES, w[1:]):
        if f in NUMERIC:
            numeric[f] = v
            continue
        s, st = f.split("=")
        slots[s][st] = v
    return parse_weights({"bias": w[0], "threshold": threshold, **numeric, "source": source,
                          **slots})


def pr(scores: list[float], labels: list[int], t: float) -> tuple[float, float]:
    tp = sum(1 for s, y in zip(scores, labels) if s >= t and y)
    fp = sum(1 for s, y in zip(scores, labels) if s >= t and not y)
    fn = sum(1 for s, y in zip(scores, labels) if s < t and y)
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 0.0)


def choose_threshold(scores: list[float], labels: list[int], target: float) -> float:
    ts = sorted(set(scores))
    for t in ts:
        p, r = pr(scores, labels, t)
        if p >= target and r > 0:
            return t
    best, best_f = 0.5, -1.0
    for t in ts:
        p, r = pr(scores, labels, t)
        f = 2 * p * r / (p + r) if p + r else 0.0
        if f > best_f:
            best, best_f = t, f
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--pairs", type=Path, default=ROOT / "bench/realnews/pairs/dev.jsonl")
    ap.add_argument("--data", type=Path, default=Path("/work/data/realnews"))
    ap.add_argument("--out", type=Path, default=ROOT / "figcheck/data/weights.toml")
    ap.add_argument("--precision", type=float, default=0.9)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--repeats", type=int, default=3, help="repeats of the 5-fold CV")
    ap.add_argument("--choose-on", choices=("comparable", "all"), default="comparable",
                    help="pairs whose CV scores choose the threshold")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    if "test" in args.pairs.name:
        print("calibrate: refusing to fit on a test split", file=sys.stderr)
        return 2
    if not args.pairs.exists():
        print(f"calibrate: no labelled pairs at {args.pairs}; the weights stay hand-set",
              file=sys.stderr)
        return 0
    rows, stats, usable, paired = examples(args.pairs, args.data)
    print("pairs:", ", ".join(f"{k} {v}" for k, v in stats.items()), f"fitted {len(rows)}")
    if len(rows) < 20 or len({y for _, y in rows}) < 2:
        print("calibrate: too few usable pairs to fit", file=sys.stderr)
        return 1
    w = fit(rows, args.l2)
    labels = [y for _, y in rows]
    # 5-fold cross-validation, repeated: each pair's score is the mean of its held-out scores
    # (the honest dev estimate, and the scores the threshold is chosen on)
    cv_scores = [0.0] * len(rows)
    for rep in range(args.repeats):
        idx = list(range(len(rows)))
        random.Random(13 + rep).shuffle(idx)
        for k in range(5):
            held = set(idx[k::5])
            wk = fit([rows[i] for i in idx if i not in held], args.l2)
            wt = to_weights(wk, 0.5, "")
            for i in held:
                cv_scores[i] += score_of(rows[i][0], wt) / args.repeats
    # the threshold is chosen where the decision is used: pairs of two comparable figures
    on = [i for i, u in enumerate(usable) if u] if args.choose_on == "comparable" else list(
        range(len(rows)))
    t = choose_threshold([cv_scores[i] for i in on], [labels[i] for i in on], args.precision)
    cp, cr = pr(cv_scores, labels, t)
    up, ur = pr([cv_scores[i] for i in on], [labels[i] for i in on], t)
    probe = to_weights(w, t, "")
    p, r = pr([score_of(x, probe) for x, _ in rows], labels, t)
    n_on = len(on)
    print(f"threshold {t:.3f} (chosen on the cross-validated scores of {args.choose_on} pairs: "
          f"{n_on}, {sum(labels[i] for i in on)} same)")
    print(f"dev 5-fold CV: precision {cp:.3f} recall {cr:.3f} (all {len(rows)} fitted pairs, "
          f"mean score of {args.repeats} repeats)")
    print(f"dev 5-fold CV x{args.repeats}, {args.choose_on} pairs: precision {up:.3f} "
          f"recall {ur:.3f}")
    print(f"dev in-sample, all fitted pairs: precision {p:.3f} recall {r:.3f}")
    cand = [i for i, u in enumerate(paired) if u]
    kp, kr = pr([cv_scores[i] for i in cand], [labels[i] for i in cand], t)
    reach = sum(labels[i] for i in cand)
    print(f"dev 5-fold CV x{args.repeats}, candidate pairs (comparable, one fact key; {len(cand)}, "
          f"{reach} same): precision {kp:.3f} recall {kr:.3f}; same pairs found "
          f"{round(kr * reach)} of {stats['same']} labelled same (documents found)")
    for name, sel in (("all fitted pairs", list(range(len(rows)))),
                      ("comparable pairs", [i for i, u in enumerate(usable) if u])):
        print(f"reliability (CV scores, {name}): bin, pairs, share labelled same")
        for lo in (0.0, 0.2, 0.4, 0.6, 0.8):
            got = [labels[i] for i in sel
                   if lo <= cv_scores[i] < lo + 0.2 or (lo == 0.8 and cv_scores[i] == 1)]
            if got:
                print(f"  [{lo:.1f}, {lo + 0.2:.1f})  {len(got):5d}  {sum(got) / len(got):.3f}")
    print("fitted weights: bias", f"{w[0]:+.3f};",
          ", ".join(f"{f} {v:+.3f}" for f, v in zip(FEATURES, w[1:]) if abs(v) >= 0.05))
    weights = to_weights(w, t, f"fitted by bench/calibrate.py on {args.pairs.name} (dev-split "
                               f"documents only): {len(rows)} unvetoed pairs, l2 {args.l2}; "
                               f"threshold for 5-fold CV x{args.repeats} precision >= "
                               f"{args.precision} on {args.choose_on} pairs ({n_on}): CV "
                               f"precision {up:.3f} recall {ur:.3f} there, {cp:.3f} / {cr:.3f} "
                               f"on all {len(rows)}")
    if not args.dry_run:
        args.out.write_text(weights.to_toml(), encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
