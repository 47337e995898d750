"""Rebuild ``.data/realnews/`` -- real English news nobody on the team wrote -- from fetched snapshots.

    python bench/realnews/build.py                      # snapshots found under /work/.mirror
    python bench/realnews/build.py --mirror DIR --out .data/realnews
    python bench/realnews/build.py --max-articles 8000 --sample-clusters 30

The snapshots are bare git directories brought in by the search tool's ``fetch`` (see
``bench/realnews/README.md``); nothing here touches the network.  Output, one article a line:

    {"id", "source", "title", "text", "published", "story", "url", "collection", "split"}

* ``articles.jsonl``: single articles, ``story`` null (an archive of unrelated reports).
* ``clusters.jsonl``: several outlets' reports of one event, ``story`` = the cluster id.
  No article is in both files.
* ``manifest.json``: the snapshots used (repository, commit), the counts, the settings.
* ``cluster_sample.txt`` (with ``--sample-clusters N``): N seeded random clusters, titles and
  leads, for reading by hand.

Everything is deterministic: the same snapshots give byte-identical files.  The selection and the
dev/test split use a SHA-256 of the id (of the story id for clusters, so a cluster is never split),
never Python's randomised ``hash``.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import html
import json
import math
import re
import subprocess
import sys
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MIRROR = Path("/work/.mirror")
DEFAULT_OUT = ROOT / ".data" / "realnews"

# ---------------------------------------------------------------------------------------------
# Snapshots
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    repo: str  # owner/name on GitHub
    collection: str  # the "collection" field of the records
    licence: str  # what the repository says (the article texts stay their publishers')
    clusters: bool = True  # several outlets on the same days: a source of event clusters


SNAPSHOTS: tuple[Snapshot, ...] = (
    Snapshot(
        "ramybaly/Article-Bias-Prediction",
        "allsides-baly2020",
        "Apache-2.0 (repository); article texts (c) their publishers",
    ),
    Snapshot(
        "gsandeep1241/TextSummarizer",
        "duc2006-2007",
        "none stated; DUC 2006/2007 test documents from the LDC AQUAINT corpus, distributed by NIST "
        "under its research agreement",
    ),
    Snapshot(
        "colibri17/TextCategorization",
        "reuters21578",
        "Reuters-21578 Distribution 1.0: copyright Reuters Ltd; Reuters and Carnegie Group allow free "
        "distribution for research purposes only",
        clusters=False,  # one outlet, and no other collection covers 1987
    ),
)


def mirror_dir(mirror: Path, repo: str) -> Path | None:
    """The bare git dir ``fetch`` made for ``repo`` under ``mirror`` (or None)."""
    base = mirror / repo.replace("/", "+")
    for cand in (base / "repo", base):
        if (cand / "HEAD").is_file() and (cand / "objects").is_dir():
            return cand
    return None


def git(gitdir: Path, *args: str, data: bytes | None = None) -> bytes:
    return subprocess.run(
        ["git", "--git-dir", str(gitdir), *args], input=data, capture_output=True, check=True
    ).stdout


def head_commit(gitdir: Path) -> str:
    return git(gitdir, "rev-parse", "HEAD").decode().strip()


def list_files(gitdir: Path, prefix: str) -> list[tuple[str, str]]:
    """(path, blob id) of every file under ``prefix`` at HEAD, sorted by path."""
    out = git(gitdir, "ls-tree", "-r", "HEAD", "--", prefix).decode("utf-8", "replace")
    files = []
    for line in out.splitlines():
        meta, _, path = line.partition("\t")
        parts = meta.split()
        if len(parts) == 3 and parts[1] == "blob":
            files.append((path, parts[2]))
    return sorted(files)


def read_blobs(gitdir: Path, files: Sequence[tuple[str, str]]) -> Iterator[tuple[str, bytes]]:
    """(path, content) for each (path, blob id), through one ``git cat-file --batch``.

    Blob ids, not ``HEAD:path``: resolving a path walks its tree, quadratic in a 37k-file folder.
    """
    if not files:
        return
    req = "".join(f"{sha}\n" for _, sha in files).encode()
    out = git(gitdir, "cat-file", "--batch", data=req)
    pos = 0
    for path, _ in files:
        nl = out.index(b"\n", pos)
        header = out[pos:nl].split()
        pos = nl + 1
        if len(header) < 3 or header[1] == b"missing":
            continue
        size = int(header[2])
        yield path, out[pos : pos + size]
        pos += size + 1


# ---------------------------------------------------------------------------------------------
# Pure text functions (tested in tests/realnews)
# ---------------------------------------------------------------------------------------------

_WS = re.compile(r"[ \t\r\f\v\u00a0\u2009\u202f]+")
_BLANK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n+")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)?")


def normalize_paragraphs(text: str) -> str:
    """Paragraphs separated by exactly one blank line, spaces collapsed, ends stripped.

    Blank lines split paragraphs.  Where the text has no blank line at all, every line is a
    paragraph (one-paragraph-per-line dumps).  Lines inside a paragraph are joined with a space
    (wrapped wire copy).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = _BLANK.split(text) if _BLANK.search(text) else text.split("\n")
    paras = []
    for b in blocks:
        p = _WS.sub(" ", " ".join(line.strip() for line in b.split("\n"))).strip()
        if p:
            paras.append(p)
    return "\n\n".join(paras)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


