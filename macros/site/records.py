"""A page per record of every record kind (macros/data/kinds.py), plus each kind's overview."""
from __future__ import annotations

from .context import PageContext


def contribute(ctx: PageContext) -> None:
    for kind in ctx.data.kinds:
        for record in ctx.data.records_of(kind.id).values():
            ctx.render(kind.template, f"{kind.url}/{record.id}.md", record=record, **{kind.template_var: record})
        if kind.index_template:
            ctx.render(kind.index_template, f"{kind.url}/index.md", kind=kind)
