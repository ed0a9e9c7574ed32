"""Sources a reader can take along, on the built site: COinS spans on every page that cites, one-entry
downloads (static files, so they work without JavaScript), "Verder lezen" on method and case pages,
Mijn leeslijst, and no editorial note (redactienotitie) in anything a reader can download or see.
Expectations come from the data."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import bibtexparser
import pytest

from macros import bibliography
from macros.site.context import FURTHER_READING_LIMIT
from macros.site.readinglist import item_file
from tests.build.test_readinglist import read_ris
from tests.html_tree import Node, parse
from tests.support import FIXTURE_DATA, build_site, fixture_project


def coins_keys(page: Node, data) -> list[str]:  # noqa: ANN001 - Dataset
    """The entries a page offers Zotero, identified by their exact ContextObject."""
    by_coins = {bibliography.to_coins(entry): entry.key for entry in data.bibliography}
    spans = page.find_all("span", "Z3988")
    titles = [span.attrs["title"] for span in spans]
    assert all(title in by_coins for title in titles), "a COinS span matches no entry"
    return [by_coins[title] for title in titles]


def record_pages(built_site: Path, data) -> list[tuple[object, Path]]:  # noqa: ANN001
    pages = [(m, built_site / "methoden" / m.id / "index.html") for m in data.methods.values()]
    return pages + [(c, built_site / "praktijk" / c.id / "index.html") for c in data.cases.values()]


def source_keys(record) -> list[str]:  # noqa: ANN001 - Record
    return [s["key"] if isinstance(s, dict) else s for s in record.get("sources") or []]


def resolve(page_path: Path, built_site: Path, href: str) -> Path:
    url = urljoin("http://x/" + page_path.relative_to(built_site).as_posix(), href)
    target = built_site / unquote(urlparse(url).path).lstrip("/")
    return target / "index.html" if target.is_dir() else target


def test_the_reading_list_offers_every_entry_to_zotero_once(built_site: Path, data) -> None:
    keys = coins_keys(parse(built_site / "leeslijst" / "index.html"), data)
    assert sorted(keys) == sorted(data.bibliography.keys())


def test_pages_that_cite_offer_their_sources_to_zotero_once(built_site: Path, data) -> None:
    for record, path in record_pages(built_site, data):
        keys = coins_keys(parse(path), data)
        assert len(keys) == len(set(keys)), f"{path}: an entry is offered twice"
        assert set(source_keys(record)) <= set(keys), path


def test_every_entry_has_static_downloads_that_parse_back(built_site: Path, data) -> None:
    for entry in data.bibliography:
        base = built_site / "leeslijst" / "bron" / item_file(entry.key)
        library = bibtexparser.parse_string(base.with_suffix(".bib").read_text(encoding="utf-8"))
        assert not library.failed_blocks and [e.key for e in library.entries] == [entry.key]
        records = read_ris(base.with_suffix(".ris").read_text(encoding="utf-8"))
        assert [r["ID"] for r in records] == [[entry.key]]
        assert records[0].get("TI") == [entry.title]


def test_actions_are_buttons_for_scripts_and_links_without(built_site: Path, data) -> None:
    """Without JavaScript the buttons are hidden and each source keeps its own download links."""
    pages = [built_site / "leeslijst" / "index.html"] + [p for _, p in record_pages(built_site, data)]
    for path in pages:
        page = parse(path)
        boxes = page.find_all("div", "wg-acties")
        assert boxes, path
        for box in boxes:
            key = box.attrs["data-key"]
            assert key in data.bibliography
            buttons = box.find_all("button")
            assert {b.attrs.get("data-copy") for b in buttons} >= {"apa", "cite"}
            assert all("hidden" in b.attrs for b in buttons)
            toggle = box.find("button", "wg-acties__mijn")
            assert toggle.attrs["data-key"] == key and toggle.attrs["aria-pressed"] == "false"
            links = [a.attrs["href"] for a in box.find_all("a")]
            assert len(links) == 2 and all(resolve(path, built_site, href).is_file() for href in links), links
            assert {Path(urlparse(h).path).name for h in links} == {f"{item_file(key)}.bib", f"{item_file(key)}.ris"}
            plain = bibliography.cite_text([key], bibliography=data.bibliography)  # '(Putters, 2022)'
            cite = box.attrs["data-cite"]  # in "Bronnen" with the page numbers the record gives
            assert cite == plain or (box.parent.attrs.get("id") == f"bron-{key}" and cite.startswith(plain[:-1] + ", blz. "))
            # the reference the copy button copies is in the same list item
            assert box.parent.tag == "li" and box.parent.find_all(cls="wg-ref")


def test_verder_lezen_lists_only_what_bronnen_does_not(built_site: Path, data) -> None:
    """"Verder lezen" used to start with the record's own sources, which "Bronnen" just listed; now it holds
    only other entries from the same themes, and the section is left out when there are none."""
    shown = 0
    for record, path in record_pages(built_site, data):
        page = parse(path)
        own = set(source_keys(record))
        listed = [li.attrs["id"].removeprefix("bron-") for li in page.find("ol", "wg-bronnen").find_all("li")]
        assert set(listed) == own, path
        lists = page.find_all("ol", "wg-verder")
        if not lists:
            assert not page.find_all("h2", id="verder-lezen"), f"{path}: an empty 'Verder lezen'"
            continue
        shown += 1
        items = lists[0].find_all("li", "wg-verder__item")
        keys = [item.find("div", "wg-acties").attrs["data-key"] for item in items]
        assert keys and not set(keys) & own, f"{path}: 'Verder lezen' repeats a source of 'Bronnen'"
        assert len(keys) <= FURTHER_READING_LIMIT and len(set(keys)) == len(keys)
        record_themes = {t.id for key in own for t in data.themes_of(data.bibliography[key])}
        for key in keys:
            assert record_themes & {t.id for t in data.themes_of(data.bibliography[key])}, (path, key)
        button = page.find("button", "wg-acties__alle")
        assert button.attrs["data-keys"].split() == keys
    assert shown, "no record page has 'Verder lezen' at all"


def test_my_reading_list_page_holds_every_entry_and_its_exports(built_site: Path, data) -> None:
    path = built_site / "leeslijst" / "mijn" / "index.html"
    html = path.read_text(encoding="utf-8")
    page = parse(path)
    entries = page.find_all("li", "wg-mijn__entry")
    assert [e.attrs["data-key"] for e in entries] == data.bibliography.keys()
    assert all("hidden" in e.attrs for e in entries)  # shown by the script, from the reader's own list
    block = re.search(r'<script type="application/json" class="wg-mijn__data">(.*?)</script>', html, re.S)
    exports = json.loads(block.group(1))
    assert sorted(exports) == sorted(data.bibliography.keys())
    for entry in data.bibliography:
        one = exports[entry.key]
        assert one["bib"].strip() == bibliography.public_bibtex(entry)
        assert one["csl"]["id"] == entry.key and read_ris(one["ris"])[0]["ID"] == [entry.key]
        assert one["coins"] == bibliography.to_coins(entry)  # the script puts it next to a shown source
    # No COinS in the page as built: every entry is hidden until the script shows the reader's own, and
    # Zotero's connector would offer all of them.
    assert coins_keys(page, data) == []
    # without JavaScript the page says so and links to the plain downloads
    assert "hidden" in page.find("div", "wg-mijn__app").attrs
    assert page.find("div", "wg-mijn__zonder-js").find_all("a")


def test_downloads_and_pages_never_show_editorial_notes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fixture entry with a redactienotitie: the note appears in no built file (downloads, exports,
    pages, search index) while the rest of the entry does."""
    project = fixture_project(tmp_path / "project")
    shutil.rmtree(project / "data")
    shutil.copytree(FIXTURE_DATA, project / "data", symlinks=False)
    bib = project / "data" / "references.bib"
    text = bib.read_text(encoding="utf-8")
    assert "@book{vanderlaan2019," in text
    bib.write_text(text.replace("@book{vanderlaan2019,", "@book{vanderlaan2019,\n  redactienotitie = "
                                "{ZEERGEHEIM titel gereconstrueerd uit de url},", 1), encoding="utf-8")
    monkeypatch.delenv("WIJKENGIDS_DATA", raising=False)
    out = tmp_path / "site"
    result = build_site(out, project=project)
    assert result.returncode == 0, result.stdout + result.stderr
    files = [p for p in out.rglob("*") if p.is_file() and p.suffix in (".html", ".bib", ".ris", ".json", ".csv", ".js", ".xml")]
    leaks = [p for p in files if re.search("ZEERGEHEIM|redactienotitie", p.read_text(encoding="utf-8", errors="replace"))]
    assert leaks == []
    single = out / "leeslijst" / "bron" / "vanderlaan2019.bib"
    assert "Samen de stad maken" in single.read_text(encoding="utf-8")
    assert "Samen de stad maken" in (out / "leeslijst" / "wijkengids.bib").read_text(encoding="utf-8")


def test_the_real_sites_files_hold_no_editorial_note(built_site: Path, data) -> None:
    notes = {entry.key: entry.get("redactienotitie") for entry in data.bibliography if entry.get("redactienotitie")}
    files = [p for p in built_site.rglob("*") if p.is_file() and p.suffix in (".html", ".bib", ".ris", ".json", ".csv", ".xml")]
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "redactienotitie" not in text, path
        assert not [key for key, note in notes.items() if len(note) > 20 and note in text], path
