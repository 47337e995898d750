"""Token-level grammar: rules as data in priority registries, each reading a bounded window.

Two passes over the token list, both left to right and each token consumed once:

1. **Numbers** (:data:`NUMBER_RULES`): digits with scale ("3.5bn", "1.2 million"), fractions
   ("1/2", "2 1/2", "½"), number words ("two hundred and fifty", "a dozen", "two-thirds"),
   "one in five"; and *non-figures* that must swallow their digits first (clock times,
   ordinals, slash dates, phone numbers).
2. **Figures** (:data:`FIGURE_RULES`): a number node plus its prefixes (currency, hedge,
   change word, "between"/"from", "aged") and suffixes (unit, range, "or more", "-year-old",
   "a 40% rise"), vague quantities ("dozens of"), factors ("doubled"); then the *vetoes*
   (:data:`VETO_RULES`: years, dates, product names, labels, addresses) drop what is not a figure.

Every rule call adds one to ``Ctx.work``; rules look at most ``WINDOW`` tokens away, so the work is
bounded by a constant times the number of tokens (tests assert ``work <= c * len(text)``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from types import MappingProxyType
from typing import Generic, NamedTuple, TypeVar

from ..intervals import precision_of
from . import words as W
from .lexicon import words as LW
from .headline import NO_EVIDENCE, NUMBER_WORDS, Evidence, HEADLINE_PLAIN, sentence_initial, verb_form
from .tokenize import INVISIBLE, Token, digits_of
from .units import Unit, table, unit

D = Decimal
WINDOW = 8
T = TypeVar("T")


class Rule(NamedTuple, Generic[T]):
    name: str
    priority: int
    fn: Callable[[Ctx, int], T | None]
    kinds: frozenset[str] | None = None
    """Token kinds the rule can match at (``None``: any); others skip it without a call."""


_KINDS: tuple[str, ...] = ("url", "num", "word", "par", "sym")


class Registry(Generic[T]):
    """Rules sorted by descending priority; :meth:`first` returns the first rule's match.

    Like Python-Markdown's ``Registry``: add a rule with a name and priority, no if-chain to edit.
    """

    def __init__(self, rules: tuple[Rule[T], ...] = ()) -> None:
        self._rules: tuple[Rule[T], ...] = tuple(sorted(rules, key=lambda r: -r.priority))
        self._indexed: tuple[Rule[T], ...] = ()
        self._by_kind: dict[str, tuple[Callable[[Ctx, int], T | None], ...]] = {}

    def _index(self) -> None:
        """The rule functions that apply to each token kind (rebuilt when ``_rules`` changes)."""
        rules = self._rules
        self._by_kind = {k: tuple(r.fn for r in rules if r.kinds is None or k in r.kinds) for k in _KINDS}
        self._indexed = rules

    def register(
        self, name: str, priority: int, kinds: frozenset[str] | None = None
    ) -> Callable[[Callable[[Ctx, int], T | None]], Callable[[Ctx, int], T | None]]:
        def deco(fn: Callable[[Ctx, int], T | None]) -> Callable[[Ctx, int], T | None]:
            self._rules = tuple(
                sorted(self._rules + (Rule(name, priority, fn, kinds),), key=lambda r: -r.priority)
            )
            return fn

        return deco

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self._rules)

    def first(self, ctx: Ctx, i: int) -> T | None:
        if self._indexed is not self._rules:
            self._index()
        for fn in self._by_kind[ctx.toks[i].kind]:
            ctx.work += 1
            m = fn(ctx, i)
            if m is not None:
                return m
        return None


@dataclass(slots=True)
class Num:
    """A number node over tokens ``[i, j)``."""

    i: int
    j: int
    value: Decimal
    precision: Decimal | None
    form: str  # "digits" | "words" | "fraction" | "ratio" | "skip"
    raw: Decimal = D(0)
    scale: Decimal = D(1)
    plain: bool = False
    """Bare integer digits: no separators, decimals or scale (year / model-number candidate)."""
    weak: bool = False
    """A bare "one"/"a": kept only with a unit, hedge, currency or range."""
    neg_start: int | None = None
    """Token index of a leading minus sign, if any."""


@dataclass(slots=True)
class Draft:
    """A figure before offsets, intervals and subject are filled in."""

    i: int
    j: int
    low: Decimal
    high: Decimal
    p_low: Decimal | None
    p_high: Decimal | None
    kind: str = "figure"
    bound: str = "exact"
    lean: str = "both"
    direction: str | None = None
    unit: Unit | None = None
    dimension: str | None = None
    range: bool = False
    nums: tuple[Num, ...] = ()
    difference: bool = False
    """A temperature change ("warming of 1.5C"): converted without the offset."""
    per: str | None = None
    """The denominator of a rate ("800,000 barrels a day" -> "day", "C$6 per share" -> "share")."""


@dataclass(slots=True)
class Ctx:
    text: str
    toks: list[Token]
    work: int = 0
    nums: dict[int, Num] = field(default_factory=dict)
    floor: int = 0
    """Look-backs never reach below this token index (end of the previous figure)."""
    draft: Draft | None = None
    """The figure the veto rules are judging."""
    prev: Draft | None = None
    """The last figure kept (for "6-3, 6-2" score lists and "rose 450 points, or 1.2%")."""
    lows: list[str] = field(default_factory=list)
    n: int = 0
    dumps: list[tuple[int, int]] = field(default_factory=list)
    """Token ranges inside long runs of bare numbers (see :func:`dumps`), skipped by both passes."""
    dump_at: int = 0
    lw: list[str] = field(default_factory=list)
    """``lows`` followed by ``_PAD`` empty strings: ``lw[k]`` is ``low(k)`` for ``-_PAD <= k <
    n + _PAD`` (a negative index wraps into the padding), without a bounds check or a call."""
    glued: list[bool] = field(default_factory=list)
    """``glued[k]``: token ``k`` directly follows token ``k - 1`` (no space); padded with
    ``False`` like ``lw``."""
    tp: list[Token | None] = field(default_factory=list)
    """``toks`` padded with ``None``: ``tp[k]`` is ``tok(k)`` likewise."""
    headline: bool = False
    """Title Case or all-capitals text: a capital letter does not mark a name (see
    :mod:`figcheck.parser.headline`)."""
    shouting: bool = False
    """All capitals: acronyms are not told from words either."""
    evidence: Evidence = NO_EVIDENCE
    """What the article's body says about the headline's words."""
    title: bool = False
    """The text is a headline field (any case): "72M" is 72 million without a currency sign."""

    def __post_init__(self) -> None:
        toks = self.toks
        self.lows = lows = [t.low for t in toks]
        self.n = len(toks)
        self.lw = lows + _PADDING
        tp: list[Token | None] = list(toks)
        tp += _NO_TOKENS
        self.tp = tp
        ends = [t.end for t in toks]
        glued = [False]
        glued += [a == t.start for a, t in zip(ends, toks[1:])]
        if INVISIBLE.search(self.text) is not None:
            # "12\u200b%": only invisible characters between two tokens still glue them
            text = self.text
            glued[1:] = [
                g or INVISIBLE.fullmatch(text, a, t.start) is not None for g, a, t in zip(glued[1:], ends, toks[1:])
            ]
        glued += _NO_GLUE
        self.glued = glued

    def tok(self, k: int) -> Token | None:
        return self.toks[k] if 0 <= k < self.n else None

    def low(self, k: int) -> str:
        return self.lows[k] if 0 <= k < self.n else ""

    def gap(self, k: int) -> str:
        """The text between token ``k - 1`` and token ``k``."""
        if k <= 0 or k >= self.n:
            return ""
        return self.text[self.toks[k - 1].end : self.toks[k].start]

    def near(self, k: int) -> bool:
        """Token ``k`` follows ``k - 1`` on the same line, at most one space away."""
        if k <= 0 or k >= self.n:
            return True
        b = self.toks[k].start
        w = b - self.toks[k - 1].end
        if w == 0:
            return True
        if w == 1:
            return self.text[b - 1] != "\n"
        gap = self.text[b - w : b]
        return (w <= 3 and gap.strip(" \t") == "") or (w <= 16 and INVISIBLE.sub("", gap) in ("", " "))


_PAD = 64
_MAX_DIGITS_PLUS = 26
_PADDING: list[str] = [""] * _PAD
_NO_GLUE: list[bool] = [False] * _PAD
_NO_TOKENS: list[Token | None] = [None] * _PAD


_NUM: frozenset[str] = frozenset({"num"})
_WORD: frozenset[str] = frozenset({"word"})
_NUM_WORD: frozenset[str] = frozenset({"num", "word"})

NUMBER_RULES: Registry[Num] = Registry()
FIGURE_RULES: Registry[Draft] = Registry()
VETO_RULES: Registry[str] = Registry()


# --------------------------------------------------------------------------- numbers

def _dec(s: str) -> Decimal | None:
    try:
        return D(s)
    except InvalidOperation:
        return None


_POW10: tuple[Decimal, ...] = tuple(D(10**k) for k in range(_MAX_DIGITS_PLUS))


def _precision(digits: str, scale: Decimal) -> Decimal:
    """``precision_of(digits, scale)``, with a table for the common bare integer at scale 1."""
    if scale == 1 and digits.isascii() and digits.isdigit():
        zeros = len(digits) - len(digits.rstrip("0"))
        if zeros < len(digits) and zeros <= len(_POW10):
            return _POW10[max(zeros - 1, 0)]
    return precision_of(digits, scale)


_FRACTION_DENOMS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 32, 100})


def _is_num(ctx: Ctx, k: int) -> bool:
    t = ctx.tp[k]
    return t is not None and t.kind == "num"


@NUMBER_RULES.register("skip_clock", 100, _NUM)
def _skip_clock(ctx: Ctx, i: int) -> Num | None:
    t = ctx.toks[i]
    if t.kind != "num":
        return None
    # a ratio "3:1", "2:3" (clock minutes always have two digits)
    if (
        ctx.lw[i + 1] == ":" and ctx.glued[i + 1] and _is_num(ctx, i + 2) and ctx.glued[i + 2]
        and (len(ctx.toks[i + 2].text) != 2 or _ratio_context(ctx, i))
        and t.text.isdigit() and ctx.toks[i + 2].text.isdigit() and not (ctx.lw[i + 3] == ":")
    ):
        a, b = D(t.text), D(ctx.toks[i + 2].text)
        if b:
            return Num(i, i + 3, a / b, None, "ratio", raw=a / b)
    # 10:30, 10:30:15
    if ctx.lw[i + 1] == ":" and ctx.glued[i + 1] and _is_num(ctx, i + 2) and ctx.glued[i + 2]:
        j = i + 3
        if ctx.lw[j] == ":" and ctx.glued[j] and _is_num(ctx, j + 1):
            j += 2
        if ctx.lw[j] in ("am", "pm") and ctx.near(j):
            return Num(i, j + 1, D(0), None, "skip")
        if j == i + 5 and ctx.lw[j] not in W.TIME_SUFFIX:
            # race time h:mm:ss -> seconds
            h, m_, s_ = (_dec(ctx.toks[k].text) for k in (i, i + 2, i + 4))
            if h is not None and m_ is not None and s_ is not None and m_ < 60 and s_ < 60:
                secs = h * 3600 + m_ * 60 + s_
                return Num(i, j, secs, D(1), "hms", raw=secs)
        return Num(i, j, D(0), None, "skip")
    if "," in t.text:
        return None
    v = _dec(digits_of(t.text))
    if v is None or v > 24:
        return None
    nxt = ctx.lw[i + 1]
    if nxt in W.TIME_SUFFIX and ctx.near(i + 1):
        return Num(i, i + 2, D(0), None, "skip")
    # 3 p.m. / 9 a.m.
    if nxt in ("a", "p") and ctx.lw[i + 2] == "." and ctx.lw[i + 3] == "m" and ctx.glued[i + 3]:
        return Num(i, i + 4 + (ctx.lw[i + 4] == "."), D(0), None, "skip")
    if nxt == "o'clock" or nxt == "o\u2019clock":
        return Num(i, i + 2, D(0), None, "skip")
    return None


_RATIO_CUES: frozenset[str] = frozenset({"ratio", "ratios", "odds", "outnumbered", "margin"})
_PERCENT_CUES: frozenset[str] = frozenset({"%", "percent", "cent", "percentage", "rate"})


def _ratio_context(ctx: Ctx, i: int) -> bool:
    lo, hi = max(0, i - 4), min(len(ctx.toks), i + 6)
    ctx.work += hi - lo
    return not _RATIO_CUES.isdisjoint(ctx.lows[lo:hi])


_MAX_DIGITS = 24


@NUMBER_RULES.register("skip_long", 101, _NUM)
def _skip_long(ctx: Ctx, i: int) -> Num | None:
    """A run of more than 24 digits is a code, hash or junk, never a figure (and would not fit a
    JSON number)."""
    t = ctx.toks[i]
    if t.kind == "num" and len(t.text) > _MAX_DIGITS and len(digits_of(t.text).replace(".", "")) > _MAX_DIGITS:
        return Num(i, i + 1, D(0), None, "skip")
    return None


@NUMBER_RULES.register("skip_ordinal", 98, _NUM)
def _skip_ordinal(ctx: Ctx, i: int) -> Num | None:
    t = ctx.toks[i]
    if t.kind == "num" and ctx.lw[i + 1] in W.ORDINAL_SUFFIX and ctx.glued[i + 1]:
        # "21st", "22nd", "13th" -- but "15st" is fifteen stone
        if ctx.lw[i + 1] == _ORDINAL_FOR.get(t.text[-2:], _ORDINAL_FOR.get(t.text[-1:], "th")) or not t.text.isdigit():
            return Num(i, i + 2, D(0), None, "skip")
    return None


_ORDINAL_FOR = MappingProxyType({
    "11": "th", "12": "th", "13": "th", "1": "st", "2": "nd", "3": "rd",
})


@NUMBER_RULES.register("skip_phone", 97, _NUM)
def _skip_phone(ctx: Ctx, i: int) -> Num | None:
    t = ctx.toks[i]
    if t.kind != "num" or "." in t.text or "," in t.text:
        return None
    if t.text.isdigit() and (
        ctx.lw[i - 1] in ("call", "dial", "ring", "calling", "dialling", "dialing")
        or (ctx.lw[i - 1] == "to" and ctx.lw[i - 3] in ("text", "texting", "sms"))
    ) and (len(t.text) >= 3 or _is_num(ctx, i + 1) or ctx.lw[i + 1] == "-" or match_unit(ctx, i + 1) is None):
        # "call 999", "dial 0800 123 456"; not the noun "call" before an amount ("a call 25 minutes
        # before", "a call 10 days later")
        j = i + 1
        while j < i + 8:
            if ctx.lw[j] == "-" and ctx.glued[j] and _is_num(ctx, j + 1):
                j += 2
            elif _is_num(ctx, j) and ctx.near(j):
                j += 1
            else:
                break
        return Num(i, j, D(0), None, "skip")
    plus = ctx.lw[i - 1] == "+" and ctx.glued[i]
    lead0 = len(t.text) >= 3 and t.text[0] == "0"
    nxt = ctx.tp[i + 1]
    if not (plus or lead0) and (
        nxt is None or not (nxt.kind == "num" or nxt.text in ("-", ".") and ctx.glued[i + 1])
    ):
        return None
    context = any(
        ctx.lw[k] in ("call", "phone", "telephone", "tel", "hotline", "helpline", "dial", "ring", "text")
        for k in range(max(ctx.floor, i - 4), i)
    )
    if not (plus or lead0 or context or len(t.text) >= 3):
        return None
    # count digit groups joined by space, hyphen or dot
    j = i + 1
    groups = 1
    while groups < 6:
        if _is_num(ctx, j) and ctx.near(j) and "," not in ctx.toks[j].text:
            j, groups = j + 1, groups + 1
        elif ctx.lw[j] in ("-", ".", "/") and ctx.glued[j] and _is_num(ctx, j + 1) and ctx.glued[j + 1]:
            j, groups = j + 2, groups + 1
        else:
            break
    ctx.work += groups
    if plus or lead0 or (groups >= 3 and len(t.text) >= 3) or (groups >= 2 and context):
        return Num(i, j, D(0), None, "skip")
    return None


@NUMBER_RULES.register("skip_calibre", 96, _NUM)
def _skip_calibre(ctx: Ctx, i: int) -> Num | None:
    """".22 rifle", ".45 Colt", ".50-calibre": a leading-decimal calibre names a gun, not a figure."""
    t = ctx.toks[i]
    if t.kind != "num" or t.text[:1] != ".":
        return None
    k = i + 1 + (ctx.lw[i + 1] == "-" and ctx.glued[i + 1])
    nxt = ctx.tok(k)
    if nxt is not None and nxt.kind == "word" and (nxt.low in _CALIBRE_NEXT or nxt.text[:1].isupper() and k == i + 1):
        return Num(i, i + 1, D(0), None, "skip")
    return None


_CALIBRE_NEXT: frozenset[str] = frozenset(
    "calibre caliber cal rifle rifles pistol pistols handgun handguns revolver revolvers gun guns "
    "ammunition ammo round rounds bullet bullets cartridge cartridges shotgun carbine magnum acp".split()
)


@NUMBER_RULES.register("skip_dotted", 94, _NUM)
def _skip_dotted(ctx: Ctx, i: int) -> Num | None:
    """"1.2.3" (a version), "192.168.1.2" (an address), "12.03.2024" (a date): dotted digit groups
    with more than one dot are not figures."""
    t = ctx.toks[i]
    if t.kind != "num" or "." not in t.text:
        return None
    j = i + 1
    while j < i + WINDOW and ctx.lw[j] == "." and ctx.glued[j] and _is_num(ctx, j + 1) and ctx.glued[j + 1]:
        j += 2
    return Num(i, j, D(0), None, "skip") if j > i + 1 else None


@NUMBER_RULES.register("slash", 95, _NUM)
def _slash(ctx: Ctx, i: int) -> Num | None:
    """``1/2`` (fraction) or ``2 1/2`` (mixed); any other ``a/b`` (24/7, 9/11, 1/2/2024) is skipped."""
    t = ctx.toks[i]
    if t.kind != "num":
        return None
    # mixed number: 2 1/2
    if (
        _is_num(ctx, i + 1) and ctx.near(i + 1) and ctx.lw[i + 2] == "/" and ctx.glued[i + 2]
        and _is_num(ctx, i + 3) and ctx.glued[i + 3] and t.text.isdigit()
    ):
        a, b = _dec(ctx.toks[i + 1].text), _dec(ctx.toks[i + 3].text)
        if a is not None and b and b in _FRACTION_DENOMS and a < b and not (
            ctx.lw[i + 4] == "/" and ctx.glued[i + 4]
        ):
            return Num(i, i + 4, D(t.text) + a / b, None, "fraction", raw=D(t.text) + a / b)
    # mixed number joined by a hyphen, as market reports write it: "25-1/8", "1-7/8 pct"
    if (
        ctx.lw[i + 1] == "-" and ctx.glued[i + 1] and _is_num(ctx, i + 2) and ctx.glued[i + 2]
        and ctx.lw[i + 3] == "/" and ctx.glued[i + 3] and _is_num(ctx, i + 4) and ctx.glued[i + 4]
        and t.text.isdigit() and not (ctx.lw[i + 5] in ("/", "-") and ctx.glued[i + 5])
    ):
        a, b = _dec(ctx.toks[i + 2].text), _dec(ctx.toks[i + 4].text)
        if a is not None and b and b in _FRACTION_DENOMS and a < b and ctx.toks[i + 2].text.isdigit():
            return Num(i, i + 5, D(t.text) + a / b, None, "fraction", raw=D(t.text) + a / b)
    if not (ctx.lw[i + 1] == "/" and ctx.glued[i + 1] and _is_num(ctx, i + 2) and ctx.glued[i + 2]):
        return None
    a, b = _dec(digits_of(t.text)), _dec(digits_of(ctx.toks[i + 2].text))
    if ctx.lw[i + 3] == "/" and ctx.glued[i + 3]:
        return Num(i, min(i + 5, len(ctx.toks)), D(0), None, "skip")
    if a is not None and b and b in _FRACTION_DENOMS and a < b and t.text.isdigit():
        neg = _neg_before(ctx, i)  # "-4/5"
        return Num(i, i + 3, -a / b if neg is not None else a / b, None, "fraction", raw=a / b, neg_start=neg)
    return Num(i, i + 3, D(0), None, "skip")


def _metre_context(ctx: Ctx, k: int) -> bool:
    """``m`` at token ``k`` means metres, not million ("100m sprint", "a 5m wall", "2m tall")."""
    nxt = ctx.lw[k + 1]
    if nxt in _METRE_NEXT:
        return True
    if nxt in ("2", "3", "²", "³", "/") and ctx.glued[k + 1]:
        return True
    return (
        ctx.lw[k + 1] == "-" and ctx.glued[k + 1] and ctx.lw[k + 2] not in ("strong", "plus", "odd")
        and not _currency_word(ctx.lw[k + 2])  # "a 340m-euro fine": million euros
    )


def _currency_word(low: str) -> bool:
    u = table().words.get(low)
    return u is not None and u.dim == "currency"


_CURRENCY_SIGNS = frozenset("$£€¥₹₽₩")


def _million_context(ctx: Ctx, i: int, k: int) -> bool:
    """"5m" is five million after a currency sign or before a word ("5m people", "2.3m
    households", "5m-strong"); alone or before a verb ("1m is equal", "outreach is 48m") it is metres."""
    b = ctx.tp[i - 1]
    if b is not None and (b.text in _CURRENCY_SIGNS or b.text in table().symbols and table().symbols[b.text].dim == "currency"):
        return True
    for q in range(max(0, i - 5), i):
        if ctx.lw[q] in _LENGTH_CUES:
            return False  # "a height of 7.7m", "outreach is 48m"
    nxt = ctx.tp[k + 1]
    if nxt is None:
        return True
    if nxt.text in ("'", "\u2018", '"', "\u201c") and not ctx.glued[k + 1]:
        w = ctx.tp[k + 2]  # "its 1.5m 'returning citizens'"
        return w is not None and w.kind == "word" and ctx.glued[k + 2] and w.low not in _NOT_NOUN_AFTER_M
    if nxt.text in ("-", ",", ";", ")", ".", "!", "?", ":") or nxt.kind in ("word", "par"):
        return nxt.low not in _NOT_NOUN_AFTER_M
    return False


_END_OF_FIGURE: frozenset[str] = frozenset({"", ".", ",", ";", ":", ")", "!", "?"})


def _not_label(ctx: Ctx, i: int) -> bool:
    """Token ``i`` does not follow a label word or a capitalised name ("section 1.2b", "Rule 4.3b")."""
    b = ctx.tok(i - 1)
    if b is None or b.kind != "word":
        return True
    return not name_like(ctx, i - 1) and b.low not in W.LABELS and not (b.low.endswith("s") and b.low[:-1] in W.LABELS)


def _billion_b(ctx: Ctx, i: int, j: int, digits: str) -> bool:
    """"1.2b" is 1.2 billion: a decimal, then "b" ending the figure, not after a label."""
    return "." in digits and ctx.lw[j + 1] in _END_OF_FIGURE and _not_label(ctx, i)


_LENGTH_CUES = frozenset(
    "height tall deep long wide length depth outreach high distance span width radius altitude "
    "elevation sprint metres meters metre meter diameter reach swim jump".split()
)


_NOT_NOUN_AFTER_M = frozenset(
    "is was are were be equals equal x by long tall high wide deep away above below in from to "
    "and or per of".split()
)
_METRE_NEXT = frozenset(
    "tall high long wide deep away above below sprint hurdles freestyle butterfly backstroke "
    "breaststroke medley relay race final dash run swim walk platform springboard sea level "
    "radius span length depth height wall waves wave drop deep. thick across".split()
)


_TIMES: frozenset[str] = frozenset({"\u00d7", "x", "*", "\u22c5", "\u00b7"})
_MINUS: frozenset[str] = frozenset({"-", "\u2212", "\u2013", "\u207b"})
_SUPERSCRIPT: MappingProxyType[str, str] = MappingProxyType(
    {"\u2070": "0", "\u00b9": "1", "\u00b2": "2", "\u00b3": "3", "\u2074": "4", "\u2075": "5",
     "\u2076": "6", "\u2077": "7", "\u2078": "8", "\u2079": "9"}
)
_MAX_EXPONENT = 60
"""Exponents beyond this are junk, not news (and would make huge Decimals)."""


def _exponent(ctx: Ctx, k: int) -> tuple[int, int] | None:
    """An exponent written at token ``k`` glued to what precedes it: "^6", "−30", "6", "⁻³⁰",
    "^-3" -> (value, end token)."""
    if not ctx.glued[k]:
        return None
    if ctx.lw[k] == "^":
        k += 1
        if not ctx.glued[k]:
            return None
    sign = 1
    if ctx.lw[k] in _MINUS or ctx.lw[k] == "+":
        sign = -1 if ctx.lw[k] != "+" else 1
        k += 1
        if not ctx.glued[k]:
            return None
    t = ctx.tp[k]
    if t is None:
        return None
    if t.kind == "num" and t.text.isdigit() and len(t.text) <= 3:
        e = int(t.text)
    elif t.kind == "word" and all(c in _SUPERSCRIPT for c in t.text) and len(t.text) <= 3:
        e = int("".join(_SUPERSCRIPT[c] for c in t.text))
    else:
        return None
    if e > _MAX_EXPONENT:
        return None
    return sign * e, k + 1


@NUMBER_RULES.register("scientific", 55, _NUM)
def _scientific(ctx: Ctx, i: int) -> Num | None:
    """"1.99×10−30", "6.02 x 10^23", "3×10⁸", "1.5e6", "2E-3": a mantissa times a power of ten."""
    t = ctx.toks[i]
    if t.kind != "num" or not ctx.near(i + 1):
        return None
    digits = digits_of(t.text)
    op = ctx.lw[i + 1]
    if op in _TIMES and ctx.lw[i + 2] == "10" and ctx.near(i + 2):
        ex = _exponent(ctx, i + 3)
    elif op == "e" and ctx.glued[i + 1] and "," not in t.text:
        ex = _exponent(ctx, i + 2)
    else:
        return None
    if ex is None:
        return None
    e, j = ex
    mant = _dec(digits)
    if mant is None:
        return None
    scale = D(1).scaleb(e)
    value = mant * scale
    neg = _neg_before(ctx, i)
    if neg is not None:
        value = -value
    return Num(i, j, value, precision_of(digits, scale), "digits", raw=mant, scale=scale, neg_start=neg)


@NUMBER_RULES.register("digits", 50, _NUM)
def _digits(ctx: Ctx, i: int) -> Num | None:
    t = ctx.toks[i]
    if t.kind != "num":
        return None
    digits = digits_of(t.text)
    v = _dec(digits)
    if v is None:
        return None
    plain = digits.isdigit() and digits == t.text
    j = i + 1
    scale = D(1)
    frac = D(0)
    # 2½
    nxt = ctx.tp[j]
    if nxt is not None and nxt.text in W.UNICODE_FRACTIONS and ctx.glued[j] and "." not in digits:
        frac = W.UNICODE_FRACTIONS[nxt.text]
        j += 1
        plain = False
    nxt = ctx.tp[j]
    if nxt is not None and nxt.kind == "word":
        low = nxt.low
        if low in W.SCALE_WORDS and low != "hundred" and ctx.near(j):
            scale = W.SCALE_WORDS[low]
        elif low in W.SCALE_ABBREV and ctx.glued[j] and nxt.text not in ("M", "B", "T") or (
            low in ("bn", "mn", "tn", "trn", "bln", "mln", "lakh", "lakhs", "crore", "crores") and ctx.near(j)
        ):
            cur_before = ctx.tp[i - 1] is not None and ctx.toks[i - 1].text in _CURRENCY_SIGNS
            if not (low == "m" and _metre_context(ctx, j) and not cur_before):
                scale = W.SCALE_ABBREV[low]  # "$5m-$7m": million after a currency sign
            if low == "m" and not _million_context(ctx, i, j):
                scale = D(1)
            if nxt.text == "b" and not cur_before and not _billion_b(ctx, i, j, digits):
                scale = D(1)  # "a 1500b packet": bits or bytes, not billions
            if nxt.text == "K" and not cur_before and not (ctx.tp[j + 1] is not None and ctx.toks[j + 1].kind == "word") and not (
                ctx.headline and digits.isdigit() and not _temperature_near(ctx, i)
            ):
                scale = D(1)  # "573.15K": kelvin; a headline's "Hits 1K" is a thousand
        elif (
            nxt.text == "k" and not ctx.glued[j] and ctx.near(j) and "." in digits
            and ctx.lw[j + 1] in _END_OF_FIGURE and _not_label(ctx, i)
        ):
            scale = W.SCALE_ABBREV["k"]  # "2.33 k"
        elif (
            nxt.text in ("M", "B", "T") and ctx.glued[j] and ctx.lw[j + 1] not in _METRE_NEXT
            and (ctx.tp[i - 1] is not None and ctx.toks[i - 1].text in _CURRENCY_SIGNS or ctx.title)
            and not (ctx.tp[j + 1] is not None and ctx.glued[j + 1] and ctx.toks[j + 1].kind in ("num", "word"))
        ):
            scale = D(10) ** {"M": 6, "B": 9, "T": 12}[nxt.text]
        elif (
            nxt.text == "G" and ctx.glued[j] and ctx.tp[i - 1] is not None and ctx.toks[i - 1].text in _CURRENCY_SIGNS
            and ctx.glued[i] and not (ctx.tp[j + 1] is not None and ctx.glued[j + 1] and ctx.toks[j + 1].kind in ("num", "word"))
        ):
            scale = D(1000)  # "$609G": grand
    dozen = False
    if scale != 1:
        j += 1
        plain = False
        # "1.5 million-2 million": nothing more here; "2 billion dollars" handled by units
    elif (
        not frac and digits.isdigit() and ctx.lw[j] in ("dozen", "dozens") and ctx.near(j)
        and (ctx.lw[j] == "dozen" or ctx.lw[j + 1] != "of")
    ):
        scale, dozen, plain = D(12), True, False  # "3 dozen", "3 dozens": counted, no rounding
        j += 1
    value = (v + frac) * scale
    prec = None if frac or dozen else _precision(digits, scale)
    neg = _neg_before(ctx, i)
    if neg is not None:
        value = -value
    return Num(i, j, value, prec, "digits", raw=v + frac, scale=scale, plain=plain, neg_start=neg)


_TEMPERATURE_CUES: frozenset[str] = frozenset(
    "temperature temperatures kelvin degrees degree cold heat hot warm cool cools cooled heated absolute zero".split()
)


def _temperature_near(ctx: Ctx, i: int) -> bool:
    lo = max(0, i - 6)
    ctx.work += i - lo
    return not _TEMPERATURE_CUES.isdisjoint(ctx.lows[lo : i + 4])


def _neg_before(ctx: Ctx, i: int) -> int | None:
    """Token index of a minus sign or word before the digits at ``i`` ("-15C", "minus 4"); not the
    dash of "3-1", "B-52" or "10%-12%"."""
    if (
        ctx.lw[i - 1] in ("-", "\u2212") and ctx.glued[i] and i - 1 >= ctx.floor
        and not (i >= 2 and ctx.glued[i - 1] and (ctx.toks[i - 2].kind in ("num", "word") or ctx.toks[i - 2].text == "%"))
    ):
        return i - 1
    if ctx.lw[i - 1] in ("minus", "negative") and i - 1 >= ctx.floor:
        return i - 1
    if (
        ctx.lw[i - 1] in ("-", "\u2212") and ctx.glued[i] and ctx.glued[i - 1]
        and ctx.lw[i - 2] in ("minus", "negative") and i - 2 >= ctx.floor
    ):
        return i - 2  # "minus-5 yards"
    return None


_A_HEDGES = frozenset(
    "more than|over|nearly|almost|about|around|less than|under|just over|just under|at least|"
    "up to|within|well over|roughly|some|close to|after more than|for more than|for over".split("|")
)


def _a_hedge(ctx: Ctx, i: int) -> bool:
    h = match_hedge_before(ctx, i)
    if h is None:
        return False
    return " ".join(ctx.toks[k].low for k in range(h[1], i)) in _A_HEDGES


def _cardinal(ctx: Ctx, i: int) -> tuple[Decimal, int, bool] | None:
    """Parse spelled cardinals from token ``i``: value, end token, ended-on-scale."""
    total = D(0)
    current = D(0)
    j = i
    seen = False
    last = ""
    limit = min(len(ctx.toks), i + 40)
    while j < limit:
        ctx.work += 1
        t = ctx.toks[j]
        low = t.low
        if seen and j > i and not ctx.near(j) and low != "-":
            break
        if low in W.UNITS_WORDS and last not in ("unit", "teen"):
            if seen and last == "tens" and not (ctx.lw[j - 1] == "-" or ctx.near(j)):
                break
            current += W.UNITS_WORDS[low]
            last = "teen" if W.UNITS_WORDS[low] >= 10 else "unit"
        elif low in W.TENS_WORDS and last in ("", "hundred", "and", "scale"):
            current += W.TENS_WORDS[low]
            last = "tens"
        elif low == "hundred" and last in ("unit", "teen", "tens", "a") and current < 100:
            current = (current or D(1)) * 100
            last = "hundred"
        elif (
            low == "hundred" and not seen and ctx.lw[j + 1] in ("thousand", "million", "billion", "trillion")
            and ctx.near(j + 1)
        ):
            current = D(100)  # "hundred thousand": a bare hundred only before a larger scale word
            last = "hundred"
        elif low in W.SCALE_WORDS and low != "hundred" and last in ("unit", "teen", "tens", "hundred", "a"):
            total += (current or D(1)) * W.SCALE_WORDS[low]
            current = D(0)
            last = "scale"
        elif low == "-" and last == "tens" and ctx.glued[j] and ctx.lw[j + 1] in W.UNITS_WORDS:
            j += 1
            continue
        elif low == "and" and last in ("hundred", "scale") and (
            ctx.lw[j + 1] in W.UNITS_WORDS or ctx.lw[j + 1] in W.TENS_WORDS
        ) and not (ctx.lw[j + 1] in W.UNITS_WORDS and ctx.lw[j + 2] in W.FRACTION_DENOMS):
            # ("six million and two thirds" stops before "and": see _and_fraction)
            last = "and"
            j += 1
            continue
        elif low in ("a", "an") and not seen and ctx.lw[j + 1] in ("hundred", "thousand", "million", "billion", "trillion"):
            current = D(1)
            last = "a"
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None
    return total + current, j, last == "scale"


@NUMBER_RULES.register("words", 40, _WORD)
def _words(ctx: Ctx, i: int) -> Num | None:
    t = ctx.toks[i]
    if t.kind != "word":
        return None
    low = t.low
    # unicode fraction alone
    if t.text in W.UNICODE_FRACTIONS:
        v = W.UNICODE_FRACTIONS[t.text]
        return Num(i, i + 1, v, None, "fraction", raw=v)
    # a dozen / a score of
    if low in ("a", "an") and ctx.lw[i + 1] == "dozen":
        return Num(i, i + 2, D(12), None, "words", raw=D(12))
    hedged = ctx.lw[i - 1] == "by" or match_hedge_before(ctx, i) is not None
    # a hundredth of a second, one thousandth of
    if low in ("a", "an", "one") and ctx.lw[i + 1] in _SMALL_DENOMS and ctx.lw[i + 2] == "of":
        v = D(1) / _SMALL_DENOMS[ctx.lw[i + 1]]
        if ctx.lw[i + 3] in ("a", "an") and match_unit(ctx, i + 4, after_number=False) is not None:
            return Num(i, i + 4, v, None, "fraction", raw=v)
        return Num(i, i + 2, v, None, "fraction", raw=v)
    # a quarter of a percentage point
    if (
        low in ("a", "an", "one") and ctx.lw[i + 1] in W.FRACTION_DENOMS and ctx.lw[i + 2] == "of"
        and ctx.lw[i + 3] in ("a", "an") and match_unit(ctx, i + 4, after_number=False) is not None
    ):
        v = D(1) / W.FRACTION_DENOMS[ctx.lw[i + 1]]
        return Num(i, i + 4, v, None, "fraction", raw=v)
    # a third of / a quarter of / (by) a quarter
    if low in ("a", "an", "one") and ctx.lw[i + 1] in W.FRACTION_DENOMS and (
        ctx.lw[i + 2] == "of" or hedged
    ) and (ctx.lw[i + 1] not in ("half", "halves") or hedged and ctx.lw[i - 1] != "by"):
        v = D(1) / W.FRACTION_DENOMS[ctx.lw[i + 1]]
        return Num(i, i + 2, v, None, "fraction", raw=v)
    # "a half" standing alone ("it is a half."), not "a year and a half", "by a half", "a half marathon"
    if low in ("a", "an") and ctx.lw[i + 1] == "half" and ctx.lw[i + 2] in _END_OF_FIGURE and ctx.lw[i - 1] not in ("and", "by"):
        return Num(i, i + 2, D("0.5"), None, "fraction", raw=D("0.5"))
    # "more than a year", "nearly a month": one unit, only with a hedge
    if low in ("a", "an") and ctx.lw[i - 1] != "by" and _a_hedge(ctx, i):
        um = match_unit(ctx, i + 1, after_number=False)
        if um is not None and um[0].dim != "currency":
            return Num(i, i + 1, D(1), None, "a", raw=D(1))
        return None
    # half million, a quarter million, three quarters billion
    k = i + 1 if low in ("a", "an") else i
    if ctx.lw[k] in ("half", "quarter") and ctx.lw[k + 1] in W.SCALE_WORDS and ctx.lw[k + 1] != "hundred":
        v = W.SCALE_WORDS[ctx.lw[k + 1]] / (2 if ctx.lw[k] == "half" else 4)
        return Num(i, k + 2, v, None, "words", raw=v)
    # half a million / half of / half the / half a cent / nearly half / half a dozen
    if low == "half" and ctx.lw[i + 1] == "a" and ctx.lw[i + 2] == "dozen":
        return Num(i, i + 3, D(6), None, "words", raw=D(6))
    if low == "half":
        if ctx.lw[i + 1] == "a" and ctx.lw[i + 2] in W.SCALE_WORDS:
            v = W.SCALE_WORDS[ctx.lw[i + 2]] / 2
            return Num(i, i + 3, v, None, "words", raw=v)
        if ctx.lw[i + 1] in ("a", "an") and match_unit(ctx, i + 2, after_number=False) is not None:
            return Num(i, i + 2, D("0.5"), None, "fraction", raw=D("0.5"))
        if (ctx.lw[i + 1] in ("of", "the", "an", "a", "their", "its", "all") or hedged) and not (
            ctx.lw[i - 1] in ("first", "second", "the", "other", "a", "one")
        ):
            return Num(i, i + 1, D("0.5"), None, "fraction", raw=D("0.5"))
        return None
    parsed = _cardinal(ctx, i)
    if parsed is None:
        return None
    v, j, ended_on_scale = parsed
    weak = j == i + 1 and low in ("one", "zero") and ctx.lw[i - 1] not in ("minus", "negative")
    # two dozen, three dozens
    if ctx.lw[j] in ("dozen", "dozens") and ctx.near(j) and (ctx.lw[j] == "dozen" or ctx.lw[j + 1] != "of"):
        # "three hundred and two dozens" is 300 + 2 x 12: the dozens multiply the part after "and"
        tail = _after_and(ctx, i, j)
        return Num(i, j + 1, v - tail + tail * 12, None, "words", raw=v - tail + tail * 12)
    # two-thirds, three quarters, one third
    den = W.FRACTION_DENOMS.get(ctx.lw[j])
    if den and (ctx.near(j) or (ctx.lw[j - 1] == "-")) and v < den and j == i + 1:
        if ctx.lw[j + 1] in W.SCALE_WORDS and ctx.lw[j + 1] != "hundred":
            f = W.SCALE_WORDS[ctx.lw[j + 1]] * v / den
            return Num(i, j + 2, f, None, "words", raw=f)
        return Num(i, j + 1, v / den, None, "fraction", raw=v / den)
    if ctx.lw[j] == "-" and ctx.glued[j] and ctx.lw[j + 1] in W.FRACTION_DENOMS and v < W.FRACTION_DENOMS[ctx.lw[j + 1]]:
        d = W.FRACTION_DENOMS[ctx.lw[j + 1]]
        return Num(i, j + 2, v / d, None, "fraction", raw=v / d)
    # two and a half, five and a quarter, twenty and three fifths; after a scale word the fraction
    # is of that scale: "one million and a half" 1,500,000, "six million and two thirds"
    mixed = _and_fraction(ctx, j)
    if mixed is not None:
        f, j2 = mixed
        sc = W.SCALE_WORDS[ctx.lw[j - 1]] if ended_on_scale and ctx.lw[j - 1] in W.SCALE_WORDS else D(1)
        if sc >= 1000:
            if ctx.lw[j2] in W.SCALE_WORDS and ctx.lw[j2] != "hundred":  # "one billion and a half million"
                sc = W.SCALE_WORDS[ctx.lw[j2]]
                j2 += 1
            v += f * sc
        else:
            v += f
            if ctx.lw[j2] in W.SCALE_WORDS:  # "two and a half million"
                v *= W.SCALE_WORDS[ctx.lw[j2]]
                j2 += 1
        return Num(i, j2, v, None, "words", raw=v)
    # "one hundred twenty fifth", "two hundredth": a spelled ordinal, not a figure
    if (ctx.lw[j] in _ORDINAL_WORDS and ctx.near(j) and not (ctx.lw[j] == "second" and v == 1)) or (
        ctx.lw[j] == "-" and ctx.glued[j] and ctx.lw[j + 1] in _ORDINAL_WORDS
    ):
        return Num(i, j + 1 + (ctx.lw[j] == "-"), D(0), None, "skip")
    neg = i - 1 if ctx.lw[i - 1] in ("minus", "negative") and i - 1 >= ctx.floor else None
    return Num(i, j, -v if neg is not None else v, None, "words", raw=v, weak=weak, neg_start=neg)


_SMALL_DENOMS: MappingProxyType[str, int] = MappingProxyType(
    {"hundredth": 100, "hundredths": 100, "thousandth": 1000, "thousandths": 1000}
)
"""Denominators read only in "a hundredth of", "one thousandth of" (else they are ordinals)."""

_AND_A_FRACTION: frozenset[str] = frozenset(
    {"half", "third", "quarter", "fourth", "fifth", "sixth", "seventh", "eighth", "tenth"}
)
"""Denominators of "two and a half", "one and a fourth", "three and one fifth"."""


def _and_fraction(ctx: Ctx, j: int) -> tuple[Decimal, int] | None:
    """"and a half", "and one fourth", "and three fifths" at token ``j``: the fraction and its end
    (not "and two thirds of them")."""
    if ctx.lw[j] != "and":
        return None
    k = j + 1
    w = ctx.lw[k]
    if w in ("a", "an", "one"):
        num = D(1)
        if ctx.lw[k + 1] not in _AND_A_FRACTION:
            return None
    elif w in W.UNITS_WORDS and ctx.lw[k + 1] in W.FRACTION_DENOMS:
        num = D(W.UNITS_WORDS[w])
    else:
        return None
    den = W.FRACTION_DENOMS[ctx.lw[k + 1]]
    if not (0 < num < den) or ctx.lw[k + 2] == "of":
        return None
    return num / den, k + 2


def _after_and(ctx: Ctx, i: int, j: int) -> Decimal:
    """Value of the cardinal after the last "and" in tokens ``[i, j)``, or the whole value if none."""
    for k in range(j - 1, i, -1):
        ctx.work += 1
        if ctx.lw[k] == "and":
            parsed = _cardinal(ctx, k + 1)
            if parsed is not None and parsed[1] == j:
                return parsed[0]
            break
    parsed = _cardinal(ctx, i)
    return parsed[0] if parsed is not None else D(0)


_ORDINAL_WORDS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth "
    "thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth hundredth thousandth "
    "millionth billionth trillionth".split()
)


