"""When two figures state the same fact, and when they cannot both be true.

A *fact* is identified by the subject head, the event, the unit family (same currency, or same
dimension with a base unit), place, time, scope, modality and direction of a figure.  The index key
(:func:`claim_key`) holds only the parts that must match exactly (head and unit family); the finer
qualifiers are compared pairwise inside one key bucket by :func:`same_fact`, which returns a
confidence factor (1.0 = certainly the same fact, lower when a qualifier is missing on one side) or
``None`` when the figures are about different things.

Two figures of the same fact *conflict* when their comparison intervals are disjoint
(:func:`conflicts`); the intervals come from :mod:`figcheck.intervals` and respect the configured
tolerance.
"""

from __future__ import annotations

import re
from decimal import Decimal
from types import MappingProxyType

from ..intervals import DEFAULT_TOLERANCE, normalise
from ..memo import remember
from ..model import Interval, Quantity

# -- vocabularies (rules as data) -----------------------------------------------------------------

SOFT_MODALITIES: frozenset[str] = frozenset({"estimated", "estimate", "reported", "reportedly", "approximately"})
"""Modalities that hedge a figure rather than make it a forecast or a claim."""

EVENT_SYNONYMS: MappingProxyType[str, str] = MappingProxyType(
    {
        "wound": "injure", "hurt": "injure", "injured": "injure", "injury": "injure",
        "die": "kill", "dead": "kill", "death": "kill", "killed": "kill", "perish": "kill",
        "slay": "kill", "claim": "kill",
        "deployed": "deploy", "send": "deploy", "station": "deploy",
        "evacuated": "evacuate",
        "arrested": "arrest", "detain": "arrest",
        "find": "seize", "found": "seize", "discover": "seize", "intercept": "seize",
        "recover": "seize", "confiscate": "seize", "hide": "seize", "smuggle": "seize",
        "rescued": "rescue",
    }
)

CUMULATIVE_HEADS: frozenset[str] = frozenset(
    {
        "death toll", "toll", "death", "dead", "fatality", "casualty", "casualties", "victim",
        "case", "infection", "arrest", "injury", "injured", "missing", "evacuee", "body",
        "hospitalisation", "hospitalization", "confirmed case", "displaced",
    }
)
CUMULATIVE_EVENTS: frozenset[str] = frozenset(
    {"kill", "injure", "arrest", "evacuate", "displace", "infect", "hospitalise", "hospitalize",
     "rescue", "confirm", "recover", "detain", "charge", "flee", "destroy", "damage", "burn",
     "miss", "die"}
)

_QUAL_LEAD = re.compile(
    r"^(?:(?:in|at|on|across|from|of|near|within|for|during|inside|throughout|the|a|an)\s+)+",
    re.IGNORECASE,
)
_QUAL_PUNCT = re.compile(r"[^\w\s-]+")
_WS = re.compile(r"\s+")

