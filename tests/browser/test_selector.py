"""The Participatiewijzer in a real browser, against the real built site.

Every expectation is computed here from the validated data (never hard-coded), so the tests keep
holding while the content grows. WIJKENGIDS_DATA (an absolute path) points build and tests at
another data set, as `make test` never does.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urljoin, urlparse

import pytest
from playwright.sync_api import Page, expect

from macros.bibliography.text import fold_accents
from macros.data.dataset import Dataset, Record
from macros.site.selector import DOMAIN_BOTH, advisable
from tests.browser import axe
from tests.support import SITE_DATA

DATA_DIR = SITE_DATA


def test_the_session_data_has_rungs_and_methods(data: Dataset) -> None:
    assert data.rungs and data.methods, "the selector needs rungs and methods"


# ----- what the data says the selector must show ------------------------------------------------
def method_matches(data: Dataset, m: Record, filters: dict[str, list[str]]) -> bool:
    fields = {"rol": m["roles"], "aard": [m["kind"]], "soort": m["types"], "niveau": m["levels"], "fase": m["phases"],
              "doelgroep": m["target_groups"]}
    for param, wanted in filters.items():
        if param == "domein":
            if m["domain"] != DOMAIN_BOTH and m["domain"] not in wanted:
                return False
        elif not set(fields[param]) & set(wanted):
            return False
    return True


def by_name(text: str) -> str:
    """Alphabetical as a reader expects it: 'Enquête' between 'Enquete' and 'Enquetf'."""
    return fold_accents(text).casefold()


def expected(data: Dataset, rung: str = "", **filters: list[str]) -> tuple[list[str], list[str]]:
    """(ids on the rung, ids on a neighbouring rung only), both in the order the page lists them. Only methods
    that can be advised: ideas and methods without steps are listed apart (see test_ideas_and_...)."""
    order = [r.id for r in data.rungs]
    fitting = sorted((m for m in data.methods.values() if advisable(m) and method_matches(data, m, filters)),
                     key=lambda m: (by_name(m["name"]), m.id))
    if not rung:
        return [m.id for m in fitting], []
    exact = [m.id for m in fitting if rung in m["rungs"]]
    near = [m.id for m in fitting if m.id not in exact
            and any(abs(order.index(r) - order.index(rung)) == 1 for r in m["rungs"])]
    return exact, near


def expected_related(data: Dataset, rung: str, shown: set[str]) -> tuple[set[str], set[str], set[str]]:
    """Cases on the rung (or, without a rung, using a shown method); checklists for the rung or a
    shown method; sources of the shown methods."""
    if rung:
        cases = {c.id for c in data.cases.values() if rung in c["rungs"]}
    else:
        cases = {c.id for c in data.cases.values() if shown & set(c["methods"])}
    lists = {c.id for c in data.checklists.values() if rung and rung in c["rungs"]}
    lists |= {c.id for mid in shown for c in data.checklists_for_method(mid)}
    sources = {s["key"] if isinstance(s, dict) else s for mid in shown for s in data.methods[mid]["sources"]}
    return cases, lists, sources


# ----- reading the page ------------------------------------------------------------------------
def open_selector(page: Page, base_url: str, query: str = "") -> None:
    page.goto(f"{base_url}/participatiewijzer/{query}")
    page.wait_for_selector(".wg-pw[data-ready='1']")


def listed(page: Page, name: str) -> list[str]:
    """Ids in one result list, after pressing its "Toon meer" button until everything shows."""
    more = page.locator(f"[data-more={name}]")
    while more.is_visible():
        more.click()
    return page.locator(f"[data-list={name}] > li[data-id]").evaluate_all("els => els.map(e => e.dataset.id)")


def shown_methods(page: Page) -> tuple[list[str], list[str]]:
    ids = listed(page, "methods")
    matches = page.locator("[data-list=methods] > li[data-id]").evaluate_all("els => els.map(e => e.dataset.match)")
    assert matches == sorted(matches, key=lambda m: m != "exact"), "a neighbouring rung came before an exact one"
    return [i for i, m in zip(ids, matches) if m == "exact"], [i for i, m in zip(ids, matches) if m == "near"]


def assert_shown(page: Page, want: tuple[list[str], list[str]]) -> None:
    """The methods shown. No waiting: the script sets the form and draws the results in one go (restore()
    and changed() in participatiewijzer.js), so once the form shows a choice (callers wait for that with
    expect, or for data-ready after a reload) its results are on the page."""
    assert shown_methods(page) == want


def query(page: Page) -> dict[str, list[str]]:
    return {k: v[0].split(",") for k, v in parse_qs(urlparse(page.url).query).items()}


def fullest_rung(data: Dataset) -> Record:
    return max(data.rungs, key=lambda r: (len(data.methods_on_rung(r.id)), r.id))


# ----- tests -----------------------------------------------------------------------------------
def test_each_rung_shows_exactly_its_methods_then_the_neighbouring_ones(page: Page, base_url: str, data: Dataset) -> None:
    open_selector(page, base_url)
    for rung in data.rungs:
        page.get_by_role("radio", name=rung["label"], exact=True).check()
        exact, near = expected(data, rung.id)
        expect(page.locator(".wg-pw__count")).to_contain_text(
            f"{rung['label']}: {len(exact)} {'methode' if len(exact) == 1 else 'methoden'} precies op deze trede, "
            f"{len(near)} op een naburige trede")
        got_exact, got_near = shown_methods(page)
        assert got_exact == exact, f"{rung.id}: exact rung"
        assert got_near == near, f"{rung.id}: neighbouring rungs"
        for mid in exact[:5]:
            why = page.locator(f"[data-list=methods] > li[data-id='{mid}'] .wg-pw__why").text_content()
            assert f"trede {rung['label']}" in why
        for mid in near[:5]:
            item = page.locator(f"[data-list=methods] > li[data-id='{mid}']")
            assert "naburige trede" in item.locator(".wg-pw__tag").text_content()
            neighbours = [data.rungs[i]["label"] for i, r in enumerate(data.rungs)
                          if r.id in data.methods[mid]["rungs"]]
            assert any(label in item.locator(".wg-pw__why").text_content() for label in neighbours)
        cases, lists, sources = expected_related(data, rung.id, set(exact) | set(near))
        assert set(listed(page, "cases")) == cases, f"{rung.id}: practice cases"
        assert set(listed(page, "lists")) == lists, f"{rung.id}: checklists"
        assert set(listed(page, "sources")) == sources, f"{rung.id}: reading list"
        assert query(page) == {"trede": [rung.id]}
    # Method links lead to the method pages, source links to the reading list.
    first = page.locator("[data-list=methods] > li[data-id] a").first
    if first.count():
        assert re.search(r"/methoden/[a-z0-9-]+/$", first.evaluate("a => a.href"))
    for href in page.locator("[data-list=sources] a").evaluate_all("els => els.map(e => e.getAttribute('href'))"):
        assert href.startswith("../leeslijst/#")


def test_all_rungs_lists_every_method_and_count_is_announced(page: Page, base_url: str, data: Dataset) -> None:
    open_selector(page, base_url)
    status = page.locator(".wg-pw__count")
    assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
    assert page.get_by_role("radio", name="Alle treden").is_checked()
    exact, _ = shown_methods(page)
    assert sorted(exact) == sorted(m.id for m in data.methods.values() if advisable(m))
    # Names and summaries arrive as typed (escaped once, never twice, never as HTML).
    names = page.locator("[data-list=methods] > li[data-id] > a").evaluate_all("els => els.map(e => e.textContent)")
    assert names == [data.methods[i]["name"] for i in exact]
    summaries = page.locator("[data-list=methods] .wg-pw__sum").evaluate_all("els => els.map(e => e.textContent)")
    assert summaries == [data.methods[i]["summary"] for i in exact]
    n = sum(1 for m in data.methods.values() if advisable(m))
    expect(status).to_contain_text(f"{n} {'methode' if n == 1 else 'methoden'}")


def test_narrowing_by_role_and_domain(page: Page, base_url: str, data: Dataset) -> None:
    rung = fullest_rung(data)
    open_selector(page, base_url)
    page.get_by_role("radio", name=rung["label"], exact=True).check()
    exact, near = expected(data, rung.id)
    on_rung = [data.methods[i] for i in exact + near]
    role = max(data.roles, key=lambda r: (sum(r.id in m["roles"] for m in on_rung), r.id))
    page.get_by_role("checkbox", name=role["label"], exact=True).check()
    exact, near = expected(data, rung.id, rol=[role.id])
    assert shown_methods(page) == (exact, near)
    assert query(page) == {"trede": [rung.id], "rol": [role.id]}
    for mid in exact + near:
        assert f"rol van de overheid: {role['label']}" in \
            page.locator(f"[data-list=methods] > li[data-id='{mid}'] .wg-pw__why").text_content()

    domains = [d for d in data.schemas.labels["domain"] if d != DOMAIN_BOTH]
    domain = min(domains, key=lambda d: (len(expected(data, rung.id, rol=[role.id], domein=[d])[0]), d))
    page.locator(".wg-pw__more > summary").click()
    page.get_by_role("checkbox", name=data.schemas.labels["domain"][domain], exact=True).check()
    narrowed = expected(data, rung.id, rol=[role.id], domein=[domain])
    assert shown_methods(page) == narrowed
    assert query(page) == {"trede": [rung.id], "rol": [role.id], "domein": [domain]}
    # A method for both domains fits either; one for the other domain does not.
    for mid in narrowed[0] + narrowed[1]:
        assert data.methods[mid]["domain"] in (domain, DOMAIN_BOTH)

    page.get_by_role("checkbox", name=role["label"], exact=True).uncheck()
    assert shown_methods(page) == expected(data, rung.id, domein=[domain])
    page.get_by_role("button", name="Wis je keuze").click()
    assert shown_methods(page) == expected(data)
    assert urlparse(page.url).query == ""


def test_url_restores_the_selection_after_reload(page: Page, base_url: str, data: Dataset) -> None:
    rung, role = fullest_rung(data), data.roles[-1]
    domain = next(d for d in data.schemas.labels["domain"] if d != DOMAIN_BOTH)
    open_selector(page, base_url, f"?trede={rung.id}&rol={role.id}&domein={domain}")
    want = expected(data, rung.id, rol=[role.id], domein=[domain])
    for _ in range(2):
        assert page.get_by_role("radio", name=rung["label"], exact=True).is_checked()
        assert page.get_by_role("checkbox", name=role["label"], exact=True).is_checked()
        assert page.locator(".wg-pw__more").evaluate("d => d.open"), "a restored filter must be visible"
        assert page.get_by_role("checkbox", name=data.schemas.labels["domain"][domain], exact=True).is_checked()
        assert shown_methods(page) == want
        page.reload()
        page.wait_for_selector(".wg-pw[data-ready='1']")
    # Unknown values in a shared link are ignored, not an error.
    open_selector(page, base_url, "?trede=bestaat-niet&rol=ook-niet")
    assert page.get_by_role("radio", name="Alle treden").is_checked()
    assert shown_methods(page) == expected(data)


def test_back_and_forward_follow_the_selection(page: Page, base_url: str, data: Dataset) -> None:
    first, second = data.rungs[0], data.rungs[-1]
    role = data.roles[0]
    open_selector(page, base_url)
    page.get_by_role("radio", name=first["label"], exact=True).check()
    page.get_by_role("radio", name=second["label"], exact=True).check()
    page.get_by_role("checkbox", name=role["label"], exact=True).check()
    assert_shown(page, expected(data, second.id, rol=[role.id]))

    page.go_back()
    expect(page.get_by_role("checkbox", name=role["label"], exact=True)).not_to_be_checked()
    assert page.get_by_role("radio", name=second["label"], exact=True).is_checked()
    assert_shown(page, expected(data, second.id))
    page.go_back()
    expect(page.get_by_role("radio", name=first["label"], exact=True)).to_be_checked()
    assert_shown(page, expected(data, first.id))
    assert query(page) == {"trede": [first.id]}
    page.go_forward()
    expect(page.get_by_role("radio", name=second["label"], exact=True)).to_be_checked()
    assert_shown(page, expected(data, second.id))
    page.go_back()
    page.go_back()
    expect(page.get_by_role("radio", name="Alle treden")).to_be_checked()
    assert_shown(page, expected(data))


def test_clicking_the_figure_selects_rung_and_role(page: Page, base_url: str, data: Dataset) -> None:
    open_selector(page, base_url)
    path = urlparse(page.url).path
    for rung in (data.rungs[1 % len(data.rungs)], data.rungs[-1]):
        page.locator(f".wg-ladderfig a[data-rung='{rung.id}']").click()
        expect(page.get_by_role("radio", name=rung["label"], exact=True)).to_be_checked()
        assert urlparse(page.url).path == path, "the click must not leave the page"
        assert query(page) == {"trede": [rung.id]}
        assert shown_methods(page) == expected(data, rung.id)
        assert page.locator(f".wg-ladderfig a[data-rung='{rung.id}']").evaluate("a => a.classList.contains('is-on')")
    role = data.roles[0]
    page.locator(f".wg-ladderfig a[data-role='{role.id}']").click()
    expect(page.get_by_role("checkbox", name=role["label"], exact=True)).to_be_checked()
    assert shown_methods(page) == expected(data, data.rungs[-1].id, rol=[role.id])
    page.locator(f".wg-ladderfig a[data-role='{role.id}']").click()
    expect(page.get_by_role("checkbox", name=role["label"], exact=True)).not_to_be_checked()


def test_keyboard_only(page: Page, base_url: str, data: Dataset) -> None:
    open_selector(page, base_url)
    page.locator("body").focus()
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "trede":
            break
    else:
        pytest.fail("Tab never reached the rung radios")
    assert page.evaluate("document.activeElement.value") == "", "focus lands on the chosen radio ('Alle treden')"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "focus must be visible"
    for rung in data.rungs[:3]:
        page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.value") == rung.id
        expect(page.locator(".wg-pw__count")).to_contain_text(f"{rung['label']}:")
        assert shown_methods(page) == expected(data, rung.id)
    page.keyboard.press("ArrowUp")
    expect(page.locator(".wg-pw__count")).to_contain_text(f"{data.rungs[1]['label']}:")
    assert query(page) == {"trede": [data.rungs[1].id]}


def test_navigating_to_the_selector_and_back_starts_and_restores_it(page: Page, base_url: str, data: Dataset) -> None:
    page.goto(f"{base_url}/")
    page.locator(".md-nav a", has_text="Participatiewijzer").first.click()
    page.wait_for_selector(".wg-pw[data-ready='1']")
    rung = fullest_rung(data)
    page.get_by_role("radio", name=rung["label"], exact=True).check()
    exact, near = expected(data, rung.id)
    target = (exact + near)[0]
    page.locator(f"[data-list=methods] > li[data-id='{target}'] > a").click()
    expect(page).to_have_url(re.compile(rf"/methoden/{target}/$"))
    page.go_back()
    page.wait_for_selector(".wg-pw[data-ready='1']")
    expect(page.get_by_role("radio", name=rung["label"], exact=True)).to_be_checked()
    assert shown_methods(page) == (exact, near)


def test_a_rung_page_opens_the_selector_on_that_rung(page: Page, base_url: str, data: Dataset) -> None:
    rung = fullest_rung(data)
    page.goto(f"{base_url}/ladder/{rung.id}/")
    page.get_by_role("link", name=f"Open {rung['label']} in de participatiewijzer").click()
    page.wait_for_selector(".wg-pw[data-ready='1']")
    expect(page.get_by_role("radio", name=rung["label"], exact=True)).to_be_checked()
    assert shown_methods(page) == expected(data, rung.id)
    role = data.roles[0]
    page.goto(f"{base_url}/ladder/{role.id}/")
    page.get_by_role("link", name=f"Open {role['label']} in de participatiewijzer").click()
    page.wait_for_selector(".wg-pw[data-ready='1']")
    expect(page.get_by_role("checkbox", name=role["label"], exact=True)).to_be_checked()
    assert shown_methods(page) == expected(data, rol=[role.id])


def test_one_small_json_file_feeds_the_selector(page: Page, base_url: str, data: Dataset) -> None:
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if r.url.endswith(".json") else None)
    open_selector(page, base_url)
    mine = [u for u in fetched if "/search/" not in u]
    assert mine == [f"{base_url}/participatiewijzer/data.json"]
    size = len(page.request.get(mine[0]).body())
    budget = 2000 + 1000 * len(data.methods) + 600 * (len(data.cases) + len(data.checklists)) + 400 * len(data.bibliography)
    assert size < budget, f"data.json is {size} bytes"


def test_without_javascript_every_method_is_reachable_through_the_rung_pages(browser, base_url: str, data: Dataset) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/participatiewijzer/")
    assert not page.locator(".wg-pw__form").is_visible()
    fallback = page.locator(".wg-pw__fallback")
    assert fallback.is_visible()
    rung_links = fallback.locator("a").evaluate_all("els => els.map(e => e.href)")
    assert [urlparse(u).path for u in rung_links] == [f"/ladder/{r.id}/" for r in data.rungs]
    # The figure is made of links to the same pages.
    figure = page.locator(".wg-ladderfig a[data-rung]").evaluate_all("els => els.map(e => e.href.baseVal)")
    assert [urlparse(urljoin(page.url, h)).path for h in figure] == [f"/ladder/{r.id}/" for r in data.rungs]
    reached: set[str] = set()
    for rung, url in zip(data.rungs, rung_links):
        page.goto(url)
        links = page.locator("article a[href*='methoden/']").evaluate_all("els => els.map(e => e.href)")
        on_page = {m.group(1) for u in links if (m := re.search(r"/methoden/([a-z0-9-]+)/$", u))}
        assert on_page == {m.id for m in data.methods_on_rung(rung.id)}, rung.id
        reached |= on_page
        cases = page.locator("article a[href*='praktijk/']").evaluate_all("els => els.map(e => e.href)")
        assert {re.search(r"/praktijk/([a-z0-9-]+)/$", u).group(1) for u in cases} == \
            {c.id for c in data.cases_on_rung(rung.id)}
    assert reached == set(data.methods)
    context.close()


def test_ladder_overview_figure_links_to_rung_pages(page: Page, base_url: str, data: Dataset) -> None:
    page.goto(f"{base_url}/ladder/")
    figure = page.get_by_role("group", name="De participatieladder voor bewoners naast de overheidsparticipatietrap")
    expect(figure).to_be_visible()
    for rung in data.rungs + data.roles:
        expect(figure.get_by_role("link", name=re.compile(rf"^{re.escape(rung['label'])}:"))).to_have_count(1)
    target = data.rungs[-1]
    figure.get_by_role("link", name=re.compile(rf"^{re.escape(target['label'])}:")).click()
    expect(page).to_have_url(re.compile(rf"/ladder/{target.id}/$"))
    expect(page.locator("h1")).to_have_text(target["label"])


def test_axe_selector_and_rung_page(page: Page, base_url: str, data: Dataset) -> None:
    rung = fullest_rung(data)
    open_selector(page, base_url, f"?trede={rung.id}&domein={next(iter(data.schemas.labels['domain']))}")
    assert axe.blocking(page) == []
    page.goto(f"{base_url}/ladder/{rung.id}/")
    assert axe.blocking(page) == []
    page.goto(f"{base_url}/ladder/")
    assert axe.blocking(page) == []


def test_narrowing_by_kind(page: Page, base_url: str, data: Dataset) -> None:
    """'Wat voor ding is het?' keeps only methods of the chosen kinds (methode, regeling, …), also with a rung."""
    labels = data.schemas.labels["methodKind"]
    # Kinds among the methods that can be advised (ideas and methods without steps are listed apart).
    present = sorted({m["kind"] for m in data.methods.values() if advisable(m)}, key=list(labels).index)
    assert len(present) >= 2, "the data needs advisable methods of two kinds to test the filter"
    rarest = min(present, key=lambda k: (sum(m["kind"] == k and advisable(m) for m in data.methods.values()), k))
    open_selector(page, base_url)
    page.locator(".wg-pw__more > summary").click()
    page.get_by_role("checkbox", name=labels[rarest], exact=True).check()
    want = expected(data, aard=[rarest])
    assert want[0] and shown_methods(page) == want
    assert all(data.methods[mid]["kind"] == rarest for mid in want[0])
    assert query(page) == {"aard": [rarest]}
    for mid in want[0]:
        assert f"aard: {labels[rarest]}" in \
            page.locator(f"[data-list=methods] > li[data-id='{mid}'] .wg-pw__why").text_content()
    # A second kind widens the list; a rung narrows it again.
    other = next(k for k in present if k != rarest)
    page.get_by_role("checkbox", name=labels[other], exact=True).check()
    assert shown_methods(page) == expected(data, aard=[rarest, other])
    rung = fullest_rung(data)
    page.get_by_role("radio", name=rung["label"], exact=True).check()
    assert shown_methods(page) == expected(data, rung.id, aard=[rarest, other])
    # The URL restores it.
    page.reload()
    page.wait_for_selector(".wg-pw[data-ready='1']")
    assert_shown(page, expected(data, rung.id, aard=[rarest, other]))
    assert page.get_by_role("checkbox", name=labels[other], exact=True).is_checked()


# ----- the advice (issue 19) --------------------------------------------------------------------
FIELDS = {"rol": "roles", "soort": "types", "niveau": "levels", "fase": "phases", "doelgroep": "target_groups",
          "schaal": "scale"}


def answer_values(data: Dataset, m: Record, param: str) -> list[str]:
    """What a method says for one question ([] = no data: 'onbekend')."""
    if param == "domein":
        return [d for d in data.schemas.labels["domain"] if d != DOMAIN_BOTH] if m["domain"] == DOMAIN_BOTH else [m["domain"]]
    if param == "duur":
        return [m["duration"]["band"]] if (m.get("duration") or {}).get("band") else []
    return list(m.get(FIELDS[param]) or [])


def ranked(data: Dataset, **answers: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(advice, partial, apart) without a chosen rung, in the page's order: most fitting answers first."""
    advice, partial, apart = [], [], []
    for m in sorted(data.methods.values(), key=lambda m: (by_name(m["name"]), m.id)):
        fit = miss = 0
        for param, wanted in answers.items():
            have = answer_values(data, m, param)
            fit += bool(set(have) & set(wanted))
            miss += bool(have) and not set(have) & set(wanted)
        if not advisable(m):
            if not miss:
                apart.append(m.id)
        elif miss:
            if fit:
                partial.append((fit, m.id))
        else:
            advice.append((fit, m.id))

    def by_fit(pairs: list) -> list:  # stable: alphabetical ties
        return [i for _, i in sorted(pairs, key=lambda p: -p[0])]

    return by_fit(advice), by_fit(partial), apart


