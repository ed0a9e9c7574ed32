"""A small tree of built HTML for tests: find elements by tag, class and attributes, read their text."""
from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node] = []
        self.text: list[str] = []
        self.content: list[str | Node] = []  # text and children in document order (reading_text)

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Node]:
        """Elements below (and including) this one; attribute names with '_' for '-' (data_ref=…)."""
        return [n for n in self.walk() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)
                and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())]

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> Node:
        found = self.find_all(tag, cls, **attrs)
        assert found, f"no <{tag} class={cls} {attrs}> found"
        return found[0]

    def reading_text(self) -> str:
        """The text inside in document order, as a reader reads it: '(A, 1993; B, 2023b)' for a paragraph
        whose links sit between bits of text (all_text puts a node's own text before its children's)."""
        return "".join(part if isinstance(part, str) else part.reading_text() for part in self.content)

    def all_text(self, separator: str = "") -> str:
        """The text inside, in document order. With separator="" exactly as written (text nodes glued);
        with " " every node's text apart, stripped."""
        if separator:
            return separator.join(separator.join(n.text) for n in self.walk()).strip()
        return "".join(self.text) + "".join(child.all_text() for child in self.children)


class _Tree(HTMLParser):
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        self.current.content.append(node)
        if tag not in self.VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        self.current.content.append(node)

    def handle_endtag(self, tag: str) -> None:
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent  # type: ignore[assignment]
        if node is not self.root:
            self.current = node.parent  # type: ignore[assignment]

    def handle_data(self, data: str) -> None:
        self.current.text.append(data)
        self.current.content.append(data)


def parse(path: Path) -> Node:
    return parse_html(path.read_text(encoding="utf-8"))


def parse_html(text: str) -> Node:
    """The same tree from a string, e.g. a generated page (Markdown with HTML blocks) in a unit test."""
    tree = _Tree()
    tree.feed(text)
    return tree.root
