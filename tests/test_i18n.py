"""The text catalogue: one key per text, in both languages with the same placeholders."""

from __future__ import annotations

import string

import pytest

from funding.i18n import TEXTS, _merged, t
from funding.vocab import LANGS


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_key_exists_in_both_languages_with_the_same_placeholders(key: str) -> None:
    texts = TEXTS[key]
    assert set(texts) == set(LANGS)
    assert all(texts[lang].strip() for lang in LANGS)
    assert placeholders(texts["en"]) == placeholders(texts["nl"])


def test_a_key_defined_in_two_data_modules_is_refused() -> None:
    with pytest.raises(ValueError, match="defined twice: col_kind"):
        _merged({"col_kind": {"en": "a", "nl": "b"}}, {"col_kind": {"en": "c", "nl": "d"}})


def test_placeholders_are_filled_and_a_missing_key_raises() -> None:
    assert t("selection", "nl", text="x") == "Selectie: x"
    with pytest.raises(KeyError):
        t("no_such_key", "en")


def test_every_key_is_used_by_the_package_or_the_page() -> None:
    """A text no code asks for is dead; keys built at run time are used by their prefix."""
    from fixtures import ROOT

    code = "\n".join(
        path.read_text(encoding="utf-8")
        for package in ("funding", "app")
        for path in (ROOT / package).rglob("*.py")
        if "i18n" not in path.parts
    )
    built = (
        "framework_",
        "colour_",
        "download_",
        "view_",
        "by_",
        "chart_",
        "describe_",
        "detail_",
        "problem_",
        "col_",
        "sheet_",
        "origin_",
        "field_",
        "changes_count_",
        "changes_measure_",
        "changes_table_",
        "value_",
    )
    unused = [k for k in TEXTS if f'"{k}"' not in code and f"'{k}'" not in code and not k.startswith(built)]
    assert unused == []