_EN_COMMON = frozenset(
    "the of and to a in is that for on it with as was he said by at be his from are have has an "
    "but not this they which or were been their its who had will would more than after also".split()
)


def english_share(text: str) -> float:
    """Share of tokens that are among the 40 commonest English words (English news: ~0.3-0.45)."""
    toks = [w.lower() for w in words(text)]
    if not toks:
        return 0.0
    return sum(1 for t in toks if t in _EN_COMMON) / len(toks)


def is_english(text: str) -> bool:
    return english_share(text) >= 0.18


_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]|\u00e2\u20ac")


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 read as cp1252 (``ItÃ¢â‚¬â„¢s`` -> ``It\u2019s``), up to twice; else unchanged."""
    for _ in range(2):
        if not _MOJIBAKE.search(text):
            break
        try:
            text = text.encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            # some characters are not cp1252: repair run by run
            text = re.sub(
                "(?:" + _MOJIBAKE.pattern + ")[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]*",
                _fix_run, text,
            )
            break
    return text


def _fix_run(m: re.Match[str]) -> str:
    try:
        return m.group(0).encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return m.group(0)


# Page furniture the scraper kept: not the article's words, and full of stray numbers.
_BOILERPLATE = re.compile(
    r"This article is more than \d+ (?:months?|years?) old\s*"
    r"|Enlarge this image\s*(?:toggle caption)?"
    r"|LISTEN TO ARTICLE \d+:\d+\s*"
    r"|SHARE THIS ARTICLE Share Tweet Post Email\s*"
    r"|Follow @\w+ for all the latest news,?[^\n]*"
    r"|^\s*(?:CLOSE|Story highlights)\b\s*"
    r"|^\s*\d+ (?:years?|months?|days?) ago\b\s*",
    re.M,
)
# whole lines that are furniture: reader polls, "Latest:" teasers, an outlet's name alone
_FURNITURE_LINE = re.compile(
    r"^\s*(?:Latest:|.*Vote Here Now\s*$|Advertisement\s*$|USA TODAY\s*$|Read More\s*$)", re.M
)


# The Hill's name hover cards, scraped inline: "President Trump Donald John TrumpGOP senators balk
# at ... MORE is facing" -> "President Trump is facing".
_HOVER_CARD = re.compile(r"\b([A-Z][\w'\-]+) (?:[A-Z(][\w.'()\-]* ){0,4}\1(?=[A-Z0-9\u2018\u201c'\"])[^\n]{0,600}? MORE\b")


def strip_boilerplate(text: str) -> str:
    """Remove the scraper's page furniture (age notices, share bars, polls, caption toggles,
    hover cards)."""
    text = _HOVER_CARD.sub(lambda m: m.group(1), text)
    text = _BOILERPLATE.sub("", text)
    return "\n".join(line for line in text.split("\n") if not _FURNITURE_LINE.match(line))


def stable_unit(key: str) -> float:
    """A number in [0, 1) fixed by ``key`` (SHA-256), for sampling and splits."""
    return int(hashlib.sha256(key.encode()).hexdigest()[:12], 16) / float(1 << 48)


def split_of(key: str, test_share: float = 0.30) -> str:
    return "test" if stable_unit("split:" + key) < test_share else "dev"


_MONTHS: dict[str, int] = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


def parse_date(raw: str | None) -> str | None:
    """``YYYY-MM-DD`` from the date forms the collections use, or None."""
    if not raw:
        return None
    raw = raw.strip()
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", raw) or re.match(r"^(\d{4})(\d{2})(\d{2})$", raw)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    elif m := re.match(r"^(\d{1,2})-([A-Za-z]{3})-(\d{4})\b", raw):
        mon = _MONTHS.get(m.group(2).lower())
        if mon is None:
            return None
        y, mo, d = int(m.group(3)), mon, int(m.group(1))
    else:
        m = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{2,4})$", raw)
        if not m:
            return None
        mo, d, y = (int(g) for g in m.groups())
        if y < 100:
            y += 2000 if y < 70 else 1900
    try:
        day = _dt.date(y, mo, d)
    except ValueError:
        return None
    if not 1980 <= day.year <= 2030:
        return None
    return day.isoformat()


def shingles(text: str, n: int = 5) -> set[int]:
    """CRC-32 hashes of the lower-cased word n-grams of ``text`` (stable across runs)."""
    toks = [w.lower() for w in words(text)]
    if len(toks) < n:
        return {zlib.crc32(" ".join(toks).encode())} if toks else set()
    return {zlib.crc32(" ".join(toks[i : i + n]).encode()) for i in range(len(toks) - n + 1)}


def near_duplicates(
    texts: Sequence[str], threshold: float = 0.6, sketch: int = 12, max_bucket: int = 60
) -> list[int]:
    """Indexes of texts that nearly repeat an earlier one (kept: the first of each group).

    Two texts are near-duplicates when one contains at least ``threshold`` of the other's word
    5-grams (containment, so a trimmed or extended reprint counts).  Candidates come from shared
    bottom-``sketch`` shingle hashes; a hash shared by more than ``max_bucket`` texts (boilerplate)
    proposes nothing.  Linear in the total text size apart from the (small) candidate checks.
    """
    sets = [shingles(t) for t in texts]
    buckets: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(sets):
        for h in sorted(s)[:sketch]:
            buckets[h].append(i)
    dropped: set[int] = set()
    for i, s in enumerate(sets):
        if not s:
            continue
        seen: set[int] = set()
        for h in sorted(s)[:sketch]:
            members = buckets[h]
            if len(members) > max_bucket:
                continue
            for j in members:
                if j >= i or j in seen or j in dropped:
                    continue
                seen.add(j)
                other = sets[j]
                inter = len(s & other)
                if inter and inter / min(len(s), len(other)) >= threshold:
                    dropped.add(i)
                    break
            if i in dropped:
                break
    return sorted(dropped)


# --- clustering ------------------------------------------------------------------------------

_STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my no nor not now of off on once only or other our ours out over own same she
    should so some such than that the their theirs them then there these they this those through to
    too under until up very was we were what when where which while who whom why will with would you
    your said says say told tells according new one two three first last year years day days week
    weeks month months time people mr mrs ms monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    percent million billion thousand hundred like get got make made many much well back even still
    around since yet another way next ago early later""".split()
)


