"""The record kinds: one definition per kind of record (method, case, checklist), in one registry.

Everything that differs per kind is written here once; the rest of the code loops over the registry:
the loader (which folder, which schema), ``Dataset`` (records per kind), URLs and page templates, the
open-data files and their titles, the reading list's "Genoemd bij" labels, ``nieuw`` (what a curator
types, how the new file is headed) and the ``status``/``beoordeel`` look-ups.

Adding a kind is one ``RecordKind`` passed to ``register`` plus ``data/schema/<id>.schema.json`` and a
page template (see "Een nieuw soort record toevoegen" in the README). The data layer only names the
templates; ``macros/site`` looks them up. Plain data: nothing here imports the site or MkDocs.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple


@dataclass(frozen=True)
class RecordKind:
    """One kind of record. ``id`` is ``Record.kind``; its schema is ``data/schema/<id>.schema.json``."""

    id: str                  # 'method'
    folder: str              # 'methods': the files in data/methods/*.yaml; open data methods.json (.csv)
    url: str                 # 'methoden': a page per record at /methoden/<id>/, the overview at /methoden/
    label: str               # 'methode': singular, lower case, as running text names one
    plural: str              # 'methoden'
    title: str               # 'Methoden': the overview's and the open-data section's title
    template: str            # 'method.md.j2': the page of one record (a template name for macros/site)
    index_template: str | None = None  # 'methods_index.md.j2': the overview at /<url>/ (None: no overview)
    template_var: str = "record"  # the name the page template gives the record (it also gets `record`)
    csv: bool = False        # also publish <folder>.csv, one row per record, columns from the schema
    words: tuple[str, ...] = ()  # what a curator may type after `nieuw`, Dutch first (default: label, id)
    new_label: str = ""      # how `nieuw` names it in a message (default: label)
    new_heading: str = ""    # the first comment line of a new file, 'Nieuwe methode' (default from label)
    template_dir: Path | None = field(default=None, compare=False)  # extra template folder (a kind from outside)
    #: Pages the site writes in this kind's folder beside the records, /<url>/<name>/ ('kaart' for cases);
    #: the overview (index) comes with ``index_template``. A record never takes one of these ids.
    pages: tuple[str, ...] = ()

    @property
    def page_names(self) -> tuple[str, ...]:
        """The names of the generated pages in this kind's folder: the overview (if any), then ``pages``."""
        return ((OVERVIEW,) if self.index_template else ()) + self.pages

    @property
    def schema(self) -> str:
        """The JSON Schema file of one record, in data/schema/."""
        return f"{self.id}.schema.json"

    @property
    def typed(self) -> tuple[str, ...]:
        """Every word `nieuw` accepts for this kind, the first one shown in messages."""
        return tuple(dict.fromkeys(self.words or (self.label, self.id)))

    @property
    def message_label(self) -> str:
        return self.new_label or self.label

    @property
    def heading(self) -> str:
        return self.new_heading or f"Nieuw {self.label}"


class KindError(ValueError):
    """A definition that clashes with one already registered (same id, folder, URL or word)."""


class Registry:
    """Record kinds in registration order (the order of pages, open data, reports)."""

    def __init__(self, kinds: Iterable[RecordKind] = ()):
        self._kinds: dict[str, RecordKind] = {}
        for kind in kinds:
            self.register(kind)

    def register(self, kind: RecordKind) -> RecordKind:
        for other in self._kinds.values():
            clash = [what for what, mine, theirs in (
                ("id", kind.id, other.id), ("folder", kind.folder, other.folder), ("url", kind.url, other.url),
            ) if mine == theirs] + [f"woord '{w}'" for w in kind.typed if w in other.typed]
            if clash:
                raise KindError(f"record kind '{kind.id}' clashes with '{other.id}': {', '.join(clash)}")
        if kind.url in PAGE_FOLDERS:
            raise KindError(f"record kind '{kind.id}': the folder docs/{kind.url}/ belongs to another page")
        self._kinds[kind.id] = kind
        return kind

    def unregister(self, kind_id: str) -> None:
        del self._kinds[kind_id]

    @contextmanager
    def extended(self, *kinds: RecordKind) -> Iterator[Registry]:
        """Register these kinds for the duration of a ``with`` block (for tests and experiments)."""
        added = []
        try:
            for kind in kinds:
                added.append(self.register(kind).id)
            yield self
        finally:
            for kind_id in added:
                self.unregister(kind_id)

    def copy(self) -> Registry:
        return Registry(self)

    def __iter__(self) -> Iterator[RecordKind]:
        return iter(list(self._kinds.values()))

    def __len__(self) -> int:
        return len(self._kinds)

    def __contains__(self, kind_id: object) -> bool:
        return kind_id in self._kinds

    def __getitem__(self, kind_id: str) -> RecordKind:
        return self._kinds[kind_id]

    def ids(self) -> list[str]:
        return list(self._kinds)

    def by_folder(self, folder: str) -> RecordKind | None:
        return next((k for k in self._kinds.values() if k.folder == folder), None)

    def by_word(self, word: str) -> RecordKind | None:
        """The kind a curator means by this word ('casus', 'methode', 'case'), or None."""
        word = word.strip().lower()
        return next((k for k in self._kinds.values() if word in k.typed), None)


