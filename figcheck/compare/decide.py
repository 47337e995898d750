"""Do two figures state the same fact?  A scored decision over their claim frames.

:func:`same_fact` compares each slot of the two frames (:class:`figcheck.model.Frame`) as
``same``, ``compatible`` (given on one side only), ``different`` or ``unknown`` (given on
neither), adds the log-odds weight of each state (``figcheck/data/weights.toml``, fitted by
``bench/calibrate.py``) and returns the probability with the slot states.  The text is never
read again: everything comes from the frames, the figures' values and units, and the documents'
metadata (publication dates, to resolve "on Monday" and "yesterday").

Hard constraints, only for what logically excludes one fact:

* ``currency``: figures in different currencies (and ``unit``: different dimensions);
* ``plan``: an announced plan against an outcome ("will rise 12%" / "rose 15%");
* ``period``: disjoint absolute times ("in 2022" / "in 2023"; Monday's against Tuesday's);
* ``part``: a detected part against the whole ("16 of them" / "43 injured");
* ``siblings``: two figures of one sentence (or one list), which name different members;
* ``moment``: a time-varying measure (temperatures, prices, index levels, rates, polls) at two
  times that are not stated to be one (between documents, also when one is not stated).

A forecast or possibility against a statement ("could reach 100" / "30") is no constraint: the
``stance`` slot scores it (on the dev pairs, 35 labelled same had a modal side against 118
labelled different; the fit decides).

The ratio of the two values is at most a weak feature (``ratio`` weight per power of ten).
Besides the slots, the score reads how much the two figures' sentences share (``lexical``: the
overlap of the frames' ``context`` words, which the parser fills; a fact told twice is told with
the same words, two facts of one noun seldom are), whether the figures are in one article
(``within``), how many paragraphs apart (``distance``) and whether in neighbouring sentences
(``adjacent``).
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..model import Document, Frame, Quantity
from ..vocabulary import vocabulary

TIME_VARYING: frozenset[str] = frozenset(vocabulary().words("class", "time_varying"))
"""Measures that change by the hour: two figures meet only at one stated time (the vocabulary's
class "time_varying")."""
SLOT_NAMES: tuple[str, ...] = ("measure", "holder", "event", "aggregation", "place", "time",
                               "stance", "attribution", "unit")
NUMERIC: tuple[str, ...] = ("ratio", "distance", "within", "lexical", "adjacent")
"""The numeric features, one weight each (see :class:`Weights`)."""
LEXICAL_WORDS: int = 12
"""How many of each frame's context words (the nearest) the ``lexical`` overlap compares."""
STATES: tuple[str, ...] = ("same", "compatible", "different", "unknown")


@dataclass(frozen=True)
class Weights:
    bias: float
    threshold: float
    ratio: float
    distance: float
    within: float
    slots: Mapping[str, Mapping[str, float]]
    source: str = ""
    lexical: float = 0.0
    """Per unit of the two sentences' word overlap (Dice coefficient of the nearest
    :data:`LEXICAL_WORDS` content words, 0..1)."""
    adjacent: float = 0.0
    """For two figures of neighbouring sentences of one article field."""

    def to_toml(self) -> str:
        lines = [
            "# Weights of the \"same fact\" decision (figcheck/compare/decide.py): log-odds added "
            "per slot state.",
            "# score = sigmoid(bias + sum of the weights of each slot's state + ratio * "
            "log10(value ratio)",
            "#   + distance * log2(1 + paragraphs apart) + within [one article] + lexical * "
            "word overlap + adjacent [neighbouring sentences]).",
            f"source = {_toml_str(self.source)}",
            f"bias = {self.bias:.4f}",
            f"threshold = {self.threshold:.4f}",
            f"ratio = {self.ratio:.4f}",
            f"distance = {self.distance:.4f}",
            f"within = {self.within:.4f}",
            f"lexical = {self.lexical:.4f}",
            f"adjacent = {self.adjacent:.4f}",
        ]
        for slot in SLOT_NAMES:
            lines.append("")
            lines.append(f"[{slot}]")
            for st in STATES:
                lines.append(f"{st} = {self.slots.get(slot, {}).get(st, 0.0):.4f}")
        return "\n".join(lines) + "\n"


