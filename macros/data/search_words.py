"""data/zoekwoorden.yaml: the words readers type for a page that the page itself does not use (everyday,
regional and older words, English names, abbreviations, whole questions), each with the pages it means.

Checked like every other data file (schema, text rules, a word listed twice, a page that does not exist,
all reported at once). The site puts each page's words in a hidden, weighted block that only the search
index reads (overrides/main.html); nothing here knows about the site or Pagefind.
"""
from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..core.problems import Problems
from .kinds import PAGE_FOLDERS
from .text_rules import check_text
from .yaml_loader import YMap, line_of

FILE = "zoekwoorden.yaml"
SCHEMA = "zoekwoorden"


def check(items: list[YMap], display: str, known: set[str], docs: Path | None, problems: Problems) -> None:
    """A word twice, or a page that is not on the site. ``known``: the generated pages the data makes
    (records, ladder, overviews); ``docs``: the hand-written pages' folder (None: only ``known`` counts)."""
    check_text(items, display, problems)
    seen: dict[str, int] = {}
    for index, item in enumerate(items, start=1):
        word = " ".join(str(item["woord"]).casefold().split())
        line = item.line_of("woord")
        if word in seen:
            problems.add(display, line, f"[{index}].woord", f"'{item['woord']}' staat al op regel {seen[word]}",
                         "zet alle pagina's van een woord bij één regel 'woord:'")
        seen.setdefault(word, line)
        for target in item["paginas"]:
            if not _exists(str(target), known, docs):
                close = difflib.get_close_matches(str(target), sorted(known), n=1, cutoff=0.6)
                problems.add(display, line_of(target, item.line_of("paginas")), f"[{index}].paginas",
                             f"de pagina '{target}' bestaat niet",
                             f"bedoel je '{close[0]}'?" if close else
                             "schrijf het adres van de pagina zonder de site, zoals 'methoden/wijkbudget'")


def _exists(target: str, known: set[str], docs: Path | None) -> bool:
    if target in known:
        return True
    if docs is None or not docs.is_dir() or target.split("/")[0] in PAGE_FOLDERS:
        return False
    return (docs / f"{target}.md").is_file() or (docs / target / "index.md").is_file()


def generated_pages(kinds: Iterable[Any], records: dict[str, dict[str, Any]], ladder_ids: Iterable[str]) -> set[str]:
    """The addresses (without slashes around them) of the pages the data makes: every record, every
    kind's overview, every rung and role of the ladder, and the generated pages of PAGE_FOLDERS."""
    pages = set(PAGE_FOLDERS) | {f"{PAGE_FOLDERS.ladder}/{rung}" for rung in ladder_ids}
    for kind in kinds:
        pages.add(kind.url)
        pages.update(f"{kind.url}/{record_id}" for record_id in records.get(kind.id, {}))
    return pages


def by_page(words: Iterable[Any]) -> dict[str, list[str]]:
    """Page address as MkDocs writes it ('methoden/wijkbudget/', '' for the home page) -> its words, in file order."""
    pages: dict[str, list[str]] = {}
    for item in words:
        for target in item["paginas"]:
            url = f"{target.strip('/')}/" if target.strip("/") else ""
            if item["woord"] not in pages.setdefault(url, []):
                pages[url].append(item["woord"])
    return pages
