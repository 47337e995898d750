"""The ``figcheck`` command.

Commands are registered lazily (name -> ``"module:attr"``) so that ``figcheck extract`` imports
only what it needs.  To add a command, add one line to :data:`COMMANDS`.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import sys
import warnings
from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import click

from .. import _build
from .._version import __version__

COMMANDS: Mapping[str, str] = MappingProxyType(
    {
        "extract": "figcheck.cli.extract:extract",
        "check": "figcheck.cli.check:check",
        "schema": "figcheck.cli.schema:schema",
        "rules": "figcheck.cli.rules:rules",
        "eval": "figcheck.cli.evaluate:eval_",
        "show-config": "figcheck.cli.showconfig:show_config",
        # Owned by the batch engineer (figcheck/cli/batch.py):
        "batch": "figcheck.cli.batch:batch",
        "report": "figcheck.cli.batch:report",
    }
)
"""Every command: name -> ``"module:attr"`` of a :class:`click.Command`, imported on first use."""


class LazyGroup(click.Group):
    """A click group whose subcommands are imported only when they are run or listed."""

    def __init__(self, *args: Any, lazy: Mapping[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = lazy

    def _available(self, name: str) -> bool:
        module = self.lazy[name].partition(":")[0]
        try:
            return importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):
            return False

    def list_commands(self, ctx: click.Context) -> list[str]:
        eager = super().list_commands(ctx)
        return sorted(set(eager) | {n for n in self.lazy if self._available(n)})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy:
            module_name, _, attr = self.lazy[cmd_name].partition(":")
            if not self._available(cmd_name):
                raise click.UsageError(
                    f"'figcheck {cmd_name}' is not available in this installation "
                    f"({module_name} is missing)."
                )
            command = getattr(importlib.import_module(module_name), attr)
            if not isinstance(command, click.Command):  # pragma: no cover - wiring error
                raise click.UsageError(f"{self.lazy[cmd_name]} is not a click command")
            return command
        return super().get_command(ctx, cmd_name)


EPILOG = """\b
Examples:
  figcheck check draft.md                 # one line per finding, exit 1 if any
  figcheck check --format sarif -o out.sarif copy/*.md
  figcheck check --select FC1 --fail-on error archive.jsonl
  cat draft.txt | figcheck check - --stdin-filename draft.txt
  figcheck extract --format json story.md # every figure as a typed quantity
  figcheck rules                          # what each finding code means
"""


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    epilog=EPILOG,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(
    __version__, "-V", "--version", prog_name="figcheck",
    message="%(prog)s, version %(version)s" + f" ({_build.describe()})",
)
@click.pass_context
def cli(ctx: click.Context) -> None:
    """figcheck: find figures in news copy that contradict each other.

    Exit codes: 0 nothing at or above the failing severity, 1 findings, 2 usage, config or input
    error.
    """
    ctx.with_resource(one_line_warnings())


@contextlib.contextmanager
def one_line_warnings() -> Iterator[None]:
    """While a command runs, figcheck's own warnings (a broken optional extra, say) print as one
    ``figcheck: warning: ...`` line on stderr, each once; other warnings as Python shows them."""
    with warnings.catch_warnings():
        warnings.filterwarnings("once", module=r"figcheck\.")
        shown = warnings.showwarning

        def show(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                 file: Any = None, line: str | None = None) -> None:
            if category.__module__.startswith("figcheck."):
                click.echo(f"figcheck: warning: {message}", err=True)
            else:
                shown(message, category, filename, lineno, file, line)

        warnings.showwarning = show
        yield


def main(argv: Sequence[str] | None = None) -> int:
    """Console-script entry point; returns the exit code (and exits with it when run as a script)."""
    try:
        rv = cli.main(args=list(argv) if argv is not None else None, prog_name="figcheck",
                      standalone_mode=False)
    except click.exceptions.Exit as exc:
        return _finish(exc.exit_code, argv)
    except click.ClickException as exc:
        exc.show()
        return _finish(2, argv)
    except click.Abort:
        click.echo("Aborted.", err=True)
        return _finish(2, argv)
    except BrokenPipeError:
        return _finish(0, argv)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        return _finish(130, argv)
    code = rv if isinstance(rv, int) else 0
    return _finish(code, argv)


def _finish(code: int, argv: Sequence[str] | None) -> int:
    if argv is None:  # running as the console script
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            pass
        sys.exit(code)
    return code


__all__ = ["COMMANDS", "LazyGroup", "cli", "main"]
