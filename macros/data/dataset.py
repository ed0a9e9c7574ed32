"""Load and validate everything in ``data/``: one call gives the records or every problem.

Flow: YAML files -> strict loader (lines kept) -> JSON Schema -> text rules -> cross-references
(ids, rungs, roles, methods, checklists, BibTeX keys). Nothing is dropped: a record with problems
is reported, and the caller refuses to build while any error remains.
"""
from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from ..bibliography.cache import ReadingListCache
from ..core.problems import DataError, Problem, Problems, quote
from . import facts as fact_register
from . import places, review_state, search_words
from .kinds import RECORD_KINDS, RecordKind, reserved_problem
from .schema import Schemas
from .text_rules import check_text, strings
from .yaml_loader import YFloat, YInt, YList, YMap, YStr, line_of, load_yaml, parse_yaml

LIST_FILES = {"timeline": "timeline.yaml", "glossary": "glossary.yaml", "themes": "themes.yaml",
              "facts": "feiten.yaml"}
#: The repository this code lives in: data/schema/ may link here, nowhere else.
CODE_ROOT = Path(__file__).resolve().parents[2]
OTHER_THEME = "overig"  # the reading-list group of entries that match no theme (a reserved theme id)
#: Words the web editor's form also uses ({waarde}: the id as quote() shows it).
ID_TAKEN = ("{waarde} is al in gebruik in {plaats}", "elke id is uniek; kies een andere")
NOT_THE_FILE_NAME = "{waarde} is niet gelijk aan de bestandsnaam {bestand}"


class Record(dict[str, Any]):
    """A validated record: plain values (str/int/float/list/dict), plus where it came from.

    Optional fields the file leaves out are present as None or [] so templates need no guards.
    """

    kind: str
    path: str  # repository-relative path of the YAML file, for messages and edit links
    line: int
    value_lines: dict[tuple[str, str], int]  # ("rungs", "adviseren") -> line, for precise messages
    #: The ids of the register's facts this record uses ([[feit:id]], in_force, a timeline event's date),
    #: in order of first use: its page says when each was last checked.
    facts: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return str(self["id"])

    @property
    def heading(self) -> str:
        """What a link to this record says, whatever the record type calls it."""
        return self.get("name") or self.get("title") or self.get("label") or self.get("term") or self.id

    @property
    def blurb(self) -> str | None:
        """One line that says what the record is about (summary, or a checklist's first sentence)."""
        return self.get("summary") or self.get("resident") or self.get("definition")


