"""Texts of the "What changed" and Edit views, and the CSV columns as readers name them."""

from __future__ import annotations

from funding.i18n.forms import Entry
from funding.i18n.languages import Lang

# The funding.csv columns by name, for tables that list changes or problems per column.
FIELDS: dict[str, dict[Lang, Entry]] = {
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
    "field_notes_nl": {"en": "Notes in Dutch", "nl": "Toelichting in het Nederlands"},
}

CHANGES: dict[str, dict[Lang, Entry]] = {
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
    "changes_columns_added": {
        "en": "Columns the release does not have: {columns}. Its rows are read as the loader reads them (kind of entry '{default}', the others empty), and the changes below count from those readings.",
        "nl": "Kolommen die de versie niet heeft: {columns}. Haar rijen worden gelezen zoals de lader ze leest (soort vermelding '{default}', de andere leeg), en de wijzigingen hieronder tellen vanaf die lezing.",
    },
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

EDIT: dict[str, dict[Lang, Entry]] = {
    "edit_heading": {"en": "Edit the data", "nl": "Gegevens bewerken"},
    "edit_intro": {
        "en": "Edit cells, add rows at the bottom or delete them; every change is checked with the same rules as an uploaded file. The curated file never changes. Your edit is kept as a draft on the server for a week, under a private code in this page's address (keep the address to come back to it; the share link leaves it out). Download the result when you are done.",
        "nl": "Bewerk cellen, voeg onderaan rijen toe of verwijder ze; elke wijziging wordt met dezelfde regels gecontroleerd als een geüpload bestand. Het samengestelde bestand verandert nooit. Uw bewerking wordt een week als concept op de server bewaard, onder een privécode in het adres van deze pagina (bewaar het adres om erop terug te komen; de deellink laat de code weg). Download het resultaat als u klaar bent.",
    },
    "edit_of": {"en": "Editing: {name}", "nl": "U bewerkt: {name}"},
    "edit_too_many_rows": {
        "en": "This file has {rows} rows; the editor offers files of up to {limit} rows. Edit a larger file in a spreadsheet and check it by uploading it or with `python -m funding validate`.",
        "nl": "Dit bestand heeft {rows} rijen; de editor werkt met bestanden tot {limit} rijen. Bewerk een groter bestand in een rekenblad en controleer het door het te uploaden of met `python -m funding validate`.",
    },
    "edit_valid": {
        "en": "No problems: the edited data pass every check.",
        "nl": "Geen problemen: de bewerkte gegevens voldoen aan alle controles.",
    },
    "edit_problems": {
        "en": {
            "one": "{n} problem to fix before the edited data can be previewed.",
            "other": "{n} problems to fix before the edited data can be previewed.",
        },
        "nl": {
            "one": "{n} probleem op te lossen voordat de bewerkte gegevens getoond kunnen worden.",
            "other": "{n} problemen op te lossen voordat de bewerkte gegevens getoond kunnen worden.",
        },
    },
    "edit_unreadable": {
        "en": "The edited data cannot be checked: {reason}",
        "nl": "De bewerkte gegevens kunnen niet worden gecontroleerd: {reason}",
    },
    "edit_grid_too_many_rows": {
        "en": "The grid now has {rows} rows; the editor checks up to {limit}. Nothing was checked: delete rows, or discard the edits, to go on.",
        "nl": "Het raster heeft nu {rows} rijen; de editor controleert er tot {limit}. Er is niets gecontroleerd: verwijder rijen, of wis de wijzigingen, om verder te gaan.",
    },
    "edit_empty_rows": {
        "en": "Empty rows are left out of the file: {rows}.",
        "nl": "Lege rijen worden weggelaten uit het bestand: {rows}.",
    },
    "edit_paste": {"en": "Add rows from a spreadsheet", "nl": "Rijen uit een rekenblad toevoegen"},
    "edit_paste_text": {
        "en": "Lines copied from a spreadsheet or the CSV, with or without its header row: each becomes a new row at the end. (The grid's own paste fills only rows that exist.)",
        "nl": "Regels gekopieerd uit een rekenblad of de CSV, met of zonder kopregel: elke regel wordt een nieuwe rij onderaan. (Plakken in het raster zelf vult alleen rijen die er al zijn.)",
    },
    "edit_paste_add": {"en": "Add these rows", "nl": "Deze rijen toevoegen"},
    "edit_paste_added": {
        "en": "Added at the end of the table, from row {first} to row {last}.",
        "nl": "Onderaan de tabel toegevoegd, van rij {first} tot en met rij {last}.",
    },
    "edit_paste_nothing_pasted": {
        "en": "Nothing to add: the box is empty.",
        "nl": "Niets toe te voegen: het vak is leeg.",
    },
    "edit_paste_too_many_rows": {
        "en": "Nothing added: the grid would have more than {limit} rows, the most the editor checks.",
        "nl": "Niets toegevoegd: het raster zou meer dan {limit} rijen krijgen, het maximum dat de editor controleert.",
    },
    "edit_paste_too_many_cells": {
        "en": "Nothing added: pasted line {line} has more cells than the dataset has columns.",
        "nl": "Niets toegevoegd: geplakte regel {line} heeft meer cellen dan de dataset kolommen heeft.",
    },
    "edit_draft_restored": {
        "en": "Your edit is back: the draft saved at {time} UTC.",
        "nl": "Uw bewerking is terug: het concept van {time} UTC.",
    },
    "edit_draft_gone": {
        "en": "The draft this address named is no longer kept (a week has passed, or the data changed); you start from the data as it is.",
        "nl": "Het concept waar dit adres naar verwees, wordt niet meer bewaard (er is een week verstreken of de gegevens zijn gewijzigd); u begint bij de gegevens zoals ze zijn.",
    },
    "edit_unchanged": {"en": "No edits yet.", "nl": "Nog geen wijzigingen."},
    "edit_changed": {
        "en": {"one": "{n} change against the original.", "other": "{n} changes against the original."},
        "nl": {
            "one": "{n} wijziging ten opzichte van het origineel.",
            "other": "{n} wijzigingen ten opzichte van het origineel.",
        },
    },
    "edit_row": {"en": "Row", "nl": "Rij"},
    "edit_code": {"en": "Code", "nl": "Code"},
    "edit_whole_file": {"en": "(file)", "nl": "(bestand)"},
    "edit_duplicate": {"en": "Duplicate row", "nl": "Rij dupliceren"},
    "edit_duplicate_pick": {"en": "Row to duplicate", "nl": "Te dupliceren rij"},
    "edit_duplicate_help": {
        "en": "The copy is inserted below the row with the same id; give it its own id.",
        "nl": "De kopie komt onder de rij, met hetzelfde id; geef haar een eigen id.",
    },
    "edit_reset": {"en": "Discard edits", "nl": "Wijzigingen wissen"},
    "edit_preview": {
        "en": "Preview on every view",
        "nl": "Voorvertoning op elke weergave",
    },
    "edit_preview_help": {
        "en": "Every view uses the edited data, in this session only; other visitors keep seeing the curated data.",
        "nl": "Elke weergave gebruikt de bewerkte gegevens, alleen in deze sessie; andere bezoekers blijven de samengestelde gegevens zien.",
    },
    "edit_preview_blocked": {
        "en": "The preview starts when the problems are fixed.",
        "nl": "De voorvertoning begint zodra de problemen zijn opgelost.",
    },
    "edit_previewing": {
        "en": "Preview of your edits (this session only, not saved): the page shows {name}, not the curated dataset.",
        "nl": "Voorvertoning van uw wijzigingen (alleen deze sessie, niet opgeslagen): de pagina toont {name}, niet de samengestelde dataset.",
    },
    "edit_preview_stop": {"en": "Stop the preview", "nl": "Voorvertoning stoppen"},
    "edit_edited_name": {"en": "{name}, edited", "nl": "{name}, bewerkt"},
    "edit_download_csv": {"en": "Download the edited CSV", "nl": "Bewerkte CSV downloaden"},
    "edit_download_invalid_help": {
        "en": "The file still has the problems listed here; it will not pass an upload until they are fixed.",
        "nl": "Het bestand heeft nog de problemen die hier staan; een upload slaagt pas als ze zijn opgelost.",
    },
    "edit_download_diff": {"en": "Download its change list (CSV)", "nl": "Wijzigingslijst downloaden (CSV)"},
    "edit_download_problems": {
        "en": "Download the problem list (CSV)",
        "nl": "Probleemlijst downloaden (CSV)",
    },
}

TEXTS: dict[str, dict[Lang, Entry]] = {**FIELDS, **CHANGES, **EDIT}
