"""The content model: the JSON Schema files in ``data/schema`` and Dutch messages for their errors.

The same schema files drive editor support (yaml-language-server) and this validator, so the
model is written down once.
"""
from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema

from ..core.problems import Problems, quote
from .yaml_loader import YList, YMap, line_of

#: The file of shared building blocks ($defs); every other ``<kind>.schema.json`` describes one kind of data.
COMMON = "common.schema.json"


class Schemas:
    """Loads every schema once and validates YAML values against them."""

    def __init__(self, folder: Path):
        self.folder = folder
        texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.schema.json"))}
        self.raw = {name: json.loads(text) for name, text in texts.items()}
        self._validators, self._quick = _compiled(tuple(texts.items()))
        self._lists: dict[str, tuple[frozenset[str], dict[str, frozenset[str]]]] = {}
        self._references: dict[str, tuple[Reference, ...]] = {}

    @cached_property
    def labels(self) -> dict[str, dict[str, str]]:
        """Display labels of the fixed vocabularies, e.g. labels['domain']['beide']."""
        defs = self.raw["common.schema.json"]["$defs"]
        return {name: d["x-labels"] for name, d in defs.items() if "x-labels" in d}

    def fields(self, kind: str) -> dict[str, Any]:
        """Properties of one record of this kind (for list files: of one item)."""
        schema = self.raw[f"{kind}.schema.json"]
        if schema.get("type") == "array":
            schema = schema["items"]
        properties: dict[str, Any] = schema.get("properties", {})
        return properties

    def list_fields(self, kind: str) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
        """Which properties of a record of this kind hold a list (so an absent value reads as []), and per
        object property which of its own properties do. Read from the schema with every $ref resolved,
        so a new list type in common.schema.json needs no change here."""
        if kind not in self._lists:  # asked for every record: worked out once per kind
            self._lists[kind] = _list_fields(self._validators[kind].schema)
        return self._lists[kind]

    def references(self, kind: str) -> tuple[Reference, ...]:
        """Every field of this kind (for list files: of one item) that names something elsewhere: the
        schema's "x-ref" on an id or a list of ids. The cross-reference checks, the editor's relation
        widgets and the examples in a new record follow from these."""
        if kind not in self._references:
            schema = self._validators[kind].schema
            self._references[kind] = tuple(_references(schema["items"] if _is_array(schema) else schema, ()))
        return self._references[kind]

    @functools.cache  # noqa: B019 - one Schemas per load of the data, asked for every record
    def reference_fields(self, target: str) -> frozenset[str]:
        """The names of the fields, in any schema, that hold ids of `target` ('fact': in_force, feit)."""
        return frozenset(ref.path[-1] for kind in self._validators for ref in self.references(kind)
                         if ref.target == target)

    def validate(self, kind: str, value: Any, display: str, problems: Problems) -> bool:
        try:
            self._quick[kind](value)
            return True
        except fastjsonschema.JsonSchemaException:
            pass
        ok = True
        errors = sorted(self._validators[kind].iter_errors(value), key=lambda e: list(map(str, e.absolute_path)))
        # One message per mistake: a value that has the wrong shape need not also be "no real date".
        shaped = {tuple(e.absolute_path) for e in errors if e.validator == "pattern"}
        errors = [e for e in errors if not (e.validator == "format" and tuple(e.absolute_path) in shaped)]
        # A misspelt field ('sumary') is one mistake: "unknown field, did you mean 'summary'?" says it all.
        typos = {(tuple(e.absolute_path), guess) for e in errors if e.validator == "additionalProperties"
                 for guess in _typo_guesses(e)}
        errors = [e for e in errors if not (e.validator == "required"
                                            and (tuple(e.absolute_path), _missing(e)) in typos)]
        for error in errors:
            ok = False
            for line, field, message, hint in _describe(error, value):
                problems.add(display, line, field, message, hint)
        return ok


_ANNOTATIONS = {"description", "title", "x-labels", "$comment", "examples", "default", "x-ref"}
#: The keyword that says what an id names: a record kind ('method', 'checklist', …), or 'rung', 'role',
#: 'fact' (data/feiten.yaml) or 'source' (a key of data/references.bib).
REF = "x-ref"


