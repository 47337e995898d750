"""Small synthetic news corpora (written for these tests; no real article text) in the JSONL
layout of the fetched real corpora, for the real-text harness tests."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for p in (ROOT / "bench", ROOT):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

ARTICLES: list[dict[str, object]] = [
    {"id": "a1", "source": "Harbour Herald", "title": "Ferry fire forces 340 passengers ashore",
     "text": "A fire on a ferry forced 340 passengers ashore on Tuesday, the operator said.\n\n"
             "The vessel had left the port of Tarrow at dawn. Crew members put out the blaze "
             "within an hour.\n\nNo one was hurt, according to the coastguard. The operator "
             "said it would inspect the rest of its fleet of 12 ships.",
     "published": "2024-03-05", "story": None, "url": "https://example.invalid/a1",
     "collection": "synthetic", "split": "dev"},
    {"id": "a2", "source": "Valley Gazette", "title": "Council approves new budget",
     "text": "The council approved a budget of £84m on Monday.\n\nSpending on roads rose from "
             "£40m to £50m, a 25% increase, while libraries kept their funding.\n\nOf the "
             "council's 120 staff, 80 work in the town hall and 40 work at the depot.\n\n"
             "Councillors said the £84m budget was the largest in a decade.",
     "published": "2024-02-12", "story": None, "url": "https://example.invalid/a2",
     "collection": "synthetic", "split": "dev"},
    {"id": "a3", "source": "Coastal Times", "title": "Storm brings heavy rain to the coast",
     "text": "Winds reached 60 mph (97 km/h) as the storm came ashore on Friday.\n\nThe river "
             "rose 3 metres (10 feet) in a day. Forecasters said temperatures fell to 5C (41F) "
             "overnight.\n\nAbout 2,000 homes lost power, the utility said, and crews had "
             "restored most of them by the evening.",
     "published": "2024-01-19", "story": None, "url": "https://example.invalid/a3",
     "collection": "synthetic", "split": "test"},
    {"id": "a4", "source": "Metro Daily", "title": "Museum visitor numbers climb",
     "text": "The museum welcomed 1.2 million visitors last year, up from 900,000 the year "
             "before, a rise of 33%.\n\nIts director said school groups accounted for much of "
             "the growth. Tickets cost $25 for adults.\n\nThe museum now expects 1.5 million "
             "visitors in 2025.",
     "published": "2024-04-02", "story": None, "url": "https://example.invalid/a4",
     "collection": "synthetic", "split": "test"},
]

CLUSTER: list[dict[str, object]] = [
    {"id": "c1", "source": "Northern Wire", "title": "Quake strikes mountain region",
     "text": "An earthquake of magnitude 6.1 struck the mountain region on Sunday, killing 14 "
             "people, officials said.\n\nRescuers pulled 35 people from the rubble of a school "
             "in the town of Orvel. About 600 homes were damaged.",
     "published": "2024-05-12", "story": "quake-1", "url": "https://example.invalid/c1",
     "collection": "synthetic", "split": "dev"},
    {"id": "c2", "source": "Capital Post", "title": "Rescuers search rubble after quake",
     "text": "Rescuers searched collapsed buildings on Sunday after an earthquake killed 14 "
             "people in the mountain region.\n\nIn Orvel, 35 people were pulled alive from a "
             "school. Officials said about 600 homes were damaged and roads were blocked.",
     "published": "2024-05-12", "story": "quake-1", "url": "https://example.invalid/c2",
     "collection": "synthetic", "split": "test"},
]


def write(path: Path, records: list[dict[str, object]], bad: int = 0) -> Path:
    lines = [json.dumps(r) for r in records] + ["{not json"] * bad
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
