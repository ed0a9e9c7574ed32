"""Curator commands around review: `beoordeel`, `status`, and what `controleer` says a record still lacks.

`beoordeel` edits the text lines of the YAML file: on a copy of a record full of comments, exactly the
three review fields change and every other byte stays. Expectations are computed from the data and the
schema's review table, never typed in twice.
"""
from __future__ import annotations

import difflib
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from macros.data import review_state
from macros.data.dataset import load_valid_dataset
from tests.support import ROOT
from tests.unit.test_cli import TODAY, edit, run

PERSON = "dr. A. Voorbeeld, Hogeschool Voorbeeldstad"
COMMENTED_CASE = """# yaml-language-server: $schema=../schema/case.schema.json
# Praktijkvoorbeeld: Voorbeeldwijk. Commentaar van de redactie blijft staan.
id: voorbeeldwijk
name: Voorbeeldwijk (Groningen)
# Zo noemen bewoners de wijk.
place: Voorbeeldwijk
municipality: Groningen
country: NL
coordinates: {lat: 53.232, lon: 6.553}
period: {start: 2014, end: lopend}
actors: [Gemeente Groningen, Bewoners]

# De methoden die hier werden gebruikt:
methods: [wijkgesprek]
rungs: [coproduceren]
summary: "Bewoners en gemeente werken samen aan hun wijk."
description: |
  Een wijk waar bewoners meepraten.

  # Dit is tekst, geen commentaar.
results: [Een nieuw buurthuis.]
# Nog door niemand nagekeken.
status: concept
lessons:
  - Begin klein.
sources: [vanderlaan2019]
# Einde van het bestand.
described_until: 2020-01
"""


@pytest.fixture
def commented(data_dir: Path) -> Path:
    path = data_dir / "cases" / "voorbeeldwijk.yaml"
    path.write_text(COMMENTED_CASE, encoding="utf-8")
    assert load_valid_dataset(data_dir, data_dir.parent).cases["voorbeeldwijk"]["status"] == "concept"
    return path


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """(lines removed, lines added) between two texts."""
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def test_beoordeel_changes_only_the_three_review_lines(data_dir: Path, commented: Path) -> None:
    day = TODAY - timedelta(days=3)
    code, out, err = run("beoordeel", "voorbeeldwijk", "--door", PERSON, "--datum", day.isoformat(),
                         "--data", str(data_dir), today=TODAY)
    assert (code, err) == (0, ""), out + err
    after = commented.read_text(encoding="utf-8")
    removed, added = changed_lines(COMMENTED_CASE, after)
    assert removed == ["status: concept"]
    assert added == ["status: beoordeeld", f"reviewed: {day.isoformat()}",
                     f'reviewer: "{PERSON}"']
    # Comments, order and quoting elsewhere: byte for byte the same.
    assert after.replace(f"reviewed: {day.isoformat()}\n", "").replace(f'reviewer: "{PERSON}"\n', "") \
        .replace("status: beoordeeld", "status: concept") == COMMENTED_CASE
    record = load_valid_dataset(data_dir, data_dir.parent).cases["voorbeeldwijk"]
    assert (record["status"], record["reviewed"], record["reviewer"]) == ("beoordeeld", day.isoformat(), PERSON)
    assert "status beoordeeld" in out and day.isoformat() in out


def test_a_new_review_replaces_date_and_person_in_place(data_dir: Path) -> None:
    path = data_dir / "cases" / "voorbeeldwijk.yaml"  # already beoordeeld in the fixture
    before = path.read_text(encoding="utf-8")
    code, out, _ = run("beoordeel", "voorbeeldwijk", "--door", "Fatima el Amrani, opbouwwerker Groningen",
                       "--data", str(data_dir), today=TODAY)
    assert code == 0, out
    removed, added = changed_lines(before, path.read_text(encoding="utf-8"))
    assert [line.split(":")[0] for line in removed] == ["reviewed", "reviewer"]
    assert added == [f"reviewed: {TODAY.isoformat()}", 'reviewer: "Fatima el Amrani, opbouwwerker Groningen"']


@pytest.mark.parametrize("door", ["ExpertiseLab (redactie)", "redactie", "Redactie, ExpertiseLab", "Jansen, gemeente"])
def test_beoordeel_refuses_a_group_as_reviewer(data_dir: Path, commented: Path, door: str) -> None:
    code, _, err = run("beoordeel", "voorbeeldwijk", "--door", door, "--data", str(data_dir))
    assert code == 2 and f"--door '{door}' is geen beoordelaar" in err and "komma" in err
    assert commented.read_text(encoding="utf-8") == COMMENTED_CASE


