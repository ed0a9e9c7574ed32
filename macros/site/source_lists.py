"""A record's "Bronnen" and "Verder lezen" lists, and the list items made of them, once per build.

Templates ask ``Site`` (macros/site/context.py) for these lists; this module makes them. What depends on one
reading-list entry alone (its reference, sort key, citation, COinS) the entry keeps itself (``Entry.once`` in
macros/bibliography), so it is not kept here again. Kept here is what depends on more than one entry or on
the themes: the themes of each entry, the entries of each theme, the ranking per set of theme weights, and
the rendered list items.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import islice
from operator import itemgetter
from typing import Any

from markupsafe import Markup

from .. import bibliography
from ..data.dataset import Dataset, Record, source_ref

#: How many entries from the themes of the record's sources "Verder lezen" lists.
FURTHER_READING_LIMIT = 8


@dataclass
class SourceLine:
    key: str
    pages: str | None
    html: Markup
    cite: str
    label: str = ""  # narrative form, 'Putters (2022)': names the source in button labels


@dataclass(frozen=True)
class FurtherLine:
    """One entry of a record's "Verder lezen" list (hashable: its list item is made once, SourceLists.item)."""

    key: str
    html: Markup
    cite: str
    label: str
    themes: tuple[str, ...]  # labels of the themes it shares with the record's sources


class SourceLists:
    """The source lists of the record pages of one build (the data never changes during a build)."""

    def __init__(self, data: Dataset):
        self.data = data
        self._items: dict[tuple[str, tuple[Any, ...]], Markup] = {}
        self._themes: dict[str, tuple[str, ...]] = {}
        self._rankings: dict[tuple[tuple[str, int], ...], list[str]] = {}

    def sources(self, record: Record | dict[str, Any]) -> list[SourceLine]:
        """The record's own sources ("Bronnen"), in reading-list order."""
        lines = []
        for source in record.get("sources") or []:
            key, pages = source_ref(source)
            entry = self.data.bibliography[key]
            lines.append((bibliography.sort_key(entry), SourceLine(
                key, pages, bibliography.format_reference(entry), bibliography.cite_entry(entry, pages),
                bibliography.cite_entry(entry, narrative=True))))
        lines.sort(key=itemgetter(0))
        return [line for _, line in lines]

    def item(self, macro: Any, *args: Any) -> Markup:
        """What a template macro makes of these arguments, made once per build: its output depends on them
        alone. The buttons and COinS of one source stand on hundreds of record pages (at 5,000 methods
        they were rendered about 64,000 times)."""
        key = (macro.name, args)
        if key not in self._items:
            self._items[key] = Markup(macro(*args))
        return self._items[key]

    def further_reading(self, record: Record) -> tuple[list[FurtherLine], list[Record]]:
        """A reading list for one method or case: entries from the themes of its sources, without the
        sources themselves ("Bronnen" lists those). A theme weighs as often as the record's sources fall in
        it; an entry scores the weights of its themes; the best FURTHER_READING_LIMIT, ties in reading-list
        order. Also returns the themes, heaviest first, to link to in full."""
        own = list(dict.fromkeys(line.key for line in self.sources(record)))
        weights: dict[str, int] = {}
        for key in own:
            for theme_id in self._theme_ids(key):
                weights[theme_id] = weights.get(theme_id, 0) + 1
        others = list(islice((key for key in self._ranking(weights) if key not in own), FURTHER_READING_LIMIT))
        order = self._theme_order
        themes = sorted((t for t in self.data.themes if t.id in weights), key=lambda t: (-weights[t.id], order[t.id]))
        labels = {theme.id: theme["label"] for theme in themes}
        lines = []
        for key in others:
            entry = self.data.bibliography[key]
            lines.append(FurtherLine(key, bibliography.format_reference(entry), bibliography.cite_entry(entry),
                                     bibliography.cite_entry(entry, narrative=True),
                                     tuple(labels[t] for t in self._theme_ids(key) if t in labels)))
        return lines, themes

    def _ranking(self, weights: dict[str, int]) -> list[str]:
        """Every entry in a weighted theme, best first: the sum of the weights of its themes, ties in
        reading-list order. Made once per set of weights (many records share one) from the entries of those
        themes only, so a build does not score the whole reading list for every record."""
        signature = tuple(sorted(weights.items()))
        if signature not in self._rankings:
            scores: dict[tuple[int, str], int] = {}
            for theme_id, weight in weights.items():
                for member in self._members.get(theme_id, ()):
                    scores[member] = scores.get(member, 0) + weight
            ranked = sorted(scores, key=lambda member: (-scores[member], member[0]))
            self._rankings[signature] = [key for _, key in ranked]
        return self._rankings[signature]

    @cached_property
    def _members(self) -> dict[str, list[tuple[int, str]]]:
        """The entries of each theme, with their place in the reading list."""
        members: dict[str, list[tuple[int, str]]] = {}
        for position, entry in enumerate(self.data.bibliography):
            for theme_id in self._theme_ids(entry.key):
                members.setdefault(theme_id, []).append((position, entry.key))
        return members

    @cached_property
    def _theme_order(self) -> dict[str, int]:
        return {theme.id: index for index, theme in enumerate(self.data.themes)}

    def _theme_ids(self, key: str) -> tuple[str, ...]:
        if key not in self._themes:
            self._themes[key] = tuple(t.id for t in self.data.themes_of(self.data.bibliography[key]))
        return self._themes[key]
