"""Locators for readers: sections kept, line numbers dropped, the locator's own words translated."""

from __future__ import annotations

import pytest

from funding.registry.locators import section


@pytest.mark.parametrize(
    ("locator", "en", "nl"),
    [
        (
            "Pillar I, L1095-1099; flagship box L1164-1166; Conclusion L1453-1456",
            "Pillar I; flagship box; Conclusion",
            "Pijler I; kader 'Flagship actions'; Conclusie",
        ),
        ("Introduction, footnote 1, L1007-1012", "Introduction, footnote 1", "Inleiding, voetnoot 1"),
        ("Pijler 4, In 2025, L267-272", "Pijler 4, In 2025", "Pijler 4, In 2025"),
        (
            "Thema 2 Apparatuur, Context en kansen, L1215-1217; Beleidscontext L862-863, L883-887",
            "Thema 2 Apparatuur, Context en kansen; Beleidscontext",
            "Thema 2 Apparatuur, Context en kansen; Beleidscontext",
        ),
        ("L12-14", "", ""),
        (None, "", ""),
    ],
)
def test_section(locator: str | None, en: str, nl: str) -> None:
    assert section(locator, "en") == en
    assert section(locator, "nl") == nl
