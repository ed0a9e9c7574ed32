"""The offline copy's classic script (scripts/js_bundle.py): the site's ES modules, run by Node as one
ordinary script, do what the modules do; what the bundler cannot translate stops with file:line."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from scripts.js_bundle import BundleError, bundle
from tests.support import ROOT

NODE = "node"  # installed by make with npm (the web editor and the linter need it too)


def run(code: str) -> str:
    """Run a classic script with Node (as a script, not a module: `import`/`export` would be a syntax error)."""
    result = subprocess.run([NODE, "--input-type=commonjs", "-e", code], capture_output=True, text=True,
                            timeout=30, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def from_files(files: dict[str, str]):  # noqa: ANN201 - a reader for bundle()
    def read(path: str) -> str:
        if path not in files:
            raise FileNotFoundError(2, "No such file or directory", path)
        return files[path]
    return read


def test_modules_run_once_in_import_order_with_their_names_bound() -> None:
    files = {
        "js/a.js": 'import { twice as double, LOG } from "./shared.js";\nLOG.push("a:" + double(2));\n',
        "js/b.js": 'import { LOG } from "./shared.js";\nimport { name } from "./sub/c.js";\nLOG.push("b:" + name());\n'
                   'console.log(LOG.join(" "));\n',
        "js/sub/c.js": 'import { LOG } from "../shared.js";\nLOG.push("c");\nexport function name() { return "c"; }\n',
        "js/shared.js": '// a comment\nexport const LOG = ["shared"];\nexport function twice(n) { return 2 * n; }\n',
    }
    code = bundle(["js/a.js", "js/b.js"], from_files(files))
    assert "import " not in code and "export " not in code
    assert run(code).split() == ["shared", "a:4", "c", "b:c"]


def test_a_module_is_strict_and_keeps_its_names_to_itself() -> None:
    files = {"a.js": 'var x = 1;\nexport const A = typeof this;\n',
             "b.js": 'import { A } from "./a.js";\nvar x = 2;\nconsole.log(A, x, typeof modules === "undefined" ? 0 : 1);\n'}
    out = run(bundle(["b.js"], from_files(files)) + "console.log(typeof x);\n")
    assert out.split() == ["undefined", "2", "1", "undefined"]


@pytest.mark.parametrize(("source", "line", "words"), [
    ('export default function f() {}\n', 1, "niet te bundelen"),
    ('var a = 1;\nexport { a };\n', 2, "niet te bundelen"),
    ('// x\nimport * as y from "./y.js";\n', 2, "niet te bundelen"),
    ('var a = 1;\nimport { b } from "./b.js";\n', 2, "bovenaan"),
    ('export let a = 1;\n', 1, "niet te bundelen"),
])
def test_what_it_cannot_translate_stops_with_the_file_and_line(source: str, line: int, words: str) -> None:
    with pytest.raises(BundleError, match=rf"^js/m\.js:{line}: .*{words}"):
        bundle(["js/m.js"], from_files({"js/m.js": source, "js/b.js": "export const b = 1;\n"}))


def test_a_missing_module_and_an_import_cycle_are_named() -> None:
    with pytest.raises(BundleError, match=r"^a\.js: import: gone\.js niet gevonden"):
        bundle(["a.js"], from_files({"a.js": 'import { x } from "./gone.js";\n'}))
    cycle = {"a.js": 'import { b } from "./b.js";\nexport const a = 1;\n',
             "b.js": 'import { a } from "./a.js";\nexport const b = 2;\n'}
    with pytest.raises(BundleError, match=r"kring van imports \(a\.js -> b\.js -> a\.js\)"):
        bundle(["a.js"], from_files(cycle))


def test_the_site_scripts_bundle_into_a_script_node_can_parse() -> None:
    """Every module of the site (what mkdocs.yml loads and what they import) goes into the offline script."""
    folder = ROOT / "docs"
    modules = sorted(p.relative_to(folder).as_posix() for p in (folder / "assets" / "js").glob("*.js")
                     if not p.name.startswith("material-"))
    code = bundle(modules, lambda path: (folder / path).read_text(encoding="utf-8"))
    for path in modules:
        assert f'modules["{path}"] = ' in code, path
    check = subprocess.run([NODE, "--input-type=commonjs", "--check", "-"], input=code, capture_output=True, text=True, timeout=30,
                           check=False)
    assert check.returncode == 0, check.stderr


def test_the_offline_page_loads_one_classic_script_for_the_modules(tmp_path: Path) -> None:
    from scripts import offline

    site = tmp_path / "site"
    (site / "assets" / "js").mkdir(parents=True)
    (site / "methoden").mkdir()
    (site / "assets" / "js" / "gedeeld.js").write_text("export function hello() { return 1; }\n", encoding="utf-8")
    (site / "assets" / "js" / "a.js").write_text('import { hello } from "./gedeeld.js";\nhello();\n', encoding="utf-8")
    (site / "assets" / "js" / "b.js").write_text("window.b = 1;\n", encoding="utf-8")
    page = site / "methoden" / "index.html"
    page.write_text('<script src="../assets/javascripts/bundle.js"></script>\n'
                    '<script src="../assets/js/a.js" type="module"></script>\n'
                    '<script src="../assets/js/b.js" type="module"></script>\n'
                    '<script type="module" src="../redactie/editor.js"></script>\n', encoding="utf-8")
    assert offline.module_scripts(site) == 3
    assert page.read_text(encoding="utf-8") == (
        '<script src="../assets/javascripts/bundle.js"></script>\n'
        f'<script src="../{offline.BUNDLE}"></script>\n'
        '<script type="module" src="../redactie/editor.js"></script>\n')
    run((site / offline.BUNDLE).read_text(encoding="utf-8").replace("window.b", "globalThis.b"))
