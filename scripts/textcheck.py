"""Text checks on the built site: readability (Dutch), spelling (hunspell nl) and overlap with seed documents.

Used by tests/build/test_text_quality.py; also a command for writers:

    python -m scripts.textcheck site/            # readability table of every page
    python -m scripts.textcheck site/ --spelling # plus unknown words per page

Only the visible main text of a page counts: ``article.md-content__inner``, without navigation, code,
hidden elements and bibliographic material (source lists, citations, reading-list entries), which carry
titles and names that are data, not prose.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# --------------------------------------------------------------------------------------------------
# Extracting visible text
# --------------------------------------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Never visible prose: skipped with everything inside.
SKIP_TAGS = {"script", "style", "pre", "code", "kbd", "samp", "nav", "svg", "template", "noscript", "head", "title"}
# Bibliographic material: author names and titles are data (checked by the reading-list tests), not prose.
BIBLIOGRAPHIC_CLASSES = {"wg-bronnen", "wg-facts", "wg-facts__source", "wg-cite", "wg-ll__ref", "wg-ll__elsewhere", "wg-ll__title", "wg-ref", "wg-acties"}
BLOCK_TAGS = {
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "summary", "label", "figcaption",
    "caption", "blockquote", "div", "section", "article", "legend", "ol", "ul", "dl", "table", "tr", "details",
    "fieldset", "form", "button", "select", "option", "figure", "header", "footer", "aside", "main",
}
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass
class Block:
    """Text of one block element (paragraph, list item, heading …), never crossing another block."""

    tag: str
    classes: frozenset[str]
    segments: list[tuple[str, str]] = field(default_factory=list)  # (text, language)

    @property
    def text(self) -> str:
        return _squash("".join(t for t, _ in self.segments))

    @property
    def text_nl(self) -> str:
        """The text without passages marked as another language (lang="en" titles and the like)."""
        return _squash("".join(t if lang.startswith("nl") else " " for t, lang in self.segments))

    @property
    def is_heading(self) -> bool:
        return self.tag in HEADING_TAGS


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class _MainText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        # one entry per open element: (tag, classes, skipped, lang)
        self.stack: list[tuple[str, frozenset[str], bool, str]] = []
        self.blocks: list[Block] = []
        self.current: Block | None = None
        self.in_article = 0  # depth of the article element in the stack, 0 = outside

    def _flush(self) -> None:
        if self.current is not None and self.current.text:
            self.blocks.append(self.current)
        self.current = None

    def _context(self) -> tuple[frozenset[str], bool, str, str]:
        classes: set[str] = set()
        skipped = False
        lang = "nl"
        tag = "div"
        for t, c, s, lg in self.stack[self.in_article - 1:] if self.in_article else []:
            classes |= c
            skipped = skipped or s
            lang = lg or lang
            if t in BLOCK_TAGS:
                tag = t
        return frozenset(classes), skipped, lang, tag

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = frozenset((values.get("class") or "").split())
        if tag in VOID:
            if tag == "br" and self.current is not None:
                self.current.segments.append((" ", "nl"))
            return
        if not self.in_article:
            if tag == "article" and "md-content__inner" in classes:
                self.stack.append((tag, classes, False, values.get("lang") or ""))
                self.in_article = len(self.stack)
            else:
                self.stack.append((tag, classes, False, ""))
            return
        skipped = (tag in SKIP_TAGS or "hidden" in values or values.get("aria-hidden") == "true"
                   or bool(classes & BIBLIOGRAPHIC_CLASSES))
        if tag in BLOCK_TAGS:
            self._flush()
        self.stack.append((tag, classes, skipped, values.get("lang") or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        # Pop to the matching element (tolerates the odd unclosed element).
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                if self.in_article and tag in BLOCK_TAGS:
                    self._flush()
                del self.stack[i:]
                if self.in_article and len(self.stack) < self.in_article:
                    self._flush()
                    self.in_article = 0
                return

    def handle_data(self, data: str) -> None:
        if not self.in_article:
            return
        classes, skipped, lang, tag = self._context()
        if skipped:
            return
        if self.current is None:
            self.current = Block(tag=tag, classes=classes)
        self.current.segments.append((data, lang))

    def close(self) -> None:
        super().close()
        self._flush()


def main_blocks(html: str) -> list[Block]:
    """The visible text blocks of a page's main article."""
    parser = _MainText()
    parser.feed(html)
    parser.close()
    return parser.blocks


