"""The documents a file cites, numbered in order of first citation, and the source line under
every chart, sheet and slide, so every format cites the same documents in the same order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from funding.exports.xml_text import clean_text
from funding.i18n import t
from funding.i18n.vocab import Lang
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.registry.dataset_info import DatasetInfo
from funding.registry.dataset_info import source_line as dataset_source_line
from funding.registry.disagreements import Disagreements
from funding.registry.documents import Document
from funding.selecting.selection import Filters, describe


@dataclass(frozen=True)
class Citation:
    """A document cited by the selection, numbered in order of first citation."""

    number: int
    id: str
    document: Document | None  # None when the id is not in the registry (an uploaded file)
    rows: tuple[str, ...]

    def reference(self) -> str:
        return f"[{self.number}]"


def citations(
    selection: Sequence[Instrument],
    documents: Mapping[str, Document],
    disagreements: Disagreements | None = None,
) -> list[Citation]:
    """Every document the selection cites, in order of first citation, with the ids citing it;
    then the documents whose other figures for those rows a file shows (`disagreements`), so a
    slide that names one finds it among the sources."""
    rows: dict[str, list[str]] = {}
    for record in selection:
        if record.source_document:
            rows.setdefault(record.source_document, []).append(record.id)
    if disagreements is not None:
        for record in selection:
            for item in disagreements.of(record.id):
                cited = rows.setdefault(item.other_document, [])
                if record.id not in cited:
                    cited.append(record.id)
    return [
        Citation(number, doc_id, documents.get(doc_id), tuple(ids))
        for number, (doc_id, ids) in enumerate(rows.items(), start=1)
    ]


def references(records: Sequence[Instrument], cited: Sequence[Citation]) -> str:
    """The numbered references ("[1], [3]") of the documents these records cite."""
    wanted = {r.source_document for r in records if r.source_document}
    return ", ".join(c.reference() for c in cited if c.id in wanted)


def source_line(info: DatasetInfo, lang: Lang, upload_name: str | None = None) -> str:
    """The page's source line (funding.registry.dataset_info), with a file name that XML can carry."""
    return dataset_source_line(info, lang, None if upload_name is None else clean_text(upload_name))


def chart_source(
    info: DatasetInfo | None,
    lang: Lang,
    filters: Filters,
    upload_name: str | None = None,
    dataset: Dataset | None = None,
) -> str:
    """What a chart says under its title about where it comes from: the source line and the
    selection in words, so an image that travels alone still says what it shows."""
    source = dataset_source_line(info, lang, None if upload_name is None else clean_text(upload_name))
    return f"{source} {t('selection', lang, text=describe(filters, lang, dataset))}."