@NUMBER_RULES.register("one_in_n", 60, _NUM_WORD)
def _one_in_n(ctx: Ctx, i: int) -> Num | None:
    """"one in five", "1 in 4": a ratio."""
    t = ctx.toks[i]
    if t.kind == "num" and t.text.isdigit():
        a: Decimal | None = D(t.text)
        k = i + 1
    elif t.low in W.UNITS_WORDS:
        a, k = D(W.UNITS_WORDS[t.low]), i + 1
    else:
        return None
    if ctx.lw[k] == "out" and ctx.lw[k + 1] == "of" and ctx.near(k + 1):
        k += 1  # "nine out of 10"
    elif ctx.lw[k] != "in":
        return None
    if ctx.lw[i - 1] == "for" and _is_num(ctx, i - 2):
        return None  # cricket: "253 for 3 in 61 overs"
    if ctx.lw[k + 1] == "every":
        k += 1  # "one in every five", "one out of every 10"
    u = ctx.tp[k + 1]
    if u is None:
        return None
    if u.kind == "num" and "." not in u.text:
        b: Decimal | None = _dec(digits_of(u.text))
        end = k + 2
    elif u.low in W.UNITS_WORDS or u.low in W.TENS_WORDS:
        parsed = _cardinal(ctx, k + 1)
        if parsed is None:
            return None
        b, end, _ = parsed
    else:
        return None
    if ctx.lw[end] in ("hundreds", "thousands", "millions", "billions"):
        return None  # "two out of five hundreds"
    if u.kind == "num" and u.text.isdigit() and len(u.text) == 4 and 1000 <= (b or 0) <= 2200:
        return None  # "up from 9 in 2023"
    if ctx.lw[end] in ("%", "per", "percent", "pc") or ctx.lw[end] in table().words and ctx.glued[end]:
        return None  # "grade 9 in 12% of entries"
    if a is None or not b or a >= b or b > 1000000:
        return None
    # "one in 10 years" is not a ratio
    if ctx.lw[end] in table().words and table().words[ctx.lw[end]].dim == "duration":
        return None
    return Num(i, end, a / b, None, "ratio", raw=a / b)


