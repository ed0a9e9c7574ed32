"""One voice on the built site (issue #29): the reader is "je" everywhere, and every accessible name
(aria-label) is Dutch. Both read the pages as a reader meets them: the visible main text without source
lists and quoted titles (scripts/textcheck.py), and the labels a screen reader reads out.

A label counts as Dutch when each of its words passes the site's own Dutch spell check (hunspell nl_NL plus
tests/fixtures/woordenlijst.txt, the list of names and jargon the page text may use): Material left
"Header" English in its Dutch language table.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from scripts import textcheck
from tests.support import ROOT

WORDLIST = ROOT / "tests" / "fixtures" / "woordenlijst.txt"
# "u", "uw", "uzelf" as words; not "U+00A0" (a code point), "u." or "'u'" (the letter), nor a part of a word.
FORMAL_YOU = re.compile(r"(?<![\w'‘+.-])(?:u|uw|uzelf|U|Uw|Uzelf)(?![\w'’+-]|\.\w)")
# Quoted passages are someone else's words (a title, a phrase from a source), not the guide speaking.
QUOTED = re.compile(r"'[^']*'|‘[^’]*’|\"[^\"]*\"|“[^”]*”|„[^”]*”")
ATTRIBUTE = re.compile(r'\s(aria-label|placeholder|alt|title)="([^"]*)"')
META_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')


def reader_pages(built_site: Path) -> list[Path]:
    """Every built page a reader opens (the editor's Decap app is a tool with its own UI, not a page)."""
    return [p for p in sorted(built_site.rglob("*.html")) if "redactie/bewerken" not in p.as_posix()]


def formal_you(text: str) -> list[str]:
    """The places in ``text`` where the guide says "u" or "uw" to the reader, with a little context."""
    text = QUOTED.sub(" ", text)
    return [text[max(0, m.start() - 30): m.end() + 30] for m in FORMAL_YOU.finditer(text)]


def labels_and_descriptions(path: Path) -> list[str]:
    """Accessible names and hints of a page: aria-label, placeholder, alt and title (not the COinS span's
    title, which is data for Zotero), and the page's description."""
    text = path.read_text(encoding="utf-8")
    found = [html.unescape(value) for name, value in ATTRIBUTE.findall(text)
             if not (name == "title" and value.startswith("ctx_ver="))]
    return found + [html.unescape(value) for value in META_DESCRIPTION.findall(text)]


def test_formal_you_is_found_and_quotes_and_letters_are_not() -> None:
    assert formal_you("Kunt u het formulier invullen?") and formal_you("Uw mening telt.")
    assert formal_you("Vul uw naam in.")
    assert not formal_you("Ook 'Zijn uw vrijwilligers gratis verzekerd?' staat op de leeslijst.")
    assert formal_you("Dit is voor u.")
    assert not formal_you("een harde spatie (U+00A0)") and not formal_you("u.a. en in een woord: uit, nu, huur")


def test_no_page_addresses_the_reader_as_u(built_site: Path) -> None:
    pages = textcheck.site_pages(built_site)
    assert pages
    found = []
    for page in pages:
        if "redactie/bewerken" in page.name:
            continue
        for block in page.blocks:
            found += [f"{page.name}: …{hit}…" for hit in formal_you(block.text_nl)]
    for path in reader_pages(built_site):
        for text in labels_and_descriptions(path):
            found += [f"{path.relative_to(built_site)} (attribuut): …{hit}…" for hit in formal_you(text)]
    assert not found, "De gids zegt 'je' tegen de lezer, niet 'u':\n" + "\n".join(found)


def aria_labels(built_site: Path) -> dict[str, list[str]]:
    """Every aria-label on the site, with the pages it is on."""
    labels: dict[str, list[str]] = {}
    for path in reader_pages(built_site):
        for value in re.findall(r'aria-label="([^"]*)"', path.read_text(encoding="utf-8")):
            labels.setdefault(html.unescape(value), []).append(path.relative_to(built_site).as_posix())
    return labels


# English words the Dutch dictionary accepts as loanwords or names ("Skip to content" passes hunspell nl):
# function words that never occur in a Dutch label.
ENGLISH_ONLY = {"the", "of", "to", "and", "for", "with", "from", "your", "you", "skip", "previous", "next"}


def not_dutch(labels: list[str]) -> list[str]:
    words = [w for label in labels for w in textcheck.spelling_tokens(label)]
    unknown = textcheck.unknown_words(words, wordlist=WORDLIST)
    return [label for label in labels
            if set(textcheck.spelling_tokens(label)) & unknown
            or {w.casefold() for w in textcheck.spelling_tokens(label)} & ENGLISH_ONLY]


@pytest.fixture(scope="module")
def spell_check() -> None:
    if not textcheck.hunspell_available():
        pytest.fail("hunspell with the Dutch dictionary is missing: run `make system-deps` "
                    "(apt-get install hunspell hunspell-nl)")


@pytest.mark.usefixtures("spell_check")
def test_every_aria_label_is_dutch(built_site: Path) -> None:
    labels = aria_labels(built_site)
    assert len(labels) > 10, "hardly any aria-labels: did the page markup change?"
    wrong = not_dutch(sorted(labels))
    assert not wrong, "Niet-Nederlandse aria-label (schermlezers lezen die voor):\n" + "\n".join(
        f"{label!r} op {', '.join(labels[label][:3])}" for label in wrong)


@pytest.mark.usefixtures("spell_check")
def test_the_dutch_check_catches_english_labels() -> None:
    assert not_dutch(["Header", "Inhoudsopgave"]) == ["Header"]
    assert not_dutch(["Skip to content", "Ga naar inhoud", "Footer"]) == ["Skip to content", "Footer"]


def test_the_header_is_named_in_dutch(built_site: Path) -> None:
    """Material's header, footer and tabs take their names from our language override."""
    page = (built_site / "index.html").read_text(encoding="utf-8")
    header = re.search(r'<nav class="md-header__inner[^"]*" aria-label="([^"]*)"', page)
    assert header and header.group(1) not in ("", "Header")
