"""Fuzzing: real records and BibTeX entries, mutated the way a careless curator (or a broken export) would,
through the loader and everything `controleer` runs. Whatever the input: no traceback, every error names a file
and a line, and no record or entry disappears without an error that says so.

The bounded run is part of `make test` (derandomized: the same examples every run, so CI is steady);
`make fuzz` runs many more, with fresh random examples (WIJKENGIDS_FUZZ=<examples per property>).
"""
from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.data.kinds import RECORD_KINDS
from scripts import check
from scripts.wijkengids import missing_per_record, placeholders
from tests.support import FIXTURE_DATA, ROOT

EXAMPLES = int(os.environ.get("WIJKENGIDS_FUZZ", "15"))
FUZZ = settings(max_examples=EXAMPLES, derandomize="WIJKENGIDS_FUZZ" not in os.environ, deadline=None,
                database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
TODAY = date(2026, 12, 1)

#: Real records of every kind (data/), as text: the seeds the mutations start from.
SEEDS = [(kind, path.read_text(encoding="utf-8")) for kind in RECORD_KINDS
         for path in sorted((ROOT / "data" / kind.folder).glob("*.yaml"))[:6]]
BIB_ENTRIES = [m.group() for m in re.finditer(r"(?ms)^@\w+\{.*?^\}", (ROOT / "data" / "references.bib")
                                              .read_text(encoding="utf-8"))][:40]


@pytest.fixture(scope="module")
def workspace() -> Iterator[Path]:
    """One copy of the fixture data for the whole module: each example writes one file and puts it back."""
    folder = Path(tempfile.mkdtemp(prefix="wijkengids-fuzz-"))
    shutil.copytree(FIXTURE_DATA, folder / "data", symlinks=False)
    yield folder / "data"
    shutil.rmtree(folder)


# --- mutations ---------------------------------------------------------------------------------------------

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(allow_nan=True),
                    st.text(max_size=40), st.sampled_from(["2025-02-30", "2024-13-01", "0000-00-00", "2099-01-01",
                                                           "1969", "2014-09", "99999-01-01", "onbekend", "NO", "010",
                                                           "12:30", "~", "!!python/object", "{{ config }}"]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                         max_size=4), max_leaves=12)
odd_dates = st.builds(lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}", st.integers(0, 9999), st.integers(0, 14),
                      st.integers(0, 33))


def nested(value: Any, depth: int) -> Any:
    for level in range(depth):
        value = [value] if level % 2 else {"x": value}
    return value


