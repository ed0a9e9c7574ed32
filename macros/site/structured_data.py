"""Structured data (schema.org, as JSON-LD) for every page, made from the data: one block per page.

A method with steps is a ``HowTo``, otherwise an ``Article``; a case an ``Article`` at a ``Place``; a
checklist a ``HowTo``; the glossary a ``DefinedTermSet``; the timeline and the reading list an ``ItemList``;
the home page the ``WebSite`` with its search; the open-data page a ``Dataset``; any other page a ``WebPage``.

Only what the data holds is said. No author, review or rating: a record names no writer, and its review
state is given as it is (``creativeWorkStatus``: concept or beoordeeld). A date is the last change in git
history (page_dates.py), or absent. Addresses are absolute when the site has a public address, else relative
to the page (site_address.py). The text is safe inside ``<script>``: '<', '>' and '&' are escaped.
"""
from __future__ import annotations

import json
import re
from typing import Any

from ..bibliography.model import Entry
from ..bibliography.text import is_doi, is_web_url
from ..data.dataset import Dataset, Record, source_ref
from ..data.kinds import PAGE_FOLDERS
from ..figures import case_map
from .context import Site
from .page_dates import PageDates
from .site_address import Links, filled_in

SCHEMA = "https://schema.org"
LANGUAGE = "nl"
LICENSE = "https://creativecommons.org/licenses/by/4.0/"

#: schema.org type of a reading-list entry, by BibTeX entry type (anything else: CreativeWork).
WORK_TYPES = {
    "article": "ScholarlyArticle", "book": "Book", "incollection": "Chapter", "inbook": "Chapter",
    "techreport": "Report", "report": "Report", "phdthesis": "Thesis", "mastersthesis": "Thesis",
    "online": "WebPage", "legislation": "Legislation",
}

#: Pages with their own structured data, by URL (the rest: records by their URL, else WebPage).
HOME = ""
GLOSSARY = f"{PAGE_FOLDERS.glossary}/"
TIMELINE = f"{PAGE_FOLDERS.timeline}/"
READING_LIST = f"{PAGE_FOLDERS.readinglist}/"
OPEN_DATA = f"{PAGE_FOLDERS.opendata}/"

_MARKUP = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def plain(text: Any) -> str:
    """Curator Markdown as one line of plain text: links become their words, emphasis marks go."""
    words = _MARKUP.sub("", _LINK.sub(r"\1", str(text or "")))
    return " ".join(words.split())


