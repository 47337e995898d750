"""Linear time and bounded memory on adversarial input: hostile text against ordinary news.

    python bench/adversarial.py            # 1 MB each
    python bench/adversarial.py --mb 0.25  # quicker

Each input is extracted in its own subprocess, so its peak RSS is its own.  For each input prints
extraction wall time and peak RSS per KB, the parser's deterministic work count
(``figcheck.parser.work``), and each as a ratio to ordinary news of the same size.  The tests
assert the work counter stays linear (tests/parser/test_properties.py,
tests/parser/test_fuzz_numbers.py); this script shows the seconds and the megabytes.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_ZW = "\u200b\u200c\u200d\ufeff"


def news(size: int) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").rglob("*.md"))]
    blob = "\n\n".join(texts)
    return (blob * (size // max(len(blob), 1) + 1))[:size]


def _soup(size: int, alphabet: str) -> str:
    rng = random.Random(13)
    return "".join(rng.choice(alphabet) for _ in range(size))


INPUTS = {
    "news": news,
    "digits + zero-width": lambda size: _soup(size, "0123456789" + _ZW),
    "digits zw spaces": lambda size: _soup(size, "0123456789 " + _ZW),
    "zw-split figures": lambda size: ("12\u200b people, 3\u200b.5% " * size)[:size],
    "12 people died.": lambda size: ("12 people died. " * size)[:size],
    "1,1,1,1...": lambda size: ("1," * size)[:size],
    "between between...": lambda size: ("between " * size)[:size],
    "a million digits": lambda size: ("7" * size)[:size],
    "no spaces": lambda size: ("$3.5bn£2m-40C(5F)about10,000to12,000" * size)[:size],
    "1-1-1...": lambda size: ("1-" * size)[:size],
    "1 1 1 ...": lambda size: ("1 " * size)[:size],
    "one one one...": lambda size: ("one " * size)[:size],
    "words, no figures": lambda size: ("lorem ipsum dolor sit amet " * size)[:size],
    "dots": lambda size: ("1." * size)[:size],
    "nested brackets": lambda size: ("(" * (size // 2) + ")" * (size // 2))[:size],
    "ratios": lambda size: ("12345678901234567890123456789:1 " * size)[:size],
}


def _one(name: str, size: int) -> dict[str, float]:
    text = INPUTS[name](size)
    from figcheck.parser import extract, work

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    n = len(extract(text))
    dt = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": dt, "work": work(text), "figures": n, "rss_mb": peak / 1024, "grew_mb": (peak - before) / 1024}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args()
    size = int(args.mb * 1_000_000)
    if args.one:
        print(json.dumps(_one(args.one, size)))
        return 0
    rows = []
    for name in INPUTS:
        out = subprocess.run(
            [sys.executable, __file__, "--mb", str(args.mb), "--one", name],
            check=True, capture_output=True, text=True,
        ).stdout
        rows.append((name, json.loads(out)))
    base = rows[0][1]
    kb = size / 1000
    print(f"{size / 1e6:g} MB per input; peak RSS is the whole process (Python + figcheck + the input)")
    print(f"{'input':<22} {'ms/KB':>7} {'x news':>7} {'work':>12} {'x news':>7} {'figures':>8} {'peak MB':>8} {'grew MB':>8} {'x news':>7}")
    for name, r in rows:
        print(
            f"{name:<22} {1000 * r['seconds'] / kb:7.3f} {r['seconds'] / base['seconds']:7.2f} {int(r['work']):12,}"
            f" {r['work'] / base['work']:7.2f} {int(r['figures']):8,} {r['rss_mb']:8.0f} {r['grew_mb']:8.0f}"
            f" {r['grew_mb'] / max(base['grew_mb'], 1):7.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