@dataclass
class Dataset:
    root: Path
    schemas: Schemas
    ladder: dict[str, list[Record]] = field(default_factory=dict)
    #: The record kinds this data was loaded with (macros/data/kinds.py), in registry order.
    kinds: tuple[RecordKind, ...] = field(default_factory=lambda: tuple(RECORD_KINDS))
    #: kind id -> {record id: record}, for every kind in ``kinds``.
    records: dict[str, dict[str, Record]] = field(default_factory=dict)
    timeline: list[Record] = field(default_factory=list)
    glossary: list[Record] = field(default_factory=list)
    themes: list[Record] = field(default_factory=list)  # reading-list themes, in data/themes.yaml order
    facts: list[Record] = field(default_factory=list)  # data/feiten.yaml: facts that change, with their proof
    search_words: list[Record] = field(default_factory=list)  # data/zoekwoorden.yaml: readers' words per page
    bibliography: Any = None
    problems: Problems = field(default_factory=Problems)

    def records_of(self, kind: str) -> dict[str, Record]:
        """The records of one kind by id ({} when there are none)."""
        return self.records.setdefault(kind, {})

    # The three kinds the site's own features (selector, map, ladder pages) know by name.
    @property
    def methods(self) -> dict[str, Record]:
        return self.records_of("method")

    @property
    def cases(self) -> dict[str, Record]:
        return self.records_of("case")

    @property
    def checklists(self) -> dict[str, Record]:
        return self.records_of("checklist")

    @property
    def rungs(self) -> list[Record]:
        return self.ladder.get("bewoners", [])

    @property
    def roles(self) -> list[Record]:
        return self.ladder.get("overheid", [])

    # Reverse links, indexed once: looked up per method they made a build at 5,000 methods quadratic.
    # Built on first use, after loading; the data does not change after that.
    @cached_property
    def _cases_by_method(self) -> dict[str, list[Record]]:
        index: dict[str, list[Record]] = {}
        for case in self.cases.values():
            for method_id in dict.fromkeys(case["methods"]):
                index.setdefault(method_id, []).append(case)
        return index

    @cached_property
    def _checklist_links(self) -> set[tuple[str, str]]:
        """(method id, checklist id) when either names the other."""
        links = {(m.id, c) for m in self.methods.values() for c in m["checklists"]}
        return links | {(m, c.id) for c in self.checklists.values() for m in c["methods"]}

    def cases_using(self, method_id: str) -> list[Record]:
        """The reverse link: cases name their methods, method pages list those cases."""
        return list(self._cases_by_method.get(method_id, []))

    def cases_sharing_methods(self, case_id: str) -> list[tuple[Record, list[str]]]:
        """Other cases that use a method of this case, each with the methods they share (its order)."""
        mine = set(self.cases[case_id]["methods"])
        others = {other.id: other for method_id in self.cases[case_id]["methods"]
                  for other in self._cases_by_method.get(method_id, []) if other.id != case_id}
        return [(other, [m for m in other["methods"] if m in mine]) for other in others.values()]

    def checklists_for_method(self, method_id: str) -> list[Record]:
        """Checklists the method names or that name the method, in checklist order."""
        return [c for c in self.checklists.values() if (method_id, c.id) in self._checklist_links]

    def methods_for_checklist(self, checklist_id: str) -> list[Record]:
        return [m for m in self.methods.values() if (m.id, checklist_id) in self._checklist_links]

    def methods_on_rung(self, rung_id: str) -> list[Record]:
        return [m for m in self.methods.values() if rung_id in m["rungs"]]

    def checklists_on_rung(self, rung_id: str) -> list[Record]:
        """Checklists for this rung: named for it, or belonging to a method on it."""
        methods = {m.id for m in self.methods_on_rung(rung_id)}
        return [c for c in self.checklists.values()
                if rung_id in c["rungs"] or methods & set(c["methods"])]

    def cases_on_rung(self, rung_id: str) -> list[Record]:
        return [c for c in self.cases.values() if rung_id in c["rungs"]]

    def themes_of(self, entry: Any) -> list[Record]:
        """The themes a reading-list entry belongs to (its BibTeX keywords, case-insensitive), in theme order."""
        words = {word.strip().casefold() for word in entry.keywords}
        return [theme for theme, keywords in self._theme_keywords if words & keywords]

    @cached_property
    def _theme_keywords(self) -> list[tuple[Record, set[str]]]:
        """Each theme with its keywords case-folded: asked for every entry of the reading list, often twice."""
        return [(theme, {k.casefold() for k in theme["keywords"]}) for theme in self.themes]

    @cached_property
    def fact_index(self) -> dict[str, Record]:
        """The register's facts by id."""
        return {fact.id: fact for fact in self.facts}

    def facts_of(self, *records: Record) -> list[Record]:
        """The facts these records use, each once, in order of first use."""
        ids = dict.fromkeys(fact_id for record in records for fact_id in record.facts)
        return [self.fact_index[fact_id] for fact_id in ids if fact_id in self.fact_index]

    def all_records(self) -> Iterable[Record]:
        """Every record of every kind, in registry order."""
        for kind in self.kinds:
            yield from self.records_of(kind.id).values()


def plain(value: Any) -> Any:
    """Strip line-number wrappers so records hold ordinary Python values."""
    if isinstance(value, YMap):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, YList):
        return [plain(v) for v in value]
    if isinstance(value, YStr):
        return str(value)
    if isinstance(value, YInt):
        return int(value)
    if isinstance(value, YFloat):
        return float(value)
    return value