def content_terms(text: str) -> list[str]:
    """Lower-cased content words of ``text`` (no stop words, no pure numbers, 3+ letters)."""
    return [t for t in (w.lower() for w in words(text)) if len(t) >= 3 and t not in _STOP and not t.isdigit()]


_CAP_SEQ = re.compile(
    r"\b(?:[A-Z][a-zA-Z'\u2019\-]+|[A-Z]{2,})(?:\s+(?:of|de|la|al|bin|van|von|the)?\s*(?:[A-Z][a-zA-Z'\u2019\-]+|[A-Z]{2,}))*"
)


def entities(text: str) -> set[str]:
    """Capitalised names in ``text``: runs of capitalised words, lower-cased, stop words removed.

    A run that starts a sentence keeps only its later words when its first word is a stop word
    (``The Senate`` -> ``senate``).  Single-letter and all-stop-word runs are dropped.
    """
    out: set[str] = set()
    for m in _CAP_SEQ.finditer(text):
        toks = [t for t in re.split(r"\s+", m.group(0).strip()) if t]
        while toks and toks[0].lower() in _STOP:
            toks = toks[1:]
        while toks and toks[-1].lower() in _STOP:
            toks = toks[:-1]
        if not toks:
            continue
        name = " ".join(t.lower().strip("'\u2019-") for t in toks)
        name = re.sub(r"['\u2019]s$", "", name)
        if len(name) >= 3:
            out.add(name)
    return out


@dataclass
class Doc:
    """What clustering needs of an article."""

    id: str
    source: str
    date: str  # YYYY-MM-DD
    title: str
    lead: str  # first paragraphs
    group: str | None = None  # a curated topic set the collection ships (DUC docset), or None
    terms: dict[str, float] = field(default_factory=dict)  # TF-IDF of title + lead, L2-normalised
    title_terms: dict[str, float] = field(default_factory=dict)  # TF-IDF of the title alone
    ents: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class ClusterSettings:
    window_days: int = 1  # |date a - date b| <= window
    min_cosine: float = 0.35  # TF-IDF cosine of title + lead
    min_shared_entities: int = 2  # distinct shared names that are not generic ...
    min_rare_entities: int = 1  # ... of which this many are rare
    generic_df: float = 0.01  # a name in more than this share of documents is generic (never counts)
    rare_df: float = 0.001  # a name in at most this share (or 5 documents) is rare
    later_day_cosine: float = 0.45  # reports dated on different days must be this similar
    min_title_cosine: float = 0.12  # the two headlines share specific words
    complete_cosine: float = 0.30  # every pair inside a cluster at least this similar
    max_size: int = 5


