"""A release's files read once: hashed and parsed from the same bytes, with bounded cost.

`verify` never opens a release file twice by its path. Each file is opened once, under the
release folder, component by component, never following a link (`openat` with O_NOFOLLOW),
and `fstat`-checked as a regular file of its recorded size. A file up to `MAX_IN_MEMORY_BYTES`
is read into memory: its sha256 and its parse are of those very bytes. A larger one is hashed
and then parsed through the same descriptor; `changed()` tells, at the end, whether the
descriptor's file was written to, or the path now names another file (a swap mid-run).

Parquet files are bounded before anything is decompressed (`parquet_bounds`): the uncompressed
sizes the footer records, per row group and per file. Every read is wrapped (`guarded`), so
that a corrupt table is one `Unreadable` naming its file, never a traceback.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import Problem

# A file up to this size is read once into memory, then hashed and parsed from those bytes; a
# larger one (a big release's documents) is read through one descriptor whose identity is
# checked at the end. 64 MiB holds every file of a release of ~10,000 documents.
MAX_IN_MEMORY_BYTES = 64 << 20
# What verify decompresses at once is one row group: BATCH_DOCS (1,000) documents with their
# body text and items. 512 MiB allows documents averaging ~150 KB of raw text, 30 times the
# seeds' average; a row group recording more is refused before it is read.
MAX_ROW_GROUP_BYTES = 512 << 20
# zstd at level 3 compresses the release's text 3-10 times, near-duplicates in one page (a
# syndicated release) a few hundred times; a file recording a larger expansion than this (and
# more than MIN_BOMB_BYTES in all) is a decompression bomb, refused before it is read.
MAX_EXPANSION = 1000
MIN_BOMB_BYTES = 64 << 20
# Rows per batch while streaming a table (a documents batch is bounded by its row group).
BATCH_ROWS = 1024


class Unreadable(Exception):
    """A release file that cannot be read: its path and the reader's one-line reason."""

    def __init__(self, file: str, reason: str):
        super().__init__(reason)
        self.file = file
        self.reason = reason

    def problem(self) -> Problem:
        return Problem(
            "release-invalid", f"the file cannot be read as its kind: {self.reason}", file=self.file
        )


