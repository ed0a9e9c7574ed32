"""The one Markdown reading of curator text, shared by the renderer and the link check.

The renderer (render.markdown_html) filters what this produces; the check (text_rules) looks at
the same output, so a link target is checked exactly as Markdown reads it, never as a regular
expression guesses it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from html.parser import HTMLParser

import markdown

_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    # Building a Markdown instance costs more than converting a short text: one, reset per use.
    return markdown.Markdown(extensions=["sane_lists"], output_format="html")


# A line without any character Markdown (or HTML escaping) acts on, that starts no block (list, quote,
# code) and ends in no line break: Python-Markdown wraps its paragraph in <p> and changes nothing else.
_PLAIN_LINE = re.compile(r"[^\\`*_\[\]<>&!#:@=~|-]+")
_BLOCK_START = tuple("+0123456789")


def plain_html(text: str) -> str | None:
    """The HTML Python-Markdown makes of prose without Markdown (paragraphs of plain lines), or None when
    the text holds anything else. Most curator prose is plain, and the converter costs ~1 ms a text."""
    paragraphs = re.split(r"\n{2,}", text.strip("\n"))
    for paragraph in paragraphs:
        for line in paragraph.split("\n"):
            if not (_PLAIN_LINE.fullmatch(line) and line.isprintable() and not line.startswith(_BLOCK_START)
                    and not line[0].isspace() and not line[-1].isspace()):
                return None
    return "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def to_html(text: str) -> str:
    """Curator Markdown to HTML, raw HTML escaped (shown as typed); links not yet filtered.
    Validation reads every text and the pages render each again: both get the one conversion. The key is
    a plain ``str``: the loader's ``YStr`` (a subclass) and the same text as ``str`` are different keys
    for ``lru_cache``, which made every description go through Python-Markdown twice."""
    return _to_html(str(text))


@cache  # emptied by ``release`` once the pages are written
def _to_html(text: str) -> str:
    plain = plain_html(text)
    if plain is not None:
        return plain
    links: list[str] = []

    def keep_autolink(match: re.Match[str]) -> str:
        links.append(match.group(1))
        return f"\x02{len(links) - 1}\x03"

    protected = _AUTOLINK.sub(keep_autolink, text)
    protected = protected.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    protected = re.sub(r"\x02(\d+)\x03", lambda m: f"<{links[int(m.group(1))]}>", protected)
    html: str = _converter().reset().convert(protected)
    return html


@dataclass(frozen=True)
class Link:
    href: str
    title: str | None


class _Reader(HTMLParser):
    """Collects the links of converted text, and the text Markdown left as text (outside code)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[Link] = []
        self.text: list[str] = []
        self._code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            values = dict(attrs)
            self.links.append(Link(values.get("href") or "", values.get("title")))
        elif tag == "code":
            self._code += 1
        self.text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "code":
            self._code = max(self._code - 1, 0)
        self.text.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._code:
            self.text.append(data)


def read(text: str) -> tuple[list[Link], str]:
    """Every link Markdown makes of the text, and what it left as plain text (code spans excluded)."""
    reader = _Reader()
    reader.feed(to_html(text))
    reader.close()
    return reader.links, "".join(reader.text)


def release() -> None:
    """Forget the converted texts: called once the pages are written, so they do not stay in memory."""
    _to_html.cache_clear()