# Cue phrases looked for around a figure (lower case; matched word by word, see
# :class:`figcheck.compare.text.CueSet`).  "may" counts only in lower case ("in May" is a month).
UPDATE_PHRASES: tuple[str, ...] = (
    "earlier", "initially", "initial", "previously", "previous", "originally", "at first",
    "first reported", "had risen", "has risen", "risen", "revised", "raised", "updated",
    "up from", "down from", "so far", "by then", "until",
)
HISTORY_PHRASES: tuple[str, ...] = (
    "ago", "days after", "weeks after", "months after", "years after", "days before",
    "weeks before", "months before", "years before",
)
"""Words that put a figure in another, earlier event ("two weeks after an ambush in which 12
died")."""
DISPUTE_PHRASES: tuple[str, ...] = (
    "claimed", "claims", "claim", "rejected", "disputed", "disputes", "denied", "denies",
    "dismissed", "could not be verified", "could not be independently verified", "unverified",
    "unconfirmed", "alleged", "allegedly", "exaggerated", "inflated",
)
JUXTAPOSE_PHRASES: tuple[str, ...] = (
    "more than the", "higher than the", "lower than the", "fewer than the", "less than the",
    "compared with", "compared to", "in contrast", "whereas", "contradicting", "contradicts",
    "at odds", "differs from", "different from", "announced by", "official toll",
    "official figure", "official figures",
)
"""Words by which an article sets one source's figure against another's."""
MODAL_PHRASES: tuple[str, ...] = (
    "expected", "expects", "forecast", "forecasts", "projected", "projects", "predicted",
    "predicts", "could", "may", "might", "would", "target", "targets", "aim", "aims",
    "hope", "hopes", "likely", "anticipated", "proposed",
    "seek", "seeks", "seeking", "want", "wants", "warned", "warns", "warning", "threaten",
    "threatens", "threatened", "risk", "risks", "on course", "on track",
    "poised", "projection", "projections",
)
PLAN_PHRASES: tuple[str, ...] = ("will", "set to", "due to", "plan", "plans", "planned", "budgeted")
"""Announced plans ("fares will rise 12%"): compared only with figures of another plan."""
PLAN_MODALITIES: frozenset[str] = frozenset({"will", "planned", "set to", "due to", "plan"})


# Memo tables below are filled through figcheck.memo.remember (bounded memory).

_QUAL_MEMO: dict[str, str | None] = {}


def norm_qualifier(s: str | None) -> str | None:
    if not s:
        return None
    memo = _QUAL_MEMO
    if s in memo:
        return memo[s]
    n = _QUAL_PUNCT.sub(" ", s.lower())
    n = _WS.sub(" ", n).strip()
    n = _QUAL_LEAD.sub("", n).strip()
    out = n or None
    remember(memo, s, out)
    return out


def norm_event(e: str | None) -> str | None:
    if not e:
        return None
    e = e.strip().lower()
    return EVENT_SYNONYMS.get(e, e)


HEAD_SYNONYMS: MappingProxyType[str, str] = MappingProxyType(
    {
        "hen": "bird", "chicken": "bird", "poultry": "bird", "fowl": "bird",
        "kid": "child", "youngster": "child", "fatality": "death", "dead": "death",
        "house": "home", "household": "home", "dwelling": "home",
        "post": "job", "role": "job", "position": "job",
        "automobile": "car", "motorist": "driver", "cut": "saving",
        "pupil": "student", "schoolchild": "student",
    }
)
"""Heads that name the same thing, so rewordings meet ("laying hens" / "birds")."""


_HEAD_MEMO: dict[str, str | None] = {}


def norm_head(h: str | None) -> str | None:
    if not h:
        return None
    memo = _HEAD_MEMO
    if h in memo:
        return memo[h]
    n = _WS.sub(" ", h.strip().lower())
    out = HEAD_SYNONYMS.get(n, n) or None
    remember(memo, h, out)
    return out


def unit_family(q: Quantity) -> str:
    """What must agree for two figures to be compared: one currency, or one dimension with a base
    unit (so miles and kilometres meet), or else the unit itself."""
    if q.dimension == "currency":
        return f"currency:{q.unit or '?'}"
    if q.base is not None and q.base_unit:
        return f"{q.dimension}:{q.base_unit}"
    return f"{q.dimension}:{q.unit or ''}"


DEATH_HEADS: frozenset[str] = frozenset({"person", "people", "death", "civilian", "victim", "resident"})


def _fact_head(head_raw: str | None, event_raw: str | None) -> str | None:
    head = norm_head(head_raw)
    if head in DEATH_HEADS and norm_event(event_raw) == "kill":
        return "death toll"
    if head == "toll":
        return "death toll"
    return head


def fact_head(q: Quantity) -> str | None:
    """The head a fact is keyed on: the subject head, except that people killed are the death
    toll ("at least 30 people were killed" and "the death toll rose to 52" are one fact)."""
    return derived(q).head


