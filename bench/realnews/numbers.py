"""A small number reader for real news text, independent of figcheck.

It must not import figcheck: the harness uses it to find candidate figures (for planting errors,
for headline coverage, for labelling pairs) without borrowing figcheck's idea of what a figure
is or which figures state the same fact.  It is deliberately simple: digits (with thousands
commas and decimals), number words up to twenty and the tens, scale words (thousand, million,
bn, m, k...), currency symbols and codes, per cent, and a short list of measurement units.  It
skips what is plainly not a figure: years, dates, clock times, ordinals, model names (B-52,
Covid-19), phone-like digit runs and scores written with a dash.

:func:`numbers` returns :class:`Num` records in text order.  :func:`alter` gives a changed
surface for a figure in the same format, for planting errors.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
WORD_OF: dict[int, str] = {v: k for k, v in WORDS.items() if k not in ("hundred", "dozen")}

SCALES: dict[str, int] = {
    "thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6, "mln": 10**6,
    "billion": 10**9, "bn": 10**9, "b": 10**9, "bln": 10**9, "trillion": 10**12, "tn": 10**12,
    "trn": 10**12,
}
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD", "US$": "USD", "A$": "AUD", "C$": "CAD", "NZ$": "NZD", "HK$": "HKD",
    "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "R$": "BRL", "S$": "SGD",
}
CURRENCY_WORDS: dict[str, str] = {
    "dollars": "USD", "dollar": "USD", "pounds sterling": "GBP", "euros": "EUR", "euro": "EUR",
    "yen": "JPY", "rupees": "INR", "yuan": "CNY", "usd": "USD", "gbp": "GBP", "eur": "EUR",
    "pence": "GBX", "p": "GBX", "cents": "USC",
}
# unit word -> (dimension, factor to the dimension's base unit)
UNITS: dict[str, tuple[str, Decimal]] = {
    "km": ("length", Decimal(1000)), "kilometres": ("length", Decimal(1000)),
    "kilometers": ("length", Decimal(1000)), "kilometre": ("length", Decimal(1000)),
    "kilometer": ("length", Decimal(1000)), "m": ("length", Decimal(1)),
    "metres": ("length", Decimal(1)), "meters": ("length", Decimal(1)),
    "metre": ("length", Decimal(1)), "meter": ("length", Decimal(1)),
    "cm": ("length", Decimal("0.01")), "centimetres": ("length", Decimal("0.01")),
    "centimeters": ("length", Decimal("0.01")), "mm": ("length", Decimal("0.001")),
    "millimetres": ("length", Decimal("0.001")), "millimeters": ("length", Decimal("0.001")),
    "miles": ("length", Decimal("1609.344")), "mile": ("length", Decimal("1609.344")),
    "ft": ("length", Decimal("0.3048")), "feet": ("length", Decimal("0.3048")),
    "foot": ("length", Decimal("0.3048")), "inches": ("length", Decimal("0.0254")),
    "inch": ("length", Decimal("0.0254")), "in": ("length", Decimal("0.0254")),
    "yards": ("length", Decimal("0.9144")), "yd": ("length", Decimal("0.9144")),
    "kg": ("mass", Decimal(1)), "kilograms": ("mass", Decimal(1)),
    "kilogrammes": ("mass", Decimal(1)), "kilos": ("mass", Decimal(1)),
    "g": ("mass", Decimal("0.001")), "grams": ("mass", Decimal("0.001")),
    "lb": ("mass", Decimal("0.45359237")), "lbs": ("mass", Decimal("0.45359237")),
    "pounds": ("mass", Decimal("0.45359237")), "oz": ("mass", Decimal("0.028349523125")),
    "ounces": ("mass", Decimal("0.028349523125")), "stone": ("mass", Decimal("6.35029318")),
    "tonnes": ("mass", Decimal(1000)), "tonne": ("mass", Decimal(1000)),
    "tons": ("mass", Decimal("907.18474")),
    "sq km": ("area", Decimal(10**6)), "square kilometres": ("area", Decimal(10**6)),
    "square kilometers": ("area", Decimal(10**6)), "km2": ("area", Decimal(10**6)),
    "sq miles": ("area", Decimal("2589988.110336")),
    "square miles": ("area", Decimal("2589988.110336")),
    "hectares": ("area", Decimal(10**4)), "ha": ("area", Decimal(10**4)),
    "acres": ("area", Decimal("4046.8564224")),
    "square feet": ("area", Decimal("0.09290304")), "sq ft": ("area", Decimal("0.09290304")),
    "square metres": ("area", Decimal(1)), "square meters": ("area", Decimal(1)),
    "sq m": ("area", Decimal(1)),
    "litres": ("volume", Decimal("0.001")), "liters": ("volume", Decimal("0.001")),
    "gallons": ("volume", Decimal("0.003785411784")),
    "mph": ("speed", Decimal("0.44704")), "km/h": ("speed", Decimal(1) / Decimal("3.6")),
    "kph": ("speed", Decimal(1) / Decimal("3.6")), "kmh": ("speed", Decimal(1) / Decimal("3.6")),
    "knots": ("speed", Decimal("0.514444")),
    "c": ("temperature", Decimal(1)), "f": ("temperature", Decimal(1)),
    "°c": ("temperature", Decimal(1)), "°f": ("temperature", Decimal(1)),
    "celsius": ("temperature", Decimal(1)), "fahrenheit": ("temperature", Decimal(1)),
    "degrees celsius": ("temperature", Decimal(1)),
    "degrees fahrenheit": ("temperature", Decimal(1)),
}
_UNIT_ALT = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
_SCALE_ALT = "|".join(sorted(SCALES, key=len, reverse=True))
_CUR_SYM_ALT = "|".join(sorted((re.escape(c) for c in CURRENCY_SYMBOLS), key=len, reverse=True))
_WORD_ALT = "|".join(sorted(WORDS, key=len, reverse=True))

MONTHS: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
)
STOP_NOUNS: frozenset[str] = frozenset(
    "the a an of and or to in on at for by from with as than that this was were is are be been "
    "has have had it its their his her per cent percent more less over about around nearly "
    "almost some up down".split()
)

_NUM = re.compile(
    r"(?P<cur>" + _CUR_SYM_ALT + r")?\s?"
    r"(?P<num>(?<![\w.,/:\u2013-])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,]\d)|(?<![\w.,/:\u2013-])\d+(?:\.\d+)?"
    r"|(?<![\w-])(?:" + _WORD_ALT + r")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"(?![\w-]))"
    r"(?P<scale>\s?(?:" + _SCALE_ALT + r")\b)?"
    r"(?P<pct>\s?%|\s(?:per\s?cent|percent)\b)?",
    re.IGNORECASE,
)
_START = re.compile(r"\d+|(?<![\w-])(?:" + _WORD_ALT + r")(?![\w])", re.IGNORECASE)
"""Where a number can start (searched first: far faster than trying :data:`_NUM` everywhere)."""
_CUR_BEFORE = re.compile(r"(?:" + _CUR_SYM_ALT + r")\s?$")
_UNIT_AFTER = re.compile(r"\s?(?P<unit>" + _UNIT_ALT + r")(?![\w/])", re.IGNORECASE)
_CUR_WORD_AFTER = re.compile(
    r"\s(?P<cw>dollars|dollar|euros|euro|yen|rupees|yuan|pence|cents|usd|gbp|eur)\b",
    re.IGNORECASE)
_CUR_CODE_BEFORE = re.compile(r"\b(?P<code>USD|GBP|EUR|JPY|CNY|INR|AUD|CAD|Rs\.?)\s?$")
_GALLERY = re.compile(r"(?: of \d+)? Photos?\b")
_ONE_LETTER: frozenset[str] = frozenset({"m", "g", "C", "F"})
_METRE_WORDS: frozenset[str] = frozenset(
    "sprint race hurdles freestyle backstroke breaststroke butterfly medley relay dash run "
    "tall high long deep wide away above below from to of in fall drop climb jump wall yacht "
    "boat wave waves tower bridge stretch section swim".split())
_WORD_NOUN = re.compile(r"[A-Za-z][A-Za-z'-]*")
_PHONE = re.compile(r"\d{3,}[ -]\d{3,}")


@dataclass(frozen=True)
class Num:
    """One number as this reader sees it (offsets into the string it was read from)."""

    start: int
    end: int
    surface: str
    value: Decimal
    """The value in its own unit, scale applied ("$1.5bn" -> 1500000000)."""
    kind: str
    """``money``, ``percent``, ``measure`` or ``count``."""
    unit: str | None = None
    """Currency code, unit word (lower case) or None."""
    word: bool = False
    """Written as a number word ("three")."""
    noun: str | None = None
    """The first content word after the number (lower case, crude singular), if any."""

    @property
    def base(self) -> Decimal | None:
        """Value in the dimension's base unit for measures (None otherwise)."""
        if self.kind != "measure" or self.unit is None:
            return None
        return self.value * UNITS[self.unit][1]

    @property
    def dimension(self) -> str:
        if self.kind == "measure" and self.unit:
            return UNITS[self.unit][0]
        return self.kind


