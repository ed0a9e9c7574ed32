"""Person and organisation names in the reading list, with one rule for Dutch particles.

The rule (Taalunie, as Dutch APA guides apply it)
-------------------------------------------------
A person is *given names*, *particles* (tussenvoegsels: van, de, der, ten, in 't, 't, la, von …)
and a *core surname*. BibTeX's name splitter finds lower-case particles (``van der Laan, Eberhard``
and ``Eberhard van der Laan`` give the same parts); on top of that, a *capitalised* particle the
source writes as part of the surname (``De Vries, Jan``, ``Ter Horst``, Flemish style) is also
recognised as a particle, but remembered with its capital.

* **Sorting**: on the core surname, never on the particle: ``van der Laan`` and ``De Vries``
  sort under L and V. Comparison ignores case and accents (``Één`` under E).
* **Reference list**: a lower-case particle moves behind the initials — ``Laan, E. van der``,
  ``Kate, J. ten``, ``Veld, R. in 't``, ``Hart, M. 't``. A capitalised particle stays in front,
  as the source writes it: ``De Vries, J.``, ``Ter Horst, G.``.
* **Running text** (citations): the particle stands before the surname and is capitalised,
  because no first name or initial precedes it (Taalunie: *Van der Laan*, *mevrouw Van Dam*):
  ``Van der Laan (2019)`` and ``(Van der Laan, 2019)``. We capitalise inside the parentheses too
  — the Taalunie rule depends on what precedes the name, not on the parenthesis — which is what
  the Dutch APA guides of the hogescholen (Werkgroep Bronvermelding) prescribe as well.
  ``'t`` cannot be capitalised and stays ``'t Hart``.
* **Initials first** (editors after "In"): ``E. van der Laan``; the initial precedes, so lower case.
* **Organisations** are written in double braces (``{{Raad voor het openbaar bestuur}}``): one
  unit, displayed and sorted as written (under R), never split into initials.

Limitation: in the comma-less order a capitalised particle word directly before the surname is
read as a particle (``Anna De Vries``); a given name that equals a particle (Vietnamese *Van*)
must therefore be written in the comma order (``Nguyen, Anh Van``), which is never ambiguous.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bibtexparser.middlewares.names import (
    InvalidNameError,
    parse_single_name_into_parts,
    split_multiple_persons_names,
)

from .text import decode_latex, matching_brace, sort_text

__all__ = ["InvalidNameError", "Person", "citation_name", "full_name_inverted", "initials",
           "initials_first_name", "looks_like_organisation", "parse_person", "person_sort_key",
           "reference_name", "split_names"]

PARTICLES = frozenset({
    "van", "de", "der", "den", "het", "ten", "ter", "te", "in", "'t", "op", "uit", "onder",
    "voor", "aan", "bij", "la", "le", "les", "du", "des", "d'", "von", "vom", "zu", "zum",
    "di", "da", "del", "della", "dos", "das", "do",
})

# Words that make an unbraced "name" almost certainly an organisation (compared after sort_text,
# so without accents). Stems also match inside Dutch compounds: Kennisplatform, Rijksuniversiteit.
_ORGANISATION_WORDS = frozenset({
    "raad", "bond", "kamer", "college", "dienst", "fractie", "commissie", "inspectie", "provincie",
    "rijksoverheid", "waterschap", "federatie", "netwerk", "werkgroep", "stuurgroep", "partij",
    "association", "council", "ministry", "department", "agency", "foundation", "institute",
    "university", "centre", "center", "gemeenten", "cooperatie",
})
_ORGANISATION_STEMS = ("gemeente", "ministerie", "vereniging", "planbureau", "instituut", "platform",
                       "stichting", "bureau", "universiteit", "hogeschool", "corporatie", "centrum",
                       "samenwerkingsverband")


@dataclass(frozen=True)
class Person:
    """One creator. Either a person (family/given/particle/suffix) or an organisation (literal).

    All parts are decoded display text; ``particle`` keeps the capitalisation of the source,
    which decides where it is shown (see the module docstring).
    """

    family: str = ""
    given: str = ""
    particle: str = ""
    suffix: str = ""
    literal: str = ""

    @property
    def is_organisation(self) -> bool:
        return bool(self.literal)

    @property
    def particle_is_capitalised(self) -> bool:
        """True for ``De Vries`` (written as part of the surname), False for ``de Vries``."""
        return self.particle[:1].isupper()


def split_names(value: str) -> list[str]:
    """Split a BibTeX name list on top-level ``and``; braces keep organisations whole."""
    return [name.strip() for name in split_multiple_persons_names(value) if name.strip()]


def parse_person(name: str, strict: bool = True) -> Person:
    """One BibTeX name (still LaTeX) → Person. Decoding happens *after* splitting: decoding first
    would remove the braces that protect organisations and accents (``Cr{\\'e}mer``).

    Raises InvalidNameError (e.g. too many commas) when ``strict``.
    """
    if _is_braced_unit(name):
        return Person(literal=decode_latex(name[1:-1]))
    parts = parse_single_name_into_parts(name, strict=strict)
    first, von, last = list(parts.first), list(parts.von), list(parts.last)
    if not _has_top_level_comma(name):  # "Jan De Vries": BibTeX puts "De" among the given names
        while len(first) > 1 and _is_particle(first[-1]):
            von.insert(0, first.pop())
    while len(last) > 1 and _is_particle(last[0]):  # "De Vries, Jan": BibTeX sees no particle
        von.append(last.pop(0))
    return Person(family=decode_latex(" ".join(last)), given=decode_latex(" ".join(first)),
                  particle=decode_latex(" ".join(von)), suffix=decode_latex(" ".join(parts.jr)))


def looks_like_organisation(name: str) -> bool:
    """An unbraced name such as ``Gemeente Amsterdam`` that BibTeX would split into a person
    ("Amsterdam, G."). A surname that happens to be such a word (``de Raad, Jan``) is fine."""
    if _is_braced_unit(name):
        return False
    words = [sort_text(word) for word in re.split(r"[\s,~]+", name) if word]
    hits = [word for word in words if _is_organisation_word(word)]
    if not hits:
        return False
    person = parse_person(name, strict=False)
    return not (hits == [sort_text(person.family)] and person.given)


def initials(given: str) -> str:
    """``Sherry R.`` → ``S. R.``; ``Jedid-Jah`` → ``J.-J.``; ``J.W.`` → ``J. W.``."""
    return " ".join(_word_initials(word) for word in given.split())


def reference_name(person: Person) -> str:
    """Reference-list form: ``Laan, E. van der``, ``De Vries, J.``, or the organisation."""
    return _inverted(person, initials(person.given))


def full_name_inverted(person: Person) -> str:
    """Same order with full given names (for RIS): ``Laan, Eberhard van der``."""
    return _inverted(person, person.given)


def initials_first_name(person: Person) -> str:
    """``E. van der Laan`` (editors after "In"); without initials the running-text form."""
    if person.is_organisation or not person.given:
        return citation_name(person)
    return " ".join(part for part in (initials(person.given), person.particle, person.family) if part)


def citation_name(person: Person) -> str:
    """Running-text form: ``Van der Laan``, ``De Vries``, ``'t Hart``, or the organisation."""
    if person.is_organisation:
        return person.literal
    particle = person.particle[:1].upper() + person.particle[1:]
    return f"{particle} {person.family}" if particle else person.family


def person_sort_key(person: Person) -> tuple[str, str, str]:
    """Core surname, then given names, then particle; organisations as written."""
    if person.is_organisation:
        return (sort_text(person.literal), "", "")
    return (sort_text(person.family), sort_text(person.given), sort_text(person.particle))


def _inverted(person: Person, given: str) -> str:
    if person.is_organisation:
        return person.literal
    if person.particle_is_capitalised:
        surname, after = f"{person.particle} {person.family}", given
    else:
        surname = person.family
        after = " ".join(part for part in (given, person.particle) if part)
    text = f"{surname}, {after}" if after else surname
    return f"{text}, {person.suffix}" if person.suffix else text


def _word_initials(word: str) -> str:
    pieces = (" ".join(filter(None, map(_initial, piece.split(".")))) for piece in word.split("-"))
    return "-".join(piece for piece in pieces if piece)


def _initial(part: str) -> str:
    letter = next((char for char in part if char.isalpha()), "")
    return f"{letter}." if letter else ""


def _is_particle(token: str) -> bool:
    return token.casefold() in PARTICLES


def _is_organisation_word(word: str) -> bool:
    return word in _ORGANISATION_WORDS or any(
        word.startswith(stem) or word.endswith(stem) for stem in _ORGANISATION_STEMS)


def _is_braced_unit(name: str) -> bool:
    """True when the whole name is one ``{…}`` group, e.g. ``{Raad voor het openbaar bestuur}``."""
    return name.startswith("{") and matching_brace(name, 0) == len(name) - 1


def _has_top_level_comma(name: str) -> bool:
    depth = 0
    for char in name:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == "," and depth == 0:
            return True
    return False
