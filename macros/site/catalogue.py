"""The open data described for data portals: ``open-data/catalogus.jsonld``, a DCAT catalogue (JSON-LD) with
the terms of DCAT-AP-DONL, the Dutch profile that data.overheid.nl harvests.

One dataset per record kind and one for the reading list, each with a Dutch title and description, the
licence (CC BY 4.0), themes from the DONL list, ``modified`` from git history and one distribution per file
that the build publishes, with its media type and download address. Publisher and contact point come from
settings (mkdocs.yml ``extra.publisher_name``, ``extra.publisher_url``, ``extra.correction_email``); a
setting that is empty or a placeholder is left out, and the catalogue says in words what is missing.

Value lists, as data.overheid.nl's own import mappings use them (github.com/dataoverheid/donlsync-mappings,
value-mappings/Eindhoven__Dataset__Theme.json, …License.json, …AccessRights.json, …MetadataLanguage.json,
Eindhoven__Distribution__Format.json and …MediaType.json; seen in a stored copy, December 2026). The themes
are from the Taxonomie Beleidsagenda, which DCAT-AP-DONL 2.0 makes the theme list
(github.com/dataoverheid/dcat-ap-donl, docs/properties/resource.md, "theme/category"). BibTeX and RIS have
no file type or media type in those lists: their distributions name neither rather than an invented one.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..data import history
from ..data.kinds import PAGE_FOLDERS, RecordKind
from .context import PageContext, Publication
from .page_dates import PageDates
from .site_address import Links, filled_in

FILE = "catalogus.jsonld"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
LICENSE = "http://creativecommons.org/licenses/by/4.0/deed.nl"
PUBLIC = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
DUTCH = "http://publications.europa.eu/resource/authority/language/NLD"
#: Taxonomie Beleidsagenda: the guide is about how residents take part in local government (Bestuur) and
#: about the renewal of neighbourhoods and their housing (Huisvesting).
THEMES = ("http://standaarden.overheid.nl/owms/terms/Bestuur",
          "http://standaarden.overheid.nl/owms/terms/Huisvesting_(thema)")
KEYWORDS = ("bewonersparticipatie", "wijkaanpak", "participatie", "buurt")


@dataclass(frozen=True)
class FileType:
    label: str
    media_type: str = ""  # IANA, as a URI
    file_type: str = ""  # the EU's file-type list, as a URI


FILE_TYPES = {
    "json": FileType("JSON", "https://www.iana.org/assignments/media-types/application/json",
                     "http://publications.europa.eu/resource/authority/file-type/JSON"),
    "csv": FileType("CSV", "https://www.iana.org/assignments/media-types/text/csv",
                    "http://publications.europa.eu/resource/authority/file-type/CSV"),
    "bib": FileType("BibTeX"),
    "ris": FileType("RIS"),
}

#: The reading list's files for the whole list (macros/site/readinglist.py) and what is in each.
READING_LIST_FILES = (
    (f"{PAGE_FOLDERS.readinglist}/wijkengids.bib", "De hele leeslijst als BibTeX, voor Zotero, JabRef of LaTeX."),
    (f"{PAGE_FOLDERS.readinglist}/wijkengids.ris", "De hele leeslijst als RIS, voor EndNote, Mendeley of Zotero."),
    (f"{PAGE_FOLDERS.readinglist}/wijkengids.json", "De hele leeslijst als CSL-JSON, voor Pandoc, Zotero en andere programma's."))


def missing_settings(publication: Publication) -> list[tuple[str, str]]:
    """(setting in mkdocs.yml, what it is in Dutch) for each setting the catalogue needs but lacks."""
    wanted = (("extra.publisher_name", "de uitgever", publication.publisher_name),
              ("extra.correction_email", "het contactpunt (een e-mailadres)", publication.correction_email),
              ("site_url", "het openbare adres van de site", publication.site_url))
    links = Links(publication.site_url)
    return [(setting, what) for setting, what, value in wanted
            if not (links.public if setting == "site_url" else filled_in(value))]


def catalogue(ctx: PageContext, open_data: dict[str, str], folder: str) -> str:
    """The catalogue's text. ``open_data``: the open-data files ({name in ``folder``: text})."""
    data, site = ctx.data, ctx.site
    publication = site.publication
    links = Links(publication.site_url)
    here = f"{folder}/{FILE}"
    dates = PageDates({}, history.file_dates(data.root), {})

    def iri(url: str) -> dict[str, str]:
        return {"@id": links.link(url, here)}

    def text(value: str) -> dict[str, str]:
        return {"@value": value, "@language": "nl"}

    def day(value: date | None) -> dict[str, Any]:
        return {"dct:modified": {"@value": value.isoformat(), "@type": "xsd:date"}} if value else {}

    agent: dict[str, Any] | None = None
    if filled_in(publication.publisher_name):
        agent = {"@type": "foaf:Agent", "foaf:name": publication.publisher_name}
        if filled_in(publication.publisher_url):
            agent["foaf:homepage"] = {"@id": publication.publisher_url}
    contact: dict[str, Any] | None = None
    if filled_in(publication.correction_email):
        contact = {"@type": "vcard:Organization", "vcard:fn": publication.publisher_name
                   if filled_in(publication.publisher_name) else publication.author,
                   "vcard:hasEmail": {"@id": f"mailto:{publication.correction_email}"}}

    def distribution(path: str, description: str, text_of_file: str, conforms_to: str = "") -> dict[str, Any]:
        kind = FILE_TYPES[path.rsplit(".", 1)[1]]
        node: dict[str, Any] = {"@type": "dcat:Distribution", "dct:title": text(path.rsplit("/", 1)[1]),
                                "dct:description": text(description), "dcat:accessURL": iri(path),
                                "dcat:downloadURL": iri(path), "dct:license": {"@id": LICENSE},
                                "dcat:byteSize": {"@value": str(len(text_of_file.encode("utf-8"))), "@type": "xsd:decimal"}}
        if kind.media_type:
            node["dcat:mediaType"] = {"@id": kind.media_type}
        if kind.file_type:
            node["dct:format"] = {"@id": kind.file_type}
        if conforms_to:
            node["dct:conformsTo"] = iri(conforms_to)
        return node

    def dataset(name: str, title: str, description: str, distributions: list[dict[str, Any]],
                modified: date | None, keywords: Iterable[str]) -> dict[str, Any]:
        node: dict[str, Any] = {
            "@id": links.link(f"{here}#{name}", here), "@type": "dcat:Dataset",
            "dct:identifier": links.absolute(f"{here}#{name}") or f"wijkengids-{name}",
            "dct:title": text(title), "dct:description": text(description),
            "dct:language": {"@id": DUTCH}, "dct:license": {"@id": LICENSE}, "dct:accessRights": {"@id": PUBLIC},
            "dcat:theme": [{"@id": theme} for theme in THEMES],
            "dcat:keyword": [text(word) for word in keywords],
            "dcat:landingPage": iri(f"{folder}/"), **day(modified),
        }
        if agent:
            node["dct:publisher"] = agent
            node["dct:creator"] = agent
        if contact:
            node["dcat:contactPoint"] = contact
        node["dcat:distribution"] = distributions
        return node

    datasets = [_kind_dataset(kind, open_data, folder, dates, distribution, dataset) for kind in data.kinds]
    reading = [distribution(path, what, ctx.files[path]) for path, what in READING_LIST_FILES if path in ctx.files]
    datasets.append(dataset(
        "leeslijst", "Wijkengids: leeslijst",
        f"De {len(data.bibliography)} bronnen van de Wijkengids over bewonersparticipatie in de wijkaanpak: boeken, "
        "rapporten, artikelen en webpagina's, met auteurs, jaar en vindplaats (DOI of webadres).",
        reading, dates.newest(("references.bib",)), (*KEYWORDS, "literatuur", "bronnen")))

    catalog: dict[str, Any] = {
        "@context": CONTEXT, "@id": links.link(here, here), "@type": "dcat:Catalog",
        "dct:title": text("Wijkengids: open data"),
        "dct:description": text("De gegevens achter de Wijkengids, een kennisgids over bewonersparticipatie in de "
                                "wijkaanpak: methoden, praktijkvoorbeelden, checklists en de leeslijst, als open data "
                                "onder CC BY 4.0."),
        "dct:language": {"@id": DUTCH}, "dct:license": {"@id": LICENSE}, "foaf:homepage": iri(""),
        **day(dates.newest_data),
    }
    if agent:
        catalog["dct:publisher"] = agent
    missing = missing_settings(publication)
    if missing:
        catalog["rdfs:comment"] = text(missing_note(missing))
    catalog["dcat:dataset"] = datasets
    return json.dumps(catalog, ensure_ascii=False, indent=2) + "\n"


