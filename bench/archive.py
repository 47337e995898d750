"""Synthetic news archives of any size, built from the gold corpora, for scale runs.

    python bench/archive.py 100000 -o /tmp/archive-100k.jsonl.zst
    python bench/archive.py 10000 -o a.jsonl --seed 7 --plant-rate 0.5 --no-story-rate 0.2

Each *story copy* takes a template story -- the documents of one ``corpus/check`` story, or one
``corpus/extract`` article as a single-source story -- and gives it a new story id, new sources and a
new publication date (the template's day offsets kept).  Then, with probability ``--reprint-rate``,
a *reprint* is added: another outlet republishing one of the story's documents word for word.  With
probability ``--plant-rate`` the reprint has ONE figure changed to an incompatible value (a plain
or "about" figure of 20 or more, raised by half at its own precision: 8,000 -> 12,000): a planted cross-source contradiction whose exact
place is written to the truth file.  A reprint without a planted change must produce no finding
against its original, so both recall and precision of the planted contradictions are measurable.
``--bad-rate`` mixes in malformed lines (the batch job records them and carries on).

Writes the archive (``.jsonl``, ``.jsonl.gz`` or ``.jsonl.zst``) and ``<archive>.truth.jsonl``
(one line per reprint: ``reprint``, ``original``, ``planted`` (bool), and for planted ones
``start``/``end``/``text`` in the reprint and the ``original_text``).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gzip
import json
import random
import re
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUTLETS = [
    "Northern Wire", "Harbour Herald", "Valley Gazette", "City Financial Wire", "Metro Daily",
    "Coastal Times", "Atlantic Broadcasting", "Continental Press", "Plains Herald", "Capital Post",
    "Island Radio", "Mountain Courier", "Evening Standard-Bearer", "River Chronicle", "Union Ledger",
]
CHANGE = 1.5
"""A planted figure is the original times this (rounded to the original's precision): far enough
apart that no rounding or "about" reconciles them, close enough to be the same fact (the
comparator treats figures several times apart as different scopes)."""
DESKS = ["world", "politics", "business", "science", "sport", "courts", "health", "weather"]

# a plain (or "about") figure of at least two digits, not part of a name, year, range or bound
_FIGURE = re.compile(r"(?<![\w.,£$€-])(\d{1,3}(?:,\d{3})+|\d{2,})(?![\w.,%-]|\s*(?:-|to|and)\s*\d)")
_BLOCK_BEFORE = re.compile(
    r"(?:more than|over|at least|up to|fewer than|less than|under|nearly|almost|as many as|"
    r"between|from|some|by|of|in|since|per|aged|age|No\.?|number|page|section|route|flight|"
    # a phone number's later groups; the far end of a range; a bracketed conversion
    # a clock time ("21:46"); the minutes of "1 hour 20 minutes"
    r"call|dial|text|as much as|\(|\d:|hours?|\d\s*(?:and|to|or|-)|\d\s)\s*$",
    re.IGNORECASE,
)
_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
           r"December)")
# Not a stated quantity, or not one a changed copy contradicts: a phone number ("0800 556 677"),
# a date ("30 November", "November 30"), an address ("300 Marsh Wall"), an index or model name
# ("FTSE 100", "ASX 200", "Boeing 737"), a bracketed conversion, a bus route ("the 36 and X9"),
# a cricket score ("253 for 3"), a part ("56 of her 64 matches"), a threshold ("aged 21 and over",
# "45 or over", "172 needed").
_BLOCK_AFTER = re.compile(
    r"(?::\d|\s*(?:\d|" + _MONTHS + r"\b|[A-Z][a-z]+ (?:Road|Street|Avenue|Lane|Wall|Way|Place|Square|View|"
    r"Close|Drive|Court|Gardens|Terrace|Row|Hill|Park)\b|(?:and|or|to) [A-Z]\d|for \d|of\b|"
    r"(?:and|or) (?:over|above|under|older|more)\b|(?:\w+ )?needed\b))"
)
# a name or model number ("Boeing 737", "Platform 4"): a capitalised word inside a sentence
_BLOCK_NAME_BEFORE = re.compile(r"(?:\b[A-Z]{2,}|" + _MONTHS + r"|[^.!?\s]\s+[A-Z][\w&-]*)\s*$")


def templates() -> list[list[dict[str, Any]]]:
    """Template stories: lists of records (id, text, title, source, published, desk)."""
    out: list[list[dict[str, Any]]] = []
    try:
        from figcheck.evaluation.check import corpus_records

        by_story: dict[str, list[dict[str, Any]]] = {}
        for rec in corpus_records(include_story=True, corpus_dir=ROOT / "corpus" / "check"):
            by_story.setdefault(rec["story"], []).append(rec)
        out.extend(by_story.values())
    except Exception:  # noqa: BLE001 - the check corpus is optional
        pass
    from figcheck.inputs import split_title

    for path in sorted((ROOT / "corpus" / "extract").glob("*.md")):
        title, body = split_title(path.read_text(encoding="utf-8"))
        out.append([{"id": path.stem, "text": body, "title": title, "source": None,
                     "published": "2024-06-01", "desk": path.stem.split("-")[0]}])
    if not out:
        raise SystemExit("no corpus found under corpus/check or corpus/extract")
    return out


def plant(text: str, rng: random.Random) -> tuple[str, int, int, str, str] | None:
    """``text`` with one figure raised by half: (new text, start, end, new figure, old figure)."""
    spans = []
    for m in _FIGURE.finditer(text):
        digits = m.group(1).replace(",", "")
        value = int(digits)
        if value < 20 or (len(digits) == 4 and 1900 <= value <= 2100 and "," not in m.group(1)):
            continue
        if digits.startswith("0"):
            continue  # a phone number or code
        before = text[max(0, m.start() - 20):m.start()]
        if _BLOCK_BEFORE.search(before) or _BLOCK_NAME_BEFORE.search(before):
            continue
        if _BLOCK_AFTER.match(text, m.end()):
            continue
        spans.append((m.start(), m.end(), value))
    if not spans:
        return None
    start, end, value = rng.choice(spans)
    digits = str(value)
    step = 10 ** (len(digits) - len(digits.rstrip("0")))  # keep the stated precision
    # half up (banker's rounding would make "about 300" -> "about 400", within its own hedge)
    changed = max(step, int(Decimal(value) * Decimal(str(CHANGE)) / step + Decimal("0.5")) * step)
    # a figure that grows past 999 takes a separator, as news copy writes it ("1206 sites" reads
    # as a year); otherwise the original's own style
    new = f"{changed:,}" if "," in text[start:end] or value < 1000 <= changed else str(changed)
    return text[:start] + new + text[end:], start, start + len(new), new, text[start:end]


def generate(n: int, *, seed: int = 1, reprint_rate: float = 0.5, plant_rate: float = 0.5,
             no_story_rate: float = 0.0, bad_rate: float = 0.0, years: int = 10
             ) -> Iterator[tuple[str, dict[str, Any] | None]]:
    """``("doc", record)``, ``("bad", None)`` and ``("truth", entry)`` items until n documents."""
    rng = random.Random(seed)
    pool = templates()
    made = 0
    copy = 0
    start = _dt.date(2015, 1, 1)
    unlabelled: dict[int, list[_dt.date]] = {}  # template -> dates of its copies without story
    while made < n:
        which = rng.randrange(len(pool))
        story = pool[which]
        copy += 1
        base = start + _dt.timedelta(days=rng.randrange(365 * years))
        t0 = min(_dt.date.fromisoformat(str(r["published"])[:10]) for r in story)
        outlets = rng.sample(OUTLETS, k=min(len(OUTLETS), len(story) + 1))
        desk = story[0].get("desk") or rng.choice(DESKS)
        story_id = f"st{copy:07d}"
        keep_story = rng.random() >= no_story_rate
        if not keep_story:
            # Two copies of one article in the same weeks with no story to tell them apart ARE
            # one story to any reader: keep such copies of a template a month apart.
            taken = unlabelled.setdefault(which, [])
            for _ in range(50):
                if all(abs((base - d).days) > 30 for d in taken):
                    break
                base = start + _dt.timedelta(days=rng.randrange(365 * years))
            taken.append(base)
        recs = []
        for i, r in enumerate(story):
            day = base + (_dt.date.fromisoformat(str(r["published"])[:10]) - t0)
            rec = {"id": f"{story_id}:{r['id']}", "text": r["text"], "title": r.get("title"),
                   "source": outlets[i], "published": day.isoformat(), "desk": desk,
                   "url": f"https://news.example/{story_id}/{i}"}
            if keep_story:
                rec["story"] = story_id
            recs.append(rec)
        if rng.random() < reprint_rate:
            original = rng.choice(recs)
            reprint = dict(original, id=f"{story_id}:reprint", source=outlets[-1],
                           url=f"https://news.example/{story_id}/reprint")
            truth: dict[str, Any] = {"reprint": reprint["id"], "original": original["id"],
                                     "planted": False}
            if rng.random() < plant_rate:
                planted = plant(original["text"], rng)
                if planted is not None:
                    reprint["text"], s, e, new, old = planted
                    truth.update(planted=True, start=s, end=e, text=new, original_text=old)
            recs.append(reprint)
            yield "truth", truth
        for rec in recs:
            if made >= n:
                break
            if bad_rate and rng.random() < bad_rate:
                yield "bad", None
            yield "doc", rec
            made += 1


def _open(path: Path) -> IO[bytes]:
    if path.suffix == ".gz":
        return gzip.open(path, "wb", compresslevel=3)  # type: ignore[return-value]
    if path.suffix == ".zst":
        import zstandard

        return zstandard.ZstdCompressor(level=3).stream_writer(open(path, "wb"))  # type: ignore[return-value]
    return open(path, "wb")


def documents(n: int, *, seed: int | None = None) -> list[Any]:
    """The ``n`` generated records (every one with a story, no bad lines) as
    :class:`figcheck.model.Document` objects, for in-process benchmarks; ``seed`` defaults to ``n``."""
    from figcheck.model import Document

    return [Document(**{k: v for k, v in rec.items() if v is not None})
            for kind, rec in generate(n, seed=n if seed is None else seed, no_story_rate=0.0)
            if kind == "doc" and rec is not None]


def write(n: int, out: Path, **kw: Any) -> dict[str, int]:
    counts = {"documents": 0, "bad": 0, "reprints": 0, "planted": 0}
    truth_path = Path(f"{out}.truth.jsonl")
    with _open(out) as arch, open(truth_path, "w", encoding="utf-8") as truth:
        for kind, rec in generate(n, **kw):
            if kind == "doc":
                arch.write(json.dumps(rec, ensure_ascii=False).encode() + b"\n")
                counts["documents"] += 1
            elif kind == "bad":
                arch.write(b'{"id": "broken", "text": \n')
                counts["bad"] += 1
            else:
                truth.write(json.dumps(rec) + "\n")
                counts["reprints"] += 1
                counts["planted"] += bool(rec and rec["planted"])
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of documents")
    ap.add_argument("-o", "--output", type=Path, required=True, help="archive.jsonl[.gz|.zst]")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--reprint-rate", type=float, default=0.5)
    ap.add_argument("--plant-rate", type=float, default=0.5)
    ap.add_argument("--no-story-rate", type=float, default=0.0,
                    help="share of story copies whose records carry no 'story' (auto-clustered)")
    ap.add_argument("--bad-rate", type=float, default=0.0)
    ap.add_argument("--years", type=int, default=10, help="publication dates spread over this many years")
    a = ap.parse_args(argv)
    counts = write(a.n, a.output, seed=a.seed, reprint_rate=a.reprint_rate, plant_rate=a.plant_rate,
                   no_story_rate=a.no_story_rate, bad_rate=a.bad_rate, years=a.years)
    print(json.dumps({"archive": str(a.output), **counts}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
