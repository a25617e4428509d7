"""Shared fixtures, in one place: the package and these helpers on the import path, and the
browser tier's server and chromium (tests/browser_support.py).

Helper modules (factory, fixtures, apptest_support, browser_support) hold functions and data;
no test module imports another test module. Tiers are markers: `apptest`, `browser` and
`subprocess` (tests/tier_guard.py fails a test that needs one and lacks it), and `slow` for
in-process tests of many seconds; `scripts/test --fast` runs the rest.
"""

import gc
import os
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# Collection imports the libraries and every test module, objects that live until the run ends; the
# cyclic collector would walk them all again at every full collection (a sixth of the fast tier's
# CPU, 2026-12-08). So it rests while they load, and they are then frozen out of its walks; what
# the tests make is collected as usual. gc.get_objects() no longer lists the frozen objects.
gc.disable()

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# Edits kept as drafts (funding.changes.drafts) go to a folder of this run, never the user's own; the
# servers the tests start inherit it.
os.environ.setdefault("FUNDING_DRAFTS_DIR", tempfile.mkdtemp(prefix="funding-drafts-"))
# No background figures (app.precompute) behind the pages the tests open: they would compete with
# the next test for the CPU; tests/test_precompute.py turns it on where it is the subject.
os.environ.setdefault("FUNDING_PRECOMPUTE", "0")

# The browser fixtures (app_server, browser, page) for every test module: one Streamlit server and
# one chromium per session, however many modules use them (Playwright allows one sync instance);
# and the guard that fails a test which starts a process, server, AppTest or browser unmarked.
pytest_plugins = ["browser_support", "tier_guard"]

# No per-example deadline: CI machines are shared and a slow example is not a wrong one; the
# number of examples is what bounds a property's time (fixtures.examples).
settings.register_profile("funding", deadline=None)
settings.load_profile("funding")


def pytest_collection_finish(session: pytest.Session) -> None:
    gc.freeze()
    gc.enable()
