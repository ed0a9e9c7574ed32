"""Benchmark of search as a phone sees it: Pagefind (the site) beside Material's lunr (the comparison).

    python -m scripts.bench_search [--runs 3] [--query wijkbudget]

Builds the real site twice (``mkdocs build --strict`` into temporary folders): with Pagefind, as
``make build`` does, and with lunr (``WIJKENGIDS_SEARCH=lunr``, the offline copy's engine). For each it
reports the search index on disk (Pagefind: the folder pagefind/; lunr: search/search_index.json) and,
in headless Chromium with the CPU slowed down four times and a slow 4G connection (150 ms round trip,
1.6 Mbit/s down: Lighthouse's mobile profile), opens the home page, waits until it is loaded, opens the
search box, types a query and measures from the page's load event until the first result is on screen:
what a reader who starts typing at once waits for. It also counts the bytes the browser downloaded for
search until then (index, scripts, WebAssembly, worker; prefetches included). The site is served as
docs/publiceren.md advises hosts to (scripts/host.py): gzip, caching, CSP. ``scripts/bench.py`` does
the same for 1,000 and 5,000 methods. Part of ``make bench``, not of ``make test``.
``WIJKENGIDS_BENCH_VERBOSE=1`` prints each run's requests in ms from the load event (start..end, bytes):
the chain Pagefind waits for.
"""
from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from scripts import chromium
from scripts.host import AdvisedHost, advised_headers, static_server
from scripts.project import build_real_site

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = chromium.PATH
TARGET_MS = {"real": 1000, 5000: 1500}  # first result after load, phone profile, median (issue 15)
TARGET_BYTES = {5000: 250_000}  # bytes for a first query at 5,000 methods
# Lighthouse's "slow 4G" mobile profile (simulated throttling constants).
LATENCY_MS, DOWN_BPS = 150, 1.6e6 / 8
CPU_SLOWDOWN = 4
# What search downloads: Pagefind's bundle, or lunr's index, worker and language files.
SEARCH_PATHS = ("/pagefind/", "/search/", "/assets/javascripts/workers/", "/assets/javascripts/lunr/")


def index_on_disk(site: Path, engine: str) -> tuple[int, int]:
    """(bytes, files) of the search index as it lies in the built site."""
    if engine == "pagefind":
        files = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
        return sum(p.stat().st_size for p in files), len(files)
    index = site / "search" / "search_index.json"
    return index.stat().st_size, 1


# In the page: the moment the first result is put in the list, and the moment the query was typed
# (not when the benchmark's polling notices; that lags by some 100 ms on the slowed-down CPU).
WATCH = """() => {
  window.__wgFirst = null; window.__wgTyped = null;
  // Only the search box counts: the tap on the magnifier ticks Material's checkbox, an input event too.
  document.addEventListener("input", (event) => {
    if (event.target.matches("input.md-search__input")) window.__wgTyped = window.__wgTyped || performance.now();
  }, true);
  new MutationObserver((_, observer) => {
    if (document.querySelector("li.md-search-result__item")) { window.__wgFirst = performance.now(); observer.disconnect(); }
  }).observe(document.body, {childList: true, subtree: true});
}"""


