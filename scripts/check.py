"""Controleer alle gegevens in data/ en meld elke fout met bestand, regel en veld.

Gebruik: python -m scripts.check [--data MAP]
Exit-code 0 als alles klopt, 1 bij fouten (waarschuwingen laten de controle slagen).
"""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from macros.core.problems import counted
from macros.data.cited_by import FURTHER_READING, uncited
from macros.data.dataset import Dataset, load_dataset

ROOT = Path(__file__).resolve().parent.parent


def run(data_dir: Path, out=sys.stdout, today: date | None = None) -> tuple[int, Dataset]:
    """Check everything and print the report; ``today``: the day no review may lie after (None: the clock)."""
    data_dir = data_dir.resolve()
    repo_root = data_dir.parent
    data = load_dataset(data_dir, repo_root, today=today)
    problems = data.problems
    if not problems.errors:
        _warn_uncited(data, repo_root / "docs")
    if problems.items:
        print(problems.report(), file=out)
    if problems.errors:
        print(problems.summary(), file=out)
        return 1, data
    records = ", ".join(counted(len(data.records_of(kind.id)), kind.label, kind.plural) for kind in data.kinds)
    warnings = f" ({counted(len(problems.warnings), 'waarschuwing', 'waarschuwingen')})" if problems.warnings else ""
    print(f"Alles in orde: {records}, {counted(len(data.bibliography), 'bron', 'bronnen')}{warnings}.", file=out)
    return 0, data


def _warn_uncited(data: Dataset, docs_dir: Path) -> None:
    """A source nobody cites is a leftover, unless the curators recommend it as further reading."""
    bib_file = "data/references.bib"
    for entry in uncited(data, docs_dir if docs_dir.is_dir() else None):
        data.problems.add(bib_file, entry.field_lines.get("keywords", entry.line), "keywords",
                          f"bron '{entry.key}' wordt nergens in de gids genoemd",
                          f"noem hem bij een methode, praktijkvoorbeeld of checklist, of geef hem het "
                          f"trefwoord '{FURTHER_READING}'", severity="waarschuwing")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.check", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="map met de gegevens (standaard: data/)")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"Map niet gevonden: {args.data}", file=sys.stderr)
        return 2
    code, _ = run(args.data)
    return code


if __name__ == "__main__":
    sys.exit(main())
