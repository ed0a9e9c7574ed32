"""Text helpers for the reading list: LaTeX → Unicode, and a sort key for Dutch readers.

Kept apart from the loader because names, APA formatting and exports all need the same two
operations, and both must behave identically everywhere (one decoder, one sort order).
"""
from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from pylatexenc.latex2text import LatexNodes2Text, get_default_latex_context_db

# The same decoder settings bibtexparser's LatexDecodingMiddleware uses (braces dropped, maths
# kept verbatim), built once: constructing a LatexNodes2Text is the expensive part.
_DECODER = LatexNodes2Text(latex_context=get_default_latex_context_db(),
                           keep_braced_groups=False, math_mode="verbatim")
_SPACES = re.compile(r"\s+")
# What the decoder changes (checked character by character): macros, braces, ~, %, &, dashes and
# TeX quotes/ligatures. Braces alone (and no maths) it only drops, which plain Python does faster.
_COMMANDS = re.compile(r"[\\~%&`$]|--|''")
_DOI = re.compile(r"10\.\d{4,9}/\S+")

# Letters that Unicode does not decompose into "base letter + accent" but that Dutch readers
# file under a plain letter anyway (Øberg under O, Łukasz under L).
_FOLD = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe", "ı": "i"})


def decode_latex(value: str) -> str:
    """LaTeX source → display text: ``{\\"e}`` → ë, ``\\&`` → &, ``--`` → –, braces removed.

    Whitespace runs (line breaks inside a BibTeX value, ``~``) become one space, and the
    result is NFC-normalised so that 'é' typed directly and ``{\\'e}`` compare equal.
    Callers must check for an unescaped ``%`` and ``&`` first: the decoder silently drops the
    rest of the line after ``%`` and turns ``&`` into spaces, as LaTeX would.
    """
    if _COMMANDS.search(value):  # pylatexenc costs ~0.5 ms a value; most values are plain text
        value = _DECODER.latex_to_text(value).replace("\xa0", " ")
    elif "{" in value or "}" in value:  # only grouping braces ({CO2}, {{Gemeente Utrecht}}): they just go
        value = value.replace("{", "").replace("}", "")
    return unicodedata.normalize("NFC", _SPACES.sub(" ", value).strip())


# Dutch month names, for dates in running text (reading list, review notes): the only copy.
DUTCH_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                "oktober", "november", "december")


def dutch_date(value: str) -> str:
    """'2026-11-01' -> '1 november 2026'; '2013-09' -> 'september 2013'; '1969' stays."""
    parts = str(value).split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {DUTCH_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{DUTCH_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def fold_accents(text: str) -> str:
    """'Één café' -> 'Een cafe': letters without their accents (Unicode NFKD, combining marks dropped).
    The one place accents are folded; callers add case folding or their own letter table (_FOLD)."""
    if text.isascii():  # nothing to fold (most text); NFKD leaves ASCII as it is
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def sort_text(value: str) -> str:
    """Case-, accent- and punctuation-insensitive form for sorting (``'t Hart`` ≈ ``t hart``).

    Python's own order puts 'É' after 'z'; a Dutch reading list files Één under E.
    """
    letters = fold_accents(value.casefold().translate(_FOLD))
    return _SPACES.sub(" ", re.sub(r"[^\w\s]", "", letters)).strip()


def is_doi(value: str) -> bool:
    """A bare DOI (``10.1080/0194…``), not a URL: the formatter adds https://doi.org/."""
    return bool(_DOI.fullmatch(value))


def is_web_url(url: str) -> bool:
    """An absolute http(s) address without spaces, quotes, backslashes or angle brackets."""
    if re.search(r"[\s\"'<>\\]", url):
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def matching_brace(text: str, start: int) -> int:
    """Index of the ``}`` that closes the ``{`` at ``start`` (``\\{`` and ``\\}`` skipped); -1 if none."""
    depth = 0
    index = start
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0:
            return index
        index += 1
    return -1
