"""``figcheck extract``."""

from __future__ import annotations

import click

from .common import EXIT_CLEAN, EXIT_ERROR, fail, input_options, internal_error, output_stream, read_each

EXAMPLES = """\b
Examples:
  figcheck extract story.md                      # a table per document
  figcheck extract --format json story.md        # {"schema_version": 2, "documents": [...]}
  figcheck extract --format jsonl archive.jsonl  # one {"id", "quantities"} object per line
  echo "About 5,000 people marched." | figcheck extract -
\b
Inputs: .txt/.md/.html (one article; a leading "# Heading" line is the title), .jsonl (one record
per line: id, text, title, source, published, url, story), .json (a list of records), their .gz/.zst
variants, and - for standard input.  The JSON layout is published by 'figcheck schema extract'.
"""


@click.command(epilog=EXAMPLES, short_help="Every figure as a typed quantity (value, unit, subject).")
@input_options
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "jsonl"]),
              default="text", show_default=True, help="Output format.")
@click.option("-o", "--output-file", metavar="PATH", help="Write to PATH instead of stdout.")
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], stdin_filename: str | None, fmt: str,
            output_file: str | None) -> None:
    """Print every figure in PATH... as a typed quantity (value, bound, interval, unit, subject)."""
    from ..formats.extract import render

    inputs = read_each(paths, stdin_filename)  # bad files and records: one line each, exit 2
    inputs.show()
    if not inputs.documents and inputs.errors:
        ctx.exit(EXIT_ERROR)
    docs, sources = inputs.documents, inputs.sources
    try:
        from .. import extract as _extract

        results = [(d, _extract(d.text, title=d.title)) for d in docs]
    except ImportError as exc:
        fail(f"the figure parser is not available ({exc})")
    except Exception as exc:  # noqa: BLE001 - never a traceback for the user
        internal_error("extracting figures", exc)
    from ..formats.location import sources as located_by

    with located_by(sources), output_stream(output_file) as out:
        out.write(render(results, fmt))  # type: ignore[arg-type]
    ctx.exit(EXIT_ERROR if inputs.errors else EXIT_CLEAN)
