"""``figcheck check``."""

from __future__ import annotations

from collections import Counter
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import click

from .common import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    fail,
    input_options,
    internal_error,
    output_stream,
    read_each,
    use_colour,
)

if TYPE_CHECKING:
    import datetime as _dt

    from ..config import Config
    from .configfile import PerFile
    from ..inputs import Source
    from ..model import ArchiveMatch, CheckRun, Document, Finding
    from ..suppress import Directive

EXAMPLES = """\b
Examples:
  figcheck check draft.md                        # path:line:col: FC101 message ["12" vs "15"]
  figcheck check --format json wire.md local.md  # compare two sources of one story
  figcheck check --select FC1 --ignore FC121 archive.jsonl
  figcheck check --fail-on error draft.md        # exit 1 only for errors (headline conflicts)
  figcheck check --severity FC201=error draft.md # per-rule severity override
  figcheck check --preview draft.md              # preview rules too (see 'figcheck rules')
  figcheck check --format sarif -o figcheck.sarif copy/
  figcheck check --format github copy/*.md       # annotations in a GitHub Actions log
  figcheck check --format html -o report.html story/*.md
  figcheck check draft.md --against figcheck.db  # vs. everything published on the story
  pbpaste | figcheck check - --stdin-filename draft.md
\b
Preview rules (not yet shown to pay on real text) run only with --preview or 'preview = true';
their findings are marked "(preview)".  'figcheck rules' gives each code's status and evidence.
\b
Silence one finding in the copy itself with <!-- figcheck: ignore[FC101] --> above the
paragraph (see 'figcheck rules' for codes).  Settings come from [tool.figcheck] in pyproject.toml
or figcheck.toml (see 'figcheck show-config').
\b
Exit codes: 0 nothing at or above --fail-on (default: warning), 1 findings, 2 usage, config or
input error.
"""

SEVERITY_RANK = MappingProxyType({"info": 0, "warning": 1, "error": 2})


def _format_names() -> list[str]:
    from ..formats import names

    return names()


