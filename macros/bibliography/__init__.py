"""The reading list (``data/references.bib``): one import for everything callers need.

    bib, problems = load_bibliography(Path("data/references.bib"), "data/references.bib")
    for entry in bib:                              # already in reading-list order
        html = format_reference(entry)             # safe HTML; the caller adds the anchor id
    cite_text(["putters2022einde"], pages="14", bibliography=bib)   # '(Putters, 2022, blz. 14)'

Where things live: ``load`` (parsing and every validation rule), ``names`` (the Dutch
name rule), ``apa`` (APA 7 in Dutch, sort order), ``export`` (BibTeX, RIS, CSL-JSON, COinS),
``model`` (the data), ``text`` (LaTeX decoding, sort normalisation). None of them
imports MkDocs.
"""
from __future__ import annotations

from .apa import (
    assign_year_labels,
    cite_entry,
    cite_parts,
    cite_text,
    format_pages,
    format_reference,
    reference_text,
    sort_key,
)
from .export import (
    BIBTEX_FIELDS,
    coins_pairs,
    csl_json_text,
    exports_bibtex_field,
    public_bibtex,
    to_bibtex,
    to_coins,
    to_csl_json,
    to_ris,
)
from .load import load_bibliography
from .model import ENTRY_TYPES, NO_DATE, NO_DATE_VALUES, PRIVATE_FIELDS, UNKNOWN_AUTHOR, Bibliography, Entry
from .names import (
    Person,
    citation_name,
    full_name_inverted,
    initials,
    initials_first_name,
    parse_person,
    reference_name,
)

__all__ = [
    "BIBTEX_FIELDS", "ENTRY_TYPES", "NO_DATE", "NO_DATE_VALUES", "PRIVATE_FIELDS", "UNKNOWN_AUTHOR", "Bibliography",
    "Entry", "Person", "assign_year_labels", "citation_name", "cite_entry", "cite_parts", "cite_text", "coins_pairs",
    "csl_json_text", "exports_bibtex_field", "format_pages", "format_reference",
    "full_name_inverted", "initials", "initials_first_name", "load_bibliography", "parse_person",
    "public_bibtex", "reference_name", "reference_text", "sort_key", "to_bibtex", "to_coins",
    "to_csl_json", "to_ris",
]
