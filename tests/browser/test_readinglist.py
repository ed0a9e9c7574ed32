"""The reading list in a real browser: filters show exactly the matching entries (expected sets are
computed from the data), the count is announced, the URL keeps the choice, and without JavaScript
the page is the whole list."""
from __future__ import annotations

import re

import pytest

from tests.browser import axe


def open_list(page, base_url: str, query: str = "") -> None:
    page.goto(f"{base_url}/leeslijst/{query}")
    page.locator(".wg-ll__form").wait_for(state="visible")


def shown(page) -> set[str]:
    """Keys of the entries a reader can see (a hidden group hides its entries too)."""
    return set(page.eval_on_selector_all(
        "li.wg-ll__entry", "els => els.filter(e => e.offsetParent !== null).map(e => e.id)"))


def count_text(page) -> str:
    return page.locator(".wg-ll__count").inner_text()


def themes_of(data, entry) -> set[str]:
    return {t.id for t in data.themes_of(entry)}


def test_filter_by_theme_shows_exactly_its_entries(page, base_url: str, data) -> None:
    everything = {e.key for e in data.bibliography}
    # Themes whose entries partly live under another theme exercise the borrowing; test two of them.
    candidates = sorted(data.themes, key=lambda t: -sum(1 for e in data.bibliography
                                                        if t.id in themes_of(data, e)
                                                        and data.themes_of(e)[0].id != t.id))
    assert candidates, "no themes in the data"
    open_list(page, base_url)
    assert shown(page) == everything
    for theme in candidates[:2]:
        expected = {e.key for e in data.bibliography if theme.id in themes_of(data, e)}
        page.select_option("#wg-ll-thema", theme.id)
        assert shown(page) == expected, f"theme {theme.id}"
        assert count_text(page).startswith(f"{len(expected)} van de {len(everything)} ")
        # one full entry per key, also after moving entries around
        for key in expected:
            assert page.locator(f'[id="{key}"]').count() == 1
        visible_groups = page.eval_on_selector_all(
            ".wg-ll__group", "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.theme)")
        assert visible_groups == [theme.id]
        assert f"thema={theme.id}" in page.url
    page.select_option("#wg-ll-thema", "")
    assert shown(page) == everything
    assert count_text(page) == f"Je ziet alle {len(everything)} bronnen."


