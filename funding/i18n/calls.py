"""Texts of the calls list (`python -m funding calls`): a call's state on a day and its dates."""

from __future__ import annotations

from collections.abc import Mapping

from funding.i18n.forms import Entry
from funding.i18n.languages import Lang

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
    # -- the page's "Open to apply" view ---------------------------------------------------------
    "view_calls": {"en": "Open to apply", "nl": "Aanvragen"},
    "calls_title": {"en": "Calls open or upcoming", "nl": "Oproepen die open zijn of eraan komen"},
    "calls_explained": {
        "en": "Calls and application windows as the documents date them (a day, a month, a quarter, or only a year, with how firm the date is). A call is open only up to a stated closing date; one that names no closing date reads as past its opening. The sidebar's beneficiary filter applies.",
        "nl": "Oproepen en aanvraagperiodes zoals de documenten ze dateren (een dag, maand, kwartaal of alleen een jaar, met hoe vast de datum is). Een oproep is alleen open tot een vermelde sluitingsdatum; een oproep zonder sluitingsdatum staat als voorbij de opening. Het filter op begunstigden in de zijbalk geldt.",
    },
    "calls_on": {"en": "On this day", "nl": "Op deze dag"},
    "calls_for_groups": {"en": "Calls open to: {groups}", "nl": "Oproepen voor: {groups}"},
    "calls_unreadable": {
        "en": "The calls cannot be shown; the file's problems follow.",
        "nl": "De oproepen kunnen niet worden getoond; de problemen in het bestand volgen.",
    },
    # -- calls in the workbook and the deck (funding.exports.calls) ---------------------------------
    "sheet_calls": {"en": "Calls", "nl": "Oproepen"},
    "calls_slide_title": {
        "en": "Calls for these instruments, with their dates as stated",
        "nl": "Oproepen voor deze instrumenten, met hun data zoals vermeld",
    },
    "call_col_name": {"en": "Call", "nl": "Oproep"},
    "call_col_dates": {"en": "Dates as stated", "nl": "Data zoals vermeld"},
    "call_col_for": {"en": "Who may apply", "nl": "Wie kan aanvragen"},
    "call_col_source": {"en": "Source", "nl": "Bron"},
    "call_col_quote": {"en": "Quote (language of the document)", "nl": "Citaat (taal van het document)"},
}
