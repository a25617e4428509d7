"""Texts of picking on the page: a row of the instruments table, a tile or bar of a chart."""

from __future__ import annotations

from funding.i18n.languages import Lang

TEXTS: dict[str, dict[Lang, str]] = {
    "stale_pick": {
        "en": "A chart selection in this link no longer exists: {values}. It is left out; the page "
        "shows the rest of the link.",
        "nl": "Een grafiekselectie in deze link bestaat niet meer: {values}. Die is weggelaten; de "
        "pagina toont de rest van de link.",
    },
    "stale_compare": {"en": "Compared instrument", "nl": "Vergeleken instrument"},
    "pick_instrument": {"en": "Instrument", "nl": "Instrument"},
    "flow_pick_hint": {
        "en": "A click on this flow chart cannot be read by the page: pick its sources, instrument "
        "types or pillars here to narrow the page, as a click on the other charts does.",
        "nl": "Een klik op dit stroomdiagram kan de pagina niet lezen: kies hier bronnen, "
        "instrumenttypen of pijlers om de pagina te versmallen, zoals een klik op de andere grafieken doet.",
    },
    "tile_click_hint": {
        "en": "Click a source or an instrument to narrow the page to it; the link keeps the pick.",
        "nl": "Klik op een bron of instrument om de pagina daartoe te versmallen; de link bewaart de keuze.",
    },
    "bar_click_hint": {
        "en": "Click a bar to narrow the page to that instrument; the link keeps the pick.",
        "nl": "Klik op een balk om de pagina tot dat instrument te versmallen; de link bewaart de keuze.",
    },
    "detail_hint": {
        "en": "Pick a row to see where its figure comes from: click its box, or Tab into the table, "
        "move with the arrow keys and press Shift+Space.",
        "nl": "Kies een rij om te zien waar het bedrag vandaan komt: klik op het vakje, of ga met Tab "
        "naar de tabel, kies met de pijltjestoetsen en druk op Shift+spatie.",
    },
}
