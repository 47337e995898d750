"""``figcheck schema``."""

from __future__ import annotations

import json
from typing import Any

import click

from .common import EXIT_CLEAN

EXAMPLES = """\b
Examples:
  figcheck schema check > figcheck-check.schema.json
  figcheck schema extract | python3 -m json.tool
  figcheck schema            # both, as {"extract": {...}, "check": {...}}
"""

BASE_ID = "https://example.invalid/figcheck/schema"


def schemas() -> dict[str, dict[str, Any]]:
    """JSON Schemas (draft 2020-12) of ``extract --format json`` and ``check --format json``."""
    from ..formats.extract import ExtractOutput
    from ..model import SCHEMA_VERSION, Report

    out = {}
    for name, model in (("extract", ExtractOutput), ("check", Report)):
        body = model.model_json_schema(mode="serialization")
        out[name] = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{BASE_ID}/v{SCHEMA_VERSION}/{name}.json",
            "title": f"figcheck {name} output, schema version {SCHEMA_VERSION}",
            **{k: v for k, v in body.items() if k != "title"},
        }
    return out


@click.command(epilog=EXAMPLES, short_help="JSON Schema of the extract and check output.")
@click.argument("which", type=click.Choice(["all", "extract", "check"]), default="all")
@click.pass_context
def schema(ctx: click.Context, which: str) -> None:
    """Print the JSON Schema of the extract and/or check JSON output (versioned by
    schema_version; fields are only ever added within a version)."""
    result = schemas()
    doc = result if which == "all" else result[which]
    click.echo(json.dumps(doc, indent=2, ensure_ascii=False))
    ctx.exit(EXIT_CLEAN)
