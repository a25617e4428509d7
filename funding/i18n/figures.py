"""Texts of the headline figures and totals, shared by the page, the deck and the CLI."""

from __future__ import annotations

from funding.i18n.forms import Entry
from funding.i18n.languages import Lang

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
    "how_counted": {"en": "How this is counted", "nl": "Hoe dit geteld is"},
    "wider_public_help_none": {
        "en": "Envelopes that cover more than batteries: none with a stated amount in this selection.",
        "nl": "Budgetten die meer dekken dan batterijen: geen met een vermeld bedrag in deze selectie.",
    },
    "headline_explained": {
        "en": "Each figure is counted once: a part is not added to the whole it belongs to. Where the documents do not say whether two figures share money, the total is a range: the low end assumes they overlap completely, the high end that they do not.",
        "nl": "Elk bedrag telt één keer: een deel wordt niet opgeteld bij het geheel waartoe het hoort. Waar de documenten niet zeggen of twee bedragen geld delen, is het totaal een bandbreedte: de onderkant gaat uit van volledige overlap, de bovenkant van geen overlap.",
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
    "chart_licence": {
        "en": "Licence: reuse with attribution; each quoted document remains its publisher's work.",
        "nl": "Licentie: hergebruik met bronvermelding; elk geciteerd document blijft het werk van de uitgever.",
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
    "instruments_help": {
        "en": "Funding instruments in the selection, with or without an amount, of every kind; {others} other entries (frameworks, services, proposals, context) are listed but not counted here.",
        "nl": "Financieringsinstrumenten in de selectie, met of zonder bedrag, van elke soort; {others} andere vermeldingen (kaders, diensten, voorstellen, context) staan in de lijst maar tellen hier niet mee.",
    },
    "without_amount_help": {
        "en": "Funding instruments in the selection for which no document states an amount; they stay listed in the table. Frameworks, services, proposals and context entries are not counted here.",
        "nl": "Financieringsinstrumenten in de selectie waarvoor geen document een bedrag noemt; ze blijven in de tabel staan. Kaders, diensten, voorstellen en contextvermeldingen tellen hier niet mee.",
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
    # -- every kind by scope (funding.selecting.figures) -------------------------------------------------
    "scope_battery": {"en": "{kind}, for batteries", "nl": "{kind}, voor batterijen"},
    "scope_wider": {
        "en": "{kind}, wider envelopes open to batteries (not only for batteries)",
        "nl": "{kind}, bredere budgetten die openstaan voor batterijen (niet alleen voor batterijen)",
    },
    "scope_all": {"en": "{kind}, all, counted once", "nl": "{kind}, alles, eenmaal geteld"},
    "scope_short_battery": {"en": "for batteries: {value}", "nl": "voor batterijen: {value}"},
    "scope_short_wider": {
        "en": "wider envelopes, not only for batteries: {value}",
        "nl": "bredere budgetten, niet alleen voor batterijen: {value}",
    },
    "count_instruments": {
        "en": {"one": "{n} funding instrument", "other": "{n} funding instruments"},
        "nl": {"one": "{n} financieringsinstrument", "other": "{n} financieringsinstrumenten"},
    },
    "count_unstated": {
        "en": {"one": "{n} of them states no amount", "other": "{n} of them state no amount"},
        "nl": {"one": "bij {n} daarvan staat geen bedrag", "other": "bij {n} daarvan staat geen bedrag"},
    },
    "count_others": {
        "en": {
            "one": "{n} other entry (framework, service, proposal or context)",
            "other": "{n} other entries (frameworks, services, proposals, context)",
        },
        "nl": {
            "one": "{n} andere vermelding (kader, dienst, voorstel of context)",
            "other": "{n} andere vermeldingen (kaders, diensten, voorstellen, context)",
        },
    },
    "exact_value": {
        "en": "Exactly as the rows state: {value}.",
        "nl": "Precies zoals de rijen vermelden: {value}.",
    },
    "of_instruments": {
        "en": {"one": "{part} of {n} instrument", "other": "{part} of {n} instruments"},
        "nl": {"one": "{part} van {n} instrument", "other": "{part} van {n} instrumenten"},
    },
    "label_in_selection": {"en": "{label} — in {phrase}", "nl": "{label} — in {phrase}"},
    "parts_of_whole": {
        "en": "{parts}: parts of {whole} ({amount}), whose whole is not in this selection; not added up",
        "nl": "{parts}: delen van {whole} ({amount}), waarvan het geheel niet in deze selectie zit; niet opgeteld",
    },
    "parts_beyond": {
        "en": "The parts of {whole} ({parts}, from {parts_documents}) state more than the whole ({amount}, from {whole_document}): the documents differ, so the parts are drawn as stated, not inside the whole.",
        "nl": "De delen van {whole} ({parts}, uit {parts_documents}) noemen meer dan het geheel ({amount}, uit {whole_document}): de documenten verschillen, dus de delen staan er zoals vermeld, niet binnen het geheel.",
    },
    "count_all_stated": {"en": "each states an amount", "nl": "bij elk staat een bedrag"},
    # -- the first screen (funding.selecting.lead) --------------------------------------------------------
    "lead_sentence": {
        "en": {
            "one": "{figure} of public money for batteries only, named in {n} document{as_of}",
            "other": "{figure} of public money for batteries only, named in {n} documents{as_of}",
        },
        "nl": {
            "one": "{figure} publiek geld alleen voor batterijen, genoemd in {n} document{as_of}",
            "other": "{figure} publiek geld alleen voor batterijen, genoemd in {n} documenten{as_of}",
        },
    },
    "lead_none": {
        "en": {
            "one": "No public money for batteries only is stated in this selection ({n} document{as_of})",
            "other": "No public money for batteries only is stated in this selection ({n} documents{as_of})",
        },
        "nl": {
            "one": "In deze selectie staat geen publiek geld alleen voor batterijen ({n} document{as_of})",
            "other": "In deze selectie staat geen publiek geld alleen voor batterijen ({n} documenten{as_of})",
        },
    },
    "lead_as_of": {"en": "; dataset {version} of {date}", "nl": "; dataset {version} van {date}"},
    "lead_level": {"en": "{level}, for batteries", "nl": "{level}, voor batterijen"},
    "lead_wider": {
        "en": "Wider envelopes, not only for batteries",
        "nl": "Bredere budgetten, niet alleen voor batterijen",
    },
    "lead_unstated": {"en": "Amount not stated", "nl": "Bedrag niet vermeld"},
    "lead_unstated_value": {
        "en": {"one": "{part} of {n} instrument", "other": "{part} of {n} instruments"},
        "nl": {"one": "{part} van {n} instrument", "other": "{part} van {n} instrumenten"},
    },
}
