"""``figcheck check DRAFT --against figcheck.db``: the published figures a draft contradicts.

For each draft: extract its quantities; find its stories in the database -- the draft's own
``story`` if it has one, otherwise the stories of the archived documents sharing the most story
features with it (same thresholds, weights and stop-feature rule as batch clustering, within
``config.story_window_days`` of the draft's date when it has one).  A draft too short to name a
story that way (fewer linking features than clustering needs, e.g. one sentence naming one place)
is matched on its subject instead: the archived documents that share *every* one of its linking
features.  Then load only those stories' claims whose ``claim_key`` the draft also has (an
indexed lookup), and run the comparator's ``across`` on the draft plus those documents.  Only findings involving the draft are returned, so
the archive's own disagreements are not repeated.  :func:`compare` also says, per draft, which
stories it was matched to and how many archived documents were compared
(:class:`~figcheck.model.ArchiveMatch`), so that "no story matched" is never silent.
"""

from __future__ import annotations

import datetime as _dt
import sqlite3
from collections.abc import Sequence

from ..config import Config
from ..model import ArchiveMatch, Document, Finding, Quantity
from . import stories as _stories
from .store import connect, quantity_from_json
from .toolkit import DEFAULT, resolve
from .work import document

MAX_STORIES = 3
MAX_DOCS = 200
"""Most recent archived documents compared per story."""


def _candidate_stories(
    conn: sqlite3.Connection, draft: Document, feats: frozenset[str], window: int
) -> list[tuple[str | None, int]]:
    """``(story_key, doc_pk)`` of the best-matching archived documents' stories (a document
    without a story stands for itself)."""
    if draft.story:
        row = conn.execute("SELECT 1 FROM documents WHERE story_key=? LIMIT 1", (draft.story,)).fetchone()
        return [(draft.story, 0)] if row else []
    if not feats:
        return []
    n_docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0] or 0
    limit = _stories.df_limit(n_docs)
    df: dict[str, int] = {}
    for f in sorted(feats):
        df[f] = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM features WHERE feature=? LIMIT ?)", (f, limit + 1)
        ).fetchone()[0]
    usable = [f for f in sorted(feats) if df[f] <= limit]
    need, overlap = _stories.MIN_SHARED, _stories.MIN_OVERLAP
    if 0 < len(usable) < need:
        # too short to name a story: same subject = every one of its features (the claim keys
        # are matched when the members are loaded)
        need, overlap = len(usable), 1.0
    # the draft counts as one more document carrying each of its features
    weights = _stories.Weights({f: n + 1 for f, n in df.items()}, n_docs + 1)
    idf = {f: weights.idf(f) for f in usable}
    own = sum(idf.values())
    counts: dict[int, int] = {}
    mass: dict[int, float] = {}
    present = [f for f in usable if df[f] > 0]
    if len(present) < need or own <= 0:
        return []
    marks = ",".join("?" * len(present))
    for pk, f in conn.execute(
        f"SELECT doc_pk, feature FROM features WHERE feature IN ({marks})", present
    ):
        counts[pk] = counts.get(pk, 0) + 1
        mass[pk] = mass.get(pk, 0.0) + idf[f]
    scored = sorted(
        (pk for pk, n in counts.items()
         if n >= need and mass[pk] / own >= overlap - 1e-9),
        key=lambda pk: (-mass[pk], -pk),
    )[:50]
    out: list[tuple[str | None, int]] = []
    seen: set[str | int] = set()
    for pk in scored:
        key, published = conn.execute(
            "SELECT story_key, published FROM documents WHERE doc_pk=?", (pk,)
        ).fetchone()
        if draft.published and published:
            gap = abs((draft.published - _dt.date.fromisoformat(published)).days)
            if gap > 0 and gap > window:
                continue
        marker = key if key is not None else pk
        if marker in seen:
            continue
        seen.add(marker)
        out.append((key, pk))
        if len(out) >= MAX_STORIES:
            break
    return out


def against(
    db_path: str, documents: Sequence[Document], config: Config, *, toolkit: str = DEFAULT
) -> list[Finding]:
    return compare(db_path, documents, config, toolkit=toolkit)[0]


def compare(
    db_path: str, documents: Sequence[Document], config: Config, *, toolkit: str = DEFAULT
) -> tuple[list[Finding], list[ArchiveMatch]]:
    """The findings involving each draft, and per draft what it was matched to and compared with
    (:class:`~figcheck.model.ArchiveMatch`: stories, archived and compared document counts)."""
    tk = resolve(toolkit)
    conn = connect(db_path, create=False)
    try:
        findings: list[Finding] = []
        matches: list[ArchiveMatch] = []
        for draft in documents:
            qs = tk.extract(draft.text, title=draft.title)
            if not qs:
                matches.append(ArchiveMatch(document=draft.id, database=db_path))
                continue
            keys = sorted({tk.key(q) for q in qs})
            feats = frozenset(f for f in tk.story_features(draft, qs) if tk.linkable(f))
            marks = ",".join("?" * len(keys))
            members: dict[int, tuple[Document, list[Quantity]]] = {}
            stories: list[str] = []
            unlinked: list[int] = []
            archived: set[int] = set()
            for story_key, pk in _candidate_stories(conn, draft, feats, config.story_window_days):
                if story_key is not None:
                    stories.append(story_key)
                    pks = [
                        r[0]
                        for r in conn.execute(
                            "SELECT doc_pk FROM documents WHERE story_key=?"
                            " ORDER BY published DESC, doc_pk DESC LIMIT ?",
                            (story_key, MAX_DOCS),
                        )
                    ]
                else:
                    unlinked.append(pk)
                    pks = [pk]
                archived.update(pks)
                for doc_pk in pks:
                    if doc_pk in members:
                        continue
                    qjs = [
                        r[0]
                        for r in conn.execute(
                            f"SELECT json FROM quantities WHERE doc_pk=? AND claim_key IN ({marks})"
                            " ORDER BY idx",
                            (doc_pk, *keys),
                        )
                    ]
                    if not qjs:
                        continue
                    row = conn.execute(
                        "SELECT id, text, title, source, published, url, story, desk, origin"
                        " FROM documents WHERE doc_pk=?",
                        (doc_pk,),
                    ).fetchone()
                    members[doc_pk] = (document(tuple(row)), [quantity_from_json(j) for j in qjs])
            matches.append(ArchiveMatch(
                document=draft.id, database=db_path, stories=tuple(stories),
                unlinked=tuple(conn.execute("SELECT id FROM documents WHERE doc_pk=?",
                                            (pk,)).fetchone()[0] for pk in unlinked),
                archived=len(archived), compared=len(members), figures=len(qs),
            ))
            if not members:
                continue
            group = [(draft, qs), *members.values()]
            for f in tk.across(group, config):
                docs = {c.doc for c in f.claims}
                if draft.id in docs and len(docs) > 1:
                    findings.append(f)
        return findings, matches
    finally:
        conn.close()
