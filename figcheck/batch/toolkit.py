"""The pure functions the batch job runs, bundled so worker processes can find them by name.

The default toolkit is figcheck's own parser and comparator
(:func:`figcheck.extract`, :func:`figcheck.compare.within` / ``across`` / ``story_features`` /
``claim_key``).  Another toolkit can be named as ``"package.module:ATTRIBUTE"`` (tests use this to
run the pipeline with a deterministic stand-in); a name, not an object, crosses process boundaries.
"""

from __future__ import annotations

import functools
import importlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..config import Config
from ..model import Document, Finding, Quantity

DEFAULT = "figcheck.batch.toolkit:figcheck_toolkit"


@dataclass(frozen=True)
class Toolkit:
    extract: Callable[..., list[Quantity]]
    within: Callable[[Document, Sequence[Quantity], Config], list[Finding]]
    across: Callable[[Sequence[tuple[Document, Sequence[Quantity]]], Config], list[Finding]]
    story_features: Callable[[Document, Sequence[Quantity]], frozenset[str]]
    claim_key: Callable[[Quantity], Any]
    linkable: Callable[[str], bool] = lambda feature: True
    """Which story features may put two documents in one story (all, unless the toolkit says)."""

    def key(self, q: Quantity) -> str:
        """``claim_key`` as a string, whatever type the comparator returns."""
        k = self.claim_key(q)
        return k if isinstance(k, str) else json.dumps(k, default=str, sort_keys=True)


def figcheck_toolkit() -> Toolkit:
    from .. import compare
    from ..parser import extract  # imported here so a missing parser fails before any work

    return Toolkit(
        extract=extract,
        within=compare.within,
        across=compare.across,
        story_features=compare.story_features,
        claim_key=compare.fact_key,
        linkable=_entity_feature,
    )


def _entity_feature(feature: str) -> bool:
    # figcheck.compare.stories: "e:<entity>" features link stories, "h:<head>" ones do not
    return not feature.startswith("h:")


@functools.cache
def resolve(spec: str = DEFAULT) -> Toolkit:
    """The toolkit named ``"module:attr"`` (a Toolkit, or a function returning one), cached."""
    module, _, attr = spec.partition(":")
    try:
        obj = getattr(importlib.import_module(module), attr or "TOOLKIT")
        if not isinstance(obj, Toolkit):
            obj = obj()
    except ImportError:
        raise
    except Exception as exc:  # a broken module is a broken installation: one clear line
        raise ImportError(f"cannot load {spec} ({type(exc).__name__}: {exc})") from exc
    if not isinstance(obj, Toolkit):
        raise TypeError(f"{spec} is not a figcheck.batch.toolkit.Toolkit")
    return obj
