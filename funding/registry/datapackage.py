"""data/datapackage.json: the dataset as a Frictionless Data Package, for tools other than ours.

Nothing in it is written by hand. Codes come from `funding.i18n.vocab` (via the fields' vocabularies),
patterns and length limits from the record models, and what each column means and whether it is
required from the codebook's tables (data/README.md §1, §2, §5; for funding.csv the required
columns are `funding.intake.records.REQUIRED_COLUMNS`, which the codebook must agree with), so a change
to any of them shows
up as a stale package in the test that regenerates it. `frictionless validate
data/datapackage.json` then checks the files against it, including the foreign keys. Rules across
fields (an amount needs a qualifier, parts within their whole, ...) are beyond a Table Schema;
`python -m funding validate` checks those.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from funding.base.paths import DATA_DIR
from funding.i18n.vocab import DOCUMENT_LANGUAGES, QUALIFIER
from funding.intake.records import (
    COLUMNS,
    FIELD_VOCABULARIES,
    PERIOD_PATTERN,
    REQUIRED_COLUMNS,
    SLUG,
    Instrument,
)
from funding.registry.dataset_info import load_info
from funding.registry.disagreements import ABOUT, Disagreement
from funding.registry.documents import Document
from funding.registry.generated import write_or_check

PACKAGE = DATA_DIR / "datapackage.json"
CODEBOOK = DATA_DIR / "README.md"
# Table Schema patterns are implicitly anchored and XML-Schema flavoured: no ^, $ or (?:.
ID = SLUG.removeprefix("^").removesuffix("$")
PERIOD = PERIOD_PATTERN.removeprefix("^").removesuffix("$").replace("(?:", "(")
URL = r"https?://\S+"
YES_NO = {"type": "boolean", "trueValues": ["yes"], "falseValues": ["no"]}
LIST_COLUMNS = {"beneficiary_types", "may_overlap"}
BOOLEAN_COLUMNS = {"battery_specific", "parts_disjoint"}
AMOUNT_COLUMNS = {"amount_eur", "other_amount_eur"}
ID_COLUMNS = {"id", "parent_id", "source_document", "record_id", "other_document"}


def _one_of(codes: Sequence[str]) -> str:
    return "(" + "|".join(re.escape(c) for c in codes) + ")"


def _list_of(item: str) -> str:
    """Codes or ids joined by ";" without spaces, as the codebook writes lists."""
    return f"{item}(;{item})*"


def codebook_columns(text: str, section: str) -> dict[str, tuple[str, bool]]:
    """Column -> (meaning, required) from the table in one section of the codebook ("## 2."):
    rows of the form "| [#] | `column`[, `column`] | meaning | format | required |"."""
    found: dict[str, tuple[str, bool]] = {}
    inside = False
    for line in text.splitlines():
        if line.startswith("## "):
            inside = line.startswith(f"## {section}")
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells and cells[0].isdigit():
            cells = cells[1:]
        if inside and len(cells) >= 4 and re.fullmatch(r"`[a-z_]+`(, `[a-z_]+`)*", cells[0]):
            meaning = re.sub(r"[`*]", "", cells[1])
            for name in re.findall(r"`([a-z_]+)`", cells[0]):
                found[name] = (meaning, cells[-1].startswith("yes"))
    if not found:
        raise ValueError(f"no column table in section {section} of the codebook")
    return found


def funding_columns(text: str) -> dict[str, tuple[str, bool]]:
    """The codebook's §2 table, whose "Required" column must be the loader's `REQUIRED_COLUMNS`:
    the package takes them from that one table, and a codebook that says otherwise is an error."""
    found = codebook_columns(text, "2.")
    says = {name for name, (_, required) in found.items() if required}
    if says != REQUIRED_COLUMNS:
        raise ValueError(
            "the codebook's required columns (§2) differ from funding.intake.records.REQUIRED_COLUMNS: "
            f"{sorted(says ^ REQUIRED_COLUMNS)}"
        )
    return {name: (meaning, name in REQUIRED_COLUMNS) for name, (meaning, _) in found.items()}


def _limits(model: type[BaseModel]) -> dict[str, int]:
    """maxLength of every text field, as the model checks it."""
    limits: dict[str, int] = {}
    for name, schema in model.model_json_schema()["properties"].items():
        for option in [schema, *schema.get("anyOf", [])]:
            if "maxLength" in option:
                limits[name] = int(option["maxLength"])
    return limits


def _field(
    name: str,
    codebook: Mapping[str, tuple[str, bool]],
    limits: Mapping[str, int],
    enums: Mapping[str, Sequence[str]],
) -> dict[str, Any]:
    meaning, required = codebook[name]
    field: dict[str, Any] = {"name": name, "description": meaning, "type": "string"}
    constraints: dict[str, Any] = {"required": True} if required else {}
    if name in BOOLEAN_COLUMNS:
        field.update(YES_NO)
    elif name in AMOUNT_COLUMNS:
        field["type"] = "integer"
        constraints["minimum"] = 0
    elif name in LIST_COLUMNS:
        item = _one_of(enums[name]) if name in enums else f"({ID})"
        constraints["pattern"] = _list_of(item)
    elif name in enums:
        constraints["enum"] = list(enums[name])
    elif name in ID_COLUMNS:
        constraints["pattern"] = ID
    elif name in ("period_start", "period_end", "issued"):
        constraints["pattern"] = PERIOD
    elif name in ("source_url", "url"):
        constraints["pattern"] = URL
    if name == "id":
        constraints["unique"] = True
    if name in limits and field["type"] == "string" and "enum" not in constraints:
        constraints["maxLength"] = limits[name]
    if constraints:
        field["constraints"] = constraints
    return field


def _schema(
    columns: Sequence[str],
    model: type[BaseModel],
    codebook: Mapping[str, tuple[str, bool]],
    enums: Mapping[str, Sequence[str]],
    foreign_keys: Sequence[tuple[str, str]],
) -> dict[str, Any]:
    limits = _limits(model)
    return {
        "fields": [_field(c, codebook, limits, enums) for c in columns],
        "missingValues": [""],
        "primaryKey": ["id"],
        "foreignKeys": [
            {"fields": [column], "reference": {"resource": resource, "fields": ["id"]}}
            for column, resource in foreign_keys
        ],
    }


def _resource(name: str, title: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "title": title,
        "path": f"{name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def build_package(codebook_text: str, info_path: Path = DATA_DIR / "dataset.json") -> dict[str, Any]:
    info = load_info(info_path)
    vocabularies: dict[str, Sequence[str]] = {k: v.codes for k, v in FIELD_VOCABULARIES.items()}
    return {
        "profile": "tabular-data-package",
        "name": "eu-nl-battery-funding",
        "title": info.title,
        "version": info.version,
        "description": f"{info.citation} {info.licence} Codebook: README.md.",
        "resources": [
            _resource(
                "funding",
                "Funding instruments and figures",
                _schema(
                    COLUMNS,
                    Instrument,
                    funding_columns(codebook_text),
                    vocabularies,
                    [("parent_id", "funding"), ("source_document", "documents")],
                ),
            ),
            _resource(
                "documents",
                "Cited source documents",
                _schema(
                    tuple(Document.model_fields),
                    Document,
                    codebook_columns(codebook_text, "1."),
                    {"language": DOCUMENT_LANGUAGES},
                    [],
                ),
            ),
            _resource(
                "disagreements",
                "Where documents disagree about a row",
                _schema(
                    tuple(Disagreement.model_fields),
                    Disagreement,
                    codebook_columns(codebook_text, "5."),
                    {"column": ABOUT, "other_qualifier": QUALIFIER.codes},
                    [("record_id", "funding"), ("other_document", "documents")],
                ),
            ),
        ],
    }


def render_package() -> str:
    package = build_package(CODEBOOK.read_text(encoding="utf-8"))
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Write data/datapackage.json; with --check, only say whether it is up to date."""
    return write_or_check(PACKAGE, render_package(), argv, "scripts/datapackage")


if __name__ == "__main__":
    sys.exit(main())
