"""``figcheck rules``."""

from __future__ import annotations

import json

import click

from .common import EXIT_CLEAN, fail

EXAMPLES = """\b
Examples:
  figcheck rules                 # every code: name, status, severity, description, example
  figcheck rules FC1             # codes starting FC1
  figcheck rules --status preview  # the preview rules, and the evidence they still lack
  figcheck rules --format json   # for tools
\b
Status: stable codes are reported by default; preview codes (not yet shown to pay on real text)
only with 'figcheck check --preview' or 'preview = true' in the configuration file.  A code
graduates when the real-text harness shows it pays; 'evidence' gives its numbers.
"""


@click.command(epilog=EXAMPLES)
@click.argument("codes", nargs=-1, metavar="[CODE|PREFIX]...")
@click.option("--status", type=click.Choice(["stable", "preview"]), default=None,
              help="Only the codes with this status [both].")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.pass_context
def rules(ctx: click.Context, codes: tuple[str, ...], status: str | None, fmt: str) -> None:
    """List the finding codes figcheck can report, with each one's status and evidence."""
    from ..compare.rules import RULES, matches

    chosen = [r for r in RULES if (not codes or matches(r.code, list(codes)))
              and (status is None or r.status == status)]
    if not chosen:
        what = f"{', '.join(codes)}" if codes else "any code"
        fail(f"no finding code matches {what}"
             + (f" with status {status}" if status else "") + " (see 'figcheck rules')")
    if fmt == "json":
        click.echo(json.dumps([
            {"code": r.code, "name": r.name, "kind": r.kind, "scope": r.scope,
             "severity": r.severity, "status": r.status, "description": r.description,
             "example": r.example, "evidence": r.evidence}
            for r in chosen], indent=2, ensure_ascii=False))
        ctx.exit(EXIT_CLEAN)
    for r in chosen:
        click.echo(f"{r.code}  {r.name}  ({r.kind}, {r.scope}, default {r.severity}, {r.status})")
        click.echo(f"    {r.description}")
        click.echo(f"    e.g. {r.example}")
        click.echo(f"    evidence: {r.evidence}")
        click.echo()
    ctx.exit(EXIT_CLEAN)