def script_text(value: dict[str, Any]) -> str:
    """JSON for a ``<script type="application/ld+json">`` element: no text in it can end the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class StructuredData:
    """``for_page(url, title, description)``: the JSON-LD object of one page (a dict)."""

    def __init__(self, data: Dataset, site: Site, links: Links, dates: PageDates, *, site_name: str,
                 site_description: str, open_data: list[tuple[str, str, str]] | None = None):
        """``open_data``: (file name in open-data/, media type, Dutch description) of each download."""
        self.data = data
        self.site = site
        self.links = links
        self.dates = dates
        self.site_name = site_name
        self.site_description = site_description
        self.open_data = open_data or []
        self.records = {site.url(record): record for record in data.all_records()}
        publication = site.publication
        self.publisher: dict[str, Any] | None = None
        if filled_in(publication.publisher_name):
            self.publisher = {"@type": "Organization", "name": publication.publisher_name}
            if filled_in(publication.publisher_url) and is_web_url(publication.publisher_url):
                self.publisher["url"] = publication.publisher_url

    # --- one page -----------------------------------------------------------------------------------

    def for_page(self, url: str, title: str, description: str, src_uri: str = "") -> dict[str, Any]:
        record = self.records.get(url)
        if record is not None:
            node = self.record(record, url, description)
        elif url == HOME:
            node = self.website(title, description)
        elif url == GLOSSARY:
            node = self.glossary(url, title, description)
        elif url == TIMELINE:
            node = self.timeline(url, title, description)
        elif url == READING_LIST:
            node = self.reading_list(url, title, description)
        elif url == OPEN_DATA:
            node = self.dataset(url, title, description)
        else:
            node = self.page(url, title, description)
        changed = self.dates.changed(url, src_uri)
        if changed and node["@type"] != "WebSite":
            node["dateModified"] = changed.isoformat()
        return {"@context": SCHEMA, **node}

    def _base(self, kind: str, url: str, name: str, description: str) -> dict[str, Any]:
        node: dict[str, Any] = {"@type": kind, "name": name}
        if description:
            node["description"] = description
        node["inLanguage"] = LANGUAGE
        if self.links.public:
            node["url"] = self.links.absolute(url)
        return node

    def _part_of(self) -> dict[str, Any]:
        site: dict[str, Any] = {"@type": "WebSite", "name": self.site_name}
        if self.links.public:
            site["url"] = self.links.absolute(HOME)
        return site

    def page(self, url: str, title: str, description: str) -> dict[str, Any]:
        return {**self._base("WebPage", url, title, description), "isPartOf": self._part_of()}

    def website(self, title: str, description: str) -> dict[str, Any]:
        node = self._base("WebSite", HOME, self.site_name, description or self.site_description)
        if self.publisher:
            node["publisher"] = self.publisher
        if self.links.public:
            # The site's own search opens with ?q= (docs/assets/js/zoeken.js); a search engine may offer it.
            node["potentialAction"] = {
                "@type": "SearchAction",
                "target": {"@type": "EntryPoint", "urlTemplate": self.links.absolute(HOME) + "?q={search_term_string}"},
                "query-input": "required name=search_term_string",
            }
        return node

    # --- records ------------------------------------------------------------------------------------

    def record(self, record: Record, url: str, description: str = "") -> dict[str, Any]:
        """``description``: the page's own, for a record without a summary (a checklist)."""
        steps = self._steps(record)
        kind = "HowTo" if steps else "Article"
        node = self._base(kind, url, record.heading, plain(record.blurb or "") or description)
        if kind == "Article":
            node["headline"] = record.heading
        else:
            node["step"] = steps
        about = self._about(record)
        if about:
            node["about"] = about
        if record.kind == "case":
            node.update(self._place_and_period(record))
        works = [self.work(self.data.bibliography[key], url) for key in self._source_keys(record)]
        if works:
            node["citation"] = works
            node["isBasedOn"] = [{"@id": work["@id"]} for work in works]
        if record.get("status"):
            node["creativeWorkStatus"] = str(record["status"])
        node["license"] = LICENSE
        if self.publisher:
            node["publisher"] = self.publisher
        node["isPartOf"] = self._part_of()
        return node

    def _steps(self, record: Record) -> list[dict[str, Any]]:
        if record.kind == "checklist":
            texts = [item["text"] for item in record.get("items") or []]
        elif record.kind == "method":
            texts = list(record.get("steps") or [])
        else:
            return []
        return [{"@type": "HowToStep", "position": number, "text": plain(text)}
                for number, text in enumerate(texts, start=1) if plain(text)]

    def _about(self, record: Record) -> list[dict[str, Any]]:
        """What the record is about: its rungs of the ladder and types of participation (methods), the
        methods a case used or a checklist goes with."""
        about: list[dict[str, Any]] = []
        for rung_id in record.get("rungs") or []:
            about.append(self._thing(self.site.rung(rung_id)["label"], f"{self.site.index_url('rung')}{rung_id}/"))
        for value in record.get("types") or []:
            about.append({"@type": "Thing", "name": self.site.label("participationType", value)})
        if record.kind == "case":
            methods = [self.data.methods[m] for m in record.get("methods") or [] if m in self.data.methods]
        elif record.kind == "checklist":
            methods = self.data.methods_for_checklist(record.id)
        else:
            methods = []
        about += [self._thing(m.heading, self.site.url(m), "HowTo" if m.get("steps") else "Article") for m in methods]
        return about

    def _thing(self, name: str, url: str, kind: str = "Thing") -> dict[str, Any]:
        thing: dict[str, Any] = {"@type": kind, "name": name}
        if self.links.public:
            thing["url"] = self.links.absolute(url)
        return thing

    def _place_and_period(self, case: Record) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        place: dict[str, Any] = {"@type": "Place", "name": case_map.place_text(case)}
        address = {key: case[field] for key, field in (("addressLocality", "municipality"), ("addressCountry", "country"))
                   if case.get(field)}
        if address:
            place["address"] = {"@type": "PostalAddress", **address}
        coordinates = case.get("coordinates")
        if coordinates:
            place["geo"] = {"@type": "GeoCoordinates", "latitude": coordinates["lat"], "longitude": coordinates["lon"]}
        extra["contentLocation"] = place
        period = case.get("period") or {}
        start, end = period.get("start"), period.get("end")
        # ISO 8601 interval; '..' is an open end (still running). An unknown start or end: no interval at all.
        if isinstance(start, int) and (isinstance(end, int) or end == "lopend"):
            extra["temporalCoverage"] = f"{start}/{end if isinstance(end, int) else '..'}"
        return extra

    def _source_keys(self, record: Record | dict[str, Any]) -> list[str]:
        keys: list[str] = []
        stack: list[Any] = [record.get("sources") or []]
        for item in record.get("items") or []:  # a checklist's items name sources of their own
            stack.append(item.get("sources") or [])
        for sources in stack:
            for source in sources:
                key, _ = source_ref(source)
                if key in self.data.bibliography and key not in keys:
                    keys.append(key)
        return keys

    # --- the reading list ---------------------------------------------------------------------------

    def work(self, entry: Entry, written_in: str) -> dict[str, Any]:
        """One reading-list entry as a CreativeWork; its ``@id`` is its place on the reading list."""
        node: dict[str, Any] = {"@type": WORK_TYPES.get(entry.entry_type, "CreativeWork"),
                                "@id": self.links.link(f"{READING_LIST}#{entry.key}", written_in)}
        if entry.title:
            node["name"] = entry.title
        if entry.authors:
            node["author"] = [_agent(person) for person in entry.authors]
        if entry.editors:
            node["editor"] = [_agent(person) for person in entry.editors]
        if entry.publishers:
            node["publisher"] = [{"@type": "Organization", "name": name} for name in entry.publishers]
        if entry.year:
            node["datePublished"] = entry.year
        if is_web_url(entry.get("url")):
            node["url"] = entry.get("url")
        if is_doi(entry.get("doi")):
            node["sameAs"] = f"https://doi.org/{entry.get('doi')}"
        if entry.lang:
            node["inLanguage"] = entry.lang
        return node

    def reading_list(self, url: str, title: str, description: str) -> dict[str, Any]:
        entries = list(self.data.bibliography)
        return {**self._base("ItemList", url, title, description), "numberOfItems": len(entries),
                "itemListElement": [{"@type": "ListItem", "position": number, "item": self.work(entry, url)}
                                    for number, entry in enumerate(entries, start=1)]}

    # --- lists --------------------------------------------------------------------------------------

    def glossary(self, url: str, title: str, description: str) -> dict[str, Any]:
        terms = []
        for term in self.data.glossary:
            node: dict[str, Any] = {"@type": "DefinedTerm", "name": term["term"], "description": plain(term["definition"])}
            if term.get("aliases"):
                node["alternateName"] = list(term["aliases"])
            node["url"] = self.links.link(f"{GLOSSARY}#{term.id}", url)
            terms.append(node)
        return {**self._base("DefinedTermSet", url, title, description), "hasDefinedTerm": terms}

    def timeline(self, url: str, title: str, description: str) -> dict[str, Any]:
        items = []
        for number, event in enumerate(self.data.timeline, start=1):
            node: dict[str, Any] = {"@type": "Event", "name": plain(event["title"]), "startDate": str(event["date"])}
            if event.get("end"):
                node["endDate"] = str(event["end"])
            if event.get("text"):
                node["description"] = plain(event["text"])
            items.append({"@type": "ListItem", "position": number, "item": node})
        return {**self._base("ItemList", url, title, description), "itemListOrder": "https://schema.org/ItemListOrderAscending",
                "numberOfItems": len(items), "itemListElement": items}

    def dataset(self, url: str, title: str, description: str) -> dict[str, Any]:
        node = self._base("Dataset", url, title, description)
        node["license"] = LICENSE
        node["isAccessibleForFree"] = True
        node["keywords"] = ["bewonersparticipatie", "wijkaanpak", "participatie", "open data"]
        if self.publisher:
            node["publisher"] = self.publisher
            node["creator"] = self.publisher
        node["distribution"] = [
            {"@type": "DataDownload", "name": name, "description": what, "encodingFormat": media_type,
             "contentUrl": self.links.link(f"{OPEN_DATA}{name}", url)}
            for name, media_type, what in self.open_data]
        return node


def _agent(person: Any) -> dict[str, Any]:
    if person.is_organisation:
        return {"@type": "Organization", "name": person.literal}
    name = " ".join(part for part in (person.given, person.particle, person.family, person.suffix) if part)
    return {"@type": "Person", "name": name}
