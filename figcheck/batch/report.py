"""``figcheck report``: a batch database's findings summarised (text, HTML) or exported (JSONL)."""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .store import connect, finding_from_json

if TYPE_CHECKING:
    from ..formats.html import Row
    from ..model import CheckRun

Section = tuple[str, list[tuple[str, int]]]

_QUERIES: tuple[tuple[str, str], ...] = (
    ("Findings by code", "SELECT code || ' (' || scope || ', ' || severity || ')', count(*) AS n"
     " FROM findings GROUP BY code, scope, severity ORDER BY n DESC, 1"),
    ("Findings by source (a cross-source finding counts for each source involved)",
     "SELECT coalesce(d.source, '(no source)'), count(DISTINCT fd.finding_pk) AS n"
     " FROM finding_docs fd JOIN documents d ON d.doc_pk = fd.doc_pk"
     " GROUP BY 1 ORDER BY n DESC, 1"),
    ("Findings by desk",
     "SELECT coalesce(d.desk, '(no desk)'), count(DISTINCT fd.finding_pk) AS n"
     " FROM finding_docs fd JOIN documents d ON d.doc_pk = fd.doc_pk"
     " GROUP BY 1 ORDER BY n DESC, 1"),
    ("Findings by month (of the first document involved)",
     "SELECT coalesce(substr(published, 1, 7), '(undated)'), count(*) AS n"
     " FROM findings GROUP BY 1 ORDER BY 1"),
    ("Bad records by message (and the file and line of the first one)",
     "SELECT g.message || ' (first at ' || f.path || coalesce(':' || f.line, '') || ')', g.n"
     " FROM (SELECT message, count(*) AS n, min(error_pk) AS first FROM errors GROUP BY message"
     " ORDER BY n DESC, message LIMIT 20) g JOIN errors f ON f.error_pk = g.first"
     " ORDER BY g.n DESC, g.message"),
)


def sections(db_path: str) -> list[Section]:
    conn = connect(db_path, create=False)
    try:
        totals = [
            ("documents", conn.execute("SELECT count(*) FROM documents").fetchone()[0]),
            ("figures", conn.execute("SELECT count(*) FROM quantities").fetchone()[0]),
            ("stories with 2+ documents", conn.execute(
                "SELECT count(*) FROM (SELECT 1 FROM documents WHERE story_key IS NOT NULL"
                " GROUP BY story_key HAVING count(*) > 1)").fetchone()[0]),
            ("within-article findings",
             conn.execute("SELECT count(*) FROM findings WHERE scope='within'").fetchone()[0]),
            ("cross-source findings",
             conn.execute("SELECT count(*) FROM findings WHERE scope='cross'").fetchone()[0]),
            ("bad records", conn.execute("SELECT count(*) FROM errors").fetchone()[0]),
        ]
        out: list[Section] = [("Totals", totals)]
        for title, sql in _QUERIES:
            out.append((title, [(str(k), int(n)) for k, n in conn.execute(sql)]))
        return out
    finally:
        conn.close()


def text(db_path: str) -> str:
    lines = [f"figcheck report: {db_path}", ""]
    for title, rows in sections(db_path):
        lines.append(title)
        if not rows:
            lines.append("  (none)")
        width = max((len(f"{n:,}") for _, n in rows), default=1)
        for label, n in rows:
            lines.append(f"  {n:>{width},}  {label}")
        lines.append("")
    from ..formats.visible import visible_lines

    return visible_lines("\n".join(lines))


HTML_FINDINGS = 500
"""Most findings (earliest published first, then by code) shown with their documents in the HTML
report; the count tables cover the whole database."""

_PLACEHOLDERS: frozenset[str] = frozenset({"(no source)", "(no desk)", "(undated)"})


def findings_run(db_path: str, limit: int = HTML_FINDINGS) -> tuple[CheckRun, int]:
    """The first ``limit`` findings and every document they name, as a run for the HTML report,
    and how many findings the database holds."""
    from ..model import CheckRun, Report
    from .work import document

    conn = connect(db_path, create=False)
    try:
        total = conn.execute("SELECT count(*) FROM findings").fetchone()[0]
        rows = conn.execute(
            "SELECT finding_pk, json FROM findings"
            " ORDER BY published IS NULL, published, code, finding_pk LIMIT ?", (limit,)
        ).fetchall()
        findings = [finding_from_json(js) for _, js in rows]
        pks = sorted({pk for fpk, _ in rows for (pk,) in conn.execute(
            "SELECT doc_pk FROM finding_docs WHERE finding_pk=?", (fpk,))})
        docs = [
            document(tuple(r)) for pk in pks for r in conn.execute(
                "SELECT id, text, title, source, published, url, story, desk, origin"
                " FROM documents WHERE doc_pk=?", (pk,))
        ]
    finally:
        conn.close()
    docs.sort(key=lambda d: (d.story or "", d.published or _dt.date.min, d.id))
    return CheckRun(report=Report(findings=tuple(findings)), documents=tuple(docs)), total


def html(db_path: str) -> str:
    """The count tables, each total and code linked to the place below where its findings are;
    then the documents with findings (each linked to its article and its findings), the findings
    and the articles with each finding's figures marked.  A table whose only row is a placeholder
    ("(no desk)": the archive has no desks) is left out."""
    from ..formats.html import render_summary  # the HTML engineer's page layout

    run, total = findings_run(db_path)
    first: dict[tuple[str, str], str] = {}
    for k, f in enumerate(run.report.findings):
        for key in (("scope", f.scope), ("code", f.code)):
            first.setdefault(key, f"#finding-{k + 1}")
    links = {
        "documents": "#documents" if run.documents else "",
        "within-article findings": first.get(("scope", "within"), ""),
        "cross-source findings": first.get(("scope", "cross"), ""),
    }
    tables: list[tuple[str, list[Row]]] = []
    for title, rows in sections(db_path):
        if rows and all(label in _PLACEHOLDERS for label, _ in rows):
            continue
        if title == "Totals":
            tables.append((title, [(label, n, links.get(label, "")) for label, n in rows]))
        elif title == "Findings by code":
            tables.append((title, [(label, n, first.get(("code", label.split(" ")[0]), ""))
                                   for label, n in rows]))
        else:
            tables.append((title, list(rows)))
    note = (f"Below: the first {len(run.report.findings):,} of {total:,} findings (earliest first) "
            "and their documents; the tables count them all." if total > len(run.report.findings)
            else "")
    return render_summary(tables, run if total else None, title=f"figcheck report: {db_path}",
                          note=note)


def finding_lines(db_path: str) -> Iterator[str]:
    """Every finding as one JSON object a line (the ``check --format jsonl`` layout), ordered by
    publication date then code; streamed, so any size of database exports in constant memory."""
    from ..formats.visible import json_safe

    conn = connect(db_path, create=False)
    try:
        for (js,) in conn.execute(
            "SELECT json FROM findings ORDER BY published IS NULL, published, code, finding_pk"
        ):
            f = finding_from_json(js)
            yield json_safe(json.dumps(f.model_dump(mode="json"), ensure_ascii=False)) + "\n"
    finally:
        conn.close()
