"""Every export of every entry, read back the way a reference manager reads it: BibTeX with bibtexparser,
RIS with a strict reader (below), CSL-JSON against the CSL-JSON schema. Zotero must get no author called
"Onbekend", no year "z.d." and no field it does not know (issue #29); the site itself keeps saying "z.d.".

The CSL schema is the official one (tests/fixtures/csl/csl-data.json, from the repository
citation-style-language/schema, schemas/input/csl-data.json, MIT licence in the same folder): it forbids
unknown variables (``additionalProperties: false``) and holds every type and name form.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import bibtexparser
import jsonschema
import pytest

from macros.bibliography import (
    BIBTEX_FIELDS,
    NO_DATE,
    UNKNOWN_AUTHOR,
    Entry,
    format_reference,
    load_bibliography,
    public_bibtex,
    to_bibtex,
    to_csl_json,
    to_ris,
)
from tests.support import ROOT, SITE_DATA

FIXTURES = ROOT / "tests" / "fixtures"
CSL_SCHEMA = json.loads((FIXTURES / "csl" / "csl-data.json").read_text(encoding="utf-8"))
CSL = jsonschema.Draft7Validator(CSL_SCHEMA)
SOURCES = [(SITE_DATA / "references.bib", "data/references.bib")] + [
    (FIXTURES / "bib" / name, name) for name in ("reading-list.bib", "bib-dutch-particles.bib",
                                                 "redactienotitie.bib", "bib-utf8-names.bib",
                                                 "bib-latex-accents.bib")]
# The 24 fields of BibTeX itself (btxdoc, "Field names"): a download may always hold these.
BTXDOC_FIELDS = {"address", "annote", "author", "booktitle", "chapter", "crossref", "edition", "editor",
                 "howpublished", "institution", "journal", "key", "month", "note", "number", "organization",
                 "pages", "publisher", "school", "series", "title", "type", "volume", "year"}
# Fields of the reading list that are not bibliographic data: for the editors, or for the site only.
NOT_FOR_DOWNLOADS = {"redactienotitie", "titelstatus"}

# RIS as specified by Research Information Systems (the tag list of the RIS format specification).
RIS_TAGS = {"TY", "A1", "A2", "A3", "A4", "AB", "AD", "AN", "AU", "AV", "BT", "C1", "C2", "C3", "C4", "C5",
            "C6", "C7", "C8", "CA", "CN", "CP", "CT", "CY", "DA", "DB", "DO", "DP", "ED", "EP", "ER", "ET",
            "ID", "IS", "J1", "J2", "JA", "JF", "JO", "KW", "L1", "L2", "L3", "L4", "LA", "LB", "LK", "M1",
            "M2", "M3", "N1", "N2", "NV", "OP", "PB", "PP", "PY", "RI", "RN", "RP", "SE", "SN", "SP", "ST",
            "T1", "T2", "T3", "TA", "TI", "TT", "U1", "U2", "U3", "U4", "U5", "UR", "VL", "VO", "Y1", "Y2"}
RIS_TYPES = {"ABST", "ADVS", "AGGR", "ANCIENT", "ART", "BILL", "BLOG", "BOOK", "CASE", "CHAP", "CHART",
             "CLSWK", "COMP", "CONF", "CPAPER", "CTLG", "DATA", "DBASE", "DICT", "EBOOK", "ECHAP", "EDBOOK",
             "EJOUR", "ELEC", "ENCYC", "EQUA", "FIGURE", "GEN", "GOVDOC", "GRANT", "HEAR", "ICOMM", "INPR",
             "JFULL", "JOUR", "LEGAL", "MANSCPT", "MAP", "MGZN", "MPCT", "MULTI", "MUSIC", "NEWS", "PAMP",
             "PAT", "PCOMM", "RPRT", "SER", "SLIDE", "SOUND", "STAND", "STAT", "THES", "UNBILL", "UNPB", "VIDEO"}
RIS_LINE = re.compile(r"([A-Z][A-Z0-9])  - (.*)")


def read_ris_strictly(text: str) -> list[dict[str, list[str]]]:
    """RIS as a strict importer reads it: every line 'XX  - value' with a tag from the specification,
    TY first (a known type), ER last with nothing after it, no empty value, PY as YYYY or YYYY/MM/DD/."""
    records: list[dict[str, list[str]]] = []
    current: dict[str, list[str]] | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if line == "" and current is None:
            continue
        match = RIS_LINE.fullmatch(line)
        assert match, f"line {number} is not 'XX  - value': {line!r}"
        tag, value = match.groups()
        assert tag in RIS_TAGS, f"line {number}: '{tag}' is not a RIS tag"
        if tag == "TY":
            assert current is None, f"line {number}: TY inside a record"
            assert value in RIS_TYPES, f"line {number}: unknown reference type {value!r}"
            current = {}
        assert current is not None, f"line {number}: a record must start with TY"
        if tag == "ER":
            assert value == "", f"line {number}: ER has a value"
            records.append(current)
            current = None
            continue
        assert value.strip() == value and value, f"line {number}: empty or padded value for {tag}"
        if tag == "PY":
            assert re.fullmatch(r"\d{4}(/(\d{2})?/(\d{2})?/.*)?", value), f"line {number}: PY {value!r}"
        current.setdefault(tag, []).append(value)
    assert current is None, "the last record is not closed with 'ER  - '"
    return records


def all_entries() -> list[Entry]:
    entries = []
    for path, name in SOURCES:
        bib, problems = load_bibliography(path, name)
        assert not problems.errors, problems.report()
        entries += list(bib)
    return entries


ALL_ENTRIES = all_entries()


def unknown_author(entry: Entry) -> bool:
    return re.search(r"\bauthor\s*=\s*\{\s*\{\s*" + UNKNOWN_AUTHOR + r"\s*\}\s*\}", entry.raw, re.I) is not None


def undated(entry: Entry) -> bool:
    return not entry.get("year").isdigit()


def parsed_fields(text: str) -> tuple[str, str, dict[str, str]]:
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    assert len(library.entries) == 1
    parsed = library.entries[0]
    return parsed.key, parsed.entry_type, {f.key.lower(): f.value for f in parsed.fields}


def test_the_cases_the_issue_names_are_covered() -> None:
    """The real list has entries with an unknown author, without a year and with a titelstatus."""
    real = list(load_bibliography(*SOURCES[0])[0])
    assert any(unknown_author(e) for e in real) and any(undated(e) for e in real)
    assert any(e.get("titelstatus") for e in real)


@pytest.mark.parametrize("entry", ALL_ENTRIES, ids=lambda e: e.key)
def test_bibtex_parses_back_without_stand_ins(entry: Entry) -> None:
    key, entry_type, fields = parsed_fields(public_bibtex(entry))
    original_key, original_type, original = parsed_fields(entry.raw)
    assert (key, entry_type) == (original_key, original_type)
    assert set(fields) <= BIBTEX_FIELDS and not set(fields) & NOT_FOR_DOWNLOADS, sorted(fields)
    # Every field a download keeps is exactly as written; only the left-out ones are missing.
    assert all(original[name] == value for name, value in fields.items())
    left_out = set(original) - set(fields)
    assert left_out <= NOT_FOR_DOWNLOADS | {"author", "year"} | (set(original) - BIBTEX_FIELDS)
    assert set(original) & BTXDOC_FIELDS - {"author", "year"} <= set(fields), "a BibTeX field went missing"
    if unknown_author(entry):
        assert "author" not in fields
    elif "author" in original:
        assert fields["author"] == original["author"]
    if undated(entry):
        assert "year" not in fields
        assert f"({NO_DATE}" in str(format_reference(entry)), "the site no longer shows 'z.d.'"
    else:
        assert re.sub(r"[{}]", "", fields["year"]) == entry.year


@pytest.mark.parametrize("entry", ALL_ENTRIES, ids=lambda e: e.key)
def test_ris_parses_back(entry: Entry) -> None:
    records = read_ris_strictly(to_ris([entry]))
    assert len(records) == 1
    record = records[0]
    assert record["ID"] == [entry.key] and record["TI"] == [entry.title]
    _, _, original = parsed_fields(entry.raw)
    if unknown_author(entry) or "author" not in original:
        assert "AU" not in record
    else:
        assert len(record["AU"]) == len(re.split(r"\s+and\s+", original["author"].strip("{}")))
    assert UNKNOWN_AUTHOR not in record.get("AU", [])
    assert record.get("PY") == ([entry.year] if entry.year else None)
    if entry.get("url"):
        assert record["UR"] == [entry.get("url")]


@pytest.mark.parametrize("entry", ALL_ENTRIES, ids=lambda e: e.key)
def test_csl_json_is_valid_against_the_schema(entry: Entry) -> None:
    items = json.loads(json.dumps(to_csl_json([entry])))  # what a reader downloads: plain JSON
    CSL.validate(items)
    item = items[0]
    assert item["id"] == entry.key and item["title"] == entry.title
    if unknown_author(entry):
        assert "author" not in item
    if undated(entry):
        assert "issued" not in item
    else:
        assert item["issued"]["date-parts"][0][0] == int(entry.year)


def test_the_schema_check_can_fail() -> None:
    """The schema is strict enough to catch what a reference manager would choke on."""
    jsonschema.Draft7Validator.check_schema(CSL_SCHEMA)
    good = {"id": "a", "type": "book", "title": "T"}
    assert CSL.is_valid([good])
    for bad in ({**good, "titelstatus": "niet gecontroleerd"}, {**good, "type": "boek"},
                {**good, "author": [{"famly": "Laan"}]}, {"type": "book"}):
        assert not CSL.is_valid([bad]), bad


@pytest.mark.parametrize("text", [
    "TY  - BOOK\nTI  - Titel\n",                     # not closed
    "TI  - Titel\nER  - \n",                          # no TY
    "TY  - BOEK\nER  - \n",                           # unknown type
    "TY  - BOOK\nXX  - iets\nER  - \n",               # unknown tag
    "TY  - BOOK\nPY  - z.d.\nER  - \n",               # not a year
    "TY  - BOOK\nAU  - \nER  - \n",                   # empty value
    "TY  - BOOK\nTI - Titel\nER  - \n",               # one space
])
def test_the_ris_reader_is_strict(text: str) -> None:
    with pytest.raises(AssertionError):
        read_ris_strictly(text)


def test_whole_list_and_theme_downloads_have_no_stand_ins(data) -> None:  # noqa: ANN001 - Dataset
    """What /leeslijst/ offers as one file, for the whole list and for each theme."""
    entries = list(data.bibliography)
    chosen = {"alles": entries}
    for theme in data.themes:
        chosen[theme.id] = [e for e in entries if theme.id in {t.id for t in data.themes_of(e)}]
    assert all(chosen.values())
    for name, part in chosen.items():
        check_bibtex_download(to_bibtex(part), [e.key for e in part], name)
        records = read_ris_strictly(to_ris(part))
        assert sorted(r["ID"][0] for r in records) == sorted(e.key for e in part), name
        assert not any(UNKNOWN_AUTHOR in r.get("AU", []) for r in records), name


def check_bibtex_download(text: str, keys: list[str], name: str) -> None:
    """One downloaded BibTeX file: it parses, holds these entries, and no stand-in or unknown field."""
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, name
    assert sorted(e.key for e in library.entries) == sorted(keys), name
    for parsed in library.entries:
        fields = {f.key.lower(): str(f.value) for f in parsed.fields}
        assert set(fields) <= BIBTEX_FIELDS, (name, parsed.key, sorted(set(fields) - BIBTEX_FIELDS))
        assert re.sub(r"[{}\s]", "", fields.get("author", "")) != UNKNOWN_AUTHOR, (name, parsed.key)
        assert re.fullmatch(r"\{?\d{4}\}?", fields.get("year", "0000")), (name, parsed.key, fields.get("year"))


def test_bibtex_check_catches_each_stand_in(tmp_path: Path) -> None:
    """The file check above fails on each of the three things Zotero imported wrongly."""
    for field in ("author = {{Onbekend}}", "year = {z.d.}", "titelstatus = {niet gecontroleerd}"):
        with pytest.raises(AssertionError):
            check_bibtex_download("@misc{a,\n  title = {T},\n  " + field + "\n}\n", ["a"], field)
