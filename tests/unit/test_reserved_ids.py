"""Ids that would overwrite a generated page (index, kaart, mijn, vergelijk, …): one list, from the registry,
refused by the loader at the id's line; a clash nobody foresaw still ends as file:line, never a traceback."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from macros.core.problems import DataError
from macros.data.dataset import load_dataset, load_valid_dataset
from macros.data.kinds import RECORD_KINDS, RecordKind, reserved_ids
from macros.site.build import build_pages

FIRST_FILE = {"method": "methods/burgerpanel.yaml", "case": "cases/voorbeeldwijk.yaml",
              "checklist": "checklists/eerste-stappen.yaml"}


def test_the_list_holds_every_page_named_in_the_issue() -> None:
    assert {"index", "kaart", "mijn", "vergelijk"} <= set(reserved_ids())


def test_every_generated_page_beside_the_records_is_reserved(data_dir: Path) -> None:
    """The derivation checked against the page families: whatever they write in a kind's folder is a record's
    page, or a name the registry reserves (a new page family that forgets the registry fails here)."""
    data = load_valid_dataset(data_dir, data_dir.parent)
    pages = build_pages(data)
    names = {kind.url: set(data.records_of(kind.id)) for kind in data.kinds}
    strays = []
    for path in pages:
        folder, _, rest = path.partition("/")
        name = rest.split("/")[0].removesuffix(".md")
        if folder in names and rest.endswith(".md") and name not in names[folder] and name not in reserved_ids():
            strays.append(path)
    assert strays == []


@pytest.mark.parametrize("kind", RECORD_KINDS.ids())
@pytest.mark.parametrize("reserved", reserved_ids())
def test_the_loader_refuses_a_reserved_id_at_its_line(data_dir: Path, kind: str, reserved: str) -> None:
    source = data_dir / FIRST_FILE[kind]
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(n for n, text in enumerate(lines, start=1) if text.startswith("id: "))
    lines[line - 1] = f"id: {reserved}\n"
    target = source.with_name(f"{reserved}.yaml")
    source.unlink()
    target.write_text("".join(lines), encoding="utf-8")
    data = load_dataset(data_dir, data_dir.parent)
    errors = [str(p) for p in data.problems.errors if p.file == f"data/{target.parent.name}/{target.name}"]
    assert errors == [f"data/{target.parent.name}/{target.name}:{line}: id: '{reserved}' is gereserveerd: de site "
                      "maakt zelf een pagina met die naam (tip: kies een id die zegt waar het record over gaat, en "
                      f"geef het bestand dezelfde naam; gereserveerd zijn: {', '.join(reserved_ids())})"]


def test_a_kind_from_outside_adds_its_pages_to_the_list() -> None:
    extra = RecordKind(id="hulpmiddel", folder="hulpmiddelen", url="hulpmiddelen", label="hulpmiddel",
                       plural="hulpmiddelen", title="Hulpmiddelen", template="x.md.j2", pages=("galerij",))
    with RECORD_KINDS.extended(extra):
        assert "galerij" in reserved_ids()
    assert "galerij" not in reserved_ids()


def test_a_page_clash_the_loader_did_not_foresee_is_reported_at_the_record(data_dir: Path) -> None:
    """Two pages of one path stop the build with file:line of the record, not with a traceback."""
    data = load_valid_dataset(data_dir, data_dir.parent)
    intruder = copy.copy(data.methods["wijkgesprek"])
    intruder["id"] = "index"
    intruder.path = "data/methods/index.yaml"
    intruder.value_lines = {("id", "index"): 2}
    data.methods["index"] = intruder
    with pytest.raises(DataError) as stopped:
        build_pages(data)
    assert [str(p) for p in stopped.value.problems.errors] == [
        "data/methods/index.yaml:2: id: de pagina van 'index' (methoden/index.md) valt samen met een andere pagina "
        "(tip: kies een andere id (en bestandsnaam) voor dit record)"]


def test_two_page_families_writing_one_path_is_a_bug_with_a_traceback(data_dir: Path) -> None:
    from macros.site.context import PageContext
    ctx = PageContext(load_valid_dataset(data_dir, data_dir.parent))
    ctx.add("over/index.md", "a")
    with pytest.raises(ValueError, match="two generators write over/index.md"):
        ctx.add("over/index.md", "b")
