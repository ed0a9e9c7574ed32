"""A strict YAML loader for curator files that keeps line numbers.

PyYAML's ``safe_load`` silently keeps the last of two duplicate keys, turns ``NO`` into False,
``010`` into 8 and ``12:30`` into 750, and forgets where a value came from. This loader builds
values from the parser's *events* (the fast C parser when available) so that:

* every mapping, list and string remembers its 1-based line (``.line``) and each key's line;
* scalars stay text, except plain whole numbers and decimals (with or without exponent) written
  without leading zeros;
  booleans, dates and sexagesimals are never guessed;
* duplicate keys, tags (``!include``), anchors/aliases (alias bombs) and deep nesting are refused;
* bad bytes (not UTF-8, NUL, tabs in indentation) are reported with line and column;
* files larger than ``MAX_BYTES`` are refused before parsing (a paste accident, or a way to stall the build).

Every problem is added to a :class:`Problems`; the caller decides what to do with the file.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from ..core.problems import Problems, quote

_Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader]
try:  # the C parser is ~15x faster; fall back to pure Python where libyaml is missing
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

MAX_DEPTH = 12
MAX_BYTES = 1_000_000  # the largest real file is a few kB; this bounds the cost of every later check
_INT = re.compile(r"-?(0|[1-9][0-9]*)")
# A decimal, also with an exponent (1.5e-7): the web editor's YAML library writes very small or large
# numbers that way (docs/redactie/bewerken/formats.js); never a bare word, so it is not ambiguous.
_DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+([eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)")
_NULLS = {"", "~", "null", "Null", "NULL"}
_ALLOWED_TAGS = {None, "!", "tag:yaml.org,2002:str"}
_EATEN_COMMENT = re.compile(r"\s+#")
# Control characters YAML refuses or reads as a line break (NEL, LS, PS, a lone CR), and invisible
# characters that change how text reads (zero-width space, bidi overrides, a BOM inside the text).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff\ufffe\uffff]")


class YStr(str):
    """A string that knows on which line it was written."""

    line: int = 0
    plain: bool = False  # written without quotes (used to spot ' #' that YAML ate as a comment)
    literal: bool = False  # a '|' block: its text starts on the next line, line for line


class YInt(int):
    line: int = 0
    text: str = ""  # as written, for messages: '1.10', not 1.1


class YFloat(float):
    line: int = 0
    text: str = ""


class YMap(dict[str, Any]):
    """A mapping with its own line and the line of every key."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class YList(list[Any]):
    """A list with its own line and the line of every item (an empty item has no value to carry it)."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


def line_of(value: Any, default: int = 0) -> int:
    return getattr(value, "line", 0) or default


_FIELD_AT = re.compile(r"\s*(?:-\s+)*([A-Za-z_][\w-]*)\s*:(?:\s|$)")


def field_at(line: str) -> str:
    """The field a raw line starts with ('name' for '  name: Caf…'), for problems found before parsing."""
    match = _FIELD_AT.match(line)
    return match.group(1) if match else ""


def load_yaml(path: Path, display: str, problems: Problems) -> Any:
    """Load one curator file. Returns None (and adds problems) when it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.add(display, 1, "", f"het bestand kan niet worden gelezen ({exc.strerror or 'onbekende fout'})",
                     "controleer of het bestand bestaat en of je het mag lezen")
        return None
    return parse_yaml(raw, display, problems)


def parse_yaml(raw: bytes, display: str, problems: Problems) -> Any:
    """Load the bytes of one curator file (the text a command is about to write, say) as ``load_yaml`` does."""
    if len(raw) > MAX_BYTES:
        problems.add(display, 1, "", f"het bestand is te groot ({len(raw) // 1000} kB; maximaal {MAX_BYTES // 1000} kB)",
                     "een record hoort kort te zijn; staat er per ongeluk iets dubbel of geplakt in?")
        return None
    text = _decode(raw, display, problems)
    if text is None:
        return None
    if not _check_characters(text, display, problems):
        return None
    try:
        return _build(text, display, problems)
    except yaml.MarkedYAMLError as exc:
        _report_syntax(exc, text, display, problems)
        return None
    except yaml.YAMLError as exc:  # e.g. a character the reader refuses that the checks above missed
        position = getattr(exc, "position", 0) or 0
        line = text.count("\n", 0, position) + 1
        problems.add(display, line, "", f"YAML kan dit niet lezen ({exc})", "verwijder onzichtbare of vreemde tekens")
        return None


