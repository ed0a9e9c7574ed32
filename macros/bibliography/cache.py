"""The parsed and checked reading list, kept between builds (``.cache/wijkengids/``, git-ignored).

Reading and checking ``references.bib`` is the largest fixed cost of a build (about a second for 2,000
entries); its result depends only on the file's bytes, the name it is reported under and this package's
code. So the result is stored under a key made of exactly those (plus the versions of the parser and
LaTeX decoder), and a later build with the same key reads it back instead of parsing again.

A cache is never trusted blindly: a file that is missing, unreadable, truncated, from an older code
version or of another shape is ignored (and replaced), and only the classes of the reading list can be
read from it (no other object a pickle could name). The one file is rewritten atomically, so two
builds side by side never read half a file.
"""
from __future__ import annotations

import hashlib
import io
import pickle
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from ..core.atomic_file import write_atomically
from ..core.problems import Problems
from .load import load_bibliography
from .model import Bibliography

#: The one cache file in the cache folder; a new key overwrites it, so old versions never pile up.
CACHE_FILE = "leeslijst.pickle"
_FORMAT = 1
#: Modules whose classes a cache file may hold: the reading list's own data classes.
_ALLOWED_MODULES = ("macros.bibliography.", "macros.core.problems")
_ALLOWED_CLASSES = {("markupsafe", "Markup")}  # a formatted reference is safe HTML
_CODE = (*sorted(Path(__file__).parent.glob("*.py")), Path(__file__).parent.parent / "core" / "problems.py")


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of everything besides the file that shapes the result: this package's source, the
    problem model, the parser, decoder and Markup versions and the Python version (pickles follow it)."""
    digest = hashlib.sha256(f"{_FORMAT} {sys.version_info[:2]}".encode())
    for package in ("bibtexparser", "pylatexenc", "markupsafe"):
        try:
            digest.update(f"{package} {metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(package.encode())
    for path in _CODE:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def cache_key(raw: bytes, display_path: str) -> str:
    return hashlib.sha256(code_version().encode() + b"\0" + display_path.encode() + b"\0" + raw).hexdigest()


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if module.startswith(_ALLOWED_MODULES) or (module, name) in _ALLOWED_CLASSES:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} hoort niet in de cache van de leeslijst")


class ReadingListCache:
    """The reading list of one build, kept in ``folder`` for the next.

    ``load`` reads ``references.bib`` through the cache. After the pages are made, ``keep_derived`` stores
    what the build derived from each entry (its reference, exports, COinS: ``Entry.derived``, made only by
    this package, whose code is part of the key), so the next build with the same file need not
    format the list again. Without a folder (None) nothing is kept and every load parses.
    """

    def __init__(self, folder: Path | None):
        self.folder = folder
        self._kept: tuple[str, Bibliography, Problems, int] | None = None  # key, result, derived values stored

    @property
    def file(self) -> Path | None:
        return self.folder / CACHE_FILE if self.folder is not None else None

    def load(self, path: Path, display_path: str) -> tuple[Bibliography, Problems]:
        """``load_bibliography(path, display_path)``, read from the cache when the file, its name and the
        code are unchanged since the build that wrote it."""
        self._kept = None
        if self.file is None:
            return load_bibliography(path, display_path)
        try:
            raw = path.read_bytes()
        except OSError:  # load_bibliography reports the unreadable file
            return load_bibliography(path, display_path)
        key = cache_key(raw, display_path)
        result = read_cache(self.file, key)
        if result is None:
            result = load_bibliography(path, display_path)
            write_cache(self.file, key, result)
        self._kept = (key, *result, _derived_count(result[0]))
        return result

    def keep_derived(self, bib: Bibliography) -> None:
        """Store the entries again if the build derived values the stored copy lacks; then let the entries
        forget them (made again on demand): the rest of the build needs few, and memory stays as it was."""
        if self.file is not None and self._kept is not None and self._kept[1] is bib:
            key, _, problems, stored = self._kept
            count = _derived_count(bib)
            if count > stored:
                write_cache(self.file, key, (bib, problems))
            self._kept = None
        for entry in bib:
            entry.derived.clear()


def _derived_count(bib: Bibliography) -> int:
    return sum(len(entry.derived) for entry in bib)


def load_bibliography_cached(path: Path, display_path: str,
                             cache_dir: Path | None) -> tuple[Bibliography, Problems]:
    """``load_bibliography`` through a cache in ``cache_dir`` (None: no cache, just parse)."""
    return ReadingListCache(cache_dir).load(path, display_path)


def read_cache(file: Path, key: str) -> tuple[Bibliography, Problems] | None:
    """The stored result for ``key``, or None for anything else (no file, another key, damage)."""
    try:
        stored = _Unpickler(io.BytesIO(file.read_bytes())).load()
    except Exception:  # noqa: BLE001 - a damaged or foreign cache is not an error: parse again
        return None
    if not (isinstance(stored, dict) and stored.get("format") == _FORMAT and stored.get("key") == key):
        return None
    value = stored.get("value")
    if not (isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], Bibliography)
            and isinstance(value[1], Problems)):
        return None
    return value[0], value[1]


def write_cache(file: Path, key: str, value: tuple[Bibliography, Problems]) -> None:
    """Store the result (best effort: a read-only or full disk only costs the next build time)."""
    write_atomically(file, pickle.dumps({"format": _FORMAT, "key": key, "value": value}, protocol=pickle.HIGHEST_PROTOCOL))
