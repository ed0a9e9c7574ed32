"""Reading list: parsing, validation (every bad-input class), Dutch names, APA 7 in Dutch, exports.

Expected strings are written out in full: a formatting change must show up here as a diff.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import bibtexparser
import pytest

from macros.bibliography import (
    Bibliography,
    Entry,
    Person,
    assign_year_labels,
    citation_name,
    cite_entry,
    cite_text,
    format_reference,
    initials_first_name,
    load_bibliography,
    parse_person,
    reference_name,
    to_bibtex,
    to_csl_json,
    to_ris,
)

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "bib"


def load(name: str) -> tuple[Bibliography, list]:
    bib, problems = load_bibliography(FIXTURES / name, name)
    return bib, problems.items


@pytest.fixture(scope="module")
def reading_list() -> Bibliography:
    bib, _ = load("reading-list.bib")
    return bib


def read_ris(text: str) -> list[dict[str, list[str]]]:
    """A tiny RIS reader: 'TAG  - value' lines, records closed by 'ER  - '."""
    records, current = [], {}
    for line in text.splitlines():
        if not line.strip():
            continue
        tag, separator, value = line.partition("  - ")
        assert separator and len(tag) == 2, f"not a RIS line: {line!r}"
        if tag == "ER":
            records.append(current)
            current = {}
        else:
            current.setdefault(tag, []).append(value)
    assert not current, "last record not closed with ER"
    return records


# --- the fixture reading list: exact HTML, order, citations -----------------------------------

READING_LIST_ORDER = [
    "accent2018", "crisisopdeklei", "hart2012crafting", "laan2019samen", "laan2019omgekeerd",
    "lsa_abcd", "rob2012loslaten", "veldheer2012beroep", "verhoeven2009burgers",
    "vries2018budget", "vries2015vlaanderen",
]

REFERENCES = {
    "accent2018":
        "Crémer, R., Müller, J., &amp; Baça, X. (2018). <cite>Cafés en ëén wijk – een Gids voor 50% "
        "van de buurt &amp; meer</cite>. Uitgeverij Voorbeeld.",
    "crisisopdeklei":
        "<cite>Crisis op de klei</cite>. (z.d.).",
    "hart2012crafting":
        "Hart, M. &#39;t, &amp; Ter Horst, G. (2012). <cite><span lang=\"en\">Crafting Citizenship: "
        "Negotiating Tensions</span></cite>. Palgrave Macmillan. "
        "<a href=\"https://doi.org/10.1057/9781137033611\">https://doi.org/10.1057/9781137033611</a>",
    "laan2019samen":
        "Laan, E. van der, Kate, J. ten, &amp; Veld, R. in &#39;t. (2019a). "
        "<cite>Samen de stad maken</cite>. Uitgeverij Voorbeeld.",
    "laan2019omgekeerd":
        "Laan, E. van der, Kate, J. ten, &amp; Veld, R. in &#39;t. (2019b). "
        "<cite>Voornaam eerst</cite>. Uitgeverij Voorbeeld.",
    "lsa_abcd":
        "LSA bewoners. (z.d.). <cite><span lang=\"en\">Asset Based Community Development</span></cite>. "
        "Geraadpleegd op 1 maart 2024, van "
        "<a href=\"https://example.nl/kennis/abcd\">https://example.nl/kennis/abcd</a>",
    "rob2012loslaten":
        "Raad voor het openbaar bestuur. (2012). <cite>Loslaten in vertrouwen</cite> (Rapport nr. 12). "
        "<a href=\"https://example.nl/loslaten?versie=2&amp;taal=nl\">"
        "https://example.nl/loslaten?versie=2&amp;taal=nl</a>",
    "veldheer2012beroep":
        "Veldheer, V., &amp; Jonker, J.-J. (Red.). (2012). <cite>Een beroep op de burger</cite> "
        "(WRR-rapport nr. 88). Sociaal en Cultureel Planbureau.",
    "verhoeven2009burgers":
        "Verhoeven, I. (2009). <cite>Burgers tegen beleid</cite> [Proefschrift, Universiteit van "
        "Amsterdam]. Aksant.",
    "vries2018budget":
        "Vries, A. de. (2018). Buurtbudgetten werken. <cite>Tijdschrift voor Wijkaanpak</cite>, "
        "<em>12</em>(3), 45–60. "
        "<a href=\"https://doi.org/10.1234/twa.2018.003\">https://doi.org/10.1234/twa.2018.003</a>",
    "vries2015vlaanderen":
        "De Vries, J. (2015). Wijkraden in Vlaanderen. In E. van der Laan &amp; J. ten Kate (Red.), "
        "<cite>Handboek bewonersparticipatie</cite> (blz. 12–34). Uitgeverij Voorbeeld.",
}


def test_reading_list_has_only_the_particle_warning():
    _, problems = load("reading-list.bib")
    assert [str(p) for p in problems] == [
        "reading-list.bib:31: waarschuwing: author: bron 'vries2018budget' schrijft 'de Vries', bron "
        "'vries2015vlaanderen' (regel 20) 'De Vries'; het tussenvoegsel is anders gespeld (tip: "
        "Nederlandse naam: kleine letter ('de Vries, Jan'); Vlaamse naam of zo door de auteur gespeld: "
        "hoofdletter ('De Vries, Jan'); kies één vorm)"
    ]


def test_sort_order_is_core_surname_then_year_then_title(reading_list):
    assert reading_list.keys() == READING_LIST_ORDER


@pytest.mark.parametrize("key", READING_LIST_ORDER)
def test_reference_html(reading_list, key):
    assert str(format_reference(reading_list[key])) == REFERENCES[key]


@pytest.mark.parametrize("keys, pages, narrative, expected", [
    (["laan2019samen"], None, False, "(Van der Laan et al., 2019a)"),
    (["laan2019samen"], None, True, "Van der Laan et al. (2019a)"),
    (["laan2019omgekeerd", "laan2019samen"], None, False, "(Van der Laan et al., 2019a, 2019b)"),
    (["vries2015vlaanderen"], "14", False, "(De Vries, 2015, blz. 14)"),
    (["vries2018budget"], "45-47", True, "De Vries (2018, blz. 45–47)"),
    (["hart2012crafting"], None, False, "('t Hart & Ter Horst, 2012)"),
    (["hart2012crafting"], None, True, "'t Hart en Ter Horst (2012)"),
    (["rob2012loslaten"], 7, False, "(Raad voor het openbaar bestuur, 2012, blz. 7)"),
    (["veldheer2012beroep"], None, False, "(Veldheer & Jonker, 2012)"),
    (["crisisopdeklei"], None, False, "(Crisis op de klei, z.d.)"),
    (["verhoeven2009burgers", "accent2018", "lsa_abcd"], None, False,
     "(Crémer et al., 2018; LSA bewoners, z.d.; Verhoeven, 2009)"),
])
def test_cite_text(reading_list, keys, pages, narrative, expected):
    assert cite_text(keys, pages=pages, narrative=narrative, bibliography=reading_list) == expected
    entries = [reading_list[key] for key in keys]
    assert cite_text(entries, pages=pages, narrative=narrative) == expected


def test_one_work_cited_in_several_forms_gets_each_form_right(reading_list):
    """Record pages cite one work with and without pages, and name it in button labels (narrative): each
    form is made once per work (cite_entry), and asking for one form never gives another."""
    entry = reading_list["vries2018budget"]
    forms = [(None, False, "(De Vries, 2018)"), ("45-47", False, "(De Vries, 2018, blz. 45–47)"),
             (None, True, "De Vries (2018)"), ("3", False, "(De Vries, 2018, blz. 3)"),
             ("45-47", True, "De Vries (2018, blz. 45–47)")]
    for pages, narrative, expected in forms + forms[::-1]:
        assert cite_entry(entry, pages, narrative) == expected
        assert cite_text(entry, pages=pages, narrative=narrative) == expected


def test_cite_text_refuses_ambiguous_requests(reading_list):
    two = [reading_list["accent2018"], reading_list["verhoeven2009burgers"]]
    with pytest.raises(ValueError):
        cite_text(two, pages="3")
    with pytest.raises(ValueError):
        cite_text(two, narrative=True)
    with pytest.raises(ValueError):
        cite_text("accent2018")  # a key needs the bibliography
    with pytest.raises(KeyError):
        cite_text("bestaatniet", bibliography=reading_list)


def test_year_letters_cover_undated_works_and_never_run_out():
    def work(number: int, year: str) -> Entry:
        return Entry(key=f"w{number:02}", entry_type="misc", raw="", line=1,
                     fields={"title": f"Titel {number:02}", "year": year},
                     creators=(Person(literal="Platform31"),))

    undated = assign_year_labels([work(2, "z.d."), work(1, "z.d.")])
    assert sorted((entry.key, entry.year_label) for entry in undated) == [("w01", "z.d.-a"), ("w02", "z.d.-b")]
    many = assign_year_labels(work(number, "2023") for number in range(28))
    assert [entry.year_label for entry in many][-3:] == ["2023z", "2023aa", "2023ab"]


def test_both_name_orders_give_the_same_persons(reading_list):
    assert reading_list["laan2019samen"].authors == reading_list["laan2019omgekeerd"].authors


def test_entry_keeps_raw_text_line_keywords_and_language(reading_list):
    entry = reading_list["hart2012crafting"]
    text = (FIXTURES / "reading-list.bib").read_text(encoding="utf-8")
    assert entry.raw.startswith("@book{hart2012crafting,") and entry.raw.endswith("}")
    assert entry.raw in text
    assert text.split("\n")[entry.line - 1] == "@book{hart2012crafting,"
    assert entry.keywords == ("burgerschap", "sociale cohesie")
    assert entry.lang == "en" and reading_list["laan2019samen"].lang == "nl"
    assert entry.type_label == "boek" and reading_list["rob2012loslaten"].type_label == "rapport"
    assert reading_list["rob2012loslaten"].month == 12


# --- names ------------------------------------------------------------------------------------

@pytest.mark.parametrize("written, in_list, in_text, after_in", [
    ("van der Laan, Eberhard", "Laan, E. van der", "Van der Laan", "E. van der Laan"),
    ("Eberhard van der Laan", "Laan, E. van der", "Van der Laan", "E. van der Laan"),
    ("ten Kate, Janneke", "Kate, J. ten", "Ten Kate", "J. ten Kate"),
    ("Roel in 't Veld", "Veld, R. in 't", "In 't Veld", "R. in 't Veld"),
    ("'t Hart, Maarten", "Hart, M. 't", "'t Hart", "M. 't Hart"),
    ("De Vries, Jan", "De Vries, J.", "De Vries", "J. De Vries"),
    ("Jan De Vries", "De Vries, J.", "De Vries", "J. De Vries"),
    ("Ter Horst, Guusje", "Ter Horst, G.", "Ter Horst", "G. Ter Horst"),
    ("Jonker, Jedid-Jah", "Jonker, J.-J.", "Jonker", "J.-J. Jonker"),
    ("Duyvendak, J.W.", "Duyvendak, J. W.", "Duyvendak", "J. W. Duyvendak"),
    ("Arnstein, Sherry R.", "Arnstein, S. R.", "Arnstein", "S. R. Arnstein"),
    ("{Raad voor het openbaar bestuur}", "Raad voor het openbaar bestuur",
     "Raad voor het openbaar bestuur", "Raad voor het openbaar bestuur"),
])
def test_name_forms(written, in_list, in_text, after_in):
    person = parse_person(written)
    assert (reference_name(person), citation_name(person), initials_first_name(person)) == (
        in_list, in_text, after_in)


def test_particles_do_not_decide_the_sort_position():
    bib, _ = load("bib-dutch-particles.bib")
    first_persons = [reference_name(entry.authors[0]) for entry in bib]
    assert first_persons == ["Laan, E. van der", "Laan, E. van der"]
    persons = bib["namen2019"].authors
    assert [person.family for person in persons] == ["Laan", "Kate", "Veld", "Vries", "Vries", "Horst", "Hart"]


# --- the shared bad-input corpus (each file: exact file, line, field, severity, text) ---------

BAD_INPUT = {
    "bib-duplicate-field.bib": [
        ("fout", 4, "title", "bron 'dubbel2020': veld 'title' staat er twee keer in (eerst op regel 2)")],
    "bib-duplicate-key.bib": [
        ("fout", 7, "", "sleutel 'jansen2020' komt al voor op regel 1")],
    "bib-empty-key.bib": [
        ("fout", 1, "", "de sleutel ontbreekt"),
        ("fout", 1, "author", "bron '' heeft geen auteur, redacteur of organisatie")],
    "bib-jinja-in-field.bib": [
        ("fout", 2, "title", "bron 'jinja2024': '%' zonder backslash"),
        ("waarschuwing", 2, "title", "bron 'jinja2024' bevat tekst die op sjablooncode lijkt")],
    "bib-key-with-space.bib": [
        ("fout", 1, "", "sleutel 'van der Laan 2020' is ongeldig"),
        ("fout", 1, "author", "bron 'van der Laan 2020' heeft geen auteur")],
    "bib-missing-comma-after-key.bib": [
        ("fout", 1, "", "bron 'sleutel2020' kon niet worden gelezen: na de sleutel ontbreekt een komma"),
        ("fout", 2, "", "tekst buiten een bron na bron 'sleutel2020': '{Participatie}, year = {2020} }'")],
    "bib-missing-required-fields.bib": [
        ("fout", 1, "title", "bron 'leeg2020' heeft geen 'title'"),
        ("fout", 1, "year", "bron 'leeg2020' heeft geen 'year'")],
    "bib-string-concatenation.bib": [
        ("fout", 1, "", "@string wordt niet ondersteund"),
        ("fout", 5, "institution", "bron 'concat2020': '#' (tekst aan elkaar plakken) wordt niet ondersteund")],
    "bib-unbalanced-brace.bib": [
        ("fout", 1, "", "bron 'kapot2020' kon niet worden gelezen: een '{' of '\"' is niet gesloten: "
                        "de volgende bron begint al (gemerkt op regel 7)")],
    "bib-unknown-entry-type.bib": [
        ("fout", 1, "", "bron 'blog2022': onbekend brontype '@blogpost'")],
    "bib-xss-in-title.bib": [
        ("fout", 2, "title", "bron 'xss2024' bevat HTML-opmaak '<script>'"),
        ("fout", 3, "author", "bron 'xss2024' bevat HTML-opmaak '<img src=x onerror=alert(1)>'"),
        ("fout", 5, "url", "bron 'xss2024': adres 'javascript:alert(document.domain)' is niet toegestaan")],
    # project fixtures for the other pitfalls of bibtexparser 2.1 (GUIDE §3)
    "extra-closing-brace.bib": [
        ("fout", 2, "", "tekst buiten een bron na bron 'haakje2020': ', author = {Jansen, Jan}, year = {2020} }'"),
        ("fout", 1, "year", "bron 'haakje2020' heeft geen 'year'"),
        ("fout", 1, "author", "bron 'haakje2020' heeft geen auteur")],
    "missing-comma-between-fields.bib": [
        ("fout", 2, "title", "bron 'komma2020': na het veld 'title' ontbreekt een komma, waardoor het veld "
                             "'year' erin is opgegaan")],
    "commented-out-entry.bib": [
        ("fout", 1, "", "bron 'oud2019' staat achter een '%', maar BibTeX leest hem toch"),
        ("fout", 3, "", "bron 'oud2018' staat achter een '%', maar BibTeX leest hem toch")],
    "unescaped-characters.bib": [
        ("fout", 3, "title", "bron 'teken2021': '%' zonder backslash; LaTeX leest de rest van de regel"),
        ("fout", 4, "series", "bron 'teken2021': '&' zonder backslash; LaTeX laat het teken dan weg")],
    "links-and-dois.bib": [
        ("fout", 13, "doi", "bron 'doi2020' heeft dezelfde DOI als 'doi2019' (regel 1)"),
        ("fout", 20, "url", "bron 'link2021': adres 'ftp://example.nl/bestand' is niet toegestaan"),
        ("fout", 21, "doi", "bron 'link2021': DOI 'https://doi.org/10.1234/xyz' heeft niet de vorm 10.xxxx/…")],
    "unbraced-organisation.bib": [
        ("fout", 2, "author", "bron 'gemeente2020': 'Gemeente Amsterdam' lijkt een organisatie")],
    "bad-values.bib": [
        ("fout", 4, "publisher", "bron 'waarden2012': waarde 'uitgever' staat niet tussen { }"),
        ("fout", 5, "month", "bron 'waarden2012': maand 'Sinterklaas' is onbekend"),
        ("fout", 6, "urldate", "bron 'waarden2012': datum '2024-02-30' is geen bestaande datum"),
        ("waarschuwing", 8, "langid", "bron 'waarden2012': onbekende taal 'klingon'"),
        ("fout", 9, "year", "bron 'waarden2012': jaar '2012a' is geen jaartal")],
    "not-utf8.bib": [
        ("fout", 3, "", "kolom 16: geen geldige UTF-8-tekst (byte 0xe9)")],
    "bom.bib": [
        ("waarschuwing", 1, "", "bestand begint met een BOM-teken")],
}


@pytest.mark.parametrize("name", sorted(BAD_INPUT))
def test_bad_input_is_reported_with_file_line_and_field(name):
    _, problems = load(name)
    expected = BAD_INPUT[name]
    assert sorted((p.severity, p.line, p.field) for p in problems) == sorted(
        (severity, line, field) for severity, line, field, _ in expected)
    for severity, line, field, text in expected:
        where = f"{name}:{line}: " + (f"{severity}: " if severity != "fout" else "") + (f"{field}: " if field else "")
        assert any(str(p).startswith(where) and text in p.message for p in problems), (where, text)


def test_every_problem_names_the_file_and_a_line():
    for name in BAD_INPUT:
        _, problems = load(name)
        assert all(p.file == name and p.line >= 1 for p in problems)


def test_entries_that_can_be_read_are_kept_next_to_broken_ones():
    assert load("bib-unbalanced-brace.bib")[0].keys() == ["goed2021"]
    assert load("bib-duplicate-key.bib")[0]["jansen2020"].title == "Eerste werk"
    assert load("bib-duplicate-field.bib")[0]["dubbel2020"].title == "Eerste titel"
    assert load("commented-out-entry.bib")[0]["oud2019"].title == "Nieuwe versie"
    assert load("missing-comma-between-fields.bib")[0]["komma2020"].year == "2020"


def test_invalid_data_is_still_rendered_harmlessly():
    """Defence in depth: even with validation errors ignored, nothing becomes live HTML."""
    bib, _ = load("bib-xss-in-title.bib")
    html = str(format_reference(bib["xss2024"]))
    assert "<script" not in html and "<img" not in html and "href" not in html
    assert "&lt;script&gt;" in html
    bib, _ = load("links-and-dois.bib")
    assert "href" not in str(format_reference(bib["link2021"]))
    bib, _ = load("bad-values.bib")  # impossible urldate: no crash, no "Geraadpleegd op"
    assert str(format_reference(bib["waarden2012"])).endswith(
        '<a href="https://example.nl/waarden">https://example.nl/waarden</a>')


@pytest.mark.parametrize("name", sorted(path.name for path in FIXTURES.glob("*.bib")))
def test_whatever_loads_can_be_formatted_cited_and_exported(name):
    """A page build must fail on the reported errors, never crash on the data behind them."""
    bib, _ = load(name)
    for entry in bib:
        assert str(format_reference(entry))
        assert cite_text(entry)
    assert len(read_ris(to_ris(bib))) == len(bib) == len(json.loads(json.dumps(to_csl_json(bib))))
    assert to_bibtex(bib).count("@") >= len(bib)


# --- the shared RENDER cases ------------------------------------------------------------------

RENDERED = {
    "bib-corporate-author-double-braces.bib": [
        "Vereniging van Nederlandse Gemeenten. (2022). <cite>Participatie in beleid</cite>."],
    "bib-latex-accents.bib": [
        "Crémer, R., Müller, J., &amp; Baça, X. (2018). <cite>Cafés en ëén wijk – een Gids voor 50% van "
        "de buurt &amp; meer</cite>."],
    "bib-utf8-names.bib": [
        "Crémer, R., Çelik, A., Øberg, Å., &amp; Nguyễn, V. (2019). <cite>Één wijk, veel stemmen</cite>."],
    "bib-dutch-particles.bib": [
        "Laan, E. van der, Kate, J. ten, &amp; Veld, R. in &#39;t. (2020). <cite>Voornaam-eerst "
        "notatie</cite>.",
        "Laan, E. van der, Kate, J. ten, Veld, R. in &#39;t, De Vries, J., Vries, A. de, Ter Horst, G., "
        "&amp; Hart, M. &#39;t. (2019). <cite>Voorvoegsels in namen</cite>."],
    "valid-baseline.bib": [
        "Arnstein, S. R. (1969). <span lang=\"en\">A Ladder of Citizen Participation</span>. <cite><span "
        "lang=\"en\">Journal of the American Institute of Planners</span></cite>, <em>35</em>(4), 216–224. "
        "<a href=\"https://doi.org/10.1080/01944366908977225\">https://doi.org/10.1080/01944366908977225</a>",
        "Laan, E. van der, Kate, J. ten, &amp; Veld, R. in &#39;t. (2019). <cite>Samen de stad maken</cite>. "
        "Uitgeverij Voorbeeld.",
        "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties. (2020). <cite>Handreiking "
        "participatie</cite>. Ministerie van BZK. <a href=\"https://example.nl/handreiking?versie=2&amp;"
        "taal=nl\">https://example.nl/handreiking?versie=2&amp;taal=nl</a>"],
}


@pytest.mark.parametrize("name", sorted(RENDERED))
def test_render_cases_pass_and_render_exactly(name):
    bib, problems = load(name)
    assert not [p for p in problems if p.severity == "fout"]
    assert [str(format_reference(entry)) for entry in bib] == RENDERED[name]


def test_organisation_in_double_braces_is_one_unit_sorted_as_written():
    bib, _ = load("bib-corporate-author-double-braces.bib")
    assert cite_text(bib["vng2022"], narrative=True) == "Vereniging van Nederlandse Gemeenten (2022)"


# --- exports ----------------------------------------------------------------------------------

def test_bibtex_export_is_the_original_text_and_parses_back(reading_list):
    """Each entry as written, less only the stand-ins for 'not known' (author = {{Onbekend}}, year = {z.d.}),
    which a reference manager would import as an author and a year."""
    exported = to_bibtex(reading_list)
    original = (FIXTURES / "reading-list.bib").read_text(encoding="utf-8")
    assert all(entry.raw in original for entry in reading_list)
    stand_in = re.compile(r",\s*(?:author\s*=\s*\{\{Onbekend\}\}|year\s*=\s*\{z\.d\.\})")
    assert all(stand_in.sub("", entry.raw) in exported for entry in reading_list)
    assert "Onbekend" not in exported and "z.d." not in exported
    library = bibtexparser.parse_string(exported)
    assert not library.failed_blocks
    assert [entry.key for entry in library.entries] == READING_LIST_ORDER


def test_ris_export_reads_back_with_the_same_records(reading_list):
    records = read_ris(to_ris(reading_list))
    assert [record["ID"] for record in records] == [[key] for key in READING_LIST_ORDER]
    by_key = {record["ID"][0]: record for record in records}
    assert by_key["laan2019samen"]["AU"] == ["Laan, Eberhard van der", "Kate, Janneke ten", "Veld, Roel in 't"]
    assert by_key["vries2015vlaanderen"]["AU"] == ["De Vries, Jan"]
    assert by_key["vries2015vlaanderen"]["ED"] == ["Laan, Eberhard van der", "Kate, Janneke ten"]
    assert by_key["vries2015vlaanderen"]["TY"] == ["CHAP"]
    assert by_key["vries2015vlaanderen"]["T2"] == ["Handboek bewonersparticipatie"]
    assert (by_key["vries2015vlaanderen"]["SP"], by_key["vries2015vlaanderen"]["EP"]) == (["12"], ["34"])
    assert by_key["rob2012loslaten"]["TY"] == ["RPRT"]
    assert by_key["rob2012loslaten"]["AU"] == ["Raad voor het openbaar bestuur"]
    assert by_key["lsa_abcd"]["TY"] == ["ELEC"] and "PY" not in by_key["lsa_abcd"]
    assert by_key["hart2012crafting"]["DO"] == ["10.1057/9781137033611"]
    assert by_key["hart2012crafting"]["KW"] == ["burgerschap", "sociale cohesie"]
    assert by_key["crisisopdeklei"]["TY"] == ["GEN"] and "AU" not in by_key["crisisopdeklei"]


def test_csl_json_export_reads_back_with_the_same_items(reading_list):
    items = json.loads(json.dumps(to_csl_json(reading_list), ensure_ascii=False))
    assert [item["id"] for item in items] == READING_LIST_ORDER
    by_id = {item["id"]: item for item in items}
    assert by_id["laan2019samen"]["author"][0] == {
        "family": "Laan", "given": "Eberhard", "non-dropping-particle": "van der"}
    assert by_id["rob2012loslaten"]["author"] == [{"literal": "Raad voor het openbaar bestuur"}]
    assert by_id["rob2012loslaten"]["type"] == "report"
    assert by_id["rob2012loslaten"]["issued"] == {"date-parts": [[2012, 12]]}
    assert by_id["vries2015vlaanderen"]["type"] == "chapter"
    assert by_id["vries2015vlaanderen"]["container-title"] == "Handboek bewonersparticipatie"
    assert by_id["vries2018budget"]["DOI"] == "10.1234/twa.2018.003"
    assert by_id["lsa_abcd"]["type"] == "webpage" and "issued" not in by_id["lsa_abcd"]
    assert by_id["lsa_abcd"]["URL"] == "https://example.nl/kennis/abcd"
    assert by_id["verhoeven2009burgers"]["genre"] == "Proefschrift"
    assert by_id["hart2012crafting"]["language"] == "en"


def test_exports_are_deterministic():
    first, _ = load("reading-list.bib")
    second, _ = load("reading-list.bib")
    assert to_bibtex(first) == to_bibtex(second)
    assert to_ris(first) == to_ris(second)
    assert to_csl_json(first) == to_csl_json(second)
    assert to_ris(reversed(first.entries)) == to_ris(first)


# --- the real reading list --------------------------------------------------------------------

REAL_KEYS = {
    "busscher2021eindverslag", "busscher2021perspectief", "putters2022einde", "rob2012loslaten",
    "wrr2012vertrouwen", "wrr2017weten", "rvs2021mensbeelden", "veldheer2012beroep",
    "scp2021meerjarenplan", "vancampen2022meedoen", "bakker2016clientenparticipatie",
    "eur2019kennisbasis", "ienm2014code", "platform31_2023tienjaar", "platform31_2023jaren",
    "engbersen2014vreewijk", "engbersen_vernieuwende_vreewijk", "marlet2009baat",
    "deboer2013burgerkracht", "denters2012burgers", "leidelmeijer2012buurtparticipatie",
    "sev2012bewonersinvloed", "bzk2013doedemocratie", "mvt2014omgevingswet", "mvt2022participatie",
    "pvda2013heft", "samensterk2009", "kretzmann1993building", "arnstein1969ladder",
    "gbb2021handvest", "crisisopdeklei", "troonrede2013", "edelenbos1998spanning",
    "edelenbos2001lokale", "propper1999aanpak", "tonkens2009onderschatten", "hurenkamp2012crafting",
    "vandewijdeven2012doe", "vandewijdeven2010burgerschap", "vandewijdeven2013actief",
    "boogers2012meerdoen", "verhoeven2009burgers", "uitermark2014wikitopia",
    "vanhouwelingen2014burgermacht", "vandersteen2014leren", "kleinhans2015bewonersbedrijven",
    "rmo2013swingen", "permentier2013werk", "wittebrood2007aandacht", "stroebe2019samenhang",
    "davelaar_wijkenvoorbewoners", "iap2spectrum",
}


def test_real_reading_list_loads_without_problems():
    bib, problems = load_bibliography(ROOT / "data" / "references.bib", "data/references.bib")
    assert problems.report() == ""
    assert REAL_KEYS <= set(bib.keys())  # keys never change (records cite them); new entries keep coming
    english = {entry.key for entry in bib if entry.lang == "en"}
    assert {"arnstein1969ladder", "kretzmann1993building", "hurenkamp2012crafting", "iap2spectrum"} <= english
    assert english == {entry.key for entry in bib if re.search(r"langid\s*=\s*\{english\}", entry.raw)}
    for entry in bib:
        assert str(format_reference(entry)).count("<cite>") >= 1
        assert cite_text(entry)
    assert cite_text(["platform31_2023jaren", "platform31_2023tienjaar"], bibliography=bib) == (
        "(Platform31, 2023a, 2023b)")
