"""Opdrachten voor de redactie van de Wijkengids.

    python -m scripts.wijkengids nieuw methode "Naam van de methode"
    python -m scripts.wijkengids controleer
    python -m scripts.wijkengids status
    python -m scripts.wijkengids beoordeel ID --door "Naam, rol" [--datum JJJJ-MM-DD]
    python -m scripts.wijkengids bib importeer export.bib [--proef]
    python -m scripts.wijkengids verouderd [--maanden 24]
    python -m scripts.wijkengids exporteer [--map dist/open-data]

Uitleg voor redacteuren: docs/redactie.md. Exit-codes: 0 = gelukt, 1 = de gegevens of het
importbestand bevatten fouten (er is niets veranderd), 2 = verkeerde invoer (onbekende opdracht,
bestand niet gevonden, ongeldige datum).
"""
from __future__ import annotations

import argparse
import errno
import io
import re
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from macros.bibliography import importer as bib_import
from macros.bibliography.text import dutch_date
from macros.core.problems import counted
from macros.data import export, facts, record_template, review, review_record, review_state
from macros.data.dataset import load_dataset
from macros.data.kinds import RECORD_KINDS

from . import check

ROOT = Path(__file__).resolve().parent.parent
PROG = "python -m scripts.wijkengids"
OK, DATA_ERRORS, BAD_INPUT = 0, 1, 2


class CommandError(Exception):
    """Bad input: printed as 'fout: …' (in Dutch), exit code 2."""


# --- argparse in Dutch ----------------------------------------------------------------------

_ARGPARSE_MESSAGES = (  # argparse's English error messages -> Dutch
    (r"the following arguments are required: (.*)", r"dit ontbreekt: \1"),
    (r"argument (.+?): invalid choice: '(.*?)' \(choose from (.*)\)", r"onbekende keuze '\2' (kies uit: \3)"),
    (r"unrecognized arguments: (.*)", r"onbekende invoer: \1"),
    (r"argument (.+?): invalid (?:int|_months) value: '(.*)'",
     r"\1: '\2' is geen heel getal groter dan 0 en hoogstens 1200"),
    (r"argument (.+?): invalid _day value: '(.*)'", r"\1: '\2' is geen datum in de vorm JJJJ-MM-DD"),
    (r"argument (.+?): expected one argument", r"\1: hier hoort een waarde achter"),
)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: ANN001 - argparse's signature
        super().add_usage(usage, actions, groups, "Gebruik: " if prefix is None else prefix)


class DutchParser(argparse.ArgumentParser):
    """argparse with Dutch headings, help option and error messages."""

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any):
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **{**kwargs, "add_help": False})
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="toon deze uitleg en stop")

    def error(self, message: str) -> None:  # type: ignore[override]
        for pattern, dutch in _ARGPARSE_MESSAGES:
            if re.fullmatch(pattern, message):
                message = re.sub(pattern, dutch, message)
                break
        self.exit(BAD_INPUT, f"fout: {message} (tip: {self.prog} --help toont de uitleg)\n")


#: The longest review period `verouderd` accepts: a hundred years (more only overflows the calendar).
MAX_MONTHS = 1200


def _months(text: str) -> int:
    value = int(text)
    if not 1 <= value <= MAX_MONTHS:
        raise ValueError(text)
    return value


def _day(text: str) -> date:
    return date.fromisoformat(text)


