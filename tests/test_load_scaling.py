"""The bench's synthetic datasets stay valid as the schema evolves (no timing here: see bench/).

`python -m bench` measures load and rerun times on synthetic files from bench/synth.py; if a
schema or rule change made those rows invalid, the bench would measure the refusal instead of the
page. These checks keep the generator honest: every row loads, with the promised shape.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bench import synth
from funding.registry.documents import load_documents
from funding.registry.loading import load_dataset


def test_synthetic_rows_are_valid_and_shaped_like_the_real_data(tmp_path: Path) -> None:
    path = synth.write(tmp_path / "synthetic.csv", 2_000)
    dataset = load_dataset(path, known_documents=tuple(load_documents()))
    records = dataset.records
    assert len(records) == 2_000
    without_amount = sum(r.amount_eur is None for r in records) / len(records)
    assert 0.3 <= without_amount <= 0.5
    depths = Counter(len(dataset.ancestor_chains[r.id]) for r in records)
    assert set(depths) == {0, 1, 2}  # funds, programmes, parts
    assert {r.amount_kind for r in records} == {
        "public",
        "guarantee",
        "state_aid_ceiling",
        "private_expected",
        "target",
    }
    assert any("," in (r.source_quote or "") for r in records)
    assert any('"' in (r.source_quote or "") for r in records)
    assert any("\n" in (r.notes or "") for r in records)


def test_generation_is_deterministic(tmp_path: Path) -> None:
    first = synth.write(tmp_path / "a.csv", 300).read_bytes()
    second = synth.write(tmp_path / "b.csv", 300).read_bytes()
    assert first == second
