"""Record kinds come from one registry (macros/data/kinds.py): a new kind is one definition, its schema and
its template. Here a kind 'hulpmiddel' is added by the test alone, no module edited, and shows up in the
pages, the open data, the reading list's back-links, the menu, the theme's record marker, `nieuw` and the
generated docs/.gitignore."""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import yaml
from markupsafe import escape

from macros.data import export, record_template
from macros.data.dataset import load_dataset, load_valid_dataset
from macros.data.kinds import PAGE_FOLDERS, RECORD_KINDS, KindError, RecordKind
from macros.site import nav
from macros.site.build import KIND_PAGES, build_pages, write_pages
from macros.site.editor_config import Vocabulary, editor_config
from macros.site.records import record_pages
from macros.site.search_pages import search_pages
from tests.support import ROOT, SITE_DATA

TODAY = date(2026, 11, 23)

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "hulpmiddel.schema.json",
    "title": "Hulpmiddel",
    "description": "Eén hulpmiddel per bestand in data/hulpmiddelen/.",
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "name", "summary", "sources", "status"],
    "properties": {
        "id": {"$ref": "common.schema.json#/$defs/id"},
        "name": {"$ref": "common.schema.json#/$defs/text", "maxLength": 90, "description": "Naam van het hulpmiddel."},
        "summary": {"$ref": "common.schema.json#/$defs/text", "description": "Wat het is, in één zin."},
        "methods": {"$ref": "common.schema.json#/$defs/ids", "x-ref": "method",
                    "description": "Methoden waarbij het hulpmiddel past."},
        "sources": {"$ref": "common.schema.json#/$defs/sources"},
        "status": {"$ref": "common.schema.json#/$defs/status"},
    },
}
RECORD = """id: buurtkaart
name: Buurtkaart
summary: Een kaart van de buurt waarop bewoners plekken aanwijzen.
sources: [bzk2020]
status: concept
"""
PAGE = """{{ front_matter(title=h.name, description=h.summary) }}
# {{ h.name }}

{{ h.summary }}

{% for s in site.sources(record) %}
<p id="bron-{{ s.key }}">{{ s.html }}</p>
{% endfor %}
"""
INDEX = """{{ front_matter(title=kind.title) }}
# {{ kind.title }}

{% for h in data.records_of(kind.id).values() %}
- [{{ h.name }}]({{ base }}{{ site.url(h) }})
{% endfor %}
"""


@pytest.fixture
def hulpmiddel(tmp_path: Path, data_dir: Path) -> Iterator[RecordKind]:
    """The fixture project plus one file, schema and template of the new kind, registered for this test."""
    (data_dir / "schema" / "hulpmiddel.schema.json").write_text(json.dumps(SCHEMA, indent=2), encoding="utf-8")
    (data_dir / "hulpmiddelen").mkdir()
    (data_dir / "hulpmiddelen" / "buurtkaart.yaml").write_text(RECORD, encoding="utf-8")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "hulpmiddel.md.j2").write_text(PAGE, encoding="utf-8")
    (templates / "hulpmiddelen_index.md.j2").write_text(INDEX, encoding="utf-8")
    kind = RecordKind(id="hulpmiddel", folder="hulpmiddelen", url="hulpmiddelen", label="hulpmiddel",
                      plural="hulpmiddelen", title="Hulpmiddelen", template="hulpmiddel.md.j2",
                      index_template="hulpmiddelen_index.md.j2", template_var="h", csv=True,
                      template_dir=templates)
    with RECORD_KINDS.extended(kind):
        yield kind
    assert "hulpmiddel" not in RECORD_KINDS, "the registry is back as it was"


