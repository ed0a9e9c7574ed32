"""Text quality of the built site: readability for residents, Dutch spelling, and no phrases copied from the seeds.

What counts as text: the visible main text of every page (``article.md-content__inner``), without navigation,
code, hidden elements and bibliographic material (source lists, citations, reading-list entries). See
scripts/textcheck.py for the extraction, the Dutch sentence splitter and the syllable counter.

**B1 threshold for residents' text** (chosen for this project, after the usual Dutch guidance for B1 writing:
short sentences, common words):

- average sentence length at most 14 words,
- Flesch–Douma score at least 60 ("redelijk makkelijk"; 206.835 − 0.93 × words/sentence − 77 × syllables/word),
- no single sentence longer than 25 words.

Residents' text is: every page in docs/bewoners/, every checklist with ``audience: bewoner`` and the
``resident`` lines of the ladder pages (the "In gewone woorden" lines, taken together because one line of two
sentences is too short for a stable score). Headings, button labels and "Waarom dit punt?"-style summaries are
not graded as running text. Every other page is measured and reported, not graded.

The readability table for every page is shown after the run (the `report` fixture) and written to
tests/output/leesbaarheid.txt.
"""
from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from scripts import textcheck
from scripts.textcheck import Page, readability, split_sentences, syllables
from tests.support import ROOT


def seeds_folder() -> Path:
    """../shared/seeds beside the repository; for a local clone elsewhere (a fresh clone in /tmp), beside the
    repository it was cloned from. The seeds are source material outside the repository, never copied in."""
    beside = ROOT.parent / "shared" / "seeds"
    if beside.is_dir():
        return beside
    origin = subprocess.run(["git", "-C", str(ROOT), "config", "--get", "remote.origin.url"],
                            capture_output=True, text=True, check=False).stdout.strip()
    if origin and Path(origin).is_dir():
        return Path(origin).resolve().parent / "shared" / "seeds"
    return beside


SEEDS = seeds_folder()
WORDLIST = ROOT / "tests" / "fixtures" / "woordenlijst.txt"
OUTPUT = ROOT / "tests" / "output"

MAX_WORDS_PER_SENTENCE = 14.0
MIN_FLESCH_DOUMA = 60.0
MAX_SENTENCE = 25
SEED_RUN = 8


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[str, Page]:
    found = {p.name: p for p in textcheck.site_pages(built_site)}
    assert "/" in found, "the home page has no main text"
    return found


def resident_texts(pages: dict[str, Page], data) -> dict[str, list[str]]:
    """Residents' text per unit, keyed by a readable name; expectations come from the sources, not from counts."""
    units: dict[str, list[str]] = {}
    written = sorted((ROOT / "docs" / "bewoners").glob("*.md"))
    assert written, "docs/bewoners/ has no pages"
    for md in written:
        name = "bewoners/" if md.stem == "index" else f"bewoners/{md.stem}/"
        assert name in pages, f"docs/bewoners/{md.name} did not become page {name}"
        units[name] = pages[name].prose()
    lines: list[str] = []
    for rung in list(data.rungs) + list(data.roles):
        name = f"ladder/{rung.id}/"
        assert name in pages, f"no page for rung {rung.id}"
        found = pages[name].prose(within="wg-b1")
        assert found and rung["resident"] in " ".join(found), f"{name}: the resident line is not on the page"
        lines += found
    units["ladder/*/ (regels 'In gewone woorden')"] = lines
    for checklist in data.checklists.values():
        if checklist["audience"] == "bewoner":
            name = f"checklists/{checklist.id}/"
            assert name in pages, f"no page for checklist {checklist.id}"
            units[name] = pages[name].prose()
    return units


# --------------------------------------------------------------------------------------------------
# The tools themselves
# --------------------------------------------------------------------------------------------------

def test_sentence_splitter_respects_abbreviations_and_initials() -> None:
    text = ("Bewoners kiezen bijv. een buurthuis. Dat staat o.a. op blz. 12 van het verslag. "
            "J. Kretzmann en W.J. Adams schreven erover! Werkt het? Ja.")
    sentences = split_sentences(text)
    assert [len(s) for s in sentences] == [5, 9, 7, 2, 1]
    assert split_sentences("Zonder punt aan het eind") == [["Zonder", "punt", "aan", "het", "eind"]]


