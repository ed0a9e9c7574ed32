"""Tijdlijn 'Wijkaanpak door de jaren heen': in date order, one section per decade.

An event's themes are the reading-list themes of the sources it cites (data/themes.yaml), so the
theme filter on the page needs no second classification by hand.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..data.dataset import reference_keys
from ..data.kinds import PAGE_FOLDERS
from .context import PageContext


@dataclass
class Decade:
    start: int
    events: list[Any]

    @property
    def id(self) -> str:
        return f"jaren-{self.start}"

    @property
    def label(self) -> str:
        return f"{self.start}–{self.start + 9}"


def source_keys(event: Any) -> list[str]:
    return reference_keys(event.get("sources"))


def event_themes(data: Any, event: Any) -> list[str]:
    """Theme ids of the event's sources, in theme order, each once."""
    ids = {t.id for key in source_keys(event) for t in data.themes_of(data.bibliography[key])}
    return [t.id for t in data.themes if t.id in ids]


def decades(events: list[Any]) -> list[Decade]:
    """Events (already in date order) grouped by the decade of their start date."""
    groups: list[Decade] = []
    for event in events:
        start = int(event["date"][:4]) // 10 * 10
        if not groups or groups[-1].start != start:
            groups.append(Decade(start, []))
        groups[-1].events.append(event)
    return groups


def contribute(ctx: PageContext) -> None:
    data = ctx.data
    # Dates are JJJJ, JJJJ-MM or JJJJ-MM-DD text; padded text sorts in calendar order.
    events = sorted(data.timeline, key=lambda e: (e["date"].ljust(10, "0"), e["title"]))
    themes = {e.id: event_themes(data, e) for e in events}
    used = [(t.id, t["label"], sum(t.id in ids for ids in themes.values())) for t in data.themes]
    ctx.render("timeline.md.j2", f"{PAGE_FOLDERS.timeline}/index.md", events=events, decades=decades(events), themes=themes,
               theme_options=[option for option in used if option[2]])
