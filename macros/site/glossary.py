"""Begrippen: every term defined once, with an anchor other pages link to."""
from __future__ import annotations

from .context import PageContext


def contribute(ctx: PageContext) -> None:
    terms = sorted(ctx.data.glossary, key=lambda t: t["term"].casefold())
    ctx.render("glossary.md.j2", "begrippen/index.md", terms=terms)
