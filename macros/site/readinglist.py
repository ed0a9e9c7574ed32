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

from .. import bibliography
from ..bibliography import Entry
from ..bibliography.checks import TITLE_UNCHECKED
from ..bibliography.text import _FOLD, fold_accents
from ..data.cited_by import CitedBy, citations, is_further_reading
from ..data.dataset import LIST_FILES, OTHER_THEME, Dataset
from ..data.kinds import PAGE_FOLDERS
from .context import PageContext, item_file
from .kept import family_key

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
        return is_further_reading(self.entry)

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


def build_items(data: Dataset, docs_dir: Path | None = None,
                cited: dict[str, list[CitedBy]] | None = None) -> list[Item]:
    """Every entry in reading-list order, with its themes and the places that cite it (``cited``:
    ``citations(data, docs_dir)``, when the caller has it already)."""
    cited = citations(data, docs_dir) if cited is None else cited
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


# --- downloads ---------------------------------------------------------------------------------

FORMATS = (("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON"))


def downloads(entries: list[Entry], formats: tuple[str, ...] = ("bib", "ris", "json")) -> dict[str, str]:
    """Extension → file text for one set of entries (only the formats asked for)."""
    makers = {
        "bib": bibliography.to_bibtex,
        "ris": bibliography.to_ris,
        "json": lambda chosen: bibliography.csl_json_text(chosen) + "\n",
    }
    return {ext: makers[ext](entries) for ext in formats}


def my_list_data(items: list[Item]) -> str:
    """What /leeslijst/mijn/ exports, per key, as JSON inside the page (a file next to it could not
    be read from the offline copy: browsers refuse fetch() on file://). '<' is escaped, so the
    text can never close the <script type="application/json"> element that holds it. ``coins`` is the
    ContextObject the script puts next to each source it shows, so Zotero's connector offers exactly
    the reader's sources (a span in every hidden entry would offer the whole reading list)."""
    exports = {item.key: {"bib": bibliography.public_bibtex(item.entry) + "\n",
                          "ris": bibliography.to_ris([item.entry]),
                          "csl": bibliography.to_csl_json([item.entry])[0],
                          "coins": bibliography.to_coins(item.entry)} for item in items}
    text = json.dumps(exports, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def contribute(ctx: PageContext) -> None:
    """The reading list, Mijn leeslijst and every download. Kept for the next build (kept.py): its files
    depend only on the key below, and made again when any of that changed."""
    data = ctx.data
    cited = citations(data, ctx.docs_dir)
    key = family_key(_read(data.root / "references.bib"), _read(data.root / LIST_FILES["themes"]),
                     {k: [(c.label, c.kind, c.url) for c in places] for k, places in cited.items()},
                     ctx.site.edit_base, ctx.site.publication)
    kept = ctx.kept.get(FAMILY, key)
    if kept is not None:
        for path, text in kept.items():
            ctx.add(path, text)
        return
    before = set(ctx.files)
    _make(ctx, build_items(data, ctx.docs_dir, cited))
    ctx.kept.put(FAMILY, key, {path: text for path, text in ctx.files.items() if path not in before})


#: The name of the reading list's kept files (kept.py).
FAMILY = "leeslijst"
#: The reading list's folder below docs/.
FOLDER = PAGE_FOLDERS.readinglist


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _make(ctx: PageContext, items: list[Item]) -> None:
    data = ctx.data
    groups = build_groups(data, items)
    for item in items:  # one entry each, as static files: they work without JavaScript
        one = downloads([item.entry], ("bib", "ris"))
        ctx.add(f"{FOLDER}/bron/{item_file(item.key)}.bib", one["bib"])
        ctx.add(f"{FOLDER}/bron/{item_file(item.key)}.ris", one["ris"])
    for ext, text in downloads([i.entry for i in items]).items():
        ctx.add(f"{FOLDER}/wijkengids.{ext}", text)
    for group in groups:
        for ext, text in downloads([i.entry for i in group.items]).items():
            ctx.add(f"{FOLDER}/thema-{group.id}.{ext}", text)
    years = [int(i.entry.year) for i in items if i.entry.year]
    kinds = [(value, label, sum(1 for i in items if i.kind == value)) for value, label in TYPE_LABELS.items()]
    labels = {g.id: g.label for g in groups}
    ctx.render("readinglist.md.j2", f"{FOLDER}/index.md", items=items, groups=groups, formats=FORMATS,
               kinds=[k for k in kinds if k[2]], first_year=min(years, default=0), last_year=max(years, default=0),
               undated=sum(1 for i in items if not i.entry.year), theme_label=labels.__getitem__, md_text=md_text)
    ctx.render("readinglist_mine.md.j2", f"{FOLDER}/mijn/index.md", items=items, formats=FORMATS,
               exports=Markup(my_list_data(items)))


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def md_text(text: str) -> Markup:
    """Curator text for a Markdown heading: Markdown punctuation escaped, then HTML-escaped, so a label is
    shown exactly as written (no *emphasis*, no {#attribute} list)."""
    return Markup(str(escape(_MD_SPECIAL.sub(r"\\\1", text))))