def build_parser() -> DutchParser:
    common = DutchParser(add_help=False)
    common.add_argument("--data", type=Path, default=ROOT / "data", metavar="MAP",
                        help="map met de gegevens (standaard: data/)")
    parser = DutchParser(prog=PROG, description=__doc__.split("\n\n")[0],
                         epilog="Uitleg voor redacteuren: docs/redactie.md (op de site: Over deze gids → Werken aan de gids).")
    commands = parser.add_subparsers(title="opdrachten", dest="opdracht", metavar="OPDRACHT", required=True,
                                     parser_class=DutchParser)

    new = commands.add_parser("nieuw", parents=[common], help="maak een nieuw record (methode, casus of checklist)",
                              description="Maak een nieuw YAML-bestand met uitleg bij elk veld. Het bestand is meteen "
                              "geldig; vervang daarna elke tekst 'nog in te vullen'.")
    new.add_argument("soort", metavar="SOORT", help="methode, casus of checklist")
    new.add_argument("naam", metavar="NAAM", help='de naam, tussen aanhalingstekens, bijvoorbeeld "Wijkcafé"')
    new.add_argument("--datum", type=_day, metavar="JJJJ-MM-DD",
                     help="peildatum voor het sjabloon, zoals het beginjaar van een praktijkvoorbeeld (standaard: vandaag)")
    new.set_defaults(run=cmd_new)

    checker = commands.add_parser("controleer", parents=[common], help="controleer alle gegevens",
                                  description="Controleer alle gegevens en meld elke fout met bestand, regel en veld.")
    checker.set_defaults(run=cmd_check)

    state = commands.add_parser("status", parents=[common], help="toon per record soort, status, onderbouwing en wat ontbreekt",
                                description="Toon een tabel met alle records: id, soort, status (concept of "
                                "beoordeeld), niveau van onderbouwing en de velden die nog ontbreken voor een "
                                "beoordeling. Daaronder per soort hoeveel records compleet zijn voor een beoordeling.")
    state.set_defaults(run=cmd_status)

    judge = commands.add_parser("beoordeel", parents=[common], help="markeer een record als beoordeeld door een deskundige",
                                description="Zet na een echte beoordeling status: beoordeeld, de datum (reviewed) "
                                "en de naam en rol van de deskundige (reviewer) in het YAML-bestand. Alleen die drie "
                                "regels veranderen; commentaar en volgorde blijven staan. De opdracht weigert als het "
                                "record fouten heeft of een veld mist dat een beoordeling vraagt.")
    judge.add_argument("id", metavar="ID", help="de id van het record, bijvoorbeeld abcd (of het pad: data/methods/abcd.yaml)")
    judge.add_argument("--door", required=True, metavar='"NAAM, ROL"',
                       help='wie beoordeelde: naam en rol, gescheiden door een komma, bijvoorbeeld '
                            f'"{review_state.REVIEWER_EXAMPLE}"')
    judge.add_argument("--datum", type=_day, metavar="JJJJ-MM-DD", help="datum van de beoordeling (standaard: vandaag)")
    judge.set_defaults(run=cmd_review)

    bib = commands.add_parser("bib", help="werk met de leeslijst (data/references.bib)",
                              description="Werk met de leeslijst (data/references.bib).")
    bib_commands = bib.add_subparsers(title="opdrachten", dest="bib_opdracht", metavar="OPDRACHT", required=True,
                                      parser_class=DutchParser)
    importer = bib_commands.add_parser(
        "importeer", parents=[common], help="voeg bronnen uit een Zotero- of BibTeX-export toe",
        description="Voeg de bronnen uit een BibTeX-bestand (bijvoorbeeld een export uit Zotero) toe aan "
        "data/references.bib. Bronnen die er al staan (zelfde DOI, of zelfde titel en jaar) worden overgeslagen; "
        "bestaande bronnen blijven precies zoals ze zijn.")
    importer.add_argument("bestand", type=Path, metavar="BESTAND.bib", help="het BibTeX-bestand om te importeren")
    importer.add_argument("--proef", action="store_true", help="laat alleen zien wat er zou gebeuren; verander niets")
    importer.add_argument("--datum", type=_day, metavar="JJJJ-MM-DD", help=argparse.SUPPRESS)
    importer.set_defaults(run=cmd_bib_import)

    old = commands.add_parser("verouderd", parents=[common], help="welke records en feiten zijn lang niet gecontroleerd?",
                              description="Toon de records waarvan de laatste inhoudelijke controle (veld 'reviewed') "
                              f"langer geleden is dan de controletermijn (standaard {review.REVIEW_MONTHS} maanden), "
                              "en de feiten in data/feiten.yaml die langer dan "
                              f"{facts.STALE_MONTHS} maanden niet met hun officiële bron zijn vergeleken.")
    old.add_argument("--maanden", type=_months, default=review.REVIEW_MONTHS, metavar="N",
                     help=f"controletermijn in maanden (standaard: {review.REVIEW_MONTHS})")
    old.add_argument("--datum", type=_day, metavar="JJJJ-MM-DD", help="reken vanaf deze datum (standaard: vandaag)")
    old.set_defaults(run=cmd_outdated)

    out = commands.add_parser("exporteer", parents=[common], help="schrijf de open data (JSON, CSV, schema's) naar een map",
                              description="Schrijf alle methoden, praktijkvoorbeelden en checklists als open data "
                              "(JSON en CSV) met hun JSON Schema naar een map: dezelfde bestanden als op de site "
                              "onder open-data/.")
    out.add_argument("--map", type=Path, default=ROOT / "dist" / "open-data", metavar="MAP",
                     help="doelmap (standaard: dist/open-data)")
    out.set_defaults(run=cmd_export)
    return parser


