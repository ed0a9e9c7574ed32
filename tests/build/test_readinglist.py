"""The reading list on the built site: every entry once with its anchor, grouped by theme, every
citation link on every page landing on an entry, "genoemd bij" leading back, and downloads that
parse back into the same entries. Expectations come from the data, never from fixed counts.
"""
from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import bibtexparser
import pytest

from macros import bibliography
from macros.data.cited_by import cited_keys, handwritten_pages, page_title, page_url
from macros.data.dataset import OTHER_THEME
from tests.html_tree import Node, parse
from tests.support import FIXTURE_DATA, ROOT, build_site, fixture_project

# --- reading built HTML ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def reading_list_page(built_site: Path) -> Node:
    return parse(built_site / "leeslijst" / "index.html")


def read_ris(text: str) -> list[dict[str, list[str]]]:
    """A small RIS reader: 'TAG  - value' lines; 'ER  - ' closes a record."""
    records: list[dict[str, list[str]]] = []
    current: dict[str, list[str]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        tag, separator, value = line.partition("  - ")
        if not separator:
            tag, separator, value = line.rstrip().partition("  -")
        assert separator and len(tag) == 2 and tag.isalnum(), f"line {number} is not RIS: {line!r}"
        if tag == "ER":
            assert current.get("TY"), f"record ending on line {number} has no TY"
            records.append(current)
            current = {}
        else:
            assert current or tag == "TY", f"line {number}: a record must start with TY"
            current.setdefault(tag, []).append(value)
    assert not current, "the last record is not closed with 'ER  - '"
    return records


# --- the page ----------------------------------------------------------------------------------

def test_every_entry_appears_once_with_its_anchor(reading_list_page: Node, data) -> None:
    keys = data.bibliography.keys()
    assert keys, "the reading list is empty"
    ids = [n.attrs["id"] for n in reading_list_page.walk() if "id" in n.attrs]
    entries = reading_list_page.find_all("li", "wg-ll__entry")
    assert sorted(n.attrs["id"] for n in entries) == sorted(keys)
    for entry in data.bibliography:
        assert ids.count(entry.key) == 1, f"anchor #{entry.key} is not unique on /leeslijst/"
        node = next(n for n in entries if n.attrs["id"] == entry.key)
        text = " ".join(node.all_text().split())
        assert " ".join(entry.title.split()) in text, f"{entry.key}: title missing"
        assert entry.year_label in text, f"{entry.key}: year missing"
        link = entry.get("doi") and f"https://doi.org/{entry.get('doi')}" or entry.get("url")
        if link:
            assert link in [a.attrs.get("href") for a in node.find_all("a")], f"{entry.key}: no link to {link}"
        if entry.lang == "en":
            assert any(n.attrs.get("lang") == "en" for n in node.walk()), f"{entry.key}: English title without lang"


def test_entries_are_listed_under_each_of_their_themes(reading_list_page: Node, data) -> None:
    groups = {n.attrs["data-theme"]: n for n in reading_list_page.find_all("section", "wg-ll__group")}
    expected: dict[str, set[str]] = {}
    for entry in data.bibliography:
        for theme in [t.id for t in data.themes_of(entry)] or [OTHER_THEME]:
            expected.setdefault(theme, set()).add(entry.key)
    assert set(groups) == set(expected), "a theme with entries has no group, or an empty group is shown"
    order = [t.id for t in data.themes if t.id in expected] + ([OTHER_THEME] if OTHER_THEME in expected else [])
    assert list(groups) == order, "groups must follow data/themes.yaml"
    for theme, node in groups.items():
        full = {n.attrs["id"] for n in node.find_all("li", "wg-ll__entry")}
        refs = {n.attrs["data-ref"] for n in node.find_all("li", "wg-ll__elsewhere")}
        assert full | refs == expected[theme], f"theme {theme}: wrong entries"
        assert not full & refs
        heading = node.find_all("h2")[0]
        assert heading.attrs["id"] == f"thema-{theme}"
        for key in refs:  # a short reference links to the full entry
            ref = next(n for n in node.find_all("li", "wg-ll__elsewhere") if n.attrs["data-ref"] == key)
            assert ref.find_all("a")[0].attrs["href"] == f"#{key}"


def test_every_entry_has_a_theme(data) -> None:
    """New entries need a keyword from data/themes.yaml; otherwise they land under 'Overig'."""
    assert data.themes, "data/themes.yaml is missing or empty"
    lost = [f"{e.key} (regel {e.line})" for e in data.bibliography if not data.themes_of(e)]
    assert lost == [], "no theme for: " + ", ".join(lost) + " - add a keyword from data/themes.yaml"


def test_filters_are_hidden_without_javascript(reading_list_page: Node) -> None:
    tools = reading_list_page.find_all("div", "wg-ll__tools")
    assert len(tools) == 1 and "hidden" in tools[0].attrs
    assert tools[0].find_all("form") and tools[0].find_all(cls="wg-ll__count")[0].attrs.get("aria-live") == "polite"


# --- citation links on every page ---------------------------------------------------------------

def _links(page: Node) -> list[tuple[str, bool]]:
    return [(a.attrs["href"], "wg-cite" in a.classes) for a in page.find_all("a") if a.attrs.get("href")]


def test_every_citation_link_lands_on_an_entry(built_site: Path, reading_list_page: Node, data) -> None:
    anchors = {n.attrs["id"] for n in reading_list_page.find_all("li", "wg-ll__entry")}
    target = (built_site / "leeslijst" / "index.html").resolve()
    checked, problems = 0, []
    for path in sorted(built_site.rglob("*.html")):
        url = "http://site/" + path.relative_to(built_site).as_posix()
        for href, is_cite in _links(parse(path)):
            if not (is_cite or "leeslijst/#" in href):
                continue
            resolved = urlparse(urljoin(url, href))
            file = built_site / unquote(resolved.path).lstrip("/")
            file = file / "index.html" if file.is_dir() or not file.suffix else file
            checked += 1
            if file.resolve() != target or resolved.fragment not in anchors:
                problems.append(f"{path.relative_to(built_site)}: {href}")
    cited = sum(1 for record in data.all_records() for _ in record["sources"])
    assert checked >= cited, f"only {checked} citation links found; the records alone cite {cited} times"
    assert problems == [], "\n".join(problems[:30])


def test_genoemd_bij_leads_back_to_every_citing_record(built_site: Path, reading_list_page: Node, data) -> None:
    folders = {"method": "methoden", "case": "praktijk", "checklist": "checklists"}
    entries = {n.attrs["id"]: n for n in reading_list_page.find_all("li", "wg-ll__entry")}
    base = "http://site/leeslijst/index.html"
    missing = []
    for record in data.all_records():
        keys = [s["key"] if isinstance(s, dict) else s for s in record["sources"]]
        keys += [s["key"] if isinstance(s, dict) else s for item in record.get("items") or [] for s in item["sources"]]
        page = f"/{folders[record.kind]}/{record.id}/"
        for key in keys:
            back = [urlparse(urljoin(base, a.attrs["href"])) for a in entries[key].find_all("a")]
            if not any(link.path == page for link in back):
                missing.append(f"{key} -> {page}")
                continue
            fragment = next(link.fragment for link in back if link.path == page)
            target = parse(built_site / page.strip("/") / "index.html")
            assert fragment in {n.attrs.get("id") for n in target.walk()}, f"{key}: #{fragment} not on {page}"
    for rung in data.rungs + data.roles:
        for source in rung["sources"]:
            key = source["key"] if isinstance(source, dict) else source
            if not any(urlparse(urljoin(base, a.attrs["href"])).path == f"/ladder/{rung.id}/"
                       for a in entries[key].find_all("a")):
                missing.append(f"{key} -> /ladder/{rung.id}/")
    for event in data.timeline:
        for source in event["sources"]:
            key = source["key"] if isinstance(source, dict) else source
            if f"../tijdlijn/#{event.id}" not in [a.attrs["href"] for a in entries[key].find_all("a")]:
                missing.append(f"{key} -> tijdlijn #{event.id}")
    for term in data.glossary:
        for source in term["sources"]:
            key = source["key"] if isinstance(source, dict) else source
            if f"../begrippen/#{term.id}" not in [a.attrs["href"] for a in entries[key].find_all("a")]:
                missing.append(f"{key} -> begrippen #{term.id}")
    for page in handwritten_pages(ROOT / "docs"):  # hand-written pages that cite with {{ cite(...) }}
        for key in page.keys:
            if key in entries and f"../{page.url}" not in [a.attrs["href"] for a in entries[key].find_all("a")]:
                missing.append(f"{key} -> docs/{page.path}")
    assert missing == [], "\n".join(missing[:30])


# --- downloads ---------------------------------------------------------------------------------

def _download_links(page: Node) -> set[str]:
    return {urlparse(urljoin("http://site/leeslijst/", a.attrs["href"])).path
            for a in page.find_all("a") if "download" in a.attrs}


def check_downloads(folder: Path, stem: str, entries: list) -> None:
    keys = sorted(e.key for e in entries)
    bib = bibtexparser.parse_string((folder / f"{stem}.bib").read_text(encoding="utf-8"))
    assert bib.failed_blocks == [], f"{stem}.bib does not parse: {bib.failed_blocks[:1]}"
    assert sorted(e.key for e in bib.entries) == keys, f"{stem}.bib: other entries"
    text = (folder / f"{stem}.bib").read_text(encoding="utf-8")
    for entry in entries:  # the curators' own text, nothing rewritten but the editorial notes left out
        assert bibliography.public_bibtex(entry) in text, f"{stem}.bib: {entry.key} is not the original text"
        assert "redactienotitie" not in text
    ris = read_ris((folder / f"{stem}.ris").read_text(encoding="utf-8"))
    assert sorted(r["ID"][0] for r in ris) == keys, f"{stem}.ris: other entries"
    assert all(len(r["ID"]) == 1 and r.get("TI") for r in ris)
    csl = json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))
    assert isinstance(csl, list) and sorted(item["id"] for item in csl) == keys, f"{stem}.json: other entries"
    assert all(item.get("type") and item.get("title") for item in csl)


