"""The wheel carries the shipped data inside the package; pyproject.toml holds everything else.

Curators and scripts keep the dataset, its registries, releases and codebook in data/ at the top of
the checkout. An installed `funding` has no checkout, so the build copies those files to
funding/_data, where `funding.base.paths` looks first."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA = Path(__file__).resolve().parent / "data"
SHIPPED = (
    "funding.csv",
    "documents.csv",
    "disagreements.csv",
    "calls.csv",
    "dataset.json",
    "datapackage.json",
    "README.md",
    "CHANGELOG.md",
    "releases",
)


class BuildWithData(build_py):
    """build_py, then data/'s shipped files into the built package."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "funding" / "_data"
        for name in SHIPPED:
            source = DATA / name
            if not source.exists():  # a build from a tree without data/ must not ship without it
                raise SystemExit(f"setup.py: {source} is missing; the package cannot ship without it")
            if source.is_dir():
                shutil.copytree(source, target / name, dirs_exist_ok=True)
            else:
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / name)


setup(cmdclass={"build_py": BuildWithData})
