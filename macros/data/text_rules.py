"""Rules for curator text: no HTML, only safe link schemes, and nothing YAML quietly ate.

Curator text is data. It is escaped when rendered, and these checks make the mistakes visible
at validation time instead of publishing something odd.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..core.problems import Problems, quote
from . import curator_markdown
from .yaml_loader import YList, YMap, YStr

# Where a browser starts a tag: '<' right before a letter, '/', '!' or '?' ('<img src=x onerror=…'
# needs no closing '>' to be live markup). '<' before a space or digit ('a < b', '<12 jaar') is text.
_HTML_TAG = re.compile(r"<[A-Za-z/!?][^<>\n]{0,60}>?")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
#: The web editor's form checks the same (macros/site/editor_config.py; the patterns read alike in JavaScript).
HTML_TAG, AUTOLINK = _HTML_TAG.pattern, _AUTOLINK.pattern
#: (message, hint) for HTML in a text, also shown by the web editor's form ({treffer}: the tag found).
HTML_WORDS = ("bevat HTML ({treffer}); dat is niet toegestaan",
              "schrijf gewone tekst; gebruik Markdown voor *cursief*, **vet** en [links](https://...); "
              "bedoel je het teken '<', zet er dan een spatie achter")
# Markdown images: rendering removes them (they would load from another site), so say so instead.
_MD_IMAGE = re.compile(r"!\[[^\]\n]{0,1000}\]\s?[(\[]")
# What Markdown left as text although it looks like a link: '[x](…' or a reference '[x]: …' line.
_UNREAD_LINK = re.compile(r"\]\([^)\n]{0,60}\)?|^[ \t]*\[[^\]\n]{1,60}\]:[ \t]*\S[^\n]{0,60}", re.M)
MAX_BRACKETS = 100  # '[' per text: a text with 100 links is already unreadable
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


def link_problems(text: str) -> Iterator[tuple[str, str, str]]:
    """(message, hint, what to point at) for every link Markdown reads differently than it looks, or not at all.
    The renderer's own reading (curator_markdown) is checked: what passes here is what is published."""
    if "[" not in text:  # no link syntax (autolinks <https://…> are safe as the renderer protects them)
        return
    if text.count("[") > MAX_BRACKETS:  # Python-Markdown takes quadratic time over brackets
        yield (f"bevat {text.count('[')} keer '['; meer dan {MAX_BRACKETS} kan de site niet veilig omzetten",
               "splits de tekst, of haal haken weg die er per ongeluk staan", "")
        return
    links, rest = curator_markdown.read(text)
    for link in links:
        href = link.href
        if not allowed_link(href):
            yield (f"link {quote(href[:60])} is niet toegestaan",
                   "alleen links die beginnen met https://, http://, mailto: of doi: (zonder spaties ervoor)", href)
        elif link.title is not None and not _titled(text, href, link.title):
            yield (f"Markdown leest de link als {quote(href[:60])} met de titel {quote(link.title[:40])}",
                   "een link heeft geen titel; schrijf een spatie in een adres als %20 en een aanhalingsteken "
                   "als %22", href)
        elif any(char.isspace() or not char.isprintable() for char in href):
            yield (f"link {quote(href[:60])} bevat een spatie of onzichtbaar teken; de link werkt dan niet",
                   "kopieer het adres opnieuw uit de adresbalk, of schrijf een spatie als %20", href)
        elif '"' in href or "'" in href:
            yield (f"link {quote(href[:60])} bevat een aanhalingsteken; Markdown kan het adres dan anders lezen",
                   "schrijf \" als %22 en ' als %27", href)
        elif href.count("(") != href.count(")") or href.count("[") != href.count("]"):
            yield (f"link {quote(href[:60])} heeft een haakje zonder partner; Markdown leest het adres dan "
                   "anders dan bedoeld", "schrijf ( als %28, ) als %29, [ als %5B en ] als %5D", href)
    for leftover in _UNREAD_LINK.finditer(rest):
        yield (f"Markdown leest {quote(leftover.group().strip()[:60])} niet als link",
               "schrijf een link als [tekst](https://...), zonder spatie tussen ] en (, met haakjes die sluiten "
               "en zonder spaties in het adres", leftover.group().strip())


def _titled(text: str, href: str, title: str) -> bool:
    """A link title is meant as one when a space separates it from the address: [x](https://a.nl "t").
    Without the space ([x](https://a.nl/"q")) Markdown splits what the curator typed as one address."""
    return re.search(re.escape(href) + r"\s+[\"'(]" + re.escape(title), text) is not None


def line_in(text: YStr, needle: str) -> int:
    """The file line of the first line of text holding needle: in a '|' block that is the line itself,
    elsewhere the line the field starts on (folded and quoted text does not keep its lines)."""
    position = text.find(needle[:40]) if needle else -1
    if not text.literal or position < 0:
        return text.line
    return text.line + 1 + text.count("\n", 0, position)


def allowed_link(url: str) -> bool:
    return url.lower().startswith(_SCHEMES) and url == url.strip()


def check_text(record: Any, display: str, problems: Problems) -> None:
    for field, text in sorted(strings(record), key=lambda item: (item[1].line, item[0])):
        tag = _HTML_TAG.search(_AUTOLINK.sub("", text))
        if tag:
            problems.add(display, text.line, field, HTML_WORDS[0].format(treffer=tag.group()[:40]), HTML_WORDS[1])
        if _MD_IMAGE.search(text):
            problems.add(display, text.line, field, "bevat een afbeelding (![…](…)); afbeeldingen zijn niet toegestaan",
                         "de site laadt niets van andere websites; maak er een gewone link van: [tekst](https://...)")
        for message, hint, needle in dict.fromkeys(link_problems(text)):
            problems.add(display, line_in(text, needle), field, message, hint)
        if _JINJA.search(text):
            problems.add(display, text.line, field, "bevat {{ of {% ; dat wordt letterlijk getoond",
                         "dit is geen opdracht aan de site; bedoel je het zo, dan is er niets aan de hand",
                         severity="waarschuwing")