def lead_of(text: str, max_words: int = 90) -> str:
    out: list[str] = []
    n = 0
    for p in text.split("\n\n"):
        out.append(p)
        n += len(p.split())
        if n >= max_words:
            break
    return "\n\n".join(out)


def prepare(docs: Sequence[Doc]) -> Counter[str]:
    """Fill ``terms`` (TF-IDF of title twice + lead) and ``ents``; return the names' document counts."""
    df: Counter[str] = Counter()
    edf: Counter[str] = Counter()
    toks: list[list[str]] = []
    for d in docs:
        t = content_terms(d.title) * 2 + content_terms(d.lead)
        toks.append(t)
        df.update(set(t))
        d.ents = entities(d.title + "\n" + d.lead)
        edf.update(d.ents)
    n = max(len(docs), 1)

    def tfidf(t: list[str]) -> dict[str, float]:
        vec = {w: (1 + math.log(c)) * math.log((n + 1) / (df[w] + 1)) for w, c in Counter(t).items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}

    for d, t in zip(docs, toks):
        d.terms = tfidf(t)
        d.title_terms = tfidf(content_terms(d.title))
    return edf


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def _days(a: str, b: str) -> int:
    return abs((_dt.date.fromisoformat(a) - _dt.date.fromisoformat(b)).days)


def link_score(a: Doc, b: Doc, edf: Counter[str], n: int, s: ClusterSettings) -> float | None:
    """The pair's TF-IDF cosine when the two are linkable as one event, else None.

    Linkable: different outlets, dates within the window, the same curated group where both have
    one, cosine at least ``min_cosine`` (``later_day_cosine`` when dated on different days -- the
    next day's development of a story is another event), headlines that share specific words
    (title cosine ``min_title_cosine``), and enough shared *specific* names: names found in more
    than ``generic_df`` of the pool (a country, a president, an index) do not count at all; at
    least ``min_shared_entities`` others must be shared, ``min_rare_entities`` of them rare.
    """
    if a.source == b.source or _days(a.date, b.date) > s.window_days:
        return None
    if a.group is not None and b.group is not None and a.group != b.group:
        return None
    cos = cosine(a.terms, b.terms)
    if cos < (s.min_cosine if a.date == b.date else max(s.min_cosine, s.later_day_cosine)):
        return None
    if cosine(a.title_terms, b.title_terms) < s.min_title_cosine:
        return None
    generic = max(s.generic_df * n, 10.0)
    rare = max(s.rare_df * n, 5.0)
    shared = [edf[e] for e in a.ents & b.ents if edf[e] <= generic]
    if len(shared) < s.min_shared_entities or sum(1 for c in shared if c <= rare) < s.min_rare_entities:
        return None
    return cos


def cluster(docs: Sequence[Doc], settings: ClusterSettings = ClusterSettings()) -> list[list[str]]:
    """Event clusters of 2+ reports from different outlets (lists of ids, sorted; clusters sorted).

    Candidate pairs come from the date window (and share a term); pairs are merged strongest
    first, and two clusters merge only when every cross pair is at least ``complete_cosine``
    similar, their outlets do not repeat and the result stays within ``max_size``.
    """
    docs = sorted(docs, key=lambda d: d.id)
    edf = prepare(docs)
    n = len(docs)
    by_date: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        by_date[d.date].append(i)
    pairs: list[tuple[float, int, int]] = []
    for day, idx in sorted(by_date.items()):
        base = _dt.date.fromisoformat(day)
        near: list[int] = []
        for k in range(0, settings.window_days + 1):
            near.extend(by_date.get((base + _dt.timedelta(days=k)).isoformat(), []))
        for i in idx:
            for j in near:
                if j <= i and docs[j].date == day:
                    continue
                sc = link_score(docs[i], docs[j], edf, n, settings)
                if sc is not None:
                    pairs.append((sc, min(i, j), max(i, j)))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    owner = list(range(len(docs)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(docs))}
    for _, i, j in pairs:
        ci, cj = owner[i], owner[j]
        if ci == cj:
            continue
        a, b = members[ci], members[cj]
        if len(a) + len(b) > settings.max_size:
            continue
        if {docs[k].source for k in a} & {docs[k].source for k in b}:
            continue
        if any(cosine(docs[x].terms, docs[y].terms) < settings.complete_cosine for x in a for y in b):
            continue
        keep, gone = (ci, cj) if ci < cj else (cj, ci)
        members[keep] = members[keep] + members[gone]
        for k in members[gone]:
            owner[k] = keep
        del members[gone]
    out = [sorted(docs[k].id for k in m) for m in members.values() if len(m) >= 2]
    return sorted(out)


_OPINION_URL = re.compile(
    r"/(?:opinions?|commentary|columns?|columnists?|editorials?|op-?eds?|blogs?|ideas|analysis|"
    r"perspectives?|views?|voices|letters)(?:/|-|$)",
    re.I,
)


