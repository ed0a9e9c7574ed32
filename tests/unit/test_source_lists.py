"""How pages name their sources, as a reader sees it: the "Bronnen" list of record pages and of the residents'
pages (each source once, as its full reference with a link to the reading list), citations grouped in one pair
of brackets, and "Verder lezen" without the sources already listed under "Bronnen"."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from macros import bibliography
from macros.data.dataset import Dataset, load_valid_dataset
from macros.site.build import build_pages
from macros.site.citations import CitationError, cite_markup, sources_markup
from tests.html_tree import Node, parse_html

TODAY = date(2026, 12, 1)


@pytest.fixture
def fixture_data(data_dir: Path) -> Dataset:
    return load_valid_dataset(data_dir, data_dir.parent)


@pytest.fixture
def pages(fixture_data: Dataset) -> dict[str, str]:
    return build_pages(fixture_data, today=TODAY)


def source_list(page: str) -> Node:
    return parse_html(page).find("ol", "wg-bronnen")


def visible_text(node: Node) -> str:
    """What a sighted reader sees: the text without visually hidden spans, COinS and the (hidden) buttons."""
    def parts(n: Node) -> list[str]:
        if "wg-sr" in n.classes or "Z3988" in n.classes or "hidden" in n.attrs:
            return []
        return [text for part in n.content for text in ([part] if isinstance(part, str) else parts(part))]
    return re.sub(r"\s+", " ", " ".join(parts(node))).strip()


# --- item 2: "Bronnen" gives each source once -------------------------------------------------

def test_a_residents_source_list_gives_each_source_once_with_a_named_link(fixture_data: Dataset) -> None:
    html = str(sources_markup(fixture_data, ("vanderlaan2019", "arnstein1969"), base="../../", where="docs/x.md:3"))
    items = source_list(html).find_all("li")
    assert [li.attrs["id"] for li in items] == ["bron-arnstein1969", "bron-vanderlaan2019"]
    for li, key in zip(items, ("arnstein1969", "vanderlaan2019")):
        entry = fixture_data.bibliography[key]
        short = bibliography.cite_text([key], bibliography=fixture_data.bibliography)  # '(Arnstein, 1969)'
        text = visible_text(li)
        assert short not in text, f"the short citation repeats the reference: {text!r}"
        assert text.count(f"({entry.year})") == 1, f"names and year once: {text!r}"
        link = li.find("span", "wg-bronnen__lijst").find("a")
        assert link.attrs["href"] == f"../../leeslijst/#{key}"
        narrative = bibliography.cite_text([key], narrative=True, bibliography=fixture_data.bibliography)
        assert link.all_text(" ") == f"Bekijk op de leeslijst : {narrative}", "the link says which source it opens"


def test_record_pages_list_their_sources_like_the_residents_pages(fixture_data: Dataset, pages: dict[str, str]) -> None:
    """The same source, the same entry: a record page adds only its COinS and its buttons, and the pages the
    record uses ('Gebruikt: blz. 12–14.')."""
    items = {li.attrs["id"]: li for li in source_list(pages["methoden/burgerpanel.md"]).find_all("li")}
    assert set(items) == {"bron-arnstein1969", "bron-bzk2020"}
    residents = source_list(str(sources_markup(fixture_data, ("arnstein1969",), base="../../", where="x"))).find("li")
    record = items["bron-arnstein1969"]
    assert visible_text(record).startswith(visible_text(residents)), "both pages show the source the same way"
    assert [c.tag for c in record.children][:2] == [c.tag for c in residents.children][:2] == ["span", "span"]
    assert "wg-cite" not in pages["methoden/burgerpanel.md"].split('<ol class="wg-bronnen">')[1].split("</ol>")[0]
    assert "Gebruikt: blz. 12–14." in visible_text(items["bron-bzk2020"])
    assert visible_text(items["bron-bzk2020"]).count("(2020)") == 1


# --- item 3: several citations in one pair of brackets ---------------------------------------

def test_citations_are_grouped_in_one_pair_of_brackets_as_apa_wants(data) -> None:
    """The pieces read exactly like cite_text: one author (group) named once for all its years."""
    keys = ["putters2022einde", "platform31_2023tienjaar", "platform31_2023jaren"]
    parts = bibliography.cite_parts([(key, None) for key in keys], bibliography=data.bibliography)
    assert "(" + "".join(separator + text for _, separator, text in parts) + ")" == \
        bibliography.cite_text(keys, bibliography=data.bibliography) == "(Platform31, 2023a, 2023b; Putters, 2022)"
    html = parse_html(str(cite_markup(data, tuple(keys), pages=None, narrative=False, base="../", where="x.md:1")))
    links = html.find_all("a", "wg-cite")
    assert [(a.attrs["href"], a.all_text()) for a in links] == [
        ("../leeslijst/#platform31_2023jaren", "Platform31, 2023a"), ("../leeslijst/#platform31_2023tienjaar", "2023b"),
        ("../leeslijst/#putters2022einde", "Putters, 2022")], "every work links to its own entry"
    assert html.reading_text() == "(Platform31, 2023a, 2023b; Putters, 2022)"


def test_the_evidence_line_cites_its_sources_in_one_pair_of_brackets(data_dir: Path) -> None:
    method_file = data_dir / "methods" / "burgerpanel.yaml"
    method_file.write_text(method_file.read_text(encoding="utf-8").replace(
        "  sources: [arnstein1969]", "  sources: [vanderlaan2019, {key: arnstein1969, pages: '217'}]"), encoding="utf-8")
    data = load_valid_dataset(data_dir, data_dir.parent)
    line = parse_html(build_pages(data, today=TODAY)["methoden/burgerpanel.md"]).find("p", "wg-evidence-sources")
    first, second = (bibliography.cite_text([key], pages=pages, bibliography=data.bibliography)[1:-1]
                     for key, pages in (("arnstein1969", "217"), ("vanderlaan2019", None)))
    assert line.reading_text() == f"Bronnen: ({first}; {second})", "not '(A, 1969); (B, 2019)'"
    assert [a.attrs["href"].rsplit("#", 1)[1] for a in line.find_all("a", "wg-cite")] == ["arnstein1969", "vanderlaan2019"]


def test_pages_with_several_works_in_one_cite_is_a_clear_error(data) -> None:
    with pytest.raises(CitationError, match=r"docs/x\.md:3: cite: paginanummers .* kunnen alleen bij één bron"):
        cite_markup(data, ("putters2022einde", "platform31_2023jaren"), pages="4", narrative=False, base="",
                    where="docs/x.md:3")


# --- item 5: "Verder lezen" holds only what "Bronnen" does not list -------------------------

def test_verder_lezen_does_not_repeat_the_sources_and_goes_when_empty(data_dir: Path) -> None:
    """One theme holds two entries. The panel cites one of them (and a source outside the theme): its
    "Verder lezen" lists the other one only. The conversation cites both: nothing is left, so its page has
    no "Verder lezen" at all (no heading, no empty list)."""
    (data_dir / "themes.yaml").write_text(
        "- id: ladders\n  label: Participatieladders\n  description: Over treden van invloed.\n"
        "  keywords: [ladder]\n", encoding="utf-8")
    bib = data_dir / "references.bib"
    text = bib.read_text(encoding="utf-8")
    for opening in ("@article{arnstein1969,", "@book{vanderlaan2019,"):
        assert opening in text
        text = text.replace(opening, opening + "\n  keywords = {ladder},")
    bib.write_text(text, encoding="utf-8")
    method = data_dir / "methods" / "wijkgesprek.yaml"
    method.write_text(method.read_text(encoding="utf-8").replace(
        "sources: [vanderlaan2019]", "sources: [vanderlaan2019, arnstein1969]"), encoding="utf-8")
    pages = build_pages(load_valid_dataset(data_dir, data_dir.parent), today=TODAY)

    panel = parse_html(pages["methoden/burgerpanel.md"])
    assert [li.attrs["id"] for li in panel.find("ol", "wg-bronnen").find_all("li")] == ["bron-arnstein1969", "bron-bzk2020"]
    further = [li.find("div", "wg-acties").attrs["data-key"] for li in panel.find("ol", "wg-verder").find_all("li")]
    assert further == ["vanderlaan2019"], "only what 'Bronnen' does not list"
    assert "Deze bron gaat over hetzelfde thema" in panel.find("p", "wg-verder__intro").reading_text()

    conversation = pages["methoden/wijkgesprek.md"]
    assert "Verder lezen" not in conversation and 'class="wg-verder' not in conversation