def claim_key(q: Quantity) -> str:
    """Index key of a figure's fact: normalised subject head + unit family.  Figures without a
    subject head get an empty-head key that the comparator never compares."""
    return f"{fact_head(q) or ''}|{unit_family(q)}"


def comparable(q: Quantity) -> bool:
    """Whether a figure can take part in a contradiction at all."""
    if q.kind != "figure" or not fact_head(q):
        return False
    if q.subject.negated:
        return False
    mod = (q.subject.modality or "").strip().lower()
    if mod and mod not in SOFT_MODALITIES and mod not in PLAN_MODALITIES:
        return False
    return True


def is_plan(q: Quantity) -> bool:
    return (q.subject.modality or "").strip().lower() in PLAN_MODALITIES


def is_cumulative(q: Quantity) -> bool:
    head = fact_head(q) or ""
    return head in CUMULATIVE_HEADS or (norm_event(q.subject.event) or "") in CUMULATIVE_EVENTS


AFFECTED_EVENTS: frozenset[str] = CUMULATIVE_EVENTS | frozenset(
    {"treat", "hospitalise", "hospitalize", "infect", "test", "vaccinate", "charge", "convict",
     "jail", "sentence", "fine", "sack", "lay off", "strand", "delay", "cancel", "seize"})
"""Events that pick out the members something happened to: a figure with one of them never
meets a figure of the same noun with no event in one article."""


def _strong_event(e: str) -> bool:
    return e in STRONG_EVENTS or e.endswith(" from")


_QUAL_STOP: frozenset[str] = frozenset({"since", "by", "until", "from", "to", "in", "on", "at", "of", "the",
                        "region", "area", "province", "county", "district", "city", "state"})


def qualifier_factor(a: str | None, b: str | None, missing: float) -> float | None:
    """How two place or time qualifiers meet: 1.0 the same (or one narrows the other: "Kursk" /
    "Kursk region"), ``missing`` given on one side only, None different."""
    return _qual_factor(a, b, missing)


def _qual_factor(a: str | None, b: str | None, missing: float) -> float | None:
    na, nb = norm_qualifier(a), norm_qualifier(b)
    if na is None and nb is None:
        return 1.0
    if na is None or nb is None:
        return missing
    if na == nb:
        return 1.0
    ta, tb = set(na.split()) - _QUAL_STOP, set(nb.split()) - _QUAL_STOP
    if ta and tb and (ta <= tb or tb <= ta):
        return 1.0  # "October 2024" / "since October"; "Kursk" / "Kursk region"
    return None


STRONG_EVENTS: frozenset[str] = frozenset({"rise", "fall", "rise from", "fall from", "change", "grow", "shrink"})
"""Events that never meet a figure with no event: changes and old levels ("rose from 40")."""


# How much a qualifier given on one side only lowers confidence (1.0 = not at all).
MISSING_EVENT: float = 0.85
MISSING_PLACE: float = 0.7
MISSING_TIME: float = 0.85
MISSING_ATTRIBUTION: float = 0.95
MISSING_MODIFIER: float = 0.65
# Between documents each reporter words a fact differently: qualifiers missing on one side say
# less, and relative times ("on Tuesday", "yesterday") are not compared at all.
MISSING_EVENT_CROSS: float = 0.9
MISSING_PLACE_CROSS: float = 0.85
MISSING_TIME_CROSS: float = 0.95
OTHER_EVENT_CROSS: float = 0.75
KEY_EVENTS: frozenset[str] = CUMULATIVE_EVENTS | STRONG_EVENTS | frozenset({"deploy", "vote", "win", "lose"})
"""Events that tell facts apart even between documents (killed vs deployed; won vs lost)."""
_RELATIVE_TIME = re.compile(
    r"^(?:(?:early|late|on|this|last|next|by|from|since|until)\s+)*(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|today|tonight|yesterday|tomorrow|morning|afternoon|evening|"
    r"night|week|weekend|day|hours?)(?:\s+(?:morning|afternoon|evening|night))?$",
    re.IGNORECASE,
)


