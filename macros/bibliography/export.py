"""Exports of the reading list: BibTeX (the originals), RIS, CSL-JSON and COinS.

All list entries in reading-list order, so repeated exports are byte-identical.
BibTeX is the curator's own text, never re-written: bibtexparser's writer would drop the
``{G}`` case protection and other details (GUIDE §3). What a reference manager would take for data is
cut out of it (``exports_bibtex_field``): the editorial fields (``model.PRIVATE_FIELDS``), fields no
BibTeX tool knows (``titelstatus`` stays on the site), and the reading list's own words for "not known":
``author = {{Onbekend}}`` and ``year = {z.d.}`` made Zotero import an author called "Onbekend" and a
year "z.d.". RIS, CSL-JSON and COinS are built from the entry's data, which says "not known" by leaving
the author and year empty.

COinS (``to_coins``) is an OpenURL ContextObject in a ``<span class="Z3988">``: what Zotero's
browser connector reads to offer "save these items". The keys follow Zotero's OpenURL reader:
persons as ``rft.au`` = "particle family, given" (Zotero keeps the particle with the surname),
organisations as ``rft.aucorp``, editors as ``rft.contributor`` (KEV has no editor; Zotero files
them as contributors), DOI and URL as ``rft_id``.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote

from .apa import sort_key
from .model import NO_DATE_VALUES, PRIVATE_FIELDS, UNKNOWN_AUTHOR, Entry
from .names import Person, full_name_inverted
from .text import is_doi, matching_brace

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


# The fields a BibTeX download keeps: BibTeX's own (btxdoc, "Field names") and the biblatex fields that
# reference managers read (biblatex manual, "Entry fields"; Zotero's and JabRef's importers). Any other field
# stays in references.bib for the site and the editors: a reference manager would keep it as junk or drop it.
BIBTEX_FIELDS = frozenset({
    # BibTeX
    "address", "annote", "author", "booktitle", "chapter", "crossref", "edition", "editor", "howpublished",
    "institution", "journal", "key", "month", "note", "number", "organization", "pages", "publisher", "school",
    "series", "title", "type", "volume", "year",
    # biblatex, as reference managers read it
    "abstract", "addendum", "annotation", "date", "doi", "eprint", "eprinttype", "eventtitle", "isbn", "issn",
    "journaltitle", "keywords", "langid", "language", "location", "pagetotal", "shorttitle", "subtitle",
    "titleaddon", "url", "urldate",
})


def to_bibtex(entries: Iterable[Entry]) -> str:
    """The original text of every entry, one blank line apart."""
    return "".join(public_bibtex(entry) + "\n\n" for entry in _ordered(entries)).rstrip("\n") + "\n"


def public_bibtex(entry: Entry) -> str:
    """The entry's original text without the fields a download leaves out (``exports_bibtex_field``)."""
    return entry.once("bibtex", lambda e: _strip(e.raw, lambda name, value: not exports_bibtex_field(name, value)).strip())


def exports_bibtex_field(name: str, value: str) -> bool:
    """Does a BibTeX download keep this field? ``value`` as written, with or without its braces or quotes.

    Not an editorial or unknown field (see BIBTEX_FIELDS), not ``author = {{Onbekend}}`` and not a year
    that says there is none (``z.d.``): a download says "not known" by leaving the field out."""
    name = name.casefold()
    if name in PRIVATE_FIELDS or name not in BIBTEX_FIELDS:
        return False
    bare = re.sub(r'[{}"\s]', "", value)
    if name == "author":
        return bare.casefold() != UNKNOWN_AUTHOR.casefold()
    if name == "year":
        return bare.casefold() not in NO_DATE_VALUES
    return True


def _has_field_name(raw: str, names: Iterable[str]) -> bool:
    """Could ``raw`` hold one of these fields? (Not without the name in it: then nothing needs cutting.)"""
    folded = raw.casefold()
    return any(name.casefold() in folded for name in names)


