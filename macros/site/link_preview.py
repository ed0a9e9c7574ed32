"""What a page's <head> tells other sites: link previews (Open Graph and card tags), the canonical address,
the site's OpenSearch description and the page's structured data (structured_data.py).

A link pasted in a chat, a mail or a social network shows the page's title, summary and the card of its
section: one image per section (``docs/assets/kaarten/<section>.png``, 1200 × 630, made once with
``python -m scripts.cards``), so thousands of records cost no images. Every tag that needs an absolute
address (og:url, og:image, canonical, OpenSearch) is left out while the site has no public address.

Plain Python: ``overrides/main.html`` only prints what ``PageHeads.head`` returns (escaped there), and the
sitemap asks ``PageHeads.lastmod``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

from ..data import history
from ..data.dataset import Dataset
from ..data.kinds import CASE, CHECKLIST, METHOD, PAGE_FOLDERS
from .context import Publication, Site
from .page_dates import PageDates, data_file
from .site_address import Links
from .structured_data import StructuredData, script_text

LOCALE = "nl_NL"
CARD_FOLDER = "assets/kaarten"
CARD_SIZE = (1200, 630)
OPENSEARCH = "opensearch.xml"


@dataclass(frozen=True)
class Card:
    """The preview image of one section: its file name and the words on it."""

    id: str
    title: str
    tagline: str

    @property
    def path(self) -> str:
        return f"{CARD_FOLDER}/{self.id}.png"

    @property
    def alt(self) -> str:
        return f"Wijkengids: {self.title}. {self.tagline}"


#: The cards, by the first part of a page's URL; pages of any other section get the general card. Folder names
#: come from the registry (kinds.py); a new kind or page family gets the general card until it is given one.
GENERAL = Card("gids", "Over deze gids", "Kennis over bewonersparticipatie in de wijkaanpak")
CARDS: dict[str, Card] = {
    "": Card("start", "Wijkengids", "Kennis over bewonersparticipatie in de wijkaanpak"),
    "bewoners": Card("bewoners", "Voor bewoners", "Zelf iets doen in je buurt, en meepraten over plannen"),
    PAGE_FOLDERS.selector: Card(PAGE_FOLDERS.selector, "Participatiewijzer", "Welke aanpak past bij jouw situatie?"),
    METHOD.url: Card(METHOD.url, METHOD.title, "Manieren om bewoners mee te laten doen, met stappen en bronnen"),
    CASE.url: Card(CASE.url, CASE.title, "Hoe het in wijken ging, met plaats, periode en lessen"),
    CHECKLIST.url: Card(CHECKLIST.url, CHECKLIST.title, "Punten om na te lopen voor je begint"),
    PAGE_FOLDERS.ladder: Card(PAGE_FOLDERS.ladder, "Participatieladder", "Van informeren tot zelf organiseren"),
    PAGE_FOLDERS.readinglist: Card(PAGE_FOLDERS.readinglist, "Leeslijst",
                                   "Boeken, rapporten en artikelen over bewonersparticipatie"),
    PAGE_FOLDERS.glossary: Card(PAGE_FOLDERS.glossary, "Begrippen", "Woorden uit de wijkaanpak, uitgelegd in gewone taal"),
    PAGE_FOLDERS.timeline: Card(PAGE_FOLDERS.timeline, "Tijdlijn", "De wijkaanpak door de jaren heen"),
}


def card_for(url: str) -> Card:
    return CARDS.get(url.split("/", 1)[0], GENERAL)


def all_cards() -> list[Card]:
    return [*CARDS.values(), GENERAL]


@dataclass
class PageHead:
    """What overrides/main.html prints in one page's <head>."""

    meta: list[tuple[str, str, str]] = field(default_factory=list)  # (attribute, its value, content)
    canonical: str = ""
    opensearch: str = ""
    json_ld: str = ""


class PageHeads:
    def __init__(self, structured: StructuredData, links: Links, dates: PageDates, site_name: str):
        self.structured = structured
        self.links = links
        self.dates = dates
        self.site_name = site_name

    def head(self, url: str, title: str, description: str, src_uri: str = "") -> PageHead:
        """``title`` and ``description`` as the page's front matter holds them (generated pages store them
        HTML-escaped, see render.THEME_HTML_KEYS): unescaped here, escaped once by the template. Without a
        description the site's, as the theme's <meta name="description">."""
        title, description = unescape(title), unescape(description) or self.structured.site_description
        record = self.structured.records.get(url)
        card = card_for(url)
        head = PageHead()
        meta = head.meta
        meta += [("property", "og:type", "article" if record is not None else "website"),
                 ("property", "og:site_name", self.site_name), ("property", "og:locale", LOCALE),
                 ("property", "og:title", title)]
        if description:
            meta.append(("property", "og:description", description))
        if self.links.public:
            head.canonical = self.links.absolute(url)
            head.opensearch = self.links.absolute(OPENSEARCH)
            meta.append(("property", "og:url", head.canonical))
            meta += [("property", "og:image", self.links.absolute(card.path)), ("property", "og:image:type", "image/png"),
                     ("property", "og:image:width", str(CARD_SIZE[0])), ("property", "og:image:height", str(CARD_SIZE[1])),
                     ("property", "og:image:alt", card.alt)]
        changed = self.dates.changed(url, src_uri)
        if record is not None and changed:
            meta.append(("property", "article:modified_time", changed.isoformat()))
        meta += [("name", "twitter:card", "summary_large_image" if self.links.public else "summary"),
                 ("name", "twitter:title", title)]
        if description:
            meta.append(("name", "twitter:description", description))
        if self.links.public:
            meta += [("name", "twitter:image", self.links.absolute(card.path)), ("name", "twitter:image:alt", card.alt)]
        head.json_ld = script_text(self.structured.for_page(url, title, description, src_uri))
        return head

    def lastmod(self, url: str, src_uri: str = "") -> str:
        """The sitemap's <lastmod> of a page ('2026-09-15'), or '' when its history is unknown."""
        changed = self.dates.changed(url, src_uri)
        return changed.isoformat() if changed else ""


def page_heads(data: Dataset, publication: Publication, docs_dir: Path, site_description: str) -> PageHeads:
    """Everything the heads of one build need: record addresses, dates from git history (data/ and docs/),
    the open-data files."""
    site = Site(data, publication=publication)
    links = Links(publication.site_url)
    records = {site.url(r): data_file(r.path, data.root) for r in data.all_records()}
    dates = PageDates(records, history.file_dates(data.root), history.file_dates(docs_dir))
    open_data = [(f"{kind.folder}.{ext}", media, f"{kind.title} als {label}")
                 for kind in data.kinds for ext, media, label in
                 (("json", "application/json", "JSON"), ("csv", "text/csv", "CSV")) if ext == "json" or kind.csv]
    structured = StructuredData(data, site, links, dates, site_name=publication.site_name,
                                site_description=site_description, open_data=open_data)
    return PageHeads(structured, links, dates, publication.site_name)
