"""Curator text that passes validation (quotes, entities, braces) comes out of a real build as text, in
every place the theme puts it: <title>, <meta content>, the header, the search index; and the real site has
no inline script or event handler, so it runs under the Content-Security-Policy of docs/publiceren.md.
(Moved from tests/unit/test_security.py, which holds the validation and rendering layers.)
"""
from __future__ import annotations

import gzip
import html
import json
import re
import shutil
from pathlib import Path

import pytest

from macros.data.dataset import load_dataset
from tests.support import CSP, FIXTURE_DATA, build_site, fixture_project
from tests.unit.test_security import elements

# --- 3. a real build with text that passes validation ---------------------------------------------

NAME = 'P" onmouseover="alert(1)" {: onclick=alert(4) } &lt;img onerror=alert(2)&gt; {{ 7*7 }}_x_'
SUMMARY = '0;url=https://evil.example/" http-equiv="refresh'
ALIAS = "x' onfocus='alert(6)"
REVIEWER = 'Jan" onmouseover="alert(9), deskundige'
DEFINITION = 'Iets " onmouseover="alert(10)" &#60;script&#62;alert(11)&#60;/script&#62;'
DESCRIPTION = ('Tekst met {{ config.site_name }} en {{ cite("arnstein1969") }} en {% raw %}x{% endraw %}, '
               'over het Aanvalspanel.\n\nAlinea met *nadruk*.\n{: onclick=alert(5) }\n\n'
               '[link](https://example.nl/?a=1&b=2 "t\\" onmouseover=\\"alert(7)")')

PAYLOAD_METHOD = f"""id: aanval
name: {json.dumps(NAME)}
aliases: [{json.dumps(ALIAS)}]
summary: {json.dumps(SUMMARY)}
description: {json.dumps(DESCRIPTION)}
rungs: [adviseren]
roles: [regisseren]
domain: beide
types: [beleidsparticipatie]
levels: [beleid]
phases: [voorbereiding]
target_groups: [bewoners]
costs: {{time: "Een avond\\" onmouseover=\\"alert(8)", people: "a < b en c > d"}}
sources: [arnstein1969]
status: beoordeeld
kind: organisatie
who_does_what: {{bewoners: [Niets.]}}
reviewed: 2026-11-01
reviewer: {json.dumps(REVIEWER)}
"""
PAYLOAD_TERM = f"""- id: aanvalspanel
  term: Aanvalspanel
  definition: {json.dumps(DEFINITION)}
  sources: [arnstein1969]
"""


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("payload")
    data = root / "data"
    shutil.copytree(FIXTURE_DATA, data, symlinks=False)
    (data / "methods" / "aanval.yaml").write_text(PAYLOAD_METHOD, encoding="utf-8")
    glossary = data / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + PAYLOAD_TERM, encoding="utf-8")
    loaded = load_dataset(data, root)
    assert loaded.problems.errors == [], "the payloads are meant to pass validation: " + loaded.problems.report()
    mp = pytest.MonkeyPatch()
    mp.setenv("WIJKENGIDS_DATA", str(data))
    try:
        result = build_site(root / "site", project=fixture_project(root / "project"))
    finally:
        mp.undo()
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return root / "site"


