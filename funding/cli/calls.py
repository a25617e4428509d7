"""`python -m funding calls [--on DATE] [--beneficiary CODE ...] [--lang en|nl]`: the calls and
application windows open or upcoming on a day (default today), each with its dates as the
document states them and its source. Exit 0 (also when none is listed), 2 a file that cannot be
read; a calls file with problems lists them (exit 1)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from funding.base.paths import DEFAULT_CALLS, DEFAULT_DATA, DEFAULT_DOCUMENTS
from funding.cli.shared import EXIT_OK, EXIT_UNREADABLE, fail
from funding.i18n import t
from funding.i18n.languages import DEFAULT, codes
from funding.i18n.vocab import BENEFICIARY, Lang
from funding.registry.calls import STATE_TEXTS, calls_on, dates_text, load_calls
from funding.registry.documents import load_documents
from funding.registry.loading import load_dataset
from funding.registry.locators import section


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str) -> None:
    calls = commands.add_parser(
        name, help="calls open or upcoming on a day, with their stated dates and sources"
    )
    calls.add_argument("--on", default=None, metavar="YYYY-MM-DD", help="the day (default: today)")
    calls.add_argument(
        "--beneficiary",
        action="append",
        default=[],
        choices=BENEFICIARY.codes,
        help="only calls for this group",
    )
    calls.add_argument("--lang", choices=codes(), default=DEFAULT)
    calls.add_argument(
        "--calls", type=Path, default=DEFAULT_CALLS, help="calls CSV (default: data/calls.csv)"
    )
    calls.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        day = date.fromisoformat(args.on) if args.on else date.today()
    except ValueError:
        fail([f"--on: {args.on!r} is not a date written YYYY-MM-DD"])
        return EXIT_UNREADABLE
    documents = load_documents(DEFAULT_DOCUMENTS)
    calls = load_calls(args.calls, record_ids=load_dataset(DEFAULT_DATA).by_id, known_documents=documents)
    lang: Lang = args.lang
    listed = calls_on(calls, day, args.beneficiary)
    if not listed:
        print(t("calls_none", lang, day=day.isoformat()))
    for item in listed:
        call = item.call
        document = documents.get(call.source_document)
        cited = document.citation(lang) if document else call.source_document
        print(f"{call.name(lang)}: {t(STATE_TEXTS[item.state], lang)}")
        print(f"  {dates_text(call, lang)}")
        if call.beneficiary_types:
            groups = ", ".join(BENEFICIARY.label(b, lang) for b in call.beneficiary_types)
            print(f"  {t('call_for', lang, groups=groups)}")
        quote = t(
            "call_source",
            lang,
            document=cited,
            locator=section(call.source_locator, lang),
            quote=call.source_quote,
        )
        print(f"  {quote}")
    return EXIT_OK
