"""The page's "Open to apply" view against data/calls.csv, worked out by hand.

On 2026-01-10: the second CRMA call closes 2026-01-15 (open); the Battery Booster call opens in
2026-Q1 and the EIC Accelerator call in 2026 (both opening in this period); the Raw Materials
Mechanism opens in 2026-03 (upcoming): four calls. For start-ups and SMEs only the EIC call."""

from __future__ import annotations

from datetime import date

import pytest
from apptest_support import app, run

from funding.base.markdown import markdown_text
from funding.i18n import t

pytestmark = pytest.mark.apptest


def names(at: object) -> list[str]:
    """The listed calls: their bold name and state ("**name** · state")."""
    return [m.value for m in at.markdown if m.value.startswith("**") and "** · " in m.value]  # type: ignore[attr-defined]


def test_calls_open_or_upcoming_on_a_day_with_their_states() -> None:
    at = app(view="calls")
    at.date_input(key="calls_on").set_value(date(2026, 1, 10))
    run(at)
    shown = names(at)
    assert len(shown) == 4
    assert any("Critical Raw Materials Act" in s and t("call_open", "en") in s for s in shown)
    assert any("Raw Materials Mechanism" in s and t("call_upcoming", "en") in s for s in shown)


def test_the_beneficiary_filter_keeps_the_calls_open_to_that_group() -> None:
    at = app(view="calls", beneficiary="startups_smes")
    at.date_input(key="calls_on").set_value(date(2026, 1, 10))
    run(at)
    shown = names(at)
    assert len(shown) == 1 and "EIC Accelerator" in shown[0]


def test_after_every_stated_window_nothing_is_called_open() -> None:
    """On 2027-06-01 the CRMA call has closed; the three others name no closing date and read as
    past their opening, never as open."""
    at = app(view="calls")
    at.date_input(key="calls_on").set_value(date(2027, 6, 1))
    run(at)
    shown = names(at)
    assert len(shown) == 3 and all(markdown_text(t("call_opened", "en")) in s for s in shown)