@pytest.mark.parametrize(("word", "expected"), [
    ("buurt", 1), ("buurthuis", 2), ("bijvoorbeeld", 3), ("zelfbeheer", 3), ("wijkaanpak", 3),
    ("coöperatie", 5), ("ideeën", 3), ("bewonersparticipatie", 8), ("leeuw", 1), ("Kooi", 1), ("2017", 0),
])
def test_dutch_syllable_count(word: str, expected: int) -> None:
    assert syllables(word) == expected


def test_flesch_douma_formula() -> None:
    r = readability(["Je woont in de wijk. Je praat mee over het buurthuis."])  # 2 sentences, 11 words, 13 syllables
    assert (r.sentences, r.words, r.syllables) == (2, 11, 13)
    assert r.flesch_douma == pytest.approx(206.835 - 0.93 * 5.5 - 77 * 13 / 11)


def test_extraction_skips_code_navigation_hidden_and_bibliography() -> None:
    html = """<html><body><nav>Menu</nav><article class="md-content__inner md-typeset">
    <h1>Kop</h1><p>Zichtbare tekst met <code>code()</code> erin.</p><pre>x = 1</pre>
    <p hidden>Verborgen</p><nav><p>Eén trede lager</p></nav>
    <ol class="wg-bronnen"><li>Busscher, N. (2021)</li></ol>
    <p>Zie <a class="wg-cite" href="#x">(Putters, 2022)</a> en <span lang="en">Building Communities</span>.</p>
    </article><footer>Voet</footer></body></html>"""
    blocks = textcheck.main_blocks(html)
    assert [b.text for b in blocks] == ["Kop", "Zichtbare tekst met erin.", "Zie en Building Communities."]
    assert blocks[-1].text_nl == "Zie en ."
    assert blocks[0].is_heading


# --------------------------------------------------------------------------------------------------
# Readability
# --------------------------------------------------------------------------------------------------

def test_readability_report_and_b1_for_residents(pages: dict[str, Page], data,  # noqa: ANN001 - the data set
                                                 report: Callable[[str], None]) -> None:
    units = resident_texts(pages, data)
    rows = []
    failures = []
    for name, page in sorted(pages.items()):
        rows.append((name, readability(page.prose()), "B1" if name in units else ""))
    for name, texts in units.items():
        r = readability(texts)
        verdict = []
        if r.sentences == 0:
            verdict.append("geen lopende tekst gevonden")
        if r.words_per_sentence > MAX_WORDS_PER_SENTENCE:
            verdict.append(f"gemiddeld {r.words_per_sentence:.1f} woorden per zin (max {MAX_WORDS_PER_SENTENCE:g})")
        if r.flesch_douma < MIN_FLESCH_DOUMA:
            verdict.append(f"Flesch-Douma {r.flesch_douma:.1f} (min {MIN_FLESCH_DOUMA:g})")
        long = [" ".join(s) for t in texts for s in split_sentences(t) if len(s) > MAX_SENTENCE]
        verdict += [f"zin van meer dan {MAX_SENTENCE} woorden: {s!r}" for s in long]
        if name.startswith("ladder/"):
            rows.append((name, r, "B1 (samen)"))
        if verdict:
            failures.append(f"{name}: " + "; ".join(verdict))
    table = textcheck.readability_table(rows)
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "leesbaarheid.txt").write_text(table + "\n", encoding="utf-8")
    report(table)
    assert not failures, "Tekst voor bewoners is niet op B1-niveau:\n" + "\n".join(failures)


# --------------------------------------------------------------------------------------------------
# Spelling
# --------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def words_per_page(pages: dict[str, Page]) -> dict[str, list[str]]:
    if not textcheck.hunspell_available():
        pytest.fail("hunspell with the Dutch dictionary is missing: run `make system-deps` "
                    "(apt-get install hunspell hunspell-nl)")
    return {name: textcheck.spelling_tokens(" \n ".join(b.text_nl for b in page.blocks))
            for name, page in pages.items()}


def test_dutch_spelling(words_per_page: dict[str, list[str]]) -> None:
    """hunspell nl_NL plus the project word list over every page; names and jargon live in the word list."""
    bad = textcheck.unknown_words([w for ws in words_per_page.values() for w in ws], wordlist=WORDLIST)
    report = []
    for name, words in sorted(words_per_page.items()):
        wrong = sorted({w for w in words if w in bad})
        if wrong:
            report.append(f"{name}: {', '.join(wrong)}")
    assert not report, ("Onbekende woorden (verbeter de spelling; alleen echte namen en vaktermen horen in "
                        "tests/fixtures/woordenlijst.txt):\n" + "\n".join(report))


