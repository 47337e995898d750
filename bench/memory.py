"""Peak memory of ``figcheck check`` on hostile and big single inputs (issue 13, item 9).

    python bench/memory.py                      # every case, documents of the maximum size
    python bench/memory.py --doc-chars 2000000  # parsed documents of 2M characters instead
    python bench/memory.py --quick              # reading only: no document is parsed

Each case runs ``python -m figcheck check ...`` in its own subprocess and reads that process's
peak resident set size from ``os.wait4`` (``ru_maxrss``).  Printed per case: exit code, seconds,
peak RSS in MB, and the first line of standard error.  Target: under 500 MB for every input up to
the size limit (``figcheck.inputs.MAX_INPUT_BYTES`` bytes read, ``MAX_DOCUMENT_CHARS`` characters
parsed).  Inputs are synthetic and written to a temporary folder that is removed afterwards.

Reading is bounded (a bomb or ``/dev/zero`` stays near 110 MB).  Parsing is not yet: the dense
prose below (a figure every 80 characters) costs about 125 MB per million characters on
2026-12-07, before the claim frames.  ``--news-sizes`` measured on 2026-12-07 (after the claim
frames, main at e95329d), news-like prose from corpus/extract:

    1,000,000 chars   301 MB     2,000,000 chars   564 MB     4,000,000 chars  1,089 MB
    8,000,000 chars 2,124 MB (measured with the limit raised in the child process)

about 270 MB per million characters, so the limit (``MAX_DOCUMENT_CHARS``) is 1,500,000 characters:
the largest size that stays under 500 MB.  Linear time on 4 MB documents is measured on the library
(``bench/linear.py``), which has no such limit.
tracemalloc on 200,000 characters (67 MB traced peak): pydantic models 13 MB, ``copy`` 7 MB and the
per-field token table of ``figcheck/parser/subject.py`` 7 MB (``_field_tokens``, which its
``lru_cache(maxsize=4)`` keeps after the call).
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MB = 1 << 20


def gzip_bomb(path: Path, byte: bytes, total_mb: int, line_every: int | None = None) -> Path:
    """``total_mb`` MB of ``byte`` as a multi-member gzip file: one compressed 1 MB member written
    ``total_mb`` times (a few MB on disk, decompressed in full only by a reader without limits)."""
    block = byte * MB
    if line_every:
        block = b"\n".join(block[i:i + line_every] for i in range(0, MB, line_every))[:MB]
    member = gzip.compress(block, compresslevel=9)
    with path.open("wb") as out:
        for _ in range(total_mb):
            out.write(member)
    return path


def prose(chars: int) -> str:
    """Plain news-like sentences with a figure in every few, ``chars`` characters long."""
    sentences = [
        "Officials said the convoy of 12 trucks travelled along the coast road before stopping.",
        "The council met on Tuesday and members agreed to review the plan next month.",
        "About 40 people attended the meeting, which lasted for nearly three hours.",
        "Prices rose by 5% over the year, the statistics office said in its report.",
    ]
    blob = " ".join(sentences) + "\n\n"
    return (blob * (chars // len(blob) + 1))[:chars]


def news(chars: int, seed: int = 0) -> str:
    """Dense news-like prose from the ``corpus/extract/*.md`` texts (synthetic, in the repo): their
    paragraphs repeated in a shuffled order, with every figure varied per copy so that no two copies
    are identical, ``chars`` characters long."""
    import random
    import re

    root = Path(__file__).resolve().parent.parent / "corpus" / "extract"
    paras = [p.strip() for f in sorted(root.glob("*.md"))
             for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    rng = random.Random(seed)
    digit = re.compile(r"[1-9]")
    out: list[str] = []
    size = 0
    while size < chars:
        order = paras[:]
        rng.shuffle(order)
        for para in order:
            para = digit.sub(lambda m: str(rng.randint(1, 9)), para)
            out.append(para + "\n\n")
            size += len(para) + 2
            if size >= chars:
                break
    return "".join(out)[:chars]


def run_case(args: list[str], stdin_path: str | None = None) -> tuple[int, float, float, str]:
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL  # noqa: SIM115
    t0 = time.perf_counter()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "figcheck", "check", "-q", "--exit-zero", *args],
                                stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        assert proc.stderr is not None
        err = proc.stderr.read().decode("utf-8", "replace")
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if stdin_path:
            stdin.close()  # type: ignore[union-attr]
    seconds = time.perf_counter() - t0
    peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    first = err.strip().splitlines()[0] if err.strip() else ""
    return proc.returncode, seconds, peak_mb, first


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="skip the max-size documents")
    ap.add_argument("--bomb-mb", type=int, default=2048, help="decompressed size of the gzip bombs")
    ap.add_argument("--doc-chars", type=int, default=None,
                    help="characters of the parsed documents [MAX_DOCUMENT_CHARS]")
    ap.add_argument("--news-sizes", default=None,
                    help="comma-separated sizes in characters: only measure `check` on dense news-like\n"
                         "prose made from corpus/extract/*.md at each size (e.g. 1000000,2000000)")
    opts = ap.parse_args()
    if opts.news_sizes:
        return news_table([int(x) for x in opts.news_sizes.split(",")])

    from figcheck.inputs import MAX_DOCUMENT_CHARS, MAX_INPUT_BYTES

    chars = opts.doc_chars or MAX_DOCUMENT_CHARS
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        cases: list[tuple[str, list[str], str | None]] = [
            ("baseline: a 1-line draft", [str(_write(d / "small.md", "About 5 people were hurt.\n"))], None),
            (f"gzip bomb, {opts.bomb_mb} MB of spaces (.txt.gz)",
             [str(gzip_bomb(d / "spaces.txt.gz", b" ", opts.bomb_mb))], None),
            (f"gzip bomb, {opts.bomb_mb} MB of zeros (.txt.gz)",
             [str(gzip_bomb(d / "zeros.txt.gz", b"\0", opts.bomb_mb))], None),
            (f"gzip bomb, {opts.bomb_mb} MB one-line .jsonl.gz",
             [str(gzip_bomb(d / "line.jsonl.gz", b"x", opts.bomb_mb))], None),
            ("/dev/zero as a path", ["/dev/zero"], None),
            ("/dev/zero as standard input", ["-", "--stdin-filename", "zero.txt"], "/dev/zero"),
            ("/dev/zero as standard input (.jsonl)", ["-", "--stdin-filename", "zero.jsonl"], "/dev/zero"),
            (f"plain text over the byte limit ({(MAX_INPUT_BYTES + MB) / 1e6:.0f} MB)",
             [str(_write(d / "over.txt", " " * MB, repeat=MAX_INPUT_BYTES // MB + 1))], None),
        ]
        if not opts.quick:
            cases += [
                (f"plain input, {chars:,} chars of prose",
                 [str(_write(d / "max.txt", prose(chars // 100), repeat=100))], None),
                (f".jsonl record, {chars:,} chars of prose",
                 [str(_write(d / "max.jsonl", prose(chars // 100).replace("\n", "\\n"),
                             repeat=100, head='{"id": "m", "text": "', tail='"}\n'))], None),
            ]
        for name, args, stdin in cases:
            code, seconds, peak, first = run_case(args, stdin)
            rows.append((name, code, seconds, peak, first))
            print(f"{name:<52} exit {code}  {seconds:7.1f} s  {peak:7.0f} MB  {first[:90]}", flush=True)
    worst = max(r[3] for r in rows)
    print(f"worst peak RSS: {worst:.0f} MB (target < 500 MB)")
    return 0 if worst < 500 else 1


def news_table(sizes: list[int]) -> int:
    """Peak RSS and seconds of ``figcheck check`` on news-like prose of each size."""
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for chars in sizes:
            path = Path(tmp) / f"news-{chars}.md"
            path.write_text(news(chars), encoding="utf-8")
            code, seconds, peak, first = run_case([str(path)])
            worst = max(worst, peak)
            print(f"news-like prose {chars:>11,} chars  exit {code}  {seconds:7.1f} s  {peak:7.0f} MB  "
                  f"{first[:90]}", flush=True)
    print(f"worst peak RSS: {worst:.0f} MB (target < 500 MB)")
    return 0 if worst < 500 else 1


def _write(path: Path, text: str, repeat: int = 1, head: str = "", tail: str = "") -> Path:
    """``head + text * repeat + tail``, written piece by piece: this process stays small, since a
    child's peak RSS starts from its parent's size at fork."""
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        for _ in range(repeat):
            out.write(text)
        out.write(tail)
    return path


if __name__ == "__main__":
    raise SystemExit(main())
