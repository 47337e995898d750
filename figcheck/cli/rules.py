"""``figcheck rules``."""

from __future__ import annotations

import json

import click

from .common import EXIT_CLEAN, fail

EXAMPLES = """\b
Examples:
  figcheck rules                 # every code: name, severity, description, example
  figcheck rules FC1             # codes starting FC1
  figcheck rules --format json   # for tools
"""


@click.command(epilog=EXAMPLES)
@click.argument("codes", nargs=-1, metavar="[CODE|PREFIX]...")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.pass_context
def rules(ctx: click.Context, codes: tuple[str, ...], fmt: str) -> None:
    """List the finding codes figcheck can report."""
    from ..compare.rules import RULES, matches

    chosen = [r for r in RULES if not codes or matches(r.code, list(codes))]
    if not chosen:
        fail(f"no finding code matches {', '.join(codes)} (see 'figcheck rules')")
    if fmt == "json":
        click.echo(json.dumps([
            {"code": r.code, "name": r.name, "kind": r.kind, "scope": r.scope,
             "severity": r.severity, "description": r.description, "example": r.example}
            for r in chosen], indent=2, ensure_ascii=False))
        ctx.exit(EXIT_CLEAN)
    for r in chosen:
        click.echo(f"{r.code}  {r.name}  ({r.kind}, {r.scope}, default {r.severity})")
        click.echo(f"    {r.description}")
        click.echo(f"    e.g. {r.example}")
        click.echo()
    ctx.exit(EXIT_CLEAN)
