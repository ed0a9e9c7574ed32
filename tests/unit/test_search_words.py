"""data/zoekwoorden.yaml: readers' words for pages, checked like all data (a page that does not exist, a word
twice, a field the schema does not know: each with its line and a Dutch tip, all in one run)."""
from __future__ import annotations

from pathlib import Path

from macros.data import search_words
from macros.data.dataset import load_dataset
from tests.support import SITE_DATA


def write_register(data_dir: Path, text: str) -> None:
    (data_dir / "zoekwoorden.yaml").write_text(text, encoding="utf-8")


def test_the_register_of_the_site_is_valid_and_large(data) -> None:  # noqa: ANN001 - the session's data
    words = data.search_words
    assert len(words) >= 150
    # Every kind of word the issue asks for is there.
    assert {"spreektaal", "ouder woord", "Engels", "afkorting", "vraag", "plaats"} <= {w["soort"] for w in words}
    assert (SITE_DATA / "zoekwoorden.yaml").is_file()


def test_unknown_pages_and_doubles_are_reported_with_line_and_tip(data_dir: Path) -> None:
    method = sorted(p.stem for p in (data_dir / "methods").glob("*.yaml"))[0]
    write_register(data_dir, f"""\
- {{woord: buurtgesprek, paginas: [methoden/{method}]}}
- {{woord: bewonersavond, paginas: [methoden/{method}x, ladder]}}
- {{woord: Buurtgesprek, paginas: [ladder]}}
- {{woord: iets, paginas: [geen/pagina]}}
""")
    problems = load_dataset(data_dir).problems
    lines = [str(p) for p in problems.errors if p.file.endswith("zoekwoorden.yaml")]
    assert any(f":2: [2].paginas: de pagina 'methoden/{method}x' bestaat niet (tip: bedoel je 'methoden/{method}'?)"
               in line for line in lines), lines
    assert any(":3: [3].woord: 'Buurtgesprek' staat al op regel 1" in line for line in lines), lines
    assert any(":4: [4].paginas: de pagina 'geen/pagina' bestaat niet" in line for line in lines), lines
    assert len(lines) == 3, lines


def test_every_target_of_a_valid_register_is_a_page(data_dir: Path) -> None:
    method = sorted(p.stem for p in (data_dir / "methods").glob("*.yaml"))[0]
    write_register(data_dir, f"- {{woord: buurtgesprek, paginas: [methoden/{method}, ladder, methoden]}}\n"
                             "- {woord: iets, paginas: [geen/pagina]}\n")
    problems = load_dataset(data_dir).problems
    lines = [str(p) for p in problems.errors if p.file.endswith("zoekwoorden.yaml")]
    assert len(lines) == 1 and ":2: [2].paginas: de pagina 'geen/pagina' bestaat niet" in lines[0], lines


def test_a_misspelt_field_is_reported_in_the_house_format(data_dir: Path) -> None:
    write_register(data_dir, "- {woord: vogelaarwijk, pagina: [ladder]}\n")
    lines = [str(p) for p in load_dataset(data_dir).problems.errors if p.file.endswith("zoekwoorden.yaml")]
    assert lines == ["data/zoekwoorden.yaml:1: [1].pagina: onbekend veld (tip: bedoel je 'paginas'?)"], lines


def test_words_are_grouped_by_the_address_mkdocs_gives_the_page() -> None:
    items = [{"woord": "buurtgeld", "paginas": ["methoden/wijkbudget", "bewoners/wijkbudget"]},
             {"woord": "potje", "paginas": ["bewoners/wijkbudget"]}, {"woord": "start", "paginas": ["index"]}]
    pages = search_words.by_page(items)
    assert pages["bewoners/wijkbudget/"] == ["buurtgeld", "potje"] and pages["methoden/wijkbudget/"] == ["buurtgeld"]
