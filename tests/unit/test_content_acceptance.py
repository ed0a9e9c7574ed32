"""Issue 14, acceptance: every real method of kind `methode` or `instrument` tells a professional when to use
it, who does what, and how strong the evidence is. Read through the data layer, as the site and `status` read it.
"""
from __future__ import annotations

from typing import Any

from macros.data import review_state
from macros.data.dataset import load_dataset, load_valid_dataset
from tests.support import ROOT

REAL_DATA = ROOT / "data"
KINDS = ("methode", "instrument")
FIELDS = ("when_to_use", "who_does_what", "evidence.level")


def value(record: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        record = record.get(part) if isinstance(record, dict) else None
    return record


def filled(found: Any) -> bool:
    if isinstance(found, str):
        return bool(found.strip())
    if isinstance(found, dict):
        return any(filled(v) for v in found.values())
    if isinstance(found, list):
        return any(filled(v) for v in found)
    return found is not None


def test_every_method_and_instrument_says_when_who_and_how_strong() -> None:
    data = load_valid_dataset(REAL_DATA, ROOT)
    records = sorted((r for r in data.methods.values() if r["kind"] in KINDS), key=lambda r: r.id)
    # Both kinds are on the site in numbers (14 and 6 in December 2026): an empty selection would pass anything.
    assert {r["kind"] for r in records} == set(KINDS) and len(records) >= 15
    missing = [f"{r.path}: {name}" for r in records for name in FIELDS if not filled(value(r, name))]
    assert not missing, "a methode/instrument without when_to_use, who_does_what or evidence.level:\n" + "\n".join(missing)


def test_status_names_none_of_these_fields_as_missing() -> None:
    """What `python -m scripts.wijkengids status` reports comes from the same table: it agrees."""
    data = load_dataset(REAL_DATA, ROOT)
    assert not data.problems.errors
    named = {r.id: [f for f in review_state.missing_for_review(data.schemas.raw, "method", r) if f in FIELDS]
             for r in data.methods.values() if r["kind"] in KINDS}
    assert named and all(f in review_state.required_for_review(data.schemas.raw, "method", r)
                         for r in data.methods.values() if r["kind"] in KINDS for f in FIELDS)
    assert {k: v for k, v in named.items() if v} == {}


def test_the_check_finds_an_empty_field() -> None:
    """The check can fail: a record with an empty who_does_what and no evidence counts as missing both."""
    record = {"when_to_use": ["Als bewoners zelf een plan hebben."], "who_does_what": {"bewoners": []},
              "evidence": {"level": None}}
    assert [name for name in FIELDS if not filled(value(record, name))] == ["who_does_what", "evidence.level"]


def test_no_reading_list_title_is_a_bracketed_stand_in() -> None:
    """Issue 14, acceptance: no page shows a bracketed stand-in title ('[Artikel over …]'). Every title on the
    reading list is the work's own title or, marked 'titel niet gecontroleerd', its subject; never a description
    in square brackets."""
    data = load_valid_dataset(REAL_DATA, ROOT)
    titles = {entry.key: entry.title for entry in data.bibliography}
    assert len(titles) > 100
    assert {key: title for key, title in titles.items() if title.lstrip().startswith("[")} == {}


def test_every_method_in_the_overview_can_be_acted_on() -> None:
    """Issue 25, point 4: steps (at least three), who does what, duration, costs and an evidence level with a
    summary, for every method a professional can choose (ideas and history sit apart, under Achtergrond)."""
    from scripts.wijkengids import actionable_gaps
    data = load_valid_dataset(REAL_DATA, ROOT)
    methods = [m for m in data.methods.values() if m.get("section") != "achtergrond"]
    assert len(methods) >= 20
    gaps = [f"{m.path}: {', '.join(actionable_gaps(m))}" for m in methods if actionable_gaps(m)]
    assert not gaps, "\n".join(gaps)
    background = sorted(m.id for m in data.methods.values() if m.get("section") == "achtergrond")
    assert background == ["buurtverbeteringszone", "digitale-participatie", "expertiselab", "groene-streekmaatschap",
                          "toukomst", "wijkadoptie-kamerleden"]


def test_an_unknown_cost_says_where_the_editors_looked(data_dir) -> None:
    path = data_dir / "methods" / "burgerpanel.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\ncosts:\n  money: Onbekend, de bronnen zwijgen.\n", encoding="utf-8")
    errors = [str(p) for p in load_dataset(data_dir, data_dir.parent).problems.errors]
    line = len(text.rstrip("\n").splitlines()) + 2
    assert f"data/methods/burgerpanel.yaml:{line}: costs.money: 'onbekend' zonder te zeggen waar is gezocht" in \
        " ".join(errors), errors
