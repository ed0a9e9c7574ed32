"""The curator command (python -m scripts.wijkengids), on a temporary copy of the data.

Each command is run as a curator runs it; expectations come from the data and the fixture files,
not from counts typed into the test.
"""
from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import referencing

from macros.bibliography import importer as bib_import
from macros.bibliography import load_bibliography
from macros.core.problems import Problems
from macros.data import export, record_template, review
from macros.data.dataset import load_dataset, load_valid_dataset, plain
from macros.data.yaml_loader import load_yaml
from scripts import wijkengids
from tests.support import ROOT

ZOTERO = ROOT / "tests" / "fixtures" / "bib" / "zotero-export.bib"
TODAY = date(2026, 11, 23)
REVIEWER = "A. Voorbeeld, deskundige bewonersparticipatie (fictief)"  # the fixture records name this person


def run(*args: str, today: date | None = None) -> tuple[int, str, str]:
    """The command in-process: (exit code, stdout, stderr); today stands in for the calendar."""
    out, err = io.StringIO(), io.StringIO()
    old_err = sys.stderr
    sys.stderr = err  # argparse writes its own errors to sys.stderr
    try:
        code = wijkengids.main(list(args), out=out, err=err, today=today)
    finally:
        sys.stderr = old_err
    return code, out.getvalue(), err.getvalue()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- nieuw --------------------------------------------------------------------------------------

@pytest.mark.parametrize("word,kind", [("methode", "method"), ("casus", "case"), ("checklist", "checklist")])
def test_nieuw_writes_a_commented_file_that_validates(data_dir: Path, word: str, kind: str) -> None:
    code, out, err = run("nieuw", word, "Wijkcafé Noord", "--data", str(data_dir), "--datum", TODAY.isoformat())
    assert (code, err) == (0, "")
    folder = data_dir / {"method": "methods", "case": "cases", "checklist": "checklists"}[kind]
    path = folder / "wijkcafe-noord.yaml"
    assert f"Nieuw bestand: data/{folder.name}/wijkcafe-noord.yaml" in out
    assert "controleer" in out and "bib importeer" in out  # the next steps
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == f"# yaml-language-server: $schema=../schema/{kind}.schema.json"

    # Every field of the schema is in the file, with the schema's description as a comment above it.
    comments = " ".join(line.strip().lstrip("#").strip() for line in lines if line.strip().startswith("#"))
    comments = " ".join(comments.split())
    schemas = load_dataset(data_dir, data_dir.parent).schemas
    for doc in export.field_docs(schemas.raw, kind):
        assert re.search(rf"^(# )?{doc.name}:", text, re.M), f"field {doc.name} missing"
        if doc.description:
            assert " ".join(doc.description.split()) in comments, f"no comment for {doc.name}"
        for child in doc.children:
            assert re.search(rf"^\s*(#\s*)?(- )?{child.name}:", text, re.M), f"field {doc.name}.{child.name} missing"

    # The file validates as it is, and the record carries the given name and a slug id.
    data = load_valid_dataset(data_dir, data_dir.parent)
    record = getattr(data, folder.name)["wijkcafe-noord"]
    assert record.heading == "Wijkcafé Noord"
    # Nobody has checked a new record: it starts as a concept, without a review date or reviewer.
    assert record["status"] == "concept" and record["reviewed"] is None and record["reviewer"] is None
    for source in record["sources"]:
        assert (source["key"] if isinstance(source, dict) else source) in data.bibliography

    # controleer passes, but keeps pointing at the template text.
    code, out, _ = run("controleer", "--data", str(data_dir))
    assert code == 0
    assert f"data/{folder.name}/wijkcafe-noord.yaml:" in out and "nog in te vullen" in out
    assert out.strip().splitlines()[-1].startswith("Alles in orde")


def test_nieuw_makes_an_ascii_slug_that_does_not_clash(data_dir: Path) -> None:
    existing = (data_dir / "methods" / "burgerpanel.yaml").read_bytes()
    code, out, _ = run("nieuw", "methode", "Burgerpanel", "--data", str(data_dir))
    assert code == 0 and "burgerpanel-2.yaml" in out and "bestond al" in out
    code, out, _ = run("nieuw", "methode", "Burgerpanel", "--data", str(data_dir))
    assert code == 0 and "burgerpanel-3.yaml" in out
    assert (data_dir / "methods" / "burgerpanel.yaml").read_bytes() == existing, "an existing file was changed"
    data = load_valid_dataset(data_dir, data_dir.parent)
    assert {"burgerpanel", "burgerpanel-2", "burgerpanel-3"} <= set(data.methods)
    assert record_template.slugify("Ça va: één Straße in Đakovo — Noord!") == "ca-va-een-strasse-in-dakovo-noord"