@dataclass(frozen=True)
class Reference:
    """A field whose value names something elsewhere (see Schemas.references)."""

    path: tuple[str, ...]  # ('items', '*', 'methods'): '*' stands for every item of a list
    target: str
    many: bool  # a list of ids, not one


def _merged(node: Any) -> dict[str, Any]:
    """An inlined schema node with the parts of its allOf merged in."""
    if not isinstance(node, dict):
        return {}
    merged: dict[str, Any] = {}
    for part in node.get("allOf", []):
        merged.update(_merged(part))
    return {**merged, **node}


def _references(node: dict[str, Any], path: tuple[str, ...]) -> Iterable[Reference]:
    node = _merged(node)
    items = _merged(node.get("items")) if _is_array(node) else {}
    if REF in node or REF in items:
        yield Reference(path, node.get(REF) or items[REF], many=_is_array(node))
    elif items.get("type") == "object":
        yield from _references(items, (*path, "*"))
    elif node.get("type") == "object":
        for name, sub in node.get("properties", {}).items():
            yield from _references(sub, (*path, name))


def ref_target(ref: str, base: str, raw: dict[str, Any]) -> tuple[Any, str]:
    """What a $ref ('common.schema.json#/$defs/text', or '#/$defs/x' within `base`) points at, and
    the file it lies in (further $refs inside it are relative to that file)."""
    file, _, pointer = ref.partition("#")
    file = file or base
    target: Any = raw[file]
    for part in [p for p in pointer.split("/") if p]:
        target = target[part]
    return target, file


