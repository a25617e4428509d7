"""Texts of `python -m funding scan`: what a document mentions and how it stands to the dataset."""

from __future__ import annotations

from funding.i18n.languages import Lang

TEXTS: dict[str, dict[Lang, str]] = {
    "scan_status_known": {"en": "known", "nl": "bekend"},
    "scan_status_disagreement": {"en": "disagreement", "nl": "afwijking"},
    "scan_status_new": {"en": "new", "nl": "nieuw"},
    "scan_relation_quoted_here": {"en": "quoted here", "nl": "hier geciteerd"},
    "scan_relation_same_document": {"en": "elsewhere in this document", "nl": "elders in dit document"},
    "scan_relation_other_document": {"en": "from another document", "nl": "uit een ander document"},
    "scan_relation_recorded": {"en": "in disagreements.csv", "nl": "in disagreements.csv"},
    "scan_relation_other_figure": {
        "en": "same instrument, another figure",
        "nl": "zelfde instrument, ander bedrag",
    },
    "scan_summary": {
        "en": "{source}: known {known}, disagreement {disagreement}, new {new}",
        "nl": "{source}: bekend {known}, afwijking {disagreement}, nieuw {new}",
    },
    "scan_this_document": {
        "en": "This file is {ids} in documents.csv.",
        "nl": "Dit bestand is {ids} in documents.csv.",
    },
    "scan_unregistered": {
        "en": "This file is not in documents.csv: amounts are matched with other documents only.",
        "nl": "Dit bestand staat niet in documents.csv: bedragen worden alleen met andere documenten vergeleken.",
    },
    "scan_nothing": {
        "en": "No euro amount, percentage of a budget or dated call found.",
        "nl": "Geen bedrag in euro, percentage van een budget of gedateerde oproep gevonden.",
    },
    "scan_call_date": {"en": "date {date}", "nl": "datum {date}"},
}
