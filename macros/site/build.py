"""Which pages the data produces, and their text: one page per record plus overviews.

``build_pages`` returns {docs-relative path: text}. ``split_pages`` parts that into the pages MkDocs
reads as Markdown and the files it publishes as they are (downloads, open data, the feed).
``write_pages`` puts the pages on disk, touching only files whose text changed, so ``mkdocs serve``
does not rebuild in a loop; the adapter hands the other files to MkDocs in memory, as writing
thousands of them into docs/ only for MkDocs to copy them again cost about a second a build.

``write_pages`` also writes ``docs/.gitignore``, naming every generated folder and file, so the
repository's own ``.gitignore`` needs no list of them (one per record kind would follow the registry).

``PAGE_FAMILIES`` is the explicit list of page modules (one per feature), imported here at the top:
each has ``contribute(ctx)`` and imports helpers from this package (``context``, ``nav``, …), never this
module. A family that writes a page into a record kind's folder declares it in ``KIND_PAGES``
(``macros/site/nav.py``); ``KIND_PAGES`` here collects them for the menu. How to add a family: README.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from types import ModuleType

from ..core.problems import DataError
from ..data.dataset import Dataset
from ..data.kinds import generated_dirs
from . import (
    checklists,
    compare,
    discovery,
    facts_page,
    glossary,
    ladder,
    map,
    news,
    onderbouwing,
    opendata,
    readinglist,
    records,
    selector,
    timeline,
)
from .context import PageContext, Publication
from .nav import KindPage

__all__ = ["KIND_PAGES", "PAGE_FAMILIES", "PageContext", "Publication", "build_pages", "generated_dirs",
           "split_pages", "write_pages"]

#: Written by every build into docs/: git ignores what the generator writes (and this file itself).
GITIGNORE = ".gitignore"

#: Every page family, in the order they add their files.
PAGE_FAMILIES: tuple[ModuleType, ...] = (records, ladder, checklists, readinglist, selector, timeline, glossary,
                                         map, compare, opendata, onderbouwing, news, facts_page, discovery)

#: The pages families write into a record kind's folder (the map, the comparison), in the order of the families.
KIND_PAGES: tuple[KindPage, ...] = tuple(page for family in PAGE_FAMILIES for page in getattr(family, "KIND_PAGES", ()))


def build_pages(data: Dataset, edit_base: str = "", docs_dir: Path | None = None,
                today: date | None = None, publication: Publication | None = None,
                cache_dir: Path | None = None) -> dict[str, str]:
    """Every generated file, from every contributor module (one per feature).
    ``today`` is the build date (default: SOURCE_DATE_EPOCH, else the clock); tests pass their own.
    ``cache_dir``: a folder where a build keeps what the next one may reuse (compiled templates, kept.py).
    Raises DataError when the data makes two pages of one path (an id the loader's checks did not foresee)."""
    ctx = PageContext(data, edit_base, docs_dir, today, publication, cache_dir)
    for family in PAGE_FAMILIES:
        family.contribute(ctx)
    if ctx.problems.errors:
        raise DataError(ctx.problems)
    return ctx.files


def split_pages(pages: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """(Markdown pages, files published as they are) of ``build_pages``' result."""
    markdown = {rel: text for rel, text in pages.items() if rel.endswith(".md")}
    return markdown, {rel: text for rel, text in pages.items() if rel not in markdown}


def write_pages(pages: dict[str, str], docs_dir: Path, elsewhere: Iterable[str] = ()) -> list[str]:
    """Write changed pages, delete stale generated files; return what changed (for logs and tests).
    Also keeps ``docs/.gitignore`` listing what is generated (not counted as a change).
    ``elsewhere``: generated files published without docs/ (``split_pages``); a copy an older build
    left in docs/ is deleted, as MkDocs would otherwise find two files of one name."""
    generated = generated_dirs()
    _write_if_changed(docs_dir / GITIGNORE, gitignore(pages, generated))
    changed = []
    folders: set[Path] = set()  # made already: one mkdir per folder, not per file (thousands of downloads)
    for rel, text in sorted(pages.items()):
        target = docs_dir / rel
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        try:
            same = target.read_text(encoding="utf-8") == text
        except FileNotFoundError:
            same = False
        if not same:
            target.write_text(text, encoding="utf-8")
            changed.append(rel)
    for rel in elsewhere:
        if (docs_dir / rel).is_file():
            (docs_dir / rel).unlink()
            changed.append(rel)
    wanted = {Path(rel).as_posix() for rel in pages}
    for folder in generated:
        for path in sorted((docs_dir / folder).rglob("*")) if (docs_dir / folder).exists() else []:
            rel = path.relative_to(docs_dir).as_posix()
            if rel not in wanted and path.is_file():
                path.unlink()
                changed.append(rel)
    return changed


def gitignore(pages: dict[str, str], generated: tuple[str, ...]) -> str:
    """docs/.gitignore: every generated folder, and each generated file outside those folders."""
    lines = [f"/{GITIGNORE}", *(f"/{folder}/" for folder in generated)]
    lines += sorted(f"/{rel}" for rel in pages if rel.split("/", 1)[0] not in generated)
    return ("# Written by every build (macros/site/build.py): what the generator makes from data/.\n"
            + "\n".join(lines) + "\n")


def _write_if_changed(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
