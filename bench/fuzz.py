"""A bounded atheris (libFuzzer) run over ``figcheck.extract`` and ``figcheck.check`` (issue 13).

    pip install -e '.[fuzz]'
    python bench/fuzz.py                 # 60 seconds
    python bench/fuzz.py --seconds 300

Each fuzzer-made input (bytes decoded as UTF-8, bad bytes replaced; seeded with a few small
news-like texts written here) goes through ``figcheck.extract(text)``,
``figcheck.extract(body, title=first line)`` and ``figcheck.check([document])``.  Checked:

- no exception;
- offsets consistent: every extracted quantity and every claim of every finding has
  ``text == source[start:end]`` (source = the title or the body, by its ``field``);
- no input costing over 10x ordinary news per KB.  Ordinary news is the synthetic
  ``corpus/extract/*.md`` texts, timed through the same calls in this same (instrumented) process
  before fuzzing starts.  An input's size counts as at least 1,000 characters (a 5-character
  input pays the fixed per-call cost, not a per-KB one), and an input over the 10x line is timed
  twice more and judged on its fastest run, since the machine is shared.

Printed at the end: inputs run, the worst time-per-KB ratio (and its input's length), and every
failure.  Each failing input is saved under ``bench/out/fuzz/failures/`` (ignored by git); the
fuzzer's own growing corpus lives in ``bench/out/fuzz/corpus/``.  Exit status 1 if anything failed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
import traceback
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["figcheck"]):
    import importlib
    import pkgutil

    import figcheck
    import figcheck.compare
    import figcheck.parser
    from figcheck.model import Document

    for _pkg in (figcheck.parser, figcheck.compare):
        for _mod in pkgutil.walk_packages(_pkg.__path__, _pkg.__name__ + "."):
            importlib.import_module(_mod.name)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "fuzz"
RATIO_LIMIT = 10.0
MIN_CHARS = 1000

SEEDS: tuple[str, ...] = (
    "Flooding forced 1,200 people from their homes on Sunday, officials said. By Monday the number "
    "had risen to about 1,500, and 3 people were missing.\n\nThe river peaked at 4.2 metres.",
    "Factory output fell 2.3% in March from a year earlier, the statistics office said. Output had "
    "risen 0.8% in February. Economists had expected a fall of 1.1%.",
    "Police seized 40kg of cocaine worth an estimated £3.2m. Two men, aged 31 and 45, were charged.\n\n"
    "The haul was the largest this year, up from 12kg in January.",
    "At least 27 people were killed and 80 injured in the blast, the ministry said. A later "
    "statement put the toll at 31 dead.\n\nThe ceasefire, agreed on 3 May, had held for 12 days.",
    "Shares rose 5% to $12.40 after the company reported revenue of $4.1bn, up from $3.8bn, "
    "a rise of 8%. It expects between 2,000 and 2,500 new jobs by 2027.",
    "The vote was 52-48. Turnout was 71.3%, or about 3 in 4 voters, against 65% in 2019.",
)


def run_once(text: str) -> list[str]:
    """Problems found on ``text`` (empty when all is well).  Exceptions propagate."""
    problems: list[str] = []
    for q in figcheck.extract(text):
        if q.text != text[q.start:q.end]:
            problems.append(f"offset: extract {q.text!r} != text[{q.start}:{q.end}]")
    title, _, body = text.partition("\n")
    sources = {"title": title, "text": body}
    for q in figcheck.extract(body, title=title):
        src = sources.get(q.field, "")
        if q.text != src[q.start:q.end]:
            problems.append(f"offset: extract(title=) {q.field} {q.text!r} != [{q.start}:{q.end}]")
    report = figcheck.check([Document(id="d", text=body, title=title)])
    for finding in report.findings:
        for claim in finding.claims:
            src = sources.get(claim.field, "")
            if claim.text != src[claim.start:claim.end]:
                problems.append(f"offset: {finding.code} claim {claim.field} {claim.text!r} "
                                f"!= [{claim.start}:{claim.end}]")
    return problems


def timed(text: str) -> float:
    t0 = time.perf_counter()
    run_once(text)
    return time.perf_counter() - t0


def news_seconds_per_kb() -> float:
    """Ordinary news: seconds per 1,000 characters over the corpus/extract texts, best of 3."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "extract").glob("*.md"))]
    chars = sum(max(len(t), MIN_CHARS) for t in texts)
    for t in texts:  # warm lazy resources
        run_once(t)
    best = min(sum(timed(t) for t in texts) for _ in range(3))
    return best / (chars / 1000)


class State:
    def __init__(self, deadline: float, per_kb: float) -> None:
        self.deadline = deadline
        self.per_kb = per_kb
        self.inputs = 0
        self.worst_ratio = 0.0
        self.worst_len = 0
        self.failures: list[str] = []

    def save(self, kind: str, text: str, detail: str) -> None:
        digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        path = OUT / "failures" / f"{kind}-{digest}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        (path.with_suffix(".why")).write_text(detail, encoding="utf-8")
        self.failures.append(f"{kind}: {detail.strip().splitlines()[-1][:200]}  ({path.relative_to(ROOT)})")

    def summary(self) -> None:
        print(f"inputs run: {self.inputs:,}")
        print(f"ordinary news: {self.per_kb * 1000:.2f} ms per 1,000 chars (corpus/extract, same process)")
        print(f"worst time-per-KB ratio: {self.worst_ratio:.2f}x ordinary news "
              f"(input of {self.worst_len:,} chars; limit {RATIO_LIMIT:g}x)")
        print(f"failures: {len(self.failures)}")
        for f in self.failures[:50]:
            print(f"  {f}")
        sys.stdout.flush()


STATE: State | None = None


def test_one_input(data: bytes) -> None:
    state = STATE
    assert state is not None
    if time.monotonic() > state.deadline:
        state.summary()
        os._exit(1 if state.failures else 0)
    text = data.decode("utf-8", "replace")
    state.inputs += 1
    t0 = time.perf_counter()
    try:
        problems = run_once(text)
    except Exception:  # noqa: BLE001 - every exception is a finding of this run
        state.save("exception", text, traceback.format_exc())
        return
    seconds = time.perf_counter() - t0
    for p in problems:
        state.save("offset", text, p)
    kb = max(len(text), MIN_CHARS) / 1000
    ratio = seconds / kb / state.per_kb
    if ratio > RATIO_LIMIT:  # confirm: best of this and two more runs
        ratio = min(ratio, *(timed(text) / kb / state.per_kb for _ in range(2)))
        if ratio > RATIO_LIMIT:
            state.save("slow", text, f"{ratio:.1f}x ordinary news per KB on {len(text)} chars")
    if ratio > state.worst_ratio:
        state.worst_ratio, state.worst_len = ratio, len(text)


def main() -> int:
    global STATE
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--seconds", type=float, default=60.0, help="fuzzing time [60]")
    ap.add_argument("--max-len", type=int, default=8192,
                    help="longest input in bytes, tried from the start (-len_control=0) [8192]")
    opts = ap.parse_args()

    corpus = OUT / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for i, seed in enumerate(SEEDS):
        (corpus / f"seed-{i}.txt").write_text(seed, encoding="utf-8")
    per_kb = news_seconds_per_kb()
    STATE = State(time.monotonic() + opts.seconds, per_kb)
    args = [sys.argv[0], str(corpus), f"-max_len={opts.max_len}", "-len_control=0",
            f"-max_total_time={int(opts.seconds) + 600}", "-print_final_stats=0", "-close_fd_mask=0"]
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()
    STATE.summary()  # reached only if libFuzzer stops by itself first
    return 1 if STATE.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
