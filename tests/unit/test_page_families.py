"""Page families (macros/site/build.py: PAGE_FAMILIES) and the folders they write, written down in one place
each: a folder below docs/ is a record kind's URL or in kinds.PAGE_FOLDERS, and a page in a kind's folder is
a KindPage of its family (the README: "Een nieuwe soort pagina toevoegen")."""
from __future__ import annotations

from datetime import date

import pytest

from macros.data.dataset import Dataset, load_valid_dataset
from macros.data.kinds import PAGE_FOLDERS, PageFolders
from macros.site.build import KIND_PAGES, PAGE_FAMILIES, build_pages
from macros.site.context import PageContext
from macros.site.records import record_pages
from tests.support import FIXTURE_DATA


@pytest.fixture(scope="module")
def built() -> tuple[Dataset, dict[str, str]]:
    """The fixture data and every file the page families make of it (no MkDocs)."""
    data = load_valid_dataset(FIXTURE_DATA, FIXTURE_DATA.parent)
    return data, build_pages(data, today=date(2026, 11, 23))


def test_each_family_writes_into_its_own_page_folder_or_a_kinds_folder(
        built: tuple[Dataset, dict[str, str]]) -> None:
    """A family writing into a folder that PAGE_FOLDERS lacks would get no .gitignore line and no clean-up,
    and a kind could take its URL; a folder PAGE_FOLDERS names but its family no longer writes is left over."""
    data, _ = built
    kinds = {kind.url for kind in data.kinds}
    families = {family.__name__.rsplit(".", 1)[1]: family for family in PAGE_FAMILIES}
    assert set(PageFolders._fields) <= set(families), "PAGE_FOLDERS names its folders after the family modules"
    for name, family in families.items():
        ctx = PageContext(data, today=date(2026, 11, 23))
        family.contribute(ctx)
        folders = {path.split("/", 1)[0] for path in ctx.files if "/" in path}
        own = {getattr(PAGE_FOLDERS, name)} if name in PageFolders._fields else set()
        assert folders - kinds == own, f"macros/site/{name}.py writes into {sorted(folders - kinds)}"


def test_every_page_in_a_kinds_folder_is_a_record_its_overview_or_a_declared_kind_page(
        built: tuple[Dataset, dict[str, str]]) -> None:
    data, pages = built
    records = record_pages(data)
    for kind in data.kinds:
        declared = {f"{kind.url}/{page.name}.md" for page in KIND_PAGES if page.kind == kind.id}
        markdown = {path for path in pages if path.startswith(f"{kind.url}/") and path.count("/") == 1
                    and path.endswith(".md")}
        assert declared <= markdown, "a KindPage its family does not write"
        assert markdown - declared - {f"{kind.url}/index.md"} == {p for p in records if p.startswith(f"{kind.url}/")}
