"""``-o PATH``: a regular file is replaced all or nothing through a safely created temporary
file; devices, FIFOs and symbolic links to them are written directly, never replaced; nothing
planted next to PATH is followed."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest

from .helpers import ARTICLE, run


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _findings(text: str) -> list[str]:
    return [f["code"] for f in json.loads(text)["findings"]]


def test_regular_file_is_replaced_and_keeps_its_mode(draft: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("old\n")
    out.chmod(0o640)
    r = run("check", str(draft), "-f", "json", "-o", str(out))
    assert r.returncode == 1, r.stderr
    assert _findings(out.read_text())
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.md", "out.json"]  # no temp left


def test_new_file_is_created(draft: Path, tmp_path: Path) -> None:
    out = tmp_path / "new.json"
    assert run("check", str(draft), "-f", "json", "-o", str(out)).returncode == 1
    assert _findings(out.read_text())


def test_planted_symlink_at_the_old_temporary_name_is_not_followed(draft: Path,
                                                                  tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    out = tmp_path / "out.json"
    planted = tmp_path / "out.json.figcheck-tmp"
    planted.symlink_to(victim)
    r = run("check", str(draft), "-f", "json", "-o", str(out))
    assert r.returncode == 1, r.stderr
    assert victim.read_text() == "precious\n"
    assert planted.is_symlink() and os.readlink(planted) == str(victim)
    assert _findings(out.read_text())


def test_symlink_to_a_regular_file_is_written_through(draft: Path, tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("old\n")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert run("check", str(draft), "-f", "json", "-o", str(link)).returncode == 1
    assert link.is_symlink()
    assert _findings(target.read_text())


def _fifo_reader(path: Path, got: list[bytes]) -> threading.Thread:
    def read() -> None:
        with open(path, "rb") as fh:
            got.append(fh.read())

    t = threading.Thread(target=read, daemon=True)
    t.start()
    return t


@pytest.mark.parametrize("via_symlink", [False, True], ids=["fifo", "symlink-to-fifo"])
def test_fifo_is_written_directly_not_replaced(draft: Path, tmp_path: Path,
                                               via_symlink: bool) -> None:
    # a FIFO with a reader stands in for a character device such as /dev/null or /dev/stdout:
    # an observable special file that must still be a special file afterwards
    fifo = tmp_path / "device"
    os.mkfifo(fifo)
    path = fifo
    if via_symlink:
        path = tmp_path / "stdout-like"
        path.symlink_to(fifo)
    got: list[bytes] = []
    reader = _fifo_reader(fifo, got)
    r = run("check", str(draft), "-f", "json", "-o", str(path), timeout=60)
    reader.join(30)
    assert r.returncode == 1, r.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert _findings(got[0].decode())
    assert sorted(p.name for p in tmp_path.iterdir() if "figcheck-tmp" in p.name) == []


def test_character_device_is_not_replaced(draft: Path, tmp_path: Path) -> None:
    # a symbolic link we own pointing at a full device: written directly (ENOSPC, one line,
    # exit 2), and afterwards the device is still a device and the link still a link
    dev = Path("/dev/full")
    if not dev.exists() or not stat.S_ISCHR(dev.stat().st_mode):
        pytest.skip("no /dev/full here")
    link = tmp_path / "null-like"
    link.symlink_to(dev)
    r = run("check", str(draft), "-f", "json", "-o", str(link))
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "No space left" in r.stderr, r.stderr
    assert link.is_symlink() and stat.S_ISCHR(link.stat().st_mode)


def test_failed_write_leaves_the_old_file(draft: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("old\n")
    script = (f"ulimit -f 1; trap '' XFSZ; exec \"$@\"")
    import subprocess

    from .helpers import command, env

    big = tmp_path / "big.md"
    big.write_text((ARTICLE + "\n") * 200, encoding="utf-8")
    r = subprocess.run(["bash", "-c", script, "sh", *command(), "check", "--preview", str(big), "-f", "json",
                        "-o", str(out)], capture_output=True, text=True, env=env(), timeout=120,
                       check=False)
    assert r.returncode == 2, r.stderr
    assert r.stderr.count("\n") == 1 and "cannot write" in r.stderr, r.stderr
    assert out.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.md", "draft.md", "out.json"]


def test_directory_is_refused(draft: Path, tmp_path: Path) -> None:
    r = run("check", str(draft), "-o", str(tmp_path))
    assert r.returncode == 2 and "is a directory" in r.stderr


def test_a_device_node_we_create_is_not_replaced(draft: Path, tmp_path: Path) -> None:
    # a real character device node (1, 3: what /dev/null is) made in the test's own folder
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError, OSError):
        pytest.skip("cannot create a device node here (needs root)")
    r = run("check", str(draft), "-f", "json", "-o", str(node))
    # written into the device (exit 1: findings), or refused by a nodev mount (exit 2, one line)
    assert r.returncode in (1, 2), r.stderr
    if r.returncode == 2:
        assert r.stderr.count("\n") == 1 and "cannot write" in r.stderr, r.stderr
    st = node.lstat()
    assert stat.S_ISCHR(st.st_mode) and st.st_rdev == os.makedev(1, 3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.md", "null"]
