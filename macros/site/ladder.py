"""A page per rung of both ladders, and the ladder overview."""
from __future__ import annotations

from markupsafe import Markup

from ..data.kinds import PAGE_FOLDERS
from ..figures.ladder_svg import ladder_svg
from .context import PageContext


def contribute(ctx: PageContext) -> None:
    data = ctx.data
    for rung in data.rungs + data.roles:
        ctx.render("rung.md.j2", f"{PAGE_FOLDERS.ladder}/{rung.id}.md", r=rung, resident_side=rung in data.rungs)
    ctx.render("ladder_index.md.j2", f"{PAGE_FOLDERS.ladder}/index.md",
               ladder_figure=lambda base: Markup(ladder_svg(data.rungs, data.roles, base)))
