"""The real site, built with --strict: a page per record, links both ways, no dead links."""
from __future__ import annotations

import ast
import gzip
import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from macros.site.context import Site, configured
from tests.support import ROOT, build_site


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"])


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_record_has_a_page(built_site: Path, data) -> None:
    for method in data.methods.values():
        page = built_site / "methoden" / method.id / "index.html"
        assert page.exists(), f"no page for method {method.id}"
        assert "<h1" in page.read_text(encoding="utf-8")
    for case in data.cases.values():
        assert (built_site / "praktijk" / case.id / "index.html").exists(), f"no page for case {case.id}"
    for checklist in data.checklists.values():
        assert (built_site / "checklists" / checklist.id / "index.html").exists()
    for rung in data.rungs + data.roles:
        assert (built_site / "ladder" / rung.id / "index.html").exists()


def test_overviews_list_every_record(built_site: Path, data) -> None:
    methods = (built_site / "methoden" / "index.html").read_text(encoding="utf-8")
    cases = (built_site / "praktijk" / "index.html").read_text(encoding="utf-8")
    for method in data.methods.values():
        assert f'href="{method.id}/"' in methods or f'href="../methoden/{method.id}/"' in methods
    for case in data.cases.values():
        assert f'href="{case.id}/"' in cases or f'href="../praktijk/{case.id}/"' in cases


def test_links_run_both_ways(built_site: Path, data) -> None:
    """A case names its methods; the method page lists the case. One source of truth, two directions."""
    assert data.cases, "no cases to check"
    for case in data.cases.values():
        case_html = (built_site / "praktijk" / case.id / "index.html").read_text(encoding="utf-8")
        for method_id in case["methods"]:
            assert f'href="../../methoden/{method_id}/"' in case_html
            method_html = (built_site / "methoden" / method_id / "index.html").read_text(encoding="utf-8")
            assert f'href="../../praktijk/{case.id}/"' in method_html, f"{method_id} does not list {case.id}"


def edit_base() -> str:
    """The edit address the session site was built with (mkdocs.yml and the environment, as macros/main.py reads
    them): '' when neither EDIT_BASE nor REPO_URL holds a real address."""
    repo = configured(os.environ.get("REPO_URL"))
    return configured(os.environ.get("EDIT_BASE")) or (f"{repo.rstrip('/')}/edit/main/" if repo else "")


def test_record_pages_show_sources_review_and_edit_link(built_site: Path, data) -> None:
    for record in list(data.methods.values()) + list(data.cases.values()):
        folder = "methoden" if record.kind == "method" else "praktijk"
        html = (built_site / folder / record.id / "index.html").read_text(encoding="utf-8")
        assert 'id="bronnen"' in html
        for source in record["sources"]:
            key = source["key"] if isinstance(source, dict) else source
            assert f'leeslijst/#{key}"' in html
        # The review state, in words: a concept says so; a reviewed record names date and person.
        state = "Concept:</strong> opgesteld door de redactie" if record["status"] == "concept" else "Beoordeeld</strong> op"
        assert 'class="wg-review' in html and state in html, record.path
        if edit_base():  # a repository is set: the edit link points at the YAML file
            assert re.search(rf'rel="edit"[^>]*|href="[^"]*{re.escape(record.path)}"', html)
            assert f'{record.path}"' in html, "edit link must point at the YAML file"
        else:  # none set (the default): the file is named, with no link to a repository that is not there
            assert f'<p class="wg-edit">Voor de redactie: de gegevens staan in {record.path}</p>' in html


def test_no_dead_internal_links_or_anchors(built_site: Path) -> None:
    pages = {p: parse(p) for p in built_site.rglob("*.html")}
    problems = []
    for page, links in sorted(pages.items()):
        url = "http://site/" + page.relative_to(built_site).as_posix()
        for href in links.hrefs:
            target = urlparse(urljoin(url, href))
            if target.netloc != "site" or target.scheme not in ("http", ""):
                continue
            path = built_site / unquote(target.path).lstrip("/")
            if path.is_dir() or not path.suffix:
                path = path / "index.html"
            if not path.exists():
                problems.append(f"{page.relative_to(built_site)}: dead link {href}")
            elif target.fragment and path.suffix == ".html" and target.fragment not in pages[path].ids:
                problems.append(f"{page.relative_to(built_site)}: missing anchor {href}")
    assert problems == [], "\n".join(problems[:40])


