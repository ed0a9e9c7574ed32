"""Playwright against Debian's Chromium and a local server over the built site.

Every request a page makes is recorded; anything not on 127.0.0.1 fails the test (privacy:
no third-party requests, ever).
"""
from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from scripts import chromium
from tests.support import CSP

CHROMIUM = chromium.PATH


class _Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        # The same Content-Security-Policy we advise hosts to send (docs/publiceren.md).
        self.send_header("Content-Security-Policy", CSP)
        super().end_headers()

    def log_message(self, *args: object) -> None:  # keep test output readable
        pass


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[str]:
    handler = functools.partial(_Handler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


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