def test_spell_checker_catches_a_misspelling(tmp_path: Path) -> None:
    if not textcheck.hunspell_available():
        pytest.fail("hunspell with the Dutch dictionary is missing")
    wordlist = tmp_path / "woorden.txt"
    wordlist.write_text("# a comment line is not a word\nTrudo\n", encoding="utf-8")
    words = ["bewoners", "bewonres", "Trudo-directeur", "Trudo", "Tredu", "wijkbudget", "zo'n"]
    assert textcheck.unknown_words(words, wordlist=wordlist) == {"bewonres", "Tredu"}
    assert textcheck.unknown_words(["Trudo"]) == {"Trudo"}
    wordlist.write_text("Com\n", encoding="utf-8")  # a name with a middle dot is checked part by part
    assert textcheck.unknown_words(["Com·wonen", "Cmo·wonen", "Com·wnoen"], wordlist=wordlist) == {"Cmo·wonen", "Com·wnoen"}
    assert textcheck.spelling_tokens("Zie https://x.nl/a (data/methods/abcd.yaml) in data/methods/. Het wijk- en buurtbudget, "
                                     "o.a. in 2017, bijv. zo'n 'buurthuis'.") == [
        "Zie", "in", "Het", "wijk", "en", "buurtbudget", "in", "zo'n", "buurthuis"]


def test_word_list_holds_only_needed_words(words_per_page: dict[str, list[str]]) -> None:
    """Every word-list entry is unknown to the dictionary (else it is redundant) and occurs on the site (else it
    is stale): the list cannot quietly grow into a place to hide misspellings."""
    entries = textcheck.read_wordlist(WORDLIST)
    duplicates = sorted({e for e in entries if entries.count(e) > 1})
    assert not duplicates, f"duplicate entries in the word list: {duplicates}"
    with_digits = [e for e in entries if any(ch.isdigit() for ch in e)]
    assert not with_digits, f"words with a digit are never spell-checked, remove them: {with_digits}"
    redundant = sorted(set(entries) - textcheck.unknown_words(entries))
    used = {w for ws in words_per_page.values() for w in ws}
    used_parts = used | {p for w in used for p in textcheck.compound_parts(w)}
    stale = sorted(e for e in entries if e not in used_parts and e.lower() not in {w.lower() for w in used_parts})
    assert not redundant, f"the dictionary already knows these, remove them from the word list: {redundant}"
    assert not stale, f"these word-list entries no longer occur on the site, remove them: {stale}"


# --------------------------------------------------------------------------------------------------
# Overlap with the seed documents
# --------------------------------------------------------------------------------------------------

def test_no_phrase_copied_from_a_seed(pages: dict[str, Page]) -> None:
    assert SEEDS.is_dir(), f"seed documents not found at {SEEDS} (expected ../shared/seeds next to the repo)"
    seed_files = sorted(SEEDS.glob("*.txt"))
    assert seed_files, f"no seed documents (*.txt) in {SEEDS}"
    grams: dict[tuple[str, ...], str] = {}
    for seed in seed_files:
        for gram in textcheck.ngrams(textcheck.normalise_words(seed.read_text(encoding="utf-8")), SEED_RUN):
            grams.setdefault(gram, seed.name)
    found = []
    seed_grams = set(grams)
    for name, page in sorted(pages.items()):
        words = textcheck.normalise_words("\n".join(b.text for b in page.blocks))
        for phrase in textcheck.overlaps(words, seed_grams, SEED_RUN):
            seed = grams[tuple(phrase.split()[:SEED_RUN])]
            found.append(f"{name}: \"{phrase}\" ({seed})")
    assert not found, (f"Runs of {SEED_RUN}+ words copied from a seed document (write them in your own words):\n"
                       + "\n".join(found))


def test_overlap_finder_reports_whole_runs() -> None:
    seed = textcheck.normalise_words("Een twee drie vier vijf zes zeven acht negen tien. Elf twaalf.")
    page = textcheck.normalise_words("Nul: een, twee, drie vier vijf zes zeven acht negen! En verder.")
    assert textcheck.overlaps(page, textcheck.ngrams(seed, 8), 8) == ["een twee drie vier vijf zes zeven acht negen"]
    assert textcheck.normalise_words("belangheb-\nbenden") == ["belanghebbenden"]
