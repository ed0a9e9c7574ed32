"""Shared fixtures: a small valid data set that tests copy and break one mistake at a time. Helpers that test
modules import live in tests/support.py; the tier markers (build, browser) follow the folder."""
from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from macros.data.dataset import load_valid_dataset
from tests.support import (  # noqa: F401 - re-exported for modules that still import them from here
    FIXTURE_DATA,
    ROOT,
    SESSION_BUILD,
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
    """The real site, built once per test run: `make test` runs pytest-xdist workers, and the first worker
    to ask builds it (under a lock in the run's shared temporary folder) for all of them. Tests only read
    it; a test that needs another site builds its own."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    out, done = shared / "real-site" / "site", shared / "real-site" / "gebouwd"
    with open(shared / "real-site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            out.parent.mkdir(exist_ok=True)
            result = build_site(out, env=SESSION_BUILD)
            assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
            done.touch()
    return out


REPORT = "report"


@pytest.fixture
def report(request: pytest.FixtureRequest) -> Callable[[str], None]:
    """Text a passing test shows anyway (an axe summary, a quality table): printed after the run, also
    when pytest-xdist runs the test in a worker whose own output is not shown."""
    return lambda text: request.node.user_properties.append((REPORT, text))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    texts = [(r.nodeid, value) for key in ("passed", "failed") for r in terminalreporter.stats.get(key, [])
             if getattr(r, "when", "") == "call" for name, value in getattr(r, "user_properties", ()) if name == REPORT]
    if texts:
        terminalreporter.section("samenvattingen van tests")
        for nodeid, text in sorted(texts):
            terminalreporter.write_line(f"{nodeid}\n{text.strip()}\n")
