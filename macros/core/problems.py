"""One curator-facing problem report, and a collector that keeps *all* of them."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

# Characters a terminal shows as nothing or as an ordinary space. A message that quotes curator text
# shows each as a mark and names it, so 'name\u00a0' reads "name⍽ … bevat een harde spatie (U+00A0)".
_INVISIBLE = {
    "\u00a0": ("⍽", "een harde spatie"),
    "\u202f": ("⍽", "een smalle harde spatie"),
    "\u2007": ("⍽", "een harde cijferspatie"),
    "\u200b": ("‸", "een spatie zonder breedte"),
    "\u200c": ("‸", "een onzichtbaar scheidingsteken"),
    "\u200d": ("‸", "een onzichtbaar verbindingsteken"),
    "\u2060": ("‸", "een onzichtbaar verbindingsteken"),
    "\ufeff": ("‸", "een onzichtbaar BOM-teken"),
    "\u00ad": ("‸", "een onzichtbaar afbreekstreepje"),
    "\t": ("⇥", "een tab"),
}


def _invisible(char: str) -> tuple[str, str] | None:
    if char in _INVISIBLE:
        return _INVISIBLE[char]
    category = unicodedata.category(char)
    if category == "Zs" and char != " ":
        return "⍽", "een bijzondere spatie"
    if category == "Cf":
        return "‸", "een onzichtbaar teken"
    if category == "Cc" and char != "\n":
        return "‸", "een stuurteken"
    return None


def visible(text: str) -> tuple[str, list[str]]:
    """Text with every invisible character replaced by a mark, plus a note naming each kind once:
    ('name⍽', ['een harde spatie (U+00A0), hier getoond als ⍽'])."""
    if text.isascii() and text.isprintable():
        return text, []
    shown: list[str] = []
    notes: dict[str, str] = {}
    for char in text:
        found = _invisible(char)
        if found is None:
            shown.append(char)
            continue
        mark, name = found
        shown.append(mark)
        notes.setdefault(char, f"{name} (U+{ord(char):04X}), hier getoond als {mark}")
    return "".join(shown), list(notes.values())


@dataclass(frozen=True, order=True)
class Problem:
    """A mistake in the data, said in curator language.

    Printed as ``data/methods/abcd.yaml:12: rungs: onbekende trede 'meepraten' (bekend: …)``.
    ``line`` is 1-based; 0 means "the file as a whole".
    """

    file: str
    line: int
    field: str
    message: str
    hint: str = ""
    severity: str = "fout"  # "fout" stops the build, "waarschuwing" is printed only

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field, field_notes = visible(self.field)
        message, message_notes = visible(self.message)
        hint, hint_notes = visible(self.hint)
        notes = list(dict.fromkeys(field_notes + message_notes + hint_notes))
        if notes:
            message += "; bevat " + " en ".join(notes)
        text = f"{where}: {field}: {message}" if field else f"{where}: {message}"
        if self.severity != "fout":
            text = f"{where}: {self.severity}: " + text[len(where) + 2 :]
        if hint:
            text += f" (tip: {hint})"
        return text


@dataclass
class Problems:
    """Collects problems; the build fails when any has severity 'fout'."""

    items: list[Problem] = field(default_factory=list)

    def add(self, file: str, line: int, field: str, message: str, hint: str = "",
            severity: str = "fout") -> None:
        self.items.append(Problem(file, line, field, message, hint, severity))

    def extend(self, other: Problems | list[Problem]) -> None:
        self.items.extend(other.items if isinstance(other, Problems) else other)

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.items if p.severity == "fout")

    @property
    def warnings(self) -> list[Problem]:
        return sorted(p for p in self.items if p.severity != "fout")

    def summary(self) -> str:
        """Dutch summary line, e.g. '3 fouten in 2 bestanden'."""
        errors = self.errors
        files = {p.file for p in errors}
        return f"{counted(len(errors), 'fout', 'fouten')} in {counted(len(files), 'bestand', 'bestanden')}"

    def report(self) -> str:
        return "\n".join(str(p) for p in self.errors + self.warnings)


def counted(number: int, one: str, many: str) -> str:
    """'1 waarschuwing', '3 waarschuwingen': a number with the word that fits it."""
    return f"{number} {one if number == 1 else many}"


def quote(text: str) -> str:
    """Curator text inside a message: in single quotes, on one line. Unlike repr() it keeps invisible
    characters as they are, so that Problem can show and name them."""
    return "'" + text.replace("\n", "\\n") + "'"


class DataError(Exception):
    """Raised when validation found errors; carries every problem of the run."""

    def __init__(self, problems: Problems):
        self.problems = problems
        super().__init__(
            "De gegevens bevatten fouten; de site is niet gebouwd.\n"
            + problems.report() + "\n" + problems.summary()
        )
