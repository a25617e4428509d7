"""Dataset versions as files: the released ones in data/releases/VERSION/, and the working copy.

A *version folder* holds `dataset.json` (version and date) beside `funding.csv`, `documents.csv`
and, from 1.1.0 on, `disagreements.csv`; `data/` itself is one (the working copy), and so is
every release folder. A funding CSV read from such a folder is validated against its own
document registry and comes with its disagreements; a CSV anywhere else is read on its own.
Every released version stays in the repository unchanged, so any two can be compared.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from funding.base.errors import FundingError, InvalidData, UnreadableFile
from funding.base.paths import DATA_DIR, DEFAULT_DISAGREEMENTS, DEFAULT_DOCUMENTS
from funding.base.reading import COMPANION_MAX_BYTES, inside, read_file
from funding.i18n import t
from funding.i18n.languages import Lang
from funding.intake.csv_layout import Layout, layout_of
from funding.registry.dataset import Dataset
from funding.registry.dataset_info import DatasetInfo, load_info
from funding.registry.disagreements import Disagreements, parse_disagreements
from funding.registry.documents import Document, load_documents
from funding.registry.loading import parse_csv

RELEASES_DIR = DATA_DIR / "releases"
_VERSION = re.compile(r"^\d+\.\d+\.\d+$")
T = TypeVar("T")


@dataclass(frozen=True)
class DatasetVersion:
    path: Path
    dataset: Dataset
    layout: Layout  # funding.csv's columns and the line each row starts on
    info: DatasetInfo | None = None
    documents: dict[str, Document] | None = None  # None: the CSV is not in a version folder
    disagreements: Disagreements | None = None
    disagreements_layout: Layout | None = None  # None: no disagreements.csv was read

    @property
    def columns(self) -> tuple[str, ...]:
        return self.layout.columns

    @property
    def label(self) -> str:
        """How a report names it: "1.1.0 (2026-12-01)", or the file's path."""
        return f"{self.info.version} ({self.info.date})" if self.info else str(self.path)


class VersionUnreadable(FundingError):
    """One or more files of a version cannot be read or do not validate; `errors` has them all."""

    def __init__(self, errors: tuple[UnreadableFile | InvalidData, ...]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors

    def reason_in(self, lang: Lang) -> str:
        """Why each file was refused, in `lang`: its refusal, or how many problems it has."""
        return "; ".join(
            f"{e.source}: {e.reason_in(lang)}"
            if isinstance(e, UnreadableFile)
            else t("file_invalid", lang, source=e.source, n=e.total)
            for e in self.errors
        )


def funding_path(path: Path) -> Path:
    """A folder stands for the funding.csv in it (which must then be a file of that folder)."""
    return inside(path, "funding.csv") if path.is_dir() else path


@dataclass(frozen=True)
class Companions:
    """The files that go with a funding CSV, by the one rule the page, the export and
    `read_version` share. A CSV in a version folder (one with dataset.json: data/ or a release)
    is that published version and has its own files; one the version lacks is None (1.0.0 has no
    disagreements.csv). A CSV anywhere else is no published version (`version` False): it is
    checked against the working copy's registry and shown with its disagreements."""

    version: bool
    info: Path | None
    documents: Path | None
    disagreements: Path | None


def companions(csv_path: Path) -> Companions:
    folder = csv_path.parent
    if (folder / "dataset.json").is_file():
        documents, disagreements = folder / "documents.csv", folder / "disagreements.csv"
        return Companions(
            True,
            folder / "dataset.json",
            documents if documents.exists() else None,
            disagreements if disagreements.exists() else None,
        )
    return Companions(False, None, DEFAULT_DOCUMENTS, DEFAULT_DISAGREEMENTS)


def read_version(
    path: Path, *, max_bytes: int | None = None, companion_max_bytes: int | None = COMPANION_MAX_BYTES
) -> DatasetVersion:
    """Read and validate a funding CSV and, in a version folder, its companions; only reads.

    Every file is read once, through `funding.base.reading` (regular files, within their limit:
    `max_bytes` for the funding CSV, `companion_max_bytes` for the others). The companions are
    found by name and must be files of the folder: a `dataset.json` that is a FIFO or a link out
    of the folder is refused, never taken for "not a version folder"."""
    errors: list[UnreadableFile | InvalidData] = []
    csv_path = _attempt(lambda: funding_path(path), errors)
    if csv_path is None:
        raise VersionUnreadable(tuple(errors))
    folder = csv_path.parent
    info = documents = None
    in_version = os.path.lexists(folder / "dataset.json")
    if in_version:
        info = _attempt(lambda: load_info(inside(folder, "dataset.json"), limit=companion_max_bytes), errors)
        if os.path.lexists(folder / "documents.csv"):
            documents = _attempt(
                lambda: load_documents(inside(folder, "documents.csv"), limit=companion_max_bytes), errors
            )
    data = _attempt(lambda: read_file(csv_path, limit=max_bytes), errors)
    dataset = None
    if data is not None:
        dataset = _attempt(
            lambda: parse_csv(data, source=str(csv_path), known_documents=documents, max_bytes=max_bytes),
            errors,
        )
    disagreements, disagreements_layout = Disagreements(), None  # a version before the file had none
    if in_version and dataset is not None and os.path.lexists(folder / "disagreements.csv"):
        read = _attempt(lambda: _disagreements(folder, dataset, documents, companion_max_bytes), errors)
        if read is not None:
            disagreements, disagreements_layout = read
    if errors or data is None or dataset is None:
        raise VersionUnreadable(tuple(errors))
    return DatasetVersion(
        csv_path,
        dataset,
        layout_of(data),
        info,
        documents,
        disagreements if in_version else None,
        disagreements_layout,
    )


def _disagreements(
    folder: Path, dataset: Dataset, documents: dict[str, Document] | None, limit: int | None
) -> tuple[Disagreements, Layout]:
    path = inside(folder, "disagreements.csv")
    data = read_file(path, limit=limit)
    found = parse_disagreements(data, source=str(path), record_ids=dataset.by_id, known_documents=documents)
    return found, layout_of(data)


def _attempt(read: Callable[[], T], errors: list[UnreadableFile | InvalidData]) -> T | None:
    try:
        return read()
    except (UnreadableFile, InvalidData) as exc:
        errors.append(exc)
        return None


@dataclass(frozen=True)
class Release:
    version: str
    folder: Path


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def releases(root: Path = RELEASES_DIR) -> list[Release]:
    """Every release folder (named MAJOR.MINOR.PATCH), oldest first."""
    found = [Release(p.name, p) for p in root.iterdir() if p.is_dir() and _VERSION.match(p.name)]
    return sorted(found, key=lambda r: version_key(r.version))
