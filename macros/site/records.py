"""A page per record of every record kind (macros/data/kinds.py), plus each kind's overview."""
from __future__ import annotations

from ..data.dataset import Dataset, Record
from ..data.kinds import RecordKind
from .context import PageContext


def page_path(kind: RecordKind, record: Record) -> str:
    """docs/-relative path of a record's page: methoden/abcd.md (its URL is Site.url)."""
    return f"{kind.url}/{record.id}.md"


def record_pages(data: Dataset) -> dict[str, str]:
    """{path of every record's page: its kind's label}. Exactly these pages are records to the theme
    (overrides/main.html: the search filter 'soort', and which blocks search leaves out); the overviews
    and the pages of other families in a kind's folder (the map, the comparison) are not."""
    return {page_path(kind, record): kind.label
            for kind in data.kinds for record in data.records_of(kind.id).values()}


def contribute(ctx: PageContext) -> None:
    for kind in ctx.data.kinds:
        for record in ctx.data.records_of(kind.id).values():
            ctx.render(kind.template, page_path(kind, record), record=record, **{kind.template_var: record})
        if kind.index_template:
            ctx.render(kind.index_template, f"{kind.url}/index.md", kind=kind)
