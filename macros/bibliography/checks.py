"""Validation rules for reading-list entries, each reported as a curator-language Problem.

Split from ``load`` (which knows the file and its blocks): these rules look at one field,
one entry, or all entries, and never at bibtexparser's block structure.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from ..core.problems import Problems
from .model import NO_DATE, NO_DATE_VALUES, UNKNOWN_AUTHOR, Entry, month_number
from .text import is_doi, is_web_url, matching_brace, sort_text

VERBATIM_FIELDS = {"url", "doi"}  # verbatim in biblatex: no LaTeX decoding, '%' allowed (%20)
_KEY = re.compile(r"[A-Za-z0-9_:.-]+")
_HTML = re.compile(r"</?[A-Za-z!?][^<>]*>")
_JINJA = re.compile(r"\{\{|\{%|\{#")
_UNESCAPED = {  # character → what LaTeX decoding does with it when written without backslash
    "%": "LaTeX leest de rest van de regel dan als commentaar en de tekst wordt afgekapt",
    "&": "LaTeX laat het teken dan weg",
}
#: ``titelstatus``: the only value; leave the field out when the title was checked against the work.
TITLE_UNCHECKED = "niet gecontroleerd"
#: ``redactienotitie``: notes for the editors (how an entry was made, what is unverified); never shown on the
#: site. ``note`` is for what a reader of the reference should see.
_REQUIRED_BY_TYPE = {
    "article": ("journal",), "incollection": ("booktitle",), "inbook": ("booktitle",),
    "inproceedings": ("booktitle",), "phdthesis": ("school",), "mastersthesis": ("school",),
    "online": ("url",),
}
_LANGUAGES = {"english": "en", "american": "en", "british": "en", "en": "en", "engels": "en",
              "dutch": "nl", "nederlands": "nl", "nl": "nl", "german": "de", "duits": "de",
              "french": "fr", "frans": "fr"}


class Report:
    """Adds problems for one file, so call sites only say line, field and text."""

    def __init__(self, display: str, problems: Problems):
        self.display = display
        self.problems = problems

    def error(self, line: int, field: str, message: str, hint: str = "") -> None:
        self.problems.add(self.display, line, field, message, hint)

    def warn(self, line: int, field: str, message: str, hint: str = "") -> None:
        self.problems.add(self.display, line, field, message, hint, severity="waarschuwing")


def check_key(key: str, line: int, report: Report) -> None:
    """Keys are cited from YAML and used in anchors: no spaces or other surprises."""
    if not _KEY.fullmatch(key):
        report.error(line, "", f"sleutel '{key}' is ongeldig" if key else "de sleutel ontbreekt",
                     "gebruik alleen letters, cijfers en _ : . - (geen spaties), bijv. 'vanderlaan2019'")


def checked_value(key: str, name: str, written: str, line: int, report: Report) -> str:
    """The value without its enclosing braces/quotes, after the checks every field gets:
    bare macros and ``#``, HTML, an unescaped ``%`` or ``&``, and template-like text."""
    value = unenclose(written)
    if value is None:
        value = _bare_value(key, name, written.strip(), line, report)
    html = _HTML.search(value)
    if html:
        report.error(line, name, f"bron '{key}' bevat HTML-opmaak '{html.group()}'",
                     "schrijf gewone tekst; HTML is niet toegestaan in de literatuurlijst")
    for char, effect in _UNESCAPED.items():
        if name not in VERBATIM_FIELDS and re.search(rf"(?<!\\){char}", value):
            report.error(line, name, f"bron '{key}': '{char}' zonder backslash; {effect}",
                         f"schrijf '\\{char}'")
    if _JINJA.search(value):
        report.warn(line, name, f"bron '{key}' bevat tekst die op sjablooncode lijkt ('{{{{', '{{%'); "
                    "die wordt nooit uitgevoerd en verschijnt als gewone tekst, zonder accolades")
    return value


def unenclose(value: str) -> str | None:
    """The text inside the ``{…}`` or ``"…"`` that encloses the whole value; None if bare."""
    value = value.strip()
    if len(value) >= 2 and value[0] == "{" and matching_brace(value, 0) == len(value) - 1:
        return value[1:-1]
    if len(value) >= 2 and value[0] == value[-1] == '"' and '"' not in _top_level(value[1:-1]):
        return value[1:-1]
    return None


def _top_level(text: str) -> str:
    """The characters of ``text`` outside any brace group."""
    depth, kept = 0, []
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0 and char not in "{}":
            kept.append(char)
    return "".join(kept)


def _bare_value(key: str, name: str, value: str, line: int, report: Report) -> str:
    """Unbraced values: numbers and month macros are fine; everything else is a mistake."""
    if value.isdigit() or (name == "month" and month_number(value)):
        return value
    if "#" in _top_level(value):
        report.error(line, name, f"bron '{key}': '#' (tekst aan elkaar plakken) wordt niet ondersteund",
                     "schrijf de volledige tekst tussen { }")
    else:
        report.error(line, name, f"bron '{key}': waarde '{value}' staat niet tussen {{ }}; een "
                     "BibTeX-macro (@string) wordt niet ondersteund", "schrijf de tekst tussen { }")
    return value


