"""Benchmark of the Participatiewijzer in a real browser: 5,000 synthetic methods.

    python -m scripts.bench_selector [--methods 5000] [--changes 20] [--seed 20261122]

Builds a page from the real selector template, JavaScript and CSS (plus Material's stylesheet),
with a ``data.json`` in the selector's own shape holding N synthetic methods (deterministic random),
serves it on 127.0.0.1 and drives headless Chromium: each change of the selection (a rung, a role,
a domain, …) is timed with ``performance.now()`` from the click until the results are in the DOM
and laid out (the script's filter + render, plus the browser's layout). Prints the median.
Part of ``make bench``, not of ``make test``.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

import markdown

from scripts import chromium
from scripts.host import server_url, start_server

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
CHROMIUM = chromium.PATH
TARGET_MS = 50

WORDS = ("buurt wijk bewoners plan tafel gesprek budget groen straat huis school spel markt raad panel "
         "atelier kaart route plein tuin jongeren ouderen dialoog werkplaats festival").split()


def _pick(rng: random.Random, values: list[str], low: int = 1, high: int = 3) -> list[str]:
    return sorted(rng.sample(values, rng.randint(low, min(high, len(values)))), key=values.index)


def synthetic_data(base: dict[str, Any], methods: int, seed: int) -> dict[str, Any]:
    """The selector's JSON with `methods` synthetic methods, 10 % as many cases, 60 checklists and
    300 sources; vocabularies and rungs stay those of ``base``."""
    rng = random.Random(seed)
    rungs = [r["id"] for r in base["rungs"]]
    vocab = {f["field"]: list(f["labels"]) for f in base["filters"]}
    sources = [{"key": f"bron{i:03d}", "cite": f"Auteur {i} (20{i % 25:02d})", "title": f"Titel van bron {i}",
                "lang": "en" if i % 7 == 0 else "nl"} for i in range(300)]
    out_methods = []
    for i in range(methods):
        start = rng.randrange(len(rungs))
        span = rng.choice((1, 1, 2, 2, 3))
        name = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3))).capitalize() + f" {i}"
        out_methods.append({
            "id": f"methode-{i:05d}", "name": name,
            "summary": " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 25))).capitalize() + ".",
            "rungs": rungs[start:start + span],
            **{field: _pick(rng, values, 1, 2 if field in ("roles", "domain") else 3) for field, values in vocab.items()},
            "sources": [s["key"] for s in rng.sample(sources, rng.randint(1, 3))],
        })
    out_methods.sort(key=lambda m: (str(m["name"]).casefold(), str(m["id"])))
    ids = [m["id"] for m in out_methods]
    cases = [{"id": f"voorbeeld-{i:04d}", "name": f"Praktijk {i}", "summary": "Een wijk waar het lukte.",
              "rungs": _pick(rng, rungs, 1, 2), "methods": rng.sample(ids, rng.randint(1, 3))}
             for i in range(max(1, methods // 10))]
    checklists = [{"id": f"lijst-{i:02d}", "title": f"Checklist {i}", "rungs": _pick(rng, rungs, 0, 2),
                   "methods": rng.sample(ids, rng.randint(0, 40))} for i in range(60)]
    return {**base, "methods": out_methods, "cases": cases, "checklists": checklists, "sources": sources}


def build_page(folder: Path, methods: int, seed: int) -> Path:
    """Write the bench site into folder; return the page path relative to it."""
    from macros.data.dataset import load_valid_dataset
    from macros.site import selector
    from macros.site.context import PageContext
    from macros.site.selector import selector_data

    data = load_valid_dataset(FIXTURE_DATA, FIXTURE_DATA.parent)
    ctx = PageContext(data)
    selector.contribute(ctx)
    text = re.sub(r"\A---\n.*?\n---\n", "", ctx.files["participatiewijzer/index.md"], flags=re.S)
    body = markdown.markdown(text, extensions=["md_in_html", "attr_list"])
    stylesheets = sorted((ROOT / ".venv").glob("lib/python*/site-packages/material/templates/assets/stylesheets/main.*.min.css"))
    assets = folder / "assets"
    assets.mkdir(parents=True)
    links = []
    for css in [*stylesheets[:1], ROOT / "docs/assets/css/wijkengids.css", ROOT / "docs/assets/css/participatiewijzer.css"]:
        shutil.copy(css, assets / css.name)
        links.append(f'<link rel="stylesheet" href="../assets/{css.name}">')
    shutil.copy(ROOT / "docs/assets/js/participatiewijzer.js", assets / "participatiewijzer.js")
    page = folder / "participatiewijzer"
    page.mkdir()
    (page / "data.json").write_text(json.dumps(synthetic_data(selector_data(data), methods, seed),
                                               ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    (page / "index.html").write_text(
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Bench</title>' + "".join(links) +
        '</head><body><div class="md-container"><main class="md-main"><div class="md-content">'
        f'<article class="md-content__inner md-typeset">{body}</article></div></main></div>'
        '<script src="../assets/participatiewijzer.js"></script></body></html>', encoding="utf-8")
    return Path("participatiewijzer/index.html")


# Each change is one click, as a reader makes it; the timer runs until the results are laid out.
MEASURE_JS = """
async (selectors) => {
  const results = document.querySelector('.wg-pw__results');
  const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const times = [], shown = [];
  for (const selector of selectors) {
    await frame();
    const control = document.querySelector(selector);
    const t0 = performance.now();
    control.click();
    results.getBoundingClientRect(); document.body.offsetHeight;
    times.push(performance.now() - t0);
    shown.push(document.querySelector('.wg-pw__count').textContent);
  }
  return {times, shown};
}
"""


def changes(data: dict[str, Any], count: int) -> list[str]:
    """A fixed walk through the form: mostly rungs, every third change a filter box on or off."""
    rungs = [r["id"] for r in data["rungs"]]
    boxes = [(f["param"], value) for f in data["filters"] for value in list(f["labels"])[:2]]
    out = []
    for i in range(count):
        if i % 3 == 2:
            param, value = boxes[(i // 3) % len(boxes)]
            out.append(f"#wg-pw-{param}-{value}")
        else:
            out.append(f"#wg-pw-trede-{rungs[(i * 2 + 1) % len(rungs)]}")
    return out


def measure(methods: int = 5000, count: int = 20, seed: int = 20261122) -> tuple[list[float], list[str]]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-selector-") as tmp:
        folder = Path(tmp)
        page_path = build_page(folder, methods, seed)
        data = json.loads((folder / "participatiewijzer/data.json").read_text(encoding="utf-8"))
        server = start_server(folder)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=[
                    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"])
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                errors: list[str] = []
                page.on("pageerror", lambda e: errors.append(str(e)))
                page.goto(f"{server_url(server)}/{page_path.as_posix()}")
                page.wait_for_selector(".wg-pw[data-ready='1']", timeout=30000)
                result = page.evaluate(MEASURE_JS, changes(data, count))
                browser.close()
                if errors:
                    raise RuntimeError(f"errors in the page: {errors}")
        finally:
            server.shutdown()
    return result["times"], result["shown"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--methods", type=int, default=5000)
    parser.add_argument("--changes", type=int, default=20)
    parser.add_argument("--seed", type=int, default=20261122)
    args = parser.parse_args(argv)
    times, shown = measure(args.methods, args.changes, args.seed)
    median = statistics.median(times)
    print(f"selector: {args.methods} methoden, mediaan {median:.1f} ms per wijziging (doel < {TARGET_MS} ms)")
    print(f"  min {min(times):.1f} ms, max {max(times):.1f} ms; laatste telling: {shown[-1]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
