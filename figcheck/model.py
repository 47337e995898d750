"""Typed value objects shared by every stage: text -> quantities -> claims -> findings -> output.

All models are frozen pydantic models.  Numeric values are exact ``Decimal``s in Python and
JSON numbers on the wire (integral values as integers, others as the shortest float that
round-trips).  The JSON layout is versioned by :data:`SCHEMA_VERSION`; see ``figcheck schema``.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    SerializerFunctionWrapHandler,
    model_serializer,
)

SCHEMA_VERSION: int = 2
"""2: every quantity carries a claim ``frame`` (:class:`Frame`)."""


def _num(value: Decimal) -> int | float:
    """JSON form of an exact decimal: an int when integral, else a float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _opt_num(value: Decimal | None) -> int | float | None:
    return None if value is None else _num(value)


Num = Annotated[Decimal, PlainSerializer(_num, return_type=int | float, when_used="json")]
OptNum = Annotated[
    Decimal | None, PlainSerializer(_opt_num, return_type=int | float | None, when_used="json")
]

Field_ = Literal["title", "text"]
Bound = Literal["exact", "approximate", "lower", "upper", "range"]
Direction = Literal["up", "down"]
Kind = Literal["figure", "score", "factor"]
Severity = Literal["error", "warning", "info"]
Scope = Literal["within", "cross"]
Aggregation = Literal["total", "part", "increment", "rate", "capacity", "threshold", "change",
                      "comparison", "window"]
