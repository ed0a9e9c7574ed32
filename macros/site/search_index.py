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
import importlib.metadata
import io
import json
import subprocess
from pathlib import Path
from typing import Any

import cbor2

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


# The Pagefind whose undocumented index files stable_filters and split_index were written for (pinned as
# pagefind-bin in requirements.lock). Another version may lay its files out otherwise: check them before
# moving this number (tests/unit/test_search_index.py, tests/build/test_determinism.py).
PAGEFIND_VERSION = "1.5.2"


class SearchIndexError(RuntimeError):
    pass


def version_problem(installed: str | None) -> str:
    """A Dutch explanation when the Pagefind found is not PAGEFIND_VERSION; empty when it is."""
    if installed == PAGEFIND_VERSION:
        return ""
    found = f"Pagefind {installed} is geïnstalleerd" if installed else "Pagefind (pakket pagefind-bin) ontbreekt"
    return (f"{found}, maar macros/site/search_index.py herschrijft de indexbestanden van Pagefind "
            f"{PAGEFIND_VERSION} (tip: installeer de vastgezette versies uit requirements.lock opnieuw met "
            f"`make .venv/.installed`; kies je bewust een andere Pagefind, controleer dan of de indexbestanden "
            f"nog zo zijn opgebouwd en zet PAGEFIND_VERSION in search_index.py op die versie)")


def installed_version() -> str | None:
    try:
        return importlib.metadata.version("pagefind-bin")
    except importlib.metadata.PackageNotFoundError:
        return None


def pagefind_command(site: Path, exclude: tuple[str, ...] = EXCLUDE) -> list[str]:
    from pagefind_bin import get_executable  # the wheel's own binary

    command = [str(get_executable()), "--site", str(site), "--force-language", "nl", "--quiet"]
    for selector in exclude:
        command += ["--exclude-selectors", selector]
    return command


def build_search_index(site: Path, exclude: tuple[str, ...] = EXCLUDE) -> None:
    """Index the built site into site/pagefind/ and reduce search/search_index.json to its settings."""
    problem = version_problem(installed_version())
    if problem:
        raise SearchIndexError(problem)
    result = subprocess.run(pagefind_command(site, exclude), capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind kon de zoekindex niet maken (code {result.returncode}):\n"
                               f"{result.stdout}{result.stderr}")
    written = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")).get("version")
    if version_problem(written):  # the binary that ran says which version wrote the files
        raise SearchIndexError(version_problem(written))
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
# The files are gzip'ed "pagefind_dcd" + CBOR, read and written with the cbor2 library (requirements.lock).
# Pagefind's files are undocumented: this code was written against what Pagefind PAGEFIND_VERSION writes, and
# every file read must come out of cbor2 again byte for byte, or the build stops (another layout).

SIGNATURE = b"pagefind_dcd"


def _load(path: Path) -> tuple[Any, bytes]:
    """A Pagefind file's value and its CBOR bytes."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise SearchIndexError(f"{path}: geen Pagefind-bestand")
    try:
        return cbor2.loads(data[len(SIGNATURE):]), data[len(SIGNATURE):]
    except (cbor2.CBORDecodeError, ValueError) as problem:
        raise SearchIndexError(f"{path}: onleesbaar ({problem}) (andere Pagefind-versie?)") from problem


def _read(path: Path) -> Any:
    value, data = _load(path)
    if cbor2.dumps(value) != data:
        raise SearchIndexError(f"{path}: onverwachte opbouw (andere Pagefind-versie?)")
    return value


def _write(folder: Path, value: Any, name: str) -> None:
    (folder / name).write_bytes(gzip.compress(SIGNATURE + cbor2.dumps(value), compresslevel=9, mtime=0))


def _digest(value: Any) -> str:
    return hashlib.sha256(cbor2.dumps(value)).hexdigest()


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


# cbor2 builds Python objects for every word location (the former hand-written reader skipped over them):
# on a synthetic index of 21 MB (about twice what 5,000 methods give) split_index took 4.6 s of CPU instead of
# 2.5 s (December 2026); the output is byte for byte the same.
def _index_words(path: Path) -> list[tuple[str, bytes]]:
    """The words of a word index chunk ([[entry, entry, ...]], each entry [word, ...]) in order, each with
    its entry as CBOR bytes. Each entry is encoded once: the chunk made of them again must be the file."""
    value, data = _load(path)
    words = []
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], list):
        words = [(entry[0], cbor2.dumps(entry)) for entry in value[0]
                 if isinstance(entry, list) and entry and isinstance(entry[0], str)]
    if _chunk(words) != data:
        raise SearchIndexError(f"{path}: onverwachte opbouw (andere Pagefind-versie?)")
    return words


def _chunk(group: list[tuple[str, bytes]]) -> bytes:
    """[[entry, ...]] from entries already encoded: only the heads of the two arrays are written here."""
    out = io.BytesIO()
    encoder = cbor2.CBOREncoder(out)
    encoder.encode_length(4, 1)  # major type 4: an array
    encoder.encode_length(4, len(group))
    for _, entry in group:
        out.write(entry)
    return out.getvalue()


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
            data = SIGNATURE + _chunk(group)
            digest = hashlib.sha256(data).hexdigest()
            name = f"{prefix}_{digest[:7]}"
            if (bundle / "index" / f"{name}.pf_index").exists():
                name = f"{prefix}_{digest[:12]}"
            (bundle / "index" / f"{name}.pf_index").write_bytes(gzip.compress(data, compresslevel=6, mtime=0))
            new.append([group[0][0], group[-1][0], name])
        meta[2] = new
        _save_meta(bundle, language, meta)
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
