"""The one vocabulary (figcheck/data/vocabulary.toml), proselint's pattern: every entry carries at
least one passing and one failing example, and each holds through the parser: in a passing
sentence the first figure's frame has the entry's value in its slot, in a failing one it does
not (for the subject finder's tables, its subject's event or modality; for the comparator's
classes, the comparator reads the figure as one of the class)."""

from __future__ import annotations

import pytest

from figcheck import extract
from figcheck.vocabulary import TABLES, vocabulary

ENTRIES = vocabulary().entries


def _first(sentence: str):  # noqa: ANN202
    qs = [q for q in extract(sentence) if q.kind == "figure"]
    assert qs, f"no figure in {sentence!r}"
    return qs[-1] if "Of the" in sentence else qs[0]


def _in_class(name: str, q) -> bool:  # noqa: ANN001
    """The comparator's own reading of the class (its constants are the vocabulary's words)."""
    from figcheck.compare import contradict, decide

    if name == "cumulative":
        return contradict.is_cumulative(q)
    if name == "generic":
        return contradict._measure(q) in contradict.GENERIC_MEASURES
    if name == "time_varying":
        return (decide._measure(q.frame.measure) or "") in decide.TIME_VARYING
    raise AssertionError(f"class {name!r}: say here how the comparator reads it")


def _value(slot: str, sentence: str) -> object:
    q = _first(sentence)
    f = q.frame
    if slot == "subject_event":
        return q.subject.event
    if slot == "subject_head":
        return q.subject.head
    if slot == "subject_verb":
        return (q.subject.event, q.subject.head)
    if slot == "modality":
        return q.subject.modality
    return {"event": f.event, "measure": f.measure, "aggregation": f.aggregation,
            "stance": f.stance, "discourse": f.discourse,
            "qualifier": tuple((f.measure or "").split()[:-1])}[slot]


def _has(slot: str, name: str, sentence: str) -> bool:
    if slot == "class":
        return _in_class(name, _first(sentence))
    if slot == "subject_verb":  # level and neutral verbs give no event; a human object, people
        q = _first(sentence)
        return q.subject.head == "person" if name == "human_object" else q.subject.event is None
    got = _value(slot, sentence)
    if slot == "qualifier":
        # the measure carries a narrowing word of the entry (in "not_narrowing": the measure has
        # a word of the entry in the subject, but not in the measure)
        words = set(vocabulary().words("qualifier", name))
        if name == "not_narrowing":
            qs = [q for q in extract(sentence) if q.kind == "figure"]
            said = set((qs[0].subject.text or "").lower().split())
            return bool(words & said) and not words & set(got)  # type: ignore[arg-type]
        return bool(words & set(got))  # type: ignore[arg-type]
    return name in got if slot == "discourse" else got == name  # type: ignore[operator]


def test_every_slot_has_entries():
    assert {e.slot for e in ENTRIES} == set(TABLES)


def test_entry_names_are_frame_values():
    from typing import get_args

    from figcheck.model import Aggregation, Stance

    assert {e.name for e in vocabulary().of("aggregation")} <= set(get_args(Aggregation))
    assert {e.name for e in vocabulary().of("stance")} <= set(get_args(Stance))


@pytest.mark.parametrize("entry", ENTRIES, ids=[f"{e.slot}.{e.name}" for e in ENTRIES])
def test_entry_has_examples(entry):
    assert entry.passing, "no passing example"
    assert entry.failing, "no failing example"


@pytest.mark.parametrize(
    "slot, name, sentence",
    [pytest.param(e.slot, e.name, s, marks=[pytest.mark.xfail(strict=True, reason=e.xfail)]
                  if e.xfail else []) for e in ENTRIES for s in e.passing],
    ids=[f"{e.slot}.{e.name}:{i}" for e in ENTRIES for i in range(len(e.passing))])
def test_passing_example(slot, name, sentence):
    assert _has(slot, name, sentence), _value(slot, sentence)


@pytest.mark.parametrize(
    "slot, name, sentence",
    [(e.slot, e.name, s) for e in ENTRIES for s in e.failing],
    ids=[f"{e.slot}.{e.name}:{i}" for e in ENTRIES for i in range(len(e.failing))])
def test_failing_example(slot, name, sentence):
    assert not _has(slot, name, sentence), _value(slot, sentence)


def test_words_are_lower_case_and_unique_per_slot():
    for slot, key in (("event", "words"), ("measure", "words"), ("subject_event", "lemmas"),
                      ("subject_event", "people"), ("subject_event", "nouns"),
                      ("subject_event", "change_nouns"), ("subject_head", "compounds"),
                      ("modality", "words")):
        seen: dict[str, str] = {}
        for e in vocabulary().of(slot):
            for w in e.words_of(key):
                assert w == w.lower(), (e.name, w)
                assert seen.setdefault(w, e.name) == e.name, (slot, w, seen[w], e.name)


def test_compact_form_is_fresh():
    """figcheck/data/vocabulary.json (read at start-up instead of parsing the TOML) was made from
    the TOML as it is."""
    from figcheck import vocabulary as v

    assert v.main(["--check"]) == 0, "vocabulary.json is stale: run python -m figcheck.vocabulary"


def test_a_stale_compact_form_is_ignored(monkeypatch):
    import tomllib

    from figcheck import vocabulary as v

    edited = v._source() + b'\n[class.extra]\nwords = ["x"]\npass = ["a"]\nfail = ["b"]\n'
    monkeypatch.setattr(v, "_source", lambda: edited)
    got = v.load()
    assert got == tomllib.loads(edited.decode("utf-8"))
    assert got["class"]["extra"]["words"] == ["x"]
