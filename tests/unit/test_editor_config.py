"""The web editor's form (config.yml for Decap CMS) follows the schemas: every field, in order, typed."""
from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from macros.data.kinds import RECORD_KINDS
from macros.site import editor_config as editor_config_module
from macros.site.editor_config import (
    LIST_COLLECTIONS,
    LIST_FIELD,
    Repository,
    Vocabulary,
    config_yaml,
    editor_config,
    schema_fields,
)
from tests.support import SITE_DATA

SCHEMA_DIR = SITE_DATA / "schema"
KIND_OF = {kind.folder: kind.id for kind in RECORD_KINDS} | {name: kind for kind, name, *_ in LIST_COLLECTIONS}


@pytest.fixture(scope="module")
def config(data) -> dict:
    return editor_config(SCHEMA_DIR, vocabulary=Vocabulary.from_dataset(data),
                         repository=Repository.from_url("https://github.com/voorbeeld/gids"))


def forms(config: dict) -> dict[str, list[dict]]:
    """schema kind -> the form's top-level fields."""
    out = {}
    for collection in config["collections"]:
        if "folder" in collection:
            out[KIND_OF[collection["name"]]] = collection["fields"]
        for file in collection.get("files", []):
            (items,) = [f for f in file["fields"] if f["name"] == LIST_FIELD]
            out[KIND_OF[file["name"]]] = items["fields"]
    return out


def paths(fields: list[dict], prefix: str = "") -> list[str]:
    out = []
    for field in fields:
        out.append(prefix + field["name"])
        out += paths(field.get("fields", []), f"{prefix}{field['name']}.")
    return out


def test_the_form_lists_every_field_of_every_schema_in_its_order(config: dict) -> None:
    expected = schema_fields(SCHEMA_DIR)
    assert set(expected) == {"method", "case", "checklist", "glossary", "timeline", "facts", "zoekwoorden"}
    for kind, fields in forms(config).items():
        assert paths(fields) == expected[kind], kind
    # schema_fields itself reads the schema files: every property name is there.
    for kind in expected:
        raw = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
        props = (raw.get("items") or raw)["properties"]
        assert [p for p in expected[kind] if "." not in p] == list(props), kind


def test_the_register_of_facts_is_edited_with_the_reading_list_as_sources(config: dict, data) -> None:
    fact = {f["name"]: f for f in forms(config)["facts"]}
    assert {n for n, f in fact.items() if f["required"]} == {"id", "onderwerp", "bron", "vindplaats", "status"}
    assert fact["bron"]["multiple"] and {o["value"] for o in fact["bron"]["options"]} == set(data.bibliography.keys())
    assert fact["volgens"]["widget"] == "select" and not fact["volgens"].get("multiple")
    assert [o["value"] for o in fact["status"]["options"]] == ["bevestigd", "onbevestigd", "onbekend"]
    assert fact["gecontroleerd"]["widget"] == "datetime"


def test_required_fields_and_types_follow_the_schema(config: dict, data) -> None:
    method = {f["name"]: f for f in forms(config)["method"]}
    raw = json.loads((SCHEMA_DIR / "method.schema.json").read_text(encoding="utf-8"))
    assert {n for n, f in method.items() if f["required"]} == set(raw["required"])
    assert method["description"]["widget"] == "markdown"
    assert method["reviewed"]["widget"] == "datetime" and method["reviewed"]["format"] == "YYYY-MM-DD"
    assert method["domain"]["widget"] == "select" and not method["domain"].get("multiple")
    assert [o["value"] for o in method["domain"]["options"]] == ["fysiek", "sociaal", "beide"]
    assert method["phases"]["multiple"] and method["phases"]["min"] == 1
    assert [o["value"] for o in method["rungs"]["options"]] == [r.id for r in data.rungs]
    assert [o["value"] for o in method["roles"]["options"]] == [r.id for r in data.roles]
    assert {o["value"] for o in method["sources"]["options"]} == set(data.bibliography.keys())
    assert method["related"]["widget"] == "relation" and method["related"]["collection"] == "methods"
    assert method["steps"]["widget"] == "list" and method["costs"]["widget"] == "object"
    case = {f["name"]: f for f in forms(config)["case"]}
    assert case["coordinates"]["fields"][0]["widget"] == "number"
    assert "lopend" in [o["value"] for o in {f["name"]: f for f in case["period"]["fields"]}["end"]["options"]]


def test_labels_and_hints_are_dutch_from_the_schema(config: dict) -> None:
    for kind, fields in forms(config).items():
        for field in fields:
            assert field["label"] != field["name"] or field["name"] == "id", (kind, field["name"])
    method = {f["name"]: f for f in forms(config)["method"]}
    assert method["summary"]["hint"] == "Eén of twee zinnen in gewone taal."
    assert config["locale"] == "nl"


def test_every_save_is_a_proposal_on_the_configured_repository(config: dict) -> None:
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {**config["backend"], "name": "github", "repo": "voorbeeld/gids", "branch": "main"}
    assert Repository.from_url("https://github.com/a/b/edit/werk/") == Repository("a/b", "werk")
    assert Repository.from_url("https://github.com/a/b.git") == Repository("a/b", "main")
    assert "voorbeeld/gids" in config_yaml(config)


