"""Curator text reaches the page exactly as typed: escaped, never executed, never a template."""
from __future__ import annotations

from pathlib import Path

from macros.data.dataset import load_valid_dataset
from macros.site.build import build_pages
from macros.site.render import dutch_date, markdown_html, markdown_inline


def test_markdown_keeps_formatting_but_not_html() -> None:
    html = str(markdown_html("**vet** en <script>alert(1)</script> & [link](https://example.nl/?a=1&b=2)"))
    assert "<strong>vet</strong>" in html
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&amp; " in html
    assert 'href="https://example.nl/?a=1&amp;b=2"' in html


def test_unsafe_links_lose_their_target() -> None:
    html = str(markdown_html("[klik](javascript:alert(1)) [data](data:text/html,x) [ok](mailto:a@b.nl)"))
    assert "javascript:" not in html.split(">klik")[0]
    assert 'href="data:' not in html
    assert 'href="mailto:a@b.nl"' in html


def test_images_are_never_loaded_from_elsewhere() -> None:
    assert "<img" not in str(markdown_html("![x](https://tracker.example/pixel.png)"))


def test_inline_markdown_has_no_paragraph() -> None:
    assert str(markdown_inline("een *klein* punt")) == "een <em>klein</em> punt"


LINES = ["Gewoon een zin met zo'n \"citaat\" erin.", "<script>alert(1)</script>", "a & b", "1. eerst", "- lijst",
         "+ plus", "> citaat", "# kop", "    ingesprongen", "regel  ", "*nadruk*", "zie https://example.org",
         "[link](javascript:alert(1))", "e-mail: a@b.nl", "{{ 7 * 7 }}", "2024 was het jaar", "tekst_met_streep"]


def test_inline_fast_path_gives_what_the_converter_gives() -> None:
    """Plain lines skip Python-Markdown for speed; the page must not change because of it."""
    for line in LINES:
        full = str(markdown_html(line)).strip()
        if full.startswith("<p>") and full.endswith("</p>") and full.count("<p>") == 1:
            full = full[3:-4]
        assert str(markdown_inline(line)) == full, line
    assert "<script>" not in markdown_inline("<script>alert(1)</script>")


def test_dutch_dates() -> None:
    assert dutch_date("2026-11-01") == "1 november 2026"
    assert dutch_date("2013-09") == "september 2013"
    assert dutch_date("1969") == "1969"


def test_plain_text_is_escaped_and_jinja_is_shown_literally(data_dir: Path) -> None:
    method = data_dir / "methods" / "burgerpanel.yaml"
    text = method.read_text(encoding="utf-8")
    text = text.replace("summary: Een gelote groep inwoners adviseert de gemeenteraad.",
                        "summary: \"{{ config.site_name }} & snake_case_naam en 2*3*4 \\\" onclick=x\"")
    method.write_text(text, encoding="utf-8")
    data = load_valid_dataset(data_dir, data_dir.parent)
    page = build_pages(data)["methoden/burgerpanel.md"]
    assert '{{ config.site_name }} &amp; snake_case_naam en 2*3*4 &#34; onclick=x' in page


def test_front_matter_cannot_be_broken_out_of(data_dir: Path) -> None:
    method = data_dir / "methods" / "burgerpanel.yaml"
    text = method.read_text(encoding="utf-8").replace("name: Burgerpanel", "name: \"Panel\\n---\\nrender_macros: true\"")
    method.write_text(text, encoding="utf-8")
    page = build_pages(load_valid_dataset(data_dir, data_dir.parent))["methoden/burgerpanel.md"]
    front = page.split("\n---\n", 1)[0]
    assert "render_macros" not in front.replace('\\nrender_macros', '')
    assert 'title: "Panel\\n---\\nrender_macros: true"' in front


def test_two_way_links(data_dir: Path) -> None:
    pages = build_pages(load_valid_dataset(data_dir, data_dir.parent))
    assert 'href="../../praktijk/voorbeeldwijk/"' in pages["methoden/wijkgesprek.md"]
    assert 'href="../../methoden/wijkgesprek/"' in pages["praktijk/voorbeeldwijk.md"]


def test_glossary_terms_are_linked_once_outside_links_and_headings() -> None:
    from macros.site.render import TermLinker

    linker = TermLinker([{"id": "zelfbeheer", "term": "Zelfbeheer", "aliases": ["zelf beheren"],
                          "definition": "Bewoners beheren \"zelf\" iets."}])
    html = linker("<h2>Zelfbeheer</h2><p>Over zelfbeheer en nog eens zelfbeheer. "
                  "<a href='x'>zelfbeheer</a></p>", "../../")
    assert str(html).count('class="wg-term"') == 1
    assert '<h2>Zelfbeheer</h2>' in html
    assert ('<a class="wg-term" href="../../begrippen/#zelfbeheer" title="Bewoners beheren &#34;zelf&#34; iets.">'
            'zelfbeheer</a> en nog eens zelfbeheer') in html
    assert "zelfbeheerders" == str(linker("zelfbeheerders", ""))
