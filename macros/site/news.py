"""'Wat is er nieuw': records added, changed or reviewed, newest first, as a page and an Atom feed.

Dates come from the data where it has them (the review date of a record with status 'beoordeeld', who
reviewed it) and from git history for when a record's file was added and last changed
(macros/data/history.py). Both are fixed for a given commit, so the page and the feed are too. Without git
history (a copied project, a shallow clone) those dates are unknown, and the page says so.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..data import history, review, review_state
from ..data.dataset import Record
from ..data.kinds import PAGE_FOLDERS, RECORD_KINDS
from .context import PageContext

PAGE = f"{PAGE_FOLDERS.news}/index.md"
FEED = "nieuw.xml"
PAGE_ITEMS = 100  # the page shows this many events; the feed the newest FEED_ITEMS
FEED_ITEMS = 50
ATOM = "http://www.w3.org/2005/Atom"
WHAT_ORDER = {"beoordeeld": 0, "gewijzigd": 1, "toegevoegd": 2}  # on one day: the review first


@dataclass(frozen=True)
class Event:
    day: date
    what: str  # toegevoegd, gewijzigd or beoordeeld
    record: Record

    @property
    def kind_label(self) -> str:
        return RECORD_KINDS[self.record.kind].label.capitalize()


def events(records: list[Record], dates: dict[str, history.FileDates], data_root: Path) -> list[Event]:
    """Every dated event, newest first (ties in a fixed order, so the list is the same every build)."""
    found: list[Event] = []
    paths = _data_paths(records, data_root)
    for record in records:
        reviewed = None
        if record.get("status") == review_state.REVIEWED and record.get("reviewed"):
            reviewed = review.parse_date(record["reviewed"])
            found.append(Event(reviewed, "beoordeeld", record))
        known = dates.get(paths[id(record)])
        if known:
            found.append(Event(known.added, "toegevoegd", record))
            if known.changed > known.added and known.changed != reviewed:  # a review explains that change
                found.append(Event(known.changed, "gewijzigd", record))
    kinds = RECORD_KINDS.ids()
    return sorted(found, key=lambda e: (-e.day.toordinal(), WHAT_ORDER[e.what], kinds.index(e.record.kind),
                                        e.record.heading, e.record.id))


def _data_paths(records: list[Record], data_root: Path) -> dict[int, str]:
    """Each record's file relative to the data folder ('methods/abcd.yaml'), as git history names it,
    by ``id(record)``. The folders are resolved once: resolving each file's path cost more than the rest."""
    root = data_root.resolve()
    base = data_root.parent.resolve()
    paths = {}
    for record in records:
        path = base / record.path
        try:
            paths[id(record)] = path.relative_to(root).as_posix()
        except ValueError:
            paths[id(record)] = record.path
    return paths


def contribute(ctx: PageContext) -> None:
    data = ctx.data
    records = list(data.all_records())
    dates = history.file_dates(data.root)
    found = events(records, dates, data.root)
    paths = _data_paths(records, data.root)
    undated = sum(1 for r in records if paths[id(r)] not in dates)
    ctx.render("news.md.j2", PAGE, events=found[:PAGE_ITEMS], total=len(found), undated=undated,
               record_count=len(records), history=bool(dates), feed=FEED)
    ctx.add(FEED, atom_feed(found[:FEED_ITEMS], ctx))


def atom_feed(found: list[Event], ctx: PageContext) -> str:
    """An Atom 1.0 feed (RFC 4287) of the newest events; its 'updated' is the newest event's day (else the
    build date), never the clock."""
    site = ctx.site
    publication = site.publication
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        element.text = text
        return element

    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "nl"})
    sub(feed, "id", publication.absolute(f"{PAGE_FOLDERS.news}/"))
    sub(feed, "title", "Wijkengids: wat is er nieuw")
    sub(feed, "subtitle", "Methoden, praktijkvoorbeelden en checklists die zijn toegevoegd, gewijzigd of beoordeeld.")
    sub(feed, "updated", _stamp(found[0].day if found else site.build_date))
    sub(feed, "link", rel="self", type="application/atom+xml", href=publication.absolute(FEED))
    sub(feed, "link", rel="alternate", type="text/html", href=publication.absolute(f"{PAGE_FOLDERS.news}/"))
    author = sub(feed, "author")
    sub(author, "name", publication.author)
    for event in found:
        url = publication.absolute(site.url(event.record))
        entry = sub(feed, "entry")
        sub(entry, "id", f"{url}#{event.what}-{event.day.isoformat()}")
        sub(entry, "title", f"{event.kind_label} {event.what}: {event.record.heading}")
        sub(entry, "updated", _stamp(event.day))
        sub(entry, "link", rel="alternate", type="text/html", href=url)
        summary = event.record.blurb or ""
        if event.what == "beoordeeld" and event.record.get("reviewer"):
            summary = f"Beoordeeld door {event.record['reviewer']}. {summary}".strip()
        if summary:
            sub(entry, "summary", summary)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
