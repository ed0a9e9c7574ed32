"""Vergelijk methoden in a real browser: the address chooses, the page shows the methods side by side on a
wide screen and stacked on a phone, prints on A4, folds equal rows, and works by keyboard and without
JavaScript. Names, rows and equal values come from the validated data."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect

from macros.data.dataset import Dataset, Record
from macros.site.compare import ROWS, comparable
from macros.site.context import COMPARE_MAX
from tests.browser import axe
from tests.support import no_sideways_scroll

ADDRESS = ["abcd", "pact", "wijkbudget"]  # the address of the issue: /methoden/vergelijk/?m=abcd,pact,wijkbudget
PHONE, WIDE = {"width": 390, "height": 844}, {"width": 1280, "height": 900}
TABLE = "table.wg-cmp__table"


def open_comparison(page: Page, base_url: str, ids: list[str]) -> None:
    page.goto(f"{base_url}/methoden/vergelijk/?m={','.join(ids)}")
    expect(page.locator(f"{TABLE} thead th[scope=col] a")).to_have_count(len(ids))


def chosen(page: Page) -> list[str]:
    return parse_qs(urlparse(page.url).query).get("m", [""])[0].split(",")


def same_value_pair(data: Dataset) -> tuple[Record, Record]:
    """Two comparable methods of the same kind with different summaries: the row 'Soort' agrees."""
    methods = comparable(data)
    return next((a, b) for a in methods for b in methods
                if a.id < b.id and a["kind"] == b["kind"] and a["summary"] != b["summary"])


def test_the_address_of_the_issue_names_methods_in_the_guide(data: Dataset) -> None:
    assert set(ADDRESS) <= {m.id for m in comparable(data)}


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["390px", "1280px"])
def test_the_address_shows_the_methods_side_by_side(page: Page, base_url: str, data: Dataset, viewport: dict) -> None:
    page.set_viewport_size(viewport)
    open_comparison(page, base_url, ADDRESS)
    names = [data.methods[i]["name"] for i in ADDRESS]
    expect(page.locator(f"{TABLE} thead th[scope=col] a")).to_have_text(names)
    assert page.locator(f"{TABLE} tbody th[scope=row]").all_inner_texts() == [label for _, label in ROWS]
    first = page.locator(f"{TABLE} tbody tr").first.locator("td")
    expect(first).to_have_count(len(ADDRESS))
    expect(first.nth(1)).to_contain_text(data.methods[ADDRESS[1]]["summary"])
    boxes = [first.nth(i).bounding_box() for i in range(len(ADDRESS))]
    if viewport is WIDE:  # one column per method, next to each other
        assert all(b["y"] == boxes[0]["y"] for b in boxes) and boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"]
    else:  # stacked: one card per row, the methods under each other, each named
        assert all(b["x"] == boxes[0]["x"] for b in boxes) and boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"]
        labels = first.evaluate_all("tds => tds.map(td => getComputedStyle(td, '::before').content)")
        assert labels == [f'"{name}: "' for name in names]
    no_sideways_scroll(page)
    found = axe.every(page)
    assert found == [], "\n".join(found)


def test_rows_where_all_methods_agree_fold_away(page: Page, base_url: str, data: Dataset) -> None:
    one, two = same_value_pair(data)
    open_comparison(page, base_url, [one.id, two.id])
    kind_row, summary_row = page.locator(f"{TABLE} tr[data-row=soort]"), page.locator(f"{TABLE} tr[data-row=kort]")
    status = page.locator(".wg-cmp__status")
    expect(status).to_contain_text("Gelijk bij alle gekozen methoden:")
    expect(status).to_contain_text("soort")
    page.get_by_label("Verberg wat bij alle gekozen methoden gelijk is").check()
    expect(kind_row).to_be_hidden()
    expect(summary_row).to_be_visible()
    expect(status).to_contain_text("Verborgen omdat ze bij alle gekozen methoden gelijk zijn:")
    page.get_by_label("Verberg wat bij alle gekozen methoden gelijk is").uncheck()
    expect(kind_row).to_be_visible()


def test_by_keyboard_the_reader_adds_and_removes_methods_and_the_address_follows(page: Page, base_url: str,
                                                                               data: Dataset) -> None:
    methods = comparable(data)
    first, others = methods[0], methods[1:COMPARE_MAX + 1]
    open_comparison(page, base_url, [first.id])
    expect(page.locator(".wg-cmp__status")).to_contain_text("Vink in de tabel hieronder nog een methode aan")
    for method in others[:COMPARE_MAX - 1]:
        box = page.get_by_role("checkbox", name=f"Vergelijk {method['name']}", exact=True)
        box.focus()
        page.keyboard.press("Space")
        expect(box).to_be_checked()
    want = [first.id, *(m.id for m in others[:COMPARE_MAX - 1])]
    expect(page.locator(f"{TABLE} thead th[scope=col] a")).to_have_count(COMPARE_MAX)
    assert chosen(page) == want
    # One more than fits is refused, and the reader is told why.
    extra = page.get_by_role("checkbox", name=f"Vergelijk {others[-1]['name']}", exact=True)
    extra.focus()
    page.keyboard.press("Space")
    expect(extra).not_to_be_checked()
    expect(page.locator(".wg-cmp__status")).to_have_text(f"Je kunt hoogstens {COMPARE_MAX} methoden vergelijken. Haal er eerst een weg.")
    # Remove the first with its button; focus goes back to the comparison's heading.
    page.get_by_role("button", name=f"Haal weg {first['name']}", exact=True).focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"{TABLE} thead th[scope=col] a")).to_have_count(COMPARE_MAX - 1)
    assert chosen(page) == want[1:]
    expect(page.locator("#wg-cmp-kop")).to_be_focused()
    # The address is the comparison: opened again, it shows the same.
    page.goto(page.url)
    expect(page.locator(f"{TABLE} thead th[scope=col] a")).to_have_text([data.methods[i]["name"] for i in want[1:]])


def test_background_and_unknown_ids_in_the_address_are_explained(page: Page, base_url: str, data: Dataset) -> None:
    background = sorted((m for m in data.methods.values() if m.get("section") == "achtergrond"), key=lambda m: m.id)[:1]
    assert background, "the guide has background records"
    page.goto(f"{base_url}/methoden/vergelijk/?m={ADDRESS[0]},{background[0].id},bestaat-niet")
    expect(page.locator(f"{TABLE} thead th[scope=col] a")).to_have_count(1)
    status = page.locator(".wg-cmp__status")
    expect(status).to_contain_text("Niet gevonden in de gids: bestaat-niet.")
    expect(status).to_contain_text(f"{background[0]['name']} is een idee of geschiedenis")
    assert chosen(page) == [ADDRESS[0]]


def test_the_overview_and_a_method_page_send_methods_to_the_comparison(page: Page, base_url: str,
                                                                      data: Dataset) -> None:
    one, two = comparable(data)[:2]
    page.goto(f"{base_url}/methoden/")
    page.get_by_role("checkbox", name=f"Vergelijk {one['name']}", exact=True).check()
    expect(page.locator(".wg-cmp-bar__status")).to_have_text("1 methode gekozen om te vergelijken. Kies er nog een.")
    page.goto(f"{base_url}/methoden/{two.id}/")
    page.get_by_role("checkbox", name="Zet deze methode in je vergelijking").check()
    page.get_by_role("link", name="Vergelijk je 2 methoden").click()
    expect(page.locator(f"{TABLE} thead th[scope=col] a")).to_have_text([one["name"], two["name"]])
    assert chosen(page) == [one.id, two.id]
    # Back on the overview both are ticked, and its button leads to the same comparison.
    page.goto(f"{base_url}/methoden/")
    expect(page.get_by_role("checkbox", name=f"Vergelijk {two['name']}", exact=True)).to_be_checked()
    page.get_by_role("link", name="Vergelijk deze 2 methoden").click()
    assert chosen(page) == [one.id, two.id]


def test_the_participatiewijzer_sends_its_best_methods(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/participatiewijzer/")
    page.wait_for_selector(".wg-pw[data-ready='1']")
    best = page.locator("[data-list=methods] > li[data-id]").evaluate_all("els => els.slice(0, 3).map(e => e.dataset.id)")
    assert len(best) == 3
    link = page.locator(".wg-pw__compare-link")
    expect(link).to_have_text("Zet de eerste 3 methoden naast elkaar")
    link.click()
    expect(page.locator(f"{TABLE} thead th[scope=col] a")).to_have_count(3)
    assert chosen(page) == best


def test_printed_the_comparison_stands_alone_on_a4(page: Page, base_url: str) -> None:
    open_comparison(page, base_url, ADDRESS[:2])
    two = page.pdf(prefer_css_page_size=True)
    open_comparison(page, base_url, ADDRESS)
    three = page.pdf(prefer_css_page_size=True)
    page.emulate_media(media="print")
    for hidden in (".md-header", ".wg-cmp__tools", ".wg-cmp__remove", ".wg-cmp__picklist", ".md-sidebar--primary"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator(TABLE)).to_be_visible()
    expect(page.locator(".wg-cmp__link")).to_be_visible()  # the printout says where it came from
    boxes = page.locator(f"{TABLE} tbody tr").first.locator("td").evaluate_all(
        "tds => tds.map(td => td.getBoundingClientRect().y)")
    assert len(set(boxes)) == 1, "printed side by side, not stacked"

    def media_box(pdf: bytes) -> tuple[float, float]:
        width, height = re.search(rb"/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]", pdf).groups()
        return round(float(width)), round(float(height))
    assert media_box(two) == (595, 842), "A4 upright for two methods"
    assert media_box(three) == (842, 595), "A4 landscape for three or four"


def test_without_javascript_a_plain_table_of_all_methods_fits_a_phone(browser, base_url: str, data: Dataset) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{base_url}/methoden/vergelijk/?m={','.join(ADDRESS)}")
    expect(page.locator(".wg-cmp__view")).to_be_hidden()
    expect(page.locator(".wg-cmp__nojs")).to_be_visible()
    rows = page.locator("table.wg-cmp__all tbody tr")
    assert rows.evaluate_all("rs => rs.map(r => r.dataset.id)") == [m.id for m in comparable(data)]
    expect(rows.first.locator("th a")).to_have_text(comparable(data)[0]["name"])
    no_sideways_scroll(page)
    context.close()