_DUMP_SEPS = frozenset(",.-;:/|")
_DUMP_MIN = 100
"""A run of at least this many bare numbers separated only by the punctuation of
:data:`_DUMP_SEPS` or spaces ("1,1,1,...", a pasted data dump) is not prose."""
_DUMP_MARGIN = 8
"""Tokens kept at each end of such a run, so the figures at its edges read as before."""


def dumps(toks: list[Token]) -> list[tuple[int, int]]:
    """Token ranges ``[start, end)``, in order, inside long runs of bare numbers, skipped by both passes.

    One linear scan; a run is broken by any word, paragraph break, other symbol or two separators
    in a row.  Only the inside of a run (``_DUMP_MARGIN`` tokens in from each end) is skipped.
    """
    out: list[tuple[int, int]] = []
    n = len(toks)
    k = 0
    while k < n:
        if toks[k].kind != "num":
            k += 1
            continue
        a = k
        count = 0
        prev_sep = True
        while k < n:
            t = toks[k]
            if t.kind == "num":
                count += 1
                prev_sep = False
            elif t.kind == "sym" and t.text in _DUMP_SEPS and not prev_sep:
                prev_sep = True
            else:
                break
            k += 1
        if count >= _DUMP_MIN:
            out.append((a + _DUMP_MARGIN, k - _DUMP_MARGIN))
    return out


