"""Citations and glossary links in hand-written pages, with errors that name file and line."""
from __future__ import annotations

import re

from markupsafe import Markup, escape

from .. import bibliography
from ..data import facts as fact_register
from ..data.dataset import Dataset
from ..data.kinds import PAGE_FOLDERS


class CitationError(Exception):
    """A hand-written page cites something that is not in the data."""


def cite_markup(data: Dataset, keys: tuple[str, ...] | list[str], *, pages: str | None, narrative: bool,
                base: str, where: str) -> Markup:
    if not keys:
        raise CitationError(f"{where}: cite: geef minstens één bronsleutel op")
    for key in keys:
        if key not in data.bibliography:
            raise CitationError(f"{where}: cite: bron '{key}' staat niet in de leeslijst (data/references.bib)")
    if pages is not None and len(keys) > 1:
        raise CitationError(f"{where}: cite: paginanummers (pages=) kunnen alleen bij één bron; citeer de bronnen apart")
    if not narrative:
        return cite_group(bibliography.cite_parts([(key, pages) for key in keys], bibliography=data.bibliography), base)
    text = bibliography.cite_text(list(keys), pages=pages, narrative=narrative, bibliography=data.bibliography)
    return Markup(f'<a class="wg-cite" href="{escape(base)}leeslijst/#{escape(keys[0])}">{escape(text)}</a>')


def cite_group(parts: list[tuple[str, str, str]], base: str) -> Markup:
    """Citations in one pair of brackets, each work a link to its entry on the reading list, as APA (in Dutch)
    groups them: '(Kretzmann & McKnight, 1993; Platform31, 2023b)'. ``parts`` from bibliography.cite_parts.
    Every page that cites more than one work at once (evidence, timeline, glossary, checklists, the cite
    macro of hand-written pages) writes its citations through here."""
    links = "".join(f'{escape(separator)}<a class="wg-cite" href="{escape(base)}leeslijst/#{escape(key)}">'
                    f'{escape(text)}</a>' for key, separator, text in parts)
    return Markup(f"({links})")


def term_markup(data: Dataset, term_id: str, text: str | None, *, base: str, where: str) -> Markup:
    entry = next((t for t in data.glossary if t.id == term_id), None)
    if entry is None:
        known = ", ".join(sorted(t.id for t in data.glossary)[:10])
        raise CitationError(f"{where}: term: begrip '{term_id}' staat niet in data/glossary.yaml (bekend: {known}, …)")
    label = text or entry["term"]
    return Markup(f'<a class="wg-term" href="{escape(base)}begrippen/#{escape(term_id)}" '
                  f'title="{escape(entry["definition"])}">{escape(label)}</a>')


def source_item(key: str, reference: Markup, *, label: str, base: str, pages: str | None = None,
                extra: Markup | str = "") -> Markup:
    """One entry of a "Bronnen" list, the same on record pages and on the residents' pages: the full reference
    once (APA; a short citation before it would repeat its names and year), the pages the record uses, then
    a link to the entry in the reading list whose accessible name says which source it is. ``extra``: what
    record pages add (the COinS span and the actions, macros/templates/bron_macros.j2)."""
    used = (f' <span class="wg-bronnen__blz">Gebruikt: blz. {escape(bibliography.format_pages(pages))}.</span>'
            if pages else "")
    return Markup(f'<li id="bron-{escape(key)}"><span class="wg-ref">{reference}</span>{used} '
                  f'<span class="wg-bronnen__lijst"><a href="{escape(base)}leeslijst/#{escape(key)}">Bekijk op de '
                  f'leeslijst<span class="wg-sr">: {escape(label)}</span></a></span>{escape(extra)}</li>')


def sources_markup(data: Dataset, keys: tuple[str, ...] | list[str], *, base: str, where: str) -> Markup:
    """The source list at the end of a page that keeps its running text free of citations (the residents'
    pages): every key once, in reading-list order, each as on record pages (``source_item``). The page writes
    the '## Bronnen' heading itself, so it is in the table of contents."""
    if not keys:
        raise CitationError(f"{where}: bronnen: geef minstens één bronsleutel op")
    unknown = [key for key in keys if key not in data.bibliography]
    if unknown:
        raise CitationError(f"{where}: bronnen: bron '{unknown[0]}' staat niet in de leeslijst (data/references.bib)")
    order = {key: number for number, key in enumerate(data.bibliography.keys())}
    items = [source_item(key, bibliography.format_reference(data.bibliography[key]), base=base,
                         label=bibliography.cite_text([key], narrative=True, bibliography=data.bibliography))
             for key in sorted(dict.fromkeys(keys), key=order.__getitem__)]
    return Markup('<ol class="wg-bronnen">\n' + "\n".join(items) + "\n</ol>")


