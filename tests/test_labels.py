"""Bar names on two lines, told apart when shortened (funding.charts.labels). Expected lines by hand:
character counts are written beside them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from funding.charts.labels import fitted_names, wrap

BY_2027 = "InvestEU: critical raw material-related investment to mobilise by 2027"
IN_2026 = "InvestEU: critical raw material-related investment to mobilise in 2026-2027"


def test_a_name_that_fits_two_lines_is_wrapped_whole_between_words() -> None:
    # "Battery Booster Facility (interest-free," is 40 characters; with " performance-based" 58 > 45.
    name = "Battery Booster Facility (interest-free, performance-based loans)"
    assert fitted_names([name], 45) == [
        ("Battery Booster Facility (interest-free,", "performance-based loans)")
    ]


def test_two_names_alike_to_their_last_words_keep_those_words() -> None:
    """At 30 characters both wrap to "InvestEU: critical raw" (22) / "material-related investment
    to" (30) / a third line, so both cut at the end read "material-related investment…": the
    same. Both then keep their last words instead, as many as fit 30 - 2 for "… ":
    "to mobilise by 2027" (19; with "investment " 30 > 28) and "to mobilise in 2026-2027" (24)."""
    assert fitted_names([BY_2027, IN_2026], 30) == [
        ("InvestEU: critical raw", "… to mobilise by 2027"),
        ("InvestEU: critical raw", "… to mobilise in 2026-2027"),
    ]
    # Alone, a name is cut at its end: "material-related investment" (27) fits 30 - 2, with "…".
    assert fitted_names([BY_2027], 30) == [("InvestEU: critical raw", "material-related investment…")]


def test_a_shortened_label_never_equals_another_name() -> None:
    """On one line of 10: "alpha beta gamma" cut at its end is "alpha…" ("alpha beta" is 10 >
    8), which is the other name as written; so it keeps its last word instead: nothing of its
    start fits (10 - 2) // 2 = 4, and "gamma" fits 10 - 3 ("beta gamma" is 10)."""
    assert fitted_names(["alpha beta gamma", "alpha…"], 10, lines=1) == [("… gamma",), ("alpha…",)]


def test_names_that_shorten_alike_in_every_way_are_shown_whole() -> None:
    """At 9 characters both cut at the end read "aaaa bbbb" / "cccc…" ("cccc xxxx" is 9 > 7),
    and in the middle "aaaa bbbb" / "… zzzz" ("xxxx zzzz" is 9 > 7): the same both ways, so
    both are shown over as many lines as they need."""
    one, two = "aaaa bbbb cccc xxxx zzzz", "aaaa bbbb cccc yyyy zzzz"
    assert fitted_names([one, two], 9) == [wrap(one, 9), wrap(two, 9)]
    assert wrap(one, 9) == ("aaaa bbbb", "cccc xxxx", "zzzz")


WORDS = st.sampled_from(["a", "ab", "abc", "abcd", "x", "xy", "…", "a-b", "abcdefghijklmnop"])
SEPARATORS = st.sampled_from([" ", "  ", "\t"])


@st.composite
def names(draw: st.DrawFn) -> str:
    """Names made of few, short words, so that shortened forms often collide."""
    words = draw(st.lists(WORDS, min_size=1, max_size=12))
    return "".join(word + draw(SEPARATORS) for word in words).strip() or draw(st.text(max_size=20))


@given(
    st.lists(st.one_of(names(), st.text(max_size=60)), unique=True, max_size=12),
    st.integers(min_value=1, max_value=40),
    st.integers(min_value=1, max_value=3),
)
def test_distinct_names_always_give_distinct_labels(given_names: list[str], width: int, lines: int) -> None:
    labels = fitted_names(given_names, width, lines)
    assert len(labels) == len(given_names)
    assert len(set(labels)) == len(labels)


@given(st.lists(names(), unique=True, max_size=8), st.integers(min_value=4, max_value=40))
def test_a_name_that_fits_is_never_shortened(given_names: list[str], width: int) -> None:
    """Every label is the name's own wrap when that fits two lines (or, if two wraps are equal,
    the name as written); only names that do not fit show "…" that they do not hold."""
    for name, label in zip(given_names, fitted_names(given_names, width), strict=True):
        whole = wrap(name, width)
        if len(whole) <= 2:
            assert label in (whole, (name,))
        elif "…" not in name and label != (name,) and label != whole:
            assert "…" in "".join(label) and all(len(line) <= width for line in label)
