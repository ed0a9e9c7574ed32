"""One curator-facing problem report, and a collector that keeps *all* of them."""
from __future__ import annotations

from dataclasses import dataclass, field


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
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        if self.severity != "fout":
            text = f"{where}: {self.severity}: " + text[len(where) + 2 :]
        if self.hint:
            text += f" (tip: {self.hint})"
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
        fout = "fout" if len(errors) == 1 else "fouten"
        bestand = "bestand" if len(files) == 1 else "bestanden"
        return f"{len(errors)} {fout} in {len(files)} {bestand}"

    def report(self) -> str:
        return "\n".join(str(p) for p in self.errors + self.warnings)


class DataError(Exception):
    """Raised when validation found errors; carries every problem of the run."""

    def __init__(self, problems: Problems):
        self.problems = problems
        super().__init__(
            "De gegevens bevatten fouten; de site is niet gebouwd.\n"
            + problems.report() + "\n" + problems.summary()
        )
