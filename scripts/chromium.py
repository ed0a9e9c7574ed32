"""Debian's Chromium as every browser run of the project starts it: tests, benchmarks and the audit."""
from __future__ import annotations

PATH = "/usr/bin/chromium"

# Headless and quiet. Debian's wrapper turns on Google services that look up Google hosts outside any
# page; the resolver rule leaves the browser nothing to reach but 127.0.0.1.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
