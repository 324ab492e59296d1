"""Build hook: the top-level ``resources/`` and ``corpus/`` folders (and the search help)
become package data of the built wheel, under ``reader/_data/`` (see reader/_data)."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
IGNORE = shutil.ignore_patterns(".*", "__pycache__", "*.pyc")


def copy_data(target: Path) -> None:
    """Copy the app's data into ``target`` (``.../reader/_data``)."""
    for name in ("resources", "corpus"):
        shutil.copytree(HERE / name, target / name, dirs_exist_ok=True, ignore=IGNORE)
    help_dir = target / "resources" / "help"
    help_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy2(HERE / "docs" / "search.md", help_dir / "search.md")


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if not self.dry_run:
            copy_data(Path(self.build_lib) / "reader" / "_data")


setup(cmdclass={"build_py": BuildWithData})
