"""Inline suppressions: directive syntax, what each covers, unused ones (FC301)."""

from __future__ import annotations

from pathlib import Path

import pytest

from figcheck.model import Document
from figcheck.suppress import apply, prepare, scan

from .fakes import Spec, claim, finding

DOC = """Some 12 people were injured on Monday.

<!-- figcheck: ignore[FC101] -->
Later the 15 injured were treated.
It rained.

The death toll was 30.
"""


@pytest.mark.parametrize(
    ("text", "verb", "codes", "covered"),
    [
        pytest.param("<!-- figcheck: ignore[FC101] -->\nA 12.\n\nB 15.", "ignore", ("FC101",),
                     "A 12.", id="html-comment-next-paragraph"),
        pytest.param("<!--figcheck:ignore[fc101, FC2]-->\n\n\nA 12.\nA2.\n\nB", "ignore",
                     ("FC101", "FC2"), "A 12.\nA2.", id="tight-lowercase-blank-lines"),
        pytest.param("figcheck: ignore[FC101]\nA 12.\n\nB", "ignore", ("FC101",), "A 12.",
                     id="plain-text-marker-line"),
        pytest.param("  figcheck: ignore  \nA 12.\n\nB", "ignore", (), "A 12.",
                     id="marker-all-codes"),
        pytest.param("A 12 <!-- figcheck: ignore[FC1] --> more.\nA2.\n\nB", "ignore", ("FC1",),
                     "A 12                                more.\nA2.", id="inline-own-paragraph"),
        pytest.param("x\n<!-- figcheck: disable[FC2] -->\nA\n\nB\n<!-- figcheck: enable[FC2] -->\nC",
                     "disable", ("FC2",), "\nA\n\nB\n", id="disable-enable"),
        pytest.param("<!-- figcheck: disable -->\nA\n\nB", "disable", (), "\nA\n\nB",
                     id="disable-to-end"),
        pytest.param("<!-- figcheck: ignore-file[FC111] -->\nA", "ignore-file", ("FC111",), None,
                     id="file-level"),
        pytest.param("figcheck: disable-file\nA", "ignore-file", (), None, id="file-level-alias"),
    ],
)
def test_directive_forms(text: str, verb: str, codes: tuple[str, ...], covered: str | None) -> None:
    result = scan(text)
    [d] = result.directives
    assert (d.verb, d.codes) == (verb, codes)
    if covered is None:
        assert d.covers is None
    else:
        assert d.covers is not None
        assert result.text[d.covers[0]:d.covers[1]] == covered
    assert len(result.text) == len(text)
    assert "figcheck" not in result.text  # blanked before parsing: its digits are no figures
    assert result.text.count("\n") == text.count("\n")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("We use figcheck: ignore[FC101] in our copy.", id="marker-mid-sentence"),
        pytest.param("figcheck: please ignore this", id="not-a-verb"),
        pytest.param("<!-- figcheck ignore -->", id="no-colon"),
        pytest.param("<!-- something else 12 -->", id="other-comment"),
    ],
)
def test_not_directives(text: str) -> None:
    result = scan(text)
    assert result.directives == ()
    assert result.text == text


def test_adversarial_input_is_linear() -> None:
    import time

    t0 = time.perf_counter()
    scan("<!-- figcheck: ignore[" + "FC1," * 50_000)
    scan("figcheck: " * 50_000)
    scan(("<!--" + " " * 1000) * 200)
    assert time.perf_counter() - t0 < 2.0


def _check(doc: Document, specs: list[Spec], **kw):  # type: ignore[no-untyped-def]
    """suppress.apply on hand-made findings: what a directive covers is independent of the
    comparator's judgement, and some cases pair figures no real finding would (an FC201 between
    15 injured and a death toll of 30).  The CLI tests below run the real comparator."""
    clean, directives = prepare(doc)
    findings = []
    for spec in specs:
        claims = [claim(clean, n, f, k) for n, f, k in spec.needles]
        assert all(claims), spec
        findings.append(finding(spec.code, claims))  # type: ignore[arg-type]
    return apply(findings, {doc.id: directives} if directives else {}, {doc.id: doc}, **kw)


@pytest.mark.parametrize(
    ("spec", "kept"),
    [
        pytest.param(Spec("FC101", (("12 people", "text", 1), ("15 injured", "text", 1))), [],
                     id="second-figure-in-ignored-paragraph"),
        pytest.param(Spec("FC101", (("12 people", "text", 1), ("30", "text", 1))),
                     ["FC101", "FC301"], id="neither-figure-covered"),
        pytest.param(Spec("FC201", (("15 injured", "text", 1), ("30", "text", 1))),
                     ["FC201", "FC301"], id="other-code-not-suppressed"),
    ],
)
def test_apply(spec: Spec, kept: list[str]) -> None:
    doc = Document(id="d.md", text=DOC, origin="d.md", text_line=1)
    assert sorted(f.code for f in _check(doc, [spec])) == kept


