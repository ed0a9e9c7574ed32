"""Rules for curator text: no HTML, only safe link schemes, and nothing YAML quietly ate.

Curator text is data. It is escaped when rendered, and these checks make the mistakes visible
at validation time instead of publishing something odd.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .problems import Problems
from .yaml_loader import YList, YMap, YStr

# Where a browser starts a tag: '<' right before a letter, '/', '!' or '?' ('<img src=x onerror=…'
# needs no closing '>' to be live markup). '<' before a space or digit ('a < b', '<12 jaar') is text.
_HTML_TAG = re.compile(r"<[A-Za-z/!?][^<>\n]{0,60}>?")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
# Markdown link targets: inline '[x](target)' and reference definitions '[x]: target' (any indent,
# also inside list items). Bounded, so a long line of brackets costs linear time.
_MD_LINK = re.compile(r"\]\(\s*(<[^<>\n]{0,2000}>|[^)\n]{0,2000})")
_MD_REFDEF = re.compile(r"^[ \t]*\[[^\]\n]{1,1000}\]:\s*(\S+)", re.M)
# Markdown images: rendering removes them (they would load from another site), so say so instead.
_MD_IMAGE = re.compile(r"!\[[^\]\n]{0,1000}\]\s?[(\[]")
_SCHEMES = ("http://", "https://", "mailto:", "doi:")
_JINJA = re.compile(r"\{\{|\{%|\{#")


def strings(value: Any, path: str = "") -> Iterator[tuple[str, YStr]]:
    """Every text value in a record with its field path (items[2].text style)."""
    stack: list[tuple[str, Any]] = [(path, value)]
    while stack:
        where, current = stack.pop()
        if isinstance(current, YMap):
            for key, sub in current.items():
                stack.append((f"{where}.{key}" if where else key, sub))
        elif isinstance(current, YList):
            for index, sub in enumerate(current):
                stack.append((f"{where}[{index + 1}]", sub))
        elif isinstance(current, YStr):
            yield where, current


def link_targets(text: str) -> list[str]:
    """The target of every Markdown link; an optional "title" after a space is not part of it."""
    inline = [m.strip("<>") if m.startswith("<") else re.split(r" +[\"'(]", m, maxsplit=1)[0].rstrip()
              for m in _MD_LINK.findall(text)]
    return inline + [m.strip("<>") for m in _MD_REFDEF.findall(text)]


def allowed_link(url: str) -> bool:
    return url.lower().startswith(_SCHEMES) and url == url.strip()


def check_text(record: Any, display: str, problems: Problems) -> None:
    for field, text in sorted(strings(record), key=lambda item: (item[1].line, item[0])):
        tag = _HTML_TAG.search(_AUTOLINK.sub("", text))
        if tag:
            problems.add(display, text.line, field, f"bevat HTML ({tag.group()[:40]}); dat is niet toegestaan",
                         "schrijf gewone tekst; gebruik Markdown voor *cursief*, **vet** en [links](https://...); "
                         "bedoel je het teken '<', zet er dan een spatie achter")
        if _MD_IMAGE.search(text):
            problems.add(display, text.line, field, "bevat een afbeelding (![…](…)); afbeeldingen zijn niet toegestaan",
                         "de site laadt niets van andere websites; maak er een gewone link van: [tekst](https://...)")
        for target in link_targets(text):
            if not allowed_link(target):
                problems.add(display, text.line, field, f"link {target[:60]!r} is niet toegestaan",
                             "alleen links die beginnen met https://, http://, mailto: of doi: (zonder spaties ervoor)")
        if _JINJA.search(text):
            problems.add(display, text.line, field, "bevat {{ of {% ; dat wordt letterlijk getoond",
                         "dit is geen opdracht aan de site; bedoel je het zo, dan is er niets aan de hand",
                         severity="waarschuwing")
