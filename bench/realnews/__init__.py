"""Parts of the real-text harness ``bench/realnews.py`` (issue 9).

``numbers``: a number reader independent of figcheck; ``corpus``: the fetched JSONL corpora;
``alarms``: false alarms and judged verdicts; ``plant``: planted errors; ``headlines``: headline
numbers extracted; ``pairs``: candidate figure pairs and the same-fact adapter.
"""
