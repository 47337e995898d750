"""Between the documents of one story (FC111, FC121) and story grouping."""

from __future__ import annotations

import pytest

from figcheck.compare import across, apply_config, assign_stories, fact_key, story_features
from figcheck.compare.stories import StoryItem
from figcheck.config import Config

from .helpers import PARAPHRASE_FIT, doc, fig

PAX = "passenger"


def two(text_a: str, figs_a: list, text_b: str, figs_b: list, *, date_a: str = "2024-03-03",
        date_b: str = "2024-03-03") -> list:
    a = doc(text_a, *figs_a, id="wire", source="Wire", published=date_a)
    b = doc(text_b, *figs_b, id="paper", source="Paper", published=date_b)
    return [a, b]


# --- origin: issue 3 "Between sources" and "Updates over time" ------------------------------------
CASES = [
    pytest.param(two("More than 200 passengers were on the ferry.", [fig("More than 200", head=PAX)],
                     "The ferry had 148 passengers on board.", [fig("148", head=PAX)]),
                 ["FC111"], id="more-than-200-vs-148"),
    pytest.param(two("About 150 passengers were on the ferry.", [fig("About 150", head=PAX)],
                     "The ferry had 148 passengers on board.", [fig("148", head=PAX)]),
                 [], id="compatible"),
    pytest.param(two("The death toll reached 30.", [fig("30", head="death toll")],
                     "The death toll has climbed to 52.", [fig("52", head="death toll")],
                     date_b="2024-03-05"),
                 ["FC121"], id="update-death-toll"),
    pytest.param(two("The death toll reached 30.", [fig("30", head="death toll")],
                     "The death toll reached 52.", [fig("52", head="death toll")]),
                 ["FC111"], id="same-day-death-toll-conflict"),
    pytest.param(two("Police said 40 people were arrested.",
                     [fig("40", head="person", event="arrest")],
                     "Officers held 52 people, police said.",
                     [fig("52", head="person", event="detain")], date_b="2024-03-06"),
                 ["FC121"], id="update-arrests-synonym-event"),
    pytest.param(two("Some 10,000 troops were deployed.", [fig("10,000", head="troop",
                                                              event="deploy")],
                     "About 3,000 troops were killed.", [fig("3,000", head="troop",
                                                              event="kill")]),
                 [], id="deployed-vs-killed"),
    pytest.param(two("The fund has $5m.", [fig("$5m", unit="dollar", head="fund")],
                     "The fund has \u20ac9m.", [fig("\u20ac9m", unit="euro", head="fund")]),
                 [], id="different-currencies"),
    pytest.param(two("It was 3,000 miles long.", [fig("3,000 miles", unit="mile", head="route")],
                     "It was 4,800 km long.", [fig("4,800 km", unit="kilometre", head="route")]),
                 [], id="miles-vs-km-compatible"),
    pytest.param(two("It was 3,000 miles long.", [fig("3,000 miles", unit="mile", head="route")],
                     "It was 3,000 km long.", [fig("3,000 km", unit="kilometre", head="route")]),
                 ["FC111"], id="miles-vs-km-conflict"),
    pytest.param(two("The group claimed 500 casualties, a figure officials rejected.",
                     [fig("500", head="casualty")],
                     "There were 40 casualties.", [fig("40", head="casualty")]),
                 [], id="disputed"),
]


