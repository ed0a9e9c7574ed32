"""What a build writes into docs/: the Markdown pages only. Downloads, open data and the feed are
published from memory (macros/main.py hands them to MkDocs), so a build does not create thousands of
files in docs/ that MkDocs would only copy."""
from __future__ import annotations

from pathlib import Path

from macros.site.build import split_pages, write_pages

PAGES = {
    "methoden/abcd.md": "# ABCD\n",
    "leeslijst/bron/arnstein1969.bib": "@article{arnstein1969,}\n",
    "open-data/methods.json": "[]\n",
    "nieuw.xml": "<feed/>\n",
}


def test_only_markdown_is_a_page_for_docs() -> None:
    pages, published = split_pages(PAGES)
    assert set(pages) == {"methoden/abcd.md"}
    assert set(published) == {"leeslijst/bron/arnstein1969.bib", "open-data/methods.json", "nieuw.xml"}
    assert {**pages, **published} == PAGES


def test_copies_an_older_build_left_in_docs_are_removed(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages(PAGES, docs)  # as builds before this change wrote every file
    (docs / "over.md").write_text("# Over\n", encoding="utf-8")
    pages, published = split_pages(PAGES)
    changed = write_pages(pages, docs, elsewhere=published)
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()) == [
        ".gitignore", "methoden/abcd.md", "over.md"]
    assert set(changed) == set(published)
    assert write_pages(pages, docs, elsewhere=published) == []  # nothing left to do the second time
