"""Relations are declared once, in the schemas ("x-ref" on every id and list of ids): the cross-reference
checks follow from them, so a field the schema declares is checked without any change to the code."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from macros.data.dataset import load_dataset
from macros.data.kinds import RECORD_KINDS
from macros.data.schema import REF, Schemas
from tests.support import SITE_DATA

SCHEMA_DIR = SITE_DATA / "schema"


def properties(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """(path, property schema) of every property in a schema file, nested ones too."""
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield f"{path}{name}", sub
            yield from properties(sub, f"{path}{name}.")
        for key in ("items", "$defs"):
            inner = node.get(key)
            for name, sub in (inner.items() if key == "$defs" and isinstance(inner, dict) else [("", inner)]):
                yield from properties(sub, f"{path}{name + '.' if name else ''}")


def test_every_field_that_holds_ids_of_something_else_says_what_they_name() -> None:
    raw = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in SCHEMA_DIR.glob("*.schema.json")}
    common = raw["common.schema.json"]["$defs"]
    declared = {name for name, d in common.items() if REF in d}
    assert {"rungs", "roles", "sources", "bibKey"} <= declared
    for file, schema in raw.items():
        for path, prop in properties(schema):
            ref = prop.get("$ref", "").rsplit("/", 1)[-1]
            own_id = path.rsplit(".", 1)[-1] == "id"
            if ref == "ids" or (ref == "id" and not own_id):
                assert REF in prop, f"{file}: {path} holds ids but has no {REF}"
            if REF in prop:
                target = prop[REF]
                assert target in RECORD_KINDS or target in ("rung", "role", "fact", "source"), (file, path, target)


def test_the_references_of_a_kind_come_from_the_schema() -> None:
    schemas = Schemas(SCHEMA_DIR)
    found = {(".".join(r.path), r.target, r.many) for r in schemas.references("checklist")}
    assert ("items.*.methods", "method", True) in found and ("rungs", "rung", True) in found
    assert ("in_force", "fact", False) in {(".".join(r.path), r.target, r.many) for r in schemas.references("method")}
    assert schemas.reference_fields("fact") == {"in_force", "feit"}


def test_a_relation_declared_in_a_schema_is_checked(data_dir: Path) -> None:
    """A new field with "x-ref" is checked at its line, in the words of the existing checks."""
    schema_dir = data_dir / "schema"
    timeline = json.loads((SCHEMA_DIR / "timeline.schema.json").read_text(encoding="utf-8"))
    timeline["items"]["properties"]["checklists"] = {"$ref": "common.schema.json#/$defs/ids", REF: "checklist"}
    (schema_dir / "timeline.schema.json").write_text(json.dumps(timeline), encoding="utf-8")
    path = data_dir / "timeline.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  methods: [burgerpanel]\n", "  methods: [burgerpanel]\n"
                                 "  checklists: [eerste-stappen, eerste-stap]\n", 1), encoding="utf-8")
    line = text.splitlines().index("  methods: [burgerpanel]") + 2
    errors = [str(p) for p in load_dataset(data_dir, data_dir.parent).problems.errors]
    assert errors == [f"data/timeline.yaml:{line}: checklists: onbekende checklist 'eerste-stap' "
                      "(tip: bedoel je 'eerste-stappen'?)"], errors


def test_a_rung_that_names_an_unknown_role_is_reported_at_its_line(data_dir: Path) -> None:
    path = data_dir / "ladder.yaml"
    text = path.read_text(encoding="utf-8")
    assert "corresponds: [faciliteren, loslaten]" in text
    path.write_text(text.replace("corresponds: [faciliteren, loslaten]", "corresponds: [faciliteren, loslatten]"),
                    encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "loslaten]" in row)
    errors = [str(p) for p in load_dataset(data_dir, data_dir.parent).problems.errors]
    assert errors == [f"data/ladder.yaml:{line}: bewoners[6].corresponds: onbekende rol 'loslatten' "
                      "(tip: bedoel je 'loslaten'?)"], errors
