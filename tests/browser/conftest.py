"""Playwright against Debian's Chromium and a local server over the built site.

Every request a page makes is recorded; anything not on 127.0.0.1 fails the test (privacy:
no third-party requests, ever).
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from scripts import chromium
from scripts.host import QuietHost, static_server
from scripts.project import copy_project
from tests.support import CSP, git

CHROMIUM = chromium.PATH


class _Handler(QuietHost):
    # The same Content-Security-Policy we advise hosts to send (docs/publiceren.md).
    headers_to_send = {"Content-Security-Policy": CSP}


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[str]:
    with static_server(built_site, _Handler) as url:
        yield url


@pytest.fixture(scope="session")
def base_url(site_server: str) -> str:
    return site_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: run `make test` (it installs it)"
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": chromium.ARGS,
    }


@pytest.fixture
def page(page, base_url: str):  # noqa: ANN001 - Playwright's Page
    """Playwright's page, plus a log of every request; foreign hosts and console errors fail the test."""
    foreign: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: foreign.append(r.url) if urlparse(r.url).hostname not in ("127.0.0.1", None)
            and not r.url.startswith(("data:", "blob:")) else None)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    assert foreign == [], f"requests left 127.0.0.1: {foreign}"
    assert errors == [], f"errors in the browser console: {errors}"
    assert page.context.cookies() == [], "the site set a cookie"


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git copy of the project per test module: the web editor writes here, never into the working
    tree's data/."""
    project = copy_project(tmp_path_factory.mktemp("editor") / "project")
    for args in (("init", "-q", "-b", "main"), ("add", "-A"), ("commit", "-qm", "begin")):
        assert git(project, *args).returncode == 0
    return project
