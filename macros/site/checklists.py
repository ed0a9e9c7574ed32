"""Checklists: besides their pages (records.py), a plain-text download each."""
from __future__ import annotations

from .context import PageContext
from .render import plain_text_checklist


def contribute(ctx: PageContext) -> None:
    for checklist in ctx.data.checklists.values():
        # A static file works without JavaScript and prints or imports anywhere.
        ctx.add(f"{ctx.site.index_url('checklist')}{checklist.id}.txt", plain_text_checklist(checklist, ctx.site))
