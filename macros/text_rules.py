"""Rules for curator text: no HTML, only safe link schemes, and nothing YAML quietly ate.

Curator text is data. It is escaped when rendered, and these checks make the mistakes visible
at validation time instead of publishing something odd.
"""
from __future__ import annotations

import re
from typing import Any, Iterator

from .problems import Problems
from .yaml_loader import YList, YMap, YStr

_HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_MD_LINK = re.compile(r"\]\(\s*(<[^>]*>|[^)\s]*)")
_MD_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(\S+)", re.M)
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
    return [m.strip("<>") for m in _MD_LINK.findall(text)] + _MD_REFDEF.findall(text)


def allowed_link(url: str) -> bool:
    return url.lower().startswith(_SCHEMES) and url == url.strip()


def check_text(record: Any, display: str, problems: Problems) -> None:
    for field, text in sorted(strings(record), key=lambda item: (item[1].line, item[0])):
        if _AUTOLINK.sub("", text) and _HTML_TAG.search(_AUTOLINK.sub("", text)):
            tag = _HTML_TAG.search(_AUTOLINK.sub("", text)).group()  # type: ignore[union-attr]
            problems.add(display, text.line, field, f"bevat HTML ({tag[:40]}); dat is niet toegestaan",
                         "schrijf gewone tekst; gebruik Markdown voor *cursief*, **vet** en [links](https://...)")
        for target in link_targets(text):
            if not allowed_link(target):
                problems.add(display, text.line, field, f"link {target[:60]!r} is niet toegestaan",
                             "alleen links die beginnen met https://, http://, mailto: of doi: (zonder spaties ervoor)")
        if _JINJA.search(text):
            problems.add(display, text.line, field, "bevat {{ of {% ; dat wordt letterlijk getoond",
                         "dit is geen opdracht aan de site; bedoel je het zo, dan is er niets aan de hand",
                         severity="waarschuwing")
