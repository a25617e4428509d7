"""Texts of the charts: titles, subtitles, hover texts, axis units and table headers."""

from __future__ import annotations

from funding.i18n.forms import Entry
from funding.i18n.languages import Lang

TEXTS: dict[str, dict[Lang, Entry]] = {
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
    "by_beneficiary": {
        "en": "Envelopes open to each beneficiary type",
        "nl": "Budgetten die openstaan voor elke soort begunstigde",
    },
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
    "other_instruments": {
        "en": {"one": "{n} other instrument", "other": "{n} other instruments"},
        "nl": {"one": "{n} ander instrument", "other": "{n} andere instrumenten"},
    },
    "other_sources": {
        "en": {"one": "{n} other source", "other": "{n} other sources"},
        "nl": {"one": "{n} andere bron", "other": "{n} andere bronnen"},
    },
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
    "col_name": {"en": "Instrument", "nl": "Instrument"},
    "col_group": {"en": "Group", "nl": "Groep"},
    "col_amount": {"en": "Amount", "nl": "Bedrag"},
    "col_amount_eur": {"en": "Amount (EUR)", "nl": "Bedrag (EUR)"},
    "other_document": {"en": "⚑ Another document: {summary}", "nl": "⚑ Ander document: {summary}"},
    "may_share_money": {
        "en": "May share money with (no document says): {names}",
        "nl": "Kan geld delen met (geen document zegt het): {names}",
    },
    "disputed_note": {
        "en": "⚑ another document gives another figure (see the hover or the table).",
        "nl": "⚑ een ander document noemt een ander bedrag (zie de tooltip of de tabel).",
    },
    "col_record_type": {"en": "Kind of entry", "nl": "Soort vermelding"},
    "col_origin": {"en": "Money origin", "nl": "Herkomst geld"},
    "col_caveats": {"en": "Other documents; possible overlaps", "nl": "Andere documenten; mogelijke overlap"},
    "col_amount_low_eur": {"en": "Low end (EUR)", "nl": "Onderkant (EUR)"},
    "col_amount_high_eur": {"en": "High end (EUR)", "nl": "Bovenkant (EUR)"},
    "wider_mark_legend": {
        "en": "{mark}: includes envelopes not only for batteries",
        "nl": "{mark}: met budgetten niet alleen voor batterijen",
    },
    "flow_wider": {
        "en": "{mark} Includes envelopes not only for batteries: {names}.",
        "nl": "{mark} Met budgetten die niet alleen voor batterijen zijn: {names}.",
    },
    "incl_wider": {
        "en": "incl. {value} not only for batteries",
        "nl": "incl. {value} niet alleen voor batterijen",
    },
    "groups_unstated": {
        "en": "No amount stated for: {groups}",
        "nl": "Geen bedrag vermeld voor: {groups}",
    },
    "range_bars": {
        "en": "A lighter, hatched end: money that may be inside other figures in the group (a range).",
        "nl": "Een lichter, gearceerd eind: geld dat in andere bedragen van de groep kan zitten (een bandbreedte).",
    },
    "col_qualifier": {"en": "Qualifier", "nl": "Kwalificatie"},
    "col_kind": {"en": "Figure kind", "nl": "Soort bedrag"},
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
}
