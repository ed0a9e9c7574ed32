"""Curator Markdown goes through Python-Markdown once per text, whether validation (YStr from the loader)
or a page template (plain str) asks first: at 5,000 methods a second pass cost seconds per build."""
from __future__ import annotations

import markdown
import pytest

from macros.data import curator_markdown
from macros.data.yaml_loader import YStr
from macros.site.render import markdown_html

TEXT = "Lees **meer** in [de handreiking](https://example.nl/h/1).\n\n- een\n- twee"


@pytest.fixture
def conversions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    curator_markdown.release()
    markdown_html.cache_clear()
    seen: list[str] = []
    original = markdown.Markdown.convert

    def convert(self: markdown.Markdown, source: str) -> str:
        seen.append(source)
        return original(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", convert)
    yield seen
    curator_markdown.release()


def test_validated_text_is_not_converted_again_for_the_page(conversions: list[str]) -> None:
    loaded = YStr(TEXT)
    links, _ = curator_markdown.read(loaded)  # validation reads the loader's string
    html = str(markdown_html(TEXT))  # the page template gets the same text as a plain str
    assert [link.href for link in links] == ["https://example.nl/h/1"]
    assert '<a href="https://example.nl/h/1">de handreiking</a>' in html and "<strong>meer</strong>" in html
    assert len(conversions) == 1


def test_release_forgets_the_converted_texts(conversions: list[str]) -> None:
    curator_markdown.to_html(TEXT)
    curator_markdown.release()
    curator_markdown.to_html(TEXT)
    assert len(conversions) == 2


def test_a_later_build_takes_unchanged_texts_from_the_store(conversions: list[str], tmp_path) -> None:
    curator_markdown.use_store(tmp_path)
    first = curator_markdown.to_html(TEXT)
    curator_markdown.release()  # the end of a build: written to the store
    curator_markdown.use_store(tmp_path)
    again = curator_markdown.to_html(TEXT)
    changed = curator_markdown.to_html(TEXT + " Nieuw.")
    assert "Nieuw." in changed
    curator_markdown.release()
    assert again == first
    assert conversions == [TEXT, TEXT + " Nieuw."]  # only the new text went through Python-Markdown


@pytest.mark.parametrize("damage", [b"", b"\x00\x01 kapot", b"garbage" * 10])
def test_a_damaged_store_is_ignored_and_replaced(conversions: list[str], tmp_path, damage: bytes) -> None:
    (tmp_path / curator_markdown.STORE_FILE).write_bytes(damage)
    curator_markdown.use_store(tmp_path)
    html = curator_markdown.to_html(TEXT)
    curator_markdown.release()
    assert "<strong>meer</strong>" in html and len(conversions) == 1
    curator_markdown.use_store(tmp_path)  # replaced by a sound store
    assert curator_markdown.to_html(TEXT) == html and len(conversions) == 1


def test_a_store_from_other_code_is_not_used(conversions: list[str], tmp_path, monkeypatch) -> None:
    curator_markdown.use_store(tmp_path)
    curator_markdown.to_html(TEXT)
    curator_markdown.release()
    monkeypatch.setattr(curator_markdown, "store_version", lambda: "een andere versie")
    curator_markdown.use_store(tmp_path)
    curator_markdown.to_html(TEXT)
    assert len(conversions) == 2


def test_a_store_holding_other_values_than_text_is_not_used(conversions: list[str], tmp_path) -> None:
    import marshal
    (tmp_path / curator_markdown.STORE_FILE).write_bytes(
        marshal.dumps((curator_markdown.store_version(), {TEXT: 12})))
    curator_markdown.use_store(tmp_path)
    assert "<strong>meer</strong>" in curator_markdown.to_html(TEXT)
    assert len(conversions) == 1
