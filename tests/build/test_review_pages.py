"""No built page says a record was checked unless its data says who checked it and when.

Walks every record page of the real site and compares the review box (and the rest of the page) with
the record's status; the counts on the home page, 'Over deze gids' and 'Beoordeling en onderbouwing'
are computed here from the data. Method pages show a section only when its field is filled.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from macros.data import review_state
from macros.data.dataset import load_valid_dataset
from macros.site.build import build_pages
from macros.site.render import dutch_date
from tests.support import FIXTURE_DATA

FOLDERS = {"method": "methoden", "case": "praktijk", "checklist": "checklists"}
CONCEPT = "Concept: opgesteld door de redactie uit de bronnen; nog niet gecontroleerd door een deskundige."
CLAIMS = re.compile(r"gecontroleerd op|Beoordeeld op|Laatst inhoudelijk|door ExpertiseLab|\(redactie\)", re.I)
SECTIONS = {"when_to_use": "Wanneer wel", "when_not_to_use": "Wanneer niet", "who_does_what": "Wie doet wat",
            "duration": "Duur", "scale": "Schaal", "costs": "Kosten", "evidence": "Wat weten we over het effect?"}


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def article(page: str) -> str:
    return page[page.index("<article"):page.index("</article>")]


def review_box(page: str) -> tuple[str, str]:
    match = re.search(r'<div class="wg-review[^"]*" data-status="([a-z]+)"[^>]*>(.*?)</div>', page, re.S)
    assert match, "no review box"
    return match.group(1), text_of(match.group(2))


def test_every_record_page_states_exactly_its_review_state(built_site: Path, data) -> None:
    for record in data.all_records():
        page = (built_site / FOLDERS[record.kind] / record.id / "index.html").read_text(encoding="utf-8")
        status, box = review_box(page)
        assert status == record["status"], record.path
        body = article(page)
        # The state stands near the top: before the first section heading of the page.
        assert body.index('class="wg-review') < (body.find("<h2") if "<h2" in body else len(body)), record.path
        if record["status"] == "beoordeeld":
            assert record["reviewed"] and review_state.reviewer_problem(record["reviewer"],
                                                                        review_state.group_words(data.schemas.raw)) is None
            assert f"Beoordeeld op {dutch_date(record['reviewed'])} door {record['reviewer']}." in box, record.path
        else:
            assert CONCEPT in box, record.path
            assert not CLAIMS.search(text_of(body)), f"{record.path}: the page claims a check that did not happen"


def test_home_and_about_show_the_count_from_the_data(built_site: Path, data) -> None:
    count = review_state.count_text(data)
    done, total = review_state.counts(data)
    assert count == f"{done} van {total} beoordeeld"
    for page in ("index.html", "over/index.html", "onderbouwing/index.html"):
        text = text_of((built_site / page).read_text(encoding="utf-8"))
        assert count in text, page
    about = text_of((built_site / "over" / "index.html").read_text(encoding="utf-8"))
    assert "samengesteld door de redactie van het ExpertiseLab" not in about


def test_no_page_uses_the_old_review_stamp(built_site: Path) -> None:
    for path in sorted(built_site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        assert "Laatst inhoudelijk gecontroleerd" not in text, path
        assert "door ExpertiseLab (redactie)" not in text, path


def test_method_pages_show_a_section_only_when_its_field_is_filled(built_site: Path, data) -> None:
    for method in data.methods.values():
        page = article((built_site / "methoden" / method.id / "index.html").read_text(encoding="utf-8"))
        headings = [text_of(h) for h in re.findall(r"<h2[^>]*>(.*?)</h2>", page, re.S)]
        for field, heading in SECTIONS.items():
            value = method[field]
            filled = bool(value) and (not isinstance(value, dict) or any(value.values()))
            assert (heading in headings) == filled, f"{method.id}: {heading}"
        labels = text_of(page[page.index('class="wg-labels"'):page.index("</p>", page.index('class="wg-labels"'))])
        assert data.schemas.labels["methodKind"][method["kind"]] in labels, method.id


def test_a_filled_method_shows_every_section_and_a_regeling_its_official_text() -> None:
    """The real records are still thin: the fixture has one of each, filled as the schema allows."""
    data = load_valid_dataset(FIXTURE_DATA, FIXTURE_DATA.parent)
    pages = build_pages(data)
    method = pages["methoden/burgerpanel.md"]
    for heading in ("Wanneer wel", "Wanneer niet", "Wie doet wat", "Duur", "Schaal", "Wat weten we over het effect?"):
        assert f"## {heading}" in method
    assert '<dt>Bewoners<' in method and "<dt>Woningcorporatie<" not in method  # empty parts stay away
    assert 'href="../../onderbouwing/#effect-beschreven">Onderbouwing: Beschreven</a>' in method
    regeling = pages["methoden/wijkgesprek.md"]
    assert '<a href="https://example.nl/regelingen/wijkgesprek">' in regeling
    assert '<time datetime="2019-07-01">1 juli 2019</time>' in regeling
    assert ">Regeling</a>" in regeling and "## Wanneer wel" not in regeling and "## Duur" not in regeling


def test_the_evidence_page_explains_every_level_from_the_schema(built_site: Path, data) -> None:
    page = (built_site / "onderbouwing" / "index.html").read_text(encoding="utf-8")
    defs = data.schemas.raw["common.schema.json"]["$defs"]
    levels = re.findall(r'<li id="effect-([a-z-]+)"', page)
    assert levels == defs["evidenceLevel"]["enum"], "the scale in its fixed order"
    text = text_of(page)
    for value in defs["evidenceLevel"]["enum"]:
        assert defs["evidenceLevel"]["x-descriptions"][value] in text
    for value in defs["methodKind"]["enum"]:
        assert f'id="soort-{value}"' in page

