"""figcheck.htmltext: article text out of HTML pages, with offsets mapped back to the source."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.htmltext import html_to_text

PAGE = """<!doctype html>
<html><head><title>Troops &amp; tanks - The Daily</title>
<style>p { color: red }</style>
<script>var s = "<p>99 balloons</p>";</script></head>
<body><nav><a href="/">Home</a> <a href="/7">7 days</a></nav>
<article>
  <header><h1>12,000   troops
  deployed</h1></header>
  <!-- figcheck: ignore[FC101] -->
  <p>Over   10,000 troops&nbsp;were
  sent, at a cost of &euro;5&nbsp;million.<br>A second line &#8212; 40&#37; more.</p>
  <p>Paragraph <b>two</b> names <a href="#">1,200</a> people.</p>
  <aside>Related: 31 things you missed</aside>
  <table><tr><th>Region</th><td>15</td></tr><tr><th>North</th><td>16</td></tr></table>
</article>
<footer>&copy; 2024</footer>
</body></html>"""

# ---- what the text is --------------------------------------------------------------------------
# (html, expected title, expected text), grouped by origin.
EXAMPLES_NEWS_PAGES = [
    pytest.param(
        PAGE,
        "12,000 troops deployed",
        "Over 10,000 troops\u00a0were sent, at a cost of €5\u00a0million.\n"
        "A second line — 40% more.\n\n"
        "Paragraph two names 1,200 people.\n\n"
        "Region 15\n\nNorth 16",
        id="article-with-chrome",
    ),
    pytest.param(
        "<html><head><title>Budget 2025</title></head><body><main><p>Spending rose 4%.</p>"
        "<div>Debt fell to £2.1tn.</div></main><p>Sign up for 3 newsletters</p></body></html>",
        "Budget 2025",
        "Spending rose 4%.\n\nDebt fell to £2.1tn.",
        id="main-without-article-title-from-head",
    ),
    pytest.param(
        "<p>First 5 paragraphs</p><p>second: 6</p>",
        None,
        "First 5 paragraphs\n\nsecond: 6",
        id="fragment-without-title",
    ),
    pytest.param(
        "<ul><li>3 dead<li>4 injured</ul><pre>  a  12\n  b  13</pre>",
        None,
        "3 dead\n\n4 injured\n\n  a  12\n  b  13",
        id="lists-and-pre",
    ),
    pytest.param(
        '<p>Seen: 4</p><p hidden>Unseen: 5</p><div aria-hidden="true">6</div>'
        '<span style="color:red; display : none">7</span>'
        "<noscript>7</noscript><template><p>8</p></template><p>Seen 9</p>",
        None,
        "Seen: 4\n\nSeen 9",
        id="hidden-content-skipped",
    ),
]

EXAMPLES_LINK_BLOCKS = [
    pytest.param(
        '<article><p>Rain fell for 3 days.</p><p><a href="/a">Read more: 10 storms</a></p>'
        '<ul><li><a href="/b">5 facts</a></li><li><a href="/c">12 photos</a></li></ul>'
        '<p>Up to <a href="/d">40mm</a> fell.</p></article>',
        None,
        "Rain fell for 3 days.\n\nUp to 40mm fell.",
        id="link-only-blocks-dropped",
    ),
    pytest.param(
        '<p><time datetime="2023-11-02">Thu 2 Nov 2023 08.12</time></p>'
        '<p>On <time>2 November</time> 12 homes flooded.</p>',
        None,
        "On 2 November 12 homes flooded.",
        id="dateline-dropped-inline-time-kept",
    ),
    pytest.param(
        '<h1><a href="/x">7 killed</a></h1><p>Police said 7 died.</p>', "7 killed",
        "Police said 7 died.", id="linked-headline-kept",
    ),
]

EXAMPLES_BROKEN_MARKUP = [
    pytest.param("<p>12 troops<p>15 troops", None, "12 troops\n\n15 troops", id="unclosed-p"),
    pytest.param("<p>a < b and 3 > 2</p>", None, "a < b and 3 > 2", id="stray-angle-brackets"),
    pytest.param("<p>AT&T paid &bogus; $5</p>", None, "AT&T paid &bogus; $5", id="unknown-entities"),
    pytest.param("<p>5 <b>bold</i> 6</p></div></span>", None, "5 bold 6", id="stray-end-tags"),
    pytest.param("<title>Unclosed title<p>body 12</p>", "Unclosed title", "body 12", id="unclosed-title"),
    pytest.param("<nav>never closed <p>12</p>", None, "", id="unclosed-nav-skips-rest"),
    pytest.param("", None, "", id="empty"),
    pytest.param("0<br><br><br>12", None, "0\n\n12", id="br-runs-are-one-paragraph-break"),
    pytest.param("<p>cut off at <b", None, "cut off at", id="truncated-tag-dropped"),
    pytest.param('<p>12 troops</p><p>and <a href="x', None, "12 troops\n\nand", id="eof-in-attribute"),
    pytest.param("<p>a 1</p><!-- open <p>12</p>", None, "a 1", id="unclosed-comment-runs-to-end"),
    pytest.param("<p>a 1</p><!-- c --><p>b 2</p>", None, "a 1\n\nb 2", id="closed-comment"),
    pytest.param(
        "<p>a 1</p><script>document.write('<!--')</script><p>b 2</p>", None, "a 1\n\nb 2",
        id="comment-opener-inside-script",
    ),
    pytest.param("<p>x 1</p><![if !IE]><p>y 2</p><![endif]>", None, "x 1\n\ny 2", id="conditional-comments"),
    pytest.param("<p>x 1<![<![ 2</p><p>3</p>", None, "x 1\n\n3", id="bogus-marked-section-to-next-gt"),
]


@pytest.mark.parametrize(
    "html, title, text", EXAMPLES_NEWS_PAGES + EXAMPLES_LINK_BLOCKS + EXAMPLES_BROKEN_MARKUP
)
def test_title_and_text(html: str, title: str | None, text: str) -> None:
    """The parse and the rules (which blocks are text when no article-extraction library decides;
    tests/test_html_article.py has whole pages where the library decides)."""
    got = html_to_text(html, extractor="rules")
    assert got.title == title
    assert got.text == text
    assert got.extractor == "rules"


@pytest.mark.parametrize(
    "html, title, text", EXAMPLES_NEWS_PAGES + EXAMPLES_LINK_BLOCKS + EXAMPLES_BROKEN_MARKUP
)
def test_the_library_only_chooses_among_the_parsed_blocks(html: str, title: str | None,
                                                          text: str) -> None:
    """Whatever the library decides, the text is some of the rules' paragraphs, in order, with the
    same offsets: it never adds, edits or reorders text."""
    auto, rules = html_to_text(html), html_to_text(html, extractor="rules")
    assert auto.title == rules.title or auto.extractor == "library"
    starts, pos = [], 0  # where each rules paragraph starts in rules.text
    for para in rules.text.split("\n\n"):
        starts.append((pos, para))
        pos += len(para) + 2
    a_pos, k = 0, 0
    for para in auto.text.split("\n\n") if auto.text else []:
        while starts[k][1] != para:  # the next rules paragraph with this text (never reordered)
            k += 1
        r_pos = starts[k][0]
        for j in range(len(para)):  # same characters, same places in the source
            assert auto.source_offset(a_pos + j) == rules.source_offset(r_pos + j)
        a_pos, k = a_pos + len(para) + 2, k + 1


# ---- offsets map back to the source ------------------------------------------------------------
# (surface in text, field, expected source (line, col), expected source text at that place)
POSITIONS_IN_PAGE = [
    ("10,000", "text", (10, 13), "10,000"),
    ("€5", "text", (11, 22), "&euro;"),
    ("40%", "text", (11, 69), "40&#37;"),
    ("1,200", "text", (12, 45), "1,200"),
    ("two", "text", (12, 19), "two"),
    ("16", "text", (14, 67), "16"),
    ("troops", "title", (7, 24), "troops"),
    ("deployed", "title", (8, 3), "deployed"),
]


@pytest.mark.parametrize("surface, field, line_col, source_text", POSITIONS_IN_PAGE)
def test_positions(surface: str, field: str, line_col: tuple[int, int], source_text: str) -> None:
    got = html_to_text(PAGE)
    offset = (got.title if field == "title" else got.text).index(surface)  # type: ignore[union-attr]
    assert got.position(offset, field) == line_col  # type: ignore[arg-type]
    assert PAGE[got.source_offset(offset, field) :].startswith(source_text)  # type: ignore[arg-type]


def test_comments_keep_their_place() -> None:
    got = html_to_text(PAGE)
    assert [(c.text.strip(), c.offset, c.line, c.col) for c in got.comments] == [
        ("figcheck: ignore[FC101]", 0, 9, 3)
    ]
    between = html_to_text("<p>1 a</p><!-- figcheck: ignore[FC101] --><p>2 b</p><p>3 <!--x--> c</p>")
    assert [(c.text, c.offset) for c in between.comments] == [
        (" figcheck: ignore[FC101] ", len("1 a\n\n")),
        ("x", len("1 a\n\n2 b\n\n")),
    ]


@pytest.mark.parametrize(
    "page",
    [
        pytest.param("<p>1 a</p>\n\n<!-- figcheck: ignore -->\nLoose 2 b\n", id="before-loose-text"),
        pytest.param("<div>1 a</div>\n<!-- figcheck: ignore -->\n<p>Loose 2 b</p>", id="before-block"),
        pytest.param("<p>1 a</p> <!-- figcheck: ignore --> Loose 2 b", id="between-spaces"),
    ],
)
def test_a_comment_before_a_paragraph_points_at_that_paragraph(page: str) -> None:
    got = html_to_text(page, extractor="rules")
    assert got.text == "1 a\n\nLoose 2 b"
    [comment] = got.comments
    assert got.text[comment.offset:] == "Loose 2 b"


# (page, published, site, url): what a page says about itself, for Document fields
METADATA = [
    pytest.param(
        '<head><meta property="og:site_name" content="The Daily">'
        '<meta property="article:published_time" content="2024-03-01T10:00:00+01:00">'
        '<link rel="canonical" href="https://daily.example/a"><meta property="og:url" content="u2">'
        "</head><article><time datetime=\"2023-01-01\">x</time><p>1</p></article>",
        "2024-03-01", "The Daily", "https://daily.example/a", id="open-graph",
    ),
    pytest.param(
        '<meta name="DC.date" content="2022-12-31"><p>1</p>', "2022-12-31", None, None,
        id="dublin-core",
    ),
    pytest.param(
        '<nav><time datetime="2020-01-01">x</time></nav><article><time datetime="2021-05-06T08:00">'
        'x</time></article><meta property="og:url" content="https://e.example/b">',
        "2021-05-06", None, "https://e.example/b", id="time-in-article-not-in-nav",
    ),
    pytest.param('<meta name="date" content="yesterday"><p>1</p>', None, None, None, id="bad-date"),
]


@pytest.mark.parametrize("page, published, site, url", METADATA)
def test_metadata(page: str, published: str | None, site: str | None, url: str | None) -> None:
    got = html_to_text(page)
    assert (str(got.published) if got.published else None, got.site, got.url) == (published, site, url)


def test_crlf_source_lines() -> None:
    src = "<p>one</p>\r\n<p>two 12\r\nthree 13</p>"
    got = html_to_text(src)
    assert got.text == "one\n\ntwo 12 three 13"
    assert got.position(got.text.index("13")) == (3, 7)


# ---- properties over arbitrary markup ----------------------------------------------------------
_pieces = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<br>", "<b>", "</b>", "<script>", "</script>", "<nav>",
     "</nav>", "<h1>", "</h1>", "<title>", "</title>", "<!--", "-->", "&amp;", "&#169;", "&euro",
     "&", "<", ">", "<pre>", "</pre>", " ", "\n", "\t", "12", "3.5", "x", "é", "\u00a0", "<!x>",
     "<?pi?>", "<![CDATA[", "]]>", "<article>", "</article>", "<td>", "\r\n", '<p a="b>', "'"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_pieces, st.text(max_size=4)), max_size=40).map("".join))
def test_any_markup_gives_text_that_maps_back(src: str) -> None:
    got = html_to_text(src)
    assert "\n\n\n" not in got.text
    assert not got.text.startswith("\n") and not got.text.endswith("\n")
    for i, ch in enumerate(got.text):
        so = got.source_offset(i)
        assert 0 <= so <= len(src)
        line, col = got.position(i)
        assert line >= 1 and col >= 1
        # a character that did not come from a character reference or whitespace collapsing sits
        # at its source offset
        if ch.isalnum() and src[so] != "&":
            assert src[so] == ch


def test_large_and_adversarial_pages_complete() -> None:
    """Big pages and pathological markup are read (a quadratic step would stall this test)."""
    para = "<p>On Tuesday about 1,200 people &amp; 30 dogs<b> marched</b> 5&nbsp;km.</p>\n"
    big = html_to_text("<html><body><article>" + para * 5_000 + "</article></body></html>")
    assert big.text.count("\n\n") == 4_999
    last = big.text.rindex("1,200")
    assert big.position(last) == (5_000, 21)
    nasty = "<" * 50_000 + "&" * 50_000 + "<p " * 10_000 + "<!--" * 10_000
    assert html_to_text(nasty).text == "<" * 50_000 + "&" * 50_000
    # each of these took html.parser on Python 3.11 quadratic time or raised AssertionError
    for piece in ("<p ", '<p "', "<a b='", "<a b=", "<a/", "<!--", "<![", "</a ", "<script>'<!--'</script>"):
        for tail in ("", ">", "-->"):
            got = html_to_text("<p>12 troops</p>" + piece * 20_000 + tail)
            assert got.text.startswith("12 troops")


# --- a broken article-extraction library is said, never silent ---------------------------------

def _broken_lxml(tmp_path: Path) -> dict[str, str]:
    """An environment whose lxml cannot give trafilatura ``lxml.html.clean``: what a fresh machine
    gets with lxml >= 5.2 and no ``lxml_html_clean`` (lxml's own error message, raised by lxml)."""
    shadow = tmp_path / "shadow" / "lxml_html_clean"
    shadow.mkdir(parents=True, exist_ok=True)
    (shadow / "__init__.py").write_text(
        'raise ModuleNotFoundError("No module named lxml_html_clean", name="lxml_html_clean")\n')
    return dict(os.environ, PYTHONPATH=str(tmp_path / "shadow"))


def test_broken_library_warns_once_and_the_rules_decide(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    env = _broken_lxml(tmp_path)
    for name in ("a.html", "b.html"):
        (tmp_path / name).write_text(
            "<html><body><article><p>Sales rose from 40 to 50, a 40% rise.</p></article></body></html>")
    proc = subprocess.run([sys.executable, "-m", "figcheck", "check", "--preview", "a.html", "b.html"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    warned = [ln for ln in proc.stderr.splitlines() if ln.startswith("figcheck: warning:")]
    assert len(warned) == 1, proc.stderr
    assert "trafilatura is installed but cannot be imported" in warned[0]
    assert "lxml_html_clean" in warned[0] and "using figcheck's own HTML rules" in warned[0]
    assert "Traceback" not in proc.stderr
    assert proc.stdout.count("FC201") == 2


def test_broken_library_is_an_error_when_asked_for(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    code = (
        "from figcheck.htmltext import ExtractorError, html_to_text\n"
        "page = '<article><p>Sales rose to 50.</p></article>'\n"
        "print(html_to_text(page).extractor)\n"
        "try:\n"
        "    html_to_text(page, extractor='library')\n"
        "except ExtractorError as exc:\n"
        "    print('error:', exc)\n"
    )
    proc = subprocess.run([sys.executable, "-W", "error::UserWarning", "-c", code], cwd=tmp_path,
                          env=_broken_lxml(tmp_path), capture_output=True, text=True, timeout=120)
    # -W error: the warning of "auto" is raised as an exception, proving it is an ExtractorWarning
    assert "ExtractorWarning" in proc.stderr and "cannot be imported" in proc.stderr, proc.stderr
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=_broken_lxml(tmp_path),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "rules"
    assert lines[1].startswith("error: trafilatura is installed but cannot be imported")


def test_html_extra_declares_what_trafilatura_needs() -> None:
    import tomllib

    root = Path(__file__).resolve().parents[1]
    extras = tomllib.loads((root / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    for extra in ("html", "test"):
        names = [re.split(r"[<>=\[ ]", r, maxsplit=1)[0].lower() for r in extras[extra]]
        assert "trafilatura" in names and "lxml_html_clean" in names, extra
        bounded = [r for r in extras[extra] if r.lower().startswith(("trafilatura", "lxml"))]
        assert all("<" in r for r in bounded), bounded
