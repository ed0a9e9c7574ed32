"""The reading list as plain data: entries (one BibTeX entry each) and the sorted bibliography.

Entries are immutable and hold *decoded* text; formatting and exports are separate modules so
that a different site generator can reuse this data unchanged.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from .names import Person

# Allowed entry types and their Dutch label (for filters and headings on the reading-list page).
ENTRY_TYPES: Mapping[str, str] = {
    "article": "artikel",
    "book": "boek",
    "incollection": "hoofdstuk",
    "inbook": "hoofdstuk",
    "inproceedings": "congresbijdrage",
    "techreport": "rapport",
    "report": "rapport",
    "phdthesis": "proefschrift",
    "mastersthesis": "masterscriptie",
    "online": "webpagina",
    "misc": "overig",
    "unpublished": "ongepubliceerd",
}

# Fields for the editorial team only (how a title was reconstructed, what is still unverified). Curator
# tools read them from ``Entry.fields``; they never reach a reader: no export (BibTeX, RIS, CSL-JSON,
# COinS) and no page uses them. See ``export.public_bibtex``; tests/unit/test_reference_exports.py.
PRIVATE_FIELDS = frozenset({"redactienotitie"})

NO_DATE = "z.d."  # APA in Dutch: zonder datum
NO_DATE_VALUES = frozenset({NO_DATE, "n.d."})  # what ``year`` may say when a work has no date
UNKNOWN_AUTHOR = "Onbekend"  # author = {{Onbekend}}: the author is explicitly unknown

_T = TypeVar("_T")

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def month_number(value: str) -> int | None:
    """``dec``, ``December`` or ``12`` → 12; anything else → None."""
    value = value.strip().casefold()
    if value.isdigit():
        return int(value) if 1 <= int(value) <= 12 else None
    return _MONTHS.index(value[:3]) + 1 if value[:3] in _MONTHS else None


@dataclass(frozen=True)
class Entry:
    """One reading-list entry.

    ``fields`` holds every field except author/editor/keywords, decoded from LaTeX (``url`` and
    ``doi`` are kept verbatim). ``creators`` is who stands in the author position: the authors,
    else the editors (``edited`` is then True), else the institution/publisher as group author;
    empty only when the author is explicitly unknown (``author = {{Onbekend}}``), in which case
    APA puts the title first. ``year_label`` is the year as cited, with the letter that tells
    works of the same author and year apart (``2012a``), or ``z.d.``.
    """

    key: str
    entry_type: str
    raw: str
    line: int
    fields: Mapping[str, str] = field(default_factory=dict)
    field_lines: Mapping[str, int] = field(default_factory=dict)
    authors: tuple[Person, ...] = ()
    editors: tuple[Person, ...] = ()
    creators: tuple[Person, ...] = ()
    edited: bool = False
    publishers: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    lang: str = "nl"
    year_label: str = ""
    # What formatting and exports derive from the entry (sort key, reference, RIS, …), made once: an entry
    # never changes, and a build asks for the same entry many times (every page that cites it, every
    # download that holds it). Not a field of the entry: not compared, not copied by dataclasses.replace.
    derived: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def once(self, name: str, make: Callable[[Entry], _T]) -> _T:
        """``make(self)``, computed on the first call only (``name`` tells the derived values apart)."""
        try:
            return self.derived[name]  # type: ignore[no-any-return]
        except KeyError:
            value = self.derived[name] = make(self)
            return value

    def get(self, name: str) -> str:
        return self.fields.get(name, "")

    @property
    def title(self) -> str:
        return self.get("title")

    @property
    def year(self) -> str:
        """Four digits, or '' when the entry states it has no date (``z.d.``/``n.d.``)."""
        year = self.get("year")
        return year if year.isdigit() else ""

    @property
    def month(self) -> int | None:
        return month_number(self.get("month"))

    @property
    def type_label(self) -> str:
        return ENTRY_TYPES.get(self.entry_type, "overig")


@dataclass(frozen=True)
class Bibliography:
    """All entries in reading-list order (see ``apa.sort_key``), looked up by key."""

    entries: tuple[Entry, ...] = ()

    @cached_property
    def _by_key(self) -> dict[str, Entry]:
        return {entry.key: entry for entry in self.entries}

    def get(self, key: str) -> Entry | None:
        return self._by_key.get(key)

    def __getitem__(self, key: str) -> Entry:
        return self._by_key[key]

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def keys(self) -> list[str]:
        return [entry.key for entry in self.entries]
