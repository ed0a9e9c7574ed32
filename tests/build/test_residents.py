"""Residents' pages are written for residents: "je" throughout, no citations in the running text (the sources
are in one 'Bronnen' list at the end of the page), the questions residents come with have a page that the
start page links to, and the wijkbudget page no longer sells a 2013 party proposal as a procedure."""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from macros.data.dataset import load_valid_dataset
from macros.site.citations import CitationError, sources_markup
from scripts import textcheck
from tests.support import ROOT

RESIDENT_DOCS = sorted((ROOT / "docs" / "bewoners").glob("*.md"))
# The questions residents come with (issue 14, item 5) and the page that answers each.
ANSWER_PAGES = {
    "huis-renovatie-sloop": "Je huis wordt gerenoveerd of gesloopt",
    "reageren-op-een-plan": "Reageren op een plan van de gemeente",
    "geld-en-hulp": "Geld en hulp voor je initiatief",
}
FORMAL_YOU = re.compile(r"\b(?:u|uw|uzelf)\b", re.IGNORECASE)


def page_url(md: Path) -> str:
    return "bewoners/" if md.stem == "index" else f"bewoners/{md.stem}/"


def resident_pages(site: Path) -> dict[str, str]:
    """URL -> HTML of every residents' page: docs/bewoners/ and the checklists for residents."""
    data = load_valid_dataset(ROOT / "data", ROOT)
    urls = [page_url(md) for md in RESIDENT_DOCS]
    urls += [f"checklists/{c.id}/" for c in data.checklists.values() if c["audience"] == "bewoner"]
    return {url: (site / url / "index.html").read_text(encoding="utf-8") for url in urls}


def article(html: str) -> str:
    match = re.search(r'<article class="md-content__inner[^"]*">(.*?)</article>', html, re.S)
    assert match, "no main article"
    return match.group(1)


def test_every_residents_page_says_je_not_u(built_site: Path) -> None:
    found = []
    for url, html in resident_pages(built_site).items():
        blocks = textcheck.main_blocks(html)
        for block in blocks:
            if FORMAL_YOU.search(block.text_nl):
                found.append(f"{url}: {block.text_nl!r}")
    assert not found, "Formal 'u' on a residents' page (write 'je'):\n" + "\n".join(found)


def test_citations_only_in_the_source_list_at_the_end(built_site: Path) -> None:
    problems = []
    for url, html in resident_pages(built_site).items():
        body = article(html)
        outside = re.sub(r'<ol class="wg-bronnen">.*?</ol>', "", body, flags=re.S)
        if 'class="wg-cite"' in outside:
            problems.append(f"{url}: a citation in the running text")
        headings = re.findall(r"<h2[^>]*>(.*?)</h2>", body, re.S)
        if not headings or unescape(re.sub(r"<[^>]+>", "", headings[-1])).strip() != "Bronnen":
            problems.append(f"{url}: the last section is not 'Bronnen' ({headings[-1:]})")
        if body.count('class="wg-bronnen"') != 1:
            problems.append(f"{url}: expected exactly one source list")
    assert not problems, "\n".join(problems)


def test_source_list_links_every_entry_to_the_reading_list(built_site: Path) -> None:
    body = article((built_site / "bewoners" / "huis-renovatie-sloop" / "index.html").read_text(encoding="utf-8"))
    sources = re.search(r'<ol class="wg-bronnen">(.*?)</ol>', body, re.S).group(1)
    keys = re.findall(r'<li id="bron-([^"]+)"><span class="wg-ref">.*?<a href="\.\./\.\./leeslijst/#\1">Bekijk op de leeslijst',
                      sources)
    assert {"bw7", "overlegwet1998", "woonbond_slopen_renoveren"} <= set(keys)
    reading_list = (built_site / "leeslijst" / "index.html").read_text(encoding="utf-8")
    entry = re.search(r'<li[^>]*id="overlegwet1998"[^>]*>.*?</li>', reading_list, re.S).group(0)
    assert "Je huis wordt gerenoveerd of gesloopt" in entry, "the reading list does not point back to the page"


def test_the_answer_pages_exist_and_the_start_page_links_them(built_site: Path) -> None:
    start = article((built_site / "bewoners" / "index.html").read_text(encoding="utf-8"))
    for slug, title in ANSWER_PAGES.items():
        page = built_site / "bewoners" / slug / "index.html"
        assert page.exists(), f"no page bewoners/{slug}/"
        assert "<h1" in page.read_text(encoding="utf-8") and title in page.read_text(encoding="utf-8")
        assert f'href="{slug}/"' in start, f"the residents' start page does not link {slug}"
    assert "interactief beleid" not in unescape(start).lower()


def test_wijkbudget_page_presents_the_2013_steps_as_a_proposal(built_site: Path) -> None:
    text = " ".join(b.text for b in textcheck.main_blocks(
        (built_site / "bewoners" / "wijkbudget" / "index.html").read_text(encoding="utf-8")))
    assert "Zo vraag je een wijkbudget aan" not in text
    assert "voorstel" in text and "2013" in text and "Vraag eerst je gemeente" in text
    assert "Ja. Bewoners gaan zuinig om met geld" not in text
    assert "één ervaring" in text


# --- the macro on its own ---------------------------------------------------------------------

def test_sources_macro_orders_like_the_reading_list_and_drops_doubles(data) -> None:
    html = str(sources_markup(data, ("samensterk2009", "bw7", "samensterk2009"), base="../", where="docs/x.md:3"))
    keys = re.findall(r'<li id="bron-([^"]+)">', html)
    order = data.bibliography.keys()
    assert sorted(keys, key=order.index) == keys and sorted(keys) == ["bw7", "samensterk2009"]


def test_sources_macro_names_file_and_line_of_an_unknown_key(data) -> None:
    with pytest.raises(CitationError, match=r"docs/x\.md:3: bronnen: bron 'bestaatniet' staat niet in de leeslijst"):
        sources_markup(data, ("bw7", "bestaatniet"), base="", where="docs/x.md:3")
    with pytest.raises(CitationError, match="minstens één bronsleutel"):
        sources_markup(data, (), base="", where="docs/x.md:3")
