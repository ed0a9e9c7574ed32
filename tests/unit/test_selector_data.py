"""The Participatiewijzer's data file and page: lean, complete, from the same records as the site."""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from macros.data.dataset import load_valid_dataset
from macros.site.build import build_pages
from macros.site.selector import DOMAIN_BOTH, advisable, filters, selector_json
from tests.support import FIXTURE_DATA, ROOT

BUDGET = 15 * 1024  # own JS + CSS of the selector, gzip-compressed


@pytest.fixture
def data(data_dir: Path):
    return load_valid_dataset(data_dir, data_dir.parent)


def test_json_holds_every_record_with_only_the_fields_the_selector_uses(data) -> None:
    out = json.loads(selector_json(data))
    assert set(out) == {"urls", "rungs", "kinds", "filters", "methods", "cases", "checklists", "sources"}
    assert out["urls"] == {"method": "methoden/", "case": "praktijk/", "checklist": "checklists/"}, "from the registry"
    assert [r["id"] for r in out["rungs"]] == [r.id for r in data.rungs]
    assert sorted(m["id"] for m in out["methods"]) == sorted(data.methods)
    assert sorted(c["id"] for c in out["cases"]) == sorted(data.cases)
    assert sorted(c["id"] for c in out["checklists"]) == sorted(data.checklists)
    for m in out["methods"]:
        assert set(m) == {"id", "name", "summary", "rungs", "roles", "kinds", "domain", "types", "levels", "phases",
                          "groups", "scale", "duration", "ready", "sources"}
        assert m["kinds"] == [data.methods[m["id"]]["kind"]]
        record = data.methods[m["id"]]
        assert m["rungs"] == record["rungs"] and m["roles"] == record["roles"]
        assert m["groups"] == record["target_groups"]
    for c in out["cases"]:
        assert set(c) == {"id", "name", "summary", "rungs", "methods"}
    assert "description" not in selector_json(data)


def test_methods_come_in_alphabetical_order_ignoring_accents(data_dir: Path) -> None:
    source = (data_dir / "methods" / "burgerpanel.yaml").read_text(encoding="utf-8")
    for ident, name in (("eenheid", "Éénheid"), ("enquete", "Enquête"), ("aa", "aa")):
        text = source.replace("id: burgerpanel", f"id: {ident}").replace("name: Burgerpanel", f"name: {name}")
        (data_dir / "methods" / f"{ident}.yaml").write_text(text, encoding="utf-8")
    data = load_valid_dataset(data_dir, data_dir.parent)
    names = [m["name"] for m in json.loads(selector_json(data))["methods"]]
    assert names[:4] == ["aa", "Burgerpanel", "Éénheid", "Enquête"]


def test_domain_both_counts_for_each_domain_and_is_no_option_itself(data) -> None:
    out = json.loads(selector_json(data))
    domain = next(f for f in out["filters"] if f["param"] == "domein")
    assert DOMAIN_BOTH not in domain["labels"]
    for m in out["methods"]:
        record = data.methods[m["id"]]
        if record["domain"] == DOMAIN_BOTH:
            assert m["domain"] == list(domain["labels"])
        else:
            assert m["domain"] == [record["domain"]]


def test_filters_use_the_vocabularies_and_their_dutch_labels(data) -> None:
    out = json.loads(selector_json(data))
    by_param = {f["param"]: f for f in out["filters"]}
    labels = data.schemas.labels
    assert by_param["rol"]["labels"] == {r.id: r["label"] for r in data.roles}
    assert by_param["soort"]["labels"] == labels["participationType"]
    assert by_param["aard"]["labels"] == labels["methodKind"]
    assert by_param["niveau"]["labels"] == labels["level"]
    assert by_param["fase"]["labels"] == labels["phase"]
    assert by_param["doelgroep"]["labels"] == labels["targetGroup"]


def test_checklists_know_their_methods_both_ways_and_sources_follow_the_reading_list(data) -> None:
    out = json.loads(selector_json(data))
    for c in out["checklists"]:
        assert sorted(c["methods"]) == sorted(m for m in data.methods
                                              if data.checklists[c["id"]] in data.checklists_for_method(m))
    keys = [s["key"] for s in out["sources"]]
    used = {s["key"] if isinstance(s, dict) else s for m in data.methods.values() for s in m["sources"]}
    assert set(keys) == used
    assert keys == [e.key for e in data.bibliography if e.key in used]


