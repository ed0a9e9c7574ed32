"""Findable from outside (issue 30), in the built site: every page's link preview and structured data, the
sitemap, robots.txt, OpenSearch and the open-data catalogue.

Two builds: the session's site (``built_site``, real data, with mkdocs.yml's default address, which is this
computer's: nothing that needs an absolute address may appear), and one small build of the fixture data with
a public address and a publisher, in a git repository of one commit (canonical links, card images, sitemap
dates). The expectations per schema.org type are in tests/schema_org.py.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from macros.site import catalogue
from macros.site.site_address import Links
from scripts.project import mkdocs_build
from tests import schema_org
from tests.support import FIXTURE_DATA, build_epoch, fixture_project

ADDRESS = "https://wijkengids.example.nl/"
COMMITTED = "2026-05-04T12:00:00+00:00"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PREVIEW = ("og:title", "og:description", "og:type", "og:site_name", "og:locale", "twitter:card", "twitter:title")
META = re.compile(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


def pages(site: Path) -> dict[str, str]:
    """{URL: HTML} of every page MkDocs made (not the 404 page, nor the web editor's own app)."""
    found = {}
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).parent.as_posix()
        if rel.startswith("redactie/bewerken"):
            continue
        found["" if rel == "." else f"{rel}/"] = path.read_text(encoding="utf-8")
    return found


def head(page: str) -> str:
    return page.split("</head>", 1)[0]


def meta(page: str) -> dict[str, str]:
    import html
    return {key: html.unescape(value) for key, value in META.findall(head(page))}


def structured(page: str) -> dict:
    found = schema_org.blocks(head(page))
    assert len(found) == 1, f"{len(found)} JSON-LD blocks"
    return json.loads(found[0])


def expected_type(url: str, data) -> str:  # noqa: ANN001 - the data set
    parts = url.split("/")
    if len(parts) == 3 and parts[0] == "methoden" and parts[1] in data.methods:
        return "HowTo" if data.methods[parts[1]].get("steps") else "Article"
    if len(parts) == 3 and parts[0] == "praktijk" and parts[1] in data.cases:
        return "Article"
    if len(parts) == 3 and parts[0] == "checklists" and parts[1] in data.checklists:
        return "HowTo"
    return {"": "WebSite", "begrippen/": "DefinedTermSet", "tijdlijn/": "ItemList", "leeslijst/": "ItemList",
            "open-data/": "Dataset"}.get(url, "WebPage")


def catalogue_files(site: Path, public: bool) -> list[tuple[str, Path]]:
    """(download address, the file it names in the site) for every distribution of the catalogue."""
    found = json.loads((site / "open-data" / catalogue.FILE).read_text(encoding="utf-8"))
    base = ADDRESS + "open-data/" + catalogue.FILE if public else "http://site/open-data/" + catalogue.FILE
    files = []
    for dataset in found["dcat:dataset"]:
        for distribution in dataset["dcat:distribution"]:
            address = distribution["dcat:downloadURL"]["@id"]
            assert distribution["dcat:accessURL"]["@id"] == address
            path = urlparse(urljoin(base, address)).path
            files.append((address, site / unquote(path).lstrip("/")))
    return files


# --- the session's site: no public address -----------------------------------------------------------

@pytest.fixture(scope="module")
def public() -> bool:
    """Whether the session's site was built with a public address (SITE_URL set when running the tests)."""
    return Links(os.environ.get("SITE_URL")).public


def test_every_page_has_a_link_preview_and_no_invented_address(built_site: Path, public: bool) -> None:
    problems = []
    for url, page in pages(built_site).items():
        tags = meta(page)
        missing = [key for key in PREVIEW if not tags.get(key)]
        if missing:
            problems.append(f"{url}: no {', '.join(missing)}")
        if tags.get("og:locale") != "nl_NL":
            problems.append(f"{url}: og:locale {tags.get('og:locale')}")
        if bool(CANONICAL.search(head(page))) != public or ("og:url" in tags) != public or ("og:image" in tags) != public:
            problems.append(f"{url}: canonical, og:url and og:image go with a public address only")
        if not public and re.search(r"127\.0\.0\.1|localhost", head(page)):
            problems.append(f"{url}: the head names this computer's address")
    assert problems == [], "\n".join(problems[:20])


