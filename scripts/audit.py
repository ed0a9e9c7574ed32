"""Lighthouse audit of the built site on three pages: performance, accessibility, best practices, SEO.

    python -m scripts.audit [--site DIR] [--pages /,/methoden/abcd/,/participatiewijzer/] [--out DIR]

Builds the site (``mkdocs build --strict``) from a private copy of the project into a temporary
folder, or takes an already built one with ``--site site``, serves it on 127.0.0.1 with the headers
and compression that docs/publiceren.md advises hosts to use, and runs Lighthouse 12 (npm, pinned in
tools/audit/package-lock.json) with Debian's Chromium, one page at a time, on Lighthouse's default
mobile emulation. Prints the four category scores and a few metrics per page, lists the audits that
did not pass, and writes the reports (JSON and HTML) to tests/output/lighthouse/.

Exits non-zero when a run fails, when accessibility scores below 95 on any page, or when a page
requests anything from another host than 127.0.0.1. Not part of ``make test``: ``make audit``.
"""
from __future__ import annotations

import argparse
import http.server
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from scripts import chromium
from scripts.host import AdvisedHost, advised_headers, serving
from scripts.project import build_real_site

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tools" / "audit" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = chromium.PATH
# Debian's chromium wrapper turns on remote extensions and Google API keys, and even with
# --disable-background-networking the browser then looks up accounts.google.com, clients2.google.com
# and update.googleapis.com; the resolver rule answers every host but 127.0.0.1 with "not found"
# inside Chromium, so no lookup or connection leaves the machine. The quotes belong after the `=`:
# Lighthouse's --chrome-flags parser glues a quoted "--flag=…" onto the flag before it.
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-background-networking "
                '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"')