def test_a_new_schema_field_appears_in_the_form(tmp_path: Path, config: dict) -> None:
    """A schema change never leaves the editor behind: a field added to the schema is in the form."""
    schemas = tmp_path / "schema"
    schemas.mkdir()
    for path in SCHEMA_DIR.glob("*.json"):
        (schemas / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    raw = json.loads((schemas / "method.schema.json").read_text(encoding="utf-8"))
    raw["properties"]["duur_proef"] = {"enum": ["kort", "lang"], "description": "Hoe lang het duurt."}
    (schemas / "method.schema.json").write_text(json.dumps(raw), encoding="utf-8")
    fields = {f["name"]: f for f in forms(editor_config(schemas))["method"]}
    assert fields["duur_proef"]["widget"] == "select" and fields["duur_proef"]["hint"] == "Hoe lang het duurt."
    assert "duur_proef" not in {f["name"] for f in forms(config)["method"]}


def test_config_text_is_reused_only_for_the_same_configuration(tmp_path: Path, config: dict,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The YAML of the previous build is reused when nothing changed; a changed configuration or a damaged
    cache file gives the fresh text, the same as without a cache."""
    import yaml

    from macros.site import editor_config as module

    fresh = config_yaml(config)
    assert yaml.safe_load(fresh) == config  # libyaml's text reads back as the configuration
    assert config_yaml(config, tmp_path) == fresh
    assert (tmp_path / module.CACHE_FILE).is_file()

    def no_dump(_config: dict) -> str:
        raise AssertionError("dumped again")

    with monkeypatch.context() as patch:
        patch.setattr(module, "_dump", no_dump)
        assert config_yaml(config, tmp_path) == fresh  # from the cache
    changed = {**config, "site_url": "https://gids.example.nl/"}
    assert config_yaml(changed, tmp_path) == config_yaml(changed) != fresh
    for damage in ("", "{niet: json", json.dumps({"key": 1, "text": 2}), json.dumps(["key", "text"])):
        (tmp_path / module.CACHE_FILE).write_text(damage, encoding="utf-8")
        assert config_yaml(config, tmp_path) == fresh


def test_every_shape_of_the_schemas_gets_a_widget_that_saves_what_the_check_accepts(config: dict, data) -> None:
    """A year or a word is one select whose years are numbers; relations follow "x-ref"; texts carry the
    check's rules, ids their pattern and the uniqueness rule."""
    case = {f["name"]: f for f in forms(config)["case"]}
    start = {f["name"]: f for f in case["period"]["fields"]}["start"]
    assert start["widget"] == "select" and {"label": "onbekend", "value": "onbekend"} in start["options"]
    assert {"label": "2019", "value": 2019} in start["options"]  # a number, not the text "2019"
    assert case["methods"]["widget"] == "relation" and case["methods"]["collection"] == "methods"
    assert case["checklists"]["collection"] == "checklists" and case["checklists"]["display_fields"] == ["title"]
    method = {f["name"]: f for f in forms(config)["method"]}
    assert [o["value"] for o in method["in_force"]["options"]] == [f.id for f in data.facts]
    checklist = {f["name"]: f for f in forms(config)["checklist"]}
    item = {f["name"]: f for f in checklist["items"]["fields"]}
    assert item["methods"]["widget"] == "relation" and item["methods"]["multiple"]
    rules = {next(k for k in ("moet", "max", "niet", "uniek") if k in r): r for r in method["summary"]["regels"]}
    assert rules["moet"]["moet"] == "\\S" and rules["moet"]["melding"].startswith("mag niet leeg zijn")
    assert rules["max"]["max"] == 320 and rules["niet"]["melding"].startswith("bevat HTML")
    id_rules = method["id"]["regels"]
    assert id_rules[0]["melding"].startswith("ongeldige id {waarde}")
    assert id_rules[-1] == {**id_rules[-1], "uniek": "data/methods"}
    assert id_rules[-1]["melding"].startswith("{waarde} is al in gebruik in {plaats}")


def test_a_relation_declared_in_a_schema_becomes_a_relation_widget(tmp_path: Path) -> None:
    schemas = tmp_path / "schema"
    schemas.mkdir()
    for path in SCHEMA_DIR.glob("*.json"):
        (schemas / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    raw = json.loads((schemas / "checklist.schema.json").read_text(encoding="utf-8"))
    raw["properties"]["cases"] = {"$ref": "common.schema.json#/$defs/ids", "x-ref": "case"}
    (schemas / "checklist.schema.json").write_text(json.dumps(raw), encoding="utf-8")
    fields = {f["name"]: f for f in forms(editor_config(schemas))["checklist"]}
    assert fields["cases"]["widget"] == "relation" and fields["cases"]["collection"] == "cases"


def test_the_editor_generator_names_no_record_kind() -> None:
    """macros/site/editor_config.py gets every kind, its folder and its relations from the registry and the
    schemas: no string in its code (docstrings aside) is a kind's id, folder, URL, label, plural or title."""
    source = Path(editor_config_module.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    strings = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
               and isinstance(node.value, str) and id(node) not in docstrings]
    names = {word for kind in RECORD_KINDS for word in (kind.id, kind.folder, kind.url, kind.label, kind.plural,
                                                           kind.title)}
    assert sorted(names & set(strings)) == []