def test_whole_list_downloads_parse_back(built_site: Path, reading_list_page: Node, data) -> None:
    entries = list(data.bibliography)
    check_downloads(built_site / "leeslijst", "wijkengids", entries)
    links = _download_links(reading_list_page)
    assert {f"/leeslijst/wijkengids.{ext}" for ext in ("bib", "ris", "json")} <= links


def test_theme_downloads_hold_exactly_the_theme(built_site: Path, reading_list_page: Node, data) -> None:
    links = _download_links(reading_list_page)
    themes = [t.id for t in data.themes] + [OTHER_THEME]
    seen = 0
    for theme in themes:
        entries = [e for e in data.bibliography
                   if theme in ([t.id for t in data.themes_of(e)] or [OTHER_THEME])]
        files = [built_site / "leeslijst" / f"thema-{theme}.{ext}" for ext in ("bib", "ris", "json")]
        if not entries:
            assert not any(f.exists() for f in files), f"empty theme {theme} has downloads"
            continue
        seen += 1
        check_downloads(built_site / "leeslijst", f"thema-{theme}", entries)
        assert {f"/leeslijst/thema-{theme}.{ext}" for ext in ("bib", "ris", "json")} <= links
    assert seen, "no theme downloads at all"


# --- citations in hand-written pages (a small project of its own) ------------------------------

