"""A small story set for the HTML report, built as :class:`~figcheck.model.CheckRun` objects by hand
(offsets found in the text, intervals computed with :mod:`figcheck.intervals`), so the report can
be tested before and apart from the comparator."""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal

from figcheck.intervals import normalise, precision_of
from figcheck.model import (
    Bound,
    CheckRun,
    Claim,
    Document,
    DocumentSummary,
    Finding,
    Quantity,
    Report,
    Subject,
    Value,
)


# ---- building runs by hand -----------------------------------------------------------------------
def _paragraph(text: str, start: int) -> int:
    return len(re.findall(r"\n[ \t]*\n", text[:start]))


def quantity(
    doc: Document,
    surface: str,
    figure: str,
    *,
    field: str = "text",
    bound: Bound = "exact",
    high: str | None = None,
    unit: str | None = None,
    dimension: str = "count",
    subject: Subject | None = None,
    occurrence: int = 0,
) -> Quantity:
    """The quantity for the ``occurrence``-th ``surface`` in the document field; ``figure`` is the
    number as written (digits only) from which value, precision and interval follow."""
    text = (doc.title or "") if field == "title" else doc.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    value = Decimal(figure)
    top = Decimal(high) if high is not None else value
    precision = precision_of(figure)
    return Quantity(
        field=field,  # type: ignore[arg-type]
        start=start,
        end=start + len(surface),
        text=surface,
        paragraph=_paragraph(text, start),
        value=Value(low=value, high=top),
        bound=bound,
        precision=precision,
        interval=normalise(value, top, bound, precision),
        unit=unit,
        dimension=dimension,
        subject=subject or Subject(),
    )


def claim(doc: Document, q: Quantity) -> Claim:
    return Claim(
        doc=doc.id,
        field=q.field,
        start=q.start,
        end=q.end,
        text=q.text,
        value=q.value,
        bound=q.bound,
        interval=q.interval,
        unit=q.unit,
        dimension=q.dimension,
        subject=q.subject,
        paragraph=q.paragraph,
        source=doc.source,
        published=doc.published,
    )


def make_run(
    docs: list[Document], quantities: dict[str, list[Quantity]], findings: list[Finding]
) -> CheckRun:
    summaries = tuple(
        DocumentSummary(
            id=d.id,
            title=d.title,
            source=d.source,
            published=d.published,
            story=d.story,
            quantities=len(quantities.get(d.id, [])),
        )
        for d in docs
    )
    return CheckRun(
        report=Report(documents=summaries, findings=tuple(findings)),
        documents=tuple(docs),
        quantities={k: tuple(v) for k, v in quantities.items()},
    )


TROOPS = Subject(text="troops", head="troop", event="send", place="the border")
COST = Subject(text="the deployment", head="deployment cost")


def story_run() -> CheckRun:
    """Three documents from three sources: two on one story (a headline conflict within the first,
    a source conflict between them, an info finding on the cost), one unrelated and without
    findings; the first carries a ``<script>`` in its text.  "3", "2nd", "12" and "4.5 hectares"
    are in no finding."""
    wire = Document(
        id="wire-1",
        title="15,000 troops sent to the border",
        text=(
            "About 10,000 troops were sent to the border on Monday, officials said.\n\n"
            "The deployment will cost $40 million, the ministry said.\n\n"
            "A reader wrote: <script>document.title='pwned';window.__pwned=1</script> "
            "and <img src=x onerror=\"window.__pwned=2\"> with 3 <b>bold</b> claims & more."
        ),
        source="Wire",
        published=_dt.date(2024, 3, 1),
        story="border",
    )
    herald = Document(
        id="herald-7",
        title="Border build-up",
        text="Some 6,500 troops were sent to the border on Monday.\n\nIt was the 2nd such move.",
        source="Herald",
        published=_dt.date(2024, 3, 2),
        story="border",
    )
    gazette = Document(
        id="gazette-3",
        title=None,
        text="The council approved 12 new parks.\n\n\n\nEach covers about 4.5 hectares.",
        source="Gazette",
        published=_dt.date(2024, 3, 2),
        story="parks",
    )
    qs = {
        wire.id: [
            quantity(wire, "15,000", "15000", field="title", subject=TROOPS),
            quantity(wire, "About 10,000", "10000", bound="approximate", subject=TROOPS),
            quantity(wire, "$40 million", "40000000", unit="US dollar", dimension="currency", subject=COST),
            quantity(wire, "3", "3", occurrence=0),
        ],
        herald.id: [
            quantity(herald, "Some 6,500", "6500", bound="approximate", subject=TROOPS),
            quantity(herald, "2nd", "2"),
        ],
        gazette.id: [
            quantity(gazette, "12", "12", subject=Subject(text="new parks", head="park")),
            quantity(
                gazette, "about 4.5 hectares", "4.5", bound="approximate", unit="hectare",
                dimension="area",
            ),
        ],
    }
    # "3" first occurs in "3 <b>bold" only after the script text: check the fixture is what we mean
    assert wire.text[qs[wire.id][3].start - 1 : qs[wire.id][3].end + 2] == " 3 <"
    headline = Finding(
        code="FC102",
        kind="contradiction",
        scope="within",
        severity="error",
        confidence=0.9,
        message="The headline says 15,000 troops; paragraph 1 says about 10,000.",
        claims=(claim(wire, qs[wire.id][0]), claim(wire, qs[wire.id][1])),
    )
    across = Finding(
        code="FC111",
        kind="contradiction",
        scope="cross",
        severity="warning",
        confidence=0.8,
        message="Wire says about 10,000 troops; Herald says some 6,500.",
        claims=(claim(wire, qs[wire.id][1]), claim(herald, qs[herald.id][0])),
    )
    cost = Finding(
        code="FC203",
        kind="arithmetic",
        scope="within",
        severity="info",
        confidence=0.6,
        message="The parts of the $40 million given later add up to $38 million.",
        claims=(claim(wire, qs[wire.id][2]),),
    )
    return make_run([wire, herald, gazette], qs, [headline, across, cost])