def test_a_new_kind_gets_its_page_open_data_and_back_links(hulpmiddel: RecordKind, data_dir: Path) -> None:
    data = load_dataset(data_dir, data_dir.parent)
    assert not data.problems.errors, data.problems.report()
    assert list(data.records_of("hulpmiddel")) == ["buurtkaart"]

    pages = build_pages(data, today=TODAY)
    page = pages["hulpmiddelen/buurtkaart.md"]
    assert re.search(r'^title: "Buurtkaart"$', page, re.M) and "\n# Buurtkaart\n" in page
    assert 'id="bron-bzk2020"' in page
    assert "[Buurtkaart](../hulpmiddelen/buurtkaart/)" in pages["hulpmiddelen/index.md"]

    files = export.export_files(data)
    assert [r["id"] for r in json.loads(files["hulpmiddelen.json"])] == ["buurtkaart"]
    assert json.loads(files["hulpmiddelen.json"])[0]["sources"] == ["bzk2020"]
    rows = list(csv.DictReader(io.StringIO(files["hulpmiddelen.csv"])))
    assert [(r["id"], r["name"]) for r in rows] == [("buurtkaart", "Buurtkaart")]
    assert json.loads(files["schema/hulpmiddel.schema.json"])["$id"] == "hulpmiddel.schema.json"
    assert pages["open-data/hulpmiddelen.json"] == files["hulpmiddelen.json"]
    assert "### Hulpmiddelen" in pages["open-data/index.md"]

    reading = pages["leeslijst/index.md"]
    assert re.search(r'<span class="wg-ll__where">hulpmiddel:</span> '
                     r'<a href="\.\./hulpmiddelen/buurtkaart/#bron-bzk2020">Buurtkaart</a>', reading), "back-link from the reading list"


def site_nav() -> list:
    """The nav of mkdocs.yml as written (its !ENV tags read as their default)."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: loader.construct_sequence(node)[-1]
                                 if isinstance(node, yaml.SequenceNode) else loader.construct_scalar(node))
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["nav"]


def test_a_new_kind_is_in_the_menu_and_its_records_are_marked(hulpmiddel: RecordKind, data_dir: Path) -> None:
    """What the build hands MkDocs and the theme (macros/main.py: kinds_in_menu_and_theme): the menu gets the
    kind's overview after the kinds before it, its records stay out of the menu on purpose, and exactly its
    records are record pages to overrides/main.html (the search filter 'soort', blocks left out of search)."""
    data = load_dataset(data_dir, data_dir.parent)
    menu = nav.with_kinds(site_nav(), data.kinds, KIND_PAGES)
    titles = [next(iter(item)) for item in menu]
    assert titles.index("Hulpmiddelen") == titles.index("Checklists") + 1, titles
    assert {"Hulpmiddelen": "hulpmiddelen/index.md"} in menu
    assert "/hulpmiddelen/*.md" in nav.off_nav(data.kinds)

    marked = record_pages(data)
    assert marked["hulpmiddelen/buurtkaart.md"] == "hulpmiddel"
    assert "hulpmiddelen/index.md" not in marked
    assert set(marked) <= set(build_pages(data, today=TODAY)), "every marked page is a page the build writes"
    # The search dialog: its filter chip and the type label of its results.
    found = search_pages(data)
    assert ("hulpmiddel", "Hulpmiddelen") in found["chips"]
    assert found["records"]["hulpmiddelen/buurtkaart/"] == ("hulpmiddel", "Hulpmiddel")
    # The web editor: a collection in its folder, whose x-ref field is a relation picker of methods.
    config = editor_config(data_dir / "schema", vocabulary=Vocabulary.from_dataset(data))
    collection = next(c for c in config["collections"] if c.get("folder") == "data/hulpmiddelen")
    methods = next(f for f in collection["fields"] if f["name"] == "methods")
    assert methods["widget"] == "relation" and methods["collection"] == "methods" and methods["multiple"] is True


def test_nieuw_writes_a_valid_file_of_the_new_kind(hulpmiddel: RecordKind, data_dir: Path) -> None:
    data = load_dataset(data_dir, data_dir.parent)
    path, kind, slug = record_template.create(data_dir, data, "hulpmiddel", "Wijkkaart", TODAY)
    assert (kind, slug) == ("hulpmiddel", "wijkkaart") and path == data_dir / "hulpmiddelen" / "wijkkaart.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/hulpmiddel.schema.json\n# Nieuw hulpmiddel: Wijkkaart")
    again = load_dataset(data_dir, data_dir.parent)
    assert not again.problems.errors, again.problems.report()
    assert set(again.records_of("hulpmiddel")) == {"buurtkaart", "wijkkaart"}


def test_the_generated_gitignore_follows_the_kinds(hulpmiddel: RecordKind, tmp_path: Path, data_dir: Path) -> None:
    """Only hand-written pages show up in `git status`; the generated ones, the new kind's too, do not."""
    repo = tmp_path / "repo"
    docs = repo / "docs"
    docs.mkdir(parents=True)
    (docs / "over.md").write_text("# Over\n", encoding="utf-8")
    write_pages(build_pages(load_dataset(data_dir, data_dir.parent), today=TODAY), docs)
    assert (docs / "hulpmiddelen" / "buurtkaart.md").exists() and (docs / "nieuw.xml").exists()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=repo,
                            capture_output=True, text=True, check=True).stdout
    assert status.splitlines() == ["?? docs/over.md"]


