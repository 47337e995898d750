"""Labelled figure pairs from the real corpora (issue 9, part 3).

    python bench/realnews_pairs.py make-tasks [CORPUS.jsonl...] [--total 2400] [--seed 9]
                                   [--out .data/realnews/pairs/tasks]
    python bench/realnews_pairs.py import-labels ANSWERS.jsonl... [--tasks DIR]
    python bench/realnews_pairs.py score [CORPUS.jsonl...]

``make-tasks`` proposes candidate pairs (chosen by the harness's own number reader, never by
figcheck; categories in ``realnews.pairs.CATEGORIES``, hard negatives included) and writes them in
batches of 50 for readers, with the sentences around each figure (under .data: article text).
Readers answer as bench/realnews/pairs/GUIDE.md says.  ``import-labels`` joins their answers to the
tasks and writes ``bench/realnews/pairs/{dev,test}.jsonl`` (offsets, surface hashes and labels;
no text; a pair is test if either article is).  ``score`` prints figcheck's same-fact precision
and recall on both splits (through ``realnews.adapter.same_fact``).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from realnews import alarms, pairs  # noqa: E402
from realnews.corpus import DATA, load_present  # noqa: E402


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python bench/realnews_pairs.py",
                                 description="Labelled figure pairs from the real corpora.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    mk = sub.add_parser("make-tasks", help="propose candidate pairs for readers")
    mk.add_argument("corpora", nargs="*")
    mk.add_argument("--total", type=int, default=2400)
    mk.add_argument("--seed", type=int, default=9)
    mk.add_argument("--batch", type=int, default=50)
    mk.add_argument("--out", default=str(DATA / "pairs" / "tasks"))
    im = sub.add_parser("import-labels", help="join readers' answers to the tasks")
    im.add_argument("answers", nargs="+")
    im.add_argument("--tasks", default=str(DATA / "pairs" / "tasks"))
    im.add_argument("--labels", default=str(pairs.LABELS))
    sc = sub.add_parser("score", help="figcheck's same-fact decision on the labelled pairs")
    sc.add_argument("corpora", nargs="*")
    sc.add_argument("--labels", default=str(pairs.LABELS))
    args = ap.parse_args(argv)

    if args.cmd == "make-tasks":
        out = Path(args.out).resolve()
        if out.is_relative_to(ROOT.resolve()) and not out.is_relative_to(
                (ROOT / ".data").resolve()):
            print(f"error: {args.out}: tasks hold article text; write them under .data/")
            return 2
        corpora = load_present(args.corpora, "labelled pair tasks")
        if not corpora:
            return 0
        cands = pairs.propose(corpora, args.total, args.seed)
        paths = pairs.write_batches(cands, out, args.batch)
        cats = Counter(c.category for c in cands)
        splits = Counter(c.split for c in cands)
        print(f"wrote {len(cands)} candidate pairs in {len(paths)} batches to {out}")
        print("  by category: " + ", ".join(f"{k} {v}" for k, v in sorted(cats.items())))
        print("  by split: " + ", ".join(f"{k} {v}" for k, v in sorted(splits.items())))
        return 0
    if args.cmd == "import-labels":
        tasks = [r for p in sorted(Path(args.tasks).glob("*.jsonl")) for r in alarms.read_jsonl(p)]
        answers = [r for a in args.answers for r in alarms.read_jsonl(Path(a))]
        recs = pairs.label_records(tasks, answers)
        labels = Path(args.labels)
        labels.mkdir(parents=True, exist_ok=True)
        for split in ("dev", "test"):
            path = labels / f"{split}.jsonl"
            old = {str(r["pair"]): r for r in alarms.read_jsonl(path)}
            for r in recs:
                if r["split"] == split:
                    old[str(r["pair"])] = r
            alarms.write_jsonl(path, [old[k] for k in sorted(old)])
            print(f"{path}: {len(old)} labelled pairs")
        return 0
    corpora = load_present(args.corpora, "labelled pairs")
    if not corpora:
        return 0
    arts = {a.id: a for c in corpora for a in c.articles}
    for split in ("dev", "test"):
        path = Path(args.labels) / f"{split}.jsonl"
        if not path.exists():
            print(f"{split}: skipped: {path} not found (no labels yet)")
            continue
        print("\n".join(pairs.score_lines(split, alarms.read_jsonl(path), arts)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