_ABS_TIME_MEMO: dict[str, str | None] = {}


def _absolute_time(t: str | None) -> str | None:
    if not t:
        return None
    if t in _ABS_TIME_MEMO:
        return _ABS_TIME_MEMO[t]
    n = norm_qualifier(t)
    out = None if n is None or _RELATIVE_TIME.match(n) else n
    remember(_ABS_TIME_MEMO, t, out)
    return out
OTHER_ATTRIBUTION_FAR: float = 0.75
"""Two different sources named for one fact, far apart in one article or in two documents."""
OTHER_ATTRIBUTION_CROSS: float = 0.85

GENERIC_HEADS: frozenset[str] = frozenset({"person", "people", "resident", "member", "thing", "time", "number",
                           "figure", "total", "year", "day", "unit", "item"})
"""Heads that say too little on their own: figures with them meet only with the same event."""

_WORD = re.compile(r"[a-z][a-z'-]*")
_MOD_STOP: frozenset[str] = frozenset(
    """a an the this that these those its their his her our some about around nearly almost
    more than over under fewer less least most up to as many much of and or per each every
    other such all both only just roughly approximately estimated total overall""".split()
)


def _stem(w: str) -> str:
    for suf in ("ised", "ized", "ed", "es", "e", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


PARTICIPLE_EVENTS: frozenset[str] = CUMULATIVE_EVENTS | frozenset(EVENT_SYNONYMS.values()) | frozenset(
    {"hospitalise", "hospitalize", "vaccinate", "deploy", "evacuate", "injure", "kill",
     "displace", "register", "employ", "seize", "destroy", "damage", "sell", "export", "import"})
"""Participles that stand for the event when a figure has no verb ("the 15 hospitalised")."""


def participle_event(w: str) -> str | None:
    """The event a participle names: "wounded" -> "injure", "hospitalised" -> "hospitalise"."""
    for cand in (w, w[:-1], w[:-2]):
        e = norm_event(cand)
        if e in PARTICIPLE_EVENTS:
            return e
    return norm_event(w[:-1] if w.endswith(("ised", "ated")) else w)


def event_of(q: Quantity) -> str | None:
    """The figure's event, normalised: a change verb on a level figure ("rose to 4.1%") is no
    event; with no verb, a participle in the subject ("the 15 hospitalised children") is one."""
    return derived(q).event


def _event_of(event_raw: str | None, direction: str | None, head: str | None,
              raw_mods: frozenset[str]) -> str | None:
    e = norm_event(event_raw)
    if e in ("rise", "fall") and direction is None:
        e = None
    if e == "kill" and head == "death toll":
        e = None  # the death toll carries its event in its name
    for w in sorted(raw_mods):
        if w.endswith("ed") and len(w) > 4:
            cand = participle_event(w)
            if cand in PARTICIPLE_EVENTS and (e is None or cand in AFFECTED_EVENTS):
                # "the 32 wounded soldiers evacuated": the set is the wounded
                return cand
    return e


NARROWING: frozenset[str] = frozenset(
    """new core underlying services service food energy goods annual monthly weekly quarterly
    average median minor serious seriously critical critically remaining additional extra
    uninjured unharmed domestic international foreign net gross adult private public full-time
    part-time fresh further overseas rural urban junior senior youth female male women men
    permanent temporary regional national local""".split()
)
"""Subject words that narrow what is counted ("the 15 new cases", "core inflation")."""


NON_NARROWING: frozenset[str] = frozenset({"confirmed", "reported", "recorded", "registered", "estimated",
                           "known", "documented", "verified", "official", "combined",
                           "expected", "projected", "affected"})


def modifiers(q: Quantity, raw: bool = False) -> frozenset[str]:
    """Words of the subject besides its head that narrow what is counted: participles
    ("uninjured", "hospitalised") and the words in :data:`NARROWING`.  Capitalised words (names,
    nationalities) are left out, except a capitalised first word followed by a lower-case one
    ("Core inflation")."""
    d = derived(q)
    return d.raw_modifiers if raw else d.modifiers


def _subject_words(text_raw: str | None, head_raw: str | None
                   ) -> tuple[frozenset[str], list[str]]:
    """(all subject words besides the head, those that narrow what is counted, in order)."""
    text = text_raw or ""
    head = set((norm_head(head_raw) or "").split())
    head_stems = {_stem(h) for h in head}
    toks = text.split()
    words: list[str] = []
    narrowing: list[str] = []
    for i, tok in enumerate(toks):
        if not tok[:1].islower():
            if not (i == 0 and len(toks) > 1 and toks[1][:1].islower()):
                continue
        for w in _WORD.findall(tok.lower()):
            if w in _MOD_STOP or w in head or _stem(w) in head_stems:
                continue
            words.append(w)
            if w in NARROWING or (w.endswith("ed") and len(w) > 4 and w not in NON_NARROWING):
                narrowing.append(w)
    return frozenset(words), narrowing


class Derived:
    """What the comparator derives from a figure's subject (and direction), computed once per
    distinct subject: the fact head, the event (:func:`event_of`) and the modifiers."""

    __slots__ = ("head", "event", "modifiers", "raw_modifiers")

    def __init__(self, head: str | None, event: str | None, modifiers: frozenset[str],
                 raw_modifiers: frozenset[str]) -> None:
        self.head = head
        self.event = event
        self.modifiers = modifiers
        self.raw_modifiers = raw_modifiers


_DERIVED_MEMO: dict[tuple[str | None, str | None, str | None, str | None], Derived] = {}


def derived(q: Quantity) -> Derived:
    """The figure's :class:`Derived` facts (memoised on the subject's strings)."""
    subj = q.subject
    key = (subj.text, subj.head, subj.event, q.direction)
    memo = _DERIVED_MEMO
    d = memo.get(key)
    if d is None:
        head = _fact_head(subj.head, subj.event)
        raw, narrowing = _subject_words(subj.text, subj.head)
        ev = _event_of(subj.event, q.direction, head, raw)
        evs = ev or ""
        mods = frozenset(w for w in narrowing if not evs or (
            _stem(w)[:5] != _stem(evs)[:5] and participle_event(w) != evs))
        d = Derived(head, ev, mods, raw)
        remember(memo, key, d)
    return d


_GENERIC_SOURCE: frozenset[str] = frozenset(
    """officials official sources source spokesman spokeswoman spokesperson authorities state
    national local government said says told according statement figures data report the a an
    of in""".split()
)


def _same_source(a: str, b: str) -> bool:
    """"emergency officials" and "the state emergency agency": one source named twice."""
    ta = set(a.split()) - _GENERIC_SOURCE
    tb = set(b.split()) - _GENERIC_SOURCE
    return bool(ta & tb)


def same_fact(a: Quantity, b: Quantity, *, near: bool = True, cross: bool = False,
              juxtaposed: bool = False) -> float | None:
    """Confidence factor that ``a`` and ``b`` state the same fact, or ``None`` when they do not.
    ``near``: the figures are in the same or adjacent paragraphs of one article (where two named
    sources with different figures are being juxtaposed); ``cross``: in different documents."""
    if claim_key(a) != claim_key(b) or not comparable(a) or not comparable(b):
        return None
    return same_keyed_fact(a, b, near=near, cross=cross, juxtaposed=juxtaposed)


def same_keyed_fact(a: Quantity, b: Quantity, *, near: bool = True, cross: bool = False,
                    juxtaposed: bool = False) -> float | None:
    """:func:`same_fact` for two comparable figures already known to share a claim key."""
    if a.direction != b.direction:
        return None  # a change vs a level, or a rise vs a fall
    if is_plan(a) != is_plan(b):
        return None  # "will rise 12%" (a plan) vs "rose 15%" (an outcome)
    factor = 1.0
    ea, eb = event_of(a), event_of(b)
    if is_plan(a) and not (ea and ea == eb):
        return None  # two plans meet only with one explicit verb ("will rise" / "to rise")
    if ea and eb and ea != eb and _stem(ea)[:5] != _stem(eb)[:5]:
        return None
    if (ea is None) != (eb is None):
        if _strong_event(ea or eb or ""):
            return None  # "rose from 40" (an old level) vs a plain level
        if (ea or eb) in AFFECTED_EVENTS and not cross:
            return None  # "six runners" vs "14 runners were treated": those it happened to
        if fact_head(a) in GENERIC_HEADS:
            return None
        factor *= MISSING_EVENT_CROSS if cross else MISSING_EVENT
    elif ea is None and fact_head(a) in GENERIC_HEADS:
        return None
    ta, tb = a.subject.time, b.subject.time
    if cross:
        ta, tb = _absolute_time(ta), _absolute_time(tb)
    if (not cross and a.direction is not None
            and (a.subject.place is None) != (b.subject.place is None)):
        return None  # "exports rose 7.3%" vs "exports to China rose 3.1%": a part's own change
    for qa, qb, missing in (
        (a.subject.place, b.subject.place, MISSING_PLACE_CROSS if cross else MISSING_PLACE),
        (ta, tb, MISSING_TIME_CROSS if cross else MISSING_TIME),
    ):
        f = _qual_factor(qa, qb, missing)
        if f is None:
            return None
        factor *= f
    ma, mb = modifiers(a), modifiers(b)
    if ma and mb and ma != mb:
        return None
    if bool(ma) != bool(mb):
        return None  # "148 passengers" vs "60 uninjured passengers": a subset
    aa, ab = norm_qualifier(a.subject.attribution), norm_qualifier(b.subject.attribution)
    if aa and ab and aa != ab and not _same_source(aa, ab):
        if cross:
            factor *= OTHER_ATTRIBUTION_CROSS
            return factor
        elif near:
            return None  # "police said 5,000 ... organisers said 20,000": reported disagreement
        else:
            factor *= OTHER_ATTRIBUTION_FAR
    elif (aa is None) != (ab is None) and not cross:
        if juxtaposed:
            return None  # "30 killed, far more than the toll announced by the army ... 15"
        factor *= MISSING_ATTRIBUTION
    return factor


MAX_RATIO: Decimal = Decimal("2.5")
"""Figures for one fact more than this many times apart are taken to be about different things
(a subject the parser could not tell apart), not a contradiction."""
MAX_UPDATE_RATIO: Decimal = Decimal(4)


def ratio(a: Quantity, b: Quantity) -> Decimal | None:
    """How many times apart two figures' values are (>= 1), or None when not comparable."""
    x = a.base.low if a.unit != b.unit and a.base and b.base else a.value.low
    y = b.base.low if a.unit != b.unit and a.base and b.base else b.value.low
    if x is None or y is None or x <= 0 or y <= 0:
        return None
    return max(x, y) / min(x, y)


# -- intervals -------------------------------------------------------------------------------------


def interval_of(q: Quantity, tolerance: Decimal = DEFAULT_TOLERANCE) -> Interval:
    """The figure's comparison interval under ``tolerance`` (the stored one when it is the
    default)."""
    if tolerance == DEFAULT_TOLERANCE or q.bound != "approximate":
        return q.interval
    lean = "both"
    if q.interval.high is not None and q.interval.high == q.value.high and q.precision:
        lean = "below"
    elif q.interval.low is not None and q.interval.low == q.value.low and q.precision:
        lean = "above"
    return normalise(q.value.low, q.value.high, q.bound, q.precision, tolerance=tolerance,
                     lean=lean)  # type: ignore[arg-type]


def base_interval_of(q: Quantity, tolerance: Decimal = DEFAULT_TOLERANCE) -> Interval | None:
    """The interval in the dimension's base unit, following :func:`interval_of`'s tolerance by the
    affine map the stored interval/base pair defines."""
    if q.base is None:
        return None
    if tolerance == DEFAULT_TOLERANCE or q.bound != "approximate":
        return q.base
    iv, b = q.interval, q.base
    if None in (iv.low, iv.high, b.low, b.high) or iv.low == iv.high:
        return q.base
    assert iv.low is not None and iv.high is not None and b.low is not None and b.high is not None
    scale = (b.high - b.low) / (iv.high - iv.low)
    offset = b.low - iv.low * scale
    new = interval_of(q, tolerance)
    return Interval(
        low=None if new.low is None else new.low * scale + offset,
        high=None if new.high is None else new.high * scale + offset,
    )


def comparison_intervals(
    a: Quantity, b: Quantity, tolerance: Decimal = DEFAULT_TOLERANCE
) -> tuple[Interval, Interval] | None:
    """The pair of intervals to compare: own units when they agree, base units otherwise;
    ``None`` when the figures cannot be compared (different currencies, no conversion)."""
    if a.unit == b.unit:
        return interval_of(a, tolerance), interval_of(b, tolerance)
    if a.dimension == "currency" or b.dimension == "currency":
        return None
    if a.base_unit and a.base_unit == b.base_unit:
        ba, bb = base_interval_of(a, tolerance), base_interval_of(b, tolerance)
        if ba is not None and bb is not None:
            return ba, bb
    return None


def conflicts(a: Quantity, b: Quantity, tolerance: Decimal = DEFAULT_TOLERANCE) -> bool:
    pair = comparison_intervals(a, b, tolerance)
    return pair is not None and not pair[0].overlaps(pair[1])


def compatible(a: Quantity, b: Quantity, tolerance: Decimal = DEFAULT_TOLERANCE) -> bool:
    pair = comparison_intervals(a, b, tolerance)
    return pair is not None and pair[0].overlaps(pair[1])


def affine(q: Quantity) -> tuple[Decimal, Decimal] | None:
    """(factor, offset) with ``base = own * factor + offset``, from the stored interval/base pair;
    from one end when the other is open (units without an offset only)."""
    iv, b = q.interval, q.base
    if b is None:
        return None
    if None not in (iv.low, iv.high, b.low, b.high) and iv.low != iv.high:
        assert iv.low is not None and iv.high is not None
        assert b.low is not None and b.high is not None
        factor = (b.high - b.low) / (iv.high - iv.low)
        return factor, b.low - iv.low * factor
    if q.dimension == "temperature":
        return None
    for x, y in ((iv.low, b.low), (iv.high, b.high)):
        if x is not None and y is not None and x != 0:
            return y / x, Decimal(0)
    return None


def _last_digit_place(v: Decimal) -> Decimal:
    v = abs(v)
    if v == v.to_integral_value():
        n = int(v)
        place = 1
        while n and n % 10 == 0:
            n //= 10
            place *= 10
        return Decimal(place)
    return Decimal(1).scaleb(v.normalize().as_tuple().exponent)  # type: ignore[arg-type]


def headline_figure(q: Quantity) -> Quantity:
    """A headline figure as headlines mean it: rounded to its last non-zero digit and possibly
    truncated ("2,300" for 2,317; "six years" for six years and eight months), so the interval
    runs from half a place below to a whole place above the value."""
    if q.bound != "exact" or q.value.low != q.value.high:
        return q
    v = q.value.low
    place = _last_digit_place(v)
    lo, hi = v - place / 2, v + place
    iv = Interval(low=min(lo, q.interval.low) if q.interval.low is not None else lo,
                  high=max(hi, q.interval.high) if q.interval.high is not None else hi)
    base = q.base
    aff = affine(q)
    if base is not None and aff is not None:
        assert iv.low is not None and iv.high is not None
        ends = sorted((iv.low * aff[0] + aff[1], iv.high * aff[0] + aff[1]))
        base = Interval(low=ends[0], high=ends[1])
    return q.model_copy(update={"interval": iv, "base": base})
