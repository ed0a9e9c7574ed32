"""What the web editor saves is what the check accepts: for every record kind, every field of the real form
(Decap CMS in local mode, git mode as on GitHub) is filled, the record saved, and the saved records are then
checked with `controleer` and built with the strict build, as the pull request's checks do; each record's
page shows what was typed. The values come from the schemas (examples, relations, choices), so a field or a
kind added to the schemas is filled here too. One decap-server, one build over all saved records.
"""
from __future__ import annotations

import html
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from macros.core.problems import Problems
from macros.data.dataset import load_valid_dataset, plain
from macros.data.export import PRIVATE_FIELDS, FieldDoc, field_docs
from macros.data.kinds import RECORD_KINDS, RecordKind
from macros.data.schema import REF
from macros.data.yaml_loader import load_yaml
from macros.site.editor_config import Vocabulary, editor_config
from scripts import editor
from scripts.project import mkdocs_build
from tests.support import ROOT, build_epoch, git

# Finds the control of a field by its path of field names: Decap gives each label a 'for' of the form
# '<name>-field-<n>', and nests the control containers of an object's or a list's fields in its own.
FIND = """(path) => {
  let scope = null;
  for (const name of path) {
    const labels = [...(scope || document).querySelectorAll(`label[for^="${name}-field-"]`)];
    const own = labels.find((label) => {
      const box = label.closest('[class*=ControlContainer]');
      return box.parentElement.closest('[class*=ControlContainer]') === scope;
    });
    if (!own) return null;
    scope = own.closest('[class*=ControlContainer]');
  }
  return scope.querySelector(':scope > [class*=ControlTopbar] > label').getAttribute('for');
}"""
REVIEWER = "A. Proef, testbeoordelaar (fictief)"



@dataclass
class Typed:
    """One value entered in the form: where the saved record holds it, what it holds, what the page shows."""

    path: tuple[str, ...]
    value: Any
    shown: str | None = None


class Planner:
    """The value for each field of a kind, from its schema: a relation names an existing record (or rung,
    role, source, a fact that is a date), a fixed list gives a choice, a year field a year, a date a day
    before the build, a field with "examples" its first example, any other text a sentence of its own."""

    def __init__(self, data: Any, kind: RecordKind, day: str):
        self.data, self.kind, self.day = data, kind, day

    def target(self, target: str) -> tuple[str, str | None]:
        """(id, what the page shows for it) of something a relation may name."""
        if target in RECORD_KINDS:
            record = next(iter(sorted(self.data.records_of(target).values(), key=lambda r: r.id)))
            return record.id, record.heading
        if target == "fact":
            fact = next(f for f in self.data.facts if f.get("datum"))
            return fact.id, None
        if target == "source":
            return sorted(self.data.bibliography.keys())[0], None
        rung = (self.data.rungs if target == "rung" else self.data.roles)[0]
        return rung.id, rung["label"]

    def value(self, doc: FieldDoc, path: tuple[str, ...]) -> tuple[Any, str | None]:
        schema = doc.schema
        items = schema.get("items") if isinstance(schema.get("items"), dict) else {}
        target = schema.get(REF) or items.get(REF)
        if target:
            value, shown = self.target(target)
            return ([value] if schema.get("type") == "array" else value), shown
        if path == ("id",):
            return f"proef-{self.kind.id}", None
        if path == ("status",):
            return "beoordeeld", None  # every field is filled, the review's too
        if path == ("reviewer",):
            return REVIEWER, REVIEWER
        if doc.choices:
            value, label = doc.choices[-1]
            return ([value] if schema.get("type") == "array" else value), None
        if "oneOf" in schema:  # a year or a word: period.start, period.end
            year = 2019 if path[-1] == "start" else 2021
            return year, str(year)
        if schema.get("format") == "date":
            return self.day, None
        if schema.get("examples"):
            return schema["examples"][0], None
        sentence = f"Proef {self.kind.id} {'.'.join(path)} ingevuld"
        if schema.get("type") == "array":
            return [sentence], sentence
        return sentence, sentence


def schema_docs(docs: list[FieldDoc], prefix: tuple[str, ...] = ()) -> dict[tuple[str, ...], FieldDoc]:
    """Each field's schema by its path ('costs', 'time')."""
    out = {}
    for doc in docs:
        out[(*prefix, doc.name)] = doc
        out |= schema_docs(doc.children, (*prefix, doc.name))
    return out