_OPINION_MARK = re.compile(r"\b(?:OPINION|ANALYSIS|COMMENTARY|EDITORIAL|OP-ED)\b|^(?:Opinion|Analysis|Commentary)\s*[:|]")


def is_opinion_url(url: str | None) -> bool:
    """True for a URL under an opinion, column, blog or analysis section: not a news report."""
    return bool(url and _OPINION_URL.search(re.sub(r"^[a-z]+://[^/]+", "", url.strip())))


# Outlets whose pieces in the collection are mostly argument, not reports (kept in articles.jsonl,
# left out of event clusters).
OPINION_OUTLETS: frozenset[str] = frozenset(
    {"National Review", "American Spectator", "Daily Kos", "Salon", "Reason", "thenation.com"}
)


def is_opinion(title: str, text: str, url: str | None) -> bool:
    """An opinion or analysis piece: by its URL section, or flagged so in its headline or first words."""
    return is_opinion_url(url) or bool(_OPINION_MARK.search(title) or _OPINION_MARK.search(text[:120]))


def story_id(member_ids: Iterable[str]) -> str:
    return "story-" + hashlib.sha256("\n".join(sorted(member_ids)).encode()).hexdigest()[:12]


# ---------------------------------------------------------------------------------------------
# Readers (one per snapshot)
# ---------------------------------------------------------------------------------------------

Record = dict[str, Any]


_OUTLET_NAMES: dict[str, str] = {
    "abcnews.go.com": "ABC News", "aljazeera.com": "Al Jazeera", "apnews.com": "Associated Press",
    "bbc.co.uk": "BBC News", "bbc.com": "BBC News", "bloomberg.com": "Bloomberg",
    "breitbart.com": "Breitbart News", "businessinsider.com": "Business Insider", "cbn.com": "CBN",
    "cbsnews.com": "CBS News", "cnbc.com": "CNBC", "cnn.com": "CNN",
    "csmonitor.com": "Christian Science Monitor", "dailycaller.com": "The Daily Caller",
    "dailykos.com": "Daily Kos", "dailymail.co.uk": "Daily Mail", "dailywire.com": "The Daily Wire",
    "foxnews.com": "Fox News", "huffingtonpost.com": "HuffPost", "huffpost.com": "HuffPost",
    "latimes.com": "Los Angeles Times", "marketwatch.com": "MarketWatch", "motherjones.com": "Mother Jones",
    "msnbc.com": "MSNBC", "nationalreview.com": "National Review", "nbcnews.com": "NBC News",
    "newsmax.com": "Newsmax", "newyorker.com": "The New Yorker", "npr.org": "NPR",
    "nypost.com": "New York Post", "nytimes.com": "New York Times", "politico.com": "Politico",
    "reason.com": "Reason", "reuters.com": "Reuters", "salon.com": "Salon", "slate.com": "Slate",
    "spectator.org": "American Spectator", "theatlantic.com": "The Atlantic",
    "theblaze.com": "TheBlaze", "thedailybeast.com": "Daily Beast", "theguardian.com": "The Guardian",
    "thehill.com": "The Hill", "theweek.com": "The Week", "time.com": "Time", "townhall.com": "Townhall",
    "usatoday.com": "USA Today", "vox.com": "Vox", "washingtonexaminer.com": "Washington Examiner",
    "washingtonpost.com": "Washington Post", "washingtontimes.com": "Washington Times",
    "wsj.com": "Wall Street Journal", "yahoo.com": "Yahoo News",
}
# not news outlets: an encyclopedia, newsletters, the aggregator itself
_NOT_OUTLETS: frozenset[str] = frozenset(
    {"wikipedia.org", "theflipside.io", "mailchi.mp", "allsides.com", "campaign-archive1.com",
     "campaign-archive2.com", "campaign-archive.com"}
)
_TWO_LEVEL_SUFFIXES: frozenset[str] = frozenset({"co.uk", "com.au", "co.nz", "co.il", "com.sg", "co.in", "org.uk", "ac.uk"})


def site_of(url: str | None) -> str | None:
    """The registered domain of a URL or host name (``politicalticker.blogs.cnn.com`` -> ``cnn.com``).

    ``abcnews.go.com`` stays whole: ``go.com`` is Disney's umbrella, not an outlet.
    """
    if not url:
        return None
    host = re.sub(r"^[a-z]+://", "", url.strip().lower()).split("/")[0].split(":")[0]
    host = re.sub(r"^www\d*\.", "", host)
    if not re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", host):
        return None
    if host.endswith("abcnews.go.com"):
        return "abcnews.go.com"
    labels = host.split(".")
    keep = 3 if ".".join(labels[-2:]) in _TWO_LEVEL_SUFFIXES else 2
    return ".".join(labels[-keep:])


def outlet_of(site: str) -> str:
    """A readable outlet name for a registered domain, the domain itself when not in the table."""
    return _OUTLET_NAMES.get(site, site)


