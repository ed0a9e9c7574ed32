"""The menu's record kinds come from the registry (macros/site/nav.py): mkdocs.yml and the theme name none.
What the built menu and the record marker look like is checked on the built site (tests/build/test_kinds_in_theme.py)."""
from __future__ import annotations

import dataclasses
import re

import pytest

from macros.data.kinds import RECORD_KINDS
from macros.site import nav
from macros.site.build import KIND_PAGES
from tests.support import ROOT
from tests.unit.test_record_kinds import site_nav


def flat(menu: list) -> list[tuple[str, str]]:
    """(title, path) of every page in a nav, depth first; a page without a title has title ''."""
    out: list[tuple[str, str]] = []
    for item in menu:
        if isinstance(item, str):
            out.append(("", item))
        else:
            for title, value in item.items():
                out += [(title, value)] if isinstance(value, str) else [(title, "")] + flat(value)
    return out


def test_each_kind_has_its_overview_in_the_menu_in_registry_order_with_its_folders_pages() -> None:
    items = nav.kind_items(RECORD_KINDS, KIND_PAGES)
    assert [next(iter(item)) for item in items] == [kind.title for kind in RECORD_KINDS]
    for kind, item in zip(RECORD_KINDS, items):
        pages = [page for page in KIND_PAGES if page.kind == kind.id]
        entry = item[kind.title]
        if not pages:
            assert entry == f"{kind.url}/index.md", "a kind with only an overview is one link"
            continue
        # A section whose first page is the overview (navigation.indexes makes it the section's link).
        assert entry == [f"{kind.url}/index.md", *({page.title: f"{kind.url}/{page.name}.md"} for page in pages)]
    assert {page.kind for page in KIND_PAGES} <= set(RECORD_KINDS.ids())
    assert {(p.kind, p.title) for p in KIND_PAGES} >= {("case", "Kaart"), ("method", "Vergelijken")}


def test_the_menu_moves_with_a_kinds_url_and_title() -> None:
    moved = [dataclasses.replace(kind, url=f"x-{kind.url}", title=f"X {kind.title}") for kind in RECORD_KINDS]
    pages = flat(nav.with_kinds(site_nav(), moved, KIND_PAGES))
    for kind in moved:
        assert (kind.title, "") in pages or (kind.title, f"{kind.url}/index.md") in pages
        assert ("", f"{kind.url}/index.md") in pages or (kind.title, f"{kind.url}/index.md") in pages
    assert not [path for _, path in pages if path.split("/")[0] in {kind.url for kind in RECORD_KINDS}]


def test_a_kind_without_an_overview_has_only_its_folders_pages() -> None:
    method = dataclasses.replace(RECORD_KINDS["method"], index_template=None)
    checklist = dataclasses.replace(RECORD_KINDS["checklist"], index_template=None)
    compare = next(page for page in KIND_PAGES if page.kind == "method")
    assert nav.kind_items([method, checklist], KIND_PAGES) == [
        {method.title: [{compare.title: f"{method.url}/{compare.name}.md"}]}], "no item for a kind with no page"


@pytest.mark.parametrize("times", [0, 2])
def test_a_nav_without_one_place_for_the_kinds_is_refused_in_dutch(times: int) -> None:
    menu = [entry for entry in site_nav() if entry != nav.KINDS_ENTRY] + [nav.KINDS_ENTRY] * times
    with pytest.raises(nav.NavError, match=rf"^mkdocs\.yml: nav: .*{times} keer.*\(tip: "):
        nav.with_kinds(menu, RECORD_KINDS, KIND_PAGES)


def test_mkdocs_yml_names_no_record_kind() -> None:
    written = flat(site_nav())
    assert ("", nav.KINDS_ENTRY) in written
    for kind in RECORD_KINDS:
        assert kind.title not in [title for title, _ in written], f"{kind.title} is written in mkdocs.yml's nav"
        assert not [path for _, path in written if path.startswith(f"{kind.url}/")], f"{kind.url}/ in mkdocs.yml"
    settings = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"^not_in_nav: \|\n((?:  .*\n)+)", settings, re.M)
    assert block and not [kind.url for kind in RECORD_KINDS if f"/{kind.url}/" in block.group(1)]


#: Theme files allowed to name a kind by hand (none: the search chips and labels come from the registry too).
NAMED_BY_HAND: set[str] = set()


def test_the_theme_names_no_record_kind() -> None:
    """No template in overrides/ writes a kind's folder, label or title as a value: the theme gets them from
    the build (config.extra). Comments in English that mention methods are not values."""
    found = []
    for path in sorted((ROOT / "overrides").rglob("*.html")):
        rel = path.relative_to(ROOT / "overrides").as_posix()
        if rel in NAMED_BY_HAND:
            continue
        text = path.read_text(encoding="utf-8")
        for kind in RECORD_KINDS:
            for word in (kind.url, kind.label, kind.plural, kind.title):
                if re.search(rf"""["'/]{re.escape(word)}["'/]""", text):
                    found.append(f"overrides/{rel}: {word}")
    assert found == []