def _word_value(w: str) -> int | None:
    parts = re.split(r"[- ]", w.lower())
    total = 0
    for p in parts:
        if p not in WORDS:
            return None
        total += WORDS[p]
    return total


def _singular(w: str) -> str:
    w = w.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def _noun_after(text: str, pos: int) -> str | None:
    """The first content word within a few words after ``pos``."""
    for m in _WORD_NOUN.finditer(text, pos, min(len(text), pos + 40)):
        w = m.group().lower()
        if w in STOP_NOUNS or w in SCALES:
            continue
        if text[pos:m.start()].strip(" -") and any(c in text[pos:m.start()] for c in ".;:!?"):
            return None
        return _singular(w)
    return None


def _is_year(n: str, text: str, start: int) -> bool:
    if not re.fullmatch(r"(1[5-9]|20)\d\d", n):
        return False
    return True


def _date_context(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 10):start].lower()
    after = text[end:end + 10].lower()
    for mo in MONTHS:
        if re.search(r"\b" + mo + r"\.?\s$", before) or re.match(r"\s" + mo + r"\b", after):
            return True
    return False


def numbers(text: str) -> list[Num]:
    """Every number this reader finds in ``text``, in order."""
    out: list[Num] = []
    last = 0
    for h in _START.finditer(text):
        p = h.start()
        if p < last:
            continue
        cb = _CUR_BEFORE.search(text, max(last, p - 5), p)
        m = _NUM.match(text, cb.start()) if cb else None
        if m is None or m.start("num") != p:
            m = _NUM.match(text, p)
        if m is None or not m.group("num") or m.start("num") != p:
            continue
        last = m.end()
        raw = m.group("num")
        s, e = m.start(), m.end()
        ns, ne = m.start("num"), m.end("num")
        is_word = not raw[0].isdigit()
        if is_word:
            v = _word_value(raw)
            if v is None:
                continue
            # "one" is rarely a figure in prose ("one of the", "no one"); words only with a noun
            if raw.lower() == "one":
                continue
            value = Decimal(v)
        else:
            try:
                value = Decimal(raw.replace(",", ""))
            except InvalidOperation:
                continue
        cur = m.group("cur")
        scale = (m.group("scale") or "").strip().lower()
        pct = m.group("pct")
        # trailing characters that make it not a figure
        nxt = text[ne:ne + 3]
        if not is_word:
            if re.match(r"(st|nd|rd|th)\b", nxt, re.IGNORECASE):
                continue  # ordinal
            if re.match(r"[:.]\d", text[ne:ne + 2]) or re.match(r"\s?(am|pm|a\.m|p\.m)\b",
                                                                text[ne:ne + 5], re.IGNORECASE):
                continue  # clock time
            if ns > 0 and text[ns - 1] in "-/#" and ns > 1 and text[ns - 2].isalnum():
                continue  # B-52, Covid-19, 24/7
            if re.match(r"[-/\u2013]\d", text[ne:ne + 2]):
                continue  # scores 3-1, dates 12/05, phone runs
            if _PHONE.match(text, ns):
                continue
        if scale in ("m", "b", "k") and not cur:
            # "$5m" is money and "2m people" two million, but "100m sprint" is metres and
            # "3 b" nothing
            after = text[m.end("scale"):m.end("scale") + 12].lower()
            word = re.match(r" ([a-z]+)", after)
            if not (scale == "m" and m.group("scale") == "m" and word
                    and word.group(1) not in _METRE_WORDS and word.group(1) not in UNITS):
                scale = ""
        if scale:
            e = m.end("scale")
            value *= SCALES[scale]
        else:
            e = ne
        kind = "count"
        unit: str | None = None
        if pct:
            e = m.end("pct")
            kind = "percent"
        if cur:
            kind, unit = "money", CURRENCY_SYMBOLS[cur]
            s = m.start("cur")
        else:
            s = ns
            code = _CUR_CODE_BEFORE.search(text, max(0, ns - 5), ns)
            if code and kind == "count":
                kind, unit = "money", code.group("code").upper().rstrip(".")
                s = code.start()
        if kind == "count":
            cw = _CUR_WORD_AFTER.match(text, e)
            um = _UNIT_AFTER.match(text, e)
            if um and len(um.group("unit")) == 1 and um.group("unit") not in _ONE_LETTER:
                um = None  # "4G", "3D", "5M": one-letter units only in their own case
            if cw:
                kind, unit, e = "money", CURRENCY_WORDS[cw.group("cw").lower()], cw.end()
            elif um and not is_word and not (um.group("unit").lower() in ("in", "m", "g")
                                               and text[um.start():um.end()].startswith(" ")):
                u = um.group("unit").lower()
                if u in ("c", "f") and not (text[ne:ne + 1] in "CF°" or
                                            text[ne:ne + 2] in ("°C", "°F")):
                    pass
                else:
                    kind, unit, e = "measure", u, um.end()
            elif um and um.group("unit").lower() not in ("in", "m", "g", "c", "f"):
                kind, unit, e = "measure", um.group("unit").lower(), um.end()
        if kind == "count" and not is_word and not scale:
            if _is_year(raw, text, ns) or _date_context(text, ns, ne):
                continue
            if _GALLERY.match(text, ne) or text[max(0, ns - 8):ns].endswith("Caption "):
                continue  # "Hide Caption 4 of 19 Photos": a gallery counter
            if text[e:e + 1].isalpha():
                continue  # "1990s", "4G", "3D": glued to letters
            if raw.startswith("0") and len(raw) > 1 and not raw.startswith("0."):
                continue
        if is_word and kind == "count":
            noun = _noun_after(text, e)
            if noun is None:
                continue
        out.append(Num(s, e, text[s:e], value, kind, unit, is_word, _noun_after(text, e)))
    return out