def _toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def parse_weights(data: Mapping[str, Any]) -> Weights:
    slots = {}
    for slot in SLOT_NAMES:
        raw = data.get(slot, {})
        slots[slot] = MappingProxyType({st: float(raw.get(st, 0.0)) for st in STATES})
    return Weights(bias=float(data.get("bias", 0.0)), threshold=float(data.get("threshold", 0.5)),
                   ratio=float(data.get("ratio", 0.0)),
                   distance=float(data.get("distance", 0.0)),
                   within=float(data.get("within", 0.0)), slots=MappingProxyType(slots),
                   source=str(data.get("source", "")), lexical=float(data.get("lexical", 0.0)),
                   adjacent=float(data.get("adjacent", 0.0)))


WEIGHTS_ENV: str = "FIGCHECK_WEIGHTS"
"""Environment variable naming another weights file (one ``bench/calibrate.py --out`` wrote, or
the hand-set weights some tests of what is done with a finding pin)."""


def weights() -> Weights:
    """The package's weights (``figcheck/data/weights.toml``), or those of the file
    ``$FIGCHECK_WEIGHTS`` names; each file is read once."""
    return _weights_from(os.environ.get(WEIGHTS_ENV) or "")


@functools.lru_cache(maxsize=4)
def _weights_from(path: str) -> Weights:
    if path:
        raw = Path(path).read_bytes()
    else:
        raw = resources.files("figcheck").joinpath("data/weights.toml").read_bytes()
    return parse_weights(tomllib.loads(raw.decode("utf-8")))


@dataclass(frozen=True)
class Decision:
    """:func:`same_fact`'s answer."""

    score: float
    """Probability that the two figures state the same fact (0..1)."""
    same: bool
    """``score`` at or above the operating threshold, and no hard constraint fired."""
    slots: Mapping[str, str]
    """Slot -> ``same`` / ``compatible`` / ``different`` / ``unknown``."""
    vetoes: tuple[str, ...] = ()
    """The hard constraints that exclude one fact (``currency``, ``plan``, ``period``, ``part``,
    ``siblings``, ``unit``, ``kind``); the score is then 0."""
    features: Mapping[str, float] = field(default_factory=dict)
    """The features the score is made of (``slot=state`` -> 1, ``ratio`` -> log10 of the value
    ratio, ``distance`` -> log2 of 1 + the paragraphs between two figures of one article,
    ``within`` -> 1 for two figures of one article, ``lexical`` -> the word overlap of their
    sentences, ``adjacent`` -> 1 for neighbouring sentences), for calibration."""

    def matched(self) -> tuple[str, ...]:
        """The slots that are the same on both sides."""
        return tuple(s for s in SLOT_NAMES if self.slots.get(s) == "same")


_WS = re.compile(r"\s+")
_STOP: frozenset[str] = frozenset(
    """the a an in on at of for from to by since until during within across near inside
    throughout region area province county district city state 's""".split())
_HEAD_SYNONYMS: Mapping[str, str] = MappingProxyType({
    "hen": "bird", "chicken": "bird", "poultry": "bird", "fowl": "bird", "kid": "child",
    "youngster": "child", "fatality": "death toll", "fatalities": "death toll",
    "dead": "death toll", "death": "death toll", "deaths": "death toll", "toll": "death toll",
    "house": "home", "household": "home", "dwelling": "home",
    "post": "job", "role": "job", "position": "job", "automobile": "car", "pupil": "student",
    "schoolchild": "student", "people": "person"})
_GENERIC_SOURCE: frozenset[str] = frozenset(
    """officials official sources source spokesman spokeswoman spokesperson authorities state
    national local government said says told according statement figures data report the a an
    of in""".split())


def _tokens(s: str | None, stop: frozenset[str] = _STOP) -> frozenset[str]:
    if not s:
        return frozenset()
    words = re.findall(r"[a-z0-9][a-z0-9'-]*", s.lower().replace("\u2019", "'"))
    return frozenset(w.removesuffix("'s") for w in words) - stop


def _measure(m: str | None) -> str | None:
    if not m:
        return None
    n = _WS.sub(" ", m.strip().lower())
    return _HEAD_SYNONYMS.get(n, n)


