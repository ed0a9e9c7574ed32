"""The bad-input corpus (../shared/badinput, see its EXPECTED.md), adapted to this project's schema.

Each case in tests/fixtures/badinput/<case>/ is laid over a fresh copy of the valid fixture data:
a file there replaces (or joins) the file at the same place in data/, and ``references.prepend.bib``
is put in front of the fixture's reading list, so corpus line numbers stay as they are.
The corpus is written for a generic "list of records" schema; here a record is one file:
``title`` is ``name``, ``ladder`` is ``rungs`` and ``url`` is a Markdown link in ``description``.

What a good system does, per kind (EXPECTED.md):
* FAIL   - ``load_dataset`` reports an error with the exact ``file:line: field:`` start and the key
           words of message and hint; no other error (one mistake, one message); the build stops.
* WARN   - no error, the warning is reported, the record is there and its page is built.
* RENDER - no error; the page shows the text exactly as typed, HTML-escaped.
* OK     - the baseline passes.
In every case: no record is dropped silently, and no problem text ends up in a page.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import markdown
import pytest
import yaml
from markupsafe import escape

from macros.core.problems import DataError
from macros.data.dataset import load_dataset, load_valid_dataset
from macros.site.build import build_pages
from tests.support import FIXTURE_DATA, ROOT

CASES = Path(__file__).resolve().parents[1] / "fixtures" / "badinput"
CORPUS = ROOT.parent / "shared" / "badinput"  # the shared corpus, beside the repository
#: The corpus files (EXPECTED.md excluded) this module adapts; the corpus itself is checked against it.
CORPUS_FILES = sorted("""
bib-corporate-author-double-braces.bib bib-duplicate-field.bib bib-duplicate-key.bib bib-dutch-particles.bib
bib-empty-key.bib bib-jinja-in-field.bib bib-key-with-space.bib bib-latex-accents.bib
bib-missing-comma-after-key.bib bib-missing-required-fields.bib bib-string-concatenation.bib
bib-unbalanced-brace.bib bib-unknown-entry-type.bib bib-utf8-names.bib bib-xss-in-title.bib valid-baseline.bib
valid-baseline.yaml yaml-bool-norway.yaml yaml-comments-only.yaml yaml-custom-tag.yaml yaml-date-coercion.yaml
yaml-deep-nesting.yaml yaml-duplicate-id.yaml yaml-duplicate-key.yaml yaml-empty-file.yaml yaml-empty-title.yaml
yaml-id-invalid-chars.yaml yaml-invalid-date.yaml yaml-jinja-in-text.yaml yaml-ladder-invalid.yaml
yaml-latin1-encoding.yaml yaml-markdown-emphasis-mangling.yaml yaml-missing-required.yaml yaml-nul-byte.yaml
yaml-null-record.yaml yaml-number-coercion.yaml yaml-sources-duplicate.yaml yaml-sources-string-not-list.yaml
yaml-sources-unknown-key.yaml yaml-tab-indent.yaml yaml-top-level-mapping.yaml yaml-unknown-field-typo.yaml
yaml-unquoted-colon.yaml yaml-url-javascript.yaml yaml-utf8-bom.yaml yaml-xss-img-onerror.yaml yaml-xss-script.yaml
""".split())
M = "data/methods"
BIB = "data/references.bib"


@dataclass
class Case:
    name: str
    kind: str  # FAIL, WARN, RENDER or OK
    errors: list[tuple[str, str]] = field(default_factory=list)  # (exact start, words further on)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    shown: dict[str, list[str]] = field(default_factory=dict)  # page -> text as typed (escaped here)
    html: dict[str, list[str]] = field(default_factory=dict)  # page -> HTML after Markdown, exact
    present: list[str] = field(default_factory=list)  # records/keys that must still be there


HINT_QUOTE = "zet de waarde tussen aanhalingstekens"
TODAY = date(2026, 12, 1)  # the day every case is checked on: no test reads the clock

CORPUS_CASES = [
    # --- BibTeX ------------------------------------------------------------------------------
    Case("bib-corporate-author-double-braces", "RENDER",
         html={"methoden/burgerpanel.md": [
             "Vereniging van Nederlandse Gemeenten. (2022). <cite>Participatie in beleid</cite>."]},
         present=["bib:vng2022"]),
    Case("bib-duplicate-field", "FAIL", errors=[
        (f"{BIB}:4: title: bron 'dubbel2020': veld 'title' staat er twee keer in (eerst op regel 2)", "houd één"),
        (f"{BIB}:1: journal: bron 'dubbel2020' heeft geen 'journal'", "vul 'journal' in")],
         present=["bib:dubbel2020"]),
    Case("bib-duplicate-key", "FAIL", errors=[
        (f"{BIB}:7: sleutel 'jansen2020' komt al voor op regel 1", "eigen sleutel"),
        (f"{BIB}:1: journal: bron 'jansen2020' heeft geen 'journal'", "vul 'journal' in")],
         present=["bib:jansen2020"]),
    Case("bib-dutch-particles", "RENDER",
         warnings=[(f"{BIB}:2: waarschuwing: author: bron 'namen2019' schrijft 'de Vries'", "kies één vorm")],
         html={"methoden/burgerpanel.md": [
             "Laan, E. van der, Kate, J. ten, &amp; Veld, R. in &#39;t. (2020). <cite>Voornaam-eerst notatie</cite>.",
             "Laan, E. van der, Kate, J. ten, Veld, R. in &#39;t, De Vries, J., Vries, A. de, Ter Horst, G., "
             "&amp; Hart, M. &#39;t. (2019b). <cite>Voorvoegsels in namen</cite>."]},
         present=["bib:namen2019", "bib:namen2020"]),
    Case("bib-empty-key", "FAIL", errors=[
        (f"{BIB}:1: de sleutel ontbreekt", "geen spaties"),
        (f"{BIB}:1: author: bron '' heeft geen auteur, redacteur of organisatie", "vul 'author' in")]),
    Case("bib-jinja-in-field", "FAIL", errors=[
        (f"{BIB}:2: title: bron 'jinja2024': '%' zonder backslash", "schrijf '\\%'")],
         warnings=[(f"{BIB}:2: waarschuwing: title: bron 'jinja2024' bevat tekst die op sjablooncode lijkt",
                    "nooit uitgevoerd")]),
    Case("bib-key-with-space", "FAIL", errors=[
        (f"{BIB}:1: sleutel 'van der Laan 2020' is ongeldig", "geen spaties"),
        (f"{BIB}:1: author: bron 'van der Laan 2020' heeft geen auteur", "vul 'author' in")]),
    Case("bib-latex-accents", "RENDER", html={"methoden/burgerpanel.md": [
        "Crémer, R., Müller, J., &amp; Baça, X. (2018). "
        "<cite>Cafés en ëén wijk – een Gids voor 50% van de buurt &amp; meer</cite>."]}),
    Case("bib-missing-comma-after-key", "FAIL", errors=[
        (f"{BIB}:1: bron 'sleutel2020' kon niet worden gelezen: na de sleutel ontbreekt een komma", "met een komma"),
        (f"{BIB}:2: tekst buiten een bron na bron 'sleutel2020'", "ontbrekende komma")]),
    Case("bib-missing-required-fields", "FAIL", errors=[
        (f"{BIB}:1: title: bron 'leeg2020' heeft geen 'title'", "vul 'title' in"),
        (f"{BIB}:1: year: bron 'leeg2020' heeft geen 'year'", "z.d.")], present=["bib:leeg2020"]),
    Case("bib-string-concatenation", "FAIL", errors=[
        (f"{BIB}:1: @string wordt niet ondersteund", "volledige tekst"),
        (f"{BIB}:5: institution: bron 'concat2020': '#' (tekst aan elkaar plakken) wordt niet ondersteund",
         "volledige tekst")]),
    Case("bib-unbalanced-brace", "FAIL", errors=[
        (f"{BIB}:1: bron 'kapot2020' kon niet worden gelezen: een '{{' of '\"' is niet gesloten", "tel de accolades")],
         present=["bib:goed2021"]),
    Case("bib-unknown-entry-type", "FAIL", errors=[
        (f"{BIB}:1: bron 'blog2022': onbekend brontype '@blogpost'", "article, book")], present=["bib:blog2022"]),
    Case("bib-utf8-names", "RENDER", html={"methoden/burgerpanel.md": [
        "Crémer, R., Çelik, A., Øberg, Å., &amp; Nguyễn, V. (2019). <cite>Één wijk, veel stemmen</cite>."]}),
    Case("bib-xss-in-title", "FAIL", errors=[
        (f"{BIB}:2: title: bron 'xss2024' bevat HTML-opmaak '<script>'", "gewone tekst"),
        (f"{BIB}:3: author: bron 'xss2024' bevat HTML-opmaak '<img src=x onerror=alert(1)>'", "gewone tekst"),
        (f"{BIB}:5: url: bron 'xss2024': adres 'javascript:alert(document.domain)' is niet toegestaan", "https://")]),
    Case("valid-baseline-bib", "OK", html={"methoden/burgerpanel.md": [
        '<span lang="en">A Ladder of Citizen Participation</span>',
        '<a href="https://example.nl/handreiking?versie=2&amp;taal=nl">https://example.nl/handreiking?versie=2&amp;'
        'taal=nl</a>']}, present=["bib:arnstein1969", "bib:bzk2020", "bib:vanderlaan2019"]),
    # --- YAML --------------------------------------------------------------------------------
    Case("valid-baseline", "OK",
         shown={"methoden/wijkgesprek.md": ["Wijkgesprek: samen plannen maken",
                                            "Inwoners en gemeente bespreken de wijk. Zie ook stap 2 & 3."]},
         html={"methoden/wijkgesprek.md": [
             '<a href="https://example.nl/methoden/wijkgesprek?tab=1&amp;lang=nl#uitleg">het wijkgesprek</a>'],
             "methoden/burgerpanel.md": ['<a href="https://example.nl/methoden/burgerpanel">de methode</a>']},
         present=["method:burgerpanel", "method:wijkgesprek"]),
    Case("yaml-bool-norway", "FAIL", errors=[
        (f"{M}/burgerpanel.yaml:4: rungs: onbekende trede 'on'", "informeren"),
        (f"{M}/burgerpanel.yaml:6: land: onbekend veld", "bekende velden")]),
    Case("yaml-comments-only", "FAIL", errors=[
        (f"{M}/burgerpanel.yaml:1: het bestand bevat geen gegevens (leeg of alleen commentaar)", "haal het weg")]),
    Case("yaml-custom-tag", "FAIL", errors=[
        (f"{M}/burgerpanel.yaml:3: summary: label '!include' is niet toegestaan", "geen andere bestanden")]),
    Case("yaml-date-coercion", "RENDER", shown={"methoden/burgerpanel.md": [
        "2024-03-01", "Vastgesteld op 2024-03-01 (deze staat in tekst en blijft tekst)."]},
         html={"methoden/burgerpanel.md": ["<h1>2024-03-01</h1>"]}),
    Case("yaml-deep-nesting", "FAIL", errors=[
        (f"{M}/diep.yaml:4: summary: de gegevens zijn dieper genest dan 12 niveaus", "inspringen")]),
    Case("yaml-duplicate-id", "FAIL", errors=[
        ("data/glossary.yaml:5: id: 'burgerpanel' komt al voor op regel 1", "eigen id")]),
    Case("yaml-duplicate-key", "FAIL", errors=[
        (f"{M}/burgerpanel.yaml:4: name: staat twee keer in dezelfde lijst van velden (eerst op regel 2)",
         "stilletjes de laatste")]),
    Case("yaml-empty-file", "FAIL", errors=[
        (f"{M}/burgerpanel.yaml:1: het bestand bevat geen gegevens (leeg of alleen commentaar)", "haal het weg")]),
    Case("yaml-empty-title", "FAIL", errors=[(f"{M}/burgerpanel.yaml:2: name: mag niet leeg zijn", "vul tekst in")]),
    Case("yaml-id-invalid-chars", "FAIL", errors=[
        (f"{M}/burger-panel.yaml:1: id: ongeldige id 'Burger Panel/../index'", "kleine letters")]),
    Case("yaml-invalid-date", "FAIL", errors=[
        (f"{M}/burgerpanel.yaml:5: reviewed: '2024-02-30' is geen bestaande datum", "JJJJ-MM-DD")]),
    Case("yaml-jinja-in-text", "WARN",
         warnings=[(f"{M}/jinja.yaml:2: waarschuwing: name: bevat {{{{ of {{% ; dat wordt letterlijk getoond", ""),
                   (f"{M}/jinja.yaml:3: waarschuwing: summary: bevat {{{{ of {{% ; dat wordt letterlijk getoond", "")],
         shown={"methoden/jinja.md": [
             "Titel {{ config }}", "{% include '/etc/passwd' %} en {{ ''.__class__.__mro__[1].__subclasses__() }}"]},
         html={"methoden/jinja.md": ["<h1>Titel {{ config }}</h1>"]}, present=["method:jinja"]),
    Case("yaml-ladder-invalid", "FAIL", errors=[
        (f"{M}/burgerpanel.yaml:3: rungs: onbekende trede 'meedenken'", "informeren, meebeslissen, raadplegen")]),
    Case("yaml-latin1-encoding", "FAIL", errors=[
        (f"{M}/cafe.yaml:2: name: kolom 10: geen geldige UTF-8-tekst (byte 0xe9)", "sla het bestand op als UTF-8")]),
    Case("yaml-markdown-emphasis-mangling", "FAIL", errors=[
        (f"{M}/mangling.yaml:3: summary: bevat HTML (<b>)", "Markdown")]),
    Case("yaml-missing-required", "FAIL", errors=[(f"{M}/burgerpanel.yaml:1: name: verplicht veld ontbreekt", "sjabloon")]),
    Case("yaml-nul-byte", "FAIL", errors=[
        (f"{M}/burgerpanel.yaml:2: name: kolom 13: verboden teken U+0000", "onzichtbare teken")]),
    Case("yaml-null-record", "FAIL", errors=[("data/glossary.yaml:5: [2]: is leeg", "vul een waarde in")]),
    Case("yaml-number-coercion", "FAIL", errors=[
        (f"{M}/010.yaml:2: name: moet tekst zijn, maar is 1.10", HINT_QUOTE)]),
    Case("yaml-sources-duplicate", "FAIL", errors=[
        (f"{M}/burgerpanel.yaml:4: sources: 'arnstein1969' staat meer dan één keer in de bronnen", "dubbele weg")]),
    Case("yaml-sources-string-not-list", "FAIL", errors=[
        (f"{M}/burgerpanel.yaml:4: sources: moet een lijst zijn, maar is 'arnstein1969'", "[arnstein1969]")]),
    Case("yaml-sources-unknown-key", "FAIL", errors=[
        (f"{M}/burgerpanel.yaml:4: sources: bron 'arnstien1969' staat niet in de leeslijst", "bedoel je 'arnstein1969'?")]),
    Case("yaml-tab-indent", "FAIL", errors=[
        (f"{M}/burgerpanel.yaml:2: name: kolom 1: tab gebruikt om in te springen", "spaties")]),
    Case("yaml-top-level-mapping", "FAIL", errors=[
        ("data/glossary.yaml:1: (bestand): moet een lijst zijn, maar is een lijst van velden", "'- '")]),
    Case("yaml-unknown-field-typo", "FAIL", errors=[
        (f"{M}/burgerpanel.yaml:3: sumary: onbekend veld", "bedoel je 'summary'?")]),
    Case("yaml-unquoted-colon", "FAIL", errors=[
        (f"{M}/wijkgesprek.yaml:2: name: kolom 18: YAML kan dit niet lezen (mapping values are not allowed",
         "tussen aanhalingstekens als er ': ' in staat")]),
    Case("yaml-url-javascript", "FAIL", errors=[
        (f"{M}/js-url.yaml:3: description: link 'javascript:alert(document.domain)' is niet toegestaan", "https://"),
        (f"{M}/js-url-mixed.yaml:3: description: link 'JaVaScRiPt:alert(1)' is niet toegestaan", "https://"),
        (f"{M}/js-url-tab.yaml:3: description: link 'java  script:alert(1)' is niet toegestaan", "https://")]),
    Case("yaml-utf8-bom", "WARN", warnings=[
        (f"{M}/burgerpanel.yaml:1: waarschuwing: bestand begint met een BOM-teken; dat is genegeerd", "zonder BOM")],
         shown={"methoden/burgerpanel.md": ["Burgerpanel"]}, present=["method:burgerpanel"]),
    Case("yaml-xss-img-onerror", "FAIL", errors=[
        (f"{M}/xss-img.yaml:3: summary: bevat HTML (<img src=x onerror=alert(1)>)", "gewone tekst")]),
    Case("yaml-xss-script", "FAIL", errors=[
        (f"{M}/xss-script.yaml:2: name: bevat HTML (<script>)", "gewone tekst"),
        (f"{M}/xss-script.yaml:3: summary: bevat HTML (<script>)", "gewone tekst")]),
]

# Mistakes the corpus does not cover but this schema allows (also fixtures in tests/fixtures/badinput).
EXTRA_CASES = [
    Case("yaml-duplicate-id-across-files", "FAIL", errors=[
        (f"{M}/panel-kopie.yaml:1: id: 'burgerpanel' is al in gebruik in {M}/burgerpanel.yaml:2", "kies een andere"),
        (f"{M}/panel-kopie.yaml:1: id: 'burgerpanel' is niet gelijk aan de bestandsnaam 'panel-kopie'",
         "noem het bestand burgerpanel.yaml")], present=["method:burgerpanel"]),
    Case("yaml-number-coercion-render", "RENDER", shown={"methoden/wijkteam-bellen.md": ["0201234567", "12:30"]},
         html={"methoden/wijkteam-bellen.md": ["<h1>0201234567</h1>", '<p class="wg-summary" data-pagefind-weight="5">12:30</p>']}),
    Case("yaml-markdown-emphasis-render", "RENDER",
         shown={"methoden/mangling.md": ["Variabele __init__ en 2*3*4 [zie](https://example.nl) `code` #1 "
                                         "{: onclick=alert(1) }",
                                         "Bestand mijn_bestand_v2.docx, formule a*b*c."]},
         html={"methoden/mangling.md": [
             "<h1>Variabele __init__ en 2*3*4 [zie](https://example.nl) `code` #1 {: onclick=alert(1) }</h1>",
             "<p>Bestand mijn_bestand_v2.docx en <strong>vet</strong> blijven zoals bedoeld.</p>"]}),
    Case("yaml-null-item-in-list", "FAIL", errors=[(f"{M}/burgerpanel.yaml:5: steps[2]: is leeg", "vul een waarde in")]),
    Case("case-coordinates-out-of-range", "FAIL", errors=[
        ("data/cases/voorbeeldwijk.yaml:7: coordinates.lon: 253.232 ligt buiten het toegestane bereik (maximaal 180)",
         "")]),
    Case("case-coordinates-decimal-comma", "FAIL", errors=[
        ("data/cases/voorbeeldwijk.yaml:7: coordinates.lat: moet een getal zijn, maar is '53,232'",
         "met een punt in plaats van een komma"),
        ("data/cases/voorbeeldwijk.yaml:7: coordinates.lon: moet een getal zijn, maar is '6,553'",
         "met een punt in plaats van een komma")]),
    Case("case-coordinates-missing-lon", "FAIL", errors=[
        ("data/cases/voorbeeldwijk.yaml:7: coordinates.lon: verplicht veld ontbreekt", "sjabloon")]),
    Case("checklist-duplicate-item-id", "FAIL", errors=[
        ("data/checklists/eerste-stappen.yaml:12: items[2].id: 'vraag-helder' komt al voor op regel 8",
         "verander bestaande ids niet")]),
    Case("yaml-alias-bomb", "FAIL", errors=[
        (f"{M}/burgerpanel.yaml:5: costs.lol: anker '&a' is niet toegestaan", "schrijf de waarde uit")]),
    Case("yaml-python-object-tag", "FAIL", errors=[
        (f"{M}/burgerpanel.yaml:3: summary: label '!!python/object/apply:os.system' is niet toegestaan",
         "laat labels")]),
    Case("yaml-two-documents", "FAIL", errors=[
        (f"{M}/burgerpanel.yaml:15: het bestand bevat meer dan één YAML-document ('---')", "eigen bestand")]),
    # Link targets are checked as the renderer's Markdown reads them, on the line of the link.
    Case("yaml-link-target-misread", "FAIL", errors=[
        (f"{M}/link-aanhalingsteken.yaml:4: description: Markdown leest de link als 'https://example.nl/enquete/' "
         "met de titel 'buurt'", "aanhalingsteken als %22"),
        (f"{M}/link-spatie.yaml:6: description: link 'https://example.nl/enquete buurt.pdf' bevat een spatie",
         "als %20"),
        (f"{M}/link-haakje.yaml:4: description: Markdown leest '](https://example.nl/enquete_(buurt)' niet als link",
         "haakjes die sluiten"),
        (f"{M}/link-haakje-in-adres.yaml:3: description: link 'https://example.nl/enquete]buurt' heeft een haakje "
         "zonder partner", "] als %5D")]),
    # Invisible characters in quoted text are shown as a mark and named.
    Case("yaml-invisible-characters", "FAIL", errors=[
        (f"{M}/burgerpanel.yaml:3: name⍽: onbekend veld; bevat een harde spatie (U+00A0), hier getoond als ⍽",
         "bedoel je 'name'?"),
        (f"{M}/burgerpanel.yaml:4: rungs[1]: ongeldige id 'adviseren⍽'; bevat een harde spatie (U+00A0)", "")]),
    Case("bib-commented-out-entry", "FAIL", errors=[
        (f"{BIB}:2: bron 'oud2019' staat achter een '%', maar BibTeX leest hem toch", "haal de '%' weg")]),
    # Issue 26: a review dated in the future would be published as news; a day that does not exist as a date.
    Case("yaml-review-in-future", "FAIL", errors=[
        (f"{M}/burgerpanel.yaml:20: reviewed: 2099-01-01 ligt in de toekomst (vandaag is het {TODAY.isoformat()})",
         "de datum waarop zij gebeurde")], present=["method:burgerpanel"]),
    Case("yaml-timeline-impossible-date", "FAIL", errors=[
        ("data/timeline.yaml:8: [2].date: '2025-02-30' is geen bestaande datum", "maand (01 tot 12) en dag die bestaan")]),
    Case("yaml-timeline-ends-before-start", "FAIL", errors=[
        ("data/timeline.yaml:15: [3].end: 2018 ligt vóór de datum 2019-06-01", "op of na het begin")]),
    Case("yaml-period-ends-before-start", "FAIL", errors=[
        ("data/cases/voorbeeldwijk.yaml:8: period.end: 2012 ligt vóór het beginjaar 2014", "op of na het beginjaar")],
         present=["case:voorbeeldwijk"]),
    # Ids that are the names of generated pages: the build would stop with "two generators write methoden/index.md".
    Case("yaml-reserved-id", "FAIL", errors=[
        (f"{M}/index.yaml:2: id: 'index' is gereserveerd: de site maakt zelf een pagina met die naam", "kaart, mijn"),
        ("data/checklists/index.yaml:2: id: 'index' is gereserveerd", "gereserveerd zijn: index"),
        ("data/cases/kaart.yaml:2: id: 'kaart' is gereserveerd", "gereserveerd zijn: index")],
         present=["method:index", "checklist:index", "case:kaart"]),
]

ALL_CASES = CORPUS_CASES + EXTRA_CASES


def prepare(case: str, tmp_path: Path) -> Path:
    """Fresh fixture data with the case laid over it; returns the data folder."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data, symlinks=False)
    folder = CASES / case
    for source in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = source.relative_to(folder)
        if rel.name == "references.prepend.bib":
            target = data / "references.bib"
            target.write_bytes(source.read_bytes().rstrip(b"\n") + b"\n\n" + target.read_bytes())
        else:
            (data / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, data / rel)
    return data


