"""When each page last changed, from git history (macros/data/history.py): the sitemap's ``lastmod``, the
``dateModified`` of structured data and the ``modified`` of the open-data catalogue.

The history is that of the commits only, so every build of one commit gives the same dates. Which file a
page's date comes from:

- a record's page: its YAML file;
- a page made from one list (the glossary, the timeline, the reading list, the register of facts): that list;
- another generated page (overviews, the ladder, the participatiewijzer): the newest change in ``data/``,
  as any record may appear on it;
- a hand-written page: its file in ``docs/``.

Without history (a copied project, a shallow clone) a date is unknown (None), never guessed.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from ..data.history import FileDates
from ..data.kinds import PAGE_FOLDERS

#: Pages made from one list in data/, by the first part of their URL.
ONE_LIST = {
    PAGE_FOLDERS.glossary: ("glossary.yaml",),
    PAGE_FOLDERS.timeline: ("timeline.yaml",),
    PAGE_FOLDERS.readinglist: ("references.bib", "themes.yaml"),
    PAGE_FOLDERS.facts_page: ("feiten.yaml",),
}


class PageDates:
    """``changed(url, src_uri)``: the day a page last changed, or None."""

    def __init__(self, record_urls: dict[str, str], data_dates: dict[str, FileDates],
                 docs_dates: dict[str, FileDates]):
        """``record_urls``: {page URL ('methoden/abcd/'): the record's file relative to data/ ('methods/abcd.yaml')}."""
        self.data_dates = data_dates
        self.docs_dates = docs_dates
        self.record_files = record_urls
        self.newest_data = max((d.changed for d in data_dates.values()), default=None)

    def changed(self, url: str, src_uri: str = "") -> date | None:
        if src_uri in self.docs_dates:
            return self.docs_dates[src_uri].changed
        if url in self.record_files:
            known = self.data_dates.get(self.record_files[url])
            return known.changed if known else None
        section = url.split("/", 1)[0]
        if section in ONE_LIST:
            return self.newest(ONE_LIST[section])
        return self.newest_data

    def newest(self, files: Iterable[str]) -> date | None:
        """The newest change of these files or folders (relative to data/), or None when none is known."""
        days = [d.changed for path, d in self.data_dates.items()
                if any(path == f or path.startswith(f.rstrip("/") + "/") for f in files)]
        return max(days, default=None)


def data_file(record_path: str, data_root: Path) -> str:
    """A record's file relative to the data folder ('methods/abcd.yaml'), as git history names it.
    ``record_path`` is relative to the repository (data/methods/abcd.yaml), or to data_root's parent."""
    path = Path(record_path)
    parts = path.parts
    if parts and parts[0] == data_root.name:
        return Path(*parts[1:]).as_posix()
    return path.as_posix()
