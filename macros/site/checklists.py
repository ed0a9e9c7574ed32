"""Checklists: a page each, a plain-text download each, and an overview by audience and phase."""
from __future__ import annotations

from .context import PageContext
from .render import plain_text_checklist


def contribute(ctx: PageContext) -> None:
    for checklist in ctx.data.checklists.values():
        ctx.render("checklist.md.j2", f"checklists/{checklist.id}.md", c=checklist)
        # A static file works without JavaScript and prints or imports anywhere.
        ctx.add(f"checklists/{checklist.id}.txt", plain_text_checklist(checklist, ctx.site))
    ctx.render("checklists_index.md.j2", "checklists/index.md")
