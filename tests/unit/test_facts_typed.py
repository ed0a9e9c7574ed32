"""A law date, a legal term or a euro amount is written once, in data/feiten.yaml, and used as [[feit:id]].

Typed by hand anywhere else it goes stale unseen (the participation law's in-force date once stood in eight
places, each stated as fact). These tests read the curator files as they are, so a curator who types such a
fact gets a failing test that names the file, the line and what to use instead.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from macros.data import facts
from macros.data.kinds import generated_dirs
from tests.support import ROOT

DATA, DOCS = ROOT / "data", ROOT / "docs"
REGISTER = DATA / "feiten.yaml"

_NUMBER_WORDS = r"(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twintig|honderd|duizend)"
EURO = re.compile(rf"€\s?\d|\b(?:\d[\d.,]*|{_NUMBER_WORDS})\s*(?:(?:miljoen|miljard|duizend)\s+)?euro\b", re.I)
_MONTHS = "|".join(facts.MONTHS)
FULL_DATE = re.compile(rf"\b\d{{1,2}} (?:{_MONTHS}) \d{{4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b")
# Words that make a date in the same sentence a law date: adoption, publication, taking effect, a deadline.
LAW_WORDS = re.compile(r"\b(?:wet|wetsvoorstel|verordening|staatsblad|staatscourant|in werking|treedt|trad|"
                       r"aangenomen|neemt .{0,40} aan|stemt in|stemde in|kamer|uiterlijk|termijn|geldt sinds)\b", re.I)
# A term in weeks or months next to a legal procedure: a deadline a reader acts on.
TERM = re.compile(rf"\b(?:\d+|{_NUMBER_WORDS}|twaalf|veertien)\s+(?:weken|maanden|dagen)\b", re.I)
PROCEDURE_WORDS = re.compile(r"\b(?:bezwaar|beroep|zienswijze|rechter|huurcommissie|termijn|beslist|"
                             r"verhuurder|advies|de wet)\b", re.I)


def curator_files() -> Iterator[Path]:
    """Every file a curator writes that pages are made from (not the register, not the schema)."""
    for path in sorted(DATA.rglob("*.yaml")):
        if path != REGISTER and "schema" not in path.relative_to(DATA).parts:
            yield path
    # Pages about running the guide (for the editors and whoever publishes it) state the project's own
    # settings, such as the review period; they are not content about participation.
    skipped = set(generated_dirs()) | {"redactie", "redactie.md", "publiceren.md"}
    for path in sorted(DOCS.rglob("*.md")):
        if path.relative_to(DOCS).parts[0] not in skipped:
            yield path


def sentences(path: Path) -> Iterator[tuple[int, str]]:
    """(line, sentence) of a file's text, references to the register removed, YAML comments left out.
    A sentence may span lines (folded YAML, Markdown paragraphs); the line is where it starts."""
    text = path.read_text(encoding="utf-8")
    lines = [("" if line.lstrip().startswith("#") and path.suffix == ".yaml" else line) for line in text.splitlines()]
    buffer, start = "", 1
    for number, line in enumerate(lines, start=1):
        line = facts.FACT_REF.sub("FEIT", line)
        if not line.strip():
            if buffer:
                yield from _split(buffer, start)
            buffer, start = "", number + 1
            continue
        if not buffer:
            start = number
        buffer += " " + line.strip()
    if buffer:
        yield from _split(buffer, start)


def _split(paragraph: str, line: int) -> Iterator[tuple[int, str]]:
    for sentence in re.split(r"(?<=[.!?;:])\s+(?=[A-Z*\-])|\s+-\s+", paragraph):
        yield line, sentence


def bib_notes() -> Iterator[tuple[int, str]]:
    """The 'note' fields of the reading list: shown on the site under a source."""
    text = (DATA / "references.bib").read_text(encoding="utf-8")
    for match in re.finditer(r"^\s*note\s*=\s*\{(.*)\},?\s*$", text, re.M):
        yield text.count("\n", 0, match.start()) + 1, match.group(1)


def register_dates() -> dict[str, str]:
    """Every date in the register in the forms a text would show it ('1 januari 2025', '2025-01-01') -> fact id."""
    forms: dict[str, str] = {}
    for block in re.split(r"\n(?=- id: )", REGISTER.read_text(encoding="utf-8")):
        fact_id = re.search(r"^- id: (\S+)", block, re.M)
        day = re.search(r"^  datum: (\d{4}-\d{2}-\d{2})", block, re.M)
        if fact_id and day:
            forms[day.group(1)] = forms[facts.long_date(day.group(1))] = fact_id.group(1)
    return forms


def typed_by_hand() -> list[str]:
    dates = register_dates()
    found: list[str] = []
    places = [(path.relative_to(ROOT).as_posix(), sentences(path), True) for path in curator_files()]
    # A note describes its source; the date of a Kamerstuk it names is bibliographic data, not a law date.
    places.append(("data/references.bib (note)", bib_notes(), False))
    for where, parts, prose in places:
        for line, sentence in parts:
            for match in EURO.finditer(sentence):
                found.append(f"{where}:{line}: bedrag '{match.group().strip()}' met de hand getypt "
                             "(zet het in data/feiten.yaml en schrijf [[feit:id]])")
            for match in FULL_DATE.finditer(sentence):
                if match.group() in dates:
                    found.append(f"{where}:{line}: '{match.group()}' staat in het feitenregister: "
                                 f"schrijf [[feit:{dates[match.group()]}]]")
                elif prose and LAW_WORDS.search(sentence):
                    found.append(f"{where}:{line}: datum '{match.group()}' bij een wet of termijn met de hand getypt "
                                 f"({sentence.strip()[:80]}…)")
            if prose and PROCEDURE_WORDS.search(sentence):
                for match in TERM.finditer(sentence):
                    found.append(f"{where}:{line}: termijn '{match.group()}' met de hand getypt "
                                 f"({sentence.strip()[:80]}…)")
    return found


def test_no_law_date_legal_term_or_euro_amount_is_typed_outside_the_register() -> None:
    found = typed_by_hand()
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("text,kind", [
    ("Het budget was 19.600 euro.", "bedrag"),
    ("Gemeenten krijgen € 3 per inwoner.", "bedrag"),
    ("Dat kostte drie euro per inwoner.", "bedrag"),
    ("Sinds 1 januari 2025 geldt de wet.", "staat in het feitenregister"),
    ("De verordening gaat in op 3 maart 2031.", "bij een wet of termijn"),
    ("Je hebt zes weken om bezwaar te maken.", "termijn"),
    ("De wet geldt vanaf [[feit:wet-participatie-in-werking]].", None),
    ("Op 12 mei 2019 was er een buurtfeest.", None),
    ("Het project duurde drie maanden.", None),
])
def test_the_detector_finds_typed_facts_and_lets_references_and_other_dates_through(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, kind: str | None) -> None:
    """The check above must be able to fail: one line of each kind, in a copy of the tree."""
    data, docs = tmp_path / "data", tmp_path / "docs"
    data.mkdir()
    docs.mkdir()
    (data / "feiten.yaml").write_text(REGISTER.read_text(encoding="utf-8"), encoding="utf-8")
    (data / "references.bib").write_text("", encoding="utf-8")
    (data / "x.yaml").write_text(f"text: {text}\n", encoding="utf-8")
    monkeypatch.setattr(__import__(__name__, fromlist=["x"]), "ROOT", tmp_path)
    monkeypatch.setattr(__import__(__name__, fromlist=["x"]), "DATA", data)
    monkeypatch.setattr(__import__(__name__, fromlist=["x"]), "DOCS", docs)
    monkeypatch.setattr(__import__(__name__, fromlist=["x"]), "REGISTER", data / "feiten.yaml")
    found = typed_by_hand()
    if kind is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0].startswith("data/x.yaml:1: ") and kind in found[0], found