def _digit_count(text: str) -> int:
    return sum(text.count(c) for c in "0123456789")


def _skip_dump(ctx: Ctx, i: int) -> int:
    """``i``, or the end of the skipped dump range containing token ``i`` (sets the floor there)."""
    ds = ctx.dumps
    while ctx.dump_at < len(ds) and ds[ctx.dump_at][1] <= i:
        ctx.dump_at += 1
    if ctx.dump_at < len(ds) and ds[ctx.dump_at][0] <= i:
        i = ds[ctx.dump_at][1]
        ctx.floor = i
    return i


def numbers(ctx: Ctx) -> None:
    """Pass 1: fill ``ctx.nums`` with non-overlapping number nodes keyed by first token."""
    toks = ctx.toks
    n = len(toks)
    # a dump has at least _DUMP_MIN numbers, each with a digit: most texts have too few digits
    ctx.dumps = dumps(toks) if _digit_count(ctx.text) >= _DUMP_MIN else []
    ctx.dump_at = 0
    if not ctx.dumps:
        # the same scan over the tokens that can matter: numbers, number words, paragraph breaks
        pos = 0
        for i in [k for k, t in enumerate(toks) if t.kind in _NUM_OR_PAR or t.low in _NUMBER_STARTS]:
            if i < pos:
                continue
            if toks[i].kind == "par":
                ctx.floor = i + 1
                continue
            m = NUMBER_RULES.first(ctx, i)
            if m is not None:
                ctx.nums[i] = m
                pos = max(m.j, i + 1)
                ctx.floor = pos
        ctx.floor = 0
        return
    i = 0
    while i < n:
        if ctx.dumps:
            i = _skip_dump(ctx, i)
            if i >= n:
                break
        t = toks[i]
        if t.kind == "par":
            ctx.floor = i + 1
        elif t.kind == "num" or (t.kind == "word" and (t.low in _NUMBER_STARTERS or t.text in W.UNICODE_FRACTIONS)):
            m = NUMBER_RULES.first(ctx, i)
            if m is not None:
                ctx.nums[i] = m
                i = max(m.j, i + 1)
                ctx.floor = i
                continue
        i += 1
    ctx.floor = 0


_NUMBER_STARTERS = (
    frozenset(W.UNITS_WORDS) | frozenset(W.TENS_WORDS) | {"a", "an", "half", "hundred", "quarter"}
    | {"thousand", "million", "billion", "trillion"}
)
_NUMBER_STARTS: frozenset[str] = _NUMBER_STARTERS | frozenset(W.UNICODE_FRACTIONS)
"""Lower-cased words that may start a number (only word tokens can have these lows)."""
_NUM_OR_PAR: frozenset[str] = frozenset({"num", "par"})


# --------------------------------------------------------------------------- units

def _key(ctx: Ctx, i: int, j: int) -> str:
    parts = [ctx.toks[i].text]
    for k in range(i + 1, j):
        parts.append(("" if ctx.glued[k] else " ") + ctx.toks[k].text)
    return "".join(parts)


@cache
def _unit_prefixes() -> tuple[frozenset[str], frozenset[str]]:
    """Every proper prefix of every unit symbol, and of every unit word (lower case)."""
    tab = table()
    return (
        frozenset(k[:a] for k in tab.symbols for a in range(1, len(k))),
        frozenset(k[:a] for k in tab.words for a in range(1, len(k))),
    )


def match_unit(ctx: Ctx, k: int, *, after_number: bool = True) -> tuple[Unit, int] | None:
    """Longest unit starting at token ``k`` (or ``k + 1`` after a joining hyphen: "six-mile")."""
    tab = table()
    if ctx.lw[k] == "-" and ctx.glued[k] and ctx.tp[k + 1] is not None and ctx.glued[k + 1]:
        k += 1
    t = ctx.tp[k]
    if t is not None and t.text in _OPEN and after_number and ctx.near(k):
        close = ctx.tp[k + 2]
        inner = ctx.tp[k + 1]
        if close is not None and inner is not None and close.text == _OPEN[t.text] and ctx.glued[k + 1] and ctx.glued[k + 2]:
            u = tab.symbols.get(inner.text) or tab.words.get(inner.low)
            if u is not None:
                return u, k + 3
        return None
    if t is not None and t.text == '"' and after_number and ctx.glued[k] and _inch_mark(ctx, k):
        u = tab.words.get("inch")
        return (u, k + 1) if u is not None else None
    if t is None or (t.low not in tab.starts and t.text not in tab.starts):
        return None
    if t.kind == "par" or not ctx.near(k) and not (ctx.gap(k).strip() == "" and len(ctx.gap(k)) <= 2 and "\n" not in ctx.gap(k)):
        return None
    best: tuple[Unit, int] | None = None
    hi = min(len(ctx.toks), k + 5)
    key = ""
    glued = ctx.tp[k + 1] is not None and ctx.glued[k + 1] and (
        ctx.toks[k + 1].kind in ("num", "word") or ctx.toks[k + 1].text == "-"
    )
    sym_pre, word_pre = _unit_prefixes()
    for j in range(k + 1, hi + 1):
        ctx.work += 1
        if j > k + 1 and not ctx.near(j - 1):
            break
        if j > k + 1 and key.isascii() and key not in sym_pre and key.lower() not in word_pre:
            break  # no longer surface starts with this key
        # == _key(ctx, k, j), built one token at a time
        key = ctx.toks[k].text if j == k + 1 else key + ("" if ctx.glued[j - 1] else " ") + ctx.toks[j - 1].text
        u = tab.symbols.get(key) or tab.words.get(key.lower())
        if u is None and j == k + 1 and after_number and key in ("in", "L") and ctx.near(k) and not glued:
            nxt = ctx.tp[k + 1]
            if key == "L" or nxt is None or nxt.text in (".", ",", ";", ")", "!", "?") and not (
                nxt.text == "." and ctx.tp[k + 2] is not None and ctx.toks[k + 2].text[:1].isupper()
                and key == "in"
            ) or nxt.low in _INCH_NEXT:
                u = tab.words.get("inch") if key == "in" else tab.tight.get("L")
        if u is None and j == k + 1 and after_number and key == "m" and not ctx.glued[k] and ctx.near(k) and not glued:
            nxt = ctx.tp[k + 1]
            if nxt is None or nxt.kind in ("num", "sym", "par") and nxt.text not in ("$", "\u00a3", "\u20ac") or nxt.low == "x":
                u = tab.tight.get(key)  # "1 m x 1 m", "12 m 2 dm"
        if u is None and j == k + 1 and after_number and ctx.glued[k]:
            u = tab.tight.get(key)
            if u is not None and u.dim == "temperature" and _implausible_temperature(ctx, k):
                u = None
            if u is not None and ctx.tp[k + 1] is not None and ctx.glued[k + 1] and ctx.toks[k + 1].kind in ("num", "word"):
                u = None
        if u is not None:
            # "in." / "st" only directly after digits ("5in.", "15st"); spaced "in" is handled above
            if ctx.lw[k] in ("in", "st") and j == k + 2 and not ctx.glued[k]:
                continue
            if u.name == "stone" and ctx.lw[k] == "st" and not ctx.glued[k]:
                continue
            best = (u, j)
    return best


_QUOTE_LOOKBACK = 400


def _inch_mark(ctx: Ctx, k: int) -> bool:
    """A straight double quote glued after digits is an inch mark ('a 65" screen', '9"') unless it
    closes a quotation: an odd number of double quotes earlier on the line opens one."""
    nxt = ctx.tp[k + 1]
    if nxt is not None and ctx.glued[k + 1] and nxt.kind in ("num", "word") and nxt.low != "x":
        return False
    start = ctx.toks[k].start
    lo = max(0, start - _QUOTE_LOOKBACK)
    line0 = ctx.text.rfind("\n", lo, start) + 1 or lo
    ctx.work += 1
    return ctx.text.count('"', line0, start) % 2 == 0


def _implausible_temperature(ctx: Ctx, k: int) -> bool:
    """"777F" (an aircraft), "13F filing": a bare C/F after digits outside weather-like values, or
    followed by a noun that is not about weather."""
    v = _dec(digits_of(ctx.toks[k - 1].text)) if ctx.toks[k - 1].kind == "num" else None
    if v is None:
        return False
    if ctx.toks[k].text == "C" and v > 70 or ctx.toks[k].text == "F" and v > 160:
        return True
    return ctx.lw[k + 1] in ("filing", "filings", "form", "forms", "freighter", "freighters", "be", "filed")


_OPEN = MappingProxyType({"(": ")", "[": "]", "{": "}", "<": ">"})
_INCH_NEXT = frozenset("thick long wide tall high deep across screen display".split())

_CURRENCY_MAX = 5


@cache
def _currency_suffixes() -> frozenset[str]:
    """Every suffix of every currency symbol: the last token before a currency's number is one."""
    return frozenset(
        k[a:] for k, u in table().symbols.items() if u.dim == "currency" for a in range(len(k))
    )


def match_currency_before(ctx: Ctx, i: int) -> tuple[Unit, int] | None:
    """A currency symbol or code ending just before token ``i`` ("$", "US$", "A$", "USD ")."""
    if not (0 < i <= ctx.n) or ctx.toks[i - 1].text not in _currency_suffixes():
        return None  # every currency key ends with the text of token ``i - 1``
    tab = table()
    suffixes = _currency_suffixes()
    best: tuple[Unit, int] | None = None
    key = ""
    for s in range(i - 1, max(ctx.floor, i - _CURRENCY_MAX) - 1, -1):
        ctx.work += 1
        if not ctx.near(s + 1):
            break
        # == _key(ctx, s, i), built one token at a time from the right
        key = ctx.toks[s].text if s == i - 1 else ctx.toks[s].text + ("" if ctx.glued[s + 1] else " ") + key
        u = tab.symbols.get(key)
        if u is not None and u.dim == "currency":
            best = (u, s)
        if key not in suffixes:
            break  # no longer symbol ends with this key
    if best is not None:
        u, s = best
        # a code written as a word needs a space or adjacency; "Rs" fine; "$" fine
        return best
    return None


@cache
def _hedge_last_tokens() -> frozenset[str]:
    """Last token of every hedge: a cheap pre-check before building keys."""
    from .tokenize import tokenize

    return frozenset(tokenize(k)[-1].low for k in W.HEDGES if tokenize(k))


@cache
def _hedge_suffixes() -> frozenset[str]:
    """Every suffix of every hedge key: a key that is none of these cannot grow into a hedge."""
    return frozenset(k[a:] for k in W.HEDGES for a in range(len(k)))


def match_hedge_before(ctx: Ctx, i: int) -> tuple[tuple[str, str], int] | None:
    if ctx.lw[i - 1] not in _hedge_last_tokens():
        return None
    best = None
    lw = ctx.lw
    suffixes = _hedge_suffixes()
    key = ""
    for s in range(i - 1, max(ctx.floor, i - W.HEDGE_MAX) - 1, -1):
        ctx.work += 1
        if not ctx.near(s + 1) and ctx.gap(s + 1).strip():
            break
        key = lw[s] if s == i - 1 else lw[s] + " " + key  # == " ".join(lows[s:i])
        h = W.HEDGES.get(key)
        if h is None and ctx.glued[s + 1]:
            h = W.HEDGES.get(key.replace(" ", ""))
        if h is not None:
            best = (h, s)
        if key not in suffixes and (" " not in key or key.replace(" ", "") not in suffixes):
            break  # no longer hedge ends with this key
    return best


# --------------------------------------------------------------------------- figures

def _score_context(ctx: Ctx, i: int, j: int) -> bool:
    lo, hi = max(0, i - 5), min(len(ctx.toks), j + 5)
    ctx.work += hi - lo
    return not W.SCORE_CONTEXT.isdisjoint(ctx.lows[lo:hi])


_BY_UP = W.CHANGE_UP | frozenset("raised raise raises raising boosted lifted lifts lift increased extended".split())
_BY_DOWN = W.CHANGE_DOWN | frozenset("reduced cutting shortened lowered".split())
_PARTICLE = frozenset(
    "shot makes make made making set sets take takes took taken put puts broke break breaks "
    "turned turn back cut wind shut stepped step backed pick picked sum summed paid pay pays end "
    "ended ends close closed came come comes went go goes burn burned burnt tore torn bring "
    "brought gear geared ramp ramped scale scaled top topped add added adds mount mounted locked "
    "mark marked write wrote written signed sign showed show "
    "knocked knock held hold holds tied tie ties".split()
)
_LEVEL_HEDGES = frozenset({"below", "above", "under", "over", "up to", "beyond"})


def _direction_before(ctx: Ctx, k: int) -> str | None:
    """Change word just before token ``k``: "rose 6.5%", "fell by 300", "up 3%", "cut risk by
    20%" (after "by" the verb may be a few words back)."""
    s = k - 1
    steps = 0
    by = False
    of = False
    while s >= ctx.floor and steps < 4 and ctx.lw[s] in W.CHANGE_GLUE:
        by = by or ctx.lw[s] == "by"
        of = of or ctx.lw[s] == "of"
        s -= 1
        steps += 1
    if s < ctx.floor:
        return None
    w = ctx.lw[s]
    if of and not by:
        if w in W.CHANGE_NOUN_UP:
            return "up"
        if w in W.CHANGE_NOUN_DOWN:
            return "down"
    if by:
        for t in range(s, max(-1, s - 14), -1):
            ctx.work += 1
            x = ctx.lw[t]
            if x in (".", ";", ":", "!", "?") or ctx.tp[t] is None or ctx.toks[t].kind == "par":
                break
            if x in _BY_UP:
                return "up"
            if x in _BY_DOWN:
                return "down"
        return None
    # "an increase of 5%", "a fall of 300"
    if w == "of" and s - 1 >= ctx.floor:
        n = ctx.lw[s - 1]
        if n in W.CHANGE_NOUN_UP and n not in ("above", "more", "higher"):
            return "up"
        if n in W.CHANGE_NOUN_DOWN and n not in ("below", "fewer", "less", "lower"):
            return "down"
        return None
    if w in ("up", "down") and (s - 1 < ctx.floor or ctx.lw[s - 1] in _PARTICLE):
        return None
    if w in W.CHANGE_UP:
        return "up"
    if w in W.CHANGE_DOWN:
        return "down"
    return None


