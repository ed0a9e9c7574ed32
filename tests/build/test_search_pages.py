"""What the built pages give the search index (issue 27): the readers' words of data/zoekwoorden.yaml on
every page they name, hidden and weighted; each indexed page's type; tool pages out of the index; the
index's own words for "Bedoelde je"."""
from __future__ import annotations

import html
import re
from pathlib import Path

from macros.site.search_vocabulary import first_letter

BODY = re.compile(r"<div data-pagefind-body([^>]*)>")
WORDS = re.compile(r'<div hidden data-pagefind-weight="([\d.]+)">Ook gezocht als: ([^<]*)</div>')


def page_html(site: Path, address: str) -> str:
    path = site / address / "index.html" if address else site / "index.html"
    assert path.is_file(), f"zoekwoorden.yaml names '{address}', which is not a page of the site"
    return path.read_text(encoding="utf-8")


def test_every_page_the_register_names_exists_and_holds_its_words_hidden(built_site: Path, data) -> None:  # noqa: ANN001
    for item in data.search_words:
        for address in item["paginas"]:
            text = page_html(built_site, address)
            block = WORDS.search(text)
            assert block, f"{address}: no hidden block with readers' words"
            assert float(block.group(1)) > 1, "the words weigh more than body text"
            assert item["woord"] in html.unescape(block.group(2)).removesuffix(".").split("; "), address
            assert text.index(block.group(0)) > text.index("data-pagefind-body"), "inside what Pagefind indexes"


def test_each_indexed_page_says_its_type_and_tool_pages_are_left_out(built_site: Path, data) -> None:  # noqa: ANN001
    for kind in data.kinds:
        record = next(iter(data.records_of(kind.id)))
        attrs = BODY.search(page_html(built_site, f"{kind.url}/{record}")).group(1)
        assert f'data-pagefind-filter="soort:{kind.label}"' in attrs and "data-wg-record" in attrs, attrs
        assert f'data-pagefind-meta="soort:{kind.label.capitalize()}"' in attrs, attrs
    residents = BODY.search(page_html(built_site, "bewoners/geld-en-hulp")).group(1)
    assert 'data-pagefind-meta="soort:Voor bewoners"' in residents
    reading_list = BODY.search(page_html(built_site, "leeslijst")).group(1)
    assert 'data-pagefind-weight="0.5"' in reading_list, "the reading list weighs less than content"
    for tool in ("leeslijst/mijn", "redactie/bewerken", "open-data", "publiceren"):
        assert "data-pagefind-body" not in page_html(built_site, tool), f"{tool} is a tool, not content"
    indexed = [p for p in built_site.rglob("index.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    untyped = [str(p) for p in indexed if "data-pagefind-meta=\"soort:" not in p.read_text(encoding="utf-8")]
    assert indexed and untyped == []


def test_the_index_words_are_shipped_per_first_letter_most_frequent_first(built_site: Path) -> None:
    folder = built_site / "pagefind" / "woorden"
    files = {p.stem: p.read_text(encoding="utf-8").split("\n") for p in folder.glob("*.txt")}
    assert "b" in files and "bewonersbedrijf" in files["b"]
    for letter, words in files.items():
        assert all(first_letter(w) == letter and w == w.lower() and len(w) >= 4 for w in words), letter
    # 'bewoners' is on nearly every page; a word from one page comes later in its list.
    assert files["b"].index("bewoners") < files["b"].index("bewonersbedrijf")
    assert sum(p.stat().st_size for p in folder.glob("*.txt")) < 200_000


def test_excerpts_never_run_table_cells_together(built_site: Path) -> None:
    import gzip
    import json

    contents = {}
    for path in (built_site / "pagefind" / "fragment").glob("*.pf_fragment"):
        fragment = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd"):])
        contents[fragment["url"]] = fragment["content"]
    checked = 0
    for url, content in contents.items():
        text = page_html(built_site, url.strip("/"))
        for row in re.findall(r"<tr>(.*?)</tr>", text, flags=re.S):
            cells = [re.sub(r"<[^>]+>|\s+", " ", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            for left, right in zip(cells, cells[1:]):
                if left and right:
                    checked += 1
                    assert html.unescape(left + right) not in content, (url, left, right)
    assert checked, "the site has tables in indexed pages"
