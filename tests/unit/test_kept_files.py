"""The reading list's files are kept between builds (macros/site/kept.py): a build whose inputs are
unchanged takes them as they were; a change to the reading list, the citing records or the code makes
them again. Stale kept files would show readers a wrong reading list, so each input is changed once."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from macros.data.dataset import load_valid_dataset
from macros.site import kept, readinglist
from macros.site.build import build_pages

TODAY = date(2026, 12, 1)


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How often the reading list was made from the data (not taken from the kept files)."""
    calls: list[int] = []
    original = readinglist._make

    def make(ctx, items):  # noqa: ANN001, ANN202
        calls.append(len(items))
        return original(ctx, items)

    monkeypatch.setattr(readinglist, "_make", make)
    return calls


def _build(data_dir: Path, cache: Path | None) -> dict[str, str]:
    return build_pages(load_valid_dataset(data_dir, data_dir.parent), today=TODAY, cache_dir=cache)


def test_an_unchanged_reading_list_is_taken_from_the_kept_files(data_dir: Path, tmp_path: Path,
                                                                made: list[int]) -> None:
    first = _build(data_dir, tmp_path / "cache")
    second = _build(data_dir, tmp_path / "cache")
    assert len(made) == 1
    assert second == first == _build(data_dir, None)  # the same files as a build without a cache
    assert "leeslijst/bron/arnstein1969.bib" in second and "leeslijst/index.md" in second


@pytest.mark.parametrize("change", ["bib", "citing record", "code"])
def test_a_changed_input_makes_the_reading_list_again(data_dir: Path, tmp_path: Path, made: list[int],
                                                      monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    _build(data_dir, tmp_path / "cache")
    if change == "bib":
        bib = data_dir / "references.bib"
        bib.write_text(bib.read_text(encoding="utf-8").replace("Arnstein", "Arnsteyn"), encoding="utf-8")
    elif change == "citing record":
        method = data_dir / "methods" / "wijkgesprek.yaml"
        method.write_text(method.read_text(encoding="utf-8").replace("sources: [vanderlaan2019]",
                                                                     "sources: [vanderlaan2019, arnstein1969]"),
                          encoding="utf-8")
    else:
        monkeypatch.setattr(kept, "code_version", lambda: "andere code")
    again = _build(data_dir, tmp_path / "cache")
    assert len(made) == 2
    assert again == _build(data_dir, None)
    if change == "bib":
        assert "Arnsteyn" in again["leeslijst/index.md"]
    if change == "citing record":
        assert again["leeslijst/index.md"].count("methoden/wijkgesprek/") > 1


def test_a_damaged_kept_file_is_ignored(data_dir: Path, tmp_path: Path, made: list[int]) -> None:
    first = _build(data_dir, tmp_path / "cache")
    (tmp_path / "cache" / f"{readinglist.FAMILY}.marshal").write_bytes(b"\x00kapot")
    assert _build(data_dir, tmp_path / "cache") == first
    assert len(made) == 2
