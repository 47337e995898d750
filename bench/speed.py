"""Extraction and check speed: figcheck against quantulum3 on the same texts, in the same run.

    python bench/speed.py              # all measurements
    python bench/speed.py --repeat 5   # more warm passes

Prints warm throughput (words/s) of ``figcheck.extract`` and of ``quantulum3.parser.parse`` over the
gold corpora, their ratio, ``figcheck.check`` throughput on the check corpus, and the cold-start wall
time of ``figcheck extract`` on a ~1,000-word article (fresh interpreter each run; median), with
figcheck's bytecode compiled as an installed package has it, and compiled from source each run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted((ROOT / "corpus").rglob("*.md")):
        texts.append(path.read_text(encoding="utf-8"))
    for path in sorted((ROOT / "corpus" / "check").glob("*.json")):
        try:
            story = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        for doc in story.get("documents", []):
            texts.append((doc.get("title") or "") + "\n\n" + doc.get("text", ""))
    return texts


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def throughput(fn, texts: list[str], repeat: int) -> float:
    """Best-of-``repeat`` words per second of ``fn`` over all texts (after one warm-up pass)."""
    for t in texts:
        fn(t)
    n = words(texts)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return n / best


def command() -> list[str]:
    """The ``figcheck`` console script of this interpreter's environment (next to it, as pip
    installs it), else ``python -m figcheck``.  Not the first ``figcheck`` on ``PATH``: that may
    be a version manager's shim (pyenv's is a bash script that adds ~0.1 s) or another
    environment's install."""
    script = Path(sys.executable).with_name("figcheck")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "figcheck"]


def cold_start(article: Path, runs: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Wall times of ``figcheck extract --format json article`` in fresh interpreters, two ways,
    run alternately so that both meet the same machine load:

    * ``installed``: figcheck's bytecode compiled once beforehand (as ``pip install`` does), in a
      private ``PYTHONPYCACHEPREFIX``; the number the < 0.3 s target is about;
    * ``source``: the environment as it is (what this bench measured before); in a checkout run
      with ``PYTHONDONTWRITEBYTECODE=1`` and no ``__pycache__``, figcheck's modules are compiled
      from source on every run.

    Also the CPU time (user + system) of each run, which a loaded machine inflates far less than
    the wall time."""
    exe = command()
    exe += ["extract", "--format", "json", str(article)]
    times: dict[str, list[float]] = {"installed": [], "source": []}
    cpu: dict[str, list[float]] = {"installed": [], "source": []}
    with tempfile.TemporaryDirectory() as warm:
        installed = dict(os.environ, PYTHONPYCACHEPREFIX=warm)
        installed.pop("PYTHONDONTWRITEBYTECODE", None)
        envs = {"installed": installed, "source": dict(os.environ)}
        subprocess.run(exe, check=False, stdout=subprocess.DEVNULL, cwd=ROOT, env=envs["installed"])
        for _ in range(runs):
            for mode, env in envs.items():
                r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
                t0 = time.perf_counter()
                subprocess.run(exe, check=False, stdout=subprocess.DEVNULL, cwd=ROOT, env=env)
                times[mode].append(time.perf_counter() - t0)
                r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu[mode].append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
    return times, cpu


def thousand_word_article(texts: list[str]) -> str:
    out: list[str] = []
    n = 0
    for t in texts:
        out.append(t.split("\n", 1)[-1].strip())
        n += len(t.split())
        if n >= 1000:
            break
    body = "\n\n".join(out)
    return "# Benchmark article\n\n" + " ".join(body.split(" ")[:1000])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cold-runs", type=int, default=7)
    ap.add_argument("--quantulum-repeat", type=int, default=1)
    ap.add_argument("--cold-only", action="store_true", help="only the cold-start measurement")
    args = ap.parse_args()

    import figcheck

    texts = corpus_texts()
    print(f"corpus: {len(texts)} texts, {words(texts):,} words")
    if args.cold_only:
        return cold(texts, args.cold_runs)

    fig = throughput(lambda t: figcheck.extract(t), texts, args.repeat)
    print(f"figcheck.extract        {fig:12,.0f} words/s (warm, best of {args.repeat})")

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser as q3

        t0 = time.perf_counter()
        q3.parse("a 5 km walk")
        q3_load = time.perf_counter() - t0
        q3_rate = throughput(q3.parse, texts, args.quantulum_repeat)
    print(f"quantulum3.parser.parse {q3_rate:12,.0f} words/s (warm; first call took {q3_load:.2f} s)")
    print(f"ratio figcheck/quantulum3: {fig / q3_rate:.1f}x  (target >= 30x)")

    stories = []
    for path in sorted((ROOT / "corpus" / "check").glob("*.json")):
        try:
            story = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        stories.append(
            [
                figcheck.Document(
                    id=d["id"], text=d["text"], title=d.get("title"), source=d.get("source"),
                    published=d.get("published"), story=story.get("story"),
                )
                for d in story.get("documents", [])
            ]
        )
    if stories:
        n_docs = sum(len(s) for s in stories)
        n_words = sum(len(d.text.split()) for s in stories for d in s)
        for s in stories:
            figcheck.check(s)
        t0 = time.perf_counter()
        for s in stories:
            figcheck.check(s)
        dt = time.perf_counter() - t0
        print(
            f"figcheck.check          {n_words / dt:12,.0f} words/s, {n_docs / dt:,.0f} documents/s "
            f"({len(stories)} stories, {n_docs} documents)"
        )

    return cold(texts, args.cold_runs)


def cold(texts: list[str], runs: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "article.md"
        article.write_text(thousand_word_article(texts), encoding="utf-8")
        env_words = len(article.read_text().split())
        by_mode, cpu = cold_start(article, runs)
        for mode, times in by_mode.items():
            how = ("bytecode compiled, as installed" if mode == "installed" else
                   "environment as is" + (" (PYTHONDONTWRITEBYTECODE: figcheck compiled each run)"
                                          if os.environ.get("PYTHONDONTWRITEBYTECODE") else ""))
            target = " (target < 0.3 s)" if mode == "installed" else ""
            print(
                f"cold start 'figcheck extract' on a {env_words}-word article, {how}: median "
                f"{statistics.median(times):.3f} s, min {min(times):.3f} s over {len(times)} runs"
                f"{target}; CPU median {statistics.median(cpu[mode]):.3f} s"
            )
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    raise SystemExit(main())
