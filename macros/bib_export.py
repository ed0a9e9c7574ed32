"""Exports of the reading list: BibTeX (unchanged originals), RIS and CSL-JSON.

All three list entries in reading-list order, so repeated exports are byte-identical.
BibTeX is the curator's own text, never re-written: bibtexparser's writer would drop the
``{G}`` case protection and other details (GUIDE §3).
"""
from __future__ import annotations

from collections.abc import Iterable

from .bib_apa import sort_key
from .bib_model import Entry
from .bib_names import Person, full_name_inverted

_RIS_TYPES = {"article": "JOUR", "book": "BOOK", "incollection": "CHAP", "inbook": "CHAP",
              "inproceedings": "CPAPER", "techreport": "RPRT", "report": "RPRT",
              "phdthesis": "THES", "mastersthesis": "THES", "online": "ELEC", "misc": "GEN",
              "unpublished": "UNPB"}
_CSL_TYPES = {"article": "article-journal", "book": "book", "incollection": "chapter",
              "inbook": "chapter", "inproceedings": "paper-conference", "techreport": "report",
              "report": "report", "phdthesis": "thesis", "mastersthesis": "thesis",
              "online": "webpage", "misc": "document", "unpublished": "manuscript"}
_CONTAINER_FIELDS = ("journal", "booktitle")
_THESIS_GENRES = {"phdthesis": "Proefschrift", "mastersthesis": "Masterscriptie"}


def to_bibtex(entries: Iterable[Entry]) -> str:
    """The original text of every entry, one blank line apart."""
    return "".join(entry.raw.strip() + "\n\n" for entry in _ordered(entries)).rstrip("\n") + "\n"


def to_ris(entries: Iterable[Entry]) -> str:
    """RIS for reference managers (Zotero, EndNote, Mendeley); ``ID`` carries the key.

    Lines end in LF (accepted by all three); names as in the reading list, with full given names.
    """
    records = []
    for entry in _ordered(entries):
        lines = [("TY", _RIS_TYPES.get(entry.entry_type, "GEN")), ("ID", entry.key)]
        lines += [("AU", full_name_inverted(person)) for person in entry.authors]
        lines += [("ED", full_name_inverted(person)) for person in entry.editors]
        lines += [("PY", entry.year), ("TI", entry.title), ("T2", _container(entry)),
                  ("T3", entry.get("series")), ("VL", entry.get("volume")),
                  ("IS", entry.get("number") if entry.entry_type == "article" else "")]
        lines += _ris_pages(entry.get("pages"))
        lines += [("PB", name) for name in entry.publishers]
        lines += [("CY", entry.get("address")), ("M3", _genre(entry)), ("SN", entry.get("isbn")),
                  ("DO", entry.get("doi")),
                  ("UR", entry.get("url")), ("LA", entry.lang)]
        lines += [("KW", word) for word in entry.keywords]
        records.append("".join(f"{tag}  - {value}\n" for tag, value in lines if value) + "ER  - \n")
    return "\n".join(records)


def to_csl_json(entries: Iterable[Entry]) -> list[dict]:
    """CSL-JSON items (the format of citeproc, Pandoc and Zotero)."""
    return [_csl_item(entry) for entry in _ordered(entries)]


def _csl_item(entry: Entry) -> dict:
    item: dict = {"id": entry.key, "type": _CSL_TYPES.get(entry.entry_type, "document")}
    if entry.authors:
        item["author"] = [_csl_name(person) for person in entry.authors]
    if entry.editors:
        item["editor"] = [_csl_name(person) for person in entry.editors]
    if entry.year:
        parts = [int(entry.year)] + ([entry.month] if entry.month else [])
        item["issued"] = {"date-parts": [parts]}
    optional = {
        "title": entry.title, "container-title": _container(entry),
        "collection-title": entry.get("series"),
        "number": entry.get("number") if entry.entry_type != "article" else "",
        "volume": entry.get("volume"),
        "issue": entry.get("number") if entry.entry_type == "article" else "",
        "page": entry.get("pages"), "publisher": "; ".join(entry.publishers),
        "publisher-place": entry.get("address"), "genre": _genre(entry),
        "ISBN": entry.get("isbn"), "DOI": entry.get("doi"), "URL": entry.get("url"),
        "keyword": ", ".join(entry.keywords), "language": entry.lang,
    }
    item.update((name, value) for name, value in optional.items() if value)
    return item


def _csl_name(person: Person) -> dict:
    if person.is_organisation:
        return {"literal": person.literal}
    parts = {"family": person.family, "given": person.given,
             "non-dropping-particle": person.particle, "suffix": person.suffix}
    return {name: value for name, value in parts.items() if value}


def _ordered(entries: Iterable[Entry]) -> list[Entry]:
    return sorted(entries, key=sort_key)


def _container(entry: Entry) -> str:
    return next((entry.get(name) for name in _CONTAINER_FIELDS if entry.get(name)), "")


def _genre(entry: Entry) -> str:
    """The kind of work as the reading list describes it (``type`` field, or the thesis kind)."""
    return entry.get("type") or _THESIS_GENRES.get(entry.entry_type, "")


def _ris_pages(pages: str) -> list[tuple[str, str]]:
    start, _, end = pages.partition("–")
    return [("SP", start.strip()), ("EP", end.strip())]