def _cmp_measure(a: str | None, b: str | None) -> str:
    ma, mb = _measure(a), _measure(b)
    if ma is None and mb is None:
        return "unknown"
    if ma is None or mb is None:
        return "compatible"
    if ma == mb:
        return "same"
    return "different"  # "core inflation" / "inflation": a narrowing word names another measure


def _cmp_tokens(a: str | None, b: str | None, stop: frozenset[str] = _STOP) -> str:
    ta, tb = _tokens(a, stop), _tokens(b, stop)
    if not ta and not tb:
        return "unknown"
    if not ta or not tb:
        return "compatible"
    if ta & tb:
        return "same"
    return "different"


def _named(f: Frame) -> bool:
    """Whether a frame's holder is a name, not a common noun ("the ferry"): one of its words is
    among the frame's context words with a capital (the holder itself is lower case)."""
    words = _tokens(f.holder)
    return any(w[:1].isupper() and w.lower() in words for w in f.context)


def _cmp_holder(fa: Frame, fb: Frame) -> str:
    """As :func:`_cmp_tokens`, but a common-noun holder ("the ferry") against a named one
    ("the Estonia") is ``compatible``: the noun may be how the other report refers to the name."""
    st = _cmp_tokens(fa.holder, fb.holder)
    if st == "different" and _named(fa) != _named(fb):
        return "compatible"
    return st


def _cmp_place(a: str | None, b: str | None) -> str:
    ta, tb = _tokens(a), _tokens(b)
    if not ta and not tb:
        return "unknown"
    if not ta or not tb:
        return "compatible"
    if ta <= tb or tb <= ta:
        return "same"  # "Kursk" / "Kursk region"
    return "different"


def _cmp_value(a: str | None, b: str | None) -> str:
    if a is None and b is None:
        return "unknown"
    if a is None or b is None:
        return "compatible"
    return "same" if a == b else "different"


def _cmp_event(a: str | None, b: str | None) -> str:
    """The same event class (or verb), or different ones ("evacuated" / "lifted")."""
    st = _cmp_value(a, b)
    if st == "different" and a and b and a[:5] == b[:5]:
        return "same"  # two spellings of one verb the vocabulary does not list
    return st


_WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                              "sunday")


def _resolve(time: str | None, published: _dt.date | None) -> tuple[_dt.date, _dt.date] | None:
    """A relative time ("on Monday", "yesterday", "last year") as dates, against the
    publication date."""
    if not time or published is None:
        return None
    t = time.lower()
    words = set(re.findall(r"[a-z]+", t))
    if "yesterday" in words:
        d = published - _dt.timedelta(days=1)
        return d, d
    if words & {"today", "tonight"}:
        return published, published
    if "year" in words and "last" in words:
        return _dt.date(published.year - 1, 1, 1), _dt.date(published.year - 1, 12, 31)
    if "year" in words and "this" in words:
        return _dt.date(published.year, 1, 1), _dt.date(published.year, 12, 31)
    days = [i for i, w in enumerate(_WEEKDAYS) if w in words]
    if len(days) == 1 and not words & {"next", "coming"}:
        back = (published.weekday() - days[0]) % 7
        d = published - _dt.timedelta(days=back)
        return d, d
    return None


def _absolute(f: Frame) -> tuple[_dt.date, _dt.date] | None:
    if f.period_start is not None and f.period_end is not None:
        return f.period_start, f.period_end
    return None


def _period(f: Frame, doc: Document) -> tuple[_dt.date, _dt.date] | None:
    return _absolute(f) or _resolve(f.time, doc.published)


