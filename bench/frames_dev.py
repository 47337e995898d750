"""Claim-frame errors on the labelled DEV figures: gold vs predicted measure and holder.

    python bench/frames_dev.py [--all] [--only measure|holder]
    PYTHONPATH=$PWD /work/cqe-venv/bin/python bench/frames_dev.py --syntax on|only

Prints one block per dev figure whose measure or holder is wrong (``--all``: every figure), with
the sentence (article text: read it on screen, never commit the output), and the two accuracies
as ``bench/realnews_figures.py score`` counts them (of extracted gold figures).  Dev only: the
test labels are never read here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import realnews_figures as rf  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--only", choices=("measure", "holder"))
    ap.add_argument("--syntax", choices=("on", "only"),
                    help="the dependency-parse experiment (bench/frames_syntax.py; needs spaCy)")
    args = ap.parse_args(argv)
    if args.syntax:
        import frames_syntax

        if not frames_syntax.available():
            print("--syntax: spaCy or en_core_web_sm is not installed (bash bench/cqe_setup.sh)")
            return 2
        frames_syntax.install(args.syntax)
    corpora = rf.load_present([], "labelled figures")
    if not corpora:
        return 0
    arts = rf._articles(corpora)
    labels, gone = rf.relocate(rf.read_jsonl(rf.LABELS / "dev.jsonl"), arts)
    cache: dict[str, dict[str, list[rf.Reading]]] = {}
    n = m_ok = h_ok = 0
    for lab in labels:
        if not lab["is_figure"]:
            continue
        a = rf.resolve(lab, arts)
        if a is None:
            continue
        if a.id not in cache:
            cache[a.id] = rf.figcheck_readings(a)
        fld = str(lab["field"])
        r = rf.pick(cache[a.id][fld], int(lab["start"]), int(lab["end"]))
        if r is None:
            continue
        n += 1
        mo = rf.measure_match(lab.get("measure"), r.measure)
        ho = rf.holder_match(lab.get("holder"), r.holder)
        m_ok += mo
        h_ok += ho
        bad = (not mo and args.only != "holder") or (not ho and args.only != "measure")
        if args.all or bad:
            s, e = rf.sentence_of(a, fld, int(lab["start"]))
            src = a.field(fld)
            st, en = int(lab["start"]), int(lab["end"])
            print(f"--- {lab['fig']} {fld} {'' if mo else 'M'}{'' if ho else 'H'}")
            print("  " + (src[s:st] + "[[" + src[st:en] + "]]" + src[en:e]).strip()[:400])
            if fld == "text":
                print(f"  headline: {a.title}")
            print(f"  measure gold={lab.get('measure')!r} pred={r.measure!r}")
            print(f"  holder  gold={lab.get('holder')!r} pred={r.holder!r}")
    print(f"dev frames: {n} extracted gold figures; measure {m_ok / max(n, 1):.3f} ({m_ok}/{n}), "
          f"holder {h_ok / max(n, 1):.3f} ({h_ok}/{n})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