def same_reading(a: Num, b: Num) -> bool:
    """Whether two numbers read as the same quantity on their face: equal value of the same kind
    and unit (measures compared in base units).  Says nothing about the fact they state."""
    if a.kind != b.kind:
        return False
    if a.kind == "measure":
        if a.dimension != b.dimension or a.base is None or b.base is None:
            return False
        if a.dimension == "temperature":
            return a.unit == b.unit and a.value == b.value
        return a.base == b.base
    if a.kind == "money" and a.unit != b.unit:
        return False
    return a.value == b.value


# --------------------------------------------------------------------------------------------
# changing a figure, keeping its format


def _digits_of(raw: str) -> tuple[int, bool]:
    """(decimal places, thousands commas) of a digit string."""
    dec = len(raw.split(".")[1]) if "." in raw else 0
    return dec, "," in raw


def format_like(raw: str, value: Decimal) -> str:
    """``value`` written like the digit string ``raw`` (same decimals, commas if it had them)."""
    dec, commas = _digits_of(raw)
    q = value.quantize(Decimal(1).scaleb(-dec)) if dec else value.quantize(Decimal(1))
    if commas or (abs(q) >= 10000 and "," in raw):
        return f"{q:,}"
    return f"{q}"


def _number_part(surface: str) -> re.Match[str] | None:
    return re.search(r"\d[\d,]*(?:\.\d+)?", surface)


