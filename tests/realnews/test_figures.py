"""Labelled real figures (issue 10): sampling, the answer format of the guide, label import and
scoring, on synthetic articles written for these tests.  The CQE parts run only where a CQE venv
exists (bench/cqe_setup.sh); CI has none and skips them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
import synth_realnews as S

import realnews_figures as F
from realnews.corpus import load
from realnews.numbers import numbers

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bench" / "realnews_figures.py"
CQE_VENV = Path(os.environ.get("CQE_VENV", "/work/cqe-venv"))
HAVE_CQE = (CQE_VENV / "bin" / "python").exists() and (CQE_VENV / "locale").exists()

TOWNS = ("Arden", "Bexley", "Corran", "Dunmore", "Elston", "Farley", "Garth", "Holm", "Ivers",
         "Jarrow", "Kelby", "Lorne")


def _article(i: int, split: str) -> dict[str, object]:
    town = TOWNS[i % len(TOWNS)]
    n = 10 + i
    return {
        "id": f"s{i}", "source": f"Outlet {i % 3}", "split": split, "story": None,
        "title": f"{town} council sets £{n}m budget as rates rise {i % 7 + 2}%",
        "text": (f"The {town} council approved a budget of £{n}m on Monday.\n\n"
                 f"Council tax will rise by {i % 5 + 1}.5% from April, the council said. "
                 f"About {n * 100:,} households will pay more.\n\n"
                 f"The new depot covers {n} hectares and lies {i + 3} miles from the town. "
                 f"It will employ {n + 5} staff, and between {n} and {n + 20} drivers.\n\n"
                 f"Of the council's {n * 3} seats, Labour holds {n} and the Greens hold five."),
        "published": "2024-03-05", "url": f"https://example.invalid/s{i}",
        "collection": "synthetic"}


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    recs = [_article(i, "test" if i % 3 == 0 else "dev") for i in range(36)]
    return S.write(tmp_path / "articles.jsonl", recs)


def test_kind_of_hedges_and_ranges() -> None:
    src = "It cost more than $5m. About 40 people came. Between 20 and 30 left. It rose 5%."
    kinds = {n.surface: F.kind_of(src, n) for n in numbers(src)}
    assert kinds["$5m"] == "range_hedge"
    assert kinds["40"] == "range_hedge"
    assert kinds["20"] == "range_hedge"
    assert kinds["5%"] == "percent"


def test_sample_is_seeded_split_and_stratified(corpus: Path) -> None:
    arts = load(corpus).articles
    got = F.sample(arts, n_test=20, n_dev=40, seed=3)
    assert [c.id for c in got] == [c.id for c in F.sample(arts, 20, 40, seed=3)]
    assert [c.id for c in got] != [c.id for c in F.sample(arts, 20, 40, seed=4)]
    splits = Counter(c.article.split for c in got)
    assert splits == {"test": 20, "dev": 40}
    strata = Counter(c.stratum for c in got)
    assert {"title/money", "title/percent", "text/money", "text/percent", "text/count",
            "text/measure", "text/range_hedge"} <= set(strata)
    assert sum(v for k, v in strata.items() if k.startswith("title/")) >= 15
    per_article = Counter(c.article.id for c in got)
    assert max(per_article.values()) <= 2
    sentences = Counter((c.article.id, c.field, c.sentence) for c in got)
    assert max(sentences.values()) == 1
    for c in got:  # every figure is one the independent reader found, at its offsets
        src = c.article.field(c.field)
        assert src[c.num.start:c.num.end] == c.num.surface
        assert c.num in numbers(src)


def test_short_strata_hand_on_their_quota(tmp_path: Path) -> None:
    # headlines without numbers: the headline quota goes to body strata
    recs = [dict(_article(i, "dev"), title="Council meets") for i in range(20)]
    arts = load(S.write(tmp_path / "a.jsonl", recs)).articles
    got = F.sample(arts, n_test=0, n_dev=30, seed=1)
    assert len(got) == 30 and all(c.field == "text" for c in got)


def test_task_records_mark_the_number(corpus: Path, tmp_path: Path) -> None:
    arts = load(corpus).articles
    got = F.sample(arts, 5, 5, seed=2)
    paths = F.write_batches(got, tmp_path / "tasks", batch=4)
    assert len(paths) == 3
    rows = [json.loads(line) for p in paths for line in p.read_text().splitlines()]
    for r, c in zip(rows, got):
        assert r["fig"] == c.id and r["doc"] == c.article.id
        assert "[[" + c.num.surface + "]]" in r["sentence"]
        assert r["headline"] == c.article.title
    reader = [json.loads(x) for x in
              (tmp_path / "tasks" / "batch-001.reader.jsonl").read_text().splitlines()]
    assert [set(r) for r in reader] == [{"fig", "headline", "sentence"}] * 4
    assert [r["sentence"] for r in reader] == [r["sentence"] for r in rows[:4]]
    answers = (tmp_path / "tasks" / "batch-001.answers.jsonl").read_text().splitlines()
    assert [json.loads(a)["fig"] for a in answers] == [r["fig"] for r in rows[:4]]


def _task(sentence: str, marked: str, field_start: int = 100) -> dict[str, object]:
    i = sentence.index(marked)
    return {"fig": "f1", "split": "dev", "stratum": "text/money", "doc": "d1", "field": "text",
            "start": field_start + i, "end": field_start + i + len(marked), "number": marked,
            "sentence": sentence[:i] + "[[" + marked + "]]" + sentence[i + len(marked):]}


GOOD = {"fig": "f1", "is_figure": True, "span": "more than $3.5bn", "low": "3500000000",
        "high": "3500000000", "unit": "dollar", "bound": "lower", "measure": "fine",
        "holder": "the bank", "note": None}


def test_validate_follows_the_guide() -> None:
    t = _task("The bank paid more than $3.5bn to settle.", "$3.5bn")
    assert F.validate(GOOD, t) == []
    assert F.validate({"fig": "f1", "is_figure": False}, t) == []
    assert F.validate({**GOOD, "is_figure": "yes"}, t) == ["is_figure must be true or false"]

    def errs(**kw: object) -> str:
        return "; ".join(F.validate({**GOOD, **kw}, t))

    assert "not in the sentence" in errs(span="more than $4bn")
    assert "does not cover the marked number" in errs(span="more than")
    assert "must be numbers" in errs(low="3.5bn")
    assert "low is greater than high" in errs(low="5", high="4")
    assert "bound must be one of" in errs(bound="hedged")
    assert "range exactly when" in errs(bound="range")
    assert "range exactly when" in errs(low="1", high="2")
    assert "measure must be" in errs(measure="")
    assert "holder must be" in errs(holder="  ")
    assert "unit must be" in errs(unit=3)
    assert F.validate({**GOOD, "unit": None, "holder": None, "low": 3500000000,
                       "high": 3500000000}, t) == []


def test_span_offsets_are_field_offsets() -> None:
    text = "Opening line here. The bank paid more than $3.5bn to settle, it said."
    start = text.index("The bank")
    sent = text[start:text.index(",")]
    t = _task(sent, "$3.5bn", field_start=start)
    lo, hi = F.locate_span(t, "more than $3.5bn")  # type: ignore[misc]
    assert text[lo:hi] == "more than $3.5bn"
    # the occurrence that covers the marked number, not an earlier one
    s2 = "Up 5 points, then 5 points more."
    t2 = _task(s2, "5 points more")
    t2["start"], t2["end"] = 100 + s2.rindex("5"), 100 + s2.rindex("5") + 1
    t2["sentence"] = s2[:s2.rindex("5")] + "[[5]]" + s2[s2.rindex("5") + 1:]
    assert F.locate_span(t2, "5 points") == (100 + s2.rindex("5"), 100 + s2.rindex("5") + 8)


def test_label_records_keep_no_text() -> None:
    t = _task("The bank paid more than $3.5bn to settle.", "$3.5bn")
    recs, errors = F.label_records([t], [GOOD, {**GOOD, "fig": "nope"},
                                         {**GOOD, "is_figure": None}, {**GOOD, "bound": "x"}])
    assert len(recs) == 1 and len(errors) == 2
    assert "unknown fig" in errors[0] and "bound must be" in errors[1]
    r = recs[0]
    assert r["surface_sha1"] == F.sha("$3.5bn")
    assert r["span_end"] - r["span_start"] == len("more than $3.5bn")  # type: ignore[operator]
    text_fields = {"sentence", "headline", "number", "span", "context"}
    assert not text_fields & set(r)
    assert r["low"] == "3500000000" and r["bound"] == "lower" and r["holder"] == "the bank"


def test_unit_keys_agree_across_spellings() -> None:
    k = F.unit_key
    assert k(None) is None and k("-") is None and k("") is None
    assert k("pound sterling") == k("£") == k("pound") == k("GBP") == "GBP"
    assert k("dollar") == k("$") == k("US dollar") == k("dollars") == "USD"
    assert k("Australian dollar") == k("A$") == "AUD" != k("dollar")
    assert k("percentage") == k("%") == k("per cent") == "%"
    assert k("percentage point") == "pp" != k("%")
    assert k("kilometre") == k("km") == k("kilometers") == "km"
    assert k("barrel per day") == k("barrels a day") == "bbl/day"
    assert k("dollar per share") == k("$/share") == "USD/share"
    assert k("degree Celsius") == k("°C") == k("C") == "degC"
    assert k("pound-mass") == k("lb") == "lb" != k("pound")
    assert k("mile per hour") == k("mph")
    assert k("year") == k("years") == k("year of age") == "year"
    assert k("count") is None  # CQE's unit for "times"
    assert k("farad") == "farad"  # unknown units keep their own spelling


def test_measure_and_holder_matching() -> None:
    assert F.phrase_head("the death toll") == "toll"
    assert F.phrase_head("Sales") == "sale"
    assert F.phrase_head("number of deaths") == "number"
    assert F.measure_match("death toll|deaths", "death")
    assert F.measure_match("death toll", "toll")
    assert not F.measure_match("fine", "bank")
    assert not F.measure_match("fine", None)
    assert F.holder_match(None, None)
    assert not F.holder_match("the bank", None)
    assert not F.holder_match(None, "bank")
    assert F.holder_match("Barclays bank", "the bank's")
    assert F.holder_match("Stephen Curry", "Curry")
    assert not F.holder_match("Labour", "the Greens")


def _label(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {"fig": "f", "is_figure": True, "low": "84000000",
                               "high": "84000000", "unit": "pound", "bound": "exact",
                               "measure": "budget", "holder": "the council"}
    return {**base, **kw}


def test_score_one_counts() -> None:
    s = F.FigScore()
    good = F.Reading(0, 4, Decimal(84000000), Decimal(84000000), "pound sterling", "exact",
                     "budget", "council")
    F.score_one(s, _label(), good)
    F.score_one(s, _label(), F.Reading(0, 4, Decimal(84), Decimal(84), None, "approximate",
                                       "tax", None))
    F.score_one(s, _label(), None)
    F.score_one(s, _label(is_figure=False), good)
    F.score_one(s, _label(is_figure=False), None)
    assert (s.figures, s.not_figures, s.extracted, s.extracted_gold) == (3, 2, 3, 2)
    assert (s.value_unit, s.value, s.bound, s.measure, s.holder) == (1, 1, 1, 1, 1)
    assert [m["why"] for m in s.misses] == ["value/unit", "not extracted"]
    line = s.line()
    assert "precision 0.333 (1/3)" in line and "recall 0.333 (1/3)" in line
    assert "bound 0.500" in line and "measure 0.500 (of all figures 0.333)" in line


def test_reading_of_prefers_a_frame() -> None:
    import figcheck

    q = figcheck.extract("The council approved a budget of £84m on Monday.")[0]
    r = F.reading_of(q)
    assert (r.low, r.unit, r.measure, r.holder) == (Decimal(84000000), q.unit, q.subject.head,
                                                    None)
    # a quantity carrying a claim frame (issue 10) is read from it
    framed = SimpleNamespace(**{k: getattr(q, k) for k in ("start", "end", "value", "unit",
                                                           "bound", "subject", "text")},
                             frame=SimpleNamespace(measure="budget", holder="the council"))
    r2 = F.reading_of(framed)
    assert (r2.measure, r2.holder) == ("budget", "the council")


def test_pick_and_disagree() -> None:
    a = F.Reading(10, 20, Decimal(5), Decimal(5), None, "exact")
    b = F.Reading(18, 30, Decimal(5), Decimal(5), None, "exact")
    assert F.pick([a, b], 19, 25) is b
    assert F.pick([a, b], 40, 45) is None
    assert F.disagree(None, None) is None
    assert F.disagree(a, None) == "only figcheck extracts it"
    assert F.disagree(a, a) is None
    assert F.disagree(a, F.Reading(10, 20, Decimal(6), Decimal(6), None, "exact")) == "value"
    assert F.disagree(F.Reading(10, 20, Decimal(5), Decimal(5), "percentage", "exact"),
                      F.Reading(10, 20, Decimal(5), Decimal(5), "%", "exact")) is None
    assert F.disagree(a, F.Reading(10, 20, Decimal(5), Decimal(5), None, "lower")) == "bound"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True,
                          timeout=600)


def test_commands_end_to_end(corpus: Path, tmp_path: Path) -> None:
    tasks = tmp_path / "tasks"
    labels = tmp_path / "labels"
    r = _run("make-tasks", str(corpus), "--test", "4", "--dev", "6", "--out", str(tasks))
    assert r.returncode == 0, r.stderr
    assert "wrote 10 figures" in r.stdout
    version = json.loads((tasks / "corpus-version.json").read_text())
    assert list(version["corpora_sha1"]) == [str(corpus)] and version["seed"] == 10
    inside = _run("make-tasks", str(corpus), "--out", str(ROOT / "bench" / "tasks"))
    assert inside.returncode == 2 and "under .data" in inside.stdout
    rows = [json.loads(line) for p in sorted(tasks.glob("batch-[0-9][0-9][0-9].jsonl"))
            for line in p.read_text().splitlines()]
    # answer every £ budget figure as a figure (value read here from the article itself), the
    # rest as non-figures, plus one malformed answer
    arts = {a.id: a for a in load(corpus).articles}
    answers = []
    budget = 0
    for t in rows:
        num = str(t["number"])
        if num.startswith("£") and "budget" in str(t["sentence"]):
            budget += 1
            v = str(Decimal(num[1:-1]) * 1000000)
            answers.append({**GOOD, "fig": t["fig"], "span": num, "low": v, "high": v,
                            "unit": "pound", "bound": "exact", "measure": "budget",
                            "holder": "council"})
        else:
            answers.append({"fig": t["fig"], "is_figure": False})
    answers.append({**GOOD, "fig": rows[0]["fig"], "bound": "guess"})
    ans = tmp_path / "answers.jsonl"
    ans.write_text("".join(json.dumps(a) + "\n" for a in answers))
    r = _run("import-labels", str(ans), "--tasks", str(tasks), "--labels", str(labels))
    assert r.returncode == 0, r.stderr
    assert f"{len(rows)} answers stored, 1 rejected" in r.stdout
    stored = [json.loads(line) for p in labels.glob("*.jsonl") for line in p.read_text().splitlines()]
    assert len(stored) == len(rows)
    for rec in stored:
        a = arts[rec["doc"]]
        assert F.sha(a.field(rec["field"])[rec["start"]:rec["end"]]) == rec["surface_sha1"]
        assert "sentence" not in rec
    r = _run("score", str(corpus), "--labels", str(labels))
    assert r.returncode == 0, r.stderr
    lines = {ln.split(" figcheck:")[0]: ln for ln in r.stdout.splitlines() if " figcheck:" in ln}
    assert set(lines) == {"dev", "test"}
    total = sum(int(ln.split(": ")[1].split(" figures")[0]) for ln in lines.values())
    assert total == budget
    if HAVE_CQE:  # the same labels scored for CQE too, and its disagreements judged
        r = _run("score", str(corpus), "--labels", str(labels), "--cqe", str(CQE_VENV))
        assert r.returncode == 0, r.stderr
        assert r.stdout.count(" CQE: ") == 2 and r.stdout.count(" disagreements: ") == 2
    missing = _run("score", str(tmp_path / "nothing.jsonl"), "--labels", str(labels))
    assert missing.returncode == 0 and "skipped" in missing.stdout


@pytest.mark.skipif(not HAVE_CQE, reason="no CQE venv (bash bench/cqe_setup.sh)")
def test_cqe_reads_synthetic_sentences() -> None:
    got = F.run_cqe(CQE_VENV, {"k1": "The council approved a budget of £84m on Monday.",
                               "k2": "About 2,000 homes lost power."})
    k1 = got["k1"]
    assert k1 is not None
    r = F.pick(k1, 33, 37)
    assert r is not None and r.low == Decimal(84000000) and F.unit_key(r.unit) == "GBP"
    k2 = got["k2"]
    assert k2 is not None
    r2 = F.pick(k2, 6, 11)
    assert r2 is not None and r2.low == 2000 and r2.unit is None and r2.bound == "approximate"


def test_sentences_keep_abbreviations_and_whole_headlines(tmp_path: Path) -> None:
    t = "A poll showed 93 percent of Mr. Smith's backers agree. George W. Bush won 52%.\n\nDr. No"
    assert [t[s:e] for s, e in F.sentence_spans(t)] == [
        "A poll showed 93 percent of Mr. Smith's backers agree.", "George W. Bush won 52%.",
        "Dr. No"]
    rec = dict(_article(1, "dev"), title="Storm nears. 40,000 flee.")
    a = load(S.write(tmp_path / "a.jsonl", [rec])).articles[0]
    c = next(c for c in F.candidates([a]) if c.field == "title")
    assert F.task_record(c)["sentence"] == "Storm nears. [[40,000]] flee."


def test_disagreements_list_only_differing_readings(corpus: Path) -> None:
    arts = {a.id: a for a in load(corpus).articles}
    items = [F.task_record(c) for c in F.sample(list(arts.values()), 3, 3, seed=5)]
    sents = F.cqe_sentences(items, arts)
    assert len(sents) == len(items)
    # a second reader that agrees with figcheck everywhere except one figure's value, and
    # reads nothing in one sentence (sentence offsets, as CQE gives them)
    cqe: dict[str, list[F.Reading] | None] = {}
    for it in items:
        a = arts[str(it["doc"])]
        s, e = F.sentence_of(a, str(it["field"]), int(it["start"]))
        rs = F.figcheck_readings(a)[str(it["field"])]
        cqe[F._key(a.id, str(it["field"]), (s, e))] = [
            F.Reading(r.start - s, r.end - s, r.low, r.high, r.unit, r.bound)
            for r in rs if s <= r.start < e]
    k0, k1, k2 = list(cqe)[:3]
    cqe[k2] = None  # a sentence CQE failed on is counted, not compared
    cqe[k0] = [F.Reading(r.start, r.end, r.low + 1, r.high + 1, r.unit, r.bound)
               for r in cqe[k0] or []]
    cqe[k1] = []
    tally: Counter[tuple[str, str]] = Counter()
    rows = F.disagreements(items, arts, cqe, tally)
    assert sorted(str(r["disagreement"]) for r in rows) == ["only figcheck extracts it", "value"]
    assert all("[[" in str(r["sentence"]) and r["verdict"] is None for r in rows)
    assert tally[("title", "n")] + tally[("text", "n")] == len(items) - 1
    assert tally[("title", "CQE failed")] + tally[("text", "CQE failed")] == 1


def test_labels_judge_disagreements() -> None:
    lab = _label(fig="a")
    right = {"start": 0, "end": 4, "low": "84000000", "high": "84000000", "unit": "£",
             "bound": "exact"}
    wrong = {**right, "low": "84", "high": "84"}
    rows = [{"fig": "a", "figcheck": right, "cqe": wrong},
            {"fig": "b", "figcheck": None, "cqe": right},
            {"fig": "c", "figcheck": wrong, "cqe": {**wrong, "bound": "upper"}},
            {"fig": "zz", "figcheck": None, "cqe": right}]
    labels = [lab, _label(fig="b", is_figure=False), _label(fig="c")]
    assert F.judge(rows, labels) == {"figcheck right": 2, "neither right": 1}
    assert F.reading_right(lab, F.Reading(0, 4, Decimal(84000000), Decimal(84000000),
                                          "pound sterling", "exact"))
    assert not F.reading_right(lab, F.Reading(0, 4, Decimal(84000000), Decimal(84000000),
                                              "pound sterling", "approximate"))


def test_labels_follow_a_moved_sentence(tmp_path: Path) -> None:
    text = "The council met on Monday. It approved a budget of £84m, up 5%."
    art = {"id": "m1", "source": "X", "title": "Budget set", "text": text, "split": "dev",
           "published": None, "story": None, "url": None, "collection": "synthetic"}
    a = load(S.write(tmp_path / "a.jsonl", [art])).articles[0]
    c = next(c for c in F.candidates([a]) if c.num.surface == "£84m")
    t = F.task_record(c)
    recs, errors = F.label_records([t], [{**GOOD, "fig": t["fig"], "span": "£84m",
                                          "low": "84000000", "high": "84000000",
                                          "bound": "exact"}])
    assert not errors
    lab = recs[0]
    assert F.relocate([lab], {a.id: a}) == ([lab], 0)
    # the rebuilt corpus has a new first paragraph: the label moves with its sentence
    moved = load(S.write(tmp_path / "b.jsonl", [
        {**art, "text": "A new opening line was added here.\n\n" + text}])).articles[0]
    got, gone = F.relocate([lab], {moved.id: moved})
    assert gone == 0
    src = moved.text
    assert src[got[0]["start"]:got[0]["end"]] == "£84m"
    assert src[got[0]["span_start"]:got[0]["span_end"]] == "£84m"
    # moved and the sentence itself changed: the label is reported missing, never misplaced
    edited = load(S.write(tmp_path / "c.jsonl", [
        {**art, "text": "New line.\n\n" + text.replace("up 5%", "up 6%")}])).articles[0]
    assert F.relocate([lab], {edited.id: edited}) == ([], 1)


def test_a_rate_reads_as_unit_per_denominator() -> None:
    import figcheck

    q = figcheck.extract("Gas averaged $2.11 per gallon.")[0]
    r = F.reading_of(q)
    assert r.unit == "dollar per gallon"
    assert F.unit_key(r.unit) == F.unit_key("dollars per gallon")


def test_a_score_reads_as_its_two_sides() -> None:
    import figcheck

    text = "The bill passed in a 79 to 20 vote."
    q = figcheck.extract(text)[0]
    assert q.kind == "score"
    sides = F.score_sides(q)
    assert [(text[r.start:r.end], r.low, r.high) for r in sides] == [
        ("79", Decimal(79), Decimal(79)), ("20", Decimal(20), Decimal(20))]
    plain = figcheck.extract("Some 79 people voted.")[0]
    assert F.score_sides(plain) == []


def test_agreement_of_a_second_reader_uses_the_scores_matches() -> None:
    labels = [
        {"fig": "a", "is_figure": True, "low": "5", "high": "5", "unit": None,
         "measure": "deaths|death toll", "holder": "Syria"},
        {"fig": "b", "is_figure": True, "low": "3.5", "high": "3.5", "unit": "dollar",
         "measure": "fine", "holder": "the bank"},
        {"fig": "c", "is_figure": False},
    ]
    second = [
        {"fig": "a", "is_figure": True, "low": "5", "high": "5", "unit": None,
         "measure": "people killed|toll", "holder": None},
        {"fig": "b", "is_figure": True, "low": "3.50", "high": "3.50", "unit": "$",
         "measure": "penalty|fine", "holder": "Barclays bank"},
        {"fig": "c", "is_figure": True, "low": "2019", "high": "2019", "unit": None,
         "measure": "year", "holder": None},
        {"fig": "z", "is_figure": True},  # not labelled: ignored
    ]
    res = F.agreement(labels, second)
    assert res["is_figure"] == (2, 3)
    assert res["value"] == (2, 2) and res["value+unit"] == (2, 2)
    assert res["measure"] == (2, 2)  # 'toll' heads an alternative; 'fine' is one of two
    assert res["holder"] == (1, 2)  # no holder against Syria; 'bank' shared