def read_allsides(gitdir: Path, collection: str) -> Iterator[Record]:
    """ramybaly/Article-Bias-Prediction: AllSides-listed articles, one JSON file each.

    The outlet is the article's site (``source_url``, else the article URL): the collection's
    ``source`` field names columnists and "Guest Writer" for many pieces, which is no outlet.
    """
    for path, blob in read_blobs(gitdir, list_files(gitdir, "data/jsons")):
        try:
            j = json.loads(blob)
        except ValueError:
            continue
        site = site_of(j.get("source_url")) or site_of(j.get("url"))
        if site is None or site in _NOT_OUTLETS:
            continue
        yield {
            "id": "allsides:" + str(j.get("ID") or Path(path).stem),
            "source": outlet_of(site),
            "title": fix_mojibake(_WS.sub(" ", j.get("title") or "").strip()),
            "text": normalize_paragraphs(strip_boilerplate(fix_mojibake(j.get("content_original") or ""))),
            "published": parse_date(j.get("date")),
            "url": j.get("url") or None,
            "collection": collection,
            "_group": None,
        }


_DUC_OUTLETS = {"APW": "Associated Press", "NYT": "New York Times", "XIE": "Xinhua"}
_TAG = re.compile(r"<[^>]+>")
_SGML_ENT = re.compile(r"&([A-Za-z]+);")
_NYT_NOISE = re.compile(
    r"\(story can end here[^)]*\)|\(optional (?:add|trim)[^)]*\)|^\s*(?:NYT|nyt)-\d\d-\d\d-\d\d.*$"
    r"|^\s*[A-Z]{2,}\s*$|^\s*\(?(?:more|MORE|end|END)\)?\s*$",
    re.M,
)


def _sgml_text(s: str) -> str:
    def ent(m: re.Match[str]) -> str:
        name = m.group(1).upper()
        return {"AMP": "&", "LT": "<", "GT": ">", "QUOT": '"'}.get(name, " ")

    s = _SGML_ENT.sub(ent, s)
    s = s.replace("``", "\u201c").replace("''", "\u201d")
    return html.unescape(s)


def parse_duc(doc: str) -> Record | None:
    """One DUC/AQUAINT ``<DOC>``: id, outlet, date, headline and ``<P>`` paragraphs."""
    m = re.search(r"<DOCNO>\s*(\S+)\s*</DOCNO>", doc)
    if not m:
        return None
    docno = m.group(1)
    outlet = _DUC_OUTLETS.get(docno[:3])
    if outlet is None:
        return None
    hm = re.search(r"<HEADLINE>(.*?)</HEADLINE>", doc, re.S)
    title = _WS.sub(" ", _sgml_text(_TAG.sub(" ", hm.group(1))).replace("\n", " ")).strip() if hm else ""
    tm = re.search(r"<TEXT>(.*?)</TEXT>", doc, re.S)
    body = tm.group(1) if tm else ""
    paras = re.findall(r"<P>(.*?)</P>", body, re.S) or [body]
    clean = []
    for p in paras:
        p = _NYT_NOISE.sub(" ", _sgml_text(_TAG.sub(" ", p)))
        p = _WS.sub(" ", p.replace("\n", " ")).strip()
        if p:
            clean.append(p)
    return {
        "id": "duc:" + docno,
        "source": outlet,
        "title": title,
        "text": "\n\n".join(clean),
        "published": parse_date(docno[3:11]),
        "url": None,
    }


def read_duc(gitdir: Path, collection: str) -> Iterator[Record]:
    """gsandeep1241/TextSummarizer: DUC 2006 and 2007 test document sets (AP, NYT, Xinhua)."""
    roots = ("DUC_data/DUC2006/duc2006_docs", "DUC_data/DUC2007/duc2007_testdocs")
    files = [f for r in roots for f in list_files(gitdir, r) if re.search(r"/(APW|NYT|XIE)\d", f[0])]
    for path, blob in read_blobs(gitdir, files):
        rec = parse_duc(blob.decode("utf-8", "replace"))
        if rec is None:
            continue
        docset = Path(path).parent.name  # D0601A, D0727G, ...
        rec["collection"] = collection
        rec["_group"] = "duc:" + re.sub(r"[A-Z]$", "", docset)[:5]
        yield rec


