"""Mijn leeslijst and the actions next to every source, in a real browser: ticking sources on three
pages, exporting them (BibTeX, RIS, CSL-JSON parse back to the same entries), the share link in a fresh
browser, the exact text the copy buttons put on the clipboard, the filter's Dutch word forms, and axe.
Expected values come from the data (macros.bibliography), never from fixed strings."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse

import bibtexparser
import pytest
from playwright.sync_api import expect

from macros import bibliography
from tests.browser import axe
from tests.build.test_readinglist import read_ris


def source_keys(record) -> list[str]:  # noqa: ANN001 - Record
    return [s["key"] if isinstance(s, dict) else s for s in record.get("sources") or []]


@pytest.fixture(scope="module")
def three(data):  # noqa: ANN001 - Dataset
    """Three different entries, each to be ticked on a different page: the reading list, a method, a case."""
    first = data.bibliography.keys()[0]
    method = next(m for m in sorted(data.methods.values(), key=lambda r: r.id) if set(source_keys(m)) - {first})
    second = next(k for k in source_keys(method) if k != first)
    case = next(c for c in sorted(data.cases.values(), key=lambda r: r.id) if set(source_keys(c)) - {first, second})
    third = next(k for k in source_keys(case) if k not in (first, second))
    return [("leeslijst/", ".wg-ll__entry", first), (f"methoden/{method.id}/", ".wg-bronnen", second),
            (f"praktijk/{case.id}/", ".wg-bronnen", third)]


def in_order(data, keys) -> list[str]:  # noqa: ANN001
    return [k for k in data.bibliography.keys() if k in set(keys)]


def shown_entries(page) -> list[str]:
    return page.eval_on_selector_all(".wg-mijn__entry", "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.key)")


def tick_three(page, base_url: str, three) -> None:  # noqa: ANN001
    for path, scope, key in three:
        page.goto(f"{base_url}/{path}")
        toggle = page.locator(f'{scope} .wg-acties__mijn[data-key="{key}"]').first
        toggle.click()
        assert toggle.get_attribute("aria-pressed") == "true"
    assert page.locator(".wg-mijn-kop__n").inner_text() == "3"


def coins_on_page(page) -> list[str]:
    return page.eval_on_selector_all("span.Z3988", "spans => spans.map(s => s.title)")


def test_my_reading_list_offers_zotero_exactly_the_shown_sources(page, base_url: str, data, three) -> None:
    """COinS for every source shown on /leeslijst/mijn/ and none for the hidden rest; emptying the list
    takes them away."""
    tick_three(page, base_url, three)
    keys = in_order(data, [key for _, _, key in three])
    page.goto(f"{base_url}/leeslijst/mijn/")
    expect(page.locator(".wg-mijn__entry:not([hidden]) span.Z3988")).to_have_count(len(keys))
    assert shown_entries(page) == keys
    assert coins_on_page(page) == [bibliography.to_coins(data.bibliography[k]) for k in keys]
    for key in keys:  # each span sits in its own entry, after the reference
        entry = page.locator(f'.wg-mijn__entry[data-key="{key}"]')
        assert entry.locator("span.Z3988").get_attribute("title") == bibliography.to_coins(data.bibliography[key])
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-mijn-action="clear"]')
    expect(page.locator("span.Z3988")).to_have_count(0)


def download(page, action: str) -> str:
    with page.expect_download() as info:
        page.click(f'[data-mijn-action="{action}"]')
    return Path(info.value.path()).read_text(encoding="utf-8")


def test_three_sources_ticked_on_three_pages_export_and_share(page, base_url: str, data, three, browser) -> None:
    tick_three(page, base_url, three)
    keys = in_order(data, [key for _, _, key in three])

    page.goto(f"{base_url}/leeslijst/mijn/")
    assert shown_entries(page) == keys
    assert page.locator(".wg-mijn__count").inner_text().startswith("Je leeslijst heeft 3 bronnen.")
    assert page.locator(".wg-mijn-kop").get_attribute("aria-label") == "Mijn leeslijst, 3 bronnen"

    library = bibtexparser.parse_string(download(page, "bib"))
    assert not library.failed_blocks
    assert [entry.key for entry in library.entries] == keys
    for entry in library.entries:  # each entry exactly as the reading list holds it
        original = bibtexparser.parse_string(data.bibliography[entry.key].raw).entries[0]
        assert {f.key: f.value for f in entry.fields} == {f.key: f.value for f in original.fields
                                                          if bibliography.exports_bibtex_field(f.key, str(f.value))}
        assert "redactienotitie" not in entry.fields_dict
    records = read_ris(download(page, "ris"))
    assert [r["ID"] for r in records] == [[k] for k in keys]
    assert [r["TI"] for r in records] == [[data.bibliography[k].title] for k in keys]
    items = json.loads(download(page, "json"))
    assert items == bibliography.to_csl_json([data.bibliography[k] for k in keys])

    # The share link fills the list in a browser that has never seen the site.
    link = page.locator("#wg-mijn-link").input_value()
    assert urlparse(link).query == "bronnen=" + ",".join(keys)
    fresh = browser.new_context()
    other = fresh.new_page()
    outside: list[str] = []
    other.on("request", lambda r: outside.append(r.url) if urlparse(r.url).hostname not in ("127.0.0.1", None)
             and not r.url.startswith(("data:", "blob:")) else None)
    other.goto(link)
    assert shown_entries(other) == keys
    assert "Uit de gedeelde link: 3 bronnen." in other.locator(".wg-mijn__count").inner_text()
    assert json.loads(other.evaluate("localStorage.getItem('wijkengids:leeslijst')")) == keys
    assert other.locator(".wg-mijn-kop__n").inner_text() == "3"
    fresh.close()
    assert outside == []


def test_untick_on_another_page_and_the_list_follows(page, base_url: str, data, three) -> None:
    tick_three(page, base_url, three)
    path, scope, key = three[1]
    page.goto(f"{base_url}/{path}")
    page.locator(f'{scope} .wg-acties__mijn[data-key="{key}"]').first.click()
    assert page.locator(".wg-mijn-kop__n").inner_text() == "2"
    page.goto(f"{base_url}/leeslijst/mijn/")
    assert shown_entries(page) == in_order(data, [three[0][2], three[2][2]])


def test_copy_buttons_put_the_exact_apa_text_on_the_clipboard(page, base_url: str, data, three) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    live = page.locator("#wg-mijn-live")
    # reading list: the button reached and pressed with the keyboard
    _, _, key = three[0]
    entry = data.bibliography[key]
    page.goto(f"{base_url}/leeslijst/")
    button = page.locator(f'.wg-ll__entry[id="{key}"] [data-copy="apa"]')
    expect(button).to_be_visible()  # the script shows the buttons once it runs
    button.focus()
    page.keyboard.press("Enter")
    expect(live).to_have_text("Bronvermelding gekopieerd.")
    assert page.evaluate("navigator.clipboard.readText()") == bibliography.reference_text(entry)
    assert live.get_attribute("aria-live") == "polite"
    page.locator(f'.wg-ll__entry[id="{key}"] [data-copy="cite"]').click()
    expect(live).to_have_text(f"Verwijzing {bibliography.cite_text(entry)} gekopieerd.")
    assert page.evaluate("navigator.clipboard.readText()") == bibliography.cite_text(entry)

    # a method page: the source as listed under "Bronnen"
    path, _, key = three[1]
    page.goto(f"{base_url}/{path}")
    page.locator(f'#bron-{key} [data-copy="apa"]').click()
    expect(live).to_have_text("Bronvermelding gekopieerd.")
    assert page.evaluate("navigator.clipboard.readText()") == bibliography.reference_text(data.bibliography[key])

    # Mijn leeslijst: the whole list as APA text, one reference a line, in reading-list order
    tick_three(page, base_url, three)
    page.goto(f"{base_url}/leeslijst/mijn/")
    page.click('[data-mijn-action="copy"]')
    expect(live).to_have_text("Je leeslijst (3 bronnen) gekopieerd.")
    keys = in_order(data, [k for _, _, k in three])
    assert page.evaluate("navigator.clipboard.readText()") == "\n".join(
        bibliography.reference_text(data.bibliography[k]) for k in keys)


def test_verder_lezen_puts_all_its_sources_in_the_list(page, base_url: str, three) -> None:
    path, _, _ = three[1]
    page.goto(f"{base_url}/{path}")
    button = page.locator(".wg-acties__alle")
    keys = button.get_attribute("data-keys").split()
    button.click()
    assert page.locator(".wg-mijn-kop__n").inner_text() == str(len(keys))
    for key in keys:
        assert page.locator(f'.wg-verder .wg-acties__mijn[data-key="{key}"]').get_attribute("aria-pressed") == "true"


def test_axe_on_my_list_and_on_the_reading_list_with_items_ticked(page, base_url: str, three) -> None:
    tick_three(page, base_url, three)
    page.goto(f"{base_url}/leeslijst/")
    page.locator(".wg-ll__form").wait_for(state="visible")
    assert page.locator('.wg-acties__mijn[aria-pressed="true"]').count() == 3  # each entry once on the page
    # What ticking changed: the three entries with their pressed buttons and the counter in the header. The
    # whole page, unticked, is scanned in tests/browser/test_accessibility.py (axe's contrast check on all
    # of its 200+ entries takes ~25 s of CPU; the three cost a fraction).
    changed = page.evaluate("""() => [...document.querySelectorAll('.wg-ll__entry')]
        .filter(e => e.querySelector('.wg-acties__mijn[aria-pressed="true"]')).map(e => '#' + CSS.escape(e.id))""")
    assert len(changed) == 3 and page.locator(".wg-mijn-kop").count() == 1
    assert axe.blocking(page, {"include": [[selector] for selector in [*changed, ".wg-mijn-kop"]]}) == []
    page.goto(f"{base_url}/leeslijst/mijn/")
    assert len(shown_entries(page)) == 3
    assert axe.blocking(page) == []


def test_the_filter_understands_dutch_word_forms(page, base_url: str, data) -> None:
    def search(words: str) -> set[str]:
        box = page.locator("#wg-ll-q")
        box.fill(words)
        box.press("End")
        return set(page.eval_on_selector_all(
            "li.wg-ll__entry", "els => els.filter(e => e.offsetParent !== null).map(e => e.id)"))

    page.goto(f"{base_url}/leeslijst/")
    page.locator(".wg-ll__form").wait_for(state="visible")
    theme = {e.key for e in data.bibliography if "bewonersbedrijven" in {t.id for t in data.themes_of(e)}}
    assert len(theme) > 1
    assert theme <= search("bewonersbedrijf")
    assert theme <= search("bewonersbedrijven")
    singular = [e.key for e in data.bibliography if "bewonersbedrijf " in (e.title.casefold() + " ")]
    assert singular and set(singular) <= search("bewonersbedrijven")
    corporatie = search("corporatie")
    assert corporatie and corporatie == search("corporaties") == search("Corporaties")
    # accents fold: 'clientenparticipatie' finds 'cliëntenparticipatie'
    accented = {e.key for e in data.bibliography if "cliëntenparticipatie" in e.title.casefold()}
    assert accented and accented <= search("clientenparticipatie")
    # a name with a tussenvoegsel, with and without it
    person = next((p, e.key) for e in data.bibliography for p in e.authors if p.particle and not p.is_organisation)
    assert person[1] in search(person[0].family) and person[1] in search(f"{person[0].particle} {person[0].family}")
    forms = page.evaluate("""async () => {
        const stem = await import(new URL("../assets/js/nl-stem.js", location.href).href);  // the module the page uses
        return ["bedrijven", "straten", "huizen", "corporaties", "mogelijkheden"].map((w) => stem.forms(w));
    }""")
    for found, wanted in zip(forms, ["bedrijf", "straat", "huis", "corporatie", "mogelijkheid"]):
        assert wanted in found, (found, wanted)
