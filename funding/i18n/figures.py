"""Texts of the headline figures and totals, shared by the page, the deck and the CLI."""

from __future__ import annotations

from funding.i18n.forms import Entry
from funding.vocab import Lang

TEXTS: dict[str, dict[Lang, Entry]] = {
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
    "headline_explained": {
        "en": "Each figure is counted once: a part is not added to the whole it belongs to. Where the documents do not say whether two figures share money, the total is a range: the low end assumes they overlap completely, the high end that they do not. The gross sum adds every figure as stated, for comparison only.",
        "nl": "Elk bedrag telt één keer: een deel wordt niet opgeteld bij het geheel waartoe het hoort. Waar de documenten niet zeggen of twee bedragen geld delen, is het totaal een bandbreedte: de onderkant gaat uit van volledige overlap, de bovenkant van geen overlap. De brutosom telt elk bedrag zoals vermeld op, alleen ter vergelijking.",
    },
    "origin_split": {
        "en": "Where the money for batteries comes from, as the documents say: {split}",
        "nl": "Herkomst van het geld voor batterijen, volgens de documenten: {split}",
    },
    "wider_list": {
        "en": "Which wider envelopes ({n})",
        "nl": "Welke bredere budgetten ({n})",
    },
    "disputes_line": {
        "en": "⚑ Other documents give other figures: {items}",
        "nl": "⚑ Andere documenten noemen andere bedragen: {items}",
    },
    "range_help": {
        "en": "A range, because the documents do not say whether these share money: {names}. The low end assumes they overlap completely, the high end that they do not.",
        "nl": "Een bandbreedte, omdat de documenten niet zeggen of deze geld delen: {names}. De onderkant gaat uit van volledige overlap, de bovenkant van geen overlap.",
    },
    "none_in_selection": {"en": "none in this selection", "nl": "niet in deze selectie"},
    "and_more": {"en": "and {n} more", "nl": "en nog {n}"},
    "gross_public": {"en": "Gross sum of public amounts", "nl": "Bruto som publieke bedragen"},
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
    "targets_value": {"en": "{n} stated, not added up", "nl": "{n} vermeld, niet opgeteld"},
    "targets_help": {
        "en": "Targets may overlap in ways the documents do not state, so they are never added up; each is shown on its own in the envelope chart and the table.",
        "nl": "Doelen kunnen overlappen op manieren die de documenten niet noemen en worden daarom nooit opgeteld; elk staat apart in de budgetgrafiek en de tabel.",
    },
    "not_summable": {
        "en": "{kind}: these figures may overlap and are never added up, so there are no breakdowns, hierarchy or flow for them. The envelope chart above shows each one on its own.",
        "nl": "{kind}: deze bedragen kunnen overlappen en worden nooit opgeteld; daarom zijn er geen uitsplitsingen, hiërarchie of stroom. De budgetgrafiek hierboven toont elk bedrag apart.",
    },
}