def test_nieuw_refuses_bad_input_in_dutch(data_dir: Path) -> None:
    code, _, err = run("nieuw", "boek", "Iets", "--data", str(data_dir))
    assert code == 2 and "onbekend soort record 'boek'" in err and "methode, casus, checklist" in err
    code, _, err = run("nieuw", "methode", "   ", "--data", str(data_dir))
    assert code == 2 and "de naam is leeg" in err
    code, _, err = run("nieuw", "methode", "x" * 91, "--data", str(data_dir))
    assert code == 2 and "te lang" in err
    code, _, err = run("nieuw", "methode", "!!!", "--data", str(data_dir))
    assert code == 2 and "geen id" in err
    code, _, err = run("nieuw", "methode", "--data", str(data_dir))
    assert code == 2 and "fout: dit ontbreekt: NAAM" in err
    code, _, err = run("nieuw", "methode", "Iets", "--data", str(data_dir.parent / "bestaat-niet"))
    assert code == 2 and "map niet gevonden" in err
    assert sorted(p.name for p in (data_dir / "methods").glob("*.yaml")) == ["burgerpanel.yaml", "wijkgesprek.yaml"]


def test_the_worked_example_in_the_curator_guide_is_valid(tmp_path: Path) -> None:
    guide = (ROOT / "docs" / "redactie.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- voorbeeld-methode[^>]*-->\n```yaml\n(.*?)```", guide, re.S)
    assert block, "the worked example is missing from docs/redactie.md"
    data_dir = tmp_path / "data"
    shutil.copytree(ROOT / "data", data_dir)
    example_id = re.search(r"^id: (\S+)$", block.group(1), re.M).group(1)
    (data_dir / "methods" / f"{example_id}.yaml").write_text(block.group(1), encoding="utf-8")
    data = load_dataset(data_dir, tmp_path)
    assert [str(p) for p in data.problems.errors if example_id in p.file] == []
    assert example_id in data.methods


# --- controleer ---------------------------------------------------------------------------------

def test_controleer_ends_with_the_summary_line(data_dir: Path) -> None:
    code, out, _ = run("controleer", "--data", str(data_dir))
    assert code == 0 and out.strip().splitlines()[-1].startswith("Alles in orde")
    edit(data_dir / "methods" / "burgerpanel.yaml", "rungs: [adviseren]", "rungs: [meepraten]")
    edit(data_dir / "methods" / "burgerpanel.yaml", "summary:", "sumary:")
    edit(data_dir / "cases" / "voorbeeldwijk.yaml", "reviewed: 2026-11-01", "reviewed: 01-11-2026")
    code, out, _ = run("controleer", "--data", str(data_dir))
    assert code == 1
    lines = out.strip().splitlines()
    assert lines[-1] == "3 fouten in 2 bestanden"
    assert "data/methods/burgerpanel.yaml:8: rungs: onbekende trede 'meepraten'" in out
    assert "data/cases/voorbeeldwijk.yaml:17: reviewed: '01-11-2026' is geen datum in de vorm JJJJ-MM-DD" in out


# --- bib importeer ------------------------------------------------------------------------------

def _raw_block(text: str, key: str) -> str:
    match = re.search(r"@\w+\{" + re.escape(key) + r",.*?\n\}", text, re.S)
    assert match, key
    return match.group(0)


