"""The register of facts that change (data/feiten.yaml) and the references to them in curator text.

A law's dates, a legal deadline and an amount are written once, in the register, with the official
publication that makes them true and the day someone last compared them with it. Text refers to a
fact as ``[[feit:id]]``; the loader checks every reference (an unknown id is an error at its line)
and replaces it with what the page shows. How an unconfirmed fact reads ("… (volgens VNG, 2024; niet
bevestigd in de officiële tekst)") follows from its status, so no curator types it.

Curator text is data, never a template: the reference is a fixed pattern, resolved here, not Jinja.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from ..bibliography.apa import cite_text
from ..core.problems import Problems, quote
from .review import add_months, parse_date
from .text_rules import line_in, strings
from .yaml_loader import YMap

#: A reference as curators write it. Anything that starts like one but does not match is reported.
FACT_REF = re.compile(r"\[\[feit:([a-z0-9]+(?:-[a-z0-9]+)*)\]\]")
ALMOST_REF = re.compile(r"\[\[\s*feit[^\]\n]{0,80}\]?\]?", re.I)

#: A fact not compared with its source for this long is listed by `verouderd` and warned about.
STALE_MONTHS = 12

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")


def long_date(value: str | date) -> str:
    """'2025-01-01' -> '1 januari 2025'."""
    day = parse_date(value)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def today() -> date:
    """The clock's date: a check date in the future is a mistake whatever day the build stands for."""
    return datetime.now(tz=UTC).date()


@dataclass(frozen=True)
class FactUse:
    """One ``[[feit:id]]`` in a data file: where it stands, for messages."""
    file: str
    line: int
    field: str
    fact_id: str


def ref_id(text: str) -> str | None:
    """The id in a well-formed reference, else None."""
    match = FACT_REF.fullmatch(text)
    return match.group(1) if match else None


def uses_in(value: Any, display: str, prefix: str = "") -> Iterator[FactUse]:
    """Every fact reference in a loaded YAML value, with the line of its text."""
    for path, text in strings(value, prefix):
        if "[[" not in text:
            continue
        for match in FACT_REF.finditer(text):
            yield FactUse(display, line_in(text, match.group()), path, match.group(1))


#: The message and hint for text that looks like a reference and is none (YAML and hand-written pages alike).
MALFORMED = "{typed} is geen geldige verwijzing naar een feit"
REGISTER_FILE = "data/feiten.yaml"
MALFORMED_HINT = f"schrijf [[feit:id]]; de id's staan in {REGISTER_FILE}"


def malformed(text: str) -> Iterator[str]:
    """'[[ feit: x ]]', '[[feit:X]]', '[[feiten:x]]': what looks like a reference and is none, as typed."""
    if "[[" in text:
        for match in ALMOST_REF.finditer(text):
            if not FACT_REF.fullmatch(match.group()):
                yield match.group()


def unknown_hint(fact_id: str, known: Mapping[str, Mapping[str, Any]]) -> str:
    """The hint for a reference to a fact the register does not have: a close id, or for a date typed where
    an id belongs, the fact with that date."""
    if _ISO_DATE.fullmatch(fact_id):
        dated = [f for f in known if known[f].get("datum") == fact_id]
        return (f"schrijf hier niet de datum maar de id van het feit uit {REGISTER_FILE}"
                + (f", bijvoorbeeld '{dated[0]}'" if dated else ""))
    guess = difflib.get_close_matches(fact_id, list(known), n=1, cutoff=0.6)
    if guess:
        return f"bedoel je '{guess[0]}'?"
    return f"voeg het feit toe aan {REGISTER_FILE}" if known else f"{REGISTER_FILE} ontbreekt of is leeg"


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def malformed_refs(value: Any, display: str, problems: Problems) -> None:
    """Every malformed reference in a loaded YAML value: said at its line, never published."""
    for path, text in strings(value):
        for typed in malformed(text):
            problems.add(display, line_in(text, typed), path, MALFORMED.format(typed=quote(typed[:60])),
                         MALFORMED_HINT)


