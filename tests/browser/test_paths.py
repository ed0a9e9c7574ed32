"""Paths that fit each reader (issue 19), in a real browser: the doors on the home page (the menu that
names things once is read from the built HTML: tests/build/test_menu_trails.py), residents' pages without technical furniture, overview pages that overview
(checklists, timeline, map, reading list). Expectations come from the data and the built site.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Page, expect

from macros.data.dataset import Dataset
from macros.figures import case_map
from macros.site.timeline import event_themes
from tests.browser import axe

PHONE = {"width": 390, "height": 844}
FILE_NAME = re.compile(r"[\w./-]+\.(?:md|ya?ml|bib|json)\b")


def nav_paths(page: Page, base_url: str) -> list[str]:
    """Every page the main menu links to, as a URL path."""
    page.goto(base_url + "/")
    hrefs = page.locator(".md-nav--primary a.md-nav__link[href]").evaluate_all("els => els.map(a => a.href)")
    paths = []
    for href in hrefs:
        path = urlparse(href).path
        if urlparse(href).netloc == urlparse(base_url).netloc and path not in paths:
            paths.append(path)
    return paths


# ----- 1. the doors ------------------------------------------------------------------------------
def test_both_doors_fit_the_first_phone_screen(browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + "/")
    doors = page.get_by_role("navigation", name="Kies je ingang").get_by_role("link")
    expect(doors).to_have_count(2)
    names = [doors.nth(i).text_content() for i in range(2)]
    assert any("Voor professionals" in n for n in names) and any("Voor bewoners" in n for n in names), names
    for i in range(2):
        box = doors.nth(i).bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], f"door {names[i]!r} at {box}"
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        assert box["height"] >= 44, "a door is a large target"
    # A short line says what the guide is, above the doors.
    lead = page.locator("article .wg-lead")
    expect(lead).to_be_visible()
    assert lead.bounding_box()["y"] < doors.first.bounding_box()["y"]
    assert axe.blocking(page) == []
    page.get_by_role("link", name=re.compile("Ik woon in de wijk")).click()
    expect(page).to_have_url(f"{base_url}/bewoners/")
    expect(page.locator("h1")).to_have_text("Voor bewoners")
    context.close()


# ----- 2. the menu -------------------------------------------------------------------------------
# ----- 1. residents' pages ------------------------------------------------------------------------
def test_residents_pages_carry_no_technical_furniture(page: Page, base_url: str, data: Dataset) -> None:
    residents = [p for p in nav_paths(page, base_url) if p.startswith("/bewoners/")]
    assert len(residents) >= 2, residents
    resident_lists = [c.id for c in data.checklists.values() if c["audience"] == "bewoner"]
    for path in ["/"] + residents + [f"/checklists/{cid}/" for cid in resident_lists]:
        page.goto(base_url + path)
        expect(page.locator("h1")).to_be_visible()
        assert page.locator("a[rel=edit], .md-content__button").count() == 0, f"{path}: edit link"
        expect(page.get_by_role("button", name="Kopieer als Markdown")).to_have_count(0)
        if path.startswith("/checklists/"):
            continue  # a record page: its review note names the data file, at the foot
        text = page.locator("body").inner_text()
        titles = " ".join(page.locator("[title]").evaluate_all("els => els.map(e => e.title)"))
        assert not FILE_NAME.search(text), f"{path}: file name {FILE_NAME.search(text).group(0)!r}"
        assert not FILE_NAME.search(titles), f"{path}: file name in a tooltip {FILE_NAME.search(titles).group(0)!r}"
    # Where the edit link of a professional page sits once a repository is set: tests/build/test_findable_site.py.


# ----- 4. overview pages ------------------------------------------------------------------------
def test_checklists_overview_lists_each_checklist_once_with_audience_phase_and_length(
        page: Page, base_url: str, data: Dataset) -> None:
    page.goto(base_url + "/checklists/")
    links = page.locator("article a[href*='/checklists/']").evaluate_all(
        "els => els.map(a => new URL(a.href).pathname)")
    assert sorted(links) == sorted(f"/checklists/{c.id}/" for c in data.checklists.values()), "each checklist once"
    labels = data.schemas.labels
    for c in data.checklists.values():
        item = page.locator("article li", has=page.locator(f"a[href$='/checklists/{c.id}/']"))
        text = item.inner_text()
        n = len(c["items"])
        assert f"{n} {'punt' if n == 1 else 'punten'}" in text
        for phase in c["phases"]:
            assert labels["phase"][phase].lower() in text
        heading = item.evaluate("li => li.closest('ul').previousElementSibling.textContent")
        assert heading.strip() == labels["audience"][c["audience"]]
    assert axe.blocking(page) == []


def dated(event) -> tuple[int, ...]:
    return tuple(int(p) for p in event["date"].split("-"))


def shown_events(page: Page) -> list[str]:
    return page.locator("li.wg-timeline__event:visible").evaluate_all("els => els.map(e => e.id)")


def test_timeline_per_decade_newest_first_and_by_theme(page: Page, base_url: str, data: Dataset) -> None:
    page.goto(base_url + "/tijdlijn/")
    toc = page.locator(".md-sidebar--secondary .md-nav__link")
    decades = sorted({int(e["date"][:4]) // 10 * 10 for e in data.timeline})
    assert toc.evaluate_all("els => els.map(a => a.hash)") == [f"#jaren-{d}" for d in decades]
    oldest_first = shown_events(page)
    assert sorted(oldest_first) == sorted(e.id for e in data.timeline)
    by_id = {e.id: e for e in data.timeline}
    assert oldest_first[0] == min(data.timeline, key=dated).id

    page.get_by_role("button", name="Nieuwste eerst").click()
    newest_first = shown_events(page)
    assert newest_first == list(reversed(oldest_first))
    assert newest_first[0] == max(data.timeline, key=dated).id
    assert toc.evaluate_all("els => els.map(a => a.hash)") == [f"#jaren-{d}" for d in reversed(decades)]
    expect(page.get_by_role("button", name="Oudste eerst")).to_have_attribute("aria-pressed", "true")
    assert parse_qs(urlparse(page.url).query) == {"volgorde": ["nieuw"]}
    page.reload()
    assert shown_events(page) == newest_first, "the order survives a reload (and a shared link)"

    theme = max(data.themes, key=lambda t: (sum(t.id in event_themes(data, e) for e in data.timeline), t.id))
    page.get_by_label("Thema", exact=True).select_option(theme.id)
    want = [i for i in newest_first if theme.id in event_themes(data, by_id[i])]
    assert want and shown_events(page) == want
    expect(page.locator(".wg-tl__status")).to_have_text(f"{len(want)} van {len(data.timeline)} gebeurtenissen, nieuwste eerst.")
    visible_toc = page.locator(".md-sidebar--secondary .md-nav__item:visible > .md-nav__link")
    assert visible_toc.evaluate_all("els => els.map(a => a.hash)") == [
        f"#jaren-{d}" for d in sorted({int(by_id[i]["date"][:4]) // 10 * 10 for i in want}, reverse=True)]
    assert axe.blocking(page) == []


def test_timeline_without_javascript_is_the_full_list_oldest_first(browser, base_url: str, data: Dataset) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/tijdlijn/")
    expect(page.locator(".wg-tl__controls")).to_be_hidden()
    ids = shown_events(page)
    assert len(ids) == len(data.timeline)
    assert ids[0] == min(data.timeline, key=dated).id and ids[-1] == max(data.timeline, key=dated).id
    context.close()


def test_every_map_marker_can_be_told_apart_and_chosen_on_a_phone(browser, base_url: str, data: Dataset) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    cases = [m.case["id"] for m in case_map.build_maps(data.cases.values()).entries]
    assert cases, "no case on the map"
    page.goto(base_url + "/praktijk/kaart/")
    boxes = {}
    for case_id in cases:
        marker = page.locator(f".wg-map__marker[data-case='{case_id}'] .wg-map__dot")
        box = marker.bounding_box()
        assert box and box["width"] >= 24 and box["height"] >= 24, f"{case_id}: marker too small {box}"
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], f"{case_id}: off screen"
        boxes[case_id] = box
    # No two markers overlap: each can be told apart and hit with a finger.
    items = list(boxes.items())
    for i, (a, p) in enumerate(items):
        for b, q in items[i + 1:]:
            apart = (p["x"] + p["width"] <= q["x"] or q["x"] + q["width"] <= p["x"]
                     or p["y"] + p["height"] <= q["y"] or q["y"] + q["height"] <= p["y"])
            if not apart:  # circles: compare the distance of the centres
                dx = (p["x"] + p["width"] / 2) - (q["x"] + q["width"] / 2)
                dy = (p["y"] + p["height"] / 2) - (q["y"] + q["height"] / 2)
                assert (dx * dx + dy * dy) ** 0.5 >= (p["width"] + q["width"]) / 2, f"{a} and {b} overlap"
    # A tap on the middle of each marker lands on its case's link: the browser's own hit test says what a
    # finger there would follow, for every marker; one real tap then shows the link opens the case.
    assert axe.blocking(page) == []
    for case_id in cases:
        marker = page.locator(f".wg-map__marker[data-case='{case_id}'] .wg-map__dot")
        marker.scroll_into_view_if_needed()
        box = marker.bounding_box()
        hit = page.evaluate("""([x, y]) => { const a = document.elementFromPoint(x, y)?.closest('a');
            return a && (typeof a.href === 'string' ? a.href : new URL(a.href.baseVal, document.baseURI).href); }""",
                            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
        assert hit == f"{base_url}/praktijk/{case_id}/", f"{case_id}: a tap on its marker follows {hit}"
    case_id = cases[-1]
    box = page.locator(f".wg-map__marker[data-case='{case_id}'] .wg-map__dot").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page).to_have_url(f"{base_url}/praktijk/{case_id}/")
    expect(page.locator("h1")).to_have_text(data.cases[case_id]["name"])
    context.close()


def test_reading_list_contents_follow_the_filter(page: Page, base_url: str, data: Dataset) -> None:
    used = [t for t in data.themes if any(t in data.themes_of(e) for e in data.bibliography)]
    theme = used[len(used) // 2]
    page.goto(f"{base_url}/leeslijst/?thema={theme.id}")
    page.wait_for_selector(".wg-ll[data-ready]")
    themes_in_toc = page.locator(".md-sidebar--secondary .md-nav__item:visible > .md-nav__link[href*='#thema-']")
    assert themes_in_toc.evaluate_all("els => els.map(a => a.hash)") == [f"#thema-{theme.id}"]
    page.locator(f"#thema-{theme.id}").scroll_into_view_if_needed()
    page.mouse.wheel(0, 300)
    active = page.locator(".md-sidebar--secondary .md-nav__link--active")
    expect(active.last).to_have_attribute("href", re.compile(rf"#thema-{re.escape(theme.id)}$"))
