"""Shared fixtures: a small valid data set that tests copy and break one mistake at a time."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh copy of the fixture data (schema included) inside tmp_path/data."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target, symlinks=False)
    return target
