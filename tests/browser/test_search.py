"""The search dialog on Pagefind, as a reader uses it: filters, keyboard, the partial-match fallback,
highlighting on the opened page, accessibility of the open dialog, and what the pages prefetch.

Every test runs under the advised Content-Security-Policy and fails on any request off 127.0.0.1
(tests/browser/conftest.py).
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from tests.browser import axe

META = "document.querySelector('.md-search-result__meta').textContent"
RESULTS = "li.md-search-result__item > a.md-search-result__link"


def open_search(page, base_url: str, path: str = "/") -> None:  # noqa: ANN001 - Playwright's Page
    page.goto(base_url + path)
    page.locator("input.md-search__input").click()
    page.wait_for_function(f"() => /Typ om te/.test({META})", timeout=20_000)


def search(page, query: str) -> str:  # noqa: ANN001
    """Type a query as a reader does; returns the result count line once the results are shown."""
    box = page.locator("input.md-search__input")
    before = page.evaluate(META)
    box.fill(query)
    box.press("End")
    page.wait_for_function(f"t => {META} !== t && !/Typ om te|initialiseren/.test({META})", arg=before,
                           timeout=10_000)
    return page.evaluate(META).strip()


def result_paths(page) -> list[str]:  # noqa: ANN001
    paths = []
    for href in page.eval_on_selector_all(RESULTS, "els => els.map(e => e.href)"):
        path = urlparse(href).path
        if path not in paths:
            paths.append(path)
    return paths


def count_in(meta: str) -> int:
    found = re.search(r"\d+", meta)
    assert found, meta
    return int(found.group())


def wait_for_new_meta(page, before: str) -> str:  # noqa: ANN001
    page.wait_for_function(f"t => {META} !== t", arg=before, timeout=10_000)
    return page.evaluate(META).strip()


def test_filters_narrow_the_results_by_kind_and_rung_by_keyboard(page, base_url: str, data) -> None:  # noqa: ANN001
    open_search(page, base_url)
    meta = search(page, "wijk")
    everything = count_in(meta)
    assert page.get_attribute(".md-search-result__meta", "role") == "status", "the count is announced"
    kinds = {urlparse(p).path.split("/")[1] for p in result_paths(page)}
    assert len(kinds) > 1, "without a filter, several kinds of page are found"

    # Tab from the search box to the chip "Methoden", Enter presses it.
    chip = page.locator("button[data-soort='methode']")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.soort === 'methode'"):
            break
    assert page.evaluate("document.activeElement.dataset.soort") == "methode", "the chips are reachable by Tab"
    before = page.evaluate(META)
    page.keyboard.press("Enter")
    methods_only = count_in(wait_for_new_meta(page, before))
    assert chip.get_attribute("aria-pressed") == "true"
    assert page.locator("button[data-soort='']").get_attribute("aria-pressed") == "false"
    assert 0 < methods_only < everything
    paths = result_paths(page)
    assert paths and all(re.fullmatch(r"/methoden/[^/]+/", p) for p in paths), paths

    # The rung, by keyboard: Tab on to the select, arrow down to the first rung with methods.
    rung = next(r for r in data.rungs if data.methods_on_rung(r.id))
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('select[data-trede]')"):
            break
    assert page.evaluate("document.activeElement.matches('select[data-trede]')"), "the rung select is reachable"
    before = page.evaluate(META)
    while page.eval_on_selector("select[data-trede]", "s => s.value") != rung["label"]:
        page.keyboard.press("ArrowDown")
    wait_for_new_meta(page, before)

    # No words, only the filters: every method on that rung, and nothing else.
    page.locator("input.md-search__input").fill("")
    page.locator("input.md-search__input").press("End")
    expected = {f"/methoden/{m.id}/" for m in data.methods_on_rung(rung.id)}
    wanted = f"{len(expected)} overeenkomende" if len(expected) > 1 else "1 overeenkomend document"
    page.wait_for_function(f"w => {META}.includes(w) && !document.querySelector('input.md-search__input').value",
                           arg=wanted, timeout=10_000)
    shown = set(result_paths(page))
    assert shown and shown <= expected, shown - expected


def test_the_kind_of_method_filters_the_results_by_keyboard(page, base_url: str, data) -> None:  # noqa: ANN001
    # A kind that some methods have and others not (a filter that keeps everything proves nothing);
    # the fewest such methods, so all of them fit on the first page of results.
    counts: dict[str, list[str]] = {}
    for m in data.methods.values():
        counts.setdefault(m["kind"], []).append(m.id)
    kind = min((k for k, ids in counts.items() if 1 < len(ids) < len(data.methods)), key=lambda k: len(counts[k]))
    label = data.schemas.labels["methodKind"][kind]
    expected = {f"/methoden/{i}/" for i in counts[kind]}

    open_search(page, base_url)
    everything = count_in(search(page, "wijk"))
    for _ in range(14):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('select[data-aard]')"):
            break
    assert page.evaluate("document.activeElement.matches('select[data-aard]')"), "the kind select is reachable by Tab"
    options = page.eval_on_selector_all("select[data-aard] option", "os => os.map(o => o.textContent.trim())")
    assert options[1:] == list(data.schemas.labels["methodKind"].values()), "the schema's Dutch labels, in order"
    before = page.evaluate(META)
    while page.eval_on_selector("select[data-aard]", "s => s.value") != label:
        page.keyboard.press("ArrowDown")
    wait_for_new_meta(page, before)
    # Each arrow press searches again; wait until the list shows the last choice (pages of that kind only).
    page.wait_for_function(
        "exp => { const hs = [...document.querySelectorAll(" + repr(RESULTS) + ")]"
        ".map(a => new URL(a.href).pathname); return hs.length > 0 && hs.every(h => exp.includes(h)); }",
        arg=sorted(expected), timeout=10_000)
    paths = set(result_paths(page))
    assert paths and paths <= expected and len(paths) < everything, paths - expected

    # No words, only the filter: every method of that kind, and nothing else.
    page.locator("input.md-search__input").fill("")
    page.locator("input.md-search__input").press("End")
    # The count can be the one the last search showed too: wait until the new list is complete as well.
    page.wait_for_function(f"n => new RegExp('^\\\\s*' + n + ' overeenkomende').test({META})"
                           " && !document.querySelector('input.md-search__input').value"
                           " && document.querySelectorAll('li.md-search-result__item').length === n",
                           arg=len(expected), timeout=10_000)
    assert set(result_paths(page)) == expected


def test_keyboard_opens_moves_and_opens_a_result_with_the_query_highlighted(page, base_url: str) -> None:  # noqa: ANN001
    page.goto(base_url + "/over/")
    page.wait_for_load_state()
    page.keyboard.press("/")
    assert page.evaluate("document.getElementById('__search').checked"), "/ opens the search dialog"
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    page.wait_for_function(f"() => /Typ om te/.test({META})", timeout=20_000)
    page.keyboard.type("uitdaagrecht")
    page.wait_for_function(f"() => /overeenkomende/.test({META})", timeout=10_000)
    links = page.locator(RESULTS)
    assert links.count() >= 2
    page.keyboard.press("ArrowDown")
    assert page.evaluate(f"document.activeElement === document.querySelectorAll({RESULTS!r})[0]")
    page.keyboard.press("ArrowDown")
    assert page.evaluate(f"document.activeElement === document.querySelectorAll({RESULTS!r})[1]")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.matches('input.md-search__input')"), "arrows come back to the box"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked"), "Escape closes the dialog"

    page.keyboard.press("s")
    assert page.evaluate("document.getElementById('__search').checked"), "s opens the search dialog"
    first = urlparse(page.eval_on_selector(RESULTS, "e => e.href"))
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlparse(url).path == first.path, timeout=10_000)
    assert parse_qs(urlparse(page.url).query)["h"] == ["uitdaagrecht"]
    marks = page.locator("article.md-content__inner mark[data-md-highlight]")
    marks.first.wait_for(timeout=10_000)
    assert "uitdaagrecht" in marks.first.inner_text().lower(), "the query is highlighted on the opened page"
    assert not page.evaluate("document.getElementById('__search').checked"), "the dialog closed"

    # On the page that link opened the search box still works and its links still point into the site.
    page.keyboard.press("s")
    meta = search(page, "Selwerd")
    assert "overeenkomende" in meta, meta
    assert result_paths(page)[0] == "/praktijk/selwerd/"


def test_when_no_page_has_every_word_the_best_partial_matches_are_shown(page, base_url: str) -> None:  # noqa: ANN001
    open_search(page, base_url)
    meta = search(page, "wijkbudget qqxyzzyq")
    assert meta.startswith("Geen pagina met al je zoekwoorden"), meta
    assert "/methoden/wijkbudget/" in result_paths(page)[:5]
    meta = search(page, "qqxyzzyq qqzzkkxx")
    assert meta == "Geen overeenkomende documenten", meta
    assert page.locator("li.md-search-result__item").count() == 0
    meta = search(page, "hoe kan ik een wijkbudget aanvragen")  # common words need not match
    assert "overeenkomende documenten" in meta and not meta.startswith("Geen"), meta
    assert result_paths(page)[0] == "/checklists/wijkbudget-aanvragen/"


def test_the_open_search_dialog_passes_axe(page, base_url: str) -> None:  # noqa: ANN001
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        open_search(page, base_url)
        search(page, "wijkbudget")
        page.locator("button[data-soort='methode']").click()
        page.wait_for_function(f"() => /overeenkomende/.test({META})", timeout=10_000)
        found = axe.blocking(page, ".md-search", where=scheme)
        assert found == [], "\n".join(found)


def test_pages_prefetch_only_what_the_first_query_needs(built_site: Path) -> None:
    """No page prefetches a whole search index; what they do prefetch exists and is Pagefind's start-up."""
    html = (built_site / "methoden" / "wijkbudget" / "index.html").read_text(encoding="utf-8")
    prefetched = re.findall(r'<link rel="prefetch" href="([^"]+)"', html)
    assert prefetched and not any("search_index" in href or "lunr" in href for href in prefetched), prefetched
    for href in prefetched:
        assert (built_site / "methoden" / "wijkbudget" / href).resolve().is_file(), href
    assert {Path(h).name for h in prefetched} == {"pagefind.js", "pagefind-worker.js", "wasm.nl.pagefind"}


