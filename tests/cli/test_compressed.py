"""Compressed inputs (.gz/.zst) that are truncated or are not what their suffix says: one line naming
the file (and the line it broke off in), never a traceback, never a silently shorter archive."""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from figcheck.inputs import BrokenStream, Document, InputError, read_documents

zstandard = pytest.importorskip("zstandard")

N_RECORDS = 2_000


def _archive() -> bytes:
    return b"".join(
        json.dumps({"id": f"d{i}", "text": f"About {i} people marched in town {i}. " * 4}).encode()
        + b"\n"
        for i in range(N_RECORDS)
    )


def _zst_one_shot(data: bytes) -> bytes:
    return zstandard.ZstdCompressor().compress(data)


def _zst_streamed(data: bytes) -> bytes:
    """As bench/archive.py writes archives: a stream writer (no content size in the header)."""
    buf = io.BytesIO()
    with zstandard.ZstdCompressor(level=3).stream_writer(buf, closefd=False) as writer:
        writer.write(data)
    return buf.getvalue()


def _zst_frames(data: bytes) -> bytes:
    """Several concatenated frames with a skippable frame between them (as pzstd/cat write)."""
    half = data.index(b"\n", len(data) // 2) + 1
    skippable = b"\x50\x2a\x4d\x18" + (4).to_bytes(4, "little") + b"skip"
    c = zstandard.ZstdCompressor()
    return c.compress(data[:half]) + skippable + c.compress(data[half:])


COMPRESSORS: dict[str, tuple[str, Callable[[bytes], bytes]]] = {
    "gz": (".gz", gzip.compress),
    "zst-one-shot": (".zst", _zst_one_shot),
    "zst-streamed": (".zst", _zst_streamed),
    "zst-frames": (".zst", _zst_frames),
}


@pytest.mark.parametrize("kind", COMPRESSORS)
def test_a_whole_archive_reads_every_record(tmp_path: Path, kind: str) -> None:
    suffix, compress = COMPRESSORS[kind]
    path = tmp_path / f"a.jsonl{suffix}"
    path.write_bytes(compress(_archive()))
    docs = list(read_documents([str(path)]))
    assert [d.id for d in docs if isinstance(d, Document)] == [f"d{i}" for i in range(N_RECORDS)]


@pytest.mark.parametrize("kind", COMPRESSORS)
@pytest.mark.parametrize("fraction", [0.05, 0.5, 0.9, -1])
def test_a_truncated_archive_is_an_error_after_the_records_before_it(
    tmp_path: Path, kind: str, fraction: float
) -> None:
    suffix, compress = COMPRESSORS[kind]
    data = compress(_archive())
    cut = len(data) - 1 if fraction < 0 else int(len(data) * fraction)
    path = tmp_path / f"cut.jsonl{suffix}"
    path.write_bytes(data[:cut])

    with pytest.raises(InputError) as raised:
        list(read_documents([str(path)]))
    message = str(raised.value)
    assert message.startswith(f"{path}:") and "truncated" in message and "\n" not in message

    read: list[object] = []
    with pytest.raises(BrokenStream) as broken:
        for item in read_documents([str(path)], errors="record"):
            read.append(item)
    assert all(isinstance(d, Document) for d in read)  # no half line read as a malformed record
    assert [d.id for d in read] == [f"d{i}" for i in range(len(read))]  # type: ignore[attr-defined]
    assert len(read) < N_RECORDS
    assert broken.value.line == len(read) + 1 and broken.value.path == str(path)


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        pytest.param("fake.jsonl.zst", b"this is not zstd at all\n" * 10, "not a valid zstd stream",
                     id="zst-not-zstd"),
        pytest.param("fake.jsonl.gz", b"this is not gzip at all\n" * 10, "not a valid gzip stream",
                     id="gz-not-gzip"),
        pytest.param("fake.md.zst", b"# plain text\n", "not a valid zstd stream", id="md-zst"),
        pytest.param("cut.md.zst", _zst_one_shot(b"# T\n\n" + b"Some 5 people. " * 5000)[:-3],
                     "truncated", id="md-zst-truncated"),
        pytest.param("cut.json.gz", gzip.compress(b'[{"text": "' + b"a" * 100_000 + b'"}]')[:-4],
                     "truncated", id="json-gz-truncated"),
        pytest.param("garbled.jsonl.zst",
                     (lambda d: d[:20] + bytes(b ^ 0x55 for b in d[20:60]) + d[60:])(
                         _zst_one_shot(_archive())),
                     "zstd", id="zst-corrupt-middle"),
    ],
)
def test_corrupt_compressed_files_are_one_line_errors(
    tmp_path: Path, name: str, content: bytes, needle: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as raised:
        list(read_documents([str(path)]))
    message = str(raised.value)
    assert message.startswith(str(path)) and needle in message and "\n" not in message


def test_an_empty_compressed_file_is_an_empty_archive(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl.zst"
    path.write_bytes(b"")
    assert list(read_documents([str(path)])) == []


@pytest.mark.parametrize("command", ["check", "extract"])
@pytest.mark.parametrize(
    ("name", "make", "needle"),
    [
        pytest.param("fake.jsonl.zst", lambda: b"not zstd\n" * 30, ":1: not a valid zstd stream",
                     id="fake-zst"),
        pytest.param("trunc.jsonl.zst", lambda: _zst_streamed(_archive())[: len(_zst_streamed(
            _archive())) // 2], ": truncated: the zstd stream ends in the middle of a frame",
            id="truncated-zst"),
        pytest.param("trunc.jsonl.gz", lambda: gzip.compress(_archive())[:5000],
                     ": truncated: the gzip stream ends before its end mark", id="truncated-gz"),
    ],
)
def test_cli_exits_2_with_one_line_naming_the_file_and_line(
    run_cli: Callable[..., object], tmp_path: Path, command: str, name: str,
    make: Callable[[], bytes], needle: str
) -> None:
    path = tmp_path / name
    path.write_bytes(make())
    result = run_cli(command, str(path))
    assert result.exit_code == 2  # type: ignore[attr-defined]
    lines = result.stderr.strip().splitlines()  # type: ignore[attr-defined]
    errors = [line for line in lines if line.startswith("figcheck: error: ")]
    assert len(errors) == 1 and errors[0].startswith(f"figcheck: error: {path}:") and needle in errors[0]
    # the records read before the break are still checked (and summarised)
    assert all(line in errors or line.startswith(("No findings in", "Found ", "figcheck: note: "))
               for line in lines)