def test_a_kind_may_not_take_the_place_of_another() -> None:
    taken = RECORD_KINDS["method"]
    for clash in (dict(id="method"), dict(folder="methods"), dict(url="praktijk"), dict(url=PAGE_FOLDERS[0]),
                  dict(words=("casus",))):
        kind = RecordKind(**{**dict(id="x", folder="x", url="x", label="x", plural="x", title="X",
                                    template="x.md.j2"), **clash})
        with pytest.raises(KindError):
            RECORD_KINDS.register(kind)
    assert RECORD_KINDS.ids() == ["method", "case", "checklist"] and RECORD_KINDS["method"] is taken


def test_every_link_to_a_record_follows_its_kinds_url() -> None:
    """A kind whose URL changes in the registry moves everywhere: record pages, overviews, the map, the
    timeline, the glossary, checklists and the reading list link to the new folder, and no generated page
    still points into the old one (the pages take every record link from Site.url)."""
    data = load_valid_dataset(SITE_DATA, SITE_DATA.parent)
    moved = {"method": "werkwijzen", "case": "voorbeelden", "checklist": "lijsten"}
    data.kinds = tuple(dataclasses.replace(kind, url=moved[kind.id]) for kind in data.kinds)
    pages = build_pages(data, today=TODAY)

    old = re.compile(r'(?<![\w/.-])(?:\.\./)*(?:methoden|praktijk|checklists)/[\w-]')
    stale = sorted({path for path, text in pages.items() if old.search(text)})
    assert not stale, f"pages that still link into an old folder: {stale}"
    assert not [path for path in pages if path.split("/")[0] in ("methoden", "praktijk", "checklists")]

    method = next(iter(data.methods.values()))
    case = next(c for c in data.cases.values() if c["methods"])
    link = f'<a href="../../werkwijzen/{case["methods"][0]}/">{escape(data.methods[case["methods"][0]].heading)}</a>'
    assert link in pages[f"voorbeelden/{case.id}.md"], "a case links to its methods in their new folder"
    assert f'href="../../voorbeelden/{case.id}/"' in pages["voorbeelden/kaart.md"], "the map moves with the cases"
    assert f'href="../../voorbeelden/kaart/#kaart-{case.id}"' in pages[f"voorbeelden/{case.id}.md"]
    assert f'href="../werkwijzen/{method.id}/"' in pages["werkwijzen/index.md"]
    timeline = [m for e in data.timeline for m in e.get("methods") or []]
    assert f'href="../werkwijzen/{timeline[0]}/"' in pages["tijdlijn/index.md"]
    checklist = next(iter(data.checklists.values()))
    assert f"lijsten/{checklist.id}.txt" in pages, "the checklist's text download sits beside its page"
    assert f'href="../lijsten/{checklist.id}/"' in pages["lijsten/index.md"]
    assert json.loads(pages["participatiewijzer/data.json"])["urls"] == {
        "method": "werkwijzen/", "case": "voorbeelden/", "checklist": "lijsten/"}, "the selector's script links from these"


def test_a_list_field_of_a_new_type_reads_as_an_empty_list_when_left_out(hulpmiddel: RecordKind,
                                                                          data_dir: Path) -> None:
    """Whether a field is a list comes from the schema itself, not from a list of known type names: a kind
    with its own list type ('stappen', in its own $defs) gets [] for a record that leaves it out, so a
    template can loop over it without a guard."""
    schema = {**SCHEMA, "$defs": {"stappen": {"type": "array", "items": {"$ref": "common.schema.json#/$defs/text"}}},
              "properties": {**SCHEMA["properties"], "stappen": {"$ref": "#/$defs/stappen"},
                             "materiaal": {"$ref": "common.schema.json#/$defs/text"}}}
    (data_dir / "schema" / "hulpmiddel.schema.json").write_text(json.dumps(schema, indent=2), encoding="utf-8")
    data = load_dataset(data_dir, data_dir.parent)
    assert not data.problems.errors, data.problems.report()
    record = data.records_of("hulpmiddel")["buurtkaart"]
    assert record["stappen"] == [] and record["materiaal"] is None
