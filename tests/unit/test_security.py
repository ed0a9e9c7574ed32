"""Curator text is data: it cannot add markup, script or a link to a dangerous scheme, and a template
in it is shown, never run. YAML tags and anchors (alias bombs) are refused.

Three layers, each tested on its own:
1. validation refuses the attempt with file:line: field (``load_dataset``);
2. rendering neutralises it even when validation is bypassed (``markdown_html``);
3. text that passes validation (quotes, entities, braces) comes out of a real build as text, in
   every place the theme puts it: <title>, <meta content>, the header, the search index.
And the real site has no inline script or event handler, so it runs under the Content-Security-Policy
of docs/publiceren.md (tests/browser/conftest.py serves every page with it).
"""
from __future__ import annotations

import gzip
import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.dataset import load_dataset
from macros.render import markdown_html
from tests.browser.conftest import CSP
from tests.conftest import FIXTURE_DATA, ROOT, build_site, fixture_project

METHOD = "data/methods/burgerpanel.yaml"
DESCRIPTION_LINE = 6  # 'description: |' in the fixture's burgerpanel.yaml; its text starts on the next line


def set_field(data_dir: Path, field: str, value: str) -> None:
    """Replace one top-level field of the fixture method with a block scalar holding `value` verbatim."""
    path = data_dir / "methods" / "burgerpanel.yaml"
    text = path.read_text(encoding="utf-8")
    block = f"{field}: |\n" + "".join(f"  {line}\n" if line else "\n" for line in value.split("\n"))
    pattern = re.compile(rf"^{field}:.*\n(?:[ ].*\n|\n(?=[ ]))*", re.M)
    assert pattern.search(text), f"fixture has no {field}"
    path.write_text(pattern.sub(lambda _: block, text, count=1), encoding="utf-8")


def errors(data_dir: Path) -> list[str]:
    return [str(p) for p in load_dataset(data_dir, data_dir.parent).problems.errors]


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside <script> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_script = tag == "script"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def elements(markup: str) -> Elements:
    parser = Elements()
    parser.feed(markup)
    parser.close()
    return parser


def safe_href(url: str) -> bool:
    return url.lower().startswith(("http://", "https://", "mailto:", "doi:", "#", "../", "./")) or \
        not re.match(r"^[\w+.-]*:", url)


# --- 1. validation -------------------------------------------------------------------------------

REFUSED_MARKUP = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "tekst <img src=x onerror=alert(1) zonder sluitteken",
    '<a href="javascript:alert(1)">klik</a>',
    "<svg/onload=alert(1)>",
    "<iframe src=https://example.nl>",
    "<!-- verborgen -->",
    "<javascript:alert(1)>",
    "</p><p onclick=alert(1)>",
]

REFUSED_LINKS = [
    "[klik](javascript:alert(1))",
    "[klik]( JaVaScRiPt:alert(1))",
    "[klik](<javascript:alert(1)>)",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[klik](vbscript:msgbox(1))",
    "[klik](&#106;avascript:alert(1))",
    "[klik](//evil.example/pad)",
    "[klik](file:///etc/passwd)",
    "[klik](https://example.nl \"titel\") en [twee](javascript:alert(2))",
    "[klik][1]\n\n[1]: javascript:alert(1)",
    "[klik][1]\n\n[1]: <data:text/html,<script>alert(1)</script>>",
    "[klik][1]\n\n[1]:\n    javascript:alert(1)",
    "- punt met [klik][x]\n\n    [x]: javascript:alert(1)",
    "[klik][]\n\n[klik]: JAVASCRIPT:alert(1)",
    "![pixel](https://tracker.example/p.png)",
]

ALLOWED = [
    "[site](https://example.nl/pad?a=1&b=2#deel)",
    "[site](http://example.nl)",
    "[mail](mailto:info@example.nl)",
    "[artikel](doi:10.1080/01944366908977225)",
    "[haakjes](https://nl.wikipedia.org/wiki/Participatie_(politiek))",
    '[met titel](https://example.nl "Een titel")',
    "[ref][1]\n\n[1]: https://example.nl",
    "<https://example.nl/kort>",
    "a < b, kinderen <12 jaar en 3 > 2",
    "{{ config.site_name }} en {% include 'x' %} zijn gewone tekst",
]


@pytest.mark.parametrize("text", REFUSED_MARKUP)
@pytest.mark.parametrize("field", ["description", "summary"])
def test_markup_is_refused(data_dir: Path, field: str, text: str) -> None:
    set_field(data_dir, field, text)
    line = 6 if field == "description" else 5
    assert any(e.startswith(f"{METHOD}:{line}: {field}: bevat HTML (") for e in errors(data_dir)), errors(data_dir)


@pytest.mark.parametrize("text", REFUSED_LINKS)
def test_dangerous_links_are_refused(data_dir: Path, text: str) -> None:
    set_field(data_dir, "description", text)
    lines = range(DESCRIPTION_LINE, DESCRIPTION_LINE + 1 + text.count("\n") + 1)  # the field line or a text line
    found = [e for e in errors(data_dir) if any(e.startswith(f"{METHOD}:{n}: description: ") for n in lines)]
    assert found and all(("niet toegestaan" in e) for e in found), errors(data_dir)


@pytest.mark.parametrize("text", ALLOWED)
def test_ordinary_text_and_safe_links_pass(data_dir: Path, text: str) -> None:
    set_field(data_dir, "description", text)
    assert errors(data_dir) == []


# --- 2. rendering, with validation bypassed ---------------------------------------------------------

