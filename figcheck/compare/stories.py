"""Grouping documents into stories for cross-source comparison.

Records that carry ``story`` are grouped by it.  Records without one are clustered (``auto``):

* each document's *features* (:func:`story_features`) are the named entities of its title and body
  (capitalised words and phrases that do not start a sentence, e.g. ``e:kursk``,
  ``e:north korean``) plus its subject heads (``h:troop``, not used for linking);
* candidate pairs come only from shared entity features (an inverted index; features carried by
  more than :data:`MAX_POSTING` documents or by most of the run are ignored as uninformative), so
  the work is never all pairs of the run;
* two documents are linked when they are published within ``config.story_window_days`` of each
  other (or either date is unknown: a draft being written is undated), share at least :data:`MIN_SHARED` informative entities, and the shared entities
  carry at least :data:`MIN_OVERLAP` of the smaller document's entity weight (inverse document
  frequency); links are taken strongest first and a story never grows past :data:`MAX_STORY`
  documents, so loosely related reports do not chain into one story.

The story key of a cluster is ``auto:<smallest doc id>``; documents left alone get ``auto:<id>``.
The result is independent of the order the documents come in.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
import datetime as _dt

from ..config import Config
from ..model import Document, Quantity
from .facts import norm_head

MAX_POSTING = 200
MIN_SHARED = 2
MIN_OVERLAP = 0.3
MAX_STORY = 12
"""A story grows by its strongest links first and never past this many documents: one event's
coverage in an archive, not a chain of loosely related reports."""

_CAP_PHRASE = re.compile(r"[A-Z][\w'\u2019-]*(?:[ \t]+(?:of[ \t]+|de[ \t]+|the[ \t]+)?[A-Z][\w'\u2019-]*){0,3}")
_SENT_START = re.compile(r"(?:^|[.!?:;\"\u201c\u201d]\s+|\n\s*|\(\s*|-\s+)$")

_STOP = frozenset(
    """a an the and or but if in on at of for to from by with as into after before over under
    he she it they we you i his her its their our this that these those there here who what when
    where which why how mr mrs ms dr prof sir st monday tuesday wednesday thursday friday saturday
    sunday january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec according however meanwhile also officials
    police government president minister spokesman spokeswoman said says reuters ap afp bbc
    associated press agence france-presse news ministry statement report reports reported
    earlier later today yesterday tomorrow last next""".split()
)


@dataclass(frozen=True, slots=True)
class StoryItem:
    """What story assignment needs of a document (lets the batch job pass stored features)."""

    id: str
    published: _dt.date | None = None
    story: str | None = None
    features: frozenset[str] = frozenset()


def _entities(text: str) -> set[str]:
    out: set[str] = set()
    for m in _CAP_PHRASE.finditer(text):
        before = text[max(0, m.start() - 3):m.start()]
        if m.start() == 0 or _SENT_START.search(before):
            # sentence-initial: keep only the part after the first word
            words = m.group(0).split()
            if len(words) < 2:
                continue
            phrase = " ".join(words[1:])
        else:
            phrase = m.group(0)
        words = [w for w in phrase.lower().replace("\u2019", "'").split()]
        while words and words[0] in _STOP:
            words.pop(0)
        while words and words[-1] in _STOP:
            words.pop()
        if not words:
            continue
        ent = " ".join(words)
        if ent.endswith("'s"):
            ent = ent[:-2]
        if len(ent) < 2 or ent.isdigit():
            continue
        out.add(ent)
        if len(words) > 1:
            out.update(w.removesuffix("'s") for w in words if w not in _STOP and len(w) > 2)
    return out


def story_features(doc: Document, quantities: Sequence[Quantity] = ()) -> frozenset[str]:
    """Features used to put documents without a ``story`` into stories: ``e:<entity>`` for named
    entities of the title and body, ``h:<head>`` for the subject heads of its figures."""
    feats = {f"e:{e}" for e in _entities(doc.title or "")}
    feats |= {f"e:{e}" for e in _entities(doc.text)}
    for q in quantities:
        head = norm_head(q.subject.head)
        if head:
            feats.add(f"h:{head}")
    return frozenset(feats)


def _as_item(x: object) -> StoryItem:
    if isinstance(x, StoryItem):
        return x
    if isinstance(x, Document):
        return StoryItem(x.id, x.published, x.story, story_features(x, ()))
    if isinstance(x, tuple) and len(x) == 2 and isinstance(x[0], Document):
        doc, qs = x
        return StoryItem(doc.id, doc.published, doc.story, story_features(doc, qs))
    raise TypeError(f"cannot assign a story to {type(x).__name__}")


def assign_stories(
    items: Iterable[Document | tuple[Document, Sequence[Quantity]] | StoryItem],
    config: Config | None = None,
) -> dict[str, str]:
    """Doc id -> story key.  ``config.stories``: ``field`` uses only records' ``story`` (others are
    alone), ``none`` puts everything in one story, ``auto`` (default) clusters records without a
    ``story`` (see the module docstring)."""
    config = config or Config()
    its = [_as_item(x) for x in items]
    if config.stories == "none":
        return {it.id: "all" for it in its}
    out: dict[str, str] = {}
    loose: list[StoryItem] = []
    for it in its:
        if it.story:
            out[it.id] = f"story:{it.story}"
        elif config.stories == "field":
            out[it.id] = f"doc:{it.id}"
        else:
            loose.append(it)
    if loose:
        out.update(_cluster(loose, config.story_window_days))
    return out


def _cluster(items: list[StoryItem], window: int) -> dict[str, str]:
    items = sorted(items, key=lambda it: it.id)
    n = len(items)
    ents = [frozenset(f for f in it.features if f.startswith("e:")) for it in items]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, fs in enumerate(ents):
        for f in fs:
            postings[f].append(i)
    limit = min(MAX_POSTING, max(3, n // 2))
    idf = {f: math.log((n + 1) / len(p)) + 0.1 for f, p in postings.items()}
    weight = [sum(idf[f] for f in fs if len(postings[f]) <= limit) for fs in ents]
    shared: dict[tuple[int, int], list[float]] = defaultdict(lambda: [0, 0.0])
    for f, p in postings.items():
        if len(p) < 2 or len(p) > limit:
            continue
        w = idf[f]
        for x, i in enumerate(p):
            for j in p[x + 1:]:
                acc = shared[(i, j)]
                acc[0] += 1
                acc[1] += w
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    size = [1] * n
    links: list[tuple[float, int, int]] = []
    for (i, j), (count, w) in shared.items():
        if count < MIN_SHARED:
            continue
        da, db = items[i].published, items[j].published
        if da is not None and db is not None and abs((da - db).days) > window:
            continue
        smaller = min(weight[i], weight[j])
        if smaller <= 0 or w / smaller < MIN_OVERLAP:
            continue
        links.append((w / smaller, i, j))
    links.sort(key=lambda t: (-t[0], t[1], t[2]))
    for _, i, j in links:
        ri, rj = find(i), find(j)
        if ri != rj and size[ri] + size[rj] <= MAX_STORY:
            root, other = min(ri, rj), max(ri, rj)
            parent[other] = root
            size[root] += size[other]
    return {it.id: f"auto:{items[find(i)].id}" for i, it in enumerate(items)}
