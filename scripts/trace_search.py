"""Where the time to a first search result goes on the phone profile (issue 15): the site or the benchmark.

    python -m scripts.trace_search SITE [--runs 3] [--query wijkbudget] [--mode bench|at-once|no-scripts]

SITE is a built site (``make build`` writes site/). Each run does what ``scripts/bench_search.py`` does
(same throttling, same host, same clicks) and prints, in ms from the page's load event:
- the moments the page saw: the tap on the magnifier, the query in the box, the first result;
- the main thread's long animation frames (over 50 ms) up to the first result, with the scripts in
  them (source, function, forced layout);
- the requests of search (start..end, bytes; -1: from the browser cache).

Modes: ``bench`` does the benchmark's own steps (Playwright: two evaluates, a click on the magnifier,
fill, End). ``at-once`` opens the search and puts the query in the box from one evaluate just after
load: the site's time without the benchmark's round trips. ``no-scripts`` runs the benchmark's steps on
a copy of the home page without any script (no Material bundle, no Pagefind): what the benchmark itself
takes until the query is in the box. Run it under the bench lock (common brief): it is a measurement.
"""
from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from scripts import chromium
from scripts.bench_search import SEARCH_PATHS, WATCH, phone_page
from scripts.host import AdvisedHost, advised_headers, static_server

# In the page before its own scripts: the moments of the events the benchmark causes, and the long
# animation frames with their scripts (Chromium's Long Animation Frames API).
INIT = r"""
window.__wgEvents = []; window.__wgFrames = [];
for (const type of ["pointerdown", "change", "input", "keyup"]) {
  document.addEventListener(type, (ev) => {
    const t = ev.target || {};
    window.__wgEvents.push([type + " " + (t.id || (t.classList && t.classList[0]) || t.tagName), performance.now()]);
  }, true);
}
try {
  new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__wgFrames.push({
    start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
    scripts: e.scripts.map((s) => ({source: (s.sourceURL || "").replace(/^[a-z]+:\/\/[^/]+/, ""),
      invoker: s.invoker, start: s.startTime, duration: s.duration, layout: s.forcedStyleAndLayoutDuration})),
  }))).observe({type: "long-animation-frame", buffered: true});
} catch (e) { /* an older browser: no frames */ }
"""

AT_ONCE = """(query) => {
  document.getElementById("__search").click();
  const box = document.querySelector("input.md-search__input");
  box.focus(); box.value = query;
  box.dispatchEvent(new Event("input", {bubbles: true}));
  box.dispatchEvent(new KeyboardEvent("keyup", {key: "End", bubbles: true}));
}"""


def without_scripts(site: Path, into: Path) -> Path:
    """A copy of the site whose home page has no script at all (the JSON config stays), with the
    class Material's bundle would set so the magnifier shows."""
    shutil.copytree(site, into)
    home = into / "index.html"
    html = home.read_text(encoding="utf-8")
    html = re.sub(r"<script\b(?![^>]*application/json)[^>]*>.*?</script>", "", html, flags=re.S)
    html = re.sub(r'<link rel="prefetch"[^>]*>', "", html)
    html = html.replace('class="no-js"', 'class=""', 1)
    home.write_text(html, encoding="utf-8")
    return into


def one_run(browser: Any, url: str, query: str, mode: str) -> dict:
    context, page, finished = phone_page(browser, 4, INIT)
    page.goto(url, wait_until="load")
    loaded = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    page.evaluate(WATCH)
    if mode == "at-once":
        page.evaluate(AT_ONCE, query)
    else:
        page.locator("label.md-header__button[for='__search']").click()
        box = page.locator("input.md-search__input")
        box.fill(query)
        box.press("End")
    if mode == "no-scripts":
        page.wait_for_timeout(100)
        first = None
    else:
        page.locator("li.md-search-result__item").first.wait_for(timeout=600_000)
        first = page.evaluate("window.__wgFirst") - loaded
        page.wait_for_timeout(200)
    events, frames = page.evaluate("[window.__wgEvents, window.__wgFrames]")
    load_at = page.evaluate("performance.timeOrigin") + loaded
    requests = []
    for r in sorted(finished, key=lambda r: r.timing["startTime"]):
        path = urlparse(r.url).path
        start = r.timing["startTime"] - load_at
        if path.startswith(SEARCH_PATHS) and start > -300:  # sizes need the context still open
            requests.append((start, start + r.timing["responseEnd"], r.sizes()["responseBodySize"], path))
    context.close()

    def moment(prefix: str) -> float | None:
        return next((t - loaded for name, t in events if name.startswith(prefix)), None)

    end = first if first is not None else float("inf")
    long_frames = [f for f in frames if f["duration"] > 50 and f["start"] + f["duration"] > loaded
                   and f["start"] - loaded < end]
    return {"tap": moment("pointerdown") if mode != "at-once" else moment("change"),
            "query": moment("input md-search__input"), "first": first, "frames": long_frames,
            "loaded": loaded, "requests": requests}


def report(run: dict) -> str:
    def ms(value: float | None) -> str:
        return "-" if value is None else f"+{value:.0f}"

    lines = [f"load {run['loaded']:.0f} ms; tap {ms(run['tap'])}; query in the box {ms(run['query'])}; "
             f"first result {ms(run['first'])}"]
    for f in run["frames"]:
        lines.append(f"  frame {f['start'] - run['loaded']:+6.0f} {f['duration']:4.0f} ms (blocking {f['blocking']:.0f})")
        for s in f["scripts"]:
            lines.append(f"    {s['duration']:4.0f} ms {s['invoker']} {s['source']} (forced layout {s['layout']:.0f} ms)")
    for start, end, size, path in run["requests"]:
        lines.append(f"  {start:+6.0f}..{end:+6.0f} {size:7d} {path}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.trace_search", description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--query", default="wijkbudget")
    parser.add_argument("--mode", choices=("bench", "at-once", "no-scripts"), default="bench")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="wijkengids-trace-"))
    site = without_scripts(args.site, work / "site") if args.mode == "no-scripts" else args.site
    AdvisedHost.headers_to_send = advised_headers()
    runs = []
    try:
        with static_server(site, AdvisedHost) as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium.PATH, args=chromium.ARGS)
            for _ in range(args.runs):
                runs.append(one_run(browser, f"{url}/", args.query, args.mode))
                print(report(runs[-1]), flush=True)
            browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def median(key: str) -> str:
        values = [r[key] for r in runs if r[key] is not None]
        return f"+{statistics.median(values):.0f}" if values else "-"

    print(f"{args.mode}: median of {len(runs)}: tap {median('tap')}, query in the box {median('query')}, "
          f"first result {median('first')} ms after load")
    return 0


if __name__ == "__main__":
    sys.exit(main())
