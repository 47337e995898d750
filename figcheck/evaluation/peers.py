"""Scoring figcheck against other projects' test suites (``../shared/peers``).

Suites: Recognizers-Text English specs (Number, NumberRange, Percent, Ordinal, and NumberWithUnit's
Currency, Dimension, Temperature, Age) and quantulum3's ``quantities.json``.

Each case is judged by figcheck's reading of the same text:

* a **value** suite case passes when every expected result is matched by a figcheck quantity whose
  span overlaps it, with the same value and a unit of the same meaning (see ``UNIT_SYNONYMS``), and
  figcheck reports no other quantity of that suite's kind (no extras);
* a **range** case compares interval end points; figcheck does not model whether an inequality
  is strict, so ``(20,35]`` and ``[20,35]`` are the same to it; a one-point range ("equal to 20"
  -> ``[20,20]``) is met by figcheck's exact figure of that value;
* an **ordinal** case passes when figcheck reports no quantity overlapping the ordinal: ordinals
  are not figures.

Where figcheck deliberately differs from a suite's convention, the case is listed in
:data:`CONVENTIONS` with the reason, and judged by figcheck's own expectation instead.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..model import Quantity

SUITES: dict[str, tuple[str, str]] = {
    # suite id: (relative path, judge kind)
    "rt-number": ("recognizers-text/Number/NumberModel.json", "number"),
    "rt-numberrange": ("recognizers-text/Number/NumberRangeModel.json", "range"),
    "rt-percent": ("recognizers-text/Number/PercentModel.json", "percent"),
    "rt-ordinal": ("recognizers-text/Number/OrdinalModel.json", "ordinal"),
    "rt-currency": ("recognizers-text/NumberWithUnit/CurrencyModel.json", "currency"),
    "rt-dimension": ("recognizers-text/NumberWithUnit/DimensionModel.json", "dimension"),
    "rt-temperature": ("recognizers-text/NumberWithUnit/TemperatureModel.json", "temperature"),
    "rt-age": ("recognizers-text/NumberWithUnit/AgeModel.json", "age"),
    "q3-quantities": ("quantulum3/quantities.json", "quantulum3"),
    "q3-ambiguity": ("quantulum3/quantities.ambiguity.json", "quantulum3"),
}

#: Peer unit name (lower case) -> figcheck unit names that mean the same.
UNIT_SYNONYMS: dict[str, frozenset[str]] = {
    k: frozenset(v)
    for k, v in {
        "dollar": {"dollar", "united states dollar"},
        "united states dollar": {"dollar", "united states dollar"},
        "pound": {"pound sterling", "pound-mass"},
        "british pound": {"pound sterling"},
        "pence": {"penny"},
        "penny": {"penny"},
        "cent": {"cent"},
        "c": {"degree Celsius"},
        "f": {"degree fahrenheit"},
        "meter": {"metre"},
        "kilometer": {"kilometre"},
        "millimeter": {"millimetre"},
        "decimeter": {"decimetre"},
        "picometer": {"picometre"},
        "square meter": {"square metre"},
        "square kilometer": {"square kilometre"},
        "kilometer per hour": {"kilometre per hour"},
        "meter per millisecond": {"metre per millisecond"},
        "centimeter per millisecond": {"centimetre per millisecond"},
        "kilometer per millisecond": {"kilometre per millisecond"},
        "milliliter": {"millilitre", "cubic centimetre"},
        "metric ton": {"tonne"},
        "ton": {"ton", "short ton", "tonne"},
        "dimensionless": {"__none__"},
        "degree": {"degree", "degree Celsius", "degree fahrenheit", "degree angle"},
        "japanese yen": {"japanese yen", "yen"},
        "rupee": {"indian rupee", "rupee"},
        "age": {"year"},
        "chinese yuan": {"chinese yuan", "yuan"},
    }.items()
}

@dataclass(frozen=True)
class Convention:
    """Why figcheck deliberately reads a peer case differently, and how it is judged instead.

    ``not_figures``: the peer's expected surfaces that figcheck holds are not figures (they must
    then not be extracted).  ``instead``: figcheck's own reading of the case as
    ``(surface, low, high, unit)`` tuples, replacing the peer's expectations.
    """

    reason: str
    not_figures: frozenset[str] = frozenset()
    instead: tuple[tuple[str, str, str, str | None], ...] | None = None


_ORDINAL = "ordinals are not figures ('the tenth' ranks, it does not count)"
_SYMBOLS = "comparison symbols next to a number are read as bounds ('>30', '=>30')"

#: Case id -> the convention figcheck follows instead of the peer's, case by case.
CONVENTIONS: dict[str, Convention] = {
    "rt-numberrange#3": Convention(_ORDINAL, frozenset({"between the tenth and the fifteenth"})),
    "rt-numberrange#5": Convention(
        _ORDINAL, frozenset({"higher than the tenth but lower than the fifteenth"})
    ),
    "rt-numberrange#58": Convention(
        "'2 in 5' is a ratio in news copy ('one in five'), so 'more than 2 in 5' is more than 0.4",
        instead=(("more than 2 in 5", "0.4", "0.4", None),),
    ),
    "rt-numberrange#65": Convention(_SYMBOLS, instead=((">30", "30", "30", None),)),
    "rt-numberrange#66": Convention(_SYMBOLS, instead=(("=>30", "30", "30", None),)),
    "rt-numberrange#67": Convention(_SYMBOLS, instead=(("=<30", "30", "30", None),)),
    "rt-numberrange#69": Convention(
        "'from 200 to 300' is a range whatever follows; the peer drops it before 'in 2008'",
        instead=(("200 to 300", "200", "300", None),),
    ),
    "rt-percent#9": Convention(
        "'percent(s) of twenty' names a share of twenty things, not twenty per cent",
        instead=(("twenty", "20", "20", None),),
    ),
    "rt-percent#10": Convention(
        "'percent of 10' names a share of ten things, not ten per cent",
        instead=(("10", "10", "10", None),),
    ),
    "rt-percent#11": Convention(
        "'per cent of twenty-two' names a share of 22 things, not 22 per cent",
        instead=(("twenty-two", "22", "22", None),),
    ),
    "rt-percent#12": Convention(
        "'per cent of 210' names a share of 210 things, not 210 per cent",
        instead=(("210", "210", "210", None),),
    ),
    "rt-ordinal#51": Convention(
        "'forty two and a third' is a mixed number (42 1/3, as rt-number#222 reads the same text), "
        "not an ordinal",
        instead=(("forty two and a third", "42.33333333333333333333333333",
                  "42.33333333333333333333333333", None),),
    ),
    "rt-currency#99": Convention(
        "'one dollar and one ...' does not make one cent; news copy writes '$1.01'",
        instead=(("one dollar", "1", "1", "dollar"),),
    ),
    "rt-currency#103": Convention(
        "'one dollar and two ...' does not make two cents; news copy writes '$1.02'",
        instead=(
            ("one dollar", "1", "1", "dollar"), ("two", "2", "2", None), ("three", "3", "3", None)
        ),
    ),
    "rt-dimension#10": Convention(
        "'eight to 10 feet' is one range with the unit shared, not '10 feet' alone",
        instead=(("eight to 10 feet", "8", "10", "foot"),),
    ),
    "rt-age#15": Convention(
        "'about 40 - 50 years old' is one range with the unit shared, not '50 years old' alone",
        instead=(("about 40 - 50 years old", "40", "50", "year"),),
    ),
    "q3-quantities#3": Convention(
        "model names and years are not figures ('Voyager 2', 'in 1979')", frozenset({"2", "1979"})
    ),
    "q3-quantities#4": Convention("a course name is not a figure ('English 101')", frozenset({"101"})),
    "q3-quantities#25": Convention("a decade is a date, not a figure ('the 1960s')", frozenset({"1960"})),
    "q3-quantities#47": Convention("a company name is not a figure ('South 32 Ltd')", frozenset({"32"})),
    "q3-quantities#55": Convention("a year is not a figure ('in 2013')", frozenset({"2013"})),
    "q3-quantities#61": Convention("a model number is not a figure ('Core i7 860')", frozenset({"860"})),
    "q3-quantities#63": Convention(
        "years are not figures ('in 2005', 'by 2011')", frozenset({"2005", "2011"})
    ),
    "q3-ambiguity#5": Convention("a model number is not a figure ('Bahco 9031')", frozenset({"9031"})),
}


@dataclass(frozen=True)
class Expected:
    text: str
    start: int
    end: int
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    unit: str | None = None


@dataclass(frozen=True)
class PeerCase:
    suite: str
    index: int
    input: str
    expected: tuple[Expected, ...]
    judge: str

    @property
    def id(self) -> str:
        return f"{self.suite}#{self.index}"


@dataclass(frozen=True)
class Verdict:
    passed: bool
    detail: str = ""


def default_peers_dir() -> Path:
    env = os.environ.get("FIGCHECK_PEERS")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[2]
    return repo.parent / "shared" / "peers"


def _dec(text: object) -> Decimal | None:
    try:
        return Decimal(str(text).strip().rstrip("%"))
    except (InvalidOperation, ValueError):
        return None


def _parse_interval(text: str) -> tuple[Decimal | None, Decimal | None]:
    inner = text.strip()[1:-1]
    lo, _, hi = inner.partition(",")
    return (_dec(lo) if lo.strip() else None, _dec(hi) if hi.strip() else None)


def load_cases(peers_dir: Path | None = None) -> list[PeerCase]:
    peers_dir = peers_dir or default_peers_dir()
    cases: list[PeerCase] = []
    for suite, (rel, judge) in SUITES.items():
        path = peers_dir / rel
        if not path.exists():
            continue
        for i, raw in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            if judge == "quantulum3":
                text = raw["req"]
                exp = []
                pos = 0
                for r in raw["res"]:
                    surface = r["surface"]
                    at = text.find(surface, pos)
                    at = text.find(surface) if at < 0 else at
                    pos = max(pos, at + 1)
                    exp.append(
                        Expected(
                            text=surface, start=at, end=at + len(surface),
                            value=_dec(r["value"]), unit=str(r["unit"]),
                        )
                    )
                cases.append(PeerCase(suite, i, text, tuple(exp), judge))
                continue
            exp = []
            for r in raw.get("Results", []):
                res = r.get("Resolution") or {}
                value = res.get("value")
                low = high = None
                val = None
                if judge == "range" and isinstance(value, str) and value[:1] in "[(":
                    low, high = _parse_interval(value)
                else:
                    val = _dec(value)
                exp.append(
                    Expected(
                        text=r["Text"], start=int(r.get("Start", 0)), end=int(r.get("End", 0)) + 1,
                        value=val, low=low, high=high, unit=res.get("unit"),
                    )
                )
            cases.append(PeerCase(suite, i, raw["Input"], tuple(exp), judge))
    return cases


def _overlaps(q: Quantity, e: Expected) -> bool:
    return q.start < e.end and e.start < q.end


def _unit_ok(peer_unit: str | None, q: Quantity) -> bool:
    if peer_unit is None:
        return True
    key = peer_unit.lower()
    if key == "dimensionless":
        return q.unit is None
    fig = (q.unit or "").lower()
    if q.per and " per " in key:
        # a rate: "$15.4/hour" is dollar per hour where the peer writes rates (quantulum3); a peer
        # that writes none (Recognizers-Text: "$98 a share" is Dollar) is met by the unit alone
        fig = f"{fig} per {q.per.lower()}"
    allowed = {u.lower() for u in UNIT_SYNONYMS.get(key, frozenset({peer_unit}))}
    normalised = key.replace("meter", "metre").replace("liter", "litre")
    return fig in allowed or fig == key or fig == normalised


_RELEVANT: dict[str, Callable[[Quantity], bool]] = {
    "currency": lambda q: q.dimension == "currency",
    "temperature": lambda q: q.dimension == "temperature",
    "age": lambda q: q.dimension == "duration",
    "dimension": lambda q: q.unit is not None
    and q.dimension not in {"currency", "ratio", "temperature", "duration", "count"},
    "percent": lambda q: q.unit in {"percentage", "percentage point"},
    "number": lambda q: q.unit is None or q.dimension == "count",
    # NumberRange reports ranges and bounds only; plain figures are NumberModel's business
    "range": lambda q: q.bound in {"lower", "upper", "range"},
    "quantulum3": lambda q: q.kind != "score",
}


def _close(a: Decimal, b: Decimal) -> bool:
    """Equal, allowing for the peers' float rounding of non-terminating fractions (2/3)."""
    return a == b or abs(a - b) <= Decimal("1e-9") * max(Decimal(1), abs(b))


