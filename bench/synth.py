"""Synthetic funding CSVs from the real schema: valid records with realistic nesting.

Funds hold programmes, programmes hold parts (calls, envelopes, projects); kinds are mixed (a
guarantee or a State-aid ceiling under a public fund), about 40 % of rows have no amount, and
every part with an amount stays within its nearest ancestor of the same kind, so the loader's
cross-row rules pass. Free text (quotes with commas and doubled quotes, locators, multi-line
notes) is shorter than in the curated file, so 100,000 rows are about 28 MB. Every row passes
the loader's column checks (a test keeps it so), so the bench measures the fast path.
Deterministic for a given size and seed. `--replica` writes copies of the shipped rows instead
(`replica_rows`), with their relations renamed per copy: 99,944 rows for 100,000.

    python -m bench.synth 10000 /tmp/funding-10000.csv
    python -m bench.synth --replica 100000 /tmp/replica-100000.csv
"""

from __future__ import annotations

import csv
import random
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from funding.base.paths import DEFAULT_DATA, DEFAULT_DOCUMENTS
from funding.i18n.vocab import (
    AMOUNT_KIND,
    BENEFICIARY,
    EU_PILLAR,
    MONEY_ORIGIN,
    NL_PILLAR,
    PILLAR_BASIS,
    QUALIFIER,
    STATUS,
)
from funding.intake.records import COLUMNS

SOURCES = (
    ("EU", "EU Innovation Fund"),
    ("EU", "Horizon Europe"),
    ("EU", "InvestEU"),
    ("EU", "European Competitiveness Fund"),
    ("EU", "Connecting Europe Facility"),
    ("EU", "Recovery and Resilience Facility"),
    ("EU", "European Investment Bank"),
    ("EU", "Just Transition Fund"),
    ("NL", "Nationaal Groeifonds"),
    ("NL", "Klimaatfonds"),
    ("NL", "RVO DEI+"),
    ("NL", "RVO MIT"),
    ("NL", "Invest-NL"),
    ("NL", "Topsector Energie"),
    ("NL", "Regionale Ontwikkelingsmaatschappijen"),
    ("MS", "Member-state budgets"),
    ("MS", "IPCEI European Battery Innovation"),
    ("private", "Private investors"),
)
TOPICS = (
    ("battery cell manufacturing", "productie van batterijcellen"),
    ("cathode active materials", "kathodemateriaal"),
    ("battery recycling", "recycling van batterijen"),
    ("lithium refining", "raffinage van lithium"),
    ("stationary storage", "stationaire opslag"),
    ("battery safety research", "onderzoek naar batterijveiligheid"),
    ("skills and training", "vaardigheden en opleiding"),
    ("solid-state batteries", "vastestofbatterijen"),
    ("grid-scale storage pilots", "pilots met opslag op netschaal"),
)
WORDS = (
    "to mobilise funding, including for projects",
    "first-of-a-kind deployment, via a call",
    "aid up to the ceiling set out in the framework",
    'the "battery booster" package, as announced',
    "middelen voor onderzoek, innovatie en opschaling",
    "to reach selected companies in the first quarter",
)
DOCUMENT_FALLBACK = ("bench-document",)


