"""Findable from outside (issue 30), without MkDocs: which addresses count as public, the head of a page
(link previews, canonical address, structured data), the dates from git history, the open-data catalogue
and the preview cards. The built site is checked in tests/build/test_findable_site.py."""
from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
from datetime import date
from pathlib import Path

import pytest

from macros.data.dataset import Dataset, load_valid_dataset
from macros.site import catalogue, link_preview, site_address
from macros.site.build import Publication, build_pages
from tests import schema_org
from tests.support import FIXTURE_DATA, ROOT

ADDRESS = "https://wijkengids.example.nl/"
FILLED = Publication(site_url=ADDRESS, correction_email="redactie@voorbeeldstad.example.nl",
                     publisher_name="Gemeente Voorbeeldstad", publisher_url="https://voorbeeldstad.example.nl/")
EMPTY = Publication()  # the defaults: the loopback address of `make serve`, no publisher, no e-mail
COMMITTED = "2026-05-04T12:00:00+00:00"  # the fixture repository's one commit (UTC noon: no zone moves it)


@pytest.fixture(scope="module")
def fixture_data() -> Dataset:
    return load_valid_dataset(FIXTURE_DATA, FIXTURE_DATA.parent)


def heads(data: Dataset, publication: Publication, docs: Path | None = None) -> link_preview.PageHeads:
    return link_preview.page_heads(data, publication, docs or Path("/nonexistent"), "Beschrijving van de site.")


def ld(head: link_preview.PageHead) -> dict:
    assert "<" not in head.json_ld and ">" not in head.json_ld, "the text could end its <script> element"
    return json.loads(head.json_ld)


@pytest.mark.parametrize("address", ["", "http://127.0.0.1:8000/", "http://localhost:8000/", "http://[::1]/",
                                     "http://0.0.0.0:8000/", "https://JOUW-DOMEIN.invalid/", "file:///tmp/site/"])
def test_a_local_empty_or_placeholder_address_is_not_public(address: str) -> None:
    assert site_address.public_address(address) == ""
    assert site_address.Links(address).absolute("methoden/") == ""


def test_a_public_address_gives_absolute_links_and_relative_ones_without() -> None:
    assert site_address.Links("https://org.github.io/wijkengids").absolute("methoden/abcd/") == \
        "https://org.github.io/wijkengids/methoden/abcd/"
    local = site_address.Links("http://127.0.0.1:8000/")
    assert local.link("leeslijst/#a", "methoden/abcd/") == "../../leeslijst/#a"
    assert local.link("open-data/methods.json", "open-data/catalogus.jsonld") == "methods.json"
    assert local.link("", "open-data/catalogus.jsonld") == "../"


@pytest.mark.parametrize("value, filled", [("", False), ("redactie@JOUW-DOMEIN.invalid", False),
                                           ("https://github.com/JOUW-ORGANISATIE/x", False),
                                           ("redactie@gemeente.nl", True)])
def test_a_placeholder_setting_does_not_count(value: str, filled: bool) -> None:
    assert site_address.filled_in(value) is filled


def test_every_page_head_previews_the_page_and_names_its_address(fixture_data: Dataset) -> None:
    made = heads(fixture_data, FILLED)
    method = fixture_data.methods["wijkgesprek"]
    url = f"methoden/{method.id}/"
    head = made.head(url, method.heading, method["summary"])
    meta = {key: content for _, key, content in head.meta}
    assert meta["og:title"] == meta["twitter:title"] == method.heading
    assert meta["og:description"] == method["summary"]
    assert meta["og:type"] == "article" and meta["og:locale"] == "nl_NL" and meta["og:site_name"] == "Wijkengids"
    assert head.canonical == meta["og:url"] == ADDRESS + url
    assert meta["og:image"] == meta["twitter:image"] == ADDRESS + "assets/kaarten/methoden.png"
    assert meta["og:image:alt"].startswith("Wijkengids: Methoden")
    assert meta["twitter:card"] == "summary_large_image"
    assert head.opensearch == ADDRESS + "opensearch.xml"


def test_without_a_public_address_no_absolute_address_is_invented(fixture_data: Dataset) -> None:
    made = heads(fixture_data, EMPTY)
    for url in ["", "methoden/wijkgesprek/", "praktijk/voorbeeldwijk/", "open-data/", "leeslijst/", "begrippen/"]:
        head = made.head(url, "Titel", "Uitleg")
        keys = {key for _, key, _ in head.meta}
        assert {"og:title", "og:description", "og:type", "og:site_name", "og:locale", "twitter:card"} <= keys
        assert not keys & {"og:url", "og:image", "twitter:image"}, url
        assert head.canonical == head.opensearch == ""
        assert "127.0.0.1" not in head.json_ld and "http://localhost" not in head.json_ld
        assert schema_org.problems(ld(head), public=False) == [], url


