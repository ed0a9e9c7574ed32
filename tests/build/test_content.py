"""The guide covers what the sources describe: the seed methods and all twelve cases have a page,
every record names a source, and every reading-list entry is used or deliberately recommended."""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from macros.data.cited_by import FURTHER_READING
from macros.site.readinglist import build_items
from tests.support import ROOT

# Names as a professional would look them up (content brief §1 and §2).
SEED_METHODS = ["ABCD", "PACT", "Buurtonderneming", "Bewonersbedrijf", "Wijkbudget", "Uitdaagrecht",
                "Wijkteam", "Sociaal architect", "Programmabureau", "Development trust"]
SEED_CASES = ["Selwerd", "Overvecht", "Groenewoud", "Woensel-West", "Emmen", "Goodwin Trust", "Vreewijk",
              "Corpus den Hoorn", "Pendrecht", "versterking", "Paddepoel", "VoorUit"]


def page_headings(site: Path, folder: str) -> dict[str, str]:
    """Record page URL -> its h1 plus its 'ook bekend als' line, as a reader sees them."""
    found = {}
    for page in sorted((site / folder).glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
        aliases = re.search(r'class="wg-aliases"[^>]*>(.*?)</p>', html, re.S)
        text = " ".join(m.group(1) for m in (h1, aliases) if m)
        found[f"{folder}/{page.parent.name}/"] = unescape(re.sub(r"<[^>]+>", "", text))
    return found


@pytest.mark.parametrize("folder, names", [("methoden", SEED_METHODS), ("praktijk", SEED_CASES)])
def test_every_seed_method_and_case_has_a_page(built_site: Path, folder: str, names: list[str]) -> None:
    headings = page_headings(built_site, folder)
    missing = [name for name in names
               if not any(name.casefold() in text.casefold() for text in headings.values())]
    assert not missing, f"no page in /{folder}/ is titled with: {missing}"


def test_twelve_cases(data) -> None:
    assert len(data.cases) >= 12


def test_every_record_names_a_source(data) -> None:
    without = [r.path for r in [*data.methods.values(), *data.cases.values(), *data.checklists.values()] if not r["sources"]]
    assert not without, f"records without a source: {without}"


def test_every_reading_list_entry_is_cited_or_recommended(data) -> None:
    """An entry nobody cites is either a leftover or further reading; the keyword says which."""
    loose = [item.key for item in build_items(data, ROOT / "docs")
             if not item.cited_by and not item.further_reading]
    assert not loose, (f"entries cited nowhere: {loose}; cite them, or add '{FURTHER_READING}' to their "
                       "keywords in data/references.bib")


def test_further_reading_is_said_on_the_reading_list(built_site: Path, data) -> None:
    html = (built_site / "leeslijst" / "index.html").read_text(encoding="utf-8")
    recommended = [item for item in build_items(data, ROOT / "docs") if item.further_reading and not item.cited_by]
    assert recommended, "the real list has further-reading entries"
    for item in recommended:
        entry = re.search(rf'<li [^>]*\bid="{re.escape(item.key)}"[^>]*>.*?</li>', html, re.S)
        assert entry and "Om verder te lezen" in entry.group(0), item.key


def test_controleer_warns_about_a_source_nobody_cites(tmp_path: Path) -> None:
    import io
    import shutil

    from scripts import check

    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    bib = tmp_path / "data" / "references.bib"
    text = bib.read_text(encoding="utf-8")
    first = text.index(f", {FURTHER_READING}}}")
    bib.write_text(text[:first] + "}" + text[first + len(f", {FURTHER_READING}}}"):], encoding="utf-8")
    out = io.StringIO()
    code, _ = check.run(tmp_path / "data", out)
    report = out.getvalue()
    assert code == 0, "a warning, not an error: the site still builds"
    assert report.count("wordt nergens in de gids genoemd") == 1, report
    assert re.search(r"^data/references\.bib:\d+: waarschuwing: keywords: bron '\w+' wordt nergens", report, re.M)
