"""After a page is drawn, what its reader is one click away from is made in the background.

One thread per server process fills the shared caches of `app.cached` (the same functions,
called with the same arguments as the views call them, so the next click is a cache hit): the
page's selection in the other views and the other language, each selection one sidebar click
away (`funding.selecting.one_click`), and the links a briefing hands out (`BRIEFING_LINKS`). It works only
while no script runs and stops within a Python call when one starts (`PAUSE_S`). It never calls
Streamlit's UI functions and never reads or writes session state: it is handed immutable values
(the dataset, filters, codes) when a run ends. Memory stays bounded by
the caches' `max_entries` (`app.cached`) and by `QUEUE`. Only the curated dataset is worked
for; an upload or an edit in preview is one reader's own.

Babel's locale data (CLDR) is loaded by the same thread as soon as the page is imported, off
the first run's path.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from types import FrameType
from typing import Any
from urllib.parse import parse_qs

import funding
from app import cached, url_state
from app.briefing import BRIEFING_LINKS
from app.context import Picks, source_text
from app.views.overview import COMPARE_OPTIONS
from funding import charts
from funding.i18n.languages import DEFAULT, codes, language
from funding.i18n.vocab import PILLAR_FRAMEWORKS, Lang
from funding.registry.dataset import Dataset
from funding.registry.dataset_info import DatasetInfo
from funding.selecting.formatting import format_eur
from funding.selecting.frameworks import with_default_framework
from funding.selecting.kinds import default_kind, offered_kinds
from funding.selecting.one_click import one_click
from funding.selecting.selection import Filters, choices
from funding.selecting.totals import summable

log = logging.getLogger(__name__)

# Off with FUNDING_PRECOMPUTE=0 (the test suite's in-process pages: many short runs, no reader
# to wait for the next click).
ENABLED = os.environ.get("FUNDING_PRECOMPUTE", "1") != "0"
# Pages waiting to be made, newest first; the oldest fall off. A page is a few cached calls
# (0.02-0.2 s at the shipped size), so a full queue is well under a minute of one core.
QUEUE = 160
# A reader's run that starts while a figure is made here takes the processor within one Python
# call; the worker gives way at most this long per figure: a run that needs the very figure being
# made waits for it on Streamlit's lock (`Worker.needed` lifts the pause when it knows).
PAUSE_S = 0.25
OWN = os.path.dirname(funding.__file__) + os.sep
VIEWS = ("overview", "breakdowns", "structure", "timeline", url_state.PRESENT)


@dataclass(frozen=True)
class Target:
    """One page to make: what keys its figures. `kind` is the chart kind the link chose (None:
    the selection's default); `framework_chosen` whether the link names the framework."""

    digest: str
    filters: Filters
    lang: Lang
    view: str
    info: DatasetInfo | None = field(compare=False)
    dataset: Dataset = field(compare=False)
    picks: Picks = ()
    colour: str = charts.DEFAULT_COLOUR
    top: int = charts.DEFAULT_TOP
    kind: str | None = None
    framework_chosen: bool = False


def steps(target: Target) -> Iterator[None]:
    """The page's cached calls, as its views make them (same arguments, passed the same way),
    one at a time."""
    ds, digest, f, picks, lang = target.dataset, target.digest, target.filters, target.picks, target.lang
    cached.lead(digest, f, picks, lang, ds, target.info)
    yield
    rows = cached.selection(ds, f, ())
    if target.view == url_state.PRESENT:
        cached.headline(digest, f, (), lang, ds)
        if rows:
            yield
            cached.planned(digest, f, lang, ds, rows)
        return
    if not cached.narrowed(ds, rows, f, picks):
        return
    source = source_text(target.info, None, f, lang)
    if target.view == "overview":
        cached.headline(digest, f, picks, lang, ds)
        cached.compare_choices(digest, f, picks, lang, COMPARE_OPTIONS, ds)
        yield
        cached.comparison(digest, f, picks, lang, source, ds, target.colour, target.top, ())
        return
    if target.view == "timeline":
        cached.chart("timeline", digest, f, picks, lang, "", source, ds)
        return
    offered = offered_kinds(f.kind)
    kind = target.kind if target.kind in offered else default_kind(rows, f.kind)
    if not summable(kind):
        return
    names = charts.PICK_DIMENSIONS if target.view == "breakdowns" else ("hierarchy", "flow")
    for name in names:
        yield
        cached.chart(name, digest, f, picks, lang, kind, source, ds)


def nearby(target: Target) -> list[Target]:
    """The pages one click from `target`: its selection in the other views and the other
    language, then each selection one sidebar click away in the same view."""
    views = [replace(target, view=view) for view in VIEWS if view != target.view]
    langs = [replace(target, lang=lang) for lang in codes() if lang != target.lang]
    filters = one_click(target.filters, target.dataset, framework_chosen=target.framework_chosen)
    return [*views, *langs, *(replace(target, filters=near) for near in filters)]


def link_target(query: str, dataset: Dataset, digest: str, info: DatasetInfo | None) -> Target:
    """The page a link opens, read as the sidebar reads its URL on a first load."""
    url = parse_qs(query)
    one = {key: values[0] for key, values in url.items()}
    chosen = one.get("framework") if one.get("framework") in PILLAR_FRAMEWORKS else None
    valid = choices(dataset)
    multi: dict[str, Any] = {
        name: tuple(url_state.choices(url.get(name, []), None, None, valid[name])) for name in valid
    }
    pillar = multi.pop("pillar")
    filters = Filters(
        **multi,
        year_from=_year(one.get("year_from")),
        year_to=_year(one.get("year_to")),
        undated=one.get("undated", "true") != "false",
        battery_only=one.get("battery_only") == "true",
        q=one.get("q", "").strip(),
    )
    framework = with_default_framework(replace(filters, pillar=tuple(url.get("pillar", []))), dataset, chosen)
    pillars = PILLAR_FRAMEWORKS[framework.framework].codes
    filters = replace(filters, framework=framework.framework, pillar=tuple(p for p in pillar if p in pillars))
    lang = language(
        url_state.choice(url.get("lang", []), None, None, codes(), DEFAULT)
    ).code  # as the sidebar
    view = url_state.view_of(url.get("view", []))
    return Target(digest, filters, lang, view, info, dataset, framework_chosen=chosen is not None)


def _year(text: str | None) -> int | None:
    return int(text) if text is not None and text.isdigit() and len(text) == 4 else None


class Worker:
    """The background thread and its queue; the scripts say when they run."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._queue: deque[Target] = deque()
        self._drawn: deque[Target] = deque(maxlen=8)  # pages drawn, their neighbours not yet queued
        self._running = 0
        self._briefed: set[str] = set()  # digests whose briefing links are queued
        self._busy = False  # a page is being made
        self._patience = PAUSE_S  # how long the current step may still wait for readers
        self._making: Target | None = None
        self._wanted = False  # a reader's run waits for what is being made: no pause
        self.made = 0  # pages made, for the tests and the bench
        self._thread: threading.Thread | None = None

    @contextmanager
    def script_run(self) -> Iterator[None]:
        """Around a script run: the worker pauses between two cached calls while one runs."""
        with self._changed:
            self._running += 1
        try:
            yield
        finally:
            with self._changed:
                self._running -= 1
                self._changed.notify_all()

    def offer(self, target: Target) -> None:
        """After a page is drawn: what it is one click from is worked out and made here, ahead
        of what older pages offered (the reader's run only hands the page over)."""
        with self._changed:
            self._drawn.append(target)
            self._changed.notify_all()
        self.start()

    def _plan(self, target: Target) -> None:
        """The pages one click from a drawn page, ahead of the queue; the briefing's links once
        per dataset, behind it."""
        pages = nearby(target)
        briefed = target.digest in self._briefed
        links = (
            []
            if briefed
            else [link_target(q, target.dataset, target.digest, target.info) for q in BRIEFING_LINKS]
        )
        links = [link for link in links if link.view in VIEWS]
        with self._changed:
            self._briefed.add(target.digest)
            self._queue.extend(link for link in links if link != target)
            queued = set(self._queue)
            self._queue.extendleft(reversed([page for page in pages if page not in queued]))
            while len(self._queue) > QUEUE:
                self._queue.pop()

    def needed(self, filters: Filters, lang: Lang) -> None:
        """A run's selection, once its sidebar is read: if it is the one being made here, the
        run will wait for it on Streamlit's lock, so the worker must not wait for the run."""
        with self._changed:
            making = self._making
            if making is not None and (making.filters, making.lang) == (filters, lang):
                self._wanted = True
                self._changed.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        """Until every queued page is made (for the tests and the bench)."""
        with self._changed:
            return self._changed.wait_for(lambda: not (self._queue or self._drawn or self._busy), timeout)

    def start(self) -> None:
        with self._changed:
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="funding-precompute", daemon=True)
                self._thread.start()

    def _next(self) -> Target:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: (self._queue or self._drawn) and self._running == 0)
                self._busy, self._wanted = True, False
                if not self._drawn:
                    self._making = self._queue.popleft()
                    return self._making
                drawn = self._drawn.popleft()
            self._plan(drawn)

    def _give_way(self, frame: FrameType, event: str, arg: object) -> None:
        """This thread's profile hook: at a call in `funding`'s code, wait while a reader's script
        runs (Python has no thread priorities, and two runnable threads share the interpreter
        lock). Never in Streamlit's code: it may hold a lock of a whole cache there."""
        if (
            self._running
            and self._patience > 0
            and not self._wanted
            and frame.f_code.co_filename.startswith(OWN)
        ):
            start = time.monotonic()
            with self._changed:
                self._changed.wait_for(lambda: self._running == 0 or self._wanted, self._patience)
            self._patience -= time.monotonic() - start

    def _loop(self) -> None:
        warm_locales()
        # Behind every other thread on the machine, where the system allows (Linux: per thread),
        # and behind the readers' scripts of this process, at the cost of a slower worker.
        with contextlib.suppress(AttributeError, OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
        sys.setprofile(self._give_way)
        while True:
            target = self._next()
            try:
                for _ in steps(target):
                    with self._changed:
                        self._changed.wait_for(lambda: self._running == 0 or self._wanted)
                    self._patience = PAUSE_S
                self.made += 1
            except Exception:  # a page that fails here fails for its reader, who is shown why
                log.exception("precompute of %s failed", target.view)
            with self._changed:
                self._busy, self._making = False, None
                self._changed.notify_all()


def warm_locales() -> None:
    """Babel reads a locale's CLDR data on its first number: once per language, here."""
    for lang in codes():
        format_eur(1.0, lang)


WORKER = Worker()


def start() -> None:
    """At the page's import: the locale data loads while the first run reads its data."""
    if ENABLED:
        WORKER.start()


def after_paint(target: Target) -> None:
    if ENABLED:
        WORKER.offer(target)
