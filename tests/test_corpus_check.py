"""The check gold corpus (corpus/check) is well formed, and its scorer counts what it says.

Accuracy targets are NOT asserted here (the lead ratchets them); this checks the data and the
matching logic with findings built by hand.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from figcheck.evaluation.check import (
    CODE_KIND,
    GOLD_KINDS,
    CheckScores,
    CorpusError,
    Story,
    claim_options,
    corpus_records,
    cross_story_findings,
    evaluate_check,
    evaluate_sets,
    format_sets,
    set_dirs,
    gold_code,
    gold_spans,
    load_stories,
    read_story,
    score_story,
)
from figcheck.model import Claim, Document, Finding, Interval, Report, Value

STORIES = load_stories()
# Blind-written stories (corpus/check/blind/{dev,heldout}): checked for form like the team's own,
# scored as separate sets and never mixed into STORIES.
BLIND = [s for label, d in set_dirs()[1:] if d.is_dir() for s in load_stories(d)]
ALLOWED = {("contradiction", "within"), ("contradiction", "cross"), ("update", "cross")} | {
    (kind, "within") for kind in GOLD_KINDS if kind not in ("contradiction", "update")
}


def test_corpus_size() -> None:
    assert len(STORIES) >= 30
    clean = [s for s in STORIES if not s.findings]
    assert len(clean) >= 5
    assert len(STORIES) - len(clean) >= 25


def test_desks_and_document_counts() -> None:
    desks = {s.desk for s in STORIES}
    for desk in (
        "conflict",
        "disasters",
        "economy",
        "elections",
        "health",
        "courts",
        "sport",
        "transport",
        "science",
    ):
        assert desk in desks, desk
    for story in STORIES:
        assert 1 <= len(story.documents) <= 4, story.story
        assert len({d.source for d in story.documents}) == len(story.documents), story.story


@pytest.mark.parametrize("story", STORIES, ids=lambda s: s.story)
def test_word_counts(story: Story) -> None:
    for doc in story.documents:
        words = len(doc.text.split())
        assert 120 <= words <= 450, (doc.id, words)


@pytest.mark.parametrize("story", STORIES + BLIND, ids=lambda s: s.story)
def test_claims_resolve_and_vocabulary(story: Story) -> None:
    doc_ids = {d.id for d in story.documents}
    for finding in story.findings:
        assert (finding.kind, finding.scope) in ALLOWED
        spans = gold_spans(story, finding)
        assert all(s.text.strip() == s.text and s.text for s in spans)
        docs = {c.doc for c in finding.claims}
        assert docs <= doc_ids
        if finding.scope == "within":
            assert len(docs) == 1, finding.note
        else:
            assert len(docs) >= 2, finding.note
        if finding.kind in ("contradiction", "update"):
            assert len(finding.claims) == 2, finding.note
        assert finding.note
    for trap in story.traps:
        assert trap.code in CODE_KIND
        gold_spans(story, trap)
        scope = CODE_KIND[trap.code][1]
        assert (scope == "within") == (len({c.doc for c in trap.claims}) == 1), trap.note


def _boundary_ok(source: str, start: int, end: int) -> bool:
    before = source[start - 1] if start else " "
    after = source[end] if end < len(source) else " "
    inside_number = before in ",." and start >= 2 and source[start - 2].isdigit()
    return not before.isalnum() and not after.isdigit() and not inside_number


@pytest.mark.parametrize("story", STORIES + BLIND, ids=lambda s: s.story)
def test_claims_are_whole_figures(story: Story) -> None:
    """A claim surface never starts or ends inside a longer number ("28" inside "285")."""
    for item in (*story.findings, *story.traps):
        for options in claim_options(story, item):
            for span in options:
                doc = story.document(span.doc.split(":", 1)[1])
                source = (doc.title or "") if span.field == "title" else doc.text
                assert _boundary_ok(source, span.start, span.end), (span.text, span.start)


def _code_of(story: Story, finding_index: int) -> str:
    return gold_code(story.findings[finding_index])


def test_every_code_has_gold_and_trap() -> None:
    gold = Counter(_code_of(s, i) for s in STORIES for i in range(len(s.findings)))
    traps = Counter(t.code for s in STORIES for t in s.traps)
    for code in CODE_KIND:
        assert gold[code] >= 1, f"no gold example of {code}"
        assert traps[code] >= 1, f"no story where {code} must not fire"


def test_updates_run_forward_in_time() -> None:
    for story in STORIES:
        for finding in story.findings:
            if finding.kind == "update":
                dates = [story.document(c.doc).published for c in finding.claims]
                assert dates[0] < dates[1], story.story


def test_records_export() -> None:
    with_story = corpus_records(include_story=True)
    without = corpus_records(include_story=False)
    assert len(with_story) == len(without) == sum(len(s.documents) for s in STORIES)
    assert len({r["id"] for r in with_story}) == len(with_story)
    assert all("story" not in r for r in without)
    assert all(r["story"] == r["id"].split(":")[0] for r in with_story)
    assert set(with_story[0]) == {"id", "text", "title", "source", "published", "story", "desk"}
    json.dumps(with_story)


# --- the scorer, with findings built by hand ------------------------------------------------


def _claim(story: Story, doc: str, field: str, needle: str, occurrence: int = 1) -> Claim:
    d = story.document(doc)
    source = (d.title or "") if field == "title" else d.text
    start = -1
    for _ in range(occurrence):
        start = source.find(needle, start + 1)
    assert start >= 0
    value = Value(low=Decimal(1), high=Decimal(1))
    return Claim(
        doc=story.global_id(doc),
        field=field,
        start=start,
        end=start + len(needle),
        text=needle,
        value=value,
        bound="exact",
        interval=Interval(low=Decimal(1), high=Decimal(1)),
    )


def _finding(code: str, kind: str, scope: str, *claims: Claim) -> Finding:
    return Finding(
        code=code,
        kind=kind,
        scope=scope,
        severity="warning",
        confidence=0.9,
        message="m",
        claims=claims,
    )


def _gold_as_prediction(story: Story, index: int) -> Finding:
    finding = story.findings[index]
    code = _code_of(story, index)
    claims = [_claim(story, c.doc, c.field, c.text, c.occurrence) for c in finding.claims]
    return _finding(code, finding.kind, finding.scope, *claims)


STORY_WITH_GOLD = next(s for s in STORIES if len(s.findings) >= 2)


def test_scorer_perfect_prediction() -> None:
    story = STORY_WITH_GOLD
    scores = CheckScores()
    score_story(story, [_gold_as_prediction(story, i) for i in range(len(story.findings))], scores)
    assert scores.overall.tp_gold == scores.overall.gold == len(story.findings)
    assert scores.precision == scores.recall == 1.0
    assert not scores.false_positives and not scores.misses


def test_scorer_counts_misses_false_positives_and_kind_mismatch() -> None:
    story = STORY_WITH_GOLD
    first = _gold_as_prediction(story, 0)
    wrong_kind = first.model_copy(update={"kind": "factor", "scope": "within", "code": "FC204"})
    meta = first.model_copy(update={"kind": "meta", "code": "FC301"})
    scores = CheckScores()
    score_story(story, [first, first, wrong_kind, meta], scores)
    assert scores.overall.tp_gold == 1
    assert scores.overall.gold == len(story.findings)
    assert scores.overall.predicted == 3  # meta is not scored
    assert scores.overall.tp_pred == 1  # a duplicate is not a second hit
    assert len(scores.false_positives) == 2
    assert len(scores.misses) == len(story.findings) - 1
    assert "precision" in scores.format()


def test_scorer_update_only_matches_update() -> None:
    story = next(s for s in STORIES if any(f.kind == "update" for f in s.findings))
    index = next(i for i, f in enumerate(story.findings) if f.kind == "update")
    update = _gold_as_prediction(story, index)
    as_contradiction = update.model_copy(update={"code": "FC111", "kind": "contradiction"})
    scores = CheckScores()
    score_story(story, [as_contradiction], scores)
    assert scores.by_kind["update"].tp_gold == 0
    assert scores.by_kind["contradiction"].predicted >= 1
    scores = CheckScores()
    score_story(story, [update.model_copy(update={"kind": "figure-update"})], scores)
    assert scores.by_kind["update"].tp_gold == 1  # FC121 counts as "update" whatever its kind


def test_cross_story_detection() -> None:
    a, b = STORIES[0], STORIES[1]
    mixed = _finding(
        "FC111",
        "contradiction",
        "cross",
        _claim(a, a.documents[0].id, "text", a.documents[0].text.split()[0]),
        _claim(b, b.documents[0].id, "text", b.documents[0].text.split()[0]),
    )
    same = _finding(
        "FC101",
        "contradiction",
        "within",
        _claim(a, a.documents[0].id, "text", a.documents[0].text.split()[0]),
    )
    assert len(cross_story_findings(STORIES, [mixed, same])) == 1


def test_bad_story_file_is_a_clear_error(tmp_path: Path) -> None:
    story = json.loads(Path(STORY_WITH_GOLD.path or "").read_text(encoding="utf-8"))
    story["findings"][0]["claims"][0]["occurrence"] = 99
    bad = tmp_path / f"{story['story']}.json"
    bad.write_text(json.dumps(story), encoding="utf-8")
    with pytest.raises(CorpusError, match="occurrence 99"):
        read_story(bad)
    (tmp_path / "x.json").write_text("[1, 2", encoding="utf-8")
    with pytest.raises(CorpusError, match="x.json"):
        read_story(tmp_path / "x.json")


# --- evaluate_check end to end, with checkers built by hand -------------------------------------


def _oracle(documents: list[Document], config: object) -> Report:
    """Returns exactly the gold findings of the stories the documents belong to (and, with no
    story field, nothing)."""
    findings: list[Finding] = []
    stories = {d.story for d in documents}
    for story in STORIES:
        if story.story in stories:
            findings += [_gold_as_prediction(story, i) for i in range(len(story.findings))]
    return Report(findings=tuple(findings))


def _mixer(documents: list[Document], config: object) -> Report:
    """Pairs the first figure-like word of every two consecutive documents (crosses stories when
    the documents come from all of them)."""
    by_id = {s.global_id(d.id): (s, d.id) for s in STORIES for d in s.documents}
    claims = []
    for doc in documents:
        story, local = by_id[doc.id]
        claims.append(_claim(story, local, "text", doc.text.split()[0]))
    pairs = [
        _finding("FC111", "contradiction", "cross", a, b) for a, b in itertools.pairwise(claims)
    ]
    return Report(findings=tuple(pairs))


def test_evaluate_check_with_a_perfect_checker() -> None:
    scores = evaluate_check(checker=_oracle)
    gold = sum(len(s.findings) for s in STORIES)
    assert scores.overall.gold == scores.overall.predicted == scores.overall.tp_gold == gold
    assert scores.precision == scores.recall == 1.0
    assert scores.cross_story_findings == 0
    assert sum(pr.gold for pr in scores.by_kind.values()) == gold
    assert sum(pr.gold for pr in scores.by_scope.values()) == gold


def test_evaluate_check_counts_cross_story_findings() -> None:
    scores = evaluate_check(checker=_mixer)
    boundaries = len(STORIES) - 1
    assert scores.cross_story_findings == boundaries
    assert scores.precision < 1.0
    assert f"{boundaries} of" in scores.format(details=False)


def test_evaluate_check_on_figcheck_is_consistent() -> None:
    """The real comparator: only the bookkeeping is asserted (the lead ratchets the targets)."""
    scores = evaluate_check()
    assert scores.stories == len(STORIES)
    assert scores.overall.tp_pred <= scores.overall.predicted
    assert scores.overall.tp_gold <= scores.overall.gold
    assert len(scores.false_positives) == scores.overall.predicted - scores.overall.tp_pred
    assert len(scores.misses) == scores.overall.gold - scores.overall.tp_gold
    assert set(scores.trap_hits) <= set(scores.false_positives)


def test_matching_is_maximal() -> None:
    """A prediction matching two gold findings goes where it leaves the other gold matchable."""
    story = next(s for s in STORIES if s.story == "kursk-troops")
    both = _finding(
        "FC111",
        "contradiction",
        "cross",
        _claim(story, "broadcaster", "text", "fewer than 300"),
        _claim(story, "wire", "text", "about 340"),
        _claim(story, "ministry", "text", "340"),
    )
    only_wire = _gold_as_prediction(story, 0)
    scores = CheckScores()
    score_story(story, [both, only_wire], scores)
    assert scores.overall.tp_gold == 2
    assert scores.by_code["FC111"].tp_gold == 2


def test_export_command_writes_jsonl(tmp_path: Path) -> None:
    from figcheck.evaluation.check import main

    out = tmp_path / "all.jsonl"
    assert main(["--export-jsonl", str(out), "--no-story"]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == sum(len(s.documents) for s in STORIES)
    assert "story" not in json.loads(lines[0])
    assert main(["--export-jsonl", str(tmp_path / "missing" / "x.jsonl")]) == 2


# --- the blind-written sets: scored apart from the team's stories -------------------------------


def test_blind_sets_are_scored_separately(tmp_path: Path) -> None:
    src = sorted(default_dir().glob("*.json"))
    base = tmp_path / "check"
    (base / "blind" / "dev").mkdir(parents=True)
    (base / "blind" / "heldout").mkdir(parents=True)
    for p in src[:3]:
        (base / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    for p in src[3:5]:
        (base / "blind" / "dev" / p.name).write_text(p.read_text(encoding="utf-8"),
                                                     encoding="utf-8")
    rows = evaluate_sets(base, checker=_oracle)
    assert [label for label, _ in rows] == ["team", "blind dev", "blind held-out"]
    team, dev, heldout = (sc for _, sc in rows)
    assert team is not None and dev is not None and heldout is None
    assert (team.stories, dev.stories) == (3, 2)
    assert team.overall.gold == sum(len(read_story(p).findings) for p in src[:3])
    assert dev.overall.gold == sum(len(read_story(p).findings) for p in src[3:5])
    table = format_sets(rows)
    assert "blind held-out" in table and "no stories yet" in table
    # the team's set never reads the blind folders
    assert evaluate_check(base, checker=_oracle).stories == 3


def default_dir() -> Path:
    return set_dirs()[0][1]
