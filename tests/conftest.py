"""Shared fixtures: a small valid data set that tests copy and break one mistake at a time."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.page_readinglist import page_title
from macros.pages import GENERATED_DIRS

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh copy of the fixture data (schema included) inside tmp_path/data."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target, symlinks=False)
    return target


PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "macros", "data")


def project_copy(target: Path) -> Path:
    """A private copy of what a build reads, so test builds never write into the working tree
    (the generator writes pages into docs/) and may run beside other builds."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, symlinks=False, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def fixture_project(target: Path) -> Path:
    """A project copy for building with the small fixture data. Hand-written pages link to real
    records and cite the real reading list and glossary, so here they keep their title and get one
    line of plain text (the navigation stays as it is); generated pages come from the data as usual."""
    project = project_copy(target)
    docs = project / "docs"
    for page in docs.rglob("*.md"):
        rel = page.relative_to(docs).as_posix()
        if rel.split("/", 1)[0] not in GENERATED_DIRS:
            title = page_title(page.read_text(encoding="utf-8"), rel)
            page.write_text(f"# {title}\n\nTestpagina.\n", encoding="utf-8")
    return project


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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = build_site(out)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return out
