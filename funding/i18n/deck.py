"""Texts of the deck: its slides, speaker notes and alt texts, and the dataset's citation.

Entries that count something carry plural forms (funding.i18n.forms), so no slide says
"figure(s)" or "1 instruments".
"""

from __future__ import annotations

from funding.i18n.forms import Entry
from funding.i18n.languages import Lang

TEXTS: dict[str, dict[Lang, Entry]] = {
    "deck_title": {
        "en": "Public funding for batteries: EU and the Netherlands",
        "nl": "Publieke financiering voor batterijen: EU en Nederland",
    },
    "dataset_line": {
        "en": "Dataset version {version} ({date}) · exported {today}",
        "nl": "Datasetversie {version} ({date}) · geëxporteerd {today}",
    },
    "deck_footer": {
        "en": "Source: {title}, dataset version {version} ({date}).",
        "nl": "Bron: {title}, datasetversie {version} ({date}).",
    },
    "source_upload": {
        "en": "Source: file {name}, not the published dataset",
        "nl": "Bron: bestand {name}, niet de gepubliceerde dataset",
    },
    "citation": {
        "en": "{title}, dataset version {version} ({date}).",
        "nl": "{title}, datasetversie {version} ({date}).",
    },
    "cite_dataset": {"en": "How to cite this dataset", "nl": "Zo citeert u deze dataset"},
    "licence_text": {
        "en": "Compiled from public documents of the Dutch government and the European Commission; every figure is quoted from its document. The dataset's structure, codes and notes may be reused with attribution; the documents remain the work of their publishers.",
        "nl": "Opgebouwd uit openbare documenten van de Nederlandse overheid en de Europese Commissie; elk bedrag is geciteerd uit zijn document. Structuur, codes en toelichtingen van de dataset mogen met bronvermelding worden hergebruikt; de documenten blijven het werk van hun uitgevers.",
    },
    # -- headline ---------------------------------------------------------------------------
    "lead_help": {
        "en": "Money in envelopes that are for batteries only. Net: each euro counted once, so a part is not added when the figure it belongs to is counted.",
        "nl": "Geld in budgetten die alleen voor batterijen zijn. Netto: elke euro één keer geteld, dus een deel telt niet mee als het bedrag waar het bij hoort al meetelt.",
    },
    "wider_help": {
        "en": "Envelopes that cover more than batteries (batteries are one purpose among several); never added to the figure for batteries.",
        "nl": "Budgetten die meer dekken dan batterijen (batterijen zijn één doel van meerdere); nooit opgeteld bij het bedrag voor batterijen.",
    },
    "net_help": {
        "en": "Money for batteries and wider envelopes together, net: each euro counted once.",
        "nl": "Geld voor batterijen en bredere budgetten samen, netto: elke euro één keer geteld.",
    },
    "entries": {
        "en": {"one": "{n} entry in this selection", "other": "{n} entries in this selection"},
        "nl": {"one": "{n} vermelding in deze selectie", "other": "{n} vermeldingen in deze selectie"},
    },
    "without_amount_n": {"en": "{n} without an amount", "nl": "{n} zonder bedrag"},
    "figures_counted": {
        "en": {"one": "{n} figure counted", "other": "{n} figures counted"},
        "nl": {"one": "{n} bedrag geteld", "other": "{n} bedragen geteld"},
    },
    "targets_stated": {
        "en": {"one": "{n} target stated, never added up", "other": "{n} targets stated, never added up"},
        "nl": {"one": "{n} doel vermeld, nooit opgeteld", "other": "{n} doelen vermeld, nooit opgeteld"},
    },
    "not_summed_why": {
        "en": "They may overlap; each is shown on its own.",
        "nl": "Ze kunnen overlappen; elk staat apart.",
    },
    "one_figure": {
        "en": "{title}: one figure, {name}, {amount}.",
        "nl": "{title}: één bedrag, {name}, {amount}.",
    },
    "one_instrument_groups": {
        "en": "{title}: one instrument, {name} ({amount}), in each of these groups: {groups}.",
        "nl": "{title}: één instrument, {name} ({amount}), in elk van deze groepen: {groups}.",
    },
    "one_group": {
        "en": "{title}: all of it in one group, {group} ({amount}).",
        "nl": "{title}: alles in één groep, {group} ({amount}).",
    },
    "one_group_not_stated": {
        "en": "{title}: not stated for any of it ({amount}).",
        "nl": "{title}: voor geen enkel deel vermeld ({amount}).",
    },
    # -- what the lead figure is made of ------------------------------------------------------
    "lead_title": {
        "en": "What the figure for batteries is made of",
        "nl": "Waaruit het bedrag voor batterijen bestaat",
    },
    "lead_figures": {"en": "Figures in it, each counted once", "nl": "Bedragen erin, elk één keer geteld"},
    "lead_origins": {"en": "Where the money comes from", "nl": "Waar het geld vandaan komt"},
    "origin_help": {
        "en": "As the documents say. Where one speaks only of the plan as a whole, the figure's own origin is not stated.",
        "nl": "Zoals de documenten het zeggen. Waar een document alleen over het plan als geheel spreekt, is de herkomst van het bedrag zelf niet vermeld.",
    },
    "lead_ranges": {"en": "What makes a range", "nl": "Waardoor een bandbreedte ontstaat"},
    "range_rows": {
        "en": "The documents do not say whether these figures share money:",
        "nl": "De documenten zeggen niet of deze bedragen geld delen:",
    },
    "range_totals": {
        "en": "So these totals are ranges (low end: they overlap completely; high end: not at all): {totals}.",
        "nl": "Daarom zijn deze totalen bandbreedtes (onderkant: volledige overlap; bovenkant: geen overlap): {totals}.",
    },
    "lead_disagreements": {"en": "Where documents disagree", "nl": "Waar documenten verschillen"},
    "deck_other_document": {"en": "Another document says", "nl": "Een ander document zegt"},
    # -- charts -----------------------------------------------------------------------------
    "chart_envelopes": {"en": "{kind}: amounts by instrument", "nl": "{kind}: bedragen per instrument"},
    "chart_pillar": {"en": "{kind} by pillar ({framework})", "nl": "{kind} per pijler ({framework})"},
    "chart_source": {"en": "{kind} by funding source", "nl": "{kind} per financieringsbron"},
    "chart_instrument_type": {"en": "{kind} by instrument type", "nl": "{kind} per instrumenttype"},
    "chart_beneficiary": {
        "en": "{kind} in envelopes open to each beneficiary type",
        "nl": "{kind} in budgetten die openstaan voor elke soort begunstigde",
    },
    "parts_note": {
        "en": "↳ marks a part of the figure above it: already included there, never added on top.",
        "nl": "↳ markeert een deel van het bedrag erboven: daarin al begrepen, nooit erbij opgeteld.",
    },
    "groups_net": {
        "en": "Each bar adds up only figures not already included in a larger figure of the selection.",
        "nl": "Elke balk telt alleen bedragen op die niet al in een groter bedrag van de selectie zitten.",
    },
    "deck_range_bars": {
        "en": "A range (low–high) where the documents do not say whether figures in a group share money: the bar is solid to the low end, lighter and hatched on to the high end.",
        "nl": "Een bandbreedte (laag–hoog) waar de documenten niet zeggen of bedragen in een groep geld delen: de balk is vol tot de onderkant, lichter en gearceerd tot de bovenkant.",
    },
    "deck_low_series": {"en": "Low end of the range", "nl": "Onderkant van de bandbreedte"},
    "not_shown": {
        "en": {
            "one": "Not in this chart: {n} funding instrument of this kind without a stated amount (listed at the end).",
            "other": "Not in this chart: {n} funding instruments of this kind without a stated amount (listed at the end).",
        },
        "nl": {
            "one": "Niet in deze grafiek: {n} financieringsinstrument van deze soort zonder vermeld bedrag (achteraan opgesomd).",
            "other": "Niet in deze grafiek: {n} financieringsinstrumenten van deze soort zonder vermeld bedrag (achteraan opgesomd).",
        },
    },
    "not_summed_chart": {
        "en": "These figures may overlap and are never added up; each is shown on its own.",
        "nl": "Deze bedragen kunnen overlappen en worden nooit opgeteld; elk staat apart.",
    },
    "documents": {"en": "Documents: {refs} (see Sources).", "nl": "Documenten: {refs} (zie Bronnen)."},
    "continued": {"en": "(continued)", "nl": "(vervolg)"},
    "alt_chart": {
        "en": {
            "one": "Bar chart, {title}: {n} bar. {bars}",
            "other": "Bar chart, {title}: {n} bars, top to bottom. {bars}",
        },
        "nl": {
            "one": "Staafdiagram, {title}: {n} staaf. {bars}",
            "other": "Staafdiagram, {title}: {n} staven, van boven naar beneden. {bars}",
        },
    },
    # -- table, list, sources ---------------------------------------------------------------
    "table_title": {"en": "Every stated figure and its source", "nl": "Alle vermelde bedragen en hun bron"},
    "col_document": {"en": "Document and section", "nl": "Document en onderdeel"},
    "alt_table": {
        "en": {
            "one": "Table, {title}: {n} figure with its kind, status and document. {rows}",
            "other": "Table, {title}: {n} figures with their kind, status and document. {rows}",
        },
        "nl": {
            "one": "Tabel, {title}: {n} bedrag met soort, status en document. {rows}",
            "other": "Tabel, {title}: {n} bedragen met soort, status en document. {rows}",
        },
    },
    "empty_selection": {
        "en": "Nothing in the dataset matches this selection.",
        "nl": "Niets in de dataset past bij deze selectie.",
    },
    "unstated_title": {"en": "Named without an amount", "nl": "Genoemd zonder bedrag"},
    "unstated_instruments": {
        "en": {
            "one": "{n} funding instrument without a stated amount",
            "other": "{n} funding instruments without a stated amount",
        },
        "nl": {
            "one": "{n} financieringsinstrument zonder vermeld bedrag",
            "other": "{n} financieringsinstrumenten zonder vermeld bedrag",
        },
    },
    "unstated_others": {
        "en": {
            "one": "{n} other entry the documents name (a framework, service, proposal or context)",
            "other": "{n} other entries the documents name (frameworks, services, proposals, context)",
        },
        "nl": {
            "one": "{n} andere vermelding in de documenten (een kader, dienst, voorstel of context)",
            "other": "{n} andere vermeldingen in de documenten (kaders, diensten, voorstellen, context)",
        },
    },
    "sources_title": {"en": "Sources", "nl": "Bronnen"},
    "cited_for": {
        "en": {"one": "cited for {n} entry", "other": "cited for {n} entries"},
        "nl": {"one": "aangehaald voor {n} vermelding", "other": "aangehaald voor {n} vermeldingen"},
    },
    "unregistered": {"en": "(not in the list of documents)", "nl": "(niet in de lijst van documenten)"},
    "no_sources": {
        "en": "No document is cited by this selection.",
        "nl": "Deze selectie verwijst naar geen enkel document.",
    },
    # -- presentation mode (app/present.py): the deck's story on a projector -----------------
    "present_slide_of": {"en": "Slide {number} of {total}", "nl": "Dia {number} van {total}"},
    "present_chart_alt": {
        "en": {
            "one": "Bar chart, {title}: {n} bar, {bars}.",
            "other": "Bar chart, {title}: {n} bars, the largest first: {bars}.",
        },
        "nl": {
            "one": "Staafdiagram, {title}: {n} staaf, {bars}.",
            "other": "Staafdiagram, {title}: {n} staven, de grootste eerst: {bars}.",
        },
    },
    "present_showing": {
        "en": {"one": "Showing {shown} of {n} bar.", "other": "Showing the largest {shown} of {n} bars."},
        "nl": {"one": "{shown} van {n} staaf.", "other": "De grootste {shown} van {n} staven."},
    },
    "present_not_shown": {
        "en": {
            "one": "Not in this chart: {n} funding instrument of this kind without a stated amount.",
            "other": "Not in this chart: {n} funding instruments of this kind without a stated amount.",
        },
        "nl": {
            "one": "Niet in deze grafiek: {n} financieringsinstrument van deze soort zonder vermeld bedrag.",
            "other": "Niet in deze grafiek: {n} financieringsinstrumenten van deze soort zonder vermeld bedrag.",
        },
    },
    "present_full_screen": {
        "en": "Full screen: F11 (Ctrl+Cmd+F on a Mac)",
        "nl": "Volledig scherm: F11 (Ctrl+Cmd+F op een Mac)",
    },
}