def test_the_data_layer_does_not_import_mkdocs() -> None:
    offenders = []
    modules = sorted((ROOT / "macros").rglob("*.py"))
    assert ROOT / "macros" / "data" / "dataset.py" in modules  # the walk reaches the packages
    for module in modules:
        if module == ROOT / "macros" / "main.py":  # the one adapter
            continue
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            offenders += [f"{module.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] in ("mkdocs", "mkdocs_macros", "material")]
    assert offenders == []


@pytest.mark.parametrize("file,old,new,expected", [
    ("methods/burgerpanel.yaml", "summary:", "sumary:", "data/methods/burgerpanel.yaml:5: sumary: onbekend veld"),
    ("methods/burgerpanel.yaml", "rungs: [adviseren]", "rungs: [meepraten]",
     "data/methods/burgerpanel.yaml:8: rungs: onbekende trede 'meepraten'"),
    ("cases/voorbeeldwijk.yaml", "sources: [vanderlaan2019]", "sources: [vanderlaan2091]",
     "data/cases/voorbeeldwijk.yaml:16: sources: bron 'vanderlaan2091' staat niet in de leeslijst"),
])
def test_a_broken_data_file_fails_the_build_with_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               file: str, old: str, new: str, expected: str) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "data", data_dir, symlinks=False)
    target = data_dir / file
    target.write_text(target.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    monkeypatch.setenv("WIJKENGIDS_DATA", str(data_dir))
    result = build_site(tmp_path / "site")
    assert result.returncode != 0
    assert expected.replace("data/", f"{data_dir.name}/", 1) in result.stdout + result.stderr
    assert not (tmp_path / "site" / "methoden").exists() or not any((tmp_path / "site").rglob("*.html"))


def test_rung_pages_name_their_checklists(built_site: Path, data) -> None:
    for rung in data.rungs:
        html = (built_site / "ladder" / rung.id / "index.html").read_text(encoding="utf-8")
        for checklist in data.checklists_on_rung(rung.id):
            assert f'href="../../checklists/{checklist.id}/"' in html, f"{rung.id} misses {checklist.id}"
    assert any(data.checklists_on_rung(r.id) for r in data.rungs), "no rung has a checklist"


def test_the_duration_does_not_repeat_its_band(built_site: Path, data) -> None:
    """'Jaren. In Selwerd …' followed by the label 'Jaren' says the same word twice; the label goes when the
    text already opens with it, and stays where the text does not say it."""
    labels = 0
    for method in data.methods.values():
        html = (built_site / "methoden" / method.id / "index.html").read_text(encoding="utf-8")
        section = re.search(r'<h2 id="duur">Duur</h2>\s*<p>(.*?)</p>', html, re.S)
        if not section:
            continue
        label = re.search(r'<span class="wg-label">(.*?)</span>', section.group(1))
        if label:
            labels += 1
            text = section.group(1)[:label.start()].strip()
            assert not text.casefold().startswith(label.group(1).casefold()), f"{method.id}: {section.group(1)}"
    assert labels, "no method shows a duration label any more"


def test_search_snippets_read_the_fact_box_as_separate_statements(built_site: Path, data) -> None:
    """Pagefind flattens a page to text for its result snippets. The fact box of a method (its labels and its
    profile) and of a case must read as statements there, 'Soort: Methode. Onderbouwing: Beschreven.' and
    'Domein: Fysiek en sociaal.', not 'Soort: Methode Onderbouwing: Beschreven' or 'DomeinFysiek en sociaal'."""
    content = {}
    for path in (built_site / "pagefind" / "fragment").glob("*.pf_fragment"):
        fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        content[fragment["url"]] = fragment["content"]
    site = Site(data)
    method = next(m for m in sorted(data.methods.values(), key=lambda r: r.id) if m["evidence"] and m["evidence"]["level"])
    text = content[f"/methoden/{method.id}/"]
    kind, level = site.label("methodKind", method["kind"]), site.label("evidenceLevel", method["evidence"]["level"])
    assert f"Soort: {kind}. Onderbouwing: {level}." in text, text[:400]
    assert f"Domein: {site.label('domain', method['domain'])}." in text, text[:800]
    case = next(iter(sorted(data.cases.values(), key=lambda r: r.id)))
    assert f"Periode: {site.period(case)}." in content[f"/praktijk/{case.id}/"]
    glued = [(url, m.group(0)) for url, text in content.items()
             for m in re.finditer(r"\b(?:Domein|Niveau|Fase|Voor wie|Periode|Plaats|Betrokken)[A-Z0-9]\w*", text)]
    assert not glued, glued[:5]


def test_downloads_and_open_data_are_published_without_a_copy_in_docs(built_site: Path) -> None:
    """The build hands these files to MkDocs from memory; docs/ holds only the pages MkDocs reads."""
    docs = built_site.parent / f"{built_site.name}-project" / "docs"
    assert (docs / "methoden").is_dir(), "the project copy the site was built from"
    exports = sorted((built_site / "leeslijst" / "bron").glob("*.bib"))
    assert len(exports) > 100 and all(path.read_text(encoding="utf-8").startswith("@") for path in exports)
    methods = json.loads((built_site / "open-data" / "methods.json").read_text(encoding="utf-8"))
    assert {"abcd", "pact", "uitdaagrecht"} <= {method["id"] for method in methods}
    assert not list(docs.rglob("*.bib")) and not list(docs.rglob("*.ris"))
    assert not (docs / "open-data" / "methods.json").exists()