# --- helpers ---------------------------------------------------------------------------------

def _data_dir(args: argparse.Namespace) -> Path:
    folder: Path = args.data
    tip = "(tip: geef met --data de map met de gegevens, of laat --data weg voor data/)"
    if not folder.exists():
        raise CommandError(f"map niet gevonden: {folder} {tip}")
    if not folder.is_dir():
        raise CommandError(f"{folder} is geen map {tip}")
    if not (folder / "schema").is_dir():
        raise CommandError(f"in {folder} staat geen map schema/; is dit de gegevensmap van de Wijkengids? {tip}")
    return folder.resolve()


def _display(path: Path, data_dir: Path) -> str:
    try:
        return path.resolve().relative_to(data_dir.parent).as_posix()
    except ValueError:
        return str(path)


def _today(args: argparse.Namespace) -> date:
    """The day a command works with: --datum if given, else the calendar's day (main's ``today``)."""
    return getattr(args, "datum", None) or _calendar_day(args)


def _calendar_day(args: argparse.Namespace) -> date:
    return getattr(args, "calendar_day", None) or date.today()


_KEY = re.compile(r"^\s*(?:-\s+)?([A-Za-z_]+):(?:\s|$)")


def placeholders(data_dir: Path) -> list[str]:
    """Lines that still hold the template's 'nog in te vullen' (comments do not count)."""
    found = []
    for kind in RECORD_KINDS:
        folder = data_dir / kind.folder
        for path in [] if folder.is_symlink() else sorted(folder.glob("*.yaml")):
            if path.is_symlink():
                continue  # never read: the check refuses it by name
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                continue  # the validation reports unreadable files
            field = ""
            for number, line in enumerate(lines, start=1):
                content = line.split(" #", 1)[0].strip()
                key = _KEY.match(line)
                if key and not content.startswith("#"):
                    field = key.group(1)  # lines of a block text ('description: |') belong to this field
                if content and not content.startswith("#") and record_template.PLACEHOLDER in content.casefold():
                    where = f"{_display(path, data_dir)}:{number}"
                    found.append(f"{where}: {field + ': ' if field else ''}nog in te vullen "
                                 "(tip: vervang de tekst uit het sjabloon)")
    return found


# --- commands --------------------------------------------------------------------------------

def cmd_new(args: argparse.Namespace, out: Any) -> int:
    data_dir = _data_dir(args)
    try:
        kind = record_template.resolve_kind(args.soort)
        record_template.check_name(args.naam)
    except record_template.TemplateError as exc:
        raise CommandError(str(exc)) from None
    data = load_dataset(data_dir, data_dir.parent, today=_calendar_day(args))
    path, kind, slug = record_template.create(data_dir, data, kind, args.naam, _today(args))
    display = _display(path, data_dir)
    print(f"Nieuw bestand: {display}", file=out)
    if slug != record_template.slugify(args.naam):
        print(f"(de id '{record_template.slugify(args.naam)}' bestond al; deze {RECORD_KINDS[kind].message_label} "
              f"heet '{slug}')", file=out)
    print(f"""
Volgende stappen:
  1. Open {display} en vul elk veld in. Vervang elke tekst 'nog in te vullen'.
     De regels met '#' ervoor leggen uit wat er in een veld hoort.
  2. Staat je bron nog niet in data/references.bib? Voeg hem toe, of importeer een export uit Zotero:
     {PROG} bib importeer export.bib
  3. Controleer je werk: {PROG} controleer
  4. Bekijk de pagina: make serve, en open http://127.0.0.1:8000/{RECORD_KINDS[kind].url}/{slug}/""",
          file=out)
    if data.problems.errors:
        print(f"\nLet op: de gegevens bevatten al fouten ({data.problems.summary()}); "
              f"{PROG} controleer toont ze.", file=out)
    return OK