def _matches_value(q: Quantity, e: Expected, judge: str) -> bool:
    if e.value is None:
        return False
    if _close(q.value.low, e.value) and _close(q.value.high, e.value):
        return True
    # quantulum3 writes a range as its midpoint ("3 to 4 L" -> 3.5 litre)
    return judge == "quantulum3" and q.bound == "range" and _close(
        (q.value.low + q.value.high) / 2, e.value
    )


def _ends(q: Quantity) -> tuple[Decimal | None, Decimal | None]:
    if q.bound == "lower":
        return q.value.low, None
    if q.bound == "upper":
        return None, q.value.high
    return q.value.low, q.value.high


def _judge_instead(convention: Convention, quantities: Sequence[Quantity]) -> Verdict:
    """Judge by figcheck's own reading: exactly the listed figures, nothing else."""
    assert convention.instead is not None
    want = {(t, Decimal(lo), Decimal(hi), u) for t, lo, hi, u in convention.instead}
    got = {(q.text, q.value.low, q.value.high, q.unit) for q in quantities if q.kind != "score"}
    if want == got:
        return Verdict(True)
    return Verdict(False, f"convention ({convention.reason}): wanted {sorted(map(str, want))}, "
                   f"figcheck: {sorted(map(str, got))}")


def _point_range(case: PeerCase, q: Quantity) -> bool:
    """A one-point range ("equal to 20" -> [20, 20]) is figcheck's exact figure of that value."""
    return case.judge == "range" and q.bound == "exact" and any(
        e.low is not None and e.low == e.high and _overlaps(q, e) for e in case.expected
    )


