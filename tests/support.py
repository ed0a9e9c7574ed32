"""Helpers the test modules share: paths and the test build (fixtures live in conftest.py)."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

from scripts.host import advised_headers
from scripts.project import copy_project, mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"
# The data the session site (built_site) is built from: WIJKENGIDS_DATA if set, as mkdocs.yml reads it.
SITE_DATA = (ROOT / os.environ.get("WIJKENGIDS_DATA", "data")).resolve()


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


#: How the session's site (built_site) is built: a fixed hash seed and a time zone 14 hours ahead of UTC.
#: tests/build/test_determinism.py builds it once more with another seed and a zone 12 hours behind UTC:
#: 26 hours apart, so a date read from the clock would differ between the two.
SESSION_BUILD = {"PYTHONHASHSEED": "1", "TZ": "Pacific/Kiritimati"}


def build_site(out_dir: Path, *, project: Path | None = None,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Build the site with --strict into out_dir, the way `make build` does, from a project copy; env adds
    to the environment."""
    project = project or project_copy(out_dir.parent / f"{out_dir.name}-project")
    return mkdocs_build(project, out_dir, env={"SOURCE_DATE_EPOCH": build_epoch(), **(env or {})})

# The Content-Security-Policy docs/publiceren.md advises, parsed from there (scripts/host.py): the browser
# tests serve every page with it.
CSP = advised_headers()["Content-Security-Policy"]


def no_sideways_scroll(page) -> None:  # noqa: ANN001 - Playwright's Page (the browser tier's helper)
    """The page is no wider than the screen, and no visible table in the content is wider than the screen or
    scrolls inside its own box (measured by element boxes)."""
    sizes = page.evaluate("""() => ({doc: document.documentElement.scrollWidth, screen: innerWidth,
        tables: [...document.querySelectorAll('.md-content table')].filter(t => t.offsetParent).map(t => ({
            right: t.getBoundingClientRect().right, scroll: t.scrollWidth, client: t.clientWidth}))})""")
    assert sizes["doc"] <= sizes["screen"], sizes
    for table in sizes["tables"]:
        assert table["right"] <= sizes["screen"] and table["scroll"] <= table["client"], sizes


def git(repository: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """git in a test's own repository, as a made-up author (the web editor's proposals are commits)."""
    return subprocess.run(["git", "-c", "user.name=Proef", "-c", "user.email=proef@example.org", *args],
                          cwd=repository, capture_output=True, text=True, check=False)
