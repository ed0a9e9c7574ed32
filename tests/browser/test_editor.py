"""The web editor (/redactie/bewerken/, Decap CMS) as a curator uses it, in local mode.

The built site is served with decap-server behind /api/v1 (scripts/editor.py), writing into a private git
copy of the project in 'git' mode: a save is a proposal on its own branch, as the editorial workflow makes
a branch and a pull request on GitHub. One browser session: the refused save, the new method, axe.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from scripts import editor
from tests.browser import axe
from tests.support import ROOT, git

NEW_ID = "buurtgesprek-proef"
BRANCH = f"cms/methods/{NEW_ID}"
FILE = f"data/methods/{NEW_ID}.yaml"
# Serious or critical axe findings inside Decap's own interface that this project cannot change (Decap's
# markup, not ours); docs/redactie.md lists them. Any other finding fails the test.
DECAP_KNOWN: dict[str, str] = {
    "color-contrast": "Decap's grey texts and badges (the inactive 'Workflow' tab, the 'unsaved changes' badge)",
    "aria-input-field-name": "the Markdown editor's text box (Slate) has no name; its label is not tied to it",
    "aria-required-attr": "the switch between 'Rijke tekst' and 'Markdown' lacks a required ARIA attribute",
    "button-name": "that switch has no accessible name",
    "nested-interactive": "the heading menu of the Markdown toolbar is a button inside a button",
}



@pytest.fixture(scope="module")
def editor_url(built_site: Path, repository: Path, tmp_path_factory: pytest.TempPathFactory):
    assert (built_site / "redactie/bewerken/decap/decap-cms.js").is_file(), "Decap missing: run `make test`"
    log = tmp_path_factory.mktemp("decap-log") / "decap-server.log"
    with editor.serve(built_site, repository, mode="git", log=log) as url:
        yield url


def axe_findings(page) -> list[tuple[str, str, str]]:
    return [(v["impact"], v["id"], f'{v["help"]} ({len(v["nodes"])}x, e.g. {v["nodes"][0]["target"]})')
            for v in axe.violations(page) if v["impact"] in axe.BLOCKING]


def select(page, label: str, *options: str) -> None:
    box = page.get_by_label(label, exact=True).last  # the record's own field, not one inside 'evidence'
    for option in options:
        box.click()
        box.fill(option)
        page.keyboard.press("Enter")


def test_a_new_method_through_the_form(browser, editor_url: str, repository: Path,
                                       report: Callable[[str], None]) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    own = urlparse(editor_url).netloc
    requests: list[str] = []
    failed: list[tuple[int, str]] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("response", lambda r: failed.append((r.status, r.request.post_data or r.url)) if r.status >= 400 else None)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    page.goto(editor_url + "/redactie/bewerken/")
    login = page.get_by_role("button", name="Inloggen")
    login.wait_for()
    findings = {"aanmelden": axe_findings(page)}
    login.click()
    page.get_by_role("link", name="Methoden").first.click()
    findings["overzicht"] = axe_findings(page)
    page.locator("a[href='#/collections/methods/new']", has_text="Methode").click()  # "＋ Methode"
    page.get_by_label("Id (korte naam)").wait_for()
    findings["formulier"] = axe_findings(page)

    # A required field left empty: the form refuses to save and says so in Dutch, at the field.
    page.get_by_label("Naam", exact=True).fill("Buurtgesprek op proef")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Oeps, sommige verplichte velden zijn niet ingevuld.").wait_for()
    field_errors = page.locator("ul[class*=ControlErrors] li").all_text_contents()
    assert "Id (korte naam) is vereist." in field_errors, field_errors
    assert "Samenvatting is vereist." in field_errors and "Naam is vereist." not in field_errors, field_errors
    assert BRANCH not in git(repository, "branch", "--list").stdout, "an incomplete form was saved"

    page.get_by_label("Id (korte naam)").fill(NEW_ID)
    page.get_by_label("Samenvatting", exact=True).first.fill("Bewoners praten samen over wat hun straat nodig heeft.")
    markdown = page.locator("[aria-label='markdown field']").filter(
        has=page.locator("label", has_text=re.compile("^Beschrijving$")))
    markdown.get_by_role("switch").click()  # from "Rijke tekst" to "Markdown"
    markdown.get_by_role("textbox").click()
    page.keyboard.type("Een **gesprek** in de buurt, op een vaste avond.")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.type("Iedereen uit de straat mag komen.")
    select(page, "Soort", "Methode")
    select(page, "Treden van de participatieladder", "Raadplegen")
    select(page, "Rollen van de overheid", "Faciliteren")
    select(page, "Domein", "Sociaal")
    select(page, "Soort participatie", "Maatschappelijke participatie")
    select(page, "Niveau", "Collectief")
    select(page, "Fasen", "Voorbereiding", "Uitvoering")
    select(page, "Doelgroepen", "Bewoners")
    select(page, "Bronnen", "arnstein1969ladder")
    # A new record is a concept: no expert has checked it yet, so no review date or reviewer.
    select(page, "Status", "Concept")
    # After a save Decap reads the proposal back (persistEntry, unpublishedEntry, then the file itself).
    # decap-server checks a proposal's branch out to read or write it and returns to main before it
    # answers, so with the answer to that last read the repository is at rest.
    def read_back(response) -> bool:  # noqa: ANN001 - Playwright's Response
        body = response.request.post_data or ""
        return '"action":"unpublishedEntryDataFile"' in body and f'"{FILE}"' in body

    try:
        with page.expect_response(read_back, timeout=20_000):
            page.get_by_role("button", name="Opslaan").click()
            page.get_by_text("Item opgeslagen").wait_for(timeout=20_000)  # Decap's Dutch confirmation
    except Exception:
        raise AssertionError(f"not saved: {page.locator('ul[class*=ControlErrors] li').all_text_contents()}") from None
    context.close()

    # The save is a proposal: a branch of its own; the main branch is untouched.
    assert git(repository, "rev-parse", "--abbrev-ref", "HEAD").stdout.strip() == "main"
    assert BRANCH in git(repository, "branch", "--list").stdout, "the save made no proposal branch"
    assert git(repository, "status", "--porcelain").stdout == "", "the editor wrote into the main branch"
    assert not (repository / FILE).exists()
    text = git(repository, "show", f"{BRANCH}:{FILE}").stdout
    assert text, f"{FILE} missing on {BRANCH}"

    # Written like a hand-written record: the schema line on top, keys in the schema's order, lists
    # of ids on one line, the description as a block, the typed Markdown kept as typed.
    schema = json.loads((ROOT / "data/schema/method.schema.json").read_text(encoding="utf-8"))
    record = yaml.safe_load(text)
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/method.schema.json"
    assert list(record) == [name for name in schema["properties"] if name in record], text
    assert re.search(r"^phases: \[voorbereiding, uitvoering\]$", text, re.M), text
    hand_written = (ROOT / "data/methods/wijkbudget.yaml").read_text(encoding="utf-8")
    assert re.search(r"^rungs: \[[a-z-]+(, [a-z-]+)*\]$", hand_written, re.M), "the reference file changed style"
    assert re.search(r"^rungs: \[raadplegen\]$", text, re.M), text
    assert record["description"] == ("Een **gesprek** in de buurt, op een vaste avond.\n\n"
                                     "Iedereen uit de straat mag komen.")
    assert record["status"] == "concept" and record["sources"] == ["arnstein1969ladder"]
    assert "reviewed" not in record and "reviewer" not in record

    # What the checks on a pull request run: `controleer` on the proposal passes.
    checkout = repository.parent / "voorstel"
    assert git(repository, "worktree", "add", "-q", str(checkout), BRANCH).returncode == 0
    result = subprocess.run([sys.executable, "-m", "scripts.wijkengids", "controleer", "--data", str(checkout / "data")],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr

    # No request left the site (the local backend answers at the site's own address).
    assert [u for u in requests if urlparse(u).netloc != own and not u.startswith(("data:", "blob:"))] == []
    # The only failures are the backend saying "no proposal yet" for the new record, which Chromium
    # logs as a failed resource; nothing else went wrong in the page.
    assert all(status == 404 and '"action":"unpublishedEntry"' in body for status, body in failed), failed
    assert [e for e in errors if not e.startswith("Failed to load resource: the server responded with a status "
                                                  "of 404")] == [], errors

    report("axe-core in Decap CMS (serious/critical): "
           + "; ".join(f"{where}: {', '.join(sorted({f[1] for f in found})) or 'none'}"
                       for where, found in findings.items()))
    unknown = [f"{where}: {impact} {rule}: {text}" for where, found in findings.items()
               for impact, rule, text in found if rule not in DECAP_KNOWN]
    assert unknown == [], "\n".join(unknown)