def reason_of(exc: BaseException) -> str:
    """An exception as one short line (a reader's message may span lines, or be huge)."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:200]}{'…' if len(text) > 200 else ''}"


# The errors a reader raises on bytes that are not what they claim (Arrow's are ValueError,
# TypeError, NotImplementedError, OSError, IndexError and KeyError subclasses, all ArrowException).
def _reading_errors() -> tuple[type[BaseException], ...]:
    import pyarrow as pa

    return (pa.ArrowException, OSError, EOFError, UnicodeDecodeError, MemoryError)


def _identity(info: os.stat_result) -> tuple[int, ...]:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


class Sealed:
    """One release file, opened once; `data` holds its bytes when it is small enough."""

    def __init__(self, folder: Path, relative: str, fd: int, info: os.stat_result):
        self.folder = folder
        self.relative = relative
        self.path = str(folder / relative)
        self.fd = fd
        self.info = info
        self.data: bytes | None = None
        self.sha256 = ""

    def _read_all(self, limit: int) -> bytes:
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(self.fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        return b"".join(chunks)

    def hash(self, in_memory: bool = False) -> str:
        """The sha256 of the file, read once: into memory when small enough, or asked to (the
        caller has bounded its size)."""
        if in_memory or self.info.st_size <= MAX_IN_MEMORY_BYTES:
            self.data = self._read_all(max(self.info.st_size, MAX_IN_MEMORY_BYTES))
            self.sha256 = hashlib.sha256(self.data).hexdigest()
            return self.sha256
        digest = hashlib.sha256()
        offset = 0
        while block := os.pread(self.fd, 1 << 20, offset):
            digest.update(block)
            offset += len(block)
        self.sha256 = digest.hexdigest()
        return self.sha256

    def arrow_source(self) -> Any:
        """The hashed bytes as pyarrow reads them: the buffer, or the same descriptor."""
        import pyarrow as pa

        if self.data is not None:
            return pa.BufferReader(self.data)
        return pa.PythonFile(io.FileIO(self.fd, "rb", closefd=False), mode="r")

    def changed(self) -> bool:
        """Whether the file was written to since it was opened, or its path names another file."""
        try:
            now = os.fstat(self.fd)
            named = os.stat(self.path, follow_symlinks=False)
        except OSError:
            return True
        return _identity(now) != _identity(self.info) or (named.st_dev, named.st_ino) != (
            self.info.st_dev,
            self.info.st_ino,
        )

    def close(self) -> None:
        os.close(self.fd)


def open_sealed(folder: Path, relative: str) -> tuple[Sealed | None, Problem | None]:
    """The file at `relative` under `folder`, opened without following any link on the way."""
    where = str(folder / relative)
    flags_dir = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        current = os.open(folder, flags_dir)
    except OSError as exc:
        return None, Problem(
            "release-invalid", f"the release folder cannot be opened ({exc.strerror})", file=str(folder)
        )
    try:
        *parents, name = relative.split("/")
        for part in parents:
            inner = os.open(part, flags_dir, dir_fd=current)
            os.close(current)
            current = inner
        flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(name, flags, dir_fd=current)
    except FileNotFoundError:
        return None, Problem("release-invalid", "the file is missing", file=where)
    except OSError as exc:  # ELOOP: a link; ENOTDIR: a file where a folder should be
        return None, Problem(
            "release-invalid", f"not a regular file inside the release ({exc.strerror})", file=where
        )
    finally:
        os.close(current)
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        return None, Problem("release-invalid", "not a regular file", file=where)
    os.set_blocking(fd, True)
    return Sealed(folder, relative, fd, info), None


def parquet_file(sealed: Sealed) -> Any:
    """The Parquet file of the hashed bytes; Unreadable when its footer is not Parquet."""
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(sealed.arrow_source())
    except _reading_errors() as exc:
        raise Unreadable(sealed.path, reason_of(exc)) from None


def parquet_bounds(sealed: Sealed, file: Any) -> list[Problem]:
    """The uncompressed sizes the footer records are within bounds: each row group's, and the
    whole file's against its size (a small file that expands a thousandfold is a bomb)."""
    meta = file.metadata
    total = 0
    for g in range(meta.num_row_groups):
        group = meta.row_group(g)
        size = max(
            group.total_byte_size,
            sum(group.column(c).total_uncompressed_size for c in range(group.num_columns)),
        )
        if size > MAX_ROW_GROUP_BYTES:
            return [
                Problem(
                    "release-invalid",
                    f"row group {g} would decompress to {size} bytes, over the limit of "
                    f"{MAX_ROW_GROUP_BYTES}: refused unread",
                    file=sealed.path,
                )
            ]
        total += size
    if total > max(MIN_BOMB_BYTES, MAX_EXPANSION * sealed.info.st_size):
        return [
            Problem(
                "release-invalid",
                f"{sealed.info.st_size} bytes that would decompress to {total}: more than "
                f"{MAX_EXPANSION} times, refused unread",
                file=sealed.path,
            )
        ]
    return []


def batches(sealed: Sealed, file: Any, columns: list[str] | None = None) -> Iterator[Any]:
    """The record batches of a Parquet file, validated in full (offsets, UTF-8), each read
    error an Unreadable naming the file."""
    try:
        for batch in file.iter_batches(batch_size=BATCH_ROWS, columns=columns, use_threads=False):
            batch.validate(full=True)
            yield batch
    except _reading_errors() as exc:
        raise Unreadable(sealed.path, reason_of(exc)) from None


def row_group(sealed: Sealed, file: Any, index: int, columns: list[str] | None = None) -> Any:
    """One row group, validated in full; a read error is an Unreadable naming the file."""
    try:
        table = file.read_row_group(index, columns=columns, use_threads=False)
        table.validate(full=True)
        return table
    except _reading_errors() as exc:
        raise Unreadable(sealed.path, reason_of(exc)) from None
