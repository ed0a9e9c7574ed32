"""Merge a Zotero/BibTeX export into data/references.bib, safely.

* The export is read with the same loader as the reading list (macros.bibliography), so every
  mistake is reported with its line; an export with errors is refused as a whole.
* An incoming entry is a duplicate when an existing entry (or an earlier new one) has the same DOI
  (case-insensitive, with or without https://doi.org/), the same normalised title and year (case,
  accents and punctuation do not count), or the same key for the same work. A key already used for
  a *different* work is a conflict: that entry is skipped and the curator renames it.
* New entries are appended as their original text (every field, Zotero's abstract/file/keywords
  included), byte for byte; only Windows line endings become '\\n', like the rest of the file.
  Existing entries are never touched: the old file is an exact prefix of the new one.
* The merged file is loaded again before it is written; if it would not pass, nothing is written.
"""
from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..core.atomic_file import write_atomically
from ..core.problems import Problems, counted
from .load import load_bibliography
from .model import Bibliography, Entry
from .text import fold_accents

ADDED, DUPLICATE, CONFLICT = "toegevoegd", "dubbel", "sleutel in gebruik"
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.I)


def normalise_doi(doi: str) -> str:
    """'https://doi.org/10.1080/ABC' and '10.1080/abc' are the same DOI."""
    return _DOI_PREFIX.sub("", doi.strip()).strip().casefold()


def normalise_title(title: str) -> str:
    """Lower case, without accents, punctuation or LaTeX braces: 'Één {Wijk}: aanpak!' -> 'een wijk aanpak'."""
    text = fold_accents(title).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).replace("_", " ").split())


@dataclass
class Decision:
    entry: Entry
    action: str  # ADDED, DUPLICATE or CONFLICT
    reason: str = ""
    other: str = ""  # the key of the entry it matched

    @property
    def label(self) -> str:
        year = self.entry.get("year") or "z.d."
        return f"'{self.entry.title}' ({year})"


@dataclass
class ImportResult:
    decisions: list[Decision]
    problems: Problems  # of the export (warnings only, when the import went ahead)
    merged: str | None  # the new text of references.bib (None when refused)
    refused: str = ""  # why nothing could be imported

    def count(self, action: str) -> int:
        return sum(1 for d in self.decisions if d.action == action)


def _title_year(entry: Entry) -> tuple[str, str]:
    return normalise_title(entry.title), entry.get("year").strip().casefold()


def plan(existing: Bibliography, incoming: list[Entry]) -> list[Decision]:
    """Decide per incoming entry (in file order): add, skip as duplicate, or skip for its key."""
    by_doi: dict[str, Entry] = {}
    by_title: dict[tuple[str, str], Entry] = {}
    by_key: dict[str, Entry] = {}

    def remember(entry: Entry) -> None:
        if entry.get("doi"):
            by_doi.setdefault(normalise_doi(entry.get("doi")), entry)
        if entry.title:
            by_title.setdefault(_title_year(entry), entry)
        by_key.setdefault(entry.key.casefold(), entry)

    for entry in existing:
        remember(entry)
    decisions = []
    for entry in incoming:
        doi = normalise_doi(entry.get("doi")) if entry.get("doi") else ""
        same_doi = by_doi.get(doi) if doi else None
        same_title = by_title.get(_title_year(entry)) if entry.title else None
        same_key = by_key.get(entry.key.casefold())
        if same_doi is not None:
            decisions.append(Decision(entry, DUPLICATE, f"dezelfde DOI als '{same_doi.key}' ({doi})", same_doi.key))
        elif same_title is not None:
            decisions.append(Decision(entry, DUPLICATE, f"dezelfde titel en hetzelfde jaar als '{same_title.key}'",
                                      same_title.key))
        elif same_key is not None:
            other = f"'{same_key.title}' ({same_key.get('year') or 'z.d.'})"
            decisions.append(Decision(entry, CONFLICT, f"de sleutel '{same_key.key}' is al in gebruik voor een andere "
                                      f"bron: {other}", same_key.key))
        else:
            decisions.append(Decision(entry, ADDED))
            remember(entry)
    return decisions


def merged_text(existing_text: str, added: list[Entry], source_name: str, today: date) -> str:
    """The existing file unchanged, then a dated comment and each new entry's original text."""
    if not added:
        return existing_text
    text = existing_text if existing_text.endswith("\n") or not existing_text else existing_text + "\n"
    raw = [entry.raw.replace("\r\n", "\n").replace("\r", "\n").strip("\n") for entry in added]
    note = f"% Toegevoegd op {today.isoformat()} met 'bib importeer' uit {source_name}\n"
    return text + "\n" + note + "\n\n".join(raw) + "\n"


def import_bib(target: Path, export: Path, today: date, target_display: str) -> ImportResult:
    """Plan the merge of ``export`` into ``target``; nothing is written here (see ``write``)."""
    bib, problems = load_bibliography(export, str(export))
    if problems.errors:
        return ImportResult([], problems, None, f"het importbestand bevat {counted(len(problems.errors), 'fout', 'fouten')}; "
                            "er is niets toegevoegd")
    incoming = sorted(bib, key=lambda e: e.line)
    if not incoming:
        return ImportResult([], problems, None, f"geen bronnen gevonden in {export}; is het een BibTeX-bestand "
                            "(in Zotero: Exporteren → BibTeX)?")
    existing, existing_problems = load_bibliography(target, target_display)
    if existing_problems.errors:
        problems.extend(existing_problems.errors)
        return ImportResult([], problems, None, f"{target_display} bevat zelf fouten; los die eerst op "
                            "(python -m scripts.wijkengids controleer)")
    decisions = plan(existing, incoming)
    existing_text = target.read_bytes().decode("utf-8")
    merged = merged_text(existing_text, [d.entry for d in decisions if d.action == ADDED], export.name, today)
    # Load the result once more: it must pass as a whole (a new entry can clash with an old one).
    check = _load_text(merged, target_display)
    new_errors = [p for p in check.errors if p not in existing_problems.errors]
    if new_errors:
        problems.extend(new_errors)
        return ImportResult(decisions, problems, None, "na het samenvoegen zou de leeslijst fouten bevatten; "
                            "er is niets toegevoegd")
    return ImportResult(decisions, problems, merged)


def _load_text(text: str, display: str) -> Problems:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "references.bib"
        path.write_bytes(text.encode("utf-8"))
        _, problems = load_bibliography(path, display)
    return problems


def write(target: Path, text: str) -> None:
    """Replace the file in one step, so an interrupted import never leaves half a file."""
    write_atomically(target, text.encode("utf-8"), best_effort=False)

