"""Input formats the CLI reads: Markdown markup blanked without moving offsets, HTML articles."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from figcheck.inputs import markdown_plain, read_documents


@pytest.mark.parametrize(
    ("markdown", "gone", "kept"),
    [
        pytest.param("1. About 12 people\n2) 15 more", ["1.", "2)"], ["12 people", "15 more"],
                     id="ordered-list-numbers"),
        pytest.param("## 2023 in review", ["##"], ["2023 in review"], id="subheading-marks"),
        pytest.param("See [the report](https://x.org/2024/11/123).", ["https", "123", "(", "["],
                     ["the report"], id="link-target"),
        pytest.param("![chart of 55 deaths](img/77.png) text", ["55", "77"], ["text"], id="image"),
        pytest.param("Wow! 5 people [died](u/1)", ["u/1"], ["Wow! 5 people", "died"],
                     id="exclamation-is-not-an-image"),
        pytest.param("**12,000** troops and _some_ __40%__", ["**", "__"],
                     ["12,000", "troops", "40%"], id="emphasis"),
        pytest.param("It rose 5%[^3].\n\n[^3]: Source 9 says.", ["[^3]"],
                     ["5%", "Source 9 says."], id="footnotes"),
        pytest.param("---\ndate: 2024-11-04\nwords: 350\n---\nBody 7.", ["2024", "350"],
                     ["Body 7."], id="front-matter"),
        pytest.param("a <span class='n'>5 people</span> b", ["span", "class"], ["5 people"],
                     id="inline-html"),
        pytest.param("x <!-- 99 draft note --> y", ["99"], ["x", "y"], id="comment"),
        pytest.param("<!-- figcheck: ignore[FC101] -->\n12", [], ["<!-- figcheck: ignore[FC101] -->"],
                     id="directive-kept"),
        pytest.param("figcheck: ignore[FC205]\nIt is 5 miles", [], ["figcheck: ignore[FC205]"],
                     id="marker-line-kept"),
        pytest.param("| Year | Dead |\n|---|--:|\n| 2020 | 52 |", ["|", "--:"], ["2020", "52"],
                     id="table"),
        pytest.param("Visit https://bbc.co.uk/news/12345 today", ["12345"], ["Visit", "today"],
                     id="bare-url"),
    ],
)
def test_markdown_plain(markdown: str, gone: list[str], kept: list[str]) -> None:
    plain = markdown_plain(markdown)
    assert len(plain) == len(markdown)
    assert [i for i, c in enumerate(plain) if c == "\n"] == [
        i for i, c in enumerate(markdown) if c == "\n"]
    for g in gone:
        assert g not in plain
    for k in kept:
        assert k in plain
        assert plain.index(k) == markdown.index(k)  # offsets unchanged


@pytest.mark.parametrize("unit", ["<!--", "[", "](((", "<a ", "1. ", "-", "http://", "---\n", "![x]("])
def test_markdown_plain_linear_on_adversarial_input(unit: str) -> None:
    small, big = unit * 2_000, unit * 40_000
    t0 = time.perf_counter()
    markdown_plain(small)
    t_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    markdown_plain(big)
    t_big = time.perf_counter() - t0
    assert t_big < max(40 * t_small * 4, 0.5)  # 20x the input, well under 160x the time


def test_markdown_file_keeps_offsets(tmp_path: Path) -> None:
    src = "# Title 12\n\n1. **About 5,000** people [marched](http://x/2024).\n"
    path = tmp_path / "a.md"
    path.write_text(src, encoding="utf-8")
    [doc] = read_documents([str(path)])
    assert doc.title == "Title 12" and doc.text_line == 3
    i = doc.text.index("About 5,000")
    assert src.splitlines()[2][i:i + 11] == "About 5,000"
    assert "2024" not in doc.text and "1." not in doc.text
    txt = tmp_path / "a.txt"
    txt.write_text("1. kept as written", encoding="utf-8")
    assert next(iter(read_documents([str(txt)]))).text == "1. kept as written"


def test_html_article(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Site</title><script>var n = 12345;</script></head><body>"
        "<nav>Home 1 2 3</nav><article><h1>12,000 troops</h1>\n"
        "<p>More than <b>10,000</b> troops.</p>\n<p>About 3,000 hurt.</p></article></body></html>",
        encoding="utf-8")
    [doc] = read_documents([str(page)])
    assert doc.title == "12,000 troops"
    assert "10,000 troops" in doc.text and "3,000" in doc.text
    assert "12345" not in doc.text and "Home" not in doc.text
    assert doc.origin == str(page)


@pytest.mark.usefixtures("hand_weights")
def test_html_locations_and_suppressions(run_cli, tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(
        "<html><body><article>\n"
        "<p>Some 12 people\nwere hurt.</p>\n"
        "<p>The 15 injured were treated.</p>\n"
        "<!-- figcheck: ignore[FC205] -->\n"
        "<p>It is 5 miles (12 km).</p>\n"
        "<!-- figcheck: ignore[FC111] -->\n"
        "<p>Nothing.</p>\n"
        "</article></body></html>\n", encoding="utf-8")
    result = run_cli("check", "--fail-on", "info", str(page))
    assert result.stdout.splitlines() == [
        f"{page}:2:4: FC101 Paragraph 1 says some 12 people; paragraph 2 says 15 injured. "
        "[“Some 12” (2:4) vs “15” (4:8)]",
        f"{page}:8:4: FC301 Line 7: this figcheck suppression (FC111) suppressed nothing.",
    ]
    unsuppressed = tmp_path / "unsuppressed.html"  # the FC205 the first comment silenced
    unsuppressed.write_text(page.read_text(encoding="utf-8").replace(
        "<!-- figcheck: ignore[FC205] -->", ""), encoding="utf-8")
    assert f"{unsuppressed}:6:10: FC205 " in run_cli("check", str(unsuppressed)).stdout


# --- locations come from the text that was read, never from a file read again ------------------

PAGE = (
    "<html><body><article>\n"
    "<p>Some 12 people\nwere hurt. The 15 injured were treated.</p>\n"
    "<!-- figcheck: ignore[FC111] -->\n"
    "<p>Nothing else.</p>\n"
    "</article></body></html>\n"
)
PAGE_FINDINGS = [
    ":2:4: FC101 Paragraph 1 says some 12 people; the same paragraph later says 15 injured. "
    "[“Some 12” (2:4) vs “15” (3:16)]",
    ":5:4: FC301 Line 4: this figcheck suppression (FC111) suppressed nothing.",
]


@pytest.mark.usefixtures("hand_weights")
@pytest.mark.parametrize(
    "on_disk",
    [
        pytest.param(None, id="named-file-missing"),
        pytest.param("<html>\n\n\n\n\n<body><p>Other 1 and 2 and 3.</p></body></html>\n",
                     id="named-file-is-another-page"),
        pytest.param(PAGE.replace("<article>\n", "<article>\n\n\n\n"), id="named-file-shifted"),
    ],
)
def test_html_from_stdin_is_located_in_what_was_read(
    run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, on_disk: str | None
) -> None:
    monkeypatch.chdir(tmp_path)
    if on_disk is not None:
        (tmp_path / "zz.html").write_text(on_disk, encoding="utf-8")
    result = run_cli("check", "--fail-on", "info", "-", "--stdin-filename", "zz.html",
                     input=PAGE.encode())
    assert result.stdout.splitlines() == ["zz.html" + line for line in PAGE_FINDINGS]
    assert result.exit_code == 1


@pytest.mark.usefixtures("hand_weights")
def test_html_file_is_located_in_the_text_read_even_if_changed_afterwards(
    run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import figcheck.cli.check as check_module

    page = tmp_path / "story.html"
    page.write_text(PAGE, encoding="utf-8")
    real_compute = check_module.compute

    def compute_then_edit(docs, config):  # type: ignore[no-untyped-def]
        page.write_text("<p>\n\n\nrewritten 1 2 3</p>", encoding="utf-8")  # saved mid-run
        return real_compute(docs, config)

    monkeypatch.setattr(check_module, "compute", compute_then_edit)
    result = run_cli("check", "--fail-on", "info", str(page))
    assert result.stdout.splitlines() == [str(page) + line for line in PAGE_FINDINGS]


@pytest.mark.parametrize(
    ("head", "title_line", "title_col"),
    [
        pytest.param("", 1, 3, id="heading-first"),
        pytest.param("\n\n", 3, 3, id="blank-lines"),
        pytest.param("---\ntitle: Sent\ndate: 2024-11-04\n---\n", 5, 3, id="front-matter"),
        pytest.param("---\nlayout: post\n---\n\n\n", 6, 3, id="front-matter-blank-lines"),
    ],
)
def test_headline_after_front_matter_or_blank_lines_is_the_headline(
    run_cli, tmp_path: Path, head: str, title_line: int, title_col: int
) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(head + "# North Korea sends 12,000 troops to Russia\n\n"
                     "North Korea has sent 10,000 troops to Russia, officials said.\n",
                     encoding="utf-8")
    result = run_cli("check", "--fail-on", "error", str(draft))
    body_line = title_line + 2
    assert result.stdout.splitlines() == [
        f"{draft}:{title_line}:{title_col + 18}: FC102 The headline says 12,000 troops; paragraph 1 "
        f"says 10,000 troops. [“12,000” ({title_line}:{title_col + 18}) vs “10,000” "
        f"({body_line}:22)]"]
    assert result.exit_code == 1  # a headline conflict is an error


def test_front_matter_title_is_the_headline_when_there_is_no_heading(run_cli, tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text('---\ndate: 2024-11-04\ntitle: "North Korea sends 12,000 troops to Russia"\n'
                     "---\n\nNorth Korea has sent 10,000 troops to Russia, officials said.\n",
                     encoding="utf-8")
    result = run_cli("check", "--fail-on", "error", str(draft))
    assert result.stdout.splitlines() == [
        f"{draft}:3:27: FC102 The headline says 12,000 troops; paragraph 1 says 10,000 troops. "
        "[“12,000” (3:27) vs “10,000” (6:22)]"]
    assert result.exit_code == 1
    line = draft.read_text(encoding="utf-8").splitlines()[2]
    assert line[26:32] == "12,000"


def test_extract_locates_html_from_stdin_in_what_was_read(run_cli, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no zz.html here
    result = run_cli("extract", "-", "--stdin-filename", "zz.html", input=PAGE.encode())
    wheres = [line.split()[0] for line in result.stdout.splitlines()[2:] if line.strip()]
    assert wheres == ["2:4", "3:16"]
    assert result.exit_code == 0