def test_filter_by_year_range_shows_exactly_those_years(page, base_url: str, data) -> None:
    years = sorted(int(e.year) for e in data.bibliography if e.year)
    assert years, "no dated entries"
    low, high = years[len(years) // 4], years[len(years) // 2]
    expected = {e.key for e in data.bibliography if e.year and low <= int(e.year) <= high}
    open_list(page, base_url)
    page.fill("#wg-ll-van", str(low))
    page.fill("#wg-ll-tot", str(high))
    assert shown(page) == expected
    assert count_text(page).startswith(f"{len(expected)} van de ")
    undated = [e.key for e in data.bibliography if not e.year]
    assert not set(undated) & shown(page), "entries without a year must drop out of a year filter"
    # only a lower bound, then only an upper bound
    page.fill("#wg-ll-tot", "")
    assert shown(page) == {e.key for e in data.bibliography if e.year and int(e.year) >= low}
    page.fill("#wg-ll-van", "")
    page.fill("#wg-ll-tot", str(high))
    assert shown(page) == {e.key for e in data.bibliography if e.year and int(e.year) <= high}


def test_theme_and_year_combine_and_the_url_keeps_the_choice(page, base_url: str, data) -> None:
    theme = max(data.themes, key=lambda t: sum(1 for e in data.bibliography if t.id in themes_of(data, e)))
    years = sorted(int(e.year) for e in data.bibliography if e.year and theme.id in themes_of(data, e))
    since = years[len(years) // 2]
    expected = {e.key for e in data.bibliography
                if theme.id in themes_of(data, e) and e.year and int(e.year) >= since}
    open_list(page, base_url, f"?thema={theme.id}&van={since}")
    assert page.locator("#wg-ll-thema").input_value() == theme.id
    assert page.locator("#wg-ll-van").input_value() == str(since)
    assert shown(page) == expected
    page.get_by_role("button", name="Wis alle filters").click()
    page.wait_for_function("() => !location.search")
    assert shown(page) == {e.key for e in data.bibliography}


def test_filter_by_kind(page, base_url: str, data) -> None:
    from macros.site.readinglist import entry_kind
    kinds = sorted({entry_kind(e) for e in data.bibliography})
    kind = min(kinds, key=lambda k: sum(1 for e in data.bibliography if entry_kind(e) == k))
    open_list(page, base_url)
    page.check(f"#wg-ll-soort-{kind}")
    assert shown(page) == {e.key for e in data.bibliography if entry_kind(e) == kind}


def _person_with_particle(data):
    """A person with a tussenvoegsel whose surname occurs nowhere else in the list, so the expected
    result is exactly 'the works of this person'."""
    people = {}
    for entry in data.bibliography:
        for person in entry.authors + entry.editors:
            if person.particle and not person.is_organisation:
                people.setdefault((person.particle, person.family), set()).add(entry.key)
    for (particle, family), keys in sorted(people.items(), key=lambda item: (-len(item[1]), item[0])):
        word = re.compile(rf"(?<![\w]){re.escape(family.casefold())}", re.I)
        elsewhere = [e for e in data.bibliography if e.key not in keys
                     and (word.search(e.title.casefold()) or any(word.search(str(v).casefold()) for v in e.fields.values())
                          or any(p.family.casefold() == family.casefold() for p in e.authors + e.editors + e.creators))]
        if not elsewhere:
            return particle, family, keys
    pytest.fail("no person with a tussenvoegsel in the reading list")


def test_text_filter_finds_a_surname_with_and_without_tussenvoegsel(page, base_url: str, data) -> None:
    particle, family, expected = _person_with_particle(data)
    open_list(page, base_url)
    for query in (family, f"{particle} {family}", f"{particle.capitalize()} {family.lower()}"):
        page.fill("#wg-ll-q", query)
        assert shown(page) == expected, f"query {query!r}"
        assert count_text(page).startswith(f"{len(expected)} van de ")
    assert "zoek=" in page.url and "q=" not in page.url.replace("zoek=", ""), "?q= would open the site search"
    page.fill("#wg-ll-q", "qqqgeenbronqqq")
    assert shown(page) == set()
    assert count_text(page).startswith("Geen bron past bij je keuze.")


def test_text_filter_on_a_year(page, base_url: str, data) -> None:
    year = max({e.year for e in data.bibliography if e.year},
               key=lambda y: sum(1 for e in data.bibliography if e.year == y))
    open_list(page, base_url)
    page.fill("#wg-ll-q", year)
    result = shown(page)
    assert {e.key for e in data.bibliography if e.year == year} <= result


def test_without_javascript_the_page_lists_every_entry(browser, base_url: str, data) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{base_url}/leeslijst/")
        assert shown(page) == {e.key for e in data.bibliography}
        assert not page.locator(".wg-ll__tools").is_visible(), "the filter form must stay hidden without JS"
        groups = page.locator(".wg-ll__group h2")
        expected_groups = [t["label"] for t in data.themes if any(t.id in themes_of(data, e) for e in data.bibliography)]
        if any(not data.themes_of(e) for e in data.bibliography):
            expected_groups.append("Overig")
        assert [groups.nth(i).inner_text() for i in range(groups.count())] == expected_groups
        for ext in ("bib", "ris", "json"):
            assert page.locator(f'a[href="../leeslijst/wijkengids.{ext}"]').is_visible()
    finally:
        context.close()


def test_reading_list_passes_axe_with_filters_in_use(page, base_url: str, data) -> None:
    open_list(page, base_url, f"?thema={data.themes[0].id}")
    found = axe.blocking(page)
    assert found == [], "\n".join(found)
