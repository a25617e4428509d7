"""Where in a document a figure stands, in words a reader can follow.

`source_locator` holds the section and the physical line numbers of the source file, which the
curators and the quote check need. A reader of a slide has the document, not the file: line
numbers mean nothing to them. This module keeps the sections and drops the line numbers, and
writes the locator's own words (not the documents' headings) in the reader's language.
"""

from __future__ import annotations

import re

from funding.i18n.languages import language
from funding.i18n.vocab import Lang

_LINES = re.compile(r",?\s*\bL\d+(?:-\d+)?(?:\s*,\s*L\d+(?:-\d+)?)*")
# The locator's own words in the English-language locators, longest first; the documents'
# headings (Pillar I, "4. Economische perspectieven") are the document's, except "Pillar",
# which the Dutch fiche itself writes as "Pijler".
_DUTCH = (
    ("(printed at the end of Pillar ", "(afgedrukt aan het eind van pijler "),
    ("(printed after the Pillar ", "(afgedrukt na de kop van pijler "),
    ("(end, before the Pillar ", "(eind, vóór de kop van pijler "),
    ("(progress of the EU action plan)", "(voortgang van het EU-actieplan)"),
    (" heading)", ")"),
    ("Letter body", "Hoofdtekst van de brief"),
    ("flagship box", "kader 'Flagship actions'"),
    ("Introduction", "Inleiding"),
    ("Conclusion", "Conclusie"),
    ("footnote", "voetnoot"),
    ("table action", "tabel, actie"),
    ("also ", "ook "),
    ("Pillar ", "Pijler "),
)


def section(locator: str | None, lang: Lang) -> str:
    """ "Pillar I, L1095-1099; flagship box L1164-1166" -> "Pillar I; flagship box" (EN) or
    "Pijler I; kader 'Flagship actions'" (NL); empty when the locator is only line numbers."""
    if not locator:
        return ""
    parts = [_LINES.sub("", part).strip(" ,") for part in locator.split(";")]
    text = "; ".join(dict.fromkeys(p for p in parts if p))
    if language(lang).data == "nl":  # the locators are written in English
        for english, dutch in _DUTCH:
            text = text.replace(english, dutch)
    return text
