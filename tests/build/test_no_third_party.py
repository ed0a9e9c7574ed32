"""Privacy: nothing in the built site makes the browser contact another host, and no cookie is set.

Links (<a href>) to other sites are fine: the reader decides to follow them. Anything the browser
fetches by itself is not: scripts, styles, fonts, images, frames, media, preconnects, CSS url() and
@import. The browser tests enforce the same at run time (tests/browser/conftest.py `page` fails on
any request that leaves 127.0.0.1); this scan also covers pages and states no browser test visits.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import yaml

from tests.browser.conftest import base_url, browser_type_launch_args, page, site_server  # noqa: F401 - fixtures
from tests.support import ROOT

# Attributes whose URL the browser loads by itself, per element ("*": any element).
LOADED = {
    "script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"), "iframe": ("src",),
    "frame": ("src",), "embed": ("src",), "object": ("data",), "video": ("src", "poster"), "audio": ("src",),
    "track": ("src",), "input": ("src",), "image": ("href", "xlink:href"), "use": ("href", "xlink:href"),
    "feimage": ("href", "xlink:href"), "body": ("background",), "*": ("style",),
}
# <link rel=…> values that make the browser fetch or contact the target.
LOADING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "preload", "prefetch",
                "modulepreload", "manifest", "preconnect", "dns-prefetch", "prerender"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+(?:url\()?\s*['"]([^'"]+)""", re.I)

# Hosts that appear in Material's JavaScript bundle, and why the browser never contacts them here.
MATERIAL_BUNDLE_HOSTS = {
    "unpkg.com": "ResizeObserver polyfill (every supported browser has ResizeObserver) and Mermaid "
                 "(only for ```mermaid blocks; checked below that there are none)",
    "api.github.com": "repository facts, only with repo_url (not set; checked below)",
    "clipboardjs.com": "licence comment", "bit.ly": "licence comment",
    "lunrjs.com": "licence comment", "tartarus.org": "licence comment (Porter stemmer)",
}
# Hosts in Pagefind's search scripts (pagefind/), and why the browser never contacts them.
PAGEFIND_HOSTS = {"example.com": "a base for new URL() when a result's address is relative; never fetched"}


def site_host() -> str:
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: loader.construct_sequence(node)[-1]
                                 if isinstance(node, yaml.SequenceNode) else None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return urlparse(config["site_url"]).netloc


def foreign(url: str, own: str) -> bool:
    url = url.strip()
    if url.startswith(("data:", "#", "blob:")) or not url:
        return False
    parsed = urlparse(url)
    return bool(parsed.netloc) and parsed.netloc != own or url.startswith("//")


class _Loads(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.mermaid = False
        self._style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        names = LOADED.get(tag, ()) + LOADED["*"]
        if tag == "link" and LOADING_RELS & set(values.get("rel", "").lower().split()):
            names += ("href",)
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.urls.append(values.get("content", "").partition("url=")[2])
        for name in names:
            value = values.get(name, "")
            if name == "style":
                self.urls += [a or b for a, b in CSS_URL.findall(value)]
            elif name == "srcset":
                self.urls += [part.split()[0] for part in value.split(",") if part.strip()]
            elif value:
                self.urls.append(value)
        self.mermaid |= "mermaid" in values.get("class", "").split()
        self._style = tag == "style"

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        self._style = False

    def handle_data(self, data: str) -> None:
        if self._style:
            self.urls += [a or b for a, b in CSS_URL.findall(data)]


def test_no_page_or_stylesheet_loads_from_another_host(built_site: Path) -> None:
    own = site_host()
    problems, mermaid = [], False
    for path in sorted(built_site.rglob("*")):
        where = path.relative_to(built_site)
        if path.suffix in (".html", ".svg"):
            parser = _Loads()
            parser.feed(path.read_text(encoding="utf-8"))
            problems += [f"{where}: loads {url}" for url in parser.urls if foreign(url, own)]
            mermaid |= parser.mermaid
            if path.suffix == ".html" and 'data-md-component="source"' in path.read_text(encoding="utf-8"):
                problems.append(f"{where}: repository facts would be fetched from api.github.com (repo_url)")
        elif path.suffix == ".css":
            urls = [a or b for a, b in CSS_URL.findall(path.read_text(encoding="utf-8"))]
            problems += [f"{where}: loads {url}" for url in urls if foreign(url, own)]
    assert not mermaid, "a Mermaid diagram makes Material load mermaid.js from unpkg.com"
    assert problems == [], "\n".join(problems[:40])


def test_scripts_contact_no_other_host(built_site: Path) -> None:
    """Our scripts name no other host at all. Material's bundle and search worker, and Pagefind's scripts,
    name only the hosts listed (each with the reason it is never contacted). lunr's language packs (stemmers, tokenizers;
    their comments cite websites) contain no network code."""
    scripts = sorted(built_site.rglob("*.js"))
    assert scripts, "no JavaScript in the site?"
    problems = []
    for path in scripts:
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(built_site).as_posix()
        if where.startswith("redactie/bewerken/decap/"):
            # Decap CMS (the web editor) bundles every git host and media library it supports. Which one
            # it contacts is set in config.yml (GitHub's API only), the editor page's own CSP allows only
            # this site and api.github.com, and tests/browser/test_editor.py checks that in local mode no
            # request leaves the site.
            continue
        if where.startswith("assets/javascripts/lunr/"):
            problems += [f"{where}: {api}" for api in re.findall(
                r"\b(fetch\(|XMLHttpRequest|importScripts|sendBeacon|WebSocket|EventSource)", text)]
            continue
        hosts = set(re.findall(r"https?://([A-Za-z0-9.-]+)", text)) - {"www.w3.org"}  # SVG namespace
        allowed = (set(MATERIAL_BUNDLE_HOSTS) if where.startswith("assets/javascripts/")
                   else set(PAGEFIND_HOSTS) if where.startswith("pagefind/") else set())
        problems += [f"{where}: {host}" for host in sorted(hosts - allowed)]
    assert problems == [], "\n".join(problems)


def test_browsing_sets_no_cookie_and_stores_only_locally(page, base_url: str, built_site: Path) -> None:  # noqa: F811
    """A reader's visit: home, search, a method, a checklist with a tick, the selector, dark mode.
    The `page` fixture fails on any request that leaves 127.0.0.1; here: no cookie, ever."""
    method = next(p.parent.name for p in sorted((built_site / "methoden").glob("*/index.html")))
    checklist = next(p.parent.name for p in sorted((built_site / "checklists").glob("*/index.html")))
    page.goto(base_url + "/")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").type("bewoners")
    page.wait_for_selector("li.md-search-result__item", timeout=15_000)
    page.keyboard.press("Escape")
    page.goto(f"{base_url}/methoden/{method}/")
    page.goto(f"{base_url}/checklists/{checklist}/")
    page.locator(".wg-checklist__item input[type=checkbox]").first.check()
    page.goto(base_url + "/participatiewijzer/")
    page.locator("label.md-header__button[for^=__palette]").first.click()
    page.reload()
    assert page.context.cookies() == []
    assert page.evaluate("document.cookie") == ""
    stored = page.evaluate("Object.keys(localStorage)")
    assert stored, "ticks and the colour choice are kept in this browser (localStorage)"
