"""``json``: the documented report object; ``jsonl``: one finding object per line."""

from __future__ import annotations

import json

from ..model import CheckRun
from .visible import json_safe


def render(run: CheckRun) -> str:
    return json_safe(json.dumps(run.report.to_json(), ensure_ascii=False, indent=2)) + "\n"


def render_lines(run: CheckRun) -> str:
    return json_safe("".join(
        json.dumps(f.model_dump(mode="json"), ensure_ascii=False) + "\n" for f in run.report.findings
    ))