class Form:
    def __init__(self, page):
        self.page = page

    def control_id(self, path: list[str]) -> str:
        found = self.page.evaluate(FIND, path)
        assert found, f"no field {'.'.join(path)} in the form"
        return found

    def container(self, path: list[str]):
        return self.page.locator(f"label[for='{self.control_id(path)}']").locator("xpath=../..")

    def add_item(self, path: list[str]) -> None:
        self.container(path).get_by_role("button", name=re.compile("^Voeg ")).first.click()

    def choose(self, path: list[str], *labels: str) -> None:
        box = self.page.locator(f"[id='{self.control_id(path)}']")
        for label in labels:
            box.click()
            box.fill(label)
            self.page.get_by_role("option", name=label, exact=True).first.click()

    def type_markdown(self, path: list[str], text: str) -> None:
        box = self.container(path)
        switch = box.get_by_role("switch")
        if switch.get_attribute("aria-checked") != "true":  # Decap remembers the mode of the last form
            switch.click()  # from "Rijke tekst" to "Markdown"
            expect(switch).to_have_attribute("aria-checked", "true")
        box.get_by_role("textbox").click()
        self.page.keyboard.insert_text(text)  # as pasted: one input event, not a key per letter

    def fill(self, path: list[str], text: str) -> None:
        self.page.locator(f"[id='{self.control_id(path)}']").fill(text)


def form_fields(config: dict, kind: RecordKind) -> dict[tuple[str, ...], dict]:
    (collection,) = [c for c in config["collections"] if c.get("name") == kind.folder]
    out: dict[tuple[str, ...], dict] = {}

    def add(fields: list[dict], prefix: tuple[str, ...]) -> None:
        for field in fields:
            out[(*prefix, field["name"])] = field
            add(field.get("fields", []), (*prefix, field["name"]))

    add(collection["fields"], ())
    return out


def enter(form: Form, field: dict, path: tuple[str, ...], value: Any, data: Any) -> None:
    """Type or pick `value` in the field's widget, as a curator would."""
    where = list(path)
    widget = field["widget"]
    if widget in ("string", "text", "number"):
        form.fill(where, str(value))  # what a curator types is text, a year too
    elif widget == "datetime":
        form.fill(where, value)
    elif widget == "markdown":
        form.type_markdown(where, value)
    elif widget == "select":
        labels = {o["value"]: o["label"] for o in field["options"]}
        form.choose(where, *[labels[v] for v in (value if isinstance(value, list) else [value])])
    elif widget == "relation":
        for one in value if isinstance(value, list) else [value]:
            record = data.records_of(next(k.id for k in RECORD_KINDS if k.folder == field["collection"]))[one]
            form.choose(where, record[field["display_fields"][0]])
    elif widget == "list" and "field" in field:  # a list of texts: one item
        form.add_item(where)
        form.fill([*where, "item"], value[0])
    else:
        raise AssertionError(f"no way to fill a {widget} widget ({'.'.join(path)})")


def refused_in_the_form(page, url: str, data: Any, repository: Path) -> None:
    """Before a record is saved, the form says what `controleer` would say: a taken id, a name of only
    spaces, HTML in a text; and nothing is written (Decap would have saved the id as 'selwerd-1')."""
    page.goto(f"{url}/redactie/bewerken/#/collections/cases")  # away from the record just saved
    page.locator("a[href='#/collections/cases/new']").click()
    expect(page.get_by_label("Id (korte naam)")).to_have_value("")
    taken = sorted(data.cases)[0]
    page.get_by_label("Id (korte naam)").fill(taken)
    page.get_by_label("Naam", exact=True).fill("   ")
    page.get_by_label("Plaats of wijk").fill("Wijk <script>alert(1)</script>")
    page.get_by_role("button", name="Opslaan").click()
    errors = page.locator("ul[class*=ControlErrors] li")
    expect(errors.filter(has_text="is al in gebruik")).to_have_text(
        f"Id (korte naam): '{taken}' is al in gebruik in data/cases/{taken}.yaml (tip: elke id is uniek; kies een andere)")
    expect(errors.filter(has_text="Naam:")).to_have_text(
        "Naam: mag niet leeg zijn (tip: vul tekst in of laat het veld weg)")
    expect(errors.filter(has_text="HTML")).to_contain_text("Plaats of wijk: bevat HTML (<script>); dat is niet toegestaan")
    branches = git(repository, "branch", "--list", "cms/cases/*").stdout.split()
    assert branches == ["cms/cases/proef-case"], f"saved anyway: {branches}"


