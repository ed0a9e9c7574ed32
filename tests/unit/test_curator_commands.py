"""Curator commands never end in a traceback, and the work behind them is a library function.

Issue 26: `beoordeel abcd/` (also `./abcd`, `methods/abcd`) ended in a traceback; given a record of another
checkout, `beoordeel` edited this checkout's file of the same name; `nieuw methode "Index"` wrote a file that
breaks the build. Every bad argument now gives one Dutch line with a tip, a non-zero exit, and nothing written.
The day is injected everywhere (no test reads the clock).
"""
from __future__ import annotations

import hashlib
import io
import shutil
from datetime import date
from pathlib import Path

import pytest

from macros.data import review_record
from macros.data.review_record import ReviewError, review
from scripts.check import run as check_run
from tests.unit.test_cli import run

TODAY = date(2026, 12, 1)
PERSON = "dr. A. Voorbeeld, Hogeschool Voorbeeldstad"
CASE = "cases/voorbeeldwijk.yaml"  # complete for a review in the fixture data


def snapshot(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` by its hash: 'nothing written' is this staying the same."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# --- beoordeel as a library function ---------------------------------------------------------------

def test_review_loads_the_data_once_and_writes_only_the_named_file(data_dir: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    loads = []
    real = review_record.load_dataset
    monkeypatch.setattr(review_record, "load_dataset", lambda *a, **k: loads.append(1) or real(*a, **k))
    before = snapshot(data_dir)
    result = review(data_dir, "voorbeeldwijk", PERSON, date(2026, 11, 30), today=TODAY)
    assert result.written and result.display == f"data/{CASE}" and len(loads) == 1
    after = snapshot(data_dir)
    assert [name for name in after if after[name] != before.get(name)] == [CASE]
    assert sorted(after) == sorted(before), "no file added (no temporary file left behind)"
    text = (data_dir / CASE).read_text(encoding="utf-8")
    assert "reviewed: 2026-11-30\n" in text and f"reviewer: \"{PERSON}\"\n" in text and "status: beoordeeld" in text


@pytest.mark.parametrize("wanted", ["voorbeeldwijk", "voorbeeldwijk/", "./voorbeeldwijk", "voorbeeldwijk.yaml",
                                    "cases/voorbeeldwijk", "cases/voorbeeldwijk.yaml", "data/cases/voorbeeldwijk.yaml"])
def test_review_takes_an_id_or_a_path_inside_this_data_folder(data_dir: Path, wanted: str) -> None:
    result = review(data_dir, wanted, PERSON, today=TODAY)
    assert result.written and result.path == (data_dir / CASE).resolve()


def test_review_takes_the_absolute_path_of_its_own_record(data_dir: Path) -> None:
    assert review(data_dir, str(data_dir / CASE), PERSON, today=TODAY).written


def test_a_record_of_another_checkout_is_refused_and_neither_file_changes(data_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "andere-checkout" / "data"
    shutil.copytree(data_dir, other)
    before, before_other = snapshot(data_dir), snapshot(other)
    with pytest.raises(ReviewError) as refused:
        review(data_dir, str(other / CASE), PERSON, today=TODAY)
    assert str(refused.value).startswith(f"'{other / CASE}' is geen record in de gegevensmap van deze repository")
    assert "(tip: geef de id van het record, bijvoorbeeld 'voorbeeldwijk'" in str(refused.value)
    assert snapshot(data_dir) == before and snapshot(other) == before_other


def test_a_linked_record_file_is_never_edited(data_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "buiten.yaml"
    shutil.copyfile(data_dir / CASE, outside)
    (data_dir / CASE).unlink()
    (data_dir / CASE).symlink_to(outside)
    before = outside.read_bytes()
    with pytest.raises(ReviewError):
        review(data_dir, "cases/voorbeeldwijk", PERSON, today=TODAY)
    with pytest.raises(ReviewError):
        review(data_dir, "voorbeeldwijk", PERSON, today=TODAY)
    assert outside.read_bytes() == before


# --- every bad argument: one Dutch line with a tip, exit code not 0, nothing written ------------------

BAD = [
    (["beoordeel", "abcd/", "--door", PERSON], "geen record met id 'abcd'"),
    (["beoordeel", "./abcd", "--door", PERSON], "geen record met id 'abcd'"),
    (["beoordeel", "methods/abcd", "--door", PERSON], "geen record gevonden op 'methods/abcd'"),
    (["beoordeel", "", "--door", PERSON], "geef de id van een record"),
    (["beoordeel", "../../etc/passwd", "--door", PERSON], "geen record gevonden op '../../etc/passwd'"),
    (["beoordeel", "/etc/passwd", "--door", PERSON], "geen record gevonden op '/etc/passwd'"),
    (["beoordeel", "voorbeeldwijk", "--door", "redactie"], "is geen beoordelaar"),
    (["beoordeel", "voorbeeldwijk", "--door", PERSON, "--datum", "2099-01-01"], "2099-01-01 ligt in de toekomst"),
    (["beoordeel", "voorbeeldwijk", "--door", PERSON, "--datum", "2025-02-30"], "'2025-02-30' is geen datum"),
    (["nieuw", "methode", "Index"], "de naam 'Index' geeft de id 'index', en die is gereserveerd"),
    (["nieuw", "casus", "Kaart"], "de naam 'Kaart' geeft de id 'kaart', en die is gereserveerd"),
    (["nieuw", "checklist", "Mijn"], "de id 'mijn', en die is gereserveerd"),
    (["nieuw", "methode", "Vergelijk"], "de id 'vergelijk', en die is gereserveerd"),
    (["nieuw", "boek", "Iets"], "onbekend soort record 'boek'"),
    (["nieuw", "methode", "…"], "uit de naam '…' valt geen id te maken"),
    (["bib", "importeer", "weg.bib"], "bestand niet gevonden"),
    (["bib", "importeer", "."], "is een map"),
    (["verouderd", "--maanden", "99999999999"], "is geen heel getal groter dan 0 en hoogstens 1200"),
    (["verouderd", "--datum", "2026-02-30"], "is geen datum in de vorm JJJJ-MM-DD"),
    (["exporteer", "--map", "{file}/open-data"], "een deel van dit pad is geen map"),
    (["controleer", "--data", "{file}"], "is geen map"),
    (["opruimen"], "onbekende keuze 'opruimen'"),
]


@pytest.mark.parametrize("args,expected", BAD, ids=[" ".join(a) for a, _ in BAD])
def test_a_bad_argument_gives_one_dutch_line_with_a_tip(data_dir: Path, tmp_path: Path, args: list[str],
                                                        expected: str, monkeypatch: pytest.MonkeyPatch) -> None:
    a_file = tmp_path / "bestand.txt"
    a_file.write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = [a.replace("{file}", str(a_file)) for a in args]
    if "--data" not in args and args[0] != "opruimen":
        args += ["--data", str(data_dir)]
    before = snapshot(tmp_path)
    code, out, err = run(*args)
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fout: ") and expected in lines[0], err
    assert "(tip: " in lines[0] and "Traceback" not in out + err
    assert snapshot(tmp_path) == before, "nothing is written"


# --- counts read as Dutch ------------------------------------------------------------------------------

def make_concept(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(("reviewed:", "reviewer:"))]
    path.write_text("".join(kept).replace("status: beoordeeld", "status: concept"), encoding="utf-8")


def test_one_warning_and_one_record_are_singular(data_dir: Path) -> None:
    (data_dir / "methods" / "wijkgesprek.yaml").unlink()
    case = data_dir / "cases" / "voorbeeldwijk.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("methods: [wijkgesprek]", "methods: [burgerpanel]"),
                    encoding="utf-8")
    method = data_dir / "methods" / "burgerpanel.yaml"
    method.write_bytes(b"\xef\xbb\xbf" + method.read_bytes())  # a BOM: one warning
    out = io.StringIO()
    code, _ = check_run(data_dir, out, today=TODAY)
    last = out.getvalue().strip().splitlines()[-1]
    assert code == 0, out.getvalue()
    assert last.startswith("Alles in orde: 1 methode, 1 praktijkvoorbeeld, 1 checklist, ") and \
        last.endswith(" (1 waarschuwing)."), last


def test_the_one_reviewed_record_is_named_so(data_dir: Path) -> None:
    for rel in ("methods/wijkgesprek.yaml", CASE, "checklists/eerste-stappen.yaml"):
        make_concept(data_dir / rel)
    code, out, _ = run("verouderd", "--data", str(data_dir), "--datum", "2026-12-01")
    assert code == 0
    assert "Het ene beoordeelde record is in de afgelopen 24 maanden gecontroleerd." in out, out
    code, out, _ = run("verouderd", "--data", str(data_dir), "--datum", "2030-12-01")
    assert "Het ene beoordeelde record is langer dan 24 maanden niet gecontroleerd:" in out, out


# --- nieuw and bib importeer as library functions ---------------------------------------------------------

def test_a_new_record_with_a_reserved_name_is_refused_before_anything_is_written(data_dir: Path) -> None:
    from macros.data import record_template
    from macros.data.dataset import load_dataset

    data = load_dataset(data_dir, data_dir.parent, today=TODAY)
    before = snapshot(data_dir)
    for word, name in (("methode", "Index"), ("casus", "Kaart")):
        with pytest.raises(record_template.TemplateError, match="gereserveerd"):
            record_template.create(data_dir, data, word, name, TODAY)
    assert snapshot(data_dir) == before
    path, _, slug = record_template.create(data_dir, data, "methode", "Wijkkaart", TODAY)
    assert path == data_dir / "methods" / "wijkkaart.yaml" and slug == "wijkkaart"
    assert sorted(snapshot(data_dir)) == sorted([*before, "methods/wijkkaart.yaml"])


def test_an_import_is_planned_then_written_in_one_step(data_dir: Path) -> None:
    from macros.bibliography import importer
    from tests.unit.test_cli import ZOTERO

    target = data_dir / "references.bib"
    old = target.read_bytes()
    result = importer.import_bib(target, ZOTERO, TODAY, "data/references.bib")
    assert result.merged is not None and result.count(importer.ADDED) > 0
    assert target.read_bytes() == old, "planning writes nothing"
    importer.write(target, result.merged)
    assert target.read_bytes().startswith(old) and target.read_text(encoding="utf-8") == result.merged
    assert sorted(p.name for p in data_dir.iterdir() if p.name.startswith(".")) == []
