"""How to make a file again: the command-line options and the page link of its selection, and
the day it was made, written into the workbook and the deck."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from funding.i18n.vocab import Lang
from funding.selecting.selection import FIELDS, Filters


def iso_today(today: date | None) -> str:
    return (today or date.today()).isoformat()


def filter_arguments(filters: Filters, lang: Lang) -> list[str]:
    """The command-line options that make the same file (`python -m funding export OUT ...`):
    the language first, then every filter that differs from its default."""
    default = Filters()
    args: list[str] = ["--lang", lang]
    for field in FIELDS:
        value = getattr(filters, field.name)
        if value == getattr(default, field.name):
            continue
        if field.multi:
            for item in value:
                args += [field.option, str(item)]
        elif field.shape == "flag":
            args.append(field.option if value else f"--no-{field.option[2:]}")
        else:
            args += [field.option, str(value)]
    return args


def query_string(filters: Filters, lang: Lang) -> str:
    """The view as URL query parameters: the page's language, then the filters (names as in
    `Filters`, multi-values repeated)."""
    default = Filters()
    pairs: list[tuple[str, str]] = [("lang", lang)]
    for field in FIELDS:
        value = getattr(filters, field.name)
        if value == getattr(default, field.name):
            continue
        if field.multi:
            pairs += [(field.name, str(item)) for item in value]
        elif field.shape == "flag":
            pairs.append((field.name, "true" if value else "false"))
        else:
            pairs.append((field.name, str(value)))
    return urlencode(pairs)