def _record(kind: str, value: YMap, display: str, schemas: Schemas) -> Record:
    record = Record(plain(value))
    lists, nested_lists = schemas.list_fields(kind)
    for name, spec in schemas.fields(kind).items():
        if spec.get("type") == "object" and isinstance(record.get(name), dict):
            for sub in spec.get("properties", {}):  # e.g. period.end, costs.money
                record[name].setdefault(sub, [] if sub in nested_lists.get(name, ()) else None)
        if name not in record:
            record[name] = [] if name in lists else None
    for item in record.get("items") or []:  # checklist items: optional fields present too
        item.setdefault("explanation", None)
        item.setdefault("methods", [])
        item.setdefault("sources", [])
    record.kind, record.path, record.line = kind, display, value.line
    record.value_lines = _value_lines(value)
    return record


def _value_lines(value: YMap) -> dict[tuple[str, str], int]:
    """Where each text value in a list stands: 'items[2].methods[1]' -> ('items[2].methods', value)."""
    lines: dict[tuple[str, str], int] = {}
    for path, text in strings(value):
        field = re.sub(r"\[\d+\]$", "", path)
        lines.setdefault((field, str(text)), text.line)
    return lines


def load_dataset(root: Path, repo_root: Path | None = None, cache: ReadingListCache | None = None,
                 today: date | None = None) -> Dataset:
    """Read and check all data below ``root`` (the data/ folder). Never raises for bad data.
    ``cache``: keeps the checked reading list between builds (macros/bibliography/cache.py).
    ``today``: no review or check may be dated after it (None: the clock's date; tests pass their own)."""
    return _Loader(root, repo_root or root.parent, cache, today).load()


