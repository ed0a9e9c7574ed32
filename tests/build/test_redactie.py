"""What readers and curators see of the editorial route on the real site: code blocks that are code blocks,
a correction link on every record page, and 'Wat is er nieuw' as a page and an Atom feed."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import yaml

from macros.site.context import configured
from tests.support import ROOT

A = "{http://www.w3.org/2005/Atom}"


class _Text(HTMLParser):
    """The text of every <p> and <li> outside <pre>/<code>, and every link."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self.links: list[dict[str, str | None]] = []
        self._open: list[list[str]] = []
        self._code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "li"):
            self._open.append([])
        elif tag in ("pre", "code"):
            self._code += 1
        elif tag == "a":
            self.links.append(dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "li") and self._open:
            self.blocks.append("".join(self._open.pop()))
        elif tag in ("pre", "code"):
            self._code -= 1

    def handle_data(self, data: str) -> None:
        if self._open and not self._code:
            self._open[-1].append(data)


def read(path: Path) -> _Text:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def config() -> dict:
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: loader.construct_sequence(node)[-1]
                                 if isinstance(node, yaml.SequenceNode) else loader.construct_scalar(node))
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


# A fence Markdown did not read ("```sh" kept as text, or its info word glued to the first command), or a
# numbered step run into the paragraph before it ("… opslaat.\n3. Een teksteditor").
_FENCE_AS_TEXT = re.compile(r"```|^(?:sh|text|yaml|bibtex|json|console) \S", re.M)
_SWALLOWED_STEP = re.compile(r"\n\s*\d{1,2}\. \S")


def test_no_fenced_block_renders_as_text_on_any_page(built_site: Path) -> None:
    wrong = []
    for page in sorted(built_site.rglob("*.html")):
        for block in read(page).blocks:
            if _FENCE_AS_TEXT.search(block.strip()) or _SWALLOWED_STEP.search(block):
                wrong.append(f"{page.relative_to(built_site)}: {block.strip()[:100]!r}")
    assert wrong == [], "\n".join(wrong)


def test_the_curator_guide_shows_every_command_as_a_code_block(built_site: Path) -> None:
    source = (ROOT / "docs" / "redactie.md").read_text(encoding="utf-8")
    fences = re.findall(r"^[ \t]*```(\w+)", source, re.M)
    html = (built_site / "redactie" / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<pre[^>]*><code class="language-(\w+)"', html)
    assert fences and blocks == fences, "every ``` block of docs/redactie.md is a <pre><code> block, in order"


def test_every_record_page_says_how_to_report_a_mistake(built_site: Path, data) -> None:
    """By mail when mkdocs.yml has a real address; else one link to "Een fout melden", never to a placeholder."""
    address = configured(config()["extra"]["correction_email"])
    urls = [f"{folder}/{record_id}/" for folder, records in
            (("methoden", data.methods), ("praktijk", data.cases), ("checklists", data.checklists)) for record_id in records]
    assert len(urls) == len(data.methods) + len(data.cases) + len(data.checklists) > 0
    over = (built_site / "over" / "index.html").read_text(encoding="utf-8")
    assert 'id="fout-melden"' in over
    for url in urls:
        page = built_site / url / "index.html"
        parsed = read(page)
        html = page.read_text(encoding="utf-8")
        if not address:
            assert [link["href"] for link in parsed.links if "fout-melden" in (link.get("href") or "")] == \
                ["../../over/#fout-melden"], url
            assert "mailto:" not in html, url
            continue
        mail = [link for link in parsed.links if (link.get("href") or "").startswith(f"mailto:{address}?subject=")]
        assert len(mail) == 1, f"{url}: one correction link"
        target = urlsplit(mail[0]["href"])
        fields = parse_qs(target.query)
        assert target.path == address
        assert fields["subject"][0].startswith("Correctie voor de Wijkengids: ")
        body = fields["body"][0]
        assert f"/{url}\r\n" in body and re.search(r"Record: data/\w+/[\w-]+\.yaml", body), body
        # the data file is a small line for the curators, after the correction link and at the end
        assert html.index("mailto:") < html.index("Voor de redactie:") and html.index("Voor de redactie:") > \
               html.rfind("</h2>"), url
        assert "Bekijk of wijzig de gegevens" not in html


_LINK = re.compile(r"""(?:href|src|action|content)\s*=\s*["']([^"']*)["']""", re.I)


def test_no_page_links_to_a_placeholder_address(built_site: Path) -> None:
    """The default configuration (mkdocs.yml as it is) has no real repository or correction address: then
    no edit link, no repository link and no mailto: may point at an example such as JOUW-… or ….invalid."""
    wrong = []
    for path in sorted(built_site.rglob("*")):
        if path.suffix in (".html", ".xml", ".json", ".txt") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            wrong += [f"{path.relative_to(built_site)}: {url}" for url in _LINK.findall(text)
                      if "JOUW-" in url or ".invalid" in url.casefold()]
            if path.suffix == ".xml" or path.suffix == ".json":
                wrong += [f"{path.relative_to(built_site)}: {m}" for m in re.findall(r"\S*(?:JOUW-|\.invalid)\S*", text)]
    assert wrong == [], "\n".join(wrong[:20])
    if not configured(config().get("repo_url")):
        home = (built_site / "index.html").read_text(encoding="utf-8")
        assert 'class="md-source"' not in home and 'rel="edit"' not in home


def test_whats_new_is_an_atom_feed_linked_from_the_home_page(built_site: Path) -> None:
    home = read(built_site / "index.html")
    assert any(link.get("href") == "nieuw/" for link in home.links), "the home page links to Wat is er nieuw"
    page = (built_site / "nieuw" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in page and 'href="../nieuw.xml"' in page
    assert 'rel="alternate feed" type="application/atom+xml"' in (built_site / "index.html").read_text(encoding="utf-8")

    feed = ET.parse(built_site / "nieuw.xml").getroot()
    assert feed.tag == f"{A}feed"
    for required in ("id", "title", "updated"):
        assert (feed.findtext(f"{A}{required}") or "").strip(), f"feed without {required}"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", feed.findtext(f"{A}updated"))
    assert feed.find(f"{A}author/{A}name") is not None
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{A}link")}
    assert links["self"].endswith("/nieuw.xml") and links["alternate"].endswith("/nieuw/")
    for entry in feed.findall(f"{A}entry"):
        for required in ("id", "title", "updated"):
            assert (entry.findtext(f"{A}{required}") or "").strip()
        href = entry.find(f"{A}link").get("href")
        path = urlsplit(href).path.lstrip("/")
        assert (built_site / path / "index.html").exists(), f"entry links to a missing page: {href}"
    # newest first, and the page shows the same events
    stamps = [entry.findtext(f"{A}updated") for entry in feed.findall(f"{A}entry")]
    assert stamps == sorted(stamps, reverse=True)
    assert page.count("<li><time datetime=") >= len(stamps)