def _direction_after(ctx: Ctx, j: int, has_unit: bool = True) -> str | None:
    k = j + (ctx.lw[j] == "-" and ctx.glued[j])
    w = ctx.lw[k]
    if w in ("higher", "lower") and not has_unit and ctx.lw[k + 1] != "than":
        return None  # "four lower-house seats"
    if w in ("above", "below", "more", "fewer", "less") and ctx.lw[k + 1] not in (
        "than", "the", "their", "its", "a", "last", "in", "on", "pre", "average", "normal", "his", "her"
    ):
        return None
    if w in W.CHANGE_NOUN_UP:
        return "up"
    if w in W.CHANGE_NOUN_DOWN:
        return "down"
    return None


_FROM_CHANGE = W.CHANGE_UP | W.CHANGE_DOWN | frozenset(W.FACTORS) | frozenset(
    "up down changed change changes went go goes moved move moves expand expands expanding "
    "shift shifted shifts increased decreased revised".split()
)


def _change_before_from(ctx: Ctx, s: int) -> bool:
    """A change word before "from" at ``s`` in the same clause ("rose from 40 to 50", "doubled
    since 2021, from 40,000 to 60,000"): endpoints, not a range."""
    for k in range(s - 1, max(-1, s - 9), -1):
        ctx.work += 1
        w = ctx.lw[k]
        if w in (".", ";", "!", "?") or ctx.toks[k].kind == "par":
            return False
        if w in _FROM_CHANGE:
            return True
    return False


_RANGE_WORDS = frozenset({"to", "-", "\u2013", "\u2014", "and", "or", "through", "\u2212", "~"})


def _range_end(ctx: Ctx, first: Num, k: int, prefix: str, cur: Unit | None) -> tuple[Num, int, Unit | None] | None:
    """Second end of a range starting with connector at token ``k``."""
    conn = ctx.lw[k]
    if conn not in _RANGE_WORDS:
        return None
    if conn == "and" and prefix != "between":
        return None
    if prefix == "between" and conn not in ("and", "to", "-", "\u2013"):
        return None
    if conn == "or" and not (first.form == "words" or (first.plain and first.value < 100)):
        return None
    if conn in ("-", "\u2013", "\u2014", "\u2212") and not (ctx.glued[k] or ctx.near(k)):
        return None
    if conn == "~" and not (ctx.glued[k] and ctx.glued[k + 1]):
        return None
    if conn == "-" and not (ctx.glued[k] and ctx.glued[k + 1]) and not (ctx.near(k) and ctx.near(k + 1)):
        return None
    m = k + 1
    u2 = None
    # a currency before the second end: "$5m to $7m", "US$5m to US$7m"
    p = m
    while p < min(ctx.n, m + _CURRENCY_MAX) and ctx.toks[p].kind != "num":
        p += 1
    if p > m and _is_num(ctx, p):
        cur2 = match_currency_before(ctx, p)
        if cur2 is not None and cur2[1] == m:
            u2, m = cur2[0], p
    second = ctx.nums.get(m)
    if second is None and ctx.lw[m] in ("-", "\u2212") and (m + 1) in ctx.nums and ctx.nums[m + 1].neg_start == m:
        second = ctx.nums[m + 1]  # "from -18C to -34C"
    if second is None or second.form in ("skip", "ratio") or second.neg_start is not None and conn == "-":
        return None
    if first.form == "fraction" or second.form == "fraction":
        return None
    if conn == "to" and ctx.lw[second.j] in ("-", "\u2013") and ctx.glued[second.j] and (second.j + 1) in ctx.nums:
        return None  # "from 24.2 to 33-35 billion euros": the second end is itself a range
    if conn == "-" and ctx.glued[k] and (first.form == "words") != (second.form == "words"):
        return None  # "7-Eleven"
    return second, m, u2


_MORE_LESS = MappingProxyType({
    "more": "lower", "greater": "lower", "higher": "lower", "larger": "lower", "bigger": "lower",
    "less": "upper", "fewer": "upper", "smaller": "upper", "lower": "upper",
})
_PASS_VERBS = frozenset(
    "passes passed pass passing tops topped top exceeds exceeded exceed surpassed surpasses "
    "surpass crossed crosses broke".split()
)
_UP_TO_VERBS = W.CHANGE_UP | frozenset("edged crept ticked moved went came shot".split())
_BETWEEN_ADJ = frozenset("straight consecutive successive more further additional full whole extra".split())
_FINANCE_NEXT = frozenset(
    "note notes bond bonds gilt gilts yield yields treasury treasuries fixed mortgage swap "
    "swaps deal".split()
)
_AGE_NOUNS = frozenset(
    "children child kids kid babies baby those people adults pupils boys girls students "
    "infants toddlers".split()
)
_POSSESSIVE = frozenset("their his her my our your its".split())


def _over_is_preposition(ctx: Ctx, s: int, ustart: int, n: Num) -> bool:
    """"cost €1.2bn over three years", "jailed over £7.4m fraud": "over" is not a hedge."""
    prev = ctx.tp[s - 1]
    if prev is not None and prev.low in W.OVER_PARTICLE_VERBS:
        return True  # "slotted over four penalties": a particle
    if prev is not None and s - 1 >= 0 and (
        prev.kind == "num" or prev.low in table().words or prev.low in W.SCALE_ABBREV or prev.text == "%"
    ):
        return True
    if prev is not None and prev.kind == "word" and prev.low.endswith("s") and len(prev.low) > 3 and prev.low not in (
        "was", "has", "does", "this", "thus", "plus", "its", "his", "hers", "ours", "theirs", "as", "is",
        "rises", "falls", "tops", "passes", "exceeds", "costs", "employs", "takes", "needs", "holds",
    ):
        return True
    return False


_ROLE_NOUNS = frozenset(
    "minister secretary president chairman chairwoman chair chief executive officer director "
    "mother father son daughter wife husband man woman boy girl driver victim teacher nurse "
    "doctor manager founder owner leader spokesman spokeswoman mayor governor senator captain "
    "coach striker player defendant partner brother sister widow grandmother grandfather "
    "author professor scientist pilot soldier officer councillor mp".split()
)


def _is_age_apposition(ctx: Ctx, n: Num) -> bool:
    """"Mark Dunne, 49, had ...": a bare 1-120 between commas after a capitalised name."""
    if not n.plain or not (1 <= n.value <= 120) or n.neg_start is not None:
        return False
    k = n.i - 1 - (ctx.lw[n.i - 1] in ("now", "then"))  # "Sciorra, now 59, told jurors"
    if ctx.lw[k] != "," or ctx.lw[n.j] not in (",", ".", ";", ")"):
        return False
    name = ctx.tp[k - 1]
    if name is None or name.kind != "word" or k - 1 < ctx.floor:
        return False
    if not name.text[:1].isupper():
        return name.low in _ROLE_NOUNS
    return name.low not in W.MONTHS and name.low not in W.WEEKDAYS and name.low not in W.NOT_PRODUCT


def _compound_length(ctx: Ctx, d: Draft) -> None:
    """"5 feet 2 inches", "12 ft 2 in" -> 5.1666... feet (in the larger unit)."""
    if d.unit is None or d.unit.name != "foot" or d.range or d.low != d.high:
        return
    k = d.j + (ctx.lw[d.j] == "and")
    n2 = ctx.nums.get(k)
    if n2 is None or n2.form not in ("digits", "words") or not (0 <= n2.value < 12):
        return
    nxt = ctx.tp[n2.j]
    if nxt is None or nxt.low not in ("in", "inch", "inches", "in.", "\"", "\u2033"):
        return
    d.low = d.high = d.low + n2.value / 12
    d.p_low = d.p_high = None
    d.nums = d.nums + (n2,)
    d.j = n2.j + 1


def _compound_duration(ctx: Ctx, d: Draft) -> None:
    """"2 hours 4 minutes and 12 seconds" -> 7452 seconds; "six years and eight months" -> 80."""
    for _ in range(3):
        if d.unit is None or d.unit.dim != "duration" or d.range:
            return
        k = d.j
        if ctx.lw[k] in (",", "and") and ctx.near(k):
            k += 1
            if ctx.lw[k] == "and":
                k += 1
        n2 = ctx.nums.get(k)
        if n2 is None or n2.form not in ("digits", "words") or n2.scale != 1:
            return
        um = match_unit(ctx, n2.j)
        if um is None or um[0].dim != "duration" or um[0].factor >= d.unit.factor:
            return
        ratio = d.unit.factor / um[0].factor
        if ratio != ratio.to_integral_value():
            return
        d.low = d.low * ratio + n2.value
        d.high = d.high * ratio + n2.value
        d.p_low = d.p_high = n2.precision
        d.unit = um[0]
        d.nums = d.nums + (n2,)
        d.j = um[1]


