"""Every cache of the page is made by `app.signed` (its signature read once) and is bounded: the
soak's memory levels off only because each keeps at most `max_entries` (docs/performance.md). A
function without arguments has one entry and needs no bound. Read from the imported modules."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

from streamlit.runtime.caching.cache_utils import CachedFunc
from streamlit.type_util import get_func_parameters

import app
from app import cached
from app.signed import cache_data, cache_resource

ROOT = Path(__file__).resolve().parent.parent


def page_caches() -> dict[str, CachedFunc]:  # type: ignore[type-arg]
    found = {}
    for module in pkgutil.walk_packages(app.__path__, "app."):
        for name, value in vars(importlib.import_module(module.name)).items():
            if isinstance(value, CachedFunc):
                found[f"{module.name}.{name}"] = value
    return found


def unbounded(caches: dict[str, CachedFunc]) -> list[str]:  # type: ignore[type-arg]
    return [
        name
        for name, func in caches.items()
        if getattr(func._info, "max_entries", None) is None and inspect.signature(func._info.func).parameters
    ]


def test_every_cache_of_the_page_is_signed_and_bounded() -> None:
    caches = page_caches()
    assert {"app.cached.chart", "app.cached.planned", "app.loading._valid_upload"} <= set(caches)
    assert [name for name, func in caches.items() if "__signature__" not in vars(func._info.func)] == []
    assert unbounded(caches) == []


def test_no_cache_is_made_past_app_signed() -> None:
    sources = [*(ROOT / "app").rglob("*.py"), ROOT / "dashboard.py"]
    direct = [p.name for p in sources if "@st.cache_" in p.read_text("utf-8")]
    assert direct == []


def test_a_cache_with_arguments_and_no_max_entries_is_unbounded() -> None:
    def grows(x: int) -> int:
        return x

    def once() -> int:
        return 1

    caches: dict[str, CachedFunc] = {  # type: ignore[type-arg]
        "grows": cache_resource(ttl=60)(grows),
        "kept": cache_data(max_entries=4)(grows),
        "once": cache_data()(once),
    }
    assert unbounded(caches) == ["grows"]


def test_a_cached_function_hands_out_its_one_kept_signature() -> None:
    """The same Signature object on every look-up (a rebuilt one is a new object each time), with
    the parameters Streamlit reads: the underscore ones it leaves out of the key among them."""
    func = cached.chart._info.func
    assert inspect.signature(func) is inspect.signature(func)
    names = [p.name for p in get_func_parameters(func)]
    assert names[:3] == ["name", "digest", "filters"] and "_dataset" in names
    unsigned = inspect.unwrap(func).__code__.co_varnames[: len(names)]
    assert tuple(names) == unsigned  # the kept signature is the function's own
