"""What leaves the site about a source: COinS for Zotero, one-entry downloads, the text a reader
copies, and never an editorial note (redactienotitie).

The COinS round trip runs over EVERY entry of data/references.bib (and the fixture lists with
particles, organisations and editors): the span is parsed back the way Zotero's OpenURL reader does
(split on '&', percent-decoding, '+' as space) and compared with the BibTeX text, read again here
with bibtexparser, not with the exporter's own data.
"""
from __future__ import annotations

import json
import re
from urllib.parse import unquote

import bibtexparser
import pytest

from macros.bibliography import (
    PRIVATE_FIELDS,
    Entry,
    cite_text,
    coins_pairs,
    csl_json_text,
    exports_bibtex_field,
    format_reference,
    load_bibliography,
    public_bibtex,
    reference_text,
    to_bibtex,
    to_coins,
    to_csl_json,
    to_ris,
)
from macros.bibliography.text import decode_latex
from tests.support import ROOT, SITE_DATA

FIXTURES = ROOT / "tests" / "fixtures" / "bib"
SECRET = re.compile(r"GEHEIM-\d|redactienotitie|gereconstrueerd|niet gecontroleerd|jaargang onzeker", re.I)


def parse_coins(title: str) -> list[tuple[str, str]]:
    """Zotero's reading of a ContextObject: key=value pairs, percent-decoded, '+' is a space."""
    pairs = []
    for part in title.split("&"):
        key, _, value = part.partition("=")
        pairs.append((key, unquote(value.replace("+", " "))))
    return pairs


def bibtex_fields(entry: Entry) -> dict[str, str]:
    """The entry's fields as bibtexparser reads its text, decoded as the site decodes LaTeX."""
    library = bibtexparser.parse_string(entry.raw)
    assert len(library.entries) == 1 and not library.failed_blocks
    fields = {}
    for field in library.entries[0].fields:
        value = str(field.value)
        if value[:1] in "{\"" and value[-1:] in "}\"":
            value = value[1:-1]
        name = field.key.lower()
        fields[name] = value.strip() if name in ("url", "doi") else decode_latex(value)
    return fields


def expected_name(person) -> str:  # noqa: ANN001 - a Person
    if person.is_organisation:
        return person.literal
    family = " ".join(p for p in (person.particle, person.family) if p)
    given = ", ".join(p for p in (person.given, person.suffix) if p)
    return f"{family}, {given}" if given else family


def entries_to_check() -> list[Entry]:
    entries = []
    for path, display in ((SITE_DATA / "references.bib", "data/references.bib"),
                          (FIXTURES / "reading-list.bib", "reading-list.bib"),
                          (FIXTURES / "bib-dutch-particles.bib", "bib-dutch-particles.bib"),
                          (FIXTURES / "redactienotitie.bib", "redactienotitie.bib")):
        bib, problems = load_bibliography(path, display)
        assert not problems.errors, problems.report()
        entries += list(bib)
    return entries


ALL_ENTRIES = entries_to_check()


def test_the_real_reading_list_is_covered() -> None:
    bib, _ = load_bibliography(SITE_DATA / "references.bib", "data/references.bib")
    checked = {entry.key for entry in ALL_ENTRIES}
    assert len(bib) > 50 and set(bib.keys()) <= checked


@pytest.mark.parametrize("entry", ALL_ENTRIES, ids=lambda e: e.key)
def test_coins_reads_back_as_the_bibtex_entry(entry: Entry) -> None:
    pairs = parse_coins(to_coins(entry))
    values: dict[str, list[str]] = {}
    for key, value in pairs:
        values.setdefault(key, []).append(value)
    fields = bibtex_fields(entry)
    assert values["ctx_ver"] == ["Z39.88-2004"]

    # authors: persons with their tussenvoegsel kept on the surname, organisations as corporate authors
    authors = [value for key, value in pairs if key in ("rft.au", "rft.aucorp")]
    assert authors == [expected_name(p) for p in entry.authors]
    assert values.get("rft.aucorp", []) == [p.literal for p in entry.authors if p.is_organisation]
    if "author" in fields and fields["author"] not in ("Onbekend",):
        assert len(authors) == len(re.split(r"\s+and\s+", fields["author"]))
    for person in entry.authors:
        if person.particle and not person.is_organisation:
            assert any(a.startswith(person.particle + " ") for a in authors), "tussenvoegsel lost"
    # editors
    editors = values.get("rft.contributor", [])
    assert editors == [expected_name(p) for p in entry.editors]
    if "editor" in fields:
        assert len(editors) == len(re.split(r"\s+and\s+", fields["editor"]))

    # title and container
    if entry.entry_type in ("article", "incollection", "inbook", "inproceedings"):
        assert values["rft.atitle"] == [fields["title"]]
        container = values["rft.jtitle" if entry.entry_type == "article" else "rft.btitle"]
        assert container == [fields.get("journal") or fields.get("booktitle")]
    else:
        title = values.get("rft.btitle") or values.get("rft.title")
        assert title == [fields["title"]]

    # year, DOI, URL
    year = fields.get("year", "")
    assert values.get("rft.date", []) == ([year] if year.isdigit() else [])
    ids = values.get("rft_id", [])
    if fields.get("doi"):
        assert f"info:doi/{fields['doi']}" in ids
    if fields.get("url"):
        assert fields["url"] in ids
    assert len(ids) == bool(fields.get("doi")) + bool(fields.get("url"))
    assert not any(SECRET.search(value) for _, value in pairs)