def alter(num: Num, rng: random.Random) -> str | None:
    """A changed surface for ``num`` in the same format that clearly contradicts it: the numeral
    multiplied by 1.3 to 2 (or, for small whole numbers, moved by 2 to 5), with the same decimals,
    commas, scale word, currency and unit.  None when the surface cannot be changed safely."""
    if num.word:
        m = re.search(r"[A-Za-z]+(?:[- ][A-Za-z]+)?", num.surface)
        if m is None:
            return None
        v = _word_value(m.group())
        if v is None:
            return None
        choices = [w for w in range(2, 21) if w != v and abs(w - v) >= 2 and w >= v * 1.3
                   or (w != v and w <= v / 1.3 and w >= 2)]
        choices = [w for w in choices if w in WORD_OF]
        if not choices:
            return None
        new = WORD_OF[rng.choice(choices)]
        if m.group()[0].isupper():
            new = new.capitalize()
        return num.surface[:m.start()] + new + num.surface[m.end():]
    m = _number_part(num.surface)
    if m is None:
        return None
    raw = m.group()
    old = Decimal(raw.replace(",", ""))
    dec, _ = _digits_of(raw)
    if old == 0:
        return None
    if old == old.to_integral_value() and old < 20 and dec == 0:
        step = rng.randint(2, 5)
        new_v = old + step if (old <= 3 or rng.random() < 0.6) else old - step
        if new_v <= 0:
            new_v = old + step
    else:
        factor = Decimal(str(round(rng.uniform(1.3, 2.0), 2)))
        new_v = old * factor if rng.random() < 0.7 else old / factor
        unit = Decimal(1).scaleb(-dec)
        # keep the same precision: a figure ending in zeros keeps its trailing zeros
        if dec == 0:
            zeros = len(raw.replace(",", "")) - len(raw.replace(",", "").rstrip("0"))
            z = min(zeros, max(0, len(str(int(old))) - 2))
            unit = Decimal(10) ** z
        new_v = (new_v / unit).quantize(Decimal(1)) * unit
        if new_v == old or new_v <= 0:
            new_v = old * 2
        if num.kind == "percent" and old <= 100 and new_v > 100:
            new_v = old / Decimal("1.5")
            new_v = (new_v / unit).quantize(Decimal(1)) * unit if unit >= 1 else new_v.quantize(
                unit)
            if new_v == old or new_v <= 0:
                return None
    new_raw = format_like(raw, new_v)
    if new_raw == raw:
        return None
    return num.surface[:m.start()] + new_raw + num.surface[m.end():]