class _Loader:
    """One load of data/: a method per source, in the order the cross-checks need them."""

    def __init__(self, root: Path, repo_root: Path, cache: ReadingListCache | None = None,
                 today: date | None = None):
        self.root, self.repo_root = root, repo_root
        self.today = today or fact_register.today()
        self.links: set[Path] = set()  # symbolic links below data/, refused (refuse_links)
        self.cache = cache or ReadingListCache(None)
        self.data = Dataset(root=root, schemas=Schemas(root / "schema"))
        self.problems = self.data.problems
        self.sources_seen: list[tuple[str, int, str, str]] = []  # (file, line, field, key) for the BibTeX check
        self.ids_seen: dict[str, tuple[str, int]] = {}
        self.partial: list[Record] = []  # the well-formed fields of records that failed the schema
        self.fact_uses: list[fact_register.FactUse] = []  # every [[feit:id]], in_force and timeline 'feit'
        self.fact_items: list[YMap] = []  # data/feiten.yaml as read, for line numbers

    def load(self) -> Dataset:
        self.links = self.refuse_links()  # first: nothing is read through a symbolic link
        self.ladder()  # first of the data: other records point at its rungs and roles
        for kind in self.data.kinds:
            self.record_folder(kind)
        self.lists()
        self.search_words()
        self.bibliography()
        _check_references(self.data, self.sources_seen, self.problems, self.partial)
        self.check_facts()
        self.drop_placeholders()
        self.resolve_facts()
        return self.data

    def scan_facts(self, value: Any, display: str, prefix: str = "") -> None:
        """Note every fact this value refers to; say where a reference is written wrongly."""
        fact_register.malformed_refs(value, display, self.problems)
        self.fact_uses.extend(fact_register.uses_in(value, display, prefix))
        for path, item in _fact_fields(value, prefix, self.data.schemas.reference_fields("fact")):
            self.fact_uses.append(fact_register.FactUse(display, line_of(item), path, str(item)))

    def check_facts(self) -> None:
        """The register's own rules, then every reference to it: an unknown id is an error at its line."""
        data, problems = self.data, self.problems
        fact_register.check_register(self.fact_items, self.rel(self.root / LIST_FILES["facts"]),
                                     data.bibliography, problems, on=self.today)
        known = data.fact_index
        for use in self.fact_uses:
            fact = known.get(use.fact_id)
            if fact is None:
                problems.add(use.file, use.line, use.field, f"onbekend feit '{use.fact_id}'",
                             fact_register.unknown_hint(use.fact_id, known))
            elif use.field.rsplit(".", 1)[-1] in data.schemas.reference_fields("fact") and not fact.get("datum"):
                problems.add(use.file, use.line, use.field, f"feit '{use.fact_id}' is geen datum",
                             "kies een feit met 'datum:' in het register")

    def resolve_facts(self) -> None:
        """Replace every [[feit:id]] by what the page shows, and note on each record which facts it uses.
        Only when everything checked out: a build with errors stops anyway."""
        data = self.data
        if self.problems.errors or not data.fact_index:
            return
        known = data.fact_index
        according_to = fact_register.whose_word(data.bibliography)
        everything = [*data.all_records(), *data.timeline, *data.glossary, *data.themes,
                      *(rung for side in data.ladder.values() for rung in side)]
        for record in everything:
            used: list[str] = []
            for key in list(record):
                record[key] = fact_register.resolve_value(record[key], known, according_to, used)
            for name in sorted(data.schemas.reference_fields("fact")):
                if record.get(name):
                    used.append(str(record[name]))
            if record.kind == "timeline" and record.get("feit") and not record.get("date"):
                record["date"] = str(known[record["feit"]]["datum"])
            record.facts = tuple(dict.fromkeys(used))

    def rel(self, path: Path) -> str:
        return path.relative_to(self.repo_root).as_posix()

    def refuse_links(self) -> set[Path]:
        """Every symbolic link below data/, reported by its own name (never where it points): what it points at
        may lie outside the repository, so it is not read. data/schema/ may be a link into the code's own
        repository (the test fixtures share the schemas that way)."""
        links: set[Path] = set()
        folders = [self.root]
        while folders:
            try:
                entries = sorted(os.scandir(folders.pop()), key=lambda e: e.name)
            except OSError:
                continue
            for entry in entries:
                path = Path(entry.path)
                if entry.is_symlink():
                    if path == self.root / "schema" and path.resolve().is_relative_to(CODE_ROOT):
                        continue
                    links.add(path)
                    self.problems.add(self.rel(path), 1, "", "is een symbolische koppeling (symlink); die wordt "
                                      "niet gelezen: de gids leest alleen gewone bestanden uit deze repository",
                                      "zet de inhoud zelf in een gewoon bestand op deze plek, of haal de koppeling weg")
                elif entry.is_dir(follow_symlinks=False):
                    folders.append(path)
        return links

    def linked(self, path: Path) -> bool:
        """Was this file, or a folder on its way from data/, refused as a symbolic link?"""
        return bool(self.links) and any(p in self.links for p in (path, *path.parents))

    def read(self, path: Path) -> Any:
        value = load_yaml(path, self.rel(path), self.problems)
        if value is None and not any(p.file == self.rel(path) for p in self.problems.errors):
            self.problems.add(self.rel(path), 1, "", "het bestand bevat geen gegevens (leeg of alleen commentaar)",
                              "vul het bestand of haal het weg")
        return value

    def ladder(self) -> None:
        data, problems = self.data, self.problems
        ladder_path = self.root / "ladder.yaml"
        display = self.rel(ladder_path)
        if self.linked(ladder_path):
            return
        if not ladder_path.exists():
            problems.add(display, 0, "", "bestand ontbreekt", "de ladder is nodig voor alle andere gegevens")
            return
        ladder = self.read(ladder_path)
        if ladder is not None and data.schemas.validate("ladder", ladder, display, problems):
            check_text(ladder, display, problems)
            self.scan_facts(ladder, display)
            for side in ("bewoners", "overheid"):
                data.ladder[side] = [_rung(item, display, data.schemas) for item in ladder[side]]
                _collect_sources(ladder[side], display, f"{side}", self.sources_seen)

    def record_folder(self, kind: RecordKind) -> None:
        """Every data/<folder>/*.yaml of one kind: one record per file."""
        target = self.data.records_of(kind.id)
        if self.linked(self.root / kind.folder):
            return
        for path in sorted((self.root / kind.folder).glob("*.yaml")):
            value = None if self.linked(path) else self.read(path)
            if value is None:
                target.setdefault(path.stem, None)  # type: ignore[arg-type]  # reported; avoids "unknown id" errors
                continue
            display = self.rel(path)
            if not isinstance(value, YMap):
                self.problems.add(display, line_of(value, 1), "", f"het bestand moet één record bevatten "
                                  f"(veld: waarde), maar bevat {'een lijst' if isinstance(value, YList) else 'losse tekst'}",
                                  "zet elk record in een eigen bestand, zonder '-' ervoor")
                continue
            reported = len(self.problems.items)
            if not self.data.schemas.validate(kind.id, value, display, self.problems):
                self.partial_record(kind, value, display, reported, target)
                continue
            self.record(kind, value, display, path, target)

    def record(self, kind: RecordKind, value: YMap, display: str, path: Path, target: dict[str, Record]) -> None:
        problems = self.problems
        check_text(value, display, problems)
        review_state.check(value, kind.id, display, self.data.schemas.raw, problems, today=self.today)
        _check_item_ids(value, display, problems)
        if value["id"] != path.stem:
            problems.add(display, value.line_of("id"), "id", NOT_THE_FILE_NAME.format(waarde=quote(value["id"]),
                         bestand=quote(path.stem)), f"noem het bestand {value['id']}.yaml of pas de id aan")
        _claim_id(kind.id, value, display, self.ids_seen, problems)
        _check_reserved(value, display, self.data.kinds, problems)
        self.scan_facts(value, display)
        _check_unknown_costs(value, display, problems)
        target[str(value["id"])] = _record(kind.id, value, display, self.data.schemas)
        if kind.id == "case":  # missing coordinates: a warning; coordinates outside NL for an NL case: an error
            places.check_case_location(value, display, problems)
            _check_period(value, display, problems)
        _collect_sources([value], display, "", self.sources_seen)

    def partial_record(self, kind: RecordKind, value: YMap, display: str, reported: int,
                       target: dict[str, Record]) -> None:
        """A record that failed its schema: still claim its id and check its well-formed fields."""
        problems = self.problems
        # Still register the id, so references to it do not add misleading follow-up errors.
        if isinstance(value.get("id"), YStr):
            _claim_id(kind.id, value, display, self.ids_seen, problems)
            _check_reserved(value, display, self.data.kinds, problems)
            target.setdefault(str(value["id"]), None)  # type: ignore[arg-type]
        # And check the fields that are well-formed, so one run reports every mistake in the file.
        bad = {re.split(r"[.\[]", p.field)[0] for p in problems.items[reported:]}
        sound = YMap()
        sound.line = value.line
        for key in value:
            if key not in bad:
                sound[key], sound.key_lines[key] = value[key], value.line_of(key)
        check_text(sound, display, problems)
        self.scan_facts(sound, display)
        review_state.check(value, kind.id, display, self.data.schemas.raw, problems, skip=bad, today=self.today)
        self.partial.append(_record(kind.id, sound, display, self.data.schemas))
        _collect_sources([sound], display, "", self.sources_seen)

    def lists(self) -> None:
        """timeline.yaml, glossary.yaml, themes.yaml: a list of items each."""
        data, problems = self.data, self.problems
        for kind, name in LIST_FILES.items():
            path = self.root / name
            if not path.exists() or self.linked(path):
                continue
            value = self.read(path)
            if value is None:
                continue
            display = self.rel(path)
            if data.schemas.validate(kind, value, display, problems):
                check_text(value, display, problems)
                if kind == "facts":
                    self.fact_items = list(value)
                else:
                    for index, item in enumerate(value):
                        self.scan_facts(item, display, f"[{index + 1}]")
                    if kind == "timeline":
                        _check_timeline_dates(value, display, problems)
                        _check_timeline_order(value, display, problems)
                local: dict[str, int] = {}
                for item in value:
                    if item["id"] in local:
                        problems.add(display, item.line_of("id"), "id", f"'{item['id']}' komt al voor op regel "
                                     f"{local[item['id']]}", "geef elk item een eigen id")
                    local[item["id"]] = item.line_of("id")
                    getattr(data, kind).append(_record(kind, item, display, data.schemas))
                _collect_sources(value, display, "", self.sources_seen)

    def search_words(self) -> None:
        """data/zoekwoorden.yaml (optional): checked after the records and the ladder, whose pages it names."""
        data = self.data
        path = self.root / search_words.FILE
        if not path.exists():
            return
        value = self.read(path)
        display = self.rel(path)
        if value is None or not data.schemas.validate(search_words.SCHEMA, value, display, self.problems):
            return
        ladder_ids = [rung.id for side in data.ladder.values() for rung in side]
        known = search_words.generated_pages(data.kinds, data.records, ladder_ids)
        search_words.check(list(value), display, known, self.repo_root / "docs", self.problems)
        data.search_words = [_record(search_words.SCHEMA, item, display, data.schemas) for item in value]

    def bibliography(self) -> None:
        bib_path = self.root / "references.bib"
        if self.linked(bib_path):
            return
        bib, bib_problems = self.cache.load(bib_path, self.rel(bib_path))
        self.data.bibliography = bib
        self.problems.extend(bib_problems)
        _check_themes(self.data, self.rel(self.root / LIST_FILES["themes"]), self.rel(bib_path), self.problems)

    def drop_placeholders(self) -> None:
        """Drop placeholders of invalid records only after cross-checking (they are reported already)."""
        for kind in self.data.kinds:
            target = self.data.records_of(kind.id)
            for key in [k for k, v in target.items() if v is None]:
                del target[key]


