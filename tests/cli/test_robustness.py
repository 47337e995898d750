"""Bad input never gives a traceback or a hang; the text-side helpers keep offsets on any input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figcheck.inputs import markdown_plain
from figcheck.suppress import scan

TOKENS = list("ab 12,.%\n\r\t#*_-[]()!<>/:`|~\\^>=\"'") + [
    "<!--", "-->", "figcheck:", "ignore", "disable", "enable", "[FC101]", "http://", "1. ", "---\n"]
MARKUP = st.lists(st.sampled_from(TOKENS), max_size=120).map("".join)


@given(MARKUP)
@settings(max_examples=300, deadline=None)
def test_markdown_plain_keeps_length_and_lines(text: str) -> None:
    plain = markdown_plain(text)
    assert len(plain) == len(text)
    assert all((a == "\n") == (b == "\n") for a, b in zip(text, plain))
    assert all(b == a or b == " " for a, b in zip(text, plain))


@given(MARKUP)
@settings(max_examples=300, deadline=None)
def test_scan_keeps_length_and_ranges_in_bounds(text: str) -> None:
    result = scan(text)
    assert len(result.text) == len(text)
    for d in result.directives:
        assert 0 <= d.start <= d.end <= len(text)
        if d.covers is not None:
            assert 0 <= d.covers[0] <= d.covers[1] <= len(text)


def test_internal_error_is_one_line(run_cli, troops: Path, monkeypatch) -> None:
    import figcheck.cli.check as check_module

    def broken(docs, config):  # type: ignore[no-untyped-def]
        raise ValueError("boom")

    monkeypatch.setattr(check_module, "compute", broken)
    result = run_cli("check", str(troops))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        ("figcheck: error: internal error while checking: ValueError: boom (please report it; "
         "FIGCHECK_DEBUG=1 shows the traceback)")]
    monkeypatch.setenv("FIGCHECK_DEBUG", "1")
    with pytest.raises(ValueError):
        run_cli("check", str(troops))


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".jsonl", ".json"])
@given(data=st.binary(max_size=400))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_bytes_exit_cleanly(run_cli, tmp_path: Path, suffix: str, data: bytes) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    for command in ("extract", "check"):
        result = run_cli(command, "--format", "json", str(path))
        assert result.exit_code in (0, 1, 2), result.stderr
        assert "Traceback" not in result.stderr
        if result.exit_code == 2:  # one line per problem, each naming the file; then the summary
            lines = result.stderr.strip().splitlines()
            problems = [line for line in lines if line.startswith(("figcheck: error: ", "figcheck: note: "))]
            assert problems and all(str(path) in line for line in problems)
            assert all(line in problems or line.startswith(("No findings in", "Found ")) for line in lines)
        else:
            json.loads(result.stdout)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("1,1," * 2_500, id="separators"),
        pytest.param("between " * 10_000, id="hedges"),
        pytest.param("9" * 100_000, id="one-long-number"),
        pytest.param("<!-- figcheck: ignore[FC1] -->\n" * 3_000, id="directives"),
        pytest.param("[a](b" * 20_000, id="unclosed-links"),
    ],
)
def test_adversarial_files_finish(run_cli, tmp_path: Path, text: str) -> None:
    import time

    path = tmp_path / "adversarial.md"
    path.write_text(text, encoding="utf-8")
    t0 = time.perf_counter()
    result = run_cli("check", "--exit-zero", "-q", str(path))
    assert result.exit_code == 0, result.stderr
    assert time.perf_counter() - t0 < 20
