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

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.data.dataset import load_dataset
from macros.site.render import markdown_html
from tests.support import CSP, ROOT

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


FIXTURE_REVIEWER = '"A. Voorbeeld, deskundige bewonersparticipatie (fictief)"'


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

def test_the_csp_in_the_docs_is_the_one_the_tests_serve() -> None:
    docs = (ROOT / "docs" / "publiceren.md").read_text(encoding="utf-8")
    assert docs.count(CSP) >= 3, "docs/publiceren.md shows the tested CSP (header, nginx, assets)"