def strip_fields(raw: str, names: Iterable[str]) -> str:
    """``raw`` (one BibTeX entry) without the named fields, each removed with its leading comma,
    so the rest stays exactly as written."""
    wanted = {name.casefold() for name in names}
    if not _has_field_name(raw, wanted):
        return raw
    return _strip(raw, lambda name, _value: name.casefold() in wanted)


def _strip(raw: str, drop: Callable[[str, str], bool]) -> str:
    """``raw`` without the fields for which ``drop(name, value as written)`` holds, each removed with its
    leading comma, so the rest stays exactly as written."""
    text = raw
    for name, start, end in reversed(_field_spans(raw)):
        value = raw[start:end].partition("=")[2].strip()
        if drop(name, value):
            text = text[:start] + text[end:]
    return text


def _field_spans(raw: str) -> list[tuple[str, int, int]]:
    """(name, start, end) of every field: from the comma before it to the end of its value."""
    spans: list[tuple[str, int, int]] = []
    open_at = next((i for i, c in enumerate(raw) if c in "{("), -1)
    comma = raw.find(",", open_at + 1) if open_at >= 0 else -1
    while comma >= 0:
        pos = comma + 1
        while pos < len(raw) and raw[pos].isspace():
            pos += 1
        name_end = pos
        while name_end < len(raw) and (raw[name_end].isalnum() or raw[name_end] in "_:-"):
            name_end += 1
        name = raw[pos:name_end]
        eq = name_end
        while eq < len(raw) and raw[eq].isspace():
            eq += 1
        if not name or eq >= len(raw) or raw[eq] != "=":
            break
        end = _value_end(raw, eq + 1)
        if end < 0:
            break
        spans.append((name, comma, end))
        nxt = end
        while nxt < len(raw) and raw[nxt].isspace():
            nxt += 1
        comma = nxt if nxt < len(raw) and raw[nxt] == "," else -1
    return spans


def _value_end(raw: str, pos: int) -> int:
    """Index just after the value starting at (or after whitespace from) ``pos``; -1 if unreadable."""
    while pos < len(raw) and raw[pos].isspace():
        pos += 1
    if pos >= len(raw):
        return -1
    if raw[pos] == "{":
        close = matching_brace(raw, pos)
        return close + 1 if close >= 0 else -1
    if raw[pos] == '"':
        depth, index = 0, pos + 1
        while index < len(raw):
            char = raw[index]
            if char == "\\":
                index += 2
                continue
            depth += {"{": 1, "}": -1}.get(char, 0)
            if char == '"' and depth == 0:
                return index + 1
            index += 1
        return -1
    end = pos
    while end < len(raw) and raw[end] not in ",})" and not raw[end].isspace():
        end += 1
    return end


def to_ris(entries: Iterable[Entry]) -> str:
    """RIS for reference managers (Zotero, EndNote, Mendeley); ``ID`` carries the key.

    Lines end in LF (accepted by all three); names as in the reading list, with full given names.
    """
    return "\n".join(entry.once("ris", _ris_record) for entry in _ordered(entries))


def _ris_record(entry: Entry) -> str:
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
    return "".join(f"{tag}  - {value}\n" for tag, value in lines if value) + "ER  - \n"


def to_csl_json(entries: Iterable[Entry]) -> list[dict[str, Any]]:
    """CSL-JSON items (the format of citeproc, Pandoc and Zotero)."""
    return [dict(entry.once("csl", _csl_item)) for entry in _ordered(entries)]  # a copy: callers may change it


def csl_json_text(entries: Iterable[Entry]) -> str:
    """``json.dumps(to_csl_json(entries), ensure_ascii=False, indent=1)``, the text of a CSL-JSON download,
    with each entry's part written once per build however many downloads hold it."""
    parts = [entry.once("csl_text", _csl_text) for entry in _ordered(entries)]
    if not parts:
        return "[]"
    # One level deeper inside the list: every line of an item gets one more space (JSON strings hold no
    # raw line breaks, so every '\n' is one of the encoder's own).
    return "[\n" + ",\n".join(" " + part.replace("\n", "\n ") for part in parts) + "\n]"