def phone_page(browser: Any, cpu: float = CPU_SLOWDOWN, init_script: str | None = None) -> tuple[Any, Any, list]:
    """A new page on the phone profile (390 px, touch, CPU slowed down, slow network), and the list that
    collects its finished requests. Playwright also sees the requests of the page's workers (Pagefind's,
    lunr's), which the page's own DevTools session does not."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    finished: list = []

    def record(request: Any, into: list = finished) -> None:  # a plain function: Playwright tags it
        into.append(request)

    context.on("requestfinished", record)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": LATENCY_MS,
                                                 "downloadThroughput": DOWN_BPS, "uploadThroughput": DOWN_BPS / 2})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu})
    return context, page, finished


def first_results(url: str, query: str, runs: int, cpu: float = CPU_SLOWDOWN) -> list[tuple[float, float, int, float]]:
    """Per run: (ms until the page's load event, ms from then until the first result is in the list,
    bytes for search, ms from typing the query until the first result)."""
    from playwright.sync_api import sync_playwright

    measured = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=chromium.ARGS)
        for _ in range(runs):
            context, page, finished = phone_page(browser, cpu)
            page.goto(url, wait_until="load")
            loaded = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
            page.evaluate(WATCH)
            # On a phone the search box sits behind the magnifier button.
            page.locator("label.md-header__button[for='__search']").click()
            box = page.locator("input.md-search__input")
            box.fill(query)
            box.press("End")  # Material searches on key release
            page.locator("li.md-search-result__item").first.wait_for(timeout=600_000)  # lunr at 5,000: slow
            shown, typed = page.evaluate("[window.__wgFirst, window.__wgTyped]")
            ready, after_typing = shown - loaded, shown - typed
            page.wait_for_timeout(200)  # let the last responses' loadingFinished arrive
            search_bytes = 0
            for request in finished:
                if urlparse(request.url).path.startswith(SEARCH_PATHS):
                    sizes = request.sizes()
                    # -1 for a file from the browser cache (a prefetched one counts when it was prefetched)
                    search_bytes += max(0, sizes["responseBodySize"]) + max(0, sizes["responseHeadersSize"])
            if os.environ.get("WIJKENGIDS_BENCH_VERBOSE"):
                # The chain of requests, in ms from the load event: start..end, bytes (-1: from the cache).
                load_at = page.evaluate("performance.timeOrigin") + loaded
                print(f"  laden {loaded:.0f} ms; getypt +{typed - loaded:.0f}; eerste resultaat +{ready:.0f}",
                      file=sys.stderr)
                for r in sorted(finished, key=lambda r: r.timing["startTime"]):
                    start = r.timing["startTime"] - load_at
                    print(f"  {start:+7.0f} ..{start + r.timing['responseEnd']:+7.0f} "
                          f"{r.sizes()['responseBodySize']:8d}  {urlparse(r.url).path}", file=sys.stderr)
            measured.append((loaded, ready, int(search_bytes), after_typing))
            context.close()
        browser.close()
    return measured


def measure_site(site: Path, label: Any, engine: str, query: str, runs: int, cpu: float = CPU_SLOWDOWN) -> dict:
    """One row of the search table: the index on disk and the phone figures, median of `runs`."""
    size, files = index_on_disk(site, engine)
    lunr_gz = len(gzip.compress((site / "search" / "search_index.json").read_bytes(), 6)) if engine == "lunr" else 0
    AdvisedHost.headers_to_send = advised_headers()
    with static_server(site, AdvisedHost) as url:
        runs_measured = first_results(f"{url}/", query, runs, cpu)
    return {"label": label, "engine": engine, "pages": sum(1 for _ in site.rglob("*.html")), "disk": size,
            "files": files, "disk_gz": lunr_gz, "load_ms": statistics.median(r[0] for r in runs_measured),
            "first_ms": statistics.median(r[1] for r in runs_measured),
            "bytes": statistics.median(r[2] for r in runs_measured), "runs": len(runs_measured), "query": query,
            "typed_ms": statistics.median(r[3] for r in runs_measured)}


def table(rows: list[dict], cpu: float = CPU_SLOWDOWN) -> str:
    head = ("site", "zoeker", "pagina's", "index op schijf", "bytes eerste zoekvraag", "laden ms",
            "eerste resultaat ms", "na typen ms", "doel")
    lines = [" | ".join(head), " | ".join("-" * len(h) for h in head)]
    for r in rows:
        label = "echt" if r["label"] == "real" else f"{r['label']:,} methoden".replace(",", ".")
        disk = f"{r['disk'] / 1e6:.2f} MB ({r['files']} best.)" if r["engine"] == "pagefind" else \
            f"{r['disk'] / 1e6:.2f} MB (gzip {r['disk_gz'] / 1e6:.2f} MB)"
        goal = ""
        if r["engine"] == "pagefind" and r["label"] in TARGET_MS:
            ok = r["first_ms"] <= TARGET_MS[r["label"]] and r["bytes"] <= TARGET_BYTES.get(r["label"], float("inf"))
            goal = (f"<= {TARGET_MS[r['label']]} ms" + (f", <= {TARGET_BYTES[r['label']] // 1000} kB"
                                                          if r["label"] in TARGET_BYTES else "")
                    + (" ok" if ok else " NIET GEHAALD"))
        lines.append(" | ".join([label, r["engine"], str(r["pages"]), disk, f"{r['bytes'] / 1000:.0f} kB",
                                 f"{r['load_ms']:.0f}", f"{r['first_ms']:.0f}", f"{r['typed_ms']:.0f}", goal]))
    query = rows[0]["query"] if rows else ""
    lines += ["", f"Telefoonprofiel: CPU {cpu:g}x trager, {LATENCY_MS} ms, {DOWN_BPS * 8 / 1e6:.1f} Mbit/s, gzip en cache "
              f"zoals docs/publiceren.md; zoekvraag '{query}'; mediaan van {rows[0]['runs'] if rows else 0} keer.",
              "Eerste resultaat = ms van het load-event van de startpagina tot het eerste resultaat in beeld "
              "(zoekvak direct geopend en de vraag getypt); na typen = van de getypte vraag tot dat resultaat.",
              "Bytes eerste zoekvraag = wat de browser tot dan voor zoeken ophaalde (index, scripts, WebAssembly, "
              "worker; ook wat vooraf werd opgehaald)."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench_search", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--query", default="wijkbudget")
    parser.add_argument("--cpu", type=float, default=CPU_SLOWDOWN,
                        help="hoeveel keer trager dan deze computer (standaard 4, als Lighthouse voor mobiel)")
    args = parser.parse_args(argv)
    print(table(real_site_rows(args.query, args.runs, args.cpu), args.cpu))
    return 0


def real_site_rows(query: str, runs: int, cpu: float = CPU_SLOWDOWN) -> list[dict]:
    """The real site built with each engine, measured: one table row per engine."""
    work = Path(tempfile.mkdtemp(prefix="wijkengids-search-"))
    rows = []
    try:
        for engine in ("pagefind", "lunr"):
            site = work / f"site-{engine}"
            build_real_site(work / engine, site, WIJKENGIDS_SEARCH=engine)
            rows.append(measure_site(site, "real", engine, query, runs, cpu))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return rows


if __name__ == "__main__":
    sys.exit(main())
