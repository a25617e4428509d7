"""Parse and validate once per file version, never per rerun; the dataset in use this session.

The shipped file is cached by its modification time and size (an edited file is read again),
an upload by its content. A dataset is known to the figure caches by its digest (the SHA-256 of
its bytes), so every session looking at the same data shares the same cached figures.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import streamlit as st

from app.signed import cache_resource
from funding.base import paths
from funding.base.reading import read_file
from funding.registry.calls import Call, load_calls
from funding.registry.dataset_info import DatasetInfo, load_info
from funding.registry.disagreements import Disagreements, load_disagreements
from funding.registry.documents import Document, load_documents
from funding.registry.loading import MAX_BYTES, Loaded, attempt, parse_csv
from funding.registry.versions import companions

__all__ = ["TTL_SECONDS", "Loaded", "Source", "data_path", "data_source", "stamp"]

# How long any cached entry of the page lives, at most: an edited or uploaded file's figures
# and checks do not outlive their use (every cache of the page uses it).
TTL_SECONDS = 3600


def data_path() -> Path:
    """The served CSV: $FUNDING_DATA (another file of the same schema) or the curated one."""
    return Path(os.environ.get("FUNDING_DATA") or paths.DEFAULT_DATA)


def read_upload(data: bytes, name: str, known_documents: Sequence[str]) -> Loaded:
    """An uploaded CSV, validated with the same rules and document registry as the shipped file."""
    digest = hashlib.sha256(data).hexdigest()
    found = attempt(
        lambda: parse_csv(data, source=name, known_documents=known_documents, max_bytes=MAX_BYTES),
        name,
        digest,
    )
    return found if isinstance(found, Loaded) else Loaded(found, name, digest)


def stamp(path: Path) -> tuple[int, int]:
    """Modification time and size: an edited file gets a new cache entry and is read again."""
    try:
        stat = path.stat()
    except OSError:
        return (0, -1)
    return (stat.st_mtime_ns, stat.st_size)


@cache_resource(max_entries=4, show_spinner=False)
def documents(path: str, stamp: tuple[int, int]) -> dict[str, Document] | Loaded:
    return attempt(lambda: load_documents(path), Path(path).name)


@cache_resource(max_entries=4, show_spinner=False)
def disputes(path: str, stamp: tuple[int, int], known_documents: tuple[str, ...]) -> Disagreements | Loaded:
    """The curated disagreements between documents; checked against the registry, and against
    each dataset's ids when attached to it."""
    return attempt(lambda: load_disagreements(path, known_documents=known_documents), Path(path).name)


@cache_resource(max_entries=4, show_spinner=False)
def shipped(
    path: str,
    stamp: tuple[int, int],
    known_documents: tuple[str, ...],
    disputes_stamp: tuple[int, int],
    _disputes: Disagreements,
) -> Loaded:
    name = Path(path).name
    # A regular file only (a FIFO would hang the server); the size limit is for uploads.
    data = attempt(lambda: read_file(path), name)
    if isinstance(data, Loaded):
        return data
    digest = hashlib.sha256(data).hexdigest()
    found = attempt(
        lambda: parse_csv(data, source=path, known_documents=known_documents, max_bytes=None), name
    )
    return found if isinstance(found, Loaded) else Loaded(found.with_disagreements(_disputes), name, digest)


class _Refused(Exception):
    """Carries a refused upload past the shared cache, which keeps no result of a call that raises."""

    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded


# Valid uploads are cached by content (a rerun does not parse them again) for an hour at most:
# the cache is shared by all sessions, and an analyst's file should not outlive its use. A
# refused one is kept for its own session only (`uploaded`), so variants of a bad file cannot
# fill the server's memory.
UPLOADS = 8  # valid uploads kept for all sessions (15 MB each parsed at the 5 MB limit)


@cache_resource(max_entries=UPLOADS, ttl=TTL_SECONDS, show_spinner=False)
def _valid_upload(
    digest: str,
    name: str,
    known_documents: tuple[str, ...],
    disputes_stamp: tuple[int, int],
    _disputes: Disagreements,
    _data: bytes,
) -> Loaded:
    loaded = read_upload(_data, name, known_documents)
    if loaded.dataset is None:
        raise _Refused(loaded)
    return replace(loaded, dataset=loaded.dataset.with_disagreements(_disputes))


