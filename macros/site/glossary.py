"""Begrippen: every term defined once, with an anchor other pages link to."""
from __future__ import annotations

from ..data.kinds import PAGE_FOLDERS
from .context import PageContext


def contribute(ctx: PageContext) -> None:
    terms = sorted(ctx.data.glossary, key=lambda t: t["term"].casefold())
    ctx.render("glossary.md.j2", f"{PAGE_FOLDERS.glossary}/index.md", terms=terms)