def test_every_field_of_every_kind_saved_through_the_form_is_checked_and_built(
        browser, built_site: Path, repository: Path, tmp_path: Path) -> None:
    data = load_valid_dataset(repository / "data", repository)
    config = editor_config(repository / "data" / "schema", vocabulary=Vocabulary.from_dataset(data))
    day = (datetime.fromtimestamp(int(build_epoch()), UTC) - timedelta(days=30)).date().isoformat()
    typed: dict[str, list[Typed]] = {}
    with editor.serve(built_site, repository, mode="git") as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url + "/redactie/bewerken/")
        page.get_by_role("button", name="Inloggen").click()
        for kind in RECORD_KINDS:
            planner = Planner(data, kind, day)
            fields = form_fields(config, kind)
            page.goto(f"{url}/redactie/bewerken/#/collections/{kind.folder}/new")
            # The new, empty form of this kind, with each of its fields (not the one just saved).
            expect(page.get_by_label("Id (korte naam)")).to_have_value("")
            top = [[name] for name, *rest in fields if not rest]
            page.wait_for_function(f"(paths) => paths.every((path) => ({FIND})(path) !== null)", arg=top)
            form = Form(page)
            entries: list[Typed] = []
            docs = schema_docs(field_docs(data.schemas.raw, kind.id))
            for path, field in fields.items():
                # A field only for the editors (costs.redactienotitie) is in the form, not in the open data's docs.
                doc = docs.get(path) or FieldDoc(path[-1], False, "", "", schema={"type": "string"})
                if field["widget"] == "object":
                    continue  # its fields follow
                if field["widget"] == "list" and "fields" in field:
                    form.add_item(list(path))  # one item; its fields follow
                    continue
                inside_list = len(path) > 1 and fields[path[:-1]]["widget"] == "list"
                value, shown = planner.value(doc, path)
                if doc.name in PRIVATE_FIELDS:
                    shown = None
                enter(form, field, path, value, data)
                saved_path = (path[0], "0", *path[1:]) if inside_list else path
                entries.append(Typed(saved_path, value, shown))
            page.get_by_role("button", name="Opslaan").click()
            try:
                page.get_by_text("Item opgeslagen").wait_for(timeout=20_000)
            except Exception:
                shown_errors = page.locator("ul[class*=ControlErrors] li").all_text_contents()
                raise AssertionError(f"{kind.id} not saved: {shown_errors}") from None
            page.wait_for_url(re.compile(f"/entries/proef-{kind.id}$"))  # Decap opens the saved record
            typed[kind.id] = entries
        refused_in_the_form(page, url, data, repository)
        context.close()
    assert errors == []

    # Every proposal is a branch; put the saved files together on main, as merged pull requests would be.
    checkout = tmp_path / "samen"
    assert git(repository, "worktree", "add", "-q", "--detach", str(checkout), "main").returncode == 0
    saved: dict[str, dict] = {}
    for kind in RECORD_KINDS:
        name = f"data/{kind.folder}/proef-{kind.id}.yaml"
        shown = git(repository, "show", f"cms/{kind.folder}/proef-{kind.id}:{name}")
        assert shown.returncode == 0, f"{kind.id}: no file {name} on its branch: {shown.stderr}"
        (checkout / name).write_text(shown.stdout, encoding="utf-8")
        saved[kind.id] = plain(load_yaml(checkout / name, name, Problems()))  # as the check reads it

    # The saved YAML holds each value as typed, with the type the schema asks for (a year is a number).
    for kind_id, entries in typed.items():
        for entry in entries:
            value: Any = saved[kind_id]
            for step in entry.path:
                value = value[int(step)] if step.isdigit() else value[step]
            assert value == entry.value, (kind_id, entry.path, value, entry.value)
    assert saved["case"]["period"]["start"] == 2019

    check = subprocess.run([sys.executable, "-m", "scripts.wijkengids", "controleer", "--data", str(checkout / "data")],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stdout + check.stderr
    site = tmp_path / "site"
    build = mkdocs_build(checkout, site, env={"SOURCE_DATE_EPOCH": build_epoch()})
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]

    for kind in RECORD_KINDS:
        page_html = html.unescape((site / kind.url / f"proef-{kind.id}" / "index.html").read_text(encoding="utf-8"))
        text = " ".join(re.sub(r"<[^>]+>", " ", page_html).split())
        missing = [e for e in typed[kind.id] if e.shown and " ".join(e.shown.split()) not in text]
        assert missing == [], f"{kind.id}: not on its page: {missing}"
