"""What is wrong with a file's layout or one of its cells, by text: "invalid_<text>" (funding.base.errors).

A problem's details fill the placeholders (a quoted value, a limit, a count); most texts are named
by the problem's code, a code said in more than one way names its text. The English texts are
what the command line prints; the pydantic ones keep pydantic's words there.
"""

from __future__ import annotations

from funding.i18n.forms import Entry
from funding.i18n.languages import Lang

TEXTS: dict[str, dict[Lang, Entry]] = {
    "invalid_empty_file": {
        "en": "the file is empty; expected a header row",
        "nl": "het bestand is leeg; er hoort een kopregel in te staan",
    },
    "invalid_missing_column": {"en": "missing column", "nl": "kolom ontbreekt"},
    "invalid_unknown_column": {"en": "unknown column", "nl": "onbekende kolom"},
    "invalid_duplicate_column": {"en": "column appears twice", "nl": "kolom staat er twee keer in"},
    "invalid_single_column_header": {
        "en": "the header has a single column: is the separator , or ;?",
        "nl": "de kopregel heeft maar één kolom: is het scheidingsteken , of ;?",
    },
    "invalid_csv_syntax": {"en": "CSV syntax error: {error}", "nl": "fout in de opbouw van de CSV: {error}"},
    "invalid_ragged_row": {
        "en": "row has {cells} cells, the header has {columns}",
        "nl": "de regel heeft {cells} cellen, de kopregel {columns}",
    },
    "invalid_required": {"en": "required; the cell is empty", "nl": "verplicht; de cel is leeg"},
    "invalid_amount_not_finite": {"en": "must be a finite number", "nl": "moet een eindig getal zijn"},
    "invalid_amount_separators": {
        "en": "write the amount without thousands separators, in euros (e.g. 1500000000)",
        "nl": "schrijf het bedrag zonder punten of komma's tussen de duizendtallen, in euro's (bijv. 1500000000)",
    },
    "invalid_amount_separators_semicolon": {
        "en": "in a ;-separated file write decimals with a comma and no thousands separators",
        "nl": "schrijf in een bestand met ; tussen de kolommen decimalen met een komma, zonder punten tussen de duizendtallen",
    },
    "invalid_amount_not_number": {
        "en": "must be a number of euros written with digits only (e.g. 1500000000)",
        "nl": "moet een bedrag in euro's zijn, alleen in cijfers (bijv. 1500000000)",
    },
    "invalid_not_yes_no": {"en": "must be yes or no", "nl": "moet yes of no zijn"},
    "invalid_not_yes_no_or_empty": {
        "en": "must be yes or no (or empty: not stated)",
        "nl": "moet yes of no zijn (of leeg: niet vermeld)",
    },
    "invalid_listed_twice": {
        "en": "a beneficiary type is listed twice",
        "nl": "een soort begunstigde staat er twee keer in",
    },
    "invalid_unknown_code": {
        "en": "unknown code {given}; must be one of: {codes}",
        "nl": "onbekende code {given}; kies uit: {codes}",
    },
    "invalid_bad_date": {
        "en": "must be a date written YYYY, YYYY-MM or YYYY-MM-DD",
        "nl": "moet een datum zijn, geschreven als JJJJ, JJJJ-MM of JJJJ-MM-DD",
    },
    "invalid_bad_id": {
        "en": "must be lowercase letters, digits and single hyphens (e.g. battery-booster)",
        "nl": "mag alleen kleine letters, cijfers en losse koppeltekens bevatten (bijv. battery-booster)",
    },
    "invalid_bad_url": {
        "en": "must be an http:// or https:// address without spaces",
        "nl": "moet een adres zijn dat met http:// of https:// begint, zonder spaties",
    },
    "invalid_markup": {
        "en": "contains HTML/XML markup (<...>); write the text without tags",
        "nl": "bevat HTML/XML-opmaak (<...>); schrijf de tekst zonder tags",
    },
    "invalid_control_characters": {"en": "contains control characters", "nl": "bevat stuurtekens"},
    "invalid_bad_form": {
        "en": "has a form that is not allowed here",
        "nl": "heeft een vorm die hier niet is toegestaan",
    },
    # pydantic's error types a model of ours raises on a cell (funding.base.errors.model_problem),
    # in pydantic's English words
    "invalid_string_too_long": {
        "en": "String should have at most {max_length} characters",
        "nl": "mag hoogstens {max_length} tekens lang zijn",
    },
    "invalid_string_too_short": {
        "en": "String should have at least {min_length} characters",
        "nl": "moet minstens {min_length} tekens lang zijn",
    },
    "invalid_string_pattern_mismatch": {
        "en": "String should match pattern '{pattern}'",
        "nl": "heeft niet de vorm die hier hoort (patroon '{pattern}')",
    },
    "invalid_greater_than_equal": {
        "en": "Input should be greater than or equal to {ge}",
        "nl": "moet {ge} of meer zijn",
    },
    "invalid_float_parsing": {
        "en": "Input should be a valid number, unable to parse string as a number",
        "nl": "moet een getal zijn; dit is niet als getal te lezen",
    },
    "invalid_extra_forbidden": {
        "en": "Extra inputs are not permitted",
        "nl": "deze kolom hoort niet in het bestand",
    },
    "invalid_model_other": {"en": "{reason}", "nl": "niet toegestaan ({reason})"},
}
