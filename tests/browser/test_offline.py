"""The offline copy (make offline): a zip that works opened from disk, search included.

Built here the way `make offline` builds it (scripts/offline.py with mkdocs.offline.yml), from a copy of
the project, then unpacked and opened from file:// in Chromium.
"""
from __future__ import annotations

import re
import shutil
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from macros.data.dataset import load_valid_dataset
from scripts import offline
from tests.support import ROOT, project_copy


@pytest.fixture(scope="module")
def offline_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("offline")
    project = project_copy(work / "project")
    shutil.copy2(ROOT / offline.CONFIG, project / offline.CONFIG)
    target = work / "wijkengids-offline.zip"
    log = work / "log.txt"
    with log.open("w", encoding="utf-8") as out:
        code = offline.make_offline(project, work / "site", target, out=out)
    assert code == 0, log.read_text(encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def unpacked(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(folder)
    return folder / offline.FOLDER


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src", "xlink:href") and value:
                self.refs.append((tag, name, value))


def test_the_zip_holds_the_site_the_search_index_and_the_worker_shim(offline_zip: Path) -> None:
    with zipfile.ZipFile(offline_zip) as archive:
        names = set(archive.namelist())
        assert "LEESMIJ.txt" in names
        for name in ("index.html", "search/search_index.js", "assets/js/vendor/iframe-worker.js",
                     "open-data/methods.json"):
            assert f"{offline.FOLDER}/{name}" in names, name
        index_js = archive.read(f"{offline.FOLDER}/search/search_index.js").decode("utf-8")
    assert index_js.startswith("var __index = {")
    assert '"location":"methoden/' in index_js and not re.search(r'"location":"[^"#]*/(#[^"]*)?"', index_js), \
        "search results must point at index.html files"


def test_every_link_in_the_offline_copy_opens_a_file(unpacked: Path) -> None:
    """From disk a link to a folder shows a folder listing, and a script from another host is a request out."""
    problems = []
    for page in sorted(unpacked.rglob("*.html")):
        parser = _Refs()
        parser.feed(page.read_text(encoding="utf-8"))
        for tag, attribute, value in parser.refs:
            parsed = urlparse(value)
            if parsed.scheme or value.startswith("#"):
                if tag in ("script", "img") or (tag == "link" and parsed.scheme in ("http", "https")
                                                 and "canonical" not in page.read_text(encoding="utf-8")):
                    problems.append(f"{page.relative_to(unpacked)}: {tag} loads {value}")
                continue
            target = (page.parent / unquote(parsed.path)).resolve() if parsed.path else page
            if not target.is_file():
                problems.append(f"{page.relative_to(unpacked)}: {attribute}={value} is not a file")
    assert problems == [], "\n".join(problems[:20])


def test_zipping_is_deterministic(unpacked: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "a.zip", tmp_path / "b.zip"
    offline.write_zip(unpacked, one)
    offline.write_zip(unpacked, two)
    assert one.read_bytes() == two.read_bytes()


def watch(page, *, console_errors: bool) -> tuple[list[str], list[str]]:  # noqa: ANN001 - Playwright
    """Requests that leave the disk copy, and script errors (console errors too when asked), as they happen."""
    outside: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file:", "data:", "blob:", "about:"))
            else None)
    if console_errors:
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return outside, errors


def test_offline_search_from_disk_finds_a_method(browser, unpacked: Path) -> None:  # noqa: ANN001 - Playwright
    data = load_valid_dataset(ROOT / "data", ROOT)
    one_word = sorted((m for m in data.methods.values() if re.fullmatch(r"\w+", m["name"])), key=lambda m: m.id)
    assert one_word, "no method with a one-word name to search for"
    method = one_word[0]

    context = browser.new_context()
    page = context.new_page()
    outside, errors = watch(page, console_errors=True)

    page.goto((unpacked / "index.html").as_uri())
    box = page.locator("input.md-search__input")
    box.click()
    box.type(method["name"])
    box.press("End")
    results = page.locator("li.md-search-result__item")
    results.first.wait_for(timeout=20_000)
    titles = [results.nth(i).locator("h1").first.inner_text().strip() for i in range(results.count())]
    assert method["name"] in titles, f"{method['name']} not among {titles}"
    link = results.nth(titles.index(method["name"])).locator("a").first
    link.click()
    page.wait_for_load_state()
    assert urlparse(page.url).scheme == "file"
    assert urlparse(page.url).path.endswith(f"/methoden/{method.id}/index.html")
    assert page.locator("h1").first.inner_text().strip() == method["name"]
    state = "Concept: opgesteld door de redactie" if method["status"] == "concept" else "Beoordeeld op"
    assert state in page.locator(".wg-review").inner_text()
    context.close()
    assert outside == [], f"the offline copy made requests: {outside}"
    assert errors == [], f"errors in the browser console: {errors}"


def test_my_reading_list_works_from_disk(browser, unpacked: Path) -> None:  # noqa: ANN001 - Playwright
    """Tick a source on the reading list opened from file://, follow the header link to Mijn leeslijst,
    and export it: everything that page needs is inside it (no fetch, which file:// refuses)."""
    data = load_valid_dataset(ROOT / "data", ROOT)
    key = data.bibliography.keys()[0]
    context = browser.new_context()
    page = context.new_page()
    outside, errors = watch(page, console_errors=False)
    page.goto((unpacked / "leeslijst" / "index.html").as_uri())
    page.locator(f'.wg-ll__entry[id="{key}"] .wg-acties__mijn').click()
    page.locator(".wg-mijn-kop").click()
    page.wait_for_load_state()
    assert urlparse(page.url).path.endswith("/leeslijst/mijn/index.html")
    shown = page.eval_on_selector_all(".wg-mijn__entry", "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.key)")
    assert shown == [key]
    with page.expect_download() as info:
        page.click('[data-mijn-action="ris"]')
    assert f"ID  - {key}\n" in Path(info.value.path()).read_text(encoding="utf-8")
    context.close()
    assert outside == [] and errors == []


def test_the_comparison_works_from_disk(browser, unpacked: Path) -> None:  # noqa: ANN001 - Playwright
    """Methods side by side opened from file://: each method's cells load with <script src> (fetch is refused
    there), and the links in them open files."""
    data = load_valid_dataset(ROOT / "data", ROOT)
    ids = ["abcd", "pact", "wijkbudget"]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    outside, errors = watch(page, console_errors=True)
    page.goto((unpacked / "methoden" / "vergelijk" / "index.html").as_uri() + "?m=" + ",".join(ids))
    heads = page.locator("table.wg-cmp__table thead th[scope=col] a")
    heads.last.wait_for()
    assert heads.all_inner_texts() == [data.methods[i]["name"] for i in ids]
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    links = page.locator("table.wg-cmp__table a[href]").evaluate_all("as => as.map(a => a.href)")
    assert links and all((unpacked / unquote(urlparse(link).path).split(f"/{offline.FOLDER}/", 1)[1]).is_file()
                         for link in links if urlparse(link).scheme == "file"), links
    page.locator("table.wg-cmp__table thead th[scope=col] a").first.click()
    page.wait_for_load_state()
    assert urlparse(page.url).path.endswith(f"/methoden/{ids[0]}/index.html")
    context.close()
    assert outside == [] and errors == []