def judge_case(case: PeerCase, quantities: Sequence[Quantity]) -> Verdict:
    """Judge one case given figcheck's quantities for ``case.input``."""
    convention = CONVENTIONS.get(case.id)
    if convention is not None and convention.instead is not None:
        return _judge_instead(convention, quantities)
    not_figures = frozenset(
        e.text for e in case.expected if e.value is None and e.low is None and e.high is None
    )
    if convention is not None:
        not_figures |= convention.not_figures
    if not_figures and case.judge != "ordinal":
        # Unit-only mentions ("convert celsius to fahrenheit") and listed conventions: these
        # surfaces must not be read as figures; the rest of the case is judged as usual.
        gone = [e for e in case.expected if e.text in not_figures]
        hits = [q.text for q in quantities for e in gone if _overlaps(q, e)]
        if hits:
            why = convention.reason if convention else "a unit named without a number"
            return Verdict(False, f"read as figure against convention ({why}): {hits}")
        rest = tuple(e for e in case.expected if e.text not in not_figures)
        quantities = [q for q in quantities if not any(_overlaps(q, e) for e in gone)]
        case = PeerCase(case.suite, case.index, case.input, rest, case.judge)
    if case.judge == "ordinal":
        hits = [q.text for q in quantities for e in case.expected if _overlaps(q, e)]
        return Verdict(not hits, f"ordinal read as figure: {hits}" if hits else "")
    relevant = [q for q in quantities if _RELEVANT[case.judge](q) or _point_range(case, q)]
    used: set[int] = set()
    problems: list[str] = []
    for e in case.expected:
        found = False
        for i, q in enumerate(relevant):
            if i in used or not _overlaps(q, e):
                continue
            if case.judge == "range":
                ok = _ends(q) == (e.low, e.high)
            else:
                ok = _matches_value(q, e, case.judge) and (
                    case.judge in {"number", "percent"} or _unit_ok(e.unit, q)
                )
            if ok:
                used.add(i)
                found = True
                break
        if not found:
            got = [(q.text, str(q.value.low), q.unit) for q in quantities if _overlaps(q, e)]
            want = (e.low, e.high) if case.judge == "range" else (e.value, e.unit)
            problems.append(f"missed {e.text!r} {want}; figcheck: {got}")
    for i, q in enumerate(relevant):
        if i in used or any(_overlaps(q, e) for e in case.expected):
            continue
        if case.judge == "quantulum3" and q.unit is None and not case.expected:
            continue
        problems.append(f"extra {q.text!r} ({q.value.low} {q.unit})")
    return Verdict(not problems, "; ".join(problems))


