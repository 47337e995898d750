"""The ``figcheck`` command.

Commands are registered lazily (name -> ``"module:attr"``) so that ``figcheck extract`` imports
only what it needs.  To add a command, add one line to :data:`COMMANDS`.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import importlib.util
import os
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
    """Console-script entry point; returns the exit code (and exits with it when run as a script).

    Every failure is one line on stderr and exit 2 (1 means "findings"): a full disk, a closed
    standard stream, text that cannot be encoded, and -- with the traceback only under
    ``FIGCHECK_DEBUG=1`` -- any bug in figcheck itself."""
    if argv is None:
        _fill_closed_standard_fds()
    try:
        rv = cli.main(args=list(argv) if argv is not None else None, prog_name="figcheck",
                      standalone_mode=False)
    except click.exceptions.Exit as exc:
        return _finish(exc.exit_code, argv)
    except click.ClickException as exc:
        from ..formats.visible import visible

        setattr(exc, "message", visible(exc.message))  # noqa: B010 - typed Final in click's stubs
        exc.show()
        return _finish(2, argv)
    except click.Abort:
        click.echo("Aborted.", err=True)
        return _finish(2, argv)
    except BrokenPipeError:
        _silence_stdout()
        return _finish(0, argv)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        return _finish(130, argv)
    except Exception as exc:  # noqa: BLE001 - never a traceback (or exit 1) for the user
        if os.environ.get("FIGCHECK_DEBUG"):
            raise
        _error(describe_failure(exc))
        return _finish(2, argv)
    code = rv if isinstance(rv, int) else 0
    return _finish(code, argv)


def describe_failure(exc: BaseException) -> str:
    """One line for an exception that reached the top of the command."""
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG) and not where:
            return f"cannot write the output ({exc.strerror})"
        reason = exc.strerror or str(exc) or type(exc).__name__
        return f"{where}{reason}"
    if isinstance(exc, UnicodeEncodeError):
        bad = exc.object[exc.start:exc.end] if isinstance(exc.object, str) else ""
        shown = bad.encode("unicode_escape", "backslashreplace").decode("ascii")
        return (f"cannot write the output: the input holds text that {exc.encoding} cannot "
                f"encode ({shown or exc.reason}, e.g. a lone surrogate in a JSON record)")
    if isinstance(exc, RecursionError):
        return "input nested too deeply to process"
    if isinstance(exc, MemoryError):
        return "out of memory"
    text = " ".join(str(exc).split())
    return (f"internal error: {type(exc).__name__}: {text} "
            "(please report it; FIGCHECK_DEBUG=1 shows the traceback)")


def _error(message: str) -> None:
    from ..formats.visible import visible

    with contextlib.suppress(Exception):
        click.echo(f"figcheck: error: {visible(message)}", err=True)


def _fill_closed_standard_fds() -> None:
    """A process started with fd 0, 1 or 2 closed (``<&-``, ``>&-``) would hand that number to
    the next file it opens (an output file, the database), where a stray write or a child
    process would land.  Park ``/dev/null`` there; ``sys.stdin``/``sys.stdout`` stay ``None``,
    so a command that needs the stream says it is closed."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            with contextlib.suppress(OSError):
                new = os.open(os.devnull, os.O_RDONLY if fd == 0 else os.O_WRONLY)
                if new != fd:
                    os.dup2(new, fd)
                    os.close(new)


def _silence_stdout() -> None:
    """Point fd 1 at /dev/null, so that the interpreter's own flush at exit cannot fail again
    (and print "Exception ignored ...") after the failure was reported."""
    with contextlib.suppress(Exception):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def _finish(code: int, argv: Sequence[str] | None) -> int:
    if argv is None:  # running as the console script
        if sys.stdout is not None:
            try:
                sys.stdout.flush()
            except BrokenPipeError:
                _silence_stdout()
            except ValueError:  # closed after a failed write, which was reported
                pass
            except OSError as exc:  # e.g. ENOSPC on the last buffered block (>/dev/full)
                _silence_stdout()
                _error(describe_failure(exc))
                code = 2
        sys.exit(code)
    return code


__all__ = ["COMMANDS", "LazyGroup", "cli", "main"]
