"""Search finds what people type: recall@1, recall@5 and MRR over tests/search_queries.yaml.

Drives the real search box (Pagefind in Material's dialog) in headless Chromium: each query is
filled and then 'End' is pressed, as a reader types. The figures are printed, for all queries, for
the whole questions (four words or more) and for the hard queries (marked 'hard': colloquial and older
words, English, abbreviations, typos, places, questions in a reader's words); recall@5 must be ≥ 0.95
and MRR ≥ 0.85, for all queries and for the hard ones alone (issue 27). No tool page (a page left out
of the index: Mijn leeslijst, the web editor, open data, publishing) may be in any top five.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse

from macros.core.problems import Problems
from macros.data.yaml_loader import load_yaml

QUERIES = Path(__file__).resolve().parent.parent / "search_queries.yaml"
MIN_RECALL_AT_5 = 0.95
MIN_MRR = 0.85
MIN_HARD = 50
#: Pages that are tools, not content (their front matter or template keeps them out of the index).
TOOL_PAGES = ("/leeslijst/mijn/", "/redactie/bewerken/", "/open-data/", "/publiceren/", "/feiten/", "/nieuw/")
META = "document.querySelector('.md-search-result__meta').textContent"


def load_queries() -> list[dict]:
    problems = Problems()
    queries = load_yaml(QUERIES, "tests/search_queries.yaml", problems)
    assert not problems.errors, problems.report()
    return [{"query": str(q["query"]), "expect": [str(e) for e in q["expect"]], "hard": str(q.get("hard") or "")}
            for q in queries]


def is_question(query: str) -> bool:
    return len(query.split()) >= 4


def result_paths(page, query: str) -> list[str]:  # noqa: ANN001 - Playwright's Page
    """The pages (in order) the search box lists for the query."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")  # an empty box shows the placeholder again: the next results are fresh
    page.wait_for_function(f"() => /Typ om te/.test({META})", timeout=10_000)
    box.fill(query)
    box.press("End")
    page.wait_for_function(f"() => !/Typ om te|initialiseren/.test({META})", timeout=10_000)
    hrefs = page.eval_on_selector_all(
        "li.md-search-result__item > a.md-search-result__link", "els => els.map(e => e.href)")
    paths = []
    for href in hrefs:
        path = urlparse(href).path
        if path not in paths:
            paths.append(path)
    return paths


def measure(page, base_url: str, queries: list[dict]) -> dict:  # noqa: ANN001 - Playwright's Page
    """Per query the rank of the first expected page (None if not in the first five)."""
    page.goto(f"{base_url}/")
    page.locator("input.md-search__input").click()
    page.wait_for_function(f"() => /Typ om te/.test({META})", timeout=20_000)
    ranks, misses, tools = [], [], []
    for item in queries:
        expected = {"/" + e.strip("/") + "/" if e.strip("/") else "/" for e in item["expect"]}
        found = result_paths(page, item["query"])
        rank = next((i + 1 for i, path in enumerate(found[:5]) if path in expected), None)
        ranks.append(rank)
        tools += [f"  {item['query']!r}: {path}" for path in found[:5] if path in TOOL_PAGES]
        if rank != 1:
            misses.append(f"  {'#' + str(rank) if rank else 'mis'} {item['query']!r}: verwacht {sorted(expected)}, "
                          f"kreeg {found[:5]}")
    return {"ranks": ranks, "misses": misses, "tools": tools}


def figures(ranks: list[int | None]) -> tuple[float, float, float]:
    n = len(ranks)
    return (sum(r == 1 for r in ranks) / n, sum(r is not None for r in ranks) / n,
            sum(1 / r for r in ranks if r) / n)


def test_search_quality(page, base_url: str, report: Callable[[str], None]) -> None:  # noqa: ANN001 - Playwright's Page
    queries = load_queries()
    questions = [is_question(q["query"]) for q in queries]
    hard = [bool(q["hard"]) for q in queries]
    assert len(queries) >= 150 and sum(questions) >= len(queries) / 2 and sum(hard) >= MIN_HARD
    result = measure(page, base_url, queries)
    ranks = result["ranks"]
    at1, at5, mrr = figures(ranks)
    q1, q5, qmrr = figures([r for r, q in zip(ranks, questions) if q])
    h1, h5, hmrr = figures([r for r, h in zip(ranks, hard) if h])
    summary = (f"zoekkwaliteit over {len(queries)} vragen: recall@1 = {at1:.2f}, recall@5 = {at5:.2f}, MRR = {mrr:.2f}"
               f"\n  waarvan {sum(questions)} hele vragen: recall@1 = {q1:.2f}, recall@5 = {q5:.2f}, MRR = {qmrr:.2f}"
               f"\n  waarvan {sum(hard)} moeilijke: recall@1 = {h1:.2f}, recall@5 = {h5:.2f}, MRR = {hmrr:.2f}")
    report(summary + ("\nniet op 1:\n" + "\n".join(result["misses"]) if result["misses"] else ""))
    assert result["tools"] == [], "gereedschap bij de eerste vijf:\n" + "\n".join(result["tools"])
    assert at5 >= MIN_RECALL_AT_5 and mrr >= MIN_MRR, summary + "\n" + "\n".join(result["misses"])
    assert h5 >= MIN_RECALL_AT_5 and hmrr >= MIN_MRR, summary + "\n" + "\n".join(result["misses"])