@dataclass
class SuiteScore:
    suite: str
    cases: int = 0
    passed: int = 0
    conventions: int = 0
    passed_conventions: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.passed / self.cases if self.cases else 0.0

    @property
    def applicable(self) -> int:
        """Cases where figcheck follows the peer's convention."""
        return self.cases - self.conventions

    @property
    def applicable_rate(self) -> float:
        ok = self.passed - self.passed_conventions
        return ok / self.applicable if self.applicable else 0.0


@dataclass
class PeerScores:
    suites: dict[str, SuiteScore]

    def format(self, *, failures: bool = False) -> str:
        lines = [
            f"{'suite':<16} {'cases':>5} {'passed':>6} {'rate':>7}   "
            f"{'own-convention':>14}   {'applicable':>10} {'rate':>7}"
        ]
        for s in self.suites.values():
            lines.append(
                f"{s.suite:<16} {s.cases:>5} {s.passed:>6} {s.rate:>7.1%}   "
                f"{s.passed_conventions:>6} of {s.conventions:<5}   {s.applicable:>10} "
                f"{s.applicable_rate:>7.1%}"
            )
        groups = {
            "RT NumberWithUnit": ("rt-currency", "rt-dimension", "rt-temperature", "rt-age"),
            "RT NumberRange": ("rt-numberrange",),
        }
        for name, keys in groups.items():
            ss = [self.suites[k] for k in keys if k in self.suites]
            app = sum(x.applicable for x in ss)
            ok = sum(x.passed - x.passed_conventions for x in ss)
            if app:
                lines.append(f"{name}: {ok} of {app} applicable cases pass ({ok / app:.1%})")
        if failures:
            for s in self.suites.values():
                for cid, text, detail in s.failures:
                    lines.append(f"FAIL {cid}: {text[:90]!r}\n     {detail}")
        return "\n".join(lines)


def run_case(case: PeerCase) -> Verdict:
    from ..parser import extract

    return judge_case(case, extract(case.input))


def convention_for(case: PeerCase) -> str | None:
    """Why figcheck judges ``case`` by its own convention, or None."""
    if case.id in CONVENTIONS:
        return CONVENTIONS[case.id].reason
    if case.judge != "ordinal" and any(
        e.value is None and e.low is None and e.high is None for e in case.expected
    ):
        return "a unit named without a number is not a figure"
    return None


def evaluate_peers(peers_dir: Path | None = None) -> PeerScores:
    suites: dict[str, SuiteScore] = {}
    for case in load_cases(peers_dir):
        score = suites.setdefault(case.suite, SuiteScore(case.suite))
        score.cases += 1
        own = convention_for(case) is not None
        score.conventions += own
        verdict = run_case(case)
        if verdict.passed:
            score.passed += 1
            score.passed_conventions += own
        else:
            score.failures.append((case.id, case.input, verdict.detail))
    return PeerScores(suites)