def _decode(raw: bytes, display: str, problems: Problems) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.add(display, 1, "", "bestand begint met een BOM-teken; dat is genegeerd",
                     "sla het bestand op als 'UTF-8 zonder BOM'", severity="waarschuwing")
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        start = before.rfind(b"\n") + 1
        end = raw.find(b"\n", start)
        field = field_at(raw[start: end if end >= 0 else len(raw)].decode("utf-8", "replace"))
        problems.add(display, line, field, f"kolom {col}: geen geldige UTF-8-tekst (byte 0x{raw[exc.start]:02x})",
                     "sla het bestand op als UTF-8; raad de tekencodering nooit")
        return None


def _check_characters(text: str, display: str, problems: Problems) -> bool:
    ok = True
    for number, line in enumerate(text.split("\n"), start=1):
        line = line[:-1] if line.endswith("\r") else line  # Windows line ends are fine
        bad = _CONTROL.search(line)
        if bad:
            problems.add(display, number, field_at(line), f"kolom {bad.start() + 1}: verboden teken U+{ord(bad.group()):04X}",
                         "verwijder het onzichtbare teken")
            ok = False
        indent = len(line) - len(line.lstrip(" \t"))
        if "\t" in line[:indent]:
            problems.add(display, number, field_at(line), f"kolom {line.index(chr(9)) + 1}: tab gebruikt om in te springen",
                         "gebruik spaties in plaats van tabs")
            ok = False
    return ok


def _scalar(event: yaml.ScalarEvent, lines: list[str], problems: Problems, display: str,
            where: Callable[[], str] = str) -> Any:
    line = event.start_mark.line + 1 if event.start_mark else 0
    value = event.value
    if not event.style:  # plain, unquoted (C parser says "", Python parser None)
        if value in _NULLS:
            return None
        if _INT.fullmatch(value):
            number: Any = YInt(int(value))
            number.line, number.text = line, value
            return number
        if _DECIMAL.fullmatch(value):
            number = YFloat(float(value))
            number.line, number.text = line, value
            return number
    result = YStr(value)
    result.line = line
    result.plain = not event.style
    result.literal = event.style == "|"
    end = event.end_mark
    if result.plain and end is not None and end.line < len(lines) and _EATEN_COMMENT.match(lines[end.line][end.column:]):
        problems.add(display, end.line + 1, where(), f"alles na ' #' is als commentaar weggelaten; over blijft {quote(value)}",
                     "zet de tekst tussen aanhalingstekens; echt commentaar zet je op een eigen regel")
    return result


def _build(text: str, display: str, problems: Problems) -> Any:
    """Turn parser events into YMap/YList/YStr values without recursion."""
    return _TreeBuilder(text, display, problems).build()


