"""The registry of cited source documents (data/documents.csv).

Rows cite a document by id, so a title is written once and every export can list the full
reference; the loader refuses ids that are not in the registry.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from funding.base.errors import ProblemLog, not_utf8, problem, validation_problems
from funding.base.paths import DEFAULT_DOCUMENTS
from funding.base.reading import COMPANION_MAX_BYTES, read_file
from funding.i18n.languages import data_text
from funding.i18n.vocab import Lang


class Document(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title_en: str = Field(min_length=1)
    title_nl: str = Field(min_length=1)
    publisher: str = Field(min_length=1)
    issued: str | None = None
    language: str = Field(min_length=2)
    file: str | None = None
    url: str | None = None

    def title(self, lang: Lang) -> str:
        return data_text(lang, self.title_en, self.title_nl)

    def citation(self, lang: Lang) -> str:
        when = f", {self.issued}" if self.issued else ""
        return f"{self.publisher}, {self.title(lang)}{when}"


def load_documents(
    path: str | Path = DEFAULT_DOCUMENTS, *, limit: int | None = COMPANION_MAX_BYTES
) -> dict[str, Document]:
    """Read the registry; raises the same errors as the dataset loader."""
    path = Path(path)
    try:
        text = read_file(path, limit=limit).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise not_utf8(str(path), exc) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    documents: dict[str, Document] = {}
    log = ProblemLog({})
    try:
        for row in reader:
            _add(row, reader.line_num, documents, log)
    except csv.Error as exc:
        log.add(problem(reader.line_num, "", "csv_syntax", error=str(exc)))
    if len(log):
        raise log.error(str(path))
    return documents


def _add(row: dict[str, str], line: int, documents: dict[str, Document], log: ProblemLog) -> None:
    raw = {k: (v or "").strip() or None for k, v in row.items() if k}
    try:
        doc = Document.model_validate(raw)
    except ValidationError as exc:
        log.extend(validation_problems(exc, line, raw))
        return
    if doc.id in documents:
        log.add(problem(line, "id", "duplicate_id", doc.id, text="duplicate_document_id"))
    documents[doc.id] = doc
