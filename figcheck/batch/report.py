"""``figcheck report``: a batch database's findings summarised (text, HTML) or exported (JSONL)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from .store import connect, finding_from_json

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
    ("Bad records by message",
     "SELECT message, count(*) AS n FROM errors GROUP BY message ORDER BY n DESC, 1 LIMIT 20"),
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
    return "\n".join(lines)


def html(db_path: str) -> str:
    from ..formats.html import render_summary  # the HTML engineer's page layout

    return render_summary(sections(db_path), None, title=f"figcheck report: {db_path}")


def finding_lines(db_path: str) -> Iterator[str]:
    """Every finding as one JSON object a line (the ``check --format jsonl`` layout), ordered by
    publication date then code; streamed, so any size of database exports in constant memory."""
    conn = connect(db_path, create=False)
    try:
        for (js,) in conn.execute(
            "SELECT json FROM findings ORDER BY published IS NULL, published, code, finding_pk"
        ):
            f = finding_from_json(js)
            yield json.dumps(f.model_dump(mode="json"), ensure_ascii=False) + "\n"
    finally:
        conn.close()
