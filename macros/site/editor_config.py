"""The web editor's configuration (Decap CMS, /redactie/bewerken/config.yml), generated from data/schema.

Every property of every record schema becomes a form field, in the schema's order (Decap writes the
YAML keys in the order of its fields), with the schema's Dutch description as the hint. Field types
follow the schema: enumerations become selects, lists lists, objects objects, Markdown texts Markdown,
dates dates. Lists of ids that point into the data (rungs, roles, methods, checklists, reading-list
keys) become selects or relations with the values the data has at build time.

Plain Python: no MkDocs here, so tests compare this with the schemas directly.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..data.dataset import ID_TAKEN, NOT_THE_FILE_NAME
from ..data.kinds import RECORD_KINDS
from ..data.schema import EMPTY_TEXT, REF, TOO_LONG, pattern_words, ref_target
from ..data.text_rules import AUTOLINK, HTML_TAG, HTML_WORDS

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # the C emitter when PyYAML was built with libyaml


def folder_collections(raw: dict[str, Any]) -> list[tuple[str, str, str, str, str, str]]:
    """Record folders the editor writes one YAML file per record into (folder collections), one per record
    kind (macros/data/kinds.py): (schema kind, collection name, data folder, label, singular label, summary
    field). The summary is the field a record's heading comes from: name, else title."""
    out = []
    for kind in RECORD_KINDS:
        properties = raw[kind.schema].get("properties", {})
        summary = next((f for f in ("name", "title", "label", "term") if f in properties), "id")
        out.append((kind.id, kind.folder, kind.folder, kind.title, kind.label.capitalize(), summary))
    return out

#: Data files that hold one list of records (file collections with one list field).
LIST_COLLECTIONS = (
    # (schema kind, collection/file name, data file, label, label of one item, summary field)
    ("glossary", "glossary", "glossary.yaml", "Begrippen", "Begrip", "term"),
    ("timeline", "timeline", "timeline.yaml", "Tijdlijn", "Gebeurtenis", "title"),
    ("facts", "facts", "feiten.yaml", "Feitenregister", "Feit", "onderwerp"),
    ("zoekwoorden", "zoekwoorden", "zoekwoorden.yaml", "Zoekwoorden", "Zoekwoord", "woord"),
)
#: The custom formats registered by docs/redactie/bewerken/editor.js: a YAML file with one record, and a
#: YAML file that is one list of records.
RECORD_FORMAT = "yaml-record"
LIST_FORMAT = "yaml-lijst"
#: The field name under which a list file's items are edited (editor.js unwraps it on save).
LIST_FIELD = "items"
#: Where the local backend (decap-server, behind scripts/editor.py) answers: the site's own address.
LOCAL_BACKEND = "/api/v1"

#: Short Dutch labels for field names; any other field gets the start of its description as its label (so a
#: relation to a record kind is named by its schema: "Gebruikte methoden", "Checklists", never here).
LABELS = {
    "id": "Id (korte naam)", "name": "Naam", "title": "Titel", "term": "Begrip", "aliases": "Andere namen",
    "summary": "Samenvatting", "description": "Beschrijving", "definition": "Uitleg", "intro": "Inleiding",
    "rungs": "Treden van de participatieladder", "roles": "Rollen van de overheid", "domain": "Domein",
    "types": "Soort participatie", "levels": "Niveau", "phases": "Fasen", "target_groups": "Doelgroepen",
    "preconditions": "Voorwaarden", "steps": "Stappen", "pitfalls": "Valkuilen", "costs": "Kosten",
    "time": "Tijd", "money": "Geld", "people": "Mensen", "sources": "Bronnen", "reviewed": "Laatst gecontroleerd op",
    "reviewer": "Gecontroleerd door", "place": "Plaats of wijk", "municipality": "Gemeente", "country": "Land",
    "coordinates": "Ligging op de kaart", "lat": "Breedtegraad", "lon": "Lengtegraad", "period": "Periode",
    "start": "Beginjaar", "end": "Einde", "actors": "Wie deden mee", "results": "Resultaten", "lessons": "Lessen",
    "audience": "Voor wie", "items": "Punten", "text": "Tekst", "explanation": "Uitleg bij het punt",
    "date": "Datum", "status": "Status", "kind": "Soort", "when_to_use": "Wanneer gebruik je het",
    "who_does_what": "Wie doet wat", "duration": "Duur", "scale": "Schaal", "evidence": "Onderbouwing",
    "official_text": "Officiële tekst", "in_force": "Van kracht sinds (feit)", "key": "Bron", "pages": "Bladzijden",
    "onderwerp": "Onderwerp", "datum": "Datum", "waarde": "Waarde", "bron": "Officiële bron",
    "vindplaats": "Vindplaats (artikel, bladzijde)", "gecontroleerd": "Gecontroleerd op", "door": "Gecontroleerd door",
    "volgens": "Volgens (bron van een niet bevestigd feit)", "toelichting": "Toelichting voor de redactie",
    "feit": "Datum uit het feitenregister", "section": "Onderdeel", "described_until": "Beschreven tot",
    "woord": "Zoekwoord", "paginas": "Pagina's (adres zonder de site)", "soort": "Soort woord",
}
#: The key under which a field lists the rules docs/redactie/bewerken/editor.js checks in the form, each
#: with the words of `controleer` (see _Builder.rules).
RULES = "regels"
#: A text longer than this gets a multi-line box.
ONE_LINE = 120