def parse_reuters(sgm: str) -> Iterator[Record]:
    """The stories of one Reuters-21578 ``.sgm`` file that have a title and a body.

    Paragraphs start with an indented line; the dateline (``LONDON, March 9 -``) opens the first
    one, as it does on the wire; the closing ``REUTER`` sign-off is dropped.
    """
    for m in re.finditer(r"<REUTERS\b[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", sgm, re.S):
        newid, doc = m.groups()
        tm = re.search(r"<TITLE>(.*?)</TITLE>", doc, re.S)
        bm = re.search(r"<BODY>(.*?)</BODY>", doc, re.S)
        if not tm or not bm:
            continue
        dm = re.search(r"<DATELINE>(.*?)</DATELINE>", doc, re.S)
        body = re.sub(r"&#\d+;", "", bm.group(1))
        body = re.sub(r"\s*\bREUTER\b\s*$", "", body.rstrip(), flags=re.I)
        paras: list[list[str]] = []
        for line in body.split("\n"):
            if not line.strip():
                continue
            if not paras or line[:1] in (" ", "\t"):
                paras.append([])
            paras[-1].append(line.strip())
        text = "\n\n".join(" ".join(p) for p in paras)
        if dm and text:
            text = _WS.sub(" ", html.unescape(dm.group(1))).strip() + " " + text
        date_m = re.search(r"<DATE>(.*?)</DATE>", doc, re.S)
        yield {
            "id": "reuters21578:" + newid,
            "source": "Reuters",
            "title": _WS.sub(" ", html.unescape(re.sub(r"&#\d+;", "", tm.group(1)))).strip(),
            "text": html.unescape(text),
            "published": parse_date(date_m.group(1)) if date_m else None,
            "url": None,
        }


def read_reuters(gitdir: Path, collection: str) -> Iterator[Record]:
    """colibri17/TextCategorization: the 22 files of Reuters-21578 (Reuters wire, Feb-Oct 1987)."""
    files = [f for f in list_files(gitdir, "reuters21578") if re.search(r"reut2-\d{3}\.sgm$", f[0])]
    for _path, blob in read_blobs(gitdir, files):
        for rec in parse_reuters(blob.decode("latin-1")):
            rec["collection"] = collection
            rec["_group"] = None
            yield rec


READERS = {"allsides-baly2020": read_allsides, "duc2006-2007": read_duc, "reuters21578": read_reuters}


# ---------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------

MIN_WORDS = 80
_DIGIT = re.compile(r"\d")


def eligible(rec: Record) -> str | None:
    """Why ``rec`` is dropped, or None to keep it."""
    if not rec["title"]:
        return "no headline"
    if not rec["source"]:
        return "no outlet"
    if len(words(rec["text"])) < MIN_WORDS:
        return "under 80 words"
    if not _DIGIT.search(rec["title"] + rec["text"]):
        return "no digits"
    if not is_english(rec["text"]):
        return "not English"
    return None


def public(rec: Record, story: str | None, split: str) -> Record:
    return {
        "id": rec["id"],
        "source": rec["source"],
        "title": rec["title"],
        "text": rec["text"],
        "published": rec["published"],
        "story": story,
        "url": rec["url"],
        "collection": rec["collection"],
        "split": split,
    }


def write_jsonl(path: Path, records: Iterable[Record]) -> int:
    n = 0
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")
            n += 1
    tmp.replace(path)
    return n


LABEL_FILES: tuple[str, ...] = ("pairs/dev.jsonl", "pairs/test.jsonl", "figures/dev.jsonl",
                                 "figures/test.jsonl")
"""Committed labels (bench/realnews/...) whose documents every build keeps."""


def labelled_ids(folder: Path = Path(__file__).resolve().parent) -> set[str]:
    """Ids of the documents that the committed pair and figure labels point at."""
    ids: set[str] = set()
    for name in LABEL_FILES:
        path = folder / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                for side in (rec, rec.get("a") or {}, rec.get("b") or {}):
                    if isinstance(side, dict) and side.get("doc"):
                        ids.add(str(side["doc"]))
    return ids


