"""The site's search index: Pagefind, run over the built HTML after every build (make build, make serve,
test builds). Plain Python, no MkDocs: macros/main.py calls it from the macros plugin's on_post_build.

The binary comes from the pinned PyPI wheel ``pagefind-bin`` (requirements.lock); nothing is downloaded.
Pages mark what is indexed themselves (data-pagefind-body, -weight, -filter in overrides/main.html and
the record templates). Material's lunr index (search/search_index.json) is cut down to its settings:
Material still reads those to highlight the query on the page a reader opens, but nobody downloads
the whole index any more. The offline copy (mkdocs.offline.yml) keeps lunr: Pagefind cannot load from file://.
Pagefind's word index is cut into smaller chunks after it runs (split_index): a first query downloads less.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
import subprocess
from pathlib import Path
from typing import Any

from .search_vocabulary import write_word_lists

ENGINES = ("pagefind", "lunr")
# Not indexed: the generated "Verbanden" block and the sources list of record pages (lists of other
# records' names and of titles in the reading list), and the review line. Measured over
# tests/search_queries.yaml (95 queries, December 2026): with these blocks indexed recall@5 stayed 0.95
# and MRR fell from 0.85 to 0.84 (a page then also matches the names of every record it lists).
EXCLUDE = ("[data-wg-record] .wg-records", "[data-wg-record] .wg-bronnen", "[data-wg-record] h3.wg-h",
           "[data-wg-record] #verbanden", "[data-wg-record] #bronnen", ".wg-review",
           # "Verder lezen" repeats the sources and the themes' reading list; the buttons next to a source
           # and the edit line are furniture: indexed, they filled the excerpts ("In mijn leeslijst: …").
           "[data-wg-record] #verder-lezen", "[data-wg-record] .wg-verder", ".wg-verder__intro",
           ".wg-verder__meer", ".wg-verder__alles", ".wg-acties", ".wg-edit",
           # A table's header row: Pagefind puts no space between header cells ("MethodeSoortTreden" in
           # an excerpt); the labels are no content to search for (issue 27).
           "thead")

# Pagefind also writes its own ready-made interfaces; the site uses Material's dialog (zoeken.js) instead.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js", "wasm.unknown.pagefind")


class SearchIndexError(RuntimeError):
    pass


def pagefind_command(site: Path, exclude: tuple[str, ...] = EXCLUDE) -> list[str]:
    from pagefind_bin import get_executable  # the wheel's own binary

    command = [str(get_executable()), "--site", str(site), "--force-language", "nl", "--quiet"]
    for selector in exclude:
        command += ["--exclude-selectors", selector]
    return command


def build_search_index(site: Path, exclude: tuple[str, ...] = EXCLUDE) -> None:
    """Index the built site into site/pagefind/ and reduce search/search_index.json to its settings."""
    result = subprocess.run(pagefind_command(site, exclude), capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind kon de zoekindex niet maken (code {result.returncode}):\n"
                               f"{result.stdout}{result.stderr}")
    for name in UNUSED:
        (site / "pagefind" / name).unlink(missing_ok=True)
    split_index(site / "pagefind")
    stable_filters(site / "pagefind")
    write_word_lists(site / "pagefind")  # for "Bedoelde je: …" (macros/site/search_vocabulary.py)
    lunr = site / "search" / "search_index.json"
    if lunr.is_file():
        settings = json.loads(lunr.read_text(encoding="utf-8")).get("config", {})
        lunr.write_text(json.dumps({"config": settings, "docs": []}, separators=(",", ":")), encoding="utf-8")


# --- the same site, the same bytes ------------------------------------------------------------------
# Pagefind 1.5.2 writes its filter files, and the list of them in its metadata, in hash-map order: the
# order (so the bytes and the hashed file names) changes from one run to the next (Pagefind issue #638).
# Everything else it writes is stable. Here the filter values and the filter list are put in sorted order
# and the files named after their content, so two builds of the same tree stay byte-identical.
# The files are gzip'ed "pagefind_dcd" + CBOR; the small CBOR reader and writer below cover what they hold.

SIGNATURE = b"pagefind_dcd"


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for extra, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | extra]) + n.to_bytes(size, "big")
    raise ValueError(n)


def cbor_encode(value: Any) -> bytes:
    if isinstance(value, bool) or value is None:
        return {False: b"\xf4", True: b"\xf5", None: b"\xf6"}[value]
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _head(3, len(data)) + data
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(cbor_encode(v) for v in value)
    raise SearchIndexError(f"Pagefind-index: onbekend soort waarde {type(value).__name__}")


def cbor_decode(data: bytes, pos: int = 0) -> tuple[Any, int]:
    first = data[pos]
    major, info = first >> 5, first & 31
    pos += 1
    if major == 7:
        simple = {20: False, 21: True, 22: None}
        if info in simple:
            return simple[info], pos
        raise SearchIndexError(f"Pagefind-index: onverwacht CBOR-teken {first:#x}")
    if info < 24:
        n = info
    elif info <= 27:
        size = 1 << (info - 24)
        n, pos = int.from_bytes(data[pos:pos + size], "big"), pos + size
    else:
        raise SearchIndexError(f"Pagefind-index: onverwacht CBOR-teken {first:#x}")
    if major == 0:
        return n, pos
    if major == 1:
        return -1 - n, pos
    if major in (2, 3):
        chunk = data[pos:pos + n]
        return (chunk if major == 2 else chunk.decode("utf-8")), pos + n
    if major == 4:
        items = []
        for _ in range(n):
            item, pos = cbor_decode(data, pos)
            items.append(item)
        return items, pos
    raise SearchIndexError(f"Pagefind-index: onverwacht CBOR-type {major}")


def _read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise SearchIndexError(f"{path}: geen Pagefind-bestand")
    value, end = cbor_decode(data, len(SIGNATURE))
    if end != len(data) or cbor_encode(value) != data[len(SIGNATURE):]:
        raise SearchIndexError(f"{path}: onverwachte opbouw (andere Pagefind-versie?)")
    return value


def _write(folder: Path, value: Any, name: str) -> None:
    (folder / name).write_bytes(gzip.compress(SIGNATURE + cbor_encode(value), compresslevel=9, mtime=0))


def _digest(value: Any) -> str:
    return hashlib.sha256(cbor_encode(value)).hexdigest()


def stable_filters(bundle: Path) -> None:
    """Sort Pagefind's filter files and its list of them; name both after their content."""
    entry_file = bundle / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_file = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(meta_file)
        filters = meta[3]
        if not all(isinstance(f, list) and len(f) == 2 and all(isinstance(x, str) for x in f) for f in filters):
            raise SearchIndexError(f"{meta_file}: onverwachte filterlijst (andere Pagefind-versie?)")
        prefix = language["hash"].split("_")[0]
        for item in filters:
            old = bundle / "filter" / f"{item[1]}.pf_filter"
            content = _read(old)
            content[1].sort(key=lambda pair: pair[0])
            item[1] = f"{prefix}_{_digest(content)[:7]}"
            old.unlink()
            _write(bundle / "filter", content, f"{item[1]}.pf_filter")
        filters.sort(key=lambda pair: pair[0])
        _save_meta(bundle, language, meta)
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _save_meta(bundle: Path, language: dict, meta: Any) -> None:
    """Write a language's changed metadata under a name after its content, in place of the old file."""
    prefix = language["hash"].split("_")[0]
    (bundle / f"pagefind.{language['hash']}.pf_meta").unlink()
    language["hash"] = f"{prefix}_{_digest(meta)[:10]}"
    _write(bundle, meta, f"pagefind.{language['hash']}.pf_meta")


