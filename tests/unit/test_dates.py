"""Dates are real dates everywhere: one date type per precision in common.schema.json, days that exist,
and nothing reviewed or checked after the day the data is checked on (injected: no test reads the clock)."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from macros.data.dataset import load_dataset
from macros.data.schema import is_partial_date
from tests.support import ROOT

TODAY = date(2026, 12, 1)
SCHEMAS = ROOT / "data" / "schema"
DATE_REFS = {"common.schema.json#/$defs/date", "common.schema.json#/$defs/partialDate"}


def _date_fields(node: object, path: str = "") -> list[tuple[str, object]]:
    """Every property whose name says it holds a date, with its schema."""
    found: list[tuple[str, object]] = []
    if isinstance(node, dict):
        for name, sub in (node.get("properties") or {}).items():
            # (a case's period.end is a year or a word such as 'lopend': checked as such, not a date)
            if name in ("date", "end", "reviewed", "datum", "gecontroleerd", "described_until") \
                    and not path.endswith("/period"):
                found.append((f"{path}.{name}", sub))
        for key, sub in node.items():
            found += _date_fields(sub, f"{path}/{key}")
    elif isinstance(node, list):
        for sub in node:
            found += _date_fields(sub, path)
    return found


def test_every_date_field_uses_a_shared_date_type() -> None:
    fields = [(f"{p.name}{where}", spec) for p in sorted(SCHEMAS.glob("*.schema.json"))
              for where, spec in _date_fields(json.loads(p.read_text(encoding="utf-8")))]
    assert len(fields) >= 6
    assert [where for where, spec in fields if not (isinstance(spec, dict) and spec.get("$ref") in DATE_REFS)] == []


@pytest.mark.parametrize("text,real", [
    ("1969", True), ("2024-02", True), ("2024-02-29", True), ("2025-02-28", True),
    ("2025-02-30", False), ("2025-02-29", False), ("2024-13", False), ("2024-00", False), ("2024-04-31", False),
    ("2024-1", True),  # a wrong shape is the pattern's to report, once
])
def test_a_partial_date_exists(text: str, real: bool) -> None:
    assert is_partial_date(text) is real


def _errors(data_dir: Path, today: date = TODAY) -> list[str]:
    return [str(p) for p in load_dataset(data_dir, data_dir.parent, today=today).problems.errors]


def test_a_review_on_the_day_itself_passes_and_one_day_later_does_not(data_dir: Path) -> None:
    reviewed = date(2026, 11, 1)  # every reviewed fixture record (tests/fixtures/data) is dated so
    assert _errors(data_dir, today=reviewed) == []
    errors = _errors(data_dir, today=date(2026, 10, 31))
    assert "data/methods/burgerpanel.yaml:20: reviewed: 2026-11-01 ligt in de toekomst (vandaag is het 2026-10-31) " \
           "(tip: een beoordeling krijgt de datum waarop zij gebeurde; python -m scripts.wijkengids beoordeel ID " \
           "--door \"Naam, rol\" vult die zelf in)" in errors
    assert errors and all(": reviewed: 2026-11-01 ligt in de toekomst" in e for e in errors)


def test_a_fact_checked_after_today_is_refused_on_the_injected_day(data_dir: Path) -> None:
    def register(today: date) -> list[str]:
        return [e for e in _errors(data_dir, today) if e.startswith("data/feiten.yaml")]
    assert register(date(2020, 1, 10)) == []
    assert [e[:70] for e in register(date(2020, 1, 9))] == [
        "data/feiten.yaml:8: gecontroleerd: 2020-01-10 ligt in de toekomst (tip: vul de dag in waarop het"[:70]]


@pytest.mark.parametrize("old,new,expected", [
    ("  date: 2020-03\n", "  date: 2020-13\n", "data/timeline.yaml:8: [2].date: '2020-13' is geen bestaande datum"),
    ("  date: 2020-03\n", "  date: 03-2020\n",
     "data/timeline.yaml:8: [2].date: '03-2020' is geen datum in de vorm JJJJ, JJJJ-MM of JJJJ-MM-DD"),
    ("  end: \"2020\"\n", "  end: \"2019-05\"\n", "data/timeline.yaml:15: [3].end: 2019-05 ligt vóór de datum 2019-06-01"),
])
def test_timeline_dates_are_real_and_in_order(data_dir: Path, old: str, new: str, expected: str) -> None:
    path = data_dir / "timeline.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    errors = _errors(data_dir)
    assert [e for e in errors if e.startswith(expected)] != [], errors
    assert len(errors) == 1, errors


def test_a_period_within_one_year_is_in_order(data_dir: Path) -> None:
    path = data_dir / "timeline.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('  end: "2020"\n', '  end: "2019"\n'), encoding="utf-8")
    assert _errors(data_dir) == []  # 2019-06-01 to 2019: as precise as both are, the same year


def test_a_case_month_that_does_not_exist_is_refused(data_dir: Path) -> None:
    path = data_dir / "cases" / "voorbeeldwijk.yaml"
    text = path.read_text(encoding="utf-8")
    assert "described_until: 2020-01" in text
    path.write_text(text.replace("described_until: 2020-01", "described_until: 2020-14"), encoding="utf-8")
    assert [e for e in _errors(data_dir) if "described_until: '2020-14' is geen bestaande datum" in e] != []
