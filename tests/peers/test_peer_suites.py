"""figcheck scored case by case against other projects' suites (../shared/peers).

The suites are not part of this repository: they are read from ``../shared/peers`` beside the
clone, or from ``$FIGCHECK_PEERS``.  When they are absent this module skips with that reason, so a
fresh clone's ``pytest`` passes, unless ``FIGCHECK_REQUIRE_PEERS=1`` is set (``.ci/run`` sets it),
in which case their absence is a failure.

Every peer case is a test.  Cases figcheck currently gets wrong are listed in
``known_misses.json`` and run as strict xfails, so a fix shows up as an XPASS to remove from the
list (``python bench/peers.py --update-known-misses``).  Deliberate convention differences are
documented in ``figcheck.evaluation.peers.CONVENTIONS``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from figcheck.evaluation.peers import default_peers_dir, load_cases, run_case

KNOWN_MISSES_FILE = Path(__file__).with_name("known_misses.json")
KNOWN_MISSES: dict[str, str] = (
    json.loads(KNOWN_MISSES_FILE.read_text()) if KNOWN_MISSES_FILE.exists() else {}
)
CASES = load_cases()
PEERS_DIR = default_peers_dir()
REQUIRED = os.environ.get("FIGCHECK_REQUIRE_PEERS") == "1"

if not CASES and not REQUIRED:
    pytest.skip(
        f"no peer suites under {PEERS_DIR} (put them in ../shared/peers or set FIGCHECK_PEERS; "
        "FIGCHECK_REQUIRE_PEERS=1 makes their absence a failure)",
        allow_module_level=True,
    )


def _param(case):
    marks = []
    if case.id in KNOWN_MISSES:
        marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[case.id][:200]))
    return pytest.param(case, id=case.id, marks=marks)


def test_peer_suites_are_present():
    assert CASES, f"FIGCHECK_REQUIRE_PEERS=1 but no peer cases found under {PEERS_DIR}"
    suites = {c.suite for c in CASES}
    assert {"rt-currency", "rt-dimension", "rt-numberrange", "q3-quantities"} <= suites


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_peer_case(case):
    verdict = run_case(case)
    assert verdict.passed, verdict.detail


def test_known_misses_name_real_cases():
    ids = {c.id for c in CASES}
    assert set(KNOWN_MISSES) <= ids