@dataclass
class Vocabulary:
    """The values the data offers for fields that hold ids: {id: label}, in the data's order."""
    rungs: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    facts: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_dataset(cls, data: Any) -> Vocabulary:
        from .. import bibliography  # noqa: PLC0415 - only needed here
        bib = data.bibliography
        return cls(
            rungs={r.id: r["label"] for r in data.rungs},
            roles={r.id: r["label"] for r in data.roles},
            sources={key: f"{bibliography.cite_text([key], bibliography=bib).strip('()')} · {key}"
                     for key in sorted(bib.keys() if bib is not None else [])},
            facts={f.id: f"{f['onderwerp']} · {f.id}" for f in data.facts},
        )

    def of(self, target: str) -> dict[str, str] | None:
        """The values a field that names `target` ("x-ref") may take, when they come from the data."""
        return {"rung": self.rungs, "role": self.roles, "source": self.sources, "fact": self.facts}.get(target)


@dataclass
class Repository:
    """Where proposals go: 'owner/name' on GitHub and the branch the site is built from."""
    repo: str = ""
    branch: str = "main"

    @classmethod
    def from_url(cls, url: str, branch: str = "main") -> Repository:
        """'https://github.com/owner/name' (or an edit address below it) -> Repository('owner/name')."""
        match = re.match(r"https?://github\.com/([^/\s]+)/([^/\s]+?)(?:\.git)?(?:/edit/([^/\s]+))?(?:/|$)", url or "")
        if not match:
            return cls("", branch)
        return cls(f"{match.group(1)}/{match.group(2)}", match.group(3) or branch)


