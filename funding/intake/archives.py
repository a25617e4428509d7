"""Checking a zip container (a slide template) by what it really holds, before any library opens it.

The sizes a zip declares are written by whoever made the file: a 1.1 MB template declared 1,000
bytes for an entry holding 1 GiB of zeros, the old check believed it, and python-pptx then
inflated all of it (2.26 GB of server memory). Here every entry is inflated in small chunks
against a budget for the whole archive, and the archive is rebuilt from exactly the bytes read,
so the library only ever sees sizes that are true. Office files need neither encryption nor
exotic compression, and a template needs no macros: archives with any of those are refused.
(Stripping macros would mean rewriting relationships and content types of a file the user
then believes is the template they uploaded; refusing says plainly what to do instead.)
"""

from __future__ import annotations

import io
import re
import struct
import zipfile

from funding.base.errors import UnreadableFile
from funding.base.reading import too_large

MIB = 1024 * 1024
TEMPLATE_MAX_BYTES = 5 * MIB  # a .pptx/.potx as uploaded or read from disk
TEMPLATE_MAX_INFLATED = 60 * MIB  # all its parts together, as inflated
TEMPLATE_MAX_ENTRIES = 2000  # parts; a corporate template with 80 layouts has a few hundred
_CHUNK = 64 * 1024
_END_OF_DIRECTORY = b"PK\x05\x06"
_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
# Parts that hold or load code: VBA projects, their signatures, ActiveX controls.
_CODE_PART = re.compile(r"(?:^|/)(?:vbaProject\.bin|vbaProjectSignature\w*\.bin|vbaData\.xml|activeX/)", re.I)
_CODE_TYPE = re.compile(rb"macroEnabled|vbaProject|ms-office\.activeX", re.I)
_CONTENT_TYPES = "[Content_Types].xml"
SOURCE = "template"


def checked_template(data: bytes) -> bytes:
    """A slide template rebuilt from the bytes actually inflated; UnreadableFile when it is too
    large, not a zip, encrypted, too many parts, inflates past the budget, or carries macros."""
    if len(data) > TEMPLATE_MAX_BYTES:
        raise too_large(SOURCE, len(data), TEMPLATE_MAX_BYTES, "template_too_large")
    return rebuilt_zip(data, max_entries=TEMPLATE_MAX_ENTRIES, max_inflated=TEMPLATE_MAX_INFLATED)


def rebuilt_zip(data: bytes, *, max_entries: int, max_inflated: int) -> bytes:
    """The archive again, each entry holding exactly what inflating it gave, within the budgets."""
    if _declared_entries(data) > max_entries:  # before zipfile builds an object per entry
        raise UnreadableFile(SOURCE, "template_too_many_parts", limit=max_entries)
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise _not_office() from None
    with source:
        entries = source.infolist()
        _check_entries(entries, max_entries)
        out = io.BytesIO()
        inflated = 0
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
            for entry in entries:
                inflated += _copy(source, entry, target, max_inflated - inflated, max_inflated)
    return out.getvalue()


def _declared_entries(data: bytes) -> int:
    """The entry count in the end-of-directory record (the last one in the file); 65535 for
    an archive that needs zip64, which no Office template does."""
    position = data.rfind(_END_OF_DIRECTORY, max(0, len(data) - 65_557))
    if position < 0 or position + 12 > len(data):
        raise _not_office()
    (count,) = struct.unpack_from("<H", data, position + 10)
    return int(count)


def _check_entries(entries: list[zipfile.ZipInfo], max_entries: int) -> None:
    if len(entries) > max_entries:
        raise UnreadableFile(SOURCE, "template_too_many_parts", limit=max_entries)
    names: set[str] = set()
    for entry in entries:
        if entry.flag_bits & 0x1:
            raise UnreadableFile(SOURCE, "template_encrypted")
        if entry.compress_type not in _COMPRESSIONS:
            raise _not_office()
        if entry.filename in names:
            raise _not_office()  # two parts of one name: readers disagree which one counts
        names.add(entry.filename)
        if _CODE_PART.search(entry.filename):
            raise _macros(entry.filename)


def _copy(
    source: zipfile.ZipFile, entry: zipfile.ZipInfo, target: zipfile.ZipFile, budget: int, limit: int
) -> int:
    """Inflate one entry into `target` chunk by chunk; the bytes inflated, never more than `budget`
    (what is left of the archive's `limit`)."""
    inflated = 0
    content_types = bytearray() if entry.filename == _CONTENT_TYPES else None
    clean = zipfile.ZipInfo(entry.filename, date_time=entry.date_time)
    clean.compress_type = zipfile.ZIP_DEFLATED
    try:
        with source.open(entry) as reader, target.open(clean, "w") as writer:
            while chunk := reader.read(_CHUNK):
                inflated += len(chunk)
                if inflated > budget:
                    mb = limit / MIB
                    raise UnreadableFile(
                        SOURCE, "template_inflates_too_much", limit=int(mb) if mb.is_integer() else mb
                    )
                if content_types is not None:
                    content_types += chunk
                writer.write(chunk)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError):
        raise _not_office() from None  # a damaged entry (CRC, truncated data)
    if content_types is not None and _CODE_TYPE.search(content_types):
        raise _macros(_CONTENT_TYPES)
    return inflated


def _not_office() -> UnreadableFile:
    return UnreadableFile(SOURCE, "template_not_pptx")


def _macros(part: str) -> UnreadableFile:
    return UnreadableFile(SOURCE, "template_macros", part=part)
