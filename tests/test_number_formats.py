"""Data labels and cells tied to their values (funding.exports.number_formats).

A label drawn through a number format must read exactly as the chart on the page writes the same
figure (funding.selecting.formatting.format_range). `excel` below renders the subset of Excel's number
format language the module writes (a locale tag, quoted text, `#,##0.00` with trailing commas that
divide by 1,000 each), rounding half away from zero as Excel does.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from hypothesis import assume, example, given
from hypothesis import strategies as st

from funding.exports.number_formats import euro_cell_format, label_format, millions_cell_format
from funding.i18n.vocab import QUALIFIER
from funding.selecting.formatting import format_range

SEPARATORS = {"809": (".", ","), "413": (",", ".")}  # en-GB, nl-NL: decimal, thousands
TOKEN = re.compile(r'"(?P<text>[^"]*)"|(?P<number>[#0][#0,.]*)')


def excel(code: str, value: float, rounding: str = ROUND_HALF_UP) -> str:
    tag = re.match(r"\[\$-(\w+)\]", code)
    assert tag is not None, code
    decimal, thousands = SEPARATORS[tag.group(1)]
    out = []
    for token in TOKEN.finditer(code[tag.end() :]):
        if token.group("text") is not None:
            out.append(token.group("text"))
            continue
        pattern = token.group("number")
        core = pattern.rstrip(",")
        places = len(core.split(".")[1]) if "." in core else 0
        scaled = Decimal(repr(value)) / Decimal(1000) ** (len(pattern) - len(core))
        number = f"{scaled.quantize(Decimal(1).scaleb(-places), rounding):,.{places}f}"
        out.append(number.replace(",", "\0").replace(".", decimal).replace("\0", thousands))
    return "".join(out)


def test_hand_written_formats() -> None:
    """1.5 bn with one decimal at the bn scale (",,," divides by 10^9), the qualifier and the
    "not battery-specific" note as text; Dutch with its locale tag; a range writes its low end as
    text (it is no value of the chart) and links the high end."""
    assert label_format(1.5e9, 1.5e9, "exact", "en", suffix=" · x") == '[$-809]"EUR "#,##0.0,,," bn · x"'
    assert label_format(120e6, 120e6, "at_least", "nl") == '[$-413]"minstens € "#,##0,," mln"'
    assert label_format(3e9, 3.3e9, "up_to", "en") == '[$-809]"up to EUR 3.0–"#,##0.0,,," bn"'
    assert excel(label_format(3e9, 3.3e9, "up_to", "nl"), 3.3e9) == "tot € 3,0–3,3 mld"
    # 1,313,087 is 1.313|087 m: three decimals would drop 87 euros, so the label is in full euros
    # (no ",," scaling, no unit), as the page writes it; so is 7,600,000.5 (7.600|0005 m).
    assert label_format(1313087, 1313087, "exact", "en") == '[$-809]"EUR "#,##0'
    assert excel(label_format(1313087, 1313087, "exact", "nl"), 1313087) == "€ 1.313.087"
    assert excel(label_format(7600000.5, 7600000.5, "about", "en"), 7600000.5) == "about EUR 7,600,000.5"


def test_an_edited_value_keeps_a_true_label() -> None:
    """The format is tied to the value: 1.5 bn edited to 2.25 bn in PowerPoint reads 2.3 bn (the
    one decimal of the original), 296 m edited to 1,200 m reads EUR 1,200 m, never the old text."""
    assert excel(label_format(1.5e9, 1.5e9, "exact", "en"), 2.25e9) == "EUR 2.3 bn"
    assert excel(label_format(296e6, 296e6, "exact", "en"), 1.2e9) == "EUR 1,200 m"


amounts = st.integers(min_value=1, max_value=10**11).map(float)
halves = st.integers(min_value=1, max_value=10**9).map(lambda n: n / 2)


@given(amounts | halves, st.sampled_from(QUALIFIER.codes), st.sampled_from(("en", "nl")))
@example(1_234_567.0, "exact", "en")
@example(999_999.5, "about", "nl")
def test_a_label_reads_as_the_page_writes_the_figure(amount: float, qualifier: str, lang: str) -> None:
    code = label_format(amount, amount, qualifier, lang)  # type: ignore[arg-type]
    assume(excel(code, amount) == excel(code, amount, ROUND_HALF_EVEN))  # Babel rounds ties to even
    assert excel(code, amount) == format_range(amount, amount, lang, qualifier)  # type: ignore[arg-type]


@given(amounts, amounts, st.sampled_from(QUALIFIER.codes), st.sampled_from(("en", "nl")))
@example(3e9, 4e9, "exact", "en")
@example(120e6, 127.6e6, "exact", "nl")
@example(500.0, 2e9, "about", "en")
def test_a_range_label_reads_as_the_page_writes_the_range(
    low: float, high: float, qualifier: str, lang: str
) -> None:
    low, high = sorted((low, high))
    assume(low < high)
    code = label_format(low, high, qualifier, lang, suffix=" · n")  # type: ignore[arg-type]
    assume(excel(code, high) == excel(code, high, ROUND_HALF_EVEN))
    assert excel(code, high) == format_range(low, high, lang, qualifier) + " · n"  # type: ignore[arg-type]


def test_cells_have_no_cents_from_a_million() -> None:
    assert euro_cell_format(3e9) == euro_cell_format(7600000.5) == '"€" #,##0'
    assert euro_cell_format(250.0) == '"€" #,##0'
    assert euro_cell_format(250.75) == '"€" #,##0.00'
    assert millions_cell_format(1500.0) == "#,##0"
    assert millions_cell_format(7.6) == "#,##0.0"


def test_a_headline_range_may_wrap_after_its_currency_never_inside_its_number_or_unit() -> None:
    """EUR 2.9-3.1 bn is wider than a narrow card: the break may come after "EUR" (a plain
    space), never between the number and "bn" (no-break space) or at the dash (word joiners).
    A single amount keeps the currency too: "EUR 6.1 bn" has no break at all."""
    from funding.charts import bounds_text
    from funding.selecting.totals import Bounds

    nbsp, joiner = "\u00a0", "\u2060"
    assert bounds_text(Bounds(2.9e9, 3.1e9), "en") == f"EUR 2.9{joiner}–{joiner}3.1{nbsp}bn"
    assert bounds_text(Bounds(2.9e9, 3.1e9), "nl") == f"€ 2,9{joiner}–{joiner}3,1{nbsp}mld"
    assert bounds_text(Bounds(6.1e9, 6.1e9), "en") == f"EUR{nbsp}6.1{nbsp}bn"
