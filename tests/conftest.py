"""Shared fixtures: a small valid data set that tests copy and break one mistake at a time."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.dataset import load_valid_dataset
from scripts.project import copy_project

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"
# The data the session site (built_site) is built from: WIJKENGIDS_DATA if set, as mkdocs.yml reads it.
SITE_DATA = (ROOT / os.environ.get("WIJKENGIDS_DATA", "data")).resolve()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh copy of the fixture data (schema included) inside tmp_path/data."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target, symlinks=False)
    return target


def project_copy(target: Path) -> Path:
    """A private copy of what a build reads (scripts/project.py): test builds never touch the working tree."""
    return copy_project(target)


def fixture_project(target: Path) -> Path:
    """A project copy for building with the small fixture data: hand-written pages become plain text."""
    return copy_project(target, plain_pages=True)


def build_epoch() -> str:
    """The SOURCE_DATE_EPOCH test builds run with: make's (the last commit) or a fixed one. Pages that
    depend on the build date (review notes) are checked against this."""
    return os.environ.get("SOURCE_DATE_EPOCH", "1700000000")


def build_site(out_dir: Path, *, project: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Build the site with --strict into out_dir, the way `make build` does, from a project copy."""
    project = project or project_copy(out_dir.parent / f"{out_dir.name}-project")
    env = dict(os.environ, SOURCE_DATE_EPOCH=build_epoch())
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(out_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


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
