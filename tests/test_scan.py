"""`python -m funding scan` as a curator uses it: the recogniser on hand-written English and Dutch
sentences, the matching on a small dataset, and each source document against the shipped
dataset (every amount a row or disagreement quotes from it is found as known, and is new once
that document's rows are gone)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from factory import csv_bytes, row
from fixtures import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from funding.base.errors import UnreadableFile
from funding.base.paths import DATA_DIR
from funding.changes.mentions import mentions, read_number
from funding.changes.quotes import DEFAULT_SOURCES, SOURCE_MAX_BYTES, normalise
from funding.changes.scan import Finding, ScanReport, read_document, scan_file, scan_text
from funding.cli.scan import SENTENCE_CHARS, as_csv, as_text, excerpt
from funding.i18n import t
from funding.intake.document_text import document_text
from funding.registry.dataset import Dataset
from funding.registry.disagreements import Disagreement, Disagreements
from funding.registry.documents import load_documents
from funding.registry.loading import parse_csv
from funding.registry.versions import read_version

ROOT = Path(__file__).resolve().parent.parent
B, M = 1_000_000_000, 1_000_000


def amounts(sentence: str) -> list[tuple[str, int, int]]:
    """Whole euros: 3.1 × 10^9 is 3100000000 here however the float rounds."""
    return [(m.text, round(m.low), round(m.high)) for m in mentions(sentence) if m.kind == "amount"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Het kabinet trekt € 1,5 miljard uit voor leningen.", [("€ 1,5 miljard", 1.5 * B, 1.5 * B)]),
        ("The Commission will mobilise EUR 1.5 billion for cells.", [("EUR 1.5 billion", 1.5 * B, 1.5 * B)]),
        ("De Commissie maakt EUR 1,5 mld vrij.", [("EUR 1,5 mld", 1.5 * B, 1.5 * B)]),
        # the qualifier travels with the text; 120 × 10^6
        ("In 2025 is ruim 120 miljoen subsidie gealloceerd.", [("ruim 120 miljoen", 120 * M, 120 * M)]),
        # 7,6 × 10^6 = 7,600,000
        (
            "De stichting ontving zo'n 7,6 miljoen euro subsidie.",
            [("zo'n 7,6 miljoen euro", 7.6 * M, 7.6 * M)],
        ),
        ("A grant of EUR 296 m for recycling.", [("EUR 296 m", 296 * M, 296 * M)]),
        ("Loans of EUR 2.5bn in total.", [("EUR 2.5bn", 2.5 * B, 2.5 * B)]),
        ("Een lening van € 40 mln aan het bedrijf.", [("€ 40 mln", 40 * M, 40 * M)]),
        # thousands grouped both ways: 1,500,000 and 1.500.000 are one and a half million
        ("Each project gets EUR 1,500,000 in funding.", [("EUR 1,500,000", 1.5 * M, 1.5 * M)]),
        ("Elk project krijgt € 1.500.000 subsidie.", [("€ 1.500.000", 1.5 * M, 1.5 * M)]),
        # 1,500 × 10^6 = 1.5 × 10^9; 1.234,5 × 10^6 = 1,234,500,000
        ("A budget of EUR 1,500 million.", [("EUR 1,500 million", 1.5 * B, 1.5 * B)]),
        ("Een budget van € 1.234,5 miljoen.", [("€ 1.234,5 miljoen", 1_234_500_000, 1_234_500_000)]),
        ("Investment needs of EUR 2-3 billion a year.", [("EUR 2-3 billion", 2 * B, 3 * B)]),
        ("Er is EUR 2 tot 3 miljard nodig.", [("EUR 2 tot 3 miljard", 2 * B, 3 * B)]),
        # one scale for two amounts: 3.1 × 10^9 and 2.9 × 10^9
        (
            "De lidstaten trekken respectievelijk 3.1 en 2.9 miljard euro uit.",
            [("3.1", 3.1 * B, 3.1 * B), ("2.9 miljard euro", 2.9 * B, 2.9 * B)],
        ),
        ("Het kabinet trekt twee miljard euro uit.", [("twee miljard euro", 2 * B, 2 * B)]),
        # 2.500 × 10^6 = 2.5 × 10^9
        ("Een verdienvermogen van ruim 2.500M euro in 2030.", [("ruim 2.500M euro", 2.5 * B, 2.5 * B)]),
    ],
)
def test_amounts_in_english_and_dutch(sentence: str, expected: list[tuple[str, float, float]]) -> None:
    assert amounts(sentence) == [(text, round(low), round(high)) for text, low, high in expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "About 1 billion people live there.",  # no money in the sentence
        "The US put up USD 5 billion and $3 bn in loans.",
        "They laid 100 m of cable for the funding round.",  # a short scale needs a currency
        "In 2019 and 2021, the Commission approved two IPCEIs.",
        "De batterij is 30-40% van de kosten.",  # a share of a cost, not of a budget
        "The rules take effect in March 2026.",  # a date, but no call
        "See EUR-Lex 2020 for the text.",
    ],
)
def test_what_is_not_an_amount_share_or_call(sentence: str) -> None:
    assert list(mentions(sentence)) == []


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [("Up to 20% of the budget goes to SMEs.", 20, 20), ("Zo'n 30 tot 40 procent van de middelen.", 30, 40)],
)
def test_a_percentage_of_a_budget(sentence: str, low: float, high: float) -> None:
    assert [(m.kind, m.low, m.high) for m in mentions(sentence)] == [("percentage", low, high)]


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        ("Companies can apply by 15 January 2026.", "2026-01-15"),
        ("The Commission aims at launching a call for proposals in the first quarter of 2026.", "2026-Q1"),
        ("De eerste ronde van de oproep opent in maart 2026.", "2026-03"),
        ("Voorstellen indienen kan in het eerste kwartaal van 2026.", "2026-Q1"),
        ("Applications open in Q3 2027.", "2027-Q3"),
    ],
)
def test_a_dated_call(sentence: str, key: str) -> None:
    assert [(m.kind, m.key) for m in mentions(sentence)] == [("call", key)]


@settings(max_examples=examples(200))
@given(st.integers(1000, 10**12), st.sampled_from([",", "."]))
def test_thousands_read_back_in_either_convention(n: int, mark: str) -> None:
    assert read_number(f"{n:,}".replace(",", mark)) == n


@settings(max_examples=examples(200))
@given(st.integers(0, 999), st.integers(0, 99), st.sampled_from([",", "."]))
def test_a_decimal_mark_is_either(whole: int, cents: int, mark: str) -> None:
    # two decimals, never three, so the mark cannot be a thousands separator
    assert read_number(f"{whole}{mark}{cents:02d}") == pytest.approx(whole + cents / 100)


@settings(max_examples=examples(300))
@given(st.text(alphabet="ab€1 -\n\t.", max_size=40))
def test_the_scanned_text_is_the_text_quotes_are_checked_against(raw: str) -> None:
    assert document_text(raw).text == normalise(raw)


@settings(max_examples=examples(200))
@given(
    st.lists(st.tuples(st.integers(0, 3), st.sampled_from(["\n", " \n", "-\n", "\n\n", "\n  "])), max_size=12)
)
def test_every_word_is_reported_on_its_own_line(layout: list[tuple[int, str]]) -> None:
    """Words "<k>" laid out line by line (blank lines, a hyphen at the break, indents): each is
    found on the line it was written on, counted here from the layout itself."""
    raw, where, line, k = "", {}, 1, 0
    for count, ending in layout:
        for _ in range(count):
            raw += f"<{k}> "
            where[k] = line
            k += 1
        raw = raw.rstrip(" ") + ending
        line += ending.count("\n")
    doc = document_text(raw)
    assert {k: doc.line_at(doc.text.index(f"<{k}>")) for k in where} == where


def test_an_amount_split_over_a_line_break_is_reported_where_it_starts() -> None:
    raw = "Eerste regel.\nDe regering trekt €\n296 miljoen uit voor Net-\nzero batterijen.\n"
    report = scan_text("letter.txt", raw, Dataset(()), Disagreements(), ())
    # "€" ends line 2 and "296 miljoen" starts line 3: the finding is at line 2; 296 × 10^6
    assert [(f.line, f.mention.low, f.status) for f in report.findings] == [(2, 296 * M, "new")]
    assert report.findings[0].sentence == "De regering trekt € 296 miljoen uit voor Net-zero batterijen."


@pytest.mark.parametrize(
    ("data", "code"),
    [(b"a" * (SOURCE_MAX_BYTES + 1), "too_large"), (b"EUR 1\x00", "not_text"), (b"\xff EUR", "not_utf8")],
)
def test_a_document_that_is_not_bounded_utf8_text_is_refused(tmp_path: Path, data: bytes, code: str) -> None:
    path = tmp_path / "document.txt"
    path.write_bytes(data)
    with pytest.raises(UnreadableFile) as refused:
        read_document(path)
    assert refused.value.code == code


def small_dataset() -> tuple[Dataset, Disagreements]:
    rows = [
        row(
            "micb",
            str(296 * M),
            name_en="Material Independence & Circular Batteries (MICB)",
            source_document="letter",
            source_quote="de totale € 296 miljoen subsidie",
        ),
        row(
            "bbf",
            str(1500 * M),
            name_en="Battery Booster Facility",
            source_document="strategy",
            source_quote="mobilise EUR 1.5 billion from the Innovation Fund",
        ),
    ]
    dataset = parse_csv(csv_bytes(rows), known_documents={"letter", "strategy", "fiche"})
    other = Disagreement(
        id="micb-291",
        record_id="micb",
        column="amount_eur",
        other_document="fiche",
        other_locator="L1",
        other_quote="EUR 291 miljoen",
        other_amount_eur=291 * M,
        other_qualifier="exact",
        summary_en="x",
        summary_nl="x",
    )
    return dataset, Disagreements((other,))


def outcome(report: ScanReport) -> list[tuple[str, float, dict[str, str]]]:
    return [(f.status, f.mention.low, {m.id: m.relation for m in f.matches}) for f in report.findings]


def test_the_same_document_quoted_here_elsewhere_and_not() -> None:
    dataset, disagreements = small_dataset()
    text = (
        "Voor MICB is de totale € 296 miljoen subsidie beschikbaar. Dit staat vast. "
        "Later staat er nogmaals € 296 miljoen. Dit staat vast. Er is ook € 5 miljoen voor iets anders."
    )
    report = scan_text("letter.txt", text, dataset, disagreements, ("letter",))
    assert outcome(report) == [
        ("known", 296 * M, {"micb": "quoted_here"}),
        ("known", 296 * M, {"micb": "same_document"}),
        ("new", 5 * M, {}),
    ]
    assert report.has_news


def test_another_document_named_recorded_and_differing() -> None:
    dataset, disagreements = small_dataset()
    text = (
        "De Battery Booster Facility krijgt EUR 1.5 billion. Dit staat vast. "
        "Iemand noemt EUR 1.5 billion voor iets anders. Dit staat vast. "
        "Volgens de fiche krijgt MICB EUR 291 miljoen. Dit staat vast. MICB krijgt nu € 300 miljoen."
    )
    report = scan_text("new-letter.txt", text, dataset, disagreements, ())
    assert outcome(report) == [
        ("known", 1500 * M, {"bbf": "other_document"}),
        ("new", 1500 * M, {}),  # the same figure, but no instrument of the dataset is named
        ("disagreement", 291 * M, {"micb-291": "recorded"}),
        ("disagreement", 300 * M, {"micb": "other_figure"}),
    ]
    assert [f.is_news for f in report.findings] == [False, True, False, True]


def test_only_known_figures_are_no_news() -> None:
    dataset, disagreements = small_dataset()
    report = scan_text("letter.txt", "De totale € 296 miljoen subsidie.", dataset, disagreements, ("letter",))
    assert report.count("known") == 1
    assert not report.has_news


# --- the five source documents against the shipped dataset ------------------------------------


def seeds() -> Path:
    if not DEFAULT_SOURCES.is_dir():
        if os.environ.get("CI"):  # CI has the documents: a skip there would hide a broken scan
            pytest.fail(f"source documents not found at {DEFAULT_SOURCES}")
        pytest.skip(f"source documents not found at {DEFAULT_SOURCES} (set FUNDING_SOURCES_DIR)")
    return DEFAULT_SOURCES


SEED_FILES = sorted({d.file for d in load_documents(DATA_DIR / "documents.csv").values() if d.file})


def quoted_amounts(file: str) -> list[tuple[str, str, float]]:
    """(table, id, euros) of every row and disagreement that quotes an amount from this file, as
    the data says at test time."""
    version = read_version(DATA_DIR)
    assert version.documents is not None and version.disagreements is not None
    docs = {d.id for d in version.documents.values() if d.file == file}
    found = [("funding", r.id, r.amount_eur) for r in version.dataset.records if r.source_document in docs]
    found += [
        ("disagreements", d.id, d.other_amount_eur)
        for d in version.disagreements.items
        if d.other_document in docs
    ]
    return [(table, id, amount) for table, id, amount in found if amount is not None]


def scan_seed(file: str, *, without_its_rows: bool = False) -> ScanReport:
    version = read_version(DATA_DIR)
    assert version.documents is not None and version.disagreements is not None
    records, disagreements = list(version.dataset.records), list(version.disagreements.items)
    if without_its_rows:
        docs = {d.id for d in version.documents.values() if d.file == file}
        records = [r for r in records if r.source_document not in docs]
        kept = {r.id for r in records}
        disagreements = [d for d in disagreements if d.other_document not in docs and d.record_id in kept]
    dataset = Dataset(tuple(records))
    return scan_file(seeds() / file, dataset, Disagreements(tuple(disagreements)), version.documents)


def holding(report: ScanReport, table: str, id: str, amount: float) -> list[Finding]:
    return [
        f
        for f in report.findings
        if f.mention.kind == "amount"
        and f.mention.low <= amount <= f.mention.high
        and any((m.table, m.id) == (table, id) for m in f.matches)
    ]


def test_the_documents_quote_amounts_at_all() -> None:
    """So the recall test below is not empty for every document."""
    assert sum(len(quoted_amounts(file)) for file in SEED_FILES) > 0


@pytest.mark.parametrize("file", SEED_FILES)
def test_every_amount_quoted_from_a_document_is_known_there(file: str) -> None:
    report = scan_seed(file)
    for table, id, amount in quoted_amounts(file):
        found = holding(report, table, id, amount)
        relation = "quoted_here" if table == "funding" else "recorded"
        assert any(m.relation == relation for f in found for m in f.matches if m.id == id), (id, amount)
        assert all(f.status != "new" and not f.is_news for f in found), (id, amount)


@pytest.mark.parametrize("file", SEED_FILES)
def test_without_its_rows_a_document_is_news_again(file: str) -> None:
    quoted = quoted_amounts(file)
    removed = {(table, id) for table, id, _ in quoted}
    full, reduced = scan_seed(file), scan_seed(file, without_its_rows=True)
    now = {f.mention.start: f for f in reduced.findings if f.mention.kind == "amount"}
    for table, id, amount in quoted:
        for before in holding(full, table, id, amount):
            after = now[before.mention.start]
            assert after.is_news, (id, after.status, after.matches)
            assert not {(m.table, m.id) for m in after.matches} & removed


# --- the command ---------------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "funding", "scan", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def version_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    info = {
        "title": "t",
        "title_nl": "t",
        "version": "9.0.0",
        "date": "2026-01-01",
        "citation": "c",
        "licence": "l",
    }
    (folder / "dataset.json").write_text(json.dumps(info))
    (folder / "documents.csv").write_text(
        "id,title_en,title_nl,publisher,issued,language,file,url\ndoc,D,D,P,,en,seed.txt,\n"
    )
    good = row("good", str(1500 * M), source_document="doc", source_quote="mobilise EUR 1.5 billion for cell")
    (folder / "funding.csv").write_bytes(csv_bytes([good]))
    return folder


@pytest.mark.subprocess
def test_the_command_exits_0_1_2(tmp_path: Path) -> None:
    folder = version_folder(tmp_path)
    seed = tmp_path / "seed.txt"
    seed.write_text("The Commission will mobilise EUR 1.5 billion for cell\nmakers.\n", encoding="utf-8")
    known = run(str(seed), "--data", str(folder), "--format", "csv")
    assert known.returncode == 0, known.stderr
    lines = known.stdout.splitlines()
    assert lines[0] == "line,kind,status,text,low,high,date,matches,sentence"
    assert lines[1].startswith("1,amount,known,EUR 1.5 billion,1500000000,1500000000,,good=quoted_here,")

    seed.write_text(
        "The Commission will mobilise EUR 1.5 billion for cell\nmakers, and EUR 7 million more.\n"
    )
    news = run(str(seed), "--data", str(folder), "--lang", "nl")
    assert news.returncode == 1, news.stderr
    assert f"{seed}:2: {t('scan_status_new', 'nl')}: EUR 7 million" in news.stdout
    assert t("scan_summary", "nl", source=seed, known=1, disagreement=0, new=1) in news.stdout

    assert run(str(tmp_path / "missing.txt"), "--data", str(folder)).returncode == 2
    assert run(str(tmp_path), "--data", str(folder)).returncode == 2
    (tmp_path / "binary.txt").write_bytes(b"EUR 1\x00\xff")
    result = run(str(tmp_path / "binary.txt"), "--data", str(folder))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert run(str(seed), "--data", str(tmp_path / "nowhere.csv")).returncode == 2


def test_a_finding_is_one_line() -> None:
    dataset, disagreements = small_dataset()
    long = "Het kabinet\u202e trekt € 5 miljoen\x1b[2J uit " + "en nog veel meer woorden " * 20 + "."
    report = scan_text("x.txt", long.replace("woorden", "woorden\n", 3), dataset, disagreements, ())
    assert len(excerpt(report.findings[0])) <= SENTENCE_CHARS + 2  # two ellipses at most
    text = as_text(report, "en")
    assert len(text.splitlines()) == 1 + 2  # the finding, the summary, the file
    assert "\u202e" not in text and "\x1b" not in text and "\x1b" not in as_csv(report)