def document_ids(path: Path = DEFAULT_DOCUMENTS) -> tuple[str, ...]:
    """Ids from the real registry, so the dashboard (which checks them) accepts the rows."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as registry:
            ids = tuple(row["id"] for row in csv.DictReader(registry) if row.get("id"))
    except (OSError, KeyError, UnicodeDecodeError):
        return DOCUMENT_FALLBACK
    return ids or DOCUMENT_FALLBACK


def rows(n: int, *, seed: int = 5, documents: Sequence[str] | None = None) -> Iterator[dict[str, str]]:
    """n valid rows, parents before children; every 20th pair of funds with public amounts may
    share money (may_overlap), so totals over a large file have ranges to compute."""
    made = list(_rows(n, seed=seed, documents=documents))
    funds = [r for r in made if not r["parent_id"] and r["amount_eur"] and r["amount_kind"] == "public"]
    for first, second in list(zip(funds[::2], funds[1::2], strict=False))[::20]:
        first["may_overlap"], second["may_overlap"] = second["id"], first["id"]
    yield from made


def _rows(n: int, *, seed: int, documents: Sequence[str] | None) -> Iterator[dict[str, str]]:
    rng = random.Random(f"{seed}-{n}")
    docs = tuple(documents) if documents else document_ids()
    made = 0
    fund_no = 0
    while made < n:
        fund_no += 1
        level, source = rng.choice(SOURCES)
        fund_id = f"fund-{fund_no}"
        fund_amount = rng.choice((None, None, float(rng.randrange(2, 200) * 50_000_000)))
        yield _row(rng, docs, fund_id, None, level, source, "fund", "public", fund_amount, depth=0)
        made += 1
        for p in range(rng.randint(2, 6)):
            if made >= n:
                return
            prog_id = f"{fund_id}-prog-{p + 1}"
            prog_kind = rng.choices(("public", "guarantee", "state_aid_ceiling"), (8, 1, 1))[0]
            prog_cap = fund_amount if prog_kind == "public" else None
            prog_amount = _amount(rng, prog_cap, chance=0.55)
            prog_type = rng.choice(("grant", "loan", "rd_programme", "other", "equity"))
            yield _row(rng, docs, prog_id, fund_id, level, source, prog_type, prog_kind, prog_amount, depth=1)
            made += 1
            caps = {"public": fund_amount, prog_kind: prog_amount if prog_amount is not None else prog_cap}
            for k in range(rng.randint(0, 8)):
                if made >= n:
                    return
                kind = rng.choices(AMOUNT_KIND.codes, (12, 2, 1, 2, 1))[0]
                amount = _amount(rng, caps.get(kind), chance=0.6)
                part_type = rng.choice(("grant", "loan", "guarantee", "state_aid", "other"))
                yield _row(
                    rng, docs, f"{prog_id}-part-{k + 1}", prog_id, level, source, part_type, kind, amount, 2
                )
                made += 1


def _amount(rng: random.Random, cap: float | None, *, chance: float) -> float | None:
    if rng.random() > chance:
        return None
    if cap is not None:
        return float(round(cap * rng.uniform(0.01, 0.4)))
    return float(rng.randrange(1, 2000) * 1_000_000)


def _row(
    rng: random.Random,
    docs: Sequence[str],
    rid: str,
    parent: str | None,
    level: str,
    source: str,
    itype: str,
    kind: str,
    amount: float | None,
    depth: int,
) -> dict[str, str]:
    topic_en, topic_nl = rng.choice(TOPICS)
    label = ("Fund", "Programme", "Call")[depth]
    label_nl = ("Fonds", "Programma", "Call")[depth]
    start_year = rng.randint(2018, 2028)
    start = rng.choice((str(start_year), f"{start_year}-{rng.randint(1, 12):02d}", ""))
    end = f"{start_year + rng.randint(0, 6)}" if start and rng.random() < 0.5 else ""
    eu = rng.random() < 0.5
    nl = rng.random() < 0.4
    beneficiaries = rng.sample(BENEFICIARY.codes, rng.choice((0, 1, 1, 2, 3)))
    cells = {
        "id": rid,
        "name_en": f"{label} {rid.rsplit('-', 1)[-1]}: {topic_en}",
        "name_nl": f"{label_nl} {rid.rsplit('-', 1)[-1]}: {topic_nl}",
        "record_type": "instrument",
        "level": level,
        "source": source,
        "parent_id": parent or "",
        # Parts are drawn independently, so they are never said to be separate money.
        "parts_disjoint": "" if amount is None or depth == 2 else rng.choice(("", "no")),
        "may_overlap": "",
        "instrument_type": itype,
        "amount_kind": kind,
        "amount_eur": "" if amount is None else str(int(amount)),
        "amount_qualifier": "" if amount is None else rng.choice(QUALIFIER.codes),
        "money_origin": "" if amount is None else rng.choice(("", "", *MONEY_ORIGIN.codes)),
        "status": rng.choice(("", *STATUS.codes)),
        "eu_pillar": rng.choice(EU_PILLAR.codes) if eu else "",
        "eu_pillar_basis": rng.choice(PILLAR_BASIS.codes) if eu else "",
        "nl_pillar": rng.choice(NL_PILLAR.codes) if nl else "",
        "nl_pillar_basis": rng.choice(PILLAR_BASIS.codes) if nl else "",
        "beneficiary_types": ";".join(beneficiaries),
        "battery_specific": rng.choice(("yes", "no")),
        "period_start": start,
        "period_end": end,
        # Every row cites its source, amount or not (funding.intake.records.REQUIRED_COLUMNS).
        "source_document": rng.choice(docs),
        "source_url": f"https://example.org/doc/{rng.randint(1, 999)}" if rng.random() < 0.1 else "",
        "source_locator": f"Pillar {rng.randint(1, 6)}, L{rng.randint(100, 1500)}",
        "source_quote": rng.choice(WORDS),
        "notes": "" if rng.random() < 0.85 else f"Counted once.\nAlso in box, L{rng.randint(1, 999)}.",
    }
    return cells


def replica_rows(n: int, source: Path = DEFAULT_DATA) -> Iterator[dict[str, str]]:
    """The shipped rows copied until about n (whole copies only, at least one), each copy's ids,
    `parent_id` and `may_overlap` renamed (`-c1`, `-c2`, ...), so every copy keeps the real data's
    relations within itself: its wholes and parts, its overlap groups, its long quotes and notes.
    The synthetic rows carry few of these, and the cross-row rules and totals cost by them."""
    with source.open(encoding="utf-8-sig", newline="") as shipped:
        base = list(csv.DictReader(shipped))
    for copy in range(1, max(1, n // len(base)) + 1):
        suffix = f"-c{copy}"
        for row in base:
            cells = dict(row)
            cells["id"] += suffix
            if cells["parent_id"]:
                cells["parent_id"] += suffix
            if cells["may_overlap"]:
                cells["may_overlap"] = ";".join(
                    f"{i.strip()}{suffix}" for i in cells["may_overlap"].split(";")
                )
            yield cells


def write(path: Path, n: int, *, seed: int = 5, replica: bool = False) -> Path:
    """n synthetic rows, or (`replica`) about n rows copied from the shipped file."""
    made = replica_rows(n) if replica else rows(n, seed=seed)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(made)
    return path


def main(argv: Sequence[str]) -> int:
    args = [a for a in argv if a != "--replica"]
    if len(args) != 2 or not args[0].isdigit():
        print("usage: python -m bench.synth [--replica] ROWS OUTPUT.csv", file=sys.stderr)
        return 2
    path = write(Path(args[1]), int(args[0]), replica="--replica" in argv)
    with path.open(encoding="utf-8", newline="") as written:
        count = sum(1 for _ in csv.DictReader(written))
    print(f"{path}: {count} rows, {path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
