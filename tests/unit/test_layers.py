"""The layers stay apart: validation and the curator commands never load rendering code or MkDocs.

Each import runs in a fresh interpreter, so modules other tests loaded do not hide a stray import.
"""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("macros.site", "macros.figures", "macros.main", "mkdocs", "material", "jinja2")


def loaded_after(module: str) -> list[str]:
    """Every module name in sys.modules after `import <module>` in a new Python."""
    code = f"import json, sys; import {module}; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def forbidden(names: list[str]) -> list[str]:
    return [name for name in names if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)]


@pytest.mark.parametrize("module", [
    "macros.data.dataset", "macros.data.cited_by", "macros.data.export", "macros.bibliography",
    "scripts.check", "scripts.wijkengids", "macros.bibliography.importer", "macros.data.record_template",
    "macros.data.review_record",
])
def test_data_layer_and_curator_commands_import_no_rendering(module: str) -> None:
    names = loaded_after(module)
    assert module in names
    assert not forbidden(names), f"{module} pulls in {forbidden(names)}"


def test_the_check_notices_a_rendering_import() -> None:
    """The same check on the page builder finds the site layer, so the test above can fail."""
    assert "macros.site.build" in forbidden(loaded_after("macros.site.build"))


def package_imports() -> dict[str, set[str]]:
    """{package below macros/: the other packages below macros/ its modules import}, read from the source
    (relative imports resolved), so an import inside a function counts too."""
    graph: dict[str, set[str]] = {}
    for path in sorted((ROOT / "macros").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if len(parts) < 3:  # macros/main.py, macros/__init__.py: the adapter, not a package
            continue
        package = parts[1]
        module_parts = list(parts[:-1])  # the package a relative import starts from
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = module_parts[:len(module_parts) - node.level + 1] if node.level else []
                target = ".".join([*base, *([node.module] if node.module else [])])
                names = [target] + [f"{target}.{alias.name}" for alias in node.names]
            for name in names:
                bits = name.split(".")
                if len(bits) >= 2 and bits[0] == "macros" and (ROOT / "macros" / bits[1]).is_dir() and bits[1] != package:
                    graph.setdefault(package, set()).add(bits[1])
    return graph


def mutual(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    return sorted((a, b) for a, targets in graph.items() for b in targets if a < b and a in graph.get(b, set()))


def test_no_package_imports_one_that_imports_it_back() -> None:
    """data/ and bibliography/ share what both need through core/, a leaf: no two packages lean on each other."""
    graph = package_imports()
    assert "bibliography" in graph.get("data", set())  # the reading is real: data uses the bibliography
    assert mutual(graph) == []
    assert graph.get("core", set()) == set()


def test_the_package_check_finds_a_cycle() -> None:
    assert mutual({"data": {"bibliography"}, "bibliography": {"data"}}) == [("bibliography", "data")]
