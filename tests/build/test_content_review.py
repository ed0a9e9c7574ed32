"""Guards for the editorial review of December 2026 (content review §1): mistakes a reader saw once
must not come back. Each check looks at what a reader or curator sees: the data files and the built site."""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml

from tests.support import ROOT

DATA = ROOT / "data"

# Words that are English and never Dutch: two of them in one comment line make it English.
# ('is', 'was', 'in', 'a', 'at' are left out: Dutch uses them too.)
ENGLISH_ONLY = {"the", "and", "of", "with", "from", "for", "this", "that", "which", "are", "not", "by", "to",
                "on", "be", "it", "its", "has", "have", "my", "own", "no", "only", "when", "where", "were",
                "should", "would", "could", "than", "there", "their", "these", "those", "because"}


def english_words(comment: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", comment.lower()) if w in ENGLISH_ONLY}


def data_comments() -> list[tuple[str, int, str]]:
    """Every comment a curator reads in data/: '# …' in YAML (not the schema hint), '% …' in BibTeX."""
    found = []
    for path in sorted(DATA.rglob("*.yaml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = re.match(r"\s*#(.*)", line) or re.search(r"\s#\s(.*)$", line)
            if match and "yaml-language-server" not in line:
                found.append((str(path.relative_to(ROOT)), number, match.group(1)))
    bib = DATA / "references.bib"
    for number, line in enumerate(bib.read_text(encoding="utf-8").splitlines(), 1):
        if line.lstrip().startswith("%"):
            found.append((str(bib.relative_to(ROOT)), number, line.lstrip()[1:]))
    return found


def test_the_english_detector_tells_english_from_dutch() -> None:
    assert len(english_words("Coordinates: the brief's estimate, consistent with my own picture of the area")) >= 2
    assert len(english_words("Coördinaten: schatting uit de inhoudsbrief, met de hand bepaald")) < 2
    assert len(english_words("Periode: van het sloopplan (eind 2007) tot 2015, de jaren die de film beslaat")) < 2


def test_comments_in_data_are_dutch() -> None:
    english = [f"{path}:{number}: {text.strip()}" for path, number, text in data_comments()
               if len(english_words(text)) >= 2]
    assert not english, "comments in data/ must be Dutch (and about the data):\n" + "\n".join(english)


def texts(value: object) -> list[str]:
    """Every text in a YAML document (each list item on its own)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in texts(v)]
    return []


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", text)) if s]


def test_no_havensteder_in_a_sentence_about_the_years_before_2011() -> None:
    """Havensteder came into being in 2011 (Com·wonen and PWS merged): before that it was Com·wonen."""
    wrong = []
    for path in sorted(DATA.rglob("*.yaml")):
        for sentence in (s for text in texts(yaml.safe_load(path.read_text(encoding="utf-8")))
                         for s in sentences(text)):
            years = [int(y) for y in re.findall(r"\b(19\d\d|20\d\d)\b", sentence)]
            named = sentence.replace("sinds 2011 Havensteder", "").replace("tot 2011 Com·wonen", "")
            if "Havensteder" in named and years and min(years) < 2011:
                wrong.append(f"{path.relative_to(ROOT)}: {sentence}")
    assert not wrong, "Havensteder in a sentence about the years before 2011:\n" + "\n".join(wrong)


def page_text(site: Path, path: str) -> str:
    html = (site / path).read_text(encoding="utf-8")
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_the_participation_law_page_gives_its_dates(built_site: Path) -> None:
    text = page_text(built_site, "methoden/participatieverordening/index.html")
    assert "niet kunnen controleren" not in text
    for fact in ("4 juni 2024", "1 januari 2025", "1 januari 2027", "Model Participatieverordening"):
        assert fact in text, f"the participatieverordening page does not say {fact!r}"


def test_no_label_says_gemeente_before_something_that_is_no_municipality(built_site: Path) -> None:
    pages = sorted((built_site / "praktijk").rglob("index.html"))
    assert pages
    wrong = []
    for page in pages:
        text = page_text(built_site, str(page.relative_to(built_site)))
        for bad in ("gemeente Meerdere", "gemeente Hull", "gemeente gemeente"):
            if bad in text:
                wrong.append(f"{page.relative_to(built_site)}: {bad}")
    assert not wrong, wrong


def test_a_case_with_an_unknown_start_says_so(built_site: Path) -> None:
    """Woensel-West: the sources give no years at all, and the page says so in plain words (not 'begin
    onbekend', and not 1994, the year Trudo was formed)."""
    text = page_text(built_site, "praktijk/woensel-west/index.html")
    assert re.search(r"Periode :? ?de bronnen noemen geen jaartallen", text), "the Woensel-West page should say it plainly"
    assert "1994" not in re.search(r"Periode :? ?(.{0,40})", text).group(1)
    map_text = page_text(built_site, "praktijk/kaart/index.html")
    assert "Woensel-West" in map_text and "geen jaartallen bekend" in map_text


def test_a_running_case_is_not_said_to_run_today(built_site: Path) -> None:
    """Selwerd is 'lopend' in the data; its newest source is from 2023, so no page may claim it runs now."""
    text = page_text(built_site, "praktijk/selwerd/index.html")
    assert re.search(r"Periode :? ?sinds 2014; in 2023 liep het nog, volgens de nieuwste bron", text)
    for path in ("praktijk/index.html", "praktijk/kaart/index.html"):
        listed = page_text(built_site, path)
        assert "sinds 2014, liep nog in 2023" in listed and "tot nu" not in listed


def test_a_case_with_an_end_shows_its_whole_period(built_site: Path) -> None:
    text = page_text(built_site, "praktijk/vreewijk/index.html")
    assert re.search(r"Periode :? ?2007–2015", text)


def test_the_timeline_cites_no_stand_in_title(built_site: Path) -> None:
    """A citation shows the author or the real title, never a bracketed description such as
    '[Artikel over de invoering van de Wmo 2015 …]'."""
    html = (built_site / "tijdlijn/index.html").read_text(encoding="utf-8")
    cites = [unescape(c) for c in re.findall(r'<a class="wg-cite"[^>]*>(.*?)</a>', html, re.S)]
    assert cites, "the timeline should cite its sources"
    stand_ins = [c for c in cites if c.lstrip("(").startswith("[")]
    assert not stand_ins, stand_ins


@pytest.mark.parametrize("phrase", ["Het ExpertiseLab is ook de redactie", "redactie van het ExpertiseLab"])
def test_the_expertiselab_is_not_said_to_edit_the_guide(built_site: Path, phrase: str) -> None:
    for path in ("over/index.html", "methoden/expertiselab/index.html"):
        assert phrase not in page_text(built_site, path)


# --- Nothing dated 'now' on the strength of an old source (issue 14, acceptance) ------------------------
# A word that dates a claim to the present is only allowed in a sentence that also names a year from the last
# five years (December 2021 or later: 2021 and on), so a reader sees how current 'now' is.
NOW_WORDS = re.compile(r"\b(inmiddels|momenteel|tegenwoordig|op dit moment|nu nog)\b", re.I)
RECENT_YEAR = re.compile(r"\b20(2[1-9]|[3-9]\d)\b")


def article_text(html: str) -> str:
    """The text of a page's main article (no navigation, search or footer), as the reader reads it."""
    match = re.search(r'<article class="md-content__inner[^"]*">(.*?)</article>', html, re.S)
    body = match.group(1) if match else ""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    body = re.sub(r"</(p|li|h\d|td|th|dd|dt|div)>", ". ", body)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", body)))


def dated_now(text: str) -> tuple[list[str], list[str]]:
    """(sentences that say 'now' without a recent year, sentences that say 'now' with one)."""
    undated, dated = [], []
    for sentence in sentences(text):
        if NOW_WORDS.search(sentence):
            (dated if RECENT_YEAR.search(sentence) else undated).append(sentence)
    return undated, dated


def test_the_now_detector_finds_undated_now_and_lets_a_recent_year_through() -> None:
    fixture = ("Het LSA telt inmiddels vijfhonderd leden. In 2009 bezat de Trust inmiddels gebouwen. "
               "Momenteel werken veel gemeenten zo! Tegenwoordig heet dat anders. Op dit moment loopt er een proef. "
               "Is dat nu nog zo? Tot nu toe las de redactie het rapport niet. In 2012 deden steeds meer gemeenten dat. "
               "Of die wet inmiddels is aangenomen, staat niet in de bronnen; de jongste is van 2024. "
               "Sinds 1 januari 2025 geldt de wet.")
    undated, dated = dated_now(fixture)
    assert undated == ["Het LSA telt inmiddels vijfhonderd leden.", "In 2009 bezat de Trust inmiddels gebouwen.",
                       "Momenteel werken veel gemeenten zo!", "Tegenwoordig heet dat anders.",
                       "Op dit moment loopt er een proef.", "Is dat nu nog zo?"]
    assert dated == ["Of die wet inmiddels is aangenomen, staat niet in de bronnen; de jongste is van 2024."]


def test_nothing_on_the_site_says_now_without_a_recent_year(built_site: Path) -> None:
    """Every built page (records, timeline, glossary and the hand-written pages) is read as its reader sees it."""
    pages = sorted(built_site.rglob("index.html"))
    texts_by_page = {str(p.relative_to(built_site)): article_text(p.read_text(encoding="utf-8")) for p in pages}
    # The scan reads the real pages: every method and case page has its text. (The detector itself, and that a
    # 'now' with a recent year is let through, is tested above on sentences of its own.)
    for folder in ("methoden", "praktijk"):
        for path in sorted((DATA / ("methods" if folder == "methoden" else "cases")).glob("*.yaml")):
            assert len(texts_by_page[f"{folder}/{path.stem}/index.html"]) > 500, path.stem
    assert len(texts_by_page["bewoners/index.html"]) > 500 and len(texts_by_page["tijdlijn/index.html"]) > 2000
    undated, dated = [], []
    for page, text in texts_by_page.items():
        found, excused = dated_now(text)
        undated += [f"{page}: {s}" for s in found]
        dated += excused
    assert not undated, ("a claim dated 'now' without a year from 2021 on: give the year of the source "
                         "(\"In 2012 …\") or write it in the past tense:\n" + "\n".join(undated))