def _parse_severity(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in values:
        code, sep, sev = item.partition("=")
        if not sep or sev.strip().lower() not in SEVERITY_RANK:
            raise click.BadParameter(f"{item!r}: expected CODE=error|warning|info",
                                     param_hint="'--severity'")
        out[code.strip().upper()] = sev.strip().lower()
    return out


def _split_codes(values: tuple[str, ...]) -> list[str]:
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


def compute(docs: list[Document], config: Config) -> CheckRun:
    """Run the parser and comparator on ``docs`` (:func:`figcheck.compare.run`)."""
    from ..compare import run

    return run(docs, config=config)


def postprocess(findings: list[Finding], config: Config) -> list[Finding]:
    """Apply preview, select/ignore, per-rule severity and min-confidence (idempotent)."""
    from ..compare.rules import mark, matches

    out = []
    for f in findings:
        f = mark(f)
        if f.preview and not config.preview:
            continue
        if config.select and not matches(f.code, list(config.select)):
            continue
        if config.ignore and matches(f.code, list(config.ignore)):
            continue
        if f.confidence < config.min_confidence:
            continue
        sev = config.severity.get(f.code)
        out.append(f if sev is None or sev == f.severity else f.model_copy(update={"severity": sev}))
    return out


def _order(findings: list[Finding], docs: list[Document]) -> list[Finding]:
    rank = {d.id: i for i, d in enumerate(docs)}

    def key(f: Finding) -> tuple[Any, ...]:
        c = f.claims[0] if f.claims else None
        if c is None:
            return (len(rank), 0, 0, f.code)
        return (rank.get(c.doc, len(rank)), 0 if c.field == "title" else 1, c.start, f.code)

    return sorted(findings, key=key)


def statistics_table(findings: list[Finding]) -> str:
    from ..compare.rules import BY_CODE

    counts = Counter(f.code for f in findings)
    lines = []
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = BY_CODE.get(code)
        name = f"{rule.name}{' (preview)' if rule.preview else ''}" if rule else ""
        lines.append(f"{n:>5}  {code}  {name}".rstrip())
    return "\n".join(lines) + ("\n" if lines else "")


def summary(findings: list[Finding], n_docs: int) -> str:
    if not findings:
        return f"No findings in {n_docs} document{'s' if n_docs != 1 else ''}."
    by = Counter(f.severity for f in findings)
    parts = [f"{by[s]} {s}{'s' if by[s] != 1 and s != 'info' else ''}"
             for s in ("error", "warning", "info") if by[s]]
    n = len(findings)
    return (f"Found {n} finding{'s' if n != 1 else ''} ({', '.join(parts)}) in {n_docs} "
            f"document{'s' if n_docs != 1 else ''}.")


@click.command(epilog=EXAMPLES, short_help="Flag figures that contradict each other.")
@input_options
@click.option("-f", "--format", "fmt", default="text", show_default=True, metavar="FORMAT",
              help="text, json, jsonl, github, sarif or html (and any registered format).")
@click.option("-o", "--output-file", metavar="PATH", help="Write to PATH instead of stdout.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary or notes.")
@click.option("--statistics", is_flag=True,
              help="Count findings per code (replaces the finding lines in text format).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit code 1 [default: warning].")
@click.option("--select", multiple=True, metavar="CODES",
              help="Report only these codes or prefixes (FC1,FC201).  Repeatable.")
@click.option("--ignore", multiple=True, metavar="CODES",
              help="Never report these codes or prefixes.  Repeatable.")
@click.option("--severity", "severity", multiple=True, metavar="CODE=LEVEL",
              help="Override a rule's severity, e.g. FC201=error.  Repeatable.")
@click.option("--preview/--no-preview", default=None,
              help="Also report preview rules, not yet shown to pay on real text (their findings "
              "are marked '(preview)'; see 'figcheck rules') [off].")
@click.option("--tolerance", type=float, default=None,
              help="Widening of approximate figures ('about 5,000'), as a fraction [0.1].")
@click.option("--stories", type=click.Choice(["auto", "field", "none", "one"]), default=None,
              help="How documents are grouped into stories for cross-source checks: auto, field "
              "(only their 'story'), one (all given files are one story; also 'none') [auto].")
@click.option("--story", "story", metavar="ID",
              help="The story of a draft that gives none (front matter 'story:', a record's 'story').")
@click.option("--published", "published", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              metavar="YYYY-MM-DD", help="The publication date of a draft that gives none.")
@click.option("--against", "against", metavar="DB",
              help="Also compare with the claims in a 'figcheck batch' database.")
@click.option("--config", "config_path", metavar="PATH",
              help="Read settings from PATH instead of discovering a config file.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("--no-color", is_flag=True, help="Never colour the output (as NO_COLOR=1).")
@click.pass_context
def check(ctx: click.Context, paths: tuple[str, ...], stdin_filename: str | None, fmt: str,
          output_file: str | None, quiet: bool, statistics: bool, exit_zero: bool,
          fail_on: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
          severity: tuple[str, ...], preview: bool | None, tolerance: float | None,
          stories: str | None, story: str | None, published: _dt.datetime | None,
          against: str | None, config_path: str | None, isolated: bool, no_color: bool) -> None:
    """Flag figures that contradict each other within each document and between documents."""
    from ..model import CheckRun, Report

    formats = _format_names()
    if fmt not in formats:
        raise click.BadParameter(f"{fmt!r} is not one of {', '.join(formats)}",
                                 param_hint="'--format'")
    given: list[tuple[str, Any, str]] = [
        (key, value, label) for key, value, label in (
            ("select", _split_codes(select), "--select"),
            ("ignore", _split_codes(ignore), "--ignore"),
            ("severity", _parse_severity(severity), "--severity"),
            ("fail_on", fail_on, "--fail-on"),
            ("tolerance", None if tolerance is None else str(tolerance), "--tolerance"),
            ("stories", stories, "--stories"),
        ) if value
    ]
    if preview is not None:
        given.append(("preview", preview, "--preview" if preview else "--no-preview"))
    from .configfile import ConfigError

    settings = _settings(given, config_path, isolated)
    try:
        inputs = read_each(paths, stdin_filename, excluded=settings.excluded)
        configs = {doc_id: settings.for_path(path).config for doc_id, path in inputs.paths.items()}
        config = settings.for_run(sorted(set(inputs.paths.values())) or list(paths)).config
    except ConfigError as exc:
        fail(str(exc))
    inputs.show(quiet)
    if not quiet:
        warn_inert_selection([config, *configs.values()])
    if not inputs.documents and inputs.errors:
        ctx.exit(EXIT_ERROR)
    originals = _fill_in(inputs.documents, story, published)
    sources = inputs.sources
    prepared, directives = _prepare(originals, sources)
    run, failed = _compute_each(prepared, _neutral(config))
    from ..formats.visible import visible

    for line in failed.values():
        click.echo(f"figcheck: error: {visible(line)}", err=True)
    if failed:  # reported above; the output shows the documents that were checked
        originals = [d for d in originals if d.id not in failed]
        prepared = [d for d in prepared if d.id not in failed]
        directives = {k: v for k, v in directives.items() if k not in failed}
    findings = _per_file_tolerance(list(run.report.findings), run, configs, config)
    matches: list[ArchiveMatch] = []
    if against:
        found, matches = _against(against, prepared, config)
        findings.extend(found)
    findings = finalise_per_file(findings, configs, config, directives, originals)
    report = Report(schema_version=run.report.schema_version, documents=run.report.documents,
                    findings=tuple(findings), against=tuple(matches))
    # Formats show the documents as read (directives visible), with the final findings.
    run = CheckRun(report=report, documents=tuple(originals), quantities=run.quantities)

    from ..formats import render
    from ..formats.location import sources as located_by

    with located_by(sources), output_stream(output_file) as out:
        colour = fmt == "text" and output_file is None and use_colour(out, no_color)
        if statistics and fmt == "text":
            out.write(statistics_table(findings))
        else:
            out.write(render(fmt, run, color=colour))
    if statistics and fmt != "text":
        click.echo(statistics_table(findings), nl=False, err=True)
    problems = len(inputs.errors) + len(failed)
    if not quiet:
        for match in matches:  # what --against compared each draft with, or "no story matched"
            click.echo(f"figcheck: against: {visible(match.describe())}", err=True)
        line = summary(findings, len(originals))
        if problems:
            line += (f" {problems} input problem{'s' if problems != 1 else ''} "
                     "(files or records not checked) reported above.")
        click.echo(line, err=True)
        hint = _story_hint(run, config)
        if hint:
            click.echo(f"figcheck: note: {visible(hint)}", err=True)
    if problems:
        ctx.exit(EXIT_ERROR)
    failing = any(_fails(f, configs, config) for f in findings)
    ctx.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN)


def _ignored(config: Config) -> tuple[str, ...]:
    """``config.ignore``, and the preview codes while preview is off: a suppression comment
    naming only those is not reported unused (FC301) for a rule that did not run."""
    from ..compare.rules import PREVIEW_CODES

    return config.ignore if config.preview else (*config.ignore, *PREVIEW_CODES)


def warn_inert_selection(configs: list[Config]) -> None:
    """One warning line per selected code or prefix that names only preview rules while
    preview is off (it selects nothing), as ruff does."""
    from ..compare.rules import inert_selectors, inert_warning

    seen: list[str] = []
    for c in configs:
        for selector in inert_selectors(c.select, c.preview):
            if selector not in seen:
                seen.append(selector)
                click.echo(f"figcheck: warning: {inert_warning(selector)}", err=True)


def _settings(given: list[tuple[str, Any, str]], config_path: str | None,
              isolated: bool) -> PerFile:
    """Per-file settings: defaults < the file's nearest configuration file < command-line
    options (``given``: key, value, option)."""
    from . import configfile

    try:
        overrides = {key: (configfile.normalise({key: value}, label)[key], label)
                     for key, value, label in given}
    except configfile.ConfigError as exc:
        fail(str(exc))
    return configfile.PerFile(config_path=config_path, isolated=isolated, overrides=overrides)


def _fill_in(docs: list[Document], story: str | None,
             published: _dt.datetime | None) -> list[Document]:
    """``--story`` and ``--published`` for the documents that give none of their own."""
    if story is None and published is None:
        return docs
    out = []
    for doc in docs:
        update: dict[str, Any] = {}
        if story is not None and not doc.story:
            update["story"] = story
        if published is not None and doc.published is None:
            update["published"] = published.date()
        out.append(doc.model_copy(update=update) if update else doc)
    return out


def _neutral(config: Config) -> Config:
    """``config`` for the comparator with every filter off: selection, severities and confidence
    are applied afterwards, per file (:func:`finalise_per_file`)."""
    return config.model_copy(update={"select": (), "ignore": (), "severity": {},
                                     "min_confidence": 0.0, "preview": True})


def _compute_each(docs: list[Document], config: Config) -> tuple[CheckRun, dict[str, str]]:
    """:func:`compute`; when it fails, each document alone finds the ones that make it fail: they
    become one-line errors and the others are checked (one bad record never loses the findings of
    the rest).  When every document fails alone it is figcheck's fault: an internal error."""
    import os

    try:
        return compute(docs, config), {}
    except ImportError as exc:
        fail(f"the comparator is not available ({exc})")
    except Exception as exc:  # noqa: BLE001 - never a traceback for the user
        if os.environ.get("FIGCHECK_DEBUG") or len(docs) < 2:
            internal_error("checking", exc)
        first = exc
    good, failed = [], {}
    for doc in docs:
        try:
            compute([doc], config)
        except Exception as exc:  # noqa: BLE001
            failed[doc.id] = (f"{doc.origin or doc.id}: not checked: internal error: "
                              f"{type(exc).__name__}: {exc} (please report it; FIGCHECK_DEBUG=1 "
                              "shows the traceback)")
        else:
            good.append(doc)
    if not good:
        internal_error("checking", first)
    try:
        return compute(good, config), failed
    except Exception as exc:  # noqa: BLE001
        internal_error("checking", exc)


def _per_file_tolerance(findings: list[Finding], run: CheckRun, configs: dict[str, Config],
                        config: Config) -> list[Finding]:
    """A document whose own settings have another ``tolerance`` than the run's gets its
    within-document findings with its own."""
    from ..compare import within

    redo = {doc_id for doc_id, c in configs.items() if c.tolerance != config.tolerance}
    if not redo:
        return findings
    docs = {d.id: d for d in run.documents}
    kept = [f for f in findings
            if not (f.scope == "within" and f.claims and f.claims[0].doc in redo)]
    for doc_id in sorted(redo):
        if doc_id in docs:
            own = _neutral(configs[doc_id])
            kept.extend(within(docs[doc_id], run.quantities.get(doc_id, ()), own))
    return kept


def _involved(f: Finding, configs: dict[str, Config], default: Config) -> list[Config]:
    docs = dict.fromkeys(c.doc for c in f.claims)
    return [configs.get(d, default) for d in docs] or [default]


def _fails(f: Finding, configs: dict[str, Config], default: Config) -> bool:
    """Whether ``f`` reaches the ``fail-on`` of any file it involves."""
    rank = SEVERITY_RANK.get(f.severity, 2)
    return any(rank >= SEVERITY_RANK[c.fail_on] for c in _involved(f, configs, default))


def finalise_per_file(findings: list[Finding], configs: dict[str, Config], default: Config,
                      directives: dict[str, tuple[Directive, ...]],
                      originals: list[Document]) -> list[Finding]:
    """:func:`finalise` with each file's own settings.  A finding between documents whose
    settings differ is reported only if each of them selects it, with the most severe of their
    severities, so the order of the files on the command line never matters."""
    from .. import suppress

    distinct: list[Config] = []
    for c in [default, *configs.values()]:
        if c not in distinct:
            distinct.append(c)
    if len(distinct) == 1:
        return finalise(findings, default, directives, originals)
    kept = []
    for f in findings:
        variants = [postprocess([f], c) for c in _involved(f, configs, default)]
        if all(variants):
            kept.append(max((v[0] for v in variants), key=lambda v: SEVERITY_RANK[v.severity]))
    by_id = {d.id: d for d in originals}
    out = suppress.apply(kept, directives, by_id, ignored=(suppress.UNUSED_CODE,))
    for c in distinct:  # unused directives (FC301), by the settings of their document
        group = {d: ds for d, ds in directives.items() if configs.get(d, default) == c}
        if group:
            extra = suppress.apply(kept, group, by_id, selected=c.select, ignored=_ignored(c))
            out.extend(postprocess([f for f in extra if f.code == suppress.UNUSED_CODE], c))
    return _order(out, originals)


def _story_hint(run: CheckRun, config: Config) -> str | None:
    """How to link documents that were checked together but not compared as one story."""
    docs = run.documents
    if len(docs) < 2 or config.stories == "none" or any(d.story for d in docs):
        return None
    from ..compare import assign_stories

    groups = len(set(assign_stories(
        [(d, run.quantities.get(d.id, ())) for d in docs], config).values()))
    if groups < 2:
        return None
    how = "were grouped by their names and figures into" if config.stories == "auto" else "are"
    return (f"the {len(docs)} documents give no story, so they {how} {groups} separate stories; "
            "to compare them with each other, give them one 'story:' in their front matter "
            "(or records), use --story ID, or --stories one")


def _prepare(docs: list[Document], sources: dict[str, Source]
             ) -> tuple[list[Document], dict[str, tuple[Directive, ...]]]:
    """Documents with suppression directives blanked, and the directives per document (from the
    text itself, or from the comments of the HTML page as it was read)."""
    from .. import suppress

    prepared, directives = [], {}
    for doc in docs:
        clean, found = suppress.prepare(doc)
        comments = getattr(sources.get(doc.id), "comments", ())
        if comments:
            found = found + suppress.from_comments(
                doc.text, [(c.text, c.offset, c.line) for c in comments])
        prepared.append(clean)
        if found:
            directives[doc.id] = found
    return prepared, directives


def finalise(findings: list[Finding], config: Config,
             directives: dict[str, tuple[Directive, ...]],
             originals: list[Document]) -> list[Finding]:
    """Selection, severities and confidence; suppressions (and FC301 for unused ones); order."""
    from .. import suppress

    findings = postprocess(findings, config)
    findings = suppress.apply(findings, directives, {d.id: d for d in originals},
                              selected=config.select, ignored=_ignored(config))
    findings = postprocess(findings, config)  # severity overrides for FC301 too
    return _order(findings, originals)


def _against(db: str, docs: list[Document], config: Config
             ) -> tuple[list[Finding], list[ArchiveMatch]]:
    import os

    if not os.path.exists(db):
        fail(f"{db}: no such database (build one with 'figcheck batch ARCHIVE --db {db}')")
    try:
        from .. import batch
    except ImportError:
        fail("--against needs figcheck.batch, which this installation lacks")
    against = getattr(batch, "against_with_matches", None)
    if not callable(against):
        fail("--against needs figcheck.batch.against_with_matches, which this installation lacks")
    try:
        found, matches = against(db, docs, config)
    except batch.DatabaseError as exc:  # names the file itself
        fail(str(exc))
    except Exception as exc:  # noqa: BLE001 - a broken database is an input error, not a crash
        fail(f"{db}: {' '.join(str(exc).split())}")
    return list(found), list(matches)