def check_record_text(data: Dataset, kind: RecordKind, path: Path, raw: bytes, display: str,
                      today: date | None = None) -> list[Problem]:
    """The errors one record file would have with these bytes, checked on their own (YAML, schema, text and
    review rules, id and file name), without writing or loading the rest again: for a command that changes
    fields which point at nothing else (status, reviewed, reviewer) before it writes."""
    problems = Problems()
    value = parse_yaml(raw, display, problems)
    if value is None or problems.errors:
        return problems.errors or [Problem(display, 1, "", "het bestand bevat geen gegevens")]
    if not isinstance(value, YMap):
        return [Problem(display, line_of(value, 1), "", "het bestand moet één record bevatten (veld: waarde)")]
    if data.schemas.validate(kind.id, value, display, problems):
        check_text(value, display, problems)
        review_state.check(value, kind.id, display, data.schemas.raw, problems, today=today)
        if value["id"] != path.stem:
            problems.add(display, value.line_of("id"), "id", f"'{value['id']}' is niet gelijk aan de bestandsnaam "
                         f"'{path.stem}'")
    return problems.errors


def load_valid_dataset(root: Path, repo_root: Path | None = None, cache: ReadingListCache | None = None,
                       today: date | None = None) -> Dataset:
    data = load_dataset(root, repo_root, cache, today)
    if data.problems.errors:
        raise DataError(data.problems)
    return data


