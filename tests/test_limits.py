"""Bounded work for every input: special files, zip bombs, macro templates, files full of problems.

Each case is one an attacker or an unlucky analyst can send; each must end in a clear error with
a code, and the memory it costs is measured in this process (tracemalloc counts every Python
allocation, Arrow's and zlib's buffers included) or, for the command line, as the child's peak
RSS, against a stated bound far below what the unbounded version took.
"""

from __future__ import annotations

import io
import os
import socket
import struct
import subprocess
import sys
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from factory import csv_bytes, row
from fixtures import document_id, peak_mib
from pptx import Presentation

from funding.base.errors import MAX_PROBLEMS, InvalidData, ProblemLog, UnreadableFile, problem
from funding.intake.archives import TEMPLATE_MAX_BYTES, TEMPLATE_MAX_ENTRIES, checked_template
from funding.intake.records import COLUMNS
from funding.intake.table import COLUMN_ORDER
from funding.registry.dataset_info import load_info
from funding.registry.documents import load_documents
from funding.registry.loading import MAX_BYTES, load_dataset, parse_csv

ROOT = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024


def run_cli(*args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    """`python -m funding ARGS` in a child that reports its own peak RSS (MiB) on the last line.

    VmHWM of /proc/self/status, not getrusage: ru_maxrss survives exec and so counts the pytest
    process the child was forked from."""
    code = (
        "import runpy, sys\n"
        f"sys.argv = ['funding', *{list(args)!r}]\n"
        "try:\n    runpy.run_module('funding', run_name='__main__')\n"
        "except SystemExit as exit:\n    status = exit.code\n"
        "peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0].split()[1]\n"
        "print(peak, file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    *rest, rss_kib = result.stderr.rstrip("\n").split("\n")
    result.stderr = "\n".join(rest)
    return result, int(rss_kib) / 1024


# ---------------------------------------------------------------------------------------------
# Special files: FIFOs, devices, sockets and directories get their own code, never a hang


@pytest.fixture
def special_files(tmp_path: Path) -> Iterator[dict[str, Path]]:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)  # nobody writes to it: a plain open() would block forever
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "socket.csv"))
    try:
        yield {
            "fifo": fifo,
            "device": Path("/dev/zero"),  # reports size 0 and never ends
            "socket": tmp_path / "socket.csv",
            "directory": tmp_path,
        }
    finally:
        sock.close()


SPECIAL = {"fifo": "not_regular_file", "device": "not_regular_file", "socket": "not_regular_file"}
SPECIAL["directory"] = "is_directory"


@pytest.mark.timeout(60)
@pytest.mark.parametrize("kind", sorted(SPECIAL))
@pytest.mark.parametrize(
    "reader", [load_dataset, load_documents, load_info], ids=["dataset", "documents", "metadata"]
)
def test_special_files_are_refused_by_every_reader(
    kind: str, reader: Callable[[Path], object], special_files: dict[str, Path]
) -> None:
    with pytest.raises(UnreadableFile) as caught:
        reader(special_files[kind])
    assert caught.value.code == SPECIAL[kind]


