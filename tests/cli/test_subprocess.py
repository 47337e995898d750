"""figcheck as a real process: console script, exit codes, pipes, colour on a terminal."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ARTICLE

HERE = Path(__file__).parent


def env(**extra: str) -> dict[str, str]:
    e = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    e.update(extra)
    e["PYTHONPATH"] = os.pathsep.join([str(HERE.parents[1]), e.get("PYTHONPATH", "")])
    return e


def figcheck(*args: str, **kw) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run([sys.executable, "-m", "figcheck", *args], check=False,
                          capture_output=True,
                          text=True, env=env(), timeout=60, **kw)


def test_console_script_is_installed() -> None:
    exe = shutil.which("figcheck")
    if exe is None:
        pytest.skip("figcheck is not installed as a console script in this environment")
    result = subprocess.run([exe, "--version"], check=False, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0 and "figcheck" in result.stdout


@pytest.mark.parametrize(
    ("args", "code", "stream", "expected"),
    [
        pytest.param(["--version"], 0, "stdout", "figcheck, version", id="version"),
        pytest.param(["schema", "check"], 0, "stdout", '"$id"', id="schema"),
        pytest.param(["rules", "FC205"], 0, "stdout", "conversion-mismatch", id="rules"),
        pytest.param(["check", "--format", "nope", "x.md"], 2, "stderr", "--format", id="usage"),
        pytest.param(["extract", "no/such/file.md"], 2, "stderr", "no/such/file.md: no such file",
                     id="missing-file"),
    ],
)
def test_process(args: list[str], code: int, stream: str, expected: str) -> None:
    result = figcheck(*args)
    assert result.returncode == code, result.stderr
    assert expected in getattr(result, stream)
    assert "Traceback" not in result.stderr


def test_binary_input_is_one_line_exit_2(tmp_path: Path) -> None:
    blob = tmp_path / "photo.txt"
    blob.write_bytes(bytes(range(256)) * 4)
    result = figcheck("check", str(blob))
    assert result.returncode == 2
    assert result.stderr.strip() == f"figcheck: error: {blob}: looks like a binary file, not text"


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_check_piped_is_plain_and_exits_1(draft: Path) -> None:
    result = figcheck("check", "--preview", str(draft))  # FC201 is a preview rule
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(": ", 1)[1].split()[0] for line in lines] == ["FC102", "FC201", "FC205"]
    assert lines[0].startswith(f"{draft}:1:21: FC102 ")
    assert "\x1b[" not in result.stdout
    assert "Found 3 findings" in result.stderr


def test_check_stdin_through_a_pipe() -> None:
    result = figcheck("check", "--preview", "--format", "jsonl", "-", "--stdin-filename", "draft.md",
                      input=ARTICLE)
    assert result.returncode == 1
    claims = [json.loads(line)["claims"][0]["doc"] for line in result.stdout.splitlines()]
    assert claims == ["draft.md"] * 3


def test_exit_zero_and_fail_on(draft: Path) -> None:
    assert figcheck("check", "--exit-zero", str(draft)).returncode == 0
    quiet = figcheck("check", "--preview", "-q", "--fail-on", "error", "--ignore", "FC102",
                     str(draft))
    assert quiet.returncode == 0 and quiet.stderr == ""
    assert len(quiet.stdout.splitlines()) == 2  # the warnings are still printed


def _run_in_pty(args: list[str], extra_env: dict[str, str]) -> str:
    """figcheck (the real one) on a pseudo-terminal; its output as the terminal shows it."""
    pty = pytest.importorskip("pty")
    import select

    pid, fd = pty.fork()
    if pid == 0:  # child
        try:
            os.chdir(HERE.parents[1])
            os.execve(sys.executable, [sys.executable, "-m", "figcheck", *args],
                      env(**extra_env))
        finally:
            os._exit(127)
    chunks = []
    while True:
        ready, _, _ = select.select([fd], [], [], 30)
        if not ready:
            break
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_colour_on_a_terminal_only_without_no_color(draft: Path) -> None:
    coloured = _run_in_pty(["check", str(draft)], {})
    assert "\x1b[1;31mFC102\x1b[0m" in coloured
    plain = _run_in_pty(["check", str(draft)], {"NO_COLOR": "1"})
    assert "FC102" in plain and "\x1b[" not in plain
    flag = _run_in_pty(["check", "--no-color", str(draft)], {})
    assert "FC102" in flag and "\x1b[" not in flag


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps({"id": f"d{i}", "text": "The convoy went 5 miles (12 km)."})
                           + "\n" for i in range(1000)), encoding="utf-8")  # 1,000 FC205 lines
    proc = subprocess.Popen([sys.executable, "-m", "figcheck", "check", str(big)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env(), cwd=HERE.parents[1])
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err


def test_cold_start_imports_stay_light() -> None:
    """The command line imports nothing heavy before it needs it (cold start under 0.3 s)."""
    probe = (
        "import sys, click\n"
        "from figcheck.cli import cli\n"
        "ctx = click.Context(cli)\n"
        "for name in ('extract', 'check', 'schema', 'rules', 'show-config'):\n"
        "    cli.get_command(ctx, name)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], check=False, capture_output=True,
                            text=True,
                            env=env(), timeout=60)
    assert result.returncode == 0, result.stderr
    loaded = set(result.stdout.split())
    heavy = {"figcheck.parser", "figcheck.compare.contradict", "figcheck.batch", "figcheck.htmltext",
             "figcheck.formats.html", "figcheck.formats.sarif", "figcheck.evaluation", "dask",
             "distributed", "pyarrow", "sqlite3", "jsonschema", "quantulum3", "zstandard",
             "playwright", "hypothesis", "trafilatura", "lxml"}
    assert not heavy & loaded, sorted(heavy & loaded)


@pytest.mark.parametrize(("suffix", "content", "imported"), [
    pytest.param(".md", "# 12 troops\n\nAbout 5,000 people marched.\n", False, id="markdown"),
    pytest.param(".txt", "About 5,000 people marched.\n", False, id="text"),
    pytest.param(".html", "<p>About 5,000 people marched.</p>", True, id="html"),
])
def test_the_article_extraction_library_is_imported_only_for_html(
    tmp_path: Path, suffix: str, content: str, imported: bool
) -> None:
    pytest.importorskip("trafilatura")
    path = tmp_path / f"story{suffix}"
    path.write_text(content, encoding="utf-8")
    probe = (
        "import sys\n"
        "from figcheck.cli import main\n"
        "try:\n"
        f"    main(['extract', {str(path)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('trafilatura' in sys.modules, 'lxml' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], check=False, capture_output=True,
                            text=True, env=env(), timeout=60)
    assert "5,000" in result.stdout, result.stderr
    assert result.stderr.split()[-2:] == [str(imported), str(imported)]