def _check_themes(data: Dataset, themes_file: str, bib_file: str, problems: Problems) -> None:
    for theme in data.themes:
        if theme.id == OTHER_THEME:
            problems.add(themes_file, theme.line, "id", f"'{OTHER_THEME}' is gereserveerd voor bronnen zonder thema",
                         "kies een andere id")
    if not data.themes or data.bibliography is None:
        return
    for entry in data.bibliography:
        if not data.themes_of(entry):
            problems.add(bib_file, entry.field_lines.get("keywords", entry.line), "keywords",
                         f"bron '{entry.key}' hoort bij geen thema en staat op de leeslijst onder 'Overig'",
                         f"geef de bron een trefwoord uit {themes_file}, of voeg daar een trefwoord toe",
                         severity="waarschuwing")


def _check_unknown_costs(value: YMap, display: str, problems: Problems) -> None:
    """'Onbekend' is an honest cost only when the record says where the editors looked (costs.redactienotitie)."""
    costs = value.get("costs")
    if not isinstance(costs, YMap) or costs.get("redactienotitie"):
        return
    for name in ("time", "money", "people"):
        text = costs.get(name)
        if isinstance(text, YStr) and text.strip().casefold().startswith("onbekend"):
            problems.add(display, costs.line_of(name), f"costs.{name}", "'onbekend' zonder te zeggen waar is gezocht",
                         "zet onder costs een 'redactienotitie:' met de bronnen die de redactie doorzocht, en wanneer")


def _fact_fields(value: Any, prefix: str, names: Iterable[str]) -> Iterable[tuple[str, Any]]:
    """(path, id) of each field that names a fact by itself (x-ref "fact": a regulation's in-force date,
    a timeline event's day), in a record or a list item; such a fact must be a date."""
    if isinstance(value, YMap):
        for name in sorted(names):
            if isinstance(value.get(name), YStr):
                yield (f"{prefix}.{name}" if prefix else name), value[name]


