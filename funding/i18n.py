"""UI texts in English and Dutch. Vocabulary labels live in funding.vocab; this is the rest."""

from __future__ import annotations

from funding.vocab import Lang

TEXTS: dict[str, dict[Lang, str]] = {
    "net_public": {
        "en": "All public funding, counted once",
        "nl": "Alle publieke financiering, eenmaal geteld",
    },
    "battery_public": {"en": "Public funding for batteries", "nl": "Publieke financiering voor batterijen"},
    "battery_public_help": {
        "en": "Money from envelopes that are for batteries only, each counted once: a part is not added when its whole is also counted.",
        "nl": "Geld uit budgetten die alleen voor batterijen zijn, elk eenmaal geteld: een deel wordt niet opgeteld als het geheel al meetelt.",
    },
    "wider_public": {
        "en": "Wider envelopes open to batteries",
        "nl": "Bredere budgetten die openstaan voor batterijen",
    },
    "wider_public_help": {
        "en": "Envelopes that cover more than batteries (batteries are one of several purposes), never added to the figure for batteries: {names}.",
        "nl": "Budgetten die meer dekken dan batterijen (batterijen zijn een van meerdere doelen), nooit opgeteld bij het bedrag voor batterijen: {names}.",
    },
    "range_help": {
        "en": "A range, because the documents do not say whether these share money: {names}. The low end assumes they overlap completely, the high end that they do not.",
        "nl": "Een bandbreedte, omdat de documenten niet zeggen of deze geld delen: {names}. De onderkant gaat uit van volledige overlap, de bovenkant van geen overlap.",
    },
    "none_in_selection": {"en": "none in this selection", "nl": "niet in deze selectie"},
    "and_more": {"en": "and {n} more", "nl": "en nog {n}"},
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
    # --- dashboard: page and sidebar ---
    "page_title": {
        "en": "Battery funding: EU and the Netherlands",
        "nl": "Batterijfinanciering: EU en Nederland",
    },
    "language": {"en": "Language / Taal", "nl": "Taal / Language"},
    "data_heading": {"en": "Data", "nl": "Gegevens"},
    "filters_heading": {"en": "Filters", "nl": "Filters"},
    "upload": {"en": "Use your own CSV (same columns)", "nl": "Eigen CSV gebruiken (zelfde kolommen)"},
    "upload_help": {
        "en": "The file is checked with the same rules as the curated dataset; it is never saved and the curated file is not changed.",
        "nl": "Het bestand wordt met dezelfde regels gecontroleerd als de samengestelde dataset; het wordt niet opgeslagen en het samengestelde bestand verandert niet.",
    },
    "back_to_curated": {"en": "Back to the curated dataset", "nl": "Terug naar de samengestelde dataset"},
    "viewing_upload": {
        "en": "You are viewing an uploaded file, not the curated dataset: {name}",
        "nl": "U bekijkt een geüpload bestand, niet de samengestelde dataset: {name}",
    },
    "curated_dataset": {
        "en": "Curated dataset v{version} ({date})",
        "nl": "Samengestelde dataset v{version} ({date})",
    },
    "upload_invalid": {
        "en": "The uploaded file cannot be used: {count} problem(s). Nothing was changed; fix the file and upload it again.",
        "nl": "Het geüploade bestand is niet bruikbaar: {count} probleem/problemen. Er is niets veranderd; verbeter het bestand en upload het opnieuw.",
    },
    "upload_unreadable": {
        "en": "The uploaded file cannot be read: {reason}",
        "nl": "Het geüploade bestand kan niet worden gelezen: {reason}",
    },
    "shipped_invalid": {
        "en": "The curated dataset does not pass validation ({name}: {count} problem(s)), so no figures are shown.",
        "nl": "De samengestelde dataset voldoet niet aan de controles ({name}: {count} probleem/problemen); er worden geen bedragen getoond.",
    },
    "shipped_unreadable": {
        "en": "The curated dataset cannot be read ({name}): {reason}",
        "nl": "De samengestelde dataset kan niet worden gelezen ({name}): {reason}",
    },
    "problems_more": {
        "en": "The first {shown} of {total} problems are listed; fix these and upload again to see the rest.",
        "nl": "De eerste {shown} van {total} problemen staan hier; verbeter ze en upload opnieuw voor de rest.",
    },
    "problem_line": {"en": "Line", "nl": "Regel"},
    "problem_column": {"en": "Column", "nl": "Kolom"},
    "problem_message": {"en": "Problem", "nl": "Probleem"},
    "problem_value": {"en": "Value", "nl": "Waarde"},
    "filter_level": {"en": "Level", "nl": "Niveau"},
    "filter_type": {"en": "Instrument type", "nl": "Instrumenttype"},
    "filter_source": {"en": "Source (fund or programme)", "nl": "Bron (fonds of programma)"},
    "filter_framework": {"en": "Pillars of", "nl": "Pijlers van"},
    "framework_eu": {"en": "EU Battery Booster strategy", "nl": "EU Battery Booster-strategie"},
    "framework_nl": {"en": "Dutch battery strategy", "nl": "Nederlandse batterijstrategie"},
    "filter_pillar": {"en": "Pillar", "nl": "Pijler"},
    "filter_beneficiary": {"en": "Beneficiary type", "nl": "Soort begunstigde"},
    "filter_status": {"en": "Status", "nl": "Status"},
    "filter_origin": {"en": "Where the money comes from", "nl": "Herkomst van het geld"},
    "filter_record_type": {"en": "Kind of entry", "nl": "Soort vermelding"},
    "filter_kind": {"en": "Kind of figure", "nl": "Soort bedrag"},
    "filter_year_from": {"en": "Active from year", "nl": "Actief vanaf jaar"},
    "filter_year_to": {"en": "Active until year", "nl": "Actief tot en met jaar"},
    "filter_undated": {"en": "Include instruments without dates", "nl": "Instrumenten zonder data meenemen"},
    "filter_battery_only": {
        "en": "Battery-specific instruments only",
        "nl": "Alleen batterijspecifieke instrumenten",
    },
    "filter_q": {"en": "Search names and notes", "nl": "Zoeken in namen en notities"},
    "selection": {"en": "Selection: {text}", "nl": "Selectie: {text}"},
    "filter_warning": {"en": "Filter problem: {text}", "nl": "Probleem met filter: {text}"},
    # --- headline figures ---
    "headline": {"en": "Headline figures", "nl": "Kerncijfers"},
    "other_kinds": {"en": "Other kinds of figures", "nl": "Andere soorten bedragen"},
    "none_stated": {"en": "none stated", "nl": "geen vermeld"},
    "net_public_help": {
        "en": "Battery-specific and wider envelopes together, each counted once: a part is not added when its whole is also selected. {counted} of {with_amount} stated amounts counted.",
        "nl": "Batterijspecifieke en bredere budgetten samen, elk eenmaal geteld: een deel wordt niet opgeteld als het geheel ook geselecteerd is. {counted} van {with_amount} vermelde bedragen geteld.",
    },
    "gross_help": {
        "en": "Every stated public amount added up, parts and wholes alike: for comparison only.",
        "nl": "Alle vermelde publieke bedragen opgeteld, delen en gehelen samen: alleen ter vergelijking.",
    },
    "overlap_help": {
        "en": "Gross minus net: amounts of parts already included in their whole.",
        "nl": "Bruto min netto: bedragen van delen die al in hun geheel zitten.",
    },
    "instruments_help": {
        "en": "Funding instruments in the selection, with or without an amount, of every kind; {others} other entries (frameworks, services, proposals, context) are listed but not counted here.",
        "nl": "Financieringsinstrumenten in de selectie, met of zonder bedrag, van elke soort; {others} andere vermeldingen (kaders, diensten, voorstellen, context) staan in de lijst maar tellen hier niet mee.",
    },
    "without_amount_help": {
        "en": "Selected rows for which no source states an amount; they stay listed in the table below.",
        "nl": "Geselecteerde rijen waarvoor geen bron een bedrag noemt; ze blijven in de tabel hieronder staan.",
    },
    "kind_help": {
        "en": "Net total of this kind ({counted} of {with_amount} stated amounts counted; {without} without amount). Never added to public funding.",
        "nl": "Netto totaal van deze soort ({counted} van {with_amount} vermelde bedragen geteld; {without} zonder bedrag). Nooit opgeteld bij publieke financiering.",
    },
    "battery_specific": {"en": "of which battery-specific", "nl": "waarvan batterijspecifiek"},
    "battery_specific_help": {
        "en": "The part of the net total from instruments marked battery-specific; the others (e.g. funds for all critical raw materials) are broader than batteries.",
        "nl": "Het deel van het netto totaal uit instrumenten die als batterijspecifiek zijn gemarkeerd; de andere (bijv. fondsen voor alle kritieke grondstoffen) zijn breder dan batterijen.",
    },
    "targets_value": {"en": "{n} stated, not added up", "nl": "{n} vermeld, niet opgeteld"},
    "targets_help": {
        "en": "Targets may overlap in ways the documents do not state, so they are never added up; each is shown on its own in the envelope chart and the table.",
        "nl": "Doelen kunnen overlappen op manieren die de documenten niet noemen en worden daarom nooit opgeteld; elk staat apart in de budgetgrafiek en de tabel.",
    },
    "not_summable": {
        "en": "{kind}: these figures may overlap and are never added up, so there are no breakdowns, hierarchy or flow for them. The envelope chart above shows each one on its own.",
        "nl": "{kind}: deze bedragen kunnen overlappen en worden nooit opgeteld; daarom zijn er geen uitsplitsingen, hiërarchie of stroom. De budgetgrafiek hierboven toont elk bedrag apart.",
    },
    # --- chart selection ---
    "picked": {
        "en": "Narrowed by a chart selection: {text}",
        "nl": "Verfijnd door een selectie in een grafiek: {text}",
    },
    "clear_pick": {"en": "Clear chart selection", "nl": "Grafiekselectie wissen"},
    "click_hint": {
        "en": "Click a bar in these charts to narrow the rest of the page; shift-click adds bars.",
        "nl": "Klik op een balk in deze grafieken om de rest van de pagina te verfijnen; shift-klik voegt balken toe.",
    },
    # --- charts ---
    "chart_kind": {"en": "Kind of figure in the charts", "nl": "Soort bedrag in de grafieken"},
    "colour_by": {"en": "Colour by", "nl": "Kleur naar"},
    "colour_level": {"en": "Level", "nl": "Niveau"},
    "colour_type": {"en": "Instrument type", "nl": "Instrumenttype"},
    "top": {"en": "Bars shown", "nl": "Aantal balken"},
    "envelopes": {"en": "Envelopes compared", "nl": "Budgetten vergeleken"},
    "envelopes_sub": {
        "en": "{kind}. Parts (↳, hatched) are included in their whole and are not extra money.",
        "nl": "{kind}. Delen (↳, gearceerd) zitten in hun geheel en zijn geen extra geld.",
    },
    "showing": {
        "en": "Showing {shown} of {total} bars: the largest first.",
        "nl": "{shown} van {total} balken getoond: de grootste eerst.",
    },
    "no_amounts": {
        "en": "No instrument in the selection states an amount of this kind.",
        "nl": "Geen instrument in de selectie noemt een bedrag van deze soort.",
    },
    "part_of": {
        "en": "Part of {name}: included there, not added",
        "nl": "Deel van {name}: daarin begrepen, niet opgeteld",
    },
    "counted_once": {"en": "Counted in the total", "nl": "Meegeteld in het totaal"},
    "not_battery_specific": {"en": "not battery-specific", "nl": "niet batterijspecifiek"},
    "col_battery_specific": {"en": "Battery-specific", "nl": "Batterijspecifiek"},
    "breakdowns": {"en": "Breakdowns", "nl": "Uitsplitsingen"},
    "by_pillar": {"en": "By pillar: {framework}", "nl": "Naar pijler: {framework}"},
    "by_source": {"en": "By source", "nl": "Naar bron"},
    "by_beneficiary": {"en": "By beneficiary type", "nl": "Naar soort begunstigde"},
    "by_instrument_type": {"en": "By instrument type", "nl": "Naar instrumenttype"},
    "total_counted": {
        "en": "{kind}; total {total}, parts counted once",
        "nl": "{kind}; totaal {total}, delen één keer geteld",
    },
    "plus_not_stated": {"en": "+{n} not stated", "nl": "+{n} niet vermeld"},
    "hierarchy": {"en": "Sources and their instruments", "nl": "Bronnen en hun instrumenten"},
    "hierarchy_sub": {
        "en": "{kind}; only figures counted in the total, so nested amounts appear once",
        "nl": "{kind}; alleen bedragen die in het totaal tellen, dus geneste bedragen één keer",
    },
    "all_sources": {"en": "All sources", "nl": "Alle bronnen"},
    "not_stated_group": {"en": "Not stated", "nl": "Niet vermeld"},
    "pillar_not_stated": {"en": "Pillar not stated", "nl": "Pijler niet vermeld"},
    "other_instruments": {"en": "{n} other instruments", "nl": "{n} andere instrumenten"},
    "other_sources": {"en": "{n} other sources", "nl": "{n} andere bronnen"},
    "flow": {
        "en": "From source to instrument type to pillar",
        "nl": "Van bron naar instrumenttype naar pijler",
    },
    "flow_tab": {"en": "Flow", "nl": "Stroom"},
    "hierarchy_tab": {"en": "Hierarchy", "nl": "Hiërarchie"},
    "timeline": {"en": "Timeline", "nl": "Tijdlijn"},
    "timeline_sub": {
        "en": "Instruments with dates; a year or month stands for the whole year or month. Lighter bars: no start or end stated, drawn to the edge.",
        "nl": "Instrumenten met data; een jaar of maand staat voor het hele jaar of de hele maand. Lichtere balken: geen begin of einde vermeld, doorgetrokken tot de rand.",
    },
    "no_dates": {
        "en": "No instrument in the selection has dates.",
        "nl": "Geen instrument in de selectie heeft data.",
    },
    "open_start": {"en": "start not stated", "nl": "begin niet vermeld"},
    "open_end": {"en": "end not stated", "nl": "einde niet vermeld"},
    "data_table": {"en": "Data behind this chart", "nl": "Gegevens achter deze grafiek"},
    "scale_bn": {"en": "EUR bn", "nl": "€ mld"},
    "scale_m": {"en": "EUR m", "nl": "€ mln"},
    "scale_1": {"en": "EUR", "nl": "€"},
    # --- column headers ---
    "col_name": {"en": "Instrument", "nl": "Instrument"},
    "col_group": {"en": "Group", "nl": "Groep"},
    "col_amount": {"en": "Amount", "nl": "Bedrag"},
    "col_amount_eur": {"en": "Amount (EUR)", "nl": "Bedrag (EUR)"},
    "col_qualifier": {"en": "Qualifier", "nl": "Kwalificatie"},
    "col_kind": {"en": "Kind", "nl": "Soort"},
    "col_status": {"en": "Status", "nl": "Status"},
    "col_source": {"en": "Source", "nl": "Bron"},
    "col_level": {"en": "Level", "nl": "Niveau"},
    "col_type": {"en": "Instrument type", "nl": "Instrumenttype"},
    "col_period": {"en": "Period", "nl": "Periode"},
    "col_start": {"en": "From", "nl": "Van"},
    "col_end": {"en": "Until", "nl": "Tot en met"},
    "col_part_of": {"en": "Part of", "nl": "Deel van"},
    "col_counted": {"en": "Counted in total", "nl": "Geteld in totaal"},
    "col_instruments": {"en": "Instruments", "nl": "Instrumenten"},
    "col_without_amount": {"en": "Without amount", "nl": "Zonder bedrag"},
    "col_from": {"en": "From", "nl": "Van"},
    "col_to": {"en": "To", "nl": "Naar"},
    "yes": {"en": "yes", "nl": "ja"},
    "no": {"en": "no", "nl": "nee"},
    # --- details ---
    "details": {"en": "Instruments in the selection", "nl": "Instrumenten in de selectie"},
    "details_limit": {
        "en": "Showing the first {shown} of {total} rows; choose more below.",
        "nl": "De eerste {shown} van {total} rijen getoond; kies hieronder meer.",
    },
    "rows_shown": {"en": "Rows in the table", "nl": "Rijen in de tabel"},
    "detail_pick": {"en": "Source of an instrument", "nl": "Bron van een instrument"},
    "detail_document": {"en": "Source document", "nl": "Brondocument"},
    "detail_locator": {"en": "Where in the document", "nl": "Vindplaats in het document"},
    "detail_quote": {"en": "Verbatim quote", "nl": "Letterlijk citaat"},
    "detail_notes": {"en": "Curator's notes", "nl": "Notities van de samensteller"},
    "detail_url": {"en": "Open the source online", "nl": "Bron online openen"},
    "detail_none": {"en": "not given", "nl": "niet opgegeven"},
    "detail_unknown_document": {
        "en": "{id} (not in the document registry)",
        "nl": "{id} (niet in het documentregister)",
    },
    "source_line_upload": {
        "en": "Source: uploaded file {name}, not the curated dataset; each figure cites its document, locator and quote.",
        "nl": "Bron: geüpload bestand {name}, niet de samengestelde dataset; elk bedrag verwijst naar document, vindplaats en citaat.",
    },
    "no_selection": {
        "en": "No instrument matches these filters.",
        "nl": "Geen instrument voldoet aan deze filters.",
    },
    # --- downloads and presentation mode ---
    "present_section": {"en": "Download / Present", "nl": "Downloaden / Presenteren"},
    "download_csv": {"en": "CSV", "nl": "CSV"},
    "download_xlsx": {"en": "Excel (XLSX)", "nl": "Excel (XLSX)"},
    "download_pptx": {"en": "PowerPoint (PPTX)", "nl": "PowerPoint (PPTX)"},
    "download_pptx_template": {
        "en": "PowerPoint (PPTX, your template)",
        "nl": "PowerPoint (PPTX, uw sjabloon)",
    },
    "download_csv_help": {
        "en": "The selected rows with their source document, locator, quote and URL (UTF-8, opens in Excel).",
        "nl": "De geselecteerde rijen met brondocument, vindplaats, citaat en URL (UTF-8, opent in Excel).",
    },
    "download_xlsx_help": {
        "en": "Sheets: the selected rows with amounts as numbers, the sources cited, and About (filters, dataset version, how to cite, totals per kind).",
        "nl": "Bladen: de geselecteerde rijen met bedragen als getallen, de geciteerde bronnen, en Over (filters, datasetversie, hoe te citeren, totalen per soort).",
    },
    "download_pptx_help": {
        "en": "A 16:9 deck: title, headline figures, one editable chart per slide with its source line, the instruments, and the documents cited.",
        "nl": "Een 16:9-presentatie: titel, kerncijfers, per dia één bewerkbare grafiek met bronregel, de instrumenten en de geciteerde documenten.",
    },
    "template_button": {"en": "Slide template", "nl": "Diasjabloon"},
    "template": {"en": "PowerPoint template (optional)", "nl": "PowerPoint-sjabloon (optioneel)"},
    "template_help": {
        "en": "A .pptx or .potx of at most {mb} MB: the deck then uses its layouts, colours and fonts. The file is not saved.",
        "nl": "Een .pptx of .potx van hoogstens {mb} MB: de presentatie gebruikt dan de indeling, kleuren en lettertypen daarvan. Het bestand wordt niet opgeslagen.",
    },
    "template_invalid": {
        "en": "{name} cannot be used as a template: {reason}. The deck uses the standard design.",
        "nl": "{name} is niet bruikbaar als sjabloon: {reason}. De presentatie gebruikt de standaardopmaak.",
    },
    "template_in_use": {
        "en": "The PowerPoint download uses the template {name}.",
        "nl": "De PowerPoint-download gebruikt het sjabloon {name}.",
    },
    "download_scope": {
        "en": "Each file holds exactly the {n} instruments on this page (filters and chart selection), with their sources.",
        "nl": "Elk bestand bevat precies de {n} instrumenten op deze pagina (filters en grafiekselectie), met hun bronnen.",
    },
    "download_scope_upload": {
        "en": "They come from the uploaded file {name}, not the curated dataset, and say so.",
        "nl": "Ze komen uit het geüploade bestand {name}, niet uit de samengestelde dataset, en vermelden dat.",
    },
    "picks_not_in_files": {
        "en": "This chart selection cannot be written as filters: the files hold the narrowed rows, but their description lists the sidebar filters only, and presentation mode shows the filters without it.",
        "nl": "Deze grafiekselectie is niet als filters te schrijven: de bestanden bevatten de verfijnde rijen, maar hun omschrijving noemt alleen de filters in de zijbalk, en de presentatiemodus toont de filters zonder de selectie.",
    },
    "downloads_unavailable": {
        "en": "Downloads need the dataset's version and citation (data/dataset.json), which could not be read.",
        "nl": "Downloads hebben de versie en bronvermelding van de dataset nodig (data/dataset.json), die niet te lezen zijn.",
    },
    "png_hint": {
        "en": "A chart's camera icon (top right of the chart) saves it as a PNG at slide resolution, with its source line.",
        "nl": "Het camera-icoon van een grafiek (rechtsboven) bewaart die als PNG op dia-resolutie, met bronregel.",
    },
    "present": {"en": "Present", "nl": "Presenteren"},
    "present_help": {
        "en": "A clean page for a projector: the headline figures and one chart at a time, large. Its address opens the same view.",
        "nl": "Een rustige pagina voor een beamer: de kerncijfers en één grafiek tegelijk, groot. Het adres opent dezelfde weergave.",
    },
    "exit_present": {"en": "Exit presentation", "nl": "Presentatie verlaten"},
    "previous": {"en": "Previous", "nl": "Vorige"},
    "next": {"en": "Next", "nl": "Volgende"},
    "slide_of": {"en": "Chart {number} of {total}", "nl": "Grafiek {number} van {total}"},
    "present_no_charts": {
        "en": "No chart for this selection: no instrument in it states an amount of this kind ({kind}) or has dates.",
        "nl": "Geen grafiek voor deze selectie: geen instrument noemt een bedrag van deze soort ({kind}) of heeft data.",
    },
}


def t(key: str, lang: Lang, **values: object) -> str:
    """The text for a key; a missing key is a programming error and raises KeyError."""
    text = TEXTS[key][lang]
    return text.format(**values) if values else text
