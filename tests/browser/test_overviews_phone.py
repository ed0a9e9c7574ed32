"""Overview tables on a phone (390 px): every column's information is seen without scrolling sideways, and
words break between words, never inside one ("Programmabure|au"). Measured by element boxes."""
from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from macros.data.dataset import Dataset
from tests.support import no_sideways_scroll

PHONE, WIDE = {"width": 390, "height": 844}, {"width": 1280, "height": 900}
# The overviews of the issue, and the other pages with a table a reader meets.
PAGES = ["/methoden/", "/praktijk/", "/open-data/", "/onderbouwing/", "/methoden/vergelijk/"]

# Words (split after a hyphen, where a break is fine) whose text spans more than one line box.
BROKEN_WORDS = """() => [...document.querySelectorAll('.md-content table')].filter(t => t.offsetParent).flatMap(table => {
  const broken = [], walk = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    for (const word of node.data.matchAll(/[^\\s\\u00ad-]+-?/g)) {
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (lines.size > 1) broken.push(word[0]);
    }
  }
  return broken;
})"""


@pytest.mark.parametrize("path", PAGES)
def test_at_390_px_no_table_is_wider_than_the_screen(page: Page, base_url: str, path: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(base_url + path)
    assert page.locator(".md-content table").count() >= 1
    no_sideways_scroll(page)
    # Every cell is inside the screen, and says which column it belongs to (the headers are hidden).
    cells = page.locator(".md-content table:visible tbody td").evaluate_all("""tds => tds.map(td => {
        const table = td.closest('table'), heads = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
        const box = td.getBoundingClientRect();
        return {label: td.dataset.label, column: heads[td.cellIndex], right: box.right, left: box.left};})""")
    assert cells
    for cell in cells:
        assert 0 <= cell["left"] and cell["right"] <= PHONE["width"], cell
        assert cell["label"] == cell["column"], cell


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["390px", "1280px"])
@pytest.mark.parametrize("path", ["/methoden/", "/praktijk/", "/open-data/"])
def test_no_word_breaks_in_the_middle(page: Page, base_url: str, path: str, viewport: dict) -> None:
    page.set_viewport_size(viewport)
    page.goto(base_url + path)
    assert page.evaluate(BROKEN_WORDS) == []


def test_the_kind_filter_works_on_a_phone(page: Page, base_url: str, data: Dataset) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}/methoden/")
    labels = data.schemas.labels["methodKind"]
    current = [m for m in data.methods.values() if m.get("section") != "achtergrond"]
    kind = max(labels, key=lambda k: sum(m["kind"] == k for m in current))
    count = sum(m["kind"] == kind for m in current)
    page.get_by_role("checkbox", name=f"{labels[kind]} ({count})", exact=True).check()
    expect(page.locator("table[data-kindtable] tbody tr:visible")).to_have_count(count)
    no_sideways_scroll(page)