def _csl_text(entry: Entry) -> str:
    return json.dumps(_csl_item(entry), ensure_ascii=False, indent=1)


def _csl_item(entry: Entry) -> dict[str, Any]:
    item: dict[str, Any] = {"id": entry.key, "type": _CSL_TYPES.get(entry.entry_type, "document")}
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


def _csl_name(person: Person) -> dict[str, str]:
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


# --- COinS ------------------------------------------------------------------------------------

_COINS_FORMATS = {  # entry type -> (rft_val_fmt, rft.genre, Zotero item type it becomes)
    "article": ("journal", "article"), "book": ("book", "book"), "incollection": ("book", "bookitem"),
    "inbook": ("book", "bookitem"), "inproceedings": ("book", "proceeding"),
    "techreport": ("book", "report"), "report": ("book", "report"),
    "phdthesis": ("dissertation", ""), "mastersthesis": ("dissertation", ""),
    "online": ("dc", ""), "misc": ("book", "document"), "unpublished": ("book", "document"),
}
_PARTS = {"article", "incollection", "inbook", "inproceedings"}  # title = rft.atitle, in a container


def coins_pairs(entry: Entry) -> list[tuple[str, str]]:
    """The ContextObject as (key, value) pairs, in a fixed order."""
    fmt, genre = _COINS_FORMATS.get(entry.entry_type, ("book", "document"))
    pairs = [("ctx_ver", "Z39.88-2004"), ("rft_val_fmt", f"info:ofi/fmt:kev:mtx:{fmt}")]
    if genre:
        pairs.append(("rft.genre", genre))
    if entry.entry_type in _PARTS:
        container = "rft.jtitle" if entry.entry_type == "article" else "rft.btitle"
        pairs += [("rft.atitle", entry.title), (container, _container(entry))]
    elif fmt == "book":
        pairs.append(("rft.btitle", entry.title))
    else:
        pairs.append(("rft.title", entry.title))
    for person in entry.authors:
        pairs.append(("rft.aucorp", person.literal) if person.is_organisation else ("rft.au", coins_name(person)))
    for person in entry.editors:
        pairs.append(("rft.contributor", person.literal if person.is_organisation else coins_name(person)))
    pairs += [("rft.date", entry.year), ("rft.volume", entry.get("volume")),
              ("rft.issue", entry.get("number") if entry.entry_type == "article" else ""),
              ("rft.pages", re.sub(r"\s*(?:--|–|—)\s*", "-", entry.get("pages"))), ("rft.series", entry.get("series")),
              ("rft.isbn", entry.get("isbn")), ("rft.place", entry.get("address"))]
    publishers = "; ".join(entry.publishers)
    if fmt == "dissertation":
        pairs += [("rft.inst", entry.get("school") or publishers), ("rft.degree", _genre(entry))]
    else:
        pairs.append(("rft.pub", publishers))
    if fmt == "dc":
        pairs.append(("rft.language", entry.lang))
    doi = entry.get("doi")
    if is_doi(doi):
        pairs.append(("rft_id", f"info:doi/{doi}"))
    pairs.append(("rft_id", entry.get("url")))
    return [(key, value) for key, value in pairs if value]


def coins_name(person: Person) -> str:
    """``van der Laan, Eberhard``: Zotero keeps the particle with the surname."""
    family = " ".join(part for part in (person.particle, person.family) if part)
    given = ", ".join(part for part in (person.given, person.suffix) if part)
    return f"{family}, {given}" if given else family


def to_coins(entry: Entry) -> str:
    """The ``title`` of a COinS span (the caller HTML-escapes it): ``ctx_ver=Z39.88-2004&…``."""
    return entry.once("coins", lambda e: "&".join(f"{key}={quote(value, safe='')}" for key, value in coins_pairs(e)))
