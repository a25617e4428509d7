"""Dataset version, date and citation (data/dataset.json), shown on every page, sheet and slide."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from funding.base.errors import UnreadableFile
from funding.base.paths import DEFAULT_INFO
from funding.base.reading import read_file
from funding.i18n import t
from funding.i18n.languages import data_text
from funding.i18n.vocab import Lang


class DatasetInfo(BaseModel):
    model_config = ConfigDict(frozen=True)

    title: str
    title_nl: str
    version: str
    date: str
    citation: str
    licence: str
    # Where a recipient can reach the dataset or dashboard; shown in every citation when set.
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")

    def title_in(self, lang: Lang) -> str:
        return data_text(lang, self.title, self.title_nl)


# The metadata is a few hundred bytes; a larger file is not metadata (and is not read whole).
MAX_INFO_BYTES = 1024 * 1024


def load_info(path: str | Path = DEFAULT_INFO, *, limit: int | None = None) -> DatasetInfo:
    """The metadata, read within MAX_INFO_BYTES or the smaller `limit` a command was given."""
    data = read_file(path, limit=MAX_INFO_BYTES if limit is None else min(limit, MAX_INFO_BYTES))
    try:
        return DatasetInfo.model_validate(json.loads(data.decode("utf-8")))
    except (ValueError, ValidationError) as exc:
        raise UnreadableFile(str(path), "bad_metadata", error=str(exc)) from None


def source_line(info: DatasetInfo | None, lang: Lang, upload_name: str | None = None) -> str:
    """The line under every chart, on the page and in every file: the curated dataset's title and
    version, or the name of the file the rows come from instead."""
    if upload_name is not None:
        return t("source_line_upload", lang, name=upload_name)
    if info is None:
        return t("source_line", lang, title="", version="?", date="?")
    return t("source_line", lang, title=info.title_in(lang), version=info.version, date=info.date)
