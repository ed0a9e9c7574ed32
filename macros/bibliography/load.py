"""Read ``data/references.bib`` and report every problem with file:line, in curator language.

bibtexparser 2.1 hides mistakes (GUIDE §3): a duplicated field drops the whole entry, an extra
``}`` silently truncates one (the rest becomes "comment"), a missing comma merges two fields,
``% @book{…}`` is still parsed as an entry, and LaTeX decoding cuts text at an unescaped ``%``.
Here each of those becomes a Problem, and no entry that could be read is dropped: entries with
errors are still returned, so that a later check ("which YAML record cites an unknown key?")
does not pile follow-up errors on top of the real one. An entry behind '%' is the exception: an
error (BibTeX itself still reads it), but left out, so an old version kept there clashes with nothing.

Decisions:
* ``year`` is required. A work without a date says so explicitly with ``year = {z.d.}`` (or
  ``n.d.``) and is shown as ``z.d.``; a forgotten year is an error, never a silent ``z.d.``.
* A creator is required: author, editor, or institution/publisher (then the group author).
  ``author = {{Onbekend}}`` states that the author is unknown; APA then puts the title first.
* ``lang`` comes only from an explicit ``langid``/``language`` field (no guessing); without
  it an entry is Dutch.
* ``@string`` macros and ``#`` concatenation are refused (the standard month macros
  ``jan``…``dec`` in ``month`` excepted): the reading list must read as it is shown.
"""
from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import bibtexparser
from bibtexparser import model

from ..core.problems import Problems
from .apa import assign_year_labels, sort_key
from .checks import (
    VERBATIM_FIELDS,
    Report,
    check_dois,
    check_formats,
    check_key,
    check_particle_spelling,
    check_required,
    checked_value,
    language,
    unenclose,
)
from .model import ENTRY_TYPES, UNKNOWN_AUTHOR, Bibliography, Entry
from .names import InvalidNameError, Person, looks_like_organisation, parse_person, split_names
from .text import decode_latex

# Every parse problem is reported as a Problem; bibtexparser's own log lines would only repeat
# them, without file name, on stderr (Python's last-resort handler).
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())

_BLOCK_HEAD = re.compile(r"@\s*(\w+)\s*[{(]\s*([^,\s{}()]*)")
_NEXT_FIELD = re.compile(r"\n\s*([A-Za-z][\w:-]*)\s*=")
_STRUCTURED_FIELDS = {"author", "editor", "keywords"}
_ABORT_REASONS = (  # bibtexparser's abort_reason (start) → curator text and hint
    ("Unexpected block start", "een '{' of '\"' is niet gesloten: de volgende bron begint al",
     "tel de accolades in deze bron: elke '{' heeft een '}' nodig"),
    ("Unexpectedly reached end of file", "het bestand houdt op voordat deze bron gesloten is",
     "tel de accolades in deze bron: elke '{' heeft een '}' nodig"),
    ("Expected comma after entry key", "na de sleutel ontbreekt een komma",
     "schrijf '@type{sleutel,' met een komma na de sleutel"),
    ("Expected a `=` after entry key", "een veldnaam staat zonder '=' en waarde",
     "schrijf 'veld = {waarde},'"),
    ("Expected either a `,` or", "na een veldwaarde ontbreekt een komma",
     "zet een komma achter elke '}' die een veld afsluit"),
)


def load_bibliography(path: Path, display_path: str) -> tuple[Bibliography, Problems]:
    """Parse and validate one .bib file; returns what could be read plus every problem."""
    problems = Problems()
    report = Report(display_path, problems)
    text = _read_utf8(path, report)
    if text is None:
        return Bibliography(), problems
    library = bibtexparser.parse_string(text, parse_stack=[])
    candidates = _scan_blocks(library.blocks, text, report)
    entries = [_build_entry(block, report) for block in _unique_entries(candidates, report)]
    check_dois(entries, report)
    check_particle_spelling(entries, report)
    return Bibliography(tuple(sorted(assign_year_labels(entries), key=sort_key))), problems


# --- reading ----------------------------------------------------------------------------------

