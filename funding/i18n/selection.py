"""Texts that describe a selection and its filter problems in words."""

from __future__ import annotations

from funding.i18n.forms import Entry
from funding.i18n.languages import Lang

TEXTS: dict[str, dict[Lang, Entry]] = {
    "amount_not_stated": {"en": "amount not stated", "nl": "bedrag niet vermeld"},
    "describe_level": {"en": "level", "nl": "niveau"},
    "describe_type": {"en": "instrument type", "nl": "instrumenttype"},
    "describe_source": {"en": "source", "nl": "bron"},
    "describe_pillar": {"en": "pillar", "nl": "pijler"},
    # A filter selects envelopes open to a group, never money for it: the words say so.
    "describe_beneficiary": {"en": "envelopes open to", "nl": "budgetten die openstaan voor"},
    "describe_status": {"en": "status", "nl": "status"},
    "describe_kind": {"en": "figure kind", "nl": "soort bedrag"},
    "describe_origin": {"en": "money origin", "nl": "herkomst geld"},
    "describe_record_type": {"en": "entry type", "nl": "soort vermelding"},
    "describe_compare": {"en": "compared", "nl": "vergeleken"},
    # Where the names would not fit (presentation mode's title row): how many, named in the footer.
    "describe_compare_count": {
        "en": {"one": "{n} instrument compared", "other": "{n} instruments compared"},
        "nl": {"one": "{n} instrument vergeleken", "other": "{n} instrumenten vergeleken"},
    },
    # A document filter keeps the entries whose figure is quoted from it, not money it governs.
    "describe_document": {"en": "entries quoted from", "nl": "vermeldingen geciteerd uit"},
    "describe_period": {
        "en": "envelopes active in {span} (multi-year envelopes counted whole)",
        "nl": "budgetten actief in {span} (meerjarige budgetten volledig meegeteld)",
    },
    "describe_period_dated": {
        "en": "envelopes active in {span} (multi-year envelopes counted whole), without undated instruments",
        "nl": "budgetten actief in {span} (meerjarige budgetten volledig meegeteld), zonder instrumenten zonder data",
    },
    "describe_battery_only": {"en": "battery-specific only", "nl": "alleen batterijspecifiek"},
    "describe_search": {"en": "search: “{q}”", "nl": "zoekterm: “{q}”"},
    "describe_all": {"en": "All instruments", "nl": "Alle instrumenten"},
    "empty_by_filter": {
        "en": {
            "one": "{n} entry matches the other filters, but not “{filter}”.",
            "other": "{n} entries match the other filters, but none of them matches “{filter}”.",
        },
        "nl": {
            "one": "{n} vermelding voldoet aan de andere filters, maar niet aan “{filter}”.",
            "other": "{n} vermeldingen voldoen aan de andere filters, maar geen ervan aan “{filter}”.",
        },
    },
    "empty_origin_unstated": {
        "en": {
            "one": "The {n} entry the other filters select does not state where its money comes from: its document does not say. Choose “{label}” to see it.",
            "other": "None of the {n} entries the other filters select states where its money comes from: their documents do not say. Choose “{label}” to see them.",
        },
        "nl": {
            "one": "De {n} vermelding die de andere filters selecteren vermeldt niet waar het geld vandaan komt: het document zegt het niet. Kies “{label}” om haar te zien.",
            "other": "Geen van de {n} vermeldingen die de andere filters selecteren vermeldt waar het geld vandaan komt: de documenten zeggen het niet. Kies “{label}” om ze te zien.",
        },
    },
    "filter_unknown_value": {
        "en": "{field}: unknown value '{value}'; valid: {valid}",
        "nl": "{field}: onbekende waarde '{value}'; geldig: {valid}",
    },
    "filter_unknown_id": {
        "en": "{field}: no instrument has the id '{value}'",
        "nl": "{field}: geen instrument heeft de id '{value}'",
    },
    "filter_years_reversed": {
        "en": "year_from {year_from} is after year_to {year_to}",
        "nl": "year_from {year_from} ligt na year_to {year_to}",
    },
}
