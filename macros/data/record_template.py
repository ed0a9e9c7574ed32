"""A new, commented YAML file for one record, written from the JSON Schema.

Every field gets the schema's Dutch description as a comment. Required fields get placeholder
values that already pass the validation (so the new record builds into a page at once); texts say
'nog in te vullen', which ``controleer`` keeps pointing at until the curator replaces them.
Optional fields are written out as comments: remove the '#' to use one.
"""
from __future__ import annotations

import json
import re
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

from ..bibliography.text import fold_accents
from ..core.atomic_file import write_atomically
from .export import FieldDoc, field_docs
from .kinds import RECORD_KINDS, reserved_ids
from .schema import REF

# What curators type, the heading of a new file and its folder come from the record kinds
# (macros/data/kinds.py: words, new_heading, folder).
PLACEHOLDER = "nog in te vullen"
NAME_MAX = 90
WRAP = 96

# Letters that Unicode does not split into a base letter and an accent.
_NO_DECOMPOSITION = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
                                   "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th",
                                   "Þ": "TH", "ı": "i"})
_YAML_WORDS = {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"}
_PLAIN = re.compile(r"[^\W_][^:#\[\]{},&*!|>'\"%@`\n]*")


class TemplateError(ValueError):
    """Bad input for a new record (a Dutch message for the curator)."""


def slugify(name: str) -> str:
    """'Wijkcafé Overvecht (Utrecht)' -> 'wijkcafe-overvecht-utrecht': lower-case ASCII and '-'."""
    text = fold_accents(name)
    text = text.translate(_NO_DECOMPOSITION)
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def free_slug(folder: Path, slug: str) -> str:
    """The slug, or slug-2, slug-3 … when a file with that id already exists in the folder."""
    taken = {p.stem for p in folder.glob("*.yaml")} if folder.is_dir() else set()
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def resolve_kind(word: str) -> str:
    kind = RECORD_KINDS.by_word(word)
    if kind is None:
        raise TemplateError(f"onbekend soort record '{word}' (tip: kies uit: "
                            + ", ".join(k.typed[0] for k in RECORD_KINDS) + ")")
    return kind.id


def check_name(name: str) -> str:
    """The name as it will stand in the file; a name that gives no usable id is refused."""
    name = " ".join(name.split())
    if not name:
        raise TemplateError("de naam is leeg (tip: geef de naam tussen aanhalingstekens, bijvoorbeeld \"Wijkcafé\")")
    if len(name) > NAME_MAX:
        raise TemplateError(f"de naam is te lang ({len(name)} tekens; hoogstens {NAME_MAX}) "
                            "(tip: kies een kortere naam; details horen in de beschrijving)")
    if not slugify(name):
        raise TemplateError(f"uit de naam '{name}' valt geen id te maken (tip: gebruik letters of cijfers)")
    if slugify(name) in reserved_ids():
        raise TemplateError(f"de naam '{name}' geeft de id '{slugify(name)}', en die is gereserveerd: de site maakt "
                            f"zelf een pagina met die naam (tip: kies een naam die zegt waar het record over gaat; "
                            f"gereserveerd zijn: {', '.join(reserved_ids())})")
    return name


def yaml_scalar(text: str) -> str:
    """Plain when that is safe and reads well, else a JSON string (JSON strings are valid YAML)."""
    if _PLAIN.fullmatch(text) and text == text.strip() and text.lower() not in _YAML_WORDS \
            and not re.fullmatch(r"[-+.\d][\d.eE+-]*", text) and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


class _Context:
    """What the placeholders need from the existing data: the first id of whatever a field names."""

    def __init__(self, data: Any, name: str, slug: str, today: date):
        self.name, self.slug, self.today = name, slug, today
        keys = list(data.bibliography.keys()) if data.bibliography is not None else []
        # What a field with "x-ref" names (the schemas' relations), by target: records by kind id.
        self.first: dict[str, str] = {
            "rung": data.rungs[0].id if data.rungs else "informeren",
            "role": data.roles[0].id if data.roles else "faciliteren",
            "source": keys[0] if keys else "sleutel-uit-de-leeslijst",
            "fact": next((f.id for f in data.facts if f.get("datum")), "id-uit-het-feitenregister"),
        }
        for kind in data.kinds:
            self.first[kind.id] = next(iter(sorted(data.records_of(kind.id))), f"id-van-een-{kind.label}")


def _choice(value: str, label: str) -> str:
    """'individueel' + 'Individueel (eigen huis)' -> 'individueel (eigen huis)'; else 'beide (Fysiek en sociaal)'."""
    if label.casefold() == value.replace("-", " ").casefold():
        return value
    if label.casefold().startswith(value.casefold() + " ("):
        return value + label[len(value):]
    return f"{value} ({label})"


#: Fields a curator never types: the command `beoordeel` sets them after a real review.
SET_BY_REVIEW = ("reviewed", "reviewer")
REVIEW_PLACEHOLDERS = {"reviewed": "JJJJ-MM-DD", "reviewer": '"Naam, rol"'}
#: The pattern of a year or a month (JJJJ or JJJJ-MM), such as described_until: a new record says this month.
YEAR_OR_MONTH = "^[0-9]{4}(-[0-9]{2})?$"
REVIEW_NOTE = ("Niet zelf invullen: na een echte beoordeling zet 'python -m scripts.wijkengids beoordeel ID "
               "--door \"Naam, rol\"' status, reviewed en reviewer.")


def _comment(doc: FieldDoc, indent: str) -> list[str]:
    parts = [doc.description.strip()] if doc.description.strip() else []
    if doc.name in SET_BY_REVIEW and indent == "":
        parts.append(REVIEW_NOTE)
    info = "Verplicht." if doc.required else "Mag weg (haal de # weg om het veld te gebruiken)."
    if doc.name in SET_BY_REVIEW and indent == "":
        info = "Laat de # staan."
    info += f" Soort waarde: {doc.value_text}"
    if doc.max_length:
        info += f", hoogstens {doc.max_length} tekens"
    info += "."
    parts.append(info)
    if doc.choices:
        parts.append("Kies uit: " + ", ".join(_choice(value, label) for value, label in doc.choices) + ".")
    text = " ".join(parts)
    return [f"{indent}# {line}" for line in textwrap.wrap(text, WRAP - len(indent) - 2)]


def _reference(doc: FieldDoc) -> str | None:
    """What the field's ids name (the schema's "x-ref", on the field or on its items), if anything."""
    items = doc.schema.get("items")
    return doc.schema.get(REF) or (items.get(REF) if isinstance(items, dict) else None)


def _is_year(schema: dict[str, Any]) -> bool:
    """A year, or a year or a word (period.start): its first form is a whole number."""
    forms = schema.get("oneOf") or [schema]
    return any(f.get("type") == "integer" or str(f.get("$ref", "")).endswith("/year") for f in forms)


def _scalar(value: Any) -> str:
    return yaml_scalar(value) if isinstance(value, str) else json.dumps(value)


def _value_lines(doc: FieldDoc, ctx: _Context, indent: str, kind: str) -> list[str]:
    """'name: value' (and any following lines) for this field, uncommented. The value comes from the
    schema: the data's first id for a relation ("x-ref"), the first choice of a fixed list, a year or
    month from today, else the schema's own "examples"."""
    key = f"{indent}{doc.name}:"
    inner = indent + "  "
    schema = doc.schema
    examples = schema.get("examples") or []
    if indent == "" and doc.name == "id":
        return [f"{key} {ctx.slug}"]
    if indent == "" and doc.name in ("name", "title"):  # what Record.heading shows
        return [f"{key} {yaml_scalar(ctx.name)}"]
    if indent == "" and doc.name in SET_BY_REVIEW:
        return [f"{key} {REVIEW_PLACEHOLDERS[doc.name]}"]
    target = _reference(doc)
    if target:
        first = ctx.first.get(target, "id")
        return [f"{key} [{first}]" if schema.get("type") == "array" else f"{key} {first}"]
    if schema.get("format") == "date":  # never a made-up date: the curator fills in a real one
        return [f"{key} JJJJ-MM-DD"]
    if doc.choices:
        first = doc.choices[0][0]
        return [f"{key} [{first}]" if schema.get("type") == "array" else f"{key} {first}"]
    if _is_year(schema) and not examples:
        return [f"{key} {ctx.today.year}"]
    if schema.get("pattern") == YEAR_OR_MONTH:
        return [f"{key} {ctx.today.year}-{ctx.today.month:02d}"]
    if doc.children and schema.get("type") == "object":
        return [key] + [line for child in doc.children for line in _field(child, ctx, inner, kind)]
    if doc.children:  # a list of items with their own fields (checklist points)
        lines = [key]
        opens_item = True
        for child in doc.children:
            child_lines = _field(child, ctx, inner + "  ", kind)
            if opens_item and child.required:
                # the first required field opens the list item: '- id: punt-1'
                value_at = next(i for i, line in enumerate(child_lines) if not line.lstrip().startswith("#"))
                child_lines[value_at] = f"{inner}- " + child_lines[value_at][len(inner) + 2:]
                opens_item = False
            lines += child_lines
        return lines
    example = examples[0] if examples else PLACEHOLDER.capitalize() + "."
    if isinstance(example, list):
        return [key] + [f"{inner}- {_scalar(item)}" for item in example]
    if schema.get("type") == "array":
        return [key, f"{inner}- {_scalar(example)}"]
    if isinstance(example, str) and "\n" not in example and len(example) > 60:  # a text to write: a block
        return [f"{key} |", f"{inner}{example}"]
    return [f"{key} {_scalar(example)}"]


def _field(doc: FieldDoc, ctx: _Context, indent: str, kind: str) -> list[str]:
    lines = _comment(doc, indent)
    values = _value_lines(doc, ctx, indent, kind)
    if not doc.required:
        values = [f"{indent}# {line[len(indent):]}" if not line.lstrip().startswith("#") else line
                  for line in values]
    return lines + values


def render(data: Any, kind: str, name: str, slug: str, today: date) -> str:
    """The text of a new record file (``data`` gives the schema and the ids placeholders use)."""
    ctx = _Context(data, name, slug, today)
    definition = RECORD_KINDS[kind]
    folder = definition.folder
    lines = [
        f"# yaml-language-server: $schema=../schema/{definition.schema}",
        f"# {definition.heading}: {name}",
        "# Vul elk veld in en vervang elke tekst 'nog in te vullen'. Regels met '#' ervoor zijn uitleg, of",
        "# velden die je mag weglaten: haal de '#' weg om zo'n veld te gebruiken (let op het inspringen).",
        "# Uitleg: docs/redactie.md. Controleren: python -m scripts.wijkengids controleer",
        f"# Dit bestand heet data/{folder}/{slug}.yaml; het veld id moet gelijk blijven aan die naam.",
        "",
    ]
    for doc in field_docs(data.schemas.raw, kind):
        lines += _field(doc, ctx, "", kind)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def create(data_dir: Path, data: Any, kind_word: str, name: str, today: date) -> tuple[Path, str, str]:
    """Write the new file (in one step, ``atomic_file``); returns (path, kind, id). Never overwrites an existing
    file. Raises TemplateError, with nothing written, for a kind or name that cannot be used."""
    kind = resolve_kind(kind_word)
    name = check_name(name)
    folder = data_dir / RECORD_KINDS[kind].folder
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise TemplateError(f"data/{folder.name} is geen gewone map (tip: de records van deze soort horen in de "
                            f"map data/{folder.name}/ van deze repository)")
    slug = free_slug(folder, slugify(name))
    path = folder / f"{slug}.yaml"
    text = render(data, kind, name, slug, today)
    if path.exists() or path.is_symlink():  # free_slug looked a moment ago; never overwrite
        raise TemplateError(f"{path.name} bestaat al (tip: probeer het opnieuw)")
    write_atomically(path, text.encode("utf-8"), best_effort=False)
    return path, kind, slug
