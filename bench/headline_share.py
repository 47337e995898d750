"""Share of the numbers in real headlines that figcheck returns as figures.

    python bench/headline_share.py [CORPUS.jsonl] [--split dev] [--misses 40]

CORPUS defaults to .data/realnews/articles.jsonl (fetched, never committed; the script says so
and exits 0 when it is missing).  A headline number is found by a regex independent of the
parser: a digit run (with separators and decimals) or a cardinal number word, minus what is
never a figure in figcheck's conventions and in the harness's: four-digit years 1800-2099,
ordinals ("2nd"), clock times, names glued to letters ("COVID-19", "G-7", "5G", "3-D"), slash
forms ("9/11"), month-day dates ("June 12").  It counts as extracted when a figure of the headline
(``field == "title"``) overlaps it.  Extraction is run with the article's body, as in use.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_NUMBER = re.compile(
    r"(?<![\w.])(?:\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)(?!\d)"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred|thousand|million|billion|trillion|dozen|dozens|hundreds|thousands|millions)\b",
    re.IGNORECASE,
)
_MONTHS = frozenset("january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split())
_YEAR = re.compile(r"(?:1[0-9]|20)\d\d")


def headline_numbers(title: str) -> list[tuple[int, int]]:
    out = []
    for m in _NUMBER.finditer(title):
        s = m.group(0)
        after = title[m.end() : m.end() + 2].lower()
        if _YEAR.fullmatch(s) and not title[m.end() : m.end() + 1] in ("%",):
            continue
        if s[0].isdigit() and after[:2] in ("st", "nd", "rd", "th") and not after[:2].isupper():
            continue
        if s[0].isdigit() and (title[m.end() : m.end() + 4].lower() in (" a.m", " p.m") or title[m.end() : m.end() + 3].lower() in (" am", " pm")):
            continue
        if s[0].isdigit() and title[m.start() - 1 : m.start()] in ("'", "\u2019") and len(s) == 2:
            continue  # '08
        if s[0].isdigit() and title[m.end() : m.end() + 1] == ":" and title[m.end() + 1 : m.end() + 2].isdigit():
            continue
        if s[0].isdigit():
            before, nxt = title[max(0, m.start() - 2) : m.start()], title[m.end() : m.end() + 2]
            if before[-1:].isalpha() or (before[-1:] in "-/" and before[:1].isalnum()):
                continue  # COVID-19, G-7, 9/11
            if nxt[:1].isalpha() and not nxt[:1] in "MBKk" or (nxt[:1] in "-/" and nxt[1:2].upper() == "D" or nxt[:1] == "/"):
                continue  # 5G, 3D, 3-D, 9/
            prev_word = title[: m.start()].split()[-1:] or [""]
            if prev_word[0].rstrip(".").lower() in _MONTHS:
                continue
        out.append((m.start(), m.end()))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(ROOT / ".data" / "realnews" / "articles.jsonl"))
    ap.add_argument("--split", default="dev")
    ap.add_argument("--misses", type=int, default=0, help="print this many missed numbers in context")
    args = ap.parse_args()
    path = Path(args.corpus)
    if not path.exists():
        print(f"{path} is missing: fetch the real corpus first; nothing measured")
        return 0
    from figcheck import extract

    total = found = titles = 0
    misses: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if args.split != "all" and r.get("split") != args.split:
                continue
            title = r.get("title") or ""
            nums = headline_numbers(title)
            if not nums:
                continue
            titles += 1
            spans = [(q.start, q.end) for q in extract(r.get("text") or "", title=title) if q.field == "title"]
            for a, b in nums:
                total += 1
                if any(s < b and a < e for s, e in spans):
                    found += 1
                elif len(misses) < args.misses:
                    misses.append(f"  {title[:a]}[[{title[a:b]}]]{title[b:]}")
    share = found / total if total else 0.0
    print(f"{path.name} split={args.split}: {titles} headlines with numbers, {total} numbers, "
          f"{found} extracted ({share:.1%})")
    for m in misses:
        print(m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
