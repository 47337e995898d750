"""figcheck: a number and figure consistency checker for news copy.

Library use::

    import figcheck
    quantities = figcheck.extract("Over 10,000 troops were deployed.")
    report = figcheck.check([figcheck.Document(id="draft", text=draft)])
    report = figcheck.check([draft], preview=True)  # preview codes too (see `figcheck rules`)

``import figcheck`` is cheap: the model classes and :class:`Config` are imported on first
attribute access (PEP 562), so ``figcheck --help`` and ``figcheck extract`` never load what they
do not use (the configuration model, the comparator).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
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

_LAZY = {
    "Config": "config",
    **{name: "model" for name in ("SCHEMA_VERSION", "Claim", "Document", "DocumentSummary",
                                  "Finding", "Interval", "Quantity", "Report", "Subject", "Value")},
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'figcheck' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{module}", __name__), name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


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
        from .config import Config

        config = (config or Config()).model_copy(update={"preview": True})
    return _check(documents, config=config)
