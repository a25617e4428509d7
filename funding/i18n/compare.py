"""Texts of the envelope comparison across kinds and of the instruments picked to compare."""

from __future__ import annotations

from funding.i18n.forms import Entry
from funding.i18n.languages import Lang

TEXTS: dict[str, dict[Lang, Entry]] = {
    "compare_hidden": {
        "en": {
            "one": "{n} pick hidden by the filters, kept for when they are lifted: {names}.",
            "other": "{n} picks hidden by the filters, kept for when they are lifted: {names}.",
        },
        "nl": {
            "one": "{n} keuze verborgen door de filters, bewaard voor als ze worden opgeheven: {names}.",
            "other": "{n} keuzes verborgen door de filters, bewaard voor als ze worden opgeheven: {names}.",
        },
    },
    "compare_sub": {
        "en": "One panel per kind of figure, never added together. "
        "Parts (↳, hatched) are in their whole, not extra money.",
        "nl": "Eén paneel per soort bedrag, nooit opgeteld. "
        "Delen (↳, gearceerd) zitten in hun geheel, geen extra geld.",
    },
    "compare_panel": {"en": "{kind} ({n})", "nl": "{kind} ({n})"},
    "compare_own_scale": {
        "en": "{kind} ({n}): goals, not money, on their own scale",
        "nl": "{kind} ({n}): doelen, geen geld, op een eigen schaal",
    },
    "compare_pick": {"en": "Compare instruments (2–6)", "nl": "Instrumenten vergelijken (2–6)"},
    "compare_pick_help": {
        "en": "Pick two to six instruments of any kind: the chart then shows just those, each kind "
        "in its own panel, never added together.",
        "nl": "Kies twee tot zes instrumenten van elke soort: de grafiek toont dan alleen die, elke "
        "soort in een eigen paneel, nooit bij elkaar opgeteld.",
    },
    "compare_one_more": {
        "en": "Pick one more instrument to compare; the chart shows every envelope until then.",
        "nl": "Kies nog een instrument om te vergelijken; tot dan toont de grafiek alle budgetten.",
    },
    "compare_picked": {
        "en": "Comparing {n} picked instruments.",
        "nl": "{n} gekozen instrumenten vergeleken.",
    },
    "compare_no_amounts": {
        "en": "No instrument in the selection states an amount.",
        "nl": "Geen instrument in de selectie noemt een bedrag.",
    },
    "compared": {"en": "Compared: {names}.", "nl": "Vergeleken: {names}."},
    "compare_showing": {
        "en": "Showing {shown} of {total} bars: up to {top} of each kind, the largest first.",
        "nl": "{shown} van {total} balken getoond: tot {top} per soort, de grootste eerst.",
    },
}
