"""Search finds what people type: recall@1, recall@5 and MRR over tests/search_queries.yaml.

Drives Material's real search box in headless Chromium. Search runs on key release, so each
query is filled and then 'End' is pressed. The figures are printed; recall@5 must be ≥ 0.9.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from macros.problems import Problems
from macros.yaml_loader import load_yaml

QUERIES = Path(__file__).resolve().parent.parent / "search_queries.yaml"
MIN_RECALL_AT_5 = 0.9


def load_queries() -> list[dict]:
    problems = Problems()
    queries = load_yaml(QUERIES, "tests/search_queries.yaml", problems)
    assert not problems.errors, problems.report()
    return [{"query": str(q["query"]), "expect": [str(e) for e in q["expect"]]} for q in queries]


def result_paths(page, base_url: str, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    meta = "document.querySelector('.md-search-result__meta').textContent"
    box.fill("")
    box.press("End")  # an empty box shows the placeholder again: the next results are fresh
    page.wait_for_function(f"() => /Typ om te/.test({meta})", timeout=10_000)
    box.fill(query)
    box.press("End")
    page.wait_for_function(f"() => !/Typ om te|initialiseren/.test({meta})", timeout=10_000)
    hrefs = page.eval_on_selector_all(
        "li.md-search-result__item > a.md-search-result__link", "els => els.map(e => e.href)")
    paths = []
    for href in hrefs:
        path = urlparse(href).path
        if path not in paths:
            paths.append(path)
    return paths


def test_search_quality(page, base_url: str) -> None:
    queries = load_queries()
    assert len(queries) >= 40
    page.goto(f"{base_url}/")
    page.locator("input.md-search__input").click()
    page.wait_for_function("() => document.querySelector('.md-search-result__meta') !== null")
    hits_at_1 = hits_at_5 = 0
    reciprocal = 0.0
    misses = []
    for item in queries:
        expected = {"/" + e.strip("/") + "/" if e.strip("/") else "/" for e in item["expect"]}
        found = result_paths(page, base_url, item["query"])
        rank = next((i + 1 for i, path in enumerate(found) if path in expected), None)
        if rank == 1:
            hits_at_1 += 1
        if rank and rank <= 5:
            hits_at_5 += 1
            reciprocal += 1 / rank
        else:
            misses.append(f"  {item['query']!r}: verwacht {sorted(expected)}, kreeg {found[:5]}")
    n = len(queries)
    summary = (f"zoekkwaliteit over {n} vragen: recall@1 = {hits_at_1 / n:.2f}, recall@5 = {hits_at_5 / n:.2f}, "
               f"MRR = {reciprocal / n:.2f}")
    print("\n" + summary + ("\ngemist:\n" + "\n".join(misses) if misses else ""))
    assert hits_at_5 / n >= MIN_RECALL_AT_5, summary + "\n" + "\n".join(misses)
