"""Writing an export to disk so that a failure never leaves half a file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from funding.base.errors import UnreadableFile


class OutputExists(FileExistsError):
    """The output file is already there and overwriting was not asked for."""


def write_atomically(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write to a temporary file in the same directory, then rename it into place.

    Readers see either the old file or the complete new one. Without `overwrite` the final
    step is a hard link, which fails if the name exists, so even a file created meanwhile by
    someone else is never clobbered. Raises OutputExists, or UnreadableFile for I/O errors.
    """
    directory = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise UnreadableFile(str(path), "cannot_write", error=exc.strerror or str(exc)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual permissions
        if overwrite:
            os.replace(temporary, path)
        else:
            _link_no_clobber(temporary, path)
    except FileExistsError:
        raise OutputExists(str(path)) from None
    except OSError as exc:
        raise UnreadableFile(str(path), "cannot_write", error=exc.strerror or str(exc)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _link_no_clobber(temporary: str, path: Path) -> None:
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename
        if path.exists():
            raise FileExistsError(str(path)) from None
        os.replace(temporary, path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