# --- smaller word index chunks -----------------------------------------------------------------------
# Pagefind 1.5.2 cuts its word index into chunks of some 20,000 word locations (a constant in its source,
# no option): ~30 kB gzip'ed on this site, 30-70 kB at 5,000 methods. A first query waits for the chunk of
# each of its words, and on a phone's connection (1.6 Mbit/s) 30 kB takes ~150 ms on top of the round
# trip. Here the chunks are cut again to ~CHUNK_BYTES each. The metadata names each chunk's first and
# last word in full (Pagefind shortens them to the letters that tell neighbours apart, and a chunk
# whose last word is cut to "b" then no longer holds "bus" for the quick lookup). A search loads one
# chunk per word and matches the start of a word only within that chunk, so each cut is made where the
# words on either side share the shortest start: a search for the start of a word still finds its longer
# forms. A single word with more locations than that keeps a chunk of its own. Measured (scripts/
# trace_search.py, phone profile, December 2026): on the real site 'wijkbudget' waited ~310 ms for its
# 30 kB chunk, ~220 ms for 12 kB (8 kB aim), ~190 ms for 6 kB (4 kB aim; 49 chunks, the cuts share at most
# two letters but for one web address). At 5,000 methods: 121 chunks become 270, the metadata grows by
# ~2 kB (41 to 43.5 kB), the cut takes ~3 s; recall and MRR of the query set did not change.
CHUNK_BYTES = 4_000


