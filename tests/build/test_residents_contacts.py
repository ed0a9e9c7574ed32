"""Residents' pages point to real help (issue #29, item 4): every link to another site is an address the
reading list holds (never a guessed one), a page with such links says when the addresses were seen,
every abbreviation is explained where it first appears, and remarks for the editors stay out of the text."""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import urlparse

from macros.bibliography import cite_text
from scripts import textcheck
from tests.support import ROOT

RESIDENT_DOCS = sorted((ROOT / "docs" / "bewoners").glob("*.md"))
CHECK_DATE = re.compile(r"gezien in een opgeslagen kopie \((?:januari|februari|maart|april|mei|juni|juli|augustus|"
                        r"september|oktober|november|december) \d{4}\)")
# An abbreviation: two to five letters, at least two of them capitals (APV, LSA, PvdA); '!WOON' is a name.
ABBREVIATION = re.compile(r"(?<![\w!'-])[A-Z][a-z]?[A-Z][A-Za-z]{0,3}(?![\w'])")
# How the pages explain one: "(…)" or ", de …" right after it, or the next sentence says what it is.
EXPLAINED = re.compile(r"\(|, (?:de|het|een) |\b(?:is|zijn) (?:de|het|een) |afkorting")


def article(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    match = re.search(r'<article class="md-content__inner[^"]*">(.*?)</article>', html, re.S)
    assert match, f"{path}: no main article"
    return match.group(1)


def running_text_links(body: str) -> list[str]:
    """Links in the text a resident reads: not the source list, the facts notes or the reading-list links."""
    for block in (r'<ol class="wg-bronnen">.*?</ol>', r'<div class="wg-facts.*?</div>', r'<ul class="wg-facts.*?</ul>'):
        body = re.sub(block, "", body, flags=re.S)
    return [unescape(href) for href in re.findall(r'<a [^>]*href="(https?://[^"]+)"', body)]


def resident_page(built_site: Path, md: Path) -> Path:
    return built_site / ("bewoners" if md.stem == "index" else f"bewoners/{md.stem}") / "index.html"


def known_addresses(data) -> tuple[set[str], set[str]]:  # noqa: ANN001 - Dataset
    """The reading list's URLs, and the sites they are on or that a note names as an address ("aanmelden op
    NLdoet.nl"): a link to a site's front page is fine."""
    urls = {entry.get("url").rstrip("/") for entry in data.bibliography if entry.get("url")}
    sites = {urlparse(url).netloc.removeprefix("www.") for url in urls}
    notes = " ".join(entry.get("note") for entry in data.bibliography).casefold()
    sites |= set(re.findall(r"\b[a-z0-9-]+\.nl\b", notes))
    return urls, sites


def on_a_known_site(host: str, sites: set[str]) -> bool:
    """``officielebekendmakingen.nl`` is the site of an entry on ``zoek.officielebekendmakingen.nl``."""
    host = host.removeprefix("www.")
    return any(site == host or site.endswith("." + host) for site in sites)


def test_every_link_to_another_site_is_an_address_from_the_reading_list(built_site: Path, data) -> None:  # noqa: ANN001
    urls, sites = known_addresses(data)
    unknown, seen = [], 0
    for md in RESIDENT_DOCS:
        for href in running_text_links(article(resident_page(built_site, md))):
            seen += 1
            parsed = urlparse(href)
            front_page = parsed.path in ("", "/") and not parsed.query
            if href.rstrip("/") not in urls and not (front_page and on_a_known_site(parsed.netloc, sites)):
                unknown.append(f"{md.name}: {href}")
    assert seen > 10, "hardly any links on the residents' pages: did the page markup change?"
    assert not unknown, ("Link naar een adres dat niet op de leeslijst staat (zet de bron met het adres op de "
                         "leeslijst, of laat de link weg):\n" + "\n".join(unknown))


def test_pages_with_links_to_other_sites_say_when_the_addresses_were_seen(built_site: Path) -> None:
    for md in RESIDENT_DOCS:
        body = article(resident_page(built_site, md))
        if running_text_links(body):
            text = " ".join(block.text for block in textcheck.main_blocks(f'<article class="md-content__inner">{body}</article>'))
            assert CHECK_DATE.search(text), f"{md.name}: links to other sites, but no date when the addresses were seen"


def first_unexplained(text: str, source_names: frozenset[str] = frozenset()) -> list[str]:
    """Abbreviations whose first use is not followed, in the same or the next sentence, by what they mean.
    A source named as the facts register names it ("volgens PG Awb") is a name from the reading list, where
    the reader finds the whole reference; ``source_names`` are those names."""
    found, seen = [], set()
    for match in ABBREVIATION.finditer(text):
        word = match.group(0)
        named = re.match(r"[^;)]*", text[match.start():]).group(0)
        if text[:match.start()].endswith("volgens ") and named.strip() in source_names:
            continue
        if word in seen:
            continue
        seen.add(word)
        rest = text[match.end():]
        sentences = re.split(r"(?<=[.!?])\s+", rest, maxsplit=2)
        if not EXPLAINED.search(" ".join(sentences[:2])):
            found.append(word)
    return found


def test_the_abbreviation_check_can_fail() -> None:
    assert first_unexplained("Vraag het LSA om hulp. Zij helpen je graag.") == ["LSA"]
    assert first_unexplained("Vraag het LSA. Dat is het Landelijk Samenwerkingsverband Actieve bewoners.") == []
    assert first_unexplained("De VNG, de vereniging van gemeenten, maakte een kaart. Daarna de VNG weer.") == []
    assert first_unexplained("Een voorbeeld is !WOON in Amsterdam.") == []
    assert first_unexplained("Zes weken (volgens PG Awb; niet bevestigd).", frozenset({"PG Awb"})) == []
    assert first_unexplained("Zes weken (volgens PG Awb; niet bevestigd).") == ["PG"]


def test_every_abbreviation_is_explained_at_first_use(built_site: Path, data) -> None:  # noqa: ANN001
    names = frozenset(cite_text([entry.key], narrative=True, bibliography=data.bibliography).rsplit(" (", 1)[0]
                      for entry in data.bibliography)
    problems = []
    for md in RESIDENT_DOCS:
        blocks = textcheck.main_blocks(resident_page(built_site, md).read_text(encoding="utf-8"))
        text = " ".join(block.text_nl for block in blocks if not block.is_heading)
        problems += [f"{md.name}: {word}" for word in first_unexplained(text, names)]
    assert not problems, "Afkorting zonder uitleg waar hij voor het eerst staat:\n" + "\n".join(problems)


def test_no_remarks_for_the_editors_in_residents_text(built_site: Path) -> None:
    """What the editors found or could not find in a source belongs in redactienotitie, not in the text."""
    aside = re.compile(r"staat niet op de (?:pagina|website) van|niet (?:gecontroleerd|nagegaan)|redactienotitie")
    for md in RESIDENT_DOCS:
        for block in textcheck.main_blocks(resident_page(built_site, md).read_text(encoding="utf-8")):
            assert not aside.search(block.text), f"{md.name}: {block.text!r}"
