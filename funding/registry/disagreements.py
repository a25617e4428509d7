"""Where two documents disagree about a row (data/disagreements.csv), so a figure is never shown
without the other document's figure next to it.

Each disagreement is a row of its own with the other document, its locator and a verbatim quote,
so it is checked against the source like every amount (tests/test_dataset.py), and a short
summary in both languages for the tooltip beside the figure.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from funding.base.errors import InvalidData, Problem, not_utf8, problem, validation_problems
from funding.base.paths import DEFAULT_DISAGREEMENTS
from funding.base.reading import COMPANION_MAX_BYTES, read_file
from funding.i18n.languages import data_text
from funding.i18n.vocab import QUALIFIER, Lang
from funding.intake.records import COLUMNS, SLUG, LongText, Text

# What a disagreement can be about: a column of the row, its scope (what the money is for), or
# its certainty (an aim in one document, a fact in the other, with the same value).
ABOUT = (*COLUMNS, "scope", "certainty")


class Disagreement(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    id: str = Field(pattern=SLUG)
    record_id: str = Field(pattern=SLUG)
    column: str = Field(pattern="^(?:" + "|".join(ABOUT) + ")$")
    other_document: str = Field(pattern=SLUG)
    other_locator: Text
    other_quote: LongText
    other_amount_eur: float | None = Field(default=None, ge=0)
    other_qualifier: str | None = Field(default=None, pattern="^(?:" + "|".join(QUALIFIER.codes) + ")$")
    summary_en: Text
    summary_nl: Text

    def summary(self, lang: Lang) -> str:
        return data_text(lang, self.summary_en, self.summary_nl)


@dataclass(frozen=True)
class Disagreements:
    items: tuple[Disagreement, ...] = ()

    @cached_property
    def by_record(self) -> dict[str, tuple[Disagreement, ...]]:
        found: dict[str, list[Disagreement]] = {}
        for item in self.items:
            found.setdefault(item.record_id, []).append(item)
        return {key: tuple(value) for key, value in found.items()}

    def of(self, record_id: str) -> tuple[Disagreement, ...]:
        return self.by_record.get(record_id, ())

    def only(self, record_ids: Collection[str]) -> Disagreements:
        """Those about rows of another dataset (an upload): its ids may not all be ours."""
        return Disagreements(tuple(d for d in self.items if d.record_id in record_ids))


NO_DISAGREEMENTS = Disagreements()


def load_disagreements(
    path: str | Path = DEFAULT_DISAGREEMENTS,
    *,
    record_ids: Collection[str] | None = None,
    known_documents: Mapping[str, object] | Collection[str] | None = None,
    limit: int | None = COMPANION_MAX_BYTES,
) -> Disagreements:
    """Read and check the file; raises UnreadableFile or InvalidData with every problem located."""
    data = read_file(path, limit=limit)
    return parse_disagreements(data, source=str(path), record_ids=record_ids, known_documents=known_documents)


def parse_disagreements(
    data: bytes,
    *,
    source: str,
    record_ids: Collection[str] | None = None,
    known_documents: Mapping[str, object] | Collection[str] | None = None,
) -> Disagreements:
    """Check the bytes of a disagreements file; `source` names it in errors."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise not_utf8(source, exc) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    items: list[Disagreement] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for cells in reader:
        line = reader.line_num
        raw = {k: (v or "").strip() or None for k, v in cells.items() if k}
        try:
            item = Disagreement.model_validate(raw)
        except ValidationError as exc:
            problems += validation_problems(exc, line, raw)
            continue
        if item.id in seen:
            problems.append(problem(line, "id", "duplicate_id", item.id, text="duplicate_disagreement_id"))
        seen.add(item.id)
        if record_ids is not None and item.record_id not in record_ids:
            problems.append(problem(line, "record_id", "unknown_record", item.record_id))
        if known_documents is not None and item.other_document not in known_documents:
            problems.append(
                problem(
                    line,
                    "other_document",
                    "unknown_document",
                    item.other_document,
                    text="unknown_registry_document",
                )
            )
        items.append(item)
    if problems:
        raise InvalidData(source, problems)
    return Disagreements(tuple(items))
