"""The layers stay apart: validation and the curator commands never load rendering code or MkDocs.

Each import runs in a fresh interpreter, so modules other tests loaded do not hide a stray import.
"""
from __future__ import annotations

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
