"""``figcheck batch`` and ``figcheck report``: archive-scale runs on a SQLite file."""

from __future__ import annotations

import os
import signal
import sqlite3
import sys
import time
from typing import IO, Any

import click

from .common import EXIT_ERROR, fail

BATCH_EPILOG = """\b
Examples:
  figcheck batch archive.jsonl.gz --db figcheck.db          # all cores, resumable
  figcheck batch 2023/ 2024/*.jsonl.zst --db figcheck.db --jobs 4
  figcheck batch archive.jsonl --db figcheck.db --engine dask --scheduler tcp://10.0.0.5:8786
  figcheck batch archive.jsonl --db figcheck.db --preview   # preview rules' findings too
  figcheck check draft.md --against figcheck.db              # a draft vs. everything published
  figcheck report --db figcheck.db --format html -o report.html
\b
Stopping the job (Ctrl-C, kill, power loss) loses nothing: run the same command again and it
continues where it stopped.  Bad records are stored in the database's errors table and summarised
at the end; they never stop the run.  Exit codes: 0 done, 2 usage or input error, 130 interrupted (Ctrl-C),
143 terminated (SIGTERM).
"""


def _fmt_duration(seconds: float) -> str:
    seconds = int(seconds)
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f"{h}h{m:02d}m" if h else (f"{m}m{s:02d}s" if m else f"{s}s")


class ProgressView:
    """A live bar on a terminal (documents done, rate, ETA), a plain log line every
    ``interval`` seconds otherwise."""

    def __init__(self, stream: IO[str], *, tty: bool, interval: float = 10.0) -> None:
        self.stream = stream
        self.tty = tty
        self.interval = interval if not tty else 0.2
        self.stage = ""
        self.start = time.monotonic()
        self.last = 0.0
        self.shown = False

    def line(self, stage: str, done: int, total: int | None) -> str:
        elapsed = max(time.monotonic() - self.start, 1e-9)
        rate = done / elapsed
        unit = "docs" if stage == "documents" else "stories"
        if total:
            frac = min(done / total, 1.0)
            eta = _fmt_duration((total - done) / rate) if rate > 0 and done < total else "-"
            bar = ""
            if self.tty:
                filled = int(frac * 24)
                bar = "[" + "#" * filled + "." * (24 - filled) + "] "
            return (f"{stage}: {bar}{done:,}/{total:,} ({frac:.0%}) "
                    f"{rate:,.0f} {unit}/s  ETA {eta}")
        return f"{stage}: {done:,} {rate:,.0f} {unit}/s"

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        now = time.monotonic()
        if stage != self.stage:
            self.end()
            self.stage, self.start, self.last = stage, now, 0.0
        final = total is not None and done >= total
        if now - self.last < self.interval and not final and done:
            return
        self.last = now
        text = self.line(stage, done, total)
        if self.tty:
            self.stream.write("\r\x1b[K" + text)
            self.shown = True
        elif done or total == 0:
            self.stream.write(text + "\n")
        self.stream.flush()

    def end(self) -> None:
        if self.tty and self.shown:
            self.stream.write("\n")
            self.stream.flush()
            self.shown = False


class _Terminated(KeyboardInterrupt):
    pass


def _on_sigterm(signum: int, frame: Any) -> None:
    raise _Terminated()


def _refuse_special(path: str) -> None:
    """A batch run re-reads its inputs to resume, so it takes only regular files and folders: a
    FIFO, a device (``/dev/zero``) or a socket is refused in one line before anything starts."""
    import stat

    mode = os.stat(path).st_mode
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return
    what = ("a FIFO" if stat.S_ISFIFO(mode) else "a character device" if stat.S_ISCHR(mode)
            else "a block device" if stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "not a regular file")
    fail(f"{path}: is {what}; 'figcheck batch' reads regular files and folders (it reads them "
         "again to resume); copy it to a file first, or use 'figcheck check'")


def _config(config_path: str | None, isolated: bool, stories: str | None,
            start: tuple[str, ...], preview: bool | None = None) -> tuple[Any, tuple[str, ...]]:
    """The run's settings (those of the folder all inputs share) and the inputs with folders
    walked and the ``exclude``/``extend-exclude`` patterns of each file's settings applied."""
    from ..batch.sources import expand
    from . import configfile

    overrides: dict[str, tuple[Any, str]] = {}
    try:
        if stories:
            overrides["stories"] = (configfile.normalise({"stories": stories}, "--stories")["stories"],
                                    "--stories")
        if preview is not None:
            overrides["preview"] = (preview, "--preview" if preview else "--no-preview")
        settings = configfile.PerFile(config_path=config_path, isolated=isolated, overrides=overrides)
        files: list[str] = []
        for p in start:
            if not os.path.isdir(p):
                files.append(p)  # named on the command line: always read
                continue
            for f in expand([p]):
                rel = os.path.relpath(f, p).split(os.sep)
                walked = [os.path.join(p, *rel[:i + 1]) for i in range(len(rel))]
                if any(settings.excluded(w) for w in walked):
                    continue
                if not os.path.isfile(f):  # a FIFO or device inside a folder: never waited for
                    from ..formats.visible import visible

                    click.echo(f"figcheck: note: {visible(f)}: not a regular file; skipped",
                               err=True)
                    continue
                files.append(f)
        return settings.for_run(start).config, tuple(files)
    except configfile.ConfigError as exc:
        fail(str(exc))


@click.command(epilog=BATCH_EPILOG)
@click.argument("paths", nargs=-1, required=True, metavar="ARCHIVE...")
@click.option("--db", "db_path", required=True, metavar="PATH",
              help="The SQLite database to create or continue (e.g. figcheck.db).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes, for the local engine or the dask engine's own LocalCluster [all cores].")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where documents are processed.")
