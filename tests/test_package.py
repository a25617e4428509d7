"""The package as a user installs it: a wheel built from the checkout carries the data, and the
`funding` command it installs validates and exports the curated dataset from any directory.

No network: the wheel is built with the test environment's setuptools (no build isolation) in a
copy of the sources, and installed with --no-deps into a fresh venv that borrows the test
environment's site-packages for the runtime libraries (a .pth line after its own)."""

import csv
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest
from fixtures import ROOT

pytestmark = [pytest.mark.subprocess, pytest.mark.timeout(600)]

SOURCES = ("funding", "data", "pyproject.toml", "setup.py", "MANIFEST.in")


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = tmp_path_factory.mktemp("tree")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tree / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, tree / name)
    out = tmp_path_factory.mktemp("dist")
    pip = (sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index")
    built = run(*pip, "-w", out, tree, cwd=tree)
    assert built.returncode == 0, built.stderr
    (found,) = out.glob("*.whl")
    return found


def test_the_wheel_carries_the_data_and_the_codebook(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {"funding.csv", "documents.csv", "disagreements.csv", "dataset.json", "datapackage.json"}
    shipped |= {"README.md", "releases/1.0.0/funding.csv", "releases/1.1.0/dataset.json"}
    assert {f"funding/_data/{name}" for name in shipped} <= names
    assert "funding/cli/__init__.py" in names and "funding/i18n/__init__.py" in names


def test_funding_validate_works_installed_from_any_directory(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=False, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    purelib = run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=tmp_path)
    # The runtime libraries (and pip) from the test environment, after the venv's own packages.
    (Path(purelib.stdout.strip()) / "borrowed.pth").write_text(sysconfig.get_path("purelib") + "\n")
    installed = run(python, "-m", "pip", "install", "--no-deps", "--no-index", wheel, cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = run(python, "-c", "import funding.base.paths as p; print(p.DATA_DIR)", cwd=elsewhere)
    assert Path(where.stdout.strip()).is_relative_to(env_dir)  # the installed copy, not the checkout
    result = run(env_dir / "bin" / "funding", "validate", cwd=elsewhere)
    assert result.returncode == 0, result.stdout + result.stderr
    # The summary names the installed file and counts its rows, as many as the checkout's.
    with (ROOT / "data" / "funding.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = len(list(csv.DictReader(f)))
    assert result.stdout.startswith(f"{Path(where.stdout.strip()) / 'funding.csv'}: ")
    assert f" {rows} " in result.stdout.split("\n")[0]
    exported = run(env_dir / "bin" / "funding", "export", "selection.csv", cwd=elsewhere)
    assert exported.returncode == 0, exported.stdout + exported.stderr
    with (elsewhere / "selection.csv").open(encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.reader(f))) > rows  # a header, then every row (the CSV may add notes)
