"""Writing a file so that readers see the old bytes or the new, never a part, and so that no
prepared link can redirect the write; the lock files that order writers and readers; and an
OSError met while writing, said in one line with its place."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from .errors import CmvisitError, Problem

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def exclusive_temp(folder: Path, data: bytes, prefix: str = "") -> Path:
    """data in a new file in folder under a random name, created exclusively and without
    following a link (no name an attacker prepared can redirect it), flushed to disk."""
    import secrets

    tmp = folder / f".{prefix}tmp-{secrets.token_hex(8)}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW, 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return tmp


def write_atomic(path: Path, data: bytes) -> None:
    """Replace path with data: an exclusive temporary file beside it, renamed into place."""
    tmp = exclusive_temp(path.parent, data, f"{path.name}.")
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def file_lock(path: Path, shared: bool = False, wait: bool = True) -> Iterator[bool]:
    """A flock on the file at path (made if need be), released by the kernel if the process
    dies; yields False when `wait` is False and another process holds it.

    The lock file is opened without following a link and without blocking, then checked on the
    open file: a link, FIFO or folder planted at its name is refused (CmvisitError,
    lock-refused), and nothing is ever created where a link points. A folder this process may
    not write to is locked through its lock file read-only; one that has none was never added
    to (every writer makes it first), and a shared lock on it is not needed."""
    import fcntl

    fd = _open_lock(path, shared)
    if fd is None:
        yield True
        return
    try:
        mode = (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | (0 if wait else fcntl.LOCK_NB)
        try:
            fcntl.flock(fd, mode)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)


def _open_lock(path: Path, shared: bool) -> int | None:
    base = NOFOLLOW | NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | base, 0o644)
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EROFS, errno.EPERM):
                raise
            try:
                fd = os.open(path, os.O_RDONLY | base)
            except FileNotFoundError:
                if shared:
                    return None
                raise exc from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise CmvisitError([_refused(path, "a link")]) from None
        if exc.errno == errno.EISDIR:
            raise CmvisitError([_refused(path, "a folder")]) from None
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise CmvisitError([_refused(path, "a FIFO, device or socket")])
    return fd


def _refused(path: Path, what: str) -> Problem:
    return Problem("lock-refused", f"this lock file's name holds {what}, not a plain file", file=str(path))


# What each failure of the machine means, in words a reader acts on.
_WRITE_ERRORS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.ENAMETOOLONG: "the name is too long for the file system",
    errno.ELOOP: "the path goes through a link that loops or may not be followed",
}


def write_problem(exc: OSError, what: str = "", where: str | os.PathLike[str] | None = None) -> Problem:
    """An OSError from the file system as one line: where it happened, what was being done
    (`what`, e.g. "nothing was added"), and the cause in words."""
    place = where if where is not None else exc.filename
    cause = _WRITE_ERRORS.get(exc.errno or 0, exc.strerror or type(exc).__name__)
    message = cause + (f"; {what}" if what else "")
    return Problem("write-failed", message, file=str(place) if place is not None else None)