@pytest.mark.timeout(120)
@pytest.mark.parametrize("kind", ["fifo", "device", "socket"])
@pytest.mark.parametrize(
    "place",
    [
        ("validate", "{}"),
        ("validate", "data/funding.csv", "--documents", "{}"),
        ("export", "{out}", "--data", "{}"),
        ("export", "{out}", "--template", "{}"),
    ],
    ids=["validate", "documents", "export-data", "template"],
)
@pytest.mark.subprocess
def test_command_line_refuses_special_files_with_exit_2(
    kind: str, place: tuple[str, ...], special_files: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "out.pptx"
    args = [a.format(special_files[kind], out=out) for a in place]
    result, rss = run_cli(*args)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert rss < 200  # MiB, the whole CLI (about 80); reading /dev/zero ended in a MemoryError before
    (line,) = result.stderr.splitlines()
    assert line == f"error: {special_files[kind]}: is {_KIND_TEXT[kind]}, not a regular file"
    assert not out.exists()


_KIND_TEXT = {"fifo": "a named pipe (FIFO)", "device": "a character device", "socket": "a socket"}


@pytest.mark.timeout(120)
@pytest.mark.apptest
def test_the_page_serves_no_special_file(special_files: dict[str, Path]) -> None:
    """FUNDING_DATA naming a FIFO shows the reason on the page instead of hanging the server."""
    from streamlit.testing.v1 import AppTest

    previous = os.environ.get("FUNDING_DATA")
    os.environ["FUNDING_DATA"] = str(special_files["fifo"])
    try:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        at.run()
    finally:
        if previous is None:
            del os.environ["FUNDING_DATA"]
        else:
            os.environ["FUNDING_DATA"] = previous
    assert not at.exception
    assert any("not a regular file" in e.value.replace("\\", "") for e in at.error)


def test_a_local_file_over_its_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    """A 1 GiB sparse file with --max-mb 1: fstat says too large, nothing is read (peak < 1 MiB)."""
    big = tmp_path / "big.csv"
    with big.open("wb") as out:
        out.truncate(1024 * MIB)
    assert peak_mib(lambda: load_dataset(big, max_bytes=MIB)) < 1
    with pytest.raises(UnreadableFile) as caught:
        load_dataset(big, max_bytes=MIB)
    assert (caught.value.code, caught.value.reason) == ("too_large", "is 1024.0 MB; the limit is 1 MB")


# ---------------------------------------------------------------------------------------------
# Slide templates: what they inflate to, not what they declare


def _entry(
    name: str, raw: bytes, *, declared: int, crc: int, flags: int = 0, method: int = 8
) -> tuple[bytes, bytes]:
    """A local header + data, and its central-directory record, with sizes as given."""
    encoded = name.encode()
    fields = (20, flags, method, 0, 0x21, crc, len(raw), declared, len(encoded), 0)
    local = struct.pack("<4s5HIIIHH", b"PK\x03\x04", *fields) + encoded + raw
    central = struct.pack("<4s6HIIIHHHHHII", b"PK\x01\x02", 20, *fields[:-1], 0, 0, 0, 0, 0, 0)
    return local, central + encoded


def zip_of(entries: list[tuple[str, bytes, int, int]], *, flags: int = 0) -> bytes:
    """A zip built by hand from (name, deflated data, declared size, crc): zipfile would not lie."""
    body, directory = b"", b""
    for name, raw, declared, crc in entries:
        local, central = _entry(name, raw, declared=declared, crc=crc, flags=flags)
        directory += central[:42] + struct.pack("<I", len(body)) + central[46:]
        body += local
    end = struct.pack(
        "<4s4HIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(directory), len(body), 0
    )
    return body + directory + end


def deflated(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def gib_of_zeros() -> bytes:
    """A raw deflate stream of 1 GiB of zeros, 1 MB long: one 1 MiB block repeated 1,024 times
    (a full flush makes each block independent of the ones before it)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(MIB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block * 1024 + compressor.flush()


def blank_template() -> list[tuple[str, bytes, int, int]]:
    """python-pptx's own default template, as entries for `zip_of`."""
    import zipfile

    buffer = io.BytesIO()
    Presentation().save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return [
            (info.filename, deflated(data := archive.read(info)), len(data), zlib.crc32(data))
            for info in archive.infolist()
        ]


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """The issue's attack: a valid template plus an image entry that declares 1,000 bytes and
    holds 1 GiB of zeros, its CRC that of the real content. 1 MB on the wire."""
    zeros = gib_of_zeros()
    crc = 0
    for _ in range(1024):
        crc = zlib.crc32(bytes(MIB), crc)
    return zip_of([*blank_template(), ("ppt/media/image1.png", zeros, 1000, crc)])


@pytest.mark.slow  # a GiB inflated under tracemalloc
def test_a_gib_zip_bomb_declared_as_1_kb_is_refused_in_bounded_memory(bomb: bytes) -> None:
    """zipfile stops at the declared 1,000 bytes and their CRC does not match: refused. The old
    check (declared sizes) passed it and python-pptx inflated the GiB (2.26 GB on the server)."""
    assert len(bomb) < 1.2 * MIB
    assert peak_mib(lambda: checked_template(bomb)) < 16
    with pytest.raises(UnreadableFile) as caught:
        checked_template(bomb)
    assert caught.value.code == "template_not_pptx"


@pytest.mark.slow  # a GiB inflated under tracemalloc
def test_a_bomb_with_a_matching_crc_is_cut_to_its_declared_size(bomb: bytes) -> None:
    """With the CRC of the first 1,000 bytes the entry reads as those 1,000 bytes, and the
    rebuilt archive holds exactly them: python-pptx never sees the GiB behind them."""
    import zipfile

    entries = [*blank_template(), ("ppt/media/image1.png", gib_of_zeros(), 1000, zlib.crc32(bytes(1000)))]
    crafted = zip_of(entries)
    assert peak_mib(lambda: checked_template(crafted)) < 16
    with zipfile.ZipFile(io.BytesIO(checked_template(crafted))) as rebuilt:
        assert rebuilt.read("ppt/media/image1.png") == bytes(1000)
        info = rebuilt.getinfo("ppt/media/image1.png")
        assert (info.file_size, info.compress_size < 100) == (1000, True)


@pytest.mark.slow  # a GiB inflated under tracemalloc
def test_an_honest_gib_entry_stops_at_the_inflation_budget() -> None:
    """Declared as 1 GiB: inflated in 64 kB chunks until the 60 MB budget is passed."""
    crc = 0
    for _ in range(1024):
        crc = zlib.crc32(bytes(MIB), crc)
    honest = zip_of([*blank_template(), ("ppt/media/image1.png", gib_of_zeros(), 1024 * MIB, crc)])
    assert peak_mib(lambda: checked_template(honest)) < 16
    with pytest.raises(UnreadableFile) as caught:
        checked_template(honest)
    assert (caught.value.code, caught.value.reason) == (
        "template_inflates_too_much",
        "unpacks to more than 60 MB",
    )


@pytest.mark.subprocess
def test_the_command_line_refuses_the_bomb_in_bounded_memory(bomb: bytes, tmp_path: Path) -> None:
    """The whole CLI (Python, pandas, pyarrow, python-pptx loaded: about 155 MiB) stays under
    300 MiB of RSS; inflating the bomb alone would need over 1,024 MiB."""
    template = tmp_path / "bomb.pptx"
    template.write_bytes(bomb)
    result, rss = run_cli("export", str(tmp_path / "deck.pptx"), "--template", str(template))
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {template}: ")
    assert rss < 300
    assert not (tmp_path / "deck.pptx").exists()


@pytest.mark.apptest
def test_the_page_refuses_the_bomb_in_bounded_memory(bomb: bytes) -> None:
    """Uploaded on the page (AppTest runs the script in this process, so tracemalloc sees it)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()

    def upload() -> None:
        at.file_uploader(key="pptx_template").set_value(("brand.pptx", bomb, "application/zip"))
        at.run()

    assert peak_mib(upload) < 64
    assert not at.exception
    assert any("is not a PowerPoint .pptx/.potx file" in e.value.replace("\\", "") for e in at.error)


def _with(extra: list[tuple[str, bytes]], *, replace_types: tuple[bytes, bytes] | None = None) -> bytes:
    entries = blank_template()
    if replace_types is not None:
        old, new = replace_types
        entries = [
            (n, deflated(t := _inflate(d).replace(old, new)), len(t), zlib.crc32(t))
            if n == "[Content_Types].xml"
            else (n, d, s, c)
            for n, d, s, c in entries
        ]
    entries += [(name, deflated(data), len(data), zlib.crc32(data)) for name, data in extra]
    return zip_of(entries)


def _inflate(raw: bytes) -> bytes:
    return zlib.decompress(raw, -15)


@pytest.mark.parametrize(
    "template",
    [
        _with([("ppt/vbaProject.bin", b"\xd0\xcf\x11\xe0 VBA")]),
        _with([("ppt/activeX/activeX1.xml", b"<ax/>")]),
        _with(
            [],
            replace_types=(
                b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
                b"application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
            ),
        ),
    ],
    ids=["vbaProject.bin", "activeX", "pptm-renamed-pptx"],
)
def test_macro_enabled_templates_are_refused(template: bytes) -> None:
    with pytest.raises(UnreadableFile) as caught:
        checked_template(template)
    assert caught.value.code == "template_macros"


@pytest.mark.subprocess
def test_a_macro_template_never_reaches_a_deck(tmp_path: Path) -> None:
    """Through the command line: exit 2, no deck written (the old code carried vbaProject.bin)."""
    template = tmp_path / "macro.pptx"
    template.write_bytes(_with([("ppt/vbaProject.bin", b"\xd0\xcf\x11\xe0 VBA")]))
    result, _ = run_cli("export", str(tmp_path / "deck.pptx"), "--template", str(template))
    assert result.returncode == 2
    assert "ppt/vbaProject.bin" in result.stderr  # the refused part, named
    assert not (tmp_path / "deck.pptx").exists()


def test_encrypted_and_oversized_templates_and_too_many_parts() -> None:
    encrypted = zip_of([(n, d, s, c) for n, d, s, c in blank_template()], flags=0x1)
    with pytest.raises(UnreadableFile) as caught:
        checked_template(encrypted)
    assert caught.value.code == "template_encrypted"
    with pytest.raises(UnreadableFile) as caught:
        checked_template(b"PK" + bytes(TEMPLATE_MAX_BYTES))
    assert caught.value.code == "template_too_large"
    many = zip_of([(f"part{i}.xml", deflated(b""), 0, 0) for i in range(TEMPLATE_MAX_ENTRIES + 1)])
    assert peak_mib(lambda: checked_template(many)) < 4  # refused from the directory's count
    with pytest.raises(UnreadableFile) as caught:
        checked_template(many)
    assert caught.value.code == "template_too_many_parts"


def test_a_real_template_survives_the_rebuild() -> None:
    """The check is not a filter that breaks good files: python-pptx opens the rebuilt deck."""
    buffer = io.BytesIO()
    Presentation().save(buffer)
    rebuilt = Presentation(io.BytesIO(checked_template(buffer.getvalue())))
    assert len(rebuilt.slide_layouts) == len(Presentation().slide_layouts)


# ---------------------------------------------------------------------------------------------
# A file where every cell is wrong


def every_cell_wrong(size: int) -> tuple[bytes, int]:
    """As many rows of "<a" in every column as fit in `size` bytes: markup for text, not a slug,
    not a code, not a number, not yes/no, not a date, not a URL."""
    header = (",".join(COLUMNS) + "\r\n").encode()
    line = (",".join(["<a"] * len(COLUMNS)) + "\r\n").encode()
    rows = (size - len(header)) // len(line)
    return header + line * rows, rows


@pytest.mark.timeout(600)
@pytest.mark.slow
def test_a_5_mb_file_where_every_cell_is_wrong_costs_bounded_memory() -> None:
    """Every row holds 34 problems, counted by hand:
    - 26 from the model, one per field except the three the loader parses first
      (amount_eur, battery_specific, parts_disjoint), which give 3 problems of their own;
    - 3 row rules: an amount on a row whose record_type is not money, a row that is its own
      parent, a row that lists itself in may_overlap;
    - 2 from the file: an unknown source document, and a duplicate id (not on line 2, the first);
      line 2 has instead the one parent cycle ("<a" is its own parent).
    So 32 + 2 = 34 per row and 34 * rows in all. The old loader kept every one: 500 MB."""
    data, rows = every_cell_wrong(MAX_BYTES)
    assert len(data) <= MAX_BYTES

    def load() -> None:
        parse_csv(data, known_documents={"doc"})

    assert peak_mib(load) < 120  # the file, its text, its Arrow table, 1,000 problems
    with pytest.raises(InvalidData) as caught:
        load()
    error = caught.value
    assert error.total == 34 * rows
    assert len(error.problems) == MAX_PROBLEMS
    assert error.truncated
    # Kept in order: lines 2..30 whole (29 * 34 = 986 problems) and the first 14 of line 31.
    assert (error.problems[0].line, error.problems[-1].line) == (2, 31)
    doubled = {"id": 2 * rows - 1, "parent_id": 2 * rows + 1, "amount_eur": 2 * rows}
    doubled |= {"may_overlap": 2 * rows, "source_document": 2 * rows}
    assert error.by_column == {c: doubled.get(c, rows) for c in COLUMNS}


@pytest.mark.subprocess
def test_the_command_line_lists_the_first_problems_and_counts_the_rest(tmp_path: Path) -> None:
    data, rows = every_cell_wrong(200_000)
    path = tmp_path / "wrong.csv"
    path.write_bytes(data)
    result, _ = run_cli("validate", str(path))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == MAX_PROBLEMS + 2
    assert lines[-2].startswith(f"{path}: {34 * rows} problems, the first {MAX_PROBLEMS} listed; by column: ")
    assert lines[-1].startswith(f"{path}: {34 * rows} ")


def test_problem_log_keeps_the_first_by_place_whatever_the_order_they_arrive_in() -> None:
    log = ProblemLog(COLUMN_ORDER, limit=3)
    for line in (9, 5, 7, 2, 8):
        log.add(problem(line, "level", "unknown_code", "x" * 500, given="'x'", codes="EU, NL"))
    log.add(problem(5, "id", "bad_id"))  # id comes before level on the same line
    error = log.error("f")
    assert [(p.line, p.column) for p in error.problems] == [(2, "level"), (5, "id"), (5, "level")]
    assert (error.total, error.by_column) == (6, {"level": 5, "id": 1})
    assert len(error.problems[0].value) == 200  # a long cell is cut, not repeated in full


# ---------------------------------------------------------------------------------------------
# Refused uploads are not kept in the shared cache


@pytest.mark.apptest
def test_refused_uploads_are_not_shared_between_sessions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counted calls of the loader: a refused file is parsed once per session (a rerun does not
    parse it again) and again by another session, because it was never put in the shared
    cache; a valid file is parsed once for every session."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    import funding.registry.loading

    st.cache_resource.clear()  # another test's uploads must not answer from the shared cache
    calls: list[str] = []
    original = funding.registry.loading.parse_csv

    def counting(data: bytes, **kwargs: Any) -> Any:
        calls.append(kwargs.get("source", ""))
        return original(data, **kwargs)

    monkeypatch.setattr("app.loading.parse_csv", counting)  # where the page calls it
    bad = csv_bytes([row("a", level="Mars")])
    good = csv_bytes([row("b", source_document=document_id())])  # a registered document

    def session(name: str, data: bytes) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        at.query_params["view"] = "data"
        at.run()
        at.file_uploader(key="upload_0").set_value((name, data, "text/csv"))
        at.run()
        return at

    first = session("bad.csv", bad)
    first.radio(key="lang").set_value("nl").run()  # a rerun of the same session
    assert calls.count("bad.csv") == 1
    session("bad.csv", bad)
    assert calls.count("bad.csv") == 2
    session("good.csv", good)
    session("good.csv", good)
    assert calls.count("good.csv") == 1
