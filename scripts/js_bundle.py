"""One classic script from the site's ES modules, for the offline copy (scripts/offline.py).

Browsers refuse module scripts opened from disk (a file:// page has no origin to allow them), so the offline
copy runs the same code as one ordinary script. Written for the small subset the site's modules keep to, which
the linter enforces (tools/lint/eslint.config.js):

* ``import { a, b as c } from "./x.js";`` on one line, before any other statement;
* ``export function name`` and ``export const name`` (no default export, no ``export { … }`` lists,
  no ``import * as``).

Each module becomes one function scope, run in the order a browser runs modules (what it imports first,
each module once); an import becomes ``var { a, b: c } = modules["…"];`` on the same line, so line numbers in
an error message stay those of the source file. A statement outside the subset stops with ``file:line``.
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable

_IMPORT = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"([^"]+)";?\s*$')
_EXPORT = re.compile(r"^export\s+(?:(?:async\s+)?function\*?\s+([A-Za-z_$][\w$]*)|const\s+([A-Za-z_$][\w$]*))")
_OTHER = re.compile(r"^\s*(?:import\s*[^\s(.]|export\b)")
_NAME = re.compile(r"^[A-Za-z_$][\w$]*$")


class BundleError(ValueError):
    """A module outside the subset above, an import that cannot be found, or an import cycle."""


def _bindings(spec: str, where: str) -> str:
    """'a, b as c' -> 'a, b: c' (the destructuring that binds the same names)."""
    out = []
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        name, _, local = (w.strip() for w in part.partition(" as "))
        if not _NAME.match(name) or (local and not _NAME.match(local)):
            raise BundleError(f"{where}: import: '{part}' is geen naam")
        out.append(f"{name}: {local}" if local and local != name else name)
    return ", ".join(out)


def _module(path: str, text: str, resolve: Callable[[str, str], str]) -> tuple[list[str], str]:
    """(the modules it imports, its body as a function that returns its exports)."""
    imports: list[str] = []
    exports: list[str] = []
    lines = text.split("\n")
    code_started = False
    in_comment = False
    for number, line in enumerate(lines, 1):
        where = f"{path}:{number}"
        stripped = line.strip()
        if in_comment or stripped.startswith("/*"):
            in_comment = "*/" not in stripped
            continue
        found = _IMPORT.match(line)
        if found:
            if code_started:
                raise BundleError(f"{where}: import: zet elke import bovenaan, voor de rest van de code")
            target = resolve(path, found.group(2))
            imports.append(target)
            lines[number - 1] = f"var {{ {_bindings(found.group(1), where)} }} = modules[{_js_string(target)}];"
            continue
        exported = _EXPORT.match(line)
        if exported:
            exports.append(exported.group(1) or exported.group(2))
            lines[number - 1] = line[len("export"):].lstrip()
        elif _OTHER.match(line):
            raise BundleError(f"{where}: {stripped[:60]}: niet te bundelen (tip: gebruik `import {{ … }} from "
                              f"\"./x.js\";`, `export function` of `export const`)")
        if stripped and not stripped.startswith("//"):
            code_started = True
    returned = ", ".join(f"{name}: {name}" for name in exports)
    body = "\n".join(lines).rstrip("\n")
    return imports, f"(function () {{\n{body}\nreturn {{ {returned} }};\n}})()"


def _js_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def bundle(entries: Iterable[str], read: Callable[[str], str], note: str = "") -> str:
    """One classic script running ``entries`` (paths like 'assets/js/checklist.js', in page order) and what
    they import, as the browser would run them as modules; ``read(path)`` gives a module's text."""
    def resolve(importer: str, spec: str) -> str:
        if not spec.startswith(("./", "../")):
            raise BundleError(f"{importer}: import \"{spec}\": alleen een eigen bestand (./…) is te bundelen")
        return posixpath.normpath(posixpath.join(posixpath.dirname(importer), spec))

    done: dict[str, str] = {}  # path -> its function, in the order modules run
    active: list[str] = []

    def visit(path: str) -> None:
        if path in done:
            return
        if path in active:
            raise BundleError(f"{path}: import: een kring van imports ({' -> '.join([*active, path])})")
        active.append(path)
        try:
            text = read(path)
        except OSError as error:
            raise BundleError(f"{active[-2] if len(active) > 1 else path}: import: {path} niet gevonden "
                              f"({error.strerror})") from error
        imports, body = _module(path, text, resolve)
        for target in imports:
            visit(target)
        active.pop()
        done[path] = body

    for entry in entries:
        visit(posixpath.normpath(entry))
    parts = [f"modules[{_js_string(path)}] = {body};" for path, body in done.items()]
    header = f"// {note}\n" if note else ""
    return header + '(function () {\n"use strict";\nvar modules = {};\n' + "\n".join(parts) + "\n})();\n"
