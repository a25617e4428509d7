"""Every chart's figure JSON for a handful of selections is the one in tests/data/figures/, written
from the figures as plotly's property API built them; a deliberate design change rewrites them
(`scripts/figure_goldens`) and the diff is reviewed."""

from __future__ import annotations

import json

import pytest
from golden_support import FIGURES, cases, figure_json

CASES = cases()


def test_every_golden_file_has_its_case() -> None:
    assert sorted(p.stem for p in FIGURES.glob("*.json")) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_dict_builders_reproduce_the_golden_figure(name: str) -> None:
    expected = json.loads((FIGURES / f"{name}.json").read_text(encoding="utf-8"))
    assert figure_json(CASES[name]()) == expected, f"run scripts/figure_goldens and review the diff of {name}"
