"""Control characters from the input (terminal escapes, BEL, DEL, C1, bidi overrides) are shown
as escapes in every human-readable output, and kept exactly in JSON and SARIF."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from figcheck.formats.visible import visible, visible_lines

from .helpers import run

EVIL = "\x1b]0;pwned\x07\x1b[31mEVIL\x9b2J\x7f\u202egnp.exe\u2066"
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
                    "\u2066-\u2069]")


def _records(source: str) -> str:
    recs = [
        {"id": "wire", "story": "ferry", "source": source, "published": "2025-03-10",
         "title": f"Ferry {source}",
         "text": "There were 148 passengers on board the ferry that sank off Crete on Monday. "
                 "It rose from 40 to 50, a 40% rise."},
        {"id": "local", "story": "ferry", "source": "Metro Daily", "published": "2025-03-10",
         "text": "There were 150 passengers on board the ferry that sank off Crete on Monday."},
    ]
    return "".join(json.dumps(r) + "\n" for r in recs)


@pytest.mark.parametrize("raw", ["\x1b", "\x07", "\x00", "\r", "\n", "\t", "\x7f", "\x85", "\x9b",
                                 "\u202e", "\u202a", "\u2066", "\u2069", "\u200f", "\u061c",
                                 "\u2028", "\ud800"])
def test_each_control_character_becomes_a_visible_escape(raw: str) -> None:
    shown = visible(f"a{raw}b")
    assert shown.startswith("a\\") and shown.endswith("b")
    assert shown.isprintable() and shown.isascii()


def test_ordinary_text_is_untouched() -> None:
    for text in ("12,000 troops – “about” 5% ↑ £3bn €4 ¥5 Zürich 東京 ١٢٣", ""):
        assert visible(text) == text
    assert visible_lines("a\nb\x1b") == "a\nb\\x1b"


@pytest.mark.parametrize("args", [
    ["check", "{arch}"],
    ["check", "{arch}", "--no-color"],
    ["check", "{arch}", "-f", "github"],
    ["check", "{arch}", "--statistics"],
    ["extract", "{arch}"],
    ["check", "{evil_md}"],
    ["check", "{evil_md}", "-f", "github"],
    ["extract", "{evil_md}"],
    ["check", "{draft}", "--against", "{db}"],
    ["check", "{draft}", "--against", "{db}", "-f", "github"],
    ["report", "--db", "{db}"],
    ["check", "{missing}"],
    ["show-config", "{evil_dir_md}"],
], ids=["text", "text-no-color", "github", "statistics", "extract", "file-name-text",
        "file-name-github", "file-name-extract", "against-text", "against-github", "report",
        "error-message", "show-config"])
def test_human_readable_outputs_show_no_control_characters(tmp_path: Path,
                                                           args: list[str]) -> None:
    arch = tmp_path / "arch.jsonl"
    arch.write_text(_records(EVIL), encoding="utf-8")
    evil_md = tmp_path / f"draft{EVIL}.md"
    # a finding of a stable code (FC205), so the file name is printed without --preview
    evil_md.write_text("# Rising\n\nThe trail runs 5 miles (12 km) along the coast.\n",
                       encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("There were 160 passengers on board the ferry that sank off Crete on "
                     "Monday.\n", encoding="utf-8")
    db = tmp_path / "a.db"
    if "{db}" in args:
        assert run("batch", str(arch), "--db", str(db), "-q", "-j", "1").returncode == 0
    evil_dir = tmp_path / f"desk{EVIL}"
    evil_dir.mkdir()
    (evil_dir / "figcheck.toml").write_text("tolerance = 0.2\n", encoding="utf-8")
    names = {"arch": arch, "evil_md": evil_md, "draft": draft, "db": db,
             "evil_dir_md": evil_dir / "x.md",
             "missing": tmp_path / f"gone{EVIL}.md"}
    r = run(*[a.format(**names) for a in args], timeout=180)
    assert r.returncode in (0, 1, 2), r.stderr
    assert r.stdout.strip() or r.stderr.strip()
    for stream in (r.stdout, r.stderr):
        assert not UNSAFE.search(stream), repr(stream)
    shown = r.stdout + r.stderr
    if {"report", "--against", "{missing}", "{evil_md}", "show-config"} & set(args):
        assert "\\x1b]0;pwned\\x07" in shown, shown  # the text is there, as escapes


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif"])
def test_machine_formats_keep_the_exact_text_and_stay_valid(tmp_path: Path, fmt: str) -> None:
    arch = tmp_path / "arch.jsonl"
    arch.write_text(_records(EVIL), encoding="utf-8")
    r = run("check", str(arch), "-f", fmt)
    assert r.returncode == 1, r.stderr
    if fmt == "jsonl":
        parsed = [json.loads(line) for line in r.stdout.splitlines()]
    else:
        parsed = [json.loads(r.stdout)]
    assert EVIL in set(_strings(parsed))  # the exact source, nothing lost
    assert not UNSAFE.search(r.stdout.replace("\n", ""))  # written as JSON escapes


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