@click.option("--scheduler", metavar="tcp://HOST:8786",
              help="Dask scheduler to use with --engine dask [a LocalCluster on this machine].")
@click.option("--stories", type=click.Choice(["auto", "field", "none", "one"]), default=None,
              help="How documents are grouped for cross-source checks: auto, field (only their "
              "'story'), one (everything is one story; also 'none') [auto].")
@click.option("--preview/--no-preview", default=None,
              help="Also store the findings of preview rules, not yet shown to pay on real text "
              "(see 'figcheck rules') [off].")
@click.option("--config", "config_path", metavar="PATH", help="Read settings from PATH.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("--quiet", "-q", is_flag=True, help="No progress, only the final summary.")
@click.option("--toolkit", hidden=True, default=None,
              help="module:attr of an alternative figcheck.batch.toolkit.Toolkit (testing).")
def batch(paths: tuple[str, ...], db_path: str, jobs: int | None, engine: str,
          scheduler: str | None, stories: str | None, preview: bool | None,
          config_path: str | None, isolated: bool, quiet: bool, toolkit: str | None) -> None:
    """Check whole archives (JSONL, .gz, .zst, folders of .txt/.md/.html) into a SQLite file:
    every figure, every within-article finding, and cross-source findings by story."""
    from ..batch import DatabaseError, EngineError, run_batch
    from ..batch.toolkit import DEFAULT

    if scheduler and engine != "dask":
        fail("--scheduler needs --engine dask")
    for p in paths:
        if p == "-":
            fail("'figcheck batch' reads files and folders, not standard input")
        if not os.path.exists(p):
            fail(f"{p}: no such file or directory")
        _refuse_special(p)
    config, files = _config(config_path, isolated, stories, paths, preview)
    if not quiet:
        from .check import warn_inert_selection

        warn_inert_selection([config])
    err = sys.stderr
    view = None if quiet or err is None else ProgressView(err, tty=err.isatty())
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        stats = run_batch(list(files), db_path, config, jobs=jobs, engine=engine,  # type: ignore[arg-type]
                          scheduler=scheduler, progress=view, toolkit=toolkit or DEFAULT)
    except KeyboardInterrupt as exc:
        if view is not None:
            view.end()
        click.echo(f"figcheck: interrupted; everything committed so far is in {db_path!r}. "
                   "Run the same command again to continue.", err=True)
        sys.exit(143 if isinstance(exc, _Terminated) else 130)
    except (DatabaseError, EngineError) as exc:
        fail(str(exc))
    except sqlite3.Error as exc:  # disk full, database locked by another run ...
        fail(f"{db_path}: {exc}; everything committed so far is kept, rerun to continue")
    except ImportError as exc:
        hint = "; the dask engine needs pip install 'figcheck[dask]'" if engine == "dask" else ""
        fail(f"cannot run: a component is missing ({exc}){hint}")
    finally:
        signal.signal(signal.SIGTERM, previous)
    if view is not None:
        view.end()
    rate = stats.documents / stats.elapsed if stats.elapsed > 0 else 0.0
    out = sys.stdout
    if out is None:  # started with stdout closed (>&-): the summary has nowhere to go
        return
    from ..formats.visible import visible

    out.write(
        f"{visible(db_path)}: {stats.documents:,} documents processed"
        + (f" ({stats.resumed_from:,} items were already done)" if stats.resumed_from else "")
        + f", {stats.quantities:,} figures, {stats.within_findings:,} within-article and "
        f"{stats.cross_findings:,} cross-source findings ({stats.stories:,} stories compared), "
        f"{stats.errors:,} bad records; {stats.elapsed:.1f}s, {rate:,.0f} docs/s\n"
        f"database totals: {stats.total_documents:,} documents, {stats.total_findings:,} findings, "
        f"{stats.total_errors:,} bad records\n"
    )
    if stats.error_summary:
        out.write("bad records by message, with where the first ones are (all of them are in "
                  "the database's errors table):\n")
        for message, n in stats.error_summary:
            where = stats.error_examples.get(message, ())
            more = n - len(where)
            places = ", ".join(where) + (f" and {more:,} more" if more > 0 and where else "")
            out.write(f"  {n:>8,}  {visible(message)}"
                      + (f"  at {visible(places)}" if places else "") + "\n")


REPORT_EPILOG = """\b
Examples:
  figcheck report --db figcheck.db                      # findings by source, desk, code, month
  figcheck report --db figcheck.db --format jsonl > findings.jsonl
  figcheck report --db figcheck.db --format html -o report.html
"""


@click.command(epilog=REPORT_EPILOG)
@click.option("--db", "db_path", required=True, metavar="PATH", help="A 'figcheck batch' database.")
@click.option("--format", "fmt", type=click.Choice(["text", "html", "jsonl"]), default="text",
              show_default=True)
@click.option("-o", "--output-file", metavar="PATH", help="Write here instead of standard output.")
def report(db_path: str, fmt: str, output_file: str | None) -> None:
    """Summarise a batch database's findings by source, desk, code and month, or export them."""
    from ..batch import DatabaseError
    from ..batch import report as rep
    from .common import output_stream

    try:
        with output_stream(output_file) as stream:
            if fmt == "jsonl":
                for line in rep.finding_lines(db_path):
                    stream.write(line)
            elif fmt == "html":
                stream.write(rep.html(db_path))
            else:
                stream.write(rep.text(db_path))
    except DatabaseError as exc:
        fail(str(exc))
    except sqlite3.Error as exc:  # a damaged page found while reading
        fail(f"{db_path}: cannot read the database ({exc})")
    except ImportError as exc:
        click.echo(f"figcheck: error: the HTML report is not available ({exc})", err=True)
        raise click.exceptions.Exit(EXIT_ERROR) from None
