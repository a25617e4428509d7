"""The selections a reader is one click away from: each sidebar value picked or dropped.

The page computes these in the background after it is drawn (`app.precompute`), so the next
filter change finds its figures made. A value picked is added last and a value dropped keeps the
others' order, as the sidebar's multiselects do, so each selection here is the one the page
will ask for.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from funding.registry.dataset import Dataset
from funding.selecting.frameworks import with_default_framework
from funding.selecting.selection import Filters, choices

# The sidebar's multi-value filters, in its order (`app.sidebar`); the compared ids are not one.
SIDEBAR_FIELDS = (
    "level",
    "kind",
    "type",
    "source",
    "beneficiary",
    "status",
    "origin",
    "record_type",
    "pillar",
)


def toggled(values: tuple[str, ...], value: str) -> tuple[str, ...]:
    """`values` with `value` dropped if it is there, else added last."""
    return tuple(v for v in values if v != value) if value in values else (*values, value)


def one_click(filters: Filters, dataset: Dataset, *, framework_chosen: bool) -> list[Filters]:
    """Every selection one sidebar click from `filters`, in the sidebar's order, the battery
    checkbox last. Without a framework chosen (none in the link), each takes the framework the
    page would default to for it (`funding.selecting.frameworks`)."""
    valid = choices(dataset, filters.framework)
    changes: list[dict[str, Any]] = [
        {name: toggled(getattr(filters, name), value)} for name in SIDEBAR_FIELDS for value in valid[name]
    ]
    nearby = [replace(filters, **change) for change in changes]
    nearby.append(replace(filters, battery_only=not filters.battery_only))
    if framework_chosen:
        return nearby
    return [with_default_framework(near, dataset) for near in nearby]
