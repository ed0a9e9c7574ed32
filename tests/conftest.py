"""Shared fixtures: a small valid data set that tests copy and break one mistake at a time. Helpers that test
modules import live in tests/support.py; the tier markers (build, browser) follow the folder."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.data.dataset import load_valid_dataset
from tests.support import (  # noqa: F401 - re-exported for modules that still import them from here
    FIXTURE_DATA,
    ROOT,
    SITE_DATA,
    build_epoch,
    build_site,
    fixture_project,
    project_copy,
)

TIERS = {"build": "build", "browser": "browser"}  # tests/<folder>/ -> marker


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test by its folder, so `-m "not build and not browser"` (or `tests/unit`) is the fast lane
    and new test files need no decorator."""
    tests = Path(__file__).parent
    for item in items:
        parts = item.path.relative_to(tests).parts if item.path.is_relative_to(tests) else ()
        if parts and parts[0] in TIERS:
            item.add_marker(TIERS[parts[0]])


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh copy of the fixture data (schema included) inside tmp_path/data."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target, symlinks=False)
    return target


@pytest.fixture(scope="module")
def data():
    """The validated data of the session site (modules that test other data define their own)."""
    return load_valid_dataset(SITE_DATA, SITE_DATA.parent)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = build_site(out)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return out
