"""The chart builders as they were before figures became dicts, kept only while the dict builders
are checked against them (tests/test_figure_dicts.py)."""