def _resolve(node: dict[str, Any], base: str, raw: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A property schema with its $ref chain merged in (own keywords win), and the names of the $defs
    it passed through ('rungs', 'text', …): those say what kind of value it is."""
    names: list[str] = []
    merged: dict[str, Any] = {}
    while "$ref" in node:
        own = {k: v for k, v in node.items() if k != "$ref"}
        merged = {**own, **merged}
        names.append(node["$ref"].rsplit("/", 1)[-1])
        node, base = ref_target(node["$ref"], base, raw)
    return {**node, **merged, "_base": base}, names


def _label(name: str, prop: dict[str, Any]) -> str:
    if name in LABELS:
        return LABELS[name]
    if prop.get("title"):
        return prop["title"]
    first = re.split(r"[.:(]", prop.get("description", ""), maxsplit=1)[0].strip()
    if 0 < len(first) <= 40:
        return first
    if prop.get(REF) in RECORD_KINDS:
        return RECORD_KINDS[prop[REF]].title
    return name.replace("_", " ").capitalize()


def _options(values: list[Any], labels: dict[str, str]) -> list[dict[str, Any]]:
    return [{"label": labels.get(v, str(v)), "value": v} for v in values]


class _Builder:
    def __init__(self, raw: dict[str, Any], vocabulary: Vocabulary):
        self.raw = raw
        self.vocabulary = vocabulary
        #: kind id -> the field a record's heading comes from, shown when a relation picks one
        self.summaries = {kind: summary for kind, *_, summary in folder_collections(raw)}

    def fields(self, schema: dict[str, Any], base: str) -> list[dict[str, Any]]:
        required = set(schema.get("required", []))
        return [self.field(name, prop, base, name in required) for name, prop in schema.get("properties", {}).items()]

    def field(self, name: str, prop: dict[str, Any], base: str, required: bool) -> dict[str, Any]:
        resolved, defs = _resolve(prop, base, self.raw)
        base = resolved.pop("_base")
        out: dict[str, Any] = {"name": name, "label": _label(name, resolved), "required": required}
        hint = resolved.get("description")
        if hint:
            out["hint"] = hint
        out.update(self.widget(name, resolved, defs, base))
        if out.get("widget") == "object" and not required:
            # Decap checks the fields inside an object even when the curator leaves the whole (optional)
            # object empty, so its required fields are optional in the form; `controleer` and the checks
            # on the pull request still require them once the object is used.
            for inner in out["fields"]:
                inner["required"] = False
        return out

    def widget(self, name: str, node: dict[str, Any], defs: list[str], base: str) -> dict[str, Any]:
        """The Decap widget for one value, by its shape in the schema (see the module doc)."""
        kind = node.get("type")
        if "enum" in node:
            return {"widget": "select", "options": _options(node["enum"], node.get("x-labels", {}))}
        if "oneOf" in node and self._year_or_word_options(node, base):
            return {"widget": "select", "options": self._year_or_word_options(node, base)}
        items = node.get("items") if isinstance(node.get("items"), dict) else {}
        item, item_defs = _resolve(items, base, self.raw) if items else ({}, [])
        item_base = item.pop("_base", base)
        target = node.get(REF) or item.get(REF)
        if target:
            return self._relation(target, kind == "array", node)
        if kind == "array":
            if "enum" in item:
                return {"widget": "select", "multiple": True, "options": _options(item["enum"], item.get("x-labels", {})),
                        **self._bounds(node)}
            if item.get("type") == "object":
                return {"widget": "list", "fields": self.fields(item, item_base), **self._bounds(node),
                        "summary": "{{fields.text}}" if "text" in item.get("properties", {}) else None}
            inner = self.widget(name, item, item_defs, item_base)
            if inner.get("widget") == "markdown":  # one line of a list: a text box (Markdown allowed)
                inner = {"widget": "text", **{k: v for k, v in inner.items() if k == RULES}}
            inner_field = {"name": "item", "label": _label(name, node), **inner}
            return {"widget": "list", "field": inner_field, **self._bounds(node)}
        if kind == "object":
            return {"widget": "object", "fields": self.fields(node, base), "collapsed": False}
        if kind == "integer":
            return {"widget": "number", "value_type": "int", **self._range(node)}
        if kind == "number":
            return {"widget": "number", "value_type": "float", "step": 0.001, **self._range(node)}
        if kind == "string":
            if node.get("format") == "date":
                return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "D-M-YYYY",
                        "time_format": False, "picker_utc": True, "default": ""}
            rules = self.rules(name, node)
            if "markdown" in defs:
                return {"widget": "markdown", "modes": ["rich_text", "raw"],
                        "buttons": ["bold", "italic", "link", "heading-three", "bulleted-list", "numbered-list"],
                        "editor_components": [], "sanitize_preview": True, RULES: rules}
            return {"widget": "text" if node.get("maxLength", 0) > ONE_LINE else "string", RULES: rules}
        return {"widget": "string", RULES: self.rules(name, node)}

    def _relation(self, target: str, many: bool, node: dict[str, Any]) -> dict[str, Any]:
        """A field that names something elsewhere ("x-ref"): a record of a kind is picked from its collection
        (Decap's relation widget, so a record saved a minute ago is there too); rungs, roles, sources and
        facts from the values the data has at build time."""
        several = {"multiple": True, **self._bounds(node)} if many else {}
        if target in RECORD_KINDS:
            kind = RECORD_KINDS[target]
            summary = self.summaries[target]
            return {"widget": "relation", "collection": kind.folder, "value_field": "id",
                    "search_fields": [summary, "id"], "display_fields": [summary], **several}
        values = self.vocabulary.of(target)
        if values is None:
            return {"widget": "string"}
        return {"widget": "select", **several, "options": [{"label": label, "value": key} for key, label in values.items()]}

    def rules(self, name: str, node: dict[str, Any]) -> list[dict[str, Any]]:
        """What `controleer` checks in a text that the form can check while the curator types, each rule
        with the check's own words: not only spaces, the schema's pattern, the length, no HTML.
        {waarde}, {lengte} and {treffer} are filled in by editor.js."""
        out: list[dict[str, Any]] = []
        patterns = [p["pattern"] for p in node.get("allOf", []) if "pattern" in p] + (
            [node["pattern"]] if "pattern" in node else [])
        if "\\S" in patterns or node.get("minLength"):
            out.append({"moet": "\\S", "melding": _words(*EMPTY_TEXT)})
        for pattern in [p for p in patterns if p != "\\S"]:
            is_id = name in ("id", "item") and pattern.startswith("^[a-z0-9]")
            out.append({"moet": pattern, "melding": _words(*pattern_words(node, is_id))})
        if node.get("maxLength"):
            message, hint = TOO_LONG
            out.append({"max": node["maxLength"], "melding": _words(message.replace("{maximum}",
                                                                                    str(node["maxLength"])), hint)})
        if not any(rule.get("moet", "").startswith("^[a-z0-9]") for rule in out):  # an id holds no HTML anyway
            out.append({"niet": HTML_TAG, "zonder": AUTOLINK, "melding": _words(*HTML_WORDS)})
        return out

    @staticmethod
    def _bounds(node: dict[str, Any]) -> dict[str, Any]:
        bounds = {}
        if node.get("minItems"):
            bounds["min"] = node["minItems"]
        if node.get("maxItems"):
            bounds["max"] = node["maxItems"]
        return bounds

    @staticmethod
    def _range(node: dict[str, Any]) -> dict[str, Any]:
        return {key: node[word] for key, word in (("min", "minimum"), ("max", "maximum")) if word in node}

    def _year_or_word_options(self, node: dict[str, Any], base: str) -> list[dict[str, Any]]:
        """A year, or a fixed word such as 'onbekend' or 'lopend' (period.start, period.end): one select,
        the words first, then the years, newest first. The years are saved as numbers, as the check wants."""
        words, low, high, year = [], 1800, 2100, False
        for option in node["oneOf"]:
            resolved, _ = _resolve(option, base, self.raw)
            if "const" in resolved:
                words.append(resolved["const"])
            elif resolved.get("type") == "integer":
                year = True
                low, high = resolved.get("minimum", low), min(resolved.get("maximum", high), LAST_YEAR)
        if not (words and year):
            return []
        return ([{"label": w, "value": w} for w in words]
                + [{"label": str(y), "value": y} for y in range(high, low - 1, -1)])


def _words(message: str, hint: str) -> str:
    """A message as `controleer` prints it after 'file:line: field: '."""
    return f"{message} (tip: {hint})" if hint else message


#: The newest year a year field offers (the schema allows up to 2100; nobody describes 2090 yet).
LAST_YEAR = 2040
#: The rule on a record's id in the form: no other record of its kind has it (a new record), and it is the
#: file's name (a record being edited); editor.js asks the backend, {plaats} is the other file.
def _id_rule(folder: str) -> dict[str, Any]:
    return {"uniek": f"data/{folder}", "melding": _words(*ID_TAKEN),
            "bestandsnaam": _words(NOT_THE_FILE_NAME, "een bestaand record houdt zijn id; zet de oude id terug")}




def load_schemas(schema_dir: Path) -> dict[str, Any]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(schema_dir.glob("*.schema.json"))}


def _schema_comment(kind: str, nested: bool) -> str:
    return f"yaml-language-server: $schema={'../' if nested else ''}schema/{kind}.schema.json"


def editor_config(schema_dir: Path, *, vocabulary: Vocabulary | None = None,
                  repository: Repository | None = None, site_url: str = "", oauth_url: str = "") -> dict[str, Any]:
    """The Decap CMS configuration as a dict (see module doc)."""
    raw = load_schemas(schema_dir)
    builder = _Builder(raw, vocabulary or Vocabulary())
    repository = repository or Repository()
    collections: list[dict[str, Any]] = []
    for kind, name, folder, label, singular, summary in folder_collections(raw):
        schema = raw[f"{kind}.schema.json"]
        fields = builder.fields(schema, f"{kind}.schema.json")
        # The first key gets the line hand-written files start with (schema support in text editors).
        fields[0]["comment"] = _schema_comment(kind, nested=True)
        for one in fields:
            if one["name"] == "id":  # Decap would save a taken id silently as 'id-1' (decap-cms #2829, #6633)
                one.setdefault(RULES, []).append(_id_rule(folder))
        collections.append({
            "name": name, "label": label, "label_singular": singular,
            "description": schema.get("description", ""),
            "folder": f"data/{folder}", "extension": "yaml", "format": RECORD_FORMAT,
            "create": True, "delete": False, "identifier_field": "id", "slug": "{{slug}}",
            "summary": f"{{{{{summary}}}}}", "sortable_fields": [summary, "id"],
            "fields": fields,
        })
    files = []
    for kind, name, file, label, singular, summary in LIST_COLLECTIONS:
        schema = raw[f"{kind}.schema.json"]
        items = schema["items"]
        files.append({
            "name": name, "label": label, "file": f"data/{file}", "format": LIST_FORMAT,
            "description": schema.get("description", ""),
            "fields": [{"name": LIST_FIELD, "label": label, "label_singular": singular, "widget": "list",
                        "summary": f"{{{{fields.{summary}}}}}", "collapsed": True,
                        **builder._bounds(schema), "fields": builder.fields(items, f"{kind}.schema.json")}],
        })
    collections.append({"name": "lijsten", "label": "Begrippen en tijdlijn", "delete": False, "files": files})
    backend: dict[str, Any] = {"name": "github", "repo": repository.repo, "branch": repository.branch,
                               "squash_merges": True,
                               "commit_messages": {
                                   "create": "Nieuw in {{collection}}: {{slug}} (via de web-editor)",
                                   "update": "Gewijzigd in {{collection}}: {{slug}} (via de web-editor)",
                                   "delete": "Verwijderd uit {{collection}}: {{slug}} (via de web-editor)",
                                   "uploadMedia": "Bestand {{path}} (via de web-editor)",
                                   "deleteMedia": "Bestand {{path}} verwijderd (via de web-editor)",
                                   "openAuthoring": "{{message}}"}}
    # Sign-in: your own OAuth service (docs/redactie.md). Without it Decap would use Netlify's.
    if oauth_url:
        backend["base_url"] = oauth_url.rstrip("/")
        backend["auth_endpoint"] = "auth"
    config: dict[str, Any] = {
        "backend": backend,
        # Every save is a branch and a pull request; nothing is written to the main branch directly.
        "publish_mode": "editorial_workflow",
        # Only on 127.0.0.1/localhost: `make editor` serves the site and the local backend together.
        "local_backend": {"url": LOCAL_BACKEND},
        "locale": "nl",
        "logo_url": "../../assets/favicon.svg",
        "omit_empty_optional_fields": True,
        # Decap's preview is an unstyled copy of the form without a title (axe: frame-title); the real
        # page is the one the pull request's build shows.
        "editor": {"preview": False},
        "media_folder": "docs/assets/afbeeldingen",
        "public_folder": "/assets/afbeeldingen",
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": collections,
    }
    if site_url:
        config["site_url"] = site_url
        config["display_url"] = site_url
    return _drop_none(config)


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


_DUMP_OPTIONS: dict[str, Any] = {"allow_unicode": True, "sort_keys": False, "width": 120}
#: In the build's cache folder: the last configuration's text and what it was made from.
CACHE_FILE = "editor-config.json"


def config_yaml(config: dict[str, Any], cache_dir: Path | None = None) -> str:
    """The configuration as YAML. With ``cache_dir``, the text of the previous build is reused when the
    configuration is the same (it lists every source of the reading list for each field that cites one:
    tens of thousands of YAML nodes); anything unreadable there is ignored."""
    header = ("# Gegenereerd uit data/schema/*.json bij elke bouw (macros/site/editor_config.py): niet met de hand\n"
              "# bewerken. Uitleg: docs/redactie.md, 'De web-editor'.\n")
    if cache_dir is None:
        return header + _dump(config)
    key = hashlib.sha256(json.dumps([yaml.__version__, _DUMPER.__name__, _DUMP_OPTIONS, header, config],
                                    ensure_ascii=False).encode()).hexdigest()
    stored = cache_dir / CACHE_FILE
    try:
        cached = json.loads(stored.read_text(encoding="utf-8"))
        if isinstance(cached, dict) and cached.get("key") == key and isinstance(cached.get("text"), str):
            return str(cached["text"])
    except (OSError, ValueError):
        pass
    text = header + _dump(config)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        temporary = stored.with_name(f".{CACHE_FILE}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps({"key": key, "text": text}, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, stored)
    except OSError:
        pass
    return text


def _dump(config: dict[str, Any]) -> str:
    # libyaml's emitter (CSafeDumper) writes the same text as PyYAML's own SafeDumper, five times faster.
    return yaml.dump(config, Dumper=_DUMPER, **_DUMP_OPTIONS)


def schema_fields(schema_dir: Path) -> dict[str, list[str]]:
    """Every field path per record kind the editor must offer ('costs.time', 'items.text'), for tests."""
    raw = load_schemas(schema_dir)
    out: dict[str, list[str]] = {}

    def walk(schema: dict[str, Any], base: str, prefix: str, acc: list[str]) -> None:
        for name, prop in schema.get("properties", {}).items():
            acc.append(prefix + name)
            resolved, _ = _resolve(prop, base, raw)
            inner_base = resolved.pop("_base")
            if resolved.get("type") == "array" and isinstance(resolved.get("items"), dict):
                item, _ = _resolve(resolved["items"], inner_base, raw)
                item_base = item.pop("_base")
                if item.get("type") == "object":
                    walk(item, item_base, f"{prefix}{name}.", acc)
            elif resolved.get("type") == "object":
                walk(resolved, inner_base, f"{prefix}{name}.", acc)

    for kind, *_ in [*folder_collections(raw), *LIST_COLLECTIONS]:
        schema = raw[f"{kind}.schema.json"]
        schema = schema["items"] if schema.get("type") == "array" else schema
        acc: list[str] = []
        walk(schema, f"{kind}.schema.json", "", acc)
        out[kind] = acc
    return out


#: Where the editor page lives below docs/ (the page itself, editor.js and manual-init.js are hand-written).
EDITOR_DIR = Path("redactie") / "bewerken"
#: The Decap CMS files, copied there from tools/editor/node_modules by `make` (scripts/editor.py bundel).
BUNDLE_DIR = "decap"


def write_editor_config(data: Any, docs_dir: Path, *, repo_url: str = "", site_url: str = "",
                        oauth_url: str = "", cache_dir: Path | None = None) -> bool:
    """Write docs/redactie/bewerken/config.yml (only when its text changed, so `mkdocs serve` does not
    loop). Returns whether the Decap CMS files are in place next to it. ``cache_dir``: see config_yaml."""
    folder = docs_dir / EDITOR_DIR
    config = editor_config(Path(data.root) / "schema", vocabulary=Vocabulary.from_dataset(data),
                           repository=Repository.from_url(repo_url), site_url=site_url, oauth_url=oauth_url)
    text = config_yaml(config, cache_dir)
    target = folder / "config.yml"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        folder.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return (folder / BUNDLE_DIR / "decap-cms.js").is_file()
