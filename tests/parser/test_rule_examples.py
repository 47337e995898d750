"""Every grammar rule has an example it fires on and one it must not fire on (proselint's meta-test).

A rule added to ``NUMBER_RULES``, ``FIGURE_RULES`` or ``VETO_RULES`` without a line in
``RULE_EXAMPLES`` fails ``test_every_rule_has_examples``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest

from figcheck.parser import extract, grammar
from figcheck.parser.grammar import Registry, Rule

REGISTRIES: dict[str, Registry] = {
    "number": grammar.NUMBER_RULES,
    "figure": grammar.FIGURE_RULES,
    "veto": grammar.VETO_RULES,
}

#: rule name -> (text the rule fires on, text it must not fire on)
RULE_EXAMPLES: dict[str, tuple[str, str]] = {
    # numbers
    "skip_clock": ("The blast happened at 10:30 on Monday.", "The 10 victims were named."),
    "skip_long": ("Reference 1234567890123456789012345 was cited.", "It cost $1,234,567."),
    "skip_ordinal": ("It was the 3rd time this year.", "It happened 3 times this year."),
    "skip_phone": ("Call 0800 123 4567 for help.", "Some 800 people attended."),
    "skip_calibre": ("Police found a .22 rifle and .5% of the ammunition.", "Rates rose .5% on the year."),
    "skip_dotted": ("Install version 1.2.3 today.", "Install 1.2 litres today."),
    "slash": ("Half, or 1/2, of voters agreed.", "Half of voters agreed."),
    "one_in_n": ("One in five adults smoke.", "Five adults smoke."),
    "scientific": ("The electron weighs 9.11\u00d710\u221231 kg.", "The electron weighs 9.11 kg."),
    "digits": ("Officials said 10,000 troops had crossed.", "Ten thousand troops had crossed."),
    "words": ("Ten thousand troops had crossed.", "Officials said 10,000 troops had crossed."),
    # figures
    "age_decade": ("Both victims were in their 70s.", "The 70 victims were named."),
    "number": ("Twelve people were injured.", "Dozens of people were injured."),
    "vague": ("Dozens of people were injured.", "Twelve people were injured."),
    "factor": ("Prices have doubled since March.", "Prices rose 12% since March."),
    # vetoes: what is not a figure
    "year": ("The law was passed in 2023.", "The law took 12 months to pass."),
    "year_range": ("Sales fell between 2019 and 2023.", "Between 20 and 30 people were hurt."),
    "zero_compound": ("Zero-hours contracts are banned.", "Twelve contracts are banned."),
    "decade": ("Crime fell sharply in the 90s.", "Some 90 crimes were recorded."),
    "date": ("The vote is on 12 March.", "Some 12 marchers were held."),
    "glued": ("B-52 bombers flew over the base.", "Some 52 bombers flew over the base."),
    "label": ("The changes are in Table 2.1 on page 9.", "The report runs to 9 pages."),
    "one_of_the_most": ("Maryland passed one of the toughest laws.", "Maryland passed one of the 12 bills."),
    "intensifier": ("He said he was 100 percent sure.", "Turnout reached 100 percent in the village."),
    "address": ("He lived at 27 Harbour Street.", "He employed 27 harbour workers."),
    "leading_zero": ("It took about 05 people.", "It took about 5 people."),
    "number_word_name": ("Crowds visited the Three Gorges Dam.", "Three gorges were dammed."),
}


@contextlib.contextmanager
def tracing() -> Iterator[set[str]]:
    """Record which rules return a match while extracting (rules restored afterwards)."""
    fired: set[str] = set()
    saved = {name: reg._rules for name, reg in REGISTRIES.items()}

    def traced(rule: Rule) -> Rule:
        def fn(ctx, i):
            m = rule.fn(ctx, i)
            if m is not None:
                fired.add(rule.name)
            return m

        return Rule(rule.name, rule.priority, fn)

    try:
        for name, reg in REGISTRIES.items():
            reg._rules = tuple(traced(r) for r in saved[name])
        yield fired
    finally:
        for name, reg in REGISTRIES.items():
            reg._rules = saved[name]


def all_rule_names() -> list[str]:
    return [n for reg in REGISTRIES.values() for n in reg.names]


def test_every_rule_has_examples():
    missing = [n for n in all_rule_names() if n not in RULE_EXAMPLES]
    unknown = [n for n in RULE_EXAMPLES if n not in all_rule_names()]
    assert not missing, f"grammar rules without examples: {missing}"
    assert not unknown, f"examples for rules that do not exist: {unknown}"


@pytest.mark.parametrize("name", sorted(RULE_EXAMPLES))
def test_rule_fires_on_its_example(name):
    with tracing() as fired:
        extract(RULE_EXAMPLES[name][0])
    assert name in fired


@pytest.mark.parametrize("name", sorted(RULE_EXAMPLES))
def test_rule_stays_quiet_on_its_counter_example(name):
    with tracing() as fired:
        extract(RULE_EXAMPLES[name][1])
    assert name not in fired