#: The file name of an overview page (/<url>/ is <url>/index.md).
OVERVIEW = "index"
#: Pages other families write one level below their own folder (/leeslijst/mijn/). Reserved for every kind
#: too: a kind whose folder is moved (the README recipe, tests) must not meet them.
SITE_PAGES = ("mijn",)


class PageFolders(NamedTuple):
    """The folder below docs/ of each other page family, by its module in macros/site/ (README: "Een nieuwe
    soort pagina toevoegen"). The one place of these names: the modules write their pages into
    ``PAGE_FOLDERS.<module>``. A tuple, so ``PAGE_FOLDERS`` is also simply the list of them."""

    ladder: str = "ladder"
    readinglist: str = "leeslijst"
    timeline: str = "tijdlijn"
    glossary: str = "begrippen"
    selector: str = "participatiewijzer"
    opendata: str = "open-data"
    onderbouwing: str = "onderbouwing"
    news: str = "nieuw"
    facts_page: str = "feiten"


#: Folders below docs/ that the other page families write (ladder, reading list, …): never a kind's URL.
PAGE_FOLDERS = PageFolders()

METHOD = RecordKind(
    id="method", folder="methods", url="methoden", label="methode", plural="methoden", title="Methoden",
    template="method.md.j2", index_template="methods_index.md.j2", template_var="m", csv=True,
    words=("methode", "method"), new_heading="Nieuwe methode", pages=("vergelijk",))
CASE = RecordKind(
    id="case", folder="cases", url="praktijk", label="praktijkvoorbeeld", plural="praktijkvoorbeelden",
    title="Praktijkvoorbeelden", template="case.md.j2", index_template="cases_index.md.j2", template_var="c",
    csv=True, words=("casus", "case", "praktijkvoorbeeld"), new_label="praktijkvoorbeeld (casus)", pages=("kaart",))
CHECKLIST = RecordKind(
    id="checklist", folder="checklists", url="checklists", label="checklist", plural="checklists",
    title="Checklists", template="checklist.md.j2", index_template="checklists_index.md.j2", template_var="c",
    new_heading="Nieuwe checklist")

#: The registry every part of the code reads. ``register`` adds a kind; tests use ``RECORD_KINDS.extended``.
RECORD_KINDS = Registry([METHOD, CASE, CHECKLIST])
register = RECORD_KINDS.register


def generated_dirs(kinds: Iterable[RecordKind] | None = None) -> tuple[str, ...]:
    """Folders below docs/ that belong to the generator: every kind's URL folder, then PAGE_FOLDERS.
    Everything in them is rewritten each build (so no page in them is hand-written)."""
    return tuple(k.url for k in (RECORD_KINDS if kinds is None else kinds)) + PAGE_FOLDERS


def reserved_ids(kinds: Iterable[RecordKind] | None = None) -> tuple[str, ...]:
    """Ids no record may take, sorted: the name of every page the site generates beside records (each
    kind's overview and ``pages``, and ``SITE_PAGES``). One list for every kind, so a record keeps its id
    when a kind moves; the loader, `nieuw` and the web editor all refuse these."""
    names = {name for kind in (RECORD_KINDS if kinds is None else kinds) for name in kind.page_names}
    return tuple(sorted(names | {OVERVIEW, *SITE_PAGES}))


def reserved_problem(record_id: str, kinds: Iterable[RecordKind] | None = None) -> tuple[str, str] | None:
    """(message, hint) in Dutch when ``record_id`` is reserved, else None."""
    reserved = reserved_ids(kinds)
    if record_id not in reserved:
        return None
    return (f"'{record_id}' is gereserveerd: de site maakt zelf een pagina met die naam",
            f"kies een id die zegt waar het record over gaat, en geef het bestand dezelfde naam; "
            f"gereserveerd zijn: {', '.join(reserved)}")
