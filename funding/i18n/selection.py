"""Texts that describe a selection and its filter problems in words."""

from __future__ import annotations

from funding.vocab import Lang

TEXTS: dict[str, dict[Lang, str]] = {
    "amount_not_stated": {"en": "amount not stated", "nl": "bedrag niet vermeld"},
    "describe_level": {"en": "level", "nl": "niveau"},
    "describe_type": {"en": "instrument type", "nl": "instrumenttype"},
    "describe_source": {"en": "source", "nl": "bron"},
    "describe_pillar": {"en": "pillar", "nl": "pijler"},
    "describe_beneficiary": {"en": "beneficiary", "nl": "begunstigde"},
    "describe_status": {"en": "status", "nl": "status"},
    "describe_kind": {"en": "figure kind", "nl": "soort bedrag"},
    "describe_origin": {"en": "money origin", "nl": "herkomst geld"},
    "describe_record_type": {"en": "entry type", "nl": "soort vermelding"},
    "describe_period": {"en": "period: {span}", "nl": "periode: {span}"},
    "describe_period_dated": {
        "en": "period: {span}, without undated instruments",
        "nl": "periode: {span}, zonder instrumenten zonder data",
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
