"""The real-news builder's pure functions, on small synthetic texts written for these tests.

No fetched snapshot is needed: bench/realnews/build.py is imported as a file and only its text
functions (paragraphs, dates, outlets, duplicates, clustering, splits) are exercised.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "bench" / "realnews" / "build.py"
_spec = importlib.util.spec_from_file_location("realnews_build", _PATH)
assert _spec is not None and _spec.loader is not None
B = importlib.util.module_from_spec(_spec)
sys.modules["realnews_build"] = B
_spec.loader.exec_module(B)


# --- paragraphs, dates, outlets -----------------------------------------------------------------


def test_paragraphs_split_on_blank_lines_and_join_wrapped_lines() -> None:
    raw = "  First line of a\nwrapped paragraph.  \n\n\n Second   one.\r\n \r\nThird.\n"
    assert B.normalize_paragraphs(raw) == "First line of a wrapped paragraph.\n\nSecond one.\n\nThird."


def test_paragraphs_one_per_line_when_there_is_no_blank_line() -> None:
    assert B.normalize_paragraphs("One.\nTwo.\n\t\nThree.") == "One. Two.\n\nThree."
    assert B.normalize_paragraphs("One.\nTwo.\nThree.") == "One.\n\nTwo.\n\nThree."
    assert B.normalize_paragraphs(" \n\n ") == ""


def test_parse_date_forms() -> None:
    assert B.parse_date("2016-09-20") == "2016-09-20"
    assert B.parse_date("2016-9-2T10:00") == "2016-09-02"
    assert B.parse_date("19981016") == "1998-10-16"
    assert B.parse_date("9/5/18") == "2018-09-05"
    assert B.parse_date("12/31/1999") == "1999-12-31"
    for bad in ("", None, "2016-02-30", "0001-01-01", "2050-01-01", "last week"):
        assert B.parse_date(bad) is None


def test_site_and_outlet() -> None:
    assert B.site_of("http://www.politicalticker.blogs.cnn.com/2013/x") == "cnn.com"
    assert B.site_of("www.dailymail.co.uk") == "dailymail.co.uk"
    assert B.site_of("https://abcnews.go.com/Politics/x") == "abcnews.go.com"
    assert B.site_of("") is None and B.site_of("not a url") is None
    assert B.outlet_of("cnn.com") == "CNN"
    assert B.outlet_of("example-gazette.org") == "example-gazette.org"


def test_mojibake_and_boilerplate() -> None:
    assert B.fix_mojibake("It\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2s") == "It\u2019s"
    assert B.fix_mojibake("It\u00e2\u20ac\u2122s") == "It\u2019s"
    assert B.fix_mojibake("caf\u00e9 costs \u20ac5") == "caf\u00e9 costs \u20ac5"
    text = "This article is more than 6 months old The council met.\nCLOSE A video.\n3 years ago (Wire) x"
    assert B.strip_boilerplate(text) == "The council met.\nA video.\n(Wire) x"
    polls = "Latest:\nDo You Back the Levy? Vote Here Now\nThe levy passed.\nUSA TODAY\nLISTEN TO ARTICLE 3:15 Rates rose 2%."
    assert B.strip_boilerplate(polls) == "The levy passed.\nRates rose 2%."
    card = ("Mayor Jane Ortiz Jane Maria OrtizCouncil backs 3 bridges Ortiz signs budget MORE said on "
            "Monday that Rep. Al Brandt Alan (Al) BrandtTolls rise 5% MORE agreed.")
    assert B.strip_boilerplate(card) == "Mayor Jane Ortiz said on Monday that Rep. Al Brandt agreed."


def test_opinion_pieces_are_recognised() -> None:
    assert B.is_opinion("OPINION: Keep the bridge", "Text.", None)
    assert B.is_opinion("Debate grades", "ANALYSIS/OPINION: The first debate", None)
    assert B.is_opinion("Bridge", "Text.", "https://example-gazette.org/2020/01/02/opinions/bridge")
    assert B.is_opinion("Bridge", "Text.", "https://example-gazette.org/columns/bridge-vote")
    assert not B.is_opinion("Analysis of tolls shows 3% rise", "The council said.", None)
    assert not B.is_opinion("Bridge", "Text.", "https://example-gazette.org/2020/01/02/politics/bridge")


def test_english_filter() -> None:
    en = "The council said on Monday that it would spend 4 million on the new bridge, which was closed in May."
    fr = "Le conseil a dit lundi qu'il allait consacrer 4 millions au nouveau pont, ferm\u00e9 en mai."
    assert B.is_english(en) and not B.is_english(fr)


def test_split_is_stable_and_about_thirty_percent_test() -> None:
    ids = [f"x:{i}" for i in range(4000)]
    splits = [B.split_of(i) for i in ids]
    assert splits == [B.split_of(i) for i in ids]
    share = splits.count("test") / len(ids)
    assert 0.27 < share < 0.33


# --- near duplicates ---------------------------------------------------------------------------

_BASE = (
    "The harbour authority of Port Kestrel said on Tuesday that 148 containers fell from the cargo "
    "ship Morning Lark during a storm off the northern cape, and that 23 of them had washed ashore "
    "on beaches near the village of Elm Sound by Wednesday evening. Crews in yellow boats were "
    "collecting debris, the authority said, and the shipping company had hired two salvage firms."
)


def test_near_duplicates_keeps_the_first_and_drops_reprints() -> None:
    trimmed = _BASE.rsplit(",", 1)[0] + "."  # a reprint with its last clause cut
    extended = _BASE + " A spokeswoman declined to say how much the clean-up would cost."
    other = (
        "Voters in the county of Ashgrove approved a 12 million bond for three new primary schools "
        "on Saturday, the election office said, with 61 percent in favour and turnout near 40 percent."
    )
    texts = [_BASE, other, trimmed, extended]
    assert B.near_duplicates(texts) == [2, 3]
    assert B.near_duplicates([other, _BASE]) == []


# --- clustering --------------------------------------------------------------------------------


def _doc(i: str, source: str, date: str, title: str, lead: str, group: str | None = None) -> object:
    return B.Doc(i, source, date, title, lead, group)


def _filler(n: int) -> list[object]:
    """Unrelated reports, so that document frequencies look like a real pool's."""
    topics = [
        ("Orchard growers", "Apple harvest in Brennfield valley beats forecasts", "Growers in the Brennfield valley picked"),
        ("Rail strike", "Drivers at Castor Rail walk out over rosters", "Train drivers employed by Castor Rail stopped"),
        ("Museum", "Lindqvist Museum reopens its whale hall", "The Lindqvist Museum reopened its restored whale hall"),
        ("Budget", "Councillors in Mereford argue over library cuts", "Mereford councillors spent four hours debating"),
    ]
    docs = []
    for k in range(n):
        name, title, lead = topics[k % len(topics)]
        docs.append(
            _doc(f"f{k:03d}", f"Filler {k % 7}", f"2021-0{1 + k % 8}-1{k % 9}", f"{title} ({k})",
                 f"{lead} on day {k}, officials from district {k} of {name} said, citing figures.")
        )
    return docs