def _check_timeline_dates(items: YList, display: str, problems: Problems) -> None:
    """An event has its own date, or takes it from the register (the day a law takes effect): one of the two."""
    for index, item in enumerate(items):
        if "date" not in item and "feit" not in item:
            problems.add(display, item.line, f"[{index + 1}].date", "een gebeurtenis zonder datum",
                         "vul 'date:' in, of 'feit:' met de id van een datum uit data/feiten.yaml")
        elif "date" in item and "feit" in item:
            problems.add(display, item.line_of("feit"), f"[{index + 1}].feit", "'date' en 'feit' staan er allebei",
                         "haal 'date' weg: de datum komt uit het feitenregister")


def _check_timeline_order(items: YList, display: str, problems: Problems) -> None:
    """A period ends on or after its start: '2014' to '2012' is a typo. Compared as far as both are precise."""
    for index, item in enumerate(items):
        start, end = item.get("date"), item.get("end")
        if isinstance(start, str) and isinstance(end, str):
            precision = min(len(start), len(end))
            if end[:precision] < start[:precision]:
                problems.add(display, item.line_of("end"), f"[{index + 1}].end", f"{end} ligt vóór de datum {start}",
                             "het einde van een periode ligt op of na het begin; controleer de jaartallen")


def _check_period(value: YMap, display: str, problems: Problems) -> None:
    """A case cannot end before it started (both years; a word such as 'lopend' says nothing to compare)."""
    period = value.get("period")
    if not isinstance(period, YMap):
        return
    start, end = period.get("start"), period.get("end")
    if isinstance(start, int) and isinstance(end, int) and end < start:
        problems.add(display, period.line_of("end"), "period.end", f"{end} ligt vóór het beginjaar {start}",
                     "het eindjaar ligt op of na het beginjaar; controleer de jaartallen")


def _rung(item: YMap, display: str, schemas: Schemas) -> Record:
    record = Record(plain(item))
    for name in ("aliases", "pitfalls", "corresponds"):
        record.setdefault(name, [])
    record.kind, record.path, record.line = "rung", display, item.line
    record.value_lines = _value_lines(item)
    return record


def _check_item_ids(value: YMap, display: str, problems: Problems) -> None:
    """Checklist items keep their id forever (readers' ticks are stored under it): no doubles."""
    first: dict[str, int] = {}
    for index, item in enumerate(value.get("items") or []):
        item_id, line = str(item["id"]), item.line_of("id")
        if item_id in first:
            problems.add(display, line, f"items[{index + 1}].id", f"'{item_id}' komt al voor op regel {first[item_id]}",
                         "geef elk punt een eigen id; verander bestaande ids niet")
        first.setdefault(item_id, line)


def _claim_id(kind: str, value: YMap, display: str, ids_seen: dict[str, tuple[str, int]], problems: Problems) -> None:
    key = f"{kind}:{value['id']}"
    line = value.line_of("id")
    if key in ids_seen:
        first_file, first_line = ids_seen[key]
        problems.add(display, line, "id", ID_TAKEN[0].format(waarde=quote(value["id"]),
                                                            plaats=f"{first_file}:{first_line}"), ID_TAKEN[1])
    else:
        ids_seen[key] = (display, line)


def _check_reserved(value: YMap, display: str, kinds: Iterable[RecordKind], problems: Problems) -> None:
    """An id that is the name of a generated page (index, kaart, …) would overwrite that page."""
    refused = reserved_problem(str(value["id"]), kinds)
    if refused:
        problems.add(display, value.line_of("id"), "id", *refused)


def _collect_sources(items: Iterable[Any], display: str, prefix: str,
                     out: list[tuple[str, int, str, str]]) -> None:
    """Find every `sources` list in these values (records, checklist items, rungs)."""
    stack: list[tuple[str, Any]] = [(prefix, item) for item in items]
    while stack:
        where, value = stack.pop()
        if isinstance(value, YMap):
            for key, sub in value.items():
                path = f"{where}.{key}" if where else key
                if key == "sources" and isinstance(sub, YList):
                    seen: dict[str, int] = {}
                    for source in sub:
                        source_key = str(source_ref(source)[0])
                        if source_key in seen:
                            out.append((display, line_of(source, sub.line), path, "\0dup:" + source_key))
                        seen[source_key] = line_of(source, sub.line)
                        out.append((display, line_of(source, sub.line), path, source_key))
                else:
                    stack.append((path, sub))
        elif isinstance(value, YList):
            stack.extend((f"{where}[{i + 1}]", sub) for i, sub in enumerate(value))