def test_every_page_has_one_block_of_structured_data_of_its_type(built_site: Path, public: bool, data) -> None:  # noqa: ANN001
    problems = []
    for url, page in pages(built_site).items():
        node = structured(page)
        if node.get("@type") != expected_type(url, data):
            problems.append(f"{url}: {node.get('@type')} instead of {expected_type(url, data)}")
        problems += [f"{url}: {p}" for p in schema_org.problems(node, public)]
    assert problems == [], "\n".join(problems[:20])


def test_a_method_page_tells_its_title_summary_and_steps(built_site: Path, data) -> None:  # noqa: ANN001
    method = next(m for m in data.methods.values() if m.get("steps"))
    page = (built_site / "methoden" / method.id / "index.html").read_text(encoding="utf-8")
    tags = meta(page)
    assert tags["og:title"] == method.heading and tags["og:description"] == " ".join(method["summary"].split())
    node = structured(page)
    assert len(node["step"]) == len(method["steps"])
    assert node["creativeWorkStatus"] == method["status"]


def test_the_open_data_page_links_files_that_exist(built_site: Path) -> None:
    page = (built_site / "open-data" / "index.html").read_text(encoding="utf-8")
    for download in structured(page)["distribution"]:
        target = urlparse(urljoin(ADDRESS + "open-data/", download["contentUrl"])).path
        assert (built_site / target.lstrip("/")).is_file(), download["contentUrl"]
    assert f'href="{catalogue.FILE}"' in page or f'open-data/{catalogue.FILE}"' in page


def test_every_distribution_of_the_catalogue_is_a_file_of_the_site(built_site: Path, public: bool, data) -> None:  # noqa: ANN001
    files = catalogue_files(built_site, public)
    assert len(files) >= len(data.kinds) + 3  # JSON per kind, CSV for some, the reading list in three formats
    assert [address for address, path in files if not path.is_file()] == []


def test_the_catalogue_holds_no_placeholder(built_site: Path) -> None:
    text = (built_site / "open-data" / catalogue.FILE).read_text(encoding="utf-8")
    found = json.loads(text)
    assert not re.search(r"JOUW-|\.invalid|127\.0\.0\.1|localhost|TODO|Nog in te vullen", text)
    settings = catalogue.missing_settings(_publication_of_session())
    if settings:
        assert all(setting in found["rdfs:comment"]["@value"] for setting, _ in settings)


def _publication_of_session():  # noqa: ANN202
    """The settings the session's site was built with: mkdocs.yml's defaults and the environment."""
    from macros.site.context import Publication
    return Publication(site_url=os.environ.get("SITE_URL", Publication.site_url), correction_email="",
                       publisher_name=os.environ.get("PUBLISHER_NAME", ""))


def test_robots_txt_names_the_sitemap_only_with_a_public_address(built_site: Path, public: bool) -> None:
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots
    assert ("Sitemap: " in robots.replace("# ", "")) == public


# --- a small site with a public address and a publisher ------------------------------------------------

REPOSITORY = "https://github.com/voorbeeldstad/wijkengids"


@pytest.fixture(scope="module")
def public_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture data built with an address, a publisher and an editors' address, from one git commit."""
    work = tmp_path_factory.mktemp("public")
    project = fixture_project(work / "project")
    shutil.rmtree(project / "data")
    shutil.copytree(FIXTURE_DATA, project / "data")
    # The project's stub pages have no front matter; one residents' page says who it is for, as the real ones do.
    residents = project / "docs" / "bewoners" / "geld-en-hulp.md"
    residents.write_text("---\nlezer: bewoners\n---\n" + residents.read_text(encoding="utf-8"), encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"correction_email: .*", "correction_email: redactie@voorbeeldstad.example.nl",
                             config.read_text(encoding="utf-8")), encoding="utf-8")
    env = {**os.environ, "GIT_AUTHOR_DATE": COMMITTED, "GIT_COMMITTER_DATE": COMMITTED}
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "Gids"]):
        subprocess.run(["git", "-C", str(project), "-c", "user.name=Voorbeeld, A.", "-c", "user.email=a@example.invalid",
                        "-c", "commit.gpgsign=false", *command], check=True, capture_output=True, env=env)
    site = work / "site"
    result = mkdocs_build(project, site, env={
        "SOURCE_DATE_EPOCH": build_epoch(), "SITE_URL": ADDRESS, "WIJKENGIDS_DATA": "data",
        "PUBLISHER_NAME": "Gemeente Voorbeeldstad", "PUBLISHER_URL": "https://voorbeeldstad.example.nl/",
        "REPO_URL": REPOSITORY})
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return site