def test_beoordeel_refuses_a_record_that_misses_what_its_kind_needs(data_dir: Path) -> None:
    path = data_dir / "methods" / "burgerpanel.yaml"
    text = path.read_text(encoding="utf-8")
    # A concept methode without when_to_use and evidence summary.
    text = text.replace("status: beoordeeld", "status: concept")
    text = "".join(line for line in text.splitlines(keepends=True)
                   if not line.startswith(("reviewed:", "reviewer:", "when_to_use:", "  summary:")))
    path.write_text(text, encoding="utf-8")
    data = load_valid_dataset(data_dir, data_dir.parent)
    missing = review_state.missing_for_review(data.schemas.raw, "method", data.methods["burgerpanel"])
    assert missing == ["when_to_use", "evidence.summary"]
    code, out, _ = run("beoordeel", "burgerpanel", "--door", PERSON, "--data", str(data_dir))
    assert code == 1
    assert f"Niet beoordeeld: burgerpanel mist nog wat een beoordeling vraagt bij soort 'methode': {', '.join(missing)}." in out
    assert path.read_text(encoding="utf-8") == text


def test_beoordeel_refuses_a_record_with_errors_and_names_them(data_dir: Path, commented: Path) -> None:
    edit(commented, "rungs: [coproduceren]", "rungs: [meepraten]")
    before = commented.read_text(encoding="utf-8")
    code, out, _ = run("beoordeel", "voorbeeldwijk", "--door", PERSON, "--data", str(data_dir))
    assert code == 1
    assert "data/cases/voorbeeldwijk.yaml:15: rungs: onbekende trede 'meepraten'" in out
    assert "Niet beoordeeld: data/cases/voorbeeldwijk.yaml bevat nog 1 fout" in out
    assert commented.read_text(encoding="utf-8") == before


def test_beoordeel_refuses_bad_input_in_dutch(data_dir: Path, commented: Path) -> None:
    code, _, err = run("beoordeel", "bestaat-niet", "--door", PERSON, "--data", str(data_dir))
    assert code == 2 and "geen record met id 'bestaat-niet'" in err
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    code, _, err = run("beoordeel", "voorbeeldwijk", "--door", PERSON, "--datum", tomorrow, "--data", str(data_dir),
                       today=TODAY)
    assert code == 2 and "in de toekomst" in err
    code, _, err = run("beoordeel", "voorbeeldwijk", "--door", PERSON, "--datum", TODAY.isoformat(), "--data",
                       str(data_dir), today=TODAY)
    assert code == 0, err  # today itself is not in the future
    (data_dir / "cases" / "voorbeeldwijk.yaml").write_text(COMMENTED_CASE, encoding="utf-8")
    code, _, err = run("beoordeel", "voorbeeldwijk", "--data", str(data_dir))
    assert code == 2 and "fout: dit ontbreekt: --door" in err
    assert commented.read_text(encoding="utf-8") == COMMENTED_CASE
    result = subprocess.run([sys.executable, "-m", "scripts.wijkengids", "beoordeel", "--help"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "Gebruik:" in result.stdout and "deskundige" in result.stdout
    assert "--datum" in result.stdout and "opties" in result.stdout


def test_status_prints_every_record_and_a_summary_per_kind(data_dir: Path) -> None:
    edit(data_dir / "methods" / "wijkgesprek.yaml", "status: beoordeeld", "status: concept")
    path = data_dir / "methods" / "wijkgesprek.yaml"
    path.write_text("".join(ln for ln in path.read_text(encoding="utf-8").splitlines(keepends=True)
                            if not ln.startswith(("reviewed:", "reviewer:", "in_force:"))), encoding="utf-8")
    data = load_valid_dataset(data_dir, data_dir.parent)
    code, out, _ = run("status", "--data", str(data_dir))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["id", "soort", "status", "onderbouwing", "ontbreekt", "voor", "beoordeling"]
    rows = {line.split()[0]: line.split(None, 4) for line in lines[1:] if line and not line.startswith((" ", "Per", "Totaal", "Om mee te werken"))}
    assert set(rows) == {r.id for r in data.all_records()}
    assert rows["burgerpanel"][:4] == ["burgerpanel", "methode", "beoordeeld", "beschreven"]
    assert rows["wijkgesprek"][:4] == ["wijkgesprek", "regeling", "concept", "-"] and rows["wijkgesprek"][4] == "in_force"
    assert "  methode  " in out and "1 van 1 compleet voor beoordeling, 1 beoordeeld" in out
    assert "regeling" in out and "0 van 1 compleet voor beoordeling, 0 beoordeeld" in out
    done, total = review_state.counts(data)
    assert f"Totaal: {done} van {total} beoordeeld." in out


def test_controleer_lists_what_each_record_lacks_as_information(data_dir: Path) -> None:
    path = data_dir / "methods" / "wijkgesprek.yaml"
    text = path.read_text(encoding="utf-8").replace("status: beoordeeld", "status: concept")
    path.write_text("".join(ln for ln in text.splitlines(keepends=True)
                            if not ln.startswith(("reviewed:", "reviewer:", "in_force:", "official_text:"))),
                    encoding="utf-8")
    code, out, _ = run("controleer", "--data", str(data_dir))
    assert code == 0, "missing fields of a concept are information, not an error"
    assert "  wijkgesprek: ontbreekt voor beoordeling: official_text, in_force" in out
    assert "burgerpanel: ontbreekt" not in out  # complete records are not listed
    assert out.strip().splitlines()[-1].startswith("Alles in orde")
