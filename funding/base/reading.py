"""Reading a local file with bounded work: regular files only, never more than a limit plus one byte.

A path can name a FIFO (which blocks a plain `open` until a writer comes), a device such as
/dev/zero (which reports size 0 and never ends) or a socket; every reader of local input (the
loader, the document registry, the dataset metadata, the command line's slide template) goes
through `read_file`, so each of those gets a clear `UnreadableFile` instead of a hang or a
MemoryError. The file is opened without blocking and checked with `fstat` on the open
descriptor, so what is read is what was checked even if the path is swapped meanwhile.

A file found by convention or named by another file (a version folder's `dataset.json`, the seed
text a `documents.csv` row names) is read with `read_inside`: it must stay in its folder, so a
data file cannot make a command read `/etc/passwd` or `/proc/self/environ`.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path, PureWindowsPath

from funding.base.errors import UnreadableFile

_KINDS = (  # the catalogue's file_kind_<code>
    (stat.S_ISFIFO, "fifo"),
    (stat.S_ISCHR, "char_device"),
    (stat.S_ISBLK, "block_device"),
    (stat.S_ISSOCK, "socket"),
)


# The files that accompany a dataset (document registry, disagreements, codebook) are a few kB;
# larger is not one of them, and is not read whole. Commands take --max-mb to read more.
COMPANION_MAX_BYTES = 5 * 1024 * 1024


def too_large(source: str, size: int | None, limit: int, code: str = "too_large") -> UnreadableFile:
    """The one size refusal, in MB (MiB) as the limits are set; `size` None when the file grew
    past the limit while it was read."""
    mb = limit / 1_048_576
    shown_limit = int(mb) if mb.is_integer() else mb
    if size is None:
        return UnreadableFile(source, "grew_too_large", limit=shown_limit)
    return UnreadableFile(source, code, size=size / 1_048_576, limit=shown_limit)


def read_file(path: str | Path, *, limit: int | None = None, source: str | None = None) -> bytes:
    """The bytes of a regular file; UnreadableFile for anything else, or for more than `limit` bytes.

    `source` names the file in errors (default: the path)."""
    name = source or str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise UnreadableFile(name, "no_such_file") from None
    except IsADirectoryError:
        raise UnreadableFile(name, "is_directory") from None
    except OSError as exc:
        # Opening a Unix socket fails (ENXIO); say what the path is rather than the errno.
        kind = _kind_of_path(path)
        if kind:
            raise UnreadableFile(name, "not_regular_file", kind_key=f"file_kind_{kind}") from None
        raise UnreadableFile(name, "cannot_read", error=exc.strerror or str(exc)) from None
    try:
        return _read_open(fd, name, limit)
    finally:
        os.close(fd)


def _read_open(fd: int, name: str, limit: int | None) -> bytes:
    info = os.fstat(fd)
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFile(name, "is_directory")
    if not stat.S_ISREG(info.st_mode):
        kind = next((code for test, code in _KINDS if test(info.st_mode)), "special")
        raise UnreadableFile(name, "not_regular_file", kind_key=f"file_kind_{kind}")
    if limit is not None and info.st_size > limit:
        raise too_large(name, info.st_size, limit)
    # The size can change between fstat and read (a file being written): never read past the limit.
    try:
        with open(fd, "rb", buffering=0, closefd=False) as raw:
            if limit is None:
                return raw.readall()
            chunks: list[bytes] = []
            total = 0
            while total <= limit:
                chunk = raw.read(limit + 1 - total)
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
    except OSError as exc:
        raise UnreadableFile(name, "cannot_read", error=exc.strerror or str(exc)) from None
    if total > limit:
        raise too_large(name, None, limit)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _kind_of_path(path: str | Path) -> str:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return ""
    return next((code for test, code in _KINDS if test(mode)), "")


def inside(folder: Path, name: str) -> Path:
    """`folder / name`, when that stays in the folder: a relative name without `..` whose real path
    (links followed) is inside the folder's real path; UnreadableFile otherwise."""
    path = folder / name
    if name.startswith(("/", "\\")) or PureWindowsPath(name).drive:
        raise UnreadableFile(name, "absolute_path", folder=str(folder))
    if ".." in re.split(r"[\\/]", name):
        raise UnreadableFile(name, "parent_path", folder=str(folder))
    try:
        real = path.resolve()
    except (OSError, RuntimeError):  # a loop of links
        raise UnreadableFile(str(path), "link_loop") from None
    if not real.is_relative_to(folder.resolve()):
        raise UnreadableFile(str(path), "outside_folder", folder=str(folder))
    return path


def read_inside(folder: Path, name: str, *, limit: int | None) -> bytes:
    """The bytes of `name` in `folder` (see `inside`), as `read_file` reads them."""
    return read_file(inside(folder, name), limit=limit)