def test_title_and_summary_are_text_even_with_quotes_and_markup(fixture_data: Dataset) -> None:
    """Front matter stores them HTML-escaped for the theme; the head unescapes once (the template escapes)."""
    head = heads(fixture_data, FILLED).head("bewoners/", "Wat &quot;mag&quot; &amp; kan", "</script><b>x</b>")
    meta = {key: content for _, key, content in head.meta}
    assert meta["og:title"] == 'Wat "mag" & kan'
    assert ld(head)["description"] == "</script><b>x</b>"


def test_structured_data_per_kind_of_page(fixture_data: Dataset) -> None:
    made = heads(fixture_data, FILLED)
    pages = {url: ld(made.head(url, "Titel", "Uitleg")) for url in
             ["", "begrippen/", "tijdlijn/", "leeslijst/", "open-data/", "over/"]}
    pages |= {made.structured.site.url(r): ld(made.head(made.structured.site.url(r), r.heading, ""))
              for r in fixture_data.all_records()}
    for url, node in pages.items():
        assert schema_org.problems(node, public=True) == [], url
    assert pages[""]["@type"] == "WebSite"
    assert pages[""]["potentialAction"]["target"]["urlTemplate"] == ADDRESS + "?q={search_term_string}"
    assert pages[""]["publisher"] == {"@type": "Organization", "name": "Gemeente Voorbeeldstad",
                                      "url": "https://voorbeeldstad.example.nl/"}
    terms = pages["begrippen/"]["hasDefinedTerm"]
    assert [t["name"] for t in terms] == [t["term"] for t in fixture_data.glossary]
    events = pages["tijdlijn/"]["itemListElement"]
    assert [e["item"]["startDate"] for e in events] == [str(t["date"]) for t in fixture_data.timeline]
    works = pages["leeslijst/"]["itemListElement"]
    assert [w["item"]["@id"] for w in works] == [f"{ADDRESS}leeslijst/#{e.key}" for e in fixture_data.bibliography]
    downloads = {d["contentUrl"] for d in pages["open-data/"]["distribution"]}
    assert f"{ADDRESS}open-data/methods.json" in downloads and f"{ADDRESS}open-data/methods.csv" in downloads


def test_a_method_with_steps_is_a_howto_citing_its_sources(fixture_data: Dataset) -> None:
    made = heads(fixture_data, FILLED)
    method = next(m for m in fixture_data.methods.values() if m.get("steps"))
    node = ld(made.head(f"methoden/{method.id}/", method.heading, method["summary"]))
    assert node["@type"] == "HowTo"
    assert len(node["step"]) == len(method["steps"])
    cited = {w["@id"] for w in node["citation"]}
    assert cited == {f"{ADDRESS}leeslijst/#{key}" for key in (s if isinstance(s, str) else s["key"]
                                                             for s in method["sources"])}
    assert {ref["@id"] for ref in node["isBasedOn"]} == cited
    assert node["creativeWorkStatus"] == method["status"]
    rung_names = {fixture_data.rungs[[r.id for r in fixture_data.rungs].index(r)]["label"] for r in method["rungs"]}
    assert rung_names <= {thing["name"] for thing in node["about"]}


def test_a_method_without_steps_is_an_article() -> None:
    data = load_valid_dataset(FIXTURE_DATA, FIXTURE_DATA.parent)
    method = next(iter(data.methods.values()))
    method["steps"] = []
    node = ld(heads(data, FILLED).head(f"methoden/{method.id}/", method.heading, ""))
    assert node["@type"] == "Article" and node["headline"] == method.heading and "step" not in node


def test_a_case_is_an_article_at_its_place_with_its_period(fixture_data: Dataset) -> None:
    case = next(iter(fixture_data.cases.values()))
    node = ld(heads(fixture_data, FILLED).head(f"praktijk/{case.id}/", case.heading, ""))
    assert node["@type"] == "Article"
    geo = node["contentLocation"]["geo"]
    assert (geo["latitude"], geo["longitude"]) == (case["coordinates"]["lat"], case["coordinates"]["lon"])
    start, end = case["period"].get("start"), case["period"].get("end")
    if isinstance(start, int) and (isinstance(end, int) or end == "lopend"):
        assert node["temporalCoverage"] == f"{start}/{end if isinstance(end, int) else '..'}"
    else:
        assert "temporalCoverage" not in node, "an unknown start or end is not made up"