PAGES = ("/", "/methoden/abcd/", "/participatiewijzer/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
OUTPUT = ROOT / "tests" / "output" / "lighthouse"
MIN_ACCESSIBILITY = 0.95
RUN_TIMEOUT_S = 300

def run_lighthouse(url: str, report_base: Path) -> dict[str, Any]:
    """One Lighthouse run; returns the parsed JSON report (written beside an HTML one)."""
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    command = [
        str(LIGHTHOUSE), url,
        "--output=json", "--output=html", f"--output-path={report_base}",
        "--quiet", f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
        # Lighthouse can report its own crashes to Sentry: never from here.
        "--no-enable-error-reporting",
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
    json_path = report_base.with_name(report_base.name + ".report.json")
    if result.returncode != 0 or not json_path.is_file():
        raise RuntimeError(f"lighthouse exited {result.returncode}:\n{result.stderr.strip()[-2000:]}")
    return json.loads(json_path.read_text(encoding="utf-8"))


def foreign_requests(report: dict[str, Any]) -> list[str]:
    items = report["audits"].get("network-requests", {}).get("details", {}).get("items", [])
    return [item["url"] for item in items
            if not item["url"].startswith(("data:", "blob:")) and urlparse(item["url"]).hostname != "127.0.0.1"]


def failed_audits(report: dict[str, Any]) -> list[str]:
    """Audits in the four categories that did not pass; informative and manual ones are left out,
    and so are the metrics (in the table) and the hidden "insights", which repeat the diagnostics."""
    seen: set[str] = set()
    lines = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["id"] in seen or ref.get("group") in ("metrics", "hidden"):
                continue
            seen.add(ref["id"])
            mode, score = audit.get("scoreDisplayMode"), audit.get("score")
            if mode not in ("binary", "numeric", "metricSavings") or score is None:
                continue
            if score < (1 if mode == "binary" else 0.9):
                value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                lines.append(f"{category}: {ref['id']} — {audit['title']}{value}")
    return lines


def summary(report: dict[str, Any]) -> dict[str, Any]:
    audits = report["audits"]

    def numeric(name: str) -> float | None:
        return audits.get(name, {}).get("numericValue")

    return {
        **{c: report["categories"][c]["score"] for c in CATEGORIES},
        "fcp": numeric("first-contentful-paint"), "lcp": numeric("largest-contentful-paint"),
        "tbt": numeric("total-blocking-time"), "cls": numeric("cumulative-layout-shift"),
        "bytes": numeric("total-byte-weight"), "failed": failed_audits(report),
    }


def score_text(value: float | None) -> str:
    return "–" if value is None else str(round(value * 100))


def table(rows: list[tuple[str, dict[str, Any]]]) -> str:
    def fmt(value: float | None, pattern: str, scale: float = 1) -> str:
        return "–" if value is None else pattern.format(value / scale)

    header = ("pagina", "perf", "a11y", "best", "seo", "FCP", "LCP", "TBT", "CLS", "gewicht")
    body = [(page, *(score_text(s[c]) for c in CATEGORIES),
             fmt(s["fcp"], "{:.1f} s", 1000), fmt(s["lcp"], "{:.1f} s", 1000), fmt(s["tbt"], "{:.0f} ms"),
             fmt(s["cls"], "{:.3f}"), fmt(s["bytes"], "{:.0f} KiB", 1024)) for page, s in rows]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(line, widths)))
             for line in [header, *body]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def report_name(page: str) -> str:
    return page.strip("/").replace("/", "-") or "home"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="audit this built site instead of building one (e.g. site)")
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated paths")
    parser.add_argument("--out", type=Path, default=OUTPUT, help="folder for the reports")
    args = parser.parse_args(argv)
    pages = [p.strip() for p in args.pages.split(",") if p.strip()]

    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE.relative_to(ROOT)} ontbreekt: draai `make audit` (installeert het met npm ci)")
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} ontbreekt: draai `make audit` (installeert chromium)")
    AdvisedHost.headers_to_send = advised_headers()
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), AdvisedHost)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rows: list[tuple[str, dict[str, Any]]] = []
    problems: list[str] = []
    version = "?"
    with tempfile.TemporaryDirectory(prefix="wijkengids-audit-") as tmp:
        if args.site:
            site = args.site.resolve()
            if not (site / "index.html").is_file():
                raise SystemExit(f"{args.site}: geen gebouwde site (index.html ontbreekt); draai eerst `make build`")
        else:
            print("… site bouwen", file=sys.stderr, flush=True)
            site = Path(tmp) / "site"
            build_real_site(Path(tmp), site, SITE_URL=base + "/")  # canonical links name the host Lighthouse visits
        with serving(site, server):
            for page in pages:
                print(f"… lighthouse {page}", file=sys.stderr, flush=True)
                report_base = out / report_name(page)
                for stale in (".report.json", ".report.html"):
                    report_base.with_name(report_base.name + stale).unlink(missing_ok=True)
                try:
                    report = run_lighthouse(base + page, report_base)
                except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError) as error:
                    problems.append(f"{page}: Lighthouse mislukt: {error}")
                    continue
                version = report.get("lighthouseVersion", version)
                if report.get("runtimeError"):
                    problems.append(f"{page}: {report['runtimeError'].get('message', report['runtimeError'])}")
                    continue
                for warning in report.get("runWarnings", []):
                    print(f"  let op ({page}): {warning}", file=sys.stderr)
                values = summary(report)
                rows.append((page, values))
                if foreign := foreign_requests(report):
                    problems.append(f"{page}: verzoeken buiten 127.0.0.1: {', '.join(foreign)}")
                if values["accessibility"] is None or values["accessibility"] < MIN_ACCESSIBILITY:
                    problems.append(f"{page}: toegankelijkheid {score_text(values['accessibility'])} "
                                    f"< {round(MIN_ACCESSIBILITY * 100)}")

    print(f"Lighthouse {version}, mobiele emulatie (standaard), Chromium {chromium_version()}")
    print(table(rows))
    for page, values in rows:
        if values["failed"]:
            print(f"\nNiet geslaagd op {page}:")
            print("\n".join(f"  - {line}" for line in values["failed"]))
    print(f"\nRapporten (JSON en HTML): {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}/")
    if problems:
        print("\nMISLUKT:\n" + "\n".join(f"  - {p}" for p in problems))
        return 1
    return 0


def chromium_version() -> str:
    try:
        result = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    words = result.stdout.split()
    return words[1] if len(words) > 1 else "?"


if __name__ == "__main__":
    sys.exit(main())