def test_a_typo_finds_the_intended_page_first_and_the_dialog_says_what_it_searched(page, base_url: str, data) -> None:  # noqa: ANN001
    method = data.methods["bewonersbedrijf"]
    word = method["name"].lower()
    typo = word[:5] + word[6:]  # one letter missing: 'bewonrsbedrijf'
    open_search(page, base_url)
    meta = search(page, typo)
    assert meta.startswith(f"Bedoelde je: {word}?"), meta
    assert page.locator(".md-search-result__meta strong").inner_text() == word, "the corrected word stands out"
    assert result_paths(page)[0] == f"/methoden/{method.id}/"
    # Two letters swapped, inside a question: the rest of the question stays as typed.
    meta = search(page, "hoe vraag ik een wijkbugdet aan")
    assert meta.startswith("Bedoelde je: hoe vraag ik een wijkbudget aan?"), meta
    assert result_paths(page)[0] in ("/checklists/wijkbudget-aanvragen/", "/bewoners/wijkbudget/")
    # A word the index holds is never 'corrected'.
    assert not search(page, "wijkbudget").startswith("Bedoelde je")


def test_each_result_says_what_kind_of_page_it_is_in_its_name(page, base_url: str) -> None:  # noqa: ANN001
    open_search(page, base_url)
    search(page, "wijkbudget")
    labels = {}
    for link in page.locator("li.md-search-result__item > a.md-search-result__link:first-child").all():
        path = urlparse(link.get_attribute("href")).path
        kind = link.locator(".wg-zoeksoort")
        assert kind.count() == 1 and kind.is_visible(), path
        # The accessible name a screen reader reads starts with the type, then the title.
        name = page.evaluate("a => a.innerText", link.element_handle())
        assert name.startswith(kind.inner_text().strip()), (path, name)
        labels[path.split("/")[1]] = kind.inner_text().strip(" ,\n")
    assert labels.get("methoden") == "Methode" and labels.get("checklists") == "Checklist", labels
    assert labels.get("bewoners") == "Voor bewoners", labels