def _shared_start(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _cut(words: list, sizes: list[int], goal: float) -> list[list]:
    """The words (sorted) in runs of about goal bytes, each cut where the neighbours share the least."""
    groups, start = [], 0
    while start < len(words):
        total, options, end = 0, [], len(words) - 1
        for j in range(start, len(words)):
            total += sizes[j]
            if j + 1 < len(words) and total >= goal / 2:
                options.append((_shared_start(words[j][0], words[j + 1][0]), abs(total - goal), j))
            if total >= goal * 1.5:
                end = min(options)[2] if options else j
                break
        groups.append(words[start:end + 1])
        start = end + 1
    return groups


# A chunk is read word by word without building Python objects for the locations (at 5,000 methods
# the index holds some 11 MB of them): each word's entry is kept as the bytes Pagefind wrote.
_INT = rb"(?:[\x00-\x17\x20-\x37]|[\x18\x38].|[\x19\x39]..|[\x1a\x3a]....|[\x1b\x3b]........)"
_INT_RUNS: dict[int, re.Pattern[bytes]] = {}


def _skip(data: bytes, pos: int) -> int:
    """The position after the CBOR item at pos (Pagefind's subset: integers, strings, arrays, simple values)."""
    pending = 1
    while pending:
        first = data[pos]
        major, info = first >> 5, first & 31
        pos += 1
        pending -= 1
        if info < 24:
            n = info
        elif info <= 27:
            size = 1 << (info - 24)
            n, pos = int.from_bytes(data[pos:pos + size], "big"), pos + size
        else:
            raise SearchIndexError(f"Pagefind-index: onverwacht CBOR-teken {first:#x}")
        if major in (2, 3):
            pos += n
        elif major == 4 and n:
            run = _INT_RUNS.get(n) or _INT_RUNS.setdefault(n, re.compile(_INT + b"{%d}" % n, re.S))
            found = run.match(data, pos)  # a list of word positions: integers only, skipped at once
            if found:
                pos = found.end()
            else:
                pending += n
        elif major not in (0, 1, 4, 7):
            raise SearchIndexError(f"Pagefind-index: onverwacht CBOR-type {major}")
    return pos


def _index_words(path: Path) -> list[tuple[str, bytes]]:
    """The words of a word index chunk in order, each with its entry's CBOR bytes."""
    data = gzip.decompress(path.read_bytes())
    try:
        # [[word, word, ...]]: an array of one array
        if not data.startswith(SIGNATURE + b"\x81") or data[len(SIGNATURE) + 1] >> 5 != 4:
            raise SearchIndexError("")
        info, pos = data[len(SIGNATURE) + 1] & 31, len(SIGNATURE) + 2
        count = info
        if info >= 24:
            size = 1 << (info - 24)
            count, pos = int.from_bytes(data[pos:pos + size], "big"), pos + size
        words = []
        for _ in range(count):
            end = _skip(data, pos)
            if data[pos] >> 5 != 4 or not data[pos] & 31:
                raise SearchIndexError("")
            word, _ = cbor_decode(data, pos + 1)
            if not isinstance(word, str):
                raise SearchIndexError("")
            words.append((word, data[pos:end]))
            pos = end
        if pos != len(data):
            raise SearchIndexError("")
    except (SearchIndexError, IndexError) as problem:
        raise SearchIndexError(f"{path}: onverwachte opbouw (andere Pagefind-versie?)") from problem
    return words


def split_index(bundle: Path, target: int = CHUNK_BYTES) -> None:
    """Cut Pagefind's word index chunks into chunks of about target bytes (gzip'ed)."""
    entry_file = bundle / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_file = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(meta_file)
        chunks = meta[2]
        if not all(isinstance(c, list) and len(c) == 3 and all(isinstance(x, str) for x in c) for c in chunks):
            raise SearchIndexError(f"{meta_file}: onverwachte lijst van indexdelen (andere Pagefind-versie?)")
        words: list[tuple[str, bytes]] = []
        for _, _, name in chunks:
            path = bundle / "index" / f"{name}.pf_index"
            words += _index_words(path)
            path.unlink()
        if [w[0] for w in words] != sorted(w[0] for w in words):
            raise SearchIndexError(f"{meta_file}: de woorden in de index staan niet op volgorde")
        prefix = language["hash"].split("_")[0]
        sizes = [len(w[1]) for w in words]
        # From the size of each word's entry to gzip'ed bytes: the ratio over the whole index (not
        # over Pagefind's chunks, so the same words give the same chunks however Pagefind cut them).
        ratio = len(gzip.compress(b"".join(w[1] for w in words), compresslevel=1, mtime=0)) / max(sum(sizes), 1)
        new = []
        for group in _cut(words, sizes, target / ratio) if words else []:
            data = SIGNATURE + b"\x81" + _head(4, len(group)) + b"".join(w[1] for w in group)
            digest = hashlib.sha256(data).hexdigest()
            name = f"{prefix}_{digest[:7]}"
            if (bundle / "index" / f"{name}.pf_index").exists():
                name = f"{prefix}_{digest[:12]}"
            (bundle / "index" / f"{name}.pf_index").write_bytes(gzip.compress(data, compresslevel=6, mtime=0))
            new.append([group[0][0], group[-1][0], name])
        meta[2] = new
        _save_meta(bundle, language, meta)
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