class _TreeBuilder:
    """Builds the value tree from the parser's events, one step per kind of event. Keeps a stack of
    open containers instead of recursing, so deep nesting cannot overflow Python's stack."""

    def __init__(self, text: str, display: str, problems: Problems):
        self.text, self.display, self.problems = text, display, problems
        self.lines = text.splitlines()
        self.stack: list[Any] = []
        self.pending_key: list[Any] = []  # for each open mapping: the key waiting for its value
        self.key_lines: dict[int, int] = {}  # id(mapping) -> line of the key waiting for its value
        self.root: Any = None
        self.documents = 0

    def build(self) -> Any:
        for event in yaml.parse(self.text, Loader=_Loader):
            line = event.start_mark.line + 1 if event.start_mark else 0
            if isinstance(event, yaml.DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    self.problems.add(self.display, line, "", "het bestand bevat meer dan één YAML-document ('---')",
                                      "zet elk record in een eigen bestand")
                    return None
                continue
            self.refuse_constructs(event, line)
            if isinstance(event, yaml.ScalarEvent):
                self.attach(_scalar(event, self.lines, self.problems, self.display, self.where), line)
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                self.open(event, line)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                container = self.stack.pop()
                self.pending_key.pop()
                self.attach(container, container.line)
        return self.root

    def refuse_constructs(self, event: yaml.Event, line: int) -> None:
        """Aliases, anchors and tags are reported and stop the file (raises _Abort)."""
        if isinstance(event, yaml.AliasEvent):
            self.problems.add(self.display, line, self.where(), f"verwijzing '*{event.anchor}' is niet toegestaan",
                              "schrijf de tekst gewoon opnieuw uit; ankers en verwijzingen worden niet gebruikt")
            raise _Abort
        if not isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            return
        if event.anchor is not None:
            self.problems.add(self.display, line, self.where(), f"anker '&{event.anchor}' is niet toegestaan",
                              "ankers en verwijzingen worden niet gebruikt; schrijf de waarde uit")
            raise _Abort
        if event.tag not in _ALLOWED_TAGS:
            tag = (event.tag or "").replace("tag:yaml.org,2002:", "!!")  # as the curator wrote it
            self.problems.add(self.display, line, self.where(), f"label '{tag}' is niet toegestaan",
                              "laat labels als !include weg; gegevens halen geen andere bestanden binnen")
            raise _Abort

    def open(self, event: yaml.Event, line: int) -> None:
        if len(self.stack) >= MAX_DEPTH:
            self.problems.add(self.display, line, self.where(top_only=True),
                              f"de gegevens zijn dieper genest dan {MAX_DEPTH} niveaus", "controleer het inspringen")
            raise _Abort
        container: Any = YMap() if isinstance(event, yaml.MappingStartEvent) else YList()
        container.line = line
        self.stack.append(container)
        self.pending_key.append(_NO_KEY)

    def attach(self, value: Any, mark_line: int) -> None:
        """Put a finished value into the open container: as list item, as key, or as the key's value."""
        if not self.stack:
            self.root = value
            return
        parent = self.stack[-1]
        if isinstance(parent, YList):
            parent.append(value)
            parent.item_lines.append(mark_line)
            return
        key = self.pending_key[-1]
        if key is _NO_KEY:
            self.take_key(parent, value, mark_line)
            return
        if key is not _BAD_KEY:
            if key in parent:
                self.problems.add(self.display, mark_line, key,
                                  f"staat twee keer in dezelfde lijst van velden (eerst op regel {parent.key_lines[key]})",
                                  "haal een van de twee weg; YAML zou stilletjes de laatste houden")
            else:
                parent[key] = value
                parent.key_lines[key] = self.key_lines[id(parent)]
        self.pending_key[-1] = _NO_KEY

    def take_key(self, parent: YMap, value: Any, mark_line: int) -> None:
        if not isinstance(value, (YStr, YInt, YFloat)):
            self.problems.add(self.display, mark_line, "", "een sleutel moet gewone tekst zijn")
            self.pending_key[-1] = _BAD_KEY
            return
        self.pending_key[-1] = str(value)
        self.key_lines[id(parent)] = mark_line

    def where(self, top_only: bool = False) -> str:
        """The field being read, 'costs.time' or 'steps[2]' style (as schema messages name it)."""
        name = ""
        for container, key in zip(self.stack, self.pending_key):
            if isinstance(container, YList):
                name += f"[{len(container) + 1}]"
            elif isinstance(key, str):
                name += f".{key}" if name else key
            if top_only and name and not name.startswith("["):
                return name
        return name


class _Abort(yaml.MarkedYAMLError):
    """Stops reading a file after a refused construct (already reported)."""

    def __init__(self) -> None:
        super().__init__()


_NO_KEY = object()
_BAD_KEY = object()

_SYNTAX_HINTS = [
    ("mapping values are not allowed", "zet de tekst tussen aanhalingstekens als er ': ' in staat"),
    ("found character '\\t'", "gebruik spaties in plaats van tabs"),
    ("could not find expected ':'", "elke regel met een veld heeft de vorm 'veld: waarde'; controleer aanhalingstekens"),
    ("did not find expected key", "controleer het inspringen (spaties) en de aanhalingstekens"),
    ("found undefined tag handle", "laat labels met ! weg"),
    ("expected <block end>", "controleer het inspringen (spaties)"),
    ("found unexpected end of stream", "er mist een afsluitend aanhalingsteken"),
]


def _report_syntax(exc: yaml.MarkedYAMLError, text: str, display: str, problems: Problems) -> None:
    if isinstance(exc, _Abort):
        return
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 0
    col = mark.column + 1 if mark else 0
    problem = str(exc.problem or exc.context or "onleesbare YAML")
    hint = next((h for needle, h in _SYNTAX_HINTS if needle in problem), "controleer inspringen en aanhalingstekens")
    lines = text.splitlines()
    field = field_at(lines[line - 1]) if 0 < line <= len(lines) else ""
    problems.add(display, line, field, f"kolom {col}: YAML kan dit niet lezen ({problem})", hint)
