"""Which settings of the published site are filled in, and addresses from one page to another.

Link previews, canonical links, the sitemap, robots.txt, OpenSearch and the open-data catalogue need the
site's public address. The default ``site_url`` in mkdocs.yml (``http://127.0.0.1:8000/``) is the address of
``make serve`` on one computer, not of a published site: a loopback or empty address counts as "not set",
and what needs an absolute address is then left out rather than pointing at a computer nobody else can reach.
Where a relative address will do (structured data and the catalogue are read from the site itself), it is
relative to the file it stands in.
"""
from __future__ import annotations

import ipaddress
import posixpath
from urllib.parse import urlsplit

#: Parts of the placeholders in mkdocs.yml (JOUW-ORGANISATIE, redactie@JOUW-DOMEIN.invalid).
PLACEHOLDER_MARKS = ("JOUW-", ".invalid")


def filled_in(value: str | None) -> bool:
    """A setting counts only when it holds something other than a placeholder."""
    text = (value or "").strip()
    return bool(text) and not any(mark in text for mark in PLACEHOLDER_MARKS)


def public_address(site_url: str | None) -> str:
    """The site's address with one trailing slash, or '' when it is empty, a placeholder, not http(s), or a
    loopback or local host (127.0.0.1, localhost, ::1, 0.0.0.0)."""
    text = (site_url or "").strip()
    if not filled_in(text):
        return ""
    parts = urlsplit(text)
    host = (parts.hostname or "").casefold()
    if parts.scheme not in ("http", "https") or not host or host == "localhost" or host.endswith(".localhost"):
        return ""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        if address.is_loopback or address.is_unspecified or address.is_link_local:
            return ""
    return text.rstrip("/") + "/"


class Links:
    """Addresses of pages and files, from a root-relative URL ('methoden/abcd/', 'open-data/methods.json').

    With a public address every link is absolute; without one ``absolute`` gives '' and ``link`` a path
    relative to the page or file it is written in."""

    def __init__(self, site_url: str | None):
        self.base = public_address(site_url)

    @property
    def public(self) -> bool:
        return bool(self.base)

    def absolute(self, url: str) -> str:
        return self.base + url.lstrip("/") if self.base else ""

    def link(self, url: str, written_in: str) -> str:
        """``url`` as written in the file at ``written_in`` (both root-relative; a folder ends in '/')."""
        if self.base:
            return self.absolute(url)
        return relative(url, written_in)


def relative(url: str, written_in: str) -> str:
    """'leeslijst/#a' from 'methoden/abcd/' -> '../../leeslijst/#a'; a folder keeps its trailing slash."""
    path, hash_, fragment = url.lstrip("/").partition("#")
    written_in = "/" + written_in.lstrip("/")
    here = written_in if written_in.endswith("/") else posixpath.dirname(written_in)
    rel = posixpath.relpath("/" + path, here)
    if path == "" or path.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{fragment}" if hash_ else "")
