"""Citations and glossary links in hand-written pages, with errors that name file and line."""
from __future__ import annotations

from markupsafe import Markup, escape

from . import bibliography
from .dataset import Dataset


class CitationError(Exception):
    """A hand-written page cites something that is not in the data."""


def cite_markup(data: Dataset, keys: tuple[str, ...] | list[str], *, pages: str | None, narrative: bool,
                base: str, where: str) -> Markup:
    if not keys:
        raise CitationError(f"{where}: cite: geef minstens één bronsleutel op")
    for key in keys:
        if key not in data.bibliography:
            raise CitationError(f"{where}: cite: bron '{key}' staat niet in de leeslijst (data/references.bib)")
    text = bibliography.cite_text(list(keys), pages=pages, narrative=narrative, bibliography=data.bibliography)
    return Markup(f'<a class="wg-cite" href="{escape(base)}leeslijst/#{escape(keys[0])}">{escape(text)}</a>')


def term_markup(data: Dataset, term_id: str, text: str | None, *, base: str, where: str) -> Markup:
    entry = next((t for t in data.glossary if t.id == term_id), None)
    if entry is None:
        known = ", ".join(sorted(t.id for t in data.glossary)[:10])
        raise CitationError(f"{where}: term: begrip '{term_id}' staat niet in data/glossary.yaml (bekend: {known}, …)")
    label = text or entry["term"]
    return Markup(f'<a class="wg-term" href="{escape(base)}begrippen/#{escape(term_id)}" '
                  f'title="{escape(entry["definition"])}">{escape(label)}</a>')
