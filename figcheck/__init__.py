"""figcheck: a number and figure consistency checker for news copy.

Library use::

    import figcheck
    quantities = figcheck.extract("Over 10,000 troops were deployed.")
    report = figcheck.check([figcheck.Document(id="draft", text=draft)])
    report = figcheck.check([draft], preview=True)  # preview codes too (see `figcheck rules`)
"""

from __future__ import annotations

from collections.abc import Iterable

from ._version import __version__
from .config import Config
from .model import (
    SCHEMA_VERSION,
    Claim,
    Document,
    DocumentSummary,
    Finding,
    Interval,
    Quantity,
    Report,
    Subject,
    Value,
)

__all__ = [
    "SCHEMA_VERSION",
    "Claim",
    "Config",
    "Document",
    "DocumentSummary",
    "Finding",
    "Interval",
    "Quantity",
    "Report",
    "Subject",
    "Value",
    "__version__",
    "check",
    "extract",
]


def extract(text: str, *, title: str | None = None) -> list[Quantity]:
    """Every figure in ``text`` (and ``title``, if given) as a :class:`Quantity`, in order:
    title quantities first, then body quantities, each sorted by offset."""
    from .parser import extract as _extract

    return _extract(text, title=title)


def check(documents: Iterable[Document | str], config: Config | None = None, *,
          preview: bool = False) -> Report:
    """Check documents within themselves and against each other.  Plain strings are wrapped as
    documents with ids ``doc1``, ``doc2``...

    ``preview=True`` (or ``Config(preview=True)``) also reports the preview codes, rules not yet
    shown to pay on real text; their findings have ``preview`` set.  ``figcheck rules`` lists
    each code's status and the evidence for it."""
    from .compare import check as _check

    if preview and not (config and config.preview):
        config = (config or Config()).model_copy(update={"preview": True})
    return _check(documents, config=config)
