"""Benchmark of search on the real site, as a phone sees it.

    python -m scripts.bench_search [--runs 3] [--query wijkbudget]

Builds the real site (``mkdocs build --strict`` into a temporary folder), reports the size of
``search/search_index.json`` (raw and gzip) and then, in headless Chromium with the CPU slowed
down four times and a slow 4G connection (150 ms round trip, 1.6 Mbit/s down: Lighthouse's mobile
profile), opens the home page, waits until it is loaded, types a query into the search box and
measures from the page's load event until the first result is on screen: what a reader who starts
typing at once waits for search itself (search worker, lunr and the index loaded and indexed).
The site is served as docs/publiceren.md advises hosts to (scripts/host.py): gzip, caching, CSP.
Part of ``make bench``, not of ``make test``.
"""
from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from scripts import chromium
from scripts.host import AdvisedHost, advised_headers, static_server
from scripts.project import build_real_site

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = chromium.PATH
TARGET_MS = 1000
# Lighthouse's "slow 4G" mobile profile (simulated throttling constants).
LATENCY_MS, DOWN_BPS = 150, 1.6e6 / 8
CPU_SLOWDOWN = 4


def time_to_first_result(url: str, query: str, runs: int, cpu: float = CPU_SLOWDOWN) -> list[tuple[float, float]]:
    """Per run: (ms until the page's load event, ms from then until the first search result)."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=chromium.ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                          has_touch=True, device_scale_factor=2)
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": LATENCY_MS,
                                                         "downloadThroughput": DOWN_BPS,
                                                         "uploadThroughput": DOWN_BPS / 2})
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu})
            page.goto(url, wait_until="load")
            loaded = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
            # On a phone the search box sits behind the magnifier button.
            page.locator("label.md-header__button[for='__search']").click()
            box = page.locator("input.md-search__input")
            box.fill(query)
            box.press("End")  # Material searches on key release
            page.locator("li.md-search-result__item").first.wait_for(timeout=60_000)
            times.append((loaded, page.evaluate("performance.now()") - loaded))
            context.close()
        browser.close()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench_search", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--query", default="wijkbudget")
    parser.add_argument("--cpu", type=float, default=CPU_SLOWDOWN,
                        help="hoeveel keer trager dan deze computer (standaard 4, als Lighthouse voor mobiel)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="wijkengids-search-"))
    try:
        site = work / "site"
        build_real_site(work, site)
        index = (site / "search" / "search_index.json").read_bytes()
        pages = sum(1 for _ in site.rglob("*.html"))
        print(f"Echte site: {pages} pagina's; search_index.json {len(index) / 1000:.1f} kB, "
              f"gzip {len(gzip.compress(index, 6)) / 1000:.1f} kB")
        AdvisedHost.headers_to_send = advised_headers()
        with static_server(site, AdvisedHost) as url:
            times = time_to_first_result(f"{url}/", args.query, args.runs, args.cpu)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    load = statistics.median(t[0] for t in times)
    ready = statistics.median(t[1] for t in times)
    print(f"Zoeken op een telefoon (CPU {args.cpu:g}x trager, {LATENCY_MS} ms, {DOWN_BPS * 8 / 1e6:.1f} Mbit/s, "
          f"gzip), mediaan van {len(times)}: startpagina geladen na {load:.0f} ms; "
          f"daarna eerste resultaat voor '{args.query}' na {ready:.0f} ms "
          f"(doel <= {TARGET_MS} ms) {'ok' if ready <= TARGET_MS else 'NIET GEHAALD'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