def test_the_page_carries_a_form_for_every_rung_and_value_and_a_fallback(data) -> None:
    page = build_pages(data)["participatiewijzer/index.md"]
    for rung in data.rungs:
        assert f'name="trede" id="wg-pw-trede-{rung.id}" value="{rung.id}"' in page
        assert f'<a href="../ladder/{rung.id}/">' in page  # fallback list without JavaScript
    for role in data.roles:
        assert f'name="rol" id="wg-pw-rol-{role.id}" value="{role.id}"' in page
    for value in data.schemas.labels["targetGroup"]:
        assert f'name="doelgroep" id="wg-pw-doelgroep-{value}"' in page
    fieldsets = 1 + len(filters(data))  # the rungs, then one per filter (role, kind, domain, …)
    assert page.count("<fieldset") == fieldsets and page.count("<legend>") == fieldsets
    for value in data.schemas.labels["methodKind"]:
        assert f'name="aard" id="wg-pw-aard-{value}"' in page
    assert re.search(r'<form class="wg-pw__form" hidden', page), "the form waits for the script"
    assert 'aria-live="polite"' in page
    assert 'data-json="../participatiewijzer/data.json"' in page


def test_curator_text_is_escaped_in_the_page_and_plain_in_the_json(data_dir: Path) -> None:
    ladder = data_dir / "ladder.yaml"
    ladder.write_text(ladder.read_text(encoding="utf-8").replace("resident: Je geeft advies.",
                                                                 'resident: "Je geeft advies & {{ 7*7 }}."'),
                      encoding="utf-8")
    data = load_valid_dataset(data_dir, data_dir.parent)
    page = build_pages(data)["participatiewijzer/index.md"]
    assert "Je geeft advies &amp; {{ 7*7 }}." in page  # generated pages are not rendered as templates
    method = data_dir / "methods" / "burgerpanel.yaml"
    method.write_text(method.read_text(encoding="utf-8").replace("name: Burgerpanel", 'name: "Panel & co"'),
                      encoding="utf-8")
    out = json.loads(selector_json(load_valid_dataset(data_dir, data_dir.parent)))
    assert "Panel & co" in [m["name"] for m in out["methods"]]  # the script escapes when it renders


def test_selector_json_is_deterministic() -> None:
    one = selector_json(load_valid_dataset(FIXTURE_DATA, FIXTURE_DATA.parent))
    two = selector_json(load_valid_dataset(FIXTURE_DATA, FIXTURE_DATA.parent))
    assert one == two


def test_own_javascript_and_css_stay_within_15_kb_compressed() -> None:
    files = [ROOT / "docs/assets/js/participatiewijzer.js", ROOT / "docs/assets/css/participatiewijzer.css"]
    size = sum(len(gzip.compress(f.read_bytes(), compresslevel=9)) for f in files)
    assert size <= BUDGET, f"{size} bytes gzip > {BUDGET}"
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "assets/js/participatiewijzer.js" in mkdocs and "assets/css/participatiewijzer.css" in mkdocs


def test_a_question_is_asked_only_when_some_method_answers_it(data_dir: Path) -> None:
    data = load_valid_dataset(data_dir, data_dir.parent)
    for param, field in (("schaal", "scale"), ("duur", "duration")):
        asked = param in [f.param for f in filters(data)]
        assert asked == any(m.get(field) for m in data.methods.values()), param
    for path in (data_dir / "methods").glob("*.yaml"):
        lines = path.read_text(encoding="utf-8").splitlines()
        skip = False
        kept = []
        for line in lines:  # drop scale and duration (a block) from every method, which is then a concept
            if line.startswith("status:"):
                line = "status: concept"
            if line.startswith(("scale:", "duration:", "reviewed:", "reviewer:")):
                skip = line.startswith("duration:")
                continue
            if skip and line.startswith("  "):
                continue
            skip = False
            kept.append(line)
        path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    bare = load_valid_dataset(data_dir, data_dir.parent)
    assert {"schaal", "duur"}.isdisjoint(f.param for f in filters(bare))
    page = build_pages(bare)["participatiewijzer/index.md"]
    assert 'name="schaal"' not in page and 'name="duur"' not in page


def test_ideas_and_methods_without_steps_are_not_advisable(data) -> None:
    out = {m["id"]: m for m in json.loads(selector_json(data))["methods"]}
    for method in data.methods.values():
        assert out[method.id]["ready"] == (method["kind"] != "idee" and bool(method.get("steps")))
        assert out[method.id]["ready"] == advisable(method)