def cmd_check(args: argparse.Namespace, out: Any) -> int:
    data_dir = _data_dir(args)
    reminders = placeholders(data_dir)
    if reminders:
        print("Nog in te vullen (tekst uit het sjabloon van 'nieuw'):", file=out)
        for line in reminders:
            print(line, file=out)
        print(file=out)
    report = io.StringIO()
    code, data = check.run(data_dir, out=report, today=_calendar_day(args))
    # Information, not errors: what each concept still lacks before an expert can mark it 'beoordeeld'.
    lacking = [(record, missing) for record, missing in missing_per_record(data) if missing]
    if lacking:
        print("Nog nodig voor een beoordeling (informatie, geen fout):", file=out)
        for record, missing in lacking:
            print(f"  {record.id}: ontbreekt voor beoordeling: {', '.join(missing)}", file=out)
        print(file=out)
    out.write(report.getvalue())  # ends with '3 fouten in 2 bestanden' or 'Alles in orde: …'
    return DATA_ERRORS if code else OK


def _type_word(record: Any) -> str:
    """What the status table calls a record: a method's kind, else its kind's label ('praktijkvoorbeeld')."""
    return record["kind"] if record.kind == "method" else RECORD_KINDS[record.kind].label


def missing_per_record(data: Any) -> list[tuple[Any, list[str]]]:
    """(record, fields 'beoordeeld' still needs) for every loaded record, methods first, each sorted by id."""
    out = []
    for kind in data.kinds:
        for record in sorted((r for r in data.records_of(kind.id).values() if r is not None), key=lambda r: r.id):
            out.append((record, review_state.missing_for_review(data.schemas.raw, kind.id, record)))
    return out


def cmd_status(args: argparse.Namespace, out: Any) -> int:
    data_dir = _data_dir(args)
    data = load_dataset(data_dir, data_dir.parent, today=_calendar_day(args))
    rows = [(r.id, _type_word(r), r["status"], (r.get("evidence") or {}).get("level") or "-",
             ", ".join(missing) if missing else "-") for r, missing in missing_per_record(data)]
    header = ("id", "soort", "status", "onderbouwing", "ontbreekt voor beoordeling")
    widths = [max(len(str(row[i])) for row in rows + [header]) for i in range(4)]
    for row in [header] + rows:
        print("  ".join(str(cell).ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4], file=out)
    print(file=out)
    print("Per soort (compleet = alle velden die een beoordeling vraagt zijn ingevuld):", file=out)
    order = list(data.schemas.labels["methodKind"]) + [kind.label for kind in data.kinds if kind.id != "method"]
    width = max(len(k) for k in order)
    for word in order:
        group = [row for row in rows if row[1] == word]
        if not group:
            continue
        complete = sum(1 for row in group if row[4] == "-")
        reviewed = sum(1 for row in group if row[2] == review_state.REVIEWED)
        print(f"  {word:<{width}}  {complete} van {len(group)} compleet voor beoordeling, {reviewed} beoordeeld",
              file=out)
    print(f"Totaal: {review_state.count_text(data)}.", file=out)
    _actionable(data, out)
    if data.problems.errors:
        print(f"Let op: de gegevens bevatten fouten ({data.problems.summary()}); records met fouten staan hier "
              f"misschien niet in. Zie: {PROG} controleer", file=out)
        return DATA_ERRORS
    return OK


#: What a professional needs to act on a method: (column, test). Steps: at least ACTIONABLE_STEPS.
ACTIONABLE_STEPS = 3
_ACTIONABLE: tuple[tuple[str, Any], ...] = (
    ("stappen", lambda m: len(m.get("steps") or []) >= ACTIONABLE_STEPS),
    ("wie doet wat", lambda m: any((m.get("who_does_what") or {}).values())),
    ("duur", lambda m: bool((m.get("duration") or {}).get("text"))),
    ("kosten", lambda m: any((m.get("costs") or {}).get(k) for k in ("time", "money", "people"))),
    ("onderbouwing", lambda m: bool((m.get("evidence") or {}).get("level") and (m.get("evidence") or {}).get("summary"))),
)