Stance = Literal["asserted", "modal", "plan", "disputed", "negated"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Value(_Frozen):
    """The figure as stated, in its own unit: ``low == high`` for a single figure."""

    low: Num
    high: Num


class Interval(_Frozen):
    """A closed interval; ``None`` marks an open (unbounded) end."""

    low: OptNum = None
    high: OptNum = None

    def overlaps(self, other: Interval) -> bool:
        if self.high is not None and other.low is not None and self.high < other.low:
            return False
        if other.high is not None and self.low is not None and other.high < self.low:
            return False
        return True

    def contains(self, x: Decimal) -> bool:
        return (self.low is None or self.low <= x) and (self.high is None or x <= self.high)


class Subject(_Frozen):
    """What a figure counts or measures, and the qualifiers the sentence gives it."""

    text: str | None = None
    """Surface text of the subject noun phrase, e.g. ``"North Korean troops"``."""
    head: str | None = None
    """Normalised head: lower case, singular, e.g. ``"troop"``, ``"death toll"``."""
    place: str | None = None
    time: str | None = None
    attribution: str | None = None
    modality: str | None = None
    """``"may"``, ``"expected"``, ``"forecast"``, ``"claimed"`` ... or None for a plain statement."""
    negated: bool = False
    event: str | None = None
    """The verb or event the figure is tied to ("killed", "deployed", "injured"), lemmatised."""


class Frame(_Frozen):
    """The claim a figure makes, slot by slot, for the comparator to reason with.  A slot the
    text does not give is left ``None`` (unknown).  Built by :mod:`figcheck.parser.frame` from the
    sentence around the figure and the one vocabulary (``figcheck/data/vocabulary.toml``)."""

    measure: str | None = None
    """What is counted or measured, normalised: ``"death toll"``, ``"fine"``, ``"seat"``,
    ``"prison sentence"``, ``"troop"``."""
    holder: str | None = None
    """Whose figure it is, lower case: ``"curry"``, ``"the bank"``, ``"kevin johnson"``,
    ``"conservatives"``."""
    event: str | None = None
    """The event class (``kill``, ``injure``, ``punish``, ``deploy``, ``win`` ...; the vocabulary's
    names) or, for a verb outside it, its lemma."""
    aggregation: Aggregation = "total"
    """How the figure relates to the whole: a total, a part ("16 of them"), an increment ("28 new
    cases"), a rate ("per 100,000"), a capacity ("the 200-seat parliament"), a threshold ("201
    needed"), a change ("rose 6.5%", "from 40 to 50"), a comparison ("3.5C above normal", "won by
    3,735 votes") or a window ("their last 10 Tests")."""
    place: str | None = None
    time: str | None = None
    """The time the sentence gives the figure, as written ("on Monday", "in 2022")."""
    period_start: _dt.date | None = None
    period_end: _dt.date | None = None
    """The absolute period the figure is dated to, where the text names one ("in 2022", "in March
    2024"); a relative time is resolved against the publication date by the comparator."""
    stance: Stance = "asserted"
    attribution: str | None = None
    discourse: tuple[str, ...] = ()
    """Cues that place the figure in the telling: ``update`` ("initially 30"), ``history``
    ("two weeks after an ambush in which 12 died"), ``juxtaposed`` ("far more than the official
    toll"), ``converted`` (a bracketed conversion of the figure before it), ``listed`` (one of a
    list of figures: "aged 31, 38 and 52"), ``endpoints`` ("from 2,000 to 5,800")."""
    context: tuple[str, ...] = ()
    """The content words of the figure's sentence, nearest the figure first (at most
    :data:`figcheck.parser.frame.CONTEXT_WORDS`): lower-case stems ("kill", "hospital"), and names
    with their capital ("Curry", "Gaza").  Filled by :func:`figcheck.parser.frame.with_context`;
    the comparator measures how much two figures' sentences share (never re-reading the text)."""


class Quantity(_Frozen):
    """One figure found in a document field."""

    field: Field_ = "text"
    start: int
    end: int
    text: str
    """Exact surface ``source[start:end]``, hedge words included."""
    sentence: int = 0
    """0-based sentence index within the field."""
    paragraph: int = 0
    """0-based paragraph index within the field (paragraphs are separated by blank lines)."""
    kind: Kind = "figure"
    value: Value
    bound: Bound = "exact"
    precision: OptNum = None
    """Place value of the last stated digit in the figure's own unit (``10,000`` -> 1000, ``4.1`` -> 0.1).
    ``None`` for exact fractions and number words that carry no rounding."""
    interval: Interval
    """Normalised interval used for comparison (see :mod:`figcheck.intervals`)."""
    direction: Direction | None = None
    """``up``/``down`` when the figure states a change ("rose 6.5%", "fell by 300")."""
    unit: str | None = None
    """Canonical unit name (quantulum3's names where it has one); ``None`` for a plain count."""
    per: str | None = None
    """The denominator of a rate: "$2.11 per gallon" has unit "dollar" and per "gallon", "800,000
    barrels a day" unit "barrel" and per "day" (the rate's unit is "barrel per day"); ``None`` for
    an amount.  Added after 0.1.0: readers of older output treat a missing key as ``None``."""
    dimension: str = "count"
    """currency, length, area, volume, mass, temperature, duration, speed, count, ratio, ..."""
    base_unit: str | None = None
    """Base unit of the dimension that ``base`` is expressed in (``metre``, ``kelvin``...)."""
    base: Interval | None = None
    """``interval`` converted into ``base_unit`` where a conversion exists."""
    subject: Subject = Field(default_factory=Subject)
    frame: Frame = Field(default_factory=Frame)
    """The claim frame (:class:`Frame`)."""


class Document(_Frozen):
    """One article (or draft) to check."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    published: _dt.date | None = None
    url: str | None = None
    story: str | None = None
    desk: str | None = None
    origin: str | None = None
    """Where it was read from, e.g. ``archive.jsonl:17`` (file and 1-based line)."""
    text_line: int | None = None
    """For a .txt/.md/.html file: the 1-based line of the file on which ``text`` starts (after a
    ``# Heading`` title), so offsets map back to ``path:line:col``.  None for records."""


class Claim(_Frozen):
    """A quantity as it appears in a finding: where it is and what it says."""

    doc: str
    field: Field_
    start: int
    end: int
    text: str
    value: Value
    bound: Bound
    interval: Interval
    unit: str | None = None
    dimension: str = "count"
    subject: Subject = Field(default_factory=Subject)
    paragraph: int = 0
    sentence: int = 0
    source: str | None = None
    published: _dt.date | None = None


class Finding(_Frozen):
    code: str
    kind: str
    scope: Scope
    severity: Severity
    confidence: float = Field(ge=0.0, le=1.0)
    message: str
    claims: tuple[Claim, ...]
    matched: tuple[str, ...] = ()
    """For a contradiction or update: the frame slots the figures share (``measure``,
    ``holder``, ``event``, ...; see :func:`figcheck.compare.same_fact`), whose score is the
    confidence."""
    preview: bool = False
    """A finding of a preview rule (reported only with preview on; see ``figcheck rules``).  In
    JSON only when true, so stable findings read as before."""

    @model_serializer(mode="wrap")
    def _omit_stable(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if not self.preview and isinstance(data, dict):
            data.pop("preview", None)
        return data


class DocumentSummary(_Frozen):
    id: str
    title: str | None = None
    source: str | None = None
    published: _dt.date | None = None
    story: str | None = None
    quantities: int = 0


class ArchiveMatch(_Frozen):
    """What one draft was compared with by ``figcheck check DRAFT --against DB``."""

    document: str
    """The draft's id."""
    database: str
    stories: tuple[str, ...] = ()
    """The archive's stories the draft was matched to (its own ``story``, or those sharing the most
    story features with it); empty when no story matched."""
    unlinked: tuple[str, ...] = ()
    """Archived documents in no story that were matched directly (ids)."""
    archived: int = 0
    """Archived documents in the matched stories (at most 200 most recent per story)."""
    compared: int = 0
    """Those of them with figures on the draft's facts: what the comparator compared."""
    figures: int = 0
    """Figures in the draft (a draft with none is not matched)."""

    @property
    def matched(self) -> bool:
        return bool(self.stories or self.unlinked)

    def describe(self) -> str:
        """One line for people: which stories, how many documents, or "no story matched"."""
        if not self.figures:
            return f"{self.document}: no figures to compare with {self.database}"
        if not self.matched:
            return (f"{self.document}: no story matched in {self.database}; nothing was compared "
                    "(give the draft a story, or check it against a database with its story)")
        names = []
        if self.stories:
            label = "stories" if len(self.stories) > 1 else "story"
            names.append(f"{label} {', '.join(repr(k) for k in self.stories)}")
        if self.unlinked:
            names.append(f"unlinked document{'s' if len(self.unlinked) > 1 else ''} "
                         f"{', '.join(repr(u) for u in self.unlinked)}")
        plural = "s" if self.archived != 1 else ""
        return (f"{self.document}: matched {' and '.join(names)} in {self.database}; compared "
                f"with {self.compared} of {self.archived} archived document{plural} (those with "
                "figures on the draft's facts)")


class Report(_Frozen):
    """Result of :func:`figcheck.check`."""

    schema_version: int = SCHEMA_VERSION
    documents: tuple[DocumentSummary, ...] = ()
    findings: tuple[Finding, ...] = ()
    against: tuple[ArchiveMatch, ...] = ()
    """``figcheck check --against DB``: what each draft was compared with (absent from the JSON
    otherwise)."""

    def to_json(self) -> dict[str, Any]:
        """The documented JSON object (numbers as JSON numbers)."""
        return self.model_dump(mode="json", exclude=set() if self.against else {"against"})

    def to_sarif(self) -> dict[str, Any]:
        """The findings as a SARIF 2.1.0 log (locations as character offsets into each claim's
        field; ``figcheck check --format sarif`` gives file lines and columns)."""
        from .formats.sarif import to_sarif

        return to_sarif(self)


class CheckRun(_Frozen):
    """Everything one ``check`` produced: the report plus the documents and their quantities, for
    output formats (HTML) that show the articles themselves.  Not part of the JSON schema."""

    report: Report
    documents: tuple[Document, ...] = ()
    quantities: dict[str, tuple[Quantity, ...]] = Field(default_factory=dict)
