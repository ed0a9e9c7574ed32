"""axe-core as every browser test runs it, with one economy that finds the same problems.

Colour contrast is most of axe's time, and on the reading list (229 entries, 6,000 elements) one scan took
9 s. Entries of one template have the same colours: curator text cannot bring colours of its own (no HTML;
Markdown becomes the same few elements), so contrast is checked on the first entry of each shape (the
classes of the elements in it) and skipped on later entries with the same shape. Every other rule runs on
every element.
"""
from __future__ import annotations

from typing import Any

from axe_playwright_python.base import AXE_SCRIPT

BLOCKING = ("critical", "serious")
#: Lists whose items come from one template, so their colours repeat (see the module's text).
REPEATED = ".wg-ll__entry"
SAME = "data-axe-zelfde-vorm"
CONTRAST = "color-contrast"

# Marks every item after the first of its shape; returns how many it marked.
_MARK = """([selector, mark]) => {
  const shapes = new Set();
  let marked = 0;
  for (const item of document.querySelectorAll(selector)) {
    const shape = [...new Set([item, ...item.querySelectorAll('*')].map(
      (e) => e.tagName + '.' + [...e.classList].sort().join('.')))].sort().join(' ');
    if (shapes.has(shape)) { item.setAttribute(mark, ''); marked += 1; } else { shapes.add(shape); }
  }
  return marked;
}"""

_RUN = """([context, options]) => axe.run(context === null ? document : context, options)
  .then((results) => results.violations)"""


def with_every_page(browser_context) -> None:  # noqa: ANN001 - Playwright's BrowserContext
    """For a test that scans many pages: axe-core comes with every page the context loads, instead of being
    added after each load (one compile of its 500 kB fewer per page)."""
    browser_context.add_init_script(AXE_SCRIPT)


def violations(page, context: str | dict | None = None, *, contrast: bool = True) -> list[dict[str, Any]]:  # noqa: ANN001 - Playwright's Page
    """axe's violations on the page (or the part context names); contrast=False leaves colour contrast out
    (a page whose template another page already had checked)."""
    without_contrast = {"resultTypes": ["violations"], "rules": {CONTRAST: {"enabled": False}}}
    if not contrast:
        return _run(page, context, without_contrast)
    if not page.evaluate(_MARK, [REPEATED, SAME]):
        return _run(page, context, {"resultTypes": ["violations"]})
    include = [[context]] if isinstance(context, str) else (context or {}).get("include", [["html"]])
    exclude = [] if isinstance(context, str) or context is None else context.get("exclude", [])
    first_of_each_shape = {"include": include, "exclude": [*exclude, [f"[{SAME}]"]]}
    return (_run(page, context, without_contrast)
            + _run(page, first_of_each_shape, {"resultTypes": ["violations"], "runOnly": [CONTRAST]}))


def _run(page, context: str | dict | None, options: dict[str, Any]) -> list[dict[str, Any]]:  # noqa: ANN001
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    found: list[dict[str, Any]] = page.evaluate(_RUN, [context, options])
    return found


def describe(violation: dict[str, Any], where: str = "") -> str:
    """One line per violation: where, impact, rule, how many elements and the first three, axe's help."""
    targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
    return (f"{where + ': ' if where else ''}{violation['impact']} {violation['id']} "
            f"({len(violation['nodes'])}x, e.g. {targets}): {violation['help']}")


def blocking(page, context: str | dict | None = None, *, where: str = "") -> list[str]:  # noqa: ANN001
    """The critical and serious violations, described (a test asserts this list is empty)."""
    return [describe(v, where) for v in violations(page, context) if v["impact"] in BLOCKING]


def every(page, context: str | dict | None = None) -> list[str]:  # noqa: ANN001
    """Every violation, of any impact, described (for pages that must have none at all)."""
    return [describe(v) for v in violations(page, context)]
