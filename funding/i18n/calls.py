"""Texts of the calls list (`python -m funding calls`): a call's state on a day and its dates."""

from __future__ import annotations

from collections.abc import Mapping

from funding.i18n.forms import Entry
from funding.vocab import Lang

TEXTS: dict[str, Mapping[Lang, Entry]] = {
    "call_upcoming": {"en": "upcoming", "nl": "binnenkort"},
    "call_opening": {"en": "opening in this period", "nl": "gaat in deze periode open"},
    "call_open": {"en": "open", "nl": "open"},
    # The document dates only the opening (often as a plan or an aim): never "open" without an end.
    "call_opened": {
        "en": "past its stated opening, no closing date stated",
        "nl": "na de vermelde opening, geen sluitingsdatum vermeld",
    },
    "call_opens": {"en": "opens {date} ({qualifier})", "nl": "opent {date} ({qualifier})"},
    "call_closes": {"en": "closes {date} ({qualifier})", "nl": "sluit {date} ({qualifier})"},
    "call_for": {"en": "for: {groups}", "nl": "voor: {groups}"},
    "call_source": {
        "en": "source: {document}, {locator}: “{quote}”",
        "nl": "bron: {document}, {locator}: “{quote}”",
    },
    "calls_none": {
        "en": "No call is open or upcoming on {day}.",
        "nl": "Geen enkele oproep is open of komt eraan op {day}.",
    },
}