def _cmp_time(fa: Frame, fb: Frame, da: Document, db: Document) -> tuple[str, bool]:
    """(state, disjoint absolute periods)."""
    pa, pb = _period(fa, da), _period(fb, db)
    if pa is not None and pb is not None:
        if pa[1] < pb[0] or pb[1] < pa[0]:
            return "different", True
        return "same", False
    aa, ab = _absolute(fa), _absolute(fb)
    if (aa is None) != (ab is None):
        # an absolute period on one side only: the other figure is the report's own news, unless its
        # report was published within the period ("in 1988, 45 people were killed" is another
        # event than today's seven dead)
        period = aa if aa is not None else ab
        other_doc = db if aa is not None else da
        assert period is not None
        if other_doc.published is not None and period[0] <= other_doc.published <= period[1]:
            return "compatible", False
        return "different", False
    if pa is not None or pb is not None:
        return "compatible", False
    if da is not db and (da.id != db.id):
        # between documents a relative time names a different day in each: compare only text
        # that names the same time in both
        ta, tb = _tokens(fa.time), _tokens(fb.time)
        if ta and tb and ta == tb:
            return "same", False
        if ta or tb:
            return "compatible", False
        return "unknown", False
    return _cmp_place(fa.time, fb.time), False  # "Monday" / "Monday morning"; not "last week" /
    # "this week"


def _unit_family(q: Quantity) -> str:
    if q.dimension == "currency":
        return f"currency:{q.unit or '?'}"
    if q.base is not None and q.base_unit:
        return f"{q.dimension}:{q.base_unit}"
    return f"{q.dimension}:{q.unit or ''}"


def _ratio(a: Quantity, b: Quantity) -> float:
    x = a.base.low if a.unit != b.unit and a.base and b.base else a.value.low
    y = b.base.low if a.unit != b.unit and a.base and b.base else b.value.low
    if x is None or y is None or x <= 0 or y <= 0:
        return 0.0
    r = max(x, y) / min(x, y)
    return math.log10(float(r)) if r < Decimal("1e300") else 300.0


def _same_source(a: str | None, b: str | None) -> str:
    return _cmp_tokens(a, b, _STOP | _GENERIC_SOURCE) if (a and b) else _cmp_tokens(a, b)


def _stance(f: Frame) -> str:
    return f.stance


def slot_states(a: Quantity, b: Quantity, doc_a: Document, doc_b: Document
                ) -> tuple[dict[str, str], list[str]]:
    """Each slot's state and the hard constraints that fire."""
    fa, fb = a.frame, b.frame
    vetoes: list[str] = []
    slots: dict[str, str] = {}
    ua, ub = _unit_family(a), _unit_family(b)
    if ua == ub:
        slots["unit"] = "same"
    elif a.dimension == b.dimension == "currency":
        slots["unit"] = "different"
        vetoes.append("currency")
    elif a.dimension != b.dimension:
        slots["unit"] = "different"
        vetoes.append("unit")
    else:
        slots["unit"] = "compatible"
    slots["measure"] = _cmp_measure(fa.measure, fb.measure)
    slots["holder"] = _cmp_holder(fa, fb)
    slots["event"] = _cmp_event(fa.event, fb.event)
    aa, ab = fa.aggregation, fb.aggregation
    if aa == ab:
        slots["aggregation"] = "same"
    else:
        slots["aggregation"] = "different"
        if {aa, ab} == {"part", "total"}:
            vetoes.append("part")
    slots["place"] = _cmp_place(fa.place, fb.place)
    if (slots["place"] == "compatible" and doc_a.id == doc_b.id and aa == ab == "change"
            and a.field == b.field == "text"):
        # "exports rose 7.3%" / "exports to China rose 3.1%": a part's own change
        slots["place"] = "different"
    slots["time"], disjoint = _cmp_time(fa, fb, doc_a, doc_b)
    if disjoint:
        vetoes.append("period")
    elif slots["time"] != "same":
        # a time-varying measure (a temperature, a price) at two times that are not one
        varies_a = a.dimension == "temperature" or (_measure(fa.measure) or "") in TIME_VARYING
        varies_b = (_measure(fb.measure) or "") in TIME_VARYING
        if doc_a.id == doc_b.id:
            if (varies_a or varies_b) and slots["time"] != "unknown":
                vetoes.append("moment")
        elif varies_a:  # between documents also when a time is not stated
            vetoes.append("moment")
    sa, sb = _stance(fa), _stance(fb)
    if sa == sb:
        slots["stance"] = "same"
    else:
        slots["stance"] = "different"
        if {sa, sb} == {"plan", "asserted"}:
            vetoes.append("plan")
    slots["attribution"] = _same_source(fa.attribution, fb.attribution)
    if doc_a.id == doc_b.id and a.field == b.field and a.sentence == b.sentence and (
            "converted" not in fa.discourse and "converted" not in fb.discourse):
        vetoes.append("siblings")
    elif doc_a.id == doc_b.id and a.field == b.field and a.paragraph == b.paragraph and (
            "listed" in fa.discourse and "listed" in fb.discourse):
        vetoes.append("siblings")
    return slots, vetoes


