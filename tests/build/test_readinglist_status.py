"""The reading list tells a reader which titles nobody could compare with the work itself."""
from __future__ import annotations

import re
from pathlib import Path

from macros.bibliography.load import load_bibliography
from tests.support import ROOT


def entry_html(site: Path, key: str) -> str:
    html = (site / "leeslijst" / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<li[^>]*\bid="' + re.escape(key) + r'"[^>]*>.*?</li>', html, re.S)
    assert match, f"{key} is not on the reading list"
    return match.group(0)


def test_unchecked_titles_are_marked_and_checked_ones_are_not(built_site: Path) -> None:
    bib, _ = load_bibliography(ROOT / "data" / "references.bib", "data/references.bib")
    unchecked = [e.key for e in bib if e.get("titelstatus")]
    checked = [e.key for e in bib if not e.get("titelstatus")]
    assert unchecked and checked
    for key in unchecked:
        assert "titel niet gecontroleerd" in entry_html(built_site, key), key
    for key in checked:
        assert "titel niet gecontroleerd" not in entry_html(built_site, key), key
