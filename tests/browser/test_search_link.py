"""?q= opens the site's search with the query and its results (issue 30): the address the site's structured
data (SearchAction) and its OpenSearch description give search engines and browsers."""
from __future__ import annotations

from urllib.parse import quote, urlparse

from playwright.sync_api import expect

META = "document.querySelector('.md-search-result__meta').textContent"
RESULTS = "li.md-search-result__item > a.md-search-result__link"


def test_q_opens_the_search_with_the_query_and_results(page, base_url: str, data) -> None:  # noqa: ANN001
    method = next(m for m in data.methods.values() if m["name"].isalpha())
    page.goto(f"{base_url}/methoden/?q={quote(method['name'])}")
    expect(page.locator("input.md-search__input")).to_have_value(method["name"])
    expect(page.locator("#__search")).to_be_checked()
    page.wait_for_function(f"() => /\\d/.test({META}) && document.querySelectorAll('{RESULTS}').length > 0",
                           timeout=20_000)
    paths = [urlparse(href).path for href in page.eval_on_selector_all(RESULTS, "els => els.map(e => e.href)")]
    assert f"/methoden/{method.id}/" in paths, paths
    expect(page.locator("input.md-search__input")).to_be_focused()


def test_without_q_the_search_stays_closed(page, base_url: str) -> None:  # noqa: ANN001
    page.goto(f"{base_url}/methoden/")
    page.wait_for_load_state("load")
    expect(page.locator("#__search")).not_to_be_checked()
    expect(page.locator("input.md-search__input")).to_have_value("")