def language(key: str, fields: Mapping[str, str], lines: Mapping[str, int], report: Report) -> str:
    """``en``/``nl``/… from an explicit ``langid``/``language`` field; Dutch otherwise (no guessing)."""
    name = "langid" if "langid" in fields else "language"
    value = fields.get(name, "").casefold()
    if value and value not in _LANGUAGES:
        report.warn(lines[name], name, f"bron '{key}': onbekende taal '{value}'; behandeld als Nederlands",
                    f"gebruik een van: {', '.join(sorted(_LANGUAGES))}")
    return _LANGUAGES.get(value, "nl")


def check_required(entry: Entry, values: Mapping[str, str], report: Report) -> None:
    """Title and year always, the container or school for some types, and a creator."""
    for name in ("title", "year") + _REQUIRED_BY_TYPE.get(entry.entry_type, ()):
        if not entry.get(name):
            hint = f"vul '{name}' in" + (f", of '{NO_DATE}' als er geen jaar is" if name == "year" else "")
            report.error(entry.line, name, f"bron '{entry.key}' heeft geen '{name}'", hint)
    if not any(values.get(name, "").strip() for name in ("author", "editor", "institution", "publisher")):
        report.error(entry.line, "author", f"bron '{entry.key}' heeft geen auteur, redacteur of organisatie",
                     f"vul 'author' in; een organisatie tussen dubbele accolades; "
                     f"onbekend: {{{{{UNKNOWN_AUTHOR}}}}}")


def check_formats(entry: Entry, report: Report) -> None:
    """Year, month, URL, DOI and retrieval date must be in a form the formatter can trust."""
    year = entry.get("year")

    def where(name: str) -> int:  # the field's own line (every written field has one), else the entry's
        return entry.field_lines.get(name, entry.line)

    if year and not (re.fullmatch(r"\d{4}", year) or year in NO_DATE_VALUES):
        report.error(where("year"), "year", f"bron '{entry.key}': jaar '{year}' is geen jaartal",
                     f"schrijf vier cijfers, of '{NO_DATE}' als er geen jaar is; letters (2012a) "
                     "worden automatisch toegekend")
    if entry.get("month") and entry.month is None:
        report.error(where("month"), "month", f"bron '{entry.key}': maand '{entry.get('month')}' is onbekend",
                     "schrijf 1-12 of jan, feb, … dec")
    url = entry.get("url")
    if url and not is_web_url(url):
        report.error(where("url"), "url", f"bron '{entry.key}': adres '{url}' is niet toegestaan",
                     "alleen http:// of https://, zonder spaties, aanhalingstekens of < >")
    doi = entry.get("doi")
    if doi and not is_doi(doi):
        report.error(where("doi"), "doi", f"bron '{entry.key}': DOI '{doi}' heeft niet de vorm 10.xxxx/…",
                     "schrijf alleen de DOI zelf, zonder https://doi.org/")
    status = entry.get("titelstatus")
    if status and status != TITLE_UNCHECKED:
        report.error(where("titelstatus"), "titelstatus", f"bron '{entry.key}': titelstatus '{status}' is onbekend",
                     f"schrijf '{TITLE_UNCHECKED}', of laat het veld weg als de titel met het werk zelf is vergeleken")
    if entry.get("urldate") and not _is_iso_date(entry.get("urldate")):
        report.error(where("urldate"), "urldate", f"bron '{entry.key}': datum '{entry.get('urldate')}' "
                     "is geen bestaande datum", "schrijf JJJJ-MM-DD, bijv. 2024-03-01")


def _is_iso_date(value: str) -> bool:
    try:
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)) and bool(date.fromisoformat(value))
    except ValueError:
        return False


# --- across entries ---------------------------------------------------------------------------

def check_dois(entries: list[Entry], report: Report) -> None:
    """The same DOI twice means the same work twice (DOIs are case-insensitive)."""
    first: dict[str, Entry] = {}
    for entry in entries:
        doi = entry.get("doi").casefold()
        if not doi:
            continue
        if doi in first:
            other = first[doi]
            report.error(entry.field_lines["doi"], "doi", f"bron '{entry.key}' heeft dezelfde DOI als "
                         f"'{other.key}' (regel {other.line})", "één werk hoort één keer in de lijst")
        else:
            first[doi] = entry


def check_particle_spelling(entries: list[Entry], report: Report) -> None:
    """``De Vries`` in one place and ``de Vries`` in another: the reading list would show them
    differently (Flemish vs Dutch rule) although they sort together; ask the curator to choose."""
    seen: dict[tuple[str, str], tuple[str, Entry]] = {}
    for entry in entries:
        for role in ("author", "editor"):
            for person in entry.authors if role == "author" else entry.editors:
                if not person.particle:
                    continue
                name = f"{person.particle} {person.family}"
                folded = (sort_text(person.particle), sort_text(person.family))
                written, first = seen.setdefault(folded, (name, entry))
                if written != name:
                    report.warn(entry.field_lines[role], role,
                                f"bron '{entry.key}' schrijft '{name}', bron '{first.key}' (regel "
                                f"{first.line}) '{written}'; het tussenvoegsel is anders gespeld",
                                "Nederlandse naam: kleine letter ('de Vries, Jan'); Vlaamse naam of "
                                "zo door de auteur gespeld: hoofdletter ('De Vries, Jan'); kies één vorm")
