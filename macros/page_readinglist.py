"""Leeslijst: every entry of data/references.bib, grouped by theme, with the way back to every page
that cites it, plus downloads (BibTeX, RIS, CSL-JSON) of the whole list and of each theme.

Decisions:
* **Themes** come from ``data/themes.yaml``: an entry belongs to every theme one of its BibTeX
  ``keywords`` maps to. Each entry is written out in full exactly once, with ``id="<key>"`` as its
  stable anchor, under its *first* theme (file order); under its other themes it appears as a short
  link to that anchor, so the page never holds two elements with the same id. Entries that match no
  theme go under "Overig" (``dataset`` also warns about them).
* **Types** for the filter: the BibTeX entry type decides (boek, rapport, artikel, hoofdstuk, web,
  overig); ``@online`` is a web page, ``@misc`` (speeches, essays, parliamentary papers) is "overig".
* **Genoemd bij** is computed from the data (record sources, checklist items, rungs, timeline,
  glossary) and from hand-written pages: their Markdown source is scanned for ``cite("key", …)`` calls
  and for links to ``leeslijst/#key``. Links point at the exact spot (``#bron-<key>``, ``#punt-<item>``,
  the event or term anchor).
* The **filters** are progressive enhancement (``docs/assets/js/leeslijst.js``): the page without
  JavaScript is the full list, grouped; every entry carries what the script filters on as data
  attributes, so no second copy of the data is needed.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from . import bibliography
from .bib_checks import TITLE_UNCHECKED
from .bib_text import _FOLD, fold_accents
from .bibliography import Entry
from .dataset import OTHER_THEME, Dataset, Record, reference_keys
from .pages import GENERATED_DIRS, PageContext

#: Filter value per BibTeX entry type; anything else is "overig".
TYPE_OF_ENTRY = {
    "book": "boek", "phdthesis": "boek",
    "techreport": "rapport", "report": "rapport", "mastersthesis": "rapport",
    "article": "artikel",
    "incollection": "hoofdstuk", "inbook": "hoofdstuk", "inproceedings": "hoofdstuk",
    "online": "web",
}
#: Filter values in display order, with their label.
TYPE_LABELS = {
    "boek": "Boek", "rapport": "Rapport", "artikel": "Artikel", "hoofdstuk": "Hoofdstuk in een boek",
    "web": "Webpagina", "overig": "Overig (essay, toespraak, Kamerstuk …)",
}
OTHER_LABEL = "Overig"
OTHER_DESCRIPTION = "Bronnen die (nog) bij geen van de thema's hierboven horen."

_CITE_CALL = re.compile(r"\b(?:cite|bronnen)\(\s*((?:(?:\"[^\"\n]*\"|'[^'\n]*')\s*,?\s*)+)")
_QUOTED = re.compile(r"\"([^\"\n]*)\"|'([^'\n]*)'")
# The keyword (a Zotero tag) that puts an entry on the list as further reading: it is cited nowhere
# in the guide, on purpose. tests/build/test_readinglist.py holds every other entry to being cited.
FURTHER_READING = "verder lezen"

_LIST_LINK = re.compile(r"leeslijst/(?:index\.md)?#([A-Za-z0-9_:.-]+)")
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n(?:---|\.\.\.)\s*\n", re.S)


@dataclass(frozen=True)
class CitedBy:
    """One place that cites an entry: what the link says, and where it goes (root-relative URL)."""

    label: str
    kind: str
    url: str


@dataclass
class Item:
    entry: Entry
    html: Markup
    cite: str
    kind: str
    themes: list[str]
    search: str
    cited_by: list[CitedBy] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.entry.key

    @property
    def paren(self) -> str:
        """The in-text citation a reader copies: '(Putters, 2022)'."""
        return bibliography.cite_text([self.entry])

    @property
    def further_reading(self) -> bool:
        return FURTHER_READING in (word.casefold() for word in self.entry.keywords)

    @property
    def title_unchecked(self) -> bool:
        """``titelstatus = {niet gecontroleerd}``: the title was reconstructed (from a web address) and nobody
        could compare it with the work itself; the list says so next to the entry."""
        return self.entry.get("titelstatus") == TITLE_UNCHECKED

    @property
    def home(self) -> str:
        """The theme under which the entry is written out in full."""
        return self.themes[0] if self.themes else OTHER_THEME

    @property
    def kind_label(self) -> str:
        """Short label on the entry ('Overig'); the filter explains the kinds in full."""
        return TYPE_LABELS[self.kind].split(" (")[0]


@dataclass
class Group:
    id: str
    label: str
    description: str
    items: list[Item]

    def is_home(self, item: Item) -> bool:
        return item.home == self.id

    @property
    def count(self) -> int:
        return len(self.items)


# --- the model ---------------------------------------------------------------------------------

def normalise(text: str) -> str:
    """Search text as the script compares it: no accents, lower case, words split on anything else.
    (The same steps as ``norm()`` in leeslijst.js.)"""
    text = fold_accents(text.lower().translate(_FOLD))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


def _natural_name(person: Any) -> str:
    if person.is_organisation:
        return person.literal
    return " ".join(part for part in (person.given, person.particle, person.family, person.suffix) if part)


def search_text(entry: Entry, html: Markup, themes: Iterable[str] = ()) -> str:
    """Names (as listed and in natural order, so 'van der Laan' and 'Laan' both find it),
    year, title, container and publisher: the reference without its link; plus the entry's
    keywords and the labels of its themes, so a search for 'bewonersbedrijf' finds every entry
    of that theme. Word forms (bedrijf/bedrijven) are matched by the script (nl-stem.js)."""
    text = unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<a\b[^>]*>.*?</a>", " ", str(html))))
    names = dict.fromkeys(_natural_name(p) for p in entry.authors + entry.editors + entry.creators)
    return normalise(" ".join([text, *names, *entry.keywords, *themes]))


def entry_kind(entry: Entry) -> str:
    return TYPE_OF_ENTRY.get(entry.entry_type, "overig")


def build_items(data: Dataset, docs_dir: Path | None = None) -> list[Item]:
    """Every entry in reading-list order, with its themes and the places that cite it."""
    cited = citations(data, docs_dir)
    items = []
    for entry in data.bibliography:
        html = bibliography.format_reference(entry)
        themes = data.themes_of(entry)
        items.append(Item(entry=entry, html=html, cite=bibliography.cite_text([entry], narrative=True),
                          kind=entry_kind(entry), themes=[t.id for t in themes],
                          search=search_text(entry, html, [t["label"] for t in themes]),
                          cited_by=cited.get(entry.key, [])))
    return items


def build_groups(data: Dataset, items: list[Item]) -> list[Group]:
    """One group per theme (file order) with every entry of that theme, then 'Overig' if needed.
    Empty themes are left out: a heading without entries helps no reader."""
    groups = [Group(t.id, t["label"], t["description"], [i for i in items if t.id in i.themes])
              for t in data.themes]
    groups.append(Group(OTHER_THEME, OTHER_LABEL, OTHER_DESCRIPTION, [i for i in items if not i.themes]))
    return [g for g in groups if g.items]


# --- who cites what ----------------------------------------------------------------------------

_KIND_LABELS = {"method": "methode", "case": "praktijkvoorbeeld", "checklist": "checklist",
                "rung": "trede", "role": "rol van de overheid", "event": "tijdlijn", "term": "begrip",
                "page": "pagina"}


def citations(data: Dataset, docs_dir: Path | None = None) -> dict[str, list[CitedBy]]:
    """Entry key → every place that cites it (no doubles), in a fixed order: methods, cases,
    checklists, ladder, timeline, glossary, hand-written pages."""
    found: dict[str, list[CitedBy]] = {}

    def add(keys: Iterable[str], label: str, kind: str, url: str) -> None:
        """One link per page and key: the first spot wins (a record's own sources before its items)."""
        for key in keys:
            places = found.setdefault(key, [])
            if not any(place.url.split("#")[0] == url.split("#")[0] and not place.url.startswith("tijdlijn/")
                       and not place.url.startswith("begrippen/") for place in places):
                places.append(CitedBy(label, _KIND_LABELS[kind], url))

    folders = {"method": "methoden", "case": "praktijk", "checklist": "checklists"}
    records: list[Record] = sorted(data.methods.values(), key=lambda r: r.heading.casefold()) \
        + sorted(data.cases.values(), key=lambda r: r.heading.casefold()) \
        + sorted(data.checklists.values(), key=lambda r: r.heading.casefold())
    for record in records:
        page = f"{folders[record.kind]}/{record.id}/"
        for key in _keys(record.get("sources")):
            add([key], record.heading, record.kind, f"{page}#bron-{key}")
        for key in _keys((record.get("evidence") or {}).get("sources")):  # what is known about the effect
            add([key], record.heading, record.kind, f"{page}#effect")
        for item in record.get("items") or []:
            for key in _keys(item.get("sources")):
                add([key], record.heading, record.kind, f"{page}#punt-{item['id']}")
    for rung in data.rungs + data.roles:
        for key in _keys(rung.get("sources")):
            add([key], rung["label"], "rung" if rung in data.rungs else "role", f"ladder/{rung.id}/#bron-{key}")
    for event in data.timeline:
        label = f"{event['title']} ({str(event['date'])[:4]})"
        add(_keys(event.get("sources")), label, "event", f"tijdlijn/#{event.id}")
    for term in sorted(data.glossary, key=lambda t: t["term"].casefold()):
        add(_keys(term.get("sources")), term["term"], "term", f"begrippen/#{term.id}")
    for written in handwritten_pages(docs_dir) if docs_dir else []:
        add([key for key in written.keys if key in data.bibliography], written.title, "page", written.url)
    return found


def _keys(sources: Any) -> list[str]:
    return reference_keys(sources)


@dataclass(frozen=True)
class HandwrittenPage:
    path: str   # docs-relative, e.g. 'over.md'
    url: str    # root-relative, e.g. 'over/'
    title: str
    keys: tuple[str, ...]


def handwritten_pages(docs_dir: Path) -> list[HandwrittenPage]:
    """The pages a person wrote (every .md outside the generated folders) that cite a source."""
    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if rel.split("/", 1)[0] in GENERATED_DIRS:
            continue
        text = path.read_text(encoding="utf-8")
        keys = cited_keys(text)
        if keys:
            pages.append(HandwrittenPage(rel, page_url(rel), page_title(text, rel), keys))
    return pages


def cited_keys(markdown: str) -> tuple[str, ...]:
    """Keys in ``cite("a", "b", pages="3")`` and ``bronnen("a", "b")`` calls and in links to ``leeslijst/#key``, in order."""
    keys: list[str] = []
    for call in _CITE_CALL.finditer(markdown):
        keys += [a or b for a, b in _QUOTED.findall(call.group(1))]
    keys += _LIST_LINK.findall(markdown)
    return tuple(dict.fromkeys(keys))


def page_url(rel: str) -> str:
    """'over.md' → 'over/', 'index.md' → '', 'a/index.md' → 'a/' (use_directory_urls)."""
    stem = rel[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def page_title(markdown: str, rel: str) -> str:
    """The title MkDocs shows: front-matter ``title``, else the first ``# heading``, else the file name."""
    front = _FRONT_MATTER.match(markdown)
    if front:
        title = re.search(r"^title:\s*(.+?)\s*$", front.group(1), re.M)
        if title:
            return title.group(1).strip("\"'")
    heading = re.search(r"^#\s+(.+?)\s*#*\s*$", markdown[front.end() if front else 0:], re.M)
    return heading.group(1) if heading else Path(rel).stem.replace("-", " ").capitalize()


# --- downloads ---------------------------------------------------------------------------------

FORMATS = (("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON"))


def downloads(entries: list[Entry]) -> dict[str, str]:
    """Extension → file text for one set of entries."""
    return {
        "bib": bibliography.to_bibtex(entries),
        "ris": bibliography.to_ris(entries),
        "json": json.dumps(bibliography.to_csl_json(entries), ensure_ascii=False, indent=1) + "\n",
    }


def item_file(key: str) -> str:
    """File name (without extension) of one entry's downloads: leeslijst/bron/<key>.bib and .ris.
    Keys may hold ':', which some file systems (and zip tools on Windows) refuse."""
    return key.replace(":", "_")


def my_list_data(items: list[Item]) -> str:
    """What /leeslijst/mijn/ exports, per key, as JSON inside the page (a file next to it could not
    be read from the offline copy: browsers refuse fetch() on file://). '<' is escaped, so the
    text can never close the <script type="application/json"> element that holds it."""
    exports = {item.key: {"bib": bibliography.public_bibtex(item.entry) + "\n",
                          "ris": bibliography.to_ris([item.entry]),
                          "csl": bibliography.to_csl_json([item.entry])[0]} for item in items}
    text = json.dumps(exports, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def contribute(ctx: PageContext) -> None:
    data = ctx.data
    items = build_items(data, ctx.docs_dir)
    groups = build_groups(data, items)
    for item in items:  # one entry each, as static files: they work without JavaScript
        one = downloads([item.entry])
        ctx.add(f"leeslijst/bron/{item_file(item.key)}.bib", one["bib"])
        ctx.add(f"leeslijst/bron/{item_file(item.key)}.ris", one["ris"])
    for ext, text in downloads([i.entry for i in items]).items():
        ctx.add(f"leeslijst/wijkengids.{ext}", text)
    for group in groups:
        for ext, text in downloads([i.entry for i in group.items]).items():
            ctx.add(f"leeslijst/thema-{group.id}.{ext}", text)
    years = [int(i.entry.year) for i in items if i.entry.year]
    kinds = [(value, label, sum(1 for i in items if i.kind == value)) for value, label in TYPE_LABELS.items()]
    labels = {g.id: g.label for g in groups}
    ctx.render("readinglist.md.j2", "leeslijst/index.md", items=items, groups=groups, formats=FORMATS,
               kinds=[k for k in kinds if k[2]], first_year=min(years, default=0), last_year=max(years, default=0),
               undated=sum(1 for i in items if not i.entry.year), theme_label=labels.__getitem__, md_text=md_text)
    ctx.render("readinglist_mine.md.j2", "leeslijst/mijn/index.md", items=items, formats=FORMATS,
               exports=Markup(my_list_data(items)))


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def md_text(text: str) -> Markup:
    """Curator text for a Markdown heading: Markdown punctuation escaped, then HTML-escaped, so a label is
    shown exactly as written (no *emphasis*, no {#attribute} list)."""
    return Markup(str(escape(_MD_SPECIAL.sub(r"\\\1", text))))
