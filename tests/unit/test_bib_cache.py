"""The reading list kept between builds (macros/bibliography/cache.py): a build with an unchanged
references.bib reads the checked list back; any change to the file, or a damaged cache, means parsing
again, with exactly the same result and the same problems as without a cache."""
from __future__ import annotations

import os
import pickle
import re
import shutil
from pathlib import Path

import pytest

from macros.bibliography import cache, load_bibliography
from macros.data.dataset import load_dataset
from tests.support import FIXTURE_DATA

FIXTURES = Path(__file__).parent.parent / "fixtures" / "bib"


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / "references.bib"
    shutil.copy2(FIXTURES / name, target)
    return target


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the cache module had to parse (every call still parses for real)."""
    calls: list[str] = []

    def counting(path: Path, display_path: str):  # noqa: ANN202 - same signature as load_bibliography
        calls.append(display_path)
        return load_bibliography(path, display_path)

    monkeypatch.setattr(cache, "load_bibliography", counting)
    return calls


def _same(result: tuple, expected: tuple) -> None:
    bib, problems = result
    want_bib, want_problems = expected
    assert bib.entries == want_bib.entries
    assert [e.year_label for e in bib] == [e.year_label for e in want_bib]
    assert problems.items == want_problems.items


def test_unchanged_file_is_read_from_the_cache(tmp_path: Path, parses: list[str]) -> None:
    bib_file = _copy(tmp_path, "reading-list.bib")
    first = cache.load_bibliography_cached(bib_file, "data/references.bib", tmp_path / "cache")
    assert (tmp_path / "cache" / cache.CACHE_FILE).is_file()
    second = cache.load_bibliography_cached(bib_file, "data/references.bib", tmp_path / "cache")
    assert parses == ["data/references.bib"]  # the second load did not parse
    _same(second, first)
    _same(second, load_bibliography(bib_file, "data/references.bib"))


def test_warnings_survive_the_cache(tmp_path: Path, parses: list[str]) -> None:
    """A file with problems gives the same problems from the cache: a warning is still shown, an
    error still stops the build."""
    bib_file = _copy(tmp_path, "bad-values.bib")
    expected = load_bibliography(bib_file, "data/references.bib")
    assert expected[1].items, "the fixture should have problems"
    cache.load_bibliography_cached(bib_file, "data/references.bib", tmp_path / "cache")
    again = cache.load_bibliography_cached(bib_file, "data/references.bib", tmp_path / "cache")
    assert len(parses) == 1
    _same(again, expected)


def test_changed_file_is_parsed_again(tmp_path: Path, parses: list[str]) -> None:
    bib_file = _copy(tmp_path, "reading-list.bib")
    before = cache.load_bibliography_cached(bib_file, "data/references.bib", tmp_path / "cache")
    text = bib_file.read_text(encoding="utf-8")
    # A word more in one title, same modification time: only the bytes differ.
    stat = bib_file.stat()
    bib_file.write_text(re.sub(r"(\btitle\s*=\s*\{)", r"\1Nieuw: ", text, count=1), encoding="utf-8")
    os.utime(bib_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    after = cache.load_bibliography_cached(bib_file, "data/references.bib", tmp_path / "cache")
    assert len(parses) == 2
    assert [e.title for e in after[0] if e.title.startswith("Nieuw: ")]
    assert not [e.title for e in before[0] if e.title.startswith("Nieuw: ")]
    _same(after, load_bibliography(bib_file, "data/references.bib"))


def test_other_display_path_or_code_version_is_a_miss(tmp_path: Path, parses: list[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    bib_file = _copy(tmp_path, "reading-list.bib")
    cache.load_bibliography_cached(bib_file, "data/references.bib", tmp_path / "cache")
    # Problems name the file: another name must not reuse messages that name the first.
    other = cache.load_bibliography_cached(bib_file, "elders/references.bib", tmp_path / "cache")
    assert len(parses) == 2
    _same(other, load_bibliography(bib_file, "elders/references.bib"))
    # A cache written by other code (an older version of the package) is not used either.
    monkeypatch.setattr(cache, "code_version", lambda: "een-andere-versie")
    cache.load_bibliography_cached(bib_file, "elders/references.bib", tmp_path / "cache")
    assert len(parses) == 3


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "wrong-shape"])
def test_damaged_cache_is_ignored_and_replaced(tmp_path: Path, parses: list[str], damage: str) -> None:
    bib_file = _copy(tmp_path, "reading-list.bib")
    cache.load_bibliography_cached(bib_file, "data/references.bib", tmp_path / "cache")
    stored = tmp_path / "cache" / cache.CACHE_FILE
    good = stored.read_bytes()
    key = cache.cache_key(bib_file.read_bytes(), "data/references.bib")
    stored.write_bytes({
        "garbage": b"dit is geen pickle \x00\xff",
        "truncated": good[: len(good) // 2],
        "empty": b"",
        "wrong-shape": pickle.dumps({"format": 1, "key": key, "value": ("geen", "leeslijst")}),
    }[damage])
    result = cache.load_bibliography_cached(bib_file, "data/references.bib", tmp_path / "cache")
    assert len(parses) == 2  # parsed again instead of failing or using the damaged file
    _same(result, load_bibliography(bib_file, "data/references.bib"))
    assert cache.read_cache(stored, key) is not None  # and the cache is whole again


class _Planted:
    """An object a pickle would rebuild by calling a function of its choice."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):  # noqa: ANN204
        return (os.mkdir, (str(self.marker),))


