"""Tijdlijn 'Wijkaanpak door de jaren heen', in date order."""
from __future__ import annotations

from .pages import PageContext


def contribute(ctx: PageContext) -> None:
    # Dates are JJJJ, JJJJ-MM or JJJJ-MM-DD text; padded text sorts in calendar order.
    events = sorted(ctx.data.timeline, key=lambda e: (e["date"].ljust(10, "0"), e["title"]))
    ctx.render("timeline.md.j2", "tijdlijn/index.md", events=events)
