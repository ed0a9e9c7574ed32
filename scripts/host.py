"""A static host on 127.0.0.1 that behaves like the nginx set-up docs/publiceren.md advises: its
security headers, gzip for text, a week of cache for /assets/ and ten minutes for the rest, the
site's own 404 page. Lighthouse (scripts/audit.py) and the search benchmark (scripts/bench_search.py)
measure the site served this way, not a bare test server without compression or caching."""
from __future__ import annotations

import functools
import gzip
import http.server
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent

# What nginx in docs/publiceren.md compresses (text/html always) and what it keeps in the cache.
COMPRESSIBLE = {"text/html", "text/css", "text/plain", "text/javascript", "application/javascript",
                "application/json", "image/svg+xml", "application/xml", "text/xml"}
ASSET_CACHE = "public, max-age=604800"  # expires 7d in location /assets/
PAGE_CACHE = "max-age=600"  # expires 10m for everything else


def advised_headers() -> dict[str, str]:
    """The response headers docs/publiceren.md tells hosts to send, read from that page so that the
    audit measures what we advise rather than a copy that drifts from it."""
    text = (ROOT / "docs" / "publiceren.md").read_text(encoding="utf-8")
    headers = dict(re.findall(r'^\s*add_header ([A-Za-z-]+) "([^"]+)" always;', text, flags=re.M))
    if "Content-Security-Policy" not in headers:
        raise SystemExit("docs/publiceren.md: no `add_header Content-Security-Policy \"…\" always;` found")
    return headers


class QuietHost(http.server.SimpleHTTPRequestHandler):
    """Plain static files, plus the headers in headers_to_send, without a log line per request: the
    server of the browser tests and benchmarks (AdvisedHost adds what nginx does)."""

    headers_to_send: dict[str, str] = {}

    def end_headers(self) -> None:
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args: object) -> None:  # keep test and benchmark output readable
        pass


class AdvisedHost(QuietHost):
    """Static files the way the advised nginx host serves them: its headers, gzip for text, a week
    of cache for /assets/, and the site's own 404 page. Without these Lighthouse would score our
    test server (no compression, no cache) instead of the site."""

    def do_GET(self) -> None:
        self._serve(body=True)

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def _serve(self, body: bool) -> None:
        url_path = unquote(urlsplit(self.path).path)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not url_path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", url_path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            path = path / "index.html"
        status = 200
        if not path.is_file():
            status, path = 404, Path(self.directory) / "404.html"
        data = path.read_bytes() if path.is_file() else b"Not found"
        ctype = self.guess_type(str(path)) if path.is_file() else "text/plain"
        self.send_response(status)
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json", "image/svg+xml"):
            self.send_header("Content-Type", f"{ctype}; charset=utf-8")
        else:
            self.send_header("Content-Type", ctype)
        if ctype in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip.compress(data, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        if status == 200:
            self.send_header("Cache-Control", ASSET_CACHE if url_path.startswith("/assets/") else PAGE_CACHE)
        if status == 200:  # nginx sends it too; with it browsers may reuse a prefetched file
            self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)



def start_server(folder: Path, handler: type[QuietHost] = QuietHost,
                 server: http.server.ThreadingHTTPServer | None = None) -> http.server.ThreadingHTTPServer:
    """Serve folder from a background thread, on 127.0.0.1 at a free port (or on server, made earlier to
    know its port); stop it with .shutdown(). The one static file server of tests, benchmarks and audit."""
    server = server or http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.RequestHandlerClass = functools.partial(handler, directory=str(folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def server_url(server: http.server.ThreadingHTTPServer) -> str:
    """'http://127.0.0.1:PORT' of a server from start_server."""
    return f"http://127.0.0.1:{server.server_address[1]}"


@contextmanager
def static_server(folder: Path, handler: type[QuietHost] = QuietHost) -> Iterator[str]:
    """start_server as a context: yields the base URL, stops the server afterwards."""
    server = start_server(folder, handler)
    try:
        yield server_url(server)
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serving(folder: Path, server: http.server.ThreadingHTTPServer) -> Iterator[None]:
    """Serve folder the advised way on a server made beforehand (its port goes into the build)."""
    start_server(folder, AdvisedHost, server)
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()