def test_nothing_found_offers_ways_on_by_keyboard_and_passes_axe(page, base_url: str) -> None:  # noqa: ANN001
    open_search(page, base_url)
    help_links = page.locator(".wg-zoekhulp a")
    assert not page.locator(".wg-zoekhulp").is_visible(), "no help while nothing is typed"
    meta = search(page, "qqxyzzyq")
    assert meta == "Geen overeenkomende documenten", meta
    assert page.locator(".wg-zoekhulp").is_visible()
    hrefs = [urlparse(h).path for h in page.eval_on_selector_all(".wg-zoekhulp a", "els => els.map(e => e.href)")]
    assert hrefs == ["/participatiewijzer/", "/bewoners/", "/checklists/"], hrefs
    # Arrow down from the box reaches the first way on; Enter would follow it.
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('.wg-zoekhulp') !== null")
    assert page.evaluate("document.activeElement.href") == help_links.first.evaluate("a => a.href")
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        found = axe.blocking(page, ".md-search", where=scheme)
        assert found == [], "\n".join(found)
    # A query that finds something hides the help again.
    search(page, "wijkbudget")
    assert not page.locator(".wg-zoekhulp").is_visible()


def test_the_filter_chips_are_the_record_kinds_of_the_registry(page, base_url: str, data) -> None:  # noqa: ANN001
    open_search(page, base_url)
    chips = page.eval_on_selector_all("[data-soort]", "els => els.map(e => [e.dataset.soort, e.textContent.trim()])")
    kinds = [[kind.label, kind.title] for kind in data.kinds]
    assert chips[1:1 + len(kinds)] == kinds, chips
    assert chips[0] == ["", "Alles"] and ["pagina voor bewoners", "Voor bewoners"] in chips
