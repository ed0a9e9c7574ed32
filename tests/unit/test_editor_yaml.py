"""Property: any record the schema accepts, written the way the web editor writes it (formats.js with the
pinned yaml library, run by Node), is read back by the loader unchanged and still passes the schema. Records
come from Hypothesis, built from the schema itself, so the loader and the editor's YAML agree on every shape
(quoting of 'yes', '2019' or '1e5', long texts, lists, nested objects, unicode)."""
from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.core.problems import Problems
from macros.data.dataset import plain
from macros.data.kinds import RECORD_KINDS
from macros.data.schema import PARTIAL_DATE, Schemas
from macros.data.yaml_loader import load_yaml
from macros.site.editor_config import editor_config
from tests.support import ROOT, SITE_DATA

WRITER = ROOT / "tests" / "node" / "editor_yaml.mjs"
SCHEMAS = Schemas(SITE_DATA / "schema")
# Text a curator can type: letters, digits, punctuation, spaces and line breaks of any script; not the
# control and invisible characters the loader refuses on purpose (yaml_loader._CONTROL).
TEXT = st.characters(blacklist_categories=("Cc", "Cs", "Cf", "Co", "Cn", "Zl", "Zp"), whitelist_characters="\n")


def strategy(node: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values the (inlined) schema node accepts."""
    parts = [node, *node.get("allOf", [])]
    merged: dict[str, Any] = {}
    for part in parts:
        merged.update({k: v for k, v in part.items() if k != "allOf"})
    node = merged
    if "enum" in node:
        return st.sampled_from(node["enum"])
    if "const" in node:
        return st.just(node["const"])
    if "oneOf" in node:
        return st.one_of([strategy(option) for option in node["oneOf"]])
    kind = node.get("type")
    if kind == "object":
        required = node.get("required", [])
        props = node.get("properties", {})
        optional = [name for name in props if name not in required]
        return st.fixed_dictionaries({name: strategy(props[name]) for name in required},
                                     optional={name: strategy(props[name]) for name in optional})
    if kind == "array":
        return st.lists(strategy(node["items"]), min_size=node.get("minItems", 0), max_size=3,
                        unique_by=(lambda v: json.dumps(v, sort_keys=True)) if node.get("uniqueItems") else None)
    if kind == "integer":
        return st.integers(node.get("minimum", -10**6), node.get("maximum", 10**6))
    if kind == "number":
        return st.floats(node.get("minimum", -1e6), node.get("maximum", 1e6), allow_nan=False)
    if node.get("format") == "date":
        return st.dates().map(lambda d: d.isoformat())
    if node.get("format") == PARTIAL_DATE:  # a year, a month or a day that exists
        allowed = re.compile(node.get("pattern") or ".*")  # a field may take fewer of the three forms
        return st.dates(min_value=date(1000, 1, 1)).flatmap(lambda d: st.sampled_from(
            [f"{d.year:04d}", f"{d.year:04d}-{d.month:02d}", d.isoformat()])).filter(
                lambda text: bool(allowed.search(text)))
    patterns = [p for p in [node.get("pattern")] if p and p != "\\S"]
    if patterns:
        return st.from_regex(patterns[0], fullmatch=True, alphabet=TEXT).filter(lambda s: len(s) <= node.get("maxLength", 10**6))
    return st.text(TEXT, min_size=node.get("minLength", 0), max_size=min(node.get("maxLength", 400), 400)).filter(
        lambda s: not node.get("pattern") or s.strip())


@pytest.fixture(scope="module")
def writer() -> Iterator[subprocess.Popen[str]]:
    """One Node process for the whole module: a record in, the editor's YAML out."""
    process = subprocess.Popen(["node", str(WRITER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                               encoding="utf-8", cwd=ROOT)
    yield process
    assert process.stdin is not None
    process.stdin.close()
    process.wait(timeout=10)


def without_empty(value: Any) -> Any:
    """The record as the editor saves it: a field of the record or of a group left empty ([] or '') is
    left out, as in the record files (the loader reads an absent list as [] again); list items keep theirs."""
    if isinstance(value, dict):
        kept = {k: without_empty(v) if isinstance(v, dict) else v for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in ("", [], {}, None)}
    return value


def written(writer: subprocess.Popen[str], fields: list[dict[str, Any]], record: dict[str, Any]) -> str:
    assert writer.stdin is not None and writer.stdout is not None
    writer.stdin.write(json.dumps({"fields": fields, "record": record}) + "\n")
    writer.stdin.flush()
    return str(json.loads(writer.stdout.readline()))


FORMS = {c["name"]: c["fields"] for c in editor_config(SITE_DATA / "schema")["collections"] if "folder" in c}


@pytest.mark.parametrize("kind", [kind.id for kind in RECORD_KINDS])
def test_what_the_editor_writes_reads_back_unchanged_and_valid(kind: str, writer, tmp_path_factory) -> None:
    schema = SCHEMAS._validators[kind].schema
    fields = FORMS[RECORD_KINDS[kind].folder]
    folder = tmp_path_factory.mktemp(kind)

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                      HealthCheck.function_scoped_fixture])
    @given(strategy(schema))
    def round_trip(record: dict[str, Any]) -> None:
        path = folder / "record.yaml"
        path.write_text(written(writer, fields, record), encoding="utf-8")
        problems = Problems()
        value = load_yaml(path, f"data/x/{path.name}", problems)
        assert problems.items == [], (path.read_text(encoding="utf-8"), [str(p) for p in problems.items])
        assert plain(value) == without_empty(record), path.read_text(encoding="utf-8")
        assert SCHEMAS.validate(kind, value, "x.yaml", problems), [str(p) for p in problems.items]

    round_trip()


def test_the_writer_is_the_one_the_editor_uses() -> None:
    """formats.js is what editor.js registers with Decap; the test writer imports that same file."""
    editor = (ROOT / "docs/redactie/bewerken/editor.js").read_text(encoding="utf-8")
    assert 'from "./formats.js"' in editor and "recordFormat(YAML, collection.fields)" in editor
    assert "docs/redactie/bewerken/formats.js" in WRITER.read_text(encoding="utf-8")
    assert Path(ROOT / "tools/editor/node_modules/yaml/package.json").is_file(), "run `make editor` or npm ci"