def _event_docs() -> list[object]:
    return [
        _doc("a1", "Harbour Herald", "2021-03-02", "148 containers lost overboard from Morning Lark off Kestrel cape",
             "The cargo ship Morning Lark lost 148 containers in a storm off Kestrel cape, the Port Kestrel harbour authority said; 23 washed ashore at Elm Sound."),
        _doc("a2", "Northern Wire", "2021-03-03", "Containers from Morning Lark wash ashore at Elm Sound",
             "Containers that fell from the Morning Lark in a storm off Kestrel cape washed ashore at Elm Sound, Port Kestrel harbour officials said, 150 in all."),
        _doc("a3", "Northern Wire", "2021-03-03", "Morning Lark containers: Northern Wire live updates",
             "More containers from the Morning Lark reached Elm Sound, Port Kestrel harbour authority said after the storm off Kestrel cape."),
        # same names, a month later: a different event
        _doc("a4", "Valley Gazette", "2021-04-05", "Morning Lark returns to Port Kestrel after repairs",
             "The Morning Lark sailed back into Port Kestrel harbour on Monday after repairs; Elm Sound beaches are clean, the harbour authority said."),
    ]


def test_cluster_links_one_event_across_outlets_only() -> None:
    groups = B.cluster(_event_docs() + _filler(60))
    assert groups == [["a1", "a2"]] or groups == [["a1", "a3"]]