def _draft_from_num(ctx: Ctx, i: int) -> Draft | None:
    n = ctx.nums.get(i)
    if n is None or n.form == "skip":
        return None
    start = n.neg_start if n.neg_start is not None else i
    cur = match_currency_before(ctx, start)
    ustart = start
    u: Unit | None = None
    if cur is not None:
        u, ustart = cur
    hedge = match_hedge_before(ctx, ustart)
    s = ustart
    bound, lean = "exact", "both"
    hedge_key = ""
    if hedge is not None:
        (bound, lean), s = hedge
        hedge_key = " ".join(ctx.toks[k].low for k in range(s, ustart))
        if hedge_key == "up to" and ctx.lw[s - 1] in _UP_TO_VERBS:  # "edged up to 3.9%": a level
            bound, lean, s, hedge_key = "exact", "both", ustart, ""
        elif hedge_key == "over" and _over_is_preposition(ctx, s, ustart, n):
            bound, lean, s, hedge_key = "exact", "both", ustart, ""
        if bound == "approximate":
            outer = match_hedge_before(ctx, s)  # "at least an estimated five million"
            if outer is not None and outer[0][0] in ("lower", "upper"):
                (bound, lean), s = outer
                hedge_key = " ".join(ctx.toks[k].low for k in range(s, ustart))
    prefix = ""
    if ctx.lw[s - 1] in ("between", "from") and s - 1 >= ctx.floor:
        prefix = ctx.lw[s - 1]
    age = False
    if (
        not prefix and ctx.lw[s - 1] == "of" and ctx.lw[s - 2] in ("ages", "age") and ctx.lw[s - 3] == "the"
        and ctx.lw[s - 4] == "between" and s - 4 >= ctx.floor
    ):
        prefix, age = "between", True  # "between the ages of 18 and 29"
    elif prefix and ctx.lw[s - 2] in ("aged", "age", "ages"):
        age = True  # "aged between 18 and 25"
    elif ctx.lw[s - 1] in ("aged", "age") and s - 1 >= ctx.floor:
        age = True
        s -= 1
    elif ctx.lw[s - 1] in ("turned", "turns", "turning") and n.plain and n.value <= 120 and hedge is None:
        age = True
    elif ctx.lw[s - 1] == "of" and ctx.lw[s - 2] == "age":
        age = True
    elif hedge_key in ("as young as", "as old as") and n.value <= 120:
        age = True
        bound, lean = "exact", "both"
    elif (
        hedge_key in ("younger than", "older than")
        or hedge_key in ("under", "over") and (ctx.lw[s - 1] in _AGE_NOUNS or ctx.lw[s - 1] == "aged")
    ) and n.value <= 120 and (n.form == "words" or n.plain):
        age = True
    elif (
        prefix == "" and ctx.lw[s - 1] in ("and", ",") and ctx.prev is not None
        and ctx.prev.j == s - 1 and ctx.prev.dimension == "duration" and ctx.prev.unit is not None
        and ctx.prev.unit.name == "year" and n.plain
    ):
        age = True
    if (
        bound == "exact" and ctx.lw[s - 1] in _PASS_VERBS and s - 1 >= ctx.floor
        and ctx.toks[s - 1].text.islower()
    ):
        bound = "lower"
    by = ctx.lw[s - 1] == "by" or ctx.lw[s - 1] in W.CHANGE_GLUE and ctx.lw[s - 2] == "by"
    direction = None if hedge_key in _LEVEL_HEDGES and not by else _direction_before(ctx, s)
    j = n.j
    low, high = n.value, n.value
    p_low = p_high = n.precision
    nums: tuple[Num, ...] = (n,)
    if n.form == "hms":
        u = unit("second")
    if n.form == "ratio" and ctx.lw[i + 1] == ":" and _score_context(ctx, i, n.j):
        a, b = D(ctx.toks[i].text), D(ctx.toks[i + 2].text)  # "won 2:1"
        return Draft(s, n.j, a, b, None, None, kind="score", nums=(n,), dimension="count")
    # a year span is not a figure: "2023-24", "1991-2020", "2020/21"
    if (
        n.plain and ctx.lw[j] in ("-", "\u2013", "/") and ctx.glued[j] and _is_num(ctx, j + 1)
        and ctx.glued[j + 1] and 1000 <= n.value <= 2200 and u is None
        and (len(ctx.toks[j + 1].text) == 2 or len(ctx.toks[j + 1].text) == 4 and n.value < D(ctx.toks[j + 1].text) <= 2200)
    ):
        return Draft(i, j + 2, n.value, n.value, None, None, kind="skip", nums=(n,))
    # unit after the first number ("5km to 7km", "$5m")
    um = match_unit(ctx, j)
    if um is not None and um[0].dim == "currency" and _is_num(ctx, um[1]) and ctx.near(um[1]) and (
        u is not None or ctx.toks[um[1] - 1].kind == "sym" or ctx.toks[um[1] - 1].text.isupper()
        or ctx.toks[um[1] - 1].low in ("usd", "eur", "gbp", "rmb", "cny", "jpy", "inr", "aud")
    ) and not _cents_follow(ctx, um[1]):
        um = None  # "rmb 10 usd 20", "$ 20.00 $ 37.97": the code belongs to the next number
    if (
        um is not None and um[0].dim == "currency" and ctx.lw[j] in ("-", "\u2013") and um[1] > j + 1
        and _is_num(ctx, um[1]) and ctx.glued[um[1]]
    ):
        um = None  # "£5-£7.": a dash and a currency before the next number make a range, not cents
    if um is None and ctx.lw[j] in _BETWEEN_ADJ and ctx.near(j):
        um2 = match_unit(ctx, j + 1)
        if um2 is not None and um2[0].dim == "duration":
            um = um2
    if um is not None and um[0].name in ("cup", "turn", "bit") and (n.scale != 1 or abs(n.value) > 64):
        um = None  # "1.2 million cups of water" counts cups
    if um is not None and (u is None or um[0].dim == "currency" and u.dim != "currency"):
        if u is None:
            u = um[0]
        j = um[1]
    elif um is not None and u is not None and um[0].dim == "currency":
        j = um[1]  # "US$ 5 USD": swallow
    # "30 MUSD", "120 MEUR": millions of a currency (financial shorthand)
    if u is None and n.scale == 1 and ctx.tp[j] is not None and ctx.near(j) and len(ctx.toks[j].text) == 4:
        code = ctx.toks[j].text
        mu = table().symbols.get(code[1:].upper()) if code[:1] in "Mm" and code[1:].isalpha() else None
        if mu is not None and mu.dim == "currency" and (code.isupper() or code.islower()):
            u = mu
            low = high = n.value * D(10) ** 6
            p_low = p_high = _precision(digits_of(ctx.toks[i].text), D(10) ** 6) if n.form == "digits" else None
            j += 1
    # "75 USD million"
    if u is not None and u.dim == "currency" and n.scale == 1 and ctx.lw[j] in W.SCALE_WORDS and ctx.lw[j] != "hundred":
        f = W.SCALE_WORDS[ctx.lw[j]]
        low = high = n.value * f
        p_low = p_high = _precision(digits_of(ctx.toks[i].text), f) if n.form == "digits" else None
        j += 1
    # range
    is_range = False
    kind = "figure"
    if prefix == "from" and _change_before_from(ctx, s - 1):
        prefix = "changefrom"
        if ctx.lw[s - 2] in ("down", "up"):
            # "60 days, down from six to eight months": "down from" gives the old value, and a
            # rise from six to eight cannot be the fall: the old value was a range
            r0 = _range_end(ctx, n, j, "from", u)
            if r0 is not None and (r0[0].value > n.value) == (ctx.lw[s - 2] == "down"):
                prefix = "from"
    r = None
    if prefix != "changefrom":
        r = _range_end(ctx, n, j, prefix, u)
        # "rose by 2,300 to 22,800": an amount of change, then the level reached
        if r is not None and (direction or by) and ctx.lw[j] == "to" and r[0].value > 3 * n.value:
            r = None
    if r is None and prefix in ("from", "changefrom") and n.scale == 1 and n.form == "digits" and ctx.lw[j] == "to" and (
        u is None or u.dim == "currency" and ctx.lw[j + 1] in _CURRENCY_SIGNS and ctx.glued[j + 2]
    ):
        n1 = ctx.nums.get(j + 1 if u is None else j + 2)
        n2 = ctx.nums.get(n1.j + 1) if n1 is not None and ctx.lw[n1.j] in ("-", "\u2013") and ctx.glued[n1.j] else n1
        if n2 is not None and n2.scale != 1 and n2.form == "digits" and n.raw <= n2.raw:
            # "rose from 2 to 3 million", "from 24.2 to 33-35 billion euros": the start takes the
            # scale and unit of the end
            low = high = n.value * n2.scale
            p_low = p_high = _precision(digits_of(ctx.toks[i].text), n2.scale)
            um2 = match_unit(ctx, n2.j) if u is None else None
            if um2 is not None:
                u = um2[0]
    if r is not None:
        second, m, u2 = r
        first_v = n.value
        if second.scale != 1 and n.scale == 1 and n.form == "digits" and n.raw <= second.raw:
            first_v = n.value * second.scale
            p_low = _precision(digits_of(ctx.toks[i].text), second.scale) if n.precision is not None else None
        hyph = ctx.lw[j] in ("-", "\u2013", "\u2014")
        scoreish = (
            hyph and n.plain and second.plain and n.value <= 1000 and second.value <= 1000
            and u is None and match_unit(ctx, second.j) is None
        )
        if (
            ctx.lw[j] == "to" and n.plain and second.plain and second.value < n.value and u is None
            and match_unit(ctx, second.j) is None and _score_context(ctx, i, second.j)
        ):
            scoreish = True  # "the vote passed 310 to 275"
        if scoreish and (
            (second.value < n.value and n.value <= 20)
            or _score_context(ctx, i, second.j)
            or (ctx.prev is not None and ctx.prev.kind == "score" and ctx.prev.j >= s - 2)
        ):
            kind = "score"
            bound, lean = "exact", "both"
            low, high = n.value, second.value
            p_low = p_high = None
            j = second.j
            nums = (n, second)
            direction = None
        elif (second.value >= first_v or first_v < 0 and second.value < 0 and prefix == "from") and (
            u2 is None or u is None or u2 == u
        ):
            um2 = match_unit(ctx, second.j)
            consistent = (
                u is None or um2 is not None and um2[0] == u
                or u.dim == "currency" and (u2 is not None or um2 is not None and um2[0].dim == "currency"
                                            or second.scale != 1 and n.scale != 1)
                or u.dim == "currency" and prefix == "between" and um2 is None and second.scale == n.scale and (
                    ctx.tp[second.j] is None or ctx.toks[second.j].kind != "word"
                    or ctx.lw[second.j] in _RATE_LINKS or ctx.lw[second.j] in _CLAUSE_WORDS
                )  # "between $8 and 9", "between $80 and 90 a barrel"
            )
            if consistent:
                is_range = True
                low, high = min(first_v, second.value), max(first_v, second.value)
                p_high = second.precision
                j = second.j
                nums = (n, second)
                if u is None and u2 is not None:
                    u = u2
                if um2 is not None and (u is None or um2[0] == u or u.dim == "currency" and um2[0].dim == "currency"):
                    u = um2[0] if u is None else u
                    j = um2[1]
    # "by 320 votes to 201"
    if (
        kind == "figure" and not is_range and u is None and n.plain and ctx.lw[j] in ("votes", "vote")
        and ctx.lw[j + 1] == "to" and (j + 2) in ctx.nums and ctx.nums[j + 2].plain
    ):
        second = ctx.nums[j + 2]
        return Draft(s, second.j, n.value, second.value, None, None, kind="score", nums=(n, second),
                     dimension="count")
    # cricket: "253 for 3", "5 for 62"
    if (
        kind == "figure" and not is_range and u is None and n.plain and ctx.lw[j] == "for"
        and _is_num(ctx, j + 1) and (j + 1) in ctx.nums and ctx.nums[j + 1].plain
        and (ctx.nums[j + 1].value <= 10 or n.value <= 10) and _cricket_context(ctx, i, j + 2)
    ):
        second = ctx.nums[j + 1]
        return Draft(s, second.j, n.value, second.value, None, None, kind="score", nums=(n, second),
                     dimension="count")
    # age: 45-year-old, 6-month-old, 45 years old, 45 years of age
    if u is not None and u.name in ("month", "week", "day") and ctx.lw[j] == "-" and ctx.lw[j + 1] in ("old", "olds") and ctx.glued[j + 1]:
        age = True
        j += 2
    if u is not None and u.name == "year":
        if ctx.lw[j] == "-" and ctx.lw[j + 1] in ("old", "olds") and ctx.glued[j] and ctx.glued[j + 1]:
            age = True
            j += 2
        elif ctx.lw[j] == "old" and ctx.near(j):
            age = True
            j += 1
        elif ctx.lw[j] == "of" and ctx.lw[j + 1] == "age" and not is_range:
            age = True
            j += 2
    elif u is None and ctx.lw[j] in ("yo", "yrs", "y") and ctx.near(j) and n.plain and n.value <= 120 and (
        ctx.lw[j] == "yo" or ctx.lw[j + 1] == "old"
    ):
        age = True
        j += 1 + (ctx.lw[j + 1] == "old")
    if u is None and not age and not is_range and bound == "exact" and _is_age_apposition(ctx, n):
        age = True
    # "lost 9.4%", "added 0.5%": loss/gain verbs are changes only for rates
    if direction is None and not by and bound in ("exact", "approximate"):
        w = ctx.lw[s - 1]
        rate = u is not None and u.dim in ("ratio", "ratio difference")
        if w in ("lost", "lose", "loses", "losing", "shed", "sheds", "shedding") and rate:
            direction = "down"
        elif w in ("added", "add", "adds", "adding") and (rate or u is None):
            direction = "up"
    if age and u is None:
        u = unit("year")
    # "the 747-8": a model variant, not two figures
    if (
        kind == "figure" and not is_range and u is None and n.plain and ctx.lw[n.j] == "-"
        and ctx.glued[n.j] and _is_num(ctx, n.j + 1) and ctx.glued[n.j + 1]
        and (n.j + 1) in ctx.nums and ctx.nums[n.j + 1].plain and ctx.nums[n.j + 1].value < n.value
    ):
        return Draft(i, ctx.nums[n.j + 1].j, n.value, n.value, None, None, kind="skip", nums=(n,))
    if u is not None and u.name == "year" and ctx.lw[j] in _FINANCE_NEXT and ctx.lw[n.j] == "-":
        return Draft(i, j, n.value, n.value, None, None, kind="skip", nums=(n,))
    # suffix hedges
    suffix_key2 = ctx.lw[j] + " " + ctx.lw[j + 1]
    tail = ctx.tp[j + 3]
    if (
        bound in ("exact", "approximate") and ctx.lw[j] == "or" and ctx.lw[j + 2] == "than"
        and ctx.lw[j + 1] in _MORE_LESS and (tail is None or tail.kind in ("sym", "par") and tail.text != "$")
    ):
        bound, lean = _MORE_LESS[ctx.lw[j + 1]], "both"  # "200 or greater than."
        j += 3
    if bound in ("exact", "approximate") and ctx.lw[j + 2] not in ("than", "to"):
        if suffix_key2 in W.SUFFIX_HEDGES and ctx.near(j) and ctx.near(j + 1):
            bound, lean = W.SUFFIX_HEDGES[suffix_key2]
            j += 2
        elif ctx.lw[j] == "-" and ctx.glued[j] and ("-" + ctx.lw[j + 1]) in W.SUFFIX_HEDGES and ctx.glued[j + 1]:
            bound, lean = W.SUFFIX_HEDGES["-" + ctx.lw[j + 1]]
            j += 2
        elif ctx.lw[j] in ("+",) and ctx.glued[j]:
            bound, lean = "lower", "both"
            j += 1
        elif ctx.lw[j] == "plus" and ctx.near(j) and not _is_num(ctx, j + 1) and ctx.lw[j + 1] not in W.UNITS_WORDS:
            bound, lean = "lower", "both"
            j += 1
    # "more than three times", "0.78 times", "a 10-fold rise": a factor
    if u is None and kind == "figure" and not is_range and ctx.lw[j] == "times" and ctx.near(j):
        return Draft(s, j + 1, low, high, None, None, kind="factor", bound=bound, lean=lean,
                     direction=None, dimension="ratio", nums=nums)
    if u is None and kind == "figure" and not is_range and ctx.lw[j] == "-" and ctx.glued[j] and ctx.lw[j + 1] == "fold" and ctx.glued[j + 1]:
        return Draft(s, j + 2, low, high, None, None, kind="factor", bound=bound, lean=lean,
                     direction=direction or _direction_after(ctx, j + 2, True), dimension="ratio", nums=nums)
    # "sank about 25 minutes after", "fell about 15 metres": movement, not a change of amount
    if direction is not None and not by and u is not None and u.dim in ("duration", "length") and kind == "figure":
        direction = None
    if direction is None and kind == "figure":
        direction = _direction_after(ctx, j, u is not None)
    # "by a margin of 3 points", "0.5 points": percentage points when the text talks in per cent
    if (
        u is None and ctx.lw[j] in ("point", "points", "pts") and ctx.near(j) and abs(n.value) <= 20
        and (_percent_near(ctx, i) or ctx.lw[s - 1] == "of" and ctx.lw[s - 2] in ("margin", "error"))
    ):
        u = unit("percentage point")
        j += 1
    # "the Dow fell 157 points", "the FTSE 100 closed at 6,012": stock-index points
    if u is None and kind == "figure" and n.form == "digits" and _index_near(ctx, s):
        if ctx.lw[j] in ("point", "points", "pts") and ctx.near(j):
            u = unit("index point")
            j += 1
        elif ctx.lw[s - 1] in ("at", "to") and (
            ctx.lw[s - 2] in W.INDEX_LEVEL_VERBS
            or ctx.prev is not None and ctx.prev.unit is not None and ctx.prev.unit.name == "index point" and s - ctx.prev.j <= 8
        ) and not (
            ctx.tp[j] is not None and ctx.toks[j].kind == "word" and ctx.lw[j] not in _CLAUSE_WORDS
            and ctx.lw[j] not in LW.TIME_ADVERBS and ctx.lw[j] not in LW.WEEKDAYS and ctx.lw[j] not in LW.MONTHS
        ):
            u = unit("index point")
    # "45 and 50 mg", "cut by 2 or 3 per cent": a bare number shares the unit of the next one
    if (
        u is None and kind == "figure" and not is_range and ctx.lw[j] in ("and", "or") and ctx.near(j)
        and n.form in ("digits", "words") and n.scale == 1 and n.neg_start is None and not _is_year(n)
        and ctx.lw[i - 1] not in W.MONTHS and not (ctx.lw[i - 1] == "." and ctx.lw[i - 2] in W.MONTHS)
    ):  # (not "in 2014 and 71 percent in 2010", not "on Sept. 1 and 25% on Oct. 1")
        n2 = ctx.nums.get(j + 1)
        if n2 is not None and n2.form == n.form and n2.scale == 1 and ctx.near(j + 1):
            um2 = match_unit(ctx, n2.j)
            if um2 is not None and ctx.lw[um2[1]] not in ("and", "or", ","):
                u = um2[0]
    # pounds after a scale word are sterling: "5 million pounds"
    if u is not None and u.name == "pound-mass" and (n.scale >= 1000 or ctx.lw[j - 1] in ("sterling",)):
        u = unit("pound sterling")
    if n.weak and u is None and bound == "exact" and not is_range:
        return None
    if n.form == "a" and bound == "exact":
        return None
    if n.form == "ratio" and u is None:
        dim = "ratio"
    elif u is not None:
        dim = u.dim
    elif n.form == "fraction":
        dim = "ratio"
    else:
        dim = "count"
    if is_range:
        if prefix == "between" and ctx.lw[s - 1] == "between" and s - 1 >= ctx.floor:
            s -= 1  # "between 30 and 40": the range form belongs to the surface
        if bound == "approximate":
            lean = "approx"
        bound = "range" if bound in ("exact", "approximate") else bound
    difference = bool(direction) or _warming_near(ctx, i, j)
    d = Draft(
        s, j, low, high, p_low, p_high, kind=kind, bound=bound, lean=lean, direction=direction,
        unit=u, dimension=dim, range=is_range, nums=nums, difference=difference,
    )
    _compound_duration(ctx, d)
    _compound_money(ctx, d)
    _compound_length(ctx, d)
    _rate(ctx, d)
    if d.unit is not None and d.unit.name == "degree" and _angle_context(ctx, d.i, d.j):
        d.dimension = "angle"
    return d


_RATE_LINKS: frozenset[str] = frozenset({"a", "an", "per", "each", "/"})
_RATE_DIMS: frozenset[str] = frozenset({"duration", "volume", "mass", "length", "area", "energy", "data storage"})
"""Dimensions of a unit that can be a rate's denominator ("a day", "per gallon", "a tonne", "per kWh")."""


def _index_near(ctx: Ctx, s: int) -> bool:
    """A stock index is named in the eight tokens before ``s`` ("the Dow", "Nasdaq", "FTSE 100")."""
    lo = max(0, s - 8)
    ctx.work += s - lo
    return not W.STOCK_INDEXES.isdisjoint(ctx.lows[lo:s])


_NOT_PER: frozenset[str] = frozenset({"cent", "centum", "mille", "se"}) | LW.NP_STOP
"""Words after "per" that are no rate's denominator ("per cent") or are read elsewhere."""


