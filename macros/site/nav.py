"""The record kinds in the site's menu, from the registry (macros/data/kinds.py); no kind is named in mkdocs.yml.

The ``nav`` of mkdocs.yml holds one entry, ``KINDS_ENTRY``, where the build puts one item per record kind, in
the registry's order: the kind's overview under its title, followed by the pages other page families write
into the kind's folder (the map among the cases, the comparison among the methods). Such a family says so in
its module, with ``KIND_PAGES`` (a tuple of ``KindPage``); ``macros/site/build.py`` collects them.

Records themselves are never in the menu: every page would carry all of them, and the build would grow with
the square of the records (GUIDE: "Never list every record"). They are reached through the overviews.
``off_nav`` says so to MkDocs (``not_in_nav``), so that any other page missing from the menu is a warning and
stops the strict build (``validation.nav.omitted_files: warn``).

Plain Python: the adapter (macros/main.py) hands the result to MkDocs.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..core.problems import Problem
from ..data.kinds import RecordKind

#: The entry in mkdocs.yml's nav that the record kinds replace. Left as it is (no macros plugin), MkDocs
#: reports it as a page that does not exist, so it cannot pass unnoticed.
KINDS_ENTRY = "(soorten records)"


@dataclass(frozen=True)
class KindPage:
    """A page that a page family writes into a record kind's folder: ``<kind url>/<name>.md``. In the menu
    it follows the kind's overview; it is not a record, so no record may take its name as id."""

    kind: str   # the id of the record kind ('case')
    name: str   # the page's file name without .md, and its URL folder ('kaart': /praktijk/kaart/)
    title: str  # its label in the menu ('Kaart')


class NavError(ValueError):
    """mkdocs.yml's nav has no place, or more than one, for the record kinds."""


def kind_items(kinds: Iterable[RecordKind], pages: Iterable[KindPage] = ()) -> list[dict[str, Any]]:
    """One menu item per kind: ``{title: overview}``, or a section ``{title: [overview, {title: page}, …]}``
    when page families add pages to its folder (with navigation.indexes the overview is the section's link).
    A kind without an overview and without such pages has no item."""
    pages = tuple(pages)
    items: list[dict[str, Any]] = []
    for kind in kinds:
        entries: list[Any] = [f"{kind.url}/index.md"] if kind.index_template else []
        entries += [{page.title: f"{kind.url}/{page.name}.md"} for page in pages if page.kind == kind.id]
        if entries:
            items.append({kind.title: entries[0] if len(entries) == 1 and isinstance(entries[0], str) else entries})
    return items


def with_kinds(nav: list[Any], kinds: Iterable[RecordKind], pages: Iterable[KindPage] = ()) -> list[Any]:
    """``nav`` (as in mkdocs.yml) with ``KINDS_ENTRY`` replaced by ``kind_items``, at whatever depth it
    stands. A nav without the entry, or with two, is a mistake in mkdocs.yml: ``NavError`` in Dutch."""
    items = kind_items(kinds, pages)
    found = 0

    def expand(entries: list[Any]) -> list[Any]:
        nonlocal found
        out: list[Any] = []
        for entry in entries:
            if entry == KINDS_ENTRY:
                found += 1
                out += items
            elif isinstance(entry, dict):
                out.append({title: expand(value) if isinstance(value, list) else value
                            for title, value in entry.items()})
            else:
                out.append(entry)
        return out

    expanded = expand(list(nav or []))
    if found != 1:
        raise NavError(str(Problem(
            "mkdocs.yml", 0, "nav", f"de regel '- {KINDS_ENTRY}' staat er {found} keer in, en hoort er precies één "
            "keer in te staan", "zet hem waar de methoden, praktijkvoorbeelden en checklists in het menu horen; de "
            "bouw zet daar elke soort record uit macros/data/kinds.py")))
    return expanded


def off_nav(kinds: Iterable[RecordKind]) -> list[str]:
    """Patterns (gitignore style, as MkDocs' ``not_in_nav``) for the pages of the records of every kind."""
    return [f"/{kind.url}/*.md" for kind in kinds]