REFUSED_UPLOAD = "_refused_upload"


def uploaded(
    data: bytes,
    name: str,
    known_documents: tuple[str, ...],
    disputes_stamp: tuple[int, int],
    disputes: Disagreements,
) -> Loaded:
    key = (hashlib.sha256(data).hexdigest(), name, known_documents)
    refused = st.session_state.get(REFUSED_UPLOAD)
    if refused is not None and refused[0] == key:
        return refused[1]  # type: ignore[no-any-return]
    try:
        return _valid_upload(*key, disputes_stamp, disputes, data)
    except _Refused as exc:
        st.session_state[REFUSED_UPLOAD] = (key, exc.loaded)
        return exc.loaded


@cache_resource(max_entries=4, show_spinner=False)
def info(path: str, stamp: tuple[int, int]) -> DatasetInfo | Loaded:
    return attempt(lambda: load_info(path), Path(path).name)


@cache_resource(max_entries=4, show_spinner=False)
def _calls(path: str, stamp: tuple[int, int], known: tuple[str, ...]) -> tuple[Call, ...] | Loaded:
    return attempt(lambda: load_calls(path, known_documents=known), Path(path).name)


def calls_of(documents: dict[str, Document]) -> tuple[Call, ...] | Loaded:
    """The curated calls, checked against the registry, or why they cannot be had."""
    return _calls(str(paths.DEFAULT_CALLS), stamp(paths.DEFAULT_CALLS), tuple(sorted(documents)))


@dataclass(frozen=True)
class Source:
    """The data this session looks at, with its metadata and document registry."""

    loaded: Loaded
    info: DatasetInfo | None
    documents: dict[str, Document]
    uploaded: bool


# The uploaded file is kept here, not only in its widget: the uploader sits in the Data view,
# and Streamlit forgets a widget's file when another view is open.
UPLOAD = "_upload"
UPLOAD_GENERATION = "_upload_generation"


def remember_upload(key: str) -> None:
    """The uploader's callback: keep (name, bytes) of a new file, or forget a removed one."""
    upload = st.session_state.get(key)
    if upload is None:
        st.session_state.pop(UPLOAD, None)
    else:
        st.session_state[UPLOAD] = (upload.name, upload.getvalue())


def forget_upload() -> None:
    """Back to the curated dataset: a fresh uploader (new key) and no kept file."""
    st.session_state.pop(UPLOAD, None)
    st.session_state[UPLOAD_GENERATION] = st.session_state.get(UPLOAD_GENERATION, 0) + 1


def upload_key() -> str:
    return f"upload_{st.session_state.get(UPLOAD_GENERATION, 0)}"


def data_source() -> Source:
    """The curated dataset, or the session's uploaded file in its place (never written anywhere).

    The served CSV's version, registry and disagreements are its companions (funding.registry.versions):
    a release served with FUNDING_DATA shows that release's version and its own files."""
    path = data_path()
    files = companions(path)
    dataset_info = info(str(files.info), stamp(files.info)) if files.info is not None else None
    documents_path = files.documents or paths.DEFAULT_DOCUMENTS
    registry = documents(str(documents_path), stamp(documents_path))
    if isinstance(registry, Loaded):
        return Source(registry, None, {}, uploaded=False)
    known = tuple(sorted(registry))
    disputes_path = files.disagreements
    disputes_stamp = stamp(disputes_path) if disputes_path is not None else (0, -1)
    found = disputes(str(disputes_path), disputes_stamp, known) if disputes_path else Disagreements()
    if isinstance(found, Loaded):
        return Source(found, None, {}, uploaded=False)
    kept: tuple[str, bytes] | None = st.session_state.get(UPLOAD)
    if kept is not None:
        name, data = kept
        loaded = uploaded(data, name, known, disputes_stamp, found)
    else:
        loaded = shipped(str(path), stamp(path), known, disputes_stamp, found)
    return Source(
        loaded, dataset_info if isinstance(dataset_info, DatasetInfo) else None, registry, kept is not None
    )
