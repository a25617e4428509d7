"""What breaks a rule across the cells of a row, across rows, or between a row and its sources,
by text: "invalid_<text>" (funding.base.errors).

A problem's details fill the placeholders (another row's id, a line, a total); most texts are
named by the problem's code, a code said in more than one way names its text. The English texts
are what the command line prints.
"""

from __future__ import annotations

from funding.i18n.forms import Entry
from funding.i18n.languages import Lang

TEXTS: dict[str, dict[Lang, Entry]] = {
    # one row (funding.intake.records.row_rule_problems)
    "invalid_qualifier_without_amount": {
        "en": "a qualifier needs an amount",
        "nl": "een aanduiding als 'tot' of 'minstens' hoort bij een bedrag",
    },
    "invalid_amount_without_qualifier": {
        "en": "an amount needs a qualifier (exact, up_to, at_least, about)",
        "nl": "een bedrag heeft een aanduiding nodig (exact, up_to, at_least, about)",
    },
    "invalid_amount_on_non_money_row": {
        "en": "only instruments and proposals carry an amount; a framework, service or context row does not",
        "nl": "alleen instrumenten en voorstellen hebben een bedrag; een kader, dienst of achtergrond niet",
    },
    "invalid_origin_without_amount": {
        "en": "a money origin needs an amount",
        "nl": "de herkomst van het geld hoort bij een bedrag",
    },
    "invalid_disjoint_without_amount": {
        "en": "parts_disjoint is said of a whole with an amount; without one, link parts that may "
        "share money with may_overlap",
        "nl": "parts_disjoint hoort bij een geheel met een bedrag; zonder bedrag koppel je delen die "
        "geld kunnen delen met may_overlap",
    },
    "invalid_overlap_without_amount": {
        "en": "only a row with an amount can overlap another",
        "nl": "alleen een regel met een bedrag kan een andere overlappen",
    },
    "invalid_own_parent": {
        "en": "a row cannot be its own parent",
        "nl": "een regel kan niet boven zichzelf staan",
    },
    "invalid_overlaps_itself": {
        "en": "a row cannot overlap itself",
        "nl": "een regel kan niet zichzelf overlappen",
    },
    "invalid_overlap_listed_twice": {"en": "a row id is listed twice", "nl": "een id staat er twee keer in"},
    "invalid_pillar_basis_mismatch": {
        "en": "a pillar and its basis (document or analyst) go together",
        "nl": "een pijler en waar die op berust (document of analist) horen bij elkaar",
    },
    "invalid_not_a_calendar_date": {
        "en": "is not a date in the calendar",
        "nl": "is geen datum die op de kalender bestaat",
    },
    "invalid_period_end_before_start": {
        "en": "period_end is before period_start",
        "nl": "period_end ligt vóór period_start",
    },
    # rows together (funding.registry.dataset_rules)
    "invalid_unknown_parent": {
        "en": "parent_id names no row in this file",
        "nl": "parent_id noemt geen regel in dit bestand",
    },
    "invalid_parent_cycle": {"en": "parents form a cycle", "nl": "de bovenliggende regels vormen een kring"},
    "invalid_duplicate_id": {
        "en": "duplicate id (first on line {first})",
        "nl": "dubbele id (eerst op regel {first})",
    },
    "invalid_unknown_document": {
        "en": "unknown source document (see documents.csv)",
        "nl": "onbekend brondocument (zie documents.csv)",
    },
    "invalid_part_larger_than_whole": {
        "en": "a part is larger than its whole {whole}",
        "nl": "een deel is groter dan het geheel {whole}",
    },
    "invalid_disjoint_parts_exceed_whole": {
        "en": "its parts, said to be separate money, add up to {total}, more than this whole",
        "nl": "de delen, die apart geld zouden zijn, tellen op tot {total}, meer dan dit geheel",
    },
    "invalid_overlap_on_part": {
        "en": "a part cannot overlap another figure; say it of its whole {whole} or use its parts_disjoint",
        "nl": "een deel kan geen ander bedrag overlappen; zet het bij het geheel {whole} of gebruik "
        "daar parts_disjoint",
    },
    "invalid_unknown_overlap_id": {
        "en": "may_overlap names no valid row in this file",
        "nl": "may_overlap noemt geen geldige regel in dit bestand",
    },
    "invalid_overlap_kind_differs": {
        "en": "{other} is a figure of another kind; kinds never share money",
        "nl": "{other} is een bedrag van een andere soort; soorten bedragen delen nooit geld",
    },
    "invalid_other_without_amount": {
        "en": "{other} has no amount to overlap with",
        "nl": "{other} heeft geen bedrag om mee te overlappen",
    },
    "invalid_overlap_not_symmetric": {
        "en": "{other} does not list this row in its may_overlap",
        "nl": "{other} noemt deze regel niet in zijn may_overlap",
    },
    "invalid_overlap_group_too_large": {
        "en": "{rows} rows are linked by may_overlap; at most {limit} can be",
        "nl": "{rows} regels zijn met may_overlap verbonden; hoogstens {limit} mogen dat zijn",
    },
    "invalid_part_contradicts_whole": {
        "en": "its whole {whole} says {stated}; a part inherits what its whole states",
        "nl": "het geheel {whole} zegt {stated}; een deel neemt over wat het geheel vermeldt",
    },
    "invalid_note_language_missing": {
        "en": "a note a reader sees needs both languages: notes (English) and notes_nl (Dutch)",
        "nl": "een toelichting die lezers zien moet er in beide talen zijn: notes (Engels) en notes_nl (Nederlands)",
    },
    # the companion files (documents, disagreements, calls)
    "invalid_duplicate_document_id": {"en": "duplicate document id", "nl": "dubbele id van een document"},
    "invalid_duplicate_disagreement_id": {
        "en": "duplicate disagreement id",
        "nl": "dubbele id van een tegenstrijdigheid",
    },
    "invalid_duplicate_call_id": {"en": "duplicate call id", "nl": "dubbele id van een oproep"},
    "invalid_unknown_registry_document": {"en": "unknown source document", "nl": "onbekend brondocument"},
    "invalid_unknown_record": {"en": "names no row of funding.csv", "nl": "noemt geen regel van funding.csv"},
    "invalid_date_and_qualifier": {
        "en": "{end} and {end}_qualifier go together",
        "nl": "{end} en {end}_qualifier horen bij elkaar",
    },
    "invalid_undated_call": {
        "en": "a call needs the opening or closing date a document states",
        "nl": "een oproep heeft de openings- of sluitingsdatum nodig die een document noemt",
    },
    "invalid_closes_before_opens": {"en": "closes before it opens", "nl": "sluit voordat hij opengaat"},
    "invalid_unknown_beneficiary": {
        "en": "unknown beneficiary type {given}",
        "nl": "onbekende soort begunstigde {given}",
    },
    # quotes against their documents (funding.changes.quotes)
    "invalid_unknown_quoted_document": {
        "en": "unknown source document (see documents.csv), so the quote cannot be checked",
        "nl": "onbekend brondocument (zie documents.csv), dus het citaat kan niet worden nagekeken",
    },
    "invalid_document_without_file": {
        "en": "the cited document names no source file in documents.csv, so its quotes cannot be checked",
        "nl": "het aangehaalde document noemt geen bronbestand in documents.csv, dus de citaten eruit "
        "kunnen niet worden nagekeken",
    },
    "invalid_quote_not_verbatim": {
        "en": "not verbatim in the cited document: its first {chars} characters are, and the document "
        "does not go on with {rest}",
        "nl": "staat niet letterlijk in het aangehaalde document: de eerste {chars} tekens wel, maar "
        "het document gaat niet verder met {rest}",
    },
    "invalid_quote_not_found": {
        "en": "not in the cited document, not even its first character",
        "nl": "staat niet in het aangehaalde document, zelfs het eerste teken niet",
    },
    "invalid_amount_not_in_quote": {
        "en": "the quote does not write this amount (its numbers read as: {found})",
        "nl": "het citaat noemt dit bedrag niet (de getallen erin lezen als: {found})",
    },
    "invalid_quote_without_number": {
        "en": "the quote does not write this amount (its numbers read as: no number)",
        "nl": "het citaat noemt dit bedrag niet (er staat geen getal in)",
    },
}
