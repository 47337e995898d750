"""Linear time of one document's check (issue 13.8): 1 MB against 4 MB of the same kind of input.

    python bench/linear.py              # 1 MB and 4 MB of each input
    python bench/linear.py --mb 0.25    # quicker: 0.25 MB and 1 MB

Inputs: the one sentence repeated ("12 people died. " over and over), a list-like feed (results
lines "Name Surname 12 points, 7 rebounds"), and a wire feed: the team's synthetic corpus articles
one after another as one file (what a pasted agency feed looks like to ``figcheck check``).  For
each prints the CPU seconds of ``figcheck.check`` on one document (process time, so that other
work on a shared machine counts less), the comparator's deterministic work
count (:func:`figcheck.compare.work`) and the 4x/1x ratios.  Linear time is a ratio near 4; the
target (issue 13.8) is 4 MB within 5x the time of 1 MB, a time ratio of at most 5.  The tests assert the work counter grows linearly (tests/compare/test_linear.py); this script shows
the seconds.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
try:
    import figcheck  # noqa: F401
except ImportError:
    sys.path.insert(0, str(ROOT))

_NAMES = ("Adams", "Baker", "Clark", "Davis", "Evans", "Foster", "Green", "Hughes", "Irwin",
          "Jones", "Kelly", "Lewis", "Moore", "Nolan", "Owens", "Price")


def repeated(size: int) -> str:
    return ("12 people died. " * (size // 16 + 1))[:size]


def list_feed(size: int) -> str:
    lines = []
    n = 0
    total = 0
    while total < size:
        a, b = _NAMES[n % len(_NAMES)], _NAMES[(n * 7 + 3) % len(_NAMES)]
        line = f"{a} {b} {n % 41} points, {n % 13} rebounds, {n % 9} assists"
        lines.append(line)
        total += len(line) + 1
        n += 1
    return "\n".join(lines)[:size]


def wire_feed(size: int) -> str:
    arts = []
    for p in sorted((ROOT / "corpus" / "check").glob("*.json")):
        for d in json.loads(p.read_text(encoding="utf-8"))["documents"]:
            arts.append(f"{d.get('title') or ''}\n\n{d['text']}")
    blob = "\n\n".join(arts)
    return (blob * (size // max(len(blob), 1) + 1))[:size]


INPUTS = {"12 people died. x N": repeated, "list-like feed": list_feed, "wire feed": wire_feed}


def measure(text: str) -> tuple[float, int]:
    from figcheck.compare import work

    t0 = time.process_time()  # CPU seconds: a shared machine's load does not count
    figcheck.check([text])
    dt = time.process_time() - t0
    return dt, work(figcheck.Document(id="d", text=text))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--mb", type=float, default=1.0, help="the smaller size in MB (default 1)")
    ap.add_argument("--only", default="", help="comma-separated input names (prefixes)")
    args = ap.parse_args()
    size = int(args.mb * 1_000_000)
    print(f"{'input':<22} {'s @1x':>8} {'s @4x':>8} {'ratio':>6} {'work @1x':>12} {'work @4x':>12} "
          f"{'ratio':>6}")
    worst = 0.0
    for name, make in INPUTS.items():
        if args.only and not any(name.startswith(o) for o in args.only.split(",")):
            continue
        t1, w1 = measure(make(size))
        t4, w4 = measure(make(4 * size))
        worst = max(worst, t4 / t1)
        print(f"{name:<22} {t1:8.2f} {t4:8.2f} {t4 / t1:6.2f} {w1:12,} {w4:12,} {w4 / max(w1, 1):6.2f}")
    print(f"worst time ratio 4x/1x: {worst:.2f} (linear is about 4; the target is at most 5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
