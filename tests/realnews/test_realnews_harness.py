"""The real-text harness on small synthetic corpora: planting (seeded, each kind), verdict keys,
headline share, skip when a corpus is missing, and the exports/imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import synth_realnews as S
from realnews import alarms, headlines, plant
from realnews.corpus import load

SCRIPT = S.ROOT / "bench" / "realnews.py"


@pytest.fixture()
def corpora(tmp_path: Path) -> list[Path]:
    return [S.write(tmp_path / "articles.jsonl", S.ARTICLES, bad=1),
            S.write(tmp_path / "clusters.jsonl", S.CLUSTER)]


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def test_load_skips_bad_lines(corpora: list[Path]) -> None:
    c = load(corpora[0])
    assert [a.id for a in c.articles] == ["a1", "a2", "a3", "a4"]
    assert c.bad_lines == 1
    assert list(load(corpora[1]).stories()) == ["quake-1"]


def test_every_kind_is_planted_and_seeded(corpora: list[Path]) -> None:
    cs = [load(p) for p in corpora]
    first = plant.candidates(cs, seed=4)
    again = plant.candidates(cs, seed=4)
    assert first == again
    for kind in plant.KINDS:
        assert first[kind], kind
    by_id = {a.id: a for c in cs for a in c.articles}
    expect = {"headline": ("a1", "title", "340"), "pct_change": ("a2", "text", None),
              "part_total": ("a2", "text", None), "conversion": ("a3", "text", None)}
    for kind, (doc, field, old) in expect.items():
        p = first[kind][0]
        assert (p.doc, p.field) == (doc, field), kind
        if old:
            assert p.old == old
    for kind, ps in first.items():
        for p in ps:
            altered = p.apply(by_id[p.doc]).field(p.field)
            assert altered[p.start:p.start + len(p.new)] == p.new
            assert altered[:p.start] == by_id[p.doc].field(p.field)[:p.start]
    conv = [p.old for p in first["conversion"]]
    assert "97 km/h" in conv and "10 feet" in conv and "41F" in conv
    # a part of the total: 80 or 40 of "120 staff, 80 ... and 40"
    assert first["part_total"][0].old in ("80", "40")
    assert first["cluster"][0].doc in ("c1", "c2")
    other = plant.candidates(cs, seed=5)
    assert [p.new for k in plant.KINDS for p in other[k]] != [
        p.new for k in plant.KINDS for p in first[k]]


def test_plant_scoring_names_the_changed_figure(corpora: list[Path]) -> None:
    c = load(corpora[0])
    p = plant.candidates([c], seed=1)["headline"][0]
    a = c.by_id()["a1"]
    o = plant.evaluate(p, [a], [])
    assert o.caught and o.true_findings >= 1 and o.false_findings == 0


def test_verdict_keys_are_stable_and_textless(corpora: list[Path]) -> None:
    c = load(corpora[0])
    p = plant.candidates([c], seed=1)["headline"][0]
    a = p.apply(c.by_id()["a1"])
    from realnews.corpus import Corpus
    altered = Corpus(c.path, [a])
    keys1 = [alarms.finding_key(f) for f in alarms.run(altered, "story").findings]
    keys2 = [alarms.finding_key(f) for f in alarms.run(altered, "archive").findings]
    assert keys1 and keys1 == keys2
    assert all(len(k) == 20 and "passengers" not in k for k in keys1)
    merged, taken = alarms.merge_verdicts({}, [
        {"key": keys1[0], "verdict": "genuine", "reason": None, "note": "x", "text": "secret"},
        {"key": "zzz", "verdict": "maybe"}], keep=("code",))
    assert taken == 1 and merged[keys1[0]] == {"key": keys1[0], "verdict": "genuine",
                                               "reason": None}
    j = alarms.judge(alarms.run(altered, "story").findings, merged)
    assert (j.genuine, j.unjudged, j.precision) == (1, 0, 1.0)


def test_run_modes_equals_check(corpora: list[Path]) -> None:
    """The harness extracts once for both modes; it must give exactly figcheck.check's findings."""
    from realnews.corpus import Corpus

    cs = [load(p) for p in corpora]
    both = Corpus(corpora[0], cs[0].articles + cs[1].articles)
    # plant a cross-source and a within-article conflict so there is something to compare
    cands = plant.candidates([both], seed=2)
    changed = [cands["cluster"][0], cands["headline"][0]]
    arts = [next((p.apply(a) for p in changed if p.doc == a.id), a) for a in both.articles]
    c = Corpus(corpora[0], arts)
    fast = alarms.run_modes(c)
    for mode in alarms.MODES:
        slow = alarms.run(c, mode)
        assert [f.model_dump() for f in fast[mode].findings] == [
            f.model_dump() for f in slow.findings], mode
    assert {f.code for f in fast["story"].findings} >= {"FC102", "FC111"}


