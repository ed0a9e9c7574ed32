"""What the structured data of a page must hold, per schema.org type, for the tests of issue 30.

schema.org defines each type's properties but marks none as required; the lists below are what a reader of
the data (a search engine, a portal) needs to use the type at all, taken from the definitions on schema.org
(each page gezien in een opgeslagen kopie, december 2026):

- HowTo (https://schema.org/HowTo): ``name`` and ``step``, each step a HowToStep
  (https://schema.org/HowToStep, https://schema.org/step) with its ``text`` and ``position`` in the order.
- Article (https://schema.org/Article): ``headline`` and ``name``.
- A case's place (https://schema.org/contentLocation): a Place with ``name`` and ``geo``, a GeoCoordinates
  with ``latitude`` and ``longitude`` (https://schema.org/GeoCoordinates).
- DefinedTermSet (https://schema.org/DefinedTermSet): ``hasDefinedTerm``, each a DefinedTerm with ``name``
  and ``description``.
- ItemList (https://schema.org/ItemList): ``itemListElement``, each a ListItem with ``position`` and ``item``.
- Dataset (https://schema.org/Dataset): ``name``, ``description``, ``license`` and ``distribution``, each a
  DataDownload (https://schema.org/distribution) with ``contentUrl`` and ``encodingFormat``.
- WebSite (https://schema.org/WebSite): ``name``; with a public address also ``url`` and a SearchAction
  (https://schema.org/SearchAction) whose ``target`` is an EntryPoint (https://schema.org/EntryPoint) with
  a ``urlTemplate`` that holds the query's name, and ``query-input`` naming it.
- WebPage: ``name``.

Every block: ``@context`` https://schema.org, ``inLanguage`` nl, and no claim the data does not hold: no
``author`` of a page, no ``review``, ``aggregateRating``, ``reviewedBy`` or ``lastReviewed``.
"""
from __future__ import annotations

import re
from typing import Any

REQUIRED = {
    "HowTo": ("name", "step"),
    "Article": ("name", "headline"),
    "DefinedTermSet": ("name", "hasDefinedTerm"),
    "ItemList": ("name", "itemListElement"),
    "Dataset": ("name", "description", "license", "distribution"),
    "WebSite": ("name",),
    "WebPage": ("name",),
}
#: Claims about people and judgements that no record holds.
NOT_CLAIMED = ("review", "aggregateRating", "reviewedBy", "lastReviewed", "author")

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def blocks(page_html: str) -> list[str]:
    return LD_JSON.findall(page_html)


def problems(node: dict[str, Any], public: bool) -> list[str]:
    """What is missing or claimed without ground in one page's JSON-LD object (empty: all right)."""
    found: list[str] = []
    kind = node.get("@type")
    if node.get("@context") != "https://schema.org":
        found.append(f"@context is {node.get('@context')!r}")
    if kind not in REQUIRED:
        return [*found, f"unexpected @type {kind!r}"]
    found += [f"{kind} without {name}" for name in REQUIRED[kind] if not node.get(name)]
    if node.get("inLanguage") != "nl":
        found.append(f"inLanguage is {node.get('inLanguage')!r}")
    found += [f"{kind} claims {name}" for name in NOT_CLAIMED if name in node]
    if kind == "HowTo":
        steps = node.get("step") or []
        if [s.get("position") for s in steps] != list(range(1, len(steps) + 1)):
            found.append("steps not numbered 1, 2, …")
        found += [f"step {s.get('position')} is not a HowToStep with text" for s in steps
                  if s.get("@type") != "HowToStep" or not s.get("text")]
    if kind == "DefinedTermSet":
        found += [f"term {t.get('name')!r} lacks name or description" for t in node.get("hasDefinedTerm") or []
                  if t.get("@type") != "DefinedTerm" or not t.get("name") or not t.get("description")]
    if kind == "ItemList":
        items = node.get("itemListElement") or []
        found += [f"list item {i.get('position')} lacks its item" for i in items
                  if i.get("@type") != "ListItem" or not i.get("item") or not i.get("position")]
    if kind == "Dataset":
        found += [f"distribution {d.get('name')!r} lacks contentUrl or encodingFormat" for d in node.get("distribution") or []
                  if d.get("@type") != "DataDownload" or not d.get("contentUrl") or not d.get("encodingFormat")]
    if kind == "WebSite" and public:
        action = node.get("potentialAction") or {}
        template = (action.get("target") or {}).get("urlTemplate", "")
        if not node.get("url") or action.get("@type") != "SearchAction" or "{search_term_string}" not in template \
                or "name=search_term_string" not in action.get("query-input", ""):
            found.append("WebSite without url and a SearchAction for the site's own search")
    if public and kind != "WebSite" and not node.get("url"):
        found.append(f"{kind} without url although the site has an address")
    if not public and "url" in node:
        found.append(f"{kind} has url {node['url']!r} without a public address")
    return found
