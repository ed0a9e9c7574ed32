"""Checklists in a real browser: ticks persist locally, survive new items, print and download."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.data.dataset import load_valid_dataset
from scripts.host import server_url, start_server
from tests.browser import axe
from tests.support import FIXTURE_DATA, ROOT, build_site, fixture_project


@pytest.fixture(scope="module")
def checklist():
    data = load_valid_dataset(ROOT / "data", ROOT)
    assert data.checklists, "no checklists in data/"
    # A professionals' checklist: residents' checklists have no "Kopieer als Markdown" button.
    return sorted((c for c in data.checklists.values() if c["audience"] != "bewoner"), key=lambda c: -len(c["items"]))[0]


def boxes(page):
    return page.locator(".wg-checklist__item input[type=checkbox]")


def test_ticks_persist_and_progress_counts(page, base_url: str, checklist) -> None:
    page.goto(f"{base_url}/checklists/{checklist.id}/")
    total = len(checklist["items"])
    assert boxes(page).count() == total
    progress = page.locator(".wg-checklist__progress")
    assert progress.inner_text() == f"0 van {total} punten afgevinkt"
    boxes(page).nth(0).check()
    boxes(page).nth(2).check()
    assert progress.inner_text() == f"2 van {total} punten afgevinkt"
    page.reload()
    assert boxes(page).nth(0).is_checked() and boxes(page).nth(2).is_checked()
    assert not boxes(page).nth(1).is_checked()
    assert page.locator(".wg-checklist__progress").inner_text() == f"2 van {total} punten afgevinkt"
    page.get_by_role("button", name="Wis alle vinkjes").click()
    assert page.locator(".wg-checklist__progress").inner_text() == f"0 van {total} punten afgevinkt"
    page.reload()
    assert not any(boxes(page).nth(i).is_checked() for i in range(total))


def test_each_checkbox_has_an_accessible_name_and_axe_passes(page, base_url: str, checklist) -> None:
    page.goto(f"{base_url}/checklists/{checklist.id}/")
    for item in checklist["items"]:
        assert page.get_by_role("checkbox", name=item["text"], exact=True).count() == 1
    found = axe.blocking(page)
    assert found == [], "\n".join(found)


def test_keyboard_only_ticking(page, base_url: str, checklist) -> None:
    page.goto(f"{base_url}/checklists/{checklist.id}/")
    first = boxes(page).nth(0)
    first.focus()
    page.keyboard.press("Space")
    assert first.is_checked()
    page.keyboard.press("Tab")  # to the explanation toggle or the next box
    focused = page.evaluate("document.activeElement.tagName")
    assert focused in ("SUMMARY", "INPUT")


def test_print_view_shows_every_item_and_no_navigation(page, base_url: str, checklist) -> None:
    page.goto(f"{base_url}/checklists/{checklist.id}/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".wg-checklist__bar"):
        assert not page.locator(selector).first.is_visible(), f"{selector} visible in print"
    labels = page.locator(".wg-checklist__item label")
    assert labels.count() == len(checklist["items"])
    assert all(labels.nth(i).is_visible() for i in range(labels.count()))


def test_downloads_contain_every_item(page, base_url: str, checklist) -> None:
    page.goto(f"{base_url}/checklists/{checklist.id}/")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download de checklist als tekstbestand").click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    for item in checklist["items"]:
        assert item["text"] in text
    boxes(page).nth(1).check()
    page.get_by_role("button", name="Kopieer als Markdown").click()
    markdown = page.locator(".wg-checklist").get_attribute("data-markdown")
    assert f"- [x] {checklist['items'][1]['text']}" in markdown
    assert f"- [ ] {checklist['items'][0]['text']}" in markdown


def test_without_javascript_the_checklist_is_a_plain_list(browser, base_url: str, checklist) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/checklists/{checklist.id}/")
    assert page.locator(".wg-checklist__item label").count() == len(checklist["items"])
    assert not page.locator(".wg-checklist__bar").is_visible()
    context.close()


def test_ticks_survive_a_new_item_in_the_yaml(browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ticks are stored by item id: inserting an item at the top keeps them on the right items."""
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data_dir, symlinks=False)
    monkeypatch.setenv("WIJKENGIDS_DATA", str(data_dir))
    site, project = tmp_path / "site", fixture_project(tmp_path / "project")
    result = build_site(site, project=project)
    assert result.returncode == 0, result.stderr[-3000:]
    server = start_server(site)
    url = f"{server_url(server)}/checklists/eerste-stappen/"
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.get_by_role("checkbox", name="De ruimte voor bewoners is vooraf benoemd.").check()

    checklist = data_dir / "checklists" / "eerste-stappen.yaml"
    checklist.write_text(checklist.read_text(encoding="utf-8").replace(
        "items:\n", "items:\n  - id: nieuw-punt\n    text: Een nieuw punt bovenaan.\n", 1), encoding="utf-8")
    result = build_site(site, project=project)
    assert result.returncode == 0, result.stderr[-3000:]
    page.goto(url)
    assert page.get_by_role("checkbox", name="Een nieuw punt bovenaan.").count() == 1
    assert not page.get_by_role("checkbox", name="Een nieuw punt bovenaan.").is_checked()
    assert page.get_by_role("checkbox", name="De ruimte voor bewoners is vooraf benoemd.").is_checked()
    assert page.locator(".wg-checklist__progress").inner_text() == "1 van 3 punten afgevinkt"
    context.close()
    server.shutdown()