@dataclass
class Page:
    name: str  # site-relative URL, e.g. "bewoners/wijkbudget/"
    path: Path
    blocks: list[Block]

    def prose(self, *, within: str | None = None) -> list[str]:
        """Running text for readability: no headings, no UI labels; optionally only blocks with a class."""
        out = []
        for b in self.blocks:
            if b.is_heading or b.tag == "summary" or b.tag == "button" or b.classes & NON_PROSE_CLASSES:
                continue
            if _LABEL_ONLY.fullmatch(b.text):  # "Bron:" whose citations were left out as bibliographic
                continue
            if within and within not in b.classes:
                continue
            out.append(b.text)
        return out


_LABEL_ONLY = re.compile(r"[^.!?]{0,30}[:;][\s:;,]*")
# Metadata lines and labels on generated pages: real text, but not running prose to grade.
NON_PROSE_CLASSES = {"wg-kicker", "wg-review", "wg-ll__meta", "wg-ll__cited", "wg-sr", "wg-miniladder"}


def site_pages(site: Path) -> list[Page]:
    """Every built HTML page that has a main article, sorted by URL."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        blocks = main_blocks(path.read_text(encoding="utf-8"))
        if not blocks:
            continue
        rel = path.relative_to(site).as_posix()
        name = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        pages.append(Page(name=name or "/", path=path, blocks=blocks))
    return pages


# --------------------------------------------------------------------------------------------------
# Readability: sentences, words, syllables, Flesch–Douma
# --------------------------------------------------------------------------------------------------

# Dutch abbreviations that end in a full stop without ending the sentence (lower case, final dot included).
ABBREVIATIONS = frozenset("""
a.s. afb. art. blz. bv. bijv. bijvoorbeeld. ca. d.w.z. dhr. dr. drs. e.a. e.d. e.v. enz. etc. evt. excl.
fig. hfst. i.p.v. i.s.m. incl. ing. ir. jl. jr. m.b.t. m.b.v. m.i.v. m.n. max. mevr. min. mln. mr. mrd.
n.a.v. nl. nr. o.a. o.b.v. ong. p. pp. prof. red. resp. sr. st. t.a.v. t.b.v. t.o.v. vgl. vs. z.d. zgn.
""".split()) - {"bijvoorbeeld."}
_INITIAL = re.compile(r"^(?:[A-ZÀ-Ý][a-z]?\.)+$")  # J.  W.J.  Th.
_CLOSERS = "\"'”’»)]"
_WORD_CHARS = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]")


def split_sentences(text: str) -> list[list[str]]:
    """Sentences of one block as lists of tokens. A block always ends a sentence; inside it a token
    ending in . ! ? (or …) ends one, unless it is a known abbreviation or an initial, or the next token
    starts with a lower-case letter."""
    tokens = text.split()
    sentences: list[list[str]] = []
    current: list[str] = []
    for i, token in enumerate(tokens):
        current.append(token)
        core = token.rstrip(_CLOSERS)
        if not core.endswith((".", "!", "?", "…")):
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        bare = core.lstrip("(\"'“‘«[").lower()
        if core.endswith(".") and (bare in ABBREVIATIONS or _INITIAL.match(core.lstrip("(\"'“‘«["))):
            continue
        first = nxt.lstrip("(\"'“‘«[")
        if first and first[0].islower():
            continue
        sentences.append(current)
        current = []
    if current:
        sentences.append(current)
    return [s for s in (_words(s) for s in sentences) if s]


def _words(tokens: list[str]) -> list[str]:
    return [t for t in tokens if _WORD_CHARS.search(t)]


_VOWELS = "aeiouyáàâéèêíìîóòôúùûäëïöü"
_DIAERESIS = "äëïöü"  # a diaeresis opens a new syllable: co-ö-pe-ra-tie, i-de-e-ën, cli-ënt


def syllables(word: str) -> int:
    """Dutch syllable count from vowel groups: aa, ee, ie, oe, eu, ui, ei, ij, au, ou, aai, ooi, ieu … are one
    nucleus; a vowel with a diaeresis starts a new one. At least 1 for any word with a letter."""
    w = word.lower().replace("ij", "y")
    w = "".join(ch for ch in w if ch.isalpha())
    if not w:
        return 0
    count = 0
    previous_vowel = False
    for ch in w:
        vowel = ch in _VOWELS
        if vowel and (not previous_vowel or ch in _DIAERESIS):
            count += 1
        previous_vowel = vowel
    return max(count, 1)


@dataclass
class Readability:
    sentences: int
    words: int
    syllables: int
    letter_words: int  # words with at least one letter (numbers have no syllables to count)

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.letter_words if self.letter_words else 0.0

    @property
    def flesch_douma(self) -> float:
        """Flesch–Douma (1960): 206.835 − 0.93 × words per sentence − 77 × syllables per word."""
        return 206.835 - 0.93 * self.words_per_sentence - 77 * self.syllables_per_word


def readability(blocks: list[str]) -> Readability:
    sentences = [s for text in blocks for s in split_sentences(text)]
    words = [w for s in sentences for w in s]
    counted = [syllables(w) for w in words]
    letter_counts = [c for c in counted if c > 0]
    return Readability(sentences=len(sentences), words=len(words), syllables=sum(letter_counts),
                       letter_words=len(letter_counts))


def readability_table(rows: list[tuple[str, Readability, str]]) -> str:
    """A fixed-width table: page, sentences, words, words/sentence, syllables/word, Flesch–Douma, note."""
    width = max([len(name) for name, _, _ in rows] + [6])
    lines = [f"{'pagina':<{width}}  zinnen  woorden  w/zin  lg/w  Flesch-Douma  ",
             "-" * (width + 50)]
    for name, r, note in rows:
        if not r.sentences:
            lines.append(f"{name:<{width}}  {0:>6}  {0:>7}  {'-':>5}  {'-':>4}  {'-':>12}  {note}".rstrip())
            continue
        lines.append(f"{name:<{width}}  {r.sentences:>6}  {r.words:>7}  {r.words_per_sentence:>5.1f}  "
                     f"{r.syllables_per_word:>4.2f}  {r.flesch_douma:>12.1f}  {note}".rstrip())
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------------
# Spelling: hunspell with the Dutch dictionary
# --------------------------------------------------------------------------------------------------

_URLISH = re.compile(r"(://|^www\.|@|\.[a-z]{2,4}/|\.(?:nl|com|org|eu|net|be|uk|json|yaml|yml|bib|ris|txt|md|html|csv|xml|svg|zip|js|css|py|pdf)$)",
                     re.IGNORECASE)
_STRIP = "\"'“”‘’«»()[]{}.,;:!?…–—-*·|<>=+&%§#"


def spelling_tokens(text: str) -> list[str]:
    """Words to spell-check in a text: no URLs, e-mail addresses, file paths, abbreviations or tokens with a digit
    (B1, WGS84, 2017). "en/of" is checked as two words."""
    out = []
    for raw in text.replace("’", "'").replace("‘", "'").split():
        bare = raw.strip(_STRIP)
        if _URLISH.search(bare) or _URLISH.search(raw):
            continue
        if bare.startswith("/") or bare.endswith("/") or bare.count("/") > 1:  # a folder: data/methods/
            continue
        if raw.lower().lstrip("(").rstrip(_CLOSERS + ",;:") in ABBREVIATIONS:
            continue
        for part in (raw.split("/") if "/" in raw else [raw]):
            # Keep the apostrophe of 's, zo'n and auto's; drop surrounding punctuation and dangling hyphens
            # ("wijk- en buurtbudget").
            word = part.rstrip(_STRIP) if part.startswith("'s") else part.strip(_STRIP)
            if word.endswith("'") and not word.endswith("s'"):
                word = word.rstrip("'")
            if not word or any(ch.isdigit() for ch in word) or "." in word or not any(ch.isalpha() for ch in word):
                continue
            out.append(word)
    return out


def hunspell_available(dictionary: str = "nl_NL") -> bool:
    if not shutil.which("hunspell"):
        return False
    return any(Path(d, f"{dictionary}.dic").exists() for d in ("/usr/share/hunspell", "/usr/share/myspell"))


def read_wordlist(path: Path) -> list[str]:
    """The project word list: one word per line; blank lines and lines starting with # are ignored."""
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.append(line)
    return words