def test_bib_importeer_merges_new_entries_byte_for_byte_and_skips_duplicates(data_dir: Path) -> None:
    target = data_dir / "references.bib"
    before = target.read_bytes()
    code, out, _ = run("bib", "importeer", str(ZOTERO), "--data", str(data_dir), "--proef")
    assert code == 0 and "Proef" in out
    assert target.read_bytes() == before, "--proef changed the reading list"

    code, out, _ = run("bib", "importeer", str(ZOTERO), "--data", str(data_dir))
    assert code == 0, out
    after = target.read_bytes()
    assert after.startswith(before), "existing entries were rewritten"
    export_text = ZOTERO.read_text(encoding="utf-8")
    added = _raw_block(export_text, "voorbeeld_participatie_2012")
    assert added in after.decode("utf-8"), "the new entry is not kept byte for byte"
    for field in ("abstract", "file", "keywords", "urldate", "shorttitle", "issn", "note"):
        assert re.search(rf"^\t{field} = ", added, re.M)  # the fixture really has the Zotero extras

    # The report says what happened and why.
    assert re.search(r"\+ toegevoegd\s+voorbeeld_participatie_2012", out)
    assert re.search(r"- overgeslagen\s+arnstein_ladder_1969\s+dubbel: dezelfde DOI als 'arnstein1969'", out)
    assert re.search(r"- overgeslagen\s+laan_samen_2019\s+dubbel: dezelfde titel en hetzelfde jaar als "
                     r"'vanderlaan2019'", out)
    assert "Samenvatting: 1 toegevoegd, 2 overgeslagen als dubbel." in out
    assert "het veld 'file'" in out

    # The merged list loads cleanly, with every field of the new entry; duplicates stayed out.
    bib, problems = load_bibliography(target, "data/references.bib")
    assert problems.errors == []
    entry = bib["voorbeeld_participatie_2012"]
    assert entry.get("abstract").startswith("Een samenvatting met 50% van de tekst")
    assert entry.get("file").startswith("Full Text PDF:") and "Zotero" in entry.keywords
    assert "arnstein_ladder_1969" not in bib and "laan_samen_2019" not in bib
    assert load_dataset(data_dir, data_dir.parent).problems.errors == []

    # Importing the same export again adds nothing.
    code, out, _ = run("bib", "importeer", str(ZOTERO), "--data", str(data_dir))
    assert code == 0 and "0 toegevoegd, 3 overgeslagen als dubbel" in out
    assert target.read_bytes() == after


def test_bib_importeer_compares_dois_without_case_or_prefix(data_dir: Path, tmp_path: Path) -> None:
    target = data_dir / "references.bib"
    with target.open("a", encoding="utf-8") as handle:
        handle.write("\n@article{bestaand2020,\n  author = {Jansen, Jan},\n  title = {Een titel},\n"
                     "  journal = {Tijdschrift},\n  year = {2020},\n  doi = {10.5555/ABC.Def}\n}\n")
    incoming = tmp_path / "in.bib"
    incoming.write_text("@article{anders2021,\n  author = {Jansen, Jan},\n  title = {Heel iets anders},\n"
                        "  journal = {Tijdschrift},\n  year = {2021},\n  doi = {10.5555/abc.DEF}\n}\n",
                        encoding="utf-8")
    before = target.read_bytes()
    code, out, _ = run("bib", "importeer", str(incoming), "--data", str(data_dir))
    assert code == 0 and "dezelfde DOI als 'bestaand2020'" in out
    assert target.read_bytes() == before
    assert bib_import.normalise_doi("https://doi.org/10.5555/ABC.Def") == bib_import.normalise_doi("doi:10.5555/abc.def")
    assert bib_import.normalise_title("Één {Wijk}: de Aanpak!") == bib_import.normalise_title("een wijk -- de aanpak")


def test_bib_importeer_skips_a_key_used_for_another_work(data_dir: Path, tmp_path: Path) -> None:
    incoming = tmp_path / "conflict.bib"
    incoming.write_text("@book{bzk2020,\n  author = {Jansen, Jan},\n  title = {Een ander boek},\n"
                        "  publisher = {Uitgeverij},\n  year = {2021}\n}\n", encoding="utf-8")
    before = (data_dir / "references.bib").read_bytes()
    code, out, _ = run("bib", "importeer", str(incoming), "--data", str(data_dir))
    assert code == 1
    assert "! overgeslagen" in out and "de sleutel 'bzk2020' is al in gebruik voor een andere bron" in out
    assert "andere sleutel" in out
    assert (data_dir / "references.bib").read_bytes() == before


@pytest.mark.parametrize("fixture,expected", [
    ("not-utf8.bib", "geen geldige UTF-8-tekst"),
    ("extra-closing-brace.bib", "Import geweigerd"),
    ("missing-comma-between-fields.bib", "Import geweigerd"),
])
def test_bib_importeer_refuses_an_unreadable_export(data_dir: Path, fixture: str, expected: str) -> None:
    before = (data_dir / "references.bib").read_bytes()
    code, out, _ = run("bib", "importeer", str(ROOT / "tests" / "fixtures" / "bib" / fixture), "--data", str(data_dir))
    assert code == 1
    assert expected in out and "er is niets toegevoegd" in out
    assert re.search(rf"{re.escape(fixture)}:\d+: ", out), "the problem names file and line"
    assert (data_dir / "references.bib").read_bytes() == before