def question_with_unknowns(data: Dataset) -> tuple[str, str]:
    """A question some advisable methods answer and others leave open, with its most common answer."""
    for param in ("duur", "schaal"):
        values = [v for m in data.methods.values() if advisable(m) for v in answer_values(data, m, param)]
        have = [m for m in data.methods.values() if advisable(m) and answer_values(data, m, param)]
        if values and len(have) < sum(advisable(m) for m in data.methods.values()):
            return param, max(set(values), key=lambda v: (values.count(v), v))
    raise AssertionError("the data needs a question (duration, scale) that some advisable methods answer and others not")


def test_advice_ranks_by_fitting_answers_and_counts_missing_data_as_unknown(page: Page, base_url: str,
                                                                           data: Dataset) -> None:
    param, value = question_with_unknowns(data)
    role = max(data.roles, key=lambda r: (sum(r.id in m["roles"] for m in data.methods.values()), r.id))
    open_selector(page, base_url, f"?rol={role.id}&{param}={value}")
    advice, partial, apart = ranked(data, rol=[role.id], **{param: [value]})
    assert listed(page, "methods") == advice
    assert listed(page, "partial") == partial
    assert listed(page, "apart") == apart
    unknown = [i for i in advice if not answer_values(data, data.methods[i], param)]
    known = [i for i in advice if answer_values(data, data.methods[i], param)]
    assert unknown, "a method without data for a question stays in the advice"
    assert advice.index(known[0]) < advice.index(unknown[0]), "more fitting answers rank higher"
    why = page.locator(f"[data-list=methods] > li[data-id='{unknown[0]}'] .wg-pw__why").text_content()
    assert "past bij rol van de overheid" in why and "Onbekend:" in why
    why = page.locator(f"[data-list=methods] > li[data-id='{known[0]}'] .wg-pw__why").text_content()
    assert "Onbekend" not in why
    for mid in advice + partial:
        assert advisable(data.methods[mid])
    for mid in apart:
        assert not advisable(data.methods[mid])


