"""Texts that describe a selection and its filter problems in words."""

from __future__ import annotations

from funding.vocab import Lang

TEXTS: dict[str, dict[Lang, str]] = {
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
    "describe_period": {
        "en": "envelopes active in {span} (multi-year envelopes counted whole)",
        "nl": "budgetten actief in {span} (meerjarige budgetten volledig meegeteld)",
    },
    "describe_battery_only": {"en": "battery-specific only", "nl": "alleen batterijspecifiek"},
    "describe_search": {"en": "search: “{q}”", "nl": "zoekterm: “{q}”"},
    "describe_all": {"en": "All instruments", "nl": "Alle instrumenten"},
    "filter_unknown_value": {
        "en": "{field}: unknown value '{value}'; valid: {valid}",
        "nl": "{field}: onbekende waarde '{value}'; geldig: {valid}",
    },
    "filter_years_reversed": {
        "en": "year_from {year_from} is after year_to {year_to}",
        "nl": "year_from {year_from} ligt na year_to {year_to}",
    },
}