def actionable_gaps(method: Any) -> list[str]:
    """What a method in the overview still lacks for a professional to act on it ([] when complete)."""
    return [name for name, present in _ACTIONABLE if not present(method)]


def _actionable(data: Any, out: Any) -> None:
    """Per method in the overview (background records excepted): steps, who does what, duration, costs, evidence."""
    methods = [m for m in data.methods.values() if m is not None and m.get("section") != "achtergrond"]
    if not methods:
        return
    print(file=out)
    print(f"Om mee te werken (methoden in het overzicht; stappen = minstens {ACTIONABLE_STEPS}):", file=out)
    width = max(len(m.id) for m in methods)
    for method in methods:
        gaps = actionable_gaps(method)
        steps = len(method.get("steps") or [])
        print(f"  {method.id:<{width}}  {steps:>2} stappen  " + ("compleet" if not gaps else "ontbreekt: " + ", ".join(gaps)),
              file=out)
    complete = sum(1 for m in methods if not actionable_gaps(m))
    print(f"  {complete} van {len(methods)} methoden hebben stappen, wie doet wat, duur, kosten en onderbouwing.",
          file=out)


def cmd_review(args: argparse.Namespace, out: Any) -> int:
    data_dir = _data_dir(args)
    try:
        result = review_record.review(data_dir, args.id, str(args.door), args.datum, _calendar_day(args))
    except review_record.ReviewError as exc:
        raise CommandError(str(exc)) from None
    if result.problems:
        print("\n".join(str(p) for p in result.problems), file=out)
        if result.changed_would_break:
            print(f"Niet beoordeeld: na de wijziging zou {result.display} fouten bevatten; het bestand is niet "
                  "veranderd.", file=out)
        else:
            print(f"Niet beoordeeld: {result.display} bevat nog {counted(len(result.problems), 'fout', 'fouten')}. "
                  "Herstel die eerst.", file=out)
        return DATA_ERRORS
    if result.missing:
        print(f"Niet beoordeeld: {result.record_id} mist nog wat een beoordeling vraagt bij soort "
              f"'{result.kind_word}': {', '.join(result.missing)}.", file=out)
        print(f"Vul die velden in uit de bronnen en probeer opnieuw (tip: {PROG} status toont wat elk record mist).",
              file=out)
        return DATA_ERRORS
    day = _today(args).isoformat()
    print(f"{result.display}: status beoordeeld, reviewed {day}, reviewer {' '.join(str(args.door).split())}.",
          file=out)
    print(f"Alleen die drie regels zijn veranderd. Lever het bestand in zoals altijd; {PROG} status toont de stand.",
          file=out)
    return OK


