"""Texts of the share-and-cite control."""

from __future__ import annotations

from funding.i18n.languages import Lang

TEXTS: dict[str, dict[Lang, str]] = {
    "share_cite": {"en": "Share or cite this view", "nl": "Deze weergave delen of citeren"},
    "share_link": {
        "en": "Link to this view, with its filters, view, chart clicks and language (copy it with the button):",
        "nl": "Link naar deze weergave, met filters, weergave, klikken in grafieken en taal (kopieer met de knop):",
    },
    "share_embed": {
        "en": "To show this view on an intranet page, paste this HTML there (the view without the page's menu):",
        "nl": "Om deze weergave op een intranetpagina te tonen, plak deze HTML daar (de weergave zonder het menu van de pagina):",
    },
    "cite_as": {"en": "Cite as:", "nl": "Citeer als:"},
    "cite_not_published": {
        "en": "The page shows an uploaded or edited file, not the published dataset, so there is no citation.",
        "nl": "De pagina toont een geüpload of bewerkt bestand, niet de gepubliceerde dataset; er is dus geen bronvermelding.",
    },
}
