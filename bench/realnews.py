"""The real-text harness (issue 9): how today's figcheck does on published news nobody on the team
wrote.  Run it before and after every parser or comparator change.

    python bench/realnews.py                      # .data/realnews/{articles,clusters}.jsonl
    python bench/realnews.py --quick              # a seeded sample, a minute or two
    python bench/realnews.py A.jsonl B.jsonl --seed 7
    python bench/realnews.py --export-unjudged .data/realnews/judge/findings.jsonl
    python bench/realnews.py --import-verdicts answers.jsonl
    python bench/realnews.py --export-planted .data/realnews/judge/planted.jsonl
    python bench/realnews.py --show-misses        # headline numbers figcheck did not extract

It prints, per corpus file:

1. **False alarms**: findings per 100 articles by code, within articles and across them, with the
   records' ``story`` (a single article is its own story) and as an archive with no ``story``
   (figcheck groups the documents itself).  Findings are matched against the committed verdicts
   (``bench/realnews/verdicts.jsonl``: key, verdict, reason; no text) for judged precision and the
   number still unjudged.
2. **Planted errors**: recall per kind and precision of the findings on the planted copies
   (:mod:`realnews.plant`), seeded; and how many read planted cases are genuine
   (``bench/realnews/planted_verdicts.jsonl``).
3. **Headline numbers extracted** (:mod:`realnews.headlines`).
4. **Per code**: each finding code's status (stable or preview, from
   ``figcheck/compare/rules.py``), its findings per 100 articles, judged precision, and the planted
   errors of its kind it catches, with precision on the planted copies: the evidence a preview code
   graduates on.  The harness runs with preview on, so preview codes keep being measured; the
   false-alarm lines above count them too (per code here).
5. **Labelled pairs**: figcheck's same-fact precision/recall on ``bench/realnews/pairs/{dev,test}
   .jsonl`` (``bench/realnews_pairs.py`` makes the tasks).

A missing corpus is reported as skipped (exit 0).  Exports go under ``.data`` only (article text
never enters the repository).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import figcheck  # noqa: E402
from realnews import alarms, headlines, pairs, plant  # noqa: E402
from realnews.corpus import DATA, DEFAULT_CORPORA, Corpus, load, sample, skipped  # noqa: E402

MEASURES: tuple[str, ...] = ("false alarms", "planted errors", "headline numbers extracted",
                             "labelled pairs")


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _per100(n: int, articles: int) -> str:
    return f"{100 * n / articles:.2f}" if articles else "n/a"


def _by_code(findings: Sequence[object]) -> str:
    c = Counter(f.code for f in findings)  # type: ignore[attr-defined]
    return ", ".join(f"{k} {v}" for k, v in sorted(c.items())) or "none"


def outside_repo(path: str) -> Path:
    """``path`` resolved; refuses a place inside the repository other than ``.data``."""
    p = Path(path).resolve()
    data = (ROOT / ".data").resolve()
    root = ROOT.resolve()
    if p.is_relative_to(root) and not p.is_relative_to(data):
        raise SystemExit(f"error: {path}: exports hold article text; write them under .data/")
    p.parent.mkdir(parents=True, exist_ok=True)
    return p


def report_alarms(corpus: Corpus, runs: dict[str, alarms.Run],
                  verdicts: dict[str, dict[str, object]]) -> None:
    n = corpus.articles.__len__()
    within = runs["story"].scoped("within")
    print(f"  false alarms, within articles: {len(within)} findings, "
          f"{_per100(len(within), n)} per 100 articles ({_by_code(within)})")
    print(f"    {alarms.judge(within, verdicts).line()}")
    for mode, label in (("story", "across articles, records' story"),
                        ("archive", "across articles, archive (no story)")):
        cross = runs[mode].scoped("cross")
        contra = [f for f in cross if f.kind == "contradiction"]
        print(f"  false alarms, {label}: {len(cross)} findings, "
              f"{_per100(len(contra), n)} contradictions per 100 articles ({_by_code(cross)})")
        print(f"    {alarms.judge(cross, verdicts).line()}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python bench/realnews.py", description=__doc__.split(
        "\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="*", help="corpus JSONL files (default .data/realnews/"
                    "articles.jsonl and clusters.jsonl)")
    ap.add_argument("--quick", action="store_true",
                    help="a seeded sample: 300 articles per file, 25 plants per kind")
    ap.add_argument("--limit", type=int, default=None, help="articles per file (whole stories)")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all",
                    help="only the articles (and labelled pairs) of this split; tune on dev, "
                         "report on test (default all)")
    ap.add_argument("--plants", type=int, default=None, help="plants per kind (default 250)")
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--verdicts", default=str(alarms.VERDICTS))
    ap.add_argument("--planted-verdicts", default=str(alarms.PLANT_VERDICTS))
    ap.add_argument("--export-unjudged", metavar="FILE",
                    help="write unjudged findings with their context for readers (under .data)")
    ap.add_argument("--export-planted", metavar="FILE",
                    help="write planted cases with their context for readers (under .data)")
    ap.add_argument("--import-verdicts", metavar="FILE", action="append", default=[],
                    help="merge readers' verdicts on exported findings and exit")
    ap.add_argument("--import-planted-verdicts", metavar="FILE", action="append", default=[],
                    help="merge readers' verdicts on exported planted cases and exit")
    ap.add_argument("--show-misses", action="store_true",
                    help="list headline numbers figcheck did not extract")
    ap.add_argument("--show-plants", choices=("missed", "all"),
                    help="list planted cases (kind, article, old -> new, caught or not)")
    ap.add_argument("--skip", action="append", default=[], choices=("alarms", "plants",
                    "headlines", "pairs"), help="leave a measure out")
    args = ap.parse_args(argv)

    verdicts_path, planted_path = Path(args.verdicts), Path(args.planted_verdicts)
    if args.import_verdicts or args.import_planted_verdicts:
        rc = 0
        if args.import_verdicts:
            rc |= import_verdicts(args.import_verdicts, verdicts_path, ("code", "scope", "mode"))
        if args.import_planted_verdicts:
            rc |= import_verdicts(args.import_planted_verdicts, planted_path, ("kind",))
        return rc

    for name in (args.export_unjudged, args.export_planted):
        if name:
            outside_repo(name)  # refuse a place in the repository before the long run
    paths = [Path(p) for p in args.corpora] or [DATA / name for name in DEFAULT_CORPORA]
    limit = args.limit if args.limit is not None else (300 if args.quick else None)
    per_kind = args.plants if args.plants is not None else (25 if args.quick else 250)
    t0 = time.perf_counter()
    print(f"figcheck {figcheck.__version__}, seed {args.seed}"
          f"{', quick' if args.quick else ''}")
    corpora: list[Corpus] = []
    for p in paths:
        if not p.exists():
            for m in MEASURES:
                print(skipped(m, p))
            continue
        c = load(p)
        if args.split != "all":
            c = Corpus(c.path, [a for a in c.articles if a.split == args.split], c.bad_lines)
        c = sample(c, limit, args.seed)
        corpora.append(c)
    if not corpora:
        return 0
    verdicts = alarms.load_verdicts(verdicts_path)
    plant_verdicts = alarms.load_verdicts(planted_path)
    export_findings: list[dict[str, object]] = []
    runs_by: dict[str, dict[str, alarms.Run]] = {}
    for c in corpora:
        stories = c.stories()
        dev = sum(a.split == "dev" for a in c.articles)
        print(f"\n== {c.name}: {len(c.articles)} articles (dev {dev}, test "
              f"{len(c.articles) - dev}), {len(stories)} stories of 2+ articles, "
              f"{len({a.source for a in c.articles})} outlets"
              + (f", {c.bad_lines} bad lines skipped" if c.bad_lines else ""))
        runs = alarms.run_modes(c)
        runs_by[c.name] = runs
        if "alarms" not in args.skip:
            report_alarms(c, runs, verdicts)
        by_id = c.by_id()
        seen: set[str] = set()
        for m in alarms.MODES:
            for f in runs[m].findings:
                k = alarms.finding_key(f)
                if k not in verdicts and k not in seen:
                    seen.add(k)
                    export_findings.append(alarms.export_record(f, by_id, m))
        if "headlines" not in args.skip:
            hs = headlines.headline_share(c.articles)
            print(f"  headline numbers extracted: {hs.extracted} of {hs.numbers} "
                  f"({_fmt(hs.share)}); {len(hs.misses)} missed; {len(hs.names)} in labels and "
                  "names not counted")
            if args.show_misses:
                for aid, title, surface in hs.misses:
                    print(f"    miss {aid}: {surface!r} in {title!r}")
                for aid, title, surface in hs.names:
                    print(f"    label/name {aid}: {surface!r} in {title!r}")

    outcomes: dict[str, list[plant.Outcome]] = {}
    if "plants" not in args.skip:
        outcomes = report_plants(corpora, runs_by, per_kind, args, plant_verdicts)
    report_codes(corpora, runs_by, verdicts, outcomes, skip_alarms="alarms" in args.skip)
    if "pairs" not in args.skip:
        report_pairs(corpora, args.split)
    if args.export_unjudged:
        out = outside_repo(args.export_unjudged)
        alarms.write_jsonl(out, export_findings)
        print(f"\nwrote {len(export_findings)} unjudged findings to {out}")
    print(f"\nwall time {time.perf_counter() - t0:.1f} s")
    return 0


PLANT_KIND: dict[str, str] = {
    "FC101": "restated", "FC102": "headline", "FC111": "cluster", "FC201": "pct_change",
    "FC203": "part_total", "FC205": "conversion",
}
"""The planted kind each code is meant to catch (codes without one have no planted measure)."""


def report_codes(corpora: Sequence[Corpus], runs_by: dict[str, dict[str, alarms.Run]],
                 verdicts: dict[str, dict[str, object]],
                 outcomes: dict[str, list[plant.Outcome]], *, skip_alarms: bool = False) -> None:
    """One line per code of the registry: status, real findings and judged precision (findings
    of every corpus and mode, each counted once), planted recall and precision of its kind."""
    from figcheck.compare.rules import RULES

    n = sum(len(c.articles) for c in corpora)
    found: dict[str, dict[str, figcheck.Finding]] = {}
    if not skip_alarms:
        for c in corpora:
            for m in alarms.MODES:
                for f in runs_by[c.name][m].findings:
                    found.setdefault(f.code, {}).setdefault(alarms.finding_key(f), f)
    print(f"\n== per code ({n} articles; run with preview on, so preview codes are measured; "
          "users get them only with --preview)")
    for rule in RULES:
        parts: list[str] = []
        if not skip_alarms:
            fs = list(found.get(rule.code, {}).values())
            j = alarms.judge(fs, verdicts)
            parts.append(f"real findings {len(fs)} ({_per100(len(fs), n)} per 100 articles), "
                         f"judged precision {_fmt(j.precision)} ({j.genuine} genuine, {j.false} "
                         f"false, {j.unjudged} unjudged)")
        kind = PLANT_KIND.get(rule.code)
        if kind is not None and kind in outcomes:
            os_ = outcomes[kind]
            caught = sum(rule.code in o.true_codes for o in os_)
            t = sum(o.true_codes.count(rule.code) for o in os_)
            fa = sum(o.false_codes.count(rule.code) for o in os_)
            rec = caught / len(os_) if os_ else None
            prec = t / (t + fa) if t + fa else None
            parts.append(f"planted {kind}: recall {_fmt(rec)} ({caught} of {len(os_)}), "
                         f"precision {_fmt(prec)} ({t} naming the plant, {fa} new others)")
        elif outcomes:
            t = sum(o.true_codes.count(rule.code) for os_ in outcomes.values() for o in os_)
            fa = sum(o.false_codes.count(rule.code) for os_ in outcomes.values() for o in os_)
            parts.append(f"no planted kind (on all planted copies: {t} naming a plant, "
                         f"{fa} new others)")
        print(f"  {rule.code} {rule.status:<7}  " + "; ".join(parts))


def report_plants(corpora: Sequence[Corpus], runs_by: dict[str, dict[str, alarms.Run]],
                  per_kind: int, args: argparse.Namespace,
                  plant_verdicts: dict[str, dict[str, object]]) -> dict[str, list[plant.Outcome]]:
    cands = plant.candidates(corpora, args.seed)
    chosen = plant.choose(cands, per_kind, args.seed)
    by_id = {a.id: a for c in corpora for a in c.articles}
    story_of = {}
    for c in corpora:
        for s, arts in c.stories().items():
            for a in arts:
                story_of[a.id] = arts
    original: dict[str, list[object]] = {}
    for c in corpora:
        for f in runs_by[c.name]["story"].findings:
            for d in {cl.doc for cl in f.claims}:
                original.setdefault(d, []).append(f)
    print(f"\n== planted errors (seed {args.seed}, at most {per_kind} per kind, one per article)")
    total_true = total_false = 0
    outcomes: dict[str, list[plant.Outcome]] = {k: [] for k in plant.KINDS}
    exported: list[dict[str, object]] = []
    read = genuine = 0
    for kind in plant.KINDS:
        ps = chosen[kind]
        caught = 0
        t = f = 0
        for p in ps:
            group = story_of.get(p.doc, [by_id[p.doc]]) if kind == "cluster" else [by_id[p.doc]]
            ids = {a.id for a in group}
            orig = [x for d in ids for x in original.get(d, [])]
            uniq = {alarms.finding_key(x): x for x in orig}  # type: ignore[arg-type]
            o = plant.evaluate(p, group, list(uniq.values()))
            outcomes.setdefault(kind, []).append(o)
            if args.show_plants == "all" or (args.show_plants == "missed" and not o.caught):
                print(f"    {'caught' if o.caught else 'missed'} {kind} {p.doc} {p.field}:"
                      f"{p.start} {p.old!r} -> {p.new!r} ({o.false_findings} new others)")
            caught += o.caught
            t += o.true_findings
            f += o.false_findings
            v = plant_verdicts.get(p.key)
            if v is not None and v["verdict"] in ("genuine", "false"):
                read += 1
                genuine += v["verdict"] == "genuine"
            elif v is None:
                exported.append(plant.export_record(p, by_id[p.doc], by_id))
        total_true += t
        total_false += f
        rec = caught / len(ps) if ps else None
        prec = t / (t + f) if t + f else None
        print(f"  {kind:<11} recall {_fmt(rec)} ({caught} of {len(ps)} caught; "
              f"{len(cands[kind])} candidates); precision {_fmt(prec)} "
              f"({t} naming the plant, {f} new others)")
    allp = total_true / (total_true + total_false) if total_true + total_false else None
    print(f"  all kinds   precision {_fmt(allp)}")
    print(f"  read planted cases: {genuine} of {read} are genuine contradictions "
          f"({len(exported)} unread)")
    if args.export_planted:
        out = outside_repo(args.export_planted)
        alarms.write_jsonl(out, exported)
        print(f"  wrote {len(exported)} unread planted cases to {out}")
    return outcomes


def report_pairs(corpora: Sequence[Corpus], split_only: str = "all") -> None:
    arts = {a.id: a for c in corpora for a in c.articles}
    print("\n== labelled figure pairs (figcheck's same-fact decision)")
    for split in ("dev", "test"):
        if split_only not in ("all", split):
            continue
        path = pairs.LABELS / f"{split}.jsonl"
        if not path.exists():
            print(f"  {split}: skipped: {path.relative_to(ROOT)} not found (labels not made yet)")
            continue
        for line in pairs.score_lines(split, alarms.read_jsonl(path), arts):
            print(f"  {line}")


def import_verdicts(files: Sequence[str], path: Path, keep: tuple[str, ...]) -> int:
    """Merge readers' answers (``{"key", "verdict", "reason", "note"}`` per line, as
    bench/realnews/JUDGING.md asks) into the committed verdict file ``path``: key, verdict,
    reason and ``keep`` fields only, never text."""
    records: list[dict[str, object]] = []
    for name in files:
        try:
            records.extend(alarms.read_jsonl(Path(name)))
        except (OSError, ValueError) as exc:
            print(f"error: {name}: {exc}")
            return 2
    merged, taken = alarms.merge_verdicts(alarms.load_verdicts(path), records, keep)
    alarms.write_verdicts(merged, path)
    print(f"merged {taken} of {len(records)} verdicts into {path} ({len(merged)} in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