def check_register(items: Iterable[YMap], display: str, bibliography: Any, problems: Problems,
                   on: date | None = None) -> None:
    """What the schema cannot say about the register's facts: the rules between fields and the sources."""
    on = on or today()
    for item in items:
        def line(key: str, item: YMap = item) -> int:
            return item.line_of(key) if key in item else item.line
        if item["status"] == "onbekend":
            if "datum" in item or "waarde" in item:
                problems.add(display, line("status"), "status", f"feit '{item['id']}' is 'onbekend' maar heeft een waarde",
                             "haal de waarde weg, of kies 'bevestigd' of 'onbevestigd' met de bron die haar noemt")
            if not item.get("toelichting"):
                problems.add(display, line("status"), "toelichting", f"feit '{item['id']}' is 'onbekend' en zegt niet "
                             "waar is gezocht", "schrijf in 'toelichting' welke bronnen zijn doorzocht, en wanneer")
        elif "datum" not in item and "waarde" not in item:
            problems.add(display, item.line, "waarde", f"feit '{item['id']}' heeft geen datum en geen waarde",
                         "vul 'datum: JJJJ-MM-DD' in voor een datum, of 'waarde:' voor een bedrag of termijn")
        checked = item.get("gecontroleerd")
        if item["status"] == "bevestigd" and not checked:
            problems.add(display, line("status"), "gecontroleerd", f"feit '{item['id']}' is 'bevestigd' maar zegt "
                         "niet wanneer iemand het met de bron vergeleek", "vul 'gecontroleerd: JJJJ-MM-DD' en 'door:' in, "
                         "of zet de status op 'onbevestigd'")
        if checked and not item.get("door"):
            problems.add(display, line("gecontroleerd"), "door", f"feit '{item['id']}' zegt niet wie het controleerde",
                         "vul 'door:' in met de naam van wie de officiële tekst zag")
        if checked and _valid_date(checked) and parse_date(checked) > on:
            problems.add(display, line("gecontroleerd"), "gecontroleerd", f"{checked} ligt in de toekomst",
                         "vul de dag in waarop het feit echt met de bron is vergeleken")
        if item["status"] == "onbevestigd" and not item.get("volgens"):
            problems.add(display, line("status"), "volgens", f"feit '{item['id']}' is niet bevestigd en zegt niet "
                         "volgens welke bron het dan klopt", "vul 'volgens:' in met de sleutel van die bron")
        if item["status"] == "bevestigd" and item.get("volgens"):
            problems.add(display, line("volgens"), "volgens", "'volgens' hoort alleen bij een onbevestigd feit",
                         "haal 'volgens' weg; de officiële bron staat bij 'bron'")
        if bibliography is None:
            continue
        for index, key in enumerate(item["bron"]):
            entry = bibliography.get(str(key))
            if entry is None:
                _unknown_key(problems, display, item["bron"].line_of(index), "bron", str(key), bibliography)
            elif not entry.get("url"):
                problems.add(display, item["bron"].line_of(index), "bron", f"bron '{key}' heeft geen url",
                             "een feit steunt op een officiële publicatie die een lezer kan openen: "
                             "geef de bron in data/references.bib een url")
        if item.get("volgens") and bibliography.get(str(item["volgens"])) is None:
            _unknown_key(problems, display, line("volgens"), "volgens", str(item["volgens"]), bibliography)


def _valid_date(value: str) -> bool:
    try:
        parse_date(value)
    except ValueError:
        return False
    return True


def _unknown_key(problems: Problems, display: str, line: int, field: str, key: str, bibliography: Any) -> None:
    guess = difflib.get_close_matches(key, bibliography.keys(), n=1, cutoff=0.7)
    problems.add(display, line, field, f"bron '{key}' staat niet in de leeslijst",
                 f"bedoel je '{guess[0]}'?" if guess else "voeg de bron toe aan data/references.bib")


#: What a sentence shows for a fact whose value was not found (status 'onbekend').
UNKNOWN = "niet bekend"


def shown_value(fact: Mapping[str, Any]) -> str:
    """The fact as a sentence uses it: the value, or the date written out."""
    if fact["status"] == "onbekend":
        return UNKNOWN
    if fact.get("waarde"):
        return str(fact["waarde"])
    return long_date(fact["datum"])


def whose_word(bibliography: Any) -> Callable[[str], str]:
    """key -> how running text names the source of an unconfirmed fact: 'Vereniging van Griffiers (2024)';
    'Huurgeschil.nl' rather than 'Huurgeschil.nl (z.d.)'."""
    def name(key: str) -> str:
        return cite_text([key], narrative=True, bibliography=bibliography).removesuffix(" (z.d.)")
    return name


def inline(fact: Mapping[str, Any], according_to: Callable[[str], str]) -> str:
    """What replaces ``[[feit:id]]``: the value, and for an unconfirmed fact whose word it is.
    ``according_to``: key -> a narrative citation, 'VNG (2024)'."""
    value = shown_value(fact)
    if fact["status"] != "onbevestigd":
        return value
    return f"{value} (volgens {according_to(str(fact['volgens']))}; niet bevestigd in de officiële tekst)"


def resolve(text: str, facts: Mapping[str, Mapping[str, Any]], according_to: Callable[[str], str],
            used: list[str] | None = None) -> str:
    """Text with every known reference replaced (unknown ones were reported by the loader and stay)."""
    if "[[feit:" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        fact = facts.get(match.group(1))
        if fact is None:
            return match.group()
        if used is not None and fact["id"] not in used:
            used.append(fact["id"])
        return inline(fact, according_to)

    return FACT_REF.sub(replace, text)


def resolve_value(value: Any, facts: Mapping[str, Mapping[str, Any]], according_to: Callable[[str], str],
                  used: list[str]) -> Any:
    """A record's plain value (dict, list, str) with every reference resolved; ``used`` collects the ids."""
    if isinstance(value, str):
        return resolve(value, facts, according_to, used)
    if isinstance(value, dict):
        for key in value:
            value[key] = resolve_value(value[key], facts, according_to, used)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            value[index] = resolve_value(item, facts, according_to, used)
    return value


def checked_on(fact: Mapping[str, Any]) -> date | None:
    return parse_date(fact["gecontroleerd"]) if fact.get("gecontroleerd") else None


def is_stale(fact: Mapping[str, Any], on: date, months: int = STALE_MONTHS) -> bool:
    """Not compared with its source in the last ``months`` months (or never)."""
    checked = checked_on(fact)
    return checked is None or on > add_months(checked, months)


_Fact = TypeVar("_Fact", bound=Mapping[str, Any])


def stale(facts: Iterable[_Fact], on: date, months: int = STALE_MONTHS) -> list[_Fact]:
    """Facts due for a new comparison with their source, the longest unchecked first."""
    due = [fact for fact in facts if is_stale(fact, on, months)]
    return sorted(due, key=lambda f: (checked_on(f) or date.min, f["id"]))