def unknown_words(words: list[str], *, wordlist: Path | None = None, dictionary: str = "nl_NL") -> set[str]:
    """The words hunspell does not accept. Each word goes on its own line and ``hunspell -L`` prints the
    lines that hold a misspelling, so every answer maps back to exactly one word."""
    unique = sorted(set(words))
    if not unique:
        return set()
    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["hunspell", "-L", "-i", "UTF-8", "-d", dictionary]
        if wordlist is not None:
            personal = Path(tmp, "woordenlijst.dic")
            personal.write_text("\n".join(read_wordlist(wordlist)) + "\n", encoding="utf-8")
            cmd += ["-p", str(personal)]
        env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
        result = subprocess.run(cmd, input="\n".join(unique) + "\n", capture_output=True, text=True,
                                encoding="utf-8", env=env, check=True, timeout=300)
    bad = {line for line in result.stdout.splitlines() if line}
    # A hyphenated compound of known parts is fine (Trudo-directeur, ABCD-methode, Noord-Brabant); so is a
    # name written with a middle dot (Com·wonen), which hunspell cannot hold as one word.
    hyphenated = sorted(w for w in bad if "-" in w.strip("-") or "·" in w.strip("·"))
    if hyphenated:
        parts = [p for w in hyphenated for p in compound_parts(w)]
        bad_parts = unknown_words(parts, wordlist=wordlist, dictionary=dictionary)
        bad -= {w for w in hyphenated if not any(p in bad_parts for p in compound_parts(w))}
    return bad


