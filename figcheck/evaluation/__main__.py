"""``python -m figcheck.evaluation extract|check|all [options]``."""

from __future__ import annotations

import sys
from collections.abc import Sequence

USAGE = "usage: python -m figcheck.evaluation {extract,check,all} [options]  (-h after one for help)"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help"):
        print(USAGE)
        return 0 if args else 2
    which, rest = args[0], args[1:]
    if which == "extract":
        from .extract import main as run

        return run(rest)
    if which == "check":
        from .check import main as run_check

        return run_check(rest)
    if which == "all":
        from .check import main as run_check
        from .extract import main as run

        code = run([])
        print()
        return max(code, run_check([]))
    print(USAGE)
    return 2


if __name__ == "__main__":
    sys.exit(main())