@st.composite
def mutated_record(draw: st.DrawFn) -> tuple[Any, str]:
    """(kind, text of one record file): a real record with one to three mutations."""
    kind, text = draw(st.sampled_from(SEEDS))
    record = yaml.safe_load(text)
    for _ in range(draw(st.integers(1, 3))):
        keys = sorted(record) or ["id"]
        key = draw(st.sampled_from(keys))
        action = draw(st.sampled_from(["type", "drop", "unicode", "deep", "huge", "date", "new-field"]))
        if action == "type":
            record[key] = draw(values)
        elif action == "drop":
            record.pop(key, None)
        elif action == "unicode":
            record[key] = str(record.get(key, "")) + draw(st.text(min_size=1, max_size=20))
        elif action == "deep":
            record[key] = nested(record.get(key), draw(st.integers(1, 40)))
        elif action == "huge":
            record[key] = draw(st.sampled_from(["x" * 200_000, 10**400, ["y"] * 20_000]))
        elif action == "date":
            record[draw(st.sampled_from(["reviewed", "described_until", key]))] = draw(odd_dates)
        else:
            record[draw(st.text(min_size=1, max_size=12))] = draw(values)
    try:
        out = yaml.safe_dump(record, allow_unicode=True, sort_keys=False)
    except (yaml.YAMLError, ValueError, OverflowError):
        out = text
    lines = out.splitlines(keepends=True)
    # Text-level mistakes the structure cannot make: a key twice, a line cut short, a stray character.
    if lines and draw(st.booleans()):
        index = draw(st.integers(0, len(lines) - 1))
        lines.insert(index, draw(st.sampled_from([lines[index], lines[index][: len(lines[index]) // 2] + "\n",
                                                  draw(st.text(max_size=10)) + "\n", "\t" + lines[index]])))
    return kind, "".join(lines)


@st.composite
def mutated_bib(draw: st.DrawFn) -> str:
    """A reading list of real entries, one of them mutated."""
    entries = draw(st.lists(st.sampled_from(BIB_ENTRIES), min_size=1, max_size=4, unique=True))
    index = draw(st.integers(0, len(entries) - 1))
    lines = entries[index].splitlines()
    for _ in range(draw(st.integers(1, 3))):
        field = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "double", "type", "unicode", "brace", "huge", "year", "key"]))
        if action == "drop" and len(lines) > 2:
            lines.pop(field)
        elif action == "double":
            lines.insert(field, lines[field])
        elif action == "type":
            lines[0] = re.sub(r"^@\w+", "@" + draw(st.sampled_from(["misc", "blogpost", "BOOK", "", "string"])), lines[0])
        elif action == "unicode":
            lines[field] += draw(st.text(max_size=20))
        elif action == "brace":
            lines[field] += draw(st.sampled_from(["{", "}", '"', "}}", "\\", "%"]))
        elif action == "huge":
            lines.insert(1, "  note = {" + "z" * 100_000 + "},")
        elif action == "year":
            lines.insert(1, f"  year = {{{draw(st.sampled_from(['0', '99999', 'z.d.', '2025-02-30', '-3', '']))}}},")
        else:
            opened = re.search(r"\{[^,]*,", lines[0])  # the key as typed (no regex replacement: no escapes)
            if opened:
                lines[0] = lines[0][:opened.start()] + "{" + draw(st.text(max_size=12)) + "," + lines[0][opened.end():]
    entries[index] = "\n".join(lines)
    return "\n\n".join(entries) + "\n"


# --- what must hold for every input ------------------------------------------------------------------------

def controleer(data_dir: Path) -> Any:
    """Everything `controleer` runs (scripts/wijkengids.py cmd_check), with the day injected."""
    out = io.StringIO()
    _, data = check.run(data_dir, out, today=TODAY)
    placeholders(data_dir)
    missing_per_record(data)
    return data


def assert_reported(data: Any, file: str) -> None:
    errors = data.problems.errors
    assert all(p.file and p.line >= 1 for p in errors), [str(p)[:200] for p in errors if not (p.file and p.line)]
    assert all("Traceback" not in str(p) for p in data.problems.items)


@FUZZ
@given(case=mutated_record())
def test_a_mutated_record_is_loaded_or_reported_never_a_crash(workspace: Path, case: tuple[Any, str]) -> None:
    kind, text = case
    target = workspace / kind.folder / "gemuteerd.yaml"
    target.write_text(text, encoding="utf-8")
    try:
        data = controleer(workspace)
    finally:
        target.unlink()
    display = f"data/{kind.folder}/gemuteerd.yaml"
    assert_reported(data, display)
    mine = [p for p in data.problems.errors if p.file == display]
    if not mine:  # no error about the file: then its record is there, under its id (which is its name)
        assert "gemuteerd" in data.records_of(kind.id), "a record without errors was dropped"


@FUZZ
@given(text=mutated_bib())
def test_a_mutated_reading_list_is_loaded_or_reported_never_a_crash(workspace: Path, text: str) -> None:
    target = workspace / "references.bib"
    original = target.read_bytes()
    target.write_bytes(original + b"\n" + text.encode("utf-8"))
    try:
        data = controleer(workspace)
    finally:
        target.write_bytes(original)
    assert_reported(data, "data/references.bib")
    if not [p for p in data.problems.errors if p.file == "data/references.bib"]:
        keys = re.findall(r"(?m)^@\w+\{([^,\s]+),", text)
        assert [key for key in keys if key not in data.bibliography] == [], "an entry without errors was dropped"
