"""The text catalogue: one key per text, in both languages with the same placeholders."""

from __future__ import annotations

import re
import string

import pytest
from babel.numbers import format_decimal
from fixtures import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from funding.i18n import TEXTS, _merged, t, vocab
from funding.i18n.forms import categories
from funding.i18n.languages import codes, decimal_text
from funding.i18n.vocab import Vocabulary


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def forms(key: str, lang: str) -> list[str]:
    entry = TEXTS[key][lang]  # type: ignore[index]
    return [entry] if isinstance(entry, str) else list(entry.values())


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_key_exists_in_both_languages_with_the_same_placeholders(key: str) -> None:
    texts = TEXTS[key]
    assert set(texts) == set(codes())
    assert all(text.strip() for lang in codes() for text in forms(key, lang))
    found = [placeholders(text) for lang in codes() for text in forms(key, lang)]
    assert all(names == found[0] for names in found), "every language and form, the same placeholders"


@pytest.mark.parametrize("key", sorted(k for k, v in TEXTS.items() if not isinstance(v["en"], str)))
def test_a_counting_text_has_every_plural_form_of_each_language_and_counts_n(key: str) -> None:
    for lang in codes():
        entry = TEXTS[key][lang]
        assert not isinstance(entry, str), f"{key}: plural in one language, plain in the other"
        assert set(entry) == categories(lang)  # English and Dutch: one, other
        assert all("{n}" in text for text in entry.values())


def test_plural_forms_follow_each_language() -> None:
    """CLDR: 1 is "one" in English and Dutch, 0 and 2 are "other"; n is written in local digits."""
    assert t("entries", "en", n=1) == "1 entry in this selection"
    assert t("entries", "en", n=0) == "0 entries in this selection"
    assert t("entries", "nl", n=1) == "1 vermelding in deze selectie"
    assert t("entries", "nl", n=1234) == "1.234 vermeldingen in deze selectie"
    assert t("other_sources", "en", n=1) == "1 other source"
    assert t("other_sources", "nl", n=2) == "2 andere bronnen"
    with pytest.raises(TypeError, match="integer n"):
        t("entries", "en")


def test_no_text_writes_a_plural_in_brackets() -> None:
    """ "figure(s)", "rij(en)", "probleem/problemen": a count picks its form instead."""
    bracketed = re.compile(r"\w\((s|en|e)\)|\w/\w+en\b")
    found = [
        (k, text) for k in TEXTS for lang in codes() for text in forms(k, lang) if bracketed.search(text)
    ]
    assert found == []


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
        "unreadable_",
        "invalid_",
        "file_kind_",
    )
    unused = [k for k in TEXTS if f'"{k}"' not in code and f"'{k}'" not in code and not k.startswith(built)]
    assert unused == []


def test_every_vocabulary_label_exists_in_every_language() -> None:
    """A new language's row makes this list every label it still lacks (docs/adding-a-language.md)."""
    terms = [term for value in vars(vocab).values() if isinstance(value, Vocabulary) for term in value.terms]
    assert len(terms) > 50  # the vocabularies were found: LEVEL alone has 4 terms, the rest dozens
    missing = [
        (term.code, lang) for term in terms for lang in codes() if not term.labels.get(lang, "").strip()
    ]
    assert missing == []


@settings(max_examples=examples(300))
@given(
    st.one_of(
        st.floats(allow_nan=False, allow_infinity=False, min_value=-1e13, max_value=1e13),
        st.integers(-(10**12), 10**12),
        st.sampled_from([0.0, -0.0, 0, 1, 1.0, 7.6, 1.5e9, 0.000125]),
    ),
    st.sampled_from(["en_GB", "nl_NL"]),
    st.sampled_from([None, "#,##0.###", "#,##0.##", "#,##0.0", "0.0"]),
)
def test_remembered_numbers_are_written_as_babel_writes_them(
    number: float, locale: str, pattern: str | None
) -> None:
    """Asked twice (the second answer from the cache), and after the same value of the other type
    (1 then 1.0, 0.0 then -0.0), `decimal_text` writes what `format_decimal` writes."""
    expected = format_decimal(number, format=pattern, locale=locale)
    for other in (float(number), -float(number), int(number)):
        decimal_text(other, locale, pattern)
    assert decimal_text(number, locale, pattern) == expected
    assert decimal_text(number, locale, pattern) == expected


def test_minus_zero_is_not_served_as_zero() -> None:
    """-0.0 == 0.0 would share a cache key; Babel writes them "-0" and "0"."""
    assert (decimal_text(0.0, "en_GB"), decimal_text(-0.0, "en_GB")) == ("0", "-0")
