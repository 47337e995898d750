"""Pass rates of figcheck on the peer suites in ../shared/peers, per file.

    python bench/peers.py                        # table
    python bench/peers.py --failures             # plus every failing case and why
    python bench/peers.py --update-known-misses  # rewrite tests/peers/known_misses.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from figcheck.evaluation.peers import evaluate_peers

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--failures", action="store_true")
    ap.add_argument("--update-known-misses", action="store_true")
    args = ap.parse_args()
    scores = evaluate_peers()
    print(scores.format(failures=args.failures))
    if args.update_known_misses:
        misses = {
            cid: detail for s in scores.suites.values() for cid, _text, detail in s.failures
        }
        path = ROOT / "tests" / "peers" / "known_misses.json"
        path.write_text(json.dumps(dict(sorted(misses.items())), indent=1) + "\n")
        print(f"wrote {len(misses)} known misses to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
