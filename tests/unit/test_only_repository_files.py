"""Only files of this repository: a symbolic link in data/ is refused by its own name, and what it points at
is never read (a record linked to a file outside the repository was published)."""
from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from macros.data.dataset import load_dataset
from scripts.check import run

SECRET = "Geheime tekst van buiten de repository"


@pytest.fixture
def outside(tmp_path: Path, data_dir: Path) -> Path:
    """A valid method file outside the data folder, with a text that must never show up anywhere."""
    target = tmp_path / "elders" / "geheim.yaml"
    target.parent.mkdir()
    text = (data_dir / "methods" / "burgerpanel.yaml").read_text(encoding="utf-8")
    target.write_text(text.replace("id: burgerpanel", "id: geheim").replace(
        "Een gelote groep inwoners adviseert de gemeenteraad.", SECRET), encoding="utf-8")
    return target


def _messages(data_dir: Path) -> tuple[list[str], object]:
    data = load_dataset(data_dir, data_dir.parent)
    return [str(p) for p in data.problems.errors], data


@pytest.mark.parametrize("where", ["methods/geheim.yaml", "cases/geheim.yaml", "timeline.yaml"])
def test_a_linked_file_is_refused_by_its_name_and_not_read(data_dir: Path, outside: Path, where: str) -> None:
    link = data_dir / where
    link.unlink(missing_ok=True)
    os.symlink(outside, link)
    errors, data = _messages(data_dir)
    assert f"data/{where}:1: is een symbolische koppeling (symlink); die wordt niet gelezen: de gids leest alleen " \
           "gewone bestanden uit deze repository (tip: zet de inhoud zelf in een gewoon bestand op deze plek, of haal " \
           "de koppeling weg)" in errors
    assert not any(str(outside) in e or "elders" in e for e in errors), "the link's target is never echoed"
    assert "geheim" not in data.methods and "geheim" not in data.cases  # type: ignore[attr-defined]
    assert SECRET not in repr([dict(r) for r in data.all_records()]) + repr(data.timeline)  # type: ignore[attr-defined]


def test_a_linked_folder_is_refused_and_its_files_are_not_read(data_dir: Path, outside: Path) -> None:
    os.symlink(outside.parent, data_dir / "methods" / "meer")
    errors, _ = _messages(data_dir)
    assert [e for e in errors if "meer" in e] == [
        "data/methods/meer:1: is een symbolische koppeling (symlink); die wordt niet gelezen: de gids leest alleen "
        "gewone bestanden uit deze repository (tip: zet de inhoud zelf in een gewoon bestand op deze plek, of haal "
        "de koppeling weg)"]
    os.rename(data_dir / "methods", data_dir / "methoden-echt")
    os.symlink(data_dir / "methoden-echt", data_dir / "methods")
    errors, data = _messages(data_dir)
    assert any(e.startswith("data/methods:1: is een symbolische koppeling") for e in errors)
    assert data.methods == {}  # type: ignore[attr-defined]


def test_a_linked_reading_list_is_refused_without_a_crash(data_dir: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elders.bib"
    (data_dir / "references.bib").rename(elsewhere)
    os.symlink(elsewhere, data_dir / "references.bib")
    out = io.StringIO()
    code, _ = run(data_dir, out)
    assert code == 1
    assert "data/references.bib:1: is een symbolische koppeling (symlink)" in out.getvalue()
    assert str(elsewhere) not in out.getvalue()
