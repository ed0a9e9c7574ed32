"""macros/search_index.py: Pagefind's filter files come out the same whatever order Pagefind wrote them in."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from macros.site.search_index import SIGNATURE, SearchIndexError, cbor_decode, cbor_encode, stable_filters


def write(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(SIGNATURE + cbor_encode(value), mtime=0))


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


def test_cbor_round_trip() -> None:
    value = ["x", 0, 23, 24, 255, 256, 65536, 2**32, -1, -500, "één", b"\x00", [], [[1, "a"]], True, None]
    data = cbor_encode(value)
    assert cbor_decode(data) == (value, len(data))


def test_filter_order_does_not_change_the_bytes(tmp_path: Path) -> None:
    one = bundle(tmp_path / "one", [0, 1, 2])
    two = bundle(tmp_path / "two", [2, 1, 0])
    assert files(one) != files(two)
    stable_filters(one)
    stable_filters(two)
    assert files(one) == files(two)
    entry = json.loads((one / "pagefind-entry.json").read_text())
    meta_name = f"pagefind.{entry['languages']['nl']['hash']}.pf_meta"
    meta = cbor_decode(gzip.decompress((one / meta_name).read_bytes())[len(SIGNATURE):])[0]
    assert [name for name, _ in meta[3]] == ["soort", "trede"]
    for name, file_hash in meta[3]:
        content = cbor_decode(gzip.decompress((one / "filter" / f"{file_hash}.pf_filter").read_bytes())[len(SIGNATURE):])[0]
        assert content[0] == name
        assert [value for value, _ in content[1]] == sorted(value for value, _ in content[1])
    assert sorted(p.name for p in (one / "filter").iterdir()) == sorted(f"{h}.pf_filter" for _, h in meta[3])


def test_an_unknown_layout_fails_with_a_clear_message(tmp_path: Path) -> None:
    folder = bundle(tmp_path / "b", [0, 1, 2])
    write(folder / "pagefind.nl_1234567890.pf_meta", ["1.5.2", [], [], ["niet", "paren"], [], []])
    with pytest.raises(SearchIndexError, match="onverwachte filterlijst"):
        stable_filters(folder)