def test_bib_importeer_bad_input_in_dutch(data_dir: Path, tmp_path: Path) -> None:
    code, _, err = run("bib", "importeer", str(tmp_path / "weg.bib"), "--data", str(data_dir))
    assert code == 2 and "fout: bestand niet gevonden" in err
    code, _, err = run("bib", "importeer", str(tmp_path), "--data", str(data_dir))
    assert code == 2 and "is een map" in err
    not_bib = tmp_path / "lijst.bib"
    not_bib.write_text("Dit is een gewone tekst, geen BibTeX.\n", encoding="utf-8")
    code, out, _ = run("bib", "importeer", str(not_bib), "--data", str(data_dir))
    assert code == 1 and "geen bronnen gevonden" in out
    code, _, err = run("bib", "exporteer", "--data", str(data_dir))
    assert code == 2 and "onbekende keuze 'exporteer'" in err


# --- verouderd ----------------------------------------------------------------------------------

def _listed(out: str) -> list[str]:
    return re.findall(r"^\s+(data/\S+\.yaml)\s+gecontroleerd op", out, re.M)


def test_verouderd_lists_exactly_the_records_past_the_review_period(data_dir: Path) -> None:
    edit(data_dir / "cases" / "voorbeeldwijk.yaml", "reviewed: 2026-11-01", "reviewed: 2024-11-23")  # exactly 24 months
    edit(data_dir / "checklists" / "eerste-stappen.yaml", "reviewed: 2026-11-01", "reviewed: 2024-11-22")  # one day more
    data = load_valid_dataset(data_dir, data_dir.parent)
    expected = sorted(r.path for r in data.all_records() if review.is_overdue(r["reviewed"], TODAY, 24))
    assert "data/checklists/eerste-stappen.yaml" in expected and "data/cases/voorbeeldwijk.yaml" not in expected

    code, out, _ = run("verouderd", "--data", str(data_dir), "--datum", TODAY.isoformat())
    assert code == 0
    assert sorted(_listed(out)) == expected
    assert f"gecontroleerd op 2020-01-15 door {REVIEWER}" in out  # date and reviewer are shown

    code, out, _ = run("verouderd", "--data", str(data_dir), "--datum", TODAY.isoformat(), "--maanden", "200")
    assert code == 0 and _listed(out) == [] and "Alle" in out
    code, out, _ = run("verouderd", "--data", str(data_dir), "--datum", "2026-12-02", "--maanden", "1")
    assert sorted(_listed(out)) == sorted(r.path for r in data.all_records())


def test_verouderd_lists_facts_not_compared_with_their_source_for_twelve_months(data_dir: Path) -> None:
    # The fixture register: one fact checked on 2020-01-10, one never checked (unconfirmed).
    code, out, _ = run("verouderd", "--data", str(data_dir), "--datum", "2021-01-09")
    assert code == 0
    assert "Feitenregister: 1 bevestigd in de officiële tekst, 1 niet bevestigd, 0 niet gevonden." in out
    assert "1 van de 2 feiten is langer dan 12 maanden niet gecontroleerd:" in out
    assert re.search(r"^\s+data/feiten\.yaml:\d+\s+wijkgesprek-budget: nog nooit \(onbevestigd\)$", out, re.M), out
    code, out, _ = run("verouderd", "--data", str(data_dir), "--datum", "2021-01-11")
    assert "2 van de 2 feiten zijn langer dan 12 maanden niet gecontroleerd:" in out
    assert "wijkgesprek-in-werking: laatst op 2020-01-10 (bevestigd)" in out


def test_verouderd_uses_today_by_default(data_dir: Path) -> None:
    code, out, _ = run("verouderd", "--data", str(data_dir), today=TODAY)
    assert code == 0 and "Peildatum 23 november 2026;" in out
    assert sorted(_listed(out)) == sorted(r.path for r in load_valid_dataset(data_dir, data_dir.parent).all_records()
                                          if review.is_overdue(r["reviewed"], TODAY, 24))


@pytest.mark.parametrize("args,expected", [
    (["--maanden", "0"], "--maanden: '0' is geen heel getal groter dan 0"),
    (["--maanden", "twee"], "--maanden: 'twee' is geen heel getal groter dan 0"),
    (["--datum", "2026-13-01"], "--datum: '2026-13-01' is geen datum in de vorm JJJJ-MM-DD"),
    (["--weken", "3"], "onbekende invoer: --weken 3"),
])
def test_verouderd_bad_input_in_dutch(data_dir: Path, args: list[str], expected: str) -> None:
    code, _, err = run("verouderd", "--data", str(data_dir), *args)
    assert code == 2 and f"fout: {expected}" in err


def test_review_period_boundaries() -> None:
    assert not review.is_overdue("2024-11-22", date(2026, 11, 22))
    assert review.is_overdue("2024-11-22", date(2026, 11, 23))
    assert review.review_due("2024-02-29") == date(2026, 2, 28)
    assert review.build_date({"SOURCE_DATE_EPOCH": "1700000000"}) == date(2023, 11, 14)


