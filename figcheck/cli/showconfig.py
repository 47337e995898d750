"""``figcheck show-config``."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import click

from .common import EXIT_CLEAN, fail

EXAMPLES = """\b
Examples:
  figcheck show-config                    # settings for files in the current directory
  figcheck show-config copy/draft.md      # ... as 'figcheck check copy/draft.md' would use
  figcheck show-config --config ci.toml --format json
  figcheck show-config --isolated         # the built-in defaults
"""


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@click.command("show-config", epilog=EXAMPLES, short_help="Merged settings and where each came from.")
@click.argument("path", required=False, default=".", metavar="[PATH]")
@click.option("--config", "config_path", metavar="PATH", help="Read settings from PATH.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.pass_context
def show_config(ctx: click.Context, path: str, config_path: str | None, isolated: bool,
                fmt: str) -> None:
    """Print the merged settings for PATH and where each one came from."""
    from . import configfile

    try:
        resolved = configfile.resolve(configfile.start_dir((path,)), config_path=config_path,
                                      isolated=isolated)
    except configfile.ConfigError as exc:
        fail(str(exc))
    values = resolved.config.model_dump()
    if fmt == "json":
        click.echo(json.dumps({
            "file": str(resolved.file) if resolved.file else None,
            "settings": {k.replace("_", "-"): {"value": _plain(v), "source": resolved.sources[k]}
                         for k, v in values.items()},
        }, indent=2))
        ctx.exit(EXIT_CLEAN)
    from ..formats.visible import visible

    click.echo(f"# configuration file: {visible(str(resolved.file or '(none)'))}")
    for key, value in values.items():
        shown = json.dumps(_plain(value))
        click.echo(f"{key.replace('_', '-'):<18} = {shown:<28} # {visible(resolved.sources[key])}")
    ctx.exit(EXIT_CLEAN)