def test_a_concept_record_claims_no_review(data: Dataset) -> None:
    """On the real data, which holds concept records (drafted by the editors, checked by no expert)."""
    made = heads(data, FILLED)
    concepts = [r for r in data.all_records() if r["status"] == "concept"]
    assert concepts, "the real data has concept records"
    for record in data.all_records():
        node = ld(made.head(made.structured.site.url(record), record.heading, ""))
        assert node["creativeWorkStatus"] == record["status"]
        assert not set(schema_org.NOT_CLAIMED) & set(node)
        if record["status"] == "concept":
            assert not [k for k in keys(node) if "review" in k.lower() or "rating" in k.lower()], record.id


def keys(node: object) -> list[str]:
    """Every property name anywhere in a JSON-LD object."""
    if isinstance(node, dict):
        return [*node, *(k for value in node.values() for k in keys(value))]
    if isinstance(node, list):
        return [k for value in node for k in keys(value)]
    return []


def git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": COMMITTED, "GIT_COMMITTER_DATE": COMMITTED}
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=Voorbeeld, A.", "-c", "user.email=a@example.invalid",
                    "-c", "commit.gpgsign=false", *args], check=True, capture_output=True, env=env)


def test_dates_come_from_git_history_and_are_unknown_without_it(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE_DATA, root / "data")
    (root / "docs").mkdir()
    (root / "docs" / "over.md").write_text("# Over\n", encoding="utf-8")
    data = load_valid_dataset(root / "data", root)
    before = heads(data, FILLED, root / "docs")
    assert before.lastmod("methoden/wijkgesprek/") == before.lastmod("over/", "over.md") == ""
    assert "dateModified" not in ld(before.head("methoden/wijkgesprek/", "Wijkgesprek", ""))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "data", "docs")
    git(root, "commit", "-q", "-m", "Gegevens")
    after = heads(data, FILLED, root / "docs")
    assert after.lastmod("methoden/wijkgesprek/") == after.lastmod("over/", "over.md") == "2026-05-04"
    assert after.lastmod("begrippen/") == "2026-05-04"
    assert ld(after.head("methoden/wijkgesprek/", "Wijkgesprek", ""))["dateModified"] == "2026-05-04"


def catalogue_of(data: Dataset, publication: Publication) -> dict:
    return json.loads(build_pages(data, today=date(2026, 12, 1), publication=publication)["open-data/catalogus.jsonld"])


def values(node: object) -> list[str]:
    if isinstance(node, dict):
        return [v for value in node.values() for v in values(value)]
    if isinstance(node, list):
        return [v for value in node for v in values(value)]
    return [str(node)]


def test_the_catalogue_has_a_dataset_per_kind_and_the_reading_list(fixture_data: Dataset) -> None:
    found = catalogue_of(fixture_data, FILLED)
    assert found["@type"] == "dcat:Catalog"
    datasets = {d["dct:title"]["@value"]: d for d in found["dcat:dataset"]}
    assert set(datasets) == {f"Wijkengids: {k.plural}" for k in fixture_data.kinds} | {"Wijkengids: leeslijst"}
    for dataset in datasets.values():
        assert dataset["dct:description"]["@language"] == "nl" and dataset["dct:description"]["@value"]
        assert dataset["dct:license"] == {"@id": catalogue.LICENSE}
        assert [t["@id"] for t in dataset["dcat:theme"]] == list(catalogue.THEMES)
        assert dataset["dct:publisher"]["foaf:name"] == "Gemeente Voorbeeldstad"
        assert dataset["dcat:contactPoint"]["vcard:hasEmail"] == {"@id": "mailto:redactie@voorbeeldstad.example.nl"}
        assert dataset["dcat:distribution"]
        for distribution in dataset["dcat:distribution"]:
            assert distribution["dcat:downloadURL"]["@id"].startswith(ADDRESS)
    methods = datasets["Wijkengids: methoden"]
    assert {d["dcat:mediaType"]["@id"].rsplit("/", 1)[1] for d in methods["dcat:distribution"]} == {"json", "csv"}
    assert "rdfs:comment" not in found


def test_without_settings_the_catalogue_says_what_is_missing_and_publishes_no_placeholder(fixture_data: Dataset) -> None:
    placeholders = Publication(correction_email="redactie@JOUW-DOMEIN.invalid")
    found = catalogue_of(fixture_data, placeholders)
    note = found["rdfs:comment"]["@value"]
    assert "de uitgever" in note and "het contactpunt" in note and "het openbare adres" in note
    text = values(found)
    assert not [v for v in text if "JOUW-" in v or ".invalid" in v or "127.0.0.1" in v or "localhost" in v]
    assert all("dct:publisher" not in d and "dcat:contactPoint" not in d for d in found["dcat:dataset"])


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_every_section_has_its_preview_card() -> None:
    for card in link_preview.all_cards():
        assert png_size(ROOT / "docs" / card.path) == link_preview.CARD_SIZE, card.path
    assert link_preview.card_for("methoden/abcd/").id == "methoden"
    assert link_preview.card_for("onbekend/") == link_preview.GENERAL