def compound_parts(word: str) -> list[str]:
    """Trudo-directeur -> [Trudo, directeur]; Com·wonen -> [Com, wonen]."""
    return [p for p in re.split(r"[-·]", word) if p]


# --------------------------------------------------------------------------------------------------
# Overlap with seed documents
# --------------------------------------------------------------------------------------------------

_NON_WORD = re.compile(r"[^0-9a-zà-öø-ÿ]+")


def normalise_words(text: str) -> list[str]:
    """Lower case, punctuation stripped, hyphenation at line ends undone, split into words."""
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)  # belangheb-\nbenden -> belanghebbenden
    text = text.lower().replace("’", "").replace("'", "")
    return [w for w in _NON_WORD.split(text) if w]


def ngrams(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def overlaps(words: list[str], seed_grams: set[tuple[str, ...]], n: int) -> list[str]:
    """Maximal runs of >= n words that occur in a seed, each as a phrase."""
    hits = [i for i in range(len(words) - n + 1) if tuple(words[i:i + n]) in seed_grams]
    runs: list[str] = []
    start: int | None = None
    end = 0
    for i in hits:
        if start is not None and i <= end - n + 1:
            end = i + n
            continue
        if start is not None:
            runs.append(" ".join(words[start:end]))
        start, end = i, i + n
    if start is not None:
        runs.append(" ".join(words[start:end]))
    return runs


# --------------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.textcheck", description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="de gebouwde site (map met index.html)")
    parser.add_argument("--spelling", action="store_true", help="meld ook onbekende woorden per pagina")
    args = parser.parse_args(argv)
    pages = site_pages(args.site)
    rows = [(p.name, readability(p.prose()), "") for p in pages]
    print(readability_table(rows))
    if args.spelling:
        root = Path(__file__).resolve().parent.parent
        per_page = {p.name: spelling_tokens(" ".join(b.text_nl for b in p.blocks)) for p in pages}
        bad = unknown_words([w for ws in per_page.values() for w in ws],
                            wordlist=root / "tests" / "fixtures" / "woordenlijst.txt")
        for name, ws in per_page.items():
            wrong = sorted({w for w in ws if w in bad})
            if wrong:
                print(f"{name}: {', '.join(wrong)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