# --- origin: traps met in the check corpus ---------------------------------------------------------
CORPUS = [
    pytest.param(two("About 340 soldiers had been killed or wounded so far, a spokesman said.",
                     [fig("About 340", head="soldier", event="kill or injure",
                          attribution="spokesman")],
                     "The forces have suffered fewer than 300 casualties, the agency said.",
                     [fig("fewer than 300", head="casualty", attribution="agency")],
                     date_b="2024-03-04"),
                 ["FC111"], id="killed-or-wounded-are-casualties-later-lower",
                 marks=pytest.mark.xfail(strict=True, reason=PARAPHRASE_FIT)),
    pytest.param(two("The forces have suffered fewer than 300 casualties, the agency said.",
                     [fig("fewer than 300", head="casualty", event="suffer")],
                     "The ministry's estimate of 340 killed and wounded is unchanged.",
                     [fig("340", head="person", event="kill or injure")], date_b="2024-03-04"),
                 ["FC111"], id="later-figure-above-an-earlier-cap-is-a-conflict",
                 marks=pytest.mark.xfail(strict=True, reason=PARAPHRASE_FIT)),
    pytest.param(two("The quake killed at least 30 people on Monday.",
                     [fig("at least 30", head="person", event="kill")],
                     "The death toll rose to 52.", [fig("52", head="death toll")],
                     date_b="2024-03-05"),
                 ["FC121"], id="people-killed-are-the-death-toll",
                 marks=pytest.mark.xfail(strict=True, reason=PARAPHRASE_FIT)),
    pytest.param(two("Three men, aged 31, 38 and 52, were arrested.",
                     [fig("31", head="man", unit="year"), fig("38", head="man", unit="year"),
                      fig("52", head="man", unit="year")],
                     "The arrested men were aged 31.", [fig("31", head="man", unit="year")]),
                 [], id="a-list-names-members"),
    pytest.param(two("The army said 15 soldiers were killed in the attack.",
                     [fig("15", head="soldier", event="kill")],
                     "It came two weeks after an ambush in which 12 soldiers died.",
                     [fig("12", head="soldier", event="die")], date_b="2024-03-04"),
                 [], id="another-earlier-event"),
    pytest.param(two("In 2007 a quake near Pisco killed more than 500 people.",
                     [fig("more than 500", head="person", event="kill")],
                     "In 2001 a quake killed 145 people.",
                     [fig("145", head="person", event="kill")], date_b="2024-03-05"),
                 [], id="dated-historical-figures"),
    pytest.param(two("A ferry sank, leaving at least 40 people dead.",
                     [fig("at least 40", head="person")],
                     "Officials said 35 people were confirmed dead.", [fig("35", head="person")]),
                 ["FC111"], id="event-from-following-word"),
    pytest.param(two("The wildfire destroyed at least 17 homes.",
                     [fig("at least 17", head="home", event="destroy")],
                     "The fire has destroyed 46 homes.", [fig("46", head="home", event="destroy")],
                     date_b="2024-03-05"),
                 ["FC121"], id="update-from-lower-bound"),
    pytest.param(two("Labor won 94 of the 150 seats.", [fig("94", head="seat"),
                                                      fig("150", head="seat")],
                     "Labor won 86 seats in the 150-seat house.",
                     [fig("86", head="seat"), fig("150", head="seat")]),
                 ["FC111"], id="agreement-elsewhere-does-not-hide-conflict"),
    pytest.param(two("Since 1 October 2024 there have been 18 confirmed cases.",
                     [fig("18", head="case", time="since 1 October 2024")],
                     "Since October there have been 20 confirmed cases.",
                     [fig("20", head="case", time="Since October")], date_b="2025-01-20",
                     date_a="2025-01-17"),
                 ["FC121"], id="running-count-since-a-year"),
]


@pytest.mark.parametrize(("group", "codes"), CASES + CORPUS)
def test_across(group: list, codes: list[str]) -> None:
    found = across(group, Config())
    assert [f.code for f in found] == codes
    for f in found:
        assert f.scope == "cross"
        assert {c.doc for c in f.claims} == {"wire", "paper"}
    assert across(list(reversed(group)), Config()) == found


def test_cross_message_names_sources_and_dates() -> None:
    group = two("More than 200 passengers were on the ferry.",
                [fig("More than 200", head=PAX, text="passengers")],
                "The ferry had 148 passengers on board.", [fig("148", head=PAX, text="passengers")])
    (f,) = across(group, Config())
    assert f.message == ("Paper (3 March 2024, paragraph 1) says 148 passengers; "
                         "Wire (3 March 2024, paragraph 1) says more than 200 passengers.")


def test_update_is_info_and_earlier_first() -> None:
    group = two("The death toll reached 30.", [fig("30", head="death toll")],
                "The death toll has climbed to 52.", [fig("52", head="death toll")],
                date_b="2024-03-05")
    (f,) = across(list(reversed(group)), Config())
    assert (f.code, f.severity, f.kind) == ("FC121", "info", "update")
    assert [c.doc for c in f.claims] == ["wire", "paper"]


def test_single_document_has_no_cross_findings() -> None:
    assert across([doc("x 5", fig("5", head="x"))], Config()) == []


