"""``figcheck eval``."""

from __future__ import annotations

import click

from .common import EXIT_CLEAN, fail

EXAMPLES = """\b
Examples:
  figcheck eval               # extraction and check scores on the bundled gold corpus
  figcheck eval extract       # precision / recall / F1 for value, unit, bound, subject
  figcheck eval check --corpus corpus/check --brief
"""


@click.command("eval", epilog=EXAMPLES)
@click.argument("which", type=click.Choice(["all", "extract", "check"]), default="all")
@click.option("--corpus", metavar="DIR", help="Gold corpus directory (default: the bundled one).")
@click.option("--brief", is_flag=True, help="Scores only, without the lists of misses.")
@click.pass_context
def eval_(ctx: click.Context, which: str, corpus: str | None, brief: bool) -> None:
    """Score figcheck against its annotated gold corpus."""
    parts = ("extract", "check") if which == "all" else (which,)
    for part in parts:
        try:
            if part == "extract":
                from ..evaluation import evaluate_extract

                text = evaluate_extract(corpus).format(verbose=not brief)
            else:
                from ..evaluation.check import evaluate_check

                text = evaluate_check(corpus).format(details=not brief)
        except ImportError as exc:
            fail(f"'figcheck eval {part}' is not available ({exc})")
        except (OSError, ValueError) as exc:
            fail(f"eval {part}: {exc}")
        if len(parts) > 1:
            click.echo(f"== {part} ==")
        click.echo(text.rstrip("\n"))
        if len(parts) > 1:
            click.echo()
    ctx.exit(EXIT_CLEAN)
