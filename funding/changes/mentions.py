"""What a text says that a curator must compare with the dataset: euro amounts, percentages of a
budget and dated calls, in English and Dutch as the documents write them.

"€ 1,5 miljard", "EUR 1.5 billion", "ruim 120 miljoen", "zo'n 7,6 miljoen euro", "2.500M euro",
"respectievelijk 3.1 en 2.9 miljard Euro" (two amounts sharing one scale), "EUR 2-3 billion" (a
range): each becomes a `Mention` with its value in euros. A separator followed by exactly three
digits groups thousands in either convention ("1.500" and "1,500" are 1500); any other is a
decimal mark ("1,5" and "1.5"). A number with a scale word but no currency counts only where the
sentence is about money, so "5 en 9 miljard aan private financiering" is found and "1 billion
people" is not; a short scale ("m", "k") needs a currency. Percentages count only in a sentence
about a budget, and dates (a day, month or quarter with its year) only in a sentence about a
call or an application.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

Kind = Literal["amount", "percentage", "call"]
KINDS: tuple[Kind, ...] = ("amount", "percentage", "call")

_SCALES = {
    "thousand": 1e3,
    "duizend": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "miljoen": 1e6,
    "mln": 1e6,
    "mio": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "miljard": 1e9,
    "mld": 1e9,
    "mrd": 1e9,
    "bn": 1e9,
    "bln": 1e9,
}
_SHORT_SCALES = {"k", "m"}  # only with a currency: "EUR 296 m", never "100 m" of cable
_WORDS = {
    "one": 1,
    "a": 1,
    "een": 1,
    "één": 1,
    "two": 2,
    "twee": 2,
    "three": 3,
    "drie": 3,
    "four": 4,
    "vier": 4,
    "five": 5,
    "vijf": 5,
    "ten": 10,
    "tien": 10,
    "anderhalf": 1.5,
    "half a": 0.5,
}
_NUMBER = r"(?<![\w.,])(?:\d+(?:[.,]\d+)*|(?:" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")\b)"
_SCALE = "|".join(sorted(_SCALES, key=len, reverse=True))
_AMOUNT = re.compile(
    rf"(?P<before>€|\bEUR\b(?!-)|\beuro\b)?\s?(?P<number>{_NUMBER})"
    rf"(?:\s?(?P<scale>{_SCALE})(?![\w]))?(?:\s?(?P<after>(?:euro(?:s|['’]s)?|EUR)(?![-\w])(?!\s?\d)))?",
    re.IGNORECASE,
)
_RANGE = re.compile(r"\s?(?:-|–|—|to|tot)\s?", re.IGNORECASE)
_PAIR = re.compile(r"\s?(?:and|en|,)\s?", re.IGNORECASE)
_OTHER_BEFORE = re.compile(r"(?:\$|\bUSD|\bdollar)\s?$", re.IGNORECASE)
_OTHER_AFTER = re.compile(r"^\s?(?:dollars?|USD)\b", re.IGNORECASE)
_MONEY = re.compile(
    r"€|\bEUR\b|euro|financ|fund|fonds|budget|begroting|subsid|grant|middelen|steun|\baid\b|invest"
    r"|lening|loan|guarantee|garantie|toelage|bijdrage",
    re.IGNORECASE,
)
_QUALIFIER = re.compile(
    r"(?:ruim|zo['’]n|circa|ca\.|ongeveer|bijna|meer dan|minimaal|maximaal|ten minste|tot|up to|around"
    r"|about|nearly|almost|more than|at least|approximately|some|over)\s$",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    r"(?<![\w.,])(?P<low>\d+(?:[.,]\d+)?)(?:\s?(?:-|–|to|tot)\s?(?P<high>\d+(?:[.,]\d+)?))?"
    r"\s?(?:%|procent\b|per ?cent\b)",
    re.IGNORECASE,
)
# A percentage of a budget: the budget is named right after it ("20% of the budget", "30% van de middelen").
_BUDGET = re.compile(
    r".{0,40}?(?:budget|begroting|\bfund|fonds|financ|middelen|subsid|grant|envelop|allocat|toegewezen)",
    re.IGNORECASE,
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "januari"),
            ("february", "februari"),
            ("march", "maart"),
            ("april",),
            ("may", "mei"),
            ("june", "juni"),
            ("july", "juli"),
            ("august", "augustus"),
            ("september",),
            ("october", "oktober"),
            ("november",),
            ("december",),
        ),
        start=1,
    )
    for name in names
}
_ORDINALS = {"first": 1, "1st": 1, "eerste": 1, "second": 2, "2nd": 2, "tweede": 2}
_ORDINALS |= {"third": 3, "3rd": 3, "derde": 3, "fourth": 4, "4th": 4, "vierde": 4}
_MONTH = "|".join(_MONTHS)
_ORDINAL = "|".join(_ORDINALS)
_DATE = re.compile(
    rf"(?P<lead>\b(?:by|before|from|until|in|on|vóór|voor|uiterlijk|per|vanaf|tot|op) (?:het |the )?)?"
    rf"(?:(?P<day>\d{{1,2}}) )?\b(?P<month>{_MONTH}) (?P<year>\d{{4}})\b"
    rf"|(?P<lead2>\b(?:by|before|from|until|in|vóór|voor|uiterlijk|vanaf|tot) (?:het |the )?)?"
    rf"\b(?P<ordinal>{_ORDINAL}) (?P<part>quarter|kwartaal|half|helft) (?:of |van )?(?:het jaar )?(?P<pyear>\d{{4}})\b"
    r"|\bQ(?P<q>[1-4]) (?P<qyear>\d{4})\b",
    re.IGNORECASE,
)
_CALL = re.compile(
    r"\bcall|\bappl(?:y|ies|ied|ications?)\b|proposal|tender|\bround|window|deadline|submi|oproep|aanvra|indien|voorstel"
    r"|openstel|ronde|inschrij|loket",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    """A span of the text and what it says: euros or percent from `low` to `high` (equal unless
    a range); for a call, `key` is its date as written at its precision (2026-01-15, 2026-03,
    2026-Q1, 2026-H1)."""

    kind: Kind
    start: int
    end: int
    text: str
    low: float = 0.0
    high: float = 0.0
    key: str = ""

    @property
    def values(self) -> frozenset[str]:
        """What a dataset entry must say to hold this mention."""
        if self.kind == "call":
            return frozenset({self.key})
        return frozenset({value_key(self.low), value_key(self.high)})


def value_key(value: float) -> str:
    """Euros in whole units, a percentage as written: what a mention and a dataset amount are
    compared by."""
    return f"{round(value, 6):g}" if value < 1000 else str(round(value))


def read_number(written: str) -> float:
    """ "1,5" and "1.5" are 1.5; "1.500", "1,500" and "2.500.000" group thousands; "1.234,5" is
    1234.5 (the last of two kinds of mark is the decimal one); number words are their value."""
    word = _WORDS.get(written.lower())
    if word is not None:
        return float(word)
    groups = re.split(r"[.,]", written)
    marks = re.findall(r"[.,]", written)
    if not marks:
        return float(written)
    if len(set(marks)) == 1 and (len(marks) > 1 or len(groups[-1]) == 3):
        return float("".join(groups))
    return float("".join(groups[:-1]) + "." + groups[-1])


def mentions(text: str, start: int = 0, end: int | None = None) -> Iterator[Mention]:
    """Every mention in `text[start:end]`, a sentence; offsets are in `text`."""
    sentence = text[start:end]
    yield from (_shifted(m, start) for m in _amounts(sentence))
    yield from (_shifted(m, start) for m in _percentages(sentence))
    if _CALL.search(sentence):
        yield from (_shifted(m, start) for m in _calls(sentence))


def _shifted(mention: Mention, by: int) -> Mention:
    return replace(mention, start=mention.start + by, end=mention.end + by)


@dataclass
class _Raw:
    start: int
    end: int
    number: float
    scale: str
    currency: bool
    digits: bool  # written in digits, not a word such as "twee"

    @property
    def factor(self) -> float:
        return _SCALES[self.scale.lower()] if self.scale else 1.0


def _amounts(sentence: str) -> Iterator[Mention]:
    """Numbers in euros; a bare number that a range or pair joins to the next shares its scale
    and currency ("EUR 2-3 billion", "3.1 en 2.9 miljard Euro")."""
    about_money = bool(_MONEY.search(sentence))
    raws = [_raw(m) for m in _AMOUNT.finditer(sentence)]
    i = 0
    while i < len(raws):
        raw = raws[i]
        after = raws[i + 1] if i + 1 < len(raws) else None
        if after and raw.digits and not raw.scale and _is_euro(after, sentence, about_money):
            gap = sentence[raw.end : after.start]
            low, high = raw.number * after.factor, after.number * after.factor
            if _RANGE.fullmatch(gap) and raw.number < after.number:
                yield _mention(sentence, raw.start, after.end, low, high)
                i += 2
                continue
            if _PAIR.fullmatch(gap) and not _looks_like_year(raw.number):
                yield _mention(sentence, raw.start, raw.end, low, low)
                i += 1
                continue
        if _is_euro(raw, sentence, about_money):
            yield _mention(sentence, raw.start, raw.end, raw.number * raw.factor, raw.number * raw.factor)
        i += 1


def _raw(match: re.Match[str]) -> _Raw:
    currency = bool(match.group("before") or match.group("after"))
    start = match.start("before") if match.group("before") else match.start("number")
    number = match.group("number")
    return _Raw(
        start, match.end(), read_number(number), match.group("scale") or "", currency, number[0].isdigit()
    )


def _is_euro(raw: _Raw, sentence: str, about_money: bool) -> bool:
    before = sentence[max(0, raw.start - 6) : raw.start]
    if _OTHER_BEFORE.search(before) or _OTHER_AFTER.search(sentence[raw.end : raw.end + 9]):
        return False
    if not raw.digits and not raw.scale:
        return False  # "een" is mostly "a"
    if raw.currency:
        return True
    return bool(raw.scale) and raw.scale.lower() not in _SHORT_SCALES and about_money


def _looks_like_year(number: float) -> bool:
    return number.is_integer() and 1900 <= number <= 2100


def _mention(sentence: str, start: int, end: int, low: float, high: float) -> Mention:
    qualifier = _QUALIFIER.search(sentence[max(0, start - 16) : start])
    if qualifier:
        start -= len(qualifier.group())
    return Mention("amount", start, end, sentence[start:end], low, high)


def _percentages(sentence: str) -> Iterator[Mention]:
    for match in _PERCENT.finditer(sentence):
        if not _BUDGET.match(sentence, match.end()):
            continue
        low = read_number(match.group("low"))
        high = read_number(match.group("high")) if match.group("high") else low
        yield Mention("percentage", match.start(), match.end(), match.group(), low, high)


def _calls(sentence: str) -> Iterator[Mention]:
    for match in _DATE.finditer(sentence):
        if match.group("month"):
            month = _MONTHS[match.group("month").lower()]
            day = f"-{int(match.group('day')):02d}" if match.group("day") else ""
            key = f"{match.group('year')}-{month:02d}{day}"
        elif match.group("ordinal"):
            part = "Q" if match.group("part").lower() in ("quarter", "kwartaal") else "H"
            key = f"{match.group('pyear')}-{part}{_ORDINALS[match.group('ordinal').lower()]}"
        else:
            key = f"{match.group('qyear')}-Q{match.group('q')}"
        yield Mention("call", match.start(), match.end(), match.group(), key=key)
