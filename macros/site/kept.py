"""Files a page family made, kept in the build's cache folder (``.cache/wijkengids/``) for the next build.

The reading list is the largest fixed cost of a build that the data barely changes: 2,000 entries, each
with its own BibTeX and RIS file, and a page that lists them all. Its files depend only on what goes
into its key (``family_key``): the reading list and themes files, where the site cites each entry, the
site settings, and every file of this package's code and templates. A build whose key matches takes
the files as they were written; any change to one of those makes the family again.

A kept file is only read as a ``marshal`` tuple of strings (no objects), so a damaged or foreign file is
ignored, never trusted; it is replaced atomically, so two builds side by side never read half a file.
"""
from __future__ import annotations

import hashlib
import json
import marshal
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from ..core.atomic_file import write_atomically

_FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent.parent  # macros/: code, templates and the data layer


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of every file of the page generator (Python and templates), the Python version and the
    versions of the libraries that shape the text."""
    digest = hashlib.sha256(f"{_FORMAT} {sys.version_info[:2]}".encode())
    for package in ("jinja2", "markupsafe", "markdown", "bibtexparser", "pylatexenc"):
        try:
            digest.update(f"{package} {metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(package.encode())
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.is_file() and p.suffix in (".py", ".j2", ".json")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def family_key(*parts: Any) -> str:
    """A key of the code and of ``parts`` (bytes, or anything JSON can write with sorted keys)."""
    digest = hashlib.sha256(code_version().encode())
    for part in parts:
        data = part if isinstance(part, bytes) else json.dumps(part, sort_keys=True, ensure_ascii=False,
                                                              default=str).encode()
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


class KeptFiles:
    """The kept files of each page family in ``folder`` (None: nothing is kept)."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    def get(self, family: str, key: str) -> dict[str, str] | None:
        if self.folder is None:
            return None
        try:
            stored = marshal.loads((self.folder / f"{family}.marshal").read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return None
        if not (isinstance(stored, tuple) and len(stored) == 3 and stored[:2] == (_FORMAT, key)
                and isinstance(stored[2], dict)
                and all(isinstance(k, str) and isinstance(v, str) for k, v in stored[2].items())):
            return None
        return stored[2]

    def put(self, family: str, key: str, files: dict[str, str]) -> None:
        """Keep the files (best effort: a read-only or full disk only costs the next build time)."""
        if self.folder is not None:
            write_atomically(self.folder / f"{family}.marshal", marshal.dumps((_FORMAT, key, files)))
