"""Texts that appear only in exported files: slides, sheets and images."""

from __future__ import annotations

from funding.vocab import Lang

TEXTS: dict[str, dict[Lang, str]] = {
    "deck_title": {
        "en": "Public funding for batteries: EU and the Netherlands",
        "nl": "Publieke financiering voor batterijen: EU en Nederland",
    },
    "dataset_line": {
        "en": "Dataset v{version} ({date}) · exported {today}",
        "nl": "Dataset v{version} ({date}) · geëxporteerd {today}",
    },
    "counts": {
        "en": "{n} instruments in this selection: {with_amount} with a stated amount, {without} without",
        "nl": "{n} instrumenten in deze selectie: {with_amount} met een vermeld bedrag, {without} zonder",
    },
    "counted_rows": {
        "en": "{counted} of {with_amount} amounts counted; the others are parts of a figure already counted",
        "nl": "{counted} van {with_amount} bedragen geteld; de andere zijn delen van een al geteld bedrag",
    },
    "not_summed_why": {
        "en": "They may overlap; each is shown on its own.",
        "nl": "Ze kunnen overlappen; elk staat apart.",
    },
    "kind_rows": {
        "en": "{counted} figure(s) counted, {without} without amount",
        "nl": "{counted} bedrag(en) geteld, {without} zonder bedrag",
    },
    "chart_envelopes": {"en": "{kind}: amounts by instrument", "nl": "{kind}: bedragen per instrument"},
    "chart_pillar": {"en": "{kind} by pillar ({framework})", "nl": "{kind} per pijler ({framework})"},
    "chart_source": {"en": "{kind} by funding source", "nl": "{kind} per financieringsbron"},
    "chart_instrument_type": {"en": "{kind} by instrument type", "nl": "{kind} per instrumenttype"},
    "chart_beneficiary": {"en": "{kind} by beneficiary type", "nl": "{kind} per soort begunstigde"},
    "parts_note": {
        "en": "↳ marks a part of the figure above it: already included there, never added on top.",
        "nl": "↳ markeert een deel van het bedrag erboven: daarin al begrepen, nooit erbij opgeteld.",
    },
    "groups_net": {
        "en": "Each bar sums only figures not already included in a larger figure of the selection.",
        "nl": "Elke balk telt alleen bedragen op die niet al in een groter bedrag van de selectie zitten.",
    },
    "not_shown": {
        "en": "Not shown: {n} instrument(s) of this kind without a stated amount.",
        "nl": "Niet getoond: {n} instrument(en) van deze soort zonder vermeld bedrag.",
    },
    "not_summed_chart": {
        "en": "These figures may overlap and are never added up; each is shown on its own.",
        "nl": "Deze bedragen kunnen overlappen en worden nooit opgeteld; elk staat apart.",
    },
    "documents_png": {"en": "Documents: {names}.", "nl": "Documenten: {names}."},
    "documents": {"en": "Documents: {refs} (see Sources).", "nl": "Documenten: {refs} (zie Bronnen)."},
    "continued": {"en": "(continued)", "nl": "(vervolg)"},
    "empty_selection": {
        "en": "No instruments match this selection.",
        "nl": "Geen instrumenten in deze selectie.",
    },
    "table_title": {"en": "Instruments in this selection", "nl": "Instrumenten in deze selectie"},
    "col_document": {"en": "Document and locator", "nl": "Document en vindplaats"},
    "not_stated": {"en": "not stated", "nl": "niet vermeld"},
    "sources_title": {"en": "Sources", "nl": "Bronnen"},
    "cited_by": {"en": "cited by {n} row(s)", "nl": "geciteerd door {n} rij(en)"},
    "unregistered": {"en": "(not in the document registry)", "nl": "(niet in het documentenregister)"},
    "no_sources": {
        "en": "No document is cited by this selection.",
        "nl": "Deze selectie citeert geen documenten.",
    },
    "sheet_data": {"en": "Data", "nl": "Gegevens"},
    "sheet_sources": {"en": "Sources", "nl": "Bronnen"},
    "sheet_about": {"en": "About", "nl": "Over"},
    "src_id": {"en": "Document id", "nl": "Document-id"},
    "src_title": {"en": "Title", "nl": "Titel"},
    "src_publisher": {"en": "Publisher", "nl": "Uitgever"},
    "src_issued": {"en": "Date", "nl": "Datum"},
    "src_url": {"en": "URL", "nl": "URL"},
    "src_rows": {"en": "Rows citing it (id)", "nl": "Rijen die het citeren (id)"},
    "src_count": {"en": "Number of rows", "nl": "Aantal rijen"},
    "about_title": {"en": "About this export", "nl": "Over deze export"},
    "about_selection": {"en": "Selection", "nl": "Selectie"},
    "about_parameters": {
        "en": "Filters (dashboard URL parameters)",
        "nl": "Filters (URL-parameters van het dashboard)",
    },
    "about_rows": {"en": "Rows in this export", "nl": "Rijen in deze export"},
    "about_dataset": {"en": "Dataset", "nl": "Dataset"},
    "about_version": {"en": "Dataset version", "nl": "Datasetversie"},
    "about_date": {"en": "Dataset date", "nl": "Datum dataset"},
    "about_exported": {"en": "Exported on", "nl": "Geëxporteerd op"},
    "about_cite": {"en": "How to cite", "nl": "Zo citeert u"},
    "about_licence": {"en": "Licence", "nl": "Licentie"},
    "about_columns": {"en": "Columns", "nl": "Kolommen"},
    "about_columns_text": {
        "en": "The data sheet has the columns of the funding CSV (codes, not labels) plus the title of the source document and counted_in_net_total: 'no' marks a part already included in a larger figure of this selection.",
        "nl": "Het gegevensblad heeft de kolommen van de financierings-CSV (codes, geen labels), plus de titel van het brondocument en counted_in_net_total: 'no' markeert een deel dat al in een groter bedrag van deze selectie zit.",
    },
    "totals_title": {
        "en": "Totals per figure kind: never added together",
        "nl": "Totalen per soort bedrag: nooit bij elkaar opgeteld",
    },
    "tot_kind": {"en": "Figure kind", "nl": "Soort bedrag"},
    "tot_battery_low": {"en": "For batteries, low end (EUR)", "nl": "Voor batterijen, onderkant (EUR)"},
    "tot_battery_high": {"en": "For batteries, high end (EUR)", "nl": "Voor batterijen, bovenkant (EUR)"},
    "tot_wider_low": {"en": "Wider envelopes, low end (EUR)", "nl": "Bredere budgetten, onderkant (EUR)"},
    "tot_wider_high": {"en": "Wider envelopes, high end (EUR)", "nl": "Bredere budgetten, bovenkant (EUR)"},
    "tot_net_low": {"en": "All, counted once, low end (EUR)", "nl": "Alles, eenmaal geteld, onderkant (EUR)"},
    "tot_net_high": {
        "en": "All, counted once, high end (EUR)",
        "nl": "Alles, eenmaal geteld, bovenkant (EUR)",
    },
    "tot_range_rows": {
        "en": "May share money (make the range)",
        "nl": "Kunnen geld delen (maken de bandbreedte)",
    },
    "tot_qualifier": {"en": "Net qualifier", "nl": "Kwalificatie netto"},
    "tot_gross": {"en": "Gross sum (EUR)", "nl": "Bruto som (EUR)"},
    "tot_gross_qualifier": {"en": "Gross qualifier", "nl": "Kwalificatie bruto"},
    "tot_not_summed": {
        "en": "not added up: these figures may overlap",
        "nl": "niet opgeteld: deze bedragen kunnen overlappen",
    },
    "about_upload": {
        "en": "file {name}, not the curated dataset",
        "nl": "bestand {name}, niet de samengestelde dataset",
    },
    "tot_counted": {"en": "Amounts counted", "nl": "Getelde bedragen"},
    "tot_with": {"en": "Rows with amount", "nl": "Rijen met bedrag"},
    "tot_without": {"en": "Rows without amount", "nl": "Rijen zonder bedrag"},
}
