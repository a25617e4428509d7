"""Cached functions keep their signature (`app.signed`): Streamlit reads it to name positional
arguments on every call, and would otherwise rebuild it each time."""

from __future__ import annotations

import inspect

from streamlit.type_util import get_func_parameters

from app import cached, downloads, loading
from app.views import changes


def test_a_cached_function_hands_out_its_one_kept_signature() -> None:
    """The same Signature object on every look-up (a rebuilt one is a new object each time), with
    the parameters Streamlit reads: the underscore ones it leaves out of the key among them."""
    func = cached.chart._info.func
    assert inspect.signature(func) is inspect.signature(func)
    names = [p.name for p in get_func_parameters(func)]
    assert names[:3] == ["name", "digest", "filters"] and "_dataset" in names
    unsigned = inspect.unwrap(func).__code__.co_varnames[: len(names)]
    assert tuple(names) == unsigned  # the kept signature is the function's own


def test_every_cache_of_the_page_is_signed() -> None:
    """Each st.cache_data / st.cache_resource of the page's modules."""
    found = [
        value._info.func
        for module in (cached, downloads, loading, changes)
        for value in vars(module).values()
        if hasattr(value, "_info") and hasattr(value._info, "func")
    ]
    assert len(found) == 20
    assert all("__signature__" in vars(func) for func in found)