def test_with_a_repository_professional_pages_have_a_quiet_edit_link_and_residents_pages_none(
        public_site: Path) -> None:
    """The edit link sits after the text, not beside the title, and opens the page's own source; a page for
    residents has none (no technical furniture there)."""
    about = (public_site / "over" / "index.html").read_text(encoding="utf-8")
    article = about[about.index("<article"):about.index("</article>")]
    edit = re.search(r'<a [^>]*href="([^"]+)"[^>]*rel="edit"|<a [^>]*rel="edit"[^>]*href="([^"]+)"', article)
    assert edit, "no edit link on /over/"
    assert (edit.group(1) or edit.group(2)) == f"{REPOSITORY}/edit/main/docs/over/index.md"
    assert article.index("</h1>") < article.index("<p>") < edit.start(), "the text comes before the edit link"
    assert "<p" not in article[edit.end():], "nothing follows the edit link"
    residents = (public_site / "bewoners" / "geld-en-hulp" / "index.html").read_text(encoding="utf-8")
    assert 'rel="edit"' not in residents


def test_with_an_address_every_page_names_its_canonical_address_and_card(public_site: Path) -> None:
    problems = []
    for url, page in pages(public_site).items():
        tags = meta(page)
        canonical = CANONICAL.search(head(page))
        if not canonical or canonical.group(1) != ADDRESS + url or tags.get("og:url") != ADDRESS + url:
            problems.append(f"{url}: canonical or og:url is not {ADDRESS + url}")
        image = tags.get("og:image", "")
        if not image.startswith(ADDRESS) or not (public_site / image[len(ADDRESS):]).is_file():
            problems.append(f"{url}: og:image {image!r} is not a file of the site")
        if not tags.get("og:image:alt") or tags.get("twitter:card") != "summary_large_image":
            problems.append(f"{url}: no text for the image, or no large card")
        if f'href="{ADDRESS}opensearch.xml"' not in head(page):
            problems.append(f"{url}: no link to the OpenSearch description")
        problems += [f"{url}: {p}" for p in schema_org.problems(structured(page), public=True)]
    assert problems == [], "\n".join(problems[:20])


def test_the_sitemap_lists_every_page_with_its_date_from_git(public_site: Path) -> None:
    root = ET.fromstring((public_site / "sitemap.xml").read_text(encoding="utf-8"))
    listed = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in root.findall(f"{SITEMAP}url")}
    assert set(listed) == {ADDRESS + url for url in pages(public_site)}
    assert set(listed.values()) == {COMMITTED[:10]}, "each page's last change is the one commit"
    robots = (public_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {ADDRESS}sitemap.xml" in robots.splitlines()


def test_opensearch_opens_the_sites_own_search(public_site: Path) -> None:
    root = ET.fromstring((public_site / "opensearch.xml").read_text(encoding="utf-8"))
    ns = "{http://a9.com/-/spec/opensearch/1.1/}"
    assert root.findtext(f"{ns}ShortName") == "Wijkengids"
    assert root.find(f"{ns}Url").get("template") == ADDRESS + "?q={searchTerms}"


def test_with_settings_the_catalogue_names_publisher_and_contact(public_site: Path) -> None:
    found = json.loads((public_site / "open-data" / catalogue.FILE).read_text(encoding="utf-8"))
    assert "rdfs:comment" not in found
    for dataset in found["dcat:dataset"]:
        assert dataset["dct:publisher"]["foaf:name"] == "Gemeente Voorbeeldstad"
        assert dataset["dcat:contactPoint"]["vcard:hasEmail"]["@id"] == "mailto:redactie@voorbeeldstad.example.nl"
        assert dataset["dct:modified"]["@value"] == COMMITTED[:10]
    files = catalogue_files(public_site, public=True)
    assert files and all(address.startswith(ADDRESS) and path.is_file() for address, path in files)