@functools.lru_cache(maxsize=4)
def _compiled(texts: tuple[tuple[str, str], ...]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Validators for the schema files with these texts. Compiling takes about 0.2 s, so a process
    that loads the data again (`make serve` after an edit, the test suite) compiles each schema set once."""
    raw = {name: json.loads(text) for name, text in texts}
    # Validators get the schemas with every $ref already replaced by its target: resolving
    # references on each use made validation three times slower (a few ms per record).
    # One validator per schema file: the record kinds (macros/data/kinds.py) and the list files.
    kinds = [name.removesuffix(".schema.json") for name in raw if name != COMMON]
    inlined = {kind: _inline(raw[f"{kind}.schema.json"], f"{kind}.schema.json", raw) for kind in kinds}
    checker = jsonschema.FormatChecker()
    checker.checks(PARTIAL_DATE)(is_partial_date)
    validators = {kind: jsonschema.Draft202012Validator(schema, format_checker=checker)
                  for kind, schema in inlined.items()}
    # jsonschema walks the schema for every record (about 2 ms each); fastjsonschema compiles it to
    # Python once and says "valid" ten times faster. Only a record it rejects goes through jsonschema,
    # which lists every mistake with its path. The schemas use only keywords both read alike, and
    # formats are jsonschema's own checks, so the quick check is never more lenient.
    quick = {kind: fastjsonschema.compile(
                 {**schema, "$schema": "http://json-schema.org/draft-07/schema#"},
                 formats={name: functools.partial(checker.conforms, format=name) for name in checker.checkers})
             for kind, schema in inlined.items()}
    return validators, quick


#: The format of a date as precise as a source says (common.schema.json#/$defs/partialDate).
PARTIAL_DATE = "partial-date"


def is_partial_date(value: object) -> bool:
    """'2025', '2025-02' or '2025-02-28' with a month and day that exist. The shape is the pattern's job: a
    value of another shape passes here, so it gets one message, not two."""
    if not isinstance(value, str):
        return True
    parts = value.split("-")
    try:
        if len(parts) == 3:
            date.fromisoformat(value)
        elif len(parts) == 2:
            return 1 <= int(parts[1]) <= 12
    except ValueError:
        return False
    return True


def _inline(node: Any, base: str, raw: dict[str, Any]) -> Any:
    """`node` with every $ref (to a file in `raw`, or within `base`) replaced by its target.
    Our schemas are not recursive. A $ref with sibling keywords that the target also has becomes
    allOf, as JSON Schema 2020-12 reads it; other siblings are merged in."""
    if isinstance(node, list):
        return [_inline(item, base, raw) for item in node]
    if not isinstance(node, dict):
        return node
    own = {key: _inline(value, base, raw) for key, value in node.items()
           if key not in ("$ref", "$id", "$schema", "$defs")}
    if "$ref" not in node:
        return own
    target, file = ref_target(node["$ref"], base, raw)
    resolved = _inline(target, file, raw)
    if (set(own) & set(resolved)) - _ANNOTATIONS:
        return {"allOf": [resolved, own]}
    return {**resolved, **own}


def _is_array(spec: dict[str, Any]) -> bool:
    return spec.get("type") == "array"


def _list_fields(schema: dict[str, Any]) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    if schema.get("type") == "array":  # a list file: the fields of one item
        schema = schema["items"]
    props = {name: _resolved_property(schema, name) for name in schema.get("properties", {})}
    nested = {name: frozenset(sub for sub in spec.get("properties", {}) if _is_array(_resolved_property(spec, sub)))
              for name, spec in props.items() if spec.get("type") == "object"}
    return frozenset(name for name, spec in props.items() if _is_array(spec)), nested


def _missing(error: jsonschema.ValidationError) -> str:
    return error.message.split("'")[1] if "'" in error.message else str(error.validator_value)


def _resolved_property(schema: dict[str, Any], name: str) -> dict[str, Any]:
    """The (inlined) schema of property `name`; its own keys, or those of an allOf part."""
    prop = schema.get("properties", {}).get(name, {})
    merged: dict[str, Any] = {}
    for part in prop.get("allOf", []):
        merged.update(part)
    return {**merged, **prop}


def _typo_guesses(error: jsonschema.ValidationError) -> list[str]:
    schema = error.schema if isinstance(error.schema, dict) else {}
    known = sorted(schema.get("properties", {}))
    value = error.instance if isinstance(error.instance, dict) else {}
    return [guess for key in value if key not in known
            for guess in difflib.get_close_matches(key, known, n=1, cutoff=0.6)]


def _walk(root: Any, path: Iterable[Any]) -> tuple[Any, Any, list[Any]]:
    """Follow a jsonschema path; return (value, its parent, path) to find a line."""
    parent, value = None, root
    for step in path:
        parent, value = value, value[step]
    return value, parent, list(path)


def _field_name(path: list[Any]) -> str:
    """'items[2].text' style name of a value, as a curator reads it."""
    name = ""
    for step in path:
        name += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if name else str(step))
    return name


def _line(value: Any, parent: Any, path: list[Any], root: Any) -> int:
    if isinstance(parent, YMap) and path and isinstance(path[-1], str):
        return parent.line_of(path[-1])
    if isinstance(parent, YList) and path and isinstance(path[-1], int):
        return parent.line_of(path[-1])
    return line_of(value) or line_of(parent) or line_of(root) or 1


def _show(value: Any) -> str:
    if isinstance(value, (YMap, dict)):
        return "een lijst van velden"
    if isinstance(value, (YList, list)):
        return "een lijst"
    return quote(str(value)) if isinstance(value, str) else getattr(value, "text", "") or str(value)


_TYPES = {"string": "tekst", "integer": "een heel getal", "number": "een getal", "array": "een lijst",
          "object": "een lijst van velden (veld: waarde)"}


@dataclass(frozen=True)
class _Mistake:
    """One schema error, located: what a message function needs."""

    error: jsonschema.ValidationError
    root: Any            # the whole file's value (for nested errors of oneOf)
    value: Any           # the value that is wrong
    path: list[Any]      # where it is, as jsonschema says
    line: int
    field: str           # 'items[2].text', or '(bestand)'
    schema: dict[str, Any]  # the (inlined) schema part the value failed


Message = tuple[int, str, str, str]  # (line, field, message, hint)


def _describe(error: jsonschema.ValidationError, root: Any, where: Iterable[Any] | None = None) -> list[Message]:
    """Dutch messages for one schema error: one function per JSON Schema keyword (``_MESSAGES``).
    `where` is the error's path from `root` (default: from the whole file)."""
    value, parent, path = _walk(root, error.absolute_path if where is None else where)
    line = _line(value, parent, path, root)
    mistake = _Mistake(error, root, value, path, line, _field_name(path) or "(bestand)",
                       error.schema if isinstance(error.schema, dict) else {})
    describe = _MESSAGES.get(str(error.validator))
    found = describe(mistake) if describe else None
    return found if found is not None else [(line, mistake.field, error.message, "")]


def _additional_properties(m: _Mistake) -> list[Message] | None:
    if not isinstance(m.value, dict):
        return None
    known = sorted(m.schema.get("properties", {}))
    out = []
    for key in sorted(k for k in m.value if k not in known):
        guess = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f"bedoel je '{guess[0]}'?" if guess else "bekende velden: " + ", ".join(known)
        key_line = m.value.line_of(key) if isinstance(m.value, YMap) else m.line
        out.append((key_line, _field_name(m.path + [key]), "onbekend veld", hint))
    return out


def _required(m: _Mistake) -> list[Message]:
    missing = _missing(m.error)
    hint = _resolved_property(m.schema, missing).get("x-required-hint") \
        or "zie het sjabloon in docs/redactie.md of data/schema"
    return [(m.line, _field_name(m.path + [missing]), "verplicht veld ontbreekt", hint)]


def _min_properties(m: _Mistake) -> list[Message]:
    return [(m.line, m.field, "is leeg", "vul minstens één van de velden in, of laat het hele veld weg")]


def _type(m: _Mistake) -> list[Message]:
    value = m.value
    expected = m.error.validator_value
    expected = expected if isinstance(expected, str) else expected[0]
    hint = "zet de waarde tussen aanhalingstekens" if expected == "string" else ""
    if expected == "array" and isinstance(value, str):
        hint = f"schrijf een lijst, bijvoorbeeld [{value}]"
    if expected in ("number", "integer") and isinstance(value, str):
        hint = "schrijf het getal zonder aanhalingstekens" + (", met een punt in plaats van een komma"
                                                              if "," in value else "")
    if expected == "array" and isinstance(value, dict):
        hint = "begin elk item met '- ' (streepje en spatie), zoals in het sjabloon"
    if value is None:
        return [(m.line, m.field, "is leeg", "vul een waarde in of laat het veld weg")]
    return [(m.line, m.field, f"moet {_TYPES.get(expected, expected)} zijn, maar is {_show(value)}", hint)]


def _enum(m: _Mistake) -> list[Message]:
    allowed = ", ".join(map(str, m.error.validator_value))
    return [(m.line, m.field, f"onbekende waarde {_show(m.value)}", f"kies uit: {allowed}")]


def _const(m: _Mistake) -> list[Message]:
    return [(m.line, m.field, f"onbekende waarde {_show(m.value)}", f"alleen {m.error.validator_value!r} is toegestaan")]


#: The check's words for the rules the web editor also checks in its form (macros/site/editor_config.py),
#: as (message, hint): {waarde} is the value as quote() shows it, {lengte} its length, {maximum} the limit.
EMPTY_TEXT = ("mag niet leeg zijn", "vul tekst in of laat het veld weg")
TOO_LONG = ("is te lang ({lengte} tekens; maximaal {maximum})", "maak de tekst korter; details horen in de beschrijving")


def pattern_words(schema: dict[str, Any], is_id: bool) -> tuple[str, str]:
    """(message, hint) for a text that does not have the form the schema's pattern asks for."""
    pattern = schema.get("pattern", "")
    if is_id:
        return "ongeldige id {waarde}", "gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld 'wijkbudget'"
    if pattern.startswith("^https?://"):
        return "{waarde} is geen webadres", "begin met https:// (of http://), zonder spaties"
    if schema.get("format") == PARTIAL_DATE:
        return "{waarde} is geen datum in de vorm JJJJ, JJJJ-MM of JJJJ-MM-DD", "bijvoorbeeld 1969, 2014-09 of 2026-11-01"
    if schema.get("format") == "date" or "[0-9]{4}-" in pattern:
        return "{waarde} is geen datum in de vorm JJJJ-MM-DD", "bijvoorbeeld 2026-11-01"
    return "{waarde} heeft niet de juiste vorm", schema.get("description", "")


def _empty_text(m: _Mistake) -> list[Message] | None:
    if isinstance(m.value, str) and not m.value.strip():
        return [(m.line, m.field, *EMPTY_TEXT)]
    return None


def _pattern(m: _Mistake) -> list[Message]:
    empty = _empty_text(m)
    if empty is not None:
        return empty
    is_id = bool(m.path and m.path[-1] == "id"
                 or m.field.endswith("]") and m.schema.get("pattern", "").startswith("^[a-z0-9]"))
    message, hint = pattern_words(m.schema, is_id)
    return [(m.line, m.field, message.format(waarde=_show(m.value)), hint)]


def _format(m: _Mistake) -> list[Message]:
    if m.schema.get("format") == PARTIAL_DATE:
        return [(m.line, m.field, f"{_show(m.value)} is geen bestaande datum",
                 "schrijf JJJJ, JJJJ-MM of JJJJ-MM-DD met een maand (01 tot 12) en dag die bestaan, bijvoorbeeld 2024-02-29")]
    return [(m.line, m.field, f"{_show(m.value)} is geen bestaande datum", "schrijf JJJJ-MM-DD, bijvoorbeeld 2024-02-29")]


def _min_items(m: _Mistake) -> list[Message]:
    return [(m.line, m.field, f"moet minstens {m.error.validator_value} waarde(n) bevatten", "")]


def _max_length(m: _Mistake) -> list[Message]:
    return [(m.line, m.field, TOO_LONG[0].format(lengte=len(m.value), maximum=m.error.validator_value), TOO_LONG[1])]


def _unique_items(m: _Mistake) -> list[Message]:
    seen: set[str] = set()
    dupes = [v for v in m.value if str(v) in seen or seen.add(str(v))]  # type: ignore[func-returns-value]
    return [(m.line, m.field, f"{_show(dupes[0]) if dupes else 'een waarde'} staat er meer dan één keer in",
             "haal de dubbele weg")]


def _bound(m: _Mistake) -> list[Message]:
    bound = "minimaal" if m.error.validator == "minimum" else "maximaal"
    return [(m.line, m.field, f"{_show(m.value)} ligt buiten het toegestane bereik ({bound} {m.error.validator_value})",
             m.schema.get("description", ""))]


def _one_of(m: _Mistake) -> list[Message]:
    error, value, line, field = m.error, m.value, m.line, m.field
    options = error.validator_value if isinstance(error.validator_value, list) else []
    words = [o["const"] for o in options if isinstance(o, dict) and "const" in o]
    if words and any(str(o.get("$ref", "")).endswith("/year") or o.get("type") == "integer"
                     for o in options if isinstance(o, dict)):
        # period.start / period.end: a year, or a word such as 'onbekend' or 'lopend'
        allowed = " of ".join(repr(w) for w in words)
        return [(line, field, f"moet een jaartal zijn of {allowed}, maar is {_show(value)}",
                 "schrijf het jaartal zonder aanhalingstekens, bijvoorbeeld 2014")]
    if isinstance(value, str):
        return [(line, field, f"ongeldige bronsleutel {_show(value)}",
                 "een sleutel bestaat uit letters, cijfers en _:.- zonder spaties")]
    if isinstance(value, dict):
        # A mistake inside the {key, pages} form ('pages: 12') is the one to report, not that the whole
        # value is not a plain key.
        inside = [e for e in error.context if e.relative_path]
        deepest = jsonschema.exceptions.best_match(
            inside or [e for e in error.context if e.validator != "type"] or error.context)
        if deepest is not None:
            # Described from the value itself, then named from the file: 'sources[1].page'.
            return [(sub_line or line, field if sub_field == "(bestand)" else
                     field + ("" if sub_field.startswith("[") else ".") + sub_field, msg, hint)
                    for sub_line, sub_field, msg, hint in _describe(deepest, value, deepest.relative_path)]
    return [(line, field, f"{_show(value)} is hier niet toegestaan", m.schema.get("description", ""))]


#: JSON Schema keyword -> its Dutch message(s); a function may return None to fall back to jsonschema's text.
_MESSAGES: dict[str, Callable[[_Mistake], list[Message] | None]] = {
    "additionalProperties": _additional_properties,
    "required": _required,
    "minProperties": _min_properties,
    "type": _type,
    "enum": _enum,
    "const": _const,
    "minLength": _empty_text,
    "pattern": _pattern,
    "format": _format,
    "minItems": _min_items,
    "maxLength": _max_length,
    "uniqueItems": _unique_items,
    "minimum": _bound,
    "maximum": _bound,
    "oneOf": _one_of,
}
