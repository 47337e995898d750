"""The parser's architecture promises: rules as data, light import, work counter."""

from __future__ import annotations

import subprocess
import sys

from figcheck.parser import grammar, work
from figcheck.parser.grammar import Ctx, Registry, Rule
from figcheck.parser.tokenize import tokenize


def test_registries_are_named_rules_in_priority_order() -> None:
    for reg in (grammar.NUMBER_RULES, grammar.FIGURE_RULES, grammar.VETO_RULES):
        prios = [r.priority for r in reg._rules]
        assert prios == sorted(prios, reverse=True)
        assert len(set(reg.names)) == len(reg.names)
    assert {"digits", "words", "slash", "skip_clock"} <= set(grammar.NUMBER_RULES.names)
    assert {"year", "date", "glued", "label", "address"} <= set(grammar.VETO_RULES.names)


def test_a_new_rule_is_added_without_editing_an_if_chain() -> None:
    reg: Registry[str] = Registry((Rule("low", 1, lambda ctx, i: "low"),))

    @reg.register("high", 10)
    def _high(ctx: Ctx, i: int) -> str | None:
        return "high" if ctx.toks[i].text == "x" else None

    ctx = Ctx("x y", tokenize("x y"))
    assert reg.first(ctx, 0) == "high"
    assert reg.first(ctx, 1) == "low"
    assert reg.names == ("high", "low")
    assert ctx.work == 3  # one attempt for "x", two for "y"


def test_work_counter_is_deterministic() -> None:
    text = "More than 10,000 troops and about $3.5bn, between 5 and 7 km."
    assert work(text) == work(text) > 0


def test_import_does_not_load_quantulum3() -> None:
    code = "import sys, figcheck.parser; figcheck.parser.extract('5 km'); print('quantulum3' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_token_kinds_follow_the_pattern_groups() -> None:
    from figcheck.parser import tokenize as tz

    assert tz._TOKEN.groups == len(tz._KINDS) - 1  # no nested capturing group: lastindex is the kind
    for name, index in tz._TOKEN.groupindex.items():
        assert tz._KINDS[index] == name