def features(a: Quantity, b: Quantity, doc_a: Document, doc_b: Document
             ) -> tuple[dict[str, float], list[str], dict[str, str]]:
    """(features, vetoes, slot states) of a pair: ``slot=state`` one-hot and the numeric
    features (:data:`NUMERIC`)."""
    slots, vetoes = slot_states(a, b, doc_a, doc_b)
    # headlines compress: a slot the headline leaves out says nothing
    headline = a.field == "title" or b.field == "title"
    feats: dict[str, float] = {
        f"{s}={'unknown' if headline and st == 'compatible' else st}": 1.0
        for s, st in slots.items()}
    feats["ratio"] = _ratio(a, b)
    if doc_a.id == doc_b.id and a.field == b.field == "text":
        # an article's body rarely states one fact twice; two figures of one noun in it are
        # more often two facts than two reports of one fact are (a headline restates its body)
        feats["within"] = 1.0
    if doc_a.id == doc_b.id and a.field == b.field == "text":
        # within one article, a restatement is usually near; a figure many paragraphs on is
        # more often another item of a list-like article
        feats["distance"] = math.log2(1 + abs(a.paragraph - b.paragraph))
    if doc_a.id == doc_b.id and a.field == b.field and abs(a.sentence - b.sentence) == 1:
        # the next sentence rarely restates a figure: it adds the next one ("... 12 were
        # injured. Three of them ...")
        feats["adjacent"] = 1.0
    # what the two sentences say besides the figure: the same fact is told with the same words
    # (names alone were tried as a slot, shared / different / one side: on the dev pairs they
    # added nothing the overlap, which counts names among the words, does not say)
    feats["lexical"] = lexical_overlap(a.frame, b.frame)
    return feats, vetoes, slots


def _words(f: Frame, n: int | None = None) -> frozenset[str]:
    return frozenset(w.lower() for w in f.context[:n])


def lexical_overlap(fa: Frame, fb: Frame) -> float:
    """Dice coefficient of the two frames' nearest :data:`LEXICAL_WORDS` context words (0 when
    either has none)."""
    wa, wb = _words(fa, LEXICAL_WORDS), _words(fb, LEXICAL_WORDS)
    if not wa or not wb:
        return 0.0
    return 2 * len(wa & wb) / (len(wa) + len(wb))


def score_of(feats: Mapping[str, float], w: Weights) -> float:
    z = (w.bias + w.ratio * feats.get("ratio", 0.0) + w.distance * feats.get("distance", 0.0)
         + w.within * feats.get("within", 0.0) + w.lexical * feats.get("lexical", 0.0)
         + w.adjacent * feats.get("adjacent", 0.0))
    for k, v in feats.items():
        if "=" in k:
            slot, st = k.split("=", 1)
            z += w.slots.get(slot, {}).get(st, 0.0) * v
    if z > 40:
        return 1.0
    if z < -40:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def same_fact(a: Quantity, b: Quantity, doc_a: Document, doc_b: Document,
              w: Weights | None = None, *, over_time: bool = False) -> Decision:
    """Whether figures ``a`` (of ``doc_a``) and ``b`` (of ``doc_b``) state the same fact, from
    their frames (see the module docstring).  ``over_time``: whether they state the same
    running count at any time (the period is then no constraint and the time slot not scored:
    how an update between two reports is recognised)."""
    w = w or weights()
    feats, vetoes, slots = features(a, b, doc_a, doc_b)
    if over_time:
        vetoes = [v for v in vetoes if v != "period"]
        feats = {k: v for k, v in feats.items() if not k.startswith("time=")}
        feats["time=unknown"] = 1.0
    if a.kind != b.kind:
        vetoes.append("kind")
    score = 0.0 if vetoes else score_of(feats, w)
    return Decision(score=round(score, 4), same=not vetoes and score >= w.threshold,
                    slots=MappingProxyType(slots), vetoes=tuple(vetoes),
                    features=MappingProxyType(feats))
