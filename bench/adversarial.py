"""Linear time on adversarial input: 1 MB of hostile text against 1 MB of ordinary news.

    python bench/adversarial.py            # 1 MB each
    python bench/adversarial.py --mb 0.25  # quicker

For each input prints extraction wall time, the parser's deterministic work count
(``figcheck.parser.work``) and both as a ratio to ordinary news of the same size.  The tests assert
the work counter stays linear (tests/parser/test_properties.py); this script shows the seconds.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def news(size: int) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").rglob("*.md"))]
    blob = "\n\n".join(texts)
    return (blob * (size // max(len(blob), 1) + 1))[:size]


def inputs(size: int) -> dict[str, str]:
    return {
        "news": news(size),
        "1,1,1,1...": ("1," * size)[:size],
        "between between...": ("between " * size)[:size],
        "a million digits": ("7" * size)[:size],
        "no spaces": ("$3.5bn£2m-40C(5F)about10,000to12,000" * size)[:size],
        "1-1-1...": ("1-" * size)[:size],
        "1 1 1 ...": ("1 " * size)[:size],
        "one one one...": ("one " * size)[:size],
        "words, no figures": ("lorem ipsum dolor sit amet " * size)[:size],
        "dots": ("1." * size)[:size],
        "nested brackets": ("(" * (size // 2) + ")" * (size // 2))[:size],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--mb", type=float, default=1.0)
    args = ap.parse_args()
    size = int(args.mb * 1_000_000)

    from figcheck.parser import extract, work

    rows = []
    for name, text in inputs(size).items():
        t0 = time.perf_counter()
        n = len(extract(text))
        dt = time.perf_counter() - t0
        rows.append((name, dt, work(text), n))
    base_t, base_w = rows[0][1], rows[0][2]
    print(f"{'input':<22} {'seconds':>8} {'x news':>7} {'work':>12} {'x news':>7} {'figures':>8}")
    for name, dt, w, n in rows:
        print(f"{name:<22} {dt:8.2f} {dt / base_t:7.2f} {w:12,} {w / base_w:7.2f} {n:8,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
