"""Texts of the "What changed" and Edit views, and the CSV columns as readers name them."""

from __future__ import annotations

from funding.vocab import Lang

# The funding.csv columns by name, for tables that list changes or problems per column.
FIELDS: dict[str, dict[Lang, str]] = {
    "field_id": {"en": "Id", "nl": "Id"},
    "field_name_en": {"en": "Name (English)", "nl": "Naam (Engels)"},
    "field_name_nl": {"en": "Name (Dutch)", "nl": "Naam (Nederlands)"},
    "field_record_type": {"en": "Kind of entry", "nl": "Soort vermelding"},
    "field_level": {"en": "Level", "nl": "Niveau"},
    "field_source": {"en": "Source (fund or programme)", "nl": "Bron (fonds of programma)"},
    "field_parent_id": {"en": "Part of", "nl": "Deel van"},
    "field_parts_disjoint": {"en": "Parts are separate money", "nl": "Delen zijn apart geld"},
    "field_may_overlap": {"en": "May overlap with", "nl": "Kan overlappen met"},
    "field_instrument_type": {"en": "Instrument type", "nl": "Instrumenttype"},
    "field_amount_kind": {"en": "Figure kind", "nl": "Soort bedrag"},
    "field_amount_eur": {"en": "Amount (EUR)", "nl": "Bedrag (EUR)"},
    "field_amount_qualifier": {"en": "Qualifier", "nl": "Kwalificatie"},
    "field_money_origin": {"en": "Money origin", "nl": "Herkomst geld"},
    "field_status": {"en": "Status", "nl": "Status"},
    "field_eu_pillar": {"en": "EU pillar", "nl": "EU-pijler"},
    "field_eu_pillar_basis": {"en": "EU pillar basis", "nl": "Basis EU-pijler"},
    "field_nl_pillar": {"en": "Dutch pillar", "nl": "NL-pijler"},
    "field_nl_pillar_basis": {"en": "Dutch pillar basis", "nl": "Basis NL-pijler"},
    "field_beneficiary_types": {"en": "Beneficiary types", "nl": "Soorten begunstigden"},
    "field_battery_specific": {"en": "Battery-specific", "nl": "Batterijspecifiek"},
    "field_period_start": {"en": "Period from", "nl": "Periode vanaf"},
    "field_period_end": {"en": "Period until", "nl": "Periode tot en met"},
    "field_source_document": {"en": "Source document", "nl": "Brondocument"},
    "field_source_url": {"en": "Source URL", "nl": "Bron-URL"},
    "field_source_locator": {"en": "Locator", "nl": "Vindplaats"},
    "field_source_quote": {"en": "Quote", "nl": "Citaat"},
    "field_notes": {"en": "Notes", "nl": "Toelichting"},
}

CHANGES: dict[str, dict[Lang, str]] = {
    "view_changes": {"en": "What changed", "nl": "Wat is er veranderd"},
    "view_edit": {"en": "Edit", "nl": "Bewerken"},
    "changes_heading": {
        "en": "What changed since an earlier release",
        "nl": "Wat is er veranderd sinds een eerdere versie",
    },
    "changes_pick": {"en": "Compare with release", "nl": "Vergelijken met versie"},
    "changes_no_releases": {
        "en": "No earlier release is available to compare with.",
        "nl": "Er is geen eerdere versie om mee te vergelijken.",
    },
    "changes_unreadable": {
        "en": "Release {version} cannot be read: {reason}",
        "nl": "Versie {version} kan niet worden gelezen: {reason}",
    },
    "changes_against": {
        "en": "Release {old} compared with the data on this page: {new}.",
        "nl": "Versie {old} vergeleken met de gegevens op deze pagina: {new}.",
    },
    "changes_identical": {
        "en": "The data on this page are identical to this release.",
        "nl": "De gegevens op deze pagina zijn gelijk aan deze versie.",
    },
    "changes_table_funding": {"en": "Rows", "nl": "Rijen"},
    "changes_table_documents": {"en": "Documents", "nl": "Documenten"},
    "changes_table_disagreements": {
        "en": "Disagreements between documents",
        "nl": "Verschillen tussen documenten",
    },
    "changes_count_added": {"en": "Added", "nl": "Toegevoegd"},
    "changes_count_removed": {"en": "Removed", "nl": "Verwijderd"},
    "changes_count_renamed": {"en": "Renamed", "nl": "Hernoemd"},
    "changes_count_changed": {"en": "Changed", "nl": "Gewijzigd"},
    "changes_totals_heading": {"en": "How the totals moved", "nl": "Hoe de totalen veranderden"},
    "changes_totals_note": {
        "en": "Whole dataset, each figure counted once (parts inside their whole, possible overlaps as a range). Figure kinds are never added together; targets are never summed.",
        "nl": "Hele dataset, elk bedrag één keer geteld (delen binnen hun geheel, mogelijke overlap als bandbreedte). Soorten bedragen worden nooit opgeteld; doelen worden nooit gesommeerd.",
    },
    "changes_no_total_moved": {"en": "No total moved.", "nl": "Geen enkel totaal is veranderd."},
    "changes_measure_battery": {"en": "For batteries only", "nl": "Alleen voor batterijen"},
    "changes_measure_wider": {
        "en": "Wider envelopes open to batteries",
        "nl": "Bredere budgetten, ook voor batterijen",
    },
    "changes_measure_net": {"en": "All, each figure counted once", "nl": "Alles, elk bedrag één keer geteld"},
    "changes_none": {"en": "none", "nl": "geen"},
    "changes_moved": {"en": "changed", "nl": "veranderd"},
    "changes_unmoved": {"en": "unchanged", "nl": "onveranderd"},
    "changes_records_heading": {"en": "Changes entry by entry", "nl": "Wijzigingen per vermelding"},
    "changes_none_in_table": {"en": "No changes.", "nl": "Geen wijzigingen."},
    "col_total": {"en": "Total", "nl": "Totaal"},
    "col_before": {"en": "Before", "nl": "Voor"},
    "col_after": {"en": "After", "nl": "Na"},
    "col_change": {"en": "Change", "nl": "Wijziging"},
    "col_id": {"en": "Id", "nl": "Id"},
    "col_old_id": {"en": "Former id", "nl": "Vorig id"},
    "col_field": {"en": "Column", "nl": "Kolom"},
    "col_old_value": {"en": "Old value", "nl": "Oude waarde"},
    "col_new_value": {"en": "New value", "nl": "Nieuwe waarde"},
    "col_entry": {"en": "Entry", "nl": "Vermelding"},
    "changes_download": {"en": "Download the change list (CSV)", "nl": "Wijzigingslijst downloaden (CSV)"},
    "changes_download_help": {
        "en": "One line per changed cell and per added, removed or renamed entry; changes and columns as codes (as `python -m funding diff --format csv` writes them).",
        "nl": "Eén regel per gewijzigde cel en per toegevoegde, verwijderde of hernoemde vermelding; wijzigingen en kolommen als codes (zoals `python -m funding diff --format csv` ze schrijft).",
    },
    "value_yes": {"en": "yes", "nl": "ja"},
    "value_no": {"en": "no", "nl": "nee"},
}

TEXTS: dict[str, dict[Lang, str]] = {**FIELDS, **CHANGES}
