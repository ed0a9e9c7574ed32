"""The files /leeslijst/ offers for the whole list and for each theme, as a reader downloads them from the
built site: they parse back and hold no stand-in author ("Onbekend"), no "z.d." year and no field BibTeX
tools do not know (issue #29). The unit tests check every entry's own exports; this checks the files."""
from __future__ import annotations

from pathlib import Path

from tests.unit.test_exports_parse_back import UNKNOWN_AUTHOR, check_bibtex_download, read_ris_strictly


def test_whole_list_and_theme_files_have_no_stand_ins(built_site: Path, data) -> None:  # noqa: ANN001
    folder = built_site / "leeslijst"
    expected = {"wijkengids": data.bibliography.keys()}
    for theme in data.themes:
        keys = [e.key for e in data.bibliography if theme.id in {t.id for t in data.themes_of(e)}]
        if keys:
            expected[f"thema-{theme.id}"] = keys
    assert len(expected) > 2
    for name, keys in expected.items():
        bib = folder / f"{name}.bib"
        ris = folder / f"{name}.ris"
        assert bib.is_file() and ris.is_file(), name
        check_bibtex_download(bib.read_text(encoding="utf-8"), keys, bib.name)
        records = read_ris_strictly(ris.read_text(encoding="utf-8"))
        assert sorted(r["ID"][0] for r in records) == sorted(keys), ris.name
        assert not any(UNKNOWN_AUTHOR in r.get("AU", []) or "z.d." in r.get("PY", []) for r in records), ris.name
