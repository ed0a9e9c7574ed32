"""The open-data export: the validated records as JSON and CSV, plus the schemas they follow.

Pure Python (no MkDocs): the site publishes these files under ``open-data/`` (macros/site/opendata.py)
and curators write the same files to a folder with ``python -m scripts.wijkengids exporteer``.

Decisions:
* The export *is* the validated data: the same records, the same values. Optional fields a file
  leaves out are filled in by the loader (None, []) for the templates' sake; the export leaves
  them out again, so every exported record validates against the published schema.
* Keys follow the order of the schema (id, name, …), records are sorted by id, and the text is
  written with LF line endings only: two exports of the same data are byte-identical.
* The files follow the record kinds (macros/data/kinds.py): ``<folder>.json`` for every kind, and
  ``<folder>.csv`` for a kind with ``csv=True``.
* CSV (methods, cases) has one row per record and one column per field; a group of fields becomes
  columns like ``period.start``. Lists of ids or choices are joined with "; ", lists of texts with
  a line break (the texts may themselves contain ';').
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dataset import source_ref
from .kinds import RECORD_KINDS, RecordKind
from .schema import COMMON, ref_target

LIST_SEPARATOR = "; "
TEXT_SEPARATOR = "\n"


def kinds(data: Any = None) -> list[tuple[str, str]]:
    """(kind id, folder) of every record kind: the data's own, else the registry's. The folder names the files."""
    return [(kind.id, kind.folder) for kind in _kinds(data)]


def csv_kinds(data: Any = None) -> list[str]:
    """The kinds published as CSV too."""
    return [kind.id for kind in _kinds(data) if kind.csv]


def schema_files(data: Any = None) -> list[str]:
    """The schema files published beside the records: the shared one, then one per kind."""
    return [COMMON, *(kind.schema for kind in _kinds(data))]


def _kinds(data: Any) -> tuple[RecordKind, ...]:
    return tuple(data.kinds if data is not None else RECORD_KINDS)


# --- the schema, read for people ------------------------------------------------------------

@dataclass
class FieldDoc:
    """One field of a record type, as the open-data page and the new-record template explain it."""

    name: str
    required: bool
    value_text: str  # what kind of value, in Dutch ('lijst van treden', 'datum (JJJJ-MM-DD)')
    description: str  # the schema's description ('' when it has none)
    ref: str = ""  # the shared building block it uses ('text', 'markdown', 'rungs', …), if any
    choices: list[tuple[str, str]] = field(default_factory=list)  # (value, label) of a fixed list
    max_length: int | None = None
    children: list[FieldDoc] = field(default_factory=list)  # fields of a group / of each list item
    schema: dict[str, Any] = field(default_factory=dict, repr=False)  # resolved schema of the value


_REF_TEXT = {
    "id": "id (kleine letters, cijfers en streepjes)",
    "text": "tekst",
    "markdown": "tekst met Markdown-opmaak",
    "date": "datum in de vorm jaar-maand-dag, bijvoorbeeld 2026-11-01",
    "year": "jaartal",
    "textList": "lijst van teksten (met Markdown-opmaak)",
    "rungs": "lijst van treden (id's)",
    "roles": "lijst van overheidsrollen (id's)",
    "ids": "lijst van id's",
    "sources": "lijst van bronnen (sleutel uit de leeslijst, eventueel met bladzijden)",
    "source": "bron (sleutel uit de leeslijst, eventueel met bladzijden)",
    "url": "webadres (begint met https://)",
    "reviewer": "naam en rol van één persoon, gescheiden door een komma",
}


def _ref_name(node: dict[str, Any]) -> str:
    ref = node.get("$ref", "")
    return ref.rsplit("/", 1)[-1] if "#/$defs/" in ref else ""


def _resolve(node: dict[str, Any], raw: dict[str, Any], base: str) -> dict[str, Any]:
    """The node with its $ref target merged in (the node's own keys win, e.g. its description)."""
    if "$ref" not in node:
        return node
    target, file = ref_target(node["$ref"], base, raw)
    return {**_resolve(target, raw, file), **{k: v for k, v in node.items() if k != "$ref"}}


def _choices(node: dict[str, Any]) -> list[tuple[str, str]]:
    labels = node.get("x-labels", {})
    return [(value, labels.get(value, value)) for value in node.get("enum", [])]


def _doc(name: str, node: dict[str, Any], required: bool, raw: dict[str, Any], base: str) -> FieldDoc:
    ref = _ref_name(node)
    resolved = _resolve(node, raw, base)
    doc = FieldDoc(name=name, required=required, value_text="", description=resolved.get("description", ""),
                   ref=ref, max_length=resolved.get("maxLength"), schema=resolved)
    if ref in _REF_TEXT:
        doc.value_text = _REF_TEXT[ref]
    if "enum" in resolved:
        doc.choices = _choices(resolved)
        doc.value_text = "één waarde uit een vaste lijst"
    elif resolved.get("type") == "array" and ref not in ("textList", "rungs", "roles", "ids", "sources"):
        items = resolved.get("items", {})
        item_ref = _ref_name(items)
        item = _resolve(items, raw, base)
        if "enum" in item:
            doc.choices = _choices(item)
            doc.value_text = "lijst van waarden uit een vaste lijst"
        elif item.get("type") == "object":
            doc.value_text = "lijst van punten, elk met eigen velden"
            doc.children = _object_docs(item, raw, base)
        else:
            doc.value_text = "lijst van " + {"text": "teksten", "markdown": "teksten met Markdown-opmaak",
                                            "id": "id's"}.get(item_ref, "waarden")
    elif resolved.get("type") == "object":
        doc.value_text = "groep velden"
        doc.children = _object_docs(resolved, raw, base)
    elif not doc.value_text:
        if "oneOf" in resolved:
            parts = [_resolve(o, raw, base) for o in resolved["oneOf"]]
            doc.value_text = " of ".join(f"'{p['const']}'" if "const" in p else
                                         ("jaartal" if p.get("type") == "integer" else "tekst") for p in parts)
        elif "pattern" in resolved and resolved["pattern"] == "^[A-Z]{2}$":
            doc.value_text = "landcode (twee hoofdletters)"
        else:
            doc.value_text = {"string": "tekst", "integer": "heel getal", "number": "getal"}.get(
                resolved.get("type", ""), "waarde")
    return doc


#: Fields for the editors only, never published (the same rule as the reading list's redactienotitie):
#: left out of the exported records, the CSV columns, the open-data page and the published schemas.
PRIVATE_FIELDS = frozenset({"redactienotitie"})


def _object_docs(node: dict[str, Any], raw: dict[str, Any], base: str) -> list[FieldDoc]:
    required = set(node.get("required", []))
    return [_doc(name, sub, name in required, raw, base) for name, sub in node.get("properties", {}).items()
            if name not in PRIVATE_FIELDS]


def public_schema(text: str) -> str:
    """A schema file as published: without the private fields (see PRIVATE_FIELDS), otherwise as written."""
    if not any(f'"{name}"' in text for name in PRIVATE_FIELDS):
        return text
    schema = json.loads(text)

    def strip(node: Any) -> None:
        if isinstance(node, dict):
            for name in PRIVATE_FIELDS:
                (node.get("properties") or {}).pop(name, None)
            for value in node.values():
                strip(value)
        elif isinstance(node, list):
            for value in node:
                strip(value)

    strip(schema)
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def field_docs(raw: dict[str, Any], kind: str) -> list[FieldDoc]:
    """Every field of a record type in schema order; ``raw`` is Schemas.raw (file name -> JSON)."""
    base = f"{kind}.schema.json"
    return _object_docs(raw[base], raw, base)


# --- records -------------------------------------------------------------------------------

def clean(value: Any, docs: list[FieldDoc] | None = None) -> Any:
    """A record value as published: keys in schema order, absent optional fields left out."""
    if isinstance(value, dict):
        order = [d.name for d in docs or []]
        children = {d.name: d.children for d in docs or []}
        keys = [k for k in order if k in value] + sorted(k for k in value if k not in order and k not in PRIVATE_FIELDS)
        out = {}
        for key in keys:
            sub = value[key]
            if sub is None or sub == []:
                continue
            sub = clean(sub, children.get(key) or None)
            if sub == {}:
                continue
            out[key] = sub
        return out
    if isinstance(value, list):
        return [clean(item, docs) for item in value]
    return value


_SOURCE_DOCS = [FieldDoc("key", True, "", ""), FieldDoc("pages", False, "", "")]


def export_records(data: Any, kind: str) -> list[dict[str, Any]]:
    """The validated records of one kind, sorted by id, as plain JSON-ready values."""
    docs = field_docs(data.schemas.raw, kind)
    _attach_source_docs(docs)
    records = data.records_of(kind).values()
    return [clean(dict(record), docs) for record in sorted(records, key=lambda r: r.id)]


def _attach_source_docs(docs: list[FieldDoc]) -> None:
    for doc in docs:
        if doc.ref == "sources":
            doc.children = _SOURCE_DOCS
        _attach_source_docs(doc.children)


def to_json(records: list[dict[str, Any]]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def csv_columns(docs: list[FieldDoc]) -> list[str]:
    columns = []
    for doc in docs:
        if doc.value_text == "groep velden":
            columns += [f"{doc.name}.{child.name}" for child in doc.children]
        else:
            columns.append(doc.name)
    return columns


def _cell(value: Any, doc: FieldDoc | None) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        if doc is not None and doc.ref == "sources":
            refs = [source_ref(s) for s in value]
            return LIST_SEPARATOR.join(f"{key} (blz. {pages})" if pages else key for key, pages in refs)
        separator = TEXT_SEPARATOR if doc is not None and doc.ref == "textList" else LIST_SEPARATOR
        return separator.join(_cell(item, None) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def to_csv(records: list[dict[str, Any]], docs: list[FieldDoc]) -> str:
    by_name = {d.name: d for d in docs}
    columns = csv_columns(docs)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        row = []
        for column in columns:
            name, _, sub = column.partition(".")
            value = record.get(name)
            if sub:
                value = (value or {}).get(sub)
                row.append(_cell(value, None))
            else:
                row.append(_cell(value, by_name.get(name)))
        writer.writerow(row)
    return out.getvalue()


def export_files(data: Any) -> dict[str, str]:
    """Every open-data file: {path relative to the export folder: text}. Deterministic."""
    files: dict[str, str] = {}
    for kind in _kinds(data):
        records = export_records(data, kind.id)
        files[f"{kind.folder}.json"] = to_json(records)
        if kind.csv:
            files[f"{kind.folder}.csv"] = to_csv(records, field_docs(data.schemas.raw, kind.id))
    for name in schema_files(data):
        files[f"schema/{name}"] = public_schema((Path(data.schemas.folder) / name).read_text(encoding="utf-8"))
    return dict(sorted(files.items()))


def write_files(files: dict[str, str], folder: Path) -> list[Path]:
    """Write the export into a folder (created when missing); returns the paths written."""
    written = []
    for rel, text in sorted(files.items()):
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))
        written.append(target)
    return written


def counts(files: dict[str, str], data: Any = None) -> Iterable[tuple[str, int]]:
    """(folder, number of records) per kind, from the export's own JSON files."""
    for _, folder in kinds(data):
        yield folder, len(json.loads(files[f"{folder}.json"]))
