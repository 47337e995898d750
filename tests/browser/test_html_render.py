"""The HTML report without a browser: hostile and broken input renders a page and never raises.
(The rendered-DOM behaviour is tested in Chromium by test_html_report.py.)"""

from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from fc_html_stories import claim, make_run, quantity, story_run

from figcheck.formats.html import render, render_summary
from figcheck.model import CheckRun, Claim, Document, Finding, Interval, Quantity, Value


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> _Collect:
    c = _Collect()
    c.feed(page)
    c.close()
    return c


def _q(doc: Document, start: int, end: int, text: str = "x") -> Quantity:
    return Quantity(
        start=start, end=end, text=text, value=Value(low=Decimal(1), high=Decimal(1)),
        interval=Interval(low=Decimal(1), high=Decimal(1)),
    )


def _flagged(run: CheckRun) -> CheckRun:
    """``run`` with one finding naming every quantity in it: only the figures of findings are
    marked in the report."""
    claims = tuple(
        Claim(doc=doc_id, field=q.field, start=q.start, end=q.end, text=q.text, value=q.value,
              bound=q.bound, interval=q.interval)
        for doc_id, qs in run.quantities.items() for q in qs
    )
    if not claims:
        return run
    finding = Finding(code="FC101", kind="contradiction", scope="within", severity="warning",
                      confidence=0.5, message="m", claims=claims)
    return run.model_copy(update={"report": run.report.model_copy(update={"findings": (finding,)})})


HOSTILE = '"><script>alert(1)</script><img src=x onerror=alert(2)>'

# (what is broken, the run) grouped by origin: records from untrusted archives
BROKEN_RUNS = [
    pytest.param(
        lambda: make_run(
            [d := Document(id="a", text="Ten 10 and 20.")],
            {"a": [_q(d, 4, 6), _q(d, 12, 99), _q(d, -1, 2), _q(d, 5, 5), _q(d, 5, 7)]},
            [],
        ),
        1,
        id="offsets-outside-text-or-overlapping",
    ),
    pytest.param(
        lambda: make_run([Document(id=HOSTILE, text=HOSTILE, title=HOSTILE, source=HOSTILE,
                                   url="javascript:alert(3)", story=HOSTILE, desk=HOSTILE)], {}, []),
        0,
        id="markup-in-every-field",
    ),
    pytest.param(
        lambda: make_run([d := Document(id="s", text="lone \ud800 surrogate 5 and \udfff")],
                         {"s": [_q(d, d.text.index("5"), d.text.index("5") + 1, "5")]}, []),
        1,
        id="lone-surrogates",
    ),
    pytest.param(lambda: make_run([], {"ghost": []}, []), 0, id="empty-run"),
    pytest.param(
        lambda: make_run(
            [Document(id="dup", text="one 1"), Document(id="dup", text="two 2")],
            {"dup": [_q(Document(id="dup", text=""), 4, 5, "1")], "elsewhere": [_q(Document(id="e", text=""), 0, 1)]},
            [],
        ),
        1,
        id="duplicate-and-unknown-doc-ids",
    ),
]


@pytest.mark.parametrize("make, figures", BROKEN_RUNS)
def test_broken_runs_render(make: object, figures: int) -> None:
    run: CheckRun = _flagged(make())  # type: ignore[operator]
    page = render(run)
    page.encode("utf-8")  # always encodable
    parsed = parse(page)
    assert [t for t, _ in parsed.tags].count("script") == 1
    assert not any(t == "img" for t, _ in parsed.tags)
    assert not any(k.startswith("on") for _, attrs in parsed.tags for k in attrs)
    assert not any((attrs.get("href") or "").startswith("javascript:") for _, attrs in parsed.tags)
    assert sum(1 for t, a in parsed.tags if t == "mark") == figures
    assert HOSTILE not in page


def test_hostile_text_is_shown_as_text() -> None:
    run = make_run([Document(id="h", text=HOSTILE, title=HOSTILE)], {}, [])
    assert "".join(parse(render(run, title=HOSTILE)).text).count(HOSTILE) >= 3  # title, h, text


def test_claims_without_quantities_are_still_linked_and_unknown_documents_named() -> None:
    run = story_run()
    wire = run.documents[0]
    q = quantity(wire, "$40 million", "40000000", unit="US dollar", dimension="currency")
    ghost = claim(Document(id="gone", text=wire.text), q)
    finding = Finding(
        code="FC111", kind="contradiction", scope="cross", severity="warning", confidence=0.5,
        message="m", claims=(claim(wire, q), ghost),
    )
    only_claims = CheckRun(report=run.report.model_copy(update={"findings": (finding,)}),
                           documents=run.documents, quantities={})
    page = render(only_claims)
    tags = parse(page).tags
    marks = [a for t, a in tags if t == "mark"]
    assert [(m["data-start"], m["data-end"]) for m in marks] == [(str(q.start), str(q.end))]
    links = [a for t, a in tags if t == "a" and a.get("data-figs")]
    assert links and all(a["data-figs"] == marks[0]["id"] for a in links)
    assert "(document not in this report)" in page


