"""The figure kind a chart shows when nobody chose one: one rule for the page, the deck, the CLI
and the PNG export, so `/?level=MS` and `python -m funding export --level MS` agree."""

from __future__ import annotations

from collections.abc import Sequence

from funding.i18n.vocab import AMOUNT_KIND
from funding.intake.records import Instrument


def offered_kinds(allowed: Sequence[str] = ()) -> tuple[str, ...]:
    """The kinds a chart may show: those the kind filter names (in vocabulary order), or all."""
    return tuple(k for k in AMOUNT_KIND.codes if k in allowed) or AMOUNT_KIND.codes


def default_kind(selection: Sequence[Instrument], allowed: Sequence[str] = ()) -> str:
    """The first offered kind (in vocabulary order, so public funding first) that the selection
    states an amount of; public funding, or the first offered kind, when none has an amount.

    A selection of member-state rows, which state only State-aid ceilings, thus shows those
    ceilings instead of an empty public-funding chart."""
    kinds = offered_kinds(allowed)
    with_amount = {r.amount_kind for r in selection if r.amount_eur is not None}
    fallback = "public" if "public" in kinds else kinds[0]
    return next((k for k in kinds if k in with_amount), fallback)
