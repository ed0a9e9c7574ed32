"""The record kinds in the built site's menu and theme, from the registry (macros/site/nav.py, records.py):
each kind's overview in the menu in registry order, with the pages of its folder; exactly the record pages
marked as records for search (their "Verbanden" and "Bronnen" blocks stay out of the index)."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from macros.site.build import KIND_PAGES
from tests.html_tree import Node, parse


def menu_links(page: Node, url: str) -> list[tuple[str, str]]:
    """(label, root-relative address) of every link in the main menu of the page at ``url``."""
    menu = page.find("nav", cls="md-nav--primary")
    return [(link.all_text(" "), urljoin(f"/{url}", link.attrs["href"]))
            for link in menu.find_all("a", cls="md-nav__link") if link.attrs.get("href")]


def content_box(page: Node) -> Node:
    """The element overrides/main.html puts around the page content (search body, filter, record marker)."""
    box = page.find("article", cls="md-content__inner").children[0]
    assert box.tag == "div", box.tag
    return box


def test_the_menu_lists_each_kinds_overview_in_registry_order_with_its_folders_pages(built_site: Path, data) -> None:
    links = menu_links(parse(built_site / "over" / "index.html"), "over/")
    overviews = [links.index((kind.title, f"/{kind.url}/")) for kind in data.kinds]
    assert overviews == sorted(overviews), "the kinds stand in the order of the registry"
    for kind, at in zip(data.kinds, overviews):
        pages = [(page.title, f"/{kind.url}/{page.name}/") for page in KIND_PAGES if page.kind == kind.id]
        assert links[at + 1:at + 1 + len(pages)] == pages, f"the pages in {kind.url}/ follow its overview"
    assert sum(1 for page in KIND_PAGES if page.kind in {kind.id for kind in data.kinds}) >= 2, "map and comparison"
    records = {f"/{kind.url}/{record.id}/" for kind in data.kinds for record in data.records_of(kind.id).values()}
    assert not records & {address for _, address in links}, "records are reached through the overviews"


def test_exactly_the_record_pages_are_marked_as_records_of_their_kind(built_site: Path, data) -> None:
    for kind in data.kinds:
        for record in data.records_of(kind.id).values():
            box = content_box(parse(built_site / kind.url / record.id / "index.html"))
            assert "data-wg-record" in box.attrs, f"{kind.url}/{record.id}/ is not marked as a record"
            assert box.attrs.get("data-pagefind-filter") == f"soort:{kind.label}"
        others = [built_site / kind.url / "index.html"] + [
            built_site / kind.url / page.name / "index.html" for page in KIND_PAGES if page.kind == kind.id]
        for path in others:
            box = content_box(parse(path))
            assert "data-wg-record" not in box.attrs, f"{path.relative_to(built_site)} is marked as a record"
            assert not box.attrs.get("data-pagefind-filter", "").startswith(f"soort:{kind.label}")