def _singular_noun(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _per_noun(ctx: Ctx, k: int) -> str | None:
    """The head of the short noun phrase after "per" at ``k`` ("per shift", "per 45-minute pep
    talk" -> "talk"): lower-case words, a leading number compound skipped, at most three."""
    j = k + 1
    if _is_num(ctx, j) and ctx.lw[j + 1] == "-" and ctx.glued[j + 1] and ctx.glued[j + 2]:
        j += 3  # "45-minute"
    head = None
    for step in range(3):
        t = ctx.tp[j + step]
        if t is None or t.kind != "word" or not t.text.islower() or t.low in _NOT_PER or not ctx.near(j + step):
            break
        if ctx.lw[j + step + 1] == "-" and ctx.glued[j + step + 1]:
            break  # a hyphenated modifier follows: leave it
        head = t.low
    return _singular_noun(head) if head else None


def _rate(ctx: Ctx, d: Draft) -> None:
    """"800,000 barrels a day", "C$6 per share", "$2.11/gallon", "$2,500 annually", "$85 billion
    in bonds each month": the figure's unit over a denominator (a unit of :data:`_RATE_DIMS`, a
    counted noun of :data:`W.RATE_NOUNS`, any noun after "per", or a rate adverb of
    :data:`W.RATE_ADVERBS`).  The span stays the amount; ``per`` names the denominator."""
    u = d.unit
    if u is None or d.kind != "figure" or u.dim in ("ratio", "ratio difference"):
        return
    k = d.j
    link = ctx.lw[k]
    if link in W.RATE_ADVERBS and ctx.near(k):
        d.per = W.RATE_ADVERBS[link]
        return
    skipped = False
    if link in ("in", "of") and ctx.tp[k + 1] is not None and ctx.toks[k + 1].kind == "word" and ctx.toks[k + 1].text.islower():
        # "$85 billion in bonds each month", "$5m of aid a year": only a unit of time after it
        k += 2
        link = ctx.lw[k]
        skipped = True
    if link not in _RATE_LINKS or not ctx.near(k) or (link == "/" and not ctx.glued[k + 1]):
        return
    t = ctx.tp[k + 1]
    if t is not None and t.kind == "num" and link == "per" and not skipped:
        d.per = _per_noun(ctx, k)  # "per 45-minute talk"
        return
    if t is None or t.kind != "word" or not ctx.near(k + 1):
        return
    if link in ("a", "an", "each") and t.low.endswith("s") and t.low not in W.RATE_NOUNS:
        return  # "a days" is not English; "$5 a shares" neither
    if t.low in W.RATE_NOUNS and not skipped:
        d.per = W.RATE_NOUNS[t.low]
        return
    um = match_unit(ctx, k + 1, after_number=False)
    if um is not None and um[0].dim in _RATE_DIMS and um[0].dim != u.dim and (not skipped or um[0].dim == "duration"):
        d.per = um[0].name
        return
    if link == "per" and not skipped and t.low not in W.RATE_NOUNS:
        d.per = _per_noun(ctx, k)


_ANGLE = frozenset(
    "rotate rotated rotating rotates turn turned turning turns angle angles tilt tilted "
    "incline inclined slope sloped clockwise anticlockwise counterclockwise azimuth latitude "
    "longitude pitch heading bearing arc".split()
)


def _angle_context(ctx: Ctx, i: int, j: int) -> bool:
    lo, hi = max(0, i - 4), min(len(ctx.toks), j + 3)
    ctx.work += hi - lo
    return not _ANGLE.isdisjoint(ctx.lows[lo:hi])


_MAJOR = frozenset({"dollar", "euro", "pound sterling", "australian dollar",
                    "canadian dollar", "new zealand dollar"})


def _cents_follow(ctx: Ctx, k: int) -> bool:
    """Token ``k`` starts "50 cents"/"30 cent"/"25." (the minor part of "15 dollars 50")."""
    n2 = ctx.nums.get(k)
    if n2 is None or n2.form not in ("digits", "words") or not (0 < n2.value < 100):
        return False
    um = match_unit(ctx, n2.j)
    if um is not None:
        return um[0].name in ("cent", "penny")
    nxt = ctx.tp[n2.j]
    return nxt is None or nxt.text in (".", ",", ";", "!", "?", ")")


def _compound_money(ctx: Ctx, d: Draft) -> None:
    """"3 dollars 50 cents" -> 3.5 dollars; "15 dollars and 15." -> 15.15."""
    if d.unit is None or d.unit.name not in _MAJOR or d.range or d.kind != "figure" or d.low != d.high:
        return
    if d.nums and d.nums[-1].scale != 1:
        return
    if ctx.lw[d.i - 1] == "between":
        return  # "between $8 and 9": a range, not $8.09
    k = d.j
    joined = ctx.lw[k] == "and" and ctx.near(k)
    if joined:
        k += 1
    if not _cents_follow(ctx, k):
        return
    n2 = ctx.nums[k]
    um = match_unit(ctx, n2.j)
    if joined and um is None and n2.form == "digits" and d.nums and d.nums[-1].j >= d.j:
        return  # "$8 and 9": the sign came first, so "and 9" is another figure, not cents
    d.low = d.high = d.low + n2.value / 100
    d.p_low = d.p_high = D("0.01") if n2.form == "digits" else None
    d.nums = d.nums + (n2,)
    d.j = um[1] if um is not None else n2.j


_CRICKET = frozenset(
    "wickets wicket overs over innings runs bowled bowler bowling batting declared spell "
    "test".split()
)


def _cricket_context(ctx: Ctx, i: int, j: int) -> bool:
    lo, hi = max(0, i - 12), min(len(ctx.toks), j + 12)
    ctx.work += hi - lo
    return not _CRICKET.isdisjoint(ctx.lows[lo:hi])


def _percent_near(ctx: Ctx, i: int) -> bool:
    lo, hi = max(0, i - 15), min(len(ctx.toks), i + 15)
    ctx.work += hi - lo
    return not _PERCENT_CUES.isdisjoint(ctx.lows[lo:hi])


_WARMING = frozenset(
    "warming warmer hotter colder cooler above below pre-industrial preindustrial rise increase "
    "anomaly heating".split()
)


def _warming_near(ctx: Ctx, i: int, j: int) -> bool:
    lo, hi = max(ctx.floor, i - 4), min(len(ctx.toks), j + 4)
    ctx.work += hi - lo
    return not _WARMING.isdisjoint(ctx.lows[lo:hi])


@FIGURE_RULES.register("number", 50)
def _figure_number(ctx: Ctx, i: int) -> Draft | None:
    return _draft_from_num(ctx, i)


@FIGURE_RULES.register("vague", 40)
def _figure_vague(ctx: Ctx, i: int) -> Draft | None:
    """"dozens of" [24, 99], "hundreds of" [200, 999], "thousands of" [2000, 9999], "tens of
    thousands" [20000, 99999], "hundreds of thousands" [200000, 999999], "millions of"
    [2000000, 999999999]; "a few hundred" [200, 500], "several thousand" [3000, 9000]."""
    low = ctx.lw[i]
    key3 = (low, ctx.lw[i + 1], ctx.lw[i + 2])
    if key3 in W.VAGUE_COMPOUND:
        lo, hi = W.VAGUE_COMPOUND[key3]
        j = i + 3
    elif low in W.VAGUE and ctx.lw[i - 1] not in W.UNITS_WORDS and ctx.lw[i - 1] not in W.TENS_WORDS:
        if not ctx.title and not verb_form(ctx.lw[i + 1]) and ctx.lw[i + 1] not in ("of", "were", "have", "had", "are", "more", "upon", "who", "fled", "died", "gathered", "marched", "took", "attended", "remain", "remained", "lost", "joined", "protested", "across", "in", "at", "on", "more."):
            return None
        if low == "scores" and ctx.lw[i + 1] != "of":
            return None
        lo, hi = W.VAGUE[low]
        j = i + 1
    elif low == "a" and ctx.lw[i + 1] == "few" and ctx.lw[i + 2] in ("dozen", "hundred", "thousand", "million", "billion"):
        sc = D(12) if ctx.lw[i + 2] == "dozen" else W.SCALE_WORDS[ctx.lw[i + 2]]
        lo, hi = _few_range(sc)
        j = i + 3
    elif low in ("several", "many", "few") and ctx.lw[i + 1] in ("dozen", "hundred", "thousand", "million", "billion"):
        sc = D(12) if ctx.lw[i + 1] == "dozen" else W.SCALE_WORDS[ctx.lw[i + 1]]
        lo, hi = _few_range(sc)
        j = i + 2
    else:
        return None
    u = None
    um = match_unit(ctx, j + 1 if ctx.lw[j] == "of" else j, after_number=False)
    if um is not None and (ctx.lw[j] == "of" or um[0].dim == "currency" or um[0].name == "pound-mass"):
        u = um[0] if um[0].name != "pound-mass" else unit("pound sterling")
        if ctx.lw[j] != "of":
            j = um[1]
    s = i
    return Draft(s, j, lo, hi, None, None, bound="range", unit=u, dimension=u.dim if u else "count", range=True)


def _few_range(scale: Decimal) -> tuple[Decimal, Decimal]:
    """"a few hundred", "several thousand": like "hundreds of" (2 x scale to 10 x scale - 1)."""
    if scale == 12:
        return D(24), D(99)
    return 2 * scale, 10 * scale - 1


@FIGURE_RULES.register("factor", 30)
def _figure_factor(ctx: Ctx, i: int) -> Draft | None:
    f = W.FACTORS.get(ctx.lw[i])
    if f is None:
        return None
    v, direction = f
    hedge = match_hedge_before(ctx, i)
    bound, lean, s = "exact", "both", i
    if hedge is not None:
        (bound, lean), s = hedge
    if ctx.lw[i] in ("double", "triple", "quadruple", "halve"):
        b = ctx.tp[i - 1]
        # "would double", "cases triple"; not "a double murder", "the Cup double", "double-digit"
        if b is None or b.kind != "word" or not b.text.islower() or b.low in ("a", "the", "of", "and", "or") or (
            ctx.lw[i + 1] == "-" and ctx.glued[i + 1]
        ):
            return None
    if ctx.lw[i] in ("twice", "thrice") and hedge is None and ctx.lw[i + 1] not in (
        "the", "as", "that", "its", "their", "his", "her", "what", "this", "a",
    ):
        return Draft(i, i + 1, v, v, None, None, dimension="count")
    return Draft(s, i + 1, v, v, None, None, kind="factor", bound=bound, lean=lean,
                 direction=direction if hedge is None or bound != "lower" or ctx.lw[i] not in ("double", "triple") else None,
                 dimension="ratio")


# --------------------------------------------------------------------------- vetoes

def _is_year(n: Num) -> bool:
    return n.plain and 1000 <= n.value <= 2199 and n.neg_start is None


@VETO_RULES.register("year", 100)
def _veto_year(ctx: Ctx, k: int) -> str | None:
    d = _current(ctx)
    if d is None or d.range or d.kind != "figure" or len(d.nums) != 1:
        return None
    n = d.nums[0]
    if not _is_year(n) or d.unit is not None:
        return None
    # "more than 2000 people", "above 1000": a comparison hedge makes it a figure
    if n.value % 10 and d.bound != "exact":
        return "year"  # "the truth about 2012 polls", "top 2024 choices": nobody estimates 2,012 of anything
    nxt = ctx.lw[d.j]
    if nxt in ("level", "levels"):
        return "year"  # "45 percent below 2010 levels"
    if d.bound in ("lower", "upper"):
        return None
    if d.bound != "exact" and nxt not in W.MONTHS and nxt not in LW.NP_STOP and nxt != "levels" and (
        nxt.endswith("s") and len(nxt) > 3 or nxt in LW.IRREGULAR_PLURALS
    ) and ctx.tp[d.j] is not None and ctx.toks[d.j].text.islower():
        return None  # "about 2000 troops", "some 1500 people"; not "around 1900 as", "below 2010 levels"
    return "year"


@VETO_RULES.register("year_range", 97)
def _veto_year_range(ctx: Ctx, k: int) -> str | None:
    """"between 2019 and 2023", "from 2015 to 2025": a span of years."""
    d = _current(ctx)
    if d is None or not d.range or d.unit is not None or len(d.nums) != 2:
        return None
    return "years" if all(_is_year(n) for n in d.nums) else None


@VETO_RULES.register("zero_compound", 96)
def _veto_zero_compound(ctx: Ctx, k: int) -> str | None:
    """"zero-hours contracts", "zero-tolerance": an adjective, not a figure."""
    d = _current(ctx)
    if d is None or not d.nums or d.nums[0].form != "words" or d.low != 0:
        return None
    return "adjective" if ctx.lw[d.nums[0].j] == "-" and ctx.glued[d.nums[0].j] else None


@VETO_RULES.register("decade", 95)
def _veto_decade(ctx: Ctx, k: int) -> str | None:
    d = _current(ctx)
    if d is None:
        return None
    n = d.nums[0] if d.nums else None
    if n is not None and d.unit is None and n.form == "digits" and ctx.lw[n.j] in ("s", "'s") and ctx.glued[n.j]:
        return "decade"
    return None


@FIGURE_RULES.register("age_decade", 60)
def _figure_age_decade(ctx: Ctx, i: int) -> Draft | None:
    """"in their 70s" -> ages 70..79."""
    n = ctx.nums.get(i)
    if n is None or n.form != "digits" or not n.plain or ctx.lw[n.j] != "s" or not ctx.glued[n.j]:
        return None
    if ctx.lw[i - 1] not in W_POSSESSIVE or not (10 <= n.value <= 110) or n.value % 10:
        return None
    s = i - 1 if ctx.lw[i - 2] != "in" else i - 1
    return Draft(s, n.j + 1, n.value, n.value + 9, None, None, bound="range", unit=unit("year"),
                 dimension="duration", range=True, nums=(n,))


W_POSSESSIVE = frozenset("their his her my our your its early mid late".split())


@VETO_RULES.register("date", 90)
def _veto_date(ctx: Ctx, k: int) -> str | None:
    d = _current(ctx)
    if d is None or d.unit is not None or d.kind != "figure":
        return None
    for n in d.nums:
        if n.form != "digits" or not n.plain or n.value < 1 or n.value > 31:
            continue
        before = ctx.tp[n.i - 1]
        after = ctx.tp[n.j]
        if before is not None and before.low.rstrip(".") in W.MONTHS and before.text[:1].isupper() and ctx.near(n.i):
            return "date"
        if (
            before is not None and before.text == "." and ctx.glued[n.i - 1] and ctx.near(n.i)
            and ctx.lw[n.i - 2] in W.MONTHS and ctx.toks[n.i - 2].text[:1].isupper()
        ):
            return "date"  # "Feb. 8", "Sept. 12" (AP style)
        if after is not None and after.low.rstrip(".") in W.MONTHS and after.text[:1].isupper() and ctx.near(n.j):
            return "date"
        if after is not None and after.low == "of" and ctx.lw[n.j + 1] in W.MONTHS:
            return "date"
    return None


@VETO_RULES.register("glued", 85)
def _veto_glued(ctx: Ctx, k: int) -> str | None:
    """Letters glued to the digits: G7, 5G, COP28, H5N1, B-52, F-16, Covid-19, MH17."""
    d = _current(ctx)
    if d is None or not d.nums or d.kind == "score":
        return None
    n = d.nums[0]
    b = ctx.tp[n.i - 1]
    if b is not None and b.low == "-" and ctx.glued[n.i] and n.i >= 2 and ctx.toks[n.i - 2].kind == "num" and ctx.glued[n.i - 1]:
        if n.form == "words" and d.kind == "figure":
            return "model"  # the "Eleven" of "7-Eleven"
    if n.form == "digits" and d.unit is None and ctx.lw[n.j] == "-" and ctx.glued[n.j] and d.kind == "figure":
        w = ctx.tp[n.j + 1]
        if w is not None and w.kind == "word" and ctx.glued[n.j + 1] and w.text[:1].isupper() and w.low not in W.UNITS_WORDS and w.low not in W.TENS_WORDS and (
            not ctx.headline or w.low in ctx.evidence.names
        ) or (
            w is not None and w.low in W.UNITS_WORDS and w.text[:1].isupper()
        ):
            return "model"  # "7-Eleven", "3-Series"
    if n.form in ("words", "fraction", "digits") and d.unit is None and ctx.lw[n.j] == "-" and ctx.glued[n.j] and d.kind == "figure":
        w = ctx.tp[n.j + 1]
        if (
            w is not None and w.kind == "word" and ctx.glued[n.j + 1] and w.text.islower()
            and w.low not in ("strong", "plus", "odd") and w.low not in W.SCALE_ABBREV
            and not (ctx.title and n.form == "digits")  # a headline's "9-point lead" restates "nine points"
        ):
            return "compound"  # "five-set epic", "two-bedroom flat", "a 3-bed house", "a 40-page report"
    if n.form == "words" and d.unit is None and n.value <= 2 and ctx.lw[n.i - 1] in ("the", "both", "these", "those"):
        return "pronoun"  # "the two sides"
    if n.form not in ("digits", "fraction"):
        return None
    cur = d.unit is not None and d.unit.dim == "currency"
    b = ctx.tp[n.i - 1]
    if b is not None and ctx.glued[n.i] and b.kind == "word" and not cur:
        return "model"
    if b is not None and b.low in ("-", "\u2013") and ctx.glued[n.i] and n.i >= 2:
        bb = ctx.toks[n.i - 2]
        if bb.kind == "word" and ctx.glued[n.i - 1] and bb.low not in W.UNITS_WORDS and bb.low not in W.TENS_WORDS and bb.low not in ("mid", "late", "early", "pre", "post", "minus", "negative"):
            return "model"
    last = d.nums[-1]
    a = ctx.tp[last.j]
    if a is not None and a.kind == "word" and ctx.glued[last.j] and last.scale == 1 and d.unit is None and d.dimension not in ("age",) and a.low not in ("s",) and (
        d.bound == "exact" or not d.range and n.form == "digits"
    ):
        return "model"  # "5G", "3D"; also after a preposition read as a hedge: "talked about 5G"
    if b is not None and b.low in ("#", "№") and ctx.glued[n.i]:
        return "label"
    return None


@VETO_RULES.register("label", 80)
def _veto_label(ctx: Ctx, k: int) -> str | None:
    d = _current(ctx)
    if d is None or not d.nums or d.kind == "score":
        return None
    n = d.nums[0]
    if d.unit is not None or d.bound != "exact" or n.form != "digits" or n.scale != 1:
        return None
    b = ctx.tp[n.i - 1]
    if b is None or n.i - 1 < ctx.floor:
        return None
    bl = b.low
    if b.text == "." and n.i >= 2 and ctx.toks[n.i - 2].low in ("no", "nos", "p", "pp", "vol", "art", "sec", "para", "ch", "fig"):
        return "label"
    if b.kind == "word" and (bl in W.LABELS or (bl.endswith("s") and bl[:-1] in W.LABELS)):
        return "label"
    if b.kind == "word" and name_like(ctx, n.i - 1, strict=True) and bl not in W.NOT_PRODUCT and bl not in W.HEDGES and "'" not in b.text and "\u2019" not in b.text:
        # "Boeing 737", "iPhone 15", "Apollo 11", "Category 5"; not a tally of names and numbers
        # ("McAuliffe 48, Cuccinelli 42", "Obama 51, Romney 47")
        if n.plain and not (n.j < len(ctx.toks) and ctx.lw[n.j] in _COUNTED_NEXT) and not _tally(ctx, n):
            return "model"
    return None


_COUNTED_NEXT = frozenset("people persons troops soldiers men women children dead killed".split())


def _tally(ctx: Ctx, n: Num) -> bool:
    """"McAuliffe 48, Cuccinelli 42": a name and a number, then a comma, another capitalised name
    and a number (or the same before it): a poll or a vote, not a model name."""
    name = ctx.lw[n.i - 1]
    k = n.j
    t = ctx.tp[k + 1]
    if ctx.lw[k] == "," and t is not None and t.kind == "word" and t.text[:1].isupper() and t.low != name:
        m = ctx.nums.get(k + 2)
        if m is not None and m.plain:
            return True
    k = n.i - 2  # the name before n is at n.i - 1
    m = ctx.nums.get(k - 1)
    b = ctx.tp[k - 2]
    return (
        ctx.lw[k] == "," and m is not None and m.plain and m.j == k
        and b is not None and b.kind == "word" and b.text[:1].isupper() and b.low != name
    )


@VETO_RULES.register("intensifier", 75)
def _veto_intensifier(ctx: Ctx, k: int) -> str | None:
    """"100 percent right", "100% sure": a degree adverb before an adjective of certainty or
    rightness (:data:`W.DEGREE_ADJECTIVES`), not a share of anything."""
    d = _current(ctx)
    if (
        d is None or d.unit is None or d.unit.name != "percentage" or d.range or d.low != 100
        or d.direction is not None or d.bound != "exact"
    ):
        return None
    return "idiom" if ctx.lw[d.j] in W.DEGREE_ADJECTIVES else None


_SUPERLATIVES = frozenset("most best worst least".split())
_NOT_SUPERLATIVE = frozenset(
    "interest interests forest forests request requests protest protests honest modest west "
    "guest guests contest contests arrest arrests chest nest test tests quest manifest harvest "
    "conquest suggest suggests invest invests digest".split()
)


def _superlative(w: str) -> bool:
    return w in _SUPERLATIVES or (len(w) > 4 and w.endswith("est") and w not in _NOT_SUPERLATIVE)


@VETO_RULES.register("one_of_the_most", 74)
def _veto_one_of_the_most(ctx: Ctx, k: int) -> str | None:
    """"one of the nation's strongest laws", "one of the most popular": a superlative's member,
    not a count of one."""
    d = _current(ctx)
    if d is None or len(d.nums) != 1 or d.unit is not None or d.low != 1 or d.range:
        return None
    n = d.nums[0]
    if n.form != "words" or ctx.lw[n.j] != "of":
        return None
    for q in range(n.j + 1, n.j + 5):
        w = ctx.lw[q]
        if _superlative(w):
            return "idiom"
        if w not in ("the", "its", "his", "her", "their", "our", "'s", "\u2019s") and not w.endswith(("'s", "\u2019s")) and not (
            ctx.tp[q] is not None and ctx.toks[q].kind == "word" and ctx.lw[q + 1] in ("'s", "\u2019s")
        ):
            return None
    return None


@VETO_RULES.register("address", 70)
def _veto_address(ctx: Ctx, k: int) -> str | None:
    d = _current(ctx)
    if d is None or d.unit is not None or d.bound != "exact" or not d.nums or d.range:
        return None
    n = d.nums[0]
    if not n.plain:
        return None
    k2 = d.j
    for step in range(3):
        t = ctx.tp[k2 + step]
        if t is None or t.kind != "word" or not t.text[:1].isupper():
            return None
        if step > 0 and t.low in W.STREET_TYPES:
            return "address"
    return None


@VETO_RULES.register("leading_zero", 60)
def _veto_zero(ctx: Ctx, k: int) -> str | None:
    d = _current(ctx)
    if d is None or not d.nums:
        return None
    t = ctx.toks[d.nums[0].i]
    if t.kind == "num" and len(t.text) >= 2 and t.text[0] == "0" and t.text[1].isdigit():
        return "code"
    return None


_CLAUSE_WORDS: frozenset[str] = frozenset(
    "in at on of for after with and but or since when while this last next again before against".split()
)


def name_like(ctx: Ctx, k: int, *, strict: bool = False) -> bool:
    """Token ``k`` is a word whose capital letters mark it as (part of) a name.

    In body text any capital does ("Boeing", "iPhone").  In a headline (``ctx.headline``) only a
    word the body writes capitalised mid-sentence, or one nothing marks as ordinary: not a
    function word, not a verb form, not a word the body writes in lower case ("Killing 5",
    "Toll Hits 10" are figures; "Apollo 11" is a name).  ``strict`` (before digits): in a headline
    only the body's evidence, an acronym or an inner capital ("iPhone") make a name, so "Urge 11
    Banks" is a figure while "Apollo 11" is a name when the body writes "the Apollo 11 crew"."""
    t = ctx.tp[k]
    if t is None or t.kind != "word":
        return False
    if not ctx.headline:
        return any(c.isupper() for c in t.text)
    if not t.text[:1].isupper():
        return False
    low = t.low
    ev = ctx.evidence
    if "'" in low or "\u2019" in low:
        return False  # a possessive: "Trump's Four 'Winners'"
    if low in ev.names:
        return True
    if low in ev.common or low in HEADLINE_PLAIN or low in NUMBER_WORDS:
        return False
    if len(t.text) > 1 and t.text.isupper() and not ctx.shouting:
        return True  # an acronym: "RBS Six Nations"
    if ctx.shouting:
        return False  # all capitals: only the body's evidence marks a name ("TO REDEEM TWO BOND ISSUES")
    if strict:
        return any(c.isupper() for c in t.text[1:])
    return not verb_form(low)


@VETO_RULES.register("number_word_name", 84)
def _veto_number_word_name(ctx: Ctx, k: int) -> str | None:
    """A number word inside a capitalised name: "the Three Gorges Dam", "RBS Six Nations",
    "Radio Five Live", "Group Four", "the Fantastic Four"; sports rounds: "the last eight",
    "the final four", "the round of 16" (data: :data:`W.ROUND_IDIOMS`)."""
    d = _current(ctx)
    if d is None or len(d.nums) != 1 or d.kind != "figure" or d.bound != "exact":
        return None
    n = d.nums[0]
    if d.unit is not None:
        # "Reznor of Nine Inch Nails": in body text a capitalised number word and a capitalised
        # unit word mid-sentence are a name
        u_tok = ctx.tp[n.j]
        if (
            ctx.headline or n.form != "words" or n.j - n.i != 1 or u_tok is None or u_tok.kind != "word"
            or not u_tok.text[:1].isupper() or u_tok.text.isupper() or not ctx.toks[n.i].text[:1].isupper()
            or sentence_initial(ctx.toks, ctx.text, n.i)
        ):
            return None
        return "name"
    if n.form in ("words", "digits") and n.j - n.i == 1 and ctx.lw[n.i - 1] in W.ROUND_IDIOMS:
        before = W.ROUND_IDIOMS[ctx.lw[n.i - 1]]
        if ctx.lw[n.i - 2] in before and (
            ctx.lw[n.j] in W.ROUND_AFTER or ctx.lw[n.j] in _CLAUSE_WORDS or ctx.tp[n.j] is None or ctx.toks[n.j].kind != "word"
        ):
            if ctx.lows[n.i] in W.ROUND_SIZES:
                return "round"
    if n.form != "words" or n.j - n.i != 1:
        return None
    t = ctx.toks[n.i]
    if not t.text[:1].isupper() or (t.text.isupper() and len(t.text) > 1 and not ctx.shouting and not ctx.headline):
        return None
    prev_w = ctx.tp[n.i - 1] is not None and ctx.toks[n.i - 1].kind == "word" and n.i - 1 >= ctx.floor
    next_t = ctx.tp[n.j]
    next_w = next_t is not None and next_t.kind == "word"
    if ctx.headline:
        pairs = ctx.evidence.name_pairs
        if prev_w and (ctx.lows[n.i - 1], t.low) in pairs or next_w and (t.low, ctx.lows[n.j]) in pairs:
            return "name"
        if prev_w and n.i - 1 > 0 and name_like(ctx, n.i - 1):
            return "name"  # "Fantastic Four Reboot", "Wales Win RBS Six Nations"
        if prev_w and n.i - 1 == 0 and name_like(ctx, n.i - 1) and ctx.toks[0].low not in W.NOT_PRODUCT:
            return "name"  # "Radio Five Live ..."
        return None
    if sentence_initial(ctx.toks, ctx.text, n.i):
        return None
    b = ctx.toks[n.i - 1]
    if prev_w and b.text[:1].isupper() and b.low not in W.NOT_PRODUCT or next_w and next_t is not None and next_t.text[:1].isupper():
        return "name"  # mid-sentence "Three Gorges", "Big Four", "Radio Five"
    if prev_w and b.text[:1].isupper() and b.low in ("the",) and sentence_initial(ctx.toks, ctx.text, n.i - 1):
        return "name"  # "The Fantastic Four" ... sentence-initial "The" then a capitalised number word
    return None


def _current(ctx: Ctx) -> Draft | None:
    return ctx.draft


def figures(ctx: Ctx) -> list[Draft]:
    """Pass 2: drafts of every figure, in order, vetoes applied."""
    out: list[Draft] = []
    toks = ctx.toks
    n = len(toks)
    ctx.floor = 0
    ctx.dump_at = 0
    if not ctx.dumps:
        # the same scan over the tokens that can matter: number nodes, figure words, paragraph breaks
        nums = ctx.nums
        pos = 0
        for i in [k for k, t in enumerate(toks) if k in nums or t.kind == "par" or t.low in _FIGURE_WORDS]:
            if i < pos:
                continue
            if toks[i].kind == "par":
                ctx.floor = i + 1
                continue
            pos = _figure_at(ctx, i, out)
        return out
    i = 0
    while i < n:
        if ctx.dumps:
            i = _skip_dump(ctx, i)
            if i >= n:
                break
        t = toks[i]
        if t.kind == "par":
            ctx.floor = i + 1
            i += 1
            continue
        if i not in ctx.nums and not (t.kind == "word" and (t.low in _FIGURE_WORDS)):
            i += 1
            continue
        i = _figure_at(ctx, i, out)
    return out


def _figure_at(ctx: Ctx, i: int, out: list[Draft]) -> int:
    """Try the figure rules at token ``i``, keep the draft unless vetoed; the next token to scan."""
    d = FIGURE_RULES.first(ctx, i)
    if d is None:
        return i + 1
    nxt = max(d.j, i + 1)
    reason = None if d.kind == "skip" else _veto_reason(ctx, d)
    if d.kind != "skip" and reason is None:
        if (
            d.direction is None and ctx.prev is not None and ctx.prev.direction is not None
            and ctx.lw[d.i - 1] == "or" and ctx.lw[d.i - 2] == "," and d.i - 3 <= ctx.prev.j <= d.i - 2
        ):
            d.direction = ctx.prev.direction
        merged = _merge_bounds(ctx, ctx.prev, d) if out and out[-1] is ctx.prev else None
        if merged is not None:
            out[-1] = merged
            ctx.prev = merged
        else:
            out.append(d)
            ctx.prev = d
    elif reason in ("label", "model") and ctx.lw[nxt] in ("and", "or", "to", "-", "\u2013", ",") and nxt + 1 in ctx.nums:
        nxt = ctx.nums[nxt + 1].j  # "junctions 4 and 7"
    ctx.floor = nxt
    return nxt


_FIGURE_WORDS = frozenset(W.FACTORS) | frozenset(W.VAGUE) | {"tens", "a", "several", "many"}


def _merge_bounds(ctx: Ctx, a: Draft | None, b: Draft) -> Draft | None:
    """"more than 10 and less than 40", "at most 100 and at least 20": one range."""
    if a is None or {a.bound, b.bound} != {"lower", "upper"} or a.range or b.range:
        return None
    if b.i != a.j + 1 or ctx.lw[a.j] not in ("and", "but", ","):
        return None
    lo_d, hi_d = (a, b) if a.bound == "lower" else (b, a)
    if lo_d.low >= hi_d.high or (a.unit is not None and b.unit is not None and a.unit != b.unit):
        return None
    return Draft(
        a.i, b.j, lo_d.low, hi_d.high, lo_d.p_low, hi_d.p_high, bound="range",
        unit=a.unit or b.unit, dimension=a.dimension if a.unit else b.dimension, range=True,
        nums=a.nums + b.nums,
    )


def _veto_reason(ctx: Ctx, d: Draft) -> str | None:
    ctx.draft = d
    try:
        return VETO_RULES.first(ctx, d.i)
    finally:
        ctx.draft = None
