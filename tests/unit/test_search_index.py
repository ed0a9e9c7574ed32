"""macros/site/search_index.py: Pagefind's filter files come out the same whatever order Pagefind wrote them in; its
word index is cut into small chunks that a search still finds; another Pagefind version stops the build in Dutch."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import cbor2
import pytest

from macros.site import search_index
from macros.site.search_index import SIGNATURE, SearchIndexError, split_index, stable_filters


def write(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(SIGNATURE + cbor2.dumps(value), mtime=0))


def bundle(folder: Path, order: list[int]) -> Path:
    """A Pagefind bundle as 1.5.2 writes it, with the filters and their values in the given order."""
    values = [["methode", [1, 2, 300]], ["checklist", [4]], ["pagina voor bewoners", [70000]]]
    filters = [["soort", "nl_aaaaaaa"], ["trede", "nl_bbbbbbb"]]
    write(folder / "filter" / "nl_aaaaaaa.pf_filter", ["soort", [values[i] for i in order]])
    write(folder / "filter" / "nl_bbbbbbb.pf_filter", ["trede", [["Adviseren", [1]], ["Informeren", [2]]][::-1]])
    meta = ["1.5.2", [["nl_0000001", 12]], [["a", "z", "nl_0000002"]], filters if order[0] == 0 else filters[::-1], [], ["title"]]
    write(folder / "pagefind.nl_1234567890.pf_meta", meta)
    (folder / "pagefind-entry.json").write_text(json.dumps(
        {"version": "1.5.2", "languages": {"nl": {"hash": "nl_1234567890", "wasm": "nl", "page_count": 1}}}))
    return folder


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def decode(data: bytes) -> object:
    return cbor2.loads(data)


def test_filter_order_does_not_change_the_bytes(tmp_path: Path) -> None:
    one = bundle(tmp_path / "one", [0, 1, 2])
    two = bundle(tmp_path / "two", [2, 1, 0])
    assert files(one) != files(two)
    stable_filters(one)
    stable_filters(two)
    assert files(one) == files(two)
    entry = json.loads((one / "pagefind-entry.json").read_text())
    meta_name = f"pagefind.{entry['languages']['nl']['hash']}.pf_meta"
    meta = decode(gzip.decompress((one / meta_name).read_bytes())[len(SIGNATURE):])
    assert [name for name, _ in meta[3]] == ["soort", "trede"]
    for name, file_hash in meta[3]:
        content = decode(gzip.decompress((one / "filter" / f"{file_hash}.pf_filter").read_bytes())[len(SIGNATURE):])
        assert content[0] == name
        assert [value for value, _ in content[1]] == sorted(value for value, _ in content[1])
    assert sorted(p.name for p in (one / "filter").iterdir()) == sorted(f"{h}.pf_filter" for _, h in meta[3])


def test_an_unknown_layout_fails_with_a_clear_message(tmp_path: Path) -> None:
    folder = bundle(tmp_path / "b", [0, 1, 2])
    write(folder / "pagefind.nl_1234567890.pf_meta", ["1.5.2", [], [], ["niet", "paren"], [], []])
    with pytest.raises(SearchIndexError, match="onverwachte filterlijst"):
        stable_filters(folder)


def index_bundle(folder: Path, words: list[str], per_chunk: int) -> Path:
    """A Pagefind bundle whose word index holds the given words (sorted), per_chunk words to a chunk, each
    word with some locations on a few pages, as Pagefind 1.5.2 writes them."""
    packed = [[w, [[i % 7, [-25, *range(1, 40 + i % 13)], []], [3, [-25, 5, i], []]], []] for i, w in enumerate(words)]
    chunks = []
    for n in range(0, len(packed), per_chunk):
        part = packed[n:n + per_chunk]
        name = f"nl_{n:07d}"
        write(folder / "index" / f"{name}.pf_index", [part])
        chunks.append([part[0][0], part[-1][0], name])
    write(folder / "pagefind.nl_1234567890.pf_meta", ["1.5.2", [["nl_0000001", 12]], chunks, [], [], ["title"]])
    (folder / "pagefind-entry.json").write_text(json.dumps(
        {"version": "1.5.2", "languages": {"nl": {"hash": "nl_1234567890", "wasm": "nl", "page_count": 1}}}))
    return folder


def read(path: Path) -> object:
    return decode(gzip.decompress(path.read_bytes())[len(SIGNATURE):])


def test_the_word_index_is_cut_into_small_chunks_that_a_search_still_finds(tmp_path: Path) -> None:
    stems = ["bewoner", "buurt", "gemeent", "huurder", "participatie", "wijk", "zelfbeheer"]
    words = sorted({f"{stem}{suffix}" for stem in stems for suffix in ("", "s", "sbedrijf", "en", "raad", "budget",
                                                                       "schap", "team", "werk", "plan", "huis")})
    folder = index_bundle(tmp_path / "b", words, per_chunk=len(words))  # one big chunk, as Pagefind wrote it
    big = (folder / "index" / "nl_0000000.pf_index").stat().st_size
    split_index(folder, target=big // 6)
    entry = json.loads((folder / "pagefind-entry.json").read_text())
    meta = read(folder / f"pagefind.{entry['languages']['nl']['hash']}.pf_meta")
    chunks = meta[2]
    assert 4 <= len(chunks) <= 9
    files_now = sorted(p.name for p in (folder / "index").iterdir())
    assert files_now == sorted(f"{name}.pf_index" for _, _, name in chunks)  # the old chunk is gone
    held = [[w[0] for w in read(folder / "index" / f"{name}.pf_index")[0]] for _, _, name in chunks]
    assert [w for part in held for w in part] == words  # every word once, in order, locations unchanged
    for part, (first, last, name) in zip(held, chunks):
        assert (first, last) == (part[0], part[-1])
        assert (folder / "index" / f"{name}.pf_index").stat().st_size < big // 2
        # Pagefind's lookup: the chunk whose first..last holds the word
        for word in part:
            assert [c[2] for c in chunks if c[0] <= word <= c[1]] == [name]
    # Cut between different stems, never inside one: a search for "wijk" still sees "wijkbudget".
    for left, right in zip(held, held[1:]):
        assert left[-1][:4] != right[0][:4], (left[-1], right[0])


def test_splitting_the_index_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    words = sorted(f"{a}{b}{c}" for a in "bdgkw" for b in "aeiou" for c in ("k", "rt", "ning", "sel"))
    one = index_bundle(tmp_path / "one", words, per_chunk=40)
    two = index_bundle(tmp_path / "two", words, per_chunk=25)  # Pagefind cut elsewhere
    for folder in (one, two):
        split_index(folder, target=600)
        stable_filters(folder)
    assert files(one) == files(two)


def test_a_word_index_in_another_layout_fails_with_a_clear_message(tmp_path: Path) -> None:
    folder = index_bundle(tmp_path / "b", ["buurt", "wijk"], per_chunk=2)
    write(folder / "index" / "nl_0000000.pf_index", {"buurt": [1], "wijk": [2]})  # a map, not [[word, ...]]
    with pytest.raises(SearchIndexError, match=r"nl_0000000\.pf_index: onverwachte opbouw \(andere Pagefind-versie\?\)"):
        split_index(folder)


def test_a_file_that_cbor2_would_write_otherwise_is_refused(tmp_path: Path) -> None:
    """Rewriting must keep every byte: an integer written longer than needed would come back shorter."""
    folder = bundle(tmp_path / "b", [0, 1, 2])
    meta = folder / "pagefind.nl_1234567890.pf_meta"
    payload = cbor2.dumps(read(meta))
    assert payload[1:2] == b"\x65"  # the version string: five characters
    meta.write_bytes(gzip.compress(SIGNATURE + payload[:1] + b"\x78\x05" + payload[2:], mtime=0))
    assert read(meta) == decode(payload)  # the same value, other bytes
    with pytest.raises(SearchIndexError, match="onverwachte opbouw"):
        stable_filters(folder)


def test_another_pagefind_version_is_named_with_a_dutch_tip() -> None:
    assert search_index.version_problem(search_index.PAGEFIND_VERSION) == ""
    problem = search_index.version_problem("1.6.0")
    assert problem.startswith("Pagefind 1.6.0 is geïnstalleerd, maar macros/site/search_index.py herschrijft de "
                              f"indexbestanden van Pagefind {search_index.PAGEFIND_VERSION} (tip: ")
    assert "requirements.lock" in problem and "PAGEFIND_VERSION" in problem
    assert search_index.version_problem(None).startswith("Pagefind (pakket pagefind-bin) ontbreekt")


def test_the_pinned_pagefind_is_the_one_the_code_was_written_for() -> None:
    lock = (Path(__file__).parents[2] / "requirements.lock").read_text(encoding="utf-8")
    assert f"pagefind-bin=={search_index.PAGEFIND_VERSION}" in lock.splitlines()
    assert search_index.installed_version() == search_index.PAGEFIND_VERSION


def test_the_build_stops_before_pagefind_runs_when_its_version_differs(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_index, "installed_version", lambda: "1.4.0")
    monkeypatch.setattr(search_index.subprocess, "run", lambda *a, **k: pytest.fail("Pagefind ran"))
    with pytest.raises(SearchIndexError, match=r"^Pagefind 1\.4\.0 is geïnstalleerd"):
        search_index.build_search_index(tmp_path)
