"""The methods index filters on kind (methode, instrument, regeling, …) in a real browser.

Expectations come from the validated data. Without JavaScript the table lists every method with its
kind as visible text, and the filter form stays hidden.
"""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Page, expect

from macros.data.dataset import Dataset
from tests.browser import axe


def rows(page: Page) -> list[str]:
    """Visible method links in the table, in order."""
    return page.locator("table[data-kindtable] tbody tr:visible th a").evaluate_all(
        "els => els.map(a => a.getAttribute('href').split('/').filter(Boolean).pop())")


def overview(data: Dataset) -> list:
    """The methods the table lists: ideas and history stand apart, under 'Achtergrond'."""
    return [m for m in data.methods.values() if m.get("section") != "achtergrond"]


def ids_of(data: Dataset, *kinds: str) -> list[str]:
    return [m.id for m in sorted(overview(data), key=lambda m: m["name"]) if not kinds or m["kind"] in kinds]


def test_checking_kinds_shows_only_those_methods(page: Page, base_url: str, data: Dataset) -> None:
    labels = data.schemas.labels["methodKind"]
    counts = {k: sum(m["kind"] == k for m in overview(data)) for k in labels}
    present = [k for k in labels if counts[k]]
    assert len(present) >= 2
    page.goto(f"{base_url}/methoden/")
    form = page.locator("form[data-kindfilter]")
    expect(form).to_be_visible()
    assert rows(page) == ids_of(data)
    expect(form.locator(".wg-kindfilter__count")).to_have_text(f"Alle {len(overview(data))} getoond")
    first, second = present[0], present[-1]
    page.get_by_role("checkbox", name=f"{labels[first]} ({counts[first]})", exact=True).check()
    assert rows(page) == ids_of(data, first)
    expect(form.locator(".wg-kindfilter__count")).to_have_text(f"{counts[first]} van de {len(overview(data))} getoond")
    assert parse_qs(urlparse(page.url).query) == {"soort": [first]}
    page.get_by_role("checkbox", name=f"{labels[second]} ({counts[second]})", exact=True).check()
    assert rows(page) == ids_of(data, first, second)
    # Every visible row says its kind in words.
    kinds_shown = page.locator("table[data-kindtable] tbody tr:visible .wg-label--kind").all_inner_texts()
    assert set(kinds_shown) == {labels[first], labels[second]}
    # A link with the choice reproduces it.
    page.goto(f"{base_url}/methoden/?soort={second}")
    assert rows(page) == ids_of(data, second)
    assert page.get_by_role("checkbox", name=f"{labels[second]} ({counts[second]})", exact=True).is_checked()
    page.get_by_role("checkbox", name=f"{labels[second]} ({counts[second]})", exact=True).uncheck()
    assert rows(page) == ids_of(data) and urlparse(page.url).query == ""
    found = axe.every(page)
    assert found == [], "\n".join(found)


def test_without_javascript_the_table_lists_every_method_with_its_kind(browser, base_url: str, data: Dataset) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/methoden/")
    assert not page.locator("form[data-kindfilter]").is_visible()
    assert rows(page) == ids_of(data)
    labels = data.schemas.labels["methodKind"]
    kinds = page.locator("table[data-kindtable] tbody tr .wg-label--kind").all_inner_texts()
    assert kinds == [labels[data.methods[i]["kind"]] for i in ids_of(data)]
    # Ideas and history: listed apart, each linked, none in the table.
    background = sorted(m.id for m in data.methods.values() if m.get("section") == "achtergrond")
    listed = page.locator("#achtergrond ~ ul.wg-records li a").evaluate_all(
        "els => els.map(a => a.getAttribute('href').split('/').filter(Boolean).pop())")
    assert background and sorted(listed) == background and not set(background) & set(rows(page))
    context.close()


def test_a_method_page_shows_its_kind_and_a_concept_note(page: Page, base_url: str, data: Dataset) -> None:
    method = sorted(data.methods.values(), key=lambda m: m.id)[0]
    page.goto(f"{base_url}/methoden/{method.id}/")
    label = page.locator(".wg-labels .wg-label--kind")
    expect(label).to_have_text(f"Soort: {data.schemas.labels['methodKind'][method['kind']]}")
    label.click()
    expect(page).to_have_url(f"{base_url}/onderbouwing/#soort-{method['kind']}")
