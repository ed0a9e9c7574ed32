"""One way to write a file a later build reads back: whole or not at all (two builds side by side never read
half a file), and best effort (a read-only or full disk only costs the next build time). Curator commands
write data/ through it too, strictly: an interrupted write never leaves half a record."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(file: Path, data: bytes, *, best_effort: bool = True) -> None:
    """``best_effort=False`` for a curator's own file: a failure is raised, never passed over in silence."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=f".{file.stem}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, file)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        if not best_effort:
            raise
