"""The words of the search index, for "Bedoelde je: …" in the search dialog (docs/assets/js/zoeken.js).

Pagefind keeps stems in its word index ('bewonersparticipeer'), not words a reader would recognise, so
the words are read from its page fragments (the indexed text of each page, readers' words from
data/zoekwoorden.yaml included) and written most frequent first, one plain-text file per first letter:
pagefind/woorden/<a-z or _>.txt. The dialog loads one or two of these files only for a word that the
index does not know, so a first query for a known word costs nothing extra, at any size of the site.
"""
from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

FOLDER = "woorden"
SIGNATURE = b"pagefind_dcd"
#: Shorter words are not corrected (too many neighbours); longer ones are addresses and run-together text.
MIN_LETTERS, MAX_LETTERS = 4, 30
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def first_letter(word: str) -> str:
    """The file a word is in: its first letter without accents, '_' for anything else."""
    plain = unicodedata.normalize("NFD", word[0])[0]
    return plain if "a" <= plain <= "z" else "_"


def vocabulary(bundle: Path) -> Counter[str]:
    """How often each word occurs in the indexed text of all pages."""
    counts: Counter[str] = Counter()
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        if not data.startswith(SIGNATURE):
            continue
        content = json.loads(data[len(SIGNATURE):]).get("content", "")
        counts.update(w for w in _WORD.findall(content.casefold()) if MIN_LETTERS <= len(w) <= MAX_LETTERS)
    return counts


def write_word_lists(bundle: Path) -> None:
    """pagefind/woorden/<letter>.txt: the words starting with that letter, most frequent first."""
    folder = bundle / FOLDER
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    groups: dict[str, list[str]] = {}
    for word, _ in sorted(vocabulary(bundle).items(), key=lambda item: (-item[1], item[0])):
        groups.setdefault(first_letter(word), []).append(word)
    for letter, words in sorted(groups.items()):
        (folder / f"{letter}.txt").write_text("\n".join(words), encoding="utf-8")
