"""A strict YAML loader for curator files that keeps line numbers.

PyYAML's ``safe_load`` silently keeps the last of two duplicate keys, turns ``NO`` into False,
``010`` into 8 and ``12:30`` into 750, and forgets where a value came from. This loader builds
values from the parser's *events* (the fast C parser when available) so that:

* every mapping, list and string remembers its 1-based line (``.line``) and each key's line;
* scalars stay text, except plain whole numbers and decimals written without leading zeros;
  booleans, dates and sexagesimals are never guessed;
* duplicate keys, tags (``!include``), anchors/aliases (alias bombs) and deep nesting are refused;
* bad bytes (not UTF-8, NUL, tabs in indentation) are reported with line and column.

Every problem is added to a :class:`Problems`; the caller decides what to do with the file.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .problems import Problems

try:  # the C parser is ~15x faster; fall back to pure Python where libyaml is missing
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

MAX_DEPTH = 12
_INT = re.compile(r"-?(0|[1-9][0-9]*)")
_DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]+")
_NULLS = {"", "~", "null", "Null", "NULL"}
_ALLOWED_TAGS = {None, "!", "tag:yaml.org,2002:str"}
_EATEN_COMMENT = re.compile(r"\s+#")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class YStr(str):
    """A string that knows on which line it was written."""

    line: int = 0
    plain: bool = False  # written without quotes (used to spot ' #' that YAML ate as a comment)


class YInt(int):
    line: int = 0


class YFloat(float):
    line: int = 0


class YMap(dict):
    """A mapping with its own line and the line of every key."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class YList(list):
    line: int = 0


def line_of(value: Any, default: int = 0) -> int:
    return getattr(value, "line", 0) or default


def load_yaml(path: Path, display: str, problems: Problems) -> Any:
    """Load one curator file. Returns None (and adds problems) when it cannot be read."""
    raw = path.read_bytes()
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
        problems.add(display, line, "", f"kolom {col}: geen geldige UTF-8-tekst (byte 0x{raw[exc.start]:02x})",
                     "sla het bestand op als UTF-8; raad de tekencodering nooit")
        return None


def _check_characters(text: str, display: str, problems: Problems) -> bool:
    ok = True
    for number, line in enumerate(text.splitlines(), start=1):
        bad = _CONTROL.search(line)
        if bad:
            problems.add(display, number, "", f"kolom {bad.start() + 1}: verboden teken U+{ord(bad.group()):04X}",
                         "verwijder het onzichtbare teken")
            ok = False
        indent = len(line) - len(line.lstrip(" \t"))
        if "\t" in line[:indent]:
            problems.add(display, number, "", f"kolom {line.index(chr(9)) + 1}: tab gebruikt om in te springen",
                         "gebruik spaties in plaats van tabs")
            ok = False
    return ok


def _scalar(event: yaml.ScalarEvent, lines: list[str], problems: Problems, display: str) -> Any:
    line = event.start_mark.line + 1
    value = event.value
    if not event.style:  # plain, unquoted (C parser says "", Python parser None)
        if value in _NULLS:
            return None
        if _INT.fullmatch(value):
            number: Any = YInt(int(value))
            number.line = line
            return number
        if _DECIMAL.fullmatch(value):
            number = YFloat(float(value))
            number.line = line
            return number
    result = YStr(value)
    result.line = line
    result.plain = not event.style
    end = event.end_mark
    if result.plain and end.line < len(lines) and _EATEN_COMMENT.match(lines[end.line][end.column:]):
        problems.add(display, end.line + 1, "", f"alles na ' #' is als commentaar weggelaten; over blijft {value!r}",
                     "zet de tekst tussen aanhalingstekens; echt commentaar zet je op een eigen regel")
    return result


def _build(text: str, display: str, problems: Problems) -> Any:
    """Turn parser events into YMap/YList/YStr values without recursion."""
    stack: list[Any] = []
    pending_key: list[Any] = []  # for each open mapping: the key waiting for its value
    root: Any = None
    documents = 0

    def attach(value: Any, mark_line: int) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        parent = stack[-1]
        if isinstance(parent, YList):
            parent.append(value)
            return
        key = pending_key[-1]
        if key is _NO_KEY:
            if not isinstance(value, (YStr, YInt, YFloat)):
                problems.add(display, mark_line, "", "een sleutel moet gewone tekst zijn")
                pending_key[-1] = _BAD_KEY
                return
            pending_key[-1] = str(value)
            _key_lines[id(parent)] = mark_line
            return
        if key is not _BAD_KEY:
            if key in parent:
                problems.add(display, mark_line, key,
                             f"staat twee keer in dezelfde lijst van velden (eerst op regel {parent.key_lines[key]})",
                             "haal een van de twee weg; YAML zou stilletjes de laatste houden")
            else:
                parent[key] = value
                parent.key_lines[key] = _key_lines[id(parent)]
        pending_key[-1] = _NO_KEY

    _key_lines: dict[int, int] = {}
    lines = text.splitlines()
    for event in yaml.parse(text, Loader=_Loader):
        line = event.start_mark.line + 1 if event.start_mark else 0
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                problems.add(display, line, "", "het bestand bevat meer dan één YAML-document ('---')",
                             "zet elk record in een eigen bestand")
                return None
            continue
        if isinstance(event, yaml.AliasEvent):
            problems.add(display, line, "", f"verwijzing '*{event.anchor}' is niet toegestaan",
                         "schrijf de tekst gewoon opnieuw uit; ankers en verwijzingen worden niet gebruikt")
            raise _Abort
        if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if event.anchor is not None:
                problems.add(display, line, "", f"anker '&{event.anchor}' is niet toegestaan",
                             "ankers en verwijzingen worden niet gebruikt; schrijf de waarde uit")
                raise _Abort
            if event.tag not in _ALLOWED_TAGS:
                problems.add(display, line, "", f"label '{event.tag}' is niet toegestaan",
                             "laat labels als !include weg; gegevens halen geen andere bestanden binnen")
                raise _Abort
        if isinstance(event, yaml.ScalarEvent):
            attach(_scalar(event, lines, problems, display), line)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(stack) >= MAX_DEPTH:
                problems.add(display, line, "", f"de gegevens zijn dieper genest dan {MAX_DEPTH} niveaus",
                             "controleer het inspringen")
                raise _Abort
            container: Any = YMap() if isinstance(event, yaml.MappingStartEvent) else YList()
            container.line = line
            stack.append(container)
            pending_key.append(_NO_KEY)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            container = stack.pop()
            pending_key.pop()
            attach(container, container.line)
    return root


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
    problems.add(display, line, "", f"kolom {col}: YAML kan dit niet lezen ({problem})", hint)
