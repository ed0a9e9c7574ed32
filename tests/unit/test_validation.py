"""Each class of curator mistake gives one clear message naming file, line and field.

Every test starts from the valid fixture data, makes one mistake a curator could make, and
checks the exact place the validator points at.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.data.dataset import load_dataset


def check(data_dir: Path) -> list[str]:
    data = load_dataset(data_dir, data_dir.parent)
    return [str(p) for p in data.problems.errors]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_fixture_data_is_valid(data_dir: Path) -> None:
    data = load_dataset(data_dir, data_dir.parent)
    assert data.problems.errors == []
    assert sorted(data.methods) == ["burgerpanel", "wijkgesprek"]
    assert list(data.cases) == ["voorbeeldwijk"]


# (file, text to replace, replacement, expected message start, expected words in message)
MISTAKES = [
    ("methods/burgerpanel.yaml", "summary:", "sumary:",
     "data/methods/burgerpanel.yaml:5: sumary: onbekend veld", "bedoel je 'summary'?"),
    ("methods/burgerpanel.yaml", "rungs: [adviseren]", "rungs: [meepraten]",
     "data/methods/burgerpanel.yaml:8: rungs: onbekende trede 'meepraten'", "informeren"),
    ("methods/burgerpanel.yaml", "roles: [regisseren]", "roles: [regiseren]",
     "data/methods/burgerpanel.yaml:9: roles: onbekende rol 'regiseren'", "bedoel je 'regisseren'?"),
    ("methods/burgerpanel.yaml", "sources: [arnstein1969,", "sources: [arnstien1969,",
     "data/methods/burgerpanel.yaml:19: sources: bron 'arnstien1969' staat niet in de leeslijst", "arnstein1969"),
    ("methods/burgerpanel.yaml", "domain: beide", "domain: allebei",
     "data/methods/burgerpanel.yaml:10: domain: onbekende waarde 'allebei'", "fysiek, sociaal, beide"),
    ("methods/burgerpanel.yaml", "name: Burgerpanel\n", "name: Burgerpanel\nname: Panel\n",
     "data/methods/burgerpanel.yaml:4: name: staat twee keer", "eerst op regel 3"),
    ("methods/burgerpanel.yaml", "reviewed: 2026-11-01", "reviewed: 2026-02-30",
     "data/methods/burgerpanel.yaml:20: reviewed: '2026-02-30' is geen bestaande datum", "JJJJ-MM-DD"),
    ("methods/burgerpanel.yaml", "reviewed: 2026-11-01", "reviewed: 1 november",
     "data/methods/burgerpanel.yaml:20: reviewed: '1 november' is geen datum", "JJJJ-MM-DD"),
    ("methods/burgerpanel.yaml", "domain: beide", "domain: NO",
     "data/methods/burgerpanel.yaml:10: domain: onbekende waarde 'NO'", "kies uit"),
    ("methods/burgerpanel.yaml", 'reviewer: "A. Voorbeeld, deskundige bewonersparticipatie (fictief)"', "reviewer: 2024",
     "data/methods/burgerpanel.yaml:21: reviewer: moet tekst zijn", "aanhalingstekens"),
    ("methods/burgerpanel.yaml", "summary: Een gelote", "summary:\nxsummary: Een gelote",
     "data/methods/burgerpanel.yaml:5: summary: is leeg", ""),
    ("methods/burgerpanel.yaml", "id: burgerpanel\n", "",
     "data/methods/burgerpanel.yaml:2: id: verplicht veld ontbreekt", ""),
    ("methods/burgerpanel.yaml", "checklists: [eerste-stappen]", "checklists: [eerste-stap]",
     "data/methods/burgerpanel.yaml:18: checklists: onbekende checklist 'eerste-stap'", "eerste-stappen"),
    ("methods/burgerpanel.yaml", "sources: [arnstein1969,", "sources: [arnstein1969, arnstein1969,",
     "data/methods/burgerpanel.yaml:19: sources: 'arnstein1969' staat meer dan één keer", ""),
    ("methods/burgerpanel.yaml", "target_groups: [bewoners]", "target_groups: bewoners",
     "data/methods/burgerpanel.yaml:14: target_groups: moet een lijst zijn", "[bewoners]"),
    ("methods/burgerpanel.yaml", "name: Burgerpanel", "name: Stap #1 panel",
     "data/methods/burgerpanel.yaml:3: name: alles na ' #' is als commentaar weggelaten", "aanhalingstekens"),
    ("methods/burgerpanel.yaml", "description: |\n  Een", "description: |\n  <b>Een</b>",
     "data/methods/burgerpanel.yaml:6: description: bevat HTML (<b>)", "Markdown"),
    ("methods/burgerpanel.yaml", "(https://example.nl/ladder)", "(javascript:alert(1))",
     "data/methods/burgerpanel.yaml:7: description: link 'javascript:alert(1)' is niet toegestaan", "https://"),
    ("methods/burgerpanel.yaml", "id: burgerpanel", "id: Burger Panel",
     "data/methods/burgerpanel.yaml:2: id: ongeldige id 'Burger Panel'", "kleine letters"),
    ("methods/wijkgesprek.yaml", "id: wijkgesprek", "id: burgerpanel",
     "data/methods/wijkgesprek.yaml:2: id: 'burgerpanel' is al in gebruik in data/methods/burgerpanel.yaml:2", ""),
    ("cases/voorbeeldwijk.yaml", "methods: [wijkgesprek]", "methods: [wijkgesprekken]",
     "data/cases/voorbeeldwijk.yaml:10: methods: onbekende methode 'wijkgesprekken'", "bedoel je 'wijkgesprek'?"),
    ("cases/voorbeeldwijk.yaml", "start: 2014", "start: '2014'",
     "data/cases/voorbeeldwijk.yaml:8: period.start: moet een jaartal zijn of 'onbekend'", "zonder aanhalingstekens"),
    ("cases/voorbeeldwijk.yaml", "start: 2014", "start: onbekent",
     "data/cases/voorbeeldwijk.yaml:8: period.start: moet een jaartal zijn of 'onbekend', maar is 'onbekent'", ""),
    ("cases/voorbeeldwijk.yaml", "lat: 53.232", "lat: 153.232",
     "data/cases/voorbeeldwijk.yaml:7: coordinates.lat: 153.232 ligt buiten het toegestane bereik", ""),
    ("checklists/eerste-stappen.yaml", "id: ruimte-benoemd", "id: vraag-helder",
     "data/checklists/eerste-stappen.yaml:12: items[2].id: 'vraag-helder' komt al voor op regel 8", ""),
    ("checklists/eerste-stappen.yaml", "    methods: [burgerpanel]", "    methods: [burgerpannel]",
     "data/checklists/eerste-stappen.yaml:11: items[1].methods: onbekende methode 'burgerpannel'", "burgerpanel"),
    ("checklists/eerste-stappen.yaml", "    sources: [arnstein1969]", "    sources: [arnstein1970]",
     "data/checklists/eerste-stappen.yaml:14: items[2].sources: bron 'arnstein1970' staat niet in de leeslijst", ""),
    ("methods/burgerpanel.yaml", "domain: beide", "domain: beide\n\tlevels: x",
     "data/methods/burgerpanel.yaml:11: levels: kolom 1: tab gebruikt om in te springen", "spaties"),
    ("methods/burgerpanel.yaml", "summary: Een gelote groep", "summary: Een gelote: groep",
     "data/methods/burgerpanel.yaml:5: summary: kolom", "aanhalingstekens"),
    ("methods/burgerpanel.yaml", "aliases: [Citizens' panel]", "aliases: !include andere.yaml",
     "data/methods/burgerpanel.yaml:4: aliases: label '!include' is niet toegestaan", ""),
    ("methods/burgerpanel.yaml", "aliases: [Citizens' panel]", "aliases: &a [x]\nsteps: *a",
     "data/methods/burgerpanel.yaml:4: aliases: anker '&a' is niet toegestaan", ""),
    # Mistakes inside the {key, pages} form of a source are named by their own field.
    ("methods/burgerpanel.yaml", 'pages: "12-14"}', "pages: 12}",
     "data/methods/burgerpanel.yaml:19: sources[2].pages: moet tekst zijn, maar is 12", "aanhalingstekens"),
    ("methods/burgerpanel.yaml", 'pages: "12-14"}', 'page: "12-14"}',
     "data/methods/burgerpanel.yaml:19: sources[2].page: onbekend veld", "bedoel je 'pages'?"),
    ("methods/burgerpanel.yaml", '{key: bzk2020, pages: "12-14"}', '{pages: "12-14"}',
     "data/methods/burgerpanel.yaml:19: sources[2].key: verplicht veld ontbreekt", ""),
]


@pytest.mark.parametrize("file,old,new,start,words", MISTAKES, ids=[m[3].split(": ", 2)[-1][:40] for m in MISTAKES])
def test_each_mistake_is_reported_with_file_line_and_field(data_dir: Path, file: str, old: str, new: str,
                                                          start: str, words: str) -> None:
    edit(data_dir / file, old, new)
    messages = check(data_dir)
    matching = [m for m in messages if m.startswith(start)]
    assert matching, f"expected a message starting with {start!r}, got:\n" + "\n".join(messages)
    assert words in matching[0]


def test_all_problems_are_reported_at_once(data_dir: Path) -> None:
    edit(data_dir / "methods/burgerpanel.yaml", "summary:", "sumary:")
    edit(data_dir / "cases/voorbeeldwijk.yaml", "methods: [wijkgesprek]", "methods: [onbekend]")
    edit(data_dir / "checklists/eerste-stappen.yaml", "audience: professional", "audience: iedereen")
    files = {m.split(":")[0] for m in check(data_dir)}
    assert files == {"data/methods/burgerpanel.yaml", "data/cases/voorbeeldwijk.yaml",
                     "data/checklists/eerste-stappen.yaml"}


def test_a_broken_record_is_never_dropped_silently(data_dir: Path) -> None:
    """A file that cannot be read still counts: it produces an error, not a smaller site."""
    (data_dir / "methods/kapot.yaml").write_text("id: kapot\nname: [niet gesloten\n", encoding="utf-8")
    messages = check(data_dir)
    assert any(m.startswith("data/methods/kapot.yaml:") for m in messages)


@pytest.mark.parametrize("content,message", [
    ("", "het bestand bevat geen gegevens"),
    ("# alleen commentaar\n", "het bestand bevat geen gegevens"),
    ("- id: lijst\n", "moet één record bevatten"),
])
def test_empty_or_list_files_fail(data_dir: Path, content: str, message: str) -> None:
    (data_dir / "methods/leeg.yaml").write_text(content, encoding="utf-8")
    assert any(message in m and m.startswith("data/methods/leeg.yaml") for m in check(data_dir))


def test_not_utf8_is_reported_with_line_and_column(data_dir: Path) -> None:
    (data_dir / "methods/latin.yaml").write_bytes("id: latin\nname: Caf\xe9\n".encode("latin-1"))
    assert "data/methods/latin.yaml:2: name: kolom 10: geen geldige UTF-8-tekst (byte 0xe9)" in " ".join(check(data_dir))


def test_nul_byte_is_reported(data_dir: Path) -> None:
    (data_dir / "methods/nul.yaml").write_bytes(b"id: nul\nname: Een\x00naam\n")
    assert any(m.startswith("data/methods/nul.yaml:2: name: kolom 10: verboden teken U+0000") for m in check(data_dir))


def test_file_name_must_match_id(data_dir: Path) -> None:
    (data_dir / "methods/burgerpanel.yaml").rename(data_dir / "methods/panel.yaml")
    assert any(re.match(r"data/methods/panel\.yaml:2: id: 'burgerpanel' is niet gelijk aan de bestandsnaam", m)
               for m in check(data_dir))