def test_cache_cannot_run_code(tmp_path: Path, parses: list[str]) -> None:
    """Only the reading list's own classes can come out of a cache file: a planted call is refused
    (the file is ignored), never executed."""
    bib_file = _copy(tmp_path, "reading-list.bib")
    key = cache.cache_key(bib_file.read_bytes(), "data/references.bib")
    marker = tmp_path / "uitgevoerd"
    stored = tmp_path / "cache" / cache.CACHE_FILE
    stored.parent.mkdir()
    stored.write_bytes(pickle.dumps({"format": 1, "key": key, "value": _Planted(marker)}))
    result = cache.load_bibliography_cached(bib_file, "data/references.bib", tmp_path / "cache")
    assert not marker.exists()
    assert len(parses) == 1
    _same(result, load_bibliography(bib_file, "data/references.bib"))


def test_unwritable_cache_folder_only_costs_time(tmp_path: Path, parses: list[str]) -> None:
    bib_file = _copy(tmp_path, "reading-list.bib")
    blocked = tmp_path / "bestand"
    blocked.write_text("een bestand, geen map", encoding="utf-8")
    result = cache.load_bibliography_cached(bib_file, "data/references.bib", blocked / "cache")
    _same(result, load_bibliography(bib_file, "data/references.bib"))


def test_dataset_with_cache_equals_dataset_without(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data_dir)
    plain = load_dataset(data_dir, tmp_path)
    cold = load_dataset(data_dir, tmp_path, cache=cache.ReadingListCache(tmp_path / ".cache"))
    warm = load_dataset(data_dir, tmp_path, cache=cache.ReadingListCache(tmp_path / ".cache"))
    for data in (cold, warm):
        assert data.bibliography.entries == plain.bibliography.entries
        assert data.problems.items == plain.problems.items


def test_derived_values_are_kept_for_the_next_build(tmp_path: Path, parses: list[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """What a build derived from the entries (formatted references, exports) comes back with the next
    unchanged load, the same as made fresh; a build that derives nothing new does not rewrite the file."""
    from macros.bibliography import apa, format_reference, to_ris

    bib_file = _copy(tmp_path, "reading-list.bib")
    fresh, _ = load_bibliography(bib_file, "data/references.bib")
    first = cache.ReadingListCache(tmp_path / "cache")
    bib, _ = first.load(bib_file, "data/references.bib")
    expected = {entry.key: (str(format_reference(entry)), to_ris([entry])) for entry in bib}
    first.keep_derived(bib)
    assert not any(entry.derived for entry in bib)  # forgotten after storing: memory as before
    stored = (tmp_path / "cache" / cache.CACHE_FILE).stat().st_mtime_ns

    def not_again(entry):  # noqa: ANN001, ANN202
        raise AssertionError(f"{entry.key} formatted again")

    monkeypatch.setattr(apa, "_format_reference", not_again)
    second = cache.ReadingListCache(tmp_path / "cache")
    bib, _ = second.load(bib_file, "data/references.bib")
    assert len(parses) == 1
    assert {entry.key: (str(format_reference(entry)), to_ris([entry])) for entry in bib} == expected
    second.keep_derived(bib)
    assert (tmp_path / "cache" / cache.CACHE_FILE).stat().st_mtime_ns == stored
    monkeypatch.undo()
    assert {entry.key: str(format_reference(entry)) for entry in fresh} == {k: v[0] for k, v in expected.items()}
