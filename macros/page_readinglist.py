"""Leeslijst: generated from data (work in progress in this session)."""
from __future__ import annotations

from .pages import PageContext


def contribute(ctx: PageContext) -> None:
    ctx.add("leeslijst/index.md", "# Leeslijst\n\nDeze pagina wordt opgebouwd uit de gegevens.\n")
