"""Fingerprint of figcheck's outputs, to show that a speed-up changed nothing.

    python bench/fingerprint.py -o /tmp/before.jsonl          # before the change
    python bench/fingerprint.py --against /tmp/before.jsonl   # after: exit 1 and a diff if changed

Runs the parser and the comparator on every gold-corpus document (``corpus/extract`` and
``corpus/check``) and on a synthetic archive sample (bench/archive.py, fixed seed, ``--archive N``
documents, stories as the generator writes them), and writes one JSON line per document -- every
quantity as ``figcheck extract --format json`` writes it and every within-article finding -- and one
per story with its cross-source findings.  The same code and inputs always give the same file.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
try:  # the installed figcheck (compiled or not) when there is one, else this checkout's
    import figcheck  # noqa: F401
except ImportError:
    sys.path.insert(0, str(ROOT))


def _documents(archive_n: int) -> list[Any]:
    import archive as gen

    from figcheck.evaluation.check import corpus_records
    from figcheck.inputs import split_title
    from figcheck.model import Document

    docs: list[Document] = []
    for path in sorted((ROOT / "corpus" / "extract").glob("*.md")):
        title, body = split_title(path.read_text(encoding="utf-8"))
        docs.append(Document(id=f"extract/{path.stem}", text=body, title=title,
                             story=f"extract/{path.stem}"))
    for rec in corpus_records(include_story=True, corpus_dir=ROOT / "corpus" / "check"):
        docs.append(Document(id=f"check/{rec['id']}", text=rec["text"], title=rec.get("title"),
                             source=rec.get("source"), published=rec.get("published"),
                             story=f"check/{rec['story']}"))
    docs.extend(gen.documents(archive_n))
    return docs


def lines(archive_n: int) -> Iterator[str]:
    from figcheck.compare import across, within
    from figcheck.config import Config
    from figcheck.parser import extract

    config = Config()
    stories: dict[str, list[Any]] = {}
    for doc in _documents(archive_n):
        qs = extract(doc.text, title=doc.title)
        found = within(doc, qs, config)
        yield json.dumps({
            "doc": doc.id,
            "quantities": [q.model_dump(mode="json") for q in qs],
            "within": [f.model_dump(mode="json") for f in found],
        }, sort_keys=True, ensure_ascii=False)
        stories.setdefault(doc.story or doc.id, []).append((doc, qs))
    for key in sorted(stories):
        found = across(stories[key], config)
        yield json.dumps({"story": key, "across": [f.model_dump(mode="json") for f in found]},
                         sort_keys=True, ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--output", type=Path, help="write the fingerprint here")
    ap.add_argument("--against", type=Path, help="compare with an earlier fingerprint")
    ap.add_argument("--archive", type=int, default=2000, help="synthetic archive documents")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    out = list(lines(a.archive))
    import figcheck

    print(f"{len(out)} lines in {time.perf_counter() - t0:.1f} s (figcheck from "
          f"{Path(figcheck.__file__).parent})", file=sys.stderr)
    if a.output:
        a.output.write_text("\n".join(out) + "\n", encoding="utf-8")
    if a.against:
        before = a.against.read_text(encoding="utf-8").splitlines()
        if before == out:
            print("identical")
            return 0
        changed = sum(x != y for x, y in zip(before, out)) + abs(len(before) - len(out))
        print(f"{changed} of {len(before)} lines differ")
        for x, y in zip(before, out):
            if x != y:
                diff = difflib.unified_diff(
                    json.dumps(json.loads(x), indent=1, sort_keys=True).splitlines(),
                    json.dumps(json.loads(y), indent=1, sort_keys=True).splitlines(),
                    "before", "after", n=2, lineterm="")
                print("\n".join(list(diff)[:80]))
                break
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
