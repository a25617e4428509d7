"""A file's problems are said in the reader's language by their codes: each text a producer can
emit exists in every language, filled by exactly the details the producer gives.

`problems_support.every_problem` makes every problem on purpose (the bad corpus, rows for each
rule, the companion files, quotes, warnings); the source is also read for every `problem(...)`
with a written code, so a new code without a text fails here even before a case makes it.
"""

from __future__ import annotations

import ast
import csv
import string
from functools import cache
from pathlib import Path

import pytest
from apptest_support import data_upload, open_view, run
from factory import csv_bytes
from fixtures import ROOT
from problems_support import BAD, RULE_ROWS, every_problem
from streamlit.testing.v1 import AppTest

from funding.base.errors import Problem
from funding.i18n import TEXTS, cell_problems, rule_problems
from funding.i18n.forms import Entry
from funding.i18n.languages import codes


def placeholders(entry: Entry) -> set[str]:
    texts = [entry] if isinstance(entry, str) else list(entry.values())
    return {name for text in texts for _, name, _, _ in string.Formatter().parse(text) if name}


@cache
def made(folder: Path) -> tuple[tuple[str, Problem], ...]:
    return tuple(every_problem(folder))


@pytest.fixture(scope="module")
def problems(tmp_path_factory: pytest.TempPathFactory) -> tuple[tuple[str, Problem], ...]:
    return made(tmp_path_factory.mktemp("problems"))


def test_every_problem_has_its_text_in_every_language_filled_by_its_details(
    problems: tuple[tuple[str, Problem], ...],
) -> None:
    assert len(problems) > 100
    for where, problem in problems:
        details = {name for name, _ in problem.details}
        for lang in codes():
            assert problem.key in TEXTS and lang in TEXTS[problem.key], (where, problem, lang)
            assert placeholders(TEXTS[problem.key][lang]) == details, (where, problem, lang)
            assert problem.message_in(lang)


def test_the_cases_say_every_text_and_reach_every_code_of_the_corpus(
    problems: tuple[tuple[str, Problem], ...],
) -> None:
    """No text of a file's problems is left unsaid (each is reached by a case, so the test
    above checked it), and every code the bad corpus lists is among the cases'."""
    written = set(cell_problems.TEXTS) | set(rule_problems.TEXTS)
    assert {p.key for _, p in problems} == written
    with (BAD / "expected.csv").open(encoding="utf-8") as manifest:
        listed = {
            triple.rsplit(":", 1)[1]
            for entry in csv.DictReader(manifest)
            for triple in entry["problems"].split()
        }
    assert listed and listed <= {p.code for _, p in problems}


def written_keys() -> set[tuple[str, str]]:
    """(file:line, key) of every `problem(...)` in the source whose code (and text) is written out."""
    found = set()
    for path in sorted((ROOT / "funding").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "problem"
            ):
                continue
            code = node.args[2] if len(node.args) > 2 else None
            text = next((k.value for k in node.keywords if k.arg == "text"), None)
            if text is not None and not isinstance(text, ast.Constant):
                continue  # a text chosen at run time: the cases reach it
            named = text if text is not None and text.value else code
            if isinstance(named, ast.Constant) and isinstance(named.value, str):
                found.add((f"{path.name}:{node.lineno}", f"invalid_{named.value}"))
    return found


def test_every_code_written_in_the_source_has_a_text() -> None:
    found = written_keys()
    assert len(found) > 30  # the scan finds the producers (38 calls write their code out)
    assert [(where, key) for where, key in sorted(found) if key not in TEXTS] == []


@pytest.mark.apptest
def test_a_bad_upload_in_dutch_lists_its_problems_in_dutch() -> None:
    """Every message in the problem table is the Dutch text of its code: no English text of ours."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["lang"] = "nl"
    open_view(at, "data")
    data_upload(at).set_value(("regels.csv", csv_bytes(RULE_ROWS), "text/csv"))
    run(at)
    (table,) = at.table
    messages = [str(m) for m in table.value.iloc[:, 2]]
    english = {
        literal.strip()
        for key in (*cell_problems.TEXTS, *rule_problems.TEXTS)
        for literal, *_ in string.Formatter().parse(str(TEXTS[key]["en"]))
        if len(literal.strip()) >= 10
    }
    assert len(messages) > 20
    assert [(m, e) for m in messages for e in english if e in m.replace("\\", "")] == []
