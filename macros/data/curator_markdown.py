"""The one Markdown reading of curator text, shared by the renderer and the link check.

The renderer (render.markdown_html) filters what this produces; the check (text_rules) looks at
the same output, so a link target is checked exactly as Markdown reads it, never as a regular
expression guesses it.

A build converts each text once. With a store (``use_store``, the build's git-ignored ``.cache/``
folder) the texts Python-Markdown converted are kept for the next build, which converts only texts
that are new or changed: an edit to one record converts that record's texts, not thousands. The
store is keyed by this module's source and the Markdown version, and is only ever read as a
``marshal`` dict of strings (no objects), so a damaged or foreign file is ignored, never trusted.
"""
from __future__ import annotations

import hashlib
import marshal
import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import markdown

from ..core.atomic_file import write_atomically

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
    a plain ``str``: the loader's ``YStr`` (a subclass) and the same text as ``str`` would be different
    keys for a cache, which once made every description go through Python-Markdown twice."""
    text = str(text)
    html = _converted.get(text)
    if html is None:
        html = plain_html(text)
        if html is None:
            html = _stored.get(text)
            if html is None:
                html = _convert(text)
            _kept[text] = html
        _converted[text] = html
    return html


#: This build's conversions (emptied by ``release``), those Python-Markdown made or the store gave
#: (written back to the store), and what the store held when the build began.
_converted: dict[str, str] = {}
_kept: dict[str, str] = {}
_stored: dict[str, str] = {}
_store: Path | None = None
STORE_FILE = "markdown.marshal"


def _convert(text: str) -> str:
    links: list[str] = []

    def keep_autolink(match: re.Match[str]) -> str:
        links.append(match.group(1))
        return f"\x02{len(links) - 1}\x03"

    protected = _AUTOLINK.sub(keep_autolink, text)
    protected = protected.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    protected = re.sub(r"\x02(\d+)\x03", lambda m: f"<{links[int(m.group(1))]}>", protected)
    html: str = _converter().reset().convert(protected)
    return html


@lru_cache(maxsize=1)
def store_version() -> str:
    """What a stored conversion depends on besides its text: this module and Python-Markdown."""
    digest = hashlib.sha256(markdown.__version__.encode() + b"\0" + Path(__file__).read_bytes())
    return digest.hexdigest()


def use_store(folder: Path | None) -> None:
    """Read the conversions an earlier build kept in ``folder``; ``release`` writes this build's back.
    None: no store (each build converts every text)."""
    global _store, _stored
    _store, _stored = (folder / STORE_FILE if folder is not None else None), {}
    if _store is None:
        return
    try:
        stored = marshal.loads(_store.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):  # none yet, or damaged: convert again
        return
    if (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == store_version()
            and isinstance(stored[1], dict)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in stored[1].items())):
        _stored = stored[1]


def _write_store() -> None:
    """Keep this build's conversions for the next (best effort: a read-only disk only costs time).
    Only texts this build used are kept, so the store never grows past the data."""
    if _store is None or _kept == _stored:
        return
    write_atomically(_store, marshal.dumps((store_version(), _kept)))


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
    """Forget the converted texts (called once the pages are written, so they do not stay in memory),
    after writing them to the store when there is one."""
    global _store, _stored
    _write_store()
    _converted.clear()
    _kept.clear()
    _store, _stored = None, {}
