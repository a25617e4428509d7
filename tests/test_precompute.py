"""The selections one click away (funding.selecting.one_click), the briefing links read as the sidebar reads
them, and the background worker (app.precompute): after a first run it fills the shared caches,
so the next filter change builds no figure."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import streamlit as st
from apptest_support import APP, run
from fixtures import DATA
from streamlit.testing.v1 import AppTest

from app import cached, precompute
from funding import charts
from funding.registry.dataset import Dataset
from funding.registry.loading import load_dataset
from funding.selecting.one_click import one_click
from funding.selecting.selection import Filters

SCRIPT = "ScriptRunner.scriptThread"  # the thread of a reader's run under AppTest


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(DATA)


def test_one_click_drops_in_place_and_adds_last(dataset: Dataset) -> None:
    nearby = one_click(Filters(level=("EU", "NL")), dataset, framework_chosen=True)
    levels = [n.level for n in nearby if n.level != ("EU", "NL")]
    # Four level codes: EU and NL dropped (the other stays), MS and private added after them.
    assert levels == [("NL",), ("EU",), ("EU", "NL", "MS"), ("EU", "NL", "private")]
    assert nearby[-1] == Filters(level=("EU", "NL"), battery_only=True)
    assert all(n.framework == "eu" for n in nearby)  # chosen: kept


def test_one_click_takes_the_default_framework_when_none_is_chosen(dataset: Dataset) -> None:
    nearby = one_click(Filters(), dataset, framework_chosen=False)
    # Only Dutch rows selected: the Dutch strategy's pillars (funding.selecting.frameworks); all levels: EU's.
    assert next(n for n in nearby if n.level == ("NL",)).framework == "nl"
    assert next(n for n in nearby if n.level == ("EU",)).framework == "eu"


def test_briefing_links_read_as_the_sidebar_reads_them(dataset: Dataset) -> None:
    def read(query: str) -> precompute.Target:
        return precompute.link_target(query, dataset, "digest", None)

    structure = read("view=structure&level=NL&framework=nl")
    assert (structure.view, structure.lang, structure.framework_chosen) == ("structure", "en", True)
    assert structure.filters == Filters(level=("NL",), framework="nl")
    dutch = read("level=NL&lang=nl")
    assert (dutch.view, dutch.lang, dutch.filters) == (
        "overview",
        "nl",
        Filters(level=("NL",), framework="nl"),
    )
    assert read("year_from=2025&battery_only=true").filters == Filters(year_from=2025, battery_only=True)
    assert read("view=present&level=EU").view == "present"
    # What no sidebar offers is dropped, as the sidebar drops it.
    assert read("level=XX&kind=guarantee").filters == Filters(kind=("guarantee",))


def builds(monkeypatch: pytest.MonkeyPatch, name: str, module: Any = charts) -> list[str]:
    """The threads in which `module.<name>` builds a figure (or a plan), from now on."""
    made: list[str] = []
    real: Callable[..., Any] = getattr(module, name)

    def spy(*args: Any, **kwargs: Any) -> Any:
        made.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, spy)
    return made


@pytest.fixture
def levels_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The worker on, offering a page's other views and language and its level clicks only (the
    whole sidebar's are made the same way, in more time), with no briefing links."""

    def level_clicks(filters: Filters, dataset: Dataset, *, framework_chosen: bool) -> list[Filters]:
        return [
            n
            for n in one_click(filters, dataset, framework_chosen=framework_chosen)
            if n.level != filters.level
        ]

    monkeypatch.setattr(precompute, "one_click", level_clicks)
    monkeypatch.setattr(precompute, "BRIEFING_LINKS", ())
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    monkeypatch.setattr(precompute, "ENABLED", False)
    assert precompute.WORKER.wait_idle(120)


@pytest.mark.apptest
@pytest.mark.parametrize("enabled", [False, True])
def test_next_filter_change_is_made_in_the_background(
    levels_only: None, monkeypatch: pytest.MonkeyPatch, enabled: bool
) -> None:
    monkeypatch.setattr(precompute, "ENABLED", enabled)
    made = builds(monkeypatch, "comparison_chart")
    at = run(AppTest.from_file(APP, default_timeout=60))
    assert precompute.WORKER.wait_idle(120)
    first = len(made)
    at.multiselect(key="level").set_value(["EU"])
    run(at)
    # Without the worker the new selection's comparison is built in the reader's run; with it,
    # the worker built it (in its own thread) and the run found it.
    assert made[first:] == ([] if enabled else [SCRIPT])
    assert ("funding-precompute" in made) is enabled


@pytest.mark.apptest
def test_other_views_of_the_page_are_made_in_the_background(
    levels_only: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(precompute, "ENABLED", True)
    at = run(AppTest.from_file(APP, default_timeout=60))
    assert precompute.WORKER.wait_idle(120)
    made = builds(monkeypatch, "slide_chart")
    at.query_params["view"] = "breakdowns"
    run(at)
    assert len(at.get("plotly_chart")) == 4
    assert SCRIPT not in made  # its four charts were made by the worker
    plans = builds(monkeypatch, "story", cached)
    at.query_params["view"] = "present"
    run(at)
    assert SCRIPT not in plans  # presentation mode's plan too