def test_unused_suppression_is_reported_where_it_is() -> None:
    doc = Document(id="d.md", text=DOC, origin="d.md", text_line=3)
    [unused] = _check(doc, [])
    assert unused.code == "FC301" and unused.severity == "info"
    assert unused.message == "Line 5: this figcheck suppression (FC101) suppressed nothing."
    [c] = unused.claims
    assert DOC[c.start:c.end] == "<!-- figcheck: ignore[FC101] -->"
    assert c.dimension == "suppression"


@pytest.mark.parametrize(
    ("kw", "reported"),
    [
        pytest.param({}, True, id="default"),
        pytest.param({"ignored": ("FC301",)}, False, id="fc301-ignored"),
        pytest.param({"selected": ("FC2",)}, False, id="its-codes-not-selected"),
        pytest.param({"selected": ("FC101", "FC301")}, True, id="its-codes-selected"),
    ],
)
def test_unused_respects_selection(kw: dict, reported: bool) -> None:
    doc = Document(id="d.md", text=DOC)
    assert bool(_check(doc, [], **kw)) is reported


def test_file_level_covers_title_and_cross_findings() -> None:
    a = Document(id="a", title="12,000 troops", text="<!-- figcheck: ignore-file -->\nSome 10,000.")
    b = Document(id="b", text="Only 8,000.")
    clean_a, da = prepare(a)
    f1 = finding("FC102", [claim(clean_a, "12,000", "title"), claim(clean_a, "10,000")])
    f2 = finding("FC111", [claim(b, "8,000"), claim(clean_a, "10,000")])
    assert apply([f1, f2], {"a": da}, {"a": a, "b": b}) == []


def test_title_only_by_file_level() -> None:
    a = Document(id="a", title="12,000 troops", text="<!-- figcheck: ignore -->\nNothing.\n\nSome 10,000.")
    clean, ds = prepare(a)
    f = finding("FC102", [claim(clean, "12,000", "title"), claim(clean, "10,000")])
    assert [x.code for x in apply([f], {"a": ds}, {"a": a})] == ["FC102", "FC301"]


# --- through the CLI ---------------------------------------------------------------------------

@pytest.mark.usefixtures("hand_weights")
def test_cli_suppression_and_unused(run_cli, tmp_path: Path, monkeypatch) -> None:
    seen: list[str] = []
    import figcheck.cli.check as check_module

    inner = check_module.compute

    def spy(docs, config):  # type: ignore[no-untyped-def]
        seen.extend(d.text for d in docs)
        return inner(docs, config)  # the real comparator

    monkeypatch.setattr(check_module, "compute", spy)
    text = ("# Title\n\n" + DOC + "\nfigcheck: ignore[FC205]\nIt is 5 miles (12 km).\n\n"
            "<!-- figcheck: ignore[FC111] -->\nNothing to see.\n")
    draft = tmp_path / "draft.md"
    draft.write_text(text, encoding="utf-8")
    result = run_cli("check", "--fail-on", "info", str(draft))
    assert "figcheck" not in seen[0]
    lines = result.stdout.splitlines()
    assert lines == [
        f"{draft}:14:1: FC301 Line 14: this figcheck suppression (FC111) suppressed nothing.",
    ]
    assert result.exit_code == 1
    assert run_cli("check", str(draft)).exit_code == 0  # FC301 is info: below the default fail-on
    # what the two used directives silenced, on the same copy without them
    bare = tmp_path / "bare.md"
    bare.write_text(text.replace("<!-- figcheck: ignore[FC101] -->", "")
                    .replace("figcheck: ignore[FC205]", ""), encoding="utf-8")
    assert [line.split()[1] for line in run_cli("check", str(bare)).stdout.splitlines()] == [
        "FC101", "FC205", "FC301"]


def test_stacked_html_comments_are_told_apart() -> None:
    from figcheck.suppress import from_comments

    text = "Some 12 people.\n\nThe 15 injured."
    second = text.index("The")
    ds = from_comments(text, [(" figcheck: ignore[FC101] ", second, 3),
                              (" figcheck: ignore[FC205] ", second, 4)])
    doc = Document(id="p.html", text=text)
    f = finding("FC101", [claim(doc, "12 people"), claim(doc, "15 injured")])
    [unused] = apply([f], {"p.html": ds}, {"p.html": doc})
    assert unused.message == "Line 4: this figcheck suppression (FC205) suppressed nothing."


# --- unknown or misspelt directives are reported, never silently ignored -----------------------