def cmd_bib_import(args: argparse.Namespace, out: Any) -> int:
    data_dir = _data_dir(args)
    source: Path = args.bestand
    if not source.exists():
        raise CommandError(f"bestand niet gevonden: {source} (tip: controleer naam en map; in Zotero: Bestand → "
                           "Bibliotheek exporteren…, formaat BibTeX)")
    if source.is_dir():
        raise CommandError(f"{source} is een map (tip: geef het BibTeX-bestand (.bib) zelf)")
    target = data_dir / "references.bib"
    if target.is_symlink():
        raise CommandError(f"{_display(target, data_dir)} is een symbolische koppeling (tip: maak er een gewoon "
                           "bestand van; de import schrijft alleen in bestanden van deze repository)")
    if not target.is_file():
        raise CommandError(f"de leeslijst ontbreekt: {_display(target, data_dir)} (tip: zet references.bib terug "
                           "met git checkout)")
    target_display = _display(target, data_dir)
    result = bib_import.import_bib(target, source, _today(args), target_display)
    if result.problems.items:
        print(result.problems.report(), file=out)
    if result.merged is None and not result.decisions:
        print(f"Import geweigerd: {result.refused}" + ("" if result.refused.endswith("?") else "."), file=out)
        return DATA_ERRORS
    print(f"{source.name}: {counted(len(result.decisions), 'bron', 'bronnen')}", file=out)
    width = max(len(d.entry.key) for d in result.decisions)
    for d in result.decisions:
        if d.action == bib_import.ADDED:
            print(f"  + toegevoegd    {d.entry.key:<{width}}  {d.label}", file=out)
            if d.entry.get("file"):
                print(f"    {'':<{width + 14}}let op: het veld 'file' noemt een bestand op je eigen computer en komt "
                      "mee in de download van de leeslijst; haal het weg als je dat niet wilt", file=out)
        elif d.action == bib_import.DUPLICATE:
            print(f"  - overgeslagen  {d.entry.key:<{width}}  dubbel: {d.reason}", file=out)
        else:
            print(f"  ! overgeslagen  {d.entry.key:<{width}}  {d.reason} (tip: geef de bron in "
                  f"{source.name} een andere sleutel en importeer opnieuw)", file=out)
    added, dupes, conflicts = (result.count(a) for a in (bib_import.ADDED, bib_import.DUPLICATE, bib_import.CONFLICT))
    summary = f"{added} toegevoegd, {dupes} overgeslagen als dubbel"
    if conflicts:
        summary += f", {conflicts} overgeslagen omdat de sleutel al in gebruik is"
    print(f"Samenvatting: {summary}.", file=out)
    if result.merged is None:
        print(f"Import geweigerd: {result.refused}.", file=out)
        return DATA_ERRORS
    if args.proef:
        print(f"Proef: {target_display} is niet veranderd.", file=out)
    elif added:
        bib_import.write(target, result.merged)
        keys = ", ".join(d.entry.key for d in result.decisions if d.action == bib_import.ADDED)
        print(f"{target_display} is bijgewerkt. Nieuwe sleutels: {keys}.", file=out)
        print(f"Noem een bron in een record met sources: [sleutel] en draai daarna: {PROG} controleer", file=out)
    else:
        print(f"Er was niets nieuws; {target_display} is niet veranderd.", file=out)
    return DATA_ERRORS if conflicts else OK


def outdated(data: Any, today: date, months: int) -> list[Any]:
    """Records whose last review is more than ``months`` before ``today``, oldest first."""
    old = [r for r in data.all_records() if r is not None and r.get("reviewed")
           and review.is_overdue(r["reviewed"], today, months)]
    return sorted(old, key=lambda r: (r["reviewed"], r.path))


def cmd_outdated(args: argparse.Namespace, out: Any) -> int:
    data_dir = _data_dir(args)
    today, months = _today(args), args.maanden
    data = load_dataset(data_dir, data_dir.parent, today=_calendar_day(args))
    print(f"Peildatum {dutch_date(today.isoformat())}; controletermijn {months} maanden.", file=out)
    if data.problems.errors:
        print(f"Let op: de gegevens bevatten fouten ({data.problems.summary()}); records met fouten zijn niet "
              f"meegeteld. Zie: {PROG} controleer", file=out)
    _outdated_records(data, today, months, out)
    _outdated_facts(data, today, out)
    return OK


def _outdated_records(data: Any, today: date, months: int, out: Any) -> None:
    old = outdated(data, today, months)
    total = sum(1 for r in data.all_records() if r is not None and r.get("status") == review_state.REVIEWED)
    concepts = sum(1 for r in data.all_records() if r is not None and r.get("status") == review_state.CONCEPT)
    if concepts:
        print(f"{concepts} {'record is' if concepts == 1 else 'records zijn'} nog concept (door niemand beoordeeld) "
              f"en {'telt' if concepts == 1 else 'tellen'} hier niet mee.", file=out)
    if not total:
        print("Er zijn nog geen beoordeelde records.", file=out)
    elif not old:
        every = "Het ene beoordeelde record is" if total == 1 else f"Alle {total} beoordeelde records zijn"
        print(f"{every} in de afgelopen {months} maanden gecontroleerd.", file=out)
    else:
        some = ("Het ene beoordeelde record is" if total == 1 else
                f"{len(old)} van de {total} beoordeelde records {'is' if len(old) == 1 else 'zijn'}")
        print(f"{some} langer dan {months} maanden niet gecontroleerd:", file=out)
        width = max(len(r.path) for r in old)
        for record in old:
            print(f"  {record.path:<{width}}  gecontroleerd op {record['reviewed']} door {record['reviewer']}", file=out)
        print(f"Na een nieuwe beoordeling: {PROG} beoordeel ID --door \"Naam, rol\"", file=out)


