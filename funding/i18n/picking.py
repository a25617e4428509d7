"""Texts of picking on the page: a row of the instruments table, a tile or bar of a chart."""

from __future__ import annotations

from funding.vocab import Lang

TEXTS: dict[str, dict[Lang, str]] = {
    "detail_hint": {
        "en": "Pick a row to see where its figure comes from: click its box, or Tab into the table, "
        "move with the arrow keys and press Shift+Space.",
        "nl": "Kies een rij om te zien waar het bedrag vandaan komt: klik op het vakje, of ga met Tab "
        "naar de tabel, kies met de pijltjestoetsen en druk op Shift+spatie.",
    },
}
