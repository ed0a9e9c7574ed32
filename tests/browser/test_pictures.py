"""The pictures in a real browser: the case map, the timeline and a method page.

Screenshots at phone (390 px) and desktop (1280 px) width land in tests/output/screenshots/ (git-ignored)
for a person to look at; the tests check what a reader would notice: nothing wider than the phone, no
critical or serious axe finding in dark mode (light mode: test_accessibility.py), and map markers that work with the keyboard.
The `page` fixture fails any request that leaves 127.0.0.1.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from macros.data.dataset import Dataset
from macros.figures import case_map
from tests.browser import axe
from tests.support import ROOT, SITE_DATA

SCREENSHOTS = ROOT / "tests" / "output" / "screenshots"
WIDTHS = (390, 1280)
DATA_DIR = SITE_DATA


def method_page(data: Dataset) -> str:
    """The method with the most connections (cases, checklists), so its page shows the most."""
    method = max(data.methods.values(), key=lambda m: (len(data.cases_using(m.id)) + len(data.checklists_for_method(m.id)),
                                                        m.id))
    return f"/methoden/{method.id}/"


def pages(data: Dataset) -> dict[str, str]:
    return {"kaart": "/praktijk/kaart/", "tijdlijn": "/tijdlijn/", "methode": method_page(data)}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["kaart", "tijdlijn", "methode"])
def test_screenshots_fit_the_width(page: Page, base_url: str, data: Dataset, name: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + pages(data)[name], wait_until="load")
    expect(page.locator("h1")).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{name}-{width}.png"
    target.unlink(missing_ok=True)
    page.screenshot(path=str(target), full_page=True)
    assert target.exists() and target.stat().st_size > 10_000, f"no screenshot written: {target}"
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"{name} is {overflow} px wide at a {width} px viewport: readers must scroll sideways"
    if name == "kaart":
        for box in [svg.bounding_box() for svg in page.locator("svg.wg-map__svg").all()]:
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
        map_box = page.locator("svg#kaart-nl").bounding_box()
        assert map_box and map_box["width"] >= min(320, width * 0.8), "the map should use the width of a phone"


# Light mode: these pages, freshly loaded, are among those tests/browser/test_accessibility.py scans in light
# mode; scanning them again here cost ~5 s and could find nothing more. Dark mode is scanned here for them.
@pytest.mark.parametrize("scheme", ["dark"])
def test_no_critical_or_serious_axe_findings(page: Page, base_url: str, data: Dataset, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    blocking = []
    for path in pages(data).values():
        page.goto(base_url + path, wait_until="load")
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
        blocking += axe.blocking(page, where=f"{path} ({scheme})")
    assert blocking == [], "\n".join(blocking)


def test_dark_mode_recolours_the_map(page: Page, base_url: str) -> None:
    colours = {}
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.goto(base_url + "/praktijk/kaart/", wait_until="load")
        if page.evaluate("document.body.getAttribute('data-md-color-scheme')") != ("slate" if scheme == "dark" else "default"):
            page.evaluate("localStorage.clear()")  # Material remembers the palette of the first visit
            page.reload(wait_until="load")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == ("slate" if scheme == "dark" else "default")
        colours[scheme] = page.evaluate("""() => {
            const fill = (sel) => getComputedStyle(document.querySelector(sel)).fill;
            return [fill('.wg-map__sea'), fill('.wg-map__land--home'), fill('.wg-map__dot')];
        }""")
    assert all(a != b for a, b in zip(colours["light"], colours["dark"])), colours


def expected_marker_order(data: Dataset) -> list[str]:
    return [m.case["id"] for m in case_map.build_maps(data.cases.values()).entries]


def test_markers_are_reached_with_tab_in_list_order_and_show_focus(page: Page, base_url: str, data: Dataset) -> None:
    expected = expected_marker_order(data)
    assert expected, "no case on the map"
    page.goto(base_url + "/praktijk/kaart/", wait_until="load")
    reached: list[str] = []
    for _ in range(300):  # header, search, navigation come first
        page.keyboard.press("Tab")
        case_id = page.evaluate("document.activeElement && document.activeElement.getAttribute('data-case')")
        if case_id:
            if not reached:  # the first marker with keyboard focus shows a ring
                ring = page.evaluate("""() => {
                    const s = getComputedStyle(document.activeElement.querySelector('.wg-map__focus'));
                    return [s.stroke, parseFloat(s.strokeWidth)];
                }""")
                assert ring[0] not in ("none", "") and ring[1] >= 2, f"no visible focus ring: {ring}"
            reached.append(case_id)
            if len(reached) == len(expected):
                break
        elif reached:
            break
    assert reached == expected


def test_enter_on_a_marker_opens_its_case(page: Page, base_url: str, data: Dataset) -> None:
    target = expected_marker_order(data)[-1]
    page.goto(base_url + "/praktijk/kaart/", wait_until="load")
    page.keyboard.press("Tab")
    page.evaluate(f"document.querySelector('.wg-map__marker[data-case=\"{target}\"]').focus()")
    assert page.evaluate("document.activeElement.getAttribute('data-case')") == target
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base_url}/praktijk/{target}/")
    expect(page.locator("h1")).to_have_text(data.cases[target]["name"])


def test_the_list_beside_the_map_works_without_javascript(browser, base_url: str, data: Dataset) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "/praktijk/kaart/", wait_until="load")
        expect(page.locator("svg#kaart-nl .wg-map__marker")).to_have_count(
            sum(1 for m in case_map.build_maps(data.cases.values()).maps if m.id == "nl" for _ in m.markers))
        links = page.locator(".wg-map__legend li > a")
        expect(links).to_have_count(len(data.cases))
        links.first.click()
        expect(page).to_have_url(f"{base_url}/praktijk/{expected_marker_order(data)[0]}/")
    finally:
        context.close()