def test_headline_share(corpora: list[Path]) -> None:
    hs = headlines.headline_share(load(corpora[0]).articles)
    assert (hs.numbers, hs.extracted, hs.share) == (1, 1, 1.0)
    from realnews.corpus import Article
    odd = Article("x", "Three cheers as 1.5 million tickets sold", "", None, None, None, "dev")
    hs2 = headlines.headline_share([odd])
    assert hs2.numbers == 2 and hs2.extracted + len(hs2.misses) == 2


@pytest.mark.parametrize("title, counted", [
    ("EgyptAir Flight 804: reports conflict", []),
    ("Shutdown Day 7: talks stall", []),
    ("Crisis has reached Level 3, UN says", []),
    ("Group's No. 2 killed in raid", []),
    ("Firm avoids Chapter 11 filing", []),
    ("S&P 500 falls as 3 banks slide", ["3"]),
    ("'Big Three' networks ignore the story", []),
    ("COMMODITIES HIGHLIGHTS 1200 GMT", []),
    ("No 20-week ban, says 1 senator", ["20", "1"]),
    ("Day trip for 40 pupils", ["40"]),
])
def test_headline_labels_and_names_are_not_counted(title: str, counted: list[str]) -> None:
    from realnews.corpus import Article
    from realnews.numbers import numbers

    nums = [n.surface for n in numbers(title) if not headlines.label_or_name(title, n)]
    assert [s for s in nums if any(c.isdigit() for c in s) or s.isalpha()] == counted
    hs = headlines.headline_share([Article("x", title, "", None, None, None, "dev")])
    assert hs.numbers == len(counted)


def test_skip_when_missing(tmp_path: Path) -> None:
    r = _run(str(tmp_path / "nope.jsonl"))
    assert r.returncode == 0, r.stderr
    lines = [ln for ln in r.stdout.splitlines() if ln.startswith("skipped:")]
    assert len(lines) == 4
    assert all("not found; rebuild with python bench/realnews/build.py" in ln for ln in lines)


@pytest.mark.slow
def test_full_run_exports_and_imports(corpora: list[Path], tmp_path: Path) -> None:
    exp = tmp_path / "planted.jsonl"
    unj = tmp_path / "unjudged.jsonl"
    r = _run(*map(str, corpora), "--export-planted", str(exp), "--export-unjudged", str(unj),
             "--seed", "3")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    for kind in plant.KINDS:
        assert f"  {kind}" in out
    assert "headline numbers extracted: 1 of 1" in out
    assert "read planted cases: 0 of 0" in out
    recs = [json.loads(x) for x in exp.read_text().splitlines()]
    assert recs and all("[[" in r["context_altered"] for r in recs)
    # a reader's answers, merged into a verdict file: the next run reads them back
    answers = tmp_path / "answers.jsonl"
    answers.write_text("".join(json.dumps({"key": r["key"], "verdict": "genuine",
                                           "reason": None, "note": "ok"}) + "\n" for r in recs))
    vfile = tmp_path / "planted_verdicts.jsonl"
    r2 = _run("--import-planted-verdicts", str(answers), "--planted-verdicts", str(vfile))
    assert r2.returncode == 0 and vfile.exists()
    stored = vfile.read_text()
    assert "context" not in stored and "note" not in stored
    r3 = _run(*map(str, corpora), "--seed", "3", "--planted-verdicts", str(vfile),
              "--skip", "alarms", "--skip", "pairs")
    assert f"read planted cases: {len(recs)} of {len(recs)} are genuine" in r3.stdout
    # the same seed gives the same plants; exports stay out of the repository
    r4 = _run(*map(str, corpora), "--export-planted", str(S.ROOT / "bench" / "x.jsonl"))
    assert r4.returncode != 0 and "write them under .data" in (r4.stdout + r4.stderr)


def test_per_code_lines_give_status_and_plants(corpora: list[Path]) -> None:
    """The harness runs with preview on and prints, per registry code, its status and what the
    real findings and plants say about it (the evidence a preview code graduates on)."""
    from figcheck.compare.rules import RULES

    assert alarms.CONFIG.preview
    r = _run(*map(str, corpora), "--seed", "3", "--skip", "headlines", "--skip", "pairs")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.split("== per code", 1)[1].splitlines()[1:]
    by_code = {ln.split()[0]: ln for ln in lines if ln.startswith("  FC")}
    assert list(by_code) == [rule.code for rule in RULES]
    for rule in RULES:
        line = by_code[rule.code]
        assert line.split()[1] == rule.status
        assert "real findings" in line and "judged precision" in line
    assert "planted headline: recall" in by_code["FC102"]
    assert "planted cluster: recall" in by_code["FC111"]
    assert "no planted kind" in by_code["FC204"]
