"""On the built site, a date or amount from the register says what it rests on: every page that uses a fact
closes with its official source and check date, an unconfirmed fact says whose word it is where it stands,
and the register page lists every fact. No reference is ever published as typed."""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from macros.data import facts
from macros.data.dataset import load_valid_dataset
from tests.support import SITE_DATA


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html)))


def test_no_reference_is_published_as_typed(built_site: Path) -> None:
    """Outside code: the editors' guide shows the syntax as an example, in code, and that stays as typed."""
    typed = [p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
             if "[[feit" in re.sub(r"<code[^>]*>.*?</code>", "", p.read_text(encoding="utf-8"), flags=re.S)]
    assert typed == []
    guide = (built_site / "redactie" / "index.html").read_text(encoding="utf-8")
    assert "<code>[[feit:wet-participatie-in-werking]]</code>" in guide


def test_every_page_using_a_fact_lists_it_with_source_and_check_date(built_site: Path) -> None:
    data = load_valid_dataset(SITE_DATA, SITE_DATA.parent)
    kinds = {kind.id: kind.url for kind in data.kinds}
    checked = 0
    for record in data.all_records():
        used = data.facts_of(record)
        if not used:
            continue
        html = (built_site / kinds[record.kind] / record.id / "index.html").read_text(encoding="utf-8")
        assert 'id="feiten"' in html, record.path
        for fact in used:
            item = re.search(rf'<li id="feit-{re.escape(fact.id)}">(.*?)</li>', html, re.S)
            assert item, f"{record.path}: {fact.id} missing from the closing list"
            line = text_of(item.group(1))
            assert "Officiële bron:" in line and fact["vindplaats"] in line
            if fact["status"] == "bevestigd":
                assert f"Vergeleken met de officiële tekst op {facts.long_date(fact['gecontroleerd'])}" in line
            elif fact["status"] == "onbevestigd":
                assert "Niet bevestigd:" in line and "de waarde komt van" in line
            else:
                assert "Niet gevonden:" in line
            checked += 1
    assert checked >= 20  # the law's dates alone stand on several records


def test_an_unconfirmed_date_says_whose_word_it_is_where_it_stands(built_site: Path) -> None:
    page = text_of((built_site / "methoden" / "participatieverordening" / "index.html").read_text(encoding="utf-8"))
    assert re.search(r"De wet geldt vanaf 1 januari 2025 \(volgens Vereniging van Griffiers \(2024\); "
                     r"niet bevestigd in de officiële tekst\)", page), "the in-force date lost its caveat"
    # A confirmed date reads as a plain date.
    assert "26 oktober 2023: de Tweede Kamer neemt het voorstel aan" in page


def test_residents_pages_show_when_their_facts_were_checked(built_site: Path) -> None:
    docs = SITE_DATA.parent / "docs" / "bewoners"
    pages = [md for md in sorted(docs.glob("*.md")) if facts.FACT_REF.search(md.read_text(encoding="utf-8"))]
    assert {md.stem for md in pages} >= {"huis-renovatie-sloop", "reageren-op-een-plan"}
    for md in pages:
        url = "bewoners/" if md.stem == "index" else f"bewoners/{md.stem}/"
        html = (built_site / url / "index.html").read_text(encoding="utf-8")
        used = dict.fromkeys(facts.FACT_REF.findall(md.read_text(encoding="utf-8")))
        assert 'id="feiten"' in html, url
        for fact_id in used:
            assert f'<li id="feit-{fact_id}">' in html, f"{url}: {fact_id}"
        # The list stands before the sources, so a resident reads the check dates with the rules.
        assert html.index('id="feiten"') < html.index('id="bronnen"'), url


def test_the_register_page_lists_every_fact_with_its_state(built_site: Path) -> None:
    data = load_valid_dataset(SITE_DATA, SITE_DATA.parent)
    html = (built_site / "feiten" / "index.html").read_text(encoding="utf-8")
    for fact in data.facts:
        section = re.search(rf'<section class="wg-fact" id="{re.escape(fact.id)}".*?</section>', html, re.S)
        assert section, fact.id
        words = {"bevestigd": "Vergeleken met de officiële tekst op", "onbevestigd": "Niet bevestigd.",
                 "onbekend": "Niet gevonden."}[fact["status"]]
        assert words in text_of(section.group()), fact.id
    confirmed = sum(1 for f in data.facts if f["status"] == "bevestigd")
    assert f"Nu: {confirmed} van {len(data.facts)} feiten bevestigd in de officiële tekst." in text_of(html)