# --- exporteer ----------------------------------------------------------------------------------

def _registry(schema_dir: Path) -> referencing.Registry:
    resources = [(p.name, referencing.Resource.from_contents(json.loads(p.read_text(encoding="utf-8"))))
                 for p in sorted(schema_dir.glob("*.json"))]
    return referencing.Registry().with_resources(resources)


def test_exporteer_validates_against_its_schema_and_round_trips(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "export"
    code, out, _ = run("exporteer", "--data", str(data_dir), "--map", str(target))
    assert code == 0, out
    registry = _registry(target / "schema")
    for kind, plural in export.kinds():
        records = json.loads((target / f"{plural}.json").read_text(encoding="utf-8"))
        schema = json.loads((target / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        validator = jsonschema.Draft202012Validator(schema, registry=registry, format_checker=jsonschema.FormatChecker())
        for record in records:
            assert list(validator.iter_errors(record)) == [], record["id"]
        # Round trip: the export holds exactly the records of the YAML files, with the same values.
        folder = data_dir / plural
        originals = {}
        for path in sorted(folder.glob("*.yaml")):
            originals[path.stem] = plain(load_yaml(path, path.name, Problems()))
        assert {r["id"]: r for r in records} == originals
        assert [r["id"] for r in records] == sorted(originals), "records are sorted by id"
        first = records[0]
        order = [d.name for d in export.field_docs(load_dataset(data_dir, data_dir.parent).schemas.raw, kind)]
        assert list(first) == [name for name in order if name in first], "keys follow the schema order"
    for name in export.schema_files():
        assert (target / "schema" / name).read_text(encoding="utf-8") == export.public_schema(
            (data_dir / "schema" / name).read_text(encoding="utf-8"))

    # CSV: one row per record, the columns of the schema.
    for kind, plural in export.kinds():
        if kind not in export.csv_kinds():
            continue
        rows = (target / f"{plural}.csv").read_text(encoding="utf-8").splitlines()
        import csv
        parsed = list(csv.DictReader(io.StringIO((target / f"{plural}.csv").read_text(encoding="utf-8"))))
        assert rows[0].split(",")[0] == "id"
        assert sorted(r["id"] for r in parsed) == sorted(p.stem for p in (data_dir / plural).glob("*.yaml"))

    # The same data gives the same bytes.
    again = tmp_path / "again"
    assert run("exporteer", "--data", str(data_dir), "--map", str(again))[0] == 0
    for path in sorted(p for p in target.rglob("*") if p.is_file()):
        assert (again / path.relative_to(target)).read_bytes() == path.read_bytes()


def test_exporteer_refuses_data_with_errors(data_dir: Path, tmp_path: Path) -> None:
    edit(data_dir / "methods" / "burgerpanel.yaml", "rungs: [adviseren]", "rungs: [meepraten]")
    code, out, _ = run("exporteer", "--data", str(data_dir), "--map", str(tmp_path / "x"))
    assert code == 1 and "Export geweigerd" in out and "1 fout in 1 bestand" in out
    assert not (tmp_path / "x").exists()
    a_file = tmp_path / "bestand.txt"
    a_file.write_text("x", encoding="utf-8")
    code, _, err = run("exporteer", "--data", str(data_dir), "--map", str(a_file))
    assert code == 2 and "is een bestand, geen map" in err


# --- the command as a curator types it ----------------------------------------------------------

def test_the_module_runs_and_speaks_dutch_on_bad_input(data_dir: Path) -> None:
    def shell(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "scripts.wijkengids", *args], cwd=ROOT, capture_output=True,
                              text=True, timeout=120)

    result = shell("--help")
    assert result.returncode == 0 and "Gebruik:" in result.stdout and "opdrachten" in result.stdout
    result = shell("opruimen")
    assert result.returncode == 2 and "fout: onbekende keuze 'opruimen'" in result.stderr
    result = shell("controleer", "--data", str(data_dir))
    assert result.returncode == 0 and result.stdout.strip().splitlines()[-1].startswith("Alles in orde")
    # More bad input in-process: the same main() and messages, without starting Python again for each.
    code, _, err = run("nieuw", "boek", "X", "--data", str(data_dir))
    assert code == 2 and "fout: onbekend soort record 'boek'" in err
    code, _, err = run("controleer", "--data", str(data_dir / "methods" / "burgerpanel.yaml"))
    assert code == 2 and "is geen map" in err