def _read_utf8(path: Path, report: Report) -> str | None:
    """Strict UTF-8: every invalid byte is reported with its line; nothing is guess-decoded.
    The rest of the file is still checked (with U+FFFD in place of the bad bytes)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        report.error(0, "", f"bestand kan niet worden gelezen: {exc.strerror}")
        return None
    if raw.startswith(codecs.BOM_UTF8):
        report.warn(1, "", "bestand begint met een BOM-teken; dat is genegeerd",
                    "sla het bestand op als 'UTF-8 zonder BOM'")
        raw = raw[len(codecs.BOM_UTF8):]
    position = 0
    while True:
        try:
            raw[position:].decode("utf-8")
            break
        except UnicodeDecodeError as exc:
            bad = position + exc.start
            line = raw.count(b"\n", 0, bad) + 1
            column = bad - (raw.rfind(b"\n", 0, bad) + 1) + 1
            report.error(line, "", f"kolom {column}: geen geldige UTF-8-tekst (byte 0x{raw[bad]:02x})",
                         "sla het bestand op als UTF-8; raad de tekencodering nooit")
            position = position + exc.end
    return raw.decode("utf-8", errors="replace")


# --- blocks -----------------------------------------------------------------------------------

def _scan_blocks(blocks: Iterable[model.Block], text: str, report: Report) -> list[model.Entry]:
    """Report what is not a usable entry; return every entry block, duplicates included
    (duplicate keys and fields are checked again, in curator terms, further on)."""
    lines = text.split("\n")
    candidates: list[model.Entry] = []
    previous_key = ""
    for block in blocks:
        if isinstance(block, (model.Entry, model.ParsingFailedBlock)):
            head = _BLOCK_HEAD.match(block.raw or "")
            previous_key = head.group(2) if head else previous_key
            if _is_commented_out(block, lines):
                report.error(_start(block) + 1, "", f"bron '{previous_key}' staat achter een '%', maar BibTeX "
                             "leest hem toch: '%' maakt in BibTeX geen commentaar van een bron",
                             "verwijder de bron, of haal de '%' weg als hij mee moet doen")
            elif isinstance(block, (model.DuplicateFieldKeyBlock, model.DuplicateBlockKeyBlock)):
                if isinstance(block.ignore_error_block, model.Entry):
                    candidates.append(block.ignore_error_block)
            elif isinstance(block, model.ParsingFailedBlock):
                _report_failed_block(block, text, report)
            else:
                candidates.append(block)
        elif isinstance(block, (model.String, model.Preamble)):
            kind = "@string" if isinstance(block, model.String) else "@preamble"
            report.error(_start(block) + 1, "", f"{kind} wordt niet ondersteund",
                         "schrijf de volledige tekst in elk veld")
        elif isinstance(block, model.ImplicitComment):
            _check_outside_text(block, previous_key, report)
    return candidates


def _start(block: model.Block) -> int:
    """The 0-based line a parsed block starts on (bibtexparser types it Optional; parsed blocks have one)."""
    return block.start_line or 0


def _report_failed_block(block: model.ParsingFailedBlock, text: str, report: Report) -> None:
    reason = getattr(block.error, "abort_reason", "") or str(block.error)
    message, hint = next(((dutch, tip) for start, dutch, tip in _ABORT_REASONS
                          if reason.startswith(start)), (f"fout in de BibTeX-opmaak ({reason})", ""))
    end = getattr(block.error, "end_index", None)
    where = f" (gemerkt op regel {text.count(chr(10), 0, end) + 1})" if end else ""
    head = _BLOCK_HEAD.match(block.raw or "")
    key = head.group(2) if head else "?"
    report.error(_start(block) + 1, "", f"bron '{key}' kon niet worden gelezen: {message}{where}",
                 hint)


def _check_outside_text(block: model.ImplicitComment, previous_key: str, report: Report) -> None:
    """BibTeX ignores text between entries. Text with ``=``/``{``/``}``/``@`` there is almost
    always a lost part of an entry (an extra '}' above, a missing '@'); anything else is
    probably a comment without ``%``."""
    lines = block.comment.split("\n")
    offset = next((number for number, line in enumerate(lines)
                   if line.strip() and not line.strip().startswith("%")), None)
    if offset is None:
        return
    text, line = _shorten(" ".join(" ".join(lines[offset:]).split())), _start(block) + offset + 1
    if re.search(r"[={}@]", text):
        after = f" na bron '{previous_key}'" if previous_key else ""
        report.error(line, "", f"tekst buiten een bron{after}: '{text}'",
                     "waarschijnlijk een '}' te veel of een ontbrekende komma of '@' hierboven")
    else:
        report.warn(line, "", f"tekst buiten een bron wordt genegeerd: '{text}'", "begin commentaar met '%'")


def _unique_entries(candidates: list[model.Entry], report: Report) -> list[model.Entry]:
    """Keep the first entry of each key (compared case-insensitively); report the others."""
    first_seen: dict[str, model.Entry] = {}
    unique = []
    for block in sorted(candidates, key=_start):
        folded = block.key.casefold()
        if block.key and folded in first_seen:
            first = first_seen[folded]
            report.error(_start(block) + 1, "", f"sleutel '{block.key}' komt al voor op regel "
                         f"{_start(first) + 1} ('{first.key}'); deze bron telt niet mee",
                         "geef elke bron een eigen sleutel")
            continue
        first_seen[folded] = block
        unique.append(block)
    return unique


def _is_commented_out(block: model.Block, lines: list[str]) -> bool:
    """``% @book{…}``: the curator meant a comment, but bibtexparser and BibTeX both read the entry."""
    line = lines[_start(block)]
    head = (block.raw or "").split("\n", 1)[0]
    return "%" in line[: max(line.find(head), 0)]


# --- one entry --------------------------------------------------------------------------------

def _build_entry(block: model.Entry, report: Report) -> Entry:
    key, line = block.key, _start(block) + 1
    entry_type = block.entry_type.lower()
    check_key(key, line, report)
    if entry_type not in ENTRY_TYPES:
        report.error(line, "", f"bron '{key}': onbekend brontype '@{block.entry_type}'",
                     f"kies uit {', '.join(sorted(ENTRY_TYPES))}")
    values, lines = _field_values(block, report)
    authors, anonymous = _persons(key, "author", values, lines, report)
    editors, _ = _persons(key, "editor", values, lines, report)
    fields = {name: value.strip() if name in VERBATIM_FIELDS else decode_latex(value)
              for name, value in values.items() if name not in _STRUCTURED_FIELDS}
    publishers = tuple(decode_latex(name) for name in
                       split_names(values.get("publisher") or values.get("institution", "")))
    creators, edited = _creators(authors, editors, anonymous, publishers)
    entry = Entry(key=key, entry_type=entry_type, raw=block.raw or "", line=line, fields=fields,
                  field_lines=lines, authors=authors, editors=editors, creators=creators,
                  edited=edited, publishers=publishers,
                  keywords=_keywords(values.get("keywords", "")),
                  lang=language(key, fields, lines, report))
    check_required(entry, values, report)
    check_formats(entry, report)
    return entry


def _field_values(block: model.Entry, report: Report) -> tuple[dict[str, str], dict[str, int]]:
    """Field name → raw value without its enclosing braces/quotes, and → 1-based line.
    The first of two same-named fields wins; the second is reported, not silently merged."""
    values: dict[str, str] = {}
    lines: dict[str, int] = {}
    for item in block.fields:
        for name, written, line in _split_merged_fields(block.key, item, report):
            if name in values:
                report.error(line, name, f"bron '{block.key}': veld '{name}' staat er twee keer in "
                             f"(eerst op regel {lines[name]})", "houd één van beide over")
                continue
            lines[name] = line
            values[name] = checked_value(block.key, name, written, line, report)
    return values, lines


def _split_merged_fields(key: str, item: model.Field,
                         report: Report) -> Iterator[tuple[str, str, int]]:
    """A missing comma makes bibtexparser read ``title = {A}`` plus the next line
    ``year = {2020}`` as one title. Report it, and give back both fields, so that 'year' is not
    reported missing as well."""
    name, written, line = item.key.strip().lower(), str(item.value), item.start_line + 1
    while unenclose(written) is None and (merged := _NEXT_FIELD.search(written)):
        report.error(line, name, f"bron '{key}': na het veld '{name}' ontbreekt een komma, "
                     f"waardoor het veld '{merged.group(1)}' erin is opgegaan",
                     f"zet een komma achter de waarde van '{name}'")
        yield name, written[: merged.start()], line
        line += written.count("\n", 0, merged.end())
        name, written = merged.group(1).lower(), written[merged.end():]
    yield name, written, line


def _persons(key: str, name: str, values: Mapping[str, str], lines: Mapping[str, int],
             report: Report) -> tuple[tuple[Person, ...], bool]:
    """Split, check and parse a name list; the flag says 'author explicitly unknown'."""
    persons, line = [], lines.get(name, 0)
    for written in split_names(values.get(name, "")):
        if looks_like_organisation(written):
            report.error(line, name, f"bron '{key}': '{written}' lijkt een organisatie, maar BibTeX "
                         "splitst het als persoon (achternaam, voorletters)",
                         f"zet de naam tussen dubbele accolades: {{{{{written}}}}}")
        try:
            persons.append(parse_person(written))
        except InvalidNameError as exc:
            report.error(line, name, f"bron '{key}': naam '{written}' is niet te lezen ({exc.reason})",
                         "schrijf 'Achternaam, Voornaam' of 'Voornaam Achternaam'; scheid namen met 'and'")
            persons.append(parse_person(written, strict=False))
    if persons == [Person(literal=UNKNOWN_AUTHOR)]:
        return (), True
    return tuple(persons), False


def _creators(authors: tuple[Person, ...], editors: tuple[Person, ...], anonymous: bool,
              publishers: tuple[str, ...]) -> tuple[tuple[Person, ...], bool]:
    if authors:
        return authors, False
    if editors:
        return editors, True
    if anonymous:
        return (), False
    return tuple(Person(literal=name) for name in publishers), False


def _keywords(value: str) -> tuple[str, ...]:
    return tuple(word for word in (decode_latex(part) for part in re.split(r"[,;]", value)) if word)


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
