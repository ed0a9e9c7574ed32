"""Mark a record as reviewed by an expert: the work behind ``python -m scripts.wijkengids beoordeel``.

Finds the record by its id (or by a path that lies in this data/ folder, never a file of the same name
elsewhere), refuses a record with errors or one that misses what its kind needs, changes exactly the lines
``status``, ``reviewed`` and ``reviewer``, checks the new text before it is written, and writes it in one
step (``atomic_file``). The data is loaded once. Plain Python: the command only parses and prints.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from ..core.atomic_file import write_atomically
from ..core.problems import Problem
from . import review_state
from .dataset import Dataset, check_record_text, load_dataset
from .kinds import RecordKind
from .record_template import yaml_scalar

STATUS_COMMAND = "python -m scripts.wijkengids status"


class ReviewError(ValueError):
    """Input that names no record of this data, or a reviewer or date that cannot be: one Dutch line with a tip."""


@dataclass
class ReviewResult:
    """What ``review`` did: ``written`` when the file changed; else ``problems`` or ``missing`` say why not."""

    path: Path
    display: str  # 'data/methods/abcd.yaml'
    record_id: str
    kind: RecordKind
    written: bool = False
    problems: list[Problem] = field(default_factory=list)  # errors the file has (or would have after the change)
    missing: list[str] = field(default_factory=list)  # fields 'beoordeeld' needs that the record leaves empty
    changed_would_break: bool = False  # the problems are those the new text would have
    kind_word: str = ""  # what the review table calls it: a method's own kind ('regeling'), else the kind's id


def review(data_dir: Path, wanted: str, reviewer: str, day: date | None = None,
           today: date | None = None) -> ReviewResult:
    """Set status, reviewed (``day``, default ``today``) and reviewer in the record ``wanted`` (an id or a path).
    ``today``: the clock's date unless a test gives its own. Raises ReviewError for input that cannot be used."""
    today = today or datetime.now(tz=UTC).date()
    day = day or today
    reviewer = " ".join(reviewer.split())
    data_dir = data_dir.resolve()
    data = load_dataset(data_dir, data_dir.parent, today=today)
    why = review_state.reviewer_problem(reviewer, review_state.group_words(data.schemas.raw)) if reviewer else "leeg"
    if why:
        raise ReviewError(f"--door '{reviewer}' is geen beoordelaar: {why} (tip: geef naam en rol van één deskundige, "
                          f"gescheiden door een komma, bijvoorbeeld --door \"{review_state.REVIEWER_EXAMPLE}\"; een "
                          "groep of organisatie alleen is geen beoordelaar)")
    if day > today:
        raise ReviewError(f"{day.isoformat()} ligt in de toekomst (tip: een beoordeling krijgt de datum waarop zij "
                          "gebeurde; laat --datum weg voor vandaag)")
    kind, path = find_record_file(data, wanted, data_dir)
    display = path.relative_to(data_dir.parent).as_posix()
    result = ReviewResult(path, display, path.stem, kind)
    result.problems = [p for p in data.problems.errors if p.file == display]
    if result.problems:
        return result
    record = data.records_of(kind.id)[path.stem]
    result.kind_word = str(record.get(review_state.TABLE_KEY) or kind.id)
    result.missing = review_state.missing_for_review(data.schemas.raw, kind.id, record)
    if result.missing:
        return result
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeError) as exc:
        raise ReviewError(f"{display} kan niet worden gelezen ({exc}) (tip: {STATUS_COMMAND} toont de records)") from None
    new = set_review_fields(text, day, reviewer).encode("utf-8")
    result.problems = check_record_text(data, kind, path, new, display, today=today)
    if result.problems:  # never write a broken file
        result.changed_would_break = True
        return result
    write_atomically(path, new, best_effort=False)
    result.written = True
    return result


def find_record_file(data: Dataset, wanted: str, data_dir: Path) -> tuple[RecordKind, Path]:
    """(kind, file) of the record a curator names: an id ('abcd', also 'abcd/', './abcd', 'abcd.yaml'), or a path
    to a record file in this data folder ('data/methods/abcd.yaml', 'methods/abcd'). A path that leads anywhere
    else is refused: the command never edits a file other than the one named."""
    text = wanted.strip()
    bare = re.sub(r"^(\./)+", "", text).rstrip("/").removesuffix(".yaml")
    if not bare:
        raise ReviewError(f"geef de id van een record (tip: {STATUS_COMMAND} toont alle id's)")
    if "/" not in bare and "\\" not in bare:
        return _by_id(data, bare, data_dir)
    return _by_path(data, text, data_dir)


