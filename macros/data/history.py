"""When each data file was added and last changed, from git history (for "Wat is er nieuw").

Only commits count, never the working tree, so the answer is the same for every build of one commit.
Where the history is missing or incomplete (no git, a copied project, a shallow clone such as CI's
default checkout) every date is unknown: a shallow clone makes its oldest commit look as if it added
every file, so its dates would be wrong, and a wrong date is worse than none.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

_MARK = "\x1e"  # starts each commit in the log output (a character no path contains)


@dataclass(frozen=True)
class FileDates:
    added: date
    changed: date


def file_dates(folder: Path) -> dict[str, FileDates]:
    """{path relative to folder: dates} for every file under folder that git history knows; {} when the
    history is not there or not complete."""
    if shutil.which("git") is None or not folder.is_dir():
        return {}
    shallow = _git(folder, "rev-parse", "--is-shallow-repository")
    if shallow is None or shallow.strip() != "false":
        return {}
    log = _git(folder, "log", "--full-history", "--no-renames", "--relative", "--name-only",
               f"--format={_MARK}%ct", "--", ".")
    if log is None:
        return {}
    dates: dict[str, FileDates] = {}
    for chunk in log.split(_MARK)[1:]:
        stamp, _, names = chunk.partition("\n")
        day = datetime.fromtimestamp(int(stamp), tz=UTC).date()  # the commit's date, in UTC
        for name in filter(None, (line.strip() for line in names.splitlines())):
            known = dates.get(name)
            dates[name] = FileDates(min(day, known.added), max(day, known.changed)) if known else FileDates(day, day)
    return dates


def _git(folder: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True,
                                timeout=60, env={**os.environ, "LC_ALL": "C"})
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None

