"""Turn validated records into page text with Jinja templates (``macros/templates``).

Curator text is data: plain-text fields are HTML-escaped by Jinja's autoescape, Markdown fields
are converted here with raw HTML disabled and links checked again. The generated pages are not
rendered by mkdocs-macros, so ``{{ … }}`` typed by a curator is shown, never evaluated.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from ..bibliography.text import dutch_date
from ..data import curator_markdown
from ..data.text_rules import allowed_link
from ..figures import case_map

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
_HREF = re.compile(r'href="([^"]*)"')


@lru_cache(maxsize=4096)
def markdown_html(text: str) -> Markup:
    """Curator Markdown to HTML. Raw HTML is escaped (shown as typed), unsafe links lose their href."""
    html = _HREF.sub(lambda m: m.group(0) if allowed_link(_unescape(m.group(1))) or _is_mail(m.group(1))
                     else 'data-link-verwijderd=""', curator_markdown.to_html(text))
    html = re.sub(r"<img\b[^>]*>", "", html)  # images would load from elsewhere; validation forbids them
    return Markup(html)


def _unescape(url: str) -> str:
    return url.replace("&amp;", "&")


def _is_mail(url: str) -> bool:
    # Python-Markdown obfuscates mailto autolinks into entities; those are safe.
    return url.startswith("&#")


# A line without any character Markdown acts on (nor &, < or >, which need escaping) converts to
# itself: most list items, so they skip the converter.
_PLAIN_LINE = re.compile(r"[^\\`*_\[\]<>&!#\n\t:@=~|-]*")
_BLOCK_START = tuple("+>0123456789 ")


def markdown_inline(text: str) -> Markup:
    """Markdown for one line (list items): the same rules, without the wrapping <p>."""
    if _PLAIN_LINE.fullmatch(text) and not text.startswith(_BLOCK_START) and not text.endswith(" ") and text:
        return Markup(text)
    html = str(markdown_html(text)).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


class TermLinker:
    """Links the first mention of each glossary term in a block of HTML to its definition.

    Only text outside links, headings and code is touched; the definition becomes the link's
    title, so a reader gets it on hover and a screen reader on focus.
    """

    _SKIP = re.compile(r"^<(/?)(a|h[1-6]|code|pre|summary|dt)\b", re.I)

    def __init__(self, glossary: Sequence[Mapping[str, Any]]):
        self.targets: dict[str, tuple[str, str]] = {}
        for term in glossary:
            for name in [term["term"], *(term.get("aliases") or [])]:
                self.targets[name.casefold()] = (term["id"], term["definition"])
        names = sorted(self.targets, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])", re.I) \
            if names else None

    def __call__(self, html: str, base: str, skip: str = "") -> Markup:
        if self.pattern is None:
            return Markup(html)
        linked: set[str] = {skip}
        depth = 0
        out = []
        for part in re.split(r"(<[^>]+>)", str(html)):
            if part.startswith("<"):
                tag = self._SKIP.match(part)
                if tag:
                    depth += -1 if tag.group(1) else 1
                out.append(part)
                continue
            if depth == 0 and part:
                part = self.pattern.sub(lambda m: self._link(m, base, linked), part)
            out.append(part)
        return Markup("".join(out))

    def _link(self, match: re.Match[str], base: str, linked: set[str]) -> str:
        term_id, definition = self.targets[match.group(1).casefold()]
        if term_id in linked:
            return match.group(0)
        linked.add(term_id)
        return (f'<a class="wg-term" href="{base}begrippen/#{term_id}" '
                f'title="{escape(definition)}">{match.group(0)}</a>')


#: Front-matter keys the theme writes into HTML *unescaped* (MkDocs' theme environment has no
#: autoescape: Material prints page.meta.title in <title> and the header, page.meta.description in
#: <meta content="...">). They are stored HTML-escaped, so a quote in a summary cannot break out.
THEME_HTML_KEYS = ("title", "description")


def front_matter(**values: Any) -> str:
    """YAML front matter; JSON strings are valid YAML, so curator text cannot break out."""
    lines = ["---"]
    for key, value in values.items():
        if value is not None:
            if key in THEME_HTML_KEYS and isinstance(value, str):
                value = str(escape(value))
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=4)
def make_environment(extra_dirs: tuple[Path, ...] = ()) -> Environment:
    """One environment per process: compiling the templates took half a second per build, and a
    process builds many times (`make serve` after each edit, the tests). Nothing per build is stored
    on it; the loader notices edited template files by their modification time. ``extra_dirs`` are
    searched after macros/templates/ (a record kind defined outside this package brings its own folder)."""
    env = Environment(
        loader=FileSystemLoader([TEMPLATES, *extra_dirs]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_html
    env.filters["md_inline"] = markdown_inline
    env.filters["json_attr"] = lambda value: json.dumps(value, ensure_ascii=False, sort_keys=True)
    # Every page made from a template says so: its Markdown is generated (git-ignored), so the edit link at
    # its foot may only point at its data file (`bronbestand`), never at the Markdown (overrides/partials/source-file.html).
    env.globals["front_matter"] = lambda **kw: Markup(front_matter(gegenereerd=True, **kw))
    env.globals["country_name"] = case_map.country_name  # 'GB' -> 'Verenigd Koninkrijk'
    env.globals["place_text"] = case_map.place_text  # one Dutch label for every place/municipality/country
    env.filters["datum"] = dutch_date
    env.tests["contains_value"] = lambda seq, value: value in (seq or [])
    env.tests["filled_in"] = lambda key, mapping: bool((mapping or {}).get(key))
    return env


def keep_compiled_templates(env: Environment, folder: Path | None) -> None:
    """Keep the compiled templates in ``folder`` for the next build process: compiling them took about
    0.3 s of every build. Jinja's bytecode cache checks each template's source (and Python's version)
    before it uses what it kept, so an edited template is compiled again. None: keep nothing."""
    if folder is None:
        env.bytecode_cache = None
        return
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))


def plain_text_checklist(checklist: dict[str, Any], site: Any) -> str:
    """The checklist as plain text with empty boxes, for meetings and e-mail."""
    lines = [checklist["title"], "=" * len(checklist["title"]), ""]
    for number, item in enumerate(checklist["items"], start=1):
        lines.append(f"[ ] {number}. {item['text']}")
    lines += ["", "Bronnen:"]
    lines += [f"- {source.cite} {_strip_tags(str(source.html))}" for source in site.sources(checklist)]
    lines += ["", f"Wijkengids, checklist '{checklist['id']}'. Tekst: CC BY 4.0."]
    return "\n".join(lines) + "\n"


def _strip_tags(html: str) -> str:
    from html import unescape
    return unescape(re.sub(r"<[^>]+>", "", html))