INVALID = [
    pytest.param("<!-- figcheck: ignore[FC999] -->\nSome 12 people.", "unknown code FC999",
                 id="unknown-code"),
    pytest.param("<!-- figcheck: ignore[FC101, FC9, XX1] -->\nSome 12 people.",
                 "unknown codes FC9, XX1", id="unknown-codes-beside-a-known-one"),
    pytest.param("<!-- figcheck: ignre[FC101] -->\nSome 12 people.",
                 "unknown figcheck directive 'ignre'", id="misspelt-verb"),
    pytest.param("<!-- figcheck: Ignore-Files -->\nSome 12 people.",
                 "unknown figcheck directive 'Ignore-Files'", id="unknown-verb-any-case"),
    pytest.param("<!-- figcheck: ignore[FC101 -->\nSome 12 people.",
                 "'figcheck: ignore[FC101' is not a figcheck directive", id="unclosed-bracket"),
    pytest.param("<!-- figcheck: ignore[FC101] (checked by JS) -->\nSome 12 people.",
                 "is not a figcheck directive", id="trailing-words"),
    pytest.param("<!-- figcheck: -->\nSome 12 people.", "is not a figcheck directive",
                 id="empty"),
    pytest.param("<!--\n  figcheck: ignre\n-->\nSome 12 people.", "unknown figcheck directive",
                 id="comment-over-lines"),
    pytest.param("figcheck: ignre[FC101]\nSome 12 people.", "unknown figcheck directive 'ignre'",
                 id="plain-text-marker-misspelt"),
    pytest.param("figcheck: ignore[FC999]\nSome 12 people.", "unknown code FC999",
                 id="plain-text-marker-unknown-code"),
    pytest.param("<!-- figcheck: enable[FC999] -->\nSome 12 people.", "unknown code FC999",
                 id="enable-unknown-code"),
]


@pytest.mark.parametrize(("text", "problem"), INVALID)
def test_invalid_directives_are_blanked_and_reported(text: str, problem: str) -> None:
    doc = Document(id="d.md", text=text, origin="d.md", text_line=1)
    result = scan(text)
    assert "figcheck" not in result.text and len(result.text) == len(text)
    [d] = result.directives
    assert d.problem is not None and problem in d.problem
    [reported] = _check(doc, [])
    assert reported.code == "FC301" and problem in reported.message
    assert reported.message.startswith("Line 1: ")
    assert text[reported.claims[0].start:reported.claims[0].end].startswith(("<!--", "figcheck:"))


@pytest.mark.parametrize(("text", "problem"),
                         [p for p in INVALID if str(p.values[0]).startswith("<!--")])
def test_invalid_html_comment_directives_are_reported(text: str, problem: str) -> None:
    from figcheck.suppress import from_comments

    content = text[4:text.index("-->")]
    body = "Some 12 people."
    ds = from_comments(body, [(content, 0, 7)])
    doc = Document(id="p.html", text=body)
    [reported] = apply([], {"p.html": ds}, {"p.html": doc})
    assert reported.code == "FC301" and problem in reported.message
    assert reported.message.startswith("Line 7: ")


def test_a_misspelt_directive_suppresses_nothing_and_is_reported_even_when_fc301_is_selected_alone(
) -> None:
    doc = Document(id="d.md", text=DOC.replace("ignore[FC101]", "ignre[FC101]"), text_line=1)
    spec = Spec("FC101", (("12 people", "text", 1), ("15 injured", "text", 1)))
    assert sorted(f.code for f in _check(doc, [spec])) == ["FC101", "FC301"]
    assert [f.code for f in _check(doc, [], selected=("FC301",))] == ["FC301"]
    assert _check(doc, [], ignored=("FC301",)) == []


def test_a_known_code_beside_an_unknown_one_still_suppresses() -> None:
    doc = Document(id="d.md", text=DOC.replace("ignore[FC101]", "ignore[FC101,FC999]"), text_line=1)
    spec = Spec("FC101", (("12 people", "text", 1), ("15 injured", "text", 1)))
    [reported] = _check(doc, [spec])
    assert reported.code == "FC301" and "unknown code FC999" in reported.message


@pytest.mark.usefixtures("hand_weights")
@pytest.mark.parametrize(
    ("directive", "message"),
    [
        pytest.param("<!-- figcheck: ignore[FC999] -->",
                     "Line 5: this figcheck suppression names unknown code FC999 "
                     "(see 'figcheck rules').", id="unknown-code"),
        pytest.param("<!-- figcheck: ignre[FC101] -->",
                     "Line 5: unknown figcheck directive 'ignre' (expected ignore, ignore-file, "
                     "disable or enable).", id="misspelt"),
    ],
)
@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_cli_reports_unknown_directives_with_the_real_comparator(
    run_cli, tmp_path: Path, directive: str, message: str, suffix: str
) -> None:
    body = ("Some 12 people were injured on Monday.\n\n" + directive +
            "\nLater the 15 injured were treated.\n")
    if suffix == ".md":
        text = "# Crash\n\n" + body
        where, fc101 = 5, "3:1"
    else:
        text = "<html><body><article>\n<h1>Crash</h1>\n" + body.replace(
            "Some", "<p>Some").replace("Monday.\n", "Monday.</p>\n") + "</article></body></html>\n"
        where, fc101 = 5, "3:4"
    draft = tmp_path / f"draft{suffix}"
    draft.write_text(text, encoding="utf-8")
    result = run_cli("check", "--fail-on", "info", str(draft))
    lines = result.stdout.splitlines()
    assert [line.split(": ")[1].split()[0] for line in lines] == ["FC101", "FC301"]
    assert lines[0].startswith(f"{draft}:{fc101}: FC101 ")  # not suppressed
    assert lines[1].endswith(f"FC301 {message}".replace("Line 5", f"Line {where}"))
    assert result.exit_code == 1
