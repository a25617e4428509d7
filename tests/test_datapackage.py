"""data/datapackage.json: generated from the vocabularies, models and codebook (regenerated and
compared here), and strict enough that frictionless catches a bad code or a broken reference."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from fixtures import CODEBOOK_REQUIRED
from frictionless import validate

from funding.base.paths import DATA_DIR
from funding.i18n.vocab import QUALIFIER
from funding.intake.records import COLUMNS, FIELD_VOCABULARIES
from funding.registry.datapackage import PACKAGE, render_package


def package() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(PACKAGE.read_text(encoding="utf-8"))
    return loaded


def fields(resource: str) -> dict[str, dict[str, Any]]:
    found = next(r for r in package()["resources"] if r["name"] == resource)
    return {f["name"]: f for f in found["schema"]["fields"]}


def test_the_package_is_up_to_date() -> None:
    assert PACKAGE.read_text(encoding="utf-8") == render_package(), (
        "data/datapackage.json is out of date: run scripts/datapackage"
    )


def test_code_columns_list_exactly_the_vocabularies() -> None:
    funding = fields("funding")
    assert list(funding) == list(COLUMNS)
    for column, vocabulary in FIELD_VOCABULARIES.items():
        if column == "beneficiary_types":
            assert all(code in funding[column]["constraints"]["pattern"] for code in vocabulary.codes)
        else:
            assert funding[column]["constraints"]["enum"] == list(vocabulary.codes), column
    assert fields("disagreements")["other_qualifier"]["constraints"]["enum"] == list(QUALIFIER.codes)


def test_required_columns_follow_the_codebook() -> None:
    required = {name for name, f in fields("funding").items() if f.get("constraints", {}).get("required")}
    assert required == CODEBOOK_REQUIRED


def test_foreign_keys() -> None:
    keys = {
        resource["name"]: {
            (k["fields"][0], k["reference"]["resource"]) for k in resource["schema"]["foreignKeys"]
        }
        for resource in package()["resources"]
    }
    assert keys == {
        "funding": {("parent_id", "funding"), ("source_document", "documents")},
        "documents": set(),
        "disagreements": {("record_id", "funding"), ("other_document", "documents")},
    }


@pytest.mark.slow  # frictionless reads every shipped file twice: over a second; scripts/test runs it too
def test_shipped_files_are_valid_and_a_tampered_copy_is_not(tmp_path: Path) -> None:
    assert validate(str(PACKAGE)).valid
    for name in ("datapackage.json", "funding.csv", "documents.csv", "disagreements.csv"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    lines = (tmp_path / "funding.csv").read_text(encoding="utf-8").split("\n")
    # line 3 (row 3): battery-booster-facility, whose parent is eu-innovation-fund and status announced
    assert lines[2].startswith("battery-booster-facility,")
    lines[2] = (
        lines[2].replace(",eu-innovation-fund,", ",no-such-row,", 1).replace(",announced,", ",rumoured,", 1)
    )
    (tmp_path / "funding.csv").write_text("\n".join(lines), encoding="utf-8")
    report = validate(str(tmp_path / "datapackage.json"))
    found = {tuple(e) for e in report.flatten(["rowNumber", "fieldName", "type"])}
    assert found == {(3, "status", "constraint-error"), (3, None, "foreign-key")}
