"""One sentence, two figures: documents of one story that print a sentence word for word except
for one figure contradict each other on that figure (a reprint or a lightly edited wire copy
whose figure was changed: "... averaging 28,827 at the Emirates" vs "... averaging 43,240 ...").

The wording fixes the fact, so this needs no subject head and applies whatever the figure's
modality, event or scope ("about 600,000 people would be better off", "after 25 days"): both
documents say the same thing about it.  Precision first: the rest of the sentence (at least
:data:`MIN_FRAME` characters besides the figures) must be identical, exactly one figure differs,
the two are the same kind, unit family and bound, their intervals are disjoint and at most
:data:`MAX_RATIO` apart, both documents carry the same publication date (a running count
reworded on a later day is an update, judged by the fact-by-fact comparison), and the sentence
occurs once in each document.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from ..model import Document, Quantity
from . import facts

MAX_RATIO: Decimal = Decimal("2.5")
"""Two versions of one printed sentence further apart than this are taken to be a misread
figure, not a changed one (this rule only; the fact-by-fact comparison has no such veto)."""
MAX_COPIES = 32
"""Each document is compared with at most this many later documents printing the same sentence
(bounded work when a whole archive is one story)."""
MIN_FRAME = 30
"""Characters of identical wording (besides the figures) a sentence needs to fix the fact."""

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n\s*\n")
_WS = re.compile(r"\s+")

Slot = tuple[str, Quantity]
"""(text of a figure as printed, the quantity)."""


def _frames(doc: Document, quantities: Sequence[Quantity]) -> dict[str, tuple[Slot, ...]]:
    """Each body sentence with figures: its wording with the figures masked -> its figures.
    Sentences whose wording occurs twice in the document are left out."""
    text = doc.text
    qs = sorted((q for q in quantities if q.field == "text" and 0 <= q.start < q.end <= len(text)),
                key=lambda q: q.start)
    out: dict[str, tuple[Slot, ...]] = {}
    seen: set[str] = set()
    k = 0
    start = 0
    ends = [m.start() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    for end in ends:
        slots: list[Slot] = []
        while k < len(qs) and qs[k].start < end:
            if qs[k].start >= start and qs[k].end <= end:
                slots.append((text[qs[k].start:qs[k].end], qs[k]))
            k += 1
        if slots:
            parts, pos = [], start
            for _, q in slots:
                parts.append(text[pos:q.start])
                pos = q.end
            parts.append(text[pos:end])
            wording = [_WS.sub(" ", p).strip() for p in parts]
            if sum(len(w) for w in wording) >= MIN_FRAME:
                frame = "\x00".join(wording)
                if frame in seen:
                    out.pop(frame, None)
                else:
                    seen.add(frame)
                    out[frame] = tuple(slots)
        start = end
    return out


def _differing(a: tuple[Slot, ...], b: tuple[Slot, ...], tolerance: Decimal
               ) -> tuple[Quantity, Quantity] | None:
    diff = [(x, y) for x, y in zip(a, b) if x[0] != y[0]]
    if len(diff) != 1:
        return None
    (_, qa), (_, qb) = diff[0]
    if qa.kind != "figure" or qb.kind != "figure" or qa.bound != qb.bound:
        return None
    if facts.unit_family(qa) != facts.unit_family(qb) or qa.direction != qb.direction:
        return None
    r = facts.ratio(qa, qb)
    if r is None or r > MAX_RATIO:
        return None
    if not facts.conflicts(qa, qb, tolerance):
        return None
    return qa, qb


def verbatim_conflicts(docs: Sequence[tuple[Document, Sequence[Quantity]]], tolerance: Decimal
                       ) -> list[tuple[Document, Quantity, Document, Quantity]]:
    """(earlier document, its figure, later document, its figure) for each pair of documents
    (in the given order) and sentence they print alike but for one conflicting figure."""
    by_frame: dict[str, list[tuple[int, tuple[Slot, ...]]]] = defaultdict(list)
    dated: dict[object, int] = {}
    for doc, _ in docs:
        dated[doc.published] = dated.get(doc.published, 0) + 1
    # Only documents of one date are compared.  When every document's later ones all fit in
    # the window, a document alone on its date can be left out without moving any window.
    small = len(docs) <= MAX_COPIES + 1
    for i, (doc, qs) in enumerate(docs):
        if small and dated[doc.published] < 2:
            continue
        for frame, slots in _frames(doc, qs).items():
            by_frame[frame].append((i, slots))
    out: list[tuple[Document, Quantity, Document, Quantity]] = []
    for entries in by_frame.values():
        for x, (i, sa) in enumerate(entries):
            for j, sb in entries[x + 1:x + 1 + MAX_COPIES]:
                da, db = docs[i][0], docs[j][0]
                if da.id == db.id or da.published != db.published:
                    continue
                pair = _differing(sa, sb, tolerance)
                if pair is not None:
                    out.append((da, pair[0], db, pair[1]))
    return out