def test_coins_for_particles_organisations_and_editors() -> None:
    bib, _ = load_bibliography(FIXTURES / "redactienotitie.bib", "redactienotitie.bib")
    pairs = coins_pairs(bib["geheim2020midden"])
    assert ("rft.au", "van der Laan, Eberhard") in pairs and ("rft.aucorp", "Gemeente Voorbeeldstad") in pairs
    chapter = dict(coins_pairs(bib["geheim2021laatste"]))
    assert chapter["rft.genre"] == "bookitem" and chapter["rft.btitle"] == "Handboek wijkaanpak"
    assert ("rft.contributor", "ten Kate, Janneke") in coins_pairs(bib["geheim2021laatste"])
    assert "rft_id=info%3Adoi%2F10.1234%2Fhw.2021.12" in to_coins(bib["geheim2021laatste"])


# --- editorial notes ---------------------------------------------------------------------------

def test_editorial_notes_never_leave_the_data() -> None:
    bib, problems = load_bibliography(FIXTURES / "redactienotitie.bib", "redactienotitie.bib")
    assert problems.report() == ""
    assert len(bib) == 3 and all(SECRET.search(entry.raw) for entry in bib)  # the file does hold them
    for entry in bib:
        assert SECRET.search(entry.get("redactienotitie"))  # curator tools can still read it
        for text in (public_bibtex(entry), to_ris([entry]), json.dumps(to_csl_json([entry])), to_coins(entry),
                     str(format_reference(entry)), reference_text(entry), cite_text(entry)):
            assert not SECRET.search(text), text
    everything = to_bibtex(bib)
    assert not SECRET.search(everything)
    # the rest of each entry is exactly as written, and parses back to the same fields minus the note
    library = bibtexparser.parse_string(everything)
    assert not library.failed_blocks and sorted(e.key for e in library.entries) == sorted(bib.keys())
    for parsed in library.entries:
        original = bibtexparser.parse_string(bib[parsed.key].raw).entries[0]
        assert {f.key: f.value for f in parsed.fields} == {
            f.key: f.value for f in original.fields if f.key.lower() not in PRIVATE_FIELDS}
    assert "note    = {Verschenen in het themanummer over bewoners}" in everything  # a real note stays


def test_real_entries_export_everything_but_their_editorial_notes() -> None:
    """Only what a download leaves out (exports_bibtex_field: editorial and site-only fields, the stand-ins
    for 'not known') is missing; everything else is as written."""
    bib, _ = load_bibliography(SITE_DATA / "references.bib", "data/references.bib")
    for entry in bib:
        public = public_bibtex(entry)
        original = bibtexparser.parse_string(entry.raw).entries[0]
        if all(exports_bibtex_field(f.key, str(f.value)) for f in original.fields):
            assert public == entry.raw.strip()
            continue
        assert "redactienotitie" not in public and (not entry.get("redactienotitie") or entry.get("redactienotitie") not in public)
        parsed = bibtexparser.parse_string(public)
        assert not parsed.failed_blocks and [e.key for e in parsed.entries] == [entry.key]
        assert {f.key: f.value for f in parsed.entries[0].fields} == {
            f.key: f.value for f in original.fields if exports_bibtex_field(f.key, str(f.value))}


# --- the text a reader copies ------------------------------------------------------------------

def test_copied_reference_is_the_listed_reference_as_text() -> None:
    bib, _ = load_bibliography(FIXTURES / "reading-list.bib", "reading-list.bib")
    laan = reference_text(bib["laan2019samen"])
    assert "<" not in laan and "&amp;" not in laan
    assert laan == "Laan, E. van der, Kate, J. ten, & Veld, R. in 't. (2019a). Samen de stad maken. Uitgeverij Voorbeeld."
    for entry in bib:
        html = str(format_reference(entry))
        assert reference_text(entry) == re.sub(r"<[^>]+>", "", html).replace("&amp;", "&").replace(
            "&#39;", "'").replace("&#34;", '"').replace("&lt;", "<").replace("&gt;", ">")


@pytest.mark.parametrize("source", [SITE_DATA / "references.bib", FIXTURES / "redactienotitie.bib",
                                    FIXTURES / "bib-utf8-names.bib", FIXTURES / "bib-latex-accents.bib"])
def test_csl_download_is_the_json_of_the_items(source) -> None:  # noqa: ANN001
    """The .json downloads are put together from one piece per entry; a reference manager must get exactly
    the JSON of the items, for the whole list, any part of it (a theme) and a single entry."""
    bib, _ = load_bibliography(source, source.name)
    entries = list(bib)
    for chosen in (entries, entries[::3], entries[1:2], list(reversed(entries)), []):
        text = csl_json_text(chosen)
        assert text == json.dumps(to_csl_json(chosen), ensure_ascii=False, indent=1)
        assert json.loads(text) == to_csl_json(chosen)


def test_entry_without_editorial_fields_is_exported_as_written() -> None:
    bib, _ = load_bibliography(SITE_DATA / "references.bib", "references.bib")
    plain = [entry for entry in bib if all(exports_bibtex_field(f.key, str(f.value))
                                           for f in bibtexparser.parse_string(entry.raw).entries[0].fields)]
    assert plain
    for entry in plain:
        assert public_bibtex(entry) == entry.raw.strip()
