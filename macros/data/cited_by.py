"""Who cites what: every place in the guide that names a source of the reading list.

Records (their sources, effect sources and checklist items), rungs and roles, timeline events, glossary
terms and hand-written pages (their Markdown is scanned for ``cite("key", …)`` calls and links to
``leeslijst/#key``). The reading list shows these as "Genoemd bij"; ``scripts/check.py`` warns about a
source nobody cites. Plain data: no rendering, no MkDocs.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..bibliography import Entry
from .dataset import Dataset, Record, reference_keys
from .kinds import PAGE_FOLDERS, generated_dirs

_CITE_CALL = re.compile(r"\b(?:cite|bronnen)\(\s*((?:(?:\"[^\"\n]*\"|'[^'\n]*')\s*,?\s*)+)")
_QUOTED = re.compile(r"\"([^\"\n]*)\"|'([^'\n]*)'")
# The keyword (a Zotero tag) that puts an entry on the list as further reading: it is cited nowhere
# in the guide, on purpose. tests/build/test_readinglist.py holds every other entry to being cited.
FURTHER_READING = "verder lezen"

_LIST_LINK = re.compile(rf"{PAGE_FOLDERS.readinglist}/(?:index\.md)?#([A-Za-z0-9_:.-]+)")
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n(?:---|\.\.\.)\s*\n", re.S)


@dataclass(frozen=True)
class CitedBy:
    """One place that cites an entry: what the link says, and where it goes (root-relative URL)."""

    label: str
    kind: str
    url: str


#: What "Genoemd bij" calls a place that is not a record (records: their kind's label).
_PLACE_LABELS = {"rung": "trede", "role": "rol van de overheid", "event": "tijdlijn", "term": "begrip",
                 "page": "pagina", "fact": "feitenregister"}


def citations(data: Dataset, docs_dir: Path | None = None) -> dict[str, list[CitedBy]]:
    """Entry key → every place that cites it (no doubles), in a fixed order: methods, cases,
    checklists, ladder, timeline, glossary, the register of facts, hand-written pages."""
    found: dict[str, list[CitedBy]] = {}
    labels = {kind.id: kind.label for kind in data.kinds} | _PLACE_LABELS
    # The timeline and the glossary are one page each: every event or term on them is its own place.
    one_page_lists = (f"{PAGE_FOLDERS.timeline}/", f"{PAGE_FOLDERS.glossary}/")

    def add(keys: Iterable[str], label: str, kind: str, url: str) -> None:
        """One link per page and key: the first spot wins (a record's own sources before its items)."""
        for key in keys:
            places = found.setdefault(key, [])
            if not any(place.url.split("#")[0] == url.split("#")[0] and not place.url.startswith(one_page_lists)
                       for place in places):
                places.append(CitedBy(label, labels[kind], url))

    folders = {kind.id: kind.url for kind in data.kinds}
    records: list[Record] = [record for kind in data.kinds
                             for record in sorted(data.records_of(kind.id).values(), key=lambda r: r.heading.casefold())]
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
            add([key], rung["label"], "rung" if rung in data.rungs else "role", f"{PAGE_FOLDERS.ladder}/{rung.id}/#bron-{key}")
    for event in data.timeline:
        label = f"{event['title']} ({str(event['date'])[:4]})"
        add(_keys(event.get("sources")), label, "event", f"{PAGE_FOLDERS.timeline}/#{event.id}")
    for term in sorted(data.glossary, key=lambda t: t["term"].casefold()):
        add(_keys(term.get("sources")), term["term"], "term", f"{PAGE_FOLDERS.glossary}/#{term.id}")
    for fact in data.facts:  # the official source of a date or amount, and whose word an unconfirmed one is
        add([*fact["bron"], *([fact["volgens"]] if fact.get("volgens") else [])], fact["onderwerp"], "fact",
            f"{PAGE_FOLDERS.facts_page}/#{fact.id}")
    for written in handwritten_pages(docs_dir, generated_dirs(data.kinds)) if docs_dir else []:
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


def handwritten_pages(docs_dir: Path, generated: Iterable[str] | None = None) -> list[HandwrittenPage]:
    """The pages a person wrote (every .md outside the generated folders) that cite a source."""
    generated = tuple(generated_dirs() if generated is None else generated)
    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if rel.split("/", 1)[0] in generated:
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


def is_further_reading(entry: Entry) -> bool:
    """Does the entry carry the keyword that puts it on the list as further reading?"""
    return FURTHER_READING in (word.casefold() for word in entry.keywords)


def uncited(data: Dataset, docs_dir: Path | None = None) -> list[Entry]:
    """Entries that no page cites and that are not recommended as further reading, in reading-list order."""
    cited = citations(data, docs_dir)
    return [entry for entry in data.bibliography if not cited.get(entry.key) and not is_further_reading(entry)]
