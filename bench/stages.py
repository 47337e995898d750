"""CPU time per document of each stage a batch worker runs, to see where the time goes.

    python bench/stages.py                       # 2,000 synthetic archive documents, best of 3
    python bench/stages.py --docs 500 --only extract,within --repeat 5

Stages (the same calls as ``figcheck.batch.work``): ``extract`` (the parser), ``within`` (the
comparator inside one article), ``features`` (story features), ``rows`` (quantity and finding rows
as the store writes them, JSON included), ``across`` (cross-source comparison per story, from the
stored quantity JSON as the batch job does it).  Prints milliseconds of process CPU per document,
the best of ``--repeat`` rounds, so that a busy machine disturbs the figures less than wall time
would.  Uses the installed figcheck (compiled or not) when there is one, else this checkout's.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
try:
    import figcheck  # noqa: F401
except ImportError:
    sys.path.insert(0, str(ROOT))

STAGES = ("extract", "within", "features", "rows", "across")


def measure(n: int, only: tuple[str, ...], repeat: int) -> dict[str, float]:
    import archive

    from figcheck.batch.store import quantity_from_json
    from figcheck.batch.toolkit import resolve
    from figcheck.batch.work import finding_row, quantity_row
    from figcheck.config import Config

    tk = resolve()
    config = Config()
    docs = archive.documents(n)
    qs_all = [tk.extract(d.text, title=d.title) for d in docs]  # warm-up, and the inputs below
    found_all = [tk.within(d, qs, config) for d, qs in zip(docs, qs_all)]
    stories: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        stories.setdefault(d.story or d.id, []).append(i)
    jsons = [[quantity_row(j, q, tk.key(q))[-1] for j, q in enumerate(qs)] for qs in qs_all]

    def run(stage: str) -> None:
        if stage == "extract":
            for d in docs:
                tk.extract(d.text, title=d.title)
        elif stage == "within":
            for d, qs in zip(docs, qs_all):
                tk.within(d, qs, config)
        elif stage == "features":
            for d, qs in zip(docs, qs_all):
                tk.story_features(d, qs)
        elif stage == "rows":
            for qs, found in zip(qs_all, found_all):
                [quantity_row(j, q, tk.key(q)) for j, q in enumerate(qs)]
                [finding_row(f) for f in found]
        elif stage == "across":
            for members in stories.values():
                if len(members) > 1:
                    tk.across([(docs[i], [quantity_from_json(j) for j in jsons[i]])
                               for i in members], config)

    out: dict[str, float] = {}
    for stage in only:
        best = float("inf")
        for _ in range(repeat):
            t0 = time.process_time()
            run(stage)
            best = min(best, time.process_time() - t0)
        out[stage] = best * 1000 / len(docs)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=2000, help="synthetic archive documents")
    ap.add_argument("--only", default=",".join(STAGES), help="comma-separated stages")
    ap.add_argument("--repeat", type=int, default=3, help="rounds per stage; the best is shown")
    a = ap.parse_args(argv)
    only = tuple(s for s in a.only.split(",") if s)
    unknown = [s for s in only if s not in STAGES]
    if unknown:
        ap.error(f"unknown stage(s): {', '.join(unknown)}; choose from {', '.join(STAGES)}")
    import figcheck
    from figcheck._build import describe

    result = measure(a.docs, only, a.repeat)
    print(f"figcheck from {Path(figcheck.__file__).parent} ({describe()}), {a.docs} documents, "
          f"best of {a.repeat}")
    for stage, ms in result.items():
        print(f"  {stage:<9} {ms:7.3f} ms/doc")
    print(f"  {'total':<9} {sum(result.values()):7.3f} ms/doc")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