def page_text(markup: str, tag: str) -> list[str]:
    """The decoded text of every <tag> element (one level, enough for h1/title/span)."""
    return [html.unescape(re.sub(r"<[^>]+>", "", m)).strip()
            for m in re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", markup, re.S)]


EDITOR_PAGE = "redactie/bewerken/index.html"


def test_payloads_never_become_markup_anywhere(payload_site: Path) -> None:
    problems = []
    for page in sorted(payload_site.rglob("*.html")):
        found = elements(page.read_text(encoding="utf-8"))
        where = page.relative_to(payload_site)
        for tag, attrs in found.tags:
            problems += [f"{where}: <{tag} {a}=…>" for a in attrs if a.startswith("on")]
            # Text may sit in a text-holding attribute (escaped); anywhere else it would be a breakout.
            problems += [f"{where}: <{tag} {a}={v!r}>" for a, v in attrs.items()
                         if a not in ("content", "title", "aria-label", "alt", "value") and not a.startswith("data-")
                         and ("alert(" in v or "evil.example" in v)]
            # The one http-equiv the site writes itself: the web editor's own, stricter-than-host CSP.
            own_policy = str(where) == EDITOR_PAGE and attrs.get("http-equiv") == "Content-Security-Policy"
            if tag == "meta" and "http-equiv" in attrs and not own_policy:
                problems.append(f"{where}: <meta http-equiv={attrs['http-equiv']!r}>")
        problems += [f"{where}: script text {s[:60]!r}" for s in found.scripts if "alert(" in s and breaks_out(s)]
    assert problems == [], "\n".join(problems)
    # The structured data holds the name exactly as typed (macros/site/structured_data.py).
    markup = (payload_site / "methoden" / "aanval" / "index.html").read_text(encoding="utf-8")
    assert json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', markup, re.S).group(1))["name"] == NAME


def breaks_out(script: str) -> bool:
    """Curator text may stand in a JSON data block (structured data, Mijn leeslijst's exports) as a JSON
    string with no '<' that could end the element; browsers never run a data block. In any other script
    the text would run."""
    try:
        json.loads(script)
    except ValueError:
        return True
    return "<" in script


def test_every_place_shows_the_text_as_typed(payload_site: Path) -> None:
    markup = (payload_site / "methoden" / "aanval" / "index.html").read_text(encoding="utf-8")
    assert page_text(markup, "title") == [f"{NAME} - Wijkengids"]
    assert page_text(markup, "h1") == [NAME]
    found = elements(markup)
    descriptions = [a["content"] for t, a in found.tags if t == "meta" and a.get("name") == "description"]
    assert descriptions == [SUMMARY]
    assert NAME in page_text(markup, "span"), "the header shows the name as text"
    visible = html.unescape(re.sub(r"<[^>]+>", " ", markup))
    for typed in (SUMMARY, ALIAS, REVIEWER, 'Een avond" onmouseover="alert(8)', "a < b en c > d"):
        assert typed in visible, f"{typed!r} not shown as typed"
    term_links = [a for t, a in found.tags if t == "a" and "wg-term" in a.get("class", "")]
    assert [a["title"] for a in term_links] == [DEFINITION], "the glossary tooltip holds the definition as text"


def test_templates_in_data_are_shown_never_run(payload_site: Path) -> None:
    markup = (payload_site / "methoden" / "aanval" / "index.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in page_text(markup, "h1")[0]
    paragraph, = [p for p in page_text(markup, "p") if p.startswith("Tekst met")]
    assert paragraph.startswith('Tekst met {{ config.site_name }} en {{ cite("arnstein1969") }} en '
                                '{% raw %}x{% endraw %}, over het Aanvalspanel.')


def test_the_search_index_holds_text_not_markup(payload_site: Path) -> None:
    """Pagefind's index (pagefind/fragment/) holds the payload page's title and text as plain text, as
    typed; the search dialog (docs/assets/js/zoeken.js) puts titles in as text and excerpts as text
    with <mark> only. Material's lunr index on the server is cut down to its settings: no page text."""
    fragments = [json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
                 for path in sorted((payload_site / "pagefind" / "fragment").glob("*.pf_fragment"))]
    entry = next((f for f in fragments if f["url"] == "/methoden/aanval/"), None)
    assert entry, "the payload page is in the search index"
    assert entry["meta"]["title"] == NAME
    for typed in (SUMMARY, ALIAS):
        assert typed in entry["content"], f"{typed!r} not indexed as typed"
    assert json.loads((payload_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"] == []


# --- the real site runs under the Content-Security-Policy ----------------------------------------------

def test_the_real_site_has_no_inline_script_or_event_handler(built_site: Path) -> None:
    """script-src 'self' (docs/publiceren.md) blocks inline scripts and on…= handlers: there are none. Besides
    the site's own files it allows exactly one thing: starting WebAssembly (Pagefind's search), no eval."""
    assert CSP.split("script-src", 1)[1].split(";")[0].split() == ["'self'", "'wasm-unsafe-eval'"]
    problems = []
    for page in sorted(built_site.rglob("*.html")):
        found = elements(page.read_text(encoding="utf-8"))
        where = page.relative_to(built_site)
        for tag, attrs in found.tags:
            # Data blocks (JSON, and structured data as JSON-LD) are never run, so script-src does not apply.
            if tag == "script" and "src" not in attrs and attrs.get("type") not in ("application/json", "application/ld+json"):
                problems.append(f"{where}: inline <script>")
            problems += [f"{where}: <{tag} {a}=…>" for a in attrs if a.startswith("on")]
            problems += [f"{where}: <{tag} {a}={v[:40]!r}>" for a, v in attrs.items()
                         if a in ("href", "src", "action", "formaction") and v.strip().lower().startswith(
                             ("javascript:", "data:", "vbscript:"))]
    assert problems == [], "\n".join(problems[:40])