# --- story grouping -------------------------------------------------------------------------------

def _d(id: str, text: str, published: str = "2024-03-03", story: str | None = None,
       title: str | None = None):
    return doc(text, id=id, published=published, story=story, title=title)


FERRY_A = ("A ferry carrying passengers sank off Lesbos on Monday. The Aegean Star operator "
           "Blue Sea Lines said rescuers from the Hellenic Coast Guard were searching.")
FERRY_B = ("Rescuers from the Hellenic Coast Guard pulled survivors from the water after the "
           "Aegean Star sank near Lesbos. Blue Sea Lines said it was cooperating.")
QUAKE = ("An earthquake struck eastern Turkey near Malatya on Monday, the Disaster and Emergency "
         "Management Authority said. Rescuers in Elazig searched collapsed buildings.")


def test_records_with_story_are_grouped_by_it() -> None:
    items = [_d("a", FERRY_A, story="s1"), _d("b", QUAKE, story="s1"), _d("c", FERRY_B)]
    stories = assign_stories(items, Config(stories="field"))
    assert stories["a"] == stories["b"] != stories["c"]


def test_auto_clusters_shared_entities_not_unrelated() -> None:
    items = [_d("a", FERRY_A), _d("b", FERRY_B, "2024-03-04"), _d("c", QUAKE)]
    stories = assign_stories(items, Config())
    assert stories["a"] == stories["b"]
    assert stories["c"] != stories["a"]
    assert assign_stories(list(reversed(items)), Config()) == stories


def test_auto_respects_date_window() -> None:
    items = [_d("a", FERRY_A), _d("b", FERRY_B, "2024-04-30")]
    stories = assign_stories(items, Config(story_window_days=7))
    assert stories["a"] != stories["b"]


def test_none_puts_everything_together() -> None:
    items = [_d("a", FERRY_A), _d("c", QUAKE)]
    assert len(set(assign_stories(items, Config(stories="none")).values())) == 1


def test_story_items_can_be_passed_directly() -> None:
    d, qs = _d("a", FERRY_A)
    feats = story_features(d, qs)
    assert "e:lesbos" in feats and "e:hellenic coast guard" in feats
    assert "e:a" not in feats and "e:monday" not in feats
    items = [StoryItem("a", d.published, None, feats),
             StoryItem("b", d.published, None, story_features(*_d("b", FERRY_B)))]
    assert len(set(assign_stories(items).values())) == 1


def test_claim_key_is_head_and_unit_family() -> None:
    (_, (q,)) = doc("It was 3,000 miles long.", fig("3,000 miles", unit="mile", head="Route"))
    (_, (k,)) = doc("It was 4,800 km long.", fig("4,800 km", unit="kilometre", head="route"))
    assert fact_key(q) == fact_key(k) == "route|length:metre"
    (_, (c,)) = doc("It cost $5m.", fig("$5m", unit="dollar", head="route"))
    assert fact_key(c) != fact_key(q)


def test_documents_naming_nothing_in_common_are_not_compared() -> None:
    ta = "More than 200 passengers were on board. It sank off Lesbos."
    tb = "The vessel had 148 passengers on board. It hit rocks near Bavaria."
    a = doc(ta, fig("More than 200", head=PAX), id="a")
    b = doc(tb, fig("148", head=PAX), id="b")
    assert across([a, b], Config()) == []
    a2 = doc(ta, fig("More than 200", head=PAX), id="a", story="s")
    b2 = doc(tb, fig("148", head=PAX), id="b", story="s")
    assert [f.code for f in across([a2, b2], Config())] == ["FC111"]


def test_head_synonyms_share_a_key() -> None:
    (_, (h,)) = doc("It had 42,000 laying hens.", fig("42,000", head="hen"))
    (_, (b,)) = doc("It had 24,000 birds.", fig("24,000", head="bird"))
    assert fact_key(h) == fact_key(b)


def test_apply_config_is_idempotent_and_ordered() -> None:
    group = two("More than 200 passengers were on the ferry.", [fig("More than 200", head=PAX)],
                "The ferry had 148 passengers on board.", [fig("148", head=PAX)])
    found = across(group, Config())
    assert apply_config(found + found, Config()) == found
    assert apply_config(found, Config(min_confidence=0.99)) == []