def _by_id(data: Dataset, record_id: str, data_dir: Path) -> tuple[RecordKind, Path]:
    found = [(kind, data_dir / kind.folder / f"{record_id}.yaml") for kind in data.kinds]
    found = [(kind, path) for kind, path in found if path.is_file() and not path.is_symlink()]
    if not found:
        raise ReviewError(f"geen record met id '{record_id}' (tip: {STATUS_COMMAND} toont alle id's)")
    if len(found) > 1:
        paths = " of ".join(path.relative_to(data_dir.parent).as_posix() for _, path in found)
        raise ReviewError(f"de id '{record_id}' bestaat meer dan eens (tip: geef het pad: {paths})")
    return found[0]


def _by_path(data: Dataset, text: str, data_dir: Path) -> tuple[RecordKind, Path]:
    given = Path(text.rstrip("/"))
    if given.suffix != ".yaml":
        given = given.with_name(given.name + ".yaml")
    # As typed (from where the curator stands), then from data/ ('methods/abcd') and from the repository.
    candidates = [given] if given.is_absolute() else [given, data_dir / given, data_dir.parent / given]
    for candidate in candidates:
        if not candidate.exists():
            continue
        place = candidate.resolve() if not candidate.is_symlink() else None
        kind = next((k for k in data.kinds if place is not None and place.parent == data_dir / k.folder), None)
        if kind is None or place is None:
            raise ReviewError(f"'{text}' is geen record in de gegevensmap van deze repository "
                              f"({data_dir.parent.name}/{data_dir.name}/) (tip: geef de id van het record, "
                              f"bijvoorbeeld '{given.stem}'; beoordeel verandert alleen records van deze repository)")
        return kind, place
    raise ReviewError(f"geen record gevonden op '{text}' (tip: geef de id, bijvoorbeeld '{given.stem}'; "
                      f"{STATUS_COMMAND} toont alle id's)")


_STATUS_LINE = re.compile(r"^status:[ \t]*([A-Za-z-]+)[ \t]*(#.*)?$")


def set_review_fields(text: str, day: date, reviewer: str) -> str:
    """The file text with status, reviewed and reviewer set; every other line exactly as it was.
    Existing top-level 'reviewed:'/'reviewer:' lines are replaced in place, missing ones go after status."""
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    values = {"status": review_state.REVIEWED, "reviewed": day.isoformat(), "reviewer": yaml_scalar(reviewer)}
    found: dict[str, int] = {}
    for index, line in enumerate(lines):
        for key in values:
            if re.match(rf"{key}:(\s|$)", line):
                if key in found:
                    raise ReviewError(f"'{key}' staat twee keer in het bestand (tip: haal er één weg)")
                found[key] = index
    if "status" not in found or not _STATUS_LINE.match(lines[found["status"]].rstrip("\r\n")):
        raise ReviewError("geen regel 'status: …' gevonden (tip: zet 'status: concept' in het bestand en probeer opnieuw)")
    for key in ("status", "reviewed", "reviewer"):
        if key in found:
            ending = newline if lines[found[key]].endswith(("\n", "\r")) else ""
            comment = ""
            if key == "status":
                status_line = _STATUS_LINE.match(lines[found[key]].rstrip("\r\n"))
                comment = (status_line.group(2) if status_line else "") or ""
            lines[found[key]] = f"{key}: {values[key]}" + (f"  {comment}" if comment else "") + ending
    insert_at = max(found.get("status", 0), found.get("reviewed", -1)) + 1
    if not lines[insert_at - 1].endswith(("\n", "\r")):
        lines[insert_at - 1] += newline
    for key in ("reviewed", "reviewer"):
        if key not in found:
            lines.insert(insert_at, f"{key}: {values[key]}{newline}")
            insert_at += 1
        else:
            insert_at = max(insert_at, found[key] + 1)
    return "".join(lines)
