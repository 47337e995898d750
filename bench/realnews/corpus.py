"""The fetched real-news corpora (JSONL, one article a line; see bench/realnews/README.md).

Each record: ``id``, ``source``, ``title``, ``text`` (paragraphs split by blank lines),
``published`` (``YYYY-MM-DD`` or null), ``story`` (cluster id or null), ``url``, ``collection``,
``split`` (``dev``/``test``).  Malformed lines are counted and skipped, never fatal.
"""

from __future__ import annotations

import datetime as _dt
import json
import random
from dataclasses import dataclass
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / ".data" / "realnews"
DEFAULT_CORPORA: tuple[str, ...] = ("articles.jsonl", "clusters.jsonl")
REBUILD = "rebuild with python bench/realnews/build.py"


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    text: str
    source: str | None
    published: _dt.date | None
    story: str | None
    split: str
    collection: str | None = None

    def field(self, name: str) -> str:
        return self.title if name == "title" else self.text


@dataclass
class Corpus:
    path: Path
    articles: list[Article]
    bad_lines: int = 0

    @property
    def name(self) -> str:
        return self.path.name

    def by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    def stories(self) -> dict[str, list[Article]]:
        out: dict[str, list[Article]] = {}
        for a in self.articles:
            if a.story:
                out.setdefault(a.story, []).append(a)
        return {k: v for k, v in out.items() if len(v) >= 2}


def _date(v: object) -> _dt.date | None:
    if not isinstance(v, str) or not v:
        return None
    try:
        return _dt.date.fromisoformat(v[:10])
    except ValueError:
        return None


def load(path: str | Path) -> Corpus:
    """Read one corpus file (raises FileNotFoundError when it is missing)."""
    p = Path(path)
    articles: list[Article] = []
    bad = 0
    seen: set[str] = set()
    with p.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            try:
                r = json.loads(line)
                aid = str(r["id"])
                text = r.get("text") or ""
                if not isinstance(text, str) or aid in seen:
                    raise ValueError(aid)
            except (ValueError, KeyError, TypeError):
                bad += 1
                continue
            seen.add(aid)
            articles.append(Article(
                id=aid, title=str(r.get("title") or ""), text=text,
                source=r.get("source") or None, published=_date(r.get("published")),
                story=r.get("story") or None, split=str(r.get("split") or "dev"),
                collection=r.get("collection") or None,
            ))
    return Corpus(p, articles, bad)


def sample(corpus: Corpus, limit: int | None, seed: int) -> Corpus:
    """At most ``limit`` articles, chosen by ``seed`` (whole stories kept together)."""
    if limit is None or len(corpus.articles) <= limit:
        return corpus
    rng = random.Random(seed)
    units: dict[str, list[Article]] = {}
    for a in corpus.articles:
        units.setdefault(a.story or f"\0{a.id}", []).append(a)
    keys = sorted(units)
    rng.shuffle(keys)
    chosen: list[Article] = []
    for k in keys:
        if len(chosen) >= limit:
            break
        chosen.extend(units[k])
    order = {a.id: i for i, a in enumerate(corpus.articles)}
    chosen.sort(key=lambda a: order[a.id])
    return Corpus(corpus.path, chosen, corpus.bad_lines)


def skipped(measure: str, path: str | Path) -> str:
    return f"skipped: {measure}: {path} not found; {REBUILD}"


def load_present(names: Sequence[str], measure: str,
                 say: Callable[[str], object] = print) -> list[Corpus]:
    """The corpora named (default: ``DEFAULT_CORPORA`` under ``DATA``) that exist, loaded; a
    missing one is said as a ``skipped`` line for ``measure``."""
    out = []
    for p in [Path(n) for n in names] or [DATA / n for n in DEFAULT_CORPORA]:
        if p.exists():
            out.append(load(p))
        else:
            say(skipped(measure, p))
    return out