def test_numbers_are_written_out() -> None:
    doc = Document(id="n", text="A 1E+50 star and 0.000120 of 12,000,000.")
    qs = [
        Quantity(start=2, end=7, text="1E+50", value=Value(low=Decimal("1E+50"), high=Decimal("1E+50")),
                 interval=Interval(low=Decimal("1E+50"), high=None)),
        Quantity(start=17, end=25, text="0.000120", value=Value(low=Decimal("0.000120"), high=Decimal("0.000120")),
                 interval=Interval(low=None, high=Decimal("0.0001205"))),
        Quantity(start=29, end=39, text="12,000,000", value=Value(low=Decimal(12_000_000), high=Decimal(12_000_000)),
                 interval=Interval(low=Decimal("11999950"), high=Decimal("12000050"))),
    ]
    text = "".join(parse(render(_flagged(make_run([doc], {"n": qs}, [])))).text)
    assert "at least 1E+50" in text
    assert "at most 0.0001205" in text
    assert "11,999,950 to 12,000,050" in text


def test_summary_page_accepts_any_rows() -> None:
    page = render_summary([("By desk", [(None, 3), ("<b>x</b>", 0)])], title="t")  # type: ignore[list-item]
    parsed = parse(page)
    assert "<b>x</b>" in "".join(parsed.text)
    assert not any(t == "b" for t, _ in parsed.tags)


# ---- property: the article text survives escaping and highlighting exactly ----------------------
class _ArticleText(HTMLParser):
    """Text of each ``.fc-text`` paragraph, without tooltips, and the marked spans' texts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.marked: list[str] = []
        self.depth_text = 0
        self.depth_tip = 0
        self.in_mark = False
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        cls = dict(attrs).get("class") or ""
        self.stack.append(cls)
        if "fc-text" in cls.split():
            self.depth_text += 1
        if {"fc-tip", "fc-notes", "fc-refs"} & set(cls.split()):
            self.depth_tip += 1
        if tag == "p" and self.depth_text:
            self.paragraphs.append("")
        if tag == "mark" and self.depth_text:
            self.in_mark = True
            self.marked.append("")

    def handle_endtag(self, tag: str) -> None:
        cls = self.stack.pop() if self.stack else ""
        if "fc-text" in cls.split():
            self.depth_text -= 1
        if {"fc-tip", "fc-notes", "fc-refs"} & set(cls.split()):
            self.depth_tip -= 1
        if tag == "mark":
            self.in_mark = False

    def handle_data(self, data: str) -> None:
        if self.depth_text and not self.depth_tip and self.paragraphs:
            self.paragraphs[-1] += data
            if self.in_mark:
                self.marked[-1] += data


_text = st.lists(
    st.sampled_from(list("ab 1,.<>&\"'\n\t") + ["\n\n", "</p>", "&amp;", "é", "\u00a0", "\ud800"]),
    max_size=30,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(_text, st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=6))
def test_any_text_and_spans_render_faithfully(text: str, raw_spans: list[tuple[int, int]]) -> None:
    doc = Document(id="p", text=text)
    spans: list[tuple[int, int]] = []
    for start, length in sorted(raw_spans):
        end = min(start + length, len(text))
        # figures start and end on a visible character and never span paragraphs
        if (
            start < end
            and not text[start].isspace()
            and not text[end - 1].isspace()
            and not re.search(r"\n[ \t\r\f\v]*\n", text[start:end])
            and all(end <= s or start >= e for s, e in spans)
        ):
            spans.append((start, end))
    run = _flagged(make_run([doc], {"p": [_q(doc, s, e, text[s:e]) for s, e in spans]}, []))
    got = _ArticleText()
    got.feed(render(run))
    got.close()
    shown = text.replace("\ud800", "\ufffd")  # lone surrogates cannot be written as UTF-8
    expected = [p.rstrip() for p in re.split(r"\n[ \t\r\f\v]*\n\s*", shown)]
    assert got.paragraphs == [p for p in expected if p]
    assert sorted(got.marked) == sorted(shown[s:e] for s, e in spans)


def test_only_the_figures_of_findings_are_marked_and_commented() -> None:
    run = story_run()
    page = render(run)
    tags = parse(page).tags
    marked = sorted((a["data-start"], a["data-field"]) for t, a in tags if t == "mark")
    named = sorted((str(start), field) for _, field, start in
                   {(c.doc, c.field, c.start) for f in run.report.findings for c in f.claims})
    assert marked == named
    # one comment per finding in each document it names, with a link back to the list
    notes = [a["id"] for t, a in tags if t == "aside"]
    assert notes == ["note-1-0", "note-2-0", "note-3-0", "note-2-1"]
    backs = [a["href"] for t, a in tags if t == "a" and "fc-back" in (a.get("class") or "").split()]
    assert backs == ["#finding-1", "#finding-2", "#finding-3", "#finding-2"]
    ids = {a["id"] for _, a in tags if a.get("id")}
    hrefs = [a["href"] for t, a in tags if t == "a" and (a.get("href") or "").startswith("#")]
    assert hrefs and all(h[1:] in ids for h in hrefs)


def test_summary_tables_have_no_empty_cell() -> None:
    page = render_summary([("Totals", [("documents", 3, "#documents"), ("bad records", 0)]),
                           ("By desk", [])], title="t")
    assert '<a href="#documents">documents</a>' in page
    assert page.count(">none<") == 2
    assert "<td></td>" not in page and "<th></th>" not in page
