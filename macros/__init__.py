"""Wijkengids: layered packages plus a thin mkdocs-macros adapter in ``macros.main``.

``macros.data`` (load and validate) and ``macros.bibliography`` (the reading list) are plain Python and
import nothing from ``macros.site`` (pages), ``macros.figures`` (SVG drawings) or MkDocs. Only
``macros.main`` may import MkDocs or mkdocs-macros, so scripts, tests and any future site generator share
the same code.
"""