def _unknown(problems: Problems, record: Record | None, field: str, value: str, known: Iterable[str],
             what: str, line: int) -> None:
    known = sorted(known)
    guess = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    hint = f"bedoel je '{guess[0]}'?" if guess else "bekend: " + ", ".join(known[:12]) + (", …" if len(known) > 12 else "")
    problems.add(record.path if record else "", line, field, f"onbekende {what} '{value}'", hint)


#: What a reference that is not to a record names, as a message says it ('onbekende trede').
_TARGET_WORDS = {"rung": "trede", "role": "rol"}


def _referenced(value: Any, path: Sequence[str], field: str = "") -> Iterable[tuple[str, Any]]:
    """(field as a curator reads it, value) of what a record holds at a reference's path."""
    if not path:
        yield field, value
    elif path[0] == "*":
        for index, item in enumerate(value or []):
            yield from _referenced(item, path[1:], f"{field}[{index + 1}]")
    elif isinstance(value, dict) and value.get(path[0]) is not None:
        yield from _referenced(value[path[0]], path[1:], f"{field}.{path[0]}" if field else path[0])


def _check_references(data: Dataset, sources_seen: list[tuple[str, int, str, str]], problems: Problems,
                      partial: Sequence[Record] = ()) -> None:
    # Every id that names a record, a rung or a role, found where the schemas say ("x-ref"); sources
    # and facts have checks of their own (below, and in facts.py).
    known: dict[str, Any] = {kind.id: data.records_of(kind.id) for kind in data.kinds}
    words = {kind.id: kind.label for kind in data.kinds} | _TARGET_WORDS
    if data.ladder:
        known |= {"rung": [r.id for r in data.rungs], "role": [r.id for r in data.roles]}

    def check(record: Record, schema: str, within: tuple[str, ...] = (), where: str = "") -> None:
        for ref in data.schemas.references(schema):
            if ref.target not in known or ref.path[:len(within)] != within:
                continue
            for name, value in _referenced(record, ref.path[len(within):]):
                for item in value if ref.many else [value]:
                    # `known` is a dict or list: membership only; a list copy per record made this quadratic.
                    if item not in known[ref.target]:
                        _unknown(problems, record, where + name, item, known[ref.target], words[ref.target],
                                 record.value_lines.get((name, item), record.line))

    for record in [*data.all_records(), *partial]:
        if record is not None:
            check(record, record.kind)
    for entry in data.timeline + data.glossary:
        check(entry, entry.kind)
    for side in data.ladder:
        for index, rung in enumerate(data.ladder[side]):  # a rung is one item of bewoners or overheid
            check(rung, "ladder", within=(side, "*"), where=f"{side}[{index + 1}].")

    if data.bibliography is None:
        return
    known_keys = list(data.bibliography.keys())
    for display, line, field_name, key in sources_seen:
        if key.startswith("\0dup:"):
            problems.add(display, line, field_name, f"'{key[5:]}' staat meer dan één keer in de bronnen", "haal de dubbele weg")
        elif key not in data.bibliography:
            guess = difflib.get_close_matches(key, known_keys, n=1, cutoff=0.7)
            hint = f"bedoel je '{guess[0]}'?" if guess else "voeg de bron toe aan data/references.bib"
            problems.add(display, line, field_name, f"bron '{key}' staat niet in de leeslijst", hint)


def source_ref(source: Any) -> tuple[str, str | None]:
    """A source reference as a record writes it, 'key' or {key, pages}, as (key, pages or None): the one
    place the two forms are told apart."""
    if isinstance(source, dict):
        return source["key"], source.get("pages")
    return source, None


def reference_keys(sources: Any) -> list[str]:
    """The keys of a `sources` list (missing or empty: [])."""
    return [source_ref(source)[0] for source in sources or []]
