"""The main menu's trail to each page, read from the built HTML (Material marks the open items there, so no
browser is needed): no label twice in one trail, and the pages for curators grouped at the end."""
from __future__ import annotations

import posixpath
from pathlib import Path

from tests.html_tree import Node, parse

SCREEN_READER_ONLY = "wg-sr"


def label(link: Node) -> str:
    """A menu item's visible label (names for screen readers only left out)."""
    def text(node: Node) -> str:
        if SCREEN_READER_ONLY in node.classes:
            return ""
        return "".join(part if isinstance(part, str) else text(part) for part in node.content)
    return " ".join(text(link).split())


def primary_menu(page: Node) -> Node:
    return next(n for n in page.find_all("nav") if "md-nav--primary" in n.classes)


def menu_paths(site: Path) -> list[str]:
    """Every page of the site the main menu links to, as a URL path, in menu order."""
    paths: list[str] = []
    for link in primary_menu(parse(site / "index.html")).find_all("a", "md-nav__link"):
        href = link.attrs.get("href", "")
        if href and "//" not in href and not href.startswith(("#", "mailto:")):
            path = posixpath.normpath("/" + href.split("#")[0])
            path = path if path.endswith((".html", "/")) else path + "/"
            if path not in paths:
                paths.append(path)
    return paths


def trail(site: Path, path: str) -> list[str]:
    """The menu labels from the top of the main menu down to the open page."""
    file = site / path.strip("/") / "index.html" if path.endswith("/") else site / path.strip("/")
    active = [li for li in primary_menu(parse(file)).find_all("li")
              if "md-nav__item--active" in li.classes]
    own = [next((c for c in li.children if "md-nav__link" in c.classes), None) for li in active]
    return [label(link) for link in own if link is not None]


def test_no_menu_label_twice_in_one_trail(built_site: Path) -> None:
    paths = menu_paths(built_site)
    assert "/bewoners/" in paths and "/publiceren/" in paths and len(paths) > 20, paths
    trails = {}
    for path in paths:
        labels = trail(built_site, path)
        assert labels, f"{path}: no open item in the menu"
        assert len(labels) == len(set(labels)), f"{path}: {' › '.join(labels)}"
        trails[path] = labels
    assert trails["/bewoners/"] == ["Voor bewoners"]
    assert trails["/praktijk/"] == ["Praktijkvoorbeelden"]
    assert trails["/over/"] == ["Over deze gids"]
    # Pages for curators and webmasters sit together, at the end, not among the readers' pages.
    assert trails["/publiceren/"][-2:] == ["Voor de redactie", "Publiceren"]
    assert trails["/redactie/"][-2:] == ["Voor de redactie", "Werken aan de gids"]
    top_list = next(c for c in primary_menu(parse(built_site / "index.html")).children if c.tag == "ul")
    top = [label(next(c for c in li.children if "md-nav__link" in c.classes))
           for li in top_list.children if li.tag == "li"]
    assert "Publiceren" not in top and "Werken aan de gids" not in top and "Voor de redactie" not in top
    assert "Voor bewoners" in top, top
