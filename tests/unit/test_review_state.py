"""Review state and the content model for methods: each rule gives a Dutch file:line: field message.

Fast: the fixture data is loaded (no site build). Expectations about which fields 'beoordeeld' needs
are read from the schema table, never typed in twice.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.data import review_state
from macros.data.dataset import load_dataset, load_valid_dataset
from tests.support import ROOT, SITE_DATA

M = "data/methods/burgerpanel.yaml"
C = "data/cases/voorbeeldwijk.yaml"
REVIEWER_LINE = 'reviewer: "A. Voorbeeld, deskundige bewonersparticipatie (fictief)"'


def errors(data_dir: Path) -> list[str]:
    return [str(p) for p in load_dataset(data_dir, data_dir.parent).problems.errors]


def line_of(path: Path, start: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(start))


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def drop_lines(path: Path, *starts: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(ln for ln in lines if not ln.startswith(starts)), encoding="utf-8")


# --- status ------------------------------------------------------------------------------------

def test_every_real_record_is_a_concept() -> None:
    real = load_valid_dataset(SITE_DATA, SITE_DATA.parent)
    records = list(real.all_records())
    assert records
    # Nobody has reviewed the real records: each says so, and names no reviewer or date.
    assert {r["status"] for r in records} == {"concept"}
    assert [r.id for r in records if r["reviewed"] or r["reviewer"]] == []


def test_status_is_required_with_a_hint(data_dir: Path) -> None:
    path = data_dir / "cases" / "voorbeeldwijk.yaml"
    drop_lines(path, "status:", "reviewed:", "reviewer:")
    found = errors(data_dir)
    assert any(e.startswith(f"{C}:{line_of(path, 'id:')}: status: verplicht veld ontbreekt (tip: schrijf 'status: concept'") for e in found), found


def test_status_must_be_one_of_two_words(data_dir: Path) -> None:
    path = data_dir / "cases" / "voorbeeldwijk.yaml"
    replace(path, "status: beoordeeld", "status: gecontroleerd")
    line = line_of(path, "status:")
    assert f"{C}:{line}: status: onbekende waarde 'gecontroleerd' (tip: kies uit: concept, beoordeeld)" in errors(data_dir)


def test_concept_forbids_a_date_and_a_reviewer(data_dir: Path) -> None:
    path = data_dir / "cases" / "voorbeeldwijk.yaml"
    replace(path, "status: beoordeeld", "status: concept")
    found = errors(data_dir)
    for key in ("reviewed", "reviewer"):
        line = line_of(path, f"{key}:")
        assert any(e.startswith(f"{C}:{line}: {key}: hoort niet bij status 'concept'") and "beoordeel" in e
                   for e in found), found
    assert len(found) == 2


def test_beoordeeld_needs_a_date_and_a_reviewer(data_dir: Path) -> None:
    path = data_dir / "cases" / "voorbeeldwijk.yaml"
    drop_lines(path, "reviewed:", "reviewer:")
    line = line_of(path, "status:")
    found = errors(data_dir)
    assert any(e.startswith(f"{C}:{line}: reviewed: ontbreekt: status 'beoordeeld'") for e in found), found
    assert any(e.startswith(f"{C}:{line}: reviewer: ontbreekt: status 'beoordeeld'") and "Naam" not in e
               and "rol" in e for e in found), found
    assert len(found) == 2


@pytest.mark.parametrize("reviewer,why", [
    ("ExpertiseLab (redactie)", "geen naam en rol gescheiden door een komma"),
    ("redactie", "geen naam en rol gescheiden door een komma"),
    ("Redactie, ExpertiseLab", "'Redactie' is een groep of organisatie, geen persoon"),
    ("ExpertiseLab, redactie", "'ExpertiseLab' is een groep of organisatie, geen persoon"),
    ("Team Wijkaanpak, gemeente Groningen", "'Team Wijkaanpak' is een groep of organisatie"),
    ("Jansen, Rijksuniversiteit Groningen", "'Jansen' is geen volledige naam"),
    ("A. Jansen,", "geen naam en rol gescheiden door een komma"),
])
def test_a_group_is_not_a_reviewer(data_dir: Path, reviewer: str, why: str) -> None:
    path = data_dir / "cases" / "voorbeeldwijk.yaml"
    replace(path, REVIEWER_LINE, f'reviewer: "{reviewer}"')
    line = line_of(path, "reviewer:")
    found = errors(data_dir)
    assert len(found) == 1, found
    assert found[0].startswith(f"{C}:{line}: reviewer: {reviewer!r} is geen beoordelaar: {why}"), found
    assert "(tip: schrijf de naam van één deskundige" in found[0] and "komma" in found[0] \
        and "'redactie'" in found[0], "the tip explains the rule"


@pytest.mark.parametrize("reviewer", ["dr. A. Jansen, Rijksuniversiteit Groningen", "Fatima el Amrani, opbouwwerker",
                                      "prof. dr. R. in 't Veld, Universiteit Twente"])
def test_a_person_with_a_role_is_a_reviewer(data_dir: Path, reviewer: str) -> None:
    replace(data_dir / "cases" / "voorbeeldwijk.yaml", REVIEWER_LINE, f'reviewer: "{reviewer}"')
    assert errors(data_dir) == []


def test_every_rule_is_reported_at_once(data_dir: Path) -> None:
    replace(data_dir / "cases" / "voorbeeldwijk.yaml", "status: beoordeeld", "status: concept")
    replace(data_dir / "checklists" / "eerste-stappen.yaml", REVIEWER_LINE, "reviewer: redactie")
    replace(data_dir / "methods" / "burgerpanel.yaml", "scale: [gemeente]", "scale: [dorp]")
    found = errors(data_dir)
    assert len([e for e in found if "voorbeeldwijk" in e]) == 2
    assert len([e for e in found if "eerste-stappen" in e and "geen beoordelaar" in e]) == 1
    assert len([e for e in found if "burgerpanel" in e and "scale" in e]) == 1


# --- kind and the table of what 'beoordeeld' requires -------------------------------------------

def test_kind_is_required_and_fixed(data_dir: Path) -> None:
    path = data_dir / "methods" / "burgerpanel.yaml"
    replace(path, "kind: methode", "kind: werkvorm")
    line = line_of(path, "kind:")
    assert f"{M}:{line}: kind: onbekende waarde 'werkvorm' (tip: kies uit: methode, instrument, regeling, " \
           "programma, organisatie, idee)" in errors(data_dir)
    drop_lines(path, "kind:")
    assert any(e.startswith(f"{M}:{line_of(path, 'id:')}: kind: verplicht veld ontbreekt") for e in errors(data_dir))


def test_the_table_lives_in_the_schema_and_covers_every_kind() -> None:
    data = load_valid_dataset(SITE_DATA, SITE_DATA.parent)
    table = review_state.review_table(data.schemas.raw, "method")
    kinds = data.schemas.raw["common.schema.json"]["$defs"]["methodKind"]["enum"]
    assert sorted(table) == sorted(kinds)
    fields = data.schemas.fields("method")
    for needed in table.values():
        for name in needed:
            head, _, sub = name.partition(".")
            assert head in fields and (not sub or sub in fields[head]["properties"]), name
    assert table["methode"][:1] == ["steps"] and "official_text" in table["regeling"]


@pytest.mark.parametrize("kind", ["methode", "instrument", "regeling", "programma", "organisatie", "idee"])
def test_beoordeeld_names_every_missing_field_of_its_kind(data_dir: Path, kind: str) -> None:
    """A bare record of each kind that claims 'beoordeeld' fails with one message naming what is missing."""
    path = data_dir / "methods" / "burgerpanel.yaml"
    drop_lines(path, "kind:", "steps:", "when_to_use:", "when_not_to_use:", "who_does_what:", "  bewoners:",
               "  gemeente:", "duration:", "  text:", "  band:", "scale:", "evidence:", "  level:", "  summary:",
               "  sources:")
    path.write_text(path.read_text(encoding="utf-8") + f"kind: {kind}\n", encoding="utf-8")
    data = load_dataset(data_dir, data_dir.parent)
    needed = review_state.review_table(data.schemas.raw, "method")[kind]
    line = line_of(path, "status:")
    assert [str(p) for p in data.problems.errors] == [
        f"{M}:{line}: status: 'beoordeeld' vraagt bij soort '{kind}' ook: {', '.join(needed)} "
        "(tip: vul die velden in uit de bronnen, of laat status op 'concept'; welke velden elke soort nodig heeft, "
        "staat in docs/redactie.md)"]
    # The same record as a concept is fine: a concept may be incomplete.
    replace(path, "status: beoordeeld", "status: concept")
    drop_lines(path, "reviewed:", "reviewer:")
    assert errors(data_dir) == []


def test_only_the_missing_fields_are_named(data_dir: Path) -> None:
    path = data_dir / "methods" / "burgerpanel.yaml"
    drop_lines(path, "  summary:", "duration:", "  text:", "  band:")
    line = line_of(path, "status:")
    assert errors(data_dir) == [f"{M}:{line}: status: 'beoordeeld' vraagt bij soort 'methode' ook: duration, "
                                "evidence.summary (tip: vul die velden in uit de bronnen, of laat status op "
                                "'concept'; welke velden elke soort nodig heeft, staat in docs/redactie.md)"]


def test_the_curator_guide_shows_the_table_of_the_schema() -> None:
    guide = (ROOT / "docs" / "redactie.md").read_text(encoding="utf-8")
    block = guide[guide.index("<!-- beoordeling-per-soort"):]
    rows = re.findall(r"^\| `([a-z-]+)` \| (.*) \|$", block.split("\n\n")[0], re.M)
    data = load_valid_dataset(SITE_DATA, SITE_DATA.parent)
    table = review_state.review_table(data.schemas.raw, "method")
    assert {kind: re.findall(r"`([a-z_.]+)`", fields) for kind, fields in rows if kind != "kind"} == table


# --- the new method fields -------------------------------------------------------------------------

def test_the_new_fields_load_with_their_values(data_dir: Path) -> None:
    method = load_valid_dataset(data_dir, data_dir.parent).methods["burgerpanel"]
    assert method["kind"] == "methode" and method["status"] == "beoordeeld"
    assert method["who_does_what"]["bewoners"] and method["who_does_what"]["corporatie"] == []
    assert method["duration"]["band"] == "maanden" and method["scale"] == ["gemeente"]
    assert method["evidence"]["level"] == "beschreven" and method["evidence"]["sources"] == ["arnstein1969"]
    regeling = load_valid_dataset(data_dir, data_dir.parent).methods["wijkgesprek"]
    assert regeling["kind"] == "regeling" and regeling["in_force"] == "wijkgesprek-in-werking"
    assert regeling["official_text"].startswith("https://")


@pytest.mark.parametrize("old,new,field,message", [
    ("  band: maanden", "  band: halfjaar", "duration.band", "onbekende waarde 'halfjaar'"),
    ("  text: Een paar maanden, van loting tot advies.", "  tekst: Een paar maanden.", "duration.tekst", "onbekend veld"),
    ("scale: [gemeente]", "scale: [dorp]", "scale[1]", "onbekende waarde 'dorp'"),
    ("  level: beschreven", "  level: bewezen", "evidence.level", "onbekende waarde 'bewezen'"),
    ("  level: beschreven", "  niveau: beschreven", "evidence.niveau", "onbekend veld"),
    ("  sources: [arnstein1969]", "  sources: [arnstien1969]", "evidence.sources",
     "bron 'arnstien1969' staat niet in de leeslijst"),
    ("  gemeente: [Loot", "  wethouder: [Loot", "who_does_what.wethouder", "onbekend veld"),
])
def test_new_fields_give_dutch_messages(data_dir: Path, old: str, new: str, field: str, message: str) -> None:
    path = data_dir / "methods" / "burgerpanel.yaml"
    replace(path, old, new)
    line = line_of(path, new.split(":")[0] + ":")
    found = errors(data_dir)
    assert any(e.startswith(f"{M}:{line}: {field}: {message}") for e in found), found


def test_an_empty_group_and_a_bad_address_are_named(data_dir: Path) -> None:
    path = data_dir / "methods" / "wijkgesprek.yaml"
    replace(path, "official_text: https://example.nl/regelingen/wijkgesprek", "official_text: wetten.overheid.nl/x")
    replace(path, "in_force: wijkgesprek-in-werking", "in_force: 2019-07-01\nwho_does_what: {}")
    found = errors(data_dir)
    assert f"data/methods/wijkgesprek.yaml:{line_of(path, 'official_text')}: official_text: 'wetten.overheid.nl/x' " \
           "is geen webadres (tip: begin met https:// (of http://), zonder spaties)" in found
    # A date typed where the register's fact belongs: the hint names the fact with that date.
    assert f"data/methods/wijkgesprek.yaml:{line_of(path, 'in_force')}: in_force: onbekend feit '2019-07-01' (tip: " \
           "schrijf hier niet de datum maar de id van het feit uit data/feiten.yaml, bijvoorbeeld " \
           "'wijkgesprek-in-werking')" in found, found
    assert any(e.startswith(f"data/methods/wijkgesprek.yaml:{line_of(path, 'who_does_what')}: who_does_what: is leeg")
               for e in found), found


def test_the_open_data_carries_every_new_field(data_dir: Path) -> None:
    from macros.data import export
    data = load_valid_dataset(data_dir, data_dir.parent)
    published = {r["id"]: r for r in export.export_records(data, "method")}
    panel = published["burgerpanel"]
    for field in ("kind", "status", "reviewed", "reviewer", "when_to_use", "when_not_to_use", "who_does_what",
                  "duration", "scale", "evidence"):
        assert panel[field] == data.methods["burgerpanel"][field] or field == "who_does_what", field
    assert panel["who_does_what"] == {"bewoners": ["Praten mee in het panel."],
                                      "gemeente": ["Loot de deelnemers en zegt vooraf wat er met het advies gebeurt."]}
    assert published["wijkgesprek"]["official_text"].startswith("https://") and published["wijkgesprek"]["in_force"]
    columns = export.csv_columns(export.field_docs(data.schemas.raw, "method"))
    for column in ("kind", "status", "duration.text", "duration.band", "evidence.level", "evidence.summary",
                   "who_does_what.bewoners", "official_text", "in_force"):
        assert column in columns
    import csv
    import io
    row = next(csv.DictReader(io.StringIO(export.to_csv([panel], export.field_docs(data.schemas.raw, "method")))))
    assert row["evidence.level"] == "beschreven" and row["duration.band"] == "maanden" and row["kind"] == "methode"
    assert row["scale"] == "gemeente" and row["who_does_what.bewoners"] == "Praten mee in het panel."


def test_evidence_sources_count_as_cited_on_the_reading_list(data_dir: Path) -> None:
    from macros.site.readinglist import build_items
    replace(data_dir / "methods" / "burgerpanel.yaml", "  sources: [arnstein1969]", "  sources: [vanderlaan2019]")
    data = load_valid_dataset(data_dir, data_dir.parent)
    places = {item.entry.key: [c.url for c in item.cited_by] for item in build_items(data, None)}
    assert "methoden/burgerpanel/#effect" in places["vanderlaan2019"]  # cited only for the effect
