"""The web editor (Decap CMS at /redactie/bewerken/) on this machine.

    python -m scripts.editor bundel     copy Decap CMS from tools/editor/node_modules into the site's sources
    python -m scripts.editor start      build the site, then serve it with the local backend (`make editor`)

In local mode the editor writes into this working copy's data/ folder through decap-server (npm, pinned
in tools/editor/package-lock.json). The site and the backend share one address: this server answers
POST /api/v1 by passing it on to decap-server, so the editor page makes no request to any other host.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import http.client
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from macros.site.editor_config import BUNDLE_DIR, EDITOR_DIR, LOCAL_BACKEND
from scripts.project import mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools" / "editor"
MODULES = TOOLS / "node_modules"
DECAP_SERVER = MODULES / "decap-server" / "dist" / "index.js"


def bundle(docs_dir: Path = ROOT / "docs") -> Path:
    """Copy Decap CMS (and the YAML library editor.js uses) into docs/redactie/bewerken/decap/."""
    source = MODULES / "decap-cms" / "dist"
    if not (source / "decap-cms.js").is_file():
        raise SystemExit(f"{source} ontbreekt: draai eerst `make editor` of `cd tools/editor && npm ci`")
    target = docs_dir / EDITOR_DIR / BUNDLE_DIR
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for path in sorted(source.iterdir()):
        # The app, its lazily loaded parts and their licences; no source maps (30 MB, for debugging only).
        if path.name.endswith(("decap-cms.js", ".wasm", "LICENSE.txt")) and not path.name.startswith("cms"):
            shutil.copy2(path, target / path.name)
    shutil.copytree(MODULES / "yaml" / "browser" / "dist", target / "yaml")
    shutil.copy2(MODULES / "yaml" / "LICENSE", target / "yaml" / "LICENSE")
    return target


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Handler(http.server.SimpleHTTPRequestHandler):
    backend = ""     # http://127.0.0.1:<port>/api/v1 of decap-server
    headers_extra: dict[str, str] = {}

    def end_headers(self) -> None:
        for name, value in self.headers_extra.items():
            self.send_header(name, value)
        super().end_headers()

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        if self.path.split("?")[0] != LOCAL_BACKEND:
            self.send_error(404)
            return
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        request = urllib.request.Request(self.backend, data=body, method="POST",
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                status, payload = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, payload = error.code, error.read()
        except (urllib.error.URLError, ConnectionError, http.client.HTTPException) as error:
            status, payload = 502, json.dumps({"error": f"decap-server: {error}"}).encode()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the page went away meanwhile
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


def _wait_for(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"decap-server stopte (code {process.returncode})")
        try:
            request = urllib.request.Request(url, data=json.dumps({"action": "info"}).encode(), method="POST",
                                             headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError("decap-server antwoordde niet")


@contextlib.contextmanager
def serve(site: Path, repository: Path, *, mode: str = "fs", port: int = 0,
          headers: dict[str, str] | None = None, log: Path | None = None) -> Iterator[str]:
    """Serve the built site at http://127.0.0.1:<port> with decap-server behind /api/v1, writing into
    `repository` (mode 'fs': files straight into its data/; 'git': every save a local branch, as the
    editorial workflow does on GitHub). Yields the site's address."""
    if not DECAP_SERVER.is_file():
        raise SystemExit(f"{DECAP_SERVER} ontbreekt: draai `make editor` (installeert tools/editor)")
    backend_port = free_port()
    environment = {**os.environ, "PORT": str(backend_port), "BIND_HOST": "127.0.0.1", "MODE": mode,
                   "GIT_REPO_DIRECTORY": str(repository), "LOG_LEVEL": "info" if log else "error"}
    output = log.open("w") if log else subprocess.DEVNULL
    process = subprocess.Popen(["node", str(DECAP_SERVER)], env=environment, cwd=repository,
                               stdout=output, stderr=subprocess.STDOUT)
    server = None
    try:
        backend = f"http://127.0.0.1:{backend_port}{LOCAL_BACKEND}"
        _wait_for(backend, process)
        handler = type("Handler", (_Handler,), {"backend": backend, "headers_extra": dict(headers or {})})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        if server:
            server.shutdown()
            server.server_close()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        if not isinstance(output, int):
            output.close()


def start(port: int) -> None:
    """`make editor`: build the site from this working copy, then serve it with the local backend."""
    site = ROOT / "site"
    result = mkdocs_build(ROOT, site, capture=False, timeout=None)
    if result.returncode != 0:
        raise SystemExit(result.returncode)
    with serve(site, ROOT, mode="fs", port=port) as url:
        print(f"\nDe web-editor draait op {url}/redactie/bewerken/ (stoppen: Ctrl+C).\n"
              "Wat je opslaat, komt meteen in data/ van deze map. Bekijk het met `git diff`, en controleer\n"
              "het met `python -m scripts.wijkengids controleer`. De site zelf ververst niet vanzelf:\n"
              "start daarvoor `make serve` in een tweede venster.", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            print("\nGestopt.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.editor", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("bundel", help="kopieer Decap CMS naar docs/redactie/bewerken/decap/")
    starter = commands.add_parser("start", help="bouw de site en start de editor met de lokale opslag")
    starter.add_argument("--poort", type=int, default=8100, help="poort op 127.0.0.1 (standaard 8100)")
    args = parser.parse_args(argv)
    if args.command == "bundel":
        print(f"Decap CMS staat in {bundle().relative_to(ROOT)}")
    else:
        start(args.poort)
    return 0


if __name__ == "__main__":
    sys.exit(main())