def _outdated_facts(data: Any, today: date, out: Any) -> None:
    """The register's facts not compared with their official source for STALE_MONTHS (the build warns too)."""
    if not data.facts:
        return
    months = facts.STALE_MONTHS
    due = facts.stale(data.facts, today, months)
    states = {state: sum(1 for f in data.facts if f["status"] == state) for state in ("bevestigd", "onbevestigd", "onbekend")}
    print(f"Feitenregister: {states['bevestigd']} bevestigd in de officiële tekst, {states['onbevestigd']} niet "
          f"bevestigd, {states['onbekend']} niet gevonden.", file=out)
    if not due:
        every = "Het ene feit is" if len(data.facts) == 1 else f"Alle {len(data.facts)} feiten zijn"
        print(f"{every} in de afgelopen {months} maanden gecontroleerd (met de bron "
              "vergeleken, of opnieuw gezocht als die niet te vinden was).", file=out)
        return
    some = ("Het ene feit is" if len(data.facts) == 1 else
            f"{len(due)} van de {len(data.facts)} feiten {'is' if len(due) == 1 else 'zijn'}")
    print(f"{some} langer dan {months} maanden niet gecontroleerd:", file=out)
    width = max(len(f"data/feiten.yaml:{fact.line}") for fact in due)
    for fact in due:
        where = f"data/feiten.yaml:{fact.line}"
        when = f"laatst op {fact['gecontroleerd']}" if fact.get("gecontroleerd") else "nog nooit"
        print(f"  {where:<{width}}  {fact.id}: {when} ({fact['status']})", file=out)
    print("Vergelijk elk feit met zijn officiële bron en werk 'gecontroleerd' en 'door' bij.", file=out)


def cmd_export(args: argparse.Namespace, out: Any) -> int:
    data_dir = _data_dir(args)
    folder: Path = args.map
    if folder.exists() and not folder.is_dir():
        raise CommandError(f"{folder} is een bestand, geen map (tip: kies met --map een map)")
    data = load_dataset(data_dir, data_dir.parent, today=_calendar_day(args))
    if data.problems.errors:
        print(data.problems.report(), file=out)
        print(data.problems.summary(), file=out)
        print("Export geweigerd: de open data bevat alleen gecontroleerde gegevens. Los de fouten eerst op.", file=out)
        return DATA_ERRORS
    files = export.export_files(data)
    export.write_files(files, folder)
    print(f"Open data geschreven naar {folder}:", file=out)
    counts = dict(export.counts(files, data))
    for rel in files:
        plural = rel.split(".")[0]
        extra = f" ({counted(counts[plural], 'record', 'records')})" if plural in counts else ""
        print(f"  {rel}{extra}", file=out)
    print("Licentie: CC BY 4.0 (tekst en gegevens). Uitleg bij de velden: de pagina Open data van de site.", file=out)
    return OK


_OS_ERRORS = {errno.ENOENT: "bestaat niet", errno.ENOTDIR: "een deel van dit pad is geen map",
              errno.EACCES: "geen toestemming", errno.EPERM: "geen toestemming", errno.ENOSPC: "de schijf is vol",
              errno.EROFS: "alleen te lezen, niet te schrijven", errno.EISDIR: "is een map"}


def main(argv: Sequence[str] | None = None, out: Any = None, err: Any = None, today: date | None = None) -> int:
    """Run one command; ``today`` stands in for the calendar (tests), else the computer's date is used."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or bad input (2), already printed
        return int(exc.code or 0)
    args.calendar_day = today
    try:
        return args.run(args, out)
    except CommandError as exc:
        print(f"fout: {exc}", file=err)
        return BAD_INPUT
    except OSError as exc:  # a folder that cannot be made, a file that cannot be written: said, not a traceback
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"fout: {where}{_OS_ERRORS.get(exc.errno or 0, 'kan niet worden gelezen of geschreven')} (tip: "
              "controleer of de map bestaat en of je daar mag schrijven)", file=err)
        return BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