def build(
    mirror: Path, out: Path, max_articles: int, settings: ClusterSettings, sample: int, sample_seed: str = "final2"
) -> dict[str, Any]:
    found: list[tuple[Snapshot, Path]] = []
    missing: list[Snapshot] = []
    for snap in SNAPSHOTS:
        gd = mirror_dir(mirror, snap.repo)
        (found.append((snap, gd)) if gd else missing.append(snap))
    if missing:
        calls = " ".join(f"fetch github:{s.repo}" for s in missing)
        raise SystemExit(f"build.py: snapshot(s) missing under {mirror}; bring them with: {calls}")

    records: list[Record] = []
    drops: Counter[str] = Counter()
    manifest_snaps = []
    for snap, gd in found:
        n0 = len(records)
        for rec in READERS[snap.collection](gd, snap.collection):
            why = eligible(rec)
            if why:
                drops[why] += 1
            else:
                records.append(rec)
        manifest_snaps.append(
            {"repo": snap.repo, "commit": head_commit(gd), "licence": snap.licence,
             "collection": snap.collection, "kept_before_dedup": len(records) - n0}
        )
    records.sort(key=lambda r: r["id"])
    # exact ids first (a collection may list an article twice), then near-duplicate texts;
    # the longer text of a duplicate pair is kept (it comes first).
    uniq: dict[str, Record] = {}
    for r in records:
        uniq.setdefault(r["id"], r)
    records = sorted(uniq.values(), key=lambda r: (-len(r["text"]), r["id"]))
    dup = set(near_duplicates([r["title"] + "\n" + r["text"] for r in records]))
    drops["near-duplicate"] += len(dup)
    records = sorted((r for i, r in enumerate(records) if i not in dup), key=lambda r: r["id"])

    clustering = {snap.collection for snap, _ in found if snap.clusters}
    docs = [
        Doc(r["id"], r["source"], r["published"], r["title"], lead_of(r["text"]), r["_group"])
        for r in records
        if r["published"] and r["collection"] in clustering and r["source"] not in OPINION_OUTLETS
        and not is_opinion(r["title"], r["text"], r["url"])
    ]
    groups = cluster(docs, settings)
    by_id = {r["id"]: r for r in records}
    cluster_recs: list[Record] = []
    in_cluster: set[str] = set()
    for g in groups:
        sid = story_id(g)
        sp = split_of(sid)
        for i in g:
            cluster_recs.append(public(by_id[i], sid, sp))
            in_cluster.add(i)
    rest = [r for r in records if r["id"] not in in_cluster]
    rest.sort(key=lambda r: (stable_unit("pick:" + r["id"]), r["id"]))
    # documents that committed labels point at are always kept, over and above the sample
    pinned = labelled_ids()
    chosen = sorted(rest[:max_articles] + [r for r in rest[max_articles:] if r["id"] in pinned],
                    key=lambda r: r["id"])
    article_recs = [public(r, None, split_of(r["id"])) for r in chosen]

    out.mkdir(parents=True, exist_ok=True)
    write_jsonl(out / "articles.jsonl", article_recs)
    write_jsonl(out / "clusters.jsonl", cluster_recs)

    def stats(recs: list[Record]) -> dict[str, Any]:
        dates = sorted(r["published"] for r in recs if r["published"])
        return {
            "records": len(recs),
            "outlets": len({r["source"] for r in recs}),
            "dated": len(dates),
            "first_date": dates[0] if dates else None,
            "last_date": dates[-1] if dates else None,
            "test": sum(1 for r in recs if r["split"] == "test"),
            "by_collection": dict(sorted(Counter(r["collection"] for r in recs).items())),
        }

    sizes = Counter(len(g) for g in groups)
    manifest = {
        "snapshots": manifest_snaps,
        "pool_after_filters": len(records),
        "dropped": dict(sorted(drops.items())),
        "articles": stats(article_recs),
        "clusters": stats(cluster_recs) | {
            "clusters": len(groups),
            "sizes": {str(k): v for k, v in sorted(sizes.items())},
            "test_clusters": sum(1 for g in groups if split_of(story_id(g)) == "test"),
        },
        "pinned_by_labels": sum(1 for r in article_recs if r["id"] in pinned),
        "settings": {"max_articles": max_articles, "min_words": MIN_WORDS} | settings.__dict__,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    if sample:
        write_sample(out / "cluster_sample.txt", groups, by_id, sample, sample_seed)
    return manifest


def write_sample(path: Path, groups: list[list[str]], by_id: dict[str, Record], n: int, seed: str) -> None:
    """``n`` clusters picked by a stable hash of ``seed`` and the story id, with outlet, date,
    title and lead of each report, to read by hand."""
    picked = sorted(groups, key=lambda g: stable_unit(seed + ":" + story_id(g)))[:n]
    lines = []
    for k, g in enumerate(picked, 1):
        lines.append(f"=== {k}. {story_id(g)} ({len(g)} reports)")
        for i in g:
            r = by_id[i]
            lead = lead_of(r["text"], 60).replace("\n\n", " ")
            lines.append(f"- [{r['source']}, {r['published']}] {r['title']}\n    {lead[:500]}")
        lines.append("")
    path.write_text("\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mirror", type=Path, default=DEFAULT_MIRROR, help="where fetch put the snapshots")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--max-articles", type=int, default=5000, help="size of articles.jsonl")
    ap.add_argument("--sample-clusters", type=int, default=30, help="clusters written to cluster_sample.txt")
    ap.add_argument("--sample-seed", default="final2", help="which clusters the sample shows")
    args = ap.parse_args(argv)
    m = build(args.mirror, args.out, args.max_articles, ClusterSettings(), args.sample_clusters, args.sample_seed)
    a, c = m["articles"], m["clusters"]
    sys.stdout.write(
        f"articles.jsonl: {a['records']} articles, {a['outlets']} outlets, {a['first_date']}..{a['last_date']}; "
        f"clusters.jsonl: {c['clusters']} clusters, {c['records']} articles, {c['outlets']} outlets\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