THEMES = """\
- id: ladders
  label: Ladders
  description: Over invloed van bewoners.
  keywords: [participatieladder]
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project copy built from the fixture data (plus a theme), so it does not depend on data/."""
    project = fixture_project(tmp_path / "project")
    shutil.rmtree(project / "data")
    shutil.copytree(FIXTURE_DATA, project / "data", symlinks=False)
    (project / "data" / "themes.yaml").write_text(THEMES, encoding="utf-8")
    bib = project / "data" / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace(
        "  langid  = {english}\n}", "  langid  = {english},\n  keywords = {participatieladder}\n}", 1), encoding="utf-8")
    return project


def _build(project: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("WIJKENGIDS_DATA", raising=False)
    out = project.parent / "site"
    return out, build_site(out, project=project)


def test_cite_in_a_handwritten_page_links_to_the_entry_and_back(project: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    page = project / "docs" / "bronnen-test.md"
    page.write_text(textwrap.dedent("""\
        ---
        title: Proefpagina met bronnen
        render_macros: true
        ---
        # Proefpagina

        Zie {{ cite("vanderlaan2019", pages="14") }}. {{ cite("arnstein1969", narrative=True) }} bedacht de ladder.
        """), encoding="utf-8")
    # A page outside the menu must say so, or the strict build stops (mkdocs.yml: validation.nav.omitted_files).
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("not_in_nav: |\n", "not_in_nav: |\n  /bronnen-test.md\n"),
                      encoding="utf-8")
    out, result = _build(project, monkeypatch)
    assert result.returncode == 0, result.stdout + result.stderr
    bib, _ = bibliography.load_bibliography(project / "data" / "references.bib", "references.bib")
    html = parse(out / "bronnen-test" / "index.html")
    cites = {a.attrs["href"]: " ".join(a.all_text().split()) for a in html.find_all("a", "wg-cite")}
    parenthetical = bibliography.cite_text(["vanderlaan2019"], pages="14", bibliography=bib)
    assert cites == {
        "../leeslijst/#vanderlaan2019": parenthetical.removeprefix("(").removesuffix(")"),  # brackets outside the link
        "../leeslijst/#arnstein1969": bibliography.cite_text(["arnstein1969"], narrative=True, bibliography=bib),
    }
    assert cites["../leeslijst/#vanderlaan2019"].endswith(", blz. 14")
    assert f"Zie {parenthetical}." in " ".join(html.find("article").reading_text().split())
    listing = parse(out / "leeslijst" / "index.html")
    entries = {n.attrs["id"]: n for n in listing.find_all("li", "wg-ll__entry")}
    assert {"vanderlaan2019", "arnstein1969"} <= set(entries)
    for key in ("vanderlaan2019", "arnstein1969"):
        back = {a.attrs["href"]: a.all_text() for a in entries[key].find_all("a")}
        assert back.get("../bronnen-test/") == "Proefpagina met bronnen", f"{key}: no way back to the page"
    # the theme from the test data, and the entries without one under 'Overig'
    assert [n.attrs["data-theme"] for n in listing.find_all("section", "wg-ll__group")] == ["ladders", OTHER_THEME]


def test_citing_a_missing_key_fails_the_build_with_file_and_line(project: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    lines = ["---", "title: Fout", "render_macros: true", "---", "# Fout", "",
             "Eerst een goede bron {{ cite(\"arnstein1969\") }}.", "",
             "Dan een bron die niet bestaat: {{ cite(\"bestaatniet2099\", pages=\"3\") }}."]
    (project / "docs" / "fout.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out, result = _build(project, monkeypatch)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/fout.md:9" in output, output[-2000:]
    assert "bestaatniet2099" in output


# --- the pure helpers behind "genoemd bij" ------------------------------------------------------

def test_cited_keys_are_found_in_markdown_source() -> None:
    text = ('Zie {{ cite("a2020", pages="3") }} en {{ cite( \'b2021\' , "c.2022", narrative=True) }};\n'
            "[lijst](../leeslijst/index.md#d2019) en [ook](leeslijst/#e_2018). cite(\"a2020\") weer.")
    assert cited_keys(text) == ("a2020", "b2021", "c.2022", "d2019", "e_2018")


@pytest.mark.parametrize("rel,url", [("index.md", ""), ("over.md", "over/"), ("a/index.md", "a/"),
                                     ("a/b.md", "a/b/")])
def test_page_urls_follow_directory_urls(rel: str, url: str) -> None:
    assert page_url(rel) == url


def test_page_title_prefers_front_matter_then_heading() -> None:
    assert page_title("---\ntitle: \"Mijn titel\"\n---\n# Kop\n", "x.md") == "Mijn titel"
    assert page_title("---\nrender_macros: true\n---\n\n# De kop\n", "x.md") == "De kop"
    assert page_title("geen kop\n", "over-ons.md") == "Over ons"


def test_theme_labels_are_shown_as_written_in_headings() -> None:
    import markdown

    from macros.site.readinglist import md_text
    label = 'Wijk & buurt: *niet vet* [geen link](x) {#geen-id} <b>'
    html = markdown.markdown(f"## {md_text(label)} {{#thema-x}}", extensions=["attr_list"])
    assert html == '<h2 id="thema-x">Wijk &amp; buurt: *niet vet* [geen link](x) {#geen-id} &lt;b&gt;</h2>'
