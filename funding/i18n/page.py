"""Texts of the dashboard page: sidebar, views, downloads and presentation mode."""

from __future__ import annotations

from funding.i18n.forms import Entry
from funding.i18n.languages import Lang

TEXTS: dict[str, dict[Lang, Entry]] = {
    "choose": {"en": "Choose", "nl": "Kies"},  # the placeholder of every multiselect
    "page_title": {
        "en": "Battery funding: EU and the Netherlands",
        "nl": "Batterijfinanciering: EU en Nederland",
    },
    "language": {"en": "Language", "nl": "Taal"},  # the chooser says it in every language
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
        "en": {
            "one": "The uploaded file cannot be used: {n} problem. Nothing was changed; fix the file and upload it again.",
            "other": "The uploaded file cannot be used: {n} problems. Nothing was changed; fix the file and upload it again.",
        },
        "nl": {
            "one": "Het geüploade bestand is niet bruikbaar: {n} probleem. Er is niets veranderd; verbeter het bestand en upload het opnieuw.",
            "other": "Het geüploade bestand is niet bruikbaar: {n} problemen. Er is niets veranderd; verbeter het bestand en upload het opnieuw.",
        },
    },
    "upload_unreadable": {
        "en": "The uploaded file cannot be read: {reason}",
        "nl": "Het geüploade bestand kan niet worden gelezen: {reason}",
    },
    "shipped_invalid": {
        "en": {
            "one": "The curated dataset does not pass validation ({name}: {n} problem), so no figures are shown.",
            "other": "The curated dataset does not pass validation ({name}: {n} problems), so no figures are shown.",
        },
        "nl": {
            "one": "De samengestelde dataset voldoet niet aan de controles ({name}: {n} probleem); er worden geen bedragen getoond.",
            "other": "De samengestelde dataset voldoet niet aan de controles ({name}: {n} problemen); er worden geen bedragen getoond.",
        },
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
    "filter_document": {"en": "Cited document", "nl": "Geciteerd document"},
    "filter_year_from": {"en": "Active from year", "nl": "Actief vanaf jaar"},
    "filter_year_to": {"en": "Active until year", "nl": "Actief tot en met jaar"},
    "filter_undated": {"en": "Include instruments without dates", "nl": "Instrumenten zonder data meenemen"},
    "filter_battery_only": {
        "en": "Battery-specific instruments only",
        "nl": "Alleen batterijspecifieke instrumenten",
    },
    "filter_q": {"en": "Search names and notes", "nl": "Zoeken in namen en notities"},
    "selection": {"en": "Selection: {text}", "nl": "Selectie: {text}"},
    "filter_refused": {
        "en": "These filters select nothing: {text}. No figures or downloads until they are changed "
        "in the sidebar.",
        "nl": "Deze filters selecteren niets: {text}. Geen cijfers of downloads tot ze in de zijbalk "
        "zijn aangepast.",
    },
    "picked": {
        "en": "Narrowed by a chart selection: {text}",
        "nl": "Verfijnd door een selectie in een grafiek: {text}",
    },
    "clear_pick": {"en": "Clear chart selection", "nl": "Grafiekselectie wissen"},
    "click_hint": {
        "en": "Click a bar in these charts to narrow the rest of the page; shift-click adds bars.",
        "nl": "Klik op een balk in deze grafieken om de rest van de pagina te verfijnen; shift-klik voegt balken toe.",
    },
    "details": {"en": "Instruments in the selection", "nl": "Instrumenten in de selectie"},
    "details_limit": {
        "en": "Showing the first {shown} of {total} rows; choose more below.",
        "nl": "De eerste {shown} van {total} rijen getoond; kies hieronder meer.",
    },
    "rows_shown": {"en": "Rows in the table", "nl": "Rijen in de tabel"},
    "detail_disagreement": {
        "en": "⚑ Another document says otherwise",
        "nl": "⚑ Een ander document zegt iets anders",
    },
    "detail_pick": {"en": "Source of an instrument", "nl": "Bron van een instrument"},
    "detail_document": {"en": "Source document", "nl": "Brondocument"},
    "detail_locator": {"en": "Where in the document", "nl": "Vindplaats in het document"},
    "detail_quote": {"en": "Verbatim quote", "nl": "Letterlijk citaat"},
    "detail_passage": {
        "en": "The quote in its passage (quote in bold)",
        "nl": "Het citaat in zijn passage (citaat vetgedrukt)",
    },
    "detail_url": {"en": "Open the source online", "nl": "Bron online openen"},
    "detail_none": {"en": "not given", "nl": "niet opgegeven"},
    "detail_unknown_document": {
        "en": "{id} (not in the document registry)",
        "nl": "{id} (niet in het documentregister)",
    },
    "source_line_upload": {
        "en": "Source: file {name}, not the curated dataset; each figure cites its document, locator and quote.",
        "nl": "Bron: bestand {name}, niet de samengestelde dataset; elk bedrag verwijst naar document, vindplaats en citaat.",
    },
    "no_selection": {
        "en": "No instrument matches these filters.",
        "nl": "Geen instrument voldoet aan deze filters.",
    },
    "present_section": {"en": "Download / Present", "nl": "Downloaden / Presenteren"},
    "download_csv": {"en": "CSV (dataset format)", "nl": "CSV (datasetformaat)"},
    "download_xlsx": {"en": "Excel (XLSX)", "nl": "Excel (XLSX)"},
    "download_pptx": {"en": "PowerPoint (PPTX)", "nl": "PowerPoint (PPTX)"},
    "download_pptx_template": {
        "en": "PowerPoint (PPTX, your template)",
        "nl": "PowerPoint (PPTX, uw sjabloon)",
    },
    "download_csv_help": {
        "en": "The selected rows in the dataset's own columns, with the rows they refer to (the whole a part belongs to): the Data view's upload and `python -m funding validate` load it as it is. To read or print, take the Excel file.",
        "nl": "De geselecteerde rijen in de eigen kolommen van de dataset, met de rijen waarnaar ze verwijzen (het geheel waartoe een deel behoort): de upload in de weergave Gegevens en `python -m funding validate` lezen het zoals het is. Om te lezen of af te drukken: neem het Excel-bestand.",
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
        "en": {
            "one": "Each file holds exactly the {n} entry on this page (filters and chart selection), with its source.",
            "other": "Each file holds exactly the {n} entries on this page (filters and chart selection), with their sources.",
        },
        "nl": {
            "one": "Elk bestand bevat precies de {n} vermelding op deze pagina (filters en grafiekselectie), met haar bron.",
            "other": "Elk bestand bevat precies de {n} vermeldingen op deze pagina (filters en grafiekselectie), met hun bronnen.",
        },
    },
    "download_scope_compare": {
        "en": {
            "one": "Each file holds the {n} instrument compared, with its source.",
            "other": "Each file holds the {n} instruments compared, with their sources.",
        },
        "nl": {
            "one": "Elk bestand bevat het {n} vergeleken instrument, met zijn bron.",
            "other": "Elk bestand bevat de {n} vergeleken instrumenten, met hun bronnen.",
        },
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
        "en": "A chart's “Download chart” button, or its camera icon (top right of the chart), saves it as a 16:9 slide image with its title, selection, source and licence.",
        "nl": "De knop „Grafiek downloaden” onder een grafiek, of het camera-icoon (rechtsboven), bewaart die als dia-afbeelding van 16:9 met titel, selectie, bron en licentie.",
    },
    "download_chart": {"en": "Download chart", "nl": "Grafiek downloaden"},
    "download_chart_help": {
        "en": "A 16:9 image for a slide, with the chart's title, selection, source and licence in it.",
        "nl": "Een afbeelding van 16:9 voor een dia, met titel, selectie, bron en licentie van de grafiek erin.",
    },
    "download_chart_png": {"en": "PNG (picture)", "nl": "PNG (afbeelding)"},
    "download_chart_svg": {"en": "SVG (scalable, editable)", "nl": "SVG (schaalbaar, bewerkbaar)"},
    "download_chart_unavailable": {
        "en": "Chart images need a Chromium on the server, and none is installed; the camera icon (top right of the chart) saves the same image from your browser.",
        "nl": "Grafiekafbeeldingen vragen een Chromium op de server, en die is er niet; het camera-icoon (rechtsboven in de grafiek) bewaart dezelfde afbeelding vanuit uw browser.",
    },
    "present": {"en": "Present", "nl": "Presenteren"},
    "present_help": {
        "en": "A clean page for a projector: the headline figures and one chart at a time, large. Its address opens the same view.",
        "nl": "Een rustige pagina voor een beamer: de kerncijfers en één grafiek tegelijk, groot. Het adres opent dezelfde weergave.",
    },
    "exit_present": {"en": "Exit presentation", "nl": "Presentatie verlaten"},
    "previous": {"en": "Previous", "nl": "Vorige"},
    "next": {"en": "Next", "nl": "Volgende"},
    # --- views ---
    "view_overview": {"en": "Overview", "nl": "Overzicht"},
    "view_breakdowns": {"en": "Breakdowns", "nl": "Uitsplitsingen"},
    "view_structure": {"en": "Structure", "nl": "Structuur"},
    "view_timeline": {"en": "Timeline", "nl": "Tijdlijn"},
    "view_instruments": {"en": "Instruments", "nl": "Instrumenten"},
    "view_data": {"en": "Data", "nl": "Gegevens"},
    "codebook": {"en": "Codebook (Markdown)", "nl": "Codeboek (Markdown, Engels)"},
    "codebook_help": {
        "en": "Every column and vocabulary value of the dataset, and the rules its rows follow.",
        "nl": "Elke kolom en elke waarde van de dataset, en de regels die de rijen volgen.",
    },
}
