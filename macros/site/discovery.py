"""Files at the root that tell crawlers and browsers about the site: ``robots.txt`` (which names the sitemap)
and ``opensearch.xml`` (so a browser can add the site's own search, which opens with ``?q=``).

Both need the site's public address (site_address.py): without it robots.txt names no sitemap and there is
no OpenSearch description, rather than addresses of a computer nobody else can reach.
"""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from .context import PageContext
from .link_preview import OPENSEARCH
from .site_address import Links

ROBOTS = "robots.txt"
SITEMAP = "sitemap.xml"


def robots(links: Links) -> str:
    lines = ["# Wijkengids: alle pagina's mogen worden gelezen en gevonden.", "User-agent: *", "Allow: /"]
    if links.public:
        lines += ["", f"Sitemap: {links.absolute(SITEMAP)}"]
    else:
        lines += ["", "# Geen sitemap genoemd: het openbare adres van de site (site_url, SITE_URL) is niet ingesteld."]
    return "\n".join(lines) + "\n"


def opensearch(links: Links, site_name: str) -> str:
    """An OpenSearch 1.1 description; the search page is the home page with ?q=."""
    template = links.absolute("") + "?q={searchTerms}"
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">',
        f"  <ShortName>{escape(site_name[:16])}</ShortName>",
        "  <Description>Zoek in de Wijkengids: methoden, praktijkvoorbeelden, checklists en bronnen over "
        "bewonersparticipatie.</Description>",
        "  <InputEncoding>UTF-8</InputEncoding>",
        "  <Language>nl</Language>",
        f'  <Image width="16" height="16" type="image/svg+xml">{escape(links.absolute("assets/favicon.svg"))}</Image>',
        f'  <Url type="text/html" method="get" template={quoteattr(template)}/>',
        "</OpenSearchDescription>",
    ]) + "\n"


def contribute(ctx: PageContext) -> None:
    links = Links(ctx.site.publication.site_url)
    ctx.add(ROBOTS, robots(links))
    if links.public:
        ctx.add(OPENSEARCH, opensearch(links, ctx.site.publication.site_name))
