"""Review state: may a record say it was checked, and what it still lacks before it may.

Every method, case and checklist has ``status``: ``concept`` (written by the editors from the
sources, not yet checked by an expert) or ``beoordeeld`` (checked by a named expert). The rules:

* ``beoordeeld`` needs ``reviewed`` (a date) and ``reviewer`` (one person: "Naam, rol");
* ``concept`` has neither (nobody checked it, so nobody and no date are named);
* ``beoordeeld`` also needs the fields the schema's ``x-review-requires`` table names for the
  record's ``kind`` (methods only; e.g. a ``methode`` needs steps, when_to_use, …).

The table and the words that make a reviewer a group instead of a person live in the schema
(data/schema/method.schema.json, common.schema.json), so the curator guide can show them and
nothing here needs to change when the editors change the table. Pure Python, no MkDocs.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

from ..core.problems import Problems

CONCEPT = "concept"
REVIEWED = "beoordeeld"
#: The record field whose value picks a row of the table (methods only).
TABLE_KEY = "kind"
BEOORDEEL_COMMAND = 'python -m scripts.wijkengids beoordeel ID --door "Naam, rol"'
REVIEWER_EXAMPLE = "dr. A. Voorbeeld, Hogeschool Voorbeeldstad"


def review_table(raw: dict[str, Any], kind: str) -> dict[str, list[str]]:
    """{value of `kind`: [fields 'beoordeeld' requires]} for a record type ({} when it has no table).
    ``raw`` is Schemas.raw (file name -> JSON)."""
    return dict(raw.get(f"{kind}.schema.json", {}).get("x-review-requires", {}))


def group_words(raw: dict[str, Any]) -> list[str]:
    return list(raw["common.schema.json"]["$defs"]["reviewer"].get("x-group-words", []))


def _filled(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, (list, dict, str)):
        return bool(value) and (not isinstance(value, str) or bool(value.strip()))
    return True


def _get(record: Any, dotted: str) -> Any:
    value = record
    for part in dotted.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def required_for_review(raw: dict[str, Any], kind: str, record: Any) -> list[str]:
    """The fields 'beoordeeld' requires of this record (by its `kind`, for methods)."""
    table = review_table(raw, kind)
    if not table:
        return []
    return list(table.get(str(record.get(TABLE_KEY) or ""), []))


def missing_for_review(raw: dict[str, Any], kind: str, record: Any, skip: Iterable[str] = ()) -> list[str]:
    """Fields 'beoordeeld' requires that this record leaves empty, in table order.
    Fields in ``skip`` (already reported as wrong) are not named again."""
    skipped = set(skip)
    return [name for name in required_for_review(raw, kind, record)
            if name.split(".")[0] not in skipped and not _filled(_get(record, name))]


def reviewer_problem(text: str, words: Iterable[str]) -> str | None:
    """Why this is not one person with a role ("Naam, rol"), or None when it is."""
    name, comma, role = str(text).partition(",")
    name, role = name.strip(), role.strip()
    if not comma or not name or not role:
        return "geen naam en rol gescheiden door een komma"
    tokens = [t.strip(".'’-") for t in re.findall(r"[\w'’.-]+", name.casefold())]
    group = [t for t in tokens if t in {w.casefold() for w in words}]
    if group:
        return f"'{name}' is een groep of organisatie, geen persoon ('{group[0]}')"
    if len([t for t in tokens if re.search(r"[^\W\d_]", t)]) < 2:
        return f"'{name}' is geen volledige naam (voorletter of voornaam en achternaam)"
    return None


def check(record: Any, kind: str, display: str, raw: dict[str, Any], problems: Problems,
          skip: Iterable[str] = (), today: date | None = None) -> None:
    """Add a problem for every review-state rule this record (a YMap from the loader) breaks.
    Fields in ``skip`` were already reported as malformed: they are not judged again. ``today``: a review
    dated after it is refused (None: the clock's date)."""
    skipped = set(skip)
    _check_review_date(record, display, problems, skipped, today)
    if "status" in skipped or "status" not in record:
        return  # the schema check reported it
    status = str(record["status"])

    def line(key: str) -> int:
        return record.line_of(key) if hasattr(record, "line_of") else 0

    if status == CONCEPT:
        for key in ("reviewed", "reviewer"):
            if key in record and key not in skipped:
                problems.add(display, line(key), key, "hoort niet bij status 'concept': een concept is nog door "
                             "geen deskundige gecontroleerd",
                             f"haal '{key}' weg; na een echte beoordeling zet {BEOORDEEL_COMMAND} "
                             "status, datum en naam in één keer")
        return
    if status != REVIEWED:
        return
    if "reviewed" not in record:
        problems.add(display, line("status"), "reviewed", "ontbreekt: status 'beoordeeld' vraagt de datum van "
                     "de beoordeling", "schrijf 'reviewed: JJJJ-MM-DD', of zet status terug op 'concept'")
    if "reviewer" not in record:
        problems.add(display, line("status"), "reviewer", "ontbreekt: status 'beoordeeld' vraagt wie het "
                     "record beoordeelde", f"schrijf naam en rol van de deskundige, bijvoorbeeld "
                     f"'reviewer: {REVIEWER_EXAMPLE}', of zet status terug op 'concept'")
    elif "reviewer" not in skipped:
        why = reviewer_problem(record["reviewer"], group_words(raw))
        if why:
            problems.add(display, line("reviewer"), "reviewer", f"{str(record['reviewer'])!r} is geen beoordelaar: "
                         f"{why}", f"schrijf de naam van één deskundige en zijn of haar rol of organisatie, "
                         f"gescheiden door een komma, bijvoorbeeld '{REVIEWER_EXAMPLE}'; een groep of "
                         "organisatie alleen (zoals 'redactie') is geen beoordelaar: de lezer moet kunnen zien "
                         "wie het record heeft gecontroleerd")
    missing = missing_for_review(raw, kind, record, skipped)
    if missing:
        which = str(record.get(TABLE_KEY) or "")
        problems.add(display, line("status"), "status",
                     f"'beoordeeld' vraagt bij soort '{which}' ook: {', '.join(missing)}",
                     "vul die velden in uit de bronnen, of laat status op 'concept'; welke velden elke soort "
                     "nodig heeft, staat in docs/redactie.md")


def _check_review_date(record: Any, display: str, problems: Problems, skipped: set[str], today: date | None) -> None:
    """A review happened on a day that has been: 'reviewed: 2099-01-01' would head the feed as news."""
    if "reviewed" in skipped or not isinstance(record.get("reviewed"), str):
        return
    try:
        day = date.fromisoformat(str(record["reviewed"]))
    except ValueError:
        return  # the schema reports a date that does not exist
    today = today or datetime.now(tz=UTC).date()
    if day > today:
        line = record.line_of("reviewed") if hasattr(record, "line_of") else 0
        problems.add(display, line, "reviewed", f"{day.isoformat()} ligt in de toekomst (vandaag is het "
                     f"{today.isoformat()})", "een beoordeling krijgt de datum waarop zij gebeurde; "
                     f"{BEOORDEEL_COMMAND} vult die zelf in")


#: How the fields of the table read on the site (section names of a method page).
FIELD_LABELS = {
    "steps": "Stappen",
    "when_to_use": "Wanneer wel",
    "when_not_to_use": "Wanneer niet",
    "who_does_what": "Wie doet wat",
    "duration": "Duur",
    "scale": "Schaal",
    "costs": "Kosten",
    "evidence.level": "Niveau van onderbouwing",
    "evidence.summary": "Wat we weten over het effect",
    "evidence.sources": "Bronnen over het effect",
    "official_text": "Officiële tekst",
    "in_force": "In werking sinds",
    "preconditions": "Voorwaarden",
    "pitfalls": "Valkuilen",
}


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name, name)


def counts(data: Any) -> tuple[int, int]:
    """(records with status 'beoordeeld', all records): methods, cases and checklists."""
    records = [r for r in data.all_records() if r is not None]
    return sum(1 for r in records if r.get("status") == REVIEWED), len(records)


def count_text(data: Any) -> str:
    """'0 van 49 beoordeeld', computed from the data."""
    done, total = counts(data)
    return f"{done} van {total} beoordeeld"
