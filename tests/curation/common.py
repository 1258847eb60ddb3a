"""What the curation tests share: the command line, and a copy of the project's seeds (with
their annotations) to change."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from cmvisit_data.cli import main

from ..conftest import PROJECT_SEEDS


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def seeds_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(PROJECT_SEEDS, folder)
    return folder