def test_ideas_and_methods_without_steps_are_listed_apart(page: Page, base_url: str, data: Dataset) -> None:
    open_selector(page, base_url)
    ideas = [m.id for m in data.methods.values() if m["kind"] == "idee"]
    undescribed = [m.id for m in data.methods.values() if not advisable(m)]
    assert ideas and set(ideas) <= set(undescribed)
    assert sorted(listed(page, "apart")) == sorted(undescribed)
    assert not set(listed(page, "methods")) & set(undescribed)
    for mid in ideas:
        expect(page.locator(f"[data-list=apart] > li[data-id='{mid}'] .wg-pw__tag")).to_have_text("alleen een idee")


def test_printed_advice_holds_the_answers_the_ranked_methods_and_the_date(page: Page, base_url: str,
                                                                         data: Dataset) -> None:
    rung = fullest_rung(data)
    role = data.roles[0]
    open_selector(page, base_url, f"?trede={rung.id}&rol={role.id}")
    exact, near = expected(data, rung.id, rol=[role.id])
    page.evaluate("() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; }")
    page.get_by_role("button", name="Print of bewaar dit advies").click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    printed = page.locator("article").inner_text()
    assert not page.locator(".wg-pw__form").is_visible() and not page.locator(".wg-ladderfig").is_visible()
    assert "Je antwoorden" in printed and rung["label"] in printed and role["label"] in printed
    assert re.search(r"advies van \d{1,2} [a-z]+ \d{4}", printed), "the printout carries its date"
    assert f"trede={rung.id}" in page.locator(".wg-pw__link").text_content()
    names = page.locator("[data-list=methods] > li[data-id] > a").evaluate_all("els => els.map(e => e.innerText)")
    assert names == [data.methods[i]["name"] for i in exact + near], "every ranked method, in order"
    positions = [printed.index(n) for n in names]
    assert positions == sorted(positions)
    ranked_ids = page.locator("[data-list=methods] > li[data-id]").evaluate_all("els => els.map(e => e.dataset.id)")
    assert not [i for i in ranked_ids if data.methods[i]["kind"] == "idee"], "an idea among the ranked advice"
    cases, lists, _ = expected_related(data, rung.id, set(exact) | set(near))
    for cid in cases:
        assert data.cases[cid]["name"] in printed
    for lid in lists:
        assert data.checklists[lid]["title"] in printed
    assert axe.blocking(page) == []


def test_the_share_link_opens_the_same_advice_in_a_fresh_browser(page: Page, browser, base_url: str,
                                                                data: Dataset) -> None:
    rung = fullest_rung(data)
    role = data.roles[-1]
    open_selector(page, base_url)
    page.get_by_role("radio", name=rung["label"], exact=True).check()
    page.get_by_role("checkbox", name=role["label"], exact=True).check()
    link = page.locator(".wg-pw__link").get_attribute("href")
    answers = page.locator(".wg-pw__answers").inner_text()
    advice = listed(page, "methods")
    fresh = browser.new_context()
    other = fresh.new_page()
    other.goto(link)
    other.wait_for_selector(".wg-pw[data-ready='1']")
    expect(other.get_by_role("radio", name=rung["label"], exact=True)).to_be_checked()
    expect(other.get_by_role("checkbox", name=role["label"], exact=True)).to_be_checked()
    assert other.locator(".wg-pw__answers").inner_text() == answers
    assert listed(other, "methods") == advice == [*sum(expected(data, rung.id, rol=[role.id]), [])]
    fresh.close()