def _markdown_extensions() -> list:
    """The Markdown extensions of mkdocs.yml, so a page is rendered here the way MkDocs renders it."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names, configs = ["toc", "tables", "fenced_code"], {}  # MkDocs always adds these three
    for item in config["markdown_extensions"]:
        name, options = (next(iter(item.items())) if isinstance(item, dict) else (item, None))
        names += [] if name in names else [name]
        if options:
            configs[name] = options
    return [names, configs]


EXTENSIONS = _markdown_extensions()


def to_html(page: str) -> str:
    body = page.split("\n---\n", 1)[1] if page.startswith("---\n") else page
    return markdown.markdown(body, extensions=EXTENSIONS[0], extension_configs=EXTENSIONS[1])


def matches(expected: list[tuple[str, str]], actual: list[str]) -> list[str]:
    """What is wrong: expected messages not found, or found messages nobody expected."""
    wrong, used = [], set()
    for start, words in expected:
        hits = [i for i, message in enumerate(actual) if message.startswith(start) and words in message[len(start):]]
        if not hits:
            wrong.append(f"missing: {start} … {words}")
        used.update(hits)
    wrong += [f"unexpected: {message}" for i, message in enumerate(actual) if i not in used]
    return wrong


def record_present(data, ref: str) -> bool:
    kind, key = ref.split(":", 1)
    if kind == "bib":
        return key in data.bibliography
    return key in {"method": data.methods, "case": data.cases, "checklist": data.checklists}[kind]


def case_for(corpus_file: str) -> str:
    return "valid-baseline-bib" if corpus_file == "valid-baseline.bib" else corpus_file.rsplit(".", 1)[0]


def test_every_corpus_file_has_an_adapted_case() -> None:
    names = {c.name for c in ALL_CASES}
    assert [f for f in CORPUS_FILES if case_for(f) not in {c.name for c in CORPUS_CASES}] == []
    assert sorted(p.name for p in CASES.iterdir() if p.is_dir()) == sorted(names), "fixture folders and cases differ"
    if CORPUS.is_dir():  # where the shared corpus sits beside the repository: has it grown?
        assert sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".yaml", ".bib")) == CORPUS_FILES


@pytest.mark.parametrize("case", ALL_CASES, ids=[c.name for c in ALL_CASES])
def test_bad_input(case: Case, tmp_path: Path) -> None:
    data_dir = prepare(case.name, tmp_path)
    data = load_dataset(data_dir, data_dir.parent, today=TODAY)
    errors = [str(p) for p in data.problems.errors]
    warnings = [str(p) for p in data.problems.warnings]

    assert matches(case.errors, errors) == [], "\n".join(errors)
    assert matches(case.warnings, warnings) == [], "\n".join(warnings)
    for ref in case.present:
        assert record_present(data, ref), f"{ref} was dropped"

    if case.kind == "FAIL":
        with pytest.raises(DataError) as stopped:
            load_valid_dataset(data_dir, data_dir.parent, today=TODAY)
        assert case.errors[0][0] in str(stopped.value), "the build stops and says why"
        return

    assert case.kind in ("WARN", "RENDER", "OK") and not errors
    pages = build_pages(data)
    for page, texts in case.shown.items():
        for text in texts:
            assert str(escape(text)) in pages[page], f"{text!r} not shown as typed on {page}"
    for page, fragments in case.html.items():
        html = to_html(pages[page])
        for fragment in fragments:
            assert fragment in html, f"{fragment!r} not in the HTML of {page}"
    problem_texts = [p.message for p in data.problems.items] + ["tip:", "Traceback", "waarschuwing:"]
    for path, text in pages.items():
        leaked = [t for t in problem_texts if t in text]
        assert leaked == [], f"problem text inside {path}: {leaked}"


def test_valid_baseline_loads_both_records_and_says_so(tmp_path: Path) -> None:
    import io

    from scripts.check import run

    out = io.StringIO()
    code, data = run(prepare("valid-baseline", tmp_path), out)
    assert code == 0
    assert sorted(data.methods) == ["burgerpanel", "wijkgesprek"]
    assert out.getvalue().startswith("Alles in orde: 2 methoden")


def test_a_broken_entry_does_not_hide_the_next_one(tmp_path: Path) -> None:
    """bib-unbalanced-brace: 'kapot2020' fails, 'goed2021' after it is still read and checked."""
    data_dir = prepare("bib-unbalanced-brace", tmp_path)
    data = load_dataset(data_dir, data_dir.parent)
    assert data.bibliography["goed2021"].title == "Goede titel"


def test_an_invalid_id_never_becomes_a_path(tmp_path: Path) -> None:
    data_dir = prepare("yaml-id-invalid-chars", tmp_path)
    pages = build_pages(load_dataset(data_dir, data_dir.parent))
    assert not [p for p in pages if ".." in p or " " in p or p.startswith("/")]


def test_python_tags_are_never_constructed(tmp_path: Path) -> None:
    marker = Path("/tmp/wijkengids-pwned")
    marker.unlink(missing_ok=True)
    data_dir = prepare("yaml-python-object-tag", tmp_path)
    load_dataset(data_dir, data_dir.parent)
    assert not marker.exists()


# --- bombs: refused quickly, with file:line: field, never a crash ---------------------------------

REST_OF_METHOD = """description: Een burgerpanel bestaat uit gelote inwoners.
rungs: [adviseren]
roles: [regisseren]
domain: beide
types: [beleidsparticipatie]
levels: [beleid]
phases: [voorbereiding]
target_groups: [bewoners]
sources: [arnstein1969]
status: concept
kind: methode
"""


def _method(head: str) -> str:
    """A method file: the given first lines, then every other field valid."""
    given = {line.split(":", 1)[0] for line in head.splitlines()}
    return head + "".join(line + "\n" for line in REST_OF_METHOD.splitlines() if line.split(":", 1)[0] not in given)


@pytest.mark.parametrize("name,content,expected", [
    ("nesting-bomb-list", "id: burgerpanel\nname: Burgerpanel\nsummary: " + "[" * 100_000 + "]" * 100_000 + "\n",
     f"{M}/burgerpanel.yaml:3: summary: de gegevens zijn dieper genest dan 12 niveaus"),
    ("nesting-bomb-map", "id: burgerpanel\nname: Burgerpanel\ncosts: " + "{a: " * 100_000 + "x" + "}" * 100_000 + "\n",
     f"{M}/burgerpanel.yaml:3: costs: de gegevens zijn dieper genest dan 12 niveaus"),
    ("two-megabytes", "id: burgerpanel\nname: Burgerpanel\ndescription: |\n"
     + ("  Een lange tekst die per ongeluk twee keer is geplakt. " * 20 + "\n") * 2000,
     f"{M}/burgerpanel.yaml:1: het bestand is te groot"),
    ("unclosed-tags-under-the-limit", "id: burgerpanel\nname: Burgerpanel\ndescription: \"" + "](<a" * 200_000 + "\"\n",
     f"{M}/burgerpanel.yaml:3: description: bevat HTML (<a"),
])
def test_bombs_are_refused_fast(data_dir: Path, name: str, content: str, expected: str) -> None:
    (data_dir / "methods" / "burgerpanel.yaml").write_text(_method(content), encoding="utf-8")
    data = load_dataset(data_dir, data_dir.parent)
    errors = [str(p) for p in data.problems.errors]
    assert any(e.startswith(expected) for e in errors), "\n".join(e[:200] for e in errors)


@pytest.mark.parametrize("char,name", [
    ("\x0c", "form feed"), ("\x1c", "file separator"), ("\x85", "next line"), ("\u2028", "line separator"),
    ("\u200b", "zero-width space"), ("\u202e", "right-to-left override"), ("\ufeff", "BOM inside text"),
    ("\r", "lone carriage return"), ("\x81", "C1 control"),
])
def test_invisible_and_control_characters_are_named_not_crashed_on(data_dir: Path, char: str, name: str) -> None:
    (data_dir / "methods" / "burgerpanel.yaml").write_text(
        _method(f"id: burgerpanel\nname: Burger{char}panel\nsummary: Kort.\n"), encoding="utf-8", newline="")
    errors = [str(p) for p in load_dataset(data_dir, data_dir.parent).problems.errors]
    assert f"{M}/burgerpanel.yaml:2: name: kolom 13: verboden teken U+{ord(char):04X}" in "\n".join(errors), errors


def test_windows_line_ends_are_fine(data_dir: Path) -> None:
    path = data_dir / "methods" / "burgerpanel.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    data = load_dataset(data_dir, data_dir.parent)
    assert data.problems.errors == [] and data.methods["burgerpanel"]["name"] == "Burgerpanel"


@pytest.mark.parametrize("char,shown,name", [
    ("\u00a0", "⍽", "een harde spatie (U+00A0)"), ("\u202f", "⍽", "een smalle harde spatie (U+202F)"),
    ("\u200b", "‸", "een spatie zonder breedte (U+200B)"), ("\u2060", "‸", "een onzichtbaar verbindingsteken (U+2060)"),
    ("\ufeff", "‸", "een onzichtbaar BOM-teken (U+FEFF)"), ("\u00ad", "‸", "een onzichtbaar afbreekstreepje (U+00AD)"),
    ("\u2003", "⍽", "een bijzondere spatie (U+2003)"), ("\t", "⇥", "een tab (U+0009)"),
])
def test_every_message_names_the_invisible_characters_it_quotes(char: str, shown: str, name: str) -> None:
    from macros.core.problems import Problem
    text = str(Problem("data/methods/x.yaml", 4, f"rungs{char}", f"onbekende trede 'advi{char}seren'",
                       f"bedoel je 'adviseren'? niet 'advi{char}seren'"))
    assert char not in text
    assert text == (f"data/methods/x.yaml:4: rungs{shown}: onbekende trede 'advi{shown}seren'; bevat {name}, "
                    f"hier getoond als {shown} (tip: bedoel je 'adviseren'? niet 'advi{shown}seren')")


# --- issue 26: what a careless curator did, refused by `controleer` too ------------------------------

@pytest.mark.parametrize("case", ["yaml-review-in-future", "yaml-timeline-impossible-date", "yaml-reserved-id"])
def test_controleer_refuses_the_issue_26_inputs_at_their_line(case: str, tmp_path: Path) -> None:
    import io

    from scripts.check import run

    out = io.StringIO()
    code, _ = run(prepare(case, tmp_path), out, today=TODAY)
    expected = next(c for c in ALL_CASES if c.name == case).errors
    assert code == 1
    for start, words in expected:
        assert any(line.startswith(start) and words in line for line in out.getvalue().splitlines()), out.getvalue()
    assert "Traceback" not in out.getvalue()
