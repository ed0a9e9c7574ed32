"""Editorial fields of the reading list: ``redactienotitie`` (for the editors, never for readers) and
``titelstatus`` (a title nobody could compare with the work). ``note`` is left for what a reader of the
reference should see, in Dutch."""
from __future__ import annotations

import re
from pathlib import Path

from macros.bibliography.checks import TITLE_UNCHECKED
from macros.bibliography.load import load_bibliography
from tests.support import ROOT

READING_LIST = ROOT / "data" / "references.bib"
# Phrases of the old English editorial notes; none may reach a reader through 'note'.
EDITORIAL_ENGLISH = re.compile(r"\b(?:unverified|reconstructed|removed|merging|inferred|the url|title|year)\b",
                               re.IGNORECASE)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lijst.bib"
    path.write_text(text, encoding="utf-8")
    return path


def test_new_fields_are_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, """@online{a,
  author = {{Voorbeeld}},
  title = {Een titel},
  year = {z.d.},
  url = {https://voorbeeld.nl/a},
  redactienotitie = {Titel afgeleid van de url.},
  titelstatus = {niet gecontroleerd}
}
""")
    bib, problems = load_bibliography(path, "lijst.bib")
    assert not problems.items, [str(p) for p in problems.items]
    assert bib["a"].get("titelstatus") == TITLE_UNCHECKED


def test_unknown_title_status_is_an_error_with_file_line_and_hint(tmp_path: Path) -> None:
    path = write(tmp_path, """@misc{a,
  author = {{Voorbeeld}},
  title = {Een titel},
  year = {2020},
  titelstatus = {onzeker}
}
""")
    _, problems = load_bibliography(path, "lijst.bib")
    text = [str(p) for p in problems.items]
    assert any(t.startswith("lijst.bib:5: titelstatus:") and "'onzeker'" in t and "niet gecontroleerd" in t
               for t in text), text


def test_reading_list_notes_are_for_readers_and_unchecked_titles_say_why() -> None:
    bib, problems = load_bibliography(READING_LIST, "data/references.bib")
    assert not [p for p in problems.items if p.severity != "waarschuwing"]
    english = {e.key: e.get("note") for e in bib if EDITORIAL_ENGLISH.search(e.get("note"))}
    assert not english, f"editorial notes in 'note' (move them to 'redactienotitie', in Dutch): {english}"
    for entry in bib:
        if entry.get("titelstatus"):
            assert entry.get("titelstatus") == TITLE_UNCHECKED
            assert entry.get("redactienotitie"), f"{entry.key}: say in redactienotitie why the title is unchecked"
    assert "vng_participatie_handreiking" in bib and "griffiers_participatieverordening_kaart" in bib
    assert "vng_participatiehandreiking" not in bib, "the handreiking is in the list twice"
    assert not any(e.title.startswith("[Artikel") for e in bib)
