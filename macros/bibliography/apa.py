"""APA 7 in Dutch: reading-list lines (safe HTML), in-text citations and the sort order.

Dutch APA conventions used here: ``&`` before the last author, ``(Red.)`` for one or more
editors, ``z.d.`` when there is no date, ``blz.`` for pages, ``Rapport nr.`` for report
numbers, ``et al.`` for three or more authors in citations, ``In`` for chapters, and
``Geraadpleegd op … van …`` only when a retrieval date (``urldate``) is given, i.e. for pages
that change. The publisher is left out when it is the same organisation as the author, and a
DOI replaces the URL (both APA 7 rules). Place of publication is not shown (APA 7 dropped it).

Everything curator-written is escaped: Markup.format escapes its arguments, so a title with
``<script>`` arrives as text even if validation were bypassed.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from html import unescape
from itertools import groupby
from string import ascii_lowercase
from typing import Any

from markupsafe import Markup, escape

from .model import NO_DATE, Bibliography, Entry
from .names import citation_name, initials_first_name, person_sort_key, reference_name
from .text import DUTCH_MONTHS, is_doi, is_web_url, sort_text

_PLAIN_TITLE_TYPES = {"article", "incollection", "inbook", "inproceedings"}  # the container is italic
_CHAPTER_TYPES = {"incollection", "inbook", "inproceedings"}
_REPORT_TYPES = {"techreport", "report"}
_THESIS_LABELS = {"phdthesis": "Proefschrift", "mastersthesis": "Masterscriptie"}
_RANGE_DASH = re.compile(r"\s*(?:--|-|—)\s*")
_MAX_LISTED_AUTHORS = 20  # APA 7: up to 20 names, else 19, "…", the last


def sort_key(entry: Entry) -> tuple[Any, ...]:
    """Reading-list order: creators' core surnames (a title when the author is unknown), then
    year with ``z.d.`` first (APA), then title; the key makes the order total."""
    return entry.once("sort_key", _sort_key)


def _sort_key(entry: Entry) -> tuple[Any, ...]:
    names = tuple(person_sort_key(person) for person in entry.creators)
    year = (1, int(entry.year)) if entry.year else (0, 0)
    return (names or ((sort_text(entry.title), "", ""),), year, sort_text(entry.title), entry.key)


def assign_year_labels(entries: Iterable[Entry]) -> list[Entry]:
    """Give every entry its cited year; works that would be cited identically get a, b, c.

    Letters are assigned per citation form (``Platform31, 2023`` or ``Denters et al., 2012``),
    in title order, over the whole bibliography, so every citation points at one entry and the
    letters do not change with the page that cites them.
    """
    def citation(entry: Entry) -> tuple[str, str]:
        return (_cited_creators(entry, narrative=False), entry.year)

    labelled = []
    for (_, year), group in groupby(sorted(entries, key=lambda e: (citation(e), sort_key(e)[2:])),
                                    key=citation):
        same = list(group)
        for index, entry in enumerate(same):
            letter = _letters(index) if len(same) > 1 else ""
            suffix = f"-{letter}" if letter and not year else letter  # z.d.-a, as APA writes n.d.-a
            labelled.append(replace(entry, year_label=(year or NO_DATE) + suffix))
    return labelled


def _letters(index: int) -> str:
    """0 → a, 25 → z, 26 → aa: never runs out, so no work is ever left without a label."""
    prefix = _letters(index // 26 - 1) if index >= 26 else ""
    return prefix + ascii_lowercase[index % 26]


def format_reference(entry: Entry) -> Markup:
    """The full reading-list line as safe HTML (the caller adds the anchor/``id``)."""
    return entry.once("reference", _format_reference)


def _format_reference(entry: Entry) -> Markup:
    if entry.creators:
        parts = [_creator_part(entry), Markup("({}).").format(entry.year_label), _title_part(entry)]
    else:  # author unknown: the title takes the author position (APA 7, 9.12)
        parts = [_title_part(entry), Markup("({}).").format(entry.year_label)]
    parts += [_source_part(entry), _link_part(entry)]
    return Markup(" ").join(part for part in parts if part)


def reference_text(entry: Entry) -> str:
    """The same reference as plain text (what a reader copies; italics cannot travel as text)."""
    return unescape(re.sub(r"<[^>]+>", "", str(format_reference(entry))))


def cite_text(items: Entry | str | Iterable[Entry | str], pages: str | int | None = None,
              narrative: bool = False, bibliography: Bibliography | None = None) -> str:
    """In-text citation as plain text (the caller escapes it).

    ``(Putters, 2022, blz. 14)``, ``(Busscher & Postmes, 2021)``, ``(Denters et al., 2012)``,
    ``(Platform31, 2023a, 2023b; Putters, 2022)``; narrative: ``Busscher en Postmes (2021)``.
    Keys need ``bibliography``. ``pages`` only with one work; ``narrative`` only for one author
    (group): both would otherwise be ambiguous, and a loud error beats a silently odd citation.
    """
    entries = sorted({entry.key: entry for entry in _resolve(items, bibliography)}.values(),
                     key=sort_key)
    if not entries:
        raise ValueError("cite_text: geen bronnen opgegeven")
    if pages is not None and len(entries) != 1:
        raise ValueError("cite_text: paginanummers kunnen alleen bij één bron")
    groups = [(name, [entry.year_label for entry in group]) for name, group
              in groupby(entries, key=lambda entry: _cited_creators(entry, narrative))]
    locator = f", blz. {format_pages(pages)}" if pages is not None else ""
    if narrative:
        if len(groups) != 1:
            raise ValueError("cite_text: een verhalende verwijzing kan maar één auteur(groep) noemen")
        name, years = groups[0]
        return f"{name} ({', '.join(years)}{locator})"
    return "(" + "; ".join(f"{name}, {', '.join(years)}" for name, years in groups) + locator + ")"


def cite_entry(entry: Entry, pages: str | None = None, narrative: bool = False) -> str:
    """``cite_text`` of one work, made once per entry and form: the same few hundred works are cited on
    thousands of record pages."""
    return entry.once(f"cite {narrative} {pages}", lambda e: cite_text(e, pages=pages, narrative=narrative))


def cite_parts(sources: Iterable[tuple[Entry | str, str | int | None]],
               bibliography: Bibliography | None = None) -> list[tuple[str, str, str]]:
    """A parenthetical citation of one or more works, in pieces a page can link one by one:
    ``(key, separator before it, text)``. Joined and put in one pair of brackets they read as APA groups
    citations: ``(Platform31, 2023a, 2023b; Putters, 2022, blz. 14)``: works in reading-list order, an author
    (group) named once for all its years, each work with its own pages. Without pages the joined text is
    exactly ``cite_text`` of the same works."""
    pages_of: dict[str, str | int | None] = {}
    entries: list[Entry] = []
    for item, pages in sources:
        entry = _resolve(item, bibliography)[0]
        if entry.key not in pages_of:
            pages_of[entry.key] = pages
            entries.append(entry)
    if not entries:
        raise ValueError("cite_parts: geen bronnen opgegeven")
    parts: list[tuple[str, str, str]] = []
    for name, group in groupby(sorted(entries, key=sort_key), key=lambda entry: _cited_creators(entry, False)):
        for position, entry in enumerate(group):
            pages = pages_of[entry.key]
            locator = f", blz. {format_pages(pages)}" if pages is not None else ""
            text = f"{name}, {entry.year_label}{locator}" if position == 0 else f"{entry.year_label}{locator}"
            parts.append((entry.key, "" if not parts else "; " if position == 0 else ", ", text))
    return parts


def format_pages(pages: str | int) -> str:
    """``12-34`` / ``12--34`` → ``12–34`` (en dash, as APA wants for ranges)."""
    return _RANGE_DASH.sub("–", str(pages).strip())


def _resolve(items: Entry | str | Iterable[Entry | str],
             bibliography: Bibliography | None) -> list[Entry]:
    if isinstance(items, (Entry, str)):
        items = [items]
    resolved = []
    for item in items:
        if isinstance(item, Entry):
            resolved.append(item)
        elif bibliography is None:
            raise ValueError(f"cite_text: sleutel '{item}' opgegeven zonder bibliography")
        else:
            resolved.append(bibliography[item])
    return resolved


def _cited_creators(entry: Entry, narrative: bool) -> str:
    names = [citation_name(person) for person in entry.creators]
    if not names:
        return entry.title
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} {'en' if narrative else '&'} {names[1]}"
    return f"{names[0]} et al."


def _creator_part(entry: Entry) -> Markup:
    names = [reference_name(person) for person in entry.creators]
    if len(names) > _MAX_LISTED_AUTHORS:
        names = names[: _MAX_LISTED_AUTHORS - 1] + [f"… {names[-1]}"]
        text = ", ".join(names)
    else:
        text = _join_with_ampersand(names)
    if entry.edited:
        text += " (Red.)"
    return escape(text if text.endswith(".") else text + ".")


def _join_with_ampersand(names: Sequence[str]) -> str:
    """APA 7 list: ``A``, ``A, & B``, ``A, B, & C`` (the comma before & stays with two names)."""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def _title_part(entry: Entry) -> Markup:
    italic = entry.entry_type not in _PLAIN_TITLE_TYPES
    title = _work_title(entry.title, entry.lang, italic)
    description = _description(entry)
    if description:
        return Markup("{} {}.").format(title, description)
    return title if entry.title.endswith((".", "?", "!")) else title + Markup(".")


def _description(entry: Entry) -> str:
    """What follows the title: numbering in parentheses, then a description in square brackets
    (APA 7): ``(WRR-rapport nr. 88)``, ``(Rapport nr. P21540)``, ``[Proefschrift, UvA]``,
    ``[Toespraak]`` from the ``type`` field."""
    return " ".join(part for part in (_numbering(entry), _bracketed(entry)) if part)


def _numbering(entry: Entry) -> str:
    if entry.entry_type == "article":  # volume and issue follow the journal instead
        return ""
    series, number, howpublished = entry.get("series"), entry.get("number"), entry.get("howpublished")
    if series:
        return f"({series} nr. {number})" if number else f"({series})"
    if number and entry.entry_type in _REPORT_TYPES:
        return f"(Rapport nr. {number})"
    return f"({howpublished})" if howpublished else ""


def _bracketed(entry: Entry) -> str:
    label = entry.get("type") or _THESIS_LABELS.get(entry.entry_type, "")
    school = entry.get("school") if entry.entry_type in _THESIS_LABELS else ""
    return f"[{', '.join(part for part in (label, school) if part)}]" if label else ""


def _source_part(entry: Entry) -> Markup:
    if entry.entry_type == "article":
        return _journal_part(entry)
    parts = [_container_part(entry)] if entry.entry_type in _CHAPTER_TYPES else []
    publishers = _shown_publishers(entry)
    if publishers:
        parts.append(escape("; ".join(publishers) + "."))
    return Markup(" ").join(parts)


def _journal_part(entry: Entry) -> Markup:
    """``<cite>Journal</cite>, <em>35</em>(4), 216–224.``; issue alone as ``, (1)``."""
    text = _work_title(entry.get("journal"), entry.lang, italic=True)
    volume, issue, pages = entry.get("volume"), entry.get("number"), entry.get("pages")
    if volume:
        text += Markup(", <em>{}</em>").format(volume)
    if issue:
        text += Markup("({})" if volume else ", ({})").format(issue)
    if pages:
        text += Markup(", {}").format(format_pages(pages))
    return text + Markup(".")


def _container_part(entry: Entry) -> Markup:
    """``In E. van der Laan & J. ten Kate (Red.), <cite>Boek</cite> (blz. 12–34).``"""
    editors = [initials_first_name(person) for person in entry.editors] if entry.authors else []
    text = Markup("In ")
    if editors:
        joined = " & ".join(editors) if len(editors) == 2 else _join_with_ampersand(editors)
        text += Markup("{} (Red.), ").format(joined)
    text += _work_title(entry.get("booktitle"), entry.lang, italic=True)
    if entry.get("pages"):
        text += Markup(" (blz. {})").format(format_pages(entry.get("pages")))
    return text + Markup(".")


def _shown_publishers(entry: Entry) -> list[str]:
    """Publishers, minus those that are also the (organisation) author: APA 7 omits them."""
    authors = {sort_text(person.literal) for person in entry.creators if person.is_organisation}
    return [name for name in entry.publishers if sort_text(name) not in authors]


def _link_part(entry: Entry) -> Markup:
    doi, url = entry.get("doi"), entry.get("url")
    if is_doi(doi):
        return _link(f"https://doi.org/{doi}")
    if not url:
        return Markup("")
    retrieved = _dutch_date(entry.get("urldate"))
    if retrieved:
        return Markup("Geraadpleegd op {}, van {}").format(retrieved, _link(url))
    return _link(url)


def _link(url: str) -> Markup:
    """A link only for http(s): invalid data that slipped through stays visible text."""
    return Markup('<a href="{0}">{0}</a>').format(url) if is_web_url(url) else escape(url)


def _work_title(text: str, lang: str, italic: bool) -> Markup:
    """Title text, wrapped in ``<span lang="en">`` for English works (WCAG 3.1.2) and in
    ``<cite>`` when APA sets it in italics (``<cite>`` = the title of a work)."""
    html = Markup('<span lang="{}">{}</span>').format(lang, text) if lang != "nl" else escape(text)
    return Markup("<cite>{}</cite>").format(html) if italic else html


def _dutch_date(iso: str) -> str:
    """``2024-03-01`` → ``1 maart 2024``; '' for anything else (validation reports it)."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return ""
    return f"{day.day} {DUTCH_MONTHS[day.month - 1]} {day.year}"
