"""UI texts in English and Dutch. Vocabulary labels live in funding.vocab; this is the rest."""

from __future__ import annotations

from funding.vocab import Lang

TEXTS: dict[str, dict[Lang, str]] = {
    "net_public": {"en": "Net public funding", "nl": "Netto publieke financiering"},
    "gross_public": {"en": "Gross sum of public amounts", "nl": "Bruto som publieke bedragen"},
    "overlap": {"en": "Counted inside a larger figure", "nl": "Al begrepen in een groter bedrag"},
    "instruments": {"en": "Instruments", "nl": "Instrumenten"},
    "without_amount": {"en": "Amount not stated", "nl": "Bedrag niet vermeld"},
    "kept_apart": {
        "en": "Shown separately, never added to public funding",
        "nl": "Apart getoond, nooit opgeteld bij publieke financiering",
    },
    "source_line": {
        "en": "Source: {title}, dataset v{version} ({date}); each figure cites its document, locator and quote.",
        "nl": "Bron: {title}, dataset v{version} ({date}); elk bedrag verwijst naar document, vindplaats en citaat.",
    },
    "not_additive": {
        "en": "Not additive: an instrument open to several beneficiary types appears under each of them.",
        "nl": "Niet optelbaar: een instrument voor meerdere soorten begunstigden staat onder elk daarvan.",
    },
}


def t(key: str, lang: Lang, **values: object) -> str:
    """The text for a key; a missing key is a programming error and raises KeyError."""
    text = TEXTS[key][lang]
    return text.format(**values) if values else text
