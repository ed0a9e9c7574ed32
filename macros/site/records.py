"""Pages for methods and practice cases: one per record, plus their overviews."""
from __future__ import annotations

from .context import PageContext


def contribute(ctx: PageContext) -> None:
    for method in ctx.data.methods.values():
        ctx.render("method.md.j2", f"methoden/{method.id}.md", m=method)
    for case in ctx.data.cases.values():
        ctx.render("case.md.j2", f"praktijk/{case.id}.md", c=case)
    ctx.render("methods_index.md.j2", "methoden/index.md")
    ctx.render("cases_index.md.j2", "praktijk/index.md")
