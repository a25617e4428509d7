"""`python -m funding scan DOCUMENT.txt [--data PATH]`: what a new document adds to the dataset.

Every euro amount, percentage of a budget and dated call in the text is listed, one line each, at
the line where it starts, with its sentence, as known (the rows that hold it), a disagreement
(recorded in disagreements.csv, or the same instrument with another figure) or new. Exit codes:
0 nothing new, 1 something new (or a figure that differs from a row with no disagreement
recorded), 2 a document or dataset that cannot be read. Files are only read.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
from pathlib import Path

from funding.base.errors import InvalidData, UnreadableFile
from funding.base.markdown import plain_text
from funding.base.paths import DATA_DIR, DEFAULT_DOCUMENTS
from funding.changes.scan import STATUSES, Finding, ScanReport, scan_file
from funding.cli.diff import report_unreadable, write_stdout
from funding.cli.shared import EXIT_OK, EXIT_UNREADABLE
from funding.i18n import t
from funding.i18n.languages import DEFAULT, codes
from funding.i18n.vocab import Lang
from funding.registry.documents import load_documents
from funding.registry.versions import VersionUnreadable, read_version
from funding.selecting.formatting import format_count, format_range

EXIT_NEW = 1
SENTENCE_CHARS = 160  # one line per finding: the sentence is cut around the mention beyond this
_STATUS = {"known": "scan_status_known", "disagreement": "scan_status_disagreement", "new": "scan_status_new"}
_RELATION = {
    "quoted_here": "scan_relation_quoted_here",
    "same_document": "scan_relation_same_document",
    "other_document": "scan_relation_other_document",
    "recorded": "scan_relation_recorded",
    "other_figure": "scan_relation_other_figure",
}
# Terminal controls that the whitespace rule leaves (ESC, DEL, C1): a document must not drive the console.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
CSV_COLUMNS = ("line", "kind", "status", "text", "low", "high", "date", "matches", "sentence")


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str) -> None:
    parser = commands.add_parser(
        name,
        help="list the amounts, budget percentages and dated calls of a document against the dataset",
        description=__doc__.split("\n\n")[1],
    )
    parser.add_argument("document", type=Path, metavar="DOCUMENT", help="a UTF-8 text file")
    parser.add_argument(
        "--data",
        type=Path,
        default=DATA_DIR,
        metavar="PATH",
        help="funding CSV or version folder (default: data/, with its disagreements.csv)",
    )
    parser.add_argument(
        "--lang", choices=codes(), default=DEFAULT, help=f"language of the report (default: {DEFAULT})"
    )
    parser.add_argument(
        "--format",
        choices=("text", "csv"),
        default="text",
        help="text (default) or csv: one row per finding with codes, for a spreadsheet or a script",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        version = read_version(args.data)
        documents = version.documents if version.documents is not None else load_documents(DEFAULT_DOCUMENTS)
    except VersionUnreadable as exc:
        report_unreadable(exc)
        return EXIT_UNREADABLE
    except (UnreadableFile, InvalidData) as exc:
        report_unreadable(VersionUnreadable((exc,)))
        return EXIT_UNREADABLE
    disagreements = version.disagreements or version.dataset.disagreements
    report = scan_file(args.document, version.dataset, disagreements, documents)
    write_stdout(as_csv(report) if args.format == "csv" else as_text(report, args.lang))
    return EXIT_NEW if report.has_news else EXIT_OK


def as_text(report: ScanReport, lang: Lang) -> str:
    lines = [_line(report.source, f, lang) for f in report.findings]
    if not report.findings:
        lines.append(t("scan_nothing", lang))
    counts = {status: format_count(report.count(status), lang) for status in STATUSES}
    lines.append(t("scan_summary", lang, source=report.source, **counts))
    if report.documents:
        lines.append(t("scan_this_document", lang, ids=", ".join(report.documents)))
    else:
        lines.append(t("scan_unregistered", lang))
    return "\n".join(lines) + "\n"


def _line(source: str, finding: Finding, lang: Lang) -> str:
    matches = "; ".join(f"{m.id} ({t(_RELATION[m.relation], lang)})" for m in finding.matches)
    parts = [
        f"{source}:{finding.line}: {t(_STATUS[finding.status], lang)}: {finding.mention.text} = {_value(finding, lang)}",
        matches,
        f"“{excerpt(finding)}”",
    ]
    return shown(" | ".join(p for p in parts if p))


def _value(finding: Finding, lang: Lang) -> str:
    mention = finding.mention
    if mention.kind == "amount":
        return format_range(mention.low, mention.high, lang)
    if mention.kind == "percentage":
        ends = sorted({mention.low, mention.high})
        return "–".join(format_count(int(v), lang) if v.is_integer() else str(v) for v in ends) + "%"
    return t("scan_call_date", lang, date=mention.key)


def excerpt(finding: Finding) -> str:
    """The sentence, or SENTENCE_CHARS of it around the mention, on one line."""
    sentence = finding.sentence
    if len(sentence) <= SENTENCE_CHARS:
        return sentence
    at = max(sentence.find(finding.mention.text), 0)
    start = max(0, min(at - SENTENCE_CHARS // 3, len(sentence) - SENTENCE_CHARS))
    cut = sentence[start : start + SENTENCE_CHARS]
    return ("…" if start else "") + cut + ("…" if start + SENTENCE_CHARS < len(sentence) else "")


def as_csv(report: ScanReport) -> str:
    """Codes, not words, so the file reads the same in either language."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for f in report.findings:
        numbers = ("", "") if f.mention.kind == "call" else (_plain(f.mention.low), _plain(f.mention.high))
        matches = ";".join(f"{m.id}={m.relation}" for m in f.matches)
        text, sentence = shown(f.mention.text), shown(f.sentence)
        writer.writerow((f.line, f.mention.kind, f.status, text, *numbers, f.mention.key, matches, sentence))
    return out.getvalue()


def shown(text: str) -> str:
    """As written, without bidirectional or terminal controls (funding.base.markdown.plain_text)."""
    return _CONTROLS.sub("", plain_text(text))


def _plain(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)
