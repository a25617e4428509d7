"""The bench's replica of the shipped rows (`bench.synth.replica_rows`) keeps the real data's
relations within each copy, so it loads as valid and each copy counts as the shipped file does."""

from __future__ import annotations

from pathlib import Path

from fixtures import shipped_rows

from bench import synth
from funding.base.paths import DEFAULT_DATA
from funding.registry.documents import load_documents
from funding.registry.loading import load_dataset
from funding.selecting.totals import totals_by_kind


def test_three_copies_load_as_valid_and_count_three_times(tmp_path: Path) -> None:
    shipped = len(shipped_rows())
    path = synth.write(tmp_path / "replica.csv", 3 * shipped + shipped // 2, replica=True)
    known = tuple(load_documents())
    dataset = load_dataset(path, known_documents=known)
    assert len(dataset.records) == 3 * shipped  # whole copies only: 3.5 copies asked, 3 made
    for record in dataset.records:
        copy = record.id.rsplit("-c", 1)[1]
        assert record.parent_id is None or record.parent_id.endswith(f"-c{copy}")
        assert all(other.endswith(f"-c{copy}") for other in record.may_overlap)
    # Copies share no relation, so each total is three times the shipped file's, both ends.
    base = load_dataset(DEFAULT_DATA, known_documents=known)
    original = totals_by_kind(base, base.records)["public"]
    tripled = totals_by_kind(dataset, dataset.records)["public"]
    for name in ("battery", "wider", "net"):
        ours, theirs = getattr(tripled, name), getattr(original, name)
        assert (ours.low, ours.high) == (3 * theirs.low, 3 * theirs.high)
        assert len(ours.uncertain) == 3 * len(theirs.uncertain)
