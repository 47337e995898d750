from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from figcheck.cli import cli

from .fakes import Spec, make_compute

DATA = Path(__file__).parent / "data"

TROOPS_SPECS = (
    Spec("FC102", (("12,000", "title", 1), ("10,000", "text", 3)),
         "The headline says 12,000 troops; paragraph 4 says 10,000."),
    Spec("FC201", (("from 40 billion", "text", 1), ("40%", "text", 1)),
         "Paragraph 3 says a 40% rise from 40 to 50, but that is 25%.", 0.95),
    Spec("FC205", (("5 miles", "text", 1), ("12 km", "text", 1)),
         "Paragraph 4 converts 5 miles to 12 km, but 5 miles is 8 km."),
)


@pytest.fixture
def fake_comparator(monkeypatch: pytest.MonkeyPatch) -> Callable[[Sequence[Spec]], None]:
    """Replace the comparator the CLI calls with :func:`fakes.make_compute`."""

    def install(specs: Sequence[Spec] = TROOPS_SPECS) -> None:
        import figcheck.cli.check as check_module

        monkeypatch.setattr(check_module, "compute", make_compute(specs))

    return install


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)

    def invoke(*args: str, input: str | bytes | None = None) -> Result:
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def troops(tmp_path: Path) -> Path:
    src = Path(__file__).parents[2] / "corpus" / "examples" / "troops.md"
    dst = tmp_path / "troops.md"
    dst.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    return dst
