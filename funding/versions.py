"""Dataset versions as files: the released ones in data/releases/VERSION/, and the working copy.

A *version folder* holds `dataset.json` (version and date) beside `funding.csv`, `documents.csv`
and, from 1.1.0 on, `disagreements.csv`; `data/` itself is one (the working copy), and so is
every release folder. A funding CSV read from such a folder is validated against its own
document registry and comes with its disagreements; a CSV anywhere else is read on its own.
Every released version stays in the repository unchanged, so any two can be compared.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from funding.csv_layout import layout_of
from funding.dataset import Dataset
from funding.dataset_info import DatasetInfo, load_info
from funding.disagreements import Disagreements, load_disagreements
from funding.documents import Document, load_documents
from funding.errors import FundingError, InvalidData, UnreadableFile
from funding.loading import load_dataset
from funding.paths import DATA_DIR, DEFAULT_DISAGREEMENTS, DEFAULT_DOCUMENTS

RELEASES_DIR = DATA_DIR / "releases"
_VERSION = re.compile(r"^\d+\.\d+\.\d+$")
T = TypeVar("T")


@dataclass(frozen=True)
class DatasetVersion:
    path: Path
    dataset: Dataset
    columns: tuple[str, ...]
    info: DatasetInfo | None = None
    documents: dict[str, Document] | None = None  # None: the CSV is not in a version folder
    disagreements: Disagreements | None = None

    @property
    def label(self) -> str:
        """How a report names it: "1.1.0 (2026-12-01)", or the file's path."""
        return f"{self.info.version} ({self.info.date})" if self.info else str(self.path)


class VersionUnreadable(FundingError):
    """One or more files of a version cannot be read or do not validate; `errors` has them all."""

    def __init__(self, errors: tuple[UnreadableFile | InvalidData, ...]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


def funding_path(path: Path) -> Path:
    """A folder stands for the funding.csv in it."""
    return path / "funding.csv" if path.is_dir() else path


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


def read_version(path: Path) -> DatasetVersion:
    """Read and validate a funding CSV and, in a version folder, its companions; only reads."""
    csv_path = funding_path(path)
    files = companions(csv_path)
    errors: list[UnreadableFile | InvalidData] = []
    info = documents = disagreements = None
    if files.version and files.info is not None:
        info_path = files.info
        info = _attempt(lambda: load_info(info_path), errors)
        if files.documents is not None:
            documents_path = files.documents
            documents = _attempt(lambda: load_documents(documents_path), errors)
    dataset = _attempt(lambda: load_dataset(csv_path, known_documents=documents), errors)
    if files.version and dataset is not None and files.disagreements is not None:
        disagreements_path = files.disagreements
        disagreements = _attempt(
            lambda: load_disagreements(
                disagreements_path, record_ids=dataset.by_id, known_documents=documents
            ),
            errors,
        )
    if errors or dataset is None:
        raise VersionUnreadable(tuple(errors))
    columns = layout_of(csv_path.read_bytes()).columns
    if files.version and disagreements is None:
        disagreements = Disagreements()  # a version from before the file existed has none
    return DatasetVersion(csv_path, dataset, columns, info, documents, disagreements)


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