@pytest.mark.parametrize("text", REFUSED_MARKUP + REFUSED_LINKS)
def test_rendering_neutralises_what_validation_would_refuse(text: str) -> None:
    out = str(markdown_html(text))
    found = elements(out)
    tags = [tag for tag, _ in found.tags]
    assert not {"script", "img", "svg", "iframe"} & set(tags), out
    assert [a for _, attrs in found.tags for a in attrs if a.startswith("on")] == [], out
    assert [attrs["href"] for _, attrs in found.tags if "href" in attrs and not safe_href(attrs["href"])] == [], out
    assert "<!--" not in out


def test_link_titles_cannot_break_out_of_their_attribute() -> None:
    found = elements(str(markdown_html('[x](https://example.nl "t\\" onmouseover=\\"alert(1)")')))
    (tag, attrs), = [(t, a) for t, a in found.tags if t == "a"]
    assert set(attrs) <= {"href", "title"} and attrs["href"] == "https://example.nl"


# --- 3. a real build with text that passes validation ---------------------------------------------

NAME = 'P" onmouseover="alert(1)" {: onclick=alert(4) } &lt;img onerror=alert(2)&gt; {{ 7*7 }}_x_'
SUMMARY = '0;url=https://evil.example/" http-equiv="refresh'
ALIAS = "x' onfocus='alert(6)"
FIXTURE_REVIEWER = '"A. Voorbeeld, deskundige bewonersparticipatie (fictief)"'
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
            if tag == "meta" and "http-equiv" in attrs:
                problems.append(f"{where}: <meta http-equiv={attrs['http-equiv']!r}>")
        problems += [f"{where}: script text {s[:60]!r}" for s in found.scripts if "alert(" in s]
    assert problems == [], "\n".join(problems)


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


# --- YAML tags and anchors ----------------------------------------------------------------------------

@pytest.mark.parametrize("value,shown", [
    ("!include ../../geheim.yaml", "!include"),
    ('!!python/object/apply:os.system ["touch /tmp/wijkengids-pwned"]', "!!python/object/apply:os.system"),
    ("!!python/name:os.system", "!!python/name:os.system"),
    ("!!binary aGVsbG8=", "!!binary"),
    ("!!timestamp 2024-01-01", "!!timestamp"),
    ("!!int '7'", "!!int"),
    ("!ENV [HOME]", "!ENV"),
])
def test_yaml_tags_are_refused(data_dir: Path, value: str, shown: str) -> None:
    path = data_dir / "methods" / "burgerpanel.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        f"reviewer: {FIXTURE_REVIEWER}", f"reviewer: {value}"), encoding="utf-8")
    assert f"{METHOD}:21: reviewer: label '{shown}' is niet toegestaan" in "\n".join(errors(data_dir))
    assert not Path("/tmp/wijkengids-pwned").exists()


def test_a_string_tag_is_just_text(data_dir: Path) -> None:
    path = data_dir / "methods" / "burgerpanel.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: Burgerpanel", "name: !!str 010"),
                    encoding="utf-8")
    data = load_dataset(data_dir, data_dir.parent)
    assert data.problems.errors == [] and data.methods["burgerpanel"]["name"] == "010"


@pytest.mark.parametrize("lines,expected", [
    ("costs: &kosten {time: Een avond}\n", "1: costs: anker '&kosten' is niet toegestaan"),
    ("costs: {time: *tijd}\n", "1: costs.time: verwijzing '*tijd' is niet toegestaan"),
    ("costs:\n  <<: *basis\n", "2: costs.<<: verwijzing '*basis' is niet toegestaan"),
])
def test_anchors_and_aliases_are_refused(data_dir: Path, lines: str, expected: str) -> None:
    path = data_dir / "methods" / "burgerpanel.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + lines, encoding="utf-8")
    offset, _, message = expected.partition(":")  # line of the problem after the file's last line
    assert f"{METHOD}:{len(text.splitlines()) + int(offset)}:{message}" in "\n".join(errors(data_dir))


def test_a_billion_laughs_is_refused_at_once(data_dir: Path) -> None:
    bomb = ['a: &a ["ha","ha","ha","ha","ha","ha","ha","ha","ha"]']
    bomb += [f"{c}: &{c} [" + ",".join([f"*{chr(ord(c) - 1)}"] * 9) + "]" for c in "bcdefghij"]
    (data_dir / "glossary.yaml").write_text("- " + "\n  ".join(bomb) + "\n", encoding="utf-8")
    # Anchors are refused before any alias is expanded, so the bomb never grows (speed is make bench's job).
    found = errors(data_dir)
    assert "data/glossary.yaml:1: [1].a: anker '&a' is niet toegestaan" in "\n".join(found)


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
            if tag == "script" and "src" not in attrs and attrs.get("type") != "application/json":
                problems.append(f"{where}: inline <script>")
            problems += [f"{where}: <{tag} {a}=…>" for a in attrs if a.startswith("on")]
            problems += [f"{where}: <{tag} {a}={v[:40]!r}>" for a, v in attrs.items()
                         if a in ("href", "src", "action", "formaction") and v.strip().lower().startswith(
                             ("javascript:", "data:", "vbscript:"))]
    assert problems == [], "\n".join(problems[:40])


def test_the_csp_in_the_docs_is_the_one_the_tests_serve() -> None:
    docs = (ROOT / "docs" / "publiceren.md").read_text(encoding="utf-8")
    assert docs.count(CSP) >= 3, "docs/publiceren.md shows the tested CSP (header, nginx, assets)"
