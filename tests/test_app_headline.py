"""The page's headline for four links, against a computation from the CSV that shares no code
with `funding.selecting.totals` (the csv module, the codebook's rules written out plainly).

The independent computation covers what the curated data holds: parts at most one level below
a whole that a filter left out, and pairs of whole figures that may share money."""

from __future__ import annotations

import pytest
from apptest_support import app, metric
from claims_support import holds, net_claim, read, read_all
from fixtures import shipped_rows

from funding.i18n.vocab import Lang

pytestmark = pytest.mark.apptest


@pytest.mark.parametrize(
    ("query", "keep"),
    [
        ({}, lambda r: True),
        ({"status": "allocated"}, lambda r: r["status"] == "allocated"),
        ({"level": "MS"}, lambda r: r["level"] == "MS"),
        ({"level": "NL", "lang": "nl"}, lambda r: r["level"] == "NL"),
    ],
)
def test_headline_matches_the_csv(query: dict[str, str], keep: object) -> None:
    lang: Lang = "nl" if query.get("lang") == "nl" else "en"
    at = app(**query)
    selected = [r for r in shipped_rows() if keep(r)]  # type: ignore[operator]
    for key, battery in (("battery_public", True), ("wider_public", False), ("net_public", None)):
        shown = read(metric(at, key, lang), lang)
        want = net_claim(shipped_rows(), selected, "public", battery)
        if want is None:
            assert shown is None, (key, metric(at, key, lang))
            continue
        text = metric(at, key, lang)
        if shown is None:  # parts of one whole the filter left out: listed as parts, never summed
            parts = [high for _, _, high in read_all(text, lang)][:-1]  # the last is the whole's
            assert len(parts) >= 2 and sum(parts) == pytest.approx(want[2], abs=5e5), (key, text)
            continue
        assert holds(shown, want), (key, shown, want)
