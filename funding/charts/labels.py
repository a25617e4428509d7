"""Bar names on at most a few lines, still told apart when a name must be shortened.

A chart's names are wrapped onto `lines` lines of `width` characters. A name too long for that
is shortened, first at its end, then in its middle (keeping its last words, where two figures
of one programme often differ: "… to mobilise by 2027" and "… to mobilise in 2026-2027").
Wherever a shortened label equals another bar's label, both keep more of themselves, up to the
whole name, so two bars never read the same: distinct names give distinct labels, whatever
they are (tests/test_labels.py checks it on random names).
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Sequence

ELLIPSIS = "…"

Label = tuple[str, ...]  # the lines of one name


def wrap(name: str, width: int) -> Label:
    """The name over as many lines of `width` characters as it needs, broken between words."""
    return tuple(textwrap.wrap(name, max(width, 1), break_on_hyphens=False)) or ("",)


def _words_fitting(words: Sequence[str], budget: int) -> int:
    """How many of `words`, from the first, fit `budget` characters with a space between each."""
    used, count = -1, 0
    for word in words:
        if used + 1 + len(word) > budget:
            break
        used, count = used + 1 + len(word), count + 1
    return count


def _cut_end(name: str, width: int, lines: int) -> Label:
    """The first `lines` lines, the last one ending in "…"."""
    kept = list(wrap(name, width)[:lines])
    last = kept[-1].split()
    kept[-1] = " ".join(last[: _words_fitting(last, width - 2)]) + ELLIPSIS
    return tuple(kept)


def _cut_middle(name: str, width: int, lines: int) -> Label:
    """The name's first words and its last, "…" where the middle was left out."""
    words = name.split()
    if lines > 1:
        head = list(wrap(name, width)[: lines - 1])
        first = sum(len(line.split()) for line in head)
        tail_budget = width - 2
    else:
        first = _words_fitting(words, (width - 2) // 2)
        head, tail_budget = [], width - 3 - len(" ".join(words[:first]))
    rest = words[first:]
    tail = rest[len(rest) - _words_fitting(rest[::-1], tail_budget) :]
    end = f"{ELLIPSIS} {' '.join(tail)}".strip()
    if lines > 1:
        return (*head, end)
    return (f"{' '.join(words[:first])} {end}".strip(),)


def _forms(name: str, width: int, lines: int) -> tuple[Label, ...]:
    """What a name may be shown as, shortest first; the last, the name as it is, is never shared
    by another name."""
    whole = wrap(name, width)
    if len(whole) <= lines:
        return (whole, (name,))
    return (_cut_end(name, width, lines), _cut_middle(name, width, lines), whole, (name,))


def fitted_names(names: Sequence[str], width: int, lines: int = 2) -> list[Label]:
    """Each name's lines: at most `lines` of `width` characters unless that would make two
    labels equal. Names that collide step to a longer form until no two labels are the same;
    at the last form each label is its name, so distinct names always end distinct."""
    forms = [_forms(name, width, lines) for name in names]
    level = [0] * len(names)
    while True:
        shown = [form[at] for form, at in zip(forms, level, strict=True)]
        seen = Counter(shown)
        clashing = [k for k, label in enumerate(shown) if seen[label] > 1 and level[k] < len(forms[k]) - 1]
        if not clashing:
            return shown
        for k in clashing:
            level[k] += 1