def missing_note(missing: list[tuple[str, str]]) -> str:
    """In words: which settings the catalogue lacks, and what that means for a portal."""
    names = [what for _, what in missing]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
    settings = ", ".join(setting for setting, _ in missing)
    return (f"Nog niet ingevuld: {listed} (in mkdocs.yml: {settings}). Een dataportaal zoals data.overheid.nl "
            "neemt een dataset zonder uitgever en contactpunt niet over.")


def _kind_dataset(kind: RecordKind, open_data: dict[str, str], folder: str, dates: PageDates,
                  distribution: Any, dataset: Any) -> dict[str, Any]:
    schema = f"{folder}/schema/{kind.schema}"
    files = [distribution(f"{folder}/{kind.folder}.json",
                          f"{kind.title} als JSON: een lijst met één object per record, volgens {kind.schema}.",
                          open_data[f"{kind.folder}.json"], schema)]
    if kind.csv:
        files.append(distribution(f"{folder}/{kind.folder}.csv",
                                  f"{kind.title} als CSV: één regel per record, voor Excel, LibreOffice of R.",
                                  open_data[f"{kind.folder}.csv"]))
    count = len(json.loads(open_data[f"{kind.folder}.json"]))
    return dataset(kind.folder, f"Wijkengids: {kind.plural}",
                   f"Alle {count} {kind.plural} van de Wijkengids, een kennisgids over bewonersparticipatie in de "
                   f"wijkaanpak. De velden staan uitgelegd op de pagina Open data en in {kind.schema}.",
                   files, dates.newest((kind.folder,)), (*KEYWORDS, kind.plural))
