"""Prose without Markdown skips Python-Markdown (macros/data/curator_markdown.plain_html): the page must
read exactly as the converter would have made it, for every text of the real data and for the edge cases
where Markdown does act on a line that looks plain."""
from __future__ import annotations

import pytest

from macros.core.problems import Problems
from macros.data import curator_markdown
from macros.data.text_rules import strings
from macros.data.yaml_loader import load_yaml
from tests.support import SITE_DATA


def converted(text: str) -> str:
    return curator_markdown._converter().reset().convert(
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def real_texts() -> list[str]:
    texts = []
    for path in sorted(SITE_DATA.rglob("*.yaml")):
        value = load_yaml(path, path.name, Problems())
        texts += [str(text) for _, text in strings(value)]
    return texts


def test_real_data_reads_the_same_with_and_without_the_converter() -> None:
    texts = real_texts()
    plain = [text for text in texts if curator_markdown.plain_html(text) is not None]
    assert len(plain) > 100  # most curator prose is plain: the shortcut is used
    for text in plain:
        assert curator_markdown.plain_html(text) == converted(text), text


@pytest.mark.parametrize("text", [
    "Een zin.", "Een zin.\nNog een regel.", "Alinea een.\n\nAlinea twee.", "\n\nVoor en na\n\n\n\nwitregels\n",
    "Bewoners (en buurten) zeggen 'ja', \"nee\" en 50% is meer dan 1/3.", "Één café, naïef, coördinatie.",
])
def test_plain_prose_is_converted_as_markdown_would(text: str) -> None:
    assert curator_markdown.plain_html(text) == converted(text)


@pytest.mark.parametrize("text", [
    "", "1. Een lijst", "2026 was een goed jaar.", "+ punt", "- punt", "* punt", "> citaat", "    code",
    "regel met harde breuk  \nvolgende", "Kop\n===", "Kop\n---", "**vet**", "_schuin_", "[link](https://a.nl)",
    "<https://a.nl>", "a & b", "a < b", "\tinspringing", "harde\u00a0spatie", "regel\r\nregel", "# kop",
    "`code`", "zie: https://a.nl", "a@b.nl", "a|b", "x ~ y", "a=b", "uitroep!", "\\ontsnapt",
])
def test_anything_markdown_might_act_on_goes_to_the_converter(text: str) -> None:
    assert curator_markdown.plain_html(text) is None