#: Where the register of facts is published (macros/site/facts_page.py).
FACTS_URL = f"{PAGE_FOLDERS.facts_page}/"
#: The heading of a page's list of checked facts, and its anchor.
FACTS_HEADING = "Datums en bedragen: bron en controle"


def _fact_sources(data: Dataset, keys: list[str], base: str) -> Markup:
    """The official sources of a fact, each linked to the reading list: named in full ('Koninkrijk der
    Nederlanden (2023)'), not as a citation in brackets, since the list closes the page like 'Bronnen' does."""
    return Markup(", ").join(_source_link(data, key, base) for key in keys)


def _source_link(data: Dataset, key: str, base: str) -> Markup:
    label = bibliography.cite_text([key], narrative=True, bibliography=data.bibliography)
    return Markup(f'<a class="wg-facts__source" href="{escape(base)}leeslijst/#{escape(key)}">{escape(label)}</a>')


def fact_line(data: Dataset, fact: dict, base: str) -> Markup:
    """One fact as a page's closing list shows it: subject, value, the official source and where in it, and
    when it was last compared with that source; or, when it could not be, whose word it is."""
    value = escape(fact_register.shown_value(fact))
    where = f"{_fact_sources(data, fact['bron'], base)}, {escape(fact['vindplaats'])}"
    if fact["status"] == "bevestigd":
        check = (f'Vergeleken met de officiële tekst op <time datetime="{escape(fact["gecontroleerd"])}">'
                 f'{escape(fact_register.long_date(fact["gecontroleerd"]))}</time>.')
    elif fact["status"] == "onbekend":
        searched = (f' Laatst gezocht op <time datetime="{escape(fact["gecontroleerd"])}">'
                    f'{escape(fact_register.long_date(fact["gecontroleerd"]))}</time>.' if fact.get("gecontroleerd") else "")
        check = ("<strong>Niet gevonden:</strong> de officiële tekst kon niet worden ingezien en geen andere bron "
                 f"noemt de waarde.{searched}")
    else:
        volgens = _source_link(data, fact["volgens"], base)
        check = (f"<strong>Niet bevestigd:</strong> de officiële tekst kon niet worden ingezien; de waarde "
                 f"komt van {volgens}.")
    return Markup(f'<li id="feit-{escape(fact["id"])}"><strong>{escape(fact["onderwerp"])}:</strong> {value}. '
                  f"Officiële bron: {where}. {check}</li>")


def facts_markup(data: Dataset, facts: list, base: str) -> Markup:
    """The closing list of a page that uses facts from the register: each with its proof and check date."""
    if not facts:
        return Markup("")
    items = "\n".join(fact_line(data, fact, base) for fact in facts)
    # Left out of the search index: the list names laws and publishers on every page that uses a fact.
    return Markup(f'<ul class="wg-facts" data-pagefind-ignore="all">\n{items}\n</ul>\n<p class="wg-facts__all" '
                  f'data-pagefind-ignore="all">Deze datums en bedragen '
                  f'staan één keer in het <a href="{escape(base)}{FACTS_URL}">feitenregister</a>, met hun bron.</p>')


# Code in a hand-written page (an example for curators) is shown as typed, never resolved.
CODE = re.compile(r"^(```|~~~).*?^\1[ \t]*$|`[^`\n]+`", re.M | re.S)


def page_with_facts(data: Dataset, markdown: str, base: str) -> tuple[str, list[tuple[str, str]]]:
    """A hand-written page's Markdown with every [[feit:id]] outside code replaced by its value, and the list of
    its facts before 'Bronnen' (or at the end); plus (text as typed, message) for each reference that is wrong."""
    problems: list[tuple[str, str]] = []
    used: list[str] = []
    according_to = fact_register.whose_word(data.bibliography)
    parts, last = [], 0
    for code in [*CODE.finditer(markdown), None]:
        prose = markdown[last: code.start() if code else len(markdown)]
        for match in fact_register.ALMOST_REF.finditer(prose):  # in the order they stand
            typed, fact_id = match.group(), fact_register.ref_id(match.group())
            if fact_id is None:
                problems.append((typed, f"{fact_register.MALFORMED.format(typed=typed[:60])} "
                                        f"(tip: {fact_register.MALFORMED_HINT})"))
            elif fact_id not in data.fact_index:
                problems.append((typed, f"onbekend feit '{fact_id}' "
                                        f"(tip: {fact_register.unknown_hint(fact_id, data.fact_index)})"))
        parts.append(fact_register.resolve(prose, data.fact_index, according_to, used))
        if code:
            parts.append(code.group())
            last = code.end()
    markdown = "".join(parts)
    if used:
        notes = (f"## {FACTS_HEADING} {{#feiten}}\n\n"
                 + str(facts_markup(data, [data.fact_index[i] for i in used], base)) + "\n\n")
        head, marker, tail = markdown.partition("\n## Bronnen")
        markdown = head + "\n\n" + notes + marker + tail if marker else markdown + "\n\n" + notes
    return markdown, problems
