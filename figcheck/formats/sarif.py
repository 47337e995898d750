"""``sarif``: SARIF 2.1.0 (OASIS) for code-scanning dashboards.

Rule ids are the stable finding codes (``FC101``...), with every rule of the registry listed in
``tool.driver.rules``.  The first figure of a finding is its location; the other figures are
``relatedLocations``.  Levels: error -> ``error``, warning -> ``warning``, info -> ``note``.  A
preview rule carries the tag ``preview``, and its findings ``properties.preview: true``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any
from urllib.parse import quote

from .._version import __version__
from ..model import CheckRun, Claim, Document, Finding, Report
from .location import locate

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://example.invalid/figcheck"
_LEVEL = MappingProxyType({"error": "error", "warning": "warning", "info": "note"})


def _uri(path: str) -> str:
    """A relative URI reference for a path or document id (``:`` escaped so that an id such as
    ``story:doc`` is not read as a URI scheme)."""
    return quote(path.replace("\\", "/"), safe="/@!$&'()*+,;=-._~")


def _rules() -> list[dict[str, Any]]:
    from ..compare.rules import RULES

    return [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.name.replace("-", " ")},
            "fullDescription": {"text": r.description},
            "help": {"text": f"{r.description}\nExample: {r.example}"},
            "defaultConfiguration": {"level": _LEVEL[r.severity]},
            "properties": {"kind": r.kind, "scope": r.scope,
                           "tags": [r.kind, r.scope, *(["preview"] if r.preview else [])]},
        }
        for r in RULES
    ]


def _physical(claim: Claim, docs: Mapping[str, Document] | None) -> dict[str, Any]:
    if docs is None:  # library use without the documents: offsets only
        return {
            "artifactLocation": {"uri": _uri(claim.doc)},
            "region": {"charOffset": claim.start, "charLength": max(claim.end - claim.start, 0),
                       "snippet": {"text": claim.text}},
        }
    doc = docs.get(claim.doc)
    loc = locate(claim, doc)
    region: dict[str, Any] = {"startLine": loc.line, "startColumn": loc.column,
                              "snippet": {"text": claim.text}}
    if doc is not None and doc.text_line is not None:
        region["endLine"] = loc.end_line
        region["endColumn"] = max(loc.end_column, loc.column)
    return {"artifactLocation": {"uri": _uri(loc.path)}, "region": region}


def _location(claim: Claim, docs: Mapping[str, Document] | None, **extra: Any) -> dict[str, Any]:
    """A claim's location: in an input file (line/column), or, without the documents, as offsets;
    a claim from a document not in this run (an archive's, with ``--against``) has no physical
    location, only its document id, source and date."""
    props: dict[str, Any] = {"document": claim.doc, "field": claim.field}
    if claim.source:
        props["source"] = claim.source
    if claim.published:
        props["published"] = claim.published.isoformat()
    if docs is not None and claim.doc not in docs:
        where = ", ".join(str(x) for x in (claim.doc, claim.source, claim.published) if x)
        return {**extra, "message": {"text": f"“{claim.text}” ({where})"}, "properties": props}
    return {**extra, "physicalLocation": _physical(claim, docs), "properties": props}


def _fingerprint(f: Finding) -> str:
    key = "\x1f".join([f.code] + [f"{c.doc}\x1e{c.field}\x1e{c.text}" for c in f.claims])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def to_sarif(report: Report, documents: Mapping[str, Document] | None = None) -> dict[str, Any]:
    """The SARIF log as a dict.  Without ``documents`` locations are character offsets into each
    claim's field; with them, 1-based line and column in the input files."""
    rules = _rules()
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = []
    for f in report.findings:
        result: dict[str, Any] = {
            "ruleId": f.code,
            "level": _LEVEL.get(f.severity, "warning"),
            "message": {"text": f.message},
            "partialFingerprints": {"figcheck/v1": _fingerprint(f)},
            "properties": {"kind": f.kind, "scope": f.scope, "confidence": f.confidence},
        }
        if f.preview:
            result["properties"]["preview"] = True
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        if f.claims:
            # the first claim in a document of this run is the result's location
            first = next((i for i, c in enumerate(f.claims)
                          if documents is None or c.doc in documents), 0)
            result["locations"] = [_location(f.claims[first], documents)]
            others = [c for i, c in enumerate(f.claims) if i != first]
            related = [
                _location(c, documents, id=i, message={"text": f"“{c.text}”"})
                for i, c in enumerate(others, 1)
            ]
            if related:
                result["relatedLocations"] = related
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "figcheck", "version": __version__,
                                "semanticVersion": __version__,
                                "informationUri": INFORMATION_URI, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
            # figcheck check --against: what each draft was compared with
            **({"properties": {"against": [m.model_dump(mode="json") for m in report.against]}}
               if report.against else {}),
        }],
    }


def render(run: CheckRun) -> str:
    docs = {d.id: d for d in run.documents}
    from .visible import json_safe

    return json_safe(json.dumps(to_sarif(run.report, docs), ensure_ascii=False, indent=2)) + "\n"