def test_cluster_never_links_on_a_common_name_alone() -> None:
    # Two reports on the same day that share only a country and a leader, who are in many reports.
    docs = _filler(60)
    for k in range(40):
        docs.append(_doc(f"c{k:02d}", f"Paper {k % 5}", "2021-06-0" + str(1 + k % 9),
                         f"Freedonia president Orla Vance visits region {k}",
                         f"Freedonia president Orla Vance spoke in region {k} about topic {k}."))
    docs.append(_doc("x1", "Harbour Herald", "2021-06-10", "Freedonia president Orla Vance opens a dam",
                     "Freedonia president Orla Vance opened the Tarrow dam, which cost 2 billion."))
    docs.append(_doc("x2", "Northern Wire", "2021-06-10", "Freedonia president Orla Vance meets farmers",
                     "Freedonia president Orla Vance met wheat farmers in Ulm county over 300 complaints."))
    assert not any("x1" in g or "x2" in g for g in B.cluster(docs))


def test_cluster_respects_curated_groups_and_size() -> None:
    a = _event_docs()
    a[1].group = "duc:D1"
    a[0].group = "duc:D2"
    assert not any({"a1", "a2"} <= set(g) for g in B.cluster(a + _filler(60)))


def test_story_id_is_order_free() -> None:
    assert B.story_id(["b", "a"]) == B.story_id(["a", "b"]) != B.story_id(["a", "c"])


@pytest.mark.parametrize("doc", [
    '<DOC>\n<DOCNO> NYT19980822.0098 </DOCNO>\n<BODY>\n<HEADLINE>\nGARDEN &AMP; FIELDS\n</HEADLINE>\n<TEXT>\n<P>\n   ETHETE, Wyo. _ A seven-acre\ngarden, ``they said.\'\'\n</P>\n<P>\n(story can end here. Optional material follows.)\n</P>\n<P>\nSecond 2 para.\n</P>\n</TEXT>\n</BODY>\n</DOC>',
])
def test_parse_duc(doc: str) -> None:
    rec = B.parse_duc(doc)
    assert rec is not None
    assert rec["id"] == "duc:NYT19980822.0098"
    assert rec["source"] == "New York Times"
    assert rec["published"] == "1998-08-22"
    assert rec["title"] == "GARDEN & FIELDS"
    assert rec["text"] == "ETHETE, Wyo. _ A seven-acre garden, \u201cthey said.\u201d\n\nSecond 2 para."


def test_parse_reuters() -> None:
    sgm = (
        '<REUTERS TOPICS="YES" NEWID="77">\n<DATE> 9-MAR-1987 04:58:41.12</DATE>\n<TEXT>&#2;\n'
        "<TITLE>KESTREL PORT SEES 148 MLN STG SHORTAGE</TITLE>\n"
        "<DATELINE>    KESTREL, March 9 - </DATELINE><BODY>The port authority said it forecast a\n"
        "shortage of around 148 mln stg today.\n"
        "    Fees would drain 1.02 billion stg &amp; more, it said.\n REUTER\n&#3;</BODY></TEXT>\n</REUTERS>\n"
        '<REUTERS NEWID="78"><DATE> 9-MAR-1987</DATE><TEXT TYPE="BRIEF"><TITLE>NO BODY</TITLE></TEXT></REUTERS>'
    )
    recs = list(B.parse_reuters(sgm))
    assert len(recs) == 1
    r = recs[0]
    assert r["id"] == "reuters21578:77" and r["source"] == "Reuters" and r["published"] == "1987-03-09"
    assert r["title"] == "KESTREL PORT SEES 148 MLN STG SHORTAGE"
    assert r["text"] == (
        "KESTREL, March 9 - The port authority said it forecast a shortage of around 148 mln stg today."
        "\n\nFees would drain 1.02 billion stg & more, it said."
    )
    assert B.parse_date("26-FEB-1987 15:01:01.79") == "1987-02-26"
    assert B.parse_date("26-XYZ-1987") is None
